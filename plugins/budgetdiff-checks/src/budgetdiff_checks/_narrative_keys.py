"""
What the tables give a narrative figure to agree with: `Key` (a subject), and
`TableFigure` (one figure for it, with its rounding slack).

A `Key` names a subject (spending under a function code from one fund source,
income from a source, 基本支出, 人员经费, an economic line, a “三公” item, …); a
figure is either *printed* — a cell, whose slack is half its last digit (0.005万元
for 万元 to two places; none for a table in 元, which is exact) — or *derived*,
the sum of printed lines, whose slack is theirs added up.  A printed copy that
normalisation rejected (the totals support another value) is ``rejected``.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from attrs import field, frozen

from budgetdiff import Money, Unit
from budgetdiff.disclosure import CellKind, PrintedTable
from budgetdiff.model import ZERO, FundSource
from budgetdiff.plugin import Location, half_step, places_of

from ._fields import tuple_of

GENERAL_PUBLIC = FundSource.GENERAL_PUBLIC.value


class What(enum.Enum):
    """What kind of figure a key names."""

    INCOME = "income"  # this year's income (本年收入), by source
    SPEND = "spend"  # spending (支出) under a function code, by source
    BASIC = "basic"  # 基本支出
    PROJECT = "project"  # 项目支出
    GRAND = "grand"  # 总计: this year's income and the balances carried over
    PERSONNEL = "personnel"  # 人员经费
    PUBLIC_USE = "public_use"  # 公用经费
    ECONOMIC = "economic"  # one 经济分类 line of 基本支出, by name
    THREE = "three"  # a “三公” figure: total, outbound, vehicles, …
    ADMIN = "admin"  # 机关运行经费
    PROJECT_ITEM = "project_item"  # one project of the project table, by name


@frozen
class Key:
    """
    A subject the tables give a figure for.

    ``code`` is the function-code prefix of SPEND/BASIC/PROJECT ("" for all
    lines), the normalized name of an ECONOMIC line or a project, or the field
    of a THREE figure; ``source`` is "" (every source), "fiscal" (财政拨款) or a
    `FundSource` value.
    """

    what: What
    code: str = ""
    source: str = ""


@frozen(kw_only=True)
class TableFigure:
    """One figure the tables give for a key: a printed cell, or the sum of printed lines."""

    key: Key
    amount: Money
    half: Money  # rounding slack, in 元
    locations: tuple[Location, ...] = field(default=(), converter=tuple_of)
    printed: bool = True
    rejected: bool = False  # a printed copy normalisation did not keep
    parts: int = 1  # how many printed figures it adds up
    name: str = ""  # the name the table prints for it, when it prints one

    @property
    def where(self) -> str:
        return "；".join(str(location) for location in self.locations)


def money_half(unit: Unit, places: int) -> Money:
    """Half the last printed digit, in 元 (a table in 元 is exact)."""
    if unit is Unit.YUAN:
        return ZERO
    return Money(half_step(places) * unit.factor)


def table_half(table: PrintedTable) -> Money:
    """The rounding slack of *table*'s amounts: 50 元 for 万元 to two places, 0 for 元."""
    unit = table.unit or Unit.WAN_YUAN
    shown = max(
        (
            places_of(cell.value)
            for row in table.rows
            for cell in row.cells
            if cell.kind is CellKind.NUMBER and cell.value is not None
        ),
        default=0,
    )
    return money_half(unit, max(shown, 2))


def agrees(claim: Money, claim_half: Money, figure: TableFigure, places: int) -> bool:
    """
    Could the narrative's figure (*claim* ± *claim_half*) and *figure* stand for
    the same amount?  Two rounded figures agree when they differ by less than
    their slacks together; against an exact figure, the narrative's is the exact
    one rounded (四舍五入) to its places.
    """
    gap = abs(claim.yuan - figure.amount.yuan)
    bound = claim_half.yuan + figure.half.yuan
    if gap < bound:
        return True
    if gap == bound and figure.half.yuan == 0 and claim_half.yuan:
        step = claim_half.yuan * 2
        rounded = (figure.amount.yuan / step).quantize(Decimal(1), rounding=ROUND_HALF_UP)
        return rounded * step == claim.yuan
    return False


def canonical(figures: Iterable[TableFigure]) -> TableFigure | None:
    """The figure to quote for a key: a printed copy kept by normalisation, else the derived one."""
    items = list(figures)
    for figure in items:
        if figure.printed and not figure.rejected:
            return figure
    for figure in items:
        if not figure.printed:
            return figure
    return items[0] if items else None
