"""Properties of the arithmetic over generated years (the shipped strategies)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import budgetdiff
from budgetdiff import Budget, Direction, Money
from budgetdiff.testing.strategies import (
    PairPlan,
    Perturbation,
    budget_pairs,
    budgets,
    perturbed_disclosures,
)

Pair = tuple[Budget, Budget, PairPlan]


@given(budget_pairs())
def test_controlled_changes_are_found(pair: Pair) -> None:
    """Moved contributions, new projects, a change of staff: each is found as planned."""
    old, new, plan = pair
    result = budgetdiff.compare(old, new)
    for frm, to, amount in plan.moved:
        moved = result.get(f"reclassified:{frm}>{to}")
        assert moved is not None
        assert moved.new == amount
    for name in plan.new_projects:
        assert any(c.subject.name == name and c.direction is Direction.NEW for c in result.changes)
    for name in plan.ended_projects:
        assert any(
            c.subject.name == name and c.direction is Direction.DISCONTINUED for c in result.changes
        )
    staff = result.get("staff:contract")
    assert staff is not None
    assert staff.delta == plan.staff_change
    for code in plan.zero_base_codes:
        line = result.get(f"function:{code}")
        assert line is not None
        assert line.growth is None  # never a rate on a zero base


@settings(max_examples=40)
@given(budget_pairs())
def test_every_draft_verifies_against_its_own_budgets(pair: Pair) -> None:
    """draft(strict=True) raises on anything its self-check finds, so this is the property."""
    comparison = budgetdiff.compare(pair[0], pair[1])
    for locale in ("zh_CN", "en"):
        result = budgetdiff.draft(comparison, locale=locale, strict=True)
        data = result.data()
        sources = [
            n["source"] for s in data["sections"] for p in s["paragraphs"] for n in p["numbers"]
        ]
        assert "untraced" not in sources


def floats_in(value: Any, path: str = "") -> list[str]:
    """Every float reachable from *value* (attrs objects, mappings, sequences), by path."""
    if isinstance(value, float):
        return [path]
    if isinstance(value, Money | Decimal | str | bytes | int | None):
        return []
    if attrs.has(type(value)):
        return [
            p
            for f in attrs.fields(type(value))
            for p in floats_in(getattr(value, f.name), f"{path}.{f.name}")
        ]
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in floats_in(v, f"{path}[{k!r}]")]
    if isinstance(value, list | tuple):
        return [p for i, v in enumerate(value) for p in floats_in(v, f"{path}[{i}]")]
    return []


@settings(max_examples=25)
@given(budget_pairs())
def test_no_float_anywhere(pair: Pair) -> None:
    """Budgets, comparisons, drafts and their plain-data forms hold no float."""
    from budgetdiff._cli.data import comparison_data

    old, new, _ = pair
    result = budgetdiff.compare(old, new)
    draft = budgetdiff.draft(result)
    for thing in (
        old,
        new,
        result.changes,
        result.unchanged,
        draft,
        comparison_data(result),
        draft.data(),
        budgetdiff.derive_tables(new),
    ):
        assert floats_in(thing) == []
    for change in result.changes:
        assert not isinstance(change.growth, float)
        assert not isinstance(change.delta, float)


@given(st.from_type(Budget))
def test_from_type_uses_the_shipped_strategy(budget: Budget) -> None:
    """The hypothesis entry point registers the strategies: st.from_type(Budget) works."""
    assert budgetdiff.validate(budget) is not None
    assert budget.income.total == budget.expenditure_total


@given(budgets(), budgets())
def test_compare_never_fails_on_consistent_budgets(a: Budget, b: Budget) -> None:
    assert budgetdiff.compare(a, b).failures == ()


@settings(max_examples=30)
@given(budgets())
def test_reading_a_rendered_disclosure_gives_back_the_budget(budget: Budget) -> None:
    """
    render → read → normalize is the identity on every figure the tables print.

    (The printed precision is read from the figures: a table whose amounts happen to
    need fewer decimals than the budget's presentation reads back with fewer.)
    """
    from budgetdiff._read.reader import read_bytes
    from budgetdiff.testing.render import render_disclosure

    assume(budget.expenditure_total)  # an all-blank document does not show its precision
    text = render_disclosure(budget)
    document = read_bytes(text.encode("utf-8"), source="rendered.txt")
    assert isinstance(document, budgetdiff.Disclosure)
    back = budgetdiff.normalize(document).budget
    assert back.year == budget.year
    assert back.presentation.unit == budget.presentation.unit
    assert back.income == budget.income
    assert [(ln.code, ln.basic, ln.project) for ln in back.expenditure] == [
        (ln.code, ln.basic, ln.project) for ln in budget.expenditure
    ]
    assert [(e.code, e.personnel, e.public_use) for e in back.basic_by_economic] == [
        (e.code, e.personnel, e.public_use) for e in budget.basic_by_economic if e.total
    ]  # a line of zeros prints as a blank row
    assert [(p.name, p.function_code, p.amount) for p in back.projects] == [
        (p.name, p.function_code, p.amount) for p in budget.projects
    ]
    assert back.three_public == budget.three_public


@settings(max_examples=30)
@given(perturbed_disclosures())
def test_a_single_perturbed_cell_is_named(case: Perturbation) -> None:
    """The shipped strategy's perturbed disclosures: every check run, the changed cell named."""
    from budgetdiff._read.reader import read_bytes

    document = read_bytes(case.text.encode("utf-8"), source="perturbed.txt")
    assert isinstance(document, budgetdiff.Disclosure)
    report = budgetdiff.check(document)
    assert report.failures == ()
    named = [f for f in report.findings if any(loc.line == case.line for loc in f.locations)]
    assert named, f"line {case.line}: {case.printed!r} → {case.now!r} went unnoticed"
