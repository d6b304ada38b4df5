"""
This year's narrative against last year's published disclosure (the check ``crossyear.figures``).

Runs only when ``budgetdiff.check`` is given last year's document of the same unit
(``subject.prior``).  Every prior-year figure the narrative states is compared with
what last year's document published for the same subject:

- a change against last year ("比2024年预算增加3,355.65万元", "与上年持平"): last
  year's figure is this year's stated figure less the change, within the rounding of
  both printed figures;
- a prior-year amount ("上年预算数为…"): the figure itself, within its rounding.

The subject is matched to last year's tables as the narrative's own figures are
matched to this year's (`_narrative_subjects.want_of` over last year's `FigureBook`:
its printed cells and its normalized budget, `budgetdiff.normalize(prior).budget`), and
last year's narrative figures of the same subject are a second source.  Conservatively:

- ``crossyear.change`` / ``crossyear.prior_amount`` (error against 上年预算, a warning
  against a bare 上年): no figure last year published for the subject agrees, and this
  year's tables do not explain it either (a misprinted current figure is
  ``narrative.table_amount``'s, not this rule's);
- ``crossyear.coverage`` (note): how many stated figures were compared, how many agree,
  and which could not be matched to last year (those are not findings);
- ``crossyear.not_checked`` (note): the prior is not last year's document (years not
  consecutive, another unit, or it prints nothing to compare with).

A change against last year's outturn (执行数) or a 决算 is not compared with a budget.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from attrs import evolve, frozen

from budgetdiff import Disclosure, Finding, Money, Severity, hookimpl
from budgetdiff.disclosure import compact
from budgetdiff.model import BudgetKind, Value
from budgetdiff.narrative import AmountClaim, ChangeClaim, Claim, Period
from budgetdiff.plugin import Check, CheckSubject, Location

from ._messages import message
from ._narrative_base import narrative_claims, style, tables_year
from ._narrative_figures import FigureBook, figure_book
from ._narrative_keys import TableFigure, agrees, canonical, money_half
from ._narrative_names import norm, same_name
from ._narrative_subjects import spend_keys, want_of

CHANGE = "crossyear.change"
PRIOR_AMOUNT = "crossyear.prior_amount"
COVERAGE = "crossyear.coverage"
NOT_CHECKED = "crossyear.not_checked"

__all__ = [
    "CHANGE",
    "COVERAGE",
    "NOT_CHECKED",
    "PRIOR_AMOUNT",
    "CrossYearFigures",
    "finding",
    "located",
    "same_unit",
]

CATALOG = "crossyear"
_LEVELS = re.compile(r"([^（）]+)（款）([^（）]+)（项）")
_UNIT_NOISE = ("本级", "（部门）", "(部门)", "（单位）", "(单位)")

# the bases naming last year's published figure; 执行数 (outturn) is no published budget
_BUDGET_BASES = frozenset({"上年", "上年预算"})
_FINAL_BASES = frozenset({"上年决算"})


@frozen(kw_only=True)
class Stated:
    """One prior-year figure the narrative states: the amount it implies, with its slack."""

    claim: Claim  # the change, or the prior amount
    about: AmountClaim  # the claim whose subject it is (a change's current figure)
    prior: Money  # what it says last year's figure was
    half: Money  # its rounding slack, in 元
    change: Money | None = None  # for a change: the signed change
    strict: bool = True  # against 上年预算 explicitly (an error), not a bare 上年


@frozen(kw_only=True)
class Match:
    """What last year's document publishes for a stated figure's subject."""

    figures: tuple[TableFigure, ...]
    narrative: tuple[AmountClaim, ...]


@frozen
class CrossYearFigures:
    """The check ``crossyear.figures``: stated prior-year figures against last year's document."""

    name: str = "crossyear.figures"

    def check(self, subject: CheckSubject) -> Iterator[Finding]:
        prior = subject.prior_subject
        if prior is None:
            return
        why = _not_last_year(subject.disclosure, prior.disclosure)
        if why:
            yield finding(subject, NOT_CHECKED, Severity.NOTE, why=why, **_names(subject))
            return
        book = figure_book(prior)
        current_book = figure_book(subject)
        earlier = [c for c in narrative_claims(prior) if _plain(c)]
        agreed: list[Stated] = []
        unmatched: list[Stated] = []
        disagreeing = 0
        for stated in _stated(subject, prior.disclosure):
            match = _match(stated, book, earlier)
            if match is None:
                unmatched.append(stated)
            elif _agrees(stated, match) or _current_misprinted(stated, match, current_book):
                agreed.append(stated)
            elif not match.figures:
                unmatched.append(stated)
            else:
                disagreeing += 1
                yield _disagreement(subject, stated, match)
        if agreed or unmatched or disagreeing:
            yield finding(
                subject,
                COVERAGE,
                Severity.NOTE,
                stated=len(agreed) + len(unmatched) + disagreeing,
                agreed=len(agreed),
                disagreeing=disagreeing,
                unmatched=[s.about.subject.raw or s.about.subject.name for s in unmatched],
                unmatched_lines=[s.claim.line for s in unmatched],
                locations=[Location(source=subject.disclosure.source, line=1)],
                **_names(subject),
            )


