"""
Changes stated from last year's printed figures (``changes_from="printed"``): every change
the draft states is printed new − printed old, the published figure is reproduced
(3,355.65, not 3,355.64), and the exact figure stays in the trace.
"""

from __future__ import annotations

import functools
import json
import re
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import budgetdiff
from budgetdiff import Budget, Comparison, Money, Unit
from budgetdiff._draft.drafting import draft
from budgetdiff._draft.self_check import resolve
from budgetdiff._model.money import ZERO, half_up
from budgetdiff.testing.strategies import PairPlan, budget_pairs
from tests.conftest import EXAMPLES, shared_path

WANLI = "budget_dept_shanghai_putuo_wanli_jiedao"


def scaled(value: Any, factor: Decimal) -> Any:
    """*value* with every amount in it multiplied by *factor*, exactly (sums still add up)."""
    if isinstance(value, Money):
        return Money(value.yuan * factor)
    if isinstance(value, tuple):
        return tuple(scaled(v, factor) for v in value)
    if attrs.has(type(value)):
        changes = {
            f.alias: scaled(getattr(value, f.name), factor)
            for f in attrs.fields(type(value))
            if f.init
        }
        return attrs.evolve(value, **changes)
    return value


def _wan(text: str) -> Decimal:
    return Decimal(text.removesuffix("万元").replace(",", ""))


def _printed_old(value: Money) -> Decimal:
    return half_up(value.to(Unit.WAN_YUAN), 2)


def stated_changes(result: Any, comparison: Comparison) -> list[tuple[str, Decimal, Decimal]]:
    """(source, the change as stated, printed new − printed old) for every change stated."""
    data = result.data()
    numbers = [n for s in data["sections"] for p in s["paragraphs"] for n in p["numbers"]]
    adjusted = {
        n["value"]: _wan(n["text"])
        for n in numbers
        if "adjusted_from" in n and n["text"].endswith("万元")
    }
    found = []
    for number in numbers:
        source = number["source"]
        if source.endswith("#delta"):
            change = comparison.get(source.rpartition("#")[0])
            if change is None:
                continue
            old, new = change.old, change.new
        elif source.startswith("diff:"):
            path = source.removeprefix("diff:")
            new = resolve(path, comparison)
            old = resolve("prior:" + path.partition(":")[2], comparison)
        else:
            continue
        old, new = (ZERO if v is None else v for v in (old, new))
        if not (isinstance(old, Money) and isinstance(new, Money)):
            continue
        printed_new = adjusted.get(f"{new.yuan}元", _printed_old(new))
        found.append((source, _wan(number["text"]), abs(printed_new - _printed_old(old))))
    return found


@given(pair=budget_pairs(), thousandths=st.integers(min_value=1, max_value=9999))
def test_every_stated_change_is_printed_new_less_printed_old(
    pair: tuple[Budget, Budget, PairPlan], thousandths: int
) -> None:
    """Amounts off the printed precision (scaled exactly): each change is what a reader checks."""
    assume(pair[0].expenditure_total and pair[1].expenditure_total)
    old = scaled(pair[0], 1 + Decimal(thousandths) / 10_000)
    comparison = budgetdiff.compare(old, pair[1])
    result = draft(comparison, changes_from="printed")
    changes = stated_changes(result, comparison)
    for source, stated, printed in changes:
        assert stated == printed, source
    untrue = [n.kind for n in result.notes if n.kind in ("mismatch", "unresolved", "untraced")]
    assert untrue == []  # the trace still holds: each figure's source gives its exact value


@functools.cache
def wanli() -> Comparison:
    budgets = []
    for name in (f"p02_2024_{WANLI}.txt", f"p03_2025_{WANLI}.txt"):
        document = budgetdiff.read(shared_path("corpus", "shanghai", name))
        assert isinstance(document, budgetdiff.Disclosure)
        budgets.append(budgetdiff.normalize(document).budget)
    return budgetdiff.compare(*budgets)


PUBLISHED = "财政拨款收入18,976.76万元，比2024年预算增加3,355.65万元"


def test_the_published_p03_figure_is_reproduced() -> None:
    """p02 printed 15,621.11万元, p03 18,976.76万元: the published change is 3,355.65万元."""
    published = shared_path("corpus", "shanghai", f"p03_2025_{WANLI}.txt").read_text(
        encoding="utf-8"
    )
    assert (
        PUBLISHED.replace("，", "，\n") in published
        or "比2024年预算增加\n3,355.65万元" in published
    )
    assert (
        "一般公共预算拨款支出预算18,976.76万元，比2024年预算增加3,355.65万元"
        in published.replace("\n", "")
    )
    printed = draft(wanli(), changes_from="printed").render("text")
    exact = draft(wanli()).render("text")
    assert PUBLISHED in printed
    assert "一般公共预算拨款支出预算18,976.76万元，比2024年预算增加3,355.65万元" in printed
    assert "比2024年预算增加3,355.64万元" in exact  # the exact amounts differ by 3,355.6428
    assert "3,355.64" not in printed


def test_the_exact_figure_is_in_the_trace() -> None:
    result = draft(wanli(), changes_from="printed")
    numbers = [n for s in result.data()["sections"] for p in s["paragraphs"] for n in p["numbers"]]
    change = next(n for n in numbers if n["source"] == "diff:2025:income.fiscal")
    assert change["text"] == "3,355.65万元"
    assert change["value"] == "33556428元"  # exact
    assert change["exact_text"] == "3,355.64万元"  # what the exact amounts print
    assert change["computed_from"] == {"old": "15,621.11万元", "new": "18,976.76万元"}
    assert "按精确数计算为3,355.6428万元" in change["where"]
    html = result.render("html")
    assert re.search(r'title="[^"]*按2024年公开数15,621\.11万元[^"]*3,355\.6428万元[^"]*"', html)
    assert "adjusted_from" not in change
    assert not [n for n in result.notes if n.kind in ("mismatch", "unresolved")]


def test_english_states_the_same_change() -> None:
    text = draft(wanli(), locale="en", changes_from="printed").render("text")
    assert "18,976.76 10k yuan, up 3,355.65 10k yuan on the 2024 budget" in text
    data = json.loads(draft(wanli(), locale="en", changes_from="printed").render("json"))
    numbers = [n for s in data["sections"] for p in s["paragraphs"] for n in p["numbers"]]
    change = next(n for n in numbers if n["source"] == "diff:2025:income.fiscal")
    assert "computed from the figures as printed: 15,621.11万元 in 2024" in change["where"]


def test_exact_is_the_default_and_unchanged() -> None:
    """Without the option nothing changes: the example pair drafts as before."""
    comparison = budgetdiff.compare(
        budgetdiff.load(EXAMPLES / "2020.yaml"), budgetdiff.load(EXAMPLES / "2021.yaml")
    )
    assert draft(comparison).render("json") == draft(comparison, changes_from="exact").render(
        "json"
    )
    with pytest.raises(ValueError, match="changes_from"):
        draft(comparison, changes_from="rounded")  # type: ignore[arg-type]


def test_cli(capsys: pytest.CaptureFixture[str]) -> None:
    from budgetdiff._cli.main import main

    old, new = (
        shared_path("corpus", "shanghai", f"{p}_{WANLI}.txt") for p in ("p02_2024", "p03_2025")
    )
    assert main(["draft", str(old), str(new), "--changes-from", "printed"]) == 0
    assert PUBLISHED in capsys.readouterr().out
