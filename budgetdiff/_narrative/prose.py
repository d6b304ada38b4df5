"""
Narrative text as read: paragraphs of prose, with every character traced back.

Published text comes with the marks of its extraction: table rows (one cell a
line, each prefixed by a TAB), page breaks, lines wrapped mid-word, and — in
some PDFs — the numbers of a line moved onto the line below it::

    上海市普陀区财政局 年度收入支出总计 万元。与 年度相比，收入
    2024 2995.39 2023

`paragraphs` reads prose lines only, puts displaced numbers back into the
gaps they left (a gap before 万元, 年, %, 个… or after 占, 为, 的… before
punctuation), joins wrapped lines into paragraphs, and keeps for every
character of the result its offset in the original text, so a claim can say
which line and span it came from.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from attrs import field, frozen

from budgetdiff._model.fields import tuple_of

_NUMBER_TOKEN = re.compile(r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?[%％]?")
_QUOTE_TOKEN = re.compile(r"[“”\"'‘’:：]+")

# A gap before one of these wants a number ("总计 万元", "与 年度", "占 ；").
_UNIT_AFTER = tuple("万元%％个辆台年月日分家人名项次户")
_PUNCT = tuple("，。；、：）)")
_WANTS_NUMBER_BEFORE_PUNCT = tuple("占的为降长加少计达共约至")
_LINE_START_GAP = re.compile(r"^(?:万元|万|%|％|[，。；、]|个|辆|台|年度|元)")

ENUMERATOR = (
    r"第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]"
    r"|\d+(?:[.．]\d+)*[、.．](?!\d)|[①②③④⑤⑥⑦⑧⑨⑩]"
)
"""What numbers a heading or an item: "第三部分", "一、", "（一）", "1.", "2、", "①"."""
_ENUMERATOR = re.compile(f"^(?:{ENUMERATOR})")
_GAP = 3  # this many blank lines part paragraphs (a table blanked out, a page of figures)
_TITLE = re.compile(r"(?:19|20)\d{2}\s*年度?[^，。；]{0,12}(?:预算|决算)$")
_CODED_START = re.compile(r"^[“\"][\u4e00-\u9fff]{2,30}[（(]类[)）]")
_HEADING_WORDS = re.compile(r"(?:说明|情况|解释|概况|职能|设置|预算表|决算表|总表|目录|目\s*录)$")
_SENTENCE_PUNCT = re.compile(r"[，。；！？]")


@frozen(kw_only=True)
class Paragraph:
    """
    One paragraph of prose (or one heading), as read.

    ``offsets[i]`` is the position in the original text of ``text[i]``.
    """

    text: str
    offsets: tuple[int, ...] = field(converter=tuple_of)
    heading: bool = False
    level: int | None = None  # heading level: 0 第X部分, 1 一、, 2 （一）, 3 1.

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of ``text[start:end]`` (first and last character traced back)."""
        if start >= end:
            where = self.offsets[min(start, len(self.offsets) - 1)]
            return where, where
        return self.offsets[start], self.offsets[end - 1] + 1


@frozen(kw_only=True)
class Lines:
    """Line numbers for offsets of the original text."""

    starts: tuple[int, ...] = field(converter=tuple_of)

    @classmethod
    def of(cls, text: str) -> Lines:
        starts = [0]
        starts.extend(m.end() for m in re.finditer(r"\n", text))
        return cls(starts=starts)

    def line(self, offset: int) -> int:
        """The 1-based line number holding *offset*."""
        return bisect.bisect_right(self.starts, offset)


@frozen(kw_only=True)
class _Line:
    number: int
    start: int
    text: str


def _lines(text: str) -> Iterator[_Line]:
    offset = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        yield _Line(number=number, start=offset, text=raw.rstrip("\r"))
        offset += len(raw) + 1


def _is_displaced(text: str) -> bool:
    """A line of nothing but numbers (and stray quote marks): a PDF moved them here."""
    tokens = text.split()
    if not tokens:
        return False
    if not all(_NUMBER_TOKEN.fullmatch(t) or _QUOTE_TOKEN.fullmatch(t) for t in tokens):
        return False
    return any(_NUMBER_TOKEN.fullmatch(t) for t in tokens) or len(text.strip()) <= 4


