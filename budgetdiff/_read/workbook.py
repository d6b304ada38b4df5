"""A published workbook (.xlsx), laid out as the text the reader reads (the ``xlsx`` extra).

Each visible sheet is laid out as a PDF page is (`budgetdiff._read.pdf`): the title,
编制部门 and 单位 lines above a table are text lines, each table row is one line per
cell after a TAB with a blank line after the row, a sheet of prose (one cell of many
lines) gives its lines, and a form feed ends the sheet.  Every line remembers the cell
it came from ("预算收支总表!B7"), so a message names the sheet and cell.

Handled here, before the reader sees the text:

- a merged cell gives its value at its top-left and a blank cell for each column it
  covers, as the text of a ruled table does; rows and table columns with nothing in
  them are dropped;
- numbers are exact (`budgetdiff._read.number_formats`): a float is printed through
  the cell's number format, never handed on as a float; a number stored as text is
  passed through as printed;
- a formula gives the value Excel saved with it; a formula without one (a workbook
  written by a program and never opened in a spreadsheet) is a blank, reported,
  never a zero; dates, TRUE/FALSE and error values in a table are reported;
- a hidden sheet is not read, and reported: a published disclosure is what its
  sheets show, and a hidden sheet is a working copy or a lookup list whose tables
  would read as a second copy of the budget;
- a workbook whose tables hold no figure at all (an unfilled template) lays out no
  table, so it is never read as a budget of zeros.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from io import BytesIO
from typing import Any

from attrs import field, frozen

from budgetdiff._model.fields import tuple_of
from budgetdiff._model.findings import Location
from budgetdiff.exceptions import ReadError

from .disclosure import ProblemKind, ReadProblem
from .number_formats import Exactness, number_format, printed_number
from .numbers import decimal_of
from .problems import problem

_TEXT_ROW = re.compile(r"编制(?:部门|单位)|单位\s*[:：]|^\s*(?:附)?表\s*[0-9一二三四五六七八九十]+")
_UNIT = re.compile(r"编制(?:部门|单位)\s*[:：]|单位\s*[:：]\s*(?:万?元)")
_TITLE = re.compile(r"^\S.{4,}(?:预算|决算|情况)\S*表$")
_NOTE = re.compile(r"^\s*(?:注|备注|说明)\s*[:：]")
_CODE_HEADER = re.compile(r"^(?:类|款|项)$|编码")


@frozen(kw_only=True)
class RenderedWorkbook:
    """A workbook as layout text, the cell of each of its lines, and what was reported."""

    text: str
    cells: tuple[str, ...] = field(converter=tuple_of)  # one per line of `text`; "" for none
    problems: tuple[ReadProblem, ...] = field(default=(), converter=tuple_of)


@frozen(kw_only=True)
class _Cell:
    ref: str  # "B7"
    text: str
    figure: bool = False  # a number (or a number stored as text)


@frozen(kw_only=True)
class _Row:
    number: int
    cells: dict[int, _Cell]  # by column, from 1; covered cells of a merge are absent

    @property
    def filled(self) -> list[_Cell]:
        return [c for _, c in sorted(self.cells.items()) if c.text.strip()]


def render_workbook(data: bytes, *, source: str, first_line: int = 1) -> RenderedWorkbook:
    """
    Lay *data* (an .xlsx workbook) out as the reader's text, sheet by sheet; the lines of
    its problems count from *first_line* (where the file starts in the whole text).

    Raises:
        ReadError: the ``xlsx`` extra is not installed, or the file is not a readable
            workbook (damaged, or not a spreadsheet).
    """
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - the extra is installed where tests run
        msg = "reading a workbook needs the xlsx extra: pip install 'budgetdiff[xlsx]'"
        raise ReadError(source, msg) from None
    try:
        values = openpyxl.load_workbook(BytesIO(data), data_only=True)
        formulas = openpyxl.load_workbook(BytesIO(data), data_only=False)
    except Exception as exc:  # zipfile, XML and openpyxl's own errors on a damaged file
        name = type(exc).__name__
        raise ReadError(source, f"not a readable workbook ({name}: {exc})") from None
    layout = _Layout(source=source, first_line=first_line)
    sheets = []
    for sheet in values.worksheets:
        if sheet.sheet_state != "visible":
            layout.report(sheet.title, "", reason="hidden")
            continue
        sheets.append((sheet.title, list(layout.rows(sheet, formulas[sheet.title]))))
    tables = any(c.figure for _, rows in sheets for row in _table_rows(rows) for c in row.filled)
    for title, rows in sheets:
        layout.sheet(title, rows, tables=tables)
    unfilled = [title for title, rows in sheets if _table_rows(rows)]
    if unfilled and not tables:
        layout.report(unfilled[0], "", reason="no_figures")
    return layout.rendered()


class _Layout:
    """The lines of a workbook's sheets as they are laid out, and their problems."""

    def __init__(self, *, source: str, first_line: int) -> None:
        self.source = source
        self.first_line = first_line
        self.lines: list[str] = []
        self.cells: list[str] = []
        self.problems: list[ReadProblem] = []
        self._pending: list[tuple[str, str, dict[str, Any]]] = []  # reported at their line

    def rows(self, sheet: Any, formulas: Any) -> Iterator[_Row]:
        """
        The rows of *sheet* with anything in them; problems noted for their line.  Hidden
        rows and columns are not read (a disclosure is what its sheets show), and said.
        """
        from openpyxl.utils import column_index_from_string

        covered = {
            (row, column)
            for merged in sheet.merged_cells.ranges
            for row, column in merged.cells
            if (row, column) != (merged.min_row, merged.min_col)
        }
        hidden_columns = {
            column
            for letter, dimension in sheet.column_dimensions.items()
            if dimension.hidden
            for column in range(
                dimension.min or column_index_from_string(letter),
                (dimension.max or column_index_from_string(letter)) + 1,
            )
        }
        for found in sheet.iter_rows():
            cells = {}
            number = found[0].row if found else 0
            if number and sheet.row_dimensions[number].hidden:
                filled = [c for c in found if c.value is not None]
                if filled:
                    self._note(sheet.title, filled[0].coordinate, reason="hidden_row")
                continue
            for cell in found:
                if (cell.row, cell.column) in covered:
                    continue
                if cell.column in hidden_columns:
                    if cell.value is not None:
                        self._note(sheet.title, cell.coordinate, reason="hidden_cell")
                    continue
                read = self._cell(sheet.title, cell, formulas[cell.coordinate])
                if read is not None:
                    cells[cell.column] = read
            row = _Row(number=found[0].row if found else 0, cells=cells)
            if row.filled:
                yield row

    def _cell(self, sheet: str, cell: Any, formula: Any) -> _Cell | None:
        value, ref = cell.value, cell.coordinate
        if value is None:
            if formula.data_type == "f":
                self._note(sheet, ref, reason="formula", formula=str(formula.value))
            return None
        if isinstance(value, bool):
            self._note(sheet, ref, reason="boolean", value=str(value).upper())
            return _Cell(ref=ref, text=str(value).upper())
        if isinstance(value, int | float):
            printed = printed_number(value, number_format(cell.number_format))
            if printed.exactness is not Exactness.EXACT:
                self._note(
                    sheet, ref, reason=printed.exactness.value, value=printed.text,
                    stored=format(printed.stored, "f"),
                )  # fmt: skip
            return _Cell(ref=ref, text=printed.text, figure=True)
        if isinstance(value, datetime | date | time | timedelta):
            text = _date_text(value)
            self._note(sheet, ref, reason="date", value=text)
            return _Cell(ref=ref, text=text)
        text = str(value)
        if cell.data_type == "e":
            self._note(sheet, ref, reason="error", value=text)
        return _Cell(ref=ref, text=text, figure=_is_figure(text))

    def _note(self, sheet: str, ref: str, **data: Any) -> None:
        self._pending.append((sheet, ref, data))

    def report(self, sheet: str, ref: str, **data: Any) -> None:
        """A problem of *sheet* (at *ref*, or of the whole sheet) with no line of its own."""
        where = Location(source=self.source, cell=f"{sheet}!{ref}" if ref else sheet)
        self.problems.append(problem(ProblemKind.WORKBOOK, where, **data))

    def sheet(self, title: str, rows: list[_Row], *, tables: bool) -> None:
        """Lay out one sheet as a page: its text lines and its tables' cell lines."""
        if not rows:
            return
        self._line("\f" if self.lines else "", "")
        block: list[_Row] = []
        for row, is_text in _classified(rows):
            if not is_text:
                block.append(row)
                continue
            if block:
                self._table(title, block, tables=tables)
                block = []
            self._text(title, row)
        if block:
            self._table(title, block, tables=tables)

    def _text(self, title: str, row: _Row) -> None:
        filled = row.filled
        if len(filled) == 1:
            for line in filled[0].text.splitlines():
                if line.strip():
                    self._line(line.strip(), f"{title}!{filled[0].ref}")
            self._flush(title, filled)
            return
        self._line(" ".join(c.text.strip() for c in filled), f"{title}!{filled[0].ref}")
        self._flush(title, filled)

    def _table(self, title: str, rows: list[_Row], *, tables: bool) -> None:
        if not tables:
            return  # an unfilled template: no figure in any of its tables
        columns = sorted({column for row in rows for column, c in row.cells.items() if c.text})
        for row in rows:
            for column in columns:
                cell = row.cells.get(column)
                text = "" if cell is None else cell.text.replace("\r", "").replace("\n", "")
                ref = f"{title}!{cell.ref}" if cell is not None else ""
                self._line(f"\t{text.rstrip()}", ref)  # a leading indent nests a row
                if cell is not None:
                    self._flush(title, [cell])
            self._line("", "")

    def _line(self, text: str, cell: str) -> None:
        self.lines.append(text)
        self.cells.append(cell)

    def _flush(self, title: str, cells: list[_Cell]) -> None:
        """Report the problems noted for *cells*, at the line just laid out."""
        refs = {c.ref for c in cells}
        line = self.first_line - 1 + len(self.lines)
        keep = []
        for sheet, ref, data in self._pending:
            if sheet == title and ref in refs:
                where = Location(source=self.source, cell=f"{sheet}!{ref}", line=line)
                self.problems.append(problem(ProblemKind.WORKBOOK, where, **data))
            else:
                keep.append((sheet, ref, data))
        self._pending = keep

    def rendered(self) -> RenderedWorkbook:
        for sheet, ref, data in self._pending:  # blank formulas, and cells of unlaid tables
            self.report(sheet, ref, **data)
        text = "".join(f"{line}\n" for line in self.lines)
        return RenderedWorkbook(text=text, cells=self.cells, problems=self.problems)


