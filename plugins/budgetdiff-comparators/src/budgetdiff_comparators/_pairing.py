"""Pairing the items of two years, and building changes from the pairs."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TypeVar

from budgetdiff import Change
from budgetdiff.model import Value
from budgetdiff.plugin import Driver, Fact, Subject

T = TypeVar("T")


def pairs(old: Mapping[str, T], new: Mapping[str, T]) -> Iterator[tuple[str, T | None, T | None]]:
    """Every key of either year, in key order, with its value in each year (None if absent)."""
    for key in sorted(old.keys() | new.keys()):
        yield key, old.get(key), new.get(key)


def change(
    comparator: str,
    kind: str,
    key: str,
    name: str,
    old: Value | None,
    new: Value | None,
    *,
    drivers: Iterable[Driver] = (),
    facts: Iterable[Fact] = (),
    note: str = "",
) -> Change:
    """A `Change` of subject ``kind:key``."""
    return Change(
        comparator=comparator,
        subject=Subject(kind=kind, key=key, name=name),
        old=old,
        new=new,
        drivers=tuple(drivers),
        facts=tuple(facts),
        note=note,
    )


def parts(ids: Iterable[str]) -> tuple[Driver, ...]:
    """Drivers that are the components of a change (their deltas sum to its delta)."""
    return tuple(Driver(change=i, relation="part") for i in ids)