def heading_level(text: str) -> int | None:
    """The level of *text* as a heading, or None when it is prose."""
    stripped = text.strip()
    if not stripped or len(stripped) > 48 or _SENTENCE_PUNCT.search(stripped):
        return None
    if re.search(r"\d+(?:\.\d+)?\s*(?:万元|元|%)", stripped):
        return None
    if stripped.startswith("第") and "部分" in stripped[:6]:
        return 0
    if re.match(r"^[一二三四五六七八九十]+[、.．]", stripped):
        return 1
    if re.match(r"^[（(][一二三四五六七八九十]+[)）]", stripped):
        return 2
    if re.match(r"^\d+(?:[.．]\d+)*[、.．]", stripped):
        return 3
    if _HEADING_WORDS.search(stripped) and not stripped.endswith(("：", ":")):
        return 1
    if _TITLE.search(stripped):
        return 0  # "上海市普陀区2025年区级部门预算", "某局2024年度部门决算"
    return None


def _gaps(line: str, previous: str) -> list[tuple[int, int]]:
    """Where a line lost its numbers: (start, end) of each gap that wants one."""
    gaps: list[tuple[int, int]] = []
    stripped_start = len(line) - len(line.lstrip())
    head = line[stripped_start:]
    if _LINE_START_GAP.match(head) and not (head.startswith("元") and previous.endswith("万")):
        gaps.append((stripped_start, stripped_start))
    for match in re.finditer(r"\s+", line):
        start, end = match.span()
        if start == 0 or end == len(line):
            continue
        before, after = line[start - 1], line[end]
        if before.isdigit() or before in ".．":
            continue  # "聘用人员 71 人": the number is there, before its space
        if after.startswith(_UNIT_AFTER) or (
            after in _PUNCT and before in _WANTS_NUMBER_BEFORE_PUNCT
        ):
            gaps.append((start, end))
    return gaps


@frozen(kw_only=True)
class _Piece:
    """A stretch of a prose line, or a number moved back into it."""

    text: str
    start: int  # original offset of text[0]


def _restore(line: _Line, previous: str, tokens: list[_Piece]) -> list[_Piece]:
    """*line* with *tokens* put into its numeric gaps, in order."""
    gaps = _gaps(line.text, previous)
    pieces: list[_Piece] = []
    cursor = 0
    for (start, end), token in zip(gaps, tokens, strict=False):
        pieces.append(_Piece(text=line.text[cursor:start], start=line.start + cursor))
        pieces.append(token)
        cursor = end
    pieces.append(_Piece(text=line.text[cursor:], start=line.start + cursor))
    return pieces


def _squeeze(pieces: list[_Piece]) -> tuple[str, list[int]]:
    """Concatenate *pieces*, dropping layout spaces except between two Latin letters or digits."""
    chars: list[str] = []
    offsets: list[int] = []
    flat = [(c, p.start + i) for p in pieces for i, c in enumerate(p.text)]
    for i, (char, offset) in enumerate(flat):
        if char.isspace() or char == "\f":
            before = chars[-1] if chars else ""
            after = next((c for c, _ in flat[i + 1 :] if not c.isspace()), "")
            keep = (
                before.isascii()
                and before.isalnum()
                and after.isascii()
                and after.isalnum()
                and not (before.isdigit() or after.isdigit())
            )
            if keep and chars and chars[-1] != " ":
                chars.append(" ")
                offsets.append(offset)
            continue
        chars.append(char)
        offsets.append(offset)
    return "".join(chars), offsets


