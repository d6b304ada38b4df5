"""
What the tables say of one narrative amount: a `Verdict`.

`judge` compares a current-year amount with every figure the tables give its
subject, rounding as arithmetic, and says how it relates to them: it agrees
(with a printed copy, or only with the sum of the printed lines), agrees only
at whole 万元, is the exact figure cut instead of rounded, agrees only with a
copy normalisation rejected, is another subject's figure, or agrees with none.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence

from attrs import field, frozen

from budgetdiff import Money
from budgetdiff.model import truncated
from budgetdiff.narrative import AmountClaim, Claim, Period

from ._fields import tuple_of
from ._narrative_figures import FigureBook
from ._narrative_keys import TableFigure, What, agrees, money_half
from ._narrative_subjects import Want, want_of

_PRINTED = re.compile(r"(\d[\d,，]*)(\.\d+)?\s*万")
_RANK = {what: n for n, what in enumerate(What)}
_LINES = (What.SPEND, What.BASIC, What.PROJECT)
_TOTALS = (What.SPEND, What.INCOME, What.GRAND)


class Outcome(enum.Enum):
    """How a narrative amount relates to the figures the tables give its subject."""

    AGREES = "agrees"
    ROUNDING = "rounding"  # agrees with the sum of the printed lines, not the printed figure
    COARSE = "coarse"  # agrees only when read to whole 万元
    TRUNCATED = "truncated"  # the exact figure cut, not rounded
    CONFLICT = "conflict"  # agrees only with a printed copy the totals do not support
    WRONG_SUBJECT = "wrong_subject"  # agrees with another subject's figure
    MISMATCH = "mismatch"  # agrees with nothing
    ABSENT = "absent"  # a line no table prints
    UNPRINTED = "unprinted"  # its subject's table is not printed

    @property
    def agrees(self) -> bool:
        return self in _AGREEING


_AGREEING = frozenset({Outcome.AGREES, Outcome.ROUNDING, Outcome.COARSE, Outcome.TRUNCATED})


@frozen(kw_only=True)
class Verdict:
    """What the tables say of one narrative figure, with the figures that say it."""

    claim: AmountClaim
    want: Want
    outcome: Outcome
    figure: TableFigure | None = None  # the figure it agrees with, or the one to quote
    printed: TableFigure | None = None  # ROUNDING: the printed copy it misses
    agreeing: tuple[TableFigure, ...] = field(default=(), converter=tuple_of)  # CONFLICT
    figures: tuple[TableFigure, ...] = field(default=(), converter=tuple_of)
    other: TableFigure | None = None  # WRONG_SUBJECT: the other subject's figure

    @property
    def agrees(self) -> bool:
        return self.outcome.agrees


def current(claim: Claim) -> bool:
    """A current-year amount stated as such (not approximate, not a rate per year)."""
    return (
        isinstance(claim, AmountClaim)
        and claim.period is Period.CURRENT
        and not claim.approximate
        and not claim.per
    )


def claim_half(claim: AmountClaim) -> Money:
    return money_half(claim.unit, claim.places)


def printed_places(claim: AmountClaim) -> int | None:
    """The decimals the narrative printed the figure with ("17,192万元" → 0), when it shows."""
    found = list(_PRINTED.finditer(claim.text))
    if not found:
        return None
    decimals = found[-1].group(2)
    return len(decimals) - 1 if decimals else 0


def rounded(amount: Money, claim: AmountClaim) -> Money:
    """*amount* as the narrative should print it: in its unit, 四舍五入 to its places."""
    return Money.of(amount.rounded(claim.unit, claim.places), claim.unit)


def _truncates(claim: AmountClaim, figure: TableFigure) -> bool:
    """The narrative's figure is the exact *figure* cut, not rounded, to its places."""
    if figure.half.yuan or not claim.amount:
        return False
    cut = Money.of(truncated(figure.amount.to(claim.unit), claim.places), claim.unit)
    return cut == claim.amount and rounded(figure.amount, claim) != claim.amount


def _nearest(claim: AmountClaim, figures: Sequence[TableFigure]) -> TableFigure | None:
    """The figure to quote against a figure that agrees with none: a kept printed one, nearest."""
    kept = [f for f in figures if not f.rejected] or list(figures)
    if not kept:
        return None
    return min(kept, key=lambda f: (not f.printed, abs(f.amount.yuan - claim.amount.yuan)))


def judge(claim: AmountClaim, book: FigureBook) -> Verdict | None:
    """What the tables say of *claim*; None when it names nothing the tables give."""
    want = want_of(claim, book)
    if want is None:
        return None
    figures = [f for key in want.keys for f in book.figures(key)]
    main = want.keys[0].what
    if not figures:
        if main in _LINES and want.code:
            if book.budget is None or not book.budget.expenditure or not claim.amount:
                return None
            return Verdict(claim=claim, want=want, outcome=Outcome.ABSENT)
        if main in _TOTALS:
            return None
        return Verdict(claim=claim, want=want, outcome=Outcome.UNPRINTED)

    def verdict(
        outcome: Outcome,
        figure: TableFigure | None,
        *,
        printed: TableFigure | None = None,
        agreeing: Sequence[TableFigure] = (),
        other: TableFigure | None = None,
    ) -> Verdict:
        return Verdict(
            claim=claim,
            want=want,
            outcome=outcome,
            figure=figure,
            figures=figures,
            printed=printed,
            agreeing=agreeing,
            other=other,
        )

    half = claim_half(claim)
    agreeing = [f for f in figures if agrees(claim.amount, half, f, claim.places)]
    kept = [f for f in agreeing if not f.rejected]
    if kept:
        printed = [f for f in figures if f.printed and not f.rejected]
        if printed and not any(f.printed for f in kept):
            return verdict(Outcome.ROUNDING, kept[0], printed=printed[0])
        return verdict(Outcome.AGREES, next((f for f in kept if f.printed), kept[0]))
    whole_wan = money_half(claim.unit, 0)
    coarse = [
        f
        for f in figures
        if not f.rejected and printed_places(claim) == 0 and agrees(claim.amount, whole_wan, f, 0)
    ]
    if coarse:
        return verdict(Outcome.COARSE, coarse[0])
    cut = [f for f in figures if not f.rejected and _truncates(claim, f)]
    if cut:
        return verdict(Outcome.TRUNCATED, cut[0])
    quoted = _nearest(claim, figures)
    if agreeing:
        return verdict(Outcome.CONFLICT, quoted, agreeing=agreeing)
    other = _other_subject(claim, want, book)
    if other is not None:
        return verdict(Outcome.WRONG_SUBJECT, quoted, other=other)
    return verdict(Outcome.MISMATCH, quoted)


def _other_subject(claim: AmountClaim, want: Want, book: FigureBook) -> TableFigure | None:
    """
    Another subject whose figure the narrative's figure is, when it is not its own:
    of the same kind as its own first, then the more aggregate, printed first.
    """
    if not claim.amount:
        return None
    half = claim_half(claim)
    own = set(want.keys)
    main = want.keys[0]
    found: list[TableFigure] = []
    for key in book.keys():  # noqa: SIM118 (a FigureBook is not a mapping)
        if key in own or key.what is What.PROJECT_ITEM:
            continue
        for figure in book.figures(key):
            if not figure.rejected and agrees(claim.amount, half, figure, claim.places):
                found.append(figure)
                break
    if not found:
        return None

    def rank(figure: TableFigure) -> tuple[bool, int, int, bool, bool]:
        key = figure.key
        return (
            key.what is not main.what,
            _RANK[key.what],
            len(key.code),
            key.source != "",
            not figure.printed,
        )

    return min(found, key=rank)
