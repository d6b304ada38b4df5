"""
The review of narratives from other provinces (`shared/reference/checker-review.md`),
case by case: each root cause as a class of sentences, written here in our own words and
figures (元 and 万元, line breaks where PDF text wraps, full-width punctuation), with the
findings a reviewer expects and the absence of the false ones.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from budgetdiff._model.findings import Finding, Severity
from budgetdiff._narrative.claims import AmountClaim, ChangeClaim, Period
from budgetdiff._narrative.consistency import check_claims
from budgetdiff._narrative.extract import claims

GROWTH = "narrative.delta_growth"


def check(text: str) -> tuple[Finding, ...]:
    return check_claims(claims(text))


def loud(text: str) -> list[str]:
    """The rules of the errors and warnings *text* gets."""
    return sorted(f.rule for f in check(text) if f.severity.at_least(Severity.WARNING))


def only(text: str, rule: str) -> Finding:
    found = [f for f in check(text) if f.severity.at_least(Severity.WARNING)]
    assert [f.rule for f in found] == [rule], [f.message for f in found]
    return found[0]


# ---------------------------------------------------------------- C1: the prior figure inline

CONSISTENT_INLINE_PRIOR = [
    "2024年支出预算6300万元，比2023年6000万元增加300万元，增长5.00%。",
    "本年收入预算840000.00元，较上年的800000.00元增加40000.00元，增长5%。",
    "2025年一般公共预算拨款收入3150万元，比上年\n3000万元增加150万元，增长5.0%。",
    "差旅费支出18万元，比上年累计支出20万元减少2万元，下降10%。",
    "培训费支出4.5万元，比2023年的5万元减少0.5万元，下降10.00%。",
]


@pytest.mark.parametrize("text", CONSISTENT_INLINE_PRIOR)
def test_an_inline_prior_figure_is_the_base(text: str) -> None:
    assert loud(text) == []
    found = claims(text)
    amounts = [c for c in found if isinstance(c, AmountClaim)]
    assert [a.period for a in amounts] == [Period.CURRENT, Period.PRIOR]
    change = next(c for c in found if isinstance(c, ChangeClaim))
    assert (change.current, change.prior) == (amounts[0].id, amounts[1].id)
    assert change.subject.name == amounts[0].subject.name


def test_an_inline_prior_checks_the_change() -> None:
    text = "2024年支出预算6300万元，比2023年6000万元增加350万元，增长5.00%。"
    finding = only(text, "narrative.delta_prior")
    assert "增加350万元" in finding.message


def test_an_inline_prior_checks_the_rate() -> None:
    finding = only(
        "本年收入预算840000.00元，较上年的800000.00元增加40000.00元，增长6%。",
        "narrative.delta_growth",
    )
    assert "应增长5%" in finding.message


@settings(max_examples=60, deadline=None)
@given(
    prior=st.integers(min_value=100, max_value=10_000_000),
    delta=st.integers(min_value=-5_000, max_value=5_000_000),
    wan=st.booleans(),
)
def test_consistent_inline_priors_never_give_a_finding(prior: int, delta: int, wan: bool) -> None:
    """X，比上年Y增加Z，增长P%: generated to agree, nothing is said."""
    if prior + delta <= 0 or delta == 0:
        return
    unit, scale = ("万元", Decimal("0.01")) if wan else ("元", Decimal(1))
    p, d = Decimal(prior) * scale, Decimal(delta) * scale
    rate = (abs(d) * 100 / p).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
    verb, rate_verb = ("增加", "增长") if d > 0 else ("减少", "下降")
    text = f"项目支出{p + d}{unit}，比上年{p}{unit}{verb}{abs(d)}{unit}，{rate_verb}{rate}%。"
    assert loud(text) == [], text


@settings(max_examples=60, deadline=None)
@given(
    prior=st.integers(min_value=1_000, max_value=10_000_000),
    delta=st.integers(min_value=1, max_value=5_000_000),
    off=st.integers(min_value=2, max_value=500),
)
def test_a_perturbed_change_always_gives_a_finding(prior: int, delta: int, off: int) -> None:
    """The same sentence with its change off by more than rounding is always reported."""
    p, d = Decimal(prior) / 100, Decimal(delta) / 100
    rate = (d * 100 / p).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
    wrong = d + Decimal(off) / 100
    text = f"项目支出{p + d}万元，比上年{p}万元增加{wrong}万元，增长{rate}%。"
    assert "narrative.delta_prior" in loud(text), text


# ---------------------------------------------------------------- C2, R3: a prior-year section

PRIOR_SECTION = (
    "一、2025年“三公”经费预算\n"
    "2025年“三公”经费预算合计42万元，其中：公务接待费16万元，公务用车运行费26万元。\n"
    "二、2024年“三公”经费决算\n"
    "2024年“三公”经费合计支出40万元，其中：公务接待费15万元，公务用车运行费25万元。\n"
    "2025年公务用车运行费较上年增加{delta}万元，增长{rate}%。"
)


def test_a_prior_year_section_gives_its_year_to_every_figure() -> None:
    text = PRIOR_SECTION.format(delta=1, rate=4)
    assert loud(text) == []
    prior = [c for c in claims(text) if isinstance(c, AmountClaim) and c.line == 4]
    assert [c.period for c in prior] == [Period.PRIOR] * 3


def test_a_change_against_the_prior_section_is_checked() -> None:
    finding = only(PRIOR_SECTION.format(delta=2, rate=8), "narrative.delta_prior")
    assert "上年25万元" in finding.message


def test_a_prior_year_heading_is_no_report_year() -> None:
    text = (
        "一、2024年预算\n2024年三公经费预算总计19.5万元，其中：公务接待9.5万元，公务用车运行费10万元。\n"
        "二、2023年决算\n2023年三公经费合计支出20万元，其中：公务接待10万元，公务用车运行费10万元。\n"
        "2024年公务接待较上年减少0.4万元，下降4%。"
    )
    assert loud(text) == ["narrative.delta_prior"]  # 10 − 0.4 ≠ 9.5: the true one, only


# ---------------------------------------------------------------- A, R1: the sentence's subject


def test_a_same_period_change_is_its_sentences_subjects() -> None:
    text = (
        "商品和服务支出预算64000元，占基本支出预算25.00%，同比增加4000元，增长6.67%。\n"
        "对个人和家庭的补助支出预算9000元，占基本支出预算3.52%，同比减少1000元，下降10.00%。"
    )
    assert loud(text) == []
    changes = [c for c in claims(text) if isinstance(c, ChangeClaim)]
    assert [c.subject.name[-4:] for c in changes] == ["服务支出", "补助支出"]  # never "同比"
    assert all(c.current is not None for c in changes)


@pytest.mark.parametrize(
    ("text", "rule", "words"),
    [
        ("本年支出总计2400万元，同比增加200万元，同比增长10.00%。", GROWTH, "9.09%"),
        ("本年收入总计1,200万元，较去年增加100万元，增长5.00%。", GROWTH, "9.09%"),
        (
            "社会保障和就业支出类科目120元，占支出总预算10.00%，同比增加20元，增长16.67%。",
            "narrative.percent_base",
            "20.00%",
        ),
    ],
)
def test_a_same_period_rate_is_checked(text: str, rule: str, words: str) -> None:
    assert words in only(text, rule).message


# ---------------------------------------------------------------- D, R2: after a list, its whole


@pytest.mark.parametrize(
    "text",
    [
        "2023年基本支出1500万元，其中人员经费1200万元，公用经费300万元。比2022年增加500万元，增长50%。",
        "2023年基本支出1500000元，其中：人员经费1200000元，公用经费300000元。\n比上年增加500000元，增长50.00%。",
    ],
)
def test_a_subjectless_change_after_a_list_is_the_wholes(text: str) -> None:
    assert loud(text) == []


def test_a_subjectless_rate_after_a_list_is_checked_over_the_whole() -> None:
    text = (
        "2023年基本支出1500万元，其中人员经费1200万元，公用经费300万元。"
        "比2022年增加500万元，增长20%。"
    )
    finding = only(text, "narrative.delta_growth")
    assert finding.message.startswith("基本支出")


# ---------------------------------------------------------------- E1a: a list opened at a line end


@pytest.mark.parametrize("opener", ["其中：\n", "其中："])
def test_a_list_ends_at_its_numbered_sibling(opener: str) -> None:
    text = (
        "二、“三公”经费预算\n"
        "2024年“三公”经费预算15万元，其中，因公出国（境）费0万元，公务用车购置及运行费9万元，公务接待费6万元。\n"
        f"2.公务用车购置及运行费9万元。{opener}"
        "公务用车购置费0万元，与上年持平；公务用车运行维护费9万元，比上年减少1万元。\n"
        "3.公务接待费6万元，比上年减少0.5万元。"
    )
    assert loud(text) == []


def test_a_list_of_changes_ends_at_its_numbered_sibling() -> None:
    text = (
        "1.基本支出预算900000元，同比减少20000元，下降2.17%。其中：\n"
        "工资福利支出预算700000元，同比增加10000元，增长1.45%。\n"
        "商品和服务支出预算200000元，同比减少30000元，下降13.04%。\n"
        "2.项目支出120000元，同比增加20000元，增长20.00%。"
    )
    assert loud(text) == []
    wrong = text.replace("同比增加10000元，增长1.45%", "同比增加20000元，增长2.90%")
    assert "narrative.parts_sum" in loud(wrong)  # −20000 against +20000 − 30000


def test_a_description_list_ends_with_its_sentence() -> None:
    text = (
        "六、一般公共预算基本支出情况说明\n"
        "2024 年一般公共预算基本支出 2000000 元,其中:\n"
        "人员经费 1700000 元,占基本支出预算 85.00%。主要包括:\n"
        "基本工资、津贴补贴、奖金、\n住房公积金、退休费。\n"
        "公用经费 300000 元,占基本支出预算 15.00%。主要包括:\n"
        "办公费、印刷费、水电费、差旅费。"
    )
    assert [f.rule for f in check(text)] == []


# ---------------------------------------------------------------- E1b, R15: "；" and "另有"


@pytest.mark.parametrize(
    "text",
    [
        "年末实有人数72人，其中在职人员50人，退休人员22人；年末在园幼儿人数300人。",
        "本单位核定编制32人，其中：行政编制25人，事业编制7人。另有编外聘用人员6人。",
        "本单位核定编制32人，其中：行政编制25人，事业编制7人，另有编外聘用人员6人。",
    ],
)
def test_a_list_does_not_run_past_a_new_whole_or_in_addition(text: str) -> None:
    assert loud(text) == []


def test_an_overrun_does_not_hide_the_true_gap() -> None:
    text = "共有在职职工60人，其中正式职工60人，临聘人员4人；退休18人。"
    finding = only(text, "narrative.parts_sum")
    assert "合计64人" in finding.message


# ---------------------------------------------------------------- E2: a reason and the next item


def test_a_reason_ends_before_the_next_numbered_item() -> None:
    text = (
        "“三公”经费预算安排45万元，与上年持平：一、因公出国（境）费5万元，与上年相比增加5万元，"
        "主要原因是开展国际交流，二、公务用车运行费15万元，与上年相比减少5万元，主要原因是压减车辆，"
        "公务用车购置费0万元，三、公务接待费25万元，与上年持平。"
    )
    assert loud(text) == []


# ---------------------------------------------------------------- B: qualified names


def test_same_named_parts_of_different_wholes_are_different_subjects() -> None:
    text = (
        "行政运行260万元，其中：基本支出260万元，项目支出0万元。"
        "一般行政管理事务90万元，其中：基本支出70万元，项目支出20万元。"
    )
    assert loud(text) == []
    assert loud(text.replace("项目支出20万元", "项目支出30万元")) == ["narrative.parts_sum"]


# ---------------------------------------------------------------- G: what a whole leaves out


@pytest.mark.parametrize(
    "text",
    [
        "本年收入合计750万元，较上年增加50万元，增长7.14%，其中：财政拨款收入750万元，占100%，年初结转和结余80万元。",
        "共有在职职工40人，其中正式职工36人，特岗教师4人，退休15人。",
    ],
)
def test_domain_exclusions_are_no_parts(text: str) -> None:
    assert loud(text) == []


def test_a_prefix_that_sums_exactly_is_a_note() -> None:
    found = check("全所共有职工40人，其中正式职工36人，特岗教师4人，外聘人员15人。")
    assert [(f.rule, f.severity) for f in found] == [("narrative.parts_sum", Severity.NOTE)]
    assert "前2项" in found[0].message


# ---------------------------------------------------------------- F, H, I, J, K, L


def test_a_whole_less_list_gets_no_unrelated_whole() -> None:
    text = (
        "2025年收支总预算1200万元，收入包括：一般公共预算拨款1000万元、政府性基金200万元；"
        "支出包括：一般公共服务支出900万元、城乡社区支出300万元。按支出用途分类，包括人员支出500万元，项目支出700万元。"
    )
    assert loud(text) == []


def test_shares_of_two_breakdowns_are_summed_apart() -> None:
    text = (
        "基本支出预算880000元，占支出总预算的88.00%，同比减少2000元，下降0.23%；\n"
        "项目支出预算120000元，占支出总预算的12.00%，同比无增减变化。\n"
        "其中：\n"
        "（一）教育支出类科目700000元，占支出总预算70.00%，同比减少3000元，下降0.43%。\n"
        "（二）社会保障和就业支出类科目300000元，占支出总预算30.00%，同比增加1000元，增长0.33%。"
    )
    assert loud(text) == []


def test_counts_without_a_measure_word() -> None:
    text = "全乡共有学校15所，包括初中2所，九年一贯制学校3，完全小学6所，教学点4。"
    assert loud(text) == []
    assert "合计16所" in only(text.replace("教学点4", "教学点5"), "narrative.parts_sum").message


def test_the_end_of_the_text_is_no_empty_reason() -> None:
    text = "2024年度支出总计680万元，与上年相比，减少20万元，下降2.86%，主要原因"
    assert loud(text) == []
    assert loud(text + "是。") == ["narrative.residue"]


def test_a_list_of_the_change_is_not_a_list_of_the_amount() -> None:
    text = (
        "项目支出300万元，比上年减少60万元，下降16.67%，主要原因是项目减少。"
        "其中：培训项目40万元，调研项目20万元。"
    )
    assert loud(text) == []


@pytest.mark.parametrize("unit", ["万元", "元"])
def test_nothing_to_nothing_is_one_warning(unit: str) -> None:
    text = f"项目支出0{unit}，比2023年预算增加0{unit}，增长0%。"
    found = check(text)
    assert [(f.rule, f.severity) for f in found] == [("narrative.zero_direction", Severity.WARNING)]


# ---------------------------------------------------------------- messages: figures as printed


def test_a_yuan_document_is_quoted_in_yuan() -> None:
    text = "2024年一般公共预算基本支出523400.57元，其中：人员经费480000.25元，公用经费20000.32元。"
    message = only(text, "narrative.parts_sum").message
    assert "523400.57元" in message
    assert "500000.57元" in message
    assert "相差23400.00元" in message
    assert "万元" not in message
    assert "应小于0元" not in message


def test_small_yuan_figures_are_not_zeros() -> None:
    text = (
        "1.基本支出预算900.00元，同比减少20.00元，下降2.17%。其中：\n"
        "工资福利支出预算700.00元，同比增加20.00元，增长2.94%。\n"
        "商品和服务支出预算200.00元，同比减少30.00元，下降13.04%。"
    )
    message = only(text, "narrative.parts_sum").message
    assert "变动20.00元" in message
    assert "合计10.00元" in message
    assert "0万元" not in message


def test_a_count_bound_is_never_less_than_zero() -> None:
    text = "全乡共有学校15所，包括初中2所，完全小学6所，教学点8。"
    message = only(text, "narrative.parts_sum").message
    assert "应小于0" not in message
    assert "合计16所" in message


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("培训费33.3万元，比上年增加3万元，增长1.10%。", ["写增长1.10%", "9.88%"]),
        ("公务接待费支出8.40万元，与预算相比，减少0.2万元，下降0.005%。", ["0.005%", "8.40万元"]),
        ("本年收入总计1,200.00万元，同比增加100.00万元，增长5.00%。", ["1,200.00万元", "9.09%"]),
    ],
)
def test_rates_are_quoted_to_their_printed_places(text: str, quoted: list[str]) -> None:
    message = only(text, "narrative.delta_growth").message
    for words in quoted:
        assert words in message, message


EXECUTED = "2025年当年预算执行数为50.00万元，2026年预算安排40.00万元，比2025年预算执行数增加{}%。"


def test_the_expected_direction_is_computed() -> None:
    text = EXECUTED.format("30.00")
    growth = [f for f in check(text) if f.rule == "narrative.delta_growth"]
    assert len(growth) == 1
    assert "应下降19.98%至20.02%" in growth[0].message


def test_a_wrong_direction_alone_is_one_finding() -> None:
    text = EXECUTED.format("20.00")
    assert loud(text) == ["narrative.direction"]


# ---------------------------------------------------------------- R5: a bracketed sub-list


def test_a_bracketed_sub_list_belongs_to_its_item() -> None:
    text = (
        "2023年度“三公”经费38万元，其中：因公出国（境）费0万元，公务用车购置及运行维护费18万元"
        "（公务用车购置费0万元、公务用车运行维护费18万元），公务接待费20万元。"
    )
    assert loud(text) == []
    wrong = (
        "公务用车购置及运行费90万元，同比减少15万元（公务用车购置费0万元，同比减少0万元；"
        "公务用车运行维护费90万元，同比减少0万元）。"
    )
    assert "narrative.parts_sum" in loud(wrong)


# ---------------------------------------------------------------- bases and subjects in items


def test_a_change_against_the_own_budget_is_not_a_restated_change() -> None:
    text = (
        "2023年度镇本级“三公”经费36万元，较上年减少4万元，下降10%，较年初预算数减少9万元，下降20%。"
    )
    assert loud(text) == []
    assert loud(text.replace("下降20%", "下降2%")) == ["narrative.delta_growth"]


def test_an_item_named_before_its_year() -> None:
    text = "其中：1、培训费2017年预算6万元，2016年预算7.5万元；对比减少1.5万元；减少率20.00%。"
    assert loud(text) == []
    found = loud(text.replace("减少率20.00%", "减少率18.75%"))
    assert found == ["narrative.delta_growth"]


# ---------------------------------------------------------------- R8: identities between statements


def test_total_change_is_basic_plus_project_change() -> None:
    text = (
        "2024年支出预算1500万元，比2023年预算减少60万元，下降3.85%。\n"
        "二、基本支出\n2024年基本支出1100万元，比2023年预算增加40万元，增长3.77%。\n"
        "三、项目支出\n2024年项目支出400万元，比2023年预算减少{}万元，下降{}%。"
    )
    assert loud(text.format(100, "20.00")) == []
    message = only(text.format(150, "27.27"), "narrative.split_change").message
    assert "-110.00万元" in message or "-110万元" in message


def test_a_budgets_income_changes_as_its_spending() -> None:
    text = (
        "一、收入预算\n2024年收入预算2400万元，比2023年预算增加200万元，增长9.09%。\n"
        "二、支出预算\n2024年支出预算2400万元，比2023年预算增加{}万元，增长{}%。"
    )
    assert loud(text.format(200, "9.09")) == []
    assert loud(text.format(150, "6.67")) == ["narrative.balance"]


def test_income_total_is_spending_total() -> None:
    text = (
        "四、财政拨款收支总体情况\n2021年财政拨款收入总计650万元，与2020年相比增加50万元，"
        "增长8.33%；财政拨款支出总计{}万元，与2020年相比增加50万元，增长{}%。"
    )
    assert loud(text.format(650, "8.33")) == []
    assert loud(text.format(700, "7.69")) == ["narrative.balance"]


def test_an_execution_sentence_measures_against_its_budget() -> None:
    """增收/减收 are changes; "占年度预算X的Y%" is the budget, not this year's figure."""
    text = (
        "2023年全县财政总收入完成25000万元，占年度预算24000万元的104.2%，较上年23000万元，"
        "增收2000万元，增幅8.7%。其中：上划收入完成13000万元，较上年12000万元，增收1000万元。"
    )
    assert loud(text) == []
    assert loud(text.replace("增收2000万元", "增收2500万元")) == ["narrative.delta_prior"]


