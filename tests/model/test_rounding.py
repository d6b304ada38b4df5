"""Rounding as arithmetic: printed figures as intervals, sums, growth rates and shares."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from budgetdiff._model.money import half_up, truncated
from budgetdiff._model.rounding import (
    Interval,
    PercentFit,
    SumVerdict,
    check_sum,
    explain_percent,
    fit_percent,
    half_step,
    implied_growth,
    implied_growth_from_prior,
    implied_share,
    nearest,
    places_of,
)

D = Decimal
H = half_step(2)


def printed(value: str) -> Interval:
    return Interval.printed(D(value), 2)


# ---------------------------------------------------------------- units


def test_half_step_and_places() -> None:
    assert half_step(2) == D("0.005")
    assert half_step(0) == D("0.5")
    assert places_of("18,976.76") == 2
    assert places_of("115") == 0
    assert places_of(D("0.30")) == 2


def test_interval_arithmetic() -> None:
    a, b = printed("318.34"), printed("247.68")
    assert (a - b) == Interval(D("70.650"), D("70.670"))
    assert (a + b).width == D("0.020")
    assert a.contains(D("318.344"))
    assert not a.contains(D("318.346"))
    assert Interval(D(1), D(2)).distance(D(3)) == 1
    with pytest.raises(ValueError, match="empty"):
        Interval(D(2), D(1))


def test_sum_verdicts() -> None:
    parts = [(D("308.75"), H), (D("9.59"), H)]
    assert check_sum(parts, (D("318.34"), H)).verdict is SumVerdict.EXACT
    rounding = check_sum([(D("2106.66"), H), (D("833.40"), H)], (D("2940.05"), H))
    assert rounding.verdict is SumVerdict.ROUNDING
    assert rounding.gap == D("0.01")
    assert rounding.bound == D("0.015")
    assert check_sum(parts, (D("318.40"), H)).verdict is SumVerdict.MISMATCH


def test_sum_bound_is_strict() -> None:
    """One part and its total, both to 0.01, can never be 0.01 apart: the bound is exclusive."""
    assert check_sum([(D("5.01"), H)], (D("5.00"), H)).verdict is SumVerdict.MISMATCH


def test_growth_from_change_keeps_the_correlation() -> None:
    """350.52% for 318.34 after an increase of 247.68: the seed's basic expenditure."""
    implied = implied_growth(printed("318.34"), printed("247.68"))
    assert implied is not None
    assert implied.contains(D("350.52"))
    assert fit_percent(D("350.52"), 2, implied) is PercentFit.ROUNDED


def test_no_growth_on_a_zero_base() -> None:
    assert implied_growth(printed("6.32"), printed("6.32")) is None
    assert implied_growth_from_prior(printed("0"), printed("60.13")) is None


def test_truncation_and_wrong_base_are_told_apart() -> None:
    """106.66% for +77.42 over 72.58 (truncated 106.669…) and over 37.58 (206.01%)."""
    right = implied_growth(printed("115"), printed("77.42"))
    other_prior = printed("115") - printed("42.42")
    from budgetdiff._model.rounding import implied_ratio

    wrong = implied_ratio(printed("77.42"), other_prior)
    matches = explain_percent(D("106.66"), 2, [("right", right), ("other", wrong)])
    assert [m.name for m in matches] == ["other"]
    assert right is not None
    assert nearest(right, 2) == D("206.01")
    exact = Interval.exact(D("106.669"))
    assert fit_percent(D("106.66"), 2, exact) is PercentFit.TRUNCATED
    assert fit_percent(D("106.67"), 2, exact) is PercentFit.ROUNDED
    assert fit_percent(D("-2.09"), 2, Interval.exact(D("-2.097"))) is PercentFit.TRUNCATED


def test_share() -> None:
    share = implied_share(printed("2106.66"), printed("2940.05"))
    assert share is not None
    assert fit_percent(D("71.65"), 2, share) is PercentFit.ROUNDED
    assert fit_percent(D("71.73"), 2, share) is PercentFit.NONE


