"""
Every year a narrative names, against the year it is about (the rule ``narrative.year``).

A `YearClaim` is a slot: a title's year, a comparison base, a reporting date, a
figure's own year ("2024年度预算5.00万元"), last year's outturn ("2025年当年预算执行数"),
this year's arrangement beside it ("2026年预算安排"), a project's period
("实施周期：2026年1月至12月").  `YearClaim.expected` says what each slot should name;
this module finds the report's year when only the narrative says it, and the slots a
document's own words excuse: a year whose execution it reports, a series of years.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence

from budgetdiff._model.findings import Finding, Severity

from . import patterns as pat
from .book import Book
from .claims import Claim, YearClaim, YearRole

_EXECUTION_REPORT = re.compile(r"((?:19|20)\d{2})\s*年度?\s*(?:[\u4e00-\u9fff]{0,8})?预算执行情况")
_OWN_FIGURE = frozenset({YearRole.FIGURE, YearRole.EXECUTED, YearRole.PLANNED})


def _executed_years(claims: Sequence[Claim]) -> set[int]:
    """The years whose budget execution the document reports ("2023年预算执行情况")."""
    texts = {c.section for c in claims} | {c.sentence for c in claims}
    return {int(m.group(1)) for text in texts for m in _EXECUTION_REPORT.finditer(text)}


def _excused(claim: YearClaim, executed: set[int]) -> bool:
    """
    Whether the document's own words explain a year that is not the expected one: a
    report on 2023's execution compares 2023 with 2022 and states 2023's figures; a
    sentence naming three years or more is a series ("2022年…、2023年…、2024年…").
    """
    if claim.role is YearRole.BASE:
        return claim.year + 1 in executed
    if claim.role in _OWN_FIGURE:
        named = {m.group("year") for m in pat.YEAR.finditer(claim.sentence)}
        return claim.year in executed or len(named) >= 3
    return False


def wrong_years(
    claims: Sequence[Claim], report: int, *, final: bool
) -> Iterator[tuple[tuple[YearClaim, ...], int]]:
    """
    The year slots of *claims* that do not fit a document about *report* (a 决算 when
    *final*), with the year they should name: one slip per sentence, however many
    slots of that sentence repeat it ("…比2026年预算增加…；…与2026年预算持平").

    .. versionadded:: 0.2.0
    """
    executed = _executed_years(claims)
    slips: dict[tuple[str, int, int], list[YearClaim]] = {}
    for claim in claims:
        if not isinstance(claim, YearClaim):
            continue
        want = claim.expected(report, final=final)
        if want is not None and not _excused(claim, executed):
            slips.setdefault((claim.sentence, claim.year, want), []).append(claim)
    for (_, _, want), found in slips.items():
        yield tuple(found), want


def _report_year(claims: list[YearClaim]) -> tuple[int, bool] | None:
    """The year the narrative's titles name most (the latest of a tie), and whether a 决算."""
    reports = [y for y in claims if y.role is YearRole.REPORT]
    if not reports:
        return None
    counts = Counter(y.year for y in reports)
    top = max(counts.values())
    year = max(y for y, n in counts.items() if n == top)
    return year, sum(r.final for r in reports) * 2 > len(reports)


def _years(book: Book) -> Iterator[Finding]:
    """
    Years against the year the titles say the document is about (`wrong_years`); a
    document whose tables print their year is checked against that instead, by the
    plugin check ``narrative.document``.
    """
    report = _report_year(list(book.of(YearClaim)))
    if report is None:
        return
    year, final = report
    for found, want in wrong_years(book.claims, year, final=final):
        claim = found[0]
        yield book.finding(
            "narrative.year",
            Severity.WARNING,
            found,
            role=claim.role.value,
            text=claim.text,
            stated=claim.year,
            report=year,
            final=final,
            until=claim.until,
            expected=want,
            actual=claim.year,
        )


YEAR_RULES: tuple[Callable[[Book], Iterator[Finding]], ...] = (_years,)
