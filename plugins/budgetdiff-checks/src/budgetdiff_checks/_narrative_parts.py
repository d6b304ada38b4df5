"""
The narrative's shares, changes and project counts against the tables (the
``narrative.table_share``, ``narrative.change_current`` and
``narrative.project_count`` rules of the check ``narrative.tables``).

A share stated with its part and its whole, and a change stated with both
years' figures, are checked against each other by ``narrative.consistency``;
here the tables supply what the narrative leaves out: the whole of a share
("社会保障和就业支出6.32万元，占1.46%": of which total?), the current figure of
a change stated with last year's figure only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence

from budgetdiff import Finding, Money, Severity
from budgetdiff.disclosure import compact
from budgetdiff.model import TableRole
from budgetdiff.narrative import AmountClaim, ChangeClaim, Claim, CountClaim, PercentClaim, Period
from budgetdiff.plugin import (
    CheckSubject,
    Interval,
    Location,
    PercentFit,
    fit_percent,
    implied_share,
    nearest,
)

from ._narrative_base import finding
from ._narrative_figures import WITH_MATTERS, FigureBook
from ._narrative_keys import Key, TableFigure, What, agrees, canonical, money_half
from ._narrative_labels import label
from ._narrative_subjects import GP, want_of
from ._narrative_verdicts import Verdict, claim_half

TABLE_SHARE = "narrative.table_share"
CHANGE_CURRENT = "narrative.change_current"
PROJECT_COUNT = "narrative.project_count"

_QUOTES = str.maketrans({"“": "", "”": "", '"': "", "‘": "", "’": ""})
_NOT_PROJECT_COUNT = re.compile(r"绩效|评价|自评|评级|问题|整改|单位|科室|部门|批次|人次")
_WHOLES = (
    Key(What.SPEND),
    Key(What.SPEND, "", GP),
    Key(What.SPEND, "", "fiscal"),
    Key(What.INCOME),
    Key(What.INCOME, "", "fiscal"),
    Key(What.INCOME, "", GP),
    Key(What.GRAND),
)


def wholes(part: Key) -> tuple[Key, ...]:
    """What a share of *part* may be a share of, when the narrative does not say."""
    if part.what is What.THREE:
        return (Key(What.THREE, "total"), Key(What.THREE, WITH_MATTERS))
    if part.what is What.ECONOMIC:
        return (Key(What.PERSONNEL), Key(What.PUBLIC_USE), Key(What.BASIC, "", GP), Key(What.BASIC))
    if part.what in (What.PERSONNEL, What.PUBLIC_USE):
        return (Key(What.BASIC, "", GP), Key(What.BASIC), Key(What.BASIC, "", "fiscal"))
    if part.what is What.SPEND and len(part.code) > 3:
        parents = tuple(
            Key(What.SPEND, part.code[:width], source)
            for width in (3, 5)
            if width < len(part.code)
            for source in ("", "fiscal", GP)
        )
        return (*_WHOLES, *parents)
    return _WHOLES


def share_findings(
    subject: CheckSubject, book: FigureBook, claim: PercentClaim, verdicts: Mapping[int, Verdict]
) -> Iterator[Finding]:
    """A share stated without its whole against every total of the tables it could be of."""
    if claim.whole is not None or claim.part is None:
        return
    verdict = verdicts.get(claim.part)
    if verdict is None or not verdict.agrees or verdict.figure is None:
        return
    part = verdict.figure
    part_interval = Interval.around(part.amount.yuan, part.half.yuan)
    fits: list[tuple[PercentFit, TableFigure, Interval]] = []
    for key in wholes(part.key):
        whole = canonical(book.figures(key))
        if whole is None or not whole.amount:
            continue
        whole_interval = Interval.around(whole.amount.yuan, whole.half.yuan)
        implied = implied_share(part_interval, whole_interval)
        if implied is None:
            continue
        fits.append((fit_percent(claim.value, claim.places, implied), whole, implied))
    if not fits:
        return
    named = _named(claim, [whole for _, whole, _ in fits], book)
    other = None
    if named is not None:
        fit = next(f for f in fits if f[1] is named)
        if fit[0] is PercentFit.ROUNDED:
            return
        other = next((f for f in fits if f[0] is PercentFit.ROUNDED), None)
        fits = [fit]  # a share of the whole it names: of no other
    elif any(fit is PercentFit.ROUNDED for fit, _, _ in fits):
        return
    cut = next((f for f in fits if f[0] is PercentFit.TRUNCATED), None)
    _, whole, implied = cut or fits[0]
    yield finding(
        subject,
        TABLE_SHARE,
        Severity.NOTE if cut else Severity.ERROR,
        [claim],
        locations=[*part.locations, *whole.locations, *(other[1].locations if other else ())],
        expected=nearest(implied, claim.places),
        actual=claim.value,
        said=claim.subject.name or claim.subject.raw,
        stated=claim.value,
        should=nearest(implied, claim.places),
        part=part.amount,
        whole=whole.amount,
        whole_label=label(whole.key, book),
        truncated=cut is not None,
        base=other[1].amount if other else None,
        base_label=label(other[1].key, book) if other else None,
    )


def _named(
    claim: PercentClaim, wholes: Sequence[TableFigure], book: FigureBook
) -> TableFigure | None:
    """
    The whole a share names ("占“三公”经费的8.75%"): the first of *wholes* whose name
    holds the name stated; None when it names none (or none of these).
    """
    name = _bare(claim.whole_name)
    if not name:
        return None
    return next((w for w in wholes if name in _bare(label(w.key, book)["zh"])), None)


def _bare(name: str) -> str:
    return compact(name).translate(_QUOTES).removesuffix("合计").removesuffix("的")


def _prior_of(claim: ChangeClaim, claims: Sequence[Claim]) -> AmountClaim | None:
    """Last year's figure of a change: linked, or stated before it in its sentence."""
    linked = next((c for c in claims if c.id == claim.prior), None) if claim.prior else None
    if isinstance(linked, AmountClaim):
        return linked
    before = [
        c
        for c in claims
        if isinstance(c, AmountClaim)
        and c.period is Period.PRIOR
        and c.sentence == claim.sentence
        and c.subject.name == claim.subject.name
        and c.span[1] <= claim.span[0]
    ]
    return before[-1] if before else None


