"""Tables as plain text for a terminal, aligned for Chinese (wide) characters."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from budgetdiff._model.money import Unit
from budgetdiff._model.tables import Row, Table
from budgetdiff._words import NumberStyle, number

_NUMERALS = "一二三四五六七八九十"


def display_width(text: str) -> int:
    """Columns *text* takes in a terminal: wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, *, right: bool = False) -> str:
    gap = " " * max(0, width - display_width(text))
    return gap + text if right else text + gap


def table_style(table: Table) -> NumberStyle:
    """How the table prints its amounts: 万元 as the seed does, 元 with separators."""
    p = table.presentation
    return NumberStyle(unit=p.unit, places=p.places, thousands=p.unit is Unit.YUAN)


def _grid(headers: Sequence[str], rows: Sequence[Row], style: NumberStyle) -> list[str]:
    body = [
        [row.code, row.label, *("" if c is None else number(c, style) for c in row.cells)]
        for row in rows
    ]
    width = len(headers)
    body = [cells + [""] * (width - len(cells)) for cells in body]
    widths = [max(display_width(r[i]) for r in [list(headers), *body]) for i in range(width)]
    lines = []
    for i, cells in enumerate([list(headers), *body]):
        padded = [_pad(c, widths[j], right=j >= 2 and i > 0) for j, c in enumerate(cells)]
        lines.append("  ".join(padded).rstrip())
        if i == 0:
            lines.append("  ".join("-" * w for w in widths))
    return lines


def render_table(table: Table) -> str:
    """*table* as aligned text: its number, title and unit, then its rows."""
    from budgetdiff._templates import builtin_environment

    words = builtin_environment().get_template("tables/words.j2").module
    label = _NUMERALS[table.number - 1] if 0 < table.number <= 10 else str(table.number)
    style = table_style(table)
    lines = [str(words.heading(label, table.title, table.presentation.unit.value)).strip()]  # type: ignore[attr-defined]
    sections = list(dict.fromkeys(row.section for row in table.rows))
    for section in sections:
        rows = [row for row in table.rows if row.section == section]
        headers = ["编码", section or "项目", *table.columns]
        if section == "收入":
            headers = ["", "收入", *table.columns[:1]]
        lines += _grid(headers, rows, style)
        lines.append("")
    if table.note:
        lines.append(str(words.note(table.note)).strip())  # type: ignore[attr-defined]
    return "\n".join(lines).rstrip() + "\n"


def render_tables(tables: Sequence[Table]) -> str:
    return "\n".join(render_table(t) for t in tables)
