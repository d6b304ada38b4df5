"""
`claims`: every numeric claim of a 情况说明, as typed data.

The reader walks the prose paragraph by paragraph and sentence by sentence
(`_narrative.prose`), finds figures and direction words (`_narrative.patterns`), and
decides what each is about from its sentence: the words before it, the
subject of the clause or of the paragraph it inherits, the comparison base
stated earlier in the sentence, the reason it sits in, and the list
("其中：…") it is a part of (`_narrative.lists`).
"""

from __future__ import annotations

import functools
import re
from typing import Any

from attrs import define, field

from . import patterns as pat
from .claims import (
    Base,
    ChangeClaim,
    Claim,
    Period,
    ReasonClaim,
    ResidueClaim,
    Subject,
    YearClaim,
    YearRole,
)
from .figures import FigureReader
from .prose import Paragraph
from .scan import Event, events, reason_end, sentences
from .state import Statement


def claims(text: str, *, source: str = "") -> tuple[Claim, ...]:
    """
    Every numeric claim in *text*, a 情况说明 or a whole published document.

    Pure: no I/O, no plugins.  Table rows (TAB-prefixed lines) are skipped;
    numbers a PDF extraction moved onto the next line are put back first.
    Claims come in reading order, a list after its last part; a claim's
    ``id`` is its index in the result.

    .. versionadded:: 0.1.0
    """
    return _Reader(text, source).read()


def _opens_statement(text: str, sentence: int, event: Event, end: int) -> bool:
    """
    Whether a "原因是：" is the template's lead-in to a statement of the year's figures,
    not a reason: "三公经费增减变化的主要原因是：2018年三公经费预算合计24.75万元，比上年
    减少4.65万元。其中：…" — the words before it name a change (增减变化) and no figure.
    """
    start = event.end
    lead = text[sentence : event.start]
    if text[start - 1 : start] not in {"：", ":"} or not re.search(r"增减|变化|变动", lead):
        return False
    if pat.FIGURE.search(lead):
        return False
    clause = re.split(r"[，,；;。]", text[start:end], maxsplit=1)[0]
    return bool(re.match(r"\s*(?:19|20)\d{2}\s*年", clause)) and bool(pat.FIGURE.search(clause))


def _cut(text: str) -> bool:
    """Whether *text* stops mid-sentence: no sentence mark ends its last words."""
    return not re.search(r"[。！？!?.；;:：）)”\"]\s*$", text.rstrip("|｜ \t\n"))


@define
class _OpenReason:
    """A reason being read: its claim, where it stops, the figures it cites so far."""

    id: int
    end: int
    cites: list[int] = field(factory=list)


_ANNOUNCES = re.compile(
    r"^(?:的)?(?:主要)?(?:变动|变化|增减)?原因(?:是|为|主要是|在于|主要有)?"
    r"(?:如下|以下(?:几个)?方面|以下几点)?\s*[：:]\s*$"
)
"""A reason that only says its parts follow ("原因如下：", a bare "主要原因是：")."""


@functools.cache
def _years_named(text: str) -> frozenset[int]:
    """The years a paragraph names, and the year before each (a comparison's base year)."""
    named = {int(y["year"]) for y in pat.YEAR.finditer(text)}
    return frozenset(named | {year - 1 for year in named})


_UNIT_STATED = re.compile(r"单位\s*(?:均|统一|都|一律)?\s*(?:为|是|：|:)|金额\s*均\s*为")
"""A statement of the unit figures are in ("金额单位均为万元"), not a figure left blank."""
_FORM_NOTE = re.compile(r"^\s*(?:备注|注)\s*[:：\d]")
"""The notes a standard form prints under its table ("备注:1、…"): the form's, not residue."""


@define
class _BlockReason:
    """
    A reason that ends its paragraph announcing a breakdown ("主要变动原因如下："): the
    enumerated paragraphs after it each state one part of the change it explains.
    """

    id: int
    shape: str | None = None  # how its items are numbered, once the first is read
    cites: list[int] = field(factory=list)


