"""
The relations of one table's own arithmetic: which printed cells should add up to which.

- across a row (`row_relations`, judged by `table_rows`): a row total against
  its columns (``table.row_sum``, ``table.basic_project``, ``table.personnel_public``);
- down a column (`column_relations`, judged by `table_columns`): a total row
  against the entries above it, a parent line against its children, one side
  of a 收支总表 against the other (``table.column_sum``, ``table.hierarchy``,
  ``table.balance``).

Kept apart from the rules so that `_crossings` can see every relation a cell
stands in, whichever rule judges it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

from budgetdiff.disclosure import Column, PrintedTable
from budgetdiff.model import TableRole
from budgetdiff.plugin import CheckSubject

from ._entries import Entry, Pane, compact, entries, indent, is_total_label, numbering, panes
from ._entries import row_name as _row_name
from ._sums import Relation

BASIC_PROJECT = "table.basic_project"
PERSONNEL_PUBLIC = "table.personnel_public"
ROW_SUM = "table.row_sum"
COLUMN_SUM = "table.column_sum"
HIERARCHY = "table.hierarchy"
BALANCE = "table.balance"


def _rule_for(parts: tuple[Column, ...]) -> str:
    labels = [compact(c.label) for c in parts]
    if any("基本支出" in label for label in labels):
        return BASIC_PROJECT
    if any("人员经费" in label for label in labels):
        return PERSONNEL_PUBLIC
    return ROW_SUM


def row_relations(subject: CheckSubject, table: PrintedTable) -> Iterator[tuple[str, Relation]]:
    """Every row relation of *table*, with the rule it falls under."""
    year = subject.disclosure.year
    listed = entries(table, subject.catalog, year)
    if table.role is TableRole.THREE_PUBLIC:
        yield from _three_public(table, listed)
        return
    for pane in panes(table):
        columns = pane.amount_columns
        if len(columns) < 2:
            continue
        head, parts = columns[0], columns[1:]
        if not (is_total_label(head.label) or compact(head.label) == "小计"):
            continue
        if any(is_total_label(c.label) or compact(c.label) == "小计" for c in parts):
            continue  # nested columns (a 小计 among the parts): no flat row identity
        rule = _rule_for(parts)
        for entry in listed:
            if entry.pane != pane:
                continue
            yield (
                rule,
                Relation(
                    table=table,
                    total=entry.cell(0),
                    parts=entry.cells[1:],
                    row=_row_name(entry),
                    total_label=compact(head.label),
                    part_labels=tuple(compact(c.label) for c in parts),
                ),
            )


def _three_public_kind(column: Column) -> tuple[str, str]:
    """(variant, kind) of a “三公”经费 column: variant 预算数/决算数 or ""."""
    path = [compact(p) for p in (column.path or (column.label,))]
    variant = ""
    if path and path[-1] in ("预算数", "决算数", "执行数"):
        variant, path = path[-1], path[:-1]
    label = path[-1] if path else ""
    parent = "".join(path[:-1])
    if "机关运行经费" in label or "机关运行经费" in parent:
        return variant, ""
    if label in ("合计", "总计", "小计"):
        if "用车" in parent:
            return variant, "vehicles"
        if "三公" in parent:
            return variant, "three"
        return variant, "total" if label != "小计" else ""
    kinds = (
        ("会议费", "meetings"),
        ("培训费", "training"),
        ("出国", "outbound"),
        ("接待", "reception"),
        ("购置及运行", "vehicles"),
    )
    for word, kind in kinds:
        if word in label:
            return variant, kind
    if "购置" in label:
        return variant, "purchase"
    if "运行" in label:
        return variant, "operation"
    return variant, ""


def _three_public(table: PrintedTable, listed: tuple[Entry, ...]) -> Iterator[tuple[str, Relation]]:
    for pane in panes(table):
        groups: dict[str, dict[str, int]] = {}
        for position, column in enumerate(pane.amount_columns):
            variant, kind = _three_public_kind(column)
            if kind:
                groups.setdefault(variant, {}).setdefault(kind, position)
        for kinds in groups.values():
            shapes: list[tuple[str, tuple[str, ...]]] = []
            vehicles = ("vehicles",) if "vehicles" in kinds else ("purchase", "operation")
            items = ("outbound", *vehicles, "reception")
            beside = tuple(k for k in ("meetings", "training") if k in kinds)
            if "three" in kinds and "total" in kinds:
                # 合计 over a “三公”经费 小计 and the matters printed beside it
                shapes.append(("three", items))
                shapes.append(("total", ("three", *beside)))
            elif "three" in kinds:
                shapes.append(("three", items))
            else:
                shapes.append(("total", (*items, *beside)))
            if "vehicles" in kinds:
                shapes.append(("vehicles", ("purchase", "operation")))
            for head, parts in shapes:
                if head not in kinds or not all(p in kinds for p in parts):
                    continue
                columns = pane.amount_columns
                for entry in listed:
                    if entry.pane != pane:
                        continue
                    yield (
                        ROW_SUM,
                        Relation(
                            table=table,
                            total=entry.cell(kinds[head]),
                            parts=tuple(entry.cell(kinds[p]) for p in parts),
                            row=_row_name(entry),
                            total_label=compact(columns[kinds[head]].label),
                            part_labels=tuple(compact(columns[kinds[p]].label) for p in parts),
                        ),
                    )


TWO_SIDED = (TableRole.SUMMARY, TableRole.FISCAL)
ECONOMIC = (TableRole.BASIC_ECONOMIC,)


def _column_relations(
    table: PrintedTable, pane: Pane, total: Entry, parts: Sequence[Entry]
) -> Iterator[Relation]:
    for position, column in enumerate(pane.amount_columns):
        yield Relation(
            table=table,
            total=total.cell(position),
            parts=tuple(p.cell(position) for p in parts),
            row=compact(column.label),
            total_label=_row_name(total),
            part_labels=tuple(_row_name(p) for p in parts),
        )


def _distinct(items: Sequence[Entry]) -> tuple[list[Entry], set[str]]:
    """Items with page-break repeats of a parent row dropped; codes printed twice differently."""
    by_code: dict[str, list[Entry]] = defaultdict(list)
    for item in items:
        if item.code:
            by_code[item.code].append(item)
    parents = {
        code
        for code in by_code
        if any(o != code and o.startswith(code) for o in by_code)  # it has children printed
    }
    kept: list[Entry] = []
    ambiguous: set[str] = set()
    seen: dict[str, Entry] = {}
    for item in items:
        if item.code in parents:
            first = seen.get(item.code)
            if first is not None:
                if [c.text if c else "" for c in first.cells] != [
                    c.text if c else "" for c in item.cells
                ]:
                    ambiguous.add(item.code)
                continue
            seen[item.code] = item
        kept.append(item)
    return kept, ambiguous


def coded_relations(
    table: PrintedTable, pane: Pane, listed: Sequence[Entry]
) -> Iterator[tuple[str, Relation | Entry]]:
    """
    Column and hierarchy relations of a pane that lists coded lines.

    Yields (rule, relation), or (rule, parent entry) for a hierarchy that cannot be
    checked because a row under it prints a malformed code or because the
    parent is printed twice with different amounts.
    """
    mine = [e for e in listed if e.pane == pane]
    totals = [e for e in mine if e.is_total]
    items, ambiguous = _distinct([e for e in mine if not e.is_total])
    codes = {e.code for e in items if _valid(e.code, table)}
    unplaced: set[str] = set(ambiguous)
    nested = len({len(c) for c in codes}) > 1  # the table prints 类 and their 款 or 项
    stray = False  # a row printing a malformed code that cannot be placed
    placed: list[Entry] = []
    for item in items:
        if not item.code_text or _valid(item.code, table) or table.role is TableRole.PROJECTS:
            placed.append(item)
            continue
        guess = item.row.code_suggestion
        parents = sorted((c for c in codes if guess and _under(guess, c)), key=len)
        unplaced.update(parents[-1:])  # the nearest printed parent it would add to
        if not parents:
            if nested:
                stray = True
            else:
                placed.append(item)
    if table.role is TableRole.PROJECTS:
        tops = placed
    else:
        tops = [e for e in placed if not any(_under(e.code, c) for c in codes)]
        for parent in sorted(codes):
            head = next(e for e in items if e.code == parent)
            if parent in unplaced:
                yield HIERARCHY, head
                continue
            longer = sorted({len(c) for c in codes if _under(c, parent)})
            if not longer:
                continue
            children = [e for e in placed if len(e.code) == longer[0] and _under(e.code, parent)]
            for relation in _column_relations(table, pane, head, children):
                yield HIERARCHY, relation
    for total in totals:
        if stray:
            yield COLUMN_SUM, total
            continue
        for relation in _column_relations(table, pane, total, tops):
            yield COLUMN_SUM, relation


def _under(code: str, parent: str) -> bool:
    """True when *code* lies below *parent* (a proper prefix of it)."""
    return bool(code) and code != parent and code.startswith(parent)


def _valid(code: str, table: PrintedTable) -> bool:
    """
    A well-formed code for *table*: economic (3xx, 3xxxx) or function (2xx, 2xxxx, 2xxxxxx);
    either in a table kept without a role (财政拨款基本支出 by economic class, 机关运行经费).
    """
    if not code.isdigit():
        return False
    economic = len(code) in (3, 5) and code[0] in "35"
    if table.role in ECONOMIC:
        return economic
    function = len(code) in (3, 5, 7) and code[0] == "2"
    return function or (table.role is None and economic)  # a table beside the nine: either


def _deeper(entry: Entry, top: Entry) -> bool:
    mine, theirs = numbering(entry.raw_label), numbering(top.raw_label)
    if mine != theirs:
        return mine > theirs
    return indent(entry.raw_label) > indent(top.raw_label)


def listed_relations(
    table: PrintedTable, pane: Pane, listed: Sequence[Entry]
) -> Iterator[tuple[str, Relation | Entry]]:
    """Relations of one side of a 收支总表: items, their sub-items, and the totals."""
    mine = [e for e in listed if e.pane == pane]
    block: list[Entry] = []
    previous: Entry | None = None
    for entry in mine:
        if not entry.is_total:
            block.append(entry)
            continue
        tops: list[Entry] = []
        subs: dict[int, list[Entry]] = defaultdict(list)
        for item in block:
            if tops and _deeper(item, tops[-1]):
                subs[len(tops) - 1].append(item)
            else:
                tops.append(item)
        for index, children in subs.items():
            for relation in _column_relations(table, pane, tops[index], children):
                yield HIERARCHY, relation
        parts = [previous, *tops] if previous is not None else tops
        for relation in _column_relations(table, pane, entry, parts):
            yield COLUMN_SUM, relation
        previous, block = entry, []


def balance_relations(table: PrintedTable, listed: Sequence[Entry]) -> Iterator[Relation]:
    """收入总计 against 支出总计, row by row where both sides print a 总计."""
    by_row: dict[int, list[Entry]] = defaultdict(list)
    for entry in listed:
        if entry.is_total and "总计" in compact(entry.label):
            by_row[entry.line].append(entry)
    for found in by_row.values():
        if len(found) < 2:
            continue
        left, right = found[0], found[1]
        yield Relation(
            table=table,
            total=left.cell(0),
            parts=(right.cell(0),),
            row=left.label,
            total_label=left.label,
            part_labels=(right.label,),
        )


def column_relations(
    subject: CheckSubject, table: PrintedTable
) -> Iterator[tuple[str, Relation | Entry]]:
    listed = entries(table, subject.catalog, subject.disclosure.year)
    for pane in panes(table):
        if pane.code_columns or table.role is TableRole.PROJECTS:
            yield from coded_relations(table, pane, listed)
        elif table.role in TWO_SIDED:
            yield from listed_relations(table, pane, listed)
    if table.role in TWO_SIDED:
        for relation in balance_relations(table, listed):
            yield BALANCE, relation
