"""`claims`: what the extractor reads from narrative text (sentences written for these tests)."""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Any, TypeVar

import attrs
import pytest

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
    Period,
    QuantityClaim,
    ReasonClaim,
    ResidueClaim,
    YearClaim,
    YearRole,
)
from budgetdiff._narrative.extract import claims

C = TypeVar("C", bound=Claim)


def wan(value: str) -> Money:
    return Money.of(value, Unit.WAN_YUAN)


def of(found: tuple[Claim, ...], cls: type[C], **where: Any) -> list[C]:
    return [
        c
        for c in found
        if isinstance(c, cls)
        and all(
            (c.subject.name if k == "subject" else getattr(c, k)) == v for k, v in where.items()
        )
    ]


def one(found: tuple[Claim, ...], cls: type[C], **where: Any) -> C:
    matches = of(found, cls, **where)
    assert len(matches) == 1, matches
    return matches[0]


# ---------------------------------------------------------------- amounts and subjects


def test_amounts_with_their_subjects() -> None:
    found = claims("2024年，某市环境监测站支出预算2,150.60万元，其中：基本支出1,800.00万元。\n")
    total = one(found, AmountClaim, subject="支出")
    assert total.amount == wan("2150.60")
    assert total.places == 2
    basic = one(found, AmountClaim, subject="基本支出")
    assert basic.amount == wan("1800")


def test_wan_without_yuan_and_yuan_rates() -> None:
    found = claims("资金分配：设备维护12万，通信费300元/月，合计15.6万元。\n")
    assert one(found, AmountClaim, subject="设备维护").amount == wan("12")
    rate = one(found, AmountClaim, subject="通信费")
    assert rate.unit is Unit.YUAN
    assert rate.per == "月"
    assert one(found, AmountClaim, subject="合计").amount == wan("15.6")


def test_thresholds_years_and_codes_are_not_amounts() -> None:
    found = claims("单位价值50万元以上大型设备3台（套），详见2023年底统计；依据〔2022〕12号文。\n")
    assert not of(found, AmountClaim)
    devices = one(found, CountClaim)
    assert devices.count == 3
    assert devices.unit == "台（套）"


def test_claims_carry_line_span_text_and_sentence() -> None:
    text = "一、总体情况\n收支总预算880.25万元。\n"
    found = claims(text, source="demo.txt")
    total = one(found, AmountClaim)
    assert total.line == 2
    assert text[total.span[0] : total.span[1]] == "880.25万元"
    assert total.text == "收支总预算880.25万元"
    assert total.sentence == "收支总预算880.25万元。"
    assert total.section == "一、总体情况"
    location = total.location()
    assert location.line == 2
    assert location.source == "demo.txt"


def test_models_are_frozen_and_exact() -> None:
    found = claims("项目支出260.5万元，占40.25%，比上年增加20.5万元，增长8.54%。\n")
    for claim in found:
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            claim.id = 99  # type: ignore[misc]
        for name in attrs.fields_dict(type(claim)):
            value = getattr(claim, name)
            assert not isinstance(value, float)
            assert not isinstance(value, list)
            if isinstance(value, enum.Enum | Money | Decimal):
                continue


# ---------------------------------------------------------------- changes


@pytest.mark.parametrize(
    ("sentence", "direction", "magnitude", "kind", "year"),
    [
        (
            "基本支出520万元，比上年增加41.5万元。",
            Direction.INCREASE,
            "41.5",
            BaseKind.PRIOR_YEAR,
            None,
        ),
        (
            "基本支出520万元，较上年减少0.09万元。",
            Direction.DECREASE,
            "0.09",
            BaseKind.PRIOR_YEAR,
            None,
        ),
        (
            "基本支出520万元，比2023年预算增加1,205.65万元。",
            Direction.INCREASE,
            "1205.65",
            BaseKind.PRIOR_BUDGET,
            2023,
        ),
        (
            "基本支出520万元，比2023年执行数减少18.2万元。",
            Direction.DECREASE,
            "18.2",
            BaseKind.PRIOR_ACTUAL,
            2023,
        ),
        ("基本支出520万元，与上年持平。", Direction.FLAT, None, BaseKind.PRIOR_YEAR, None),
        ("基本支出520万元，比2023年预算持平。", Direction.FLAT, None, BaseKind.PRIOR_BUDGET, 2023),
        ("基本支出520万元，增加（减少）0万元。", Direction.UNCLEAR, "0", BaseKind.UNSTATED, None),
        ("基本支出520万元，本年新增520万元。", Direction.NEW, "520", BaseKind.UNSTATED, None),
    ],
)
def test_change_directions_and_bases(
    sentence: str, direction: Direction, magnitude: str | None, kind: BaseKind, year: int | None
) -> None:
    found = claims(sentence + "\n")
    change = one(found, ChangeClaim)
    assert change.subject.name == "基本支出"
    assert change.direction is direction
    assert change.magnitude == (wan(magnitude) if magnitude is not None else None)
    assert change.base.kind is kind
    assert change.base.year == year
    assert change.current == one(found, AmountClaim).id


