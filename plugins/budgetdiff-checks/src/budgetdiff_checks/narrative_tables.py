"""
The narrative's figures against the tables (the check ``narrative.tables``).

Every current-year amount the narrative states about a subject the tables give
a figure for is compared with that figure, rounding as arithmetic: a table in
万元 to 0.01 stands for ±0.005万元, a table in 元 is exact, and the narrative's
万元 to two places is its own rounding.

- ``narrative.table_amount`` (error): no figure the tables give the subject
  agrees with the narrative's;
- ``narrative.wrong_subject`` (error): the figure is not its subject's but
  another subject's ("节能环保支出433.34万元" where 433.34 is all spending);
- ``narrative.conflicting_copy`` (warning): the tables print the subject's
  figure differently in different places and the narrative's agrees only with
  the copy the totals do not support;
- ``narrative.table_rounding`` (note): the narrative's figure is the sum of the
  printed lines, not the printed total; rounding explains the gap;
- ``narrative.table_truncated`` (note): the narrative's figure is the table's
  exact figure (in 元) cut instead of rounded to 0.01万元;
- ``narrative.table_precision`` (note): figures printed in whole 万元 that agree
  with the tables only at that precision, when the narrative does so more than
  once (one note for the document; a single such figure is a ``table_amount``);
- ``narrative.table_share`` (error; a note when only truncation explains it):
  a share stated without its whole ("社会保障和就业支出6.32万元，占1.46%") fits
  no total of the tables;
- ``narrative.change_current`` (error): a change stated with last year's figure
  but not this year's gives a current figure the tables contradict;
- ``narrative.project_count`` (error): the number of projects the narrative
  states ("共安排项目2个") is not the project table's (the projects under
  performance management are ``matters.performance``'s);
- ``narrative.tables.not_checked`` (note): figures whose table is not printed.

Shares and changes stated with both their figures are checked against each
other by ``narrative.consistency`` (`budgetdiff.check_claims`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from attrs import evolve, frozen

from budgetdiff import Finding, Money, Severity, hookimpl
from budgetdiff.narrative import AmountClaim, ChangeClaim, CountClaim, PercentClaim, PercentRole
from budgetdiff.plugin import Check, CheckSubject

from ._narrative_base import NOT_CHECKED, finding, narrative_claims
from ._narrative_figures import FigureBook, figure_book
from ._narrative_keys import Key, TableFigure, What
from ._narrative_labels import label
from ._narrative_parts import (
    CHANGE_CURRENT,
    PROJECT_COUNT,
    TABLE_SHARE,
    change_findings,
    project_count_findings,
    share_findings,
)
from ._narrative_verdicts import Outcome, Verdict, current, judge, rounded

TABLE_AMOUNT = "narrative.table_amount"
WRONG_SUBJECT = "narrative.wrong_subject"
CONFLICTING_COPY = "narrative.conflicting_copy"
TABLE_ROUNDING = "narrative.table_rounding"
TABLE_TRUNCATED = "narrative.table_truncated"
TABLE_PRECISION = "narrative.table_precision"

__all__ = [
    "CHANGE_CURRENT",
    "CONFLICTING_COPY",
    "PROJECT_COUNT",
    "TABLE_AMOUNT",
    "TABLE_PRECISION",
    "TABLE_ROUNDING",
    "TABLE_SHARE",
    "TABLE_TRUNCATED",
    "WRONG_SUBJECT",
    "NarrativeTables",
]


def _places(figures: Sequence[TableFigure]) -> list[str]:
    """Where *figures* are printed, in printed order, each once."""
    locations = sorted(
        {loc for f in figures for loc in f.locations}, key=lambda loc: (loc.line or 0, str(loc))
    )
    return [str(loc) for loc in locations]


class _Run:
    """One run of the rules over one disclosure."""

    def __init__(self, subject: CheckSubject, book: FigureBook) -> None:
        self.subject = subject
        self.book = book
        self.claims = narrative_claims(subject)
        self.verdicts: dict[int, Verdict] = {}

    def run(self) -> Iterator[Finding]:
        unprinted: dict[What, list[AmountClaim]] = defaultdict(list)
        coarse: list[Verdict] = []
        for claim in self.claims:
            if not isinstance(claim, AmountClaim) or not current(claim):
                continue
            verdict = judge(claim, self.book)
            if verdict is None:
                continue
            self.verdicts[claim.id] = verdict
            if verdict.outcome is Outcome.UNPRINTED:
                unprinted[verdict.want.keys[0].what].append(claim)
            elif verdict.outcome is Outcome.COARSE:
                coarse.append(verdict)
            elif verdict.outcome is not Outcome.AGREES:
                yield self._finding(verdict)
        for claim in self.claims:
            if isinstance(claim, PercentClaim) and claim.role is PercentRole.SHARE:
                yield from share_findings(self.subject, self.book, claim, self.verdicts)
            elif isinstance(claim, ChangeClaim):
                yield from change_findings(self.subject, self.book, claim, self.claims)
            elif isinstance(claim, CountClaim):
                yield from project_count_findings(self.subject, self.book, claim)
        if len(coarse) == 1:  # one figure in whole 万元 among figures to the 分: a wrong one
            yield self._amount(coarse[0])
        elif coarse:
            yield finding(
                self.subject,
                TABLE_PRECISION,
                Severity.NOTE,
                [v.claim for v in coarse],
                locations=[loc for v in coarse if v.figure for loc in v.figure.locations[:1]],
                items=[
                    {"line": v.claim.line, "stated": v.claim.amount, "table": _amount_of(v)}
                    for v in coarse
                ],
            )
        for what, claims in unprinted.items():
            yield finding(self.subject, NOT_CHECKED, Severity.NOTE, claims, what=what.value)

    # ------------------------------------------------------------ one finding per verdict

    def _common(self, verdict: Verdict) -> dict[str, Any]:
        claim = verdict.claim
        return {
            "said": claim.subject.name or claim.subject.raw,
            "stated": claim.amount,
            "subject_label": self._labels(verdict.want.keys[0]),
        }

    def _finding(self, verdict: Verdict) -> Finding:
        # a figure the narrative also states otherwise may be its misprint: then this
        # follows the restatement (`Claim.key`, `Finding.follows`), folded into it by check
        return evolve(self._verdict_finding(verdict), follows=verdict.claim.key)

    def _verdict_finding(self, verdict: Verdict) -> Finding:
        outcome = verdict.outcome
        if outcome is Outcome.ROUNDING:
            return self._rounding(verdict)
        if outcome is Outcome.TRUNCATED:
            return self._truncated(verdict)
        if outcome is Outcome.CONFLICT:
            return self._conflict(verdict)
        if outcome is Outcome.WRONG_SUBJECT:
            return self._wrong_subject(verdict)
        if outcome is Outcome.ABSENT:
            return self._absent(verdict)
        return self._amount(verdict)

    def _amount(self, verdict: Verdict) -> Finding:
        claim, quoted = verdict.claim, verdict.figure
        assert quoted is not None
        return finding(
            self.subject,
            TABLE_AMOUNT,
            Severity.ERROR,
            [claim],
            locations=quoted.locations,
            expected=quoted.amount,
            actual=claim.amount,
            inputs=[(self._name(verdict.want.keys[0]), quoted.amount)],
            table=quoted.amount,
            where=quoted.where,
            derived=not quoted.printed,
            parts=quoted.parts,
            absent=False,
            **self._common(verdict),
        )

    def _absent(self, verdict: Verdict) -> Finding:
        """A line the narrative states that no table prints (nothing is budgeted under it)."""
        return finding(
            self.subject,
            TABLE_AMOUNT,
            Severity.ERROR,
            [verdict.claim],
            expected=Money(0),
            actual=verdict.claim.amount,
            table=Money(0),
            where="",
            derived=True,
            parts=0,
            absent=True,
            **self._common(verdict),
        )

    def _wrong_subject(self, verdict: Verdict) -> Finding:
        claim, quoted, other = verdict.claim, verdict.figure, verdict.other
        assert quoted is not None
        assert other is not None
        return finding(
            self.subject,
            WRONG_SUBJECT,
            Severity.ERROR,
            [claim],
            locations=[*quoted.locations, *other.locations],
            expected=quoted.amount,
            actual=claim.amount,
            inputs=[
                (self._name(verdict.want.keys[0]), quoted.amount),
                (self._name(other.key), other.amount),
            ],
            table=quoted.amount,
            where=quoted.where,
            other_label=self._labels(other.key),
            other=other.amount,
            other_where=other.where,
            **self._common(verdict),
        )

    def _rounding(self, verdict: Verdict) -> Finding:
        derived, printed = verdict.figure, verdict.printed
        assert derived is not None
        assert printed is not None
        return finding(
            self.subject,
            TABLE_ROUNDING,
            Severity.NOTE,
            [verdict.claim],
            locations=printed.locations,
            expected=printed.amount,
            actual=verdict.claim.amount,
            table=printed.amount,
            where=printed.where,
            total=derived.amount,
            parts=derived.parts,
            **self._common(verdict),
        )

    def _truncated(self, verdict: Verdict) -> Finding:
        claim, figure = verdict.claim, verdict.figure
        assert figure is not None
        should = rounded(figure.amount, claim)
        return finding(
            self.subject,
            TABLE_TRUNCATED,
            Severity.NOTE,
            [claim],
            locations=figure.locations,
            expected=should,
            actual=claim.amount,
            table=figure.amount,
            where=figure.where,
            should=should,
            **self._common(verdict),
        )

    def _conflict(self, verdict: Verdict) -> Finding:
        kept = [f for f in verdict.figures if not f.rejected]
        chosen = next((f.amount for f in kept if not f.printed), None) or (
            kept[0].amount if kept else None
        )
        return finding(
            self.subject,
            CONFLICTING_COPY,
            Severity.WARNING,
            [verdict.claim],
            locations=[loc for f in verdict.agreeing for loc in f.locations],
            expected=chosen,
            actual=verdict.claim.amount,
            copies=_places(verdict.agreeing),
            chosen=chosen,
            supported=_places([f for f in kept if f.printed]),
            **self._common(verdict),
        )

    # ------------------------------------------------------------ names of keys

    def _labels(self, key: Key) -> dict[str, str]:
        return label(key, self.book)

    def _name(self, key: Key) -> str:
        return label(key, self.book)["en"]


def _amount_of(verdict: Verdict) -> Money | None:
    return verdict.figure.amount if verdict.figure is not None else None


@frozen
class NarrativeTables:
    """The check ``narrative.tables``: the narrative's figures against the tables."""

    name: str = "narrative.tables"

    def check(self, subject: CheckSubject) -> Iterator[Finding]:
        book = figure_book(subject)
        if book is None:
            claims = [c for c in narrative_claims(subject) if current(c)]
            if claims:
                yield finding(
                    subject,
                    NOT_CHECKED,
                    Severity.NOTE,
                    claims[:1],
                    key="narrative.tables.no_tables",
                    count=len(claims),
                )
            return
        yield from _Run(subject, book).run()


@hookimpl
def register_checks(register: Callable[[Check], None]) -> None:
    register(NarrativeTables())
