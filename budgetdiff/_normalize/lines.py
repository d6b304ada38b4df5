"""Expenditure lines from the function-classified tables, and the conflicts between them.

Each line (the most detailed code printed) is built from the most detailed tables:
一般公共预算 / 政府性基金 / 国有资本经营 tables give 基本支出 and 项目支出 by source;
the income table gives the other sources, the expenditure table their split.
Every other printed copy of a line's figures is then compared with it; where a
copy disagrees, the value the printed totals (column totals, class rows, the
summary tables) support is chosen, and the conflict is recorded with every copy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from budgetdiff._model.budget import BudgetKind
from budgetdiff._model.codes import FunctionCode
from budgetdiff._model.findings import Location
from budgetdiff._model.funds import ExpenditureLine, Funds, FundSource
from budgetdiff._model.money import Money, total
from budgetdiff._model.tables import TableRole
from budgetdiff._read.columns import (
    DETAIL,
    FUNCTION_ROLES,
    PARTS,
    Key,
    Quantities,
    code_of,
    column_measure,
)
from budgetdiff._read.disclosure import CellKind, PrintedRow, PrintedTable

from .context import Context, copy_of
from .measures import PART_NAMES, SOURCE_NAMES, Check, Checks, Printed, valid_function_code
from .normalized import Copy, ResolutionKind


class LineBuilder:
    """Builds the expenditure lines of a disclosure."""

    def __init__(self, context: Context) -> None:
        self.context = context
        self.disclosure = context.disclosure
        self.final = self.disclosure.kind is BudgetKind.FINAL
        self.names: dict[str, str] = {}
        self.rows: dict[str, list[tuple[PrintedTable, PrintedRow]]] = {}
        self.order: list[str] = []
        self.checks: list[Check] = []

    # -- reading the tables ---------------------------------------------------------------

    def _tables(self) -> Iterator[PrintedTable]:
        for table in self.disclosure.tables:
            if table.role in FUNCTION_ROLES:
                yield table

    def _collect(self) -> None:
        for table in self._tables():
            for row in table.rows:
                code = code_of(row)
                if row.is_total or not code:
                    if row.code and not code_of(row):
                        self._skipped(table, row)
                    continue
                if not valid_function_code(code):
                    self._skipped(table, row)
                    continue
                if row.code_suggestion:
                    self.context.resolve(
                        ResolutionKind.CODE,
                        "normalize.code_from_context",
                        code,
                        chosen=code,
                        copies=[Copy(value=row.code, location=_where(table, row))],
                        where=str(_where(table, row)),
                        printed=row.code,
                        code=code,
                    )
                if code not in self.rows:
                    self.rows[code] = []
                    self.order.append(code)
                    self.names[code] = row.label
                self.rows[code].append((table, row))

    def _skipped(self, table: PrintedTable, row: PrintedRow) -> None:
        if not any(c.amount for c in row.cells):
            return
        where = _where(table, row)
        self.context.resolve(
            ResolutionKind.NOT_CARRIED,
            "normalize.row_skipped",
            row.code,
            copies=[Copy(value=row.code, location=where)],
            where=str(where),
            printed=row.code,
        )

    def _leaves(self) -> list[str]:
        codes = self.order
        return [c for c in codes if not any(o != c and o.startswith(c) for o in codes)]

    def _copies(self, code: str) -> list[Printed]:
        result = []
        for table, row in self.rows.get(code, []):
            if self.final and table.role is TableRole.INCOME:
                continue  # final accounts: income by line is not spending by line
            for column in table.columns:
                measure = column_measure(table.role, column.label)
                cell = row.cell(column.index)
                if measure is None or cell is None:
                    continue
                if cell.kind in (CellKind.TEXT, CellKind.MALFORMED):
                    continue
                result.append(Printed(measure=measure, cell=cell))
        return result

    # -- the primary figures ------------------------------------------------------------------

    def _primary(self, code: str) -> Quantities:
        quantities: Quantities = {}
        detailed: set[FundSource] = set()
        for table in self._tables():
            if table.role in DETAIL:
                detailed.add(DETAIL[table.role])
        for table, row in self.rows.get(code, []):
            source = DETAIL.get(table.role) if table.role else None
            if source is None:
                continue
            for column in table.columns:
                measure = column_measure(table.role, column.label)
                if measure is None or len(measure.parts) != 1:
                    continue
                amount = self.context.amount(row.cell(column.index))
                if amount is not None:
                    part = next(iter(measure.parts))
                    quantities[(part, source)] = quantities.get((part, source), Money(0)) + amount
        self._rest(code, quantities, detailed)
        return quantities

    def _rest(self, code: str, quantities: Quantities, detailed: set[FundSource]) -> None:
        """The sources no detailed table covers: from the income table, split by 表三."""
        split: dict[str, Money] = {}
        income: dict[FundSource, Money] = {}
        for table, row in self.rows.get(code, []):
            for column in table.columns:
                measure = column_measure(table.role, column.label)
                if measure is None:
                    continue
                amount = self.context.amount(row.cell(column.index))
                if amount is None:
                    continue
                expenditure = table.role is TableRole.EXPENDITURE and measure.sources is None
                if expenditure and len(measure.parts) == 1:
                    split[next(iter(measure.parts))] = amount
                elif table.role is TableRole.INCOME and measure.sources is not None:
                    source = next(iter(measure.sources))
                    if len(measure.sources) == 1 and source not in detailed and amount:
                        income[source] = amount
        remaining = {
            part: split[part] - total(a for (p, _), a in quantities.items() if p == part)
            for part in PARTS
            if part in split
        }
        if not split:
            for source, amount in income.items():  # no expenditure table: basic, recorded
                quantities[("basic", source)] = amount
                self._split(code, [source], "basic")
            return
        if len(income) == 1:
            source = next(iter(income))
            for part, amount in remaining.items():
                quantities[(part, source)] = amount
        elif len(income) > 1:
            only = [p for p in PARTS if remaining.get(p)]
            part = only[0] if len(only) == 1 else "basic"
            for source, amount in income.items():
                quantities[(part, source)] = amount
            if len(only) != 1:
                self._split(code, list(income), part)
        elif self.final and any(a > Money(0) for a in remaining.values()):
            for part, amount in remaining.items():
                if amount > Money(0):
                    quantities[(part, FundSource.CARRYOVER)] = amount
            self.context.resolve(
                ResolutionKind.INFERRED,
                "normalize.carryover",
                f"{code} {self.names.get(code, '')}".strip(),
                chosen=total(a for a in remaining.values() if a > Money(0)),
                amount=total(a for a in remaining.values() if a > Money(0)),
            )

    def _split(self, code: str, sources: Sequence[FundSource], part: str) -> None:
        self.context.resolve(
            ResolutionKind.INFERRED,
            "normalize.split",
            f"{code} {self.names.get(code, '')}".strip(),
            sources=[SOURCE_NAMES[s][0] for s in sources],
            sources_en=", ".join(SOURCE_NAMES[s][1] for s in sources),
            assumed=PART_NAMES[part][0],
            assumed_en=PART_NAMES[part][1],
        )

    # -- checks and conflicts -----------------------------------------------------------------

    def _tolerance(self, count: int) -> Money:
        if count <= 1:
            return Money(0)
        return Money(self.context.presentation.step.yuan * (count + 1) / 2)

    def _agrees(self, printed: Printed, quantities: Quantities) -> bool:
        value = printed.value
        if value is None:
            return True
        found = printed.measure.of(quantities)
        return abs(found - value) <= self._tolerance(len(printed.measure.keys(quantities)))

    def _candidates(self, printed: Printed, quantities: Quantities) -> list[tuple[Key, Money]]:
        """Ways to make *printed* agree by changing one quantity of the line (none negative)."""
        value = printed.value
        if value is None:
            return []
        keys = printed.measure.keys(quantities)
        difference = value - printed.measure.of(quantities)
        options = [(key, quantities[key] + difference) for key in keys]
        if not keys:
            single = printed.measure.single
            present = [k for k, a in quantities.items() if a]
            if single is not None:
                options = [(single, value)]
            elif len(present) == 1 and printed.measure.covers(present[0]):
                options = [(present[0], value)]
        return [(key, amount) for key, amount in options if amount >= Money(0)]

    def _score(self, lines: dict[str, Quantities]) -> int:
        return sum(1 for check in self.checks if check.holds(lines))

    def _conflicts(self, lines: dict[str, Quantities]) -> None:
        for code, quantities in lines.items():
            copies = self._copies(code)
            disagreeing = [p for p in copies if not self._agrees(p, quantities)]
            if not disagreeing:
                continue
            options: dict[tuple[Key, Money], None] = {}
            for printed in disagreeing:
                for option in self._candidates(printed, quantities):
                    options[option] = None
            scored: list[tuple[int, tuple[Key, Money] | None]] = [(self._score(lines), None)]
            for key, value in options:
                trial = dict(lines)
                trial[code] = {**quantities, key: value}
                scored.append((self._score(trial), (key, value)))
            best_score, best = max(scored, key=lambda s: s[0])
            runner_up = max((s for s, option in scored if option != best), default=-1)
            if best is not None:
                quantities[best[0]] = best[1]
            disputed = best[0] if best is not None else _disputed(disagreeing[0], quantities)
            self._record(code, quantities, copies, disputed, best_score > runner_up)

    def _record(
        self,
        code: str,
        quantities: Quantities,
        copies: Sequence[Printed],
        disputed: Key | None,
        supported: bool,
    ) -> None:
        shown = [
            p
            for p in copies
            if (disputed is not None and p.measure.covers(disputed))
            or not self._agrees(p, quantities)
        ]
        if disputed is not None:
            chosen = quantities.get(disputed, Money(0))
            what = (
                SOURCE_NAMES[disputed[1]][0],
                PART_NAMES[disputed[0]][0],
            )  # 一般公共预算, 基本支出
            what_en = f"{PART_NAMES[disputed[0]][1]} from the {SOURCE_NAMES[disputed[1]][1]}"
            path = f"{disputed[0]}.{disputed[1].value}"
        else:
            chosen = shown[0].measure.of(quantities) if shown else Money(0)
            what = ("", shown[0].cell.location.column if shown else "")
            what_en = what[1]
            path = ""
        self.context.resolve(
            ResolutionKind.CONFLICT,
            "normalize.conflict",
            f"{code} {self.names.get(code, '')}".strip(),
            chosen=chosen,
            copies=[copy_of(p.cell) for p in shown],
            path=f"expenditure[{code}].{path}" if path else f"expenditure[{code}]",
            what_source=what[0],
            what_part=what[1],
            what_en=what_en,
            supported=supported,
        )

    # -- the result ---------------------------------------------------------------------------

    def build(self, class_code: Callable[[str], str | None]) -> tuple[ExpenditureLine, ...]:
        self._collect()
        leaves = self._leaves()
        lines = {code: self._primary(code) for code in leaves}
        self.checks = Checks(self.disclosure, class_code).collect(leaves)
        self._conflicts(lines)
        return tuple(self._line(code, q) for code, q in lines.items())

    def _line(self, code: str, quantities: Quantities) -> ExpenditureLine:
        def funds(part: str) -> Funds:
            by_source: dict[FundSource, Money] = {}
            for (p, source), amount in quantities.items():
                if p == part and amount:
                    by_source[source] = by_source.get(source, Money(0)) + amount
            return Funds.of(by_source)

        return ExpenditureLine(
            code=FunctionCode(code),
            name=self.names[code],
            basic=funds("basic"),
            project=funds("project"),
            reserve=funds("reserve"),
            unsplit=funds("unsplit"),
        )


def _disputed(printed: Printed, quantities: Quantities) -> Key | None:
    keys = printed.measure.keys(quantities)
    return keys[0] if len(keys) == 1 else printed.measure.single


def _where(table: PrintedTable, row: PrintedRow) -> Location:
    source = row.cells[0].location.source if row.cells else ""
    return Location(source=source, table=table.name, row=row.label, line=row.line)