def test_typo_base_and_no_prior_year() -> None:
    found = claims("培训费8万元，较上线增加8万元。会议费6万元，上年无此项支出。\n")
    typo = one(found, ChangeClaim, subject="培训费")
    assert typo.base.typo
    assert typo.base.kind is BaseKind.PRIOR_YEAR
    new = one(found, ChangeClaim, subject="会议费")
    assert new.direction is Direction.NEW
    assert new.magnitude is None


def test_delta_is_signed_by_direction() -> None:
    found = claims("公务接待费1.2万元，比上年减少0.3万元。\n")
    assert one(found, ChangeClaim).delta == -wan("0.3")


def test_change_stated_apart_from_its_amount() -> None:
    text = (
        "某局2024年度收入支出总计1,820.40万元。与2023年度相比，收入支"
        "出总计减少20.1万元，下降1.09%。\n"
    )
    found = claims(text)
    change = one(found, ChangeClaim)
    assert change.base.year == 2023
    assert change.current == one(found, AmountClaim, subject="收入支出总计").id
    growth = one(found, PercentClaim)
    assert growth.role is PercentRole.GROWTH
    assert growth.change == change.id
    assert growth.signed == Decimal("-1.09")


# ---------------------------------------------------------------- percentages


def test_growth_and_share_attach_to_their_figures() -> None:
    found = claims(
        "支出预算1000万元，其中：项目支出260.5万元，占26.05%，比上年增加20.5万元，增长8.54%。\n"
    )
    share = one(found, PercentClaim, role=PercentRole.SHARE)
    part = one(found, AmountClaim, subject="项目支出")
    assert share.part == part.id
    assert share.whole == one(found, AmountClaim, subject="支出").id
    growth = one(found, PercentClaim, role=PercentRole.GROWTH)
    assert growth.change == one(found, ChangeClaim).id
    assert growth.direction is Direction.INCREASE


def test_compression_is_a_decrease() -> None:
    found = claims("“三公”经费16.2万元，比上年减少1.2万元，压缩6.9%。\n")
    rate = one(found, PercentClaim)
    assert rate.direction is Direction.DECREASE
    assert rate.signed == Decimal("-6.9")
    assert rate.places == 1


def test_growth_from_both_years() -> None:
    text = (
        "1.“卫生健康支出（类）行政事业单位医疗（款）事业单位医疗（项）"
        "”40.5万元。2023年当年预算执行数为36万元，2024年预算安排40.5万"
        "元，比2023年预算执行数增加12.50%。\n"
    )
    found = claims(text)
    prior = one(found, AmountClaim, period=Period.PRIOR)
    assert prior.amount == wan("36")
    assert prior.base is not None
    assert prior.base.kind is BaseKind.PRIOR_ACTUAL
    assert prior.base.year == 2023
    rate = one(found, PercentClaim)
    assert rate.prior == prior.id
    assert rate.subject.name == "事业单位医疗"


def test_execution_rate_against_its_budget() -> None:
    text = (
        "某局2024年度部门决算\n一般公共预算财政拨款支出年初预算为400万"
        "元，支出决算为380万元，完成年初预算的95.00%。\n"
    )
    found = claims(text)
    rate = one(found, PercentClaim, role=PercentRole.EXECUTION)
    assert rate.whole == one(found, AmountClaim, period=Period.BUDGET).id
    assert rate.part == one(found, AmountClaim, period=Period.CURRENT).id


def test_percent_without_sign() -> None:
    found = claims("机关运行经费30万元，比上年增加3万元，增长11.11。\n")
    rate = one(found, PercentClaim)
    assert not rate.has_sign
    assert rate.value == Decimal("11.11")


# ---------------------------------------------------------------- lists


def test_list_over_following_lines_links_parts_to_whole() -> None:
    text = (
        "三、支出预算情况\n支出预算600万元，其中：\n基本支出450万元，"
        "占75%。\n项目支出150万元，占25%。\n四、其他\n"
    )
    found = claims(text)
    lst = one(found, ListClaim)
    whole = one(found, AmountClaim, subject="支出")
    assert lst.whole == whole.id
    assert [found[p].subject.name for p in lst.parts] == ["基本支出", "项目支出"]


