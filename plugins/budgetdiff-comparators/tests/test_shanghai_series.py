"""The real series of one unit (万里街道 2023 → 2024 → 2025), read from the published texts."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import budgetdiff
from budgetdiff import Budget, Direction, Unit
from budgetdiff.model import half_up

SHANGHAI = Path(__file__).resolve().parents[4] / "shared" / "corpus" / "shanghai"
FILES = {
    2023: "p01_2023_budget_dept_shanghai_putuo_wanli_jiedao.txt",
    2024: "p02_2024_budget_dept_shanghai_putuo_wanli_jiedao.txt",
    2025: "p03_2025_budget_dept_shanghai_putuo_wanli_jiedao.txt",
}


@pytest.fixture(scope="module")
def series() -> dict[int, Budget]:
    if not SHANGHAI.exists():
        pytest.skip(f"{SHANGHAI} is not present (the corpus lives beside the repo in CI)")
    out = {}
    for year, name in FILES.items():
        document = budgetdiff.read(SHANGHAI / name)
        assert isinstance(document, budgetdiff.Disclosure)
        out[year] = budgetdiff.normalize(document).budget
    return out


def wan(change: budgetdiff.Change) -> Decimal:
    delta = change.delta
    assert isinstance(delta, budgetdiff.Money)
    return half_up(delta.to(Unit.WAN_YUAN), 2)


def test_2024_against_2023_as_the_narrative_states(series: dict[int, Budget]) -> None:
    """p02: 收入/支出预算 … 比2023年预算减少876.75万元."""
    result = budgetdiff.compare(series[2023], series[2024])
    total = result.get("total:expenditure")
    assert total is not None
    assert total.direction is Direction.DECREASE
    assert wan(total) == Decimal("-876.75")
    assert result.failures == ()


def test_2025_against_2024_and_why_the_narrative_says_3355_65(series: dict[int, Budget]) -> None:
    """
    p03 says 比2024年预算增加3,355.65万元.  The tables (in 元) give 189,767,551 and
    156,211,123: the exact increase is 33,556,428 元, 3,355.64万元 四舍五入.  The
    narrative subtracted the rounded totals (18,976.76 − 15,621.11 = 3,355.65):
    a rounding of the presentation, not of the budget.
    """
    result = budgetdiff.compare(series[2024], series[2025])
    total = result.get("total:expenditure")
    assert total is not None
    assert total.old == budgetdiff.Money.of("156211123")
    assert total.new == budgetdiff.Money.of("189767551")
    assert wan(total) == Decimal("3355.64")
    rounded = [
        half_up(m.to(Unit.WAN_YUAN), 2)
        for m in (total.new, total.old)
        if isinstance(m, budgetdiff.Money)
    ]
    assert rounded[0] - rounded[1] == Decimal("3355.65")
    three = result.get("three_public:total")
    assert three is not None
    assert wan(three) == Decimal("-10")  # 比2024年预算减少10万元
    vehicles = result.get("three_public:vehicle_purchase")
    assert vehicles is not None
    assert wan(vehicles) == Decimal("-10")  # 公务用车购置费 … 减少10万元


def test_series_compares_in_both_directions(series: dict[int, Budget]) -> None:
    forward = budgetdiff.compare(series[2024], series[2025])
    backward = budgetdiff.compare(series[2025], series[2024])
    f, b = forward.get("total:project"), backward.get("total:project")
    assert f is not None
    assert b is not None
    assert f.delta == -b.delta