def paragraphs(text: str) -> tuple[Paragraph, ...]:
    """
    The prose of *text* as paragraphs, displaced numbers restored.

    Table rows (TAB-prefixed), page breaks and blank lines are not prose; a
    table row, or a run of blank lines, ends a paragraph.  A new paragraph
    starts at a heading, at an enumerated item ("（一）", "1.", "2、"), and
    after a line that ends a sentence (。；！？) short of the width the
    extraction wrapped at; wrapped lines are joined, and so is a line ending
    in "：" with what it introduces.
    """
    lines = list(_lines(text))
    # Number-only lines are attached to the prose line above them.
    pending: dict[int, list[_Piece]] = {}
    prose: list[_Line] = []
    blank = 0
    for line in lines:
        body = line.text
        if not body.strip() or body.strip() == "\f":
            blank += 1
            continue
        if body.startswith("\t") or blank >= _GAP:
            prose.append(_Line(number=line.number, start=line.start, text="\t"))
        blank = 0
        if body.startswith("\t"):
            continue
        if _is_displaced(body) and prose and prose[-1].text != "\t":
            owner = prose[-1].number
            for match in _NUMBER_TOKEN.finditer(body):
                pending.setdefault(owner, []).append(
                    _Piece(text=match.group(), start=line.start + match.start())
                )
            continue
        prose.append(line)

    result: list[Paragraph] = []
    chars: list[str] = []
    offsets: list[int] = []

    def flush(*, heading: bool = False, level: int | None = None) -> None:
        nonlocal chars, offsets
        body = "".join(chars)
        if body.strip():
            result.append(Paragraph(text=body, offsets=offsets, heading=heading, level=level))
        chars, offsets = [], []

    previous_text = previous_body = ""
    wrap = _wrap_width(prose)
    for line in prose:
        if line.text == "\t":
            flush()
            previous_text = previous_body = ""
            continue
        pieces = _restore(line, previous_text, pending.get(line.number, []))
        body, where = _squeeze(pieces)
        previous_full = _full_width(previous_text, wrap) or _full_width(previous_body, wrap)
        previous_text, previous_body = line.text.rstrip(), body
        if not body:
            continue
        level = heading_level(body)
        if level is not None and _wrapped(body, wrap):
            level = None  # a line as wide as the wrap goes on: it starts a paragraph
        if level is not None and not _continues(chars, body):
            flush()
            chars, offsets = list(body), where
            flush(heading=True, level=level)
            continue
        if chars and _starts_paragraph(chars, body, wrapped=previous_full):
            flush()
        if chars and chars[-1].isdigit() and body[0].isdigit():
            chars.append(" ")
            offsets.append(where[0])
        chars.extend(body)
        offsets.extend(where)
    flush()
    return tuple(result)


def _continues(chars: list[str], body: str) -> bool:
    """A short line that only finishes the paragraph before it ("说明" after a wrapped title)."""
    if not chars:
        return False
    tail = "".join(chars[-2:])
    return (
        not re.search(r"[。；：！？]$", tail)
        and _ENUMERATOR.match(body) is None
        and (len(body) <= 4 or body[0] in "年度")
    )


def _starts_paragraph(chars: list[str], body: str, *, wrapped: bool) -> bool:
    """Whether *body* starts a new paragraph after the line that left *chars* open."""
    if _ENUMERATOR.match(body) or body.startswith("、") or _CODED_START.match(body):
        return True
    return chars[-1] in "。；！？" and not wrapped


def _wrap_width(prose: list[_Line]) -> int | None:
    """
    The width at which a PDF extraction wrapped the prose, or None if it did not.

    Wrapped lines cluster at one length (a little more with narrow digits); a
    document written one paragraph a line (the seed) has no such cluster.
    """
    lengths = [len(line.text.strip()) for line in prose if len(line.text.strip()) >= 20]
    if not lengths:
        return None
    best, width = 0, 0
    for top in set(lengths):
        count = sum(1 for n in lengths if top - 6 < n <= top)
        if count > best or (count == best and top > width):
            best, width = count, top
    return width if best >= 0.25 * len(lengths) else None


def _wrapped(body: str, wrap: int | None) -> bool:
    """
    A heading-like line that goes on: nearly as wide as the wrap, and either not
    ending like a title or not numbered like one.
    """
    if wrap is None or len(body) < wrap - 8:
        return False
    return not _HEADING_WORDS.search(body) or _ENUMERATOR.match(body) is None


def _full_width(text: str, wrap: int | None) -> bool:
    return wrap is not None and len(text.strip()) >= wrap - 5