def _classified(rows: list[_Row]) -> Iterator[tuple[_Row, bool]]:
    """Each row, and whether it is a text line (a title, a unit line, prose, a note)."""
    inside = False
    for row in rows:
        filled = row.filled
        if not inside:
            is_text = len(filled) == 1 or any(_TEXT_ROW.search(c.text) for c in filled)
        else:  # a note, prose, or the title and unit lines of a next table on the sheet
            one = filled[0].text.strip() if len(filled) == 1 else ""
            is_text = bool(_NOTE.match(one) or "\n" in one or _TITLE.search(one)) or any(
                _UNIT.search(c.text) for c in filled
            )
        inside = not is_text
        yield row, is_text


def _table_rows(rows: list[_Row]) -> list[_Row]:
    """The rows of a sheet's tables, without their code columns' numbers (类 205 …)."""
    table = [row for row, is_text in _classified(rows) if not is_text]
    codes = {
        column
        for row in table
        for column, cell in row.cells.items()
        if _CODE_HEADER.search(cell.text.strip())
    }
    return [_Row(number=r.number, cells={k: c for k, c in r.cells.items() if k not in codes})
            for r in table]  # fmt: skip


def _date_text(value: datetime | date | time | timedelta) -> str:
    if isinstance(value, timedelta):
        return str(value)
    if isinstance(value, datetime) and value.time() == time():
        return value.date().isoformat()
    return value.isoformat()


def _is_figure(text: str) -> bool:
    """Whether a text cell prints a number (a number stored as text)."""
    compact = text.strip().replace(",", "").replace("，", "")
    return bool(compact) and decimal_of(compact) is not None
