"""Largest-remainder rounding: printed parts add to the printed whole, none moves a step."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from budgetdiff._draft.rounding import apportion
from budgetdiff._model.money import half_up

CENTS = st.integers(min_value=0, max_value=10**9).map(lambda n: Decimal(n).scaleb(-4))


@given(st.lists(CENTS, min_size=1, max_size=12))
def test_parts_add_to_the_printed_whole(parts: list[Decimal]) -> None:
    whole = sum(parts, Decimal(0))
    printed = apportion(parts, whole, 2)
    assert printed is not None
    assert sum(printed, Decimal(0)) == half_up(whole, 2)
    for part, shown in zip(parts, printed, strict=True):
        assert abs(shown - part) < Decimal("0.01")


@given(st.lists(st.integers(min_value=1, max_value=10**6), min_size=2, max_size=9))
def test_shares_add_to_100(amounts: list[int]) -> None:
    whole = sum(amounts)
    shares = [Decimal(a) * 100 / whole for a in amounts]
    exact_sum = sum(shares, Decimal(0))
    printed = apportion(shares, exact_sum, 2)
    if exact_sum == 100:  # the division is exact only when the shares are
        assert printed is not None
        assert sum(printed, Decimal(0)) == Decimal(100)


def test_the_wanli_split() -> None:
    """10,134.1746 + 8,842.5805 = 18,976.7551: 10,134.18 + 8,842.58 = 18,976.76."""
    printed = apportion([Decimal("10134.1746"), Decimal("8842.5805")], Decimal("18976.7551"), 2)
    assert printed == [Decimal("10134.18"), Decimal("8842.58")]


def test_parts_that_do_not_add_up_are_left_alone() -> None:
    assert (
        apportion([Decimal("6"), Decimal("3"), Decimal("3.84"), Decimal("3")], Decimal(15), 2)
        is None
    )


def test_equal_parts_print_alike() -> None:
    """
    Three equal thirds: a figure prints the same wherever it appears, so they cannot print
    33.34, 33.33, 33.33; the draft prints 33.33 each (99.99%, rounding), never 33.34 each
    (100.02%, which a reader would flag) — a case the draft property found.
    """
    import budgetdiff as bd
    from budgetdiff.model import ExpenditureLine, FunctionCode, Funds, Money, Profile

    def line(code: str, yuan: str) -> ExpenditureLine:
        return ExpenditureLine(
            code=FunctionCode(code), name=code, basic=Funds(general_public=Money.of(yuan))
        )

    old = bd.Budget(
        year=2020,
        profile=Profile(name="监控中心"),
        income=Funds(general_public=Money.of("100")),
        expenditure=[line("2010101", "100")],
    )
    new = bd.Budget(
        year=2021,
        profile=Profile(name="监控中心"),
        income=Funds(general_public=Money.of("300")),
        expenditure=[line("2010101", "100"), line("2050101", "100"), line("2040101", "100")],
    )
    draft = bd.draft(bd.compare(old, new))
    text = draft.render("text")
    assert text.count("占33.33%") == 3
    assert "33.34%" not in text
    assert not [n for n in draft.notes if n.kind == "inconsistent"]
