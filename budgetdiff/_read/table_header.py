"""Table headers: which rows are headings, each column's header path, its kind, the sides.

Headers are printed over several rows, with spans that one layout prints as blank
cells (Shanghai) and another leaves out (the seed's "功能分类科目编码" over three
columns).  Each column gets a *path* of the header texts over it, and a kind
(code, label, amount); a two-sided table (表一, 表四) has two sides.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from attrs import frozen

from budgetdiff._model.tables import TableRole

from .disclosure import CellKind, Column, ColumnKind
from .layout import Block
from .numbers import read_number
from .table_titles import compact

MARKERS = ("类", "款", "项")
# Words that print as column headings, and only as headings.
_HEADINGS = """
项目 预算数 决算数 功能分类 经济分类 科目 科目编码 科目名称 项目名称 类 款 项 合计 总计 小计
收入 支出 本年收入 本年支出 财政拨款收入 财政拨款支出 基本支出 项目支出 人员经费 公用经费
一般公共预算 政府性基金预算 国有资本经营预算 收入预算 支出预算 预算 决算
金额 支出用途
"""
_HEADER_WORDS = frozenset(_HEADINGS.split())
_HEADER_END = re.compile(
    r"(编码|代码|名称|科目|项目|合计|总计|小计|预算数|决算数|经费|收入|支出|预算|拨款|费|资金|结余|"
    r"补助|指标|结转|预算支出|情况|序号|备注)$"
)
_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]+、|\d+[.．、]|（[一二三四五六七八九十]+）)")
_YEAR = re.compile(r"(?:19|20)\d{2}年度?")
_CODE = re.compile(r"编码|代码")
_STRONG = re.compile(r"编码|名称|科目|项目|合计|总计|预算数|决算数|一级指标")
_TOTAL = re.compile(
    r"^(?:合计|总计|收支总计|收入总计|支出总计|本年收入合计|本年支出合计|人员经费合计|公用经费合计"
    r"|收入合计|支出合计|(?:当年|本年)(?:收入|支出)小计)$"
)


@frozen(kw_only=True)
class Segment:
    """One side of a table: its code columns, its label column and its amount columns."""

    codes: tuple[int, ...]
    label: int | None
    amounts: tuple[int, ...]


def _is_header_text(text: str) -> bool:
    t = _YEAR.sub("", compact(text))
    if not t:
        return True
    if any(ch.isdigit() for ch in t):
        return False
    if t in _HEADER_WORDS:
        return True
    return bool(_HEADER_END.search(t)) and not _NUMBERED.match(t)


def is_header_row(texts: Sequence[str]) -> bool:
    """True for a row of column headings: no digits, and heading words (编码, 名称, 合计 …)."""
    compacted = [_YEAR.sub("", compact(t)) for t in texts]
    filled = [t for t in compacted if t]
    if not filled or any(ch.isdigit() for t in filled for ch in t) or _NUMBERED.match(filled[0]):
        return False
    if all(_is_header_text(t) for t in filled):
        return True
    return any(_STRONG.search(t) for t in filled)


def marker_positions(texts: Sequence[str]) -> tuple[int, ...]:
    """The columns of a 类/款/项 marker row (as in "类 | 款 | 项 | | |"), if *texts* is one."""
    compacted = [compact(t) for t in texts]
    for start, value in enumerate(compacted):
        if value == "类":
            run = [start]
            for offset, marker in enumerate(MARKERS[1:], start=1):
                if start + offset < len(compacted) and compacted[start + offset] == marker:
                    run.append(start + offset)
                else:
                    break
            if len(run) >= 2:
                return tuple(run)
    return ()


def is_total_label(text: str) -> bool:
    return bool(_TOTAL.match(compact(text)))


def split_header(rows: Sequence[Block]) -> tuple[list[Block], list[Block]]:
    """The header rows (column headings, up to a 类/款/项 marker row) and the body."""
    header: list[Block] = []
    for index, row in enumerate(rows):
        texts = [c.text for c in row.cells]
        if not is_header_row(texts):
            return header, list(rows[index:])
        header.append(row)
        if marker_positions(texts):
            return header, list(rows[index + 1 :])
    return header, []


def column_paths(
    header: Sequence[Block], body: Sequence[Block]
) -> tuple[int, list[list[str]], tuple[int, ...]]:
    """The table's width, each column's header path, and the code columns."""
    markers: tuple[int, ...] = ()
    for row in [*header, *body[:1]]:
        markers = marker_positions([c.text for c in row.cells]) or markers
    lengths = [len(r.cells) for r in body if len(r.cells) >= 2 and not r_is_total(r)]
    width = _mode(lengths) if lengths else max((len(r.cells) for r in header), default=0)
    width = max(width, max((len(r.cells) for r in header), default=0), *(m + 1 for m in markers))
    paths: list[list[str]] = [[] for _ in range(width)]
    spans = [(0, width)]
    for row in header:
        texts = _expand([c.text.strip() for c in row.cells], width, markers)
        if texts is None:
            continue
        spans = _assign(texts, spans, paths)
    return width, paths, markers


def _expand(texts: list[str], width: int, markers: tuple[int, ...]) -> list[str] | None:
    """A header row as wide as the table, or None when it cannot be aligned."""
    if len(texts) == width:
        return texts
    if len(texts) < width and markers:
        extra = width - len(texts)
        for i, text in enumerate(texts):
            if "编码" in compact(text) and extra == len(markers) - 1:
                return texts[:i] + [text] * len(markers) + texts[i + 1 :]
    return None


def column_kinds(
    paths: Sequence[Sequence[str]], body: Sequence[Block], markers: tuple[int, ...]
) -> list[ColumnKind]:
    """Each column's kind: from its header path, else from what its cells hold."""
    kinds: list[ColumnKind] = []
    for index, path in enumerate(paths):
        label = compact(path[-1]) if path else ""
        joined = [compact(p) for p in path]
        if index in markers or label in MARKERS or any(_CODE.search(p) for p in joined):
            kinds.append(ColumnKind.CODE)
        elif label.endswith("名称") or label in ("项目", "科目", "功能分类", "项目名称"):
            kinds.append(ColumnKind.LABEL)
        elif path:
            # a headed column of words (采购组织形式, 经济科目) holds no amounts
            worded = _kind_from_data(index, body, at_least=2) is ColumnKind.TEXT
            kinds.append(ColumnKind.TEXT if worded else ColumnKind.AMOUNT)
        else:
            kinds.append(_kind_from_data(index, body))
    if ColumnKind.LABEL not in kinds:
        for index, kind in enumerate(kinds):
            if kind is ColumnKind.TEXT:
                kinds[index] = ColumnKind.LABEL
                break
    return kinds


