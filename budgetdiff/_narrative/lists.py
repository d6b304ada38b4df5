"""
Lists of parts: "其中：", "包括：", "主要用于以下方面：", "X中，".

A list has a whole (the figures stated just before its introducer) and
items; each item contributes at most one part per kind of figure (its
amount, its change, its count…).  An item starts at a figure whose clause
names its own subject, or at an enumerated paragraph ("（一）", "1、") of a
list that runs over paragraphs.  A list introduced mid-paragraph ends with its
sentence — unless the next sentence goes on with another part ("…增长
350.52%。主要原因是…。项目支出115万元…") — and at the paragraph's end; one
introduced at the end of a paragraph runs over the following paragraphs
until a heading or a paragraph that is not a part.  Lists nest; a list opened
inside parentheses ends with them.
"""

from __future__ import annotations

import re
from typing import Any

from attrs import define, evolve, field

from . import patterns as pat
from .claims import (
    AmountClaim,
    BaseKind,
    ChangeClaim,
    Claim,
    CountClaim,
    ListClaim,
    PercentClaim,
    PercentRole,
    QuantityClaim,
    Subject,
)
from .prose import Paragraph
from .scan import Event
from .state import ReaderState

ListKey = tuple[str, str]

_KIND_OF_KEY = {"amount": "money", "change": "money", "count": "count", "quantity": "quantity"}


_IN_ADDITION = re.compile(r"^\s*(?:另有|另外|此外|另)")
"""A clause or sentence that adds something beside a list ("另有事业控制编制5人")."""
_WHOLE_WORD = re.compile(r"(?:人数|总数|总额|合计|总计|总量)$")
"""Subjects that name a total, never one part of a list ("年末学生人数")."""


def same_whole(named: str, subject: str) -> bool:
    """Whether a share's named base and a subject are one: 基本支出 in 一般公共预算基本支出."""
    return bool(named and subject) and (named in subject or subject in named)


def _names_a_grouping(lead: str) -> bool:
    """
    Whether the words opening a sentence before its introducer name a way of grouping
    ("按支出用途分类，包括…") rather than pointing back at a figure ("其中：").
    """
    words = re.sub(
        r"[\s，,。；;：:、]|其中|同时|另外|此外|具体|如下", "", pat.strip_enumerator(lead)
    )

    return bool(re.search(r"[\u4e00-\u9fff]", words))


def _described(rest: str) -> bool:
    """Whether the words after an introducer, to its sentence's end, name things, not figures."""
    return bool(re.search(r"[\u4e00-\u9fff]", rest)) and not pat.FIGURE.search(rest)


def key_of(claim: Claim) -> ListKey | None:
    """What kind of part a claim can be: its amount (per period), change, count or quantity."""
    if isinstance(claim, AmountClaim):
        return None if claim.per else ("amount", claim.period.name)
    if isinstance(claim, ChangeClaim):
        # a change against the year's own budget and one against last year are two lists
        # of parts: "比预算无增减变化，比去年增加1.05万元"
        return ("change", "budget" if claim.base.kind is BaseKind.ANNUAL_BUDGET else "")
    if isinstance(claim, CountClaim):
        return ("count-change" if claim.direction else "count", claim.unit)
    if isinstance(claim, QuantityClaim):
        return ("quantity", claim.unit)
    return None


@define
class _Open:
    where: dict[str, Any]
    subject: Subject
    wholes: dict[ListKey, int]
    block: bool  # runs over the paragraphs that follow
    exhaustive: bool
    paren_end: int | None = None  # ends at this position (a list inside parentheses)
    sentence_done: bool = False
    after_reason: bool = False
    items: list[dict[ListKey, int]] = field(factory=list)
    item_paragraph: bool = False  # the current item is an enumerated paragraph
    shape: str | None = None  # how the paragraph it was opened in is numbered ("d." for 2.)
    item_shape: str | None = None  # how its enumerated items are numbered
    described: bool = False  # words, not figures, follow its introducer in its sentence

    def sibling_ends(self, shape: str | None) -> bool:
        """
        Whether a paragraph numbered *shape* ends the list: the next sibling of the item
        it was opened in ("2.…其中：…" ends at "3."), or a numbering its items do not use.
        """
        if shape is None:
            return False
        if shape == self.shape:
            return True
        return self.item_shape is not None and shape != self.item_shape

    def accepts(self, key: ListKey) -> bool:
        """Whether a figure of *key* can be a part here: money with money, 辆 with 辆."""
        if not self.wholes and not any(self.items):
            return True
        known = set(self.wholes) | {k for item in self.items for k in item}
        if key[0] in {"amount", "change"}:
            return any(k[0] in {"amount", "change"} for k in known)
        return any(k[1] == key[1] and k[0].split("-")[0] == key[0].split("-")[0] for k in known)


