"""Changes between two years, and what drives them."""

from __future__ import annotations

import enum
import functools
from decimal import Decimal

from attrs import field, frozen

from budgetdiff._model.fields import tuple_of
from budgetdiff._model.money import Money, Quantity, Value


class Direction(enum.Enum):
    """The direction word of a change."""

    INCREASE = "增加"
    DECREASE = "减少"
    FLAT = "持平"
    NEW = "新增"  # nothing last year
    DISCONTINUED = "不再安排"  # nothing this year
    REVISED = "调整"  # a text that differs (a name, a description)


@frozen(kw_only=True)
class Subject:
    """
    What changed: a kind (``total``, ``function``, ``economic``, ``project``,
    ``staff``, ``three_public``, ``admin_costs``, ``procurement``, ``assets``,
    ``share``, ``reclassified``, ``field``, …), a key (a code, a normalized
    name, a field path) and the name a reader knows it by.
    """

    kind: str
    key: str
    name: str

    @property
    def id(self) -> str:
        """The change's identity, stable across runs and comparators: ``kind:key``."""
        return f"{self.kind}:{self.key}"


@frozen(kw_only=True)
class Driver:
    """A change that explains part of another, and the share of it it explains."""

    change: str  # the driver's Subject.id
    share: Decimal | None = None  # driver delta / change delta, when both are amounts
    relation: str = "part"  # part (a component), cause (e.g. staffing → wages), moved


@frozen(kw_only=True)
class Fact:
    """A figure a change was computed from, with where it came from."""

    label: str
    value: Quantity | str | None
    source: str = ""  # "2021.yaml: expenditure[0]", a table cell, a catalog row


def magnitude(value: Quantity) -> Quantity:
    """The size of a change, without its sign."""
    if isinstance(value, Money):
        return abs(value)
    if isinstance(value, Decimal):
        return abs(value)
    return abs(value)


_ZERO_MONEY = Money(Decimal(0))


def _zero_like(value: Quantity) -> Quantity:
    if isinstance(value, Money):
        return _ZERO_MONEY
    return Decimal(0) if isinstance(value, Decimal) else 0


@frozen(kw_only=True)
class Link:
    """
    A driver a comparator adds to another comparator's change (by its ``kind:key``
    id), e.g. the staffing comparator linking 员额控制人员 to 其他工资福利支出.
    """

    target: str
    driver: Driver


@frozen(kw_only=True)
class Change:
    """
    One thing that differs between the old and the new budget.

    ``old``/``new`` are None when the item does not exist in that year; the
    delta treats that as zero.  ``growth`` is None on a zero base — never
    "增长100%".
    """

    comparator: str
    subject: Subject
    old: Value | None
    new: Value | None
    drivers: tuple[Driver, ...] = field(default=(), converter=tuple_of)
    facts: tuple[Fact, ...] = field(default=(), converter=tuple_of)
    material: bool = True
    note: str = ""  # e.g. "inferred" for a detected reclassification

    @property
    def id(self) -> str:
        return self.subject.id

    @functools.cached_property
    def is_text(self) -> bool:
        return isinstance(self.old, str) or isinstance(self.new, str)

    @functools.cached_property
    def delta(self) -> Quantity:
        """new − old (an absent side counts as zero); 0 for a text."""
        old, new = self.old, self.new
        if isinstance(old, Money) and isinstance(new, Money):  # the common case, made cheap
            return Money._exact(new.yuan - old.yuan)
        sample = self.new if self.new is not None else self.old
        if sample is None or isinstance(sample, str) or self.is_text:
            return 0
        zero = _zero_like(sample)
        old = self.old if self.old is not None else zero
        new = self.new if self.new is not None else zero
        return new - old  # type: ignore[operator]

    @functools.cached_property
    def growth(self) -> Decimal | None:
        """delta / old × 100, unrounded; None when the old value is zero or absent."""
        old = self.old
        if old is None or self.is_text:
            return None
        base = old.yuan if isinstance(old, Money) else Decimal(old)
        if base == 0:
            return None
        delta = self.delta
        change = delta.yuan if isinstance(delta, Money) else Decimal(delta)
        return change * 100 / base

    @functools.cached_property
    def direction(self) -> Direction:
        if self.is_text:
            if self.old == self.new:
                return Direction.FLAT
            if not self.old:
                return Direction.NEW
            return Direction.DISCONTINUED if not self.new else Direction.REVISED
        old, new = _sign(self.old), _sign(self.new)
        if old == 0 and new != 0:
            return Direction.NEW
        if new == 0 and old != 0:
            return Direction.DISCONTINUED
        delta = _sign(self.delta)
        if delta > 0:
            return Direction.INCREASE
        if delta < 0:
            return Direction.DECREASE
        return Direction.FLAT


def _sign(value: Value | None) -> int:
    if value is None or isinstance(value, str):
        return 0
    number = value.yuan if isinstance(value, Money) else Decimal(value)
    return (number > 0) - (number < 0)