def test_list_goes_on_after_a_reason_sentence() -> None:
    text = (
        "拨款合计600万元，其中：基本支出450万元，比上年增加50万元。主"
        "要原因是：人员增加。项目支出150万元，比上年减少10万元。\n"
    )
    lst = one(claims(text), ListClaim, subject="拨款合计")
    assert len(lst.parts) == 2


def test_nested_lists() -> None:
    text = (
        "基本支出100万元，其中：\n人员经费80万元，主要包括：基本工资5"
        "0万元、津贴补贴30万元。\n公用经费20万元，主要包括：办公费20万"
        "元。\n"
    )
    found = claims(text)
    outer = one(found, ListClaim, subject="基本支出")
    assert [found[p].subject.name for p in outer.parts] == ["人员经费", "公用经费"]
    inner = one(found, ListClaim, subject="人员经费")
    assert len(inner.parts) == 2
    assert not inner.exhaustive


def test_list_of_changes_and_of_amounts() -> None:
    text = (
        "“三公”经费10万元，比上年减少2万元。其中：\n（一）因公出国（境"
        "）费0万元，与上年持平。\n（二）公务接待费10万元，比上年减少2"
        "万元。\n"
    )
    found = claims(text)
    amounts = one(found, ListClaim, whole=one(found, AmountClaim, subject="三公经费").id)
    assert len(amounts.parts) == 2
    changes = one(found, ListClaim, whole=one(found, ChangeClaim, subject="三公经费").id)
    assert [found[p].direction for p in changes.parts] == [Direction.FLAT, Direction.DECREASE]  # type: ignore[attr-defined]


def test_subset_introducer_and_sentence_end() -> None:
    text = (
        "支出预算500万元，其中：财政拨款支出预算500万元。财政拨款支出"
        "预算中，一般公共预算拨款支出预算500万元；政府性基金拨款支出预"
        "算0万元。\n"
    )
    found = claims(text)
    subset = one(found, ListClaim, subject="财政拨款支出")
    assert len(subset.parts) == 2
    top = one(found, ListClaim, subject="支出")
    assert len(top.parts) == 1


def test_counts_and_their_list() -> None:
    text = (
        "单位编制数6，实有人数40人，其中：在职6人，无增加或减少；退休"
        "0人；员额控制人员34人。下设5个科室。\n"
    )
    found = claims(text)
    assert one(found, CountClaim, subject="编制数").count == 6
    lst = one(found, ListClaim, subject="实有人数")
    assert [found[p].count for p in lst.parts] == [6, 0, 34]  # type: ignore[attr-defined]
    flat = one(found, CountClaim, direction=Direction.FLAT)
    assert flat.subject.name == "在职"
    assert one(found, CountClaim, subject="科室").count == 5


def test_count_change_with_noun_after() -> None:
    found = claims("基本支出增加30万元，主要原因是增加3名员额控制人员工资福利支出30万元。\n")
    count = one(found, CountClaim)
    assert count.subject.name == "员额控制人员"
    assert count.direction is Direction.INCREASE
    assert one(found, AmountClaim).subject.name == "工资福利支出"


def test_quantities() -> None:
    found = claims("建筑面积约为1200平方米，其中地上900平方米，地下300平方米。\n")
    whole = one(found, QuantityClaim, subject="建筑面积")
    assert whole.approximate
    assert whole.unit == "平方米"
    assert one(found, ListClaim).whole == whole.id


# ---------------------------------------------------------------- reasons


def test_reason_links_and_cites() -> None:
    text = (
        "项目支出300万元，比上年增加60万元，主要原因是新增培训项目40万"
        "元、调研项目20万元；基本支出100万元。\n"
    )
    found = claims(text)
    reason = one(found, ReasonClaim)
    assert reason.explains == one(found, ChangeClaim).id
    assert [found[c].amount for c in reason.cites] == [wan("40"), wan("20")]  # type: ignore[attr-defined]
    assert all(found[c].reason == reason.id for c in reason.cites)
    assert one(found, AmountClaim, subject="基本支出").reason is None


def test_empty_reason() -> None:
    found = claims("公务用车运行费3万元，与上年持平，主要原因是。其中：购置费0万元。\n")
    assert one(found, ReasonClaim).empty


# ---------------------------------------------------------------- coded subjects