class _Reader(FigureReader):
    """Walks the prose: paragraphs, sentences, and the events of each sentence."""

    block_reason: _BlockReason | None = None

    def read(self) -> tuple[Claim, ...]:
        for para in self.paragraphs:
            if para.heading:
                self._close_block_reason()
                self.lists.close_all()
                self.section = para.text
                self.section_period = pat.heading_period(para.text, self.report_year)
                self._marks(para, 0, len(para.text))
                self.by_name = {}
                self.last_change = None
                continue
            self._paragraph(para)
        self._close_block_reason()
        self.lists.close_all()
        return tuple(self.out)

    def _paragraph(self, para: Paragraph) -> None:
        enumerated = pat.strip_enumerator(para.text) != para.text
        first = len(self.out)
        self._block_item(para, enumerated=enumerated)
        self.lists.paragraph_starts(para, enumerated=enumerated)
        self.statement = Statement()
        self.topic = None
        for start, end in sentences(para.text):
            self._sentence(para, start, end)
            self.lists.sentence_ends()
            whole = self.lists.take_whole()
            if whole is not None:
                # a sentence after a list goes on about the list's whole: "…，其中A…，B…。
                # 比上年增加…" is the whole's change, not B's
                self.statement = Statement(subject=whole[0], claims=list(whole[1]))
        if para is self.paragraphs[-1] and _cut(self.text):
            self.lists.cut()
        self.lists.paragraph_ends()
        self._block_cites(first)

    def _block_item(self, para: Paragraph, *, enumerated: bool) -> None:
        """An item of a block reason is an enumerated paragraph numbered like the first."""
        block = self.block_reason
        if block is None:
            return
        shape = pat.enumerator_shape(para.text) if enumerated else None
        if shape is None or (block.shape is not None and shape != block.shape):
            self._close_block_reason()
            return
        block.shape = shape

    def _block_cites(self, first: int) -> None:
        """An item's part: the first change of its own subject the paragraph states."""
        block = self.block_reason
        if block is None or block.id >= first:
            self._open_block_reason(first)
            return
        change = next(
            (
                c
                for c in self.out[first:]
                if isinstance(c, ChangeClaim) and c.reason is None and not c.subject.inherited
            ),
            None,
        )
        if change is None:
            self._close_block_reason()
            return
        block.cites.append(change.id)

    def _open_block_reason(self, first: int) -> None:
        """A paragraph ending with a reason that says nothing yet but "如下：" opens a block."""
        last = self.out[-1] if len(self.out) > first else None
        if isinstance(last, ReasonClaim) and _ANNOUNCES.match(last.text):
            self.block_reason = _BlockReason(id=last.id)
            self.update(last.id, empty=False)

    def _close_block_reason(self) -> None:
        block, self.block_reason = self.block_reason, None
        if block is not None and block.cites:
            reason = self.out[block.id]
            assert isinstance(reason, ReasonClaim)
            self.update(block.id, cites=(*reason.cites, *block.cites))

    def _sentence(self, para: Paragraph, start: int, end: int) -> None:
        """
        Read one sentence's events in order.  ``boundary`` is where the words of
        the next figure begin (after the last clause mark, figure or marker);
        ``base`` is the comparison base stated so far ("与2023年度相比，…").
        """
        text = para.text
        found = events(text, start, end)
        boundary = start
        base: Base | None = None
        reason: _OpenReason | None = None
        figures = any(e.kind == "figure" for e in found)  # then "2025年度预算" is no title
        self.sentence_claims = []
        self.sentence = (start, end)
        self.sentence_period = self._period_of_sentence(para, start, end)
        self.lists.sentence_starts(para, start, end)
        self._topic_from_label(text[start:end])
        for event in found:
            self.lists.tick(event.start)
            if reason is not None and event.start >= reason.end:
                self._close_reason(reason)
                reason = None
            in_reason = reason.id if reason is not None else None
            kind = event.kind
            if kind == "clause":
                if text[event.start] in "：:" and re.match(r"\s*\d", text[event.end : end]):
                    continue  # "上年:25.77万元": the label belongs to its figure
                boundary = event.end
                self.lists.clause(text[event.start], para, event.end, end)
            elif kind == "base" and in_reason is None:
                base = pat.parse_base(event.match)
                if base.year is not None:
                    self._mark(para, event, text[start:end])
            elif kind == "reason" and _opens_statement(text, start, event, end):
                boundary = event.end  # "…增减变化的主要原因是：2018年…合计24.75万元，…"
            elif kind == "reason":
                if reason is None:
                    stop = reason_end(text, event.end, end)
                    reason = _OpenReason(id=self._reason(para, event, stop, end), end=stop)
                boundary = event.end
            elif kind in {"intro", "subset"} and in_reason is None:
                self.lists.introduce(para, event, boundary)
                boundary = event.end
            elif kind in {"placeholder", "asof", "report", "slot", "period"}:
                if kind != "report" or not figures:
                    self._mark(para, event, text[start:end])
            elif kind == "barecount":
                unit = self.lists.count_unit() if in_reason is None else None
                if unit is not None:
                    words = text[boundary : event.start]
                    self._bare_count(para, event, words, unit, start, end)
                    boundary = event.end
            elif kind == "figure" and self._glued(para, event, start, end):
                boundary = event.end
            elif kind in {"figure", "headcount", "bare"}:
                words = text[boundary : event.start]
                consumed = self._figure(para, event, words, base, in_reason, start, end)
                boundary = max(event.end + consumed, boundary)
                if in_reason is None and self.sentence_claims:
                    self.lists.bracket(para, event.end + consumed, self.sentence_claims[-1])
            elif in_reason is None:
                words = text[boundary : event.start]
                self._direction(para, event, words, base, start, end)
                boundary = event.end
            if reason is not None and kind in {"figure", "headcount"}:
                reason.cites.append(len(self.out) - 1)
        if reason is not None:
            self._close_reason(reason)
        self._topic_from_coded(text[start:end])

    def _close_reason(self, reason: _OpenReason) -> None:
        """A reason is read: record the figures it cites."""
        if reason.cites:
            self.update(reason.id, cites=tuple(reason.cites))

    def _period_of_sentence(
        self, para: Paragraph, start: int, end: int
    ) -> tuple[Period, Base] | None:
        """
        The year a sentence is about, from the words before its first figure: a prior
        year's sentence makes every figure in it last year's; the report's year, this
        year's even in a section about the prior year; else the section's.
        """
        first = self.first_figure(para, start, end)
        years = pat.own_years(first[0] if first else para.text[start:end])
        if years:
            return pat.year_period(years, self.report_year)
        return self.section_period

    def _marks(self, para: Paragraph, start: int, end: int) -> None:
        """Placeholders and years in a heading (a prior-year section's year is no title)."""
        for event in events(para.text, start, end):
            if event.kind == "report" and self.section_period is not None and para.level:
                continue
            if event.kind in {"placeholder", "report", "asof", "period"}:
                self._mark(para, event, para.text)

    def _mark(self, para: Paragraph, event: Event, sentence: str) -> None:
        """A claim about the document rather than a figure: a placeholder or a year."""
        m = event.match
        common: dict[str, Any] = {
            "subject": Subject(name=""),
            "text": m.group(),
            "sentence": sentence,
            **self.where(para, event.start, event.end),
        }
        if event.kind == "placeholder":
            if m.groupdict().get("instruction") and _FORM_NOTE.match(para.text):
                return  # a form's own 备注 tells the preparer what to give: printed with it
            near = para.text[max(0, event.start - 8) : event.end]
            if m.groupdict().get("number") and _UNIT_STATED.search(near):
                return  # "金额单位均为万元", "单位为%": a unit stated, no figure left blank
            self.add(ResidueClaim, placeholder=m.group(), **common)
            return
        if event.kind in {"slot", "period"}:  # a figure's year, a project's period
            slot = pat.slot_role(event.kind, m, sentence, self.section)
            if slot is not None:
                until = m.groupdict().get("until")
                common["text"] = m.group().strip().rstrip("为是：:")
                self.add(YearClaim, year=int(m.group("year")), role=slot, **common)
                if until:
                    self.update(len(self.out) - 1, until=int(until))
            return
        role = {"report": YearRole.REPORT, "asof": YearRole.AS_OF, "base": YearRole.BASE}[
            event.kind
        ]
        final = event.kind == "report" and m.group("kind") == "决算"
        self.add(YearClaim, year=int(m.group("year")), role=role, final=final, **common)

    def _glued(self, para: Paragraph, event: Event, start: int, end: int) -> bool:
        """A year run into a money figure is reported as such, and read as no figure."""
        m = event.match
        if not m.group("money"):
            return False
        years = _years_named(para.text)
        glued = pat.glued_year(m.group("number"), para.text[start : event.start], years)
        if glued is None:
            return False
        year, rest = glued
        self.add(
            ResidueClaim,
            subject=Subject(name=""),
            placeholder=pat.clean(m.group()),
            form="glued",
            year=year,
            suggestion=f"{rest}{m.group('money')}",  # the printed figure without its year
            text=m.group(),
            sentence=para.text[start:end],
            **self.where(para, event.start, event.end),
        )
        return True

    def _topic_from_label(self, sentence: str) -> None:
        """
        A sentence opening with a coded subject and a colon is about it: "一般公共服务(类)
        …(款)…(项):支出决算为3万元" states that 项's figure.
        """
        label = re.match(r"^([^，,。；;：:]{4,120})[：:]", pat.strip_enumerator(sentence))
        if label is None:
            return
        found = pat.coded_subject(label.group(1))
        if found is None or found[3].end() < len(label.group(1).rstrip()):
            return
        name, code, names, match = found
        self.statement = Statement(
            subject=Subject(name=name, raw=pat.clean(match.group()), code=code, names=names)
        )
        self.topic = self.statement.subject

    def _topic_from_coded(self, sentence: str) -> None:
        """A coded subject with no figure opens the item it heads ("1、…（项）。主要用于：…")."""
        if self.statement.subject is not None:
            return
        found = pat.coded_subject(pat.strip_enumerator(sentence))
        if found is not None:
            name, code, names, match = found
            self.statement = Statement(
                subject=Subject(name=name, raw=pat.clean(match.group()), code=code, names=names)
            )
            self.topic = self.statement.subject
