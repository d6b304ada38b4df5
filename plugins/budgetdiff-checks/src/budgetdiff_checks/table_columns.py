"""
Each printed column adds up down the table, level by level.

- ``table.column_sum``: a total row (合计, 收入总计, 本年支出合计 …) is the sum
  of the entries above it at the top level of the list: the 类 rows where a
  table prints 类/款/项, every 项 where it prints only 项, every project in the
  project table, the numbered items of a 收支总表's side (a 决算's 总计 adds the
  结转 rows below 本年收入合计 to it);
- ``table.hierarchy``: a 类 is the sum of its 款, a 款 of its 项 (and an
  economic 类 of its 款); on a 收支总表's side, an item is the sum of the
  sub-items printed under it (财政拨款 = 一般公共预算 + 政府性基金 + …);
- ``table.balance``: a 收支总表 or 财政拨款收支总表 balances: 收入总计 = 支出总计.

A row whose printed code is malformed is not placed by guesswork: the
hierarchy it would belong to is reported as not checked.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence

from budgetdiff import Finding, Severity, hookimpl
from budgetdiff.disclosure import PrintedTable
from budgetdiff.model import TableRole
from budgetdiff.plugin import Check, CheckSubject, Location

from ._entries import Entry, Pane, compact, entries, indent, numbering, panes
from ._entries import row_name as _row_name
from ._messages import message, style
from ._rule import Rule
from ._sums import Relation, judge_all

CATALOG = "table"
COLUMN_SUM = "table.column_sum"
HIERARCHY = "table.hierarchy"
BALANCE = "table.balance"

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


def relations(subject: CheckSubject, table: PrintedTable) -> Iterator[tuple[str, Relation | Entry]]:
    listed = entries(table, subject.catalog, subject.disclosure.year)
    for pane in panes(table):
        if pane.code_columns or table.role is TableRole.PROJECTS:
            yield from coded_relations(table, pane, listed)
        elif table.role in TWO_SIDED:
            yield from listed_relations(table, pane, listed)
    if table.role in TWO_SIDED:
        for relation in balance_relations(table, listed):
            yield BALANCE, relation


def _check(rule: str) -> Callable[[CheckSubject], Iterator[Finding]]:
    def run(subject: CheckSubject) -> Iterator[Finding]:
        template = subject.disclosure.template
        for table in subject.disclosure.tables:
            wanted: list[Relation] = []
            unplaced: list[Entry] = []
            for found, relation in relations(subject, table):
                if found != rule:
                    continue
                if isinstance(relation, Entry):
                    unplaced.append(relation)
                else:
                    wanted.append(relation)
            yield from judge_all(CATALOG, rule, table, wanted, template)
            if unplaced:
                yield from _unplaced(rule, table, unplaced, subject)

    return run


def _unplaced(
    rule: str, table: PrintedTable, parents: list[Entry], subject: CheckSubject
) -> Iterator[Finding]:
    for parent in parents:
        yield message(
            CATALOG,
            f"{rule}.not_checked",
            Severity.NOTE,
            key="not_checked",
            locations=[
                Location(
                    source=subject.disclosure.source,
                    table=table.name,
                    row=parent.label,
                    line=parent.line,
                )
            ],
            reason="unplaced",
            check=rule,
            where=table.name,
            row=_row_name(parent),
            text="",
            suggestion=None,
            style=style([table], subject.disclosure.template),
        )


@hookimpl
def register_checks(register: Callable[[Check], None]) -> None:
    for rule in (COLUMN_SUM, HIERARCHY, BALANCE):
        register(Rule(name=rule, run=_check(rule)))