# ------------------------------------------------ issue 12, continued: roots fixed on fragments


def _rules_of(text: str) -> list[str]:
    from budgetdiff import check_claims, claims

    return [f.rule for f in check_claims(claims(text)) if f.severity.value in {"error", "warning"}]


@pytest.mark.parametrize(
    "text",
    [
        "本年收入300万元，其中：上年结转50万元，占比16.67%；财政拨款250万元，占比83.33%。\n"
        "另外，教育支出240万元，占比96%；卫生健康支出10万元，占比4%。",
        "本年收入3000000元，其中:上年结转和结余500000元，占比16.67%;财政拨款2500000元，占比83.33%。",
    ],
)
def test_carry_over_is_this_years_item_not_a_prior_figure(text: str) -> None:
    assert _rules_of(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "县本级收入安排500万元，比上年实际完成增加50万元，增长11.11%；乡镇级安排300万元，"
        "比上年实际完成减少30万元，下降9.09%。",
        "县本级收入安排5000000元,比上年完成数增加500000元,增长11.11%。\n"
        "乡镇级安排3000000元,比上年完成数减少300000元,下降9.09%。",
    ],
)
def test_actual_outturn_base_is_a_base_not_a_subject(text: str) -> None:
    assert "narrative.restated_change" not in _rules_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "一般公共预算收入由年初预算1000.00万元调整为1100.00万元，调增100.00万元。"
        "上级补助收入由年初预算500.00万元调整为450.00万元，调减50.00万元。",
        "基金收入由年初预算2000000元调整为2100000元,调增100000元。\n"
        "债务收入由年初预算600000元调整为500000元,调减100000元。",
    ],
)
def test_adjusted_figures_keep_their_sentence_subject(text: str) -> None:
    rules = _rules_of(text)
    assert "narrative.restated_change" not in rules
    assert "narrative.restated_amount" not in rules


