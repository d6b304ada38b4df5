"""
Printed figures and what rounding lets them stand for.

A table prints its amounts in one unit to one precision: 万元 to 0.01 (the
house convention, even where "115" drops its zeros), 元 to whole 元 or to
0.01 元 as its cells show.  A figure printed to that precision stands for any
value within half a step of it; a sum of printed figures carries the half-steps
of all of them.  `Figure` keeps an amount, that slack and the cells it comes from.

A cell is a *value* (a number in an amount column), *blank* (nothing or a dash:
these tables print no zeros, so a blank part is exactly nothing), or *broken*
(a malformed number or text where an amount belongs): a broken operand is never
guessed, the comparison that needs it is reported as not checked.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterable
from decimal import Decimal

from attrs import field, frozen

from budgetdiff import Money, Unit
from budgetdiff.disclosure import CellKind, PrintedCell, PrintedTable
from budgetdiff.model import ZERO, total
from budgetdiff.plugin import Location, SumCheck, check_sum, half_step, places_of

from ._fields import tuple_of


class State(enum.Enum):
    """What an amount cell holds, for arithmetic."""

    VALUE = "value"
    BLANK = "blank"
    BROKEN = "broken"


def state(cell: PrintedCell | None) -> State:
    """Whether *cell* is a value, a blank (nothing, a dash) or broken (malformed, text)."""
    if cell is None or cell.kind in (CellKind.BLANK, CellKind.DASH):
        return State.BLANK
    if cell.kind is CellKind.NUMBER and cell.amount is not None:
        return State.VALUE
    return State.BROKEN


@functools.lru_cache(maxsize=256)
def places(table: PrintedTable) -> int:
    """
    The decimals *table* prints its amounts to.

    The most any amount cell shows; a table in 万元 is read to at least two
    places (the convention: "115" in a 万元 table stands for 115.00).
    """
    shown = max(
        (
            places_of(cell.value)
            for row in table.rows
            for cell in row.cells
            if cell.kind is CellKind.NUMBER and cell.amount is not None and cell.value is not None
        ),
        default=0,
    )
    if table.unit is Unit.YUAN:
        return shown
    return max(shown, 2)


def half(table: PrintedTable, cell: PrintedCell | None = None) -> Money:
    """
    Half a printed step of *cell* in *table*, in 元 (50 元 for 万元 to 0.01).

    A table in 元 may print some cells to the fen and others to whole 元 (a
    generator dropping ".00", or rounding): each 元 cell stands for what it shows.
    """
    unit = table.unit or Unit.WAN_YUAN
    shown = places(table)
    if unit is Unit.YUAN and cell is not None and cell.value is not None:
        shown = places_of(cell.value)
    return Money(half_step(shown) * unit.factor)


@frozen(kw_only=True)
class Figure:
    """
    An amount as printed in one cell, or the sum of several printed cells.

    ``half`` is the rounding slack: the true amount lies strictly within
    ``half`` of ``amount`` (0 for a sum of nothing).
    """

    amount: Money
    half: Money
    cells: tuple[PrintedCell, ...] = field(default=(), converter=tuple_of)
    derived: bool = False  # a sum of cells rather than one printed cell

    @property
    def locations(self) -> tuple[Location, ...]:
        return tuple(c.location for c in self.cells)

    def agrees(self, other: Figure) -> bool:
        """
        True when some true value can print as both figures.

        Two copies agree when they differ by strictly less than their slacks
        together: copies printed to the same precision must be equal.
        """
        return abs(self.amount.yuan - other.amount.yuan) < self.half.yuan + other.half.yuan

    def exact(self, other: Figure) -> bool:
        return self.amount == other.amount


def figure(cell: PrintedCell, table: PrintedTable) -> Figure:
    """The figure printed in *cell* (a VALUE cell of *table*)."""
    return Figure(amount=cell.amount or ZERO, half=half(table, cell), cells=(cell,))


def combine(figures: Iterable[Figure]) -> Figure:
    """The sum of *figures* (each printed or derived), slacks added."""
    items = tuple(figures)
    return Figure(
        amount=total(f.amount for f in items),
        half=Money(sum((f.half.yuan for f in items), Decimal(0))),
        cells=tuple(c for f in items for c in f.cells),
        derived=True,
    )


def sum_check(
    total_cell: PrintedCell, parts: Iterable[PrintedCell], table: PrintedTable
) -> SumCheck:
    """`budgetdiff.plugin.check_sum` over printed cells of *table* (blank parts excluded)."""
    values = [c for c in parts if state(c) is State.VALUE]
    return check_sum(
        [((c.amount or ZERO).yuan, half(table, c).yuan) for c in values],
        ((total_cell.amount or ZERO).yuan, half(table, total_cell).yuan),
    )
