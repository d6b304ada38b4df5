"""Checks of a published disclosure: the protocol every check plugin implements."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, runtime_checkable

from ._findings import Finding


@runtime_checkable
class Check(Protocol):
    """
    One rule (or a family of rules sharing a prefix) checked against a disclosure.

    ``name`` is unique and dotted (``tables.row_sum``); ``check`` returns the
    findings for *subject* — nothing when all is well, a "not checked" note when
    an operand is missing.
    """

    @property
    def name(self) -> str: ...

    def check(self, subject: object) -> Iterable[Finding]: ...
