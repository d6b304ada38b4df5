"""What normalising a disclosure produced: the `Budget`, and every choice it made.

A published document prints the same figure in several places; when the copies
disagree, `normalize` keeps the one the printed totals support and records a
`Resolution` naming every copy and where it was printed.  Other choices (a code
whose printed name belongs to another code, a statement contradicted elsewhere)
are recorded the same way; nothing is changed silently.
"""

from __future__ import annotations

import enum

from attrs import field, frozen

from budgetdiff._model.budget import Budget
from budgetdiff._model.fields import tuple_of
from budgetdiff._model.findings import Location
from budgetdiff._model.money import Value
from budgetdiff._read.disclosure import ReadProblem


class ResolutionKind(enum.Enum):
    """What kind of choice a `Resolution` records."""

    CONFLICT = "conflict"  # printed copies of one figure disagree; one was chosen
    CODE = "code"  # a printed code was read as another (its name, its context)
    NAME = "name"  # a printed name variant was given the catalog's name
    DROPPED = "dropped"  # a printed statement contradicted elsewhere is not carried
    INFERRED = "inferred"  # a figure the tables imply but do not print
    NOT_CARRIED = "not_carried"  # printed, but cannot go into the budget


@frozen(kw_only=True)
class Copy:
    """One printed copy of a figure: its value as printed and where."""

    value: Value | None
    location: Location
    text: str = ""  # the raw text, when it is not a plain number


@frozen(kw_only=True)
class Resolution:
    """One choice normalisation made, with the printed evidence for it."""

    kind: ResolutionKind
    rule: str  # "normalize.conflict", "normalize.economic_code", …
    subject: str  # what it is about: "2101103 公务员医疗补助"
    message: str  # Chinese
    message_en: str
    chosen: Value | None = None
    copies: tuple[Copy, ...] = field(default=(), converter=tuple_of)
    path: str = ""  # where in the budget: "expenditure[3].basic.general_public"

    @property
    def locations(self) -> tuple[Location, ...]:
        return tuple(c.location for c in self.copies)

    @property
    def values(self) -> tuple[Value | None, ...]:
        """The distinct values printed, in the order first printed."""
        return tuple(dict.fromkeys(c.value for c in self.copies))

    def __str__(self) -> str:
        return self.message_en


@frozen(kw_only=True)
class Normalized:
    """
    The canonical `Budget` of a disclosure, with what normalising it resolved.

    .. versionadded:: 0.1.0
    """

    budget: Budget
    resolutions: tuple[Resolution, ...] = field(default=(), converter=tuple_of)
    problems: tuple[ReadProblem, ...] = field(default=(), converter=tuple_of)  # from reading

    @property
    def conflicts(self) -> tuple[Resolution, ...]:
        """The resolutions between printed copies that disagree."""
        return tuple(r for r in self.resolutions if r.kind is ResolutionKind.CONFLICT)
