"""The aggregates printed tables state about expenditure lines, and each printed copy of a figure.

A column of 表三 labelled 基本支出 measures a line's basic expenditure from every
source; 表五's 合计 its general-public spending (`budgetdiff._read.columns.Measure`).
Every printed total, class row and summary row is a `Check`: a sum of a measure
over the lines under a code, which the lines either meet exactly or do not.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from attrs import frozen

from budgetdiff._model.budget import BudgetKind
from budgetdiff._model.codes import FunctionCode
from budgetdiff._model.findings import Location
from budgetdiff._model.funds import FundSource
from budgetdiff._model.money import Money, total
from budgetdiff._model.tables import TableRole
from budgetdiff._read.columns import (
    BOTH,
    FISCAL,
    FUNCTION_ROLES,
    Measure,
    Quantities,
    code_of,
    column_measure,
    sides,
    source_of,
    text_at,
)
from budgetdiff._read.disclosure import Disclosure, PrintedCell, PrintedRow, PrintedTable
from budgetdiff._read.table_titles import compact

from .context import amount_or_zero

PART_NAMES = {
    "basic": ("基本支出", "basic expenditure"),
    "project": ("项目支出", "project expenditure"),
    "reserve": ("单位预留机动经费", "the unit's reserve (单位预留机动经费)"),
    "unsplit": ("金额", "amount"),
}
SOURCE_NAMES = {
    FundSource.GENERAL_PUBLIC: ("一般公共预算", "general public budget"),
    FundSource.GOVERNMENT_FUND: ("政府性基金预算", "government fund"),
    FundSource.STATE_CAPITAL: ("国有资本经营预算", "state capital operations"),
    FundSource.SPECIAL_ACCOUNT: ("财政专户管理资金", "special account"),
    FundSource.BUSINESS: ("事业收入", "business income"),
    FundSource.OPERATING: ("事业单位经营收入", "operating income"),
    FundSource.SUPERIOR_GRANTS: ("上级补助收入", "grants from above"),
    FundSource.SUBSIDIARY: ("附属单位上缴收入", "income from subsidiaries"),
    FundSource.OTHER: ("其他收入", "other income"),
    FundSource.CARRYOVER: ("上年结转结余", "carried-over balances"),
}


@frozen(kw_only=True)
class Check:
    """A printed aggregate: the sum of a measure over the lines under a code prefix."""

    value: Money
    location: Location
    measure: Measure
    prefix: str = ""  # "" for all lines

    def holds(self, lines: dict[str, Quantities]) -> bool:
        found = total(
            self.measure.of(q) for code, q in lines.items() if code.startswith(self.prefix)
        )
        return found == self.value


@frozen(kw_only=True)
class Printed:
    """One printed copy of a line's figure."""

    measure: Measure
    cell: PrintedCell

    @property
    def value(self) -> Money | None:
        return amount_or_zero(self.cell)


def _summary_measure(role: TableRole | None, label: str, *, first: bool) -> Measure | None:
    t = compact(label)
    if role is TableRole.FISCAL:
        source = source_of(t)
        if source in ("total", "fiscal") or (first and source is None):
            return Measure(parts=BOTH, sources=FISCAL)
        if isinstance(source, FundSource) and source in FISCAL:
            return Measure(parts=BOTH, sources=frozenset({source}))
        return None
    if "项目支出" in t:
        return Measure(parts=frozenset({"project"}))
    if first:
        return Measure(parts=BOTH)
    return None


def valid_function_code(code: str) -> bool:
    try:
        FunctionCode(code)
    except (ValueError, TypeError):
        return False
    return True


class Checks:
    """Collects the printed aggregates of a disclosure."""

    def __init__(self, disclosure: Disclosure, class_code: Callable[[str], str | None]) -> None:
        self.disclosure = disclosure
        self.class_code = class_code
        self.final = disclosure.kind is BudgetKind.FINAL
        self.checks: list[Check] = []

    def collect(self, leaves: Sequence[str]) -> list[Check]:
        """The printed aggregates over the lines *leaves* (every code printed below them)."""
        leaf_set = set(leaves)
        for table in self.disclosure.tables:
            if table.role not in FUNCTION_ROLES:
                continue
            if self.final and table.role is TableRole.INCOME:
                continue
            for row in table.rows:
                code = code_of(row)
                if row.is_total:
                    prefix = ""
                elif code and code not in leaf_set and valid_function_code(code):
                    prefix = code
                else:
                    continue
                self._row_checks(table, row, prefix)
        for role in (TableRole.SUMMARY, TableRole.FISCAL):
            for table in self.disclosure.tables_with(role):
                self._summary_checks(table)
        for table in self.disclosure.tables_with(TableRole.BASIC_ECONOMIC):
            basic = Measure(
                parts=frozenset({"basic"}), sources=frozenset({FundSource.GENERAL_PUBLIC})
            )
            self._total_checks(table, basic, ("合计",))
        for table in self.disclosure.tables_with(TableRole.PROJECTS):
            project = Measure(
                parts=frozenset({"project"}), sources=frozenset({FundSource.GENERAL_PUBLIC})
            )
            self._total_checks(table, project, ("项目支出合计", "合计"))
        return self.checks

    def _row_checks(self, table: PrintedTable, row: PrintedRow, prefix: str) -> None:
        for column in table.columns:
            measure = column_measure(table.role, column.label)
            cell = row.cell(column.index)
            if measure is None or cell is None or cell.amount is None:
                continue
            self.checks.append(
                Check(value=cell.amount, location=cell.location, measure=measure, prefix=prefix)
            )

    def _total_checks(self, table: PrintedTable, measure: Measure, labels: Sequence[str]) -> None:
        for row in table.totals:
            for column in table.columns:
                cell = row.cell(column.index)
                if cell is None or cell.amount is None or compact(column.label) not in labels:
                    continue
                self.checks.append(
                    Check(value=cell.amount, location=cell.location, measure=measure)
                )
                return

    def _summary_checks(self, table: PrintedTable) -> None:
        for label_at, _, amounts in list(sides(table))[1:]:
            for row in table.rows:
                label = text_at(row, label_at)
                if not label:
                    continue
                total_row = bool(re.search(r"总计|合计", compact(label)))
                prefix = "" if total_row else self.class_code(label)
                if prefix is None:
                    continue
                for index in amounts:
                    column = table.columns[index]
                    measure = _summary_measure(table.role, column.label, first=index == amounts[0])
                    cell = row.cell(index)
                    if measure is None or cell is None or cell.amount is None:
                        continue
                    self.checks.append(
                        Check(
                            value=cell.amount,
                            location=cell.location,
                            measure=measure,
                            prefix=prefix,
                        )
                    )
