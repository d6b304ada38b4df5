"""The worked example of docs/testing.md: a third party tests its comparator with the strategies."""

from __future__ import annotations

from collections.abc import Iterator

from attrs import frozen
from hypothesis import given

import budgetdiff
from budgetdiff import Budget, Change
from budgetdiff.plugin import Comparator, CompareContext, Subject
from budgetdiff.testing.strategies import PairPlan, budget_pairs, budgets


@frozen
class ProjectCount:
    """The third party's comparator (docs/plugins.md): the number of projects."""

    name: str = "acme.project_count"

    def compare(self, old: Budget, new: Budget, context: CompareContext) -> Iterator[Change]:
        yield Change(
            comparator=self.name,
            subject=Subject(kind="acme", key="projects", name="项目个数"),
            old=len(old.projects),
            new=len(new.projects),
        )


MINE: dict[str, Comparator] = {"acme.project_count": ProjectCount()}


@given(budgets())
def test_no_change_against_itself(budget: Budget) -> None:
    assert budgetdiff.compare(budget, budget, comparators=MINE).changes == ()


@given(budget_pairs())
def test_counts_new_and_ended_projects(pair: tuple[Budget, Budget, PairPlan]) -> None:
    old, new, plan = pair
    change = budgetdiff.compare(old, new, comparators=MINE).get("acme:projects")
    assert change is not None
    assert change.delta == len(plan.new_projects) - len(plan.ended_projects)
