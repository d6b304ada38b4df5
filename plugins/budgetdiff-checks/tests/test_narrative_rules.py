"""
One small document per narrative rule that triggers it, and one that must not.

The documents are a small budget of our own (示例县监测站, 2022, 77.75万元 over
five lines) printed in the seed's layout by `render_disclosure`, followed by a
narrative written here in the seed's style.  The base narrative agrees with its
tables; each test changes one sentence (or one printed cell) and expects the
rule it is about — and nothing from the other table rules.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal

import pytest

import budgetdiff
from budgetdiff import Budget, Disclosure, Finding, Money, Severity, Unit, check, check_claims
from budgetdiff.disclosure import read_bytes
from budgetdiff.plugin import Check, CheckSubject
from budgetdiff.testing.render import render_disclosure
from budgetdiff_checks import (
    narrative_claims,
    narrative_document,
    narrative_names,
    narrative_tables,
)
from budgetdiff_checks._narrative_base import messages
from budgetdiff_checks._narrative_base import narrative_claims as read_claims
from budgetdiff_checks.narrative_claims import NarrativeConsistency
from budgetdiff_checks.narrative_document import NarrativeDocument
from budgetdiff_checks.narrative_names import NarrativeNames
from budgetdiff_checks.narrative_tables import NarrativeTables

UNIT = "示例县监测站"


def _yaml(unit: str, places: int, amounts: Mapping[str, str]) -> str:
    a = amounts
    return f"""
year: 2022
kind: budget
scope: unit
presentation: {{unit: {unit}, places: {places}}}
profile:
  name: {UNIT}
  functions: 负责全县环境质量例行监测。
  offices: [监测科, 综合科]
  staffing:
    authorized: {{count: 10}}
    actual: {{count: 9}}
income: {{general_public: "{a["total"]}"}}
expenditure:
  - {{code: "2111101", name: 生态环境监测与信息, basic: {{general_public: "{a["monitor"]}"}}}}
  - code: "2080505"
    name: 机关事业单位基本养老保险缴费支出
    basic: {{general_public: "{a["pension"]}"}}
  - {{code: "2101102", name: 事业单位医疗, basic: {{general_public: "{a["medical"]}"}}}}
  - {{code: "2101103", name: 公务员医疗补助, basic: {{general_public: "{a["subsidy"]}"}}}}
  - {{code: "2110399", name: 其他污染防治支出, project: {{general_public: "{a["project"]}"}}}}
basic_by_economic:
  - {{code: "30101", name: 基本工资, personnel: "{a["wage"]}"}}
  - {{code: "30102", name: 津贴补贴, personnel: "{a["allowance"]}"}}
  - {{code: "30108", name: 机关事业单位基本养老保险缴费, personnel: "{a["pension"]}"}}
  - {{code: "30110", name: 职工基本医疗保险缴费, personnel: "{a["medical"]}"}}
  - {{code: "30111", name: 公务员医疗补助缴费, personnel: "{a["subsidy"]}"}}
  - {{code: "30201", name: 办公费, public_use: "{a["office"]}"}}
  - {{code: "30211", name: 差旅费, public_use: "{a["travel"]}"}}
projects:
  - name: 监测设备维护
    function_code: "2110399"
    amount: "{a["project"]}"
    by_economic: [{{code: "302", amount: "{a["project"]}"}}]
