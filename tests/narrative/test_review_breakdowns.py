"""
The review's cases of figures broken down (`shared/reference/checker-review.md`, R6, R7,
R9, R10, R11, and fragment 018): a change accounted for by the changes of its parts, a
count against the names it counts, respectively constructions, parts implied by shares or
spread over numbered items, and a rate's base — in our own words and figures, with line
breaks, 元 and 万元, full- and half-width punctuation, and the consistent variants that
must stay quiet.
"""

from __future__ import annotations

import pytest

from budgetdiff._model.findings import Finding, Severity
from budgetdiff._narrative.consistency import check_claims
from budgetdiff._narrative.extract import claims


def loud(text: str) -> list[Finding]:
    return [f for f in check_claims(claims(text)) if f.severity.at_least(Severity.WARNING)]


def rules(text: str) -> list[str]:
    return sorted(f.rule for f in loud(text))


# ---------------------------------------------------------------- R6: a change's breakdown

NUMBERED = (
    "2025年基本支出预算较上年增{total}万元，增幅{rate}%。主要变动原因如下：\n"
    "1.工资福利支出较上年增6万元，增7.5%。\n"
    "2.商品和服务支出较上年增4万元，增40%。\n"
    "3.对个人和家庭的补助较上年减2万元，减幅20%。"
)


def test_a_numbered_breakdown_is_held_to_its_change() -> None:
    found = loud(NUMBERED.format(total=10, rate=10))  # 6 + 4 − 2 = 8, not 10
    assert [f.rule for f in found] == ["narrative.reason_parts"]
    assert "合计+8万元" in found[0].message
    assert "相差2万元" in found[0].message


def test_a_numbered_breakdown_that_adds_up_is_quiet() -> None:
    assert loud(NUMBERED.format(total=8, rate=10)) == []  # 8 / 80 = 10%


@pytest.mark.parametrize(
    "text",
    [
        "收入较上年减少100万元，主要是教育支出拨款减少130万元，卫生健康支出拨款增加20万元。",
        "收入较上年减少1000000元,主要是教育支出拨款减少1300000元,卫生健康支出拨款增加200000元。",
        "收入较上年减少100万元，主要是教育支出拨款\n减少130万元，卫生健康支出拨款增加20万元。",
    ],
)
def test_offsetting_moves_in_a_reason_are_a_note(text: str) -> None:
    # −130 + 20 = −110, not −100; "主要是" may leave smaller moves out: a note, not a warning
    assert loud(text) == []
    found = [f for f in check_claims(claims(text)) if f.rule == "narrative.reason_parts"]
    assert [f.severity for f in found] == [Severity.NOTE]


@pytest.mark.parametrize(
    "text",
    [
        # the two moves account for the change
        "收入较上年减少110万元，主要是教育支出拨款减少130万元，卫生健康支出拨款增加20万元。",
        # the main moves of one direction need not be all of them
        "支出较上年增加100万元，主要是教育支出增加60万元，卫生健康支出增加30万元。",
        # a numbered list that is no breakdown: reasons in words
        "项目支出较上年减少20万元。主要原因如下：\n1.信息化项目完成。\n2.培训项目压减。",
    ],
)
def test_a_partial_or_wordy_reason_is_quiet(text: str) -> None:
    assert loud(text) == []


def test_a_reason_announcing_its_items_is_no_empty_reason() -> None:
    text = (
        "基本支出较上年增加8万元，增长10%。主要原因是：\n"
        "1.工资福利支出较上年增加6万元。\n2.商品和服务支出较上年增加2万元。"
    )
    assert loud(text) == []


def test_the_standard_parts_of_a_whole_are_its_breakdown() -> None:
    text = "基本支出较上年增加30万元，主要是人员经费增加20万元，公用经费增加5万元。"
    assert rules(text) == ["narrative.reason_parts"]  # 人员 + 公用 make 基本支出


# ---------------------------------------------------------------- R10: a count and its names


@pytest.mark.parametrize(
    "text",
    [
        "本单位内设5个科室，分别是：办公室、财务科、监测一科、监测二科。",
        "本单位内设5个科室,分别为:办公室、财务科、监测一科、监测二科。",
        "下设二级单位5个：甲中心、乙中心、丙站和丁所。",
        "本中心内设科室5个，即办公室、财务科（含审计）、\n监测一科、监测二科。",
    ],
)
def test_a_count_against_the_names_listed(text: str) -> None:
    found = loud(text)
    assert [f.rule for f in found] == ["narrative.count_names"]
    assert "4个" in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        "本单位内设4个科室，分别是：办公室、财务科、监测一科、监测二科。",
        "内设办公室、财务科等5个科室。",
        "本单位内设5个科室，主要包括办公室、财务科等。",
        "主要职能有3项：一是宣传；二是监测。",
        "共有在职人员5人，分别是：张三、李四。",  # people are counted by staffing, not names
    ],
)
def test_a_count_with_no_full_list_of_names_is_quiet(text: str) -> None:
    assert loud(text) == []


# ---------------------------------------------------------------- 018: a base named by its figure


