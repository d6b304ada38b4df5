"""
What each printed amount is a copy of: a line (or the grand total) and a measure.

A measure is (flow, fund, part): income or spending, from all funds, 财政拨款,
一般公共预算 (gp), 政府性基金 (gf) or 国有资本经营 (sc), in total or its 基本 /
项目 part.  The same figure is printed in several tables: 2101103's spending
from the general budget is 表五's 合计 and 表二's 一般公共预算 column (in a
budget, a line's income by source is its spending by source).

Some measures are the same figure in a given document:

- in a budget (not a 决算) a line's income equals its spending;
- where no 政府性基金 or 国有资本经营 money is printed anywhere (and the document
  says so: an empty table, blank columns), 财政拨款 is 一般公共预算;
- in a budget where no income other than 财政拨款 is printed, all funds are
  财政拨款 (a 决算 also spends what it carried over, so not there).

`canonical` maps a measure to the one it equals in the document.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from attrs import frozen

from budgetdiff import Disclosure
from budgetdiff.disclosure import PrintedCell, PrintedTable
from budgetdiff.model import BudgetKind, Catalog, TableRole

from ._entries import Entry, bare_name, compact, entries, is_total_label, panes
from ._figures import State, state

FUNDS = ("all", "fiscal", "gp", "gf", "sc")


@frozen(kw_only=True)
class Measure:
    flow: str  # "income" | "spend"
    fund: str  # "all" | "fiscal" | "gp" | "gf" | "sc"
    part: str = "total"  # "total" | "basic" | "project"


@frozen(kw_only=True)
class Copy:
    """One printed cell holding a figure: which line, which measure, and the entry it is in."""

    code: str  # the line's code, "" for the grand total
    measure: Measure
    cell: PrintedCell | None
    table: PrintedTable
    entry: Entry


_ROLE_FUND = {
    TableRole.GENERAL_PUBLIC: "gp",
    TableRole.GOVERNMENT_FUND: "gf",
    TableRole.STATE_CAPITAL: "sc",
}


def fund_of(label: str) -> str:
    """The fund a column or an income row names ("" when none)."""
    text = compact(label)
    if "一般公共预算" in text:
        return "gp"
    if "政府性基金" in text:
        return "gf"
    if "国有资本经营" in text:
        return "sc"
    if "财政拨款" in text:
        return "fiscal"
    return ""


def _part_of(label: str) -> str:
    text = compact(label)
    if "基本支出" in text:
        return "basic"
    if "项目支出" in text:
        return "project"
    return ""


def _first_total(items: Sequence[Entry]) -> Entry | None:
    return next((e for e in items if e.is_total), None)


def _block_one(items: Sequence[Entry]) -> list[Entry]:
    block: list[Entry] = []
    for entry in items:
        if entry.is_total:
            break
        block.append(entry)
    return block


def copies(table: PrintedTable, catalog: Catalog, year: int | None) -> Iterator[Copy]:
    """Every copy of a line's figure *table* prints (coded lines and grand totals)."""
    listed = entries(table, catalog, year)
    role = table.role
    for pane in panes(table):
        mine = [e for e in listed if e.pane == pane]
        columns = pane.amount_columns
        if not columns:
            continue
        if role in (TableRole.INCOME,):
            for position, column in enumerate(columns):
                fund = (
                    "all"
                    if position == 0 and is_total_label(column.label)
                    else fund_of(column.label)
                )
                if fund:
                    yield from _lines(table, mine, position, Measure(flow="income", fund=fund))
        elif role in (TableRole.EXPENDITURE, *_ROLE_FUND):
            fund = _ROLE_FUND.get(role, "all") if role is not None else "all"
            for position, column in enumerate(columns):
                part = "total" if position == 0 else _part_of(column.label)
                if part:
                    measure = Measure(flow="spend", fund=fund, part=part)
                    yield from _lines(table, mine, position, measure)
        elif role is TableRole.BASIC_ECONOMIC and pane.index == 0 and len(panes(table)) == 1:
            total = _first_total(mine)
            if total is not None and is_total_label(columns[0].label):
                yield Copy(
                    code="",
                    measure=Measure(flow="spend", fund="gp", part="basic"),
                    cell=total.cell(0),
                    table=table,
                    entry=total,
                )
        elif role is TableRole.PROJECTS:
            total = _first_total(mine)
            if total is not None:
                yield Copy(
                    code="",
                    measure=Measure(flow="spend", fund="gp", part="project"),
                    cell=total.cell(0),
                    table=table,
                    entry=total,
                )
        elif role in (TableRole.SUMMARY, TableRole.FISCAL):
            yield from _two_sided(table, pane.index, mine)


