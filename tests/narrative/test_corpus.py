"""
`claims` and `check_claims` on real documents: the seed and the Shanghai corpus.

The documents live beside the repository (``../shared``); a fresh clone
without them skips these tests.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import pytest

from budgetdiff._model.findings import Finding, Severity
from budgetdiff._model.money import Money, Unit
from budgetdiff._narrative.claims import (
    AmountClaim,
    BaseKind,
    ChangeClaim,
    Claim,
    CountClaim,
    Direction,
    ListClaim,
    PercentClaim,
    PercentRole,
    ReasonClaim,
)
from budgetdiff._narrative.consistency import check_claims
from budgetdiff._narrative.extract import claims

SHARED = Path(__file__).resolve().parents[3] / "shared"
SEED = "seed/000_6744f868e7b5c5a3.txt"
P03 = "corpus/shanghai/p03_2025_budget_dept_shanghai_putuo_wanli_jiedao.txt"
P05 = "corpus/shanghai/p05_2024_budget_unit_shanghai_putuo_shehui_fuliyuan.txt"
P11 = "corpus/shanghai/p11_2024_final_dept_shanghai_putuo_caizhengju.txt"
P12 = "corpus/shanghai/p12_2024_final_dept_putuo_caizhengju_SEEDED_ERRORS.txt"

C = TypeVar("C", bound=Claim)


@cache
def _read(name: str) -> tuple[tuple[Claim, ...], tuple[Finding, ...]]:
    found = claims((SHARED / name).read_text(encoding="utf-8"), source=name)
    return found, check_claims(found)


def document(name: str) -> tuple[tuple[Claim, ...], tuple[Finding, ...]]:
    if not (SHARED / name).exists():
        pytest.skip(f"{SHARED / name} is not present (the shared seed and corpus sit beside main)")
    return _read(name)


def wan(value: str) -> Money:
    return Money.of(value, Unit.WAN_YUAN)


def at(found: tuple[Claim, ...], cls: type[C], line: int, **where: Any) -> list[C]:
    return [
        c
        for c in found
        if isinstance(c, cls)
        and c.line == line
        and all(
            (c.subject.name if k == "subject" else getattr(c, k)) == v for k, v in where.items()
        )
    ]


def summary(findings: tuple[Finding, ...], *, at_least: Severity = Severity.NOTE) -> set[Any]:
    return {
        (f.rule, f.severity, tuple(sorted({loc.line or 0 for loc in f.locations})))
        for f in findings
        if f.severity.at_least(at_least)
    }


# ---------------------------------------------------------------- the seed: extraction


def test_seed_totals_and_the_income_change() -> None:
    found, _ = document(SEED)
    assert at(found, AmountClaim, 1826, amount=wan("433.34"))
    (change,) = at(found, ChangeClaim, 1831, subject="一般公共预算")
    assert change.delta == wan("290.1")
    assert found[change.current or 0].amount == wan("433.34")  # type: ignore[attr-defined]


def test_seed_basic_expenditure() -> None:
    found, _ = document(SEED)
    (basic,) = at(found, AmountClaim, 1836, subject="基本支出")
    assert basic.amount == wan("318.34")
    (share,) = at(found, PercentClaim, 1836, role=PercentRole.SHARE)
    assert share.value == Decimal("73.46")
    assert share.part == basic.id
    (change,) = at(found, ChangeClaim, 1845, subject="基本支出")
    assert change.delta == wan("247.68")
    assert change.base.kind is BaseKind.PRIOR_BUDGET
    (growth,) = at(found, PercentClaim, 1845, role=PercentRole.GROWTH, subject="基本支出")
    assert growth.value == Decimal("350.52")
    assert growth.change == change.id


def test_seed_project_expenditure_stated_twice() -> None:
    found, _ = document(SEED)
    (first,) = at(found, ChangeClaim, 1837, subject="项目支出")
    (second,) = at(found, ChangeClaim, 1845, subject="项目支出")
    assert (first.delta, second.delta) == (wan("42.42"), wan("77.42"))
    (amount,) = at(found, AmountClaim, 1845, subject="项目支出")
    assert amount.amount == wan("115")
    (growth,) = at(found, PercentClaim, 1845, subject="项目支出")
    assert growth.value == Decimal("106.66")
    (reason,) = at(found, ReasonClaim, 1837)
    assert reason.explains == first.id
    cited = [found[c] for c in reason.cites]
    assert [c.amount for c in cited if isinstance(c, AmountClaim)] == [
        wan("80"),
        wan("15"),
        wan("20"),
    ]


def test_seed_three_public_and_office_costs() -> None:
    found, _ = document(SEED)
    (three,) = at(found, ChangeClaim, 1882, subject="一般公共预算三公经费")
    assert three.delta == -wan("0.09")
    residue = at(found, ChangeClaim, 1882, direction=Direction.UNCLEAR)
    assert len(residue) == 2
    (office,) = at(found, AmountClaim, 1887)
    assert office.amount == wan("9.59")
    (change,) = at(found, ChangeClaim, 1887)
    assert change.delta == wan("0.03")
    (growth,) = at(found, PercentClaim, 1887)
    assert growth.value == Decimal("0.31")


def test_seed_procurement_list() -> None:
    found, _ = document(SEED)
    (lst,) = at(found, ListClaim, 1889)
    assert found[lst.whole or 0].amount == wan("150.05")  # type: ignore[attr-defined]
    assert [found[p].amount for p in lst.parts] == [  # type: ignore[attr-defined]
        wan("19.05"),
        wan("0"),
        wan("131"),
    ]


def test_seed_per_code_changes() -> None:
    found, _ = document(SEED)
    by_code = {
        c.subject.code: c.delta
        for c in found
        if isinstance(c, ChangeClaim) and c.subject.code and 1851 <= c.line <= 1856
    }
    assert by_code == {
        "2111101": wan("236.24"),
        "2080505": wan("6.32"),
        "2101102": wan("3.75"),
        "2101103": wan("1.18"),
        "2101199": wan("0.18"),
        "2110399": wan("77.42"),
    }
    (typo,) = at(found, ChangeClaim, 1852)
    assert typo.base.typo


def test_seed_staffing() -> None:
    found, _ = document(SEED)
    counts = {c.subject.name: c.count for c in at(found, CountClaim, 7) if c.direction is None}
    assert counts == {"编制数": 5, "实有人数": 38, "在职": 5, "退休": 0, "员额控制人员": 33}
    flat = at(found, CountClaim, 7, direction=Direction.FLAT)
    assert [c.subject.name for c in flat] == ["在职", "退休", "员额控制人员"]
    (lst,) = at(found, ListClaim, 7)
    assert [found[p].count for p in lst.parts] == [5, 0, 33]  # type: ignore[attr-defined]


def test_seed_basic_split_is_a_list() -> None:
    found, _ = document(SEED)
    (lst,) = at(found, ListClaim, 1858)
    assert [found[p].subject.name for p in lst.parts] == ["人员经费", "公用经费"]


# ---------------------------------------------------------------- the seed: its contradictions

SEED_FINDINGS = {
    ("narrative.percent_base", Severity.ERROR, (1837, 1845)),
    ("narrative.restated_change", Severity.ERROR, (1837, 1845)),
    ("narrative.restated_change", Severity.WARNING, (7, 1831, 1851)),
    ("narrative.restated_amount", Severity.WARNING, (1828, 1842, 1849)),
    ("narrative.reasons_exceed", Severity.WARNING, (1837,)),
    ("narrative.reasons_exceed", Severity.WARNING, (1845,)),
    ("narrative.reasons_exceed", Severity.WARNING, (1856,)),
    ("narrative.residue", Severity.WARNING, (1882,)),
    ("narrative.base_typo", Severity.NOTE, (1852,)),
}


def test_seed_narrative_contradicts_itself_exactly_so() -> None:
    _, findings = document(SEED)
    assert summary(findings) == SEED_FINDINGS
    assert len([f for f in findings if f.rule == "narrative.residue"]) == 2


def test_seed_growth_of_project_spending_explained() -> None:
    """106.66% is +77.42 over the prior implied by +42.42 (line 1837), not over 37.58."""
    _, findings = document(SEED)
    (finding,) = [f for f in findings if f.rule == "narrative.percent_base"]
    assert finding.expected == Decimal("206.01")
    assert finding.actual == Decimal("106.66")
    assert "第1837行" in finding.message


# ---------------------------------------------------------------- Shanghai budgets: no false errors


def test_p05_has_only_its_empty_reason() -> None:
    _, findings = document(P05)
    assert summary(findings) == {("narrative.residue", Severity.WARNING, (1042,))}


def test_p03_errors_are_the_building_area_typo() -> None:
    """
    p03's only error is real: 计容 7998 + 不计容 105 = 8103 m², printed as 8013
    (and 8103 + 5356 = 13459, the stated total, so 8013 is the typo).
    """
    _, findings = document(P03)
    assert summary(findings) == {
        ("narrative.parts_sum", Severity.ERROR, (2621,)),
        ("narrative.parts_sum", Severity.WARNING, (2621,)),
    }


def test_p03_extraction() -> None:
    found, _ = document(P03)
    (income,) = at(found, AmountClaim, 86, subject="收入")
    assert income.amount == wan("18976.76")
    (change,) = at(found, ChangeClaim, 87)
    assert change.delta == wan("3355.65")
    assert change.base.year == 2024
    coded = at(found, AmountClaim, 93)
    assert coded[0].subject.names == ("一般公共服务支出", "统计信息事务", "专项普查活动")
    lists = at(found, ListClaim, 2593)
    assert len(lists) == 2  # the three items' amounts and their changes


# ---------------------------------------------------------------- p11 (displaced numbers) and p12


def test_p11_numbers_are_read_in_place() -> None:
    found, _ = document(P11)
    (total,) = at(found, AmountClaim, 1834, subject="收入支出总计")
    assert total.amount == wan("2995.39")
    (change,) = at(found, ChangeClaim, 1836)
    assert change.delta == -wan("56.95")
    assert change.current == total.id
    (growth,) = at(found, PercentClaim, 1836)
    assert growth.signed == Decimal("-1.87")


def test_p11_reports_only_its_real_share_error() -> None:
    """2106.66 of 2940.05 is 71.65%, printed 71.73% (and the shares add up to 100.07%)."""
    _, findings = document(P11)
    assert summary(findings, at_least=Severity.WARNING) == {
        ("narrative.share_sum", Severity.ERROR, (1865, 1867, 1869)),
        ("narrative.share_amount", Severity.ERROR, (1863, 1865)),
    }


P12_INSERTED = {
    ("narrative.residue", Severity.WARNING, (111,)),  # 上海市普陀区XX局
    ("narrative.year", Severity.WARNING, (1559,)),  # 第三部分 … 2023年度 (the report is 2024)
    ("narrative.delta_growth", Severity.ERROR, (1561, 1562)),  # 收入支出总计 0 万元
    ("narrative.direction", Severity.ERROR, (1597,)),  # 决算数大于预算数: 1511.89 < 1560.05
    ("narrative.direction", Severity.ERROR, (1626, 1627)),  # 大于: 80.38 < 80.81
    ("narrative.direction", Severity.ERROR, (1636,)),  # 等于: 60.99 ≠ 62.29
    ("narrative.year", Severity.WARNING, (1707,)),  # 截至2023年12月31日 in a 2024 决算
}


def test_p12_inserted_errors_are_found_from_the_narrative_alone() -> None:
    _, original = document(P11)
    _, seeded = document(P12)
    shared = {(rule, severity) for rule, severity, _ in summary(original)}
    new = {f for f in summary(seeded) if (f[0], f[1]) not in shared}
    assert new == P12_INSERTED