@pytest.mark.parametrize(
    "text",
    [
        "2021年三公经费支出共计9.07万元，较年初预算数减少10.93万元，下降54.65%，"
        "较上年支出数减少0.71万元，下降7.83%。",
        "2021年三公经费支出共计90700元,较上年实际支出数减少7100元,下降7.83%。",
    ],
)
def test_last_years_outturn_is_a_base(text: str) -> None:
    found = loud(text)
    assert [f.rule for f in found] == ["narrative.percent_base"]  # 0.71 / 9.78 = 7.26%
    assert "7.26%" in found[0].message


def test_last_years_outturn_base_agrees() -> None:
    text = "2021年三公经费支出共计9.07万元，较上年支出数减少0.71万元，下降7.26%。"
    assert loud(text) == []


# ---------------------------------------------------------------- R9: respectively


@pytest.mark.parametrize(
    "text",
    [
        "2022年度收、支总计分别是500、520万元。",
        "2022年度收、支总计分别为5000000元、5200000元。",
        "2022年度收入总计和支出总计分别为500万元和520万元。",
    ],
)
def test_respective_totals_are_each_subjects(text: str) -> None:
    found = loud(text)
    assert [f.rule for f in found] == ["narrative.balance"]  # 收入总计 = 支出总计


def test_respective_changes_and_rates_are_each_subjects() -> None:
    text = (
        "与上年相比，收、支总计各减少50、60万元，各下降9.09%、10.34%。"
        "收、支总计分别为500、520万元。"
    )
    found = {f.rule for f in loud(text)}
    assert "narrative.balance" in found
    good = (
        "收、支总计分别为500、500万元。与上年相比，收、支总计各减少50、50万元，各下降9.09%、9.09%。"
    )
    assert loud(good) == []  # 50 / 550 = 9.09%


@pytest.mark.parametrize(
    ("text", "bad"),
    [
        ("工资福利支出、商品和服务支出分别比上年增加5、8万元，分别增长5%、10%。", False),
        (
            "工资福利支出100万元，商品和服务支出80万元。工资福利支出、商品和服务支出分别比上年增加5、8万元，分别增长5%、20%。",
            True,
        ),
    ],
)
def test_respective_changes_keep_compound_names(text: str, bad: bool) -> None:
    # 商品和服务支出 is one name: 8 / 72 = 11.11%, not 20%
    assert bool(loud(text)) is bad


def test_shares_named_respectively_are_each_parts() -> None:
    text = (
        "一般公共预算收入69669万元，其中：税收收入43184万元，非税收入26485万元，"
        "税收收入和非税收入占一般公共预算收入的比重分别为62%、38%。"
    )
    assert loud(text) == []  # 43184 / 69669 = 61.98%, 26485 / 69669 = 38.02%
    assert loud(text.replace("62%、38%", "52%、48%"))


# ---------------------------------------------------------------- the last false warnings


@pytest.mark.parametrize(
    "text",
    [
        "1、2019年公务接待费20.50万元比201818.50万元决算支出增加2.00万元。",
        "2019年三公经费60.00万元201850.00万元相比较增长10.00万元。",
    ],
)
def test_a_year_run_into_an_amount_is_reported_not_read(text: str) -> None:
    found = loud(text)
    assert [f.rule for f in found] == ["narrative.residue"]
    assert "年份与金额连写" in found[0].message
    assert "2018年" in found[0].message
    assert not any(c.kind.value == "amount" and "2018" in c.text for c in claims(text))


def test_a_large_amount_after_a_base_is_no_year() -> None:
    # 2018 is no year the text names: 201818.50万元 is an amount
    assert loud("公务接待费20.50万元，比上年201818.50万元减少201798.00万元。") == []


@pytest.mark.parametrize(
    "text",
    [
        "社会保障和就业(类)行政事业单位养老支出(款)(项):支出决算为70.10万元。\n"
        "社会保障和就业(类)行政事业单位养老支出(款)机关事业单位基本养老保险缴费支出(项):"
        "支出决算为40.00万元。\n",
        "一般公共服务(类)党委办公厅(室)及相关机构事务(款)行政运行(项):支出决算为3万元。\n"
        "一般公共服务(类)政府办公厅(室)及相关机构事务(款)行政运行(项):支出决算为5万元。\n",
    ],
)
def test_coded_lines_with_a_colon_are_their_own_subjects(text: str) -> None:
    assert loud(text) == []  # distinct 项 (and a 款 with no 项 name), not one subject twice


def test_a_figure_of_another_year_is_no_restatement() -> None:
    text = "2020年培训费预算数30.00万元、决算数28.50万元，2021年预算数29.00万元。"
    assert loud(text) == []
    assert loud("2020年培训费决算数28.50万元。培训费决算数29.00万元。")  # the same year twice


def test_a_comparison_stated_in_a_reason_is_no_list_of_parts() -> None:
    text = (
        "三公经费60万元，与上年相比增长10万元，主要原因为本年三公经费预算70万元"
        "比上年预算62万元增加8万元。"
    )
    assert "narrative.reasons_exceed" not in rules(text)


