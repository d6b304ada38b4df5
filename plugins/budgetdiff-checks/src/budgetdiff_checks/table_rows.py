"""
Each printed row adds up across its columns.

- ``table.basic_project``: 合计 = 基本支出 + 项目支出 (+ 上缴上级支出 … in a 决算) in
  the tables by function (支出总表, 一般公共预算支出表, 政府性基金 …);
- ``table.personnel_public``: 合计 = 人员经费 + 公用经费 in the 基本支出 table;
- ``table.row_sum``: any other row total: 收入总表 总计 = its fund sources, the
  project table's 项目支出合计 = its economic classes, 财政拨款 支出 合计 =
  一般公共预算 + 政府性基金 + 国有资本经营, and the “三公”经费 table (合计 =
  因公出国 + 公务用车 + 公务接待; 公务用车 = 购置 + 运行; where 会议费 and 培训费 are
  printed beside a “三公”经费 小计, 合计 = that 小计 + 会议费 + 培训费).

A row total is the first amount column of a pane when its label is a total
(合计, 总计, 小计 …); the parts are the pane's other amount columns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from budgetdiff import Finding, hookimpl
from budgetdiff.disclosure import Column, PrintedTable
from budgetdiff.model import TableRole
from budgetdiff.plugin import Check, CheckSubject

from ._entries import Entry, compact, entries, is_total_label, panes
from ._entries import row_name as _row_name
from ._rule import Rule
from ._sums import Relation, judge_all

CATALOG = "table"
BASIC_PROJECT = "table.basic_project"
PERSONNEL_PUBLIC = "table.personnel_public"
ROW_SUM = "table.row_sum"


def _rule_for(parts: tuple[Column, ...]) -> str:
    labels = [compact(c.label) for c in parts]
    if any("基本支出" in label for label in labels):
        return BASIC_PROJECT
    if any("人员经费" in label for label in labels):
        return PERSONNEL_PUBLIC
    return ROW_SUM


def relations(subject: CheckSubject, table: PrintedTable) -> Iterator[tuple[str, Relation]]:
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


def _check(rule: str) -> Callable[[CheckSubject], Iterator[Finding]]:
    def run(subject: CheckSubject) -> Iterator[Finding]:
        template = subject.disclosure.template
        for table in subject.disclosure.tables:
            wanted = (r for found, r in relations(subject, table) if found == rule)
            yield from judge_all(CATALOG, rule, table, wanted, template)

    return run


@hookimpl
def register_checks(register: Callable[[Check], None]) -> None:
    for rule in (ROW_SUM, BASIC_PROJECT, PERSONNEL_PUBLIC):
        register(Rule(name=rule, run=_check(rule)))
