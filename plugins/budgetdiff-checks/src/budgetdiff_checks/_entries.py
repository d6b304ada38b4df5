"""
The entries a printed table lists: code, name and amounts, pane by pane.

Tables print one list per row (表二: code, name, amounts) or several side by
side: 收支总表 prints income on the left and expenditure on the right, and a
决算 基本支出表 prints 人员经费 and 公用经费 lines in two panes.  A *pane* is a
run of code and label columns followed by the amount columns after them; an
*entry* is one row's cells in one pane.

A pane without code columns may still name function classes in its labels
("201 一般公共服务支出", "一、一般公共服务支出"); the class code is read from
the printed digits, or looked up by the printed name in the catalog.
"""

from __future__ import annotations

import functools
import re

from attrs import field, frozen

from budgetdiff.disclosure import Column, ColumnKind, PrintedCell, PrintedRow, PrintedTable
from budgetdiff.model import Catalog

from ._fields import tuple_of

_SPACES = re.compile(r"[\s\u3000]+")
_LEADING_CODE = re.compile(r"^(\d{3}(?:\d{2}){0,2})\s*(\S.*)?$")
_CN_NUMBER = re.compile(r"^[一二三四五六七八九十]+\s*[、.．]")
_ARABIC_NUMBER = re.compile(r"^\d{1,2}\s*[.．、](?!\d)")
_PAREN_NUMBER = re.compile(r"^[（(]\s*[\d一二三四五六七八九十]+\s*[)）]")
_TOTAL_WORDS = ("合计", "总计", "收入小计", "支出小计")  # 当年收入小计: the year's, before 结转


def compact(text: str) -> str:
    """*text* without spaces of any width ("合  计" → "合计")."""
    return _SPACES.sub("", text)


def is_total_label(text: str) -> bool:
    """True for 合计, 总计, 收入总计, 本年支出合计, 人员经费合计, 当年收入小计 …"""
    cleaned = compact(text)
    return bool(cleaned) and cleaned.endswith(_TOTAL_WORDS)


def numbering(text: str) -> int:
    """
    How deep a label's numbering puts it: 0 none, 1 "一、", 2 "1.", 3 "（1）".

    A row numbered more deeply than the row it follows is a part of it.
    """
    stripped = text.strip(" \u3000\t")
    if _CN_NUMBER.match(stripped):
        return 1
    if _ARABIC_NUMBER.match(stripped):
        return 2
    if _PAREN_NUMBER.match(stripped):
        return 3
    return 0


def indent(text: str) -> int:
    """The spaces a label is indented by, as printed."""
    return len(text) - len(text.lstrip(" \u3000\t"))


def bare_name(text: str) -> str:
    """A label without its numbering and spaces ("一、一般公共服务支出" → "一般公共服务支出")."""
    stripped = text.strip(" \u3000\t")
    for pattern in (_CN_NUMBER, _ARABIC_NUMBER, _PAREN_NUMBER):
        stripped = pattern.sub("", stripped, count=1)
    return compact(stripped)


@frozen(kw_only=True)
class Pane:
    """A run of columns listing one kind of entry: codes, labels, then amounts."""

    index: int
    code_columns: tuple[int, ...] = field(converter=tuple_of)
    label_columns: tuple[int, ...] = field(converter=tuple_of)
    amount_columns: tuple[Column, ...] = field(converter=tuple_of)


@frozen(kw_only=True)
class Entry:
    """One row of one pane: its code and names as printed, and its amount cells."""

    row: PrintedRow
    pane: Pane
    code: str  # digits only, as printed ("2101103", "3110399"), or "" when none
    code_text: str  # the code as printed ("210 11 03")
    name: str  # the first label: the classification name
    label: str  # the last label: the row's own name (a project's name in 表七)
    raw_label: str  # the last label as printed, with its indentation
    cells: tuple[PrintedCell | None, ...] = field(converter=tuple_of)  # by amount column
    is_total: bool = False

    @property
    def line(self) -> int:
        return self.row.line

    def cell(self, position: int) -> PrintedCell | None:
        return self.cells[position] if 0 <= position < len(self.cells) else None

    @property
    def is_empty(self) -> bool:
        return not self.code and not self.label and all(c is None or not c.text for c in self.cells)


