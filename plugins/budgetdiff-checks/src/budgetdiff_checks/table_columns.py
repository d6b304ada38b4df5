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
hierarchy it would belong to is reported as not checked.  The relations are
found in `_relations`; a misprinted cell that also breaks its row is one
finding (`_crossings`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from budgetdiff import Finding, Severity, hookimpl
from budgetdiff.disclosure import PrintedTable
from budgetdiff.plugin import Check, CheckSubject, Location

from ._crossings import tagged
from ._entries import Entry
from ._entries import row_name as _row_name
from ._messages import message, style
from ._relations import BALANCE, COLUMN_SUM, HIERARCHY
from ._relations import column_relations as relations
from ._rule import Rule
from ._sums import Relation, judge_all

CATALOG = "table"


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
            yield from tagged(subject, judge_all(CATALOG, rule, table, wanted, template))
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
