"""
Workbooks the command line writes (the ``xlsx`` extra): a budget's nine tables, a
comparison's changes, a check's findings.

The tables are written so that budgetdiff's own reader reads them back into the
budget (`table_sheets` gives their layout): every amount is the exact figure, in the
budget's unit, with a number format showing its decimals, so the reader's number
formats (`budgetdiff._read.number_formats`) give back the very figure.  An amount a
float cannot hold exactly is written as the text it prints as.  Sheets are styled
for print: a title, a unit line, a bold ruled header, frozen under it, 宋体.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from io import BytesIO
from pathlib import Path
from typing import Any

from budgetdiff._engine.batch import BatchReport
from budgetdiff._engine.compare import Comparison
from budgetdiff._model.budget import Budget
from budgetdiff._model.money import Money, Unit, Value, half_up, plain
from budgetdiff.exceptions import BudgetDiffError

from .output import finding_rows
from .table_sheets import Sheet, cover, table_sheets
from .text import display_width

_FONT = "宋体"
_WIDEST = 60  # characters: a column is never wider


def needs_output(output: Path | None, fmt: str) -> Path:
    """
    The file a binary format is written to.

    Raises:
        BudgetDiffError: there is none: a workbook is not written to a terminal.
    """
    if output is None:
        msg = f"--format {fmt} writes a binary file: give -o FILE.{fmt}"
        raise BudgetDiffError(msg)
    return output


def tables_workbook(budget: Budget) -> bytes:
    """
    *budget*'s nine standard tables, a sheet each, as the reader reads them back.

    Raises:
        BudgetDiffError: the budget's lines print one amount each, their 基本/项目/机动
            split stated only in total (the Jiangsu tables): the nine tables cannot carry
            that split back, so no workbook is written rather than one that reads as zeros.
    """
    if budget.unsplit_by_kind is not None:
        msg = (
            f"{budget.unit_name} {budget.year}: its lines print one amount each, split into "
            "基本/项目/单位预留机动经费 only in total; the workbook of the nine tables cannot "
            "carry that split back yet: convert it to YAML, JSON or TOML"
        )
        raise BudgetDiffError(msg)
    book = _book()
    name, lines = cover(budget)
    front = book.create_sheet(name)
    for row, line in enumerate(lines, start=1):
        front.cell(row, 1, line).font = _styles()["title"]
    front.column_dimensions["A"].width = _width(lines)
    for sheet in table_sheets(budget):
        _table_sheet(book.create_sheet(sheet.name), sheet, budget)
    return _saved(book)


def changes_workbook(comparison: Comparison) -> bytes:
    """Every change of *comparison*: name, code, old, new, delta, growth, drivers."""
    book = _book()
    sheet = book.create_sheet("changes")
    head = ["id", "name", "code", "old", "new", "delta", "growth_percent", "direction", "drivers"]
    rows = []
    for change in comparison.changes:
        drivers = "; ".join(
            d.change if d.share is None else f"{d.change} ({plain(d.share * 100)}%)"
            for d in change.drivers
        )
        rows.append(
            [
                change.id,
                change.subject.name,
                change.subject.key if change.subject.kind in ("function", "economic") else "",
                change.old,
                change.new,
                None if change.is_text else change.delta,
                None if change.growth is None else half_up(change.growth, 2),
                change.direction.value,
                drivers,
            ]
        )
    _list_sheet(sheet, head, rows)
    return _saved(book)


def findings_workbook(batch: BatchReport) -> bytes:
    """Every finding of every unit: severity, rule, message, each location, expected, actual."""
    book = _book()
    head, rows = finding_rows(batch)
    _list_sheet(book.create_sheet("findings"), head, rows)
    return _saved(book)


def _book() -> Any:
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    return book


def _saved(book: Any) -> bytes:
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _styles() -> dict[str, Any]:
    from openpyxl.styles import Alignment, Border, Font, Side

    thin = Side(style="thin")
    return {
        "title": Font(name=_FONT, size=14, bold=True),
        "text": Font(name=_FONT, size=10),
        "bold": Font(name=_FONT, size=10, bold=True),
        "border": Border(left=thin, right=thin, top=thin, bottom=thin),
        "center": Alignment(horizontal="center", vertical="center", wrap_text=True),
        "right": Alignment(horizontal="right"),
    }


def _table_sheet(ws: Any, sheet: Sheet, budget: Budget) -> None:
    from openpyxl.utils import get_column_letter

    style = _styles()
    width = sheet.width
    ws.cell(1, 1, sheet.texts[0]).font = style["bold"]
    title = ws.cell(2, 1, sheet.texts[1])
    title.font, title.alignment = style["title"], style["center"]
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
    ws.cell(3, 1, sheet.preparer).font = style["text"]
    ws.cell(3, width, sheet.unit).font = style["text"]
    top = 4
    for r, head in enumerate(sheet.header):
        column = 1
        for label, span in head:
            cell = ws.cell(top + r, column, label or None)
            if span > 1:
                ws.merge_cells(
                    start_row=top + r,
                    start_column=column,
                    end_row=top + r,
                    end_column=column + span - 1,
                )
            column += span
        for c in range(1, width + 1):
            cell = ws.cell(top + r, c)
            cell.font, cell.border, cell.alignment = style["bold"], style["border"], style["center"]
    body = top + len(sheet.header)
    ws.freeze_panes = ws.cell(body, 1)
    unit, places = budget.presentation.unit, budget.presentation.places
    for r, row in enumerate(sheet.rows):
        if len(row) > width:  # a figure with no column would be lost: never silently
            msg = f"{sheet.name}: a row of {len(row)} cells under a header of {width} columns"
            raise AssertionError(msg)
        for c in range(width):
            value = row[c] if c < len(row) else None
            cell = ws.cell(body + r, c + 1)
            cell.border, cell.font = style["border"], style["text"]
            if isinstance(value, Money):
                _amount(cell, value, unit, places, style["right"])
            elif value:
                cell.value = value
    for k, note in enumerate(sheet.notes):
        ws.cell(body + len(sheet.rows) + k, 1, note).font = style["text"]
    for c in range(1, width + 1):
        texts = [str(ws.cell(r, c).value or "") for r in range(top, body + len(sheet.rows))]
        ws.column_dimensions[get_column_letter(c)].width = _width(texts)


def _amount(cell: Any, money: Money, unit: Unit, places: int, right: Any) -> None:
    """*money* in *unit*: the exact figure, with a format showing every decimal of it."""
    figure = money.to(unit)
    exponent = figure.normalize().as_tuple().exponent
    decimals = max(places, -exponent if isinstance(exponent, int) and exponent < 0 else 0)
    number_format = "#,##0" + ("." + "0" * decimals if decimals else "")
    cell.number_format = number_format
    cell.alignment = right
    if Decimal(repr(float(figure))) == figure:
        cell.value = float(figure) if decimals else int(figure)
    else:  # more digits than a float holds: the printed text, which the reader takes as is
        cell.value = format(figure, f",.{decimals}f")


def _list_sheet(ws: Any, head: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    from openpyxl.utils import get_column_letter

    style = _styles()
    for c, label in enumerate(head, start=1):
        cell = ws.cell(1, c, label)
        cell.font, cell.border, cell.alignment = style["bold"], style["border"], style["center"]
    count = 1
    for r, row in enumerate(rows, start=2):
        count = r
        for c, value in enumerate(row, start=1):
            cell = ws.cell(r, c)
            cell.border, cell.font = style["border"], style["text"]
            _value(cell, value)
    ws.freeze_panes = "A2"
    for c in range(1, len(head) + 1):
        texts = [str(ws.cell(r, c).value or "") for r in range(1, count + 1)]
        ws.column_dimensions[get_column_letter(c)].width = _width(texts)


def _value(cell: Any, value: Value | None) -> None:
    """A figure of a list: money in 元 and other numbers exact, as text when a float cannot."""
    if value is None:
        return
    if isinstance(value, Money):
        value = value.yuan
    if isinstance(value, Decimal):
        exponent = value.normalize().as_tuple().exponent
        decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        if decimals <= 4 and Decimal(repr(float(value))) == value:
            cell.value = float(value) if decimals else int(value)
            cell.number_format = "#,##0" + ("." + "0" * decimals if decimals else "")
        else:
            cell.value = plain(value)
        return
    cell.value = value


def _width(texts: Iterable[str]) -> float:
    return min(_WIDEST, max((display_width(t) for t in texts), default=4) + 2)
