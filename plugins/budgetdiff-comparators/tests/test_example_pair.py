"""The first-party comparators on the bundled example pair (2020 reconstructed → 2021 published)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import budgetdiff
from budgetdiff import Change, Comparison, Direction, Money, Unit
from budgetdiff.model import half_up

EXAMPLES = Path(__file__).resolve().parents[3] / "examples" / "changji"


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    old = budgetdiff.load(EXAMPLES / "2020.yaml")
    new = budgetdiff.load(EXAMPLES / "2021.yaml")
    return budgetdiff.compare(old, new)


def wan(text: str) -> Money:
    return Money.of(text, Unit.WAN_YUAN)


def get(comparison: Comparison, change_id: str) -> Change:
    change = comparison.get(change_id)
    assert change is not None, change_id
    return change


def growth(change: Change) -> Decimal | None:
    return None if change.growth is None else half_up(change.growth, 2)


@pytest.mark.parametrize(
    ("change_id", "delta", "rate"),
    [
        ("total:expenditure", "290.1", "202.53"),
        ("total:income", "290.1", "202.53"),
        ("total:basic", "247.68", "350.52"),
        ("total:project", "42.42", "58.45"),
        ("function:2111101", "236.24", "334.33"),
        ("admin_costs:total", "0.03", "0.31"),
    ],
)
def test_changes_the_narrative_states(
    comparison: Comparison, change_id: str, delta: str, rate: str
) -> None:
    change = get(comparison, change_id)
    assert change.delta == wan(delta)
    assert growth(change) == Decimal(rate)
    assert change.direction is Direction.INCREASE


@pytest.mark.parametrize(
    ("code", "amount"),
    [("2080505", "6.32"), ("2101102", "3.75"), ("2101103", "1.19"), ("2101199", "0.18")],
)
def test_contributions_moved_out_of_2111101(comparison: Comparison, code: str, amount: str) -> None:
    """Pension and medical contributions: 2020 under 2111101, 2021 under their own codes."""
    moved = get(comparison, f"reclassified:2111101>{code}")
    assert moved.new == wan(amount)
    assert moved.note == "inferred"
    line = get(comparison, f"function:{code}")
    assert line.direction is Direction.NEW
    assert line.growth is None  # never 增长100% on a zero base
    assert [d.change for d in line.drivers] == [moved.id]
    source = get(comparison, "function:2111101")
    assert any(d.change == moved.id and d.relation == "moved_out" for d in source.drivers)


def test_contract_staff_drive_other_wages(comparison: Comparison) -> None:
    """+33 员额控制人员 → 其他工资福利支出 +246.24 → 基本支出 +247.68."""
    staff = get(comparison, "staff:contract")
    assert staff.delta == 33
    wages = get(comparison, "economic:30199")
    assert wages.delta == wan("246.24")
    assert wages.direction is Direction.NEW
    assert [d.change for d in wages.drivers] == ["staff:contract"]
    assert wages.drivers[0].relation == "cause"
    basic = get(comparison, "total:basic")
    chain = [c.id for c in comparison.all_drivers(basic)]
    assert chain[:3] == ["economic:301", "economic:30199", "staff:contract"]


def test_three_new_projects_and_the_discontinued_one(comparison: Comparison) -> None:
    projects = {c.subject.name: c for c in comparison.of_kind("project")}
    new = {n: c.new for n, c in projects.items() if c.direction is Direction.NEW}
    assert new == {
        "信息化运维": wan("80"),
        "会议系统及音视频运维、电视电话会议链路费": wan("15"),
        "移动遥感监测设备运维": wan("20"),
    }
    total = get(comparison, "total:project")
    parts = sum((get(comparison, d.change).delta for d in total.drivers), Money.of(0))
    assert parts == total.delta  # the projects explain the change exactly


def test_three_public_reception_to_zero(comparison: Comparison) -> None:
    reception = get(comparison, "three_public:reception")
    assert (reception.old, reception.new) == (wan("0.09"), wan("0"))
    assert reception.delta == wan("-0.09")
    assert reception.direction is Direction.DISCONTINUED
    total = get(comparison, "three_public:total")
    assert total.delta == wan("-0.09")
    outbound = get(comparison, "three_public:outbound")
    assert outbound.direction is Direction.FLAT
    assert outbound in comparison.unchanged


def test_structure_shares(comparison: Comparison) -> None:
    basic = get(comparison, "share:basic")
    assert isinstance(basic.new, Decimal)
    assert half_up(basic.new, 2) == Decimal("73.46")
    project = get(comparison, "share:project")
    assert isinstance(project.new, Decimal)
    assert half_up(project.new, 2) == Decimal("26.54")
    health = get(comparison, "share:function:210")
    assert isinstance(health.new, Decimal)
    assert half_up(health.new, 2) == Decimal("1.18")


def test_class_changes_are_the_sum_of_their_sections(comparison: Comparison) -> None:
    for change in comparison.of_kind("function"):
        parts = [
            d for d in change.drivers if d.relation == "part" and d.change.startswith("function:")
        ]
        if parts:
            total = sum((get(comparison, d.change).delta for d in parts), Money.of(0))
            assert total == change.delta, change.id