@pytest.mark.parametrize(
    "text",
    [
        "全年完成收入1000万元，其中：\n1.税收收入600万元，其中：增值税300万元；\n2.非税收入",
        "支出合计100万元，其中：基本支出60万元，项目支出",
    ],
)
def test_a_list_cut_with_the_text_is_partial(text: str) -> None:
    assert "narrative.parts_sum" not in _rules_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "支出决算总计200万元，决算数大于预算数15万元，主要原因是增人增资。其中：\n"
        "1.教育支出180万元，完成预算100%。\n2.卫生健康支出20万元。",
        "支出决算总计2000000元,决算数大于预算数150000元。其中:教育支出1800000元,卫生健康支出200000元。",
    ],
)
def test_final_over_budget_figure_is_a_change_not_an_amount(text: str) -> None:
    assert "narrative.parts_sum" not in _rules_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "三公经费决算5万元，比预算增加0万元，比去年增加1万元。其中，因公出国费比预算无增减变化，"
        "比去年无增减变化；公务接待费比预算无增减变化，比去年增加1万元。",
    ],
)
def test_changes_against_budget_and_last_year_are_two_lists(text: str) -> None:
    assert "narrative.parts_sum" not in _rules_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "本年收入1000万元，其中：财政拨款600万元，占60%；经营收入5万元，附属单位上缴收入4万元，"
        "两项合计占0.9%；其他收入391万元，占39.1%。",
    ],
)
def test_a_share_of_two_parts_together_is_no_share_of_the_last(text: str) -> None:
    assert "narrative.share_amount" not in _rules_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "拨款支出1,000.00万元，比上年增加100.00万元。其中基本支出预算300.00万元，比上年增加40.00万元，"
        "主要原因是增人增资；项目支出预算700.00万元，比上年增加60.00万元，主要原因是新增项目。",
    ],
)
def test_a_reason_stops_at_a_semicolon_before_a_figure_with_separators(text: str) -> None:
    rules = _rules_of(text)
    assert "narrative.restated_change" not in rules
    assert "narrative.reasons_exceed" not in rules