three_public: {{vehicle_operation: "{a["vehicles"]}", reception: "{a["reception"]}"}}
"""


WAN = {
    "total": "77.75",
    "monitor": "50",
    "pension": "4",
    "medical": "2.5",
    "subsidy": "1.25",
    "project": "20",
    "wage": "30",
    "allowance": "10.5",
    "office": "6",
    "travel": "3.5",
    "vehicles": "2.4",
    "reception": "0.6",
}
# The same unit printed in 元, exactly: 事业单位医疗 is 25,060元 (2.506万元, 2.51 rounded).
YUAN = {
    "total": "777560",
    "monitor": "500000",
    "pension": "40000",
    "medical": "25060",
    "subsidy": "12500",
    "project": "200000",
    "wage": "300000",
    "allowance": "105000",
    "office": "60000",
    "travel": "35000",
    "vehicles": "24000",
    "reception": "6000",
}

NARRATIVE = f""" 第三部分  2022年{UNIT}预算情况说明
一、关于{UNIT}2022年收支预算情况的总体说明
{UNIT}2022年收支总预算77.75万元。
收入预算包括：一般公共预算77.75万元。
支出预算包括：社会保障和就业支出4万元，卫生健康支出3.75万元，节能环保支出70万元。
二、关于{UNIT}2022年支出预算情况说明
{UNIT}2022年支出预算77.75万元，其中：基本支出57.75万元，占74.28%；项目支出20万元，占25.72%。
三、关于{UNIT}2022年一般公共预算当年拨款情况说明
1.社会保障和就业支出4万元，占5.14%；
2.卫生健康支出3.75万元，占4.82%，主要用于事业单位医疗和公务员医疗补助；
3.节能环保支出70万元，占90.03%。
4.卫生健康支出（210）行政事业单位医疗（11）事业单位医疗（02）2.5万元，比上年增加0.3万元，主要原因是参保人数增加。
5.卫生健康支出（210）行政事业单位医疗（11）公务员医疗补助（03）1.25万元。
四、关于{UNIT}2022年一般公共预算基本支出情况说明
{UNIT}2022年一般公共预算基本支出57.75万元，其中：人员经费48.25万元，主要包括：基本工资30万元、津贴补贴10.5万元；公用经费9.5万元，主要包括：办公费6万元、差旅费3.5万元。
五、关于{UNIT}2022年“三公”经费预算情况说明
{UNIT}2022年“三公”经费预算3万元，其中：因公出国（境）费0万元，公务用车运行费2.4万元，公务接待费0.6万元。
六、关于{UNIT}2022年政府性基金预算拨款情况说明
{UNIT}2022年没有使用政府性基金预算拨款安排的支出。
七、其他重要事项的情况说明
截至2021年底，{UNIT}共有车辆1辆。
"""

YUAN_NARRATIVE = f""" 第三部分  2022年{UNIT}预算情况说明
一、关于{UNIT}2022年支出预算情况说明
{UNIT}2022年支出预算77.76万元，其中：基本支出57.76万元；项目支出20万元。
二、关于{UNIT}2022年一般公共预算当年拨款情况说明
卫生健康支出（210）行政事业单位医疗（11）事业单位医疗（02）2.51万元。
"""

CHECKS: dict[str, Check] = {
    "narrative.tables": NarrativeTables(),
    "narrative.names": NarrativeNames(),
    "narrative.document": NarrativeDocument(),
    "narrative.consistency": NarrativeConsistency(),
}
# The rules of these modules (the consistency check keeps check_claims's own rule ids).
TABLE_RULES = (
    "narrative.table_amount",
    "narrative.wrong_subject",
    "narrative.conflicting_copy",
    "narrative.table_rounding",
    "narrative.table_truncated",
    "narrative.table_precision",
    "narrative.table_share",
    "narrative.change_current",
    "narrative.project_count",
    "narrative.tables.not_checked",
    "narrative.name",
    "narrative.old_name",
    "narrative.purpose_line",
    "narrative.report_year",
    "narrative.base_year",
    "narrative.as_of_year",
    "narrative.empty_statement",
    "narrative.unit_scope",
    "narrative.unit_wording",
)


def budget(amounts: Mapping[str, str], unit: str = "万元", places: int = 2) -> Budget:
    loaded = budgetdiff.loads(_yaml(unit, places, amounts), budgetdiff.Format.YAML)
    assert isinstance(loaded, Budget)
    return loaded


def document(
    narrative: str = NARRATIVE,
    *,
    yuan: bool = False,
    cover: str = "",
    edit: Callable[[str], str] | None = None,
) -> Disclosure:
    """The fixture unit's disclosure with *narrative*, its tables edited by *edit*."""
    tables = render_disclosure(budget(YUAN, "元", 0) if yuan else budget(WAN))
    if edit is not None:
        tables = edit(tables)
    text = (f"{cover}\n" if cover else "") + tables + narrative
    found = read_bytes(text.encode("utf-8"), source="doc.txt", suffix=".txt")
    assert isinstance(found, Disclosure)
    return found


