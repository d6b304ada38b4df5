"""
What a draft's changes are computed from: the two budgets' exact amounts, or last
year's figures as its document printed them.

A reader checks a change by subtracting the printed figures: last year's document said
15,621.11万元, this year's says 18,976.76万元, so the change is 3,355.65万元 — although the
exact amounts (156,211,123元 and 189,767,551元) differ by 3,355.6428万元, which prints
3,355.64.  With ``changes_from="printed"`` every change (and its rate) is computed from
the figures as printed: last year's rounded 四舍五入 to the draft's unit and places, this
year's as the draft prints it (a largest-remainder adjustment included).  The exact
amounts stay in the trace: a figure's source still names the exact change, the JSON
gives its exact ``value`` and the printed figures it was computed from.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Literal

from attrs import evolve

from budgetdiff._engine.compare import Comparison
from budgetdiff._model.money import ZERO, Money, half_up
from budgetdiff._words import NumberStyle

from .facts import Figure, Item, Reason
from .self_check import resolve

ChangesFrom = Literal["exact", "printed"]
CHANGES_FROM: tuple[ChangesFrom, ...] = ("exact", "printed")

_MOVED = ("INCREASE", "DECREASE", "FLAT")  # directions the printed figures may decide


class Basis:
    """
    How the draft computes its changes; with ``printed``, it rebases each change's
    delta and rate on the printed figures and remembers, by source, which they were.
    """

    def __init__(
        self,
        comparison: Comparison,
        style: NumberStyle,
        changes_from: ChangesFrom,
        adjusted: Mapping[Money, Money],
    ) -> None:
        self.comparison = comparison
        self.style = style
        self.changes_from = changes_from
        self.adjusted = adjusted  # this year's largest-remainder prints, by exact value
        self.pairs: dict[str, tuple[Money, Money]] = {}  # source → (old, new) as printed

    @property
    def printed(self) -> bool:
        return self.changes_from == "printed"

    def old(self, value: Money) -> Money:
        """Last year's figure as its document printed it (四舍五入 to the draft's unit)."""
        unit = self.style.unit
        return Money.of(half_up(value.to(unit), self.style.places), unit)

    def new(self, value: Money) -> Money:
        """This year's figure as the draft prints it."""
        return self.adjusted.get(value) or self.old(value)

    def sides(self, source: str) -> tuple[Money, Money] | None:
        """The exact (old, new) amounts of the change a delta's or a rate's source names."""
        if "#" in source:
            change = self.comparison.get(source.rpartition("#")[0])
            if change is None:
                return None
            old, new = change.old, change.new
        elif source.startswith(("diff:", "rate:")):
            path = source.partition(":")[2]
            new = resolve(path, self.comparison)
            old = resolve("prior:" + path.partition(":")[2], self.comparison)
        else:
            return None
        old = ZERO if old is None else old  # absent in a year: nothing (see Change.delta)
        new = ZERO if new is None else new
        if isinstance(old, Money) and isinstance(new, Money):
            return old, new
        return None

    def printed_pair(self, source: str) -> tuple[Money, Money] | None:
        sides = self.sides(source)
        return None if sides is None else (self.old(sides[0]), self.new(sides[1]))

    def delta(self, figure: Figure) -> Figure:
        """A change's amount computed from the printed figures (its exact value kept)."""
        pair = self.printed_pair(figure.source)
        if pair is None or not isinstance(figure.value, Money):
            return figure
        self.pairs[figure.source] = pair
        old, new = pair
        printed = abs(new - old)
        unit, places = self.style.unit, self.style.places
        same = half_up(figure.value.to(unit), places) == printed.to(unit)
        return evolve(figure, printed=None if same else printed)

    def growth(self, figure: Figure | None) -> Figure | None:
        """A change's rate computed from the printed figures (none on a printed zero base)."""
        if figure is None or not isinstance(figure.value, Decimal):
            return figure
        pair = self.printed_pair(figure.source)
        if pair is None or pair[0] == ZERO:
            return figure
        self.pairs[figure.source] = pair
        old, new = pair
        rate = abs((new - old).yuan * 100 / old.yuan)
        places = self.style.percent_places
        same = half_up(figure.value, places) == half_up(rate, places)
        return evolve(figure, printed=None if same else rate)

    def item(self, item: Item) -> Item:
        """*item* with its change, rate, direction and reasons from the printed figures."""
        if not self.printed or item.direction == "UNSTATED":
            return item
        delta = self.delta(item.delta)
        pair = self.pairs.get(item.delta.source)
        direction = item.direction
        if pair is not None and direction in _MOVED:
            old, new = pair
            direction = "FLAT" if new == old else "INCREASE" if new > old else "DECREASE"
        return evolve(
            item,
            delta=delta,
            growth=self.growth(item.growth),
            direction=direction,
            reasons=[self.reason(r) for r in item.reasons],
        )

    def reason(self, reason: Reason) -> Reason:
        if reason.amount is None or not _a_change(reason.amount.source):
            return reason
        return evolve(reason, amount=self.delta(reason.amount))


def _a_change(source: str) -> bool:
    return source.endswith("#delta") or source.startswith("diff:")
