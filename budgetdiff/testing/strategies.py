"""
Hypothesis strategies for budgetdiff's models, for your own property-based tests.

Requires the hypothesis package (``pip install "budgetdiff[testing]"``).  Every
strategy takes keyword-only arguments and returns a ``SearchStrategy``; amounts
are exact (drawn as whole 分 or at a chosen printed precision), never floats.

    from hypothesis import given
    from budgetdiff.testing import strategies as bst

    @given(bst.budgets())
    def test_my_comparator_sees_no_change(budget): ...

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import re
from decimal import Decimal

from attrs import frozen
from hypothesis import assume
from hypothesis import strategies as st

from budgetdiff._model.budget import Budget, Scope
from budgetdiff._model.codes import EconomicCode, FunctionCode
from budgetdiff._model.matters import ThreePublic
from budgetdiff._model.money import Money, Presentation, Unit
from budgetdiff._read.disclosure import CellKind, Disclosure
from budgetdiff._read.reader import read_bytes

from .builders import LineSpec, assemble
from .render import render_disclosure

__all__ = [
    "PairPlan",
    "Perturbation",
    "assemble",
    "budget_pairs",
    "budgets",
    "economic_codes",
    "function_codes",
    "money",
    "perturbed_disclosures",
    "presentations",
]

_CLASSES = ("201", "204", "205", "207", "208", "210", "211", "212", "213", "221")


def money(
    *,
    min_value: Decimal | int | str = 0,
    max_value: Decimal | int | str = 10_000,
    unit: Unit = Unit.WAN_YUAN,
    places: int = 2,
) -> st.SearchStrategy[Money]:
    """
    Amounts between *min_value* and *max_value* (in *unit*), exact to *places* decimals.

    ``money(places=2)`` draws amounts a 万元 table can print exactly.
    """
    step = Decimal(1).scaleb(-places)
    low = int(Decimal(min_value) / step)
    high = int(Decimal(max_value) / step)
    return st.integers(min_value=low, max_value=high).map(
        lambda n: Money.of(Decimal(n) * step, unit)
    )


def function_codes(*, level: int = 7) -> st.SearchStrategy[FunctionCode]:
    """Well-formed 支出功能分类 codes of *level* digits (3, 5 or 7), starting with 2."""
    tail = st.integers(min_value=1, max_value=99).map(lambda n: f"{n:02d}")
    parts = [st.sampled_from(_CLASSES)] + [tail] * ((level - 3) // 2)
    return st.tuples(*parts).map(lambda p: FunctionCode("".join(p)))


def economic_codes() -> st.SearchStrategy[EconomicCode]:
    """Well-formed 部门预算支出经济分类 款 codes (301xx, 302xx, 303xx, 310xx)."""
    return st.tuples(
        st.sampled_from(("301", "302", "303", "310")),
        st.integers(min_value=1, max_value=99),
    ).map(lambda p: EconomicCode(f"{p[0]}{p[1]:02d}"))


def presentations() -> st.SearchStrategy[Presentation]:
    """The presentations documents use: 万元 to 2 places, 元 to 0 or 2 places."""
    return st.sampled_from(
        (
            Presentation(unit=Unit.WAN_YUAN, places=2),
            Presentation(unit=Unit.YUAN, places=2),
            Presentation(unit=Unit.YUAN, places=0),
        )
    )


def _cap(presentation: Presentation) -> int:
    return 10_000 if presentation.unit is Unit.WAN_YUAN else 100_000_000


def _amounts(presentation: Presentation) -> st.SearchStrategy[Money]:
    return money(unit=presentation.unit, places=presentation.places, max_value=_cap(presentation))


@st.composite
def _specs(draw: st.DrawFn, presentation: Presentation, max_lines: int) -> list[LineSpec]:
    codes = draw(st.lists(function_codes(), min_size=1, max_size=max_lines, unique=True))
    amounts = _amounts(presentation)
    specs = []
    for i, code in enumerate(codes):
        project = draw(st.one_of(st.just(Money.of(0)), amounts))
        specs.append(
            LineSpec(
                code=code,
                basic=draw(amounts),
                project=project,
                project_name=f"项目{i}" if project else "",
            )
        )
    return specs


@st.composite
def budgets(
    draw: st.DrawFn,
    *,
    year: int | None = None,
    presentation: Presentation | None = None,
    max_lines: int = 8,
) -> Budget:
    """
    Consistent budgets: income equals spending, the economic lines add up to basic
    expenditure, the projects to project expenditure, and staffing to its parts.
    """
    chosen = presentation or draw(presentations())
    three = draw(
        st.builds(
            ThreePublic,
            outbound=money(max_value=5),
            vehicle_purchase=money(max_value=30),
            vehicle_operation=money(max_value=30),
            reception=money(max_value=5),
        )
    )
    return assemble(
        year=year if year is not None else draw(st.integers(2015, 2030)),
        presentation=chosen,
        specs=draw(_specs(chosen, max_lines)),
        staffing=draw(st.tuples(*(st.integers(0, 200) for _ in range(3)))),
        three=three,
        admin_costs=draw(st.one_of(st.none(), money(max_value=100))),
        procurement=draw(st.tuples(*(money(max_value=500) for _ in range(3)))),
        name=draw(st.sampled_from(("监控中心", "某某街道办事处"))),
        scope=draw(st.sampled_from(Scope)),
    )


@frozen(kw_only=True)
class PairPlan:
    """What a generated pair of years changed on purpose (for asserting on it)."""

    new_projects: tuple[str, ...] = ()
    ended_projects: tuple[str, ...] = ()
    moved: tuple[tuple[str, str, Money], ...] = ()  # (from code, to code, amount)
    staff_change: int = 0
    zero_base_codes: tuple[str, ...] = ()


@st.composite
def budget_pairs(
    draw: st.DrawFn,
    *,
    year: int = 2020,
    reclassify: bool | None = None,
    max_lines: int = 6,
) -> tuple[Budget, Budget, PairPlan]:
    """
    Two consecutive years of one unit, with controlled changes: amounts moved up
    and down, new lines on a zero base, ended and new projects, a change of staff,
    and (when *reclassify* is true, or drawn) contributions moved out of the main
    line into 2080505 — the reclassification the seed unit made.

    Returns ``(old, new, plan)``; *plan* says what was changed on purpose.
    """
    presentation = Presentation(unit=Unit.WAN_YUAN, places=2)
    amounts = _amounts(presentation)
    old_specs = [s for s in draw(_specs(presentation, max_lines)) if s.code.value[:5] != "20805"]
    assume_lines = bool(old_specs)
    new_specs: list[LineSpec] = []
    ended, started = [], []
    for i, spec in enumerate(old_specs):
        basic = draw(st.one_of(st.just(spec.basic), amounts))
        keep = draw(st.booleans()) if spec.project else False
        if spec.project and not keep:
            ended.append(spec.project_name)
            project, name = draw(st.one_of(st.just(Money.of(0)), amounts)), f"扩建工程第{i}期"
            if project:
                started.append(name)
        else:
            project, name = spec.project, spec.project_name
        new_specs.append(
            LineSpec(
                code=spec.code, basic=basic, project=project, project_name=name if project else ""
            )
        )
    zero_base = draw(function_codes())
    zero_bases: tuple[str, ...] = ()
    if zero_base not in {s.code for s in old_specs} and zero_base.value[:5] != "20805":
        new_specs.append(LineSpec(code=zero_base, basic=draw(amounts), project=Money.of(0)))
        zero_bases = (zero_base.value,)
    moved: list[tuple[str, str, Money]] = []
    do_move = reclassify if reclassify is not None else draw(st.booleans())
    if do_move and assume_lines and any(spec.basic for spec in old_specs):
        # the unit's main basic line: the largest last year (what the comparator looks for)
        main = max(range(len(old_specs)), key=lambda i: old_specs[i].basic.yuan)
        source = new_specs[main]
        share = draw(st.integers(1, 50))
        amount = Money.of(
            (source.basic.to(Unit.WAN_YUAN) * share / 100).quantize(Decimal("0.01")), Unit.WAN_YUAN
        )
        if amount and amount < source.basic:
            new_specs[main] = LineSpec(
                code=source.code,
                basic=source.basic - amount,
                project=source.project,
                project_name=source.project_name,
            )
            new_specs.append(
                LineSpec(code=FunctionCode("2080505"), basic=amount, project=Money.of(0))
            )
            moved.append((source.code.value, "2080505", amount))
    staff_old = draw(st.tuples(*(st.integers(0, 50) for _ in range(3))))
    delta = draw(st.integers(-staff_old[2], 40))
    staff_new = (staff_old[0], staff_old[1], staff_old[2] + delta)
    old = assemble(year=year, presentation=presentation, specs=old_specs, staffing=staff_old)
    new = assemble(year=year + 1, presentation=presentation, specs=new_specs, staffing=staff_new)
    plan = PairPlan(
        new_projects=tuple(started),
        ended_projects=tuple(ended),
        moved=tuple(moved),
        staff_change=delta,
        zero_base_codes=zero_bases,
    )
    return old, new, plan


@frozen(kw_only=True)
class Perturbation:
    """A published text rendered from *budget* with one amount cell changed on *line*."""

    budget: Budget
    text: str  # the published text, with the change
    line: int  # the 1-based line of the changed cell
    printed: str  # what the line held
    now: str  # what it holds now
    steps: int  # by how many printed units (0.01万元, 1元 …) it moved


_AMOUNT_LINE = re.compile(r"^\t([0-9][0-9,]*(?:\.[0-9]+)?)$")


@st.composite
def perturbed_disclosures(
    draw: st.DrawFn,
    *,
    budgets_strategy: st.SearchStrategy[Budget] | None = None,
    steps: st.SearchStrategy[int] | None = None,
) -> Perturbation:
    """
    A consistent budget rendered as a published text (the seed's layout) with one
    amount cell moved by a few printed units — for testing that a check notices
    exactly that cell.  ``steps`` defaults to moves a reviewer must catch (±1 unit
    of the last printed digit and more).
    """
    budget = draw(budgets_strategy or budgets())
    text = render_disclosure(budget)
    lines = text.split("\n")
    document = read_bytes(text.encode("utf-8"), source="rendered.txt")
    assert isinstance(document, Disclosure)
    amounts = {c.line for c in document.cells() if c.kind is CellKind.NUMBER and c.amount}
    candidates = [
        i for i, line in enumerate(lines) if i + 1 in amounts and _AMOUNT_LINE.match(line)
    ]
    assume(candidates)
    index = draw(st.sampled_from(candidates))
    printed = lines[index]
    match = _AMOUNT_LINE.match(printed)
    assert match is not None
    digits = match.group(1)
    places = len(digits.split(".")[1]) if "." in digits else 0
    move = draw(steps or st.sampled_from([-7, -1, 1, 3, 1000]))
    value = Decimal(digits.replace(",", "")) + move * Decimal(1).scaleb(-places)
    assume(value >= 0)
    thousands = "," in digits or budget.presentation.unit is Unit.YUAN
    now = "\t" + (f"{value:,.{places}f}" if thousands else f"{value:.{places}f}")
    lines[index] = now
    return Perturbation(
        budget=budget, text="\n".join(lines), line=index + 1, printed=printed, now=now, steps=move
    )
