"""The table checks on the Shanghai corpus (skipped when ../shared is absent).

Every document checks without a crash.  The documents the brief names as
consistent (p03, p05, p06, p11) report no error beyond the genuine errors of
the published text, each listed below with why it is one.  The copy with
deliberately inserted errors (p12) has its table errors found.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from budgetdiff import Disclosure, Finding, Report, Severity, check, read
from budgetdiff.plugin import installed
from budgetdiff.testing.findings import describe_all

SHANGHAI = Path(__file__).resolve().parents[4] / "shared" / "corpus" / "shanghai"
FAMILIES = ("read", "table", "tables", "codes", "profile", "project", "matters")

pytestmark = pytest.mark.skipif(
    not SHANGHAI.is_dir(), reason=f"the Shanghai corpus is not available at {SHANGHAI}"
)


def mine() -> list[str]:
    """The checks of this module's families (the narrative rules are tested on their own)."""
    return [name for name in installed().checks if name.split(".")[0] in FAMILIES]


def _path(prefix: str) -> Path:
    return next(SHANGHAI.glob(f"{prefix}_*.txt"))


@cache
def report(prefix: str) -> Report:
    document = read(_path(prefix))
    assert isinstance(document, Disclosure)
    return check(document, checks=mine())


def _errors(found: Report) -> set[tuple[str, int]]:
    return {
        (f.rule, f.locations[0].line or 0)
        for f in found.findings
        if f.severity is Severity.ERROR and f.locations
    }


def _documents() -> list[str]:
    if not SHANGHAI.is_dir():
        return []
    return sorted(p.name.split("_")[0] for p in SHANGHAI.glob("p*.txt"))


@pytest.mark.parametrize("prefix", _documents())
def test_every_document_checks_without_a_crash(prefix: str) -> None:
    found = report(prefix)
    assert found.failures == (), describe_all(found.failures)


GENUINE: dict[str, set[tuple[str, int]]] = {
    "p03": set(),
    "p06": set(),
    # 2024 预算单位 基本支出表 (lines 895–990): the 302 items are numbered 01, 02, 03 …
    # in sequence instead of by their classification codes: 咨询费 printed as 30202
    # (印刷费), 水费 as 30203 (咨询费), 电费 as 30204, 邮电费 as 30205, 工会经费 as 30207,
    # 福利费 as 30208 and 其他商品和服务支出 as 30213 (维修（护）费).
    "p05": {
        ("codes.name", 899),
        ("codes.name", 906),
        ("codes.name", 913),
        ("codes.name", 920),
        ("codes.name", 934),
        ("codes.name", 941),
        ("codes.name", 976),
    },
    # 208 社会保障和就业支出 is 326.71 in 收入支出决算总表 (line 159) and 财政拨款收入
    # 支出决算总表 (line 887), but 326.72 in 收入决算表, 支出决算表 (line 669) and
    # 一般公共预算财政拨款支出决算表 (line 1173) — whose four 项 add up to 326.72. Checked
    # by hand: 84.65 + 160.75 + 80.38 + 0.94 = 326.72 (lines 690–727, 1180–1210), while
    # 2,106.66 + 326.71 + 60.99 + 445.69 = 2,940.05 = 本年支出合计 in both 总表: each copy
    # adds up in its own table and 326.71 lies within the four 项' rounding (< 0.025), so
    # these are rounding notes (RD1), no longer errors.
    "p11": set(),
}


def test_copies_one_unit_apart_that_each_add_up_are_rounding_notes() -> None:
    """RD1: the six same-line gaps of 0.01 in p11, p12 and p13 are notes, each verified."""
    # p13 by hand: 210 is 40.35 + 196.29 = 236.64 in 支出决算表 (lines 646–657) against
    # 236.63 in 收入支出决算总表 (line 174); 212 is 1,105.68 + 2,739.56 = 3,845.24 (lines
    # 663–691) against 3,845.25 (line 184); the 总表's classes 754.75 + 236.63 + 3,845.25
    # + 4,461.67 + 461.08 add up to its 本年支出合计 9,759.38.  p12 is p11 with errors
    # seeded elsewhere (its 支出决算表 removed: one gap is left, line 917).
    expected = {
        "p11": [669, 1173],
        "p12": [917],
        "p13": [642, 679, 1115],
    }
    for prefix, lines in expected.items():
        found = [f for f in report(prefix).findings if f.rule == "tables.same_line"]
        assert sorted(f.locations[0].line or 0 for f in found) == lines, prefix
        assert {f.severity for f in found} == {Severity.NOTE}, describe_all(found)
        assert all("取整误差" in f.message and "各自表内均相加一致" in f.message for f in found)


def test_a_misprinted_cell_is_one_finding_with_its_consequences() -> None:
    """p09: 行政运行's 项目支出 printed 64,840,547 (it is blank, 0.00) breaks four relations."""
    # By hand (lines 486–544): 204 06 司法 项目支出 64,840,547 = 21,703,947 + 1,242,900 +
    # 1,160,000 + 2,278,800 + 38,454,900, the 项 other than 行政运行; 行政运行 合计
    # 14,348,853.34 = its 基本支出 14,348,853.34, yet it prints 项目支出 64,840,547.00
    # (line 504), and so does the 一般公共预算 table (line 781).  One correction (0)
    # resolves its row and its 款 in both tables: one error, three consequences.
    found = [f for f in report("p09").findings if f.severity is Severity.ERROR]
    roots = [f for f in found if f.consequences]
    assert [(f.rule, f.locations[0].line) for f in roots] == [("table.basic_project", 502)]
    assert sorted((c.rule, c.locations[0].line) for c in roots[0].consequences) == [
        ("table.basic_project", 779),
        ("table.hierarchy", 496),
        ("table.hierarchy", 773),
    ]
    assert not [f for f in found if f.rule == "table.hierarchy"]


@pytest.mark.parametrize("prefix", sorted(GENUINE))
def test_consistent_documents_report_only_their_genuine_errors(prefix: str) -> None:
    found = report(prefix)
    assert _errors(found) == GENUINE[prefix], describe_all(found.at_least(Severity.ERROR))


def _new_in_p12() -> list[Finding]:
    before = {(f.rule, f.severity) for f in report("p11").findings}
    return [f for f in report("p12").findings if (f.rule, f.severity) not in before]


def test_the_table_removed_from_p12_is_found() -> None:
    # p12 lacks p11's 支出决算表 (lines 553–807 of p11)
    missing = [f for f in _new_in_p12() if f.rule == "read.missing_table"]
    assert [f.severity for f in missing] == [Severity.ERROR]


def test_the_figures_blanked_in_p12_are_found() -> None:
    # p12's 财政拨款“三公”经费支出决算表 prints no figure at all (p11 prints 年初预算 0.95)
    # and no note saying the table is empty
    blank = [f for f in _new_in_p12() if f.rule == "table.empty_note"]
    assert [(f.severity, f.locations[0].table) for f in blank] == [
        (Severity.WARNING, "财政拨款“三公”经费支出决算表")
    ]
