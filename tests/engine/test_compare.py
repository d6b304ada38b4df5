"""compare(): properties of the engine over generated budgets, and the JSON schema."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import given

import budgetdiff
from budgetdiff import Budget, Direction, Money
from budgetdiff._cli.data import COMPARISON_SCHEMA, comparison_data
from budgetdiff._cli.main import main
from budgetdiff.testing import strategies as bst
from tests.conftest import EXAMPLES

MIRROR = {
    Direction.INCREASE: Direction.DECREASE,
    Direction.DECREASE: Direction.INCREASE,
    Direction.NEW: Direction.DISCONTINUED,
    Direction.DISCONTINUED: Direction.NEW,
    Direction.REVISED: Direction.REVISED,
}


@given(bst.budgets(year=2020), bst.budgets(year=2021))
def test_compare_is_the_mirror_of_compare_reversed(a: Budget, b: Budget) -> None:
    forward = {
        c.id: c for c in budgetdiff.compare(a, b).changes if c.subject.kind != "reclassified"
    }
    backward = {
        c.id: c for c in budgetdiff.compare(b, a).changes if c.subject.kind != "reclassified"
    }
    assert forward.keys() == backward.keys()
    for key, change in forward.items():
        other = backward[key]
        assert (change.old, change.new) == (other.new, other.old)
        assert MIRROR[change.direction] is other.direction
        if not change.is_text:
            assert change.delta == -other.delta


PARTITIONED = {"total:income", "total:expenditure", "three_public:total", "three_public:vehicles"}


@given(bst.budgets(year=2020), bst.budgets(year=2021))
def test_children_deltas_sum_to_their_parent(a: Budget, b: Budget) -> None:
    """Conservation at every level: 类 = Σ款 = Σ项, totals = Σ parts, exactly."""
    result = budgetdiff.compare(a, b)
    for change in (*result.changes, *result.unchanged):
        kind = change.subject.kind
        if change.id in PARTITIONED or (kind == "function" and len(change.subject.key) < 7):
            parts = [result.get(d.change) for d in change.drivers if d.relation == "part"]
            total = sum((c.delta for c in parts if c is not None), Money.of(0))
            assert total == change.delta, change.id


@given(bst.budgets(year=2020), bst.budgets(year=2021))
def test_shares_of_a_partition_sum_to_one(a: Budget, b: Budget) -> None:
    """Where drivers partition a change, their shares add up to exactly 1."""
    result = budgetdiff.compare(a, b)
    for change in result.changes:
        if change.id in PARTITIONED and change.drivers:
            shares = [d.share for d in change.drivers if d.share is not None]
            assert abs(sum(shares, Decimal(0)) - 1) < Decimal("1e-20"), change.id


def test_json_schema_is_stable_and_exact() -> None:
    old = budgetdiff.load(EXAMPLES / "2020.yaml")
    new = budgetdiff.load(EXAMPLES / "2021.yaml")
    data = comparison_data(budgetdiff.compare(old, new))
    assert data["schema"] == COMPARISON_SCHEMA
    total = next(c for c in data["changes"] if c["id"] == "total:expenditure")
    assert total["old"] == {"amount": "143.24", "unit": "万元"}
    assert total["delta"] == {"amount": "290.1", "unit": "万元"}
    assert total["growth_percent"].startswith("202.527")
    assert total["direction"] == "增加"
    assert {d["id"] for d in total["drivers"]} == {"total:basic", "total:project"}
    assert json.loads(json.dumps(data)) == data  # plain JSON: strings, no floats


def test_cli_compare_formats(capsys: pytest.CaptureFixture[str]) -> None:
    args = [str(EXAMPLES / "2020.yaml"), str(EXAMPLES / "2021.yaml")]
    assert main(["compare", *args]) == 0
    text = capsys.readouterr().out
    assert "支出预算  [total:expenditure]" in text
    assert "143.24 → 433.34  增加 290.1（202.53%）" in text
    assert main(["compare", *args, "--format", "markdown"]) == 0
    assert "| 支出预算 | `total:expenditure` | 143.24 | 433.34 | +290.1 | 202.53% |" in (
        capsys.readouterr().out
    )
    assert main(["compare", *args, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["schema"] == COMPARISON_SCHEMA