def finding(
    subject: CheckSubject,
    rule: str,
    severity: Severity,
    about: Sequence[Claim] = (),
    *,
    locations: Sequence[Location] = (),
    expected: Value | None = None,
    actual: Value | None = None,
    inputs: Sequence[tuple[str, Value | None]] = (),
    **data: Any,
) -> Finding:
    """A finding of *rule* (catalog ``messages/crossyear.toml``), this year's claims first."""
    data.setdefault("style", style(subject.disclosure))
    data.setdefault("line", about[0].line if about else None)
    return message(
        CATALOG,
        rule,
        severity,
        locations=(*(claim.location() for claim in about), *locations),
        expected=expected,
        actual=actual,
        inputs=inputs,
        **data,
    )


def located(locations: Sequence[Location], disclosure: Disclosure) -> str:
    """*locations* of *disclosure* as a reader of its files finds them."""
    return "；".join(str(disclosure.locate(location)) for location in locations)


def same_unit(one: str, other: str) -> bool:
    """Could *one* and *other* name the same unit (本级 and （部门） aside; unknown is unknown)?"""
    a, b = compact(one), compact(other)
    for noise in _UNIT_NOISE:
        a, b = a.replace(noise, ""), b.replace(noise, "")
    return not a or not b or a in b or b in a


def _names(subject: CheckSubject) -> dict[str, Any]:
    prior = subject.prior
    return {
        "new_source": subject.disclosure.source.rsplit("/", 1)[-1],
        "prior_source": "" if prior is None else prior.source.rsplit("/", 1)[-1],
        "new_year": tables_year(subject.disclosure),
        "prior_year": None if prior is None else tables_year(prior),
    }


def _not_last_year(new: Disclosure, prior: Disclosure) -> str:
    """Why *prior* is not last year's disclosure of *new*'s unit ("" when it is)."""
    if not prior.tables and not prior.narrative():
        return "empty"
    new_year, prior_year = tables_year(new), tables_year(prior)
    if new_year is None or prior_year is None or prior_year != new_year - 1:
        return "years"
    if not same_unit(new.unit_name, prior.unit_name):
        return "unit"
    return ""


def _plain(claim: Claim) -> bool:
    return (
        isinstance(claim, AmountClaim)
        and claim.period is Period.CURRENT
        and not claim.approximate
        and not claim.per
        and not claim.subject.inherited
    )


def _base_fits(kind: str, year: int | None, prior: Disclosure) -> bool | None:
    """Whether a base names *prior*'s figure: True strictly (上年预算), False loosely, None not."""
    prior_year = tables_year(prior)
    if year is not None and year != prior_year:
        return None
    if prior.kind is BudgetKind.FINAL:
        return True if kind in _FINAL_BASES else None
    if kind not in _BUDGET_BASES:
        return None
    return kind == "上年预算"


def _stated(subject: CheckSubject, prior: Disclosure) -> Iterator[Stated]:
    claims = narrative_claims(subject)
    for claim in claims:
        if isinstance(claim, ChangeClaim):
            strict = _base_fits(claim.base.kind.value, claim.base.year, prior)
            delta = claim.delta
            if strict is None or delta is None or claim.current is None or claim.prior is not None:
                continue  # a change stated with last year's figure: that figure is compared
            now = claims[claim.current]
            if not isinstance(now, AmountClaim) or now.approximate or now.per:
                continue
            half = money_half(now.unit, now.places)
            if claim.magnitude is not None:
                half = half + money_half(claim.unit, claim.places)
            yield Stated(
                claim=claim,
                about=now,
                prior=now.amount - delta,
                half=half,
                change=delta,
                strict=strict,
            )
        elif isinstance(claim, AmountClaim) and claim.period is Period.PRIOR:
            base = claim.base
            strict = None if base is None else _base_fits(base.kind.value, base.year, prior)
            if strict is None or claim.approximate or claim.per:
                continue
            yield Stated(
                claim=claim,
                about=claim,
                prior=claim.amount,
                half=money_half(claim.unit, claim.places),
                strict=strict,
            )


def _probe(stated: Stated) -> AmountClaim:
    """The stated figure as a current amount of last year's document, to find its subject."""
    return evolve(stated.about, amount=stated.prior, period=Period.CURRENT, base=None)


