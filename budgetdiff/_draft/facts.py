"""
What a draft template sees: changes as `Item`s of traced `Figure`s, and the
`Reason`s drawn from their drivers.  No words here — only facts; the templates
say them.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from attrs import field, frozen

from budgetdiff._engine.changes import Change, Direction, Driver, magnitude
from budgetdiff._engine.compare import Comparison
from budgetdiff._model.fields import tuple_of
from budgetdiff._model.money import ZERO, Money, Quantity, half_up, total
from budgetdiff._words import NumberStyle

from .materiality import Materiality

DOMINANT = (
    Decimal("0.8"),
    Decimal("1.2"),
)  # a driver explaining about all of a change speaks for it
MENTION = Decimal("0.05")  # drivers explaining less than this are not named
MAX_REASONS = 5


@frozen(kw_only=True)
class Figure:
    """
    A number a template may print, with its source ("total:basic#delta"); or a text
    copied from the source document (printed with the ``copied`` filter).
    """

    value: Quantity | str
    source: str
    printed: Money | Decimal | None = None  # a largest-remainder adjustment (see rounding.py)


@frozen(kw_only=True)
class Reason:
    """One fact that explains a change (see the templates' ``reason`` macro)."""

    kind: str  # project_new, project_discontinued, project_change, staff_line, line, moved_in,
    #            moved_out, staff
    name: str
    direction: str  # a Direction name: INCREASE, DECREASE, NEW, DISCONTINUED
    amount: Figure | None = None
    count: Figure | None = None  # people, for staff reasons
    staff: str = ""  # the staff kind behind a personnel line (contract, in_service, retired)
    codes: tuple[str, ...] = field(default=(), converter=tuple_of)  # codes moved from / to
    inferred: bool = False  # detected from the amounts, not stated: the author must verify


@frozen(kw_only=True)
class Item:
    """A change as a template sees it; figures are magnitudes, signs are in ``direction``."""

    id: str
    kind: str
    key: str
    name: str
    direction: str  # at the printed precision: a change that rounds to 0 is FLAT;
    #                 UNSTATED: one year does not state the figure (see `unstated`)
    old: Figure | None
    new: Figure | None
    delta: Figure
    growth: Figure | None  # None on a zero base
    reasons: tuple[Reason, ...] = field(default=(), converter=tuple_of)
    material: bool = True  # above the draft's materiality threshold: a reason is asked for


# Kinds whose figure a document may simply not state: there, a year without the figure
# is "not stated", never zero (a 项 line or a project absent from a table is zero).
STATED_ONLY = frozenset(
    {
        "admin_costs",
        "three_public",
        "staff",
        "meetings",
        "training",
        "procurement",
        "assets",
        "performance",
    }
)


def unstated(change: Change) -> bool:
    """One year states the figure and the other does not: there is nothing to compare."""
    kind = change.subject.kind
    return kind in STATED_ONLY and (change.old is None) != (change.new is None)


def presented_direction(change: Change, style: NumberStyle) -> Direction:
    """The direction a reader sees: a delta that prints as 0 is 持平."""
    direction = change.direction
    delta = change.delta
    moved = direction in (Direction.INCREASE, Direction.DECREASE)
    if moved and isinstance(delta, Money) and half_up(delta.to(style.unit), style.places) == 0:
        return Direction.FLAT
    return direction


def _figure(value: Quantity | str | None, source: str) -> Figure | None:
    if value is None or isinstance(value, str):
        return None
    return Figure(value=value, source=source)


def item(
    comparison: Comparison,
    change: Change,
    style: NumberStyle,
    materiality: Materiality | None = None,
) -> Item:
    growth = change.growth
    threshold = materiality or Materiality.of(comparison)
    return Item(
        id=change.id,
        kind=change.subject.kind,
        key=change.subject.key,
        name=change.subject.name,
        direction="UNSTATED" if unstated(change) else presented_direction(change, style).name,
        old=_figure(change.old, f"{change.id}#old"),
        new=_figure(change.new, f"{change.id}#new"),
        delta=Figure(value=magnitude(change.delta), source=f"{change.id}#delta"),
        growth=None if growth is None else Figure(value=abs(growth), source=f"{change.id}#growth"),
        reasons=() if unstated(change) else tuple(reasons(comparison, change)),
        material=not unstated(change) and threshold.material(change),
    )


def reasons(comparison: Comparison, change: Change) -> list[Reason]:
    """The facts that explain *change*, most important first; empty when none does."""
    found: list[Reason] = []
    moved_out: list[tuple[Change, Driver]] = []
    for cause, link in comparison.drivers(change):
        if link.relation == "moved_out":
            moved_out.append((cause, link))
            continue
        if link.relation != "cause" and link.share is not None and abs(link.share) < MENTION:
            continue
        found.extend(_explain(comparison, cause, link))
    kind_of = {"total:project": "project", "total:basic": "basic"}.get(change.id)
    if kind_of and not found:  # no project table (or no economic lines): the 项 lines say it
        found.extend(kind_lines(comparison, change, kind_of))
    if moved_out:
        amount = total(c.new for c, _ in moved_out if isinstance(c.new, Money))
        found.append(
            Reason(
                kind="moved_out",
                name=change.subject.name,
                direction="DECREASE",
                amount=Figure(value=amount, source=f"{change.id}#moved_out"),
                codes=[c.subject.key.split(">")[1] for c, _ in moved_out],
                inferred=any(c.note == "inferred" for c, _ in moved_out),
            )
        )
    return found[:MAX_REASONS]


def kind_lines(comparison: Comparison, change: Change, kind: str) -> list[Reason]:
    """
    The 项 lines whose 基本支出 (``kind`` basic) or 项目支出 (project) moved most, each
    explaining at least `MENTION` of *change*, largest first.
    """
    if not isinstance(change.delta, Money) or not change.delta:
        return []
    old = {line.code.value: line for line in comparison.old.expenditure}
    new = {line.code.value: line for line in comparison.new.expenditure}
    moved: list[tuple[Money, str, str]] = []
    for code in dict.fromkeys([*new, *old]):
        before = getattr(old[code], kind).total if code in old else ZERO
        after = getattr(new[code], kind).total if code in new else ZERO
        delta = after - before
        if delta and abs(delta.yuan) >= abs(change.delta.yuan) * MENTION:
            name = (new.get(code) or old[code]).name
            moved.append((delta, code, name))
    moved.sort(key=lambda m: -abs(m[0].yuan))
    y = comparison.new.year
    return [
        Reason(
            kind=f"{kind}_line",
            name=name,
            direction="INCREASE" if delta > ZERO else "DECREASE",
            amount=Figure(
                value=magnitude(delta), source=f"diff:{y}:expenditure[@{code}].{kind}.total"
            ),
            codes=(code,),
        )
        for delta, code, name in moved[:MAX_REASONS]
    ]


def _explain(comparison: Comparison, change: Change, link: Driver) -> Iterator[Reason]:
    kind = change.subject.kind
    amount = Figure(value=magnitude(change.delta), source=f"{change.id}#delta")
    direction = change.direction.name
    if kind == "staff":
        yield Reason(
            kind="staff",
            name=change.subject.key,
            direction=direction,
            count=Figure(value=magnitude(change.delta), source=f"{change.id}#delta"),
        )
        return
    if kind == "reclassified":
        frm, _, to = change.subject.key.partition(">")
        yield Reason(
            kind="moved_in",
            name=change.subject.name,
            direction="INCREASE",
            amount=amount,
            codes=(frm, to),
            inferred=change.note == "inferred",
        )
        return
    if kind == "project":
        label = {"NEW": "project_new", "DISCONTINUED": "project_discontinued"}
        yield Reason(
            kind=label.get(direction, "project_change"),
            name=change.subject.name,
            direction=direction,
            amount=amount,
        )
        return
    drivers = comparison.drivers(change)
    dominant = [
        (c, d)
        for c, d in drivers
        if d.relation == "part" and d.share is not None and DOMINANT[0] <= d.share <= DOMINANT[1]
    ]
    if dominant:
        yield from _explain(comparison, *dominant[0])
        return
    staff = [c for c, d in drivers if d.relation == "cause" and c.subject.kind == "staff"]
    if staff:
        yield Reason(
            kind="staff_line",
            name=change.subject.name,
            direction=direction,
            amount=amount,
            staff=staff[0].subject.key,
            count=Figure(value=magnitude(staff[0].delta), source=f"{staff[0].id}#delta"),
        )
        return
    yield Reason(kind="line", name=change.subject.name, direction=direction, amount=amount)
