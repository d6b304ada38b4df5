"""Each first-party comparator on small budgets built for the test."""

from __future__ import annotations

from attrs import evolve
from hypothesis import given

import budgetdiff
from budgetdiff import Budget, Direction, EconomicCode, FunctionCode, Money, Unit
from budgetdiff.model import (
    EconomicAmount,
    EconomicLine,
    ExpenditureLine,
    Funds,
    Headcount,
    Profile,
    Project,
    Staffing,
    ThreePublic,
)
from budgetdiff.testing import strategies as bst
from budgetdiff_comparators.projects import match_projects, project_key


def wan(text: str) -> Money:
    return Money.of(text, Unit.WAN_YUAN)


def budget(year: int, *projects: Project, three_public: ThreePublic | None = None) -> Budget:
    lines = [
        ExpenditureLine(
            code=FunctionCode("2010101"), name="行政运行", basic=Funds(general_public=wan("100"))
        )
    ]
    for p in projects:
        lines.append(
            ExpenditureLine(
                code=p.function_code, name="项目", project=Funds(general_public=p.amount)
            )
        )
    return Budget(
        year=year,
        profile=Profile(name="测试单位"),
        expenditure=lines,
        projects=projects,
        three_public=three_public,
    )


def project(name: str, amount: str, code: str = "2010102") -> Project:
    return Project(
        name=name,
        function_code=FunctionCode(code),
        amount=wan(amount),
        by_economic=[EconomicAmount(code=EconomicCode("302"), amount=wan(amount))],
    )


def test_project_names_match_robustly() -> None:
    """Full-width characters, punctuation and small wording changes still match."""
    assert project_key("信息化运维（二期）") == project_key("信息化运维(二期)")
    old = budget(
        2020,
        project("智慧城管平台运维项目", "10", "2010102"),
        project("垃圾分类宣传", "5", "2010103"),
    )
    new = budget(
        2021, project("智慧城管平台运维", "12", "2010102"), project("ＡＢＣ专项", "3", "2010104")
    )
    pairs = {
        (p.old.name if p.old else None, p.new.name if p.new else None)
        for p in match_projects(old, new)
    }
    assert ("智慧城管平台运维项目", "智慧城管平台运维") in pairs
    assert ("垃圾分类宣传", None) in pairs
    assert (None, "ＡＢＣ专项") in pairs


def test_new_discontinued_and_changed_projects() -> None:
    old = budget(2020, project("甲", "10"), project("乙", "5", "2010103"))
    new = budget(2021, project("甲", "12"), project("丙", "3", "2010104"))
    result = budgetdiff.compare(old, new, comparators=["standard.projects"])
    directions = {c.subject.name: c.direction for c in result.changes}
    assert directions == {
        "甲": Direction.INCREASE,
        "乙": Direction.DISCONTINUED,
        "丙": Direction.NEW,
    }


def test_staffing_links_only_when_the_line_moves_the_same_way() -> None:
    def staffed(contract: int, wages: str) -> Budget:
        base = budget(2020)
        return evolve(
            base,
            profile=Profile(name="测试单位", staffing=Staffing(contract=Headcount(count=contract))),
            basic_by_economic=[
                EconomicLine(
                    code=EconomicCode("30199"), name="其他工资福利支出", personnel=wan(wages)
                )
            ],
        )

    up = budgetdiff.compare(staffed(0, "10"), staffed(3, "20"))
    assert [d.change for d in up.get("economic:30199").drivers] == ["staff:contract"]  # type: ignore[union-attr]
    down = budgetdiff.compare(staffed(0, "20"), staffed(3, "10"))
    assert down.get("economic:30199").drivers == ()  # type: ignore[union-attr]


def test_three_public_not_budgeted_is_zero_not_missing() -> None:
    old = budget(2020, three_public=ThreePublic(reception=wan("0.5")))
    new = budget(2021, three_public=ThreePublic())
    result = budgetdiff.compare(old, new, comparators=["standard.three_public"])
    assert result.get("three_public:reception").direction is Direction.DISCONTINUED  # type: ignore[union-attr]
    assert result.get("three_public:outbound").direction is Direction.FLAT  # type: ignore[union-attr]


def test_structural_fallback_reports_other_fields() -> None:
    old = budget(2020)
    new = evolve(old, year=2021, profile=Profile(name="测试单位", offices=("办公室", "财务科")))
    result = budgetdiff.compare(old, new, comparators=["standard.structural"])
    assert [c.id for c in result.changes] == ["field:profile.offices"]


@given(bst.budgets())
def test_a_budget_compared_with_itself_has_no_changes(b: Budget) -> None:
    result = budgetdiff.compare(b, b)
    assert result.changes == ()
    assert result.failures == ()
