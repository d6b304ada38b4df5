"""Consistent documents yield no error or warning; a changed figure is always found.

Budgets are printed back as published text in the seed's layout
(`budgetdiff.testing.render.render_disclosure`) and read with the reader, so the
checks see exactly what they see in a real document.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import budgetdiff
from budgetdiff import Budget, Disclosure, Money, Presentation, Report, Severity, Unit, check
from budgetdiff.disclosure import CellKind, read_bytes
from budgetdiff.model import EconomicLine, Funds, default_catalog, half_up
from budgetdiff.plugin import installed
from budgetdiff.testing import strategies as bst
from budgetdiff.testing.findings import describe_all
from budgetdiff.testing.render import render_disclosure

EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "changji" / "2021.yaml"
NUMBER = re.compile(r"^\t(-?[\d,]+(?:\.\d+)?)$")
FAMILIES = ("read", "table", "tables", "codes", "profile", "project", "matters")


def mine() -> list[str]:
    """The checks of this module's families (the narrative rules are tested on their own)."""
    return [name for name in installed().checks if name.split(".")[0] in FAMILIES]


SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _read(text: str) -> Disclosure:
    document = read_bytes(text.encode("utf-8"), source="rendered.txt", suffix=".txt")
    assert isinstance(document, Disclosure)
    return document


def _serious(report: Report) -> str:
    return describe_all(report.at_least(Severity.WARNING))


def _named(budget: Budget) -> Budget:
    """The budget with each line under its catalog name (a consistent document names it so)."""
    catalog = default_catalog()
    lines = tuple(
        attrs.evolve(line, name=catalog.function_name(line.code, budget.year) or line.name)
        for line in budget.expenditure
    )
    return attrs.evolve(budget, expenditure=lines)


def test_the_example_rendered_is_clean() -> None:
    budget = budgetdiff.load(EXAMPLE)
    assert isinstance(budget, Budget)
    report = check(_read(render_disclosure(budget)), checks=mine())
    assert report.failures == ()
    assert _serious(report) == ""
    assert report.findings == ()  # not even a note: every figure adds up exactly


@SETTINGS
@given(bst.budgets())
def test_generated_budgets_are_clean(budget: Budget) -> None:
    report = check(_read(render_disclosure(_named(budget))), checks=mine())
    assert report.failures == ()
    assert _serious(report) == ""


def _reprint(value: Decimal, unit: Unit, places: int) -> str:
    step = Decimal(1).scaleb(-places)
    amount = value.quantize(step)
    if unit is Unit.YUAN:
        return f"{amount:,f}"
    text = f"{amount:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


@SETTINGS
@given(bst.budgets(), st.data())
def test_a_changed_figure_is_found_where_it_is(budget: Budget, data: st.DataObject) -> None:
    text = render_disclosure(_named(budget))
    lines = text.split("\n")
    cells = sorted(
        {
            c.line
            for c in _read(text).cells()
            if c.kind is CellKind.NUMBER
            and c.amount is not None
            and NUMBER.match(lines[c.line - 1])
        }
    )
    if not cells:
        return
    line = data.draw(st.sampled_from(cells), label="line")
    steps = data.draw(st.sampled_from([-7, -1, 1, 3, 1000]), label="steps")
    match = NUMBER.match(lines[line - 1])
    assert match is not None
    places = 2 if budget.presentation.unit is Unit.WAN_YUAN else budget.presentation.places
    value = Decimal(match.group(1).replace(",", "")) + steps * Decimal(1).scaleb(-places)
    if value < 0:
        return
    lines[line - 1] = "\t" + _reprint(value, budget.presentation.unit, places)
    report = check(_read("\n".join(lines)), checks=mine())
    named = [f for f in report.findings if any(loc.line == line for loc in f.locations)]
    assert named, f"line {line} changed by {steps} steps, unnoticed:\n" + describe_all(
        report.findings
    )


def _unrounded(budget: Budget, offsets: list[int]) -> Budget:
    """*budget* with amounts off the printed grid (by a few 元), still consistent."""
    lines = []
    for i, line in enumerate(budget.expenditure):
        shift = Money(Decimal(offsets[i % len(offsets)]))
        basic = line.basic.general_public
        basic = basic + shift if (basic + shift).yuan >= 0 else basic
        lines.append(attrs.evolve(line, basic=Funds(general_public=basic)))
    basic_total = sum((line.basic.general_public for line in lines), Money(0))
    return attrs.evolve(
        budget,
        expenditure=tuple(lines),
        income=Funds(general_public=sum((line.total for line in lines), Money(0))),
        basic_by_economic=(
            EconomicLine(
                code=budgetdiff.EconomicCode("30101"), name="基本工资", personnel=basic_total
            ),
        ),
    )


@SETTINGS
@given(
    bst.budgets(presentation=Presentation(unit=Unit.WAN_YUAN, places=2)),
    st.lists(st.integers(min_value=-49, max_value=49), min_size=1, max_size=8),
)
def test_rounding_alone_is_never_an_error(budget: Budget, offsets: list[int]) -> None:
    """Every printed figure rounded 四舍五入 from exact amounts: at most notes."""
    exact = _unrounded(_named(budget), offsets)
    assert all(half_up(line.total.to(Unit.WAN_YUAN), 2) >= 0 for line in exact.expenditure)
    report = check(_read(render_disclosure(exact)), checks=mine())
    assert report.failures == ()
    assert _serious(report) == ""