def findings(disclosure: Disclosure) -> list[Finding]:
    report = check(disclosure, checks=CHECKS)
    assert report.failures == ()
    return list(report.findings)


def ours(disclosure: Disclosure) -> set[tuple[str, int | None]]:
    """(rule, first line) of every finding of the table, name and document rules."""
    return {(f.rule, f.locations[0].line) for f in findings(disclosure) if f.rule in TABLE_RULES}


def one(disclosure: Disclosure, rule: str) -> Finding:
    found = [f for f in findings(disclosure) if f.rule == rule]
    assert len(found) == 1, found
    return found[0]


def line_of(disclosure: Disclosure, text: str) -> int:
    """The line the narrative prints *text* on."""
    for section in disclosure.narrative():
        for line in section.lines:
            if text in line.text:
                return line.number
    raise AssertionError(text)


def wan(text: str) -> Money:
    return Money.of(text, Unit.WAN_YUAN)


# ---------------------------------------------------------------- the base documents


def test_a_narrative_that_agrees_with_its_tables_has_no_table_findings() -> None:
    assert ours(document()) == set()


def test_a_narrative_in_wan_over_exact_tables_in_yuan_agrees() -> None:
    assert ours(document(YUAN_NARRATIVE, yuan=True)) == set()


# ---------------------------------------------------------------- narrative.tables


def test_table_amount() -> None:
    wrong = document(NARRATIVE.replace("2.卫生健康支出3.75万元", "2.卫生健康支出3.95万元"))
    # the narrative states 卫生健康支出 as 3.75 elsewhere: one misprint, one finding, and the
    # table's word on it (with the shares the misprint upsets) listed inside
    root = one(wrong, "narrative.restated_amount")
    assert root.severity is Severity.ERROR
    inside = {c.rule for c in root.consequences}
    assert inside == {"narrative.table_amount", "narrative.share_amount"}
    found = next(c for c in root.consequences if c.rule == "narrative.table_amount")
    assert found.severity is Severity.ERROR
    assert (found.actual, found.expected) == (wan("3.95"), wan("3.75"))
    assert found.locations[0].line == line_of(wrong, "2.卫生健康支出3.95万元")
    assert "3.95万元" in found.message
    assert "3.75万元" in found.message
    assert "3.95万元" in found.message_en


def test_table_amount_of_a_figure_stated_once() -> None:
    wrong = document(NARRATIVE.replace("节能环保支出70万元。", "节能环保支出71万元。"))
    found = one(wrong, "narrative.table_amount")
    assert (found.actual, found.expected) == (wan("71"), wan("70"))
    assert ("narrative.table_amount", found.locations[0].line) in ours(wrong)


def test_table_amount_on_a_line_the_tables_do_not_have() -> None:
    wrong = document(
        NARRATIVE + "8.卫生健康支出（210）行政事业单位医疗（11）行政单位医疗（01）0.8万元。\n"
    )
    found = one(wrong, "narrative.table_amount")
    assert found.expected == Money(0)
    assert "没有" in found.message


def test_wrong_subject() -> None:
    wrong = document(NARRATIVE.replace("节能环保支出70万元。", "节能环保支出77.75万元。"))
    found = one(wrong, "narrative.wrong_subject")
    assert found.severity is Severity.ERROR
    assert (found.actual, found.expected) == (wan("77.75"), wan("70"))
    assert "支出合计" in found.message
    assert "narrative.table_amount" not in {rule for rule, _ in ours(wrong)}