def row_name(entry: Entry) -> str:
    """How a message names an entry: printed code and label ("210 11 03 公务员医疗补助")."""
    if entry.code and entry.label and not compact(entry.label).startswith(entry.code):
        return f"{entry.code_text} {entry.label}"
    return compact(entry.label) or entry.code_text


def panes(table: PrintedTable) -> tuple[Pane, ...]:
    """The panes of *table*: a new pane starts at a code or label column after amounts."""
    found: list[Pane] = []
    codes: list[int] = []
    labels: list[int] = []
    amounts: list[Column] = []

    def close() -> None:
        if amounts or labels or codes:
            found.append(
                Pane(
                    index=len(found),
                    code_columns=codes,
                    label_columns=labels,
                    amount_columns=amounts,
                )
            )

    for column in table.columns:
        if column.kind is ColumnKind.AMOUNT:
            amounts.append(column)
            continue
        if amounts:
            close()
            codes, labels, amounts = [], [], []
        if column.kind is ColumnKind.CODE:
            codes.append(column.index)
        else:
            labels.append(column.index)
    close()
    return tuple(found)


def _text(row: PrintedRow, index: int) -> str:
    cell = row.cell(index)
    return cell.text if cell is not None else ""


def _raw(row: PrintedRow, index: int) -> str:
    cell = row.cell(index)
    return cell.raw if cell is not None else ""


def _code(row: PrintedRow, pane: Pane) -> tuple[str, str]:
    parts = [compact(_text(row, i)) for i in pane.code_columns]
    printed = " ".join(p for p in parts if p)
    if parts and all(p.isdigit() for p in parts if p) and any(parts):
        return "".join(parts), printed
    return "", printed


@functools.lru_cache(maxsize=64)
def entries(table: PrintedTable, catalog: Catalog, year: int | None) -> tuple[Entry, ...]:
    """Every non-empty entry of *table*, pane by pane, in printed order within a pane."""
    result: list[Entry] = []
    for pane in panes(table):
        for row in table.rows:
            labels = [_text(row, i) for i in pane.label_columns]
            raw_label = _raw(row, pane.label_columns[-1]) if pane.label_columns else ""
            label = labels[-1] if labels else ""
            name = labels[0] if labels else ""
            code, code_text = _code(row, pane)
            if not pane.code_columns and label:
                code, name = _class_from_label(label, catalog, year)
                code_text = code
                name = name or label
            cells = tuple(row.cell(c.index) for c in pane.amount_columns)
            total = (row.is_total and not code and (not label or is_total_label(label))) or (
                not code and is_total_label(label)
            )
            entry = Entry(
                row=row,
                pane=pane,
                code=code,
                code_text=code_text,
                name=name,
                label=label,
                raw_label=raw_label,
                cells=cells,
                is_total=total,
            )
            if not entry.is_empty:
                result.append(entry)
    return tuple(result)


def _class_from_label(label: str, catalog: Catalog, year: int | None) -> tuple[str, str]:
    """A function class printed as "201 一般公共服务支出" or named "一、一般公共服务支出"."""
    found = _LEADING_CODE.match(compact(label))
    if found and found.group(1).startswith("2"):
        return found.group(1), found.group(2) or ""
    name = bare_name(label)
    code = class_names(catalog, year).get(name, "")
    return code, name if code else ""


@functools.lru_cache(maxsize=16)
def class_names(catalog: Catalog, year: int | None) -> dict[str, str]:
    """Function class names (in *year*, and earlier names) → their 3-digit code."""
    names: dict[str, str] = {}
    for number in range(200, 300):
        code = str(number)
        for old in catalog.function_names(code):
            names.setdefault(compact(old), code)
        current = catalog.function_name(code, year)
        if current:
            names[compact(current)] = code
    return names
