"""
Hypothesis strategies for budgetdiff's models, for your own property-based tests.

Requires the hypothesis package (``pip install "budgetdiff[testing]"``).  Every
strategy takes keyword-only arguments and returns a ``SearchStrategy``; amounts
are exact (drawn as whole 分 or at a chosen printed precision), never floats.

    from hypothesis import given
    from budgetdiff.testing import strategies as bst

    @given(bst.budgets())
    def test_my_comparator_sees_no_change(budget): ...

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from budgetdiff._budget import Budget, BudgetKind, Scope
from budgetdiff._codes import EconomicCode, FunctionCode
from budgetdiff._funds import EconomicLine, ExpenditureLine, Funds
from budgetdiff._matters import Procurement, ThreePublic
from budgetdiff._money import Money, Presentation, Unit
from budgetdiff._profile import Headcount, Profile, Staffing
from budgetdiff._projects import EconomicAmount, Project

__all__ = [
    "budgets",
    "economic_codes",
    "function_codes",
    "money",
    "presentations",
]

_CLASSES = ("201", "204", "205", "207", "208", "210", "211", "212", "213", "221")


def money(
    *,
    min_value: Decimal | int | str = 0,
    max_value: Decimal | int | str = 10_000,
    unit: Unit = Unit.WAN_YUAN,
    places: int = 2,
) -> st.SearchStrategy[Money]:
    """
    Amounts between *min_value* and *max_value* (in *unit*), exact to *places* decimals.

    ``money(places=2)`` draws amounts a 万元 table can print exactly.
    """
    step = Decimal(1).scaleb(-places)
    low = int(Decimal(min_value) / step)
    high = int(Decimal(max_value) / step)
    return st.integers(min_value=low, max_value=high).map(
        lambda n: Money.of(Decimal(n) * step, unit)
    )


def function_codes(*, level: int = 7) -> st.SearchStrategy[FunctionCode]:
    """Well-formed 支出功能分类 codes of *level* digits (3, 5 or 7), starting with 2."""
    tail = st.integers(min_value=1, max_value=99).map(lambda n: f"{n:02d}")
    parts = [st.sampled_from(_CLASSES)] + [tail] * ((level - 3) // 2)
    return st.tuples(*parts).map(lambda p: FunctionCode("".join(p)))


def economic_codes() -> st.SearchStrategy[EconomicCode]:
    """Well-formed 部门预算支出经济分类 款 codes (301xx, 302xx, 303xx, 310xx)."""
    return st.tuples(
        st.sampled_from(("301", "302", "303", "310")),
        st.integers(min_value=1, max_value=99),
    ).map(lambda p: EconomicCode(f"{p[0]}{p[1]:02d}"))


def presentations() -> st.SearchStrategy[Presentation]:
    """The presentations documents use: 万元 to 2 places, 元 to 0 or 2 places."""
    return st.sampled_from(
        (
            Presentation(unit=Unit.WAN_YUAN, places=2),
            Presentation(unit=Unit.YUAN, places=2),
            Presentation(unit=Unit.YUAN, places=0),
        )
    )


@st.composite
def _lines(
    draw: st.DrawFn, presentation: Presentation, max_lines: int
) -> tuple[ExpenditureLine, ...]:
    codes = draw(st.lists(function_codes(), min_size=1, max_size=max_lines, unique=True))
    amounts = money(
        unit=presentation.unit, places=presentation.places, max_value=_cap(presentation)
    )
    lines = []
    for code in codes:
        basic, project = draw(amounts), draw(st.one_of(st.just(Money.of(0)), amounts))
        lines.append(
            ExpenditureLine(
                code=code,
                name=f"科目{code}",
                basic=Funds(general_public=basic),
                project=Funds(general_public=project),
            )
        )
    return tuple(lines)


def _cap(presentation: Presentation) -> int:
    return 10_000 if presentation.unit is Unit.WAN_YUAN else 100_000_000


@st.composite
def budgets(
    draw: st.DrawFn,
    *,
    year: int | None = None,
    presentation: Presentation | None = None,
    max_lines: int = 8,
) -> Budget:
    """
    Consistent budgets: income equals spending, the economic lines add up to basic
    expenditure, the projects to project expenditure, and staffing to its parts.
    """
    chosen = presentation or draw(presentations())
    lines = draw(_lines(chosen, max_lines))
    basic = sum((line.basic.general_public for line in lines), Money.of(0))
    projects = tuple(
        Project(
            name=f"项目{i}",
            function_code=line.code,
            amount=line.project.general_public,
            by_economic=(
                EconomicAmount(code=EconomicCode("302"), amount=line.project.general_public),
            ),
        )
        for i, line in enumerate(lines)
        if line.project.general_public
    )
    in_service, retired, contract = (draw(st.integers(0, 200)) for _ in range(3))
    staffing = Staffing(
        authorized=Headcount(count=draw(st.integers(0, 300))),
        actual=Headcount(count=in_service + retired + contract),
        in_service=Headcount(count=in_service),
        retired=Headcount(count=retired),
        contract=Headcount(count=contract),
    )
    three = draw(
        st.builds(
            ThreePublic,
            outbound=money(max_value=5),
            vehicle_purchase=money(max_value=30),
            vehicle_operation=money(max_value=30),
            reception=money(max_value=5),
        )
    )
    goods, works, services = (draw(money(max_value=500)) for _ in range(3))
    return Budget(
        year=year if year is not None else draw(st.integers(2015, 2030)),
        kind=BudgetKind.BUDGET,
        scope=draw(st.sampled_from(Scope)),
        presentation=chosen,
        profile=Profile(
            name=draw(st.sampled_from(("监控中心", "某某街道办事处"))), staffing=staffing
        ),
        income=Funds(general_public=sum((line.total for line in lines), Money.of(0))),
        expenditure=lines,
        basic_by_economic=(
            EconomicLine(code=EconomicCode("30101"), name="基本工资", personnel=basic),
        ),
        projects=projects,
        three_public=three,
        admin_costs=draw(st.one_of(st.none(), money(max_value=100))),
        procurement=Procurement(
            total=goods + works + services, goods=goods, works=works, services=services
        ),
    )


def _hypothesis_setup_hook() -> None:
    """Registered through the ``hypothesis`` entry point: ``st.from_type(Budget)`` works."""
    st.register_type_strategy(Money, money())
    st.register_type_strategy(FunctionCode, function_codes())
    st.register_type_strategy(EconomicCode, economic_codes())
    st.register_type_strategy(Budget, budgets())
