"""
The narrative as a whole against the tables (the check ``narrative.document``).

- ``narrative.report_year`` (error): a title of the narrative names another year
  than the tables ("2023年度部门决算情况说明" over tables of 2024);
- ``narrative.base_year`` (warning): a change compared with a year other than the
  one before the tables' year;
- ``narrative.as_of_year`` (warning): assets reported as of the wrong year (a
  决算 at its own year's end, a 预算 in the year before);
- ``narrative.figure_year`` (warning): a figure's own year that is neither the
  tables' nor the one before ("2024年度预算5.00万元" in 2026), last year's outturn
  not of the year before ("2024年当年预算执行数"), this year's arrangement beside it
  not of the tables' year, a project's period ("实施周期") outside the tables' year;
- ``narrative.empty_statement`` (error): the narrative says there is no
  政府性基金 / 国有资本经营 / “三公” / 机关运行经费 money (or that their table is
  empty) while the tables print some;
- ``narrative.unit_scope`` (error): a 单位 document whose narrative's totals are
  not its own tables' — the narrative of the department (部门) it belongs to,
  reused; the narrative calling the unit's budget a 部门预算 is cited as evidence;
- ``narrative.unit_wording`` (note): a 单位 document's narrative speaking of
  "部门预算" or "本部门" (template residue);
- ``narrative.residue`` (warning), outside the narrative: template residue on every
  other prose line — cover, profile, glossary, the tables' part headings and titles
  (the narrative's own residue is ``narrative.consistency``'s).

The tables' year is the year their titles print, else their part heading's,
else the document's (`tables_year`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from attrs import frozen

from budgetdiff import Disclosure, Finding, Money, Severity, check_claims, claims, hookimpl
from budgetdiff.disclosure import SectionPart, compact
from budgetdiff.model import BudgetKind, Scope, TableRole
from budgetdiff.narrative import AmountClaim, Period, YearRole, wrong_years
from budgetdiff.plugin import Check, CheckSubject, Location

from ._narrative_base import finding, line_location, messages, narrative_claims, style, tables_year
from ._narrative_figures import FigureBook, figure_book
from ._narrative_keys import Key, What, agrees, canonical, money_half
from ._narrative_subjects import GF, SC, want_of

RESIDUE = "narrative.residue"
REPORT_YEAR = "narrative.report_year"
BASE_YEAR = "narrative.base_year"
AS_OF_YEAR = "narrative.as_of_year"
FIGURE_YEAR = "narrative.figure_year"
EMPTY_STATEMENT = "narrative.empty_statement"
UNIT_SCOPE = "narrative.unit_scope"
UNIT_WORDING = "narrative.unit_wording"

_NEGATION = re.compile(r"没有|无(?!增减|变化|增加|减少|明显)|未安排|未使用|为空表|无数据|不涉及")
_MATTERS = (
    ("政府性基金", "government_fund"),
    ("国有资本经营", "state_capital"),
    ("三公", "three"),
    ("机关运行经费", "admin"),
)
_DEPARTMENT = re.compile(r"(?<![（(])(?:本部门|部门预算|部门决算)(?![（(]单位)")
_TOTALS = {What.INCOME, What.SPEND, What.GRAND}


def _unit_document(disclosure: Disclosure) -> bool:
    """
    A 单位 document that says so ("…2024年单位预算"): the seed's family calls every
    document a 部门（单位）预算 and uses 部门 and 单位 alike, so it is not one.
    """
    title = compact(disclosure.title)
    return (
        disclosure.scope is Scope.UNIT
        and bool(re.search(r"单位(?:预算|决算)", title))
        and "部门（单位）" not in title
        and "部门(单位)" not in title
    )


class _Run:
    def __init__(self, subject: CheckSubject, book: FigureBook) -> None:
        self.subject = subject
        self.book = book
        self.disclosure = subject.disclosure
        self.year = tables_year(self.disclosure)

    def run(self) -> Iterator[Finding]:
        yield from self._residue()
        yield from self._years()
        yield from self._empty()
        if _unit_document(self.disclosure):
            yield from self._unit()

    # ------------------------------------------------------------ years

    def _years(self) -> Iterator[Finding]:
        if self.year is None:
            return
        final = self.disclosure.kind is BudgetKind.FINAL
        rules = {
            YearRole.REPORT: (REPORT_YEAR, Severity.ERROR),
            YearRole.BASE: (BASE_YEAR, Severity.WARNING),
            YearRole.AS_OF: (AS_OF_YEAR, Severity.WARNING),
        }
        claims = narrative_claims(self.subject)
        for found, want in wrong_years(claims, self.year, final=final):
            claim = found[0]
            rule, severity = rules.get(claim.role, (FIGURE_YEAR, Severity.WARNING))
            yield finding(
                self.subject,
                rule,
                severity,
                found,
                expected=want,
                actual=claim.year,
                text=claim.text,
                role=claim.role.value,
                stated=claim.year,
                until=claim.until,
                tables=self.year,
                should=want,
                final=final,
            )

    # ------------------------------------------------------------ residue outside the narrative

    def _residue(self) -> Iterator[Finding]:
        """
        Template residue on the prose the narrative checks do not read: the cover, the
        profile, the glossary, the tables' part headings and titles ("第二部分 某区XX中心
        2026年单位预算表"), each line where it is printed.
        """
        lines = [""] * self.disclosure.line_count
        for section in self.disclosure.sections:
            if section.part is SectionPart.NARRATIVE:
                continue
            _place(lines, section.line, section.title)
            for line in section.lines:
                _place(lines, line.number, line.text)
        for table in self.disclosure.tables:
            _place(lines, table.title_line, table.title)
        text = "\n".join(lines)
        if not text.strip():
            return
        for found in check_claims(claims(text, source=self.disclosure.source)):
            if found.rule == RESIDUE:
                yield found

    # ------------------------------------------------------------ statements that nothing is there

    def _empty(self) -> Iterator[Finding]:
        seen: set[tuple[int, str]] = set()
        for section in self.disclosure.narrative():
            for sentence in section.sentences:
                for clause in re.split(r"[，,。；;：:]", compact(sentence.text)):
                    if not _NEGATION.search(clause):
                        continue
                    for word, matter in _MATTERS:
                        if word not in clause or (sentence.line, matter) in seen:
                            continue
                        printed = self._printed(matter)
                        if printed is None:
                            continue
                        seen.add((sentence.line, matter))
                        amount, where = printed
                        yield finding(
                            self.subject,
                            EMPTY_STATEMENT,
                            Severity.ERROR,
                            [],
                            locations=[
                                line_location(self.subject, sentence.line, section.title),
                                *where,
                            ],
                            expected=amount,
                            actual=clause,
                            line=sentence.line,
                            lines=[sentence.line],
                            text=clause,
                            matter=matter,
                            table=amount,
                        )

    def _printed(self, matter: str) -> tuple[Money, list[Location]] | None:
        """The non-zero figure the tables print for *matter*, and where; None when there is none."""
        if matter == "three":
            keys = [Key(What.THREE, "total")]
        elif matter == "admin":
            keys = [Key(What.ADMIN)]
        else:
            source = GF if matter == "government_fund" else SC
            keys = [Key(What.SPEND, "", source), Key(What.INCOME, "", source)]
        for key in keys:
            figure = canonical(self.book.figures(key))
            if figure is not None and figure.amount:
                return figure.amount, list(figure.locations)
        role = TableRole.GOVERNMENT_FUND if matter == "government_fund" else None
        role = TableRole.STATE_CAPITAL if matter == "state_capital" else role
        table = self.disclosure.table(role) if role is not None else None
        if table is not None and not table.is_empty:
            cells = [
                c for row in table.rows for c in row.cells if c.amount is not None and c.amount
            ]
            first = cells[0] if cells else None
            if first is not None and first.amount is not None:
                return first.amount, [first.location]
        return None

    # ------------------------------------------------------------ a 单位 document

    def _unit(self) -> Iterator[Finding]:
        claims = narrative_claims(self.subject)
        wording = self._wording()
        wrong: list[dict[str, object]] = []
        about: list[AmountClaim] = []
        for claim in claims:
            if not isinstance(claim, AmountClaim) or claim.period is not Period.CURRENT:
                continue
            want = want_of(claim, self.book)
            if want is None or want.keys[0].what not in _TOTALS or want.keys[0].code:
                continue
            figures = [f for key in want.keys for f in self.book.figures(key) if not f.rejected]
            if not figures or not claim.amount:
                continue
            half = money_half(claim.unit, claim.places)
            coarse = money_half(claim.unit, 0)
            if any(
                agrees(claim.amount, half, f, claim.places) or agrees(claim.amount, coarse, f, 0)
                for f in figures
            ):
                continue
            quoted = canonical(figures)
            if quoted is None:
                continue
            about.append(claim)
            wrong.append({"line": claim.line, "stated": claim.amount, "table": quoted.amount})
        if len(wrong) >= 2:
            yield finding(
                self.subject,
                UNIT_SCOPE,
                Severity.ERROR,
                about,
                locations=[line_location(self.subject, line) for line in wording],
                expected=None,
                actual=None,
                items=wrong,
                wording=wording,
            )
        if wording:
            yield Finding(
                rule=UNIT_WORDING,
                severity=Severity.NOTE,
                message=messages().render(
                    UNIT_WORDING, "zh", {"lines": wording, "style": style(self.disclosure)}
                ),
                message_en=messages().render(
                    UNIT_WORDING, "en", {"lines": wording, "style": style(self.disclosure)}
                ),
                locations=tuple(line_location(self.subject, line) for line in wording),
            )

    def _wording(self) -> list[int]:
        lines: list[int] = []
        for section in self.disclosure.narrative():
            for line in section.lines:
                if _DEPARTMENT.search(compact(line.text)) and line.number not in lines:
                    lines.append(line.number)
        return lines


def _place(lines: list[str], number: int | None, text: str) -> None:
    """Put *text* on its printed line (1-based) of *lines*, when it has one."""
    if number is not None and 0 < number <= len(lines) and text:
        lines[number - 1] = text


@frozen
class NarrativeDocument:
    """The check ``narrative.document``: the narrative's years, statements and scope."""

    name: str = "narrative.document"

    def check(self, subject: CheckSubject) -> Iterator[Finding]:
        book = figure_book(subject)
        if book is None:
            return
        yield from _Run(subject, book).run()


@hookimpl
def register_checks(register: Callable[[Check], None]) -> None:
    register(NarrativeDocument())