def test_conflicting_copy() -> None:
    def edit(text: str) -> str:  # 表五 prints 公务员医疗补助 1.24 where every total supports 1.25
        at = text.index("表五：")
        fifth = text[at:].replace(
            "公务员医疗补助\n\t1.25\n\t1.25\n", "公务员医疗补助\n\t1.24\n\t1.24\n", 1
        )
        return text[:at] + fifth

    stated = "公务员医疗补助（03）1.25万元"
    conflicting = document(NARRATIVE.replace(stated, "公务员医疗补助（03）1.24万元"), edit=edit)
    found = one(conflicting, "narrative.conflicting_copy")
    assert found.severity is Severity.WARNING
    assert (found.actual, found.expected) == (wan("1.24"), wan("1.25"))
    assert "表五" in found.message
    assert "表二" in found.message
    # The narrative that follows the supported copy is not reported.
    assert ours(document(edit=edit)) == set()


def test_table_rounding() -> None:
    def edit(text: str) -> str:  # the class total printed 3.76 over lines of 2.5 and 1.25
        text = text.replace("210 卫生健康支出\n\t3.75\n", "210 卫生健康支出\n\t3.76\n")
        return text.replace(
            "210 卫生健康支出\n\t3.76\n\t3.75\n", "210 卫生健康支出\n\t3.76\n\t3.76\n"
        )

    rounded = document(edit=edit)
    found = {(rule, line) for rule, line in ours(rounded)}
    assert {rule for rule, _ in found} == {"narrative.table_rounding"}
    assert all(f.severity is Severity.NOTE for f in findings(rounded) if f.rule in TABLE_RULES)
    assert ours(document()) == set()


def test_table_truncated() -> None:
    cut = document(YUAN_NARRATIVE.replace("2.51万元", "2.50万元"), yuan=True)
    found = one(cut, "narrative.table_truncated")
    assert found.severity is Severity.NOTE
    assert (found.actual, found.expected) == (wan("2.50"), wan("2.51"))
    assert "2.506万元" in found.message


def test_table_precision() -> None:
    coarse = document(
        NARRATIVE.replace("收支总预算77.75万元", "收支总预算78万元").replace(
            "支出预算77.75万元，其中", "支出预算78万元，其中"
        )
    )
    found = one(coarse, "narrative.table_precision")
    assert found.severity is Severity.NOTE
    assert ours(coarse) == {("narrative.table_precision", line_of(coarse, "收支总预算78万元"))}
    # One figure in whole 万元 among figures to the 分 is a wrong figure.
    single = document(NARRATIVE.replace("收支总预算77.75万元", "收支总预算78万元"))
    assert one(single, "narrative.table_amount").actual == wan("78")


def test_table_share() -> None:
    wrong = document(NARRATIVE.replace("支出4万元，占5.14%", "支出4万元，占6.15%"))
    found = one(wrong, "narrative.table_share")
    assert found.severity is Severity.ERROR
    assert (found.actual, found.expected) == (Decimal("6.15"), Decimal("5.14"))
    # Over exact tables a share cut instead of rounded is told apart: 57.756/77.756 = 74.2785…%
    share = "三、关于示例县监测站2022年基本支出情况说明\n基本支出57.76万元，占74.27%。\n"
    cut = one(document(YUAN_NARRATIVE + share, yuan=True), "narrative.table_share")
    assert cut.severity is Severity.NOTE
    assert (cut.actual, cut.expected) == (Decimal("74.27"), Decimal("74.28"))
    rounded = share.replace("74.27%", "74.28%")
    assert ours(document(YUAN_NARRATIVE + rounded, yuan=True)) == set()


def test_change_current() -> None:
    item = "4.卫生健康支出（210）行政事业单位医疗（11）事业单位医疗（02）2.5万元，比上年增加0.3万元"
    wrong = document(
        NARRATIVE.replace(item, "4.事业单位医疗上年预算为2万元，本年比上年增加0.8万元")
    )
    found = one(wrong, "narrative.change_current")
    assert (found.actual, found.expected) == (wan("2.8"), wan("2.5"))
    right = document(
        NARRATIVE.replace(item, "4.事业单位医疗上年预算为2万元，本年比上年增加0.5万元")
    )
    assert ours(right) == set()


