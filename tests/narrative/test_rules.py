"""`check_claims`: each rule fires on an inconsistent text and not on a consistent one."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from importlib import resources

import pytest

from budgetdiff._model.findings import Finding, Severity
from budgetdiff._narrative.consistency import check_claims
from budgetdiff._narrative.extract import claims


def check(text: str) -> tuple[Finding, ...]:
    return check_claims(claims(text))


def rules(text: str, *, at_least: Severity = Severity.NOTE) -> list[str]:
    return [f.rule for f in check(text) if f.severity.at_least(at_least)]


def only(text: str, rule: str) -> Finding:
    found = [f for f in check(text) if f.rule == rule]
    assert len(found) == 1, [f.message for f in check(text)]
    return found[0]


# (rule, an inconsistent text, the same text made consistent)
CASES = [
    (
        "narrative.delta_growth",
        "机关运行经费52.4万元，比上年增加4.4万元，增长10.12%。",
        "机关运行经费52.4万元，比上年增加4.4万元，增长9.17%。",
    ),
    (
        "narrative.truncated_percent",
        "公用经费3500万元，比上年增加500万元，增长16.66%。",
        "公用经费3500万元，比上年增加500万元，增长16.67%。",
    ),
    (
        "narrative.percent_base",
        "培训费25万元，比上年增加5万元，增长20.00%。",
        "培训费25万元，比上年增加5万元，增长25.00%。",
    ),
    (
        "narrative.zero_base_growth",
        "会议费12.6万元，比上年增加12.6万元，增长100%。",
        "会议费12.6万元，上年无此项支出，本年新增12.6万元。",
    ),
    (
        "narrative.execution_rate",
        "某局2024年度部门决算\n一般公共预算财政拨款支出年初预算为400万元，支出决算为380万元，完成年初预算的96.00%。",
        "某局2024年度部门决算\n一般公共预算财政拨款支出年初预算为400万元，支出决算为380万元，完成年初预算的95.00%。",
    ),
    (
        "narrative.negative_prior",
        "差旅费3万元，比上年增加5万元。",
        "差旅费8万元，比上年增加5万元。",
    ),
    (
        "narrative.restated_change",
        "一、收支\n项目支出90万元，比上年增加12.5万元。\n二、拨款\n项目支出90万元，比上年预算增加21.5万元。",
        "一、收支\n项目支出90万元，比上年增加12.5万元。\n二、拨款\n项目支出90万元，比上年预算增加12.5万元。",
    ),
    (
        "narrative.restated_amount",
        "一、总体\n支出预算包括：卫生健康支出80万元。\n二、结构\n卫生健康支出72.6万元。",
        "一、总体\n支出预算包括：卫生健康支出72.6万元。\n二、结构\n卫生健康支出72.6万元。",
    ),
    (
        "narrative.direction",
        "某局2024年度部门决算\n一般公共预算财政拨款支出年初预算为50.00万元，支出决算为48.20万元。决算数大于预算数的主要原因：人员变动。",
        "某局2024年度部门决算\n一般公共预算财政拨款支出年初预算为50.00万元，支出决算为48.20万元。决算数小于预算数的主要原因：人员变动。",
    ),
    (
        "narrative.delta_prior",
        "邮电费上年为2.00万元，本年2.50万元，比上年增加0.60万元。",
        "邮电费上年为2.00万元，本年2.50万元，比上年增加0.50万元。",
    ),
    (
        "narrative.zero_direction",
        "维修费6万元，比上年增加0万元。",
        "维修费6万元，与上年持平。",
    ),
    (
        "narrative.parts_sum",
        "政府采购预算300万元，其中：政府采购货物预算120万元，政府采购服务预算190万元。",
        "政府采购预算300万元，其中：政府采购货物预算120万元，政府采购服务预算180万元。",
    ),
    (
        "narrative.basic_split",
        "一、基本支出\n一般公共预算基本支出200万元。人员经费170万元。公用经费35万元。",
        "一、基本支出\n一般公共预算基本支出200万元。人员经费170万元。公用经费30万元。",
    ),
    (
        "narrative.share_sum",
        "支出预算500万元，其中：基本支出300万元，占60.00%；项目支出200万元，占41.00%。",
        "支出预算500万元，其中：基本支出300万元，占60.00%；项目支出200万元，占40.00%。",
    ),
    (
        "narrative.share_amount",
        "收入预算800万元，其中：财政拨款收入600万元，占70.00%。",
        "收入预算800万元，其中：财政拨款收入600万元，占75.00%。",
    ),
    (
        "narrative.reasons_exceed",
        "项目支出200万元，比上年增加20万元，主要原因是新增平台运维项目50万元。",
        "项目支出200万元，比上年增加20万元，主要原因是新增平台运维项目20万元。",
    ),
    (
        "narrative.residue",
        "公务接待费0万元，增加（减少）0万元，主要原因是未安排预算。",
        "公务接待费0万元，与上年持平，主要原因是未安排预算。",
    ),
    (
        "narrative.base_typo",
        "印刷费2万元，较上线增加2万元。",
        "印刷费2万元，较上年增加2万元。",
    ),
    (
        "narrative.percent_sign",
        "机关运行经费33万元，比上年增加3万元，增长10.00。",
        "机关运行经费33万元，比上年增加3万元，增长10.00%。",
    ),
    (
        "narrative.year",
        "某局2024年部门预算\n收入预算100万元，比2024年预算增加10万元。",
        "某局2024年部门预算\n收入预算100万元，比2023年预算增加10万元。",
    ),
    (
        "narrative.split_change",
        "支出预算500万元，比上年增加30万元。基本支出400万元，比上年增加20万元。"
        "项目支出100万元，比上年增加20万元。",
        "支出预算500万元，比上年增加30万元。基本支出400万元，比上年增加10万元。"
        "项目支出100万元，比上年增加20万元。",
    ),
    (
        "narrative.balance",
        "收入总计300万元，支出总计310万元。",
        "收入总计300万元，支出总计300万元。",
    ),
    (
        "narrative.reason_parts",
        "支出较上年减少50万元，主要是基本支出减少60万元，项目支出增加20万元。",
        "支出较上年减少40万元，主要是基本支出减少60万元，项目支出增加20万元。",
    ),
    (
        "narrative.part_rate",
        "基本支出较上年增加10万元，增长10%。主要原因如下：\n1.工资福利支出增加9.8万元，增长11%。"
        "\n2.对个人和家庭的补助增加0.2万元，增长0.01%。",
        "基本支出较上年增加10万元，增长10%。主要原因如下：\n1.工资福利支出增加9.8万元，增长11%。"
        "\n2.对个人和家庭的补助增加0.2万元，增长2%。",
    ),
    (
        "narrative.standard_parts",
        "人员经费80万元，占基本支出80%；公用经费15万元，占基本支出15%。\n二、基本支出\n"
        "2025年一般公共预算基本支出100万元。",
        "人员经费85万元，占基本支出85%；公用经费15万元，占基本支出15%。\n二、基本支出\n"
        "2025年一般公共预算基本支出100万元。",
    ),
    (
        "narrative.count_names",
        "本局内设4个科室，分别是：办公室、财务科、执法科。",
        "本局内设3个科室，分别是：办公室、财务科、执法科。",
    ),
]


@pytest.mark.parametrize(("rule", "bad", "good"), CASES, ids=[c[0] for c in CASES])
def test_rule_fires_on_the_inconsistent_text(rule: str, bad: str, good: str) -> None:
    assert rule in rules(bad + "\n")


@pytest.mark.parametrize(("rule", "bad", "good"), CASES, ids=[c[0] for c in CASES])
def test_nothing_fires_on_the_consistent_text(rule: str, bad: str, good: str) -> None:
    assert check(good + "\n") == ()


def test_every_rule_has_a_case_and_two_messages() -> None:
    text = (resources.files("budgetdiff") / "messages" / "narrative.toml").read_text("utf-8")
    catalog = tomllib.loads(text)
    assert set(catalog) == {rule for rule, _, _ in CASES}
    for rule, messages in catalog.items():
        assert set(messages) == {"zh", "en"}, rule


# ---------------------------------------------------------------- what the findings say


def test_growth_finding_gives_the_interval_and_evidence() -> None:
    finding = only(
        "机关运行经费52.4万元，比上年增加4.4万元，增长10.12%。\n", "narrative.delta_growth"
    )
    assert finding.severity is Severity.ERROR
    assert finding.expected == Decimal("9.17")
    assert finding.actual == Decimal("10.12")
    assert "9.15%至9.18%" in finding.message
    assert "10.12%" in finding.message
    assert "9.15% to 9.18%" in finding.message_en
    assert [loc.line for loc in finding.locations] == [1, 1, 1]
    assert finding.inputs


def test_wrong_base_says_which() -> None:
    finding = only("培训费25万元，比上年增加5万元，增长20.00%。\n", "narrative.percent_base")
    assert "本年数" in finding.message
    assert finding.expected == Decimal("25.00")


def test_restated_growth_base_is_recognised() -> None:
    text = (
        "一、支出\n项目支出115万元，比上年增加20万元。\n"
        "二、拨款\n项目支出115万元，比上年预算增加45万元，增长47.37%。\n"
    )
    found = {f.rule: f for f in check(text)}
    assert "第2行" in found["narrative.percent_base"].message
    assert found["narrative.restated_change"].severity is Severity.ERROR


def test_truncation_is_a_warning() -> None:
    finding = only(
        "公用经费3500万元，比上年增加500万元，增长16.66%。\n", "narrative.truncated_percent"
    )
    assert finding.severity is Severity.WARNING
    assert finding.expected == Decimal("16.67")


def test_rounding_gap_is_a_note_not_an_error() -> None:
    text = "支出合计100.00万元，其中：基本支出33.33万元，项目支出33.33万元，其他支出33.33万元。\n"
    finding = only(text, "narrative.parts_sum")
    assert finding.severity is Severity.NOTE
    assert "误差范围内" in finding.message


def test_partial_list_may_fall_short() -> None:
    text = "人员经费100万元，主要包括：基本工资40万元、津贴补贴30万元。\n"
    assert check(text) == ()


def test_single_part_below_whole_is_fine() -> None:
    text = "面向中小企业预留政府采购项目预算金额144.5万元，其中：面向小微企业预留5.55万元。\n"
    assert check(text) == ()


def test_count_parts() -> None:
    text = "实有人数30人，其中：在职20人，退休8人。\n"
    finding = only(text, "narrative.parts_sum")
    assert finding.severity is Severity.ERROR
    assert "30人" in finding.message


def test_approximate_quantities_are_warnings() -> None:
    text = "建筑面积约为1000平方米，其中地上700平方米，地下200平方米。\n"
    assert only(text, "narrative.parts_sum").severity is Severity.WARNING


def test_flat_with_different_figures_is_a_direction_error() -> None:
    text = (
        "某局2024年度部门决算\n一般行政管理事务年初预算为10.00万元，支"
        "出决算为9.00万元。决算数与预算数持平。\n"
    )
    assert only(text, "narrative.direction").severity is Severity.ERROR
    nearly = text.replace("9.00", "9.95").replace("持平", "基本持平")
    assert check(nearly) == ()


def test_growth_direction_against_its_change() -> None:
    text = "公务接待费5万元，比上年减少1万元，增长16.67%。\n"
    assert "narrative.direction" in rules(text)


def test_growth_against_both_years() -> None:
    text = "2023年当年预算执行数为50万元，2024年预算安排55万元，比2023年预算执行数减少10.00%。\n"
    assert "narrative.direction" in rules(text)


def test_execution_rate() -> None:
    base = (
        "某局2024年度部门决算\n一般公共预算财政拨款支出年初预算为400万"
        "元，支出决算为380万元，完成年初预算的{}。\n"
    )
    assert check(base.format("95.00%")) == ()
    assert only(base.format("96.00%"), "narrative.execution_rate").severity is Severity.ERROR
    zero = (
        "某局2024年度部门决算\n机关运行经费年初预算为0万元，支出决算为"
        "10万元，完成年初预算的100%。\n"
    )
    assert "narrative.execution_rate" in rules(zero)


def test_execution_over_the_wrong_budget() -> None:
    text = (
        "某局2024年度部门决算\n一般公共预算财政拨款支出年初预算为0万元"
        "，全年预算为200.00万元，支出决算为190.00万元，完成年初预算的"
        "95.00%。\n"
    )
    finding = only(text, "narrative.percent_base")
    assert "全年预算" in finding.message


def test_implied_whole_of_sibling_shares() -> None:
    ok = "（二）结构\n1.节能环保支出90万元，占90.00%；\n2.卫生健康支出10万元，占10.00%。\n"
    assert check(ok) == ()
    bad = ok.replace("占10.00%", "占12.00%").replace("占90.00%", "占88.00%")
    assert "narrative.share_amount" in rules(bad)


def test_restated_count_change_in_a_reason_is_a_warning() -> None:
    text = (
        "实有人数10人，其中：员额控制人员10人，无增加或减少。\n基本支"
        "出50万元，比上年增加40万元，主要原因是增加10名员额控制人员。"
        "\n"
    )
    finding = only(text, "narrative.restated_change")
    assert finding.severity is Severity.WARNING


def test_placeholder_and_empty_reason() -> None:
    assert "narrative.residue" in rules("XX单位2024年部门预算\n")
    assert "narrative.residue" in rules("运行费3万元，与上年持平，主要原因是。\n")


def test_as_of_date_in_a_final_account() -> None:
    text = "某局2024年度部门决算\n截至2023年12月31日，共有车辆2辆。\n"
    finding = only(text, "narrative.year")
    assert "2024" in finding.message
    assert finding.expected == 2024
    assert check(text.replace("2023年12月", "2024年12月")) == ()


def test_messages_never_show_none() -> None:
    texts = [bad for _, bad, _ in CASES]
    for text in texts:
        for finding in check(text + "\n"):
            assert "None" not in finding.message
            assert "None" not in finding.message_en