def test_item_changes_not_adding_to_the_stated_change_are_found() -> None:
    text = (
        "拨款支出1,000.00万元，比上年增加100.00万元。其中基本支出预算300.00万元，比上年增加40.00万元；"
        "项目支出预算700.00万元，比上年增加50.00万元。"
    )
    assert "narrative.parts_sum" in _rules_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "人员编制总数30名，其中：事业编制30名。其中，在职在编人员28人。其他聘用人员60人。退休人员20人。",
        "单位编制数为40名,其中公务员(含参照管理人员)22事业编制15名,工勤编制3名。",
        "单位编制数为40名，其中公务员（含参照管理人员）22事业编制15名，工勤编制3名。",
    ],
)
def test_staffing_lists_hired_and_uncounted_parts(text: str) -> None:
    assert "narrative.parts_sum" not in _rules_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "2024年三公经费预算合计20万元。三公经费增减变化的主要原因是：2024年三公经费预算合计20万元，"
        "比上年减少2万元。其中：\n公务用车运行费8万元，与上年持平。\n公务接待费12万元，比上年减少2万元。",
    ],
)
def test_a_reason_lead_in_before_a_statement_of_figures_is_no_reason(text: str) -> None:
    assert _rules_of(text) == []


def test_an_execution_report_compares_its_year_with_the_year_before() -> None:
    text = (
        "某区2023年预算执行情况和2024年预算草案的报告\n2023年预算执行情况\n"
        "2023年完成收入100亿元，比2022年增长3%。\n2024年预算草案\n2024年收入预算105亿元。"
    )
    assert "narrative.year" not in _rules_of(text)


