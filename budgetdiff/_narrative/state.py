"""
What the reader knows while it reads: the claims so far, the section, the
statement and topic a clause inherits its subject from, and the open lists.
"""

from __future__ import annotations

import re
from typing import Any

from attrs import define, evolve, field

from . import patterns as pat
from .claims import (
    AmountClaim,
    Base,
    Claim,
    CountClaim,
    Period,
    QuantityClaim,
    Subject,
)
from .prose import Lines, Paragraph, paragraphs
from .respectively import spelled_out
from .scan import Event, events, figure_kind, is_final, report_year


@define
class Statement:
    """What the clauses of a paragraph are currently about."""

    subject: Subject | None = None
    claims: list[int] = field(factory=list)


class ReaderState:
    """The reader's memory; `figures.FigureReader` records figures, `extract` walks the text."""

    def __init__(self, text: str, source: str) -> None:
        self.text = text
        self.source = source
        self.lines = Lines.of(text)
        self.out: list[Claim] = []
        self.section = ""
        self.paragraphs = tuple(spelled_out(p) for p in paragraphs(text))
        self.report_year = report_year(self.paragraphs)
        self.final = is_final(text)
        self.by_name: dict[str, list[int]] = {}
        self.last_change: int | None = None
        self.statement = Statement()
        self.topic: Subject | None = None
        self.sentence_claims: list[int] = []
        self.sentence = (0, 0)
        # the year a section or a sentence is about, when it is not the report's
        self.section_period: tuple[Period, Base] | None = None
        self.sentence_period: tuple[Period, Base] | None = None
        self.everywhere: dict[str, list[int]] = {}

    def add(self, cls: type[Claim], **fields: Any) -> int:
        claim_id = len(self.out)
        self.out.append(cls(id=claim_id, source=self.source, section=self.section, **fields))
        return claim_id

    def update(self, claim_id: int, **fields: Any) -> None:
        self.out[claim_id] = evolve(self.out[claim_id], **fields)

    def where(self, para: Paragraph, start: int, end: int) -> dict[str, Any]:
        span = para.source_span(start, end)
        return {"line": self.lines.line(span[0]), "span": span}

    def figure_where(self, para: Paragraph, event: Event) -> dict[str, Any]:
        """
        Where a figure was printed: the number with its unit when they stand
        together in the source, the number alone when a PDF moved it away.
        """
        m = event.match
        start = event.start + m.start("number") - m.start()
        number_end = event.start + m.end("number") - m.start()
        end = event.end
        if para.offsets[end - 1] - para.offsets[start] != end - 1 - start:
            end = number_end
        return self.where(para, start, end)

    def first_figure(self, para: Paragraph, start: int, end: int) -> tuple[str, str] | None:
        """The words before the first figure of a sentence, and the figure's list key word."""
        for event in events(para.text, start, end):
            if event.kind == "figure":
                words = para.text[start : event.start]
                return words, figure_kind(event.match)
        return None

    def _subject(
        self, words: str, prefix: pat.Prefix, *, in_reason: int | None = None
    ) -> tuple[Subject, bool]:
        """
        The subject of a figure and whether the words name it themselves.

        A figure that names nothing takes the subject of its clause or paragraph —
        except inside a reason, where it is about something the reason names.
        """
        found = pat.coded_subject(pat.clean(words))
        rest = pat.clean(words)[found[3].end() :] if found is not None else ""
        if found is not None and not pat.subject_name(rest, report_year=self.report_year):
            name, code, names, match = found
            return Subject(name=name, raw=pat.clean(match.group()), code=code, names=names), True
        generic = prefix.subject in pat.GENERIC or (
            prefix.subject in pat.MEASURED_GENERIC and prefix.period is not None
        )
        if not generic:
            return Subject(name=prefix.subject, raw=pat.clean(words).strip("，,；;：:、")), True
        inherited = self.statement.subject or self.topic
        if in_reason is not None:
            inherited = None
        if prefix.subject == "价值":
            holder = self._last_count_subject()
            if holder:
                return Subject(name=f"{holder}价值", raw=f"{holder}价值", inherited=True), False
        if inherited is not None:
            return evolve(inherited, inherited=True), False
        return Subject(name=prefix.subject, raw=pat.clean(words), inherited=True), False

    def _last_count_subject(self) -> str:
        for claim_id in reversed(self.statement.claims):
            claim = self.out[claim_id]
            if isinstance(claim, CountClaim | QuantityClaim):
                return claim.subject.name
        return ""

    def _begin(
        self, subject: Subject, explicit: bool, claim_id: int, in_reason: int | None
    ) -> None:
        if in_reason is not None:
            return
        self.sentence_claims.append(claim_id)
        if explicit:
            self.statement = Statement(subject=subject)
            if self.topic is None:
                self.topic = subject
        self.statement.claims.append(claim_id)
        self.by_name.setdefault(subject.name, []).append(claim_id)
        self.everywhere.setdefault(subject.name, []).append(claim_id)

    def context_period(self, words: str) -> tuple[Period, Base] | None:
        """
        The period a figure takes from its sentence or section when its own words name
        no year: last year's in "2023年…合计支出28万元，其中：公务接待费13万元".
        """
        if pat.own_years(words):
            return None
        return self.sentence_period

    @property
    def in_prior_context(self) -> bool:
        return self.sentence_period is not None

    def _latest(self, ids: list[int], cls: type[Claim], where: dict[str, Any]) -> int | None:
        for claim_id in reversed(ids):
            claim = self.out[claim_id]
            if isinstance(claim, cls) and all(getattr(claim, k) == v for k, v in where.items()):
                return claim_id
        return None

    def find(self, name: str, cls: type[Claim], **where: Any) -> int | None:
        """The latest claim of *cls* about *name* in this section matching *where*."""
        return self._latest(self.by_name.get(name, []), cls, where)

    def _in_statement(self, cls: type[Claim], **where: Any) -> int | None:
        """The latest claim of *cls* in the current statement matching *where*."""
        return self._latest(self.statement.claims, cls, where)

    def _in_sentence(self, cls: type[Claim]) -> int | None:
        """The latest claim of *cls* read in this sentence (not in a reason)."""
        return self._latest(self.sentence_claims, cls, {})

    def _prior_like(self, base: Base) -> int | None:
        """The statement's prior-year figure of the kind a rate is measured against (执行数…)."""
        for claim_id in reversed(self.statement.claims):
            claim = self.out[claim_id]
            if (
                isinstance(claim, AmountClaim)
                and claim.period is Period.PRIOR
                and claim.base is not None
                and claim.base.kind is base.kind
            ):
                return claim_id
        return None

    def _prior_of(self, subject: Subject) -> int | None:
        """
        The prior-year figure of *subject*: its statement's ("比上年X万元"), or, in a
        section about the prior year, that section's.
        """
        found = self._in_statement(AmountClaim, period=Period.PRIOR)
        if found is not None and self.out[found].subject.name == subject.name:
            return found
        if self.section_period is not None:
            return self.find(subject.name, AmountClaim, period=Period.PRIOR)
        return None

    def _current_of(self, subject: Subject) -> int | None:
        """
        This year's figure of *subject*: its statement's, its section's, or — for a
        sentence about this year inside a section about the prior year — the document's.
        """
        if self.in_prior_context:
            return None  # a change stated of last year's figures, against the year before
        found = self._in_statement(AmountClaim, period=Period.CURRENT)
        if found is not None and self.out[found].subject.name == subject.name:
            return found
        found = self.find(subject.name, AmountClaim, period=Period.CURRENT)
        if found is None and self.section_period is not None:
            found = self._latest(
                self.everywhere.get(subject.name, []), AmountClaim, {"period": Period.CURRENT}
            )
        if found is None:
            found = self._qualified_current(subject)
        return found

    def _qualified_current(self, subject: Subject) -> int | None:
        """
        This year's figure stated under a fuller name of *subject* in this section, when only
        one is: "财政拨款三公经费预算总额为3万元" for "三公经费预算数比上年减少…".
        """
        core = pat.name_core(subject.name)
        if not core or re.search(r"收入|支出", core):
            return None  # 财政拨款收入 is a part of 收入, not a fuller name of it
        found: set[int] = set()
        for name, ids in self.by_name.items():
            if name == subject.name or pat.name_core(name) != core:
                continue
            for claim_id in ids:
                claim = self.out[claim_id]
                if isinstance(claim, AmountClaim) and claim.period is Period.CURRENT:
                    found.add(claim_id)
        return found.pop() if len(found) == 1 else None