def _match(stated: Stated, book: FigureBook | None, earlier: Sequence[Claim]) -> Match | None:
    """
    What last year's tables publish for the subject, with last year's narrative figures
    of it; None when neither has it.  A figure only last year's narrative states may
    confirm a stated one, never contradict it: the narrative may name another line.
    """
    name = norm(compact(stated.about.subject.name))
    code = stated.about.subject.code
    parent = stated.about.subject.parent
    narrative = tuple(
        c
        for c in earlier
        if isinstance(c, AmountClaim)
        and name
        and norm(compact(c.subject.name)) == name
        and c.subject.code == code
        and c.subject.parent == parent
    )
    if book is None:
        return None
    figures: tuple[TableFigure, ...] = ()
    want = want_of(_probe(stated), book)
    if want is not None and want.how != "amount":  # matched by its figure alone: no match
        figures = tuple(f for key in want.keys for f in book.figures(key) if not f.rejected)
    if not figures:
        figures = _by_levels(stated.about.subject.name, book, narrative)
    if not figures and not narrative:
        return None
    if not figures:  # last year's narrative alone: it may confirm, never contradict
        return Match(figures=(), narrative=narrative)
    return Match(figures=figures, narrative=narrative)


def _by_levels(
    name: str, book: FigureBook, narrative: Sequence[AmountClaim]
) -> tuple[TableFigure, ...]:
    """
    A 项 named with its 款 and no 类 ("法院（款）一般行政事务管理（项）支出"): the one line
    under the one 款 so named whose name is the 项's, else — the 项 printed under another
    name — the one line there whose figure is the one last year's narrative states for it.
    """
    found = _LEVELS.search(compact(name))
    if found is None:
        return ()
    section, item = found.groups()

    def named(code: str, printed: str) -> bool:
        names = (*book.names_of(code), *book.catalog.function_names(code))
        return any(same_name(printed, n) for n in names)

    sections = [c for c in book.codes() if len(c) == 5 and named(c, section)]
    if len(sections) != 1:
        return ()
    items = [c for c in book.codes() if len(c) == 7 and c.startswith(sections[0])]
    chosen = [c for c in items if named(c, item)]
    if not chosen:
        chosen = [
            c
            for c in items
            if any(
                _fits(said.amount, money_half(said.unit, said.places), figure)
                for said in narrative
                for key in spend_keys(c)
                for figure in book.figures(key)
            )
        ]
    if len(chosen) != 1:
        return ()
    return tuple(f for key in spend_keys(chosen[0]) for f in book.figures(key) if not f.rejected)


def _fits(amount: Money, half: Money, figure: TableFigure) -> bool:
    return agrees(amount, half, figure, 2)


def _agrees(stated: Stated, match: Match) -> bool:
    if any(_fits(stated.prior, stated.half, f) for f in match.figures):
        return True
    return any(
        abs(stated.prior.yuan - c.amount.yuan)
        <= stated.half.yuan + money_half(c.unit, c.places).yuan
        for c in match.narrative
    )


def _current_misprinted(stated: Stated, match: Match, book: FigureBook | None) -> bool:
    """The change agrees once this year's figure is read from this year's tables instead."""
    if stated.change is None or book is None:
        return False
    want = want_of(stated.about, book)
    if want is None or want.how == "amount":
        return False
    change_half = stated.half - money_half(stated.about.unit, stated.about.places)
    for key in want.keys:
        for now in book.figures(key):
            if now.rejected:
                continue
            implied = now.amount - stated.change
            half = change_half + now.half
            if any(_fits(implied, half, f) for f in match.figures):
                return True
    return False


def _disagreement(subject: CheckSubject, stated: Stated, match: Match) -> Finding:
    prior = subject.prior
    assert prior is not None  # a match is made only against a prior
    published = canonical(match.figures) or match.figures[0]  # the tables': printed, kept
    amount = published.amount
    said = next(  # last year's narrative, where it states the same figure
        (c for c in match.narrative if _fits(c.amount, money_half(c.unit, c.places), published)),
        None,
    )
    where = [prior.locate(loc) for loc in published.locations]
    if said is not None:
        where.append(prior.locate(said.location()))
    rule = CHANGE if stated.change is not None else PRIOR_AMOUNT
    return finding(
        subject,
        rule,
        Severity.ERROR if stated.strict else Severity.WARNING,
        [stated.claim],
        locations=where,
        expected=amount,
        actual=stated.prior,
        inputs=[("this year", stated.about.amount), ("change", stated.change)],
        subject_name=stated.about.subject.raw or stated.about.subject.name,
        stated=stated.about.amount,
        sign=0 if not stated.change else 1 if stated.change.yuan > 0 else -1,
        magnitude=None if stated.change is None else Money(abs(stated.change.yuan)),
        implied=stated.prior,
        published=amount,
        where=located(published.locations, prior),
        narrative_line=None if said is None else said.line,
        **_names(subject),
    )


@hookimpl
def register_checks(register: Callable[[Check], None]) -> None:
    register(CrossYearFigures())