# -------------------------------------------------------- R12, RC1: direction words everywhere

DIRECTION = "narrative.direction"


@pytest.mark.parametrize(
    "text",
    [
        "本年收入合计1050万元，较上年增加50万元，增长5%。收入减少的主要原因是项目资金减少。",
        "本年收入合计10500000元，较上年增加500000元，增长5%。\n收入减少的主要原因是项目资金减少。",
        "2026年财政拨款收入500.00万元，比2025年预算减少20.00万元。财政拨款收入支出增加的主要原因"
        "是培训项目支出减少。",
        "2026年财政拨款收入500.00万元,比2025年预算减少20.00万元.财政拨款收入增加的主要原因是"
        "培训费减少。",
    ],
)
def test_a_reason_summary_against_its_change_is_an_error(text: str) -> None:
    finding = only(text, DIRECTION)
    assert finding.severity is Severity.ERROR
    assert "方向相反" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "2.一般行政管理事务30.00万元，2025年当年预算执行数为40.00万元，2026年预算安排30.00万元，"
        "比2025年预算执行数减少25.00%。主要原因是：会议经费增加。",
        "2.一般行政管理事务300000元，2025年当年预算执行数为400000元，2026年预算安排300000元，"
        "比2025年预算执行数减少25.00%。\n主要原因是：会议经费增加。",
    ],
)
def test_a_reason_naming_only_rises_for_a_fall_is_a_warning(text: str) -> None:
    finding = only(text, DIRECTION)
    assert finding.severity is Severity.WARNING
    assert "会议经费增加" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "3.代表工作（项）12.00万元，上年:20.00万元，主要代表工作经费增加。",
        "3.代表工作（项）120000元，上年：200000元，\n主要代表工作经费增加。",
    ],
)
def test_a_draft_prior_figure_is_the_items_prior(text: str) -> None:
    amounts = [c for c in claims(text) if isinstance(c, AmountClaim)]
    assert [a.period for a in amounts] == [Period.CURRENT, Period.PRIOR]
    assert amounts[1].subject.name == amounts[0].subject.name != "上年"
    assert "小于上年数" in only(text, DIRECTION).message


