"""`budgetdiff check` on the seed: every inconsistency it contains, each located, nothing false.

The golden file lists every finding of every installed check (tables, cross-references,
codes, profile, projects, other matters and the narrative).  Regenerate after a
deliberate change with
``BUDGETDIFF_REGEN_GOLDEN=1 python -m pytest tests/engine/test_check_seed.py``
and review the difference line by line.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import budgetdiff
from budgetdiff import Severity
from budgetdiff.testing.findings import describe_all
from tests.conftest import shared_path

GOLDEN = Path(__file__).parent / "golden" / "seed_check.txt"

# The seed's inconsistencies, by kind (README of examples/changji and docs/checks.md).
EXPECTED = {
    ("table.row_sum", 262),  # 表二 2101103: 合计 1.19, 一般公共预算 1.18
    ("table.basic_project", 504),  # 表三 2101103: 合计 1.19, 基本支出 1.18
    ("tables.same_line", 263),  # 2101103: 1.18 in 表二/表五 against 1.19
    ("read.malformed_number", 1124),  # 表五 合计 "433..34"
    ("codes.invalid", 1356),  # 表七 311 03 99, three projects
    ("codes.invalid", 1373),
    ("codes.invalid", 1390),
    ("codes.name", 1260),  # 表六 302 13 劳务费 (30213 is 维修（护）费)
    ("codes.name", 1232),  # 表六 其他社会保险缴费
    ("codes.name", 1281),  # 表六 商品和服务支出 under 30299
    ("profile.staffing_change", 7),  # 员额控制人员 "无增加或减少" against +33
    ("project.funding_items", 1361),  # 6 + 3 + 3.84 + 3 = 15.84 against 15
    ("project.cost_target", 1361),  # ≤15.84万 against 15
    ("matters.procurement_capacity", 1889),  # 150.05 > 9.59 + 115
    ("narrative.wrong_subject", 1828),  # 支出预算包括：节能环保支出433.34万元
    ("narrative.restated_change", 1837),  # 项目支出 +42.42 and +77.42
    ("narrative.percent_base", 1845),  # 增长106.66%
    ("narrative.reasons_exceed", 1837),  # reasons 115 for +42.42
    ("narrative.purpose_line", 1842),  # 行政单位医疗: not in the tables
    ("narrative.old_name", 1851),  # 环境监测与信息 (the pre-2019 name)
    ("narrative.conflicting_copy", 1854),  # 公务员医疗补助 1.18
    ("narrative.residue", 1882),  # 增加（减少）
    ("narrative.base_typo", 1852),  # 较上线
}


@pytest.fixture(scope="module")
def report(seed_path: Path) -> budgetdiff.Report:
    return budgetdiff.check(seed_path)


@pytest.fixture(scope="module")
def seed_path() -> Path:
    return shared_path("seed", "000_6744f868e7b5c5a3.txt")


def test_every_inconsistency_is_reported_and_located(report: budgetdiff.Report) -> None:
    found = {(f.rule, loc.line) for f in report.findings for loc in f.locations[:1]}
    assert found >= EXPECTED, EXPECTED - found
    kinds = {rule.split(".")[0] for rule, _ in EXPECTED}
    assert len(kinds) >= 6  # tables, codes, read, profile, project, matters, narrative


def test_golden(report: budgetdiff.Report) -> None:
    text = describe_all(report.findings)
    if os.environ.get("BUDGETDIFF_REGEN_GOLDEN") and not os.environ.get("CI"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert GOLDEN.exists(), f"{GOLDEN} is missing: regenerate it and review it"
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_no_check_fails_and_the_exit_status_says_errors(report: budgetdiff.Report) -> None:
    assert report.failures == ()
    assert report.at_least(Severity.ERROR)