# ---------------------------------------------------------------- R7: a rate's figure, a bound


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (
            "2025年财政拨款三公经费预算总额为5万元，其中，公务接待费2万元，公务用车运行费3万元。\n"
            "2025年三公经费预算数比2024年预算数减少1万元，减幅0.05%。",
            "narrative.delta_growth",  # 1 / 6 = 16.67%
        ),
        (
            "2025年财政拨款三公经费预算总额为50000元。\n"
            "2025年三公经费预算数比2024年预算数减少10000元，减幅16.67%。",
            None,
        ),
    ],
)
def test_a_change_finds_its_figure_under_a_fuller_name(text: str, rule: str | None) -> None:
    assert rules(text) == ([rule] if rule else [])


@pytest.mark.parametrize(
    ("rate", "bad"),
    [("0.01%", True), ("2.00%", False)],
)
def test_a_parts_rate_cannot_imply_more_than_its_whole(rate: str, bad: bool) -> None:
    text = (
        "2025年基本支出预算较上年增20万元，增幅10%。主要变动原因如下：\n"
        "1.工资福利支出较上年增19.5万元，增12%。\n"
        f"2.对个人和家庭补助支出较上年增0.5万元，增幅{rate}。"
    )  # the whole's prior is 200; 0.5 / 0.01% is 5,000
    assert ("narrative.part_rate" in rules(text)) is bad


# ---------------------------------------------------------------- R11: parts implied by shares


@pytest.mark.parametrize(
    ("text", "bad"),
    [
        (
            "人员经费900元，占基本支出预算75.00%；公用经费240元，占基本支出预算20.00%。\n"
            "六、基本支出\n2025年一般公共预算基本支出1200元。",
            True,  # 900 + 240 = 1,140
        ),
        (
            "人员经费900元，占基本支出预算75.00%；公用经费300元，占基本支出预算25.00%。\n"
            "六、基本支出\n2025年一般公共预算基本支出1200元。",
            False,
        ),
        (  # 工资福利, 商品和服务, 对个人和家庭的补助 are not all of 基本支出 (资本性支出)
            "工资福利支出900元，占基本支出预算75.00%；商品和服务支出180元，占基本支出预算15.00%；"
            "对个人和家庭的补助60元，占基本支出预算5.00%。\n六、基本支出\n"
            "2025年一般公共预算基本支出1200元。",
            False,
        ),
        (  # the 基本支出 of all funds, itself a part of 支出, is not the whole of these shares
            "2025年支出预算1200万元，其中：基本支出1100万元，项目支出100万元。\n"
            "二、一般公共预算基本支出情况\n一般公共预算基本支出中，人员经费900万元，占基本支出的90.00%；"
            "公用经费100万元，占基本支出的10.00%。",
            False,
        ),
    ],
)
def test_shares_of_all_standard_parts_add_to_the_whole(text: str, bad: bool) -> None:
    assert ("narrative.standard_parts" in rules(text)) is bad


# ---------------------------------------------------------------- consistent texts that stay quiet


@pytest.mark.parametrize(
    "text",
    [
        # a fund's part is no fuller name of the total
        "2025年部门预算\n一、收入预算情况\n2025年财政拨款收入120.00万元，占本年收入的80.00%。"
        "本年收入比上年增加25.00万元，增长20.00%。",
        # names holding 的, and a shared word that is no suffix
        "2025年部门预算\n一、基本支出情况\n2025年基本支出170.00万元。其中：工资福利支出、商品和服务支出"
        "和对个人和家庭的补助支出分别为100.00万元、50.00万元、20.00万元。",
        "教育和科学技术支出分别为10.00万元、20.00万元。房租、物业管理费分别为1.00万元、2.00万元。",
        # a 其中 inside a reason breaks a part down; a reason saying others moved too
        "2025年基本支出100.00万元，比上年增加10.00万元，主要是人员经费增加12.00万元，"
        "公用经费减少2.00万元，其中办公费减少1.50万元。",
        "一般公共预算支出100.00万元，比上年减少10.00万元，主要是会议费减少8.00万元，"
        "培训费增加1.00万元，以及其他支出相应调整。",
        # 工资福利, 商品和服务, 对个人和家庭的补助 are not all of 基本支出
        "基本支出比上年增加10.00万元，主要是工资福利支出增加8.00万元，商品和服务支出增加1.00万元，"
        "对个人和家庭的补助增加0.50万元。",
        # two counts and the names of both
        "本部门下设行政单位1家、事业单位2家，分别是：区司法局本级、区公证处、区法律援助中心。",
        # statements of the unit are no blank figures
        "本说明中金额单位均为万元。说明中所列金额均为万元，增减率单位为%。",
    ],
)
def test_consistent_texts_the_review_tried_stay_quiet(text: str) -> None:
    assert loud(text) == []


def test_an_amount_with_separators_is_no_year_run_into_it() -> None:
    text = "2025年收入预算2,124,512.00万元，较2,024,512.00万元增加100,000.00万元。"
    assert "narrative.residue" not in rules(text)