def test_project_count() -> None:
    stated = "项目支出20万元，占25.72%。"
    wrong = document(NARRATIVE.replace(stated, "项目支出20万元，占25.72%，共安排项目2个。"))
    found = one(wrong, "narrative.project_count")
    assert (found.actual, found.expected) == (2, 1)
    right = document(NARRATIVE.replace(stated, "项目支出20万元，占25.72%，共安排项目1个。"))
    assert ours(right) == set()


def test_not_checked_when_the_table_is_not_printed() -> None:
    stated = document(NARRATIVE + f"{UNIT}2022年机关运行经费财政拨款预算9.5万元。\n")
    found = one(stated, "narrative.tables.not_checked")
    assert found.severity is Severity.NOTE
    assert "机关运行经费" in found.message


def test_a_narrative_without_tables_is_not_checked_against_them() -> None:
    alone = read_bytes(NARRATIVE.encode("utf-8"), source="doc.txt", suffix=".txt")
    assert isinstance(alone, Disclosure)
    found = [f for f in findings(alone) if f.rule.startswith("narrative.tables")]
    assert [(f.rule, f.severity) for f in found] == [
        ("narrative.tables.not_checked", Severity.NOTE)
    ]


def test_three_public_figures_against_the_three_public_table() -> None:
    wrong = document(NARRATIVE.replace("公务用车运行费2.4万元", "公务用车运行费2.2万元"))
    found = one(wrong, "narrative.table_amount")
    assert (found.actual, found.expected) == (wan("2.2"), wan("2.4"))
    assert found.locations[-1].table == "表八"


# ---------------------------------------------------------------- narrative.names


def test_name() -> None:
    wrong = document(
        NARRATIVE.replace(
            "行政事业单位医疗（11）事业单位医疗（02）", "医疗保障（11）事业单位医疗（02）"
        )
    )
    found = one(wrong, "narrative.name")
    assert found.severity is Severity.WARNING
    assert "医疗保障" in found.message
    assert "行政事业单位医疗" in found.message
    # Spaces, 其它 for 其他 and a dropped 支出 are the same name.
    variant = NARRATIVE.replace("5.卫生健康支出（210）", "5.卫生健康（210）")
    assert ours(document(variant)) == set()


def test_old_name() -> None:
    old = document(NARRATIVE.replace("2.卫生健康支出3.75万元", "2.医疗卫生与计划生育支出3.75万元"))
    found = one(old, "narrative.old_name")
    assert found.severity is Severity.WARNING
    assert "2019" in found.message
    assert "卫生健康支出" in found.message
    assert "narrative.table_amount" not in {rule for rule, _ in ours(old)}


@pytest.mark.parametrize(
    ("line", "old"),
    [
        (
            "3、医疗卫生与计划生育支出（210类）计划生育事务（07款）计划生育服务（17项）12.00万元。",
            True,
        ),
        ("3、卫生健康支出（210类）计划生育事务（07款）计划生育服务（17项）12.00万元。", False),
    ],
)
def test_old_name_without_tables(line: str, old: bool) -> None:
    """With no table, the catalog and the report year still tell an old name (review RC4)."""
    text = f"某局2026年部门预算\n一、部门预算情况说明\n{line}\n"
    found = read_bytes(text.encode("utf-8"), source="doc.txt", suffix=".txt")
    assert isinstance(found, Disclosure)
    assert not found.tables
    rules = [f.rule for f in check(found).findings]
    assert ("narrative.old_name" in rules) is old


def test_purpose_line() -> None:
    wrong = document(NARRATIVE.replace("主要用于事业单位医疗", "主要用于行政单位医疗"))
    found = one(wrong, "narrative.purpose_line")
    assert found.severity is Severity.WARNING
    assert "行政单位医疗" in found.message
    assert "2101102 事业单位医疗" in found.message