def change_findings(
    subject: CheckSubject, book: FigureBook, claim: ChangeClaim, claims: Sequence[Claim]
) -> Iterator[Finding]:
    """A change stated with last year's figure only: last year's plus the change is this year's."""
    if claim.current is not None or claim.delta is None or claim.magnitude is None:
        return
    prior = _prior_of(claim, claims)
    if prior is None:
        return
    implied = prior.amount + claim.delta
    current = AmountClaim(
        id=claim.id,
        subject=claim.subject,
        line=claim.line,
        span=claim.span,
        text=claim.text,
        sentence=claim.sentence,
        section=claim.section,
        amount=implied,
        unit=claim.unit,
        places=claim.places,
        source=claim.source,
    )
    want = want_of(current, book)
    if want is None:
        return
    figures = [f for key in want.keys for f in book.figures(key) if not f.rejected]
    quoted = canonical(figures)
    if quoted is None:
        return
    half = Money(claim_half(current).yuan + money_half(prior.unit, prior.places).yuan)
    if any(agrees(implied, half, f, claim.places) for f in figures):
        return
    yield finding(
        subject,
        CHANGE_CURRENT,
        Severity.ERROR,
        [prior, claim],
        locations=quoted.locations,
        expected=quoted.amount,
        actual=implied,
        said=claim.subject.name or claim.subject.raw,
        prior=prior.amount,
        delta=claim.delta,
        implied=implied,
        table=quoted.amount,
        where=quoted.where,
        subject_label=label(want.keys[0], book),
    )


def project_count_findings(
    subject: CheckSubject, book: FigureBook, claim: CountClaim
) -> Iterator[Finding]:
    """A count of projects ("共安排项目2个") against the project table's projects."""
    table = subject.disclosure.table(TableRole.PROJECTS)
    budget = book.budget
    words = compact(claim.subject.name + claim.text)
    if (
        table is None
        or budget is None
        or claim.unit != "个"
        or claim.direction is not None
        or "项目" not in words
        or _NOT_PROJECT_COUNT.search(words)
        or claim.count == len(budget.projects)
    ):
        return
    yield finding(
        subject,
        PROJECT_COUNT,
        Severity.ERROR,
        [claim],
        locations=[Location(source=subject.disclosure.source, table=table.name)],
        expected=len(budget.projects),
        actual=claim.count,
        stated=claim.count,
        table=len(budget.projects),
        where=table.name,
    )
