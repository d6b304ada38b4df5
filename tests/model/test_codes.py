"""Classification codes are kept whole and validated; their levels are derived."""

from __future__ import annotations

from typing import Any, cast

import pytest

from budgetdiff import EconomicCode, FunctionCode
from budgetdiff.model import Level


def test_function_code_levels_and_parents() -> None:
    code = FunctionCode("2111101")
    assert code.level is Level.ITEM
    assert code.parent == FunctionCode("21111")
    assert code.ancestors == (FunctionCode("211"), FunctionCode("21111"))
    assert code.class_code == FunctionCode("211")
    assert code.is_within(FunctionCode("211"))
    assert not code.is_within(FunctionCode("210"))
    assert FunctionCode("211").parent is None


def test_split_columns_join() -> None:
    """Tables print 类/款/项 in three columns; the code is one string."""
    assert FunctionCode.split("211", "11", "01") == FunctionCode("2111101")
    assert FunctionCode.split("208 ", " 05") == FunctionCode("20805")


@pytest.mark.parametrize("bad", ["3110399", "21111011", "21", "2a11101", "", "211110"])
def test_invalid_function_codes_are_refused(bad: str) -> None:
    """The seed's 表七 prints 311 03 99: not a function code (they start with 2)."""
    with pytest.raises(ValueError, match="支出功能分类"):
        FunctionCode(bad)


def test_economic_codes() -> None:
    assert EconomicCode("30199").class_code == EconomicCode("301")
    assert EconomicCode("301").parent is None
    with pytest.raises(ValueError, match="支出经济分类"):
        EconomicCode("2111101")
    with pytest.raises(TypeError):
        FunctionCode(cast(Any, 2111101.0))
