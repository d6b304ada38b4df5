"""Projects from the 项目支出 table, with the narrative's description of each and its
performance-target table.

A project is filed under the 功能分类 line its spending is budgeted under.  The seed
prints every project's code as 311 03 99, which is no function code; such a
project is filed under the line with project spending that its printed 科目 name
(else its 款/项 digits) points to, and the choice is recorded.
"""

from __future__ import annotations

from collections.abc import Sequence

from budgetdiff._model.codes import EconomicCode, FunctionCode
from budgetdiff._model.findings import Location
from budgetdiff._model.funds import ExpenditureLine
from budgetdiff._model.money import Money
from budgetdiff._model.projects import EconomicAmount, Indicator, PerformanceTargets, Project
from budgetdiff._model.tables import PROJECT_ECONOMIC_CLASSES, TableRole
from budgetdiff._read.disclosure import PerformanceTable, PrintedRow, PrintedTable
from budgetdiff._read.table_titles import compact

from .context import Context, copy_of
from .matters_text import NarrativeMatters, ProjectStatement, funding_items
from .normalized import Copy, ResolutionKind

_CLASS_BY_NAME = {compact(name): code for code, name in PROJECT_ECONOMIC_CLASSES}


class ProjectBuilder:
    def __init__(self, context: Context, lines: Sequence[ExpenditureLine]) -> None:
        self.context = context
        self.lines = lines
        self.narrative = NarrativeMatters(context.disclosure)

    def build(self) -> tuple[Project, ...]:
        statements = self.narrative.projects()
        targets = {compact(t.project): t for t in self.context.disclosure.performance_tables}
        result: list[Project] = []
        for table in self.context.disclosure.tables_with(TableRole.PROJECTS):
            for row in table.rows:
                project = self._project(table, row, statements, targets)
                if project is not None:
                    result.append(project)
        return tuple(result)

    def _project(
        self,
        table: PrintedTable,
        row: PrintedRow,
        statements: dict[str, ProjectStatement],
        targets: dict[str, PerformanceTable],
    ) -> Project | None:
        if row.is_total or not row.label:
            return None
        amount: Money | None = None
        by_economic: list[EconomicAmount] = []
        subject_name = ""
        for column in table.columns:
            label = compact(column.label)
            cell = row.cell(column.index)
            if cell is None:
                continue
            if label == "科目":
                subject_name = cell.text
            elif "合计" in label and amount is None:
                amount = self.context.amount(cell)
            elif label in _CLASS_BY_NAME:
                part = self.context.amount(cell)
                if part:
                    by_economic.append(
                        EconomicAmount(code=EconomicCode(_CLASS_BY_NAME[label]), amount=part)
                    )
        if amount is None:
            return None
        where = Location(
            source=self.context.disclosure.source, table=table.name, row=row.label, line=row.line
        )
        code = self._function_code(row, subject_name, where)
        if code is None:
            return None
        statement = statements.get(compact(row.label))
        performance = self._targets(targets.get(compact(row.label)), amount, where, row.label)
        return Project(
            name=row.label,
            function_code=code,
            amount=amount,
            by_economic=by_economic,
            funding_items=funding_items(statement.funding) if statement else (),
            performance=performance,
            policy_basis=statement.policy_basis if statement else "",
            scale=statement.scale if statement else "",
            undertaker=statement.undertaker if statement else "",
            period=statement.period if statement else "",
        )

    def _function_code(self, row: PrintedRow, subject: str, where: Location) -> FunctionCode | None:
        printed = row.code_suggestion or row.code
        with_projects = [line for line in self.lines if line.project.total]
        if _valid(printed) and any(line.code.value == printed for line in self.lines):
            return FunctionCode(printed)
        chosen = next((ln for ln in with_projects if compact(ln.name) == compact(subject)), None)
        if chosen is None and len(printed) == 7:
            chosen = next((ln for ln in with_projects if ln.code.value[3:] == printed[3:]), None)
        if chosen is None and len(with_projects) == 1:
            chosen = with_projects[0]
        if chosen is None:
            self.context.resolve(
                ResolutionKind.NOT_CARRIED,
                "normalize.project_skipped",
                row.label,
                copies=[Copy(value=printed, location=where)],
                where=str(where),
                project=row.label,
                printed=printed,
            )
            return None
        self.context.resolve(
            ResolutionKind.CODE,
            "normalize.function_code",
            row.label,
            chosen=chosen.code.value,
            copies=[Copy(value=printed, location=where, text=subject)],
            path=f"projects[{row.label}].function_code",
            where=str(where),
            project=row.label,
            printed=printed,
            code=chosen.code.value,
            name=chosen.name,
        )
        return chosen.code

    def _targets(
        self, table: PerformanceTable | None, amount: Money, where: Location, name: str
    ) -> PerformanceTargets | None:
        if table is None:
            return None
        total = self.context.amount(table.total) if table.total else None
        fiscal = self.context.amount(table.fiscal) if table.fiscal else None
        other = table.other.amount if table.other is not None else None
        if total is not None and total != amount and table.total is not None:
            self.context.resolve(
                ResolutionKind.CONFLICT,
                "normalize.matter_conflict",
                name,
                chosen=amount,
                copies=[Copy(value=amount, location=where), copy_of(table.total)],
                what=name,
                what_en=name,
            )
        return PerformanceTargets(
            total=total,
            fiscal=fiscal,
            other=other,
            goal=table.goal,
            indicators=[
                Indicator(level1=i.level1, level2=i.level2, level3=i.level3, value=i.value)
                for i in table.indicators
            ],
        )


def _valid(code: str) -> bool:
    try:
        FunctionCode(code)
    except (ValueError, TypeError):
        return False
    return True