@pytest.mark.parametrize(
    "text",
    [
        # a part that moved the other way, beside the part that explains the whole
        "基本支出800万元，比上年减少50万元，下降5.88%。主要原因是人员经费减少60万元，公用经费增加10万元。",
        "基本支出800万元，比上年减少50万元，下降5.88%。主要原因是退休人员增加。",
        "财政拨款收入500万元，比上年减少20万元，下降3.85%。主要原因是上年结转资金增加。",
        "项目支出60万元，比上年减少10万元，下降14.29%，主要原因是部分项目完成，同时培训经费增加。",
        "本年收入合计1050万元，较上年增加50万元，增长5%。收入增加的主要原因是项目资金增加。",
        "收支增减变动情况说明：本年收入1050万元，较上年增加50万元，增长5%。",
        "代表工作（项）12.00万元，上年:20.00万元，主要代表工作经费减少。",
        "会议费10万元，比上年减少2万元，下降16.67%，主要原因是业务量增加。",
    ],
)
def test_legitimate_directions_are_no_finding(text: str) -> None:
    assert loud(text) == []


# ---------------------------------------------------------------- RC3: every year slot

YEAR = "narrative.year"
_TITLE = "普陀区某局2026年部门预算\n"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "5.人大培训（项）2026年度预算6.00万元，2024年度预算5.00万元，增加1.00万元。",
            "上年的数字应标为2025年",
        ),
        (
            "5.人大培训（项）2026年度预算60000元,2024年度预算50000元,增加10000元.",
            "上年的数字应标为2025年",
        ),
        (
            "4.代表工作2024年当年预算执行数为8.00万元，2025年预算安排8.00万元。",
            "上年预算执行数应为2025年",
        ),
        ("项目实施周期：2025年1月1日至2025年12月31日。", "实施期间应包含2026年"),
        ("资金执行时间：2027年", "实施期间应包含2026年"),
    ],
)
def test_a_year_slot_against_the_report_year(text: str, words: str) -> None:
    found = [f for f in check(_TITLE + text) if f.rule == YEAR]
    assert found, check(_TITLE + text)
    assert any(words in f.message for f in found), [f.message for f in found]