def _lines(
    table: PrintedTable, items: Sequence[Entry], position: int, measure: Measure
) -> Iterator[Copy]:
    total = _first_total(items)
    for entry in items:
        if entry.is_total:
            continue
        if entry.code:
            yield Copy(
                code=entry.code,
                measure=measure,
                cell=entry.cell(position),
                table=table,
                entry=entry,
            )
    if total is not None:
        yield Copy(code="", measure=measure, cell=total.cell(position), table=table, entry=total)


def _two_sided(table: PrintedTable, pane: int, items: Sequence[Entry]) -> Iterator[Copy]:
    fiscal_table = table.role is TableRole.FISCAL
    columns = panes(table)[pane].amount_columns
    classes = [e for e in _block_one(items) if e.code and len(e.code) == 3]
    total = _first_total(items)
    if classes or (pane > 0 and total is not None):  # the expenditure side
        for position, column in enumerate(columns):
            first = "fiscal" if fiscal_table else "all"
            fund = first if position == 0 else fund_of(column.label)
            if not fund:
                continue
            measure = Measure(flow="spend", fund=fund)
            for entry in classes:
                yield Copy(
                    code=entry.code,
                    measure=measure,
                    cell=entry.cell(position),
                    table=table,
                    entry=entry,
                )
            if total is not None:
                yield Copy(
                    code="", measure=measure, cell=total.cell(position), table=table, entry=total
                )
        return
    seen: set[str] = set()
    for entry in _block_one(items):  # the income side: rows naming a fund
        fund = fund_of(bare_name(entry.label))
        if fund and fund not in seen:
            seen.add(fund)
            yield Copy(
                code="",
                measure=Measure(flow="income", fund=fund),
                cell=entry.cell(0),
                table=table,
                entry=entry,
            )
    if total is not None:
        fund = "fiscal" if fiscal_table else "all"
        yield Copy(
            code="",
            measure=Measure(flow="income", fund=fund),
            cell=total.cell(0),
            table=table,
            entry=total,
        )


@frozen(kw_only=True)
class Equivalences:
    """Which measures are one figure in this document."""

    income_is_spending: bool
    fiscal_is_general: bool
    all_is_fiscal: bool

    def canonical(self, measure: Measure) -> Measure:
        flow = "spend" if self.income_is_spending else measure.flow
        fund = measure.fund
        if fund == "all" and self.all_is_fiscal:
            fund = "fiscal"
        if fund == "fiscal" and self.fiscal_is_general:
            fund = "gp"
        return Measure(flow=flow, fund=fund, part=measure.part)


def _nothing(cells: Sequence[PrintedCell | None]) -> bool:
    """True when *cells* exist and none prints a non-zero amount."""
    return bool(cells) and all(
        state(c) is State.BLANK or (state(c) is State.VALUE and c is not None and not c.amount)
        for c in cells
    )


def equivalences(disclosure: Disclosure, catalog: Catalog, found: Sequence[Copy]) -> Equivalences:
    """What the document's own tables say about its funds (see the module docstring)."""
    other_funds = [c.cell for c in found if c.measure.fund in ("gf", "sc")]
    empty_tables = [
        t
        for t in disclosure.tables
        if t.role in (TableRole.GOVERNMENT_FUND, TableRole.STATE_CAPITAL) and t.is_empty
    ]
    fiscal_is_general = _nothing(other_funds) or (
        not [c for c in other_funds if state(c) is State.VALUE and c is not None and c.amount]
        and bool(empty_tables)
    )
    non_fiscal: list[PrintedCell | None] = []
    for table in disclosure.tables:
        if table.role is TableRole.INCOME:
            for pane in panes(table):
                for position, column in enumerate(pane.amount_columns):
                    if position == 0 or fund_of(column.label):
                        continue
                    non_fiscal.extend(
                        row.cell(column.index) for row in table.rows if not row.is_total
                    )
        if table.role is TableRole.SUMMARY:
            listed = entries(table, catalog, disclosure.year)
            left = [e for e in listed if e.pane.index == 0]
            non_fiscal.extend(
                e.cell(0) for e in _block_one(left) if not fund_of(bare_name(e.label))
            )
    return Equivalences(
        income_is_spending=disclosure.kind is BudgetKind.BUDGET,
        fiscal_is_general=fiscal_is_general,
        # a 决算 also spends what it carried over (年初结转和结余): only a budget's
        # income columns tell that all its spending is 财政拨款
        all_is_fiscal=disclosure.kind is BudgetKind.BUDGET and _nothing(non_fiscal),
    )