_SEED_THREE_PUBLIC = (
    "合  计",
    "因公出国（境）费",
    "公务用车购置及运行费",
    "公务用车购置费",
    "公务用车运行费",
    "公务接待费",
)


def r_is_total(row: Block) -> bool:
    return any(is_total_label(c.text) for c in row.cells[:3])


def _mode(values: Sequence[int]) -> int:
    counts = Counter(values)
    best = max(counts.values())
    return max(v for v, n in counts.items() if n == best)


def _assign(
    texts: Sequence[str], spans: Sequence[tuple[int, int]], paths: list[list[str]]
) -> list[tuple[int, int]]:
    """Give each column the header text that covers it; return the spans for the next row."""
    result: list[tuple[int, int]] = []
    for start, end in spans:
        starts = [j for j in range(start, end) if texts[j]]
        if not starts:
            result.append((start, end))
            continue
        if starts[0] > start:
            result.append((start, starts[0]))
        for k, s in enumerate(starts):
            e = starts[k + 1] if k + 1 < len(starts) else end
            for j in range(s, e):
                paths[j].append(texts[s])
            result.append((s, e))
    return result


def _kind_from_data(index: int, body: Sequence[Block], *, at_least: int = 0) -> ColumnKind:
    kinds = Counter(
        read_number(row.cells[index].text).kind for row in body if index < len(row.cells)
    )
    numbers = kinds[CellKind.NUMBER] + kinds[CellKind.MALFORMED]
    if kinds[CellKind.TEXT] > numbers and kinds[CellKind.TEXT] >= at_least:
        return ColumnKind.TEXT
    return ColumnKind.AMOUNT


def owners(segments: Sequence[Segment]) -> dict[int, int]:
    """Column index → the index of the side (segment) it belongs to."""
    owner: dict[int, int] = {}
    for number, segment in enumerate(segments):
        columns = (*segment.codes, *segment.amounts)
        for column in (*columns, *(() if segment.label is None else (segment.label,))):
            owner[column] = number
    return owner


def segments_of(columns: Sequence[Column]) -> tuple[Segment, ...]:
    """The sides of a table (two for 表一-like tables), each with its codes, label and amounts."""
    result: list[Segment] = []
    codes: list[int] = []
    label: int | None = None
    amounts: list[int] = []
    for column in columns:
        starts_new = (column.kind is ColumnKind.CODE and (amounts or label is not None)) or (
            column.kind is ColumnKind.LABEL and amounts
        )
        if starts_new:
            result.append(Segment(codes=tuple(codes), label=label, amounts=tuple(amounts)))
            codes, label, amounts = [], None, []
        if column.kind is ColumnKind.CODE:
            codes.append(column.index)
        elif column.kind is ColumnKind.LABEL:
            label = column.index  # of two (表七's 科目, 项目名称), the later one names the row
        elif column.kind is ColumnKind.AMOUNT:
            amounts.append(column.index)
    if codes or label is not None or amounts:
        result.append(Segment(codes=tuple(codes), label=label, amounts=tuple(amounts)))
    return tuple(result)


def three_public_paths(role: TableRole | None, paths: list[list[str]]) -> list[list[str]]:
    """The seed's 表八 prints its header misaligned; its six columns are known."""
    seed_layout = role is TableRole.THREE_PUBLIC and len(paths) == len(_SEED_THREE_PUBLIC)
    if seed_layout and not all(paths):
        return [[label] for label in _SEED_THREE_PUBLIC]
    return paths
