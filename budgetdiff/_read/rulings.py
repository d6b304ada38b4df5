"""The rules a PDF page's tables are drawn with, as pdfplumber's table finder needs them.

pdfplumber's finder takes every edge drawn for a rule.  Where that leaves columns that
hold no text in any row (spacer columns: the cut of boxes that are not rules), the page's
tables are found again on what is visibly drawn, and kept if that leaves fewer; where
invisible boxes are drawn and what is visibly drawn holds more tables (two tables joined
across the gap between them by a white box behind a title), those are kept; other pages
are read as found (the corpus texts were extracted so).  Two things drawn on a page are
not what they seem to the table finder:

- a box filled white and not stroked is invisible: some exporters paint one behind every
  line of text in a cell, and its edges, taken for rules, cut a cell into rows and
  columns that are not printed (spacer columns, a wrapped name split over two rows);
- a table continued from the previous page (or onto the next) may have no rule across
  its first (or last) row: its vertical rules just stop.  Where two or more vertical
  rules end at one height and no rule runs there, the rule the row is bounded by is
  drawn in (explicitly, for the finder).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pdfplumber.page import Page

_DRAWN_TYPES = frozenset({"rect", "line", "curve"})
_WHITE = 0.95  # a gray or RGB component at or above this is white on paper
_TOLERANCE = 1.5  # points: a rule "runs at" an end within this distance
_SHORT = 3.0  # points: a horizontal shorter than this is the end of a thin vertical box


def ruled_tables(page: Page) -> list[Any]:
    """The page's ruled tables: as found, or found on what is visibly drawn."""
    found = list(page.find_tables())
    spacers = _spacer_columns(found)
    if not spacers and not _bridged(page, found):
        return found
    visible = _visible_tables(page)
    if _spacer_columns(visible) < spacers:
        return visible
    return visible if len(visible) > len(found) and _spacer_columns(visible) <= spacers else found


def _bridged(page: Page, found: Sequence[Any]) -> bool:
    """
    Whether invisible boxes may have joined tables: a white box painted behind a title
    between two tables gives the finder edges across the gap, and the two are found as
    one, their columns cut at each other's rules.
    """
    return any(_invisible(obj) for obj in page.rects) and bool(found)


def _spacer_columns(tables: Iterable[Any]) -> int:
    """How many of the tables' columns hold no text in any row."""
    count = 0
    for table in tables:
        rows = table.extract()
        if rows:
            width = len(rows[0])
            count += sum(1 for i in range(width) if not any((r[i] or "").strip() for r in rows))
    return count


def _visible_tables(page: Page) -> list[Any]:
    drawn = page.filter(_visible)
    lines = _open_row_rules(drawn.vertical_edges, drawn.horizontal_edges)
    if not lines:
        return list(drawn.find_tables())
    return list(drawn.find_tables(table_settings={"explicit_horizontal_lines": lines}))


def _visible(obj: dict[str, Any]) -> bool:
    return not _invisible(obj)


def _invisible(obj: dict[str, Any]) -> bool:
    """A box filled white and not stroked: nothing on paper."""
    if obj.get("object_type") not in _DRAWN_TYPES:
        return False
    if obj.get("stroke") or not obj.get("fill"):
        return False
    return _is_white(obj.get("non_stroking_color"))


def _is_white(color: object) -> bool:
    if isinstance(color, int | float):
        components: Sequence[object] = (color,)
    elif isinstance(color, tuple | list):
        components = color
    else:
        return False  # a pattern or no colour: assume it shows
    values = [float(c) for c in components if isinstance(c, int | float)]
    if len(values) != len(components) or not values:
        return False
    if len(values) == 4:  # CMYK: white is no ink
        return all(v <= 1 - _WHITE for v in values)
    return all(v >= _WHITE for v in values)


def _open_row_rules(
    verticals: Iterable[dict[str, Any]], horizontals: Iterable[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Rules across the ends of vertical rules that no horizontal rule closes."""
    rules: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for h in horizontals:
        if float(h["x1"]) - float(h["x0"]) >= _SHORT:
            rules[round(float(h["top"]))].append(h)
    ends: dict[int, list[float]] = defaultdict(list)
    passing = list(verticals)
    by_x: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for edge in passing:
        by_x[round(float(edge["x0"]))].append(edge)
    for edge in passing:
        x = float(edge["x0"])
        for y, up in ((float(edge["top"]), True), (float(edge["bottom"]), False)):
            near = (r for at in range(round(y) - 2, round(y) + 3) for r in rules.get(at, ()))
            column = (v for at in range(round(x) - 1, round(x) + 2) for v in by_x.get(at, ()))
            continued = any(_goes_on(v, y, up=up) for v in column)
            if not continued and not any(_runs_through(rule, x, y) for rule in near):
                ends[round(y)].append(x)
    lines: list[dict[str, Any]] = []
    for y, xs in sorted(ends.items()):
        at = sorted(set(xs))
        for left, right in pairwise(at):
            crossed = any(
                left + _TOLERANCE < float(v["x0"]) < right - _TOLERANCE
                and float(v["top"]) < y - _TOLERANCE
                and float(v["bottom"]) > y + _TOLERANCE
                for v in passing
            )
            if right - left > _SHORT and not crossed:
                lines.append(_rule(left, right, float(y)))
    return lines


def _goes_on(vertical: dict[str, Any], y: float, *, up: bool) -> bool:
    """Whether *vertical* runs on past height *y* (upwards or down): a rule drawn in pieces."""
    top, bottom = float(vertical["top"]), float(vertical["bottom"])
    if up:
        return top < y - _TOLERANCE <= bottom
    return top <= y + _TOLERANCE < bottom


def _runs_through(rule: dict[str, Any], x: float, y: float) -> bool:
    return (
        abs(float(rule["top"]) - y) <= _TOLERANCE
        and float(rule["x0"]) - _TOLERANCE <= x <= float(rule["x1"]) + _TOLERANCE
    )


def _rule(x0: float, x1: float, y: float) -> dict[str, Any]:
    return {
        "object_type": "line",
        "x0": x0,
        "x1": x1,
        "top": y,
        "bottom": y,
        "width": x1 - x0,
        "height": 0.0,
        "orientation": "h",
    }
