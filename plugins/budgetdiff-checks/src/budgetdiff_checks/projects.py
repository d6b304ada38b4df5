"""
Each project's amount agrees with what the document says about it.

The amount is the project table's (表七 项目支出合计, printed); a project is
matched by name (spaces ignored; a name the narrative shortens is matched when
one contains the other).

- ``project.funding_items`` (warning): the items of its 资金分配情况 add up to it
  ("6万元 + 3万元 + 3.84万元 + 3万元" against 15万元); within rounding, a note;
- ``project.cost_target`` (warning): the money ceilings of its performance
  table's 成本指标 ("资金控制范围 ≤15.84万") add up to it; indicators that are no
  total in 万元 (a unit cost, a rate) are left out;
- ``project.targets_total`` (error): its performance table's 年度资金总额 is the
  amount, and 其中财政拨款 plus 其他资金 make up 年度资金总额.  A performance table
  naming no project of the project table, or a document with no project table,
  is reported as not checked.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from decimal import Decimal

from budgetdiff import Finding, Money, Severity, Unit, hookimpl
from budgetdiff.disclosure import PerformanceTable, PrintedCell, PrintedTable, decimal_of
from budgetdiff.model import TableRole
from budgetdiff.plugin import Check, CheckSubject, Location, SumVerdict, check_sum, half_step

from ._entries import Entry, compact, entries
from ._figures import State, figure, state
from ._messages import message
from ._rule import Rule

CATALOG = "project"
FUNDING_ITEMS = "project.funding_items"
COST_TARGET = "project.cost_target"
TARGETS_TOTAL = "project.targets_total"

_CEILING = re.compile(
    r"^(?:≤|<=|＜|<|不超过|不高于|控制在|小于等于)?\s*(\d[\d,]*(?:\.\d+)?)\s*(万元|万|元)?\s*(?:以内|以下)?$"
)
_WAN_HALF = half_step(2) * Unit.WAN_YUAN.factor  # 0.005万元: a narrative figure in 万元


def _same(a: str, b: str) -> bool:
    x, y = compact(a), compact(b)
    if not x or not y:
        return False
    return x == y or (min(len(x), len(y)) >= 4 and (x in y or y in x))


def _projects(subject: CheckSubject) -> tuple[PrintedTable | None, list[Entry]]:
    table = subject.disclosure.table(TableRole.PROJECTS)
    if table is None:
        return None, []
    listed = entries(table, subject.catalog, subject.disclosure.year)
    return table, [e for e in listed if not e.is_total and e.label]


def _amount_cell(entry: Entry) -> PrintedCell | None:
    cell = entry.cell(0)
    return cell if state(cell) is State.VALUE else None


def _find(rows: list[Entry], name: str) -> Entry | None:
    exact = [e for e in rows if compact(e.label) == compact(name)]
    if exact:
        return exact[0]
    near = [e for e in rows if _same(e.label, name)]
    return near[0] if len(near) == 1 else None


def _narrative_line(subject: CheckSubject, project: str, text: str) -> int | None:
    """The first line after the 项目名称 line of *project* that prints the start of *text*."""
    probe, name = compact(text)[:8], compact(project)[:8]
    if not probe:
        return None
    seen = False
    for section in subject.disclosure.narrative():
        for line in section.lines:
            printed = compact(line.text)
            if seen and probe in printed:
                return line.number
            seen = seen or (bool(name) and name in printed and "项目名称" in printed)
    return None


def funding_items(subject: CheckSubject) -> Iterator[Finding]:
    table, rows = _projects(subject)
    budget = subject.budget
    if budget is None or table is None:
        return
    for project in budget.projects:
        items = project.funding_items
        if not items or any(i.amount is None for i in items):
            continue
        entry = _find(rows, project.name)
        cell = _amount_cell(entry) if entry is not None else None
        if entry is None or cell is None:
            continue
        total = figure(cell, table)
        checked = check_sum(
            [((i.amount or Money(0)).yuan, _WAN_HALF) for i in items],
            (total.amount.yuan, total.half.yuan),
        )
        if checked.verdict is SumVerdict.EXACT:
            continue
        rounding = checked.verdict is SumVerdict.ROUNDING
        lines = [_narrative_line(subject, project.name, i.text) for i in items]
        yield message(
            CATALOG,
            FUNDING_ITEMS,
            Severity.NOTE if rounding else Severity.WARNING,
            locations=[
                cell.location,
                *(
                    Location(source=subject.disclosure.source, table="情况说明", line=line)
                    for line in dict.fromkeys(lines)
                    if line is not None
                ),
            ],
            expected=total.amount,
            actual=Money(checked.parts),
            inputs=[(i.text, i.amount) for i in items],
            name=entry.label,
            where=table.name,
            amount=total.amount,
            items=[{"text": i.text, "amount": i.amount} for i in items],
            total=Money(checked.parts),
            gap=Money(abs(checked.gap)),
            rounding=rounding,
        )


def _ceiling(value: str, label: str) -> Money | None:
    """A money ceiling in 万元 ("≤15.84万", "20万元"), or None for anything else."""
    text = compact(value)
    if "/" in text or "/" in label or "每" in label or "单价" in label or "%" in text:
        return None
    found = _CEILING.match(text)
    if found is None:
        return None
    unit = found.group(2) or ("万元" if "万元" in label else "")
    if not unit:
        return None
    number = decimal_of(found.group(1))
    if number is None:
        return None
    return Money.of(number, Unit.YUAN if unit == "元" else Unit.WAN_YUAN)


def _cell_of(performance: PerformanceTable, value: str, line: int) -> Location:
    for row in performance.rows:
        for cell in row.cells:
            if cell.text == value and cell.line >= line:
                return cell.location
    return Location(table="项目支出绩效目标表", row=performance.project, line=line)


def cost_target(subject: CheckSubject) -> Iterator[Finding]:
    table, rows = _projects(subject)
    if table is None:
        return
    for performance in subject.disclosure.performance_tables:
        entry = _find(rows, performance.project)
        cell = _amount_cell(entry) if entry is not None else None
        if entry is None or cell is None:
            continue
        costs = [
            (i, amount)
            for i in performance.indicators
            if "成本" in i.level1 + i.level2 and (amount := _ceiling(i.value, i.level3)) is not None
        ]
        if not costs:
            continue
        total = figure(cell, table)
        ceilings = sum((a.yuan for _, a in costs), Decimal(0))
        if abs(ceilings - total.amount.yuan) < total.half.yuan + _WAN_HALF * len(costs):
            continue
        yield message(
            CATALOG,
            COST_TARGET,
            Severity.WARNING,
            locations=[cell.location, *(_cell_of(performance, i.value, i.line) for i, _ in costs)],
            expected=total.amount,
            actual=Money(ceilings),
            inputs=[(f"{i.level3}: {i.value}", a) for i, a in costs],
            name=entry.label,
            where=table.name,
            amount=total.amount,
            ceilings=Money(ceilings),
            indicators=[{"name": i.level3, "value": i.value} for i, _ in costs],
        )


def targets_total(subject: CheckSubject) -> Iterator[Finding]:
    table, rows = _projects(subject)
    performances = subject.disclosure.performance_tables
    if not performances:
        return
    for performance in performances:
        yield from _fiscal_other(performance)
        if table is None:
            continue
        entry = _find(rows, performance.project)
        cell = _amount_cell(entry) if entry is not None else None
        stated = performance.total
        if stated is None or state(stated) is not State.VALUE:
            continue
        if entry is None or cell is None:
            yield message(
                CATALOG,
                f"{TARGETS_TOTAL}.not_checked",
                Severity.NOTE,
                key="not_checked",
                locations=[stated.location],
                actual=stated.amount,
                name=performance.project,
                where=table.name,
                reason="unmatched",
            )
            continue
        total = figure(cell, table)
        half = half_step(2) * performance.money_unit.factor
        if abs((stated.amount or Money(0)).yuan - total.amount.yuan) < total.half.yuan + half:
            continue
        yield message(
            CATALOG,
            TARGETS_TOTAL,
            Severity.ERROR,
            locations=[stated.location, cell.location],
            expected=total.amount,
            actual=stated.amount,
            name=entry.label,
            where=table.name,
            amount=total.amount,
            stated=stated.amount,
            part="total",
        )
    if table is None:
        first = performances[0]
        yield message(
            CATALOG,
            f"{TARGETS_TOTAL}.not_checked",
            Severity.NOTE,
            key="not_checked",
            locations=[
                Location(table="项目支出绩效目标表", row=first.project, line=first.title_line)
            ],
            name=first.project,
            count=len(performances),
            where="",
            reason="no_table",
        )


def _fiscal_other(performance: PerformanceTable) -> Iterator[Finding]:
    """年度资金总额 = 其中财政拨款 + 其他资金 (blank parts count for nothing)."""
    total, parts = performance.total, [performance.fiscal, performance.other]
    if total is None or state(total) is not State.VALUE:
        return
    values = [p for p in parts if p is not None and state(p) is State.VALUE]
    if not values:
        return
    half = half_step(2) * performance.money_unit.factor
    checked = check_sum(
        [((p.amount or Money(0)).yuan, half) for p in values],
        ((total.amount or Money(0)).yuan, half),
    )
    if checked.verdict is not SumVerdict.MISMATCH:
        return
    yield message(
        CATALOG,
        TARGETS_TOTAL,
        Severity.ERROR,
        locations=[total.location, *(p.location for p in values)],
        expected=Money(checked.parts),
        actual=total.amount,
        name=performance.project,
        where="项目支出绩效目标表",
        amount=Money(checked.parts),
        stated=total.amount,
        part="split",
    )


@hookimpl
def register_checks(register: Callable[[Check], None]) -> None:
    register(Rule(name=FUNDING_ITEMS, run=funding_items))
    register(Rule(name=COST_TARGET, run=cost_target))
    register(Rule(name=TARGETS_TOTAL, run=targets_total))