def test_coded_subject_with_codes() -> None:
    found = claims(
        "1.节能环保支出（211）污染减排（11）生态环境监测与信息（01）款"
        "120.5万元，较上年增加10万元。\n"
    )
    amount = one(found, AmountClaim)
    assert amount.subject.code == "2111101"
    assert amount.subject.names == ("节能环保支出", "污染减排", "生态环境监测与信息")
    assert amount.subject.name == "生态环境监测与信息"


def test_coded_subject_with_level_names() -> None:
    text = (
        "2.“社会保障和就业支出（类）行政事业单位养老支出（款）机关事业"
        "单位职业年金缴费支出（项）”科目88.1万元，主要用于年金缴费。\n"
    )
    amount = one(claims(text), AmountClaim)
    assert amount.subject.name == "机关事业单位职业年金缴费支出"
    assert amount.subject.names[0] == "社会保障和就业支出"
    assert amount.subject.code == ""


def test_coded_subject_with_numbered_levels() -> None:
    text = "3、公共安全支出（204类）司法（06款）普法宣传（05项）60万元。\n"
    amount = one(claims(text), AmountClaim)
    assert amount.subject.code == "2040605"
    assert amount.subject.name == "普法宣传"


def test_coded_topic_heads_its_item() -> None:
    text = (
        "某局2024年度部门决算\n其中：\n1、住房保障支出（类）住房改革支"
        "出（款）住房公积金（项）。主要用于：缴纳公积金。年初预算为50"
        ".00万元，支出决算为49.80万元。决算数小于预算数的主要原因：人"
        "员变动。\n"
    )
    found = claims(text)
    budget = one(found, AmountClaim, period=Period.BUDGET)
    assert budget.subject.name == "住房公积金"
    assert budget.subject.inherited
    against = one(found, ChangeClaim)
    assert against.base.kind is BaseKind.ANNUAL_BUDGET
    assert against.direction is Direction.DECREASE
    assert (against.current, against.prior) == (
        one(found, AmountClaim, period=Period.CURRENT).id,
        budget.id,
    )


# ---------------------------------------------------------------- layout


def test_table_rows_are_not_prose() -> None:
    text = "表一\n\t基本支出\n\t318.34万元\n\n说明：基本支出20万元。\n"
    assert [c.line for c in claims(text) if isinstance(c, AmountClaim)] == [5]


def test_numbers_displaced_by_a_pdf_are_put_back() -> None:
    """A PDF extraction moved each line's numbers onto the line below; read them in place."""
    text = (
        "本年支出合计 万元，其中：基本支出 万元，占 ；项目支出\n"
        "1200.5 900.5 75.01%\n"
        "万元，占 。\n"
        "300 24.99%\n"
    )
    found = claims(text)
    basic = one(found, AmountClaim, subject="基本支出")
    assert basic.amount == wan("900.5")
    assert basic.line == 2
    assert text[basic.span[0] : basic.span[1]] == "900.5"
    project = one(found, AmountClaim, subject="项目支出")
    assert project.amount == wan("300")
    assert project.line == 4
    share = one(found, PercentClaim, part=project.id)
    assert share.value == Decimal("24.99")
    assert one(found, ListClaim).whole == one(found, AmountClaim, subject="支出合计").id


def test_wrapped_lines_are_joined() -> None:
    text = (
        "一般公共预算财政拨款支出年初预算为 400.00 万元，支出决算为 380.00 万元，完成\n"
        "年初预算的 95.00%。决算数小于预算数的主要原因：项目调减。这里"
        "是一段很长的文字用来撑满宽度\n"
        "这一行同样很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长\n"
    )
    rate = one(claims(text), PercentClaim)
    assert rate.role is PercentRole.EXECUTION
    assert rate.line == 2


# ---------------------------------------------------------------- years and placeholders


def test_years_and_placeholders() -> None:
    text = (
        "第一部分 XX局2024年度部门决算\n截至2024年12月31日，共有车辆2"
        "辆。与2023年度相比，收入减少5万元。\n"
    )
    found = claims(text)
    assert one(found, ResidueClaim).placeholder == "XX"
    report = one(found, YearClaim, role=YearRole.REPORT)
    assert report.year == 2024
    assert report.final
    assert one(found, YearClaim, role=YearRole.AS_OF).year == 2024
    assert one(found, YearClaim, role=YearRole.BASE).year == 2023


def test_claim_ids_are_positions() -> None:
    found = claims("政府采购预算30万元，其中：货物10万元，服务20万元。\n")
    assert [c.id for c in found] == list(range(len(found)))
