"""Respectively constructions spelled out (`_narrative.respectively`): nothing invented or lost."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from budgetdiff._narrative.prose import paragraphs
from budgetdiff._narrative.respectively import spelled_out

PIECES = st.sampled_from(
    [
        "收、支总计",
        "基本、项目支出",
        "人员经费和公用经费",
        "工资福利支出、商品和服务支出",
        "分别为",
        "分别是",
        "各减少",
        "各增加",
        "分别比上年增加",
        "，",
        "。",
        "、",
        "和",
        "100",
        "20.5",
        "3,000.25",
        "万元",
        "元",
        "%",
        "2024年",
        "其中",
        "各项",
        "为",
    ]
)


@given(st.lists(PIECES, min_size=1, max_size=14).map("".join))
def test_every_printed_figure_is_kept_and_traced(text: str) -> None:
    for para in paragraphs(text):
        out = spelled_out(para)
        assert len(out.text) == len(out.offsets)
        for char, offset in zip(out.text, out.offsets, strict=True):
            if char.isdigit():  # a digit is always a printed digit, traced to itself
                assert text[offset] == char
        before = re.findall(r"\d[\d,.]*", para.text)
        after = re.findall(r"\d[\d,.]*", out.text)
        assert sorted(set(before)) == sorted(set(after))


def test_a_plain_construction_is_written_out() -> None:
    (para,) = paragraphs("收、支总计分别是500、520万元，各减少50、60万元。")
    assert (
        spelled_out(para).text == "收入总计是500万元，减少50万元；支出总计是520万元，减少60万元。"
    )


def test_a_construction_that_does_not_pair_up_is_left_as_printed() -> None:
    (para,) = paragraphs("收、支总计分别是500万元。各项支出分别为100、200、300万元。")
    assert spelled_out(para).text == para.text
