"""validate(): a budget whose parts do not sum is representable, and flagged, never fixed."""

from __future__ import annotations

from attrs import evolve
from hypothesis import given

import budgetdiff
from budgetdiff import Budget, Money, Severity, Unit
from budgetdiff.model import Funds, Headcount, Procurement, Staffing
from budgetdiff.testing import strategies as bst


def wan(text: str) -> Money:
    return Money.of(text, Unit.WAN_YUAN)


def rules(budget: Budget) -> set[str]:
    return {f.rule for f in budgetdiff.validate(budget) if f.severity is not Severity.NOTE}


def test_example_pair_is_consistent_but_for_what_the_seed_published(
    budget_2020: Budget, budget_2021: Budget
) -> None:
    """The 2021 example keeps the seed's project funding items, which add up to 15.84, not 15."""
    assert rules(budget_2020) == set()
    findings = [f for f in budgetdiff.validate(budget_2021) if f.severity is not Severity.NOTE]
    assert [f.rule for f in findings] == ["budget.project_funding"]
    assert findings[0].expected == wan("15")
    assert findings[0].actual == wan("15.84")
    assert "15.84万元" in findings[0].message
    assert "15.84" in findings[0].message_en


def test_unbalanced_budget_is_representable_and_flagged(budget_2021: Budget) -> None:
    broken = evolve(budget_2021, income=Funds(general_public=wan("433.33")))
    found = {f.rule: f for f in budgetdiff.validate(broken)}
    assert "budget.balance" in found
    assert found["budget.balance"].actual == wan("433.33")
    assert found["budget.balance"].expected == wan("433.34")
    assert broken.income.general_public == wan("433.33")  # nothing was fixed


def test_economic_lines_must_add_up_to_basic(budget_2021: Budget) -> None:
    lines = budget_2021.basic_by_economic[:-1]
    assert "budget.basic_economic" in rules(evolve(budget_2021, basic_by_economic=lines))


def test_project_checks(budget_2021: Budget) -> None:
    project = evolve(budget_2021.projects[1], amount=wan("81"))
    changed = evolve(budget_2021, projects=(budget_2021.projects[0], project))
    assert {"budget.project_total", "budget.project_economic", "budget.project_funding"} <= rules(
        changed
    )


def test_procurement_and_staffing(budget_2021: Budget) -> None:
    buy = Procurement(
        total=wan("150"), goods=wan("19.05"), services=wan("131"), sme_reserved=wan("151")
    )
    staff = Staffing(
        actual=Headcount(count=38),
        in_service=Headcount(count=5),
        retired=Headcount(count=0),
        contract=Headcount(count=32),
    )
    profile = evolve(budget_2021.profile, staffing=staff)
    found = rules(evolve(budget_2021, procurement=buy, profile=profile))
    assert {"budget.procurement_parts", "budget.procurement_reserved", "budget.staffing"} <= found


def test_codes_duplicated_or_nested(budget_2021: Budget) -> None:
    line = budget_2021.expenditure[0]
    nested = evolve(line, code=budgetdiff.FunctionCode("21111"))
    found = rules(evolve(budget_2021, expenditure=(*budget_2021.expenditure, line, nested)))
    assert {"budget.duplicate_code", "budget.overlapping_codes"} <= found


def test_code_names_are_checked_against_the_catalog(budget_2021: Budget) -> None:
    """The seed's 表六 prints 30112 其他社会保险缴费: the catalog says 其他社会保障缴费."""
    econ = [
        evolve(e, name="其他社会保险缴费") if str(e.code) == "30112" else e
        for e in budget_2021.basic_by_economic
    ]
    found = [
        f
        for f in budgetdiff.validate(evolve(budget_2021, basic_by_economic=econ))
        if f.rule == "budget.code_name"
    ]
    assert len(found) == 1
    assert found[0].severity is Severity.WARNING
    assert found[0].expected == "其他社会保障缴费"


@given(bst.budgets())
def test_generated_budgets_validate_clean(budget: Budget) -> None:
    """The shipped strategy draws consistent budgets: no errors or warnings."""
    assert rules(budget) == set()
