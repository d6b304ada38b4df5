"""The printed layout: lines grouped into text lines, cell rows and page breaks.

A published text prints each table row one cell per line, each cell after a TAB,
with a blank line after the row; a line holding only a form feed is a page break.
A whitespace-only line directly under a cell continues that cell (the seed prints
a stray full-width space that way); anything else is a text line.
"""

from __future__ import annotations

import enum

from attrs import frozen

from budgetdiff._model.fields import tuple_of


class BlockKind(enum.Enum):
    TEXT = "text"
    ROW = "row"
    PAGE = "page"  # a page break
    BLANK = "blank"


@frozen(kw_only=True)
class RawCell:
    """A cell's text as printed (without its leading TAB) and its line."""

    text: str
    line: int


@frozen(kw_only=True)
class Block:
    """A text line, a row of cells, a page break, or a blank line."""

    kind: BlockKind
    line: int
    text: str = ""  # for TEXT: the line as printed
    cells: tuple[RawCell, ...] = ()

    @property
    def last_line(self) -> int:
        return self.cells[-1].line if self.cells else self.line

    @property
    def stripped(self) -> str:
        return self.text.strip()

    def non_empty(self) -> tuple[str, ...]:
        """The texts of the row's non-blank cells."""
        return tuple(t for t in (c.text.strip() for c in self.cells) if t)


def blocks(text: str) -> list[Block]:
    """Split *text* (newlines already "\\n") into blocks, in order; line numbers from 1."""
    result: list[Block] = []
    cells: list[RawCell] = []

    def flush() -> None:
        if cells:
            result.append(Block(kind=BlockKind.ROW, line=cells[0].line, cells=tuple_of(cells)))
            cells.clear()

    for number, line in enumerate(text.split("\n"), start=1):
        if line.startswith("\t"):
            cells.append(RawCell(text=line[1:], line=number))
            continue
        if cells and line and not line.strip():
            last = cells[-1]  # a whitespace-only line continues the cell above it
            cells[-1] = RawCell(text=f"{last.text}\n{line}", line=last.line)
            continue
        flush()
        if "\x0c" in line:
            rest = line.replace("\x0c", "")
            result.append(Block(kind=BlockKind.PAGE, line=number))
            if rest.strip():
                result.append(Block(kind=BlockKind.TEXT, line=number, text=rest))
        elif not line.strip():
            result.append(Block(kind=BlockKind.BLANK, line=number, text=line))
        else:
            result.append(Block(kind=BlockKind.TEXT, line=number, text=line))
    flush()
    return result
