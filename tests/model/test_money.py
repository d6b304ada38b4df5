"""Exact money: no floats, exact unit conversion, rounding only when presented."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, cast

import pytest
from hypothesis import given
from hypothesis import strategies as st

from budgetdiff import Money, Presentation, Unit
from budgetdiff._model.money import half_up, percent, plain, total, truncated


@pytest.mark.parametrize("bad", [0.1, 306.9, True, False])
def test_money_refuses_float_and_bool(bad: object) -> None:
    """A float has already lost the printed digits; a bool is not an amount."""
    with pytest.raises(TypeError, match="not an exact amount"):
        Money(cast(Any, bad))
    with pytest.raises(TypeError):
        Money.of(cast(Any, bad), Unit.WAN_YUAN)


@pytest.mark.parametrize("bad", ["433..34", "abc", "", "NaN", "Infinity"])
def test_money_refuses_malformed_text(bad: str) -> None:
    with pytest.raises(ValueError, match="amount"):
        Money.of(bad)


def test_wan_yuan_converts_exactly() -> None:
    """306.9万元 is 3,069,000元 and back, with no rounding."""
    amount = Money.of("306.9", Unit.WAN_YUAN)
    assert amount.yuan == Decimal(3069000)
    assert amount.to(Unit.WAN_YUAN) == Decimal("306.9")
    assert Money.of("1149678.37").to(Unit.WAN_YUAN) == Decimal("114.967837")


def test_equality_ignores_spelling() -> None:
    assert Money.of("115", Unit.WAN_YUAN) == Money.of("115.00", Unit.WAN_YUAN)
    assert hash(Money.of("115")) == hash(Money.of("115.000"))


def test_rounding_is_half_up_only_when_presented() -> None:
    """四舍五入: 0.005 rounds up, where Python's round() would round to even."""
    assert half_up(Decimal("0.125"), 2) == Decimal("0.13")
    assert half_up(Decimal("2.5"), 0) == Decimal(3)
    assert truncated(Decimal("106.6685"), 2) == Decimal("106.66")
    p = Presentation(unit=Unit.WAN_YUAN, places=2)
    assert p.present(Money.of("11450")) == Decimal("1.15")  # 1.145万元, 四舍五入
    assert p.step == Money.of(100)


def test_percent_has_no_value_on_a_zero_base() -> None:
    """Never "增长100%" on a zero base: growth against 0 is None."""
    assert percent(Money.of(5), Money.of(0)) is None
    growth = percent(Money.of("290.1", Unit.WAN_YUAN), Money.of("143.24", Unit.WAN_YUAN))
    assert growth is not None
    assert half_up(growth, 2) == Decimal("202.53")


def test_plain_drops_exponent_and_trailing_zeros() -> None:
    assert plain(Decimal("3.06900E+2")) == "306.9"
    assert plain(Decimal("1E+2")) == "100"
    assert plain(Decimal("0.00")) == "0"


@given(st.lists(st.integers(-(10**12), 10**12), max_size=20))
def test_sum_is_exact(fen: list[int]) -> None:
    """Summing amounts never loses a 分."""
    amounts = [Money.of(Decimal(n) / 100) for n in fen]
    assert total(amounts).yuan * 100 == sum(fen)
    assert sum(amounts, Money.of(0)) == total(amounts)


@given(st.integers(-(10**14), 10**14))
def test_unit_round_trip(fen: int) -> None:
    """元 → 万元 → 元 is the identity."""
    amount = Money.of(Decimal(fen) / 100)
    assert Money.of(amount.to(Unit.WAN_YUAN), Unit.WAN_YUAN) == amount