def test_this_years_arrangement_beside_last_years_outturn() -> None:
    text = _TITLE + "4.代表工作2025年当年预算执行数为8.00万元，2025年预算安排8.00万元。"
    finding = only(text, YEAR)
    assert "本年预算安排应为2026年" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "5.人大培训（项）2026年度预算6.00万元，2025年度预算5.00万元，增加1.00万元。",
        "4.代表工作2025年当年预算执行数为8.00万元，2026年预算安排8.00万元，与2025年预算执行数持平。",
        "2025年预算安排8万元，2026年预算安排10万元，比上年增加2万元，增长25%。",
        "项目实施周期：2026年1月1日至2026年12月31日。",
        "项目实施周期：2024年1月至2028年12月。",
        "资金执行时间：2026年",
        "2022年预算为10万元、2023年预算为12万元、2024年预算为14万元，逐年增加。",
    ],
)
def test_years_that_fit_are_no_finding(text: str) -> None:
    assert loud(_TITLE + text) == []


# ---------------------------------------------------------------- R14, RC2: residue in every form

RESIDUE = "narrative.residue"


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("财政拨款收入支出增加（减少）的主要原因是人员增加。", "增加（减少）"),
        ("财政拨款收入支出增加(减少)的主要原因是人员增加.", "增加(减少)"),
        ("“三公”经费支出比上年减少0.20万元，下降（增长）16.67%。", "下降（增长）16.67%"),
        ("商品和服务支出较上年(减少)8万元，(减)幅12%。", "(减少)8万元"),
        ("商品和服务支出预算48000元，占基本支出预算%，同比增加1500元。", "基本支出预算%"),
        ("本单位共有在职人员人，其中行政编制12人。", "在职人员人"),
        ("因公出国（境）费0万元，占 %，比上年减少 万元。", "%"),
        ("2024年当年预算执行数为。", "执行数为"),
        ("公务接待费1.00万元，与上年持平，主要原因是123。", "主要原因是123。"),
        ("公务接待费1.00万元，与上年持平，\n主要原因是qq。", "主要原因是qq。"),
        ("对本单位的预算单位构成情况进行说明。例如：本单位为一级预算单位。", "进行说明"),
        ("5、请对“三公”经费增减变化原因等进行说明。", "请对"),
        ("第二部分 某区XX中心2026年单位预算表", "XX"),
    ],
)
def test_residue_in_every_form(text: str, quoted: str) -> None:
    found = [f for f in check(text) if f.rule == RESIDUE]
    assert found, check(text)
    assert any(quoted in f.message for f in found), [f.message for f in found]


