"""Project performance-target tables (项目支出绩效目标表), as printed.

The seed prints one per project inside its narrative; Shanghai prints
财政项目支出绩效目标填报表 with a project column and an annual column.  Both are
read by their labels: 项目名称, 年度资金总额, 其中：财政拨款, 其他资金, 项目总体目标,
and the indicator rows under 一级指标 / 二级指标 / 三级指标 / 指标值.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from budgetdiff._model.findings import Location
from budgetdiff._model.money import Money, Unit

from .disclosure import CellKind, PerformanceTable, PrintedCell, PrintedIndicator
from .layout import Block
from .numbers import read_number
from .table_grid import plain_row
from .table_titles import compact

TABLE_NAME = "项目支出绩效目标表"
_TOTAL = ("年度资金申请总额", "年度资金总额", "项目资金总额")
_FISCAL = ("其中：当年财政拨款", "其中：财政拨款", "其中：财政资金", "财政拨款")
_OTHER = ("其他资金",)
_GOALS = ("年度总体目标", "项目总体目标")
_YEAR = re.compile(r"^[（(]\s*\d{4}\s*年度?\s*[)）]$")


def _texts(block: Block) -> list[str]:
    return [c.text.strip() for c in block.cells]


def _after(texts: Sequence[str], index: int) -> int | None:
    return next((j for j in range(index + 1, len(texts)) if texts[j]), None)


def _keyed(rows: Sequence[Block], keys: Sequence[str]) -> tuple[Block, int, int] | None:
    """(row, key column, value column) of the preferred *keys* printed in *rows*."""
    for key in keys:
        wanted = compact(key)
        for row in rows:
            texts = _texts(row)
            for index in reversed(range(len(texts))):  # the annual column is printed last
                if compact(texts[index]).rstrip("：:") == wanted:
                    value = _after(texts, index)
                    if value is not None or key in _OTHER:
                        return row, index, index + 1 if value is None else value
    return None


def read_performance_table(
    rows: Sequence[Block], *, title_line: int, source: str
) -> PerformanceTable | None:
    """A `PerformanceTable` from its printed rows, or None when no project name is printed."""
    name = _keyed(rows, ("项目名称",))
    if name is None:
        return None
    row, _, column = name
    project = _texts(row)[column]
    unit = Unit.WAN_YUAN
    for block in rows:
        for text in _texts(block):
            if "项目资金" in text and "（元）" in text.replace("(", "（").replace(")", "）"):
                unit = Unit.YUAN

    def money(keys: Sequence[str]) -> PrintedCell | None:
        found = _keyed(rows, keys)
        if found is None:
            return None
        block, key, column = found
        texts = _texts(block)
        raw = block.cells[column] if column < len(block.cells) else None
        where = Location(
            source=source,
            table=TABLE_NAME,
            row=project,
            column=texts[key].rstrip("：:"),
            line=raw.line if raw else block.line,
        )
        number = read_number(raw.text if raw else "")
        amount = None if number.value is None else Money.of(number.value, unit)
        return PrintedCell(
            location=where,
            raw=raw.text if raw else "",
            kind=number.kind if raw else CellKind.BLANK,
            value=number.value,
            amount=amount,
            suggestion=number.suggestion,
        )

    owner = _keyed(rows, ("预算单位", "主管部门", "实施单位"))
    year = next((t for b in rows for t in _texts(b) if _YEAR.match(t)), "")
    return PerformanceTable(
        project=project,
        unit_name=_texts(owner[0])[owner[2]] if owner else "",
        year_text=year,
        money_unit=unit,
        total=money(_TOTAL),
        fiscal=money(_FISCAL),
        other=money(_OTHER),
        goal=_goal(rows),
        indicators=_indicators(rows),
        rows=[plain_row(b, source, TABLE_NAME) for b in rows],
        title_line=title_line,
        last_line=max((b.last_line for b in rows), default=title_line),
    )


def _goal(rows: Sequence[Block]) -> str:
    for key in _GOALS:
        for position, row in enumerate(rows):
            texts = _texts(row)
            for index, text in enumerate(texts):
                if compact(text) != key:
                    continue
                value = _after(texts, index)
                if value is not None and compact(texts[value]) not in _GOALS:
                    return texts[value]
                if position + 1 < len(rows):  # Shanghai: the text is on the next row
                    below = _texts(rows[position + 1])
                    if index < len(below) and below[index]:
                        return below[index]
                    text_below = next((t for t in below if t), "")
                    if text_below:
                        return text_below
    return ""


def _indicators(rows: Sequence[Block]) -> tuple[PrintedIndicator, ...]:
    result: list[PrintedIndicator] = []
    columns: tuple[int, int, int, int] | None = None
    level1 = level2 = ""
    for row in rows:
        texts = _texts(row)
        compacted = [compact(t) for t in texts]
        if "一级指标" in compacted and "三级指标" in compacted:
            value = next(
                (i for i, t in enumerate(compacted) if t.startswith(("指标值", "年度"))), -1
            )
            columns = (
                compacted.index("一级指标"),
                compacted.index("二级指标") if "二级指标" in compacted else -1,
                compacted.index("三级指标"),
                value if value >= 0 else len(texts) - 1,
            )
            continue
        if columns is None:
            continue
        first, second, third, value_at = columns

        def at(index: int, texts: Sequence[str] = texts) -> str:
            return texts[index] if 0 <= index < len(texts) else ""

        level1 = at(first) or level1
        level2 = at(second) or level2
        if not at(third) and not at(value_at):
            continue
        result.append(
            PrintedIndicator(
                level1=level1, level2=level2, level3=at(third), value=at(value_at), line=row.line
            )
        )
    return tuple(result)
