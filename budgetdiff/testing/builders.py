"""
Building consistent budgets in code, for tests and benchmarks (no hypothesis needed).

    from budgetdiff.testing.builders import LineSpec, assemble
    budget = assemble(year=2021, presentation=Presentation(), specs=[LineSpec(...)])
"""

from __future__ import annotations

from collections.abc import Sequence

from attrs import frozen

from budgetdiff._model.budget import Budget, BudgetKind, Scope
from budgetdiff._model.catalog import default_catalog
from budgetdiff._model.codes import EconomicCode, FunctionCode
from budgetdiff._model.funds import EconomicLine, ExpenditureLine, Funds
from budgetdiff._model.matters import Procurement, ThreePublic
from budgetdiff._model.money import Money, Presentation
from budgetdiff._model.profile import Headcount, Profile, Staffing
from budgetdiff._model.projects import EconomicAmount, Project

__all__ = ["LineSpec", "assemble"]


@frozen(kw_only=True)
class LineSpec:
    """One line of a generated budget: its code, basic amount, and its project (if any)."""

    code: FunctionCode
    basic: Money
    project: Money
    project_name: str = ""


def assemble(
    *,
    year: int,
    presentation: Presentation,
    specs: Sequence[LineSpec],
    staffing: tuple[int, int, int] = (5, 0, 0),
    three: ThreePublic | None = None,
    admin_costs: Money | None = None,
    procurement: tuple[Money, Money, Money] | None = None,
    name: str = "监控中心",
    scope: Scope = Scope.UNIT,
) -> Budget:
    """
    A consistent budget from line specifications: income equals spending, one
    economic line carries basic spending, one project per project amount.
    """
    catalog = default_catalog()
    lines = tuple(
        ExpenditureLine(
            code=s.code,
            name=catalog.function_name(s.code, year) or f"科目{s.code}",
            basic=Funds(general_public=s.basic),
            project=Funds(general_public=s.project),
        )
        for s in specs
    )
    basic = sum((s.basic for s in specs), Money.of(0))
    projects = tuple(
        Project(
            name=s.project_name,
            function_code=s.code,
            amount=s.project,
            by_economic=(EconomicAmount(code=EconomicCode("302"), amount=s.project),),
        )
        for s in specs
        if s.project
    )
    in_service, retired, contract = staffing
    people = Staffing(
        authorized=Headcount(count=in_service),
        actual=Headcount(count=in_service + retired + contract),
        in_service=Headcount(count=in_service),
        retired=Headcount(count=retired),
        contract=Headcount(count=contract),
    )
    buy = None
    if procurement is not None:
        goods, works, services = procurement
        buy = Procurement(
            total=goods + works + services, goods=goods, works=works, services=services
        )
    return Budget(
        year=year,
        kind=BudgetKind.BUDGET,
        scope=scope,
        presentation=presentation,
        profile=Profile(name=name, staffing=people),
        income=Funds(general_public=sum((line.total for line in lines), Money.of(0))),
        expenditure=lines,
        basic_by_economic=(
            EconomicLine(code=EconomicCode("30101"), name="基本工资", personnel=basic),
        ),
        projects=projects,
        three_public=three,
        admin_costs=admin_costs,
        procurement=buy,
    )
