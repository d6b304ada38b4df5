"""The seed normalised into the bundled 2021 example, every choice it made recorded."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

import budgetdiff
from budgetdiff import Budget, Money, Unit
from budgetdiff._normalize.normalize import normalize
from budgetdiff._normalize.normalized import Normalized, ResolutionKind
from budgetdiff._read.disclosure import Disclosure
from budgetdiff._read.reader import read

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "changji" / "2021.yaml"


@pytest.fixture
def normalized(seed_path: Path) -> Normalized:
    found = read(seed_path)
    assert isinstance(found, Disclosure)
    return normalize(found)


def test_normalised_seed_is_the_bundled_example(normalized: Normalized) -> None:
    """
    The budget normalised from the seed equals ``examples/changji/2021.yaml``, except
    for what the example writes by hand rather than as printed:

    * ``notes``: the example's are its author's English; the normaliser's are the
      messages of its resolutions (checked below to cover the same five points);
    * the projects' ``policy_basis``, ``scale`` and performance ``goal``: printed in
      the seed and kept by the normaliser, left out of the example;
    * the texts of funding items of the second and third projects: the example
      summarises them in its own words ("1-5项（机房软硬件…）3年合计"), which cannot
      be reached from the printed text; their amounts (51, 29, 20) are compared.
    """
    expected = budgetdiff.load(EXAMPLE)
    got = normalized.budget

    def comparable(budget: Budget) -> Budget:
        projects = [
            attrs.evolve(
                p,
                policy_basis="",
                scale="",
                performance=p.performance and attrs.evolve(p.performance, goal=""),
                funding_items=[
                    attrs.evolve(i, text=i.text if n == 0 else "") for i in p.funding_items
                ],
            )
            for n, p in enumerate(budget.projects)
        ]
        return attrs.evolve(budget, notes=(), projects=projects)

    assert comparable(got) == comparable(expected)
    assert got.projects[0].funding_items == expected.projects[0].funding_items
    assert got.projects[0].policy_basis.startswith("《优化营商环境条例》")
    kinds = sorted(r.kind.value for r in normalized.resolutions)
    assert kinds == sorted(["conflict", "code", "name", "name", "code", "code", "code", "dropped"])
    assert got.notes == tuple(r.message_en for r in normalized.resolutions)


def test_conflict_names_2101103_with_both_values_and_locations(normalized: Normalized) -> None:
    (conflict,) = normalized.conflicts
    assert conflict.subject.startswith("2101103")
    assert conflict.chosen == Money.of("1.19", Unit.WAN_YUAN)
    assert set(conflict.values) == {
        Money.of("1.19", Unit.WAN_YUAN),
        Money.of("1.18", Unit.WAN_YUAN),
    }
    where = {
        (c.location.table, c.location.column, c.location.line): c.value for c in conflict.copies
    }
    assert where[("表二", "总  计", 262)] == Money.of("1.19", Unit.WAN_YUAN)
    assert where[("表三", "基本支出", 505)] == Money.of("1.18", Unit.WAN_YUAN)
    assert where[("表五", "基本支出", 989)] == Money.of("1.18", Unit.WAN_YUAN)
    assert "1.19" in conflict.message
    assert "1.18" in conflict.message


def test_resolutions_reach_the_examples_choices(normalized: Normalized) -> None:
    by_rule = {r.rule: r for r in normalized.resolutions}
    code = by_rule["normalize.economic_code"]
    assert (code.copies[0].value, code.chosen, code.copies[0].location.line) == (
        "30213",
        "30226",
        1260,
    )
    project = by_rule["normalize.function_code"]
    assert (project.copies[0].value, project.chosen) == ("3110399", "2110399")
    dropped = by_rule["normalize.staffing_change"]
    assert dropped.kind is ResolutionKind.DROPPED
    assert [c.location.line for c in dropped.copies] == [7, 1851]
    names = [r.chosen for r in normalized.resolutions if r.rule == "normalize.economic_name"]
    assert names == ["其他社会保障缴费", "其他商品和服务支出"]
