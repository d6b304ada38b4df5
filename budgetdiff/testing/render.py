"""
A `Budget` printed back as a published disclosure, in the seed's layout.

`render_disclosure` writes the text a 部门预算公开 document of the seed's family
would print for a budget: 第一部分 单位概况 (functions, offices, staffing),
第二部分 表一 … 表九 with one cell per line, each prefixed by a TAB and a blank
line after each row, and (on request) a short 第三部分 narrative.  Tables are
derived from the budget (`budgetdiff.derive_tables`) and every amount is
rounded 四舍五入 to the budget's presentation, as a publisher would print it: a
consistent budget renders as a consistent document, up to rounding.

Read the text back with ``budgetdiff.disclosure.read_bytes(text.encode(), source=…)``.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from budgetdiff._model.budget import Budget
from budgetdiff._model.catalog import default_catalog
from budgetdiff._model.money import Money, Unit
from budgetdiff._model.profile import Headcount
from budgetdiff._model.tables import (
    PRINTED_INCOME_LABELS,
    PROJECT_ECONOMIC_CLASSES,
    Row,
    Table,
    derive_tables,
)
from budgetdiff._words import NumberStyle, format_number

__all__ = ["render_disclosure"]


def render_disclosure(budget: Budget, *, narrative: bool = False) -> str:
    """*budget* as the text of a published disclosure (see the module docstring)."""
    tables = {t.number: t for t in derive_tables(budget)}
    style = _style(budget)
    parts = [
        _profile(budget),
        f"第二部分  {budget.year}年部门（单位）预算公开表",
        _two_sided(budget, tables[1], style, number="表一", fiscal=False),
        _lines_table(budget, tables[2], style, "表二", _INCOME_HEAD, split=(3, 2, 2)),
        _lines_table(
            budget, tables[3], style, "表三", _SPLIT_HEAD.format(what="支出预算"), (3, 2, 2)
        ),
        _two_sided(budget, tables[4], style, number="表四", fiscal=True),
        _lines_table(
            budget, tables[5], style, "表五", _SPLIT_HEAD.format(what="一般公共预算支出"), (3, 2, 2)
        ),
        _lines_table(budget, tables[6], style, "表六", _ECONOMIC_HEAD, split=(3, 2)),
        _projects(budget, tables[7], style),
        _three_public(budget, tables[8], style),
        _lines_table(
            budget,
            tables[9],
            style,
            "表九",
            _SPLIT_HEAD.format(what="政府性基金预算支出"),
            (3, 2, 2),
        ),
    ]
    if narrative:
        parts.append(_narrative(budget, style))
    return "\n".join(parts) + "\n"


def _style(budget: Budget) -> NumberStyle:
    p = budget.presentation
    return NumberStyle(
        unit=p.unit,
        places=p.places,
        strip_zeros=p.unit is Unit.WAN_YUAN,
        thousands=p.unit is Unit.YUAN,
    )


def _amount(value: Money | None, style: NumberStyle) -> str:
    """A printed amount: blank for nothing; any other amount rounded, even to zero."""
    if value is None or value.is_zero():
        return ""
    return format_number(value.to(style.unit), style)


def _row(cells: Iterable[str]) -> str:
    return "".join(f"\t{cell}\n" for cell in cells)


def _head(number: str, title: str, budget: Budget) -> str:
    unit = budget.presentation.unit.value
    return f"{number}：\n{title}\n编制部门（单位）：{budget.unit_name}          单位：{unit}\n"


def _count(staff: Headcount | None) -> int:
    return staff.count if staff is not None else 0


def _profile(budget: Budget) -> str:
    profile = budget.profile
    staffing = profile.staffing
    offices = profile.offices or ("综合科",)
    return (
        f" 第一部分   {profile.name}单位概况\n\n"
        "　  一、主要职能\n"
        f"     {profile.functions or '承担本单位职责范围内的各项工作。'}\n"
        "　  二、机构设置及人员情况\n"
        f"  {profile.name}单位无下属预算单位，下设{len(offices)}个科室，"
        f"分别是：{'、'.join(offices)}。\n"
        f"{profile.name}单位编制数{_count(staffing.authorized)}，"
        f"实有人数{_count(staffing.actual)}人，其中：在职{_count(staffing.in_service)}人，"
        f"无增加或减少；退休{_count(staffing.retired)}人，无增加或减少；"
        f"员额控制人员{_count(staffing.contract)}人，无增加或减少。\n"
    )


def _two_sided(
    budget: Budget, table: Table, style: NumberStyle, *, number: str, fiscal: bool
) -> str:
    income = [r for r in table.rows if r.section == "收入" and not r.is_total]
    spending = [r for r in table.rows if r.section == "支出" and not r.is_total]
    totals = {r.section: r for r in table.rows if r.is_total}
    labels = PRINTED_INCOME_LABELS[:4] if fiscal else PRINTED_INCOME_LABELS
    width = len(table.columns)
    lines = [_head(number, table.title, budget)]
    if fiscal:
        lines.append(_row(["财政拨款收入", "财政拨款支出"]) + "\n")
        lines.append(_row(["项    目", "合  计", "功  能  分  类", *table.columns]) + "\n")
    else:
        lines.append(_row(["收     入", "支     出"]) + "\n")
        lines.append(_row(["项     目", "预算数", "功能分类", "预算数"]) + "\n")
    for i in range(max(len(labels), len(spending))):
        left = ["", ""]
        if i < len(labels):
            left = [labels[i], _amount(income[i].cells[0] if i < len(income) else None, style)]
        right = [""] * (1 + width)
        if i < len(spending):
            row = spending[i]
            right = [f"{row.code} {row.label}", *(_amount(c, style) for c in row.cells)]
        lines.append(_row([*left, *right]) + "\n")
    grand_in, grand_out = totals["收入"], totals["支出"]
    lines.append(
        _row(
            [
                "收  入  总  计",
                _amount(grand_in.cells[0], style),
                "支  出  总  计",
                *(_amount(c, style) for c in grand_out.cells),
            ]
        )
        + "\n"
    )
    return "".join(lines) + _empty_note(table, style)


def _empty_note(table: Table, style: NumberStyle) -> str:
    """A table that prints no amount is printed and says so (没有数据的表格应当列出空表并说明)."""
    if table.note:
        return f"备注：我单位无{_subject(table)}，{table.note}。\n\n"
    printed = (c.rounded(style.unit, style.places) for r in table.rows for c in r.cells if c)
    if not any(printed):
        return "备注：本年度无此项数据，此表为空表。\n\n"
    return ""


_INCOME_HEAD = (
    ("功能分类科目编码", "功能分类科目名称", "总  计", "一般公共预算拨款", "政府性基金预算拨款",
     "国有资本经营预算", "财政专户（教育收费）", "事业收入", "事业单位经营收入",
     "单位其他资金收入"),
    ("类", "款", "项", "", "", "", "", "", "", "", "", ""),
)  # fmt: skip
_SPLIT_HEAD = (
    "项    目|{what}\n功能分类科目编码|功能分类科目名称|合  计|基本支出|项目支出\n类|款|项||||"
)
_ECONOMIC_HEAD = (
    ("项目", "一般公共预算基本支出"),
    ("经济分类科目编码", "经济分类科目名称", "合  计", "人员经费", "公用经费"),
    ("类", "款", "", "", "", ""),
)


def _header(head: str | Sequence[Sequence[str]]) -> str:
    rows = [r.split("|") for r in head.split("\n")] if isinstance(head, str) else head
    return "".join(_row(r) + "\n" for r in rows)


def _split(code: str, widths: Sequence[int]) -> list[str]:
    cells, start = [], 0
    for width in widths:
        cells.append(code[start : start + width])
        start += width
    return cells


def _lines_table(
    budget: Budget,
    table: Table,
    style: NumberStyle,
    number: str,
    head: str | Sequence[Sequence[str]],
    split: Sequence[int],
) -> str:
    lines = [_head(number, table.title, budget), _header(head)]
    for row in table.rows:
        if row.is_total:
            continue
        lines.append(_body(row, style, split))
    total = next(r for r in table.rows if r.is_total)
    lines.append(
        _row([*([""] * len(split)), "合  计", *(_amount(c, style) for c in total.cells)]) + "\n"
    )
    return "".join(lines) + _empty_note(table, style)


def _subject(table: Table) -> str:
    return "政府性基金预算" if table.number == 9 else "“三公”经费预算"


def _body(row: Row, style: NumberStyle, split: Sequence[int]) -> str:
    return (
        _row([*_split(row.code, split), row.label, *(_amount(c, style) for c in row.cells)]) + "\n"
    )


def _projects(budget: Budget, table: Table, style: NumberStyle) -> str:
    catalog = default_catalog()
    head = (
        (
            "科 目 编 码",
            "科目",
            "项目名称",
            "项目支出合计",
            *(n for _, n in PROJECT_ECONOMIC_CLASSES),
        ),
        ("类", "款", "项", "", "", *([""] * 11)),
    )
    lines = [_head("表七", table.title, budget), _header(head)]
    for row in table.rows:
        if row.is_total:
            continue
        name = catalog.function_name(row.code, budget.year) or ""
        amounts = (_amount(c, style) for c in row.cells)
        lines.append(_row([*_split(row.code, (3, 2, 2)), name, row.label, *amounts]) + "\n")
    total = next(r for r in table.rows if r.is_total)
    lines.append(_row(["", "", "", "", "合 计", *(_amount(c, style) for c in total.cells)]) + "\n")
    return "".join(lines) + _empty_note(table, style)


def _three_public(budget: Budget, table: Table, style: NumberStyle) -> str:
    head = (
        ("合  计", "因公出国（境）费", "公务用车购置及运行费", "公务接待费"),
        ("合计", "合  计", "公务用车购置费", "公务用车运行费"),
    )
    lines = [_head("表八", table.title, budget), _header(head)]
    row = table.rows[0]
    lines.append(_row(_amount(c, style) for c in row.cells) + "\n")
    return "".join(lines) + _empty_note(table, style)


def _narrative(budget: Budget, style: NumberStyle) -> str:
    total = _amount(budget.expenditure_total, style) or "0"
    unit = budget.presentation.unit.value
    return (
        f" 第三部分  {budget.year}年{budget.unit_name}预算情况说明\n"
        f"一、关于{budget.unit_name}{budget.year}年收支预算情况的总体说明\n"
        f"{budget.unit_name}{budget.year}年收支总预算{total}{unit}。\n"
    )