# ---------------------------------------------------------------- narrative.document


def test_report_year() -> None:
    wrong = document(NARRATIVE.replace(f"一、关于{UNIT}2022年", f"一、关于{UNIT}2021年"))
    found = one(wrong, "narrative.report_year")
    assert found.severity is Severity.ERROR
    assert (found.actual, found.expected) == (2021, 2022)
    # check_claims would take the title's word for the year; with tables at hand it does not.
    assert "narrative.year" not in {f.rule for f in findings(wrong)}


def test_base_year() -> None:
    wrong = document(NARRATIVE.replace("比上年增加0.3万元", "比2020年预算增加0.3万元"))
    assert (
        one(wrong, "narrative.base_year").actual,
        one(wrong, "narrative.base_year").expected,
    ) == (
        2020,
        2021,
    )
    right = document(NARRATIVE.replace("比上年增加0.3万元", "比2021年预算增加0.3万元"))
    assert ours(right) == set()


def test_as_of_year() -> None:
    wrong = document(NARRATIVE.replace("截至2021年底", "截至2022年底"))
    found = one(wrong, "narrative.as_of_year")
    assert (found.actual, found.expected) == (2022, 2021)


def test_empty_statement() -> None:
    three = (
        "“三公”经费预算3万元，其中：因公出国（境）费0万元，公务用车运行费2.4万元，公务接待费0.6万元"
    )
    wrong = document(NARRATIVE.replace(three, "无“三公”经费预算"))
    found = one(wrong, "narrative.empty_statement")
    assert found.severity is Severity.ERROR
    assert found.expected == wan("3")
    # The base narrative says it has no government-fund money, and its table is empty.
    assert ours(document()) == set()


def test_unit_scope_and_wording() -> None:
    cover = f"{UNIT}2022年单位预算"
    borrowed = NARRATIVE.replace("收支总预算77.75万元", "收支总预算150.2万元").replace(
        "2022年支出预算77.75万元", "2022年支出预算150.2万元"
    )
    borrowed += "2022年本部门部门预算未安排购置车辆。\n"
    found = one(document(borrowed, cover=cover), "narrative.unit_scope")
    assert found.severity is Severity.ERROR
    assert "150.2万元" in found.message
    assert "77.75万元" in found.message
    assert one(document(borrowed, cover=cover), "narrative.unit_wording").severity is Severity.NOTE
    # The seed's family calls every document 部门（单位）: no scope rule there.
    assert not {r for r, _ in ours(document(borrowed))} & {
        "narrative.unit_scope",
        "narrative.unit_wording",
    }
    assert ours(document(cover=cover)) == set()


# ---------------------------------------------------------------- narrative.consistency


def test_consistency_runs_check_claims_on_the_narrative() -> None:
    wrong = document(NARRATIVE.replace("比上年增加0.3万元", "比上年增加0.3万元，增长20%"))
    subject = CheckSubject(wrong)
    expected = {f.rule for f in check_claims(read_claims(subject))}
    report = check(wrong, checks={"narrative.consistency": NarrativeConsistency()})
    assert {f.rule for f in report.findings} == expected - {"narrative.year"}
    assert "narrative.delta_growth" in expected


# ---------------------------------------------------------------- registration


def test_every_rule_has_a_message_in_both_languages() -> None:
    catalog = messages()
    for rule in (*TABLE_RULES, "label", "narrative.tables.no_tables"):
        assert rule in catalog.rules


@pytest.mark.parametrize(
    ("module", "name"),
    [
        (narrative_claims, "narrative.consistency"),
        (narrative_tables, "narrative.tables"),
        (narrative_names, "narrative.names"),
        (narrative_document, "narrative.document"),
    ],
)
def test_each_module_registers_its_check(module: object, name: str) -> None:
    registered: list[Check] = []
    module.register_checks(registered.append)  # type: ignore[attr-defined]
    assert [c.name for c in registered] == [name]
