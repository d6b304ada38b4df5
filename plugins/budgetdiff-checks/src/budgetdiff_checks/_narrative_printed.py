"""
The figures a disclosure's tables print, by `Key`: every amount cell of the
function tables (by code and column), of the two-sided summary and 财政拨款
tables (income by source, spending by class, 本年合计 and 总计), the 基本支出
table's 人员经费 and 公用经费 totals, and 机关运行经费 where the “三公” table
prints it.  Each is a printed `TableFigure` with the slack of its table.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from budgetdiff import Disclosure, FunctionCode, Money
from budgetdiff.disclosure import (
    FISCAL,
    CellKind,
    PrintedCell,
    PrintedTable,
    class_code_finder,
    code_of,
    column_measure,
    compact,
    sides,
    source_of,
    strip_numbering,
    text_at,
)
from budgetdiff.model import Catalog, FundSource, TableRole
from budgetdiff.plugin import Location

from ._narrative_keys import Key, TableFigure, What, table_half

_FUNCTION_ROLES = (
    TableRole.INCOME,
    TableRole.EXPENDITURE,
    TableRole.GENERAL_PUBLIC,
    TableRole.GOVERNMENT_FUND,
    TableRole.STATE_CAPITAL,
)
_DETAIL = {
    TableRole.GENERAL_PUBLIC: FundSource.GENERAL_PUBLIC.value,
    TableRole.GOVERNMENT_FUND: FundSource.GOVERNMENT_FUND.value,
    TableRole.STATE_CAPITAL: FundSource.STATE_CAPITAL.value,
}


def _number(cell: PrintedCell | None) -> Money | None:
    """The amount of a cell printing a number; None for anything else."""
    if cell is None or cell.kind is not CellKind.NUMBER:
        return None
    return cell.amount


def bare(label: str) -> str:
    """A printed row name without its numbering or leading code ("211 节能环保支出")."""
    return re.sub(r"^\d{3,7}\s*", "", strip_numbering(label.strip()))


def _valid(code: str) -> bool:
    try:
        FunctionCode(code)
    except (ValueError, TypeError):
        return False
    return True


class PrintedReader:
    """Reads the printed figures of *disclosure* into *add*, and the names it prints by code."""

    def __init__(
        self,
        disclosure: Disclosure,
        catalog: Catalog,
        *,
        final: bool,
        rejected: set[Location],
        add: Callable[[TableFigure], None],
        names: dict[str, list[str]],
    ) -> None:
        self.disclosure = disclosure
        self.final = final
        self._rejected = rejected
        self._add = add
        self.function_names = names
        self._halves: dict[int, Money] = {}  # by table ordinal
        self._class_code = class_code_finder(catalog)

    def _printed(self, key: Key, cell: PrintedCell, table: PrintedTable, name: str = "") -> None:
        amount = _number(cell)
        if amount is None:
            return
        self._add(
            TableFigure(
                key=key,
                amount=amount,
                half=self._half_of(table),
                locations=(cell.location,),
                rejected=cell.location in self._rejected,
                name=name,
            )
        )

    def _half_of(self, table: PrintedTable) -> Money:
        half = self._halves.get(table.ordinal)
        if half is None:
            half = self._halves[table.ordinal] = table_half(table)
        return half

    def read(self) -> None:
        for table in self.disclosure.tables:
            if table.role in _FUNCTION_ROLES:
                if self.final and table.role is TableRole.INCOME:
                    continue  # a 决算's income by line is not its spending by line
                self._function_table(table)
            elif table.role in (TableRole.SUMMARY, TableRole.FISCAL):
                self._summary_table(table)
            elif table.role is TableRole.BASIC_ECONOMIC:
                self._economic_table(table)
            elif table.role is TableRole.THREE_PUBLIC:
                self._admin_column(table)

    def _function_table(self, table: PrintedTable) -> None:
        for row in table.rows:
            code = code_of(row)
            if row.is_total and not code:
                prefix = ""
            elif code and _valid(code):
                prefix = code
                if row.label:
                    self.function_names[code].append(bare(row.label))
            else:
                continue
            for column in table.columns:
                measure = column_measure(table.role, column.label)
                if measure is None:
                    continue
                if measure.parts == frozenset({"basic"}):
                    what = What.BASIC
                elif measure.parts == frozenset({"project"}):
                    what = What.PROJECT
                else:
                    what = What.SPEND
                if measure.sources is None:
                    source = ""
                elif measure.sources == FISCAL:
                    source = "fiscal"
                else:
                    source = next(iter(measure.sources)).value
                cell = row.cell(column.index)
                if cell is not None:
                    self._printed(Key(what, prefix, source), cell, table, row.label)

    def _summary_table(self, table: PrintedTable) -> None:
        fiscal = table.role is TableRole.FISCAL
        all_sides = list(sides(table))
        if not all_sides:
            return
        carry = any(
            "结转" in compact(text_at(row, label))
            for label, _, _ in all_sides
            for row in table.rows
        )
        income_label, _, income_amounts = all_sides[0]
        if income_label is not None and income_amounts:
            self._summary_income(table, income_label, income_amounts[0], fiscal=fiscal, carry=carry)
        for label_at, _, amounts in all_sides[1:]:
            if label_at is not None:
                self._summary_spending(table, label_at, amounts, fiscal=fiscal, carry=carry)

    def _summary_income(
        self, table: PrintedTable, label_at: int, amount_at: int, *, fiscal: bool, carry: bool
    ) -> None:
        total_source = "fiscal" if fiscal else ""
        carried = False
        for row in table.rows:
            label = compact(text_at(row, label_at))
            cell = row.cell(amount_at)
            if not label or cell is None:
                continue
            if "结转" in label or "结余" in label:
                carried = True
                continue
            source = source_of(label)
            if re.search(r"总计|合计", label):
                if "本年" in label or not carry:
                    self._printed(Key(What.INCOME, "", total_source), cell, table)
                if "本年" not in label:
                    self._printed(Key(What.GRAND, "", total_source), cell, table)
            elif carried:
                continue  # the parts of the balances carried over
            elif source == "fiscal":
                self._printed(Key(What.INCOME, "", "fiscal"), cell, table)
            elif isinstance(source, FundSource):
                self._printed(Key(What.INCOME, "", source.value), cell, table)

    def _summary_spending(
        self,
        table: PrintedTable,
        label_at: int,
        amounts: tuple[int, ...],
        *,
        fiscal: bool,
        carry: bool,
    ) -> None:
        columns: list[tuple[int, What, str]] = []
        for position, index in enumerate(amounts):
            word = compact(table.columns[index].label)
            source = source_of(word)
            if "人员经费" in word:
                columns.append((index, What.PERSONNEL, ""))
            elif "公用经费" in word:
                columns.append((index, What.PUBLIC_USE, ""))
            elif "基本支出" in word:
                columns.append((index, What.BASIC, ""))
            elif "项目支出" in word:
                columns.append((index, What.PROJECT, ""))
            elif isinstance(source, FundSource) and fiscal:
                columns.append((index, What.SPEND, source.value))
            elif position == 0 or source in ("total", "fiscal"):
                columns.append((index, What.SPEND, "fiscal" if fiscal else ""))
        for row in table.rows:
            label = text_at(row, label_at)
            flat = compact(label)
            if not flat or "结转" in flat or "结余" in flat:
                continue
            if re.search(r"总计|合计", flat):
                this_year = "本年" in flat or not carry
                for index, what, source in columns:
                    cell = row.cell(index)
                    if cell is None:
                        continue
                    if this_year:
                        self._printed(Key(what, "", source), cell, table)
                    if "本年" not in flat and what is What.SPEND:
                        self._printed(Key(What.GRAND, "", source), cell, table)
                continue
            code = self._class_code(label)
            if code is None:
                continue
            self.function_names[code].append(bare(label))
            for index, what, source in columns:
                cell = row.cell(index)
                if cell is not None:
                    self._printed(Key(what, code, source), cell, table, label)

    def _economic_table(self, table: PrintedTable) -> None:
        for row in table.totals:
            for position, cell in enumerate(row.cells):
                word = compact(cell.text)
                column = table.column(position)
                label = compact(column.label) if column is not None else ""
                if cell.kind is CellKind.NUMBER:
                    if "人员经费" in label:
                        self._printed(Key(What.PERSONNEL), cell, table)
                    elif "公用经费" in label:
                        self._printed(Key(What.PUBLIC_USE), cell, table)
                    elif label == "合计":
                        self._printed(
                            Key(What.BASIC, "", FundSource.GENERAL_PUBLIC.value), cell, table
                        )
                    continue
                what = (
                    What.PERSONNEL
                    if "人员经费" in word
                    else What.PUBLIC_USE
                    if "公用经费" in word
                    else None
                )
                if what is None:
                    continue
                following = next(
                    (c for c in row.cells[position + 1 :] if c.kind is not CellKind.BLANK), None
                )
                if following is not None:
                    self._printed(Key(what), following, table)

    def _admin_column(self, table: PrintedTable) -> None:
        """机关运行经费, where the “三公” table prints it (Shanghai)."""
        wanted = "决算数" if self.final else "预算数"
        for column in table.columns:
            path = [compact(p) for p in column.path]
            if not any("机关运行经费" in p for p in path):
                continue
            if any(p in ("预算数", "决算数") for p in path) and wanted not in path:
                continue
            for row in table.rows:
                cell = row.cell(column.index)
                if _number(cell) is not None and cell is not None:
                    self._printed(Key(What.ADMIN), cell, table)
                    return

    # ------------------------------------------------------------------ derived
