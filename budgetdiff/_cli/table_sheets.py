"""
The nine standard tables as the rows of a workbook's sheets, in the seed's layout.

A sheet is its text lines (表一：, the title, 编制部门 and 单位), its header rows (each
cell with the columns it spans), its body rows (codes split over 类/款/项, a label,
exact amounts) and its notes: the layout budgetdiff's own reader reads a published
table in, so a workbook written from a `Budget` reads back into it.  The words
around a table are in ``templates/tables/workbook.j2``; header labels are the
tables' own.
"""

from __future__ import annotations

from collections.abc import Sequence

from attrs import field, frozen

from budgetdiff._model.budget import Budget
from budgetdiff._model.catalog import default_catalog
from budgetdiff._model.fields import tuple_of
from budgetdiff._model.money import Money, Unit
from budgetdiff._model.tables import (
    PRINTED_INCOME_LABELS,
    PROJECT_ECONOMIC_CLASSES,
    Row,
    Table,
    derive_tables,
)
from budgetdiff._words import builtin_environment

Head = tuple[tuple[str, int], ...]  # a header row: each label and the columns it spans
Cell = str | Money | None

_NUMERALS = "一二三四五六七八九"
_CODE_HEAD: Head = (("类", 1), ("款", 1), ("项", 1))
_SUBJECTS = {8: "“三公”经费预算", 9: "政府性基金预算"}


@frozen(kw_only=True)
class Sheet:
    """One table as a sheet: its name, text lines, header, body and notes."""

    name: str
    texts: tuple[str, ...] = field(converter=tuple_of)  # 表一：, title; the unit line apart
    preparer: str
    unit: str
    header: tuple[Head, ...] = field(converter=tuple_of)
    rows: tuple[tuple[Cell, ...], ...] = field(converter=tuple_of)
    notes: tuple[str, ...] = field(default=(), converter=tuple_of)

    @property
    def width(self) -> int:
        return max(sum(span for _, span in head) for head in self.header)


def table_sheets(budget: Budget) -> tuple[Sheet, ...]:
    """The nine sheets of *budget*'s standard tables (`derive_tables`)."""
    tables = {t.number: t for t in derive_tables(budget)}
    return (
        _two_sided(budget, tables[1], fiscal=False),
        _lines(budget, tables[2], _income_head(tables[2]), (3, 2, 2)),
        _lines(budget, tables[3], _split_head("支出预算", tables[3]), (3, 2, 2)),
        _two_sided(budget, tables[4], fiscal=True),
        _lines(budget, tables[5], _split_head("一般公共预算支出", tables[5]), (3, 2, 2)),
        _lines(budget, tables[6], _economic_head(), (3, 2)),
        _projects(budget, tables[7]),
        _three_public(budget, tables[8]),
        _lines(budget, tables[9], _split_head("政府性基金预算支出", tables[9]), (3, 2, 2)),
    )


def cover(budget: Budget) -> tuple[str, tuple[str, ...]]:
    """The cover sheet's name and lines: the unit and the year the tables are of."""
    words = _words()
    lines = (budget.unit_name, str(words.cover(budget.year)))  # type: ignore[attr-defined]
    return str(words.cover_sheet()), lines  # type: ignore[attr-defined]


def _words() -> object:
    return builtin_environment().get_template("tables/workbook.j2").module


def _sheet(budget: Budget, table: Table, header: Sequence[Head], rows: list[list[Cell]]) -> Sheet:
    words = _words()
    label = f"表{_NUMERALS[table.number - 1]}"
    notes = []
    if table.note:
        notes.append(str(words.empty(_SUBJECTS.get(table.number, ""))))  # type: ignore[attr-defined]
    elif not any(isinstance(c, Money) and c.rounded(*_shown(budget)) for r in rows for c in r):
        notes.append(str(words.no_data()))  # type: ignore[attr-defined]
    return Sheet(
        name=label,
        texts=(str(words.number(label)), table.title),  # type: ignore[attr-defined]
        preparer=str(words.preparer(budget.unit_name)),  # type: ignore[attr-defined]
        unit=str(words.unit(budget.presentation.unit.value)),  # type: ignore[attr-defined]
        header=header,
        rows=[tuple(r) for r in rows],
        notes=notes,
    )


def _shown(budget: Budget) -> tuple[Unit, int]:
    return budget.presentation.unit, budget.presentation.places


def _amounts(row: Row) -> list[Cell]:
    return [c if c is not None and not c.is_zero() else None for c in row.cells]


