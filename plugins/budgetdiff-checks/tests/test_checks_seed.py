"""The checks on the seed disclosure: the golden list of findings, each located.

The golden file (``golden/seed_findings.txt``) lists every finding, one per line:
severity, rule, every location (table / row / column and line), and the two
numbers.  Regenerate it after a deliberate change with::

    BUDGETDIFF_REGENERATE=1 python -m pytest plugins/budgetdiff-checks/tests/test_checks_seed.py

and review the difference line by line: it must contain nothing false.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from budgetdiff import Disclosure, Report, Severity, check, read
from budgetdiff.plugin import installed
from budgetdiff.testing.findings import describe, describe_all

SHARED = Path(__file__).resolve().parents[4] / "shared"
SEED = SHARED / "seed" / "000_6744f868e7b5c5a3.txt"
GOLDEN = Path(__file__).parent / "golden" / "seed_findings.txt"

FAMILIES = ("read", "table", "tables", "codes", "profile", "project", "matters")


def mine() -> list[str]:
    """The checks of this module's families (the narrative rules are tested on their own)."""
    return [name for name in installed().checks if name.split(".")[0] in FAMILIES]


pytestmark = pytest.mark.skipif(
    not SEED.exists(), reason=f"the seed disclosure is not available at {SEED}"
)


@pytest.fixture(scope="module")
def report() -> Report:
    document = read(SEED)
    assert isinstance(document, Disclosure)
    return check(document, checks=mine())


def test_no_check_fails(report: Report) -> None:
    assert report.failures == ()


def test_golden(report: Report) -> None:
    text = describe_all(report.findings)
    if os.environ.get("BUDGETDIFF_REGENERATE"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_every_finding_is_located(report: Report) -> None:
    for finding in report.findings:
        assert finding.locations, describe(finding)
        assert all(loc.line for loc in finding.locations), describe(finding)


def _lines(report: Report, rule: str, severity: Severity) -> set[int]:
    return {
        loc.line or 0
        for f in report.findings
        if f.rule == rule and f.severity is severity
        for loc in f.locations
    }


@pytest.mark.parametrize(
    ("rule", "severity", "line"),
    [
        # 表二 row 2101103: 总计 1.19 but its only source 一般公共预算 1.18
        ("table.row_sum", Severity.ERROR, 263),
        # 表三 row 2101103: 合计 1.19 but its only part 基本支出 1.18
        ("table.basic_project", Severity.ERROR, 505),
        # 表三 基本支出 adds to 318.33 against 318.34: within rounding
        ("table.column_sum", Severity.NOTE, 657),
        # 表五 合计 "433..34": malformed, suggested 433.34, its checks not run
        ("read.malformed_number", Severity.ERROR, 1124),
        ("table.column_sum.not_checked", Severity.NOTE, 1124),
        # 表五 prints 2101103 as 1.18 where 表二/表三 print 1.19
        ("tables.same_line", Severity.ERROR, 988),
        # 表五 基本支出 adds to 318.33 against 318.34
        ("table.column_sum", Severity.NOTE, 1125),
        # 表七 codes every project 311 03 99
        ("codes.invalid", Severity.ERROR, 1356),
        ("codes.invalid", Severity.ERROR, 1373),
        ("codes.invalid", Severity.ERROR, 1390),
        # 表六: 劳务费 under 30213 (维修（护）费); 30112 and 30299 misnamed
        ("codes.name", Severity.ERROR, 1260),
        ("codes.name", Severity.WARNING, 1232),
        ("codes.name", Severity.WARNING, 1281),
        # 会议系统…链路费: 15万 against items of 15.84 and a cost target of ≤15.84万
        ("project.funding_items", Severity.WARNING, 1866),
        ("project.cost_target", Severity.WARNING, 2124),
        # 政府采购 150.05 > 公用经费 9.59 + 项目支出 115
        ("matters.procurement_capacity", Severity.ERROR, 1889),
        # 员额控制人员 "无增加或减少" against "增加33名员额控制人员"
        ("profile.staffing_change", Severity.ERROR, 1831),
    ],
)
def test_known_inconsistency(report: Report, rule: str, severity: Severity, line: int) -> None:
    assert line in _lines(report, rule, severity), describe_all(report.findings)


def test_nothing_said_of_what_is_consistent(report: Report) -> None:
    described = describe_all(report.findings)
    # 表一's 210 = 5.12 agrees with 3.75 + 1.19 + 0.18; 30107 printed twice is a split
    assert "(line 79)" not in described
    assert "基础性绩效工资" not in described
    assert "奖励性绩效工资" not in described
    # the other two projects' funding items and cost targets add up
    assert "信息化运维 / 项目支出合计" not in described
    assert "移动遥感监测设备运维 / 项目支出合计" not in described
