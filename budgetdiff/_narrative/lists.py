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

from attrs import define, field

from . import patterns as pat
from .claims import (
    AmountClaim,
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


def key_of(claim: Claim) -> ListKey | None:
    """What kind of part a claim can be: its amount (per period), change, count or quantity."""
    if isinstance(claim, AmountClaim):
        return None if claim.per else ("amount", claim.period.name)
    if isinstance(claim, ChangeClaim):
        return ("change", "")
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

    def clause(self, mark: str) -> None:
        """A "；" ends an item, and with it a list nested in that item of an inline list."""
        if mark not in "；;" or len(self.stack) < 2:
            return
        if not self.stack[-2].block and not self.stack[-1].block:
            self._close()

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
        for lst in self.stack:
            if not lst.block:
                lst.sentence_done = True

    def paragraph_starts(self, para: Paragraph, *, enumerated: bool) -> None:
        while self.stack:
            lst = self.stack[-1]
            if not lst.block:
                self._close()
                continue
            first = self.reader.first_figure(para, 0, len(para.text))
            if enumerated or first is None or self._next_part(para, 0, len(para.text), lst):
                lst.items.append({})
                lst.item_paragraph = enumerated
                return
            self._close()

    def paragraph_ends(self) -> None:
        while self.stack and not self.stack[-1].block:
            self._close()

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
        keys = list(lst.wholes) or list(items[0])
        for key in keys:
            parts = [item[key] for item in items if key in item]
            if not parts:
                continue
            whole = lst.wholes.get(key)
            if whole is None and len(parts) < 2:
                continue
            complete = len(parts) == len(items)
            self.reader.add(
                ListClaim,
                subject=lst.subject,
                whole=whole,
                parts=tuple(parts),
                exhaustive=lst.exhaustive and complete,
                **lst.where,
            )
            if whole is not None and key[0] == "amount":
                self._share_wholes(parts, whole)

    def _share_wholes(self, parts: list[int], whole: int) -> None:
        """A part's "占X%" is a share of the list's whole."""
        wanted = set(parts)
        for claim in self.reader.out:
            if (
                isinstance(claim, PercentClaim)
                and claim.role is PercentRole.SHARE
                and claim.part in wanted
                and claim.whole is None
            ):
                self.reader.update(claim.id, whole=whole)
