"""Where each printed block belongs: contents, a section of text, a table, or nowhere.

One pass over the blocks of a document.  Tables start at a title (and continue
over page breaks, their header printed again); text lines go to the section under
whose heading they are printed; cell rows printed outside any table, and text
printed inside one, are kept as unplaced blocks and reported.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from attrs import define, field

from budgetdiff._model.tables import TableRole

from .disclosure import SectionPart, TextLine
from .headings import heading, is_noise, part_of
from .layout import Block, BlockKind
from .table_titles import (
    compact,
    is_note,
    is_performance_title,
    is_table_number,
    is_table_title,
    name_part,
    preparer_in,
    split_number,
    table_role,
    unit_broken,
    unit_in,
)

_TOC_ENTRY = re.compile(
    r"(……|\.{4,})|^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|\d+\s*[.．、]|[（(][一二三四五六七八九十]+[）)])"
)


@define
class SectionDraft:
    title: str
    number: str
    level: int
    part: SectionPart
    line: int
    lines: list[TextLine] = field(factory=list)
    rows: list[Block] = field(factory=list)


@define
class TableDraft:
    number: str
    title: str
    title_line: int
    role: TableRole | None
    unit_text: str = ""
    preparer: str = ""
    first_line: int = 0  # the line of its number ("表一："), else of its title
    unit_open: bool = False  # "单位：万" read, its 元 wrapped onto another line
    preparer_open: bool = False  # a preparer's name ended its line: it may wrap
    rows: list[Block] = field(factory=list)
    notes: list[TextLine] = field(factory=list)
    text: list[TextLine] = field(factory=list)  # text under the title before any row


@define
class PerformanceDraft:
    title_line: int
    rows: list[Block] = field(factory=list)


@define
class Unplaced:
    lines: list[TextLine] = field(factory=list)
    rows: list[Block] = field(factory=list)
    reason: str = "rows"  # "rows": cell rows outside a table; "text": text among a table's rows

    @property
    def first_line(self) -> int:
        return min([ln.number for ln in self.lines] + [r.line for r in self.rows])

    @property
    def last_line(self) -> int:
        return max([ln.number for ln in self.lines] + [r.last_line for r in self.rows])


@define
class Segments:
    sections: list[SectionDraft] = field(factory=list)
    tables: list[TableDraft] = field(factory=list)
    performance: list[PerformanceDraft] = field(factory=list)
    contents: list[TextLine] = field(factory=list)
    unplaced: list[Unplaced] = field(factory=list)
    text_tables: list[TableDraft] = field(factory=list)  # titles with no cells (tables as text)


class Segmenter:
    """One pass over a document's blocks."""

    def __init__(self, blocks: Sequence[Block]) -> None:
        self.blocks = list(blocks)
        self.out = Segments()
        self.part = SectionPart.COVER
        self.table: TableDraft | None = None
        self.perf: PerformanceDraft | None = None
        self.in_contents = False
        self.contents_paged = False
        self.pending_number: tuple[str, int] | None = None
        self._last_placed = 0
        self._absorbed: set[int] = set()

    # -- helpers ----------------------------------------------------------------------------

    def _section(self) -> SectionDraft:
        if not self.out.sections:
            self.out.sections.append(
                SectionDraft(title="", number="", level=0, part=self.part, line=1)
            )
        return self.out.sections[-1]

    def _lookahead(self, index: int) -> bool:
        """True when a title at *index* is followed by a table: rows, or a unit/preparer line."""
        for block in self.blocks[index + 1 :]:
            if block.kind in (BlockKind.BLANK, BlockKind.PAGE) or is_noise(block.text):
                continue
            if block.kind is BlockKind.TEXT and is_table_number(block.stripped):
                continue  # its number, printed under the title
            if block.kind is BlockKind.ROW:
                return True
            return _preamble(block.stripped)
        return False

    def _title_tail(self, index: int, rest: str) -> Block | None:
        """The next line, when a table title wrapped onto it ("…支出预算" / "表")."""
        following = self.blocks[index + 1] if index + 1 < len(self.blocks) else None
        if following is None or following.kind is not BlockKind.TEXT or not rest:
            return None
        tail = following.stripped
        if not 0 < len(tail) <= 3 or is_table_title(rest):
            return None
        if is_table_title(rest + tail) and self._lookahead(index + 1):
            return following
        return None

    def _end_table(self) -> None:
        table = self.table
        if table is not None:
            if table.rows:
                self.out.tables.append(table)
                if table.text:  # text between its title and its first row
                    self.out.unplaced.append(Unplaced(lines=list(table.text), reason="text"))
            else:
                self.out.text_tables.append(table)
        self.table = None

    def _end_perf(self) -> None:
        if self.perf is not None:
            self.out.performance.append(self.perf)
        self.perf = None

    def _end(self) -> None:
        self._end_table()
        self._end_perf()

    def _unplaced(
        self, *, line: TextLine | None = None, row: Block | None = None, reason: str
    ) -> None:
        last = self.out.unplaced[-1] if self.out.unplaced else None
        adjacent = last is not None and last.reason == reason and self._is_next(last)
        block = last if adjacent and last is not None else Unplaced(reason=reason)
        if line is not None:
            block.lines.append(line)
        if row is not None:
            block.rows.append(row)
        if block is not last:
            self.out.unplaced.append(block)

    def _is_next(self, block: Unplaced) -> bool:
        """True when nothing but blank lines lies between *block* and the current position."""
        return block.last_line >= self._last_placed

    # -- the pass ---------------------------------------------------------------------------

    def run(self) -> Segments:
        for index, block in enumerate(self.blocks):
            if block.kind is BlockKind.TEXT:
                self._text(index, block)
            elif block.kind is BlockKind.ROW:
                self._row(index, block)
            elif block.kind is BlockKind.PAGE and self.in_contents:
                self.contents_paged = True
            if block.kind in (BlockKind.TEXT, BlockKind.ROW):
                self._last_placed = block.last_line
        self._end()
        return self.out

    def _contents_entry(self, text: str) -> bool:
        if not self.in_contents:
            return False
        seen = {compact(ln.text) for ln in self.out.contents}
        numbered = bool(_TOC_ENTRY.search(text))
        if self.contents_paged:
            fits = numbered and compact(text) not in seen and "。" not in text
        else:
            fits = (numbered or len(text) <= 40) and "。" not in text
        if not fits:
            self.in_contents = False
        return fits

    def _text(self, index: int, block: Block) -> None:
        if block.line in self._absorbed:
            return  # printed as part of the heading above it
        text = block.stripped
        line = TextLine(number=block.line, text=block.text)
        if self._contents_entry(text):
            self.out.contents.append(line)
            return
        if compact(text) == "目录":
            self._end()
            self._start_contents(line)
            return
        found = heading(text)
        if found is not None and found[0] == 0 and found[1]:  # 第X部分
            self._end()
            extra = self._wrapped(found[2], index)
            self._absorbed.update(ln.number for ln in extra)
            self._new_section(found, line, extra)
            return
        if is_table_number(text):
            if self.table is not None and not self.table.rows and not self.table.number:
                self.table.number = split_number(text)[0]  # printed under its title
                return
            self._end()
            self.pending_number = (split_number(text)[0], block.line)
            return
        number, rest = split_number(text)
        if is_table_title(rest) and self._lookahead(index):
            self._start_table(number, rest, block.line)
            return
        tail = self._title_tail(index, rest)
        if tail is not None:
            self._absorbed.add(tail.line)
            self._start_table(number, rest + tail.stripped, block.line)
            return
        if is_performance_title(text) and self._lookahead(index):
            self._end()
            self.perf = PerformanceDraft(title_line=block.line)
            return
        if self.table is not None and self._table_text(text, line):
            return
        if found is not None:
            self._end()
            self._new_section(found, line)
            return
        if self.table is not None:
            if not self.table.rows:
                self.table.text.append(line)
            else:
                self._unplaced(line=line, reason="text")
            return
        self._end_perf()
        if self.part is SectionPart.TABLES and self.out.tables:
            self._unplaced(line=line, reason="text")
            return
        self._section().lines.append(line)

    def _table_text(self, text: str, line: TextLine) -> bool:
        """Unit, preparer and note lines of the current table; False for other text."""
        table = self.table
        assert table is not None
        if is_note(text) or (
            table.notes
            and table.notes[-1].number == self._last_placed
            and not table.notes[-1].text.strip().endswith("。")
            and heading(text) is None
        ):
            table.notes.append(line)
            return True
        if is_noise(text) and not table.rows:
            table.title = f"{table.title} {text.strip()}"
            return True
        if table.rows:
            return False
        return self._wrapped_preamble(table, text) or self._preamble_line(table, text)

    @staticmethod
    def _preamble_line(table: TableDraft, text: str) -> bool:
        if unit_in(text) is None and preparer_in(text) is None:
            return False
        table.unit_text = table.unit_text or _unit_text(text)
        if not table.preparer and (preparer := preparer_in(text)):
            table.preparer = preparer
            table.preparer_open = unit_in(text) is None
        return True

    @staticmethod
    def _wrapped_preamble(table: TableDraft, text: str) -> bool:
        """
        Unit and preparer lines wrapped in their boxes: "单位：万" with its 元 at the end of
        the next line, a preparer's name continued on a line of its own.
        """
        if not table.unit_text and unit_broken(text):
            table.unit_open = True
            return True
        if table.unit_open and re.search(r"\s元$", text):
            table.unit_open = False
            table.unit_text = "单位：万元"
            rest = text.rstrip()[:-1]
            if rest.strip():
                Segmenter._preamble_line(table, rest)
            return True
        if table.preparer_open:
            unit = re.search(r"(?:计量)?单位\s*[：:]", text)
            head = text[: unit.start()] if unit else text
            if name_part(head) and not is_table_title(head):
                table.preparer += compact(head)
                table.preparer_open = False
                table.unit_text = table.unit_text or _unit_text(text)
                return True
        return False

    def _row(self, index: int, block: Block) -> None:
        texts = block.non_empty()
        single = texts[0] if len(texts) == 1 else ""
        if self.in_contents and single and self._contents_entry(single):
            self.out.contents.append(TextLine(number=block.line, text=single))
            return
        if single and compact(single) == "目录":
            self._end()
            self._start_contents(TextLine(number=block.line, text=single))
            return
        if texts and is_performance_title(texts[0]):
            self._end()
            self.perf = PerformanceDraft(title_line=block.line, rows=[block])
            return
        if single:
            number, rest = split_number(single)
            if is_table_number(single):
                self._end()
                self.pending_number = (number, block.line)
                return
            if is_table_title(rest):
                self._start_table(number, rest, block.line)
                return
            if self.table is not None and is_note(single):
                self.table.notes.append(TextLine(number=block.line, text=single))
                return
        if self.table is not None:
            joined = " ".join(t.strip() for t in texts)
            if not self.table.rows and texts and not all(_preamble(t) for t in texts):
                # a preparer line printed over the cells of a ruling ("部门：" | "X" | "单位：万元")
                texts = (joined,) if _preamble(joined) and preparer_in(joined) else texts
            if not self.table.rows and texts and all(_preamble(t) for t in texts):
                for t in texts:
                    self.table.unit_text = self.table.unit_text or _unit_text(t)
                    self.table.preparer = self.table.preparer or (preparer_in(t) or "")
                return
            if not self.table.rows and not texts:
                return  # blank rows between a title and its header
            self.table.rows.append(block)
            return
        if self.perf is not None:
            self.perf.rows.append(block)
            return
        if not texts:
            return  # an empty row between paragraphs
        if self.part in (SectionPart.TABLES,) or not self.out.sections:
            self._unplaced(row=block, reason="rows")
            return
        self._section().rows.append(block)

    def _start_contents(self, line: TextLine) -> None:
        self.in_contents = True
        self.contents_paged = False
        self.out.contents.append(line)

    def _start_table(self, number: str, title: str, line: int) -> None:
        self._end()
        if not number and self.pending_number is not None:
            number = self.pending_number[0]
        first = self.pending_number[1] if self.pending_number is not None else line
        self.pending_number = None
        self.table = TableDraft(
            number=number, title=title, title_line=line, role=table_role(title), first_line=first
        )

    def _wrapped(self, title: str, index: int) -> list[TextLine]:
        """The short lines a part heading was wrapped onto ("…决算情况" / "2024" / "说明")."""
        ends = ("表", "说明", "解释", "概况")
        if compact(title).endswith(ends):
            return []
        extra: list[TextLine] = []
        for block in self.blocks[index + 1 : index + 3]:
            text = block.stripped
            if block.kind is not BlockKind.TEXT or len(text) > 6 or "。" in text:
                break
            extra.append(TextLine(number=block.line, text=text))
            if compact(text).endswith(ends):
                break
        return extra

    def _new_section(
        self, found: tuple[int, str, str], line: TextLine, extra: Sequence[TextLine] = ()
    ) -> None:
        level, number, title = found
        full = " ".join([line.text.strip(" \u3000\t"), *(ln.text for ln in extra)])
        if level == 0:
            wrapped = " ".join([title, *(ln.text for ln in extra)])
            self.part = part_of(wrapped or line.text, self.part, numbered=bool(number))
        self.out.sections.append(
            SectionDraft(
                title=full,
                number=number,
                level=level,
                part=self.part,
                line=line.number,
            )
        )


def _preamble(text: str) -> bool:
    return unit_in(text) is not None or preparer_in(text) is not None or unit_broken(text)


def _unit_text(text: str) -> str:
    found = re.search(r"(?:计量)?单位\s*[：:]\s*(?:万元|元)", text)
    return found.group(0) if found else ""


def segment(blocks: Sequence[Block]) -> Segments:
    """Assign every block of a document to its place."""
    return Segmenter(blocks).run()
