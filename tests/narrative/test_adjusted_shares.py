"""Shares printed to add to exactly 100% (the remainder given to the largest): not an error."""

from __future__ import annotations

import pytest

from budgetdiff._model.findings import Severity
from budgetdiff._narrative.consistency import check_claims
from budgetdiff._narrative.extract import claims


def _rules(text: str) -> list[str]:
    return [f.rule for f in check_claims(claims(text)) if f.severity is not Severity.NOTE]


@pytest.mark.parametrize(
    "text",
    [
        # thirds: 33.33 + 33.33 + 33.34 = 100.00, the last one unit above its rounding
        "办公费300元，占33.33%；印刷费300元，占33.33%；邮电费300元，占33.34%。",
        "办公费30万元，占33.33%；印刷费30万元，占33.33%；邮电费30万元，占33.34%。",
        # 2 / 3 = 66.67, 1 / 3 = 33.33: exact already, and no adjustment needed
        "工资福利支出200元，占66.67%；商品和服务支出100元，占33.33%。",
    ],
)
def test_shares_that_make_exactly_100_are_consistent(text: str) -> None:
    assert "narrative.share_amount" not in _rules(text)


def test_a_share_two_units_off_is_still_wrong() -> None:
    text = "办公费300元，占33.32%；印刷费300元，占33.33%；邮电费300元，占33.35%。"  # 元: exact
    assert "narrative.share_amount" in _rules(text)


def test_a_share_one_unit_off_in_shares_not_making_100_is_wrong() -> None:
    text = "工资福利支出200元，占66.68%；商品和服务支出100元，占33.33%。"
    assert {"narrative.share_amount", "narrative.share_sum"} & set(_rules(text))
