"""
The plugin contracts: what a comparator and a check are, and what they receive.

A comparator compares two `Budget`s and returns `Change`s; a check looks at a
`CheckSubject` and returns `Finding`s.  Both are protocols: any object with a
``name`` and the method will do (see docs/plugins.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from attrs import frozen

from budgetdiff._model.budget import Budget
from budgetdiff._model.catalog import Catalog
from budgetdiff._model.findings import Finding
from budgetdiff._model.money import ZERO, Money

from .changes import Change, Link

if TYPE_CHECKING:  # the subject pulls in the reader: a contract only names it
    from .subject import CheckSubject


@frozen(kw_only=True)
class CompareOptions:
    """
    Materiality: a change is material when its amount moves by at least
    *min_amount* or by at least *min_percent* of the old value (either suffices).
    With both at zero (the default) every change is material.
    """

    min_amount: Money = ZERO
    min_percent: Decimal = Decimal(0)


@frozen(kw_only=True)
class CompareContext:
    """What a comparator may use besides the two budgets."""

    catalog: Catalog
    options: CompareOptions


@runtime_checkable
class Comparator(Protocol):
    """
    One concern of a comparison (totals, function codes, projects, staffing, …).

    ``name`` is unique and dotted (``standard.totals``).  ``compare`` returns a
    `Change` for every subject it compared, unchanged ones included, and may
    return `Link`s that add a driver to another comparator's change.  Drivers
    and links name changes by ``kind:key``; the engine resolves them once every
    comparator has run, and drops those that name no change.
    """

    @property
    def name(self) -> str:
        """The comparator's unique dotted name, which ``--only`` and ``--block`` take."""
        ...

    def compare(self, old: Budget, new: Budget, context: CompareContext) -> Iterable[Change | Link]:
        """Every change of this concern between *old* and *new*, and links to others' changes."""
        ...


@runtime_checkable
class Check(Protocol):
    """
    One rule (or a family of rules sharing a prefix) checked against a disclosure.

    ``name`` is unique and dotted (``tables.row_sum``); ``check`` returns the
    findings for *subject* — nothing when all is well, and a finding with
    severity NOTE and a rule ending in ``.not_checked`` when an operand is
    missing (a check never guesses).
    """

    @property
    def name(self) -> str:
        """The check's unique dotted name: the prefix of the rules it reports."""
        ...

    def check(self, subject: CheckSubject) -> Iterable[Finding]:
        """The findings on *subject*: nothing when all is well."""
        ...
