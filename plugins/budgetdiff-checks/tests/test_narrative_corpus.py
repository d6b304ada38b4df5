"""
The narrative rules on the seed and on the Shanghai corpus (skipped when ../shared is absent).

The seed: every inconsistency between its narrative and its tables, located,
and nothing else.  Shanghai: the documents the brief names as consistent give
no finding beyond the genuine errors of the published text (listed below, each
with why it is one); every document is checked without a crash; and the copy
with deliberately inserted errors (p12) has them found.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from budgetdiff import Disclosure, Finding, Money, Severity, Unit, check, check_claims, read
from budgetdiff.plugin import Check, CheckSubject
from budgetdiff_checks._narrative_base import narrative_claims
from budgetdiff_checks.narrative_claims import NarrativeConsistency
from budgetdiff_checks.narrative_document import NarrativeDocument
from budgetdiff_checks.narrative_names import NarrativeNames
from budgetdiff_checks.narrative_tables import NarrativeTables

SHARED = Path(__file__).resolve().parents[4] / "shared"
SEED = SHARED / "seed" / "000_6744f868e7b5c5a3.txt"
SHANGHAI = SHARED / "corpus" / "shanghai"

TABLES: dict[str, Check] = {
    "narrative.tables": NarrativeTables(),
    "narrative.names": NarrativeNames(),
    "narrative.document": NarrativeDocument(),
}
ALL: dict[str, Check] = {**TABLES, "narrative.consistency": NarrativeConsistency()}


def shared(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is not present (the shared seed and corpus live beside the repo)")
    return path


def shanghai(prefix: str) -> Path:
    folder = shared(SHANGHAI)
    found = sorted(folder.glob(f"{prefix}_*.txt"))
    assert len(found) == 1, found
    return found[0]


def run(path: Path, checks: dict[str, Check]) -> list[Finding]:
    report = check(path, checks=checks)
    assert report.failures == ()
    return list(report.findings)


def located(found: list[Finding], at_least: Severity = Severity.NOTE) -> set[tuple[str, int]]:
    return {(f.rule, f.locations[0].line or 0) for f in found if f.severity.at_least(at_least)}


def wan(text: str) -> Money:
    return Money.of(text, Unit.WAN_YUAN)


# ---------------------------------------------------------------- the seed


def test_seed_narrative_against_its_tables() -> None:
    found = run(shared(SEED), TABLES)
    assert located(found) == {
        # 支出预算包括：节能环保支出433.34万元 — 433.34 is all spending; 211 is 421.9
        ("narrative.wrong_subject", 1828),
        # 卫生健康支出…主要用于行政单位医疗: the tables have 事业单位医疗 (2101102), not 2101101
        ("narrative.purpose_line", 1842),
        # 环境监测与信息: 2111101's name before 2019 (生态环境监测与信息 in 2021)
        ("narrative.old_name", 1851),
        # 公务员医疗补助1.18: the copy of 表二's 一般公共预算 column and 表五, not the 1.19
        # every total supports
        ("narrative.conflicting_copy", 1854),
        # 机关运行经费9.59: no table of the seed prints it
        ("narrative.tables.not_checked", 1887),
    }
    by_rule = {f.rule: f for f in found}
    wrong = by_rule["narrative.wrong_subject"]
    assert (wrong.actual, wrong.expected) == (wan("433.34"), wan("421.9"))
    assert "支出合计" in wrong.message
    copy = by_rule["narrative.conflicting_copy"]
    assert (copy.actual, copy.expected) == (wan("1.18"), wan("1.19"))
    assert {loc.line for loc in copy.locations} >= {1854, 263, 988}
    assert "行政单位医疗" in by_rule["narrative.purpose_line"].message
    assert "生态环境监测与信息" in by_rule["narrative.old_name"].message


def test_seed_consistency_is_check_claims_on_the_narrative_with_headings() -> None:
    path = shared(SEED)
    found = run(path, {"narrative.consistency": NarrativeConsistency()})
    report = check(path, checks={"narrative.consistency": NarrativeConsistency()})
    disclosure = read(path)
    assert isinstance(disclosure, Disclosure)
    subject = CheckSubject(disclosure)
    expected = [f for f in check_claims(narrative_claims(subject)) if f.rule != "narrative.year"]
    assert sorted(f.message for f in found) == sorted(f.message for f in expected)
    assert report.failures == ()
    assert ("narrative.conflicting_copy", 1854) not in located(found)


# ---------------------------------------------------------------- Shanghai

# The genuine errors of the published documents (severity warning or error), by the rules
# of these modules and by check_claims (narrative.consistency).
GENUINE: dict[str, set[tuple[str, int]]] = {
    "p03": {
        # “卫生健康支出（类）卫生健康支出（款）计划生育事务（项）”20.00万元: the line is
        # 2100717 计划生育服务 under 21007 计划生育事务 — both names are one level off.
        ("narrative.name", 122),
        # 地上建筑面积8013平方米（其中计容7998、不计容105）: the parts make 8103, and
        # 13459 = 8103 + 5356; 8013 is a typo of 8103.
        ("narrative.parts_sum", 2621),
    },
    "p05": {
        # 社会福利事业单位 738.66万元 (twice): the tables give 696.48 (财政拨款) of 958.48.
        ("narrative.table_amount", 62),
        ("narrative.table_amount", 63),
        # 医疗卫生与计划生育支出 in a 2024 document (卫生健康支出 since 2019; the tables too).
        ("narrative.old_name", 64),
        # “主要原因是。”: a reason never written.
        ("narrative.residue", 1042),
    },
    "p06": {
        # 机关事业单位职业年金缴费支出 887.36万元 (the 编制说明 is printed twice): the table
        # has 873,617元 = 87.36万元; the items then add up to the total only with 87.36.
        ("narrative.table_amount", 94),
        ("narrative.table_amount", 123),
    },
    "p11": {
        # 财政拨款收入支出总计 0.3万元: 财政拨款收入支出决算总表 prints 总计 2,961.68.
        ("narrative.table_amount", 1850),
        # 一般公共服务支出 2106.66 of 2940.05 is 71.65%, not 71.73%; the shares add to 100.07%.
        ("narrative.share_amount", 1865),
        ("narrative.share_sum", 1865),
    },
}


@pytest.mark.parametrize("prefix", sorted(GENUINE))
def test_shanghai_documents_report_only_their_genuine_errors(prefix: str) -> None:
    found = run(shanghai(prefix), ALL)
    assert located(found, Severity.WARNING) == GENUINE[prefix]


def test_p06_narrative_cuts_exact_figures_instead_of_rounding() -> None:
    found = run(shanghai("p06"), TABLES)
    notes = sorted(line for rule, line in located(found) if rule == "narrative.table_truncated")
    # 87.708 → 87.70, 78.2164 → 78.21, 204.9197 → 204.91, 268.776 → 268.77, each printed twice
    assert notes == [90, 98, 100, 102, 119, 127, 129, 131]
    assert all(f.severity is Severity.NOTE for f in found if f.rule == "narrative.table_truncated")


def test_every_shanghai_document_is_checked_without_a_crash() -> None:
    documents = sorted(shared(SHANGHAI).glob("p*.txt"))
    assert len(documents) == 14
    for path in documents:
        report = check(path, checks=ALL)
        assert report.failures == (), path.name


def test_p12_inserted_errors_are_found() -> None:
    found = located(run(shanghai("p12"), ALL), Severity.WARNING)
    inserted = {
        ("narrative.report_year", 1559),  # 第三部分 … 2023年度部门决算情况说明 over 2024 tables
        ("narrative.table_amount", 1561),  # 收入支出总计 0万元 (the tables: 2,995.39)
        ("narrative.direction", 1597),  # 决算数大于预算数 for 1511.89 < 1560.05
        ("narrative.direction", 1627),  # 决算数大于预算数 for 80.38 < 80.81
        ("narrative.direction", 1636),  # 决算数等于预算数 for 60.99 ≠ 62.29
        ("narrative.as_of_year", 1707),  # 截至2023年12月31日 in a 2024 决算
    }
    assert inserted <= found
    # 财政拨款收入支出总计 2961.68万元 is what the tables print (p11's 0.3 is the error).
    assert ("narrative.table_amount", 1573) not in found