# ---------------------------------------------------------------- properties

amounts = st.decimals(min_value=0, max_value=10**6, places=4, allow_nan=False, allow_infinity=False)


@given(st.lists(amounts, min_size=1, max_size=15))
def test_rounded_parts_always_pass(values: list[Decimal]) -> None:
    """The rounded parts of true values and their rounded true total are never a mismatch."""
    parts = [(half_up(v, 2), H) for v in values]
    total = (half_up(sum(values, D(0)), 2), H)
    assert check_sum(parts, total).verdict is not SumVerdict.MISMATCH


@given(st.lists(amounts, min_size=1, max_size=15), st.integers(min_value=0, max_value=50))
def test_total_off_by_the_bound_always_fails(values: list[Decimal], extra: int) -> None:
    """A total perturbed by the bound (or more) is always a mismatch, either way."""
    parts = [(half_up(v, 2), H) for v in values]
    printed_sum = sum((p for p, _ in parts), D(0))
    bound = H * (len(parts) + 1)
    step = D("0.01")
    offset = (bound / step).to_integral_value(rounding="ROUND_CEILING") * step + extra * step
    for total in (printed_sum + offset, printed_sum - offset):
        assert check_sum(parts, (total, H)).verdict is SumVerdict.MISMATCH


priors = st.decimals(min_value=1, max_value=10**6, places=4, allow_nan=False, allow_infinity=False)


@given(priors, amounts)
def test_correctly_rounded_growth_always_fits(prior: Decimal, current: Decimal) -> None:
    printed_current = half_up(current, 2)
    printed_delta = half_up(current - prior, 2)
    growth = half_up((current - prior) * 100 / prior, 2)
    implied = implied_growth(printed(str(printed_current)), printed(str(printed_delta)))
    assert implied is not None
    assert fit_percent(growth, 2, implied) is PercentFit.ROUNDED


@given(priors, amounts)
def test_truncated_growth_never_fits_nothing(prior: Decimal, current: Decimal) -> None:
    """A growth cut instead of rounded fits by rounding or by truncation, never not at all."""
    implied = implied_growth_from_prior(
        printed(str(half_up(prior, 2))), printed(str(half_up(current, 2)))
    )
    growth = truncated((current - prior) * 100 / prior, 2)
    assert implied is not None
    assert fit_percent(growth, 2, implied) is not PercentFit.NONE


@given(amounts, amounts)
def test_correctly_rounded_share_always_fits(part: Decimal, rest: Decimal) -> None:
    whole = part + rest
    assume(whole >= 1)
    share = half_up(part * 100 / whole, 2)
    implied = implied_share(printed(str(half_up(part, 2))), printed(str(half_up(whole, 2))))
    assert implied is not None
    assert fit_percent(share, 2, implied) is PercentFit.ROUNDED


def test_shares_rounded_half_up_can_meet_an_exact_total_at_the_edge() -> None:
    """33.335% + 66.665% = 100%, printed 33.34% and 66.67% (四舍五入): 100.01% is rounding."""
    from decimal import Decimal

    from budgetdiff._model.rounding import SumVerdict, check_sum

    half = Decimal("0.005")
    shares = [(Decimal("33.34"), half), (Decimal("66.67"), half)]
    assert check_sum(shares, (Decimal(100), Decimal(0))).verdict is SumVerdict.ROUNDING
    below = [(Decimal("33.33"), half), (Decimal("66.66"), half)]  # at most 33.335 + 66.665, open
    assert check_sum(below, (Decimal(100), Decimal(0))).verdict is SumVerdict.MISMATCH
    far = [(Decimal("33.35"), half), (Decimal("66.67"), half)]
    assert check_sum(far, (Decimal(100), Decimal(0))).verdict is SumVerdict.MISMATCH