def _split(code: str, widths: Sequence[int]) -> list[Cell]:
    cells: list[Cell] = []
    start = 0
    for width in widths:
        cells.append(code[start : start + width])
        start += width
    return cells


def _two_sided(budget: Budget, table: Table, *, fiscal: bool) -> Sheet:
    income = [r for r in table.rows if r.section == "收入" and not r.is_total]
    spending = [r for r in table.rows if r.section == "支出" and not r.is_total]
    totals = {r.section: r for r in table.rows if r.is_total}
    labels = PRINTED_INCOME_LABELS[:4] if fiscal else PRINTED_INCOME_LABELS
    width = len(table.columns)
    if fiscal:
        header: list[Head] = [
            (("财政拨款收入", 2), ("财政拨款支出", 1 + width)),
            (
                ("项    目", 1),
                ("合  计", 1),
                ("功  能  分  类", 1),
                *((c, 1) for c in table.columns),
            ),
        ]
    else:
        header = [
            (("收     入", 2), ("支     出", 2)),
            (("项     目", 1), ("预算数", 1), ("功能分类", 1), ("预算数", 1)),
        ]
    rows: list[list[Cell]] = []
    for i in range(max(len(labels), len(spending))):
        left: list[Cell] = ["", None]
        if i < len(labels):
            left = [labels[i], income[i].cells[0] if i < len(income) else None]
        right: list[Cell] = ["", *([None] * width)]
        if i < len(spending):
            row = spending[i]
            right = [f"{row.code} {row.label}", *_amounts(row)]
        rows.append([*left, *right])
    grand_in, grand_out = totals["收入"], totals["支出"]
    rows.append(["收  入  总  计", *_amounts(grand_in), "支  出  总  计", *_amounts(grand_out)])
    return _sheet(budget, table, header, [_blank_zero(r) for r in rows])


def _blank_zero(row: list[Cell]) -> list[Cell]:
    return [None if isinstance(c, Money) and c.is_zero() else c for c in row]


def _income_head(table: Table) -> list[Head]:
    return [
        (("功能分类科目编码", 3), ("功能分类科目名称", 1), *((c, 1) for c in table.columns)),
        _CODE_HEAD,
    ]


def _split_head(what: str, table: Table) -> list[Head]:
    """合计, 基本支出, 项目支出 — and 单位预留机动经费 where the derived table has it."""
    kinds = [(name, 1) for name in ["合  计", *table.columns[1:]]]
    return [
        (("项    目", 4), (what, len(kinds))),
        (("功能分类科目编码", 3), ("功能分类科目名称", 1), *kinds),
        _CODE_HEAD,
    ]


def _economic_head() -> list[Head]:
    return [
        (("项目", 3), ("一般公共预算基本支出", 3)),
        (("经济分类科目编码", 2), ("经济分类科目名称", 1), ("合  计", 1), ("人员经费", 1),
         ("公用经费", 1)),
        (("类", 1), ("款", 1)),
    ]  # fmt: skip


def _lines(budget: Budget, table: Table, header: list[Head], split: Sequence[int]) -> Sheet:
    rows = [[*_split(r.code, split), r.label, *_amounts(r)] for r in table.rows if not r.is_total]
    total = next(r for r in table.rows if r.is_total)
    rows.append([*([""] * len(split)), "合  计", *_amounts(total)])
    return _sheet(budget, table, header, rows)


def _projects(budget: Budget, table: Table) -> Sheet:
    catalog = default_catalog()
    header: list[Head] = [
        (("科 目 编 码", 3), ("科目", 1), ("项目名称", 1), ("项目支出合计", 1),
         *((name, 1) for _, name in PROJECT_ECONOMIC_CLASSES)),
        _CODE_HEAD,
    ]  # fmt: skip
    rows: list[list[Cell]] = []
    for row in table.rows:
        if row.is_total:
            continue
        name = catalog.function_name(row.code, budget.year) or ""
        rows.append([*_split(row.code, (3, 2, 2)), name, row.label, *_amounts(row)])
    total = next(r for r in table.rows if r.is_total)
    rows.append(["", "", "", "", "合 计", *_amounts(total)])
    return _sheet(budget, table, header, rows)


def _three_public(budget: Budget, table: Table) -> Sheet:
    header: list[Head] = [
        (("合  计", 1), ("因公出国（境）费", 1), ("公务用车购置及运行费", 3), ("公务接待费", 1)),
        (("", 1), ("", 1), ("合  计", 1), ("公务用车购置费", 1), ("公务用车运行费", 1), ("", 1)),
    ]
    return _sheet(budget, table, header, [_amounts(table.rows[0])])