class Lists:
    """The lists open while a narrative is read, innermost last."""

    def __init__(self, reader: ReaderState) -> None:
        self.reader = reader
        self.stack: list[_Open] = []
        self._whole: tuple[Subject, tuple[int, ...]] | None = None
        self._paragraph_shape: str | None = None

    def take_whole(self) -> tuple[Subject, tuple[int, ...]] | None:
        """The subject and figures of the whole of a list the last sentence opened, once."""
        whole, self._whole = self._whole, None
        return whole

    # ------------------------------------------------------------ opening

    def introduce(self, para: Paragraph, event: Event, boundary: int) -> None:
        """An introducer: find the whole it refers to and open a list."""
        reader = self.reader
        words = para.text[boundary : event.start]
        said = words if event.kind == "intro" else event.match.group("whole")
        named = pat.subject_name(said, report_year=reader.report_year, final=reader.final)
        wholes: dict[ListKey, int] = {}
        if event.kind == "subset" and not reader.by_name.get(named):
            return  # "在…中，" and "本部门中，" name no figure: not a list
        if re.search(r"[\u4e00-\u9fff]", named):
            for claim_id in reader.by_name.get(named, []):
                key = key_of(reader.out[claim_id])
                if key is not None:
                    wholes[key] = claim_id
            subject = Subject(name=named, raw=pat.clean(words or event.match.group("whole")))
        elif not reader.sentence_claims and _names_a_grouping(
            para.text[reader.sentence[0] : event.start]
        ):
            subject = Subject(name="")  # "按支出用途分类，包括…": a whole-less list
        else:
            for claim_id in (*reader.sentence_claims, *reader.statement.claims):
                key = key_of(reader.out[claim_id])
                if key is not None:
                    wholes[key] = claim_id
            subject = reader.statement.subject or Subject(name="")
        rest = para.text[event.end :]
        line_end = event.end < len(para.text) and reader.lines.line(
            para.offsets[event.end]
        ) != reader.lines.line(para.offsets[event.end - 1])
        block = line_end or not re.sub(r"[\s，,。；;：:]", "", rest)
        paren_end = None
        if para.text[max(0, event.start - 1) : event.start] in {"（", "("}:
            close = re.search(r"[)）]", rest)
            paren_end = event.end + close.start() if close else None
        if wholes and subject.name:
            self._whole = (subject, tuple(sorted(wholes.values())))
        self.stack.append(
            _Open(
                where={
                    "text": event.match.group(),
                    "sentence": para.text[reader.sentence[0] : reader.sentence[1]],
                    **reader.where(para, event.start, event.end),
                },
                subject=subject,
                wholes=wholes,
                block=block,
                exhaustive="主要" not in event.match.group(),
                paren_end=paren_end,
                shape=self._paragraph_shape,
                described=block and _described(para.text[event.end : reader.sentence[1]]),
            )
        )

    def count_unit(self) -> str | None:
        """The measure word of the innermost open list of counts (所, 人…), or None."""
        if not self.stack:
            return None
        lst = self.stack[-1]
        known = [*lst.wholes, *(k for item in lst.items for k in item)]
        units = {k[1] for k in known if k[0] == "count"}
        return units.pop() if len(units) == 1 and len(known) >= 1 else None

    def bracket(self, para: Paragraph, position: int, whole: int) -> None:
        """
        Figures in brackets right after a figure are its parts, not the open list's:
        "公务用车购置及运行维护费21万元（公务用车购置费0万元、公务用车运行维护费21万元）".
        """
        opened = re.match(r"\s*[（(]", para.text[position:])
        if opened is None:
            return
        inside = para.text[position + opened.end() :]
        close = re.search(r"[)）]", inside)
        last = self.reader.out[whole]
        if isinstance(last, PercentClaim):
            # "…404633万元，同比下降0.29%（税收收入…、非税收入…）": the amount's parts
            amount = next(
                (
                    i
                    for i in reversed(self.reader.sentence_claims)
                    if isinstance(self.reader.out[i], AmountClaim)
                    and self.reader.out[i].subject.name == last.subject.name
                ),
                None,
            )
            whole = amount if amount is not None else whole
        key = key_of(self.reader.out[whole])
        if close is None or key is None or not pat.FIGURE.search(inside[: close.start()]):
            return
        claim = self.reader.out[whole]
        self.stack.append(
            _Open(
                where={
                    "text": para.text[position : position + opened.end() + close.end()],
                    "sentence": para.text[self.reader.sentence[0] : self.reader.sentence[1]],
                    **self.reader.where(para, position, position + opened.end()),
                },
                subject=claim.subject,
                wholes={key: whole},
                block=False,
                exhaustive=True,
                paren_end=position + opened.end() + close.start(),
            )
        )

    # ------------------------------------------------------------ parts

    def offer(self, claim_id: int, *, explicit: bool, at_clause_start: bool) -> None:
        """A figure was read: make it a part of the innermost list that takes it."""
        claim = self.reader.out[claim_id]
        key = key_of(claim)
        if claim.reason is not None or key is None:
            return
        for lst in reversed(self.stack):
            if not lst.accepts(key):
                continue
            current = lst.items[-1] if lst.items else None
            if explicit and at_clause_start:
                if current is not None and not current:
                    current[key] = claim_id
                else:
                    lst.items.append({key: claim_id})
            elif current is not None and key not in current and (current or lst.item_paragraph):
                current[key] = claim_id
            return

    # ------------------------------------------------------------ structure

    def tick(self, position: int) -> None:
        while self.stack and (end := self.stack[-1].paren_end) is not None and position > end:
            self._close()

    def clause(self, mark: str, para: Paragraph, start: int, end: int) -> None:
        """
        A "；" ends an item, and with it a list nested in that item of an inline list; a
        list ends at a "；" after which a new whole is stated ("…，退休人员15人；年末学生人数
        800人") or something "另有" (in addition).
        """
        if not self.stack:
            return
        if mark in "，," and _IN_ADDITION.match(para.text[start:end]):
            self._close()
            return
        if mark not in "；;":
            return
        if self._outside(para, start, end):
            self._close()
            return
        if len(self.stack) >= 2 and not self.stack[-2].block and not self.stack[-1].block:
            self._close()

    def _outside(self, para: Paragraph, start: int, end: int) -> bool:
        """Whether the clause at *start* states something outside the open list."""
        text = para.text[start:end]
        if _IN_ADDITION.match(text):
            return True
        first = self.reader.first_figure(para, start, end)
        if first is None or re.search(r"[，,；;：:]", first[0]):
            return False
        name = pat.parse_prefix(first[0], report_year=self.reader.report_year).subject
        return bool(_WHOLE_WORD.search(name) or pat.TOTALS.match(name)) and name not in pat.GENERIC

    def sentence_starts(self, para: Paragraph, start: int, end: int) -> None:
        """
        An inline list goes on into the next sentence only with a reason, or with
        another part of its kind ("基本支出…。主要原因是…。项目支出…").
        """
        while self.stack and not self.stack[-1].block and self.stack[-1].sentence_done:
            lst = self.stack[-1]
            sentence = pat.strip_enumerator(para.text[start:end])
            if pat.REASON.match(sentence):
                lst.after_reason = True
                return
            if self._next_part(para, start, end, lst) and (
                lst.after_reason or self._sibling(para, start, end, lst)
            ):
                lst.sentence_done = lst.after_reason = False
                return
            self._close()

    def sentence_ends(self) -> None:
        """A sentence ends: so does a list of words ("主要包括：基本工资、津贴补贴…。")."""
        while self.stack and self.stack[-1].described and not any(self.stack[-1].items):
            self._close()
        for lst in self.stack:
            if not lst.block:
                lst.sentence_done = True

    def paragraph_starts(self, para: Paragraph, *, enumerated: bool) -> None:
        shape = pat.enumerator_shape(para.text) if enumerated else None
        self._paragraph_shape = shape
        while self.stack:
            lst = self.stack[-1]
            if not lst.block or lst.sibling_ends(shape):
                self._close()
                continue
            first = self.reader.first_figure(para, 0, len(para.text))
            if enumerated or first is None or self._next_part(para, 0, len(para.text), lst):
                lst.items.append({})
                lst.item_paragraph = enumerated
                if shape is not None and lst.item_shape is None:
                    lst.item_shape = shape
                return
            self._close()

    def paragraph_ends(self) -> None:
        while self.stack and not self.stack[-1].block:
            self._close()

    def cut(self) -> None:
        """
        The text stops mid-sentence (the opening of a page): a list still open there may
        have lost its last items, so it is partial.
        """
        for lst in self.stack:
            lst.exhaustive = False

    def close_all(self) -> None:
        while self.stack:
            self._close()

    def _sibling(self, para: Paragraph, start: int, end: int, lst: _Open) -> bool:
        """Whether the sentence's first subject ends like the list's first part (…支出, …费)."""
        first = self.reader.first_figure(para, start, end)
        parts = [i for item in lst.items for i in item.values()]
        if first is None or not parts:
            return False
        name = pat.parse_prefix(pat.strip_enumerator(first[0]), report_year=None).subject
        return name[-1:] == self.reader.out[parts[0]].subject.name[-1:]

    def _next_part(self, para: Paragraph, start: int, end: int, lst: _Open) -> bool:
        """Whether the sentence at *start* opens with a part of *lst* ("项目支出115万元，…")."""
        first = self.reader.first_figure(para, start, end)
        if first is None:
            return False
        words, kind = first
        words = pat.strip_enumerator(words)
        if re.search(r"[，,；;：:。]", words) or pat.YEAR.match(pat.clean(words)):
            return False
        if _IN_ADDITION.match(words):
            return False  # "另有…": beside the list, not in it
        prefix = pat.parse_prefix(words, report_year=self.reader.report_year)
        name = prefix.subject
        if name in pat.GENERIC or pat.TOTALS.match(name):
            return False
        kinds = {_KIND_OF_KEY.get(k[0].split("-")[0]) for k in lst.wholes} or {kind}
        return kind in kinds or not lst.wholes

    # ------------------------------------------------------------ closing

    def _close(self) -> None:
        lst = self.stack.pop()
        items = [item for item in lst.items if item]
        if not items:
            return
        wholes, subject = self._named_by_shares(lst, items)
        self._qualify(items, subject)
        keys = list(wholes) or list(items[0])
        for key in keys:
            parts = [item[key] for item in items if key in item]
            if not parts:
                continue
            whole = wholes.get(key)
            if whole is None and len(parts) < 2:
                continue
            complete = len(parts) == len(items)
            self.reader.add(
                ListClaim,
                subject=subject,
                whole=whole,
                parts=tuple(parts),
                exhaustive=lst.exhaustive and complete,
                **lst.where,
            )
            if whole is not None and key[0] == "amount":
                self._share_wholes(parts, whole)

    def _qualify(self, items: list[dict[ListKey, int]], whole: Subject) -> None:
        """
        A part is its whole's: 基本支出 under 行政运行 is not 基本支出 under 事业运行.
        Parts of a document total (收入, 支出合计) stay unqualified: they are the top lines.
        """
        if not whole.name or pat.TOTALS.match(whole.name):
            return
        for claim_id in {i for item in items for i in item.values()}:
            claim = self.reader.out[claim_id]
            if claim.subject.name != whole.name and not claim.subject.parent:
                self.reader.update(claim_id, subject=evolve(claim.subject, parent=whole.name))

    def _named_by_shares(
        self, lst: _Open, items: list[dict[ListKey, int]]
    ) -> tuple[dict[ListKey, int], Subject]:
        """
        The whole of a list, or the one its parts' shares name instead: parts each "占支出
        总预算X%" are parts of 支出总预算, whatever figure came before "其中："
        (the share names its base; the base wins over the list).
        """
        parts = {i for item in items for i in item.values()}
        named = {
            claim.whole_name
            for claim in self.reader.out
            if isinstance(claim, PercentClaim)
            and claim.role is PercentRole.SHARE
            and claim.part in parts
            and claim.whole_name
        }
        if len(named) != 1:
            return lst.wholes, lst.subject
        name = named.pop()
        if not lst.wholes or same_whole(name, lst.subject.name):
            return lst.wholes, lst.subject
        wholes: dict[ListKey, int] = {}
        for claim_id in self.reader.by_name.get(name, []):
            key = key_of(self.reader.out[claim_id])
            if key is not None:
                wholes[key] = claim_id
        return wholes, Subject(name=name, raw=name)

    def _share_wholes(self, parts: list[int], whole: int) -> None:
        """A part's "占X%" is a share of the list's whole — unless it names another."""
        wanted = set(parts)
        whole_name = self.reader.out[whole].subject.name
        for claim in self.reader.out:
            if (
                isinstance(claim, PercentClaim)
                and claim.role is PercentRole.SHARE
                and claim.part in wanted
                and claim.whole is None
                and (not claim.whole_name or same_whole(claim.whole_name, whole_name))
            ):
                self.reader.update(claim.id, whole=whole)