def test_a_bracketed_direction_is_one_finding_per_figure() -> None:
    found = [f for f in check("商品和服务支出较上年(减少)8万元，(减)幅12%。") if f.rule == RESIDUE]
    assert len(found) == 2


@pytest.mark.parametrize("sep", ["\n", "\n\n"])
def test_a_section_copied_from_another(sep: str) -> None:
    body = "2024年收入预算500万元，比上年增加20万元，增长4.17%。"
    text = f"（一）收入预算{sep}{body}{sep}（二）支出预算{sep}{body}"
    finding = only(text, RESIDUE)
    assert "“（一）收入预算”" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "收支增减变动情况说明：本年收入1050万元，较上年增加50万元，增长5%。",
        "三公经费增减变化的主要原因是：严格执行八项规定。",
        "（单位：万元）本年收入1050万元，较上年增加50万元，增长5%。",
        "金额单位为万元。本年收入1050万元。",
        "公务接待费1.00万元，与上年持平，主要原因是无变化。",
        "比上年增长（%）指标说明：本年收入1050万元，增长5%。",
        "下面对2024年预算情况进行说明。本年收入1050万元。",
        "（一）收入预算\n2024年收入预算500万元。\n（二）支出预算\n2024年支出预算500万元。",
        "一、政府性基金预算\n本单位无政府性基金预算。\n二、国有资本经营预算\n本单位无政府性基金预算。",
        "人员经费包括在职人员工资。共有在职人员20人。",
    ],
)
def test_normal_prose_is_no_residue(text: str) -> None:
    assert RESIDUE not in [f.rule for f in check(text)]
