"""Exact money.

Every amount is a `Money`: an exact `Decimal` number of 元.  A document prints
its amounts in 万元 or 元 to a fixed number of places (its `Presentation`);
conversion between the two is exact, and rounding (四舍五入, ROUND_HALF_UP)
happens only when a figure is presented.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from attrs import field, frozen


class Unit(enum.Enum):
    """The money unit a document prints its amounts in."""

    YUAN = "元"
    WAN_YUAN = "万元"

    @property
    def factor(self) -> Decimal:
        """How many 元 one of this unit is."""
        return _FACTORS[self]

    @classmethod
    def parse(cls, text: str) -> Unit:
        """Return the unit named by *text* ("万元", "元", "wan_yuan", "yuan")."""
        cleaned = text.strip().replace(" ", "")
        for unit in cls:
            if cleaned in (unit.value, unit.name.lower()):
                return unit
        msg = f"{text!r} is not a money unit (use 万元 or 元)"
        raise ValueError(msg)


_FACTORS = {Unit.YUAN: Decimal(1), Unit.WAN_YUAN: Decimal(10_000)}


def to_decimal(value: object) -> Decimal:
    """
    Turn *value* into a finite `Decimal`, refusing anything inexact.

    `float` and `bool` are refused: a float has already lost the printed
    digits, and a bool is not a number a user meant.
    """
    if isinstance(value, bool | float):
        msg = (
            f"{type(value).__name__} {value!r} is not an exact amount; "
            'give amounts as strings ("306.9") or Decimal'
        )
        raise TypeError(msg)
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, str):
        try:
            number = Decimal(value.strip())
        except InvalidOperation:
            msg = f"{value!r} is not an amount"
            raise ValueError(msg) from None
    else:
        msg = f"{type(value).__name__} {value!r} is not an amount"
        raise TypeError(msg)
    if not number.is_finite():
        msg = f"{value!r} is not a finite amount"
        raise ValueError(msg)
    return number


def _to_yuan(value: Any) -> Decimal:
    return to_decimal(value)


@frozen(order=True)
class Money:
    """
    An exact amount of money, kept in 元.

    Build one with `Money.of("306.9", Unit.WAN_YUAN)`; `Money(float)` raises
    `TypeError`.  Equality ignores how the number was spelled
    (``Money.of("115") == Money.of("115.00")``).
    """

    yuan: Decimal = field(converter=_to_yuan)

    @classmethod
    def _exact(cls, yuan: Decimal) -> Money:
        """A Money from a Decimal already known to be finite (the fast path for sums)."""
        money = object.__new__(cls)
        object.__setattr__(money, "yuan", yuan)
        return money

    @classmethod
    def of(cls, value: Decimal | int | str, unit: Unit = Unit.YUAN) -> Money:
        """The amount *value* printed in *unit*."""
        return cls(to_decimal(value) * unit.factor)

    def to(self, unit: Unit) -> Decimal:
        """This amount expressed in *unit*, exactly (no rounding)."""
        if unit is Unit.YUAN:
            return self.yuan
        return _plain(self.yuan / unit.factor)

    def rounded(self, unit: Unit, places: int) -> Decimal:
        """This amount in *unit*, rounded 四舍五入 to *places* decimals, for presentation."""
        return half_up(self.to(unit), places)

    def is_zero(self) -> bool:
        return self.yuan == 0

    def __add__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        return Money._exact(self.yuan + other.yuan)

    def __radd__(self, other: object) -> Money:
        if other == 0:  # lets the builtin sum() start from 0
            return self
        return NotImplemented

    def __sub__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        return Money._exact(self.yuan - other.yuan)

    def __neg__(self) -> Money:
        return Money._exact(-self.yuan)

    def __abs__(self) -> Money:
        return Money._exact(abs(self.yuan))

    def __bool__(self) -> bool:
        return not self.is_zero()

    def __repr__(self) -> str:
        return f"Money('{_plain(self.yuan)}元')"


ZERO = Money(Decimal(0))

Quantity = Money | int | Decimal
"""What a change measures: an amount, a number of people or things, or a percentage."""

Value = Quantity | str
"""A figure of any kind: a quantity, or a text (a name, a description, a figure as printed)."""


def total(amounts: Iterable[Money]) -> Money:
    """The exact sum of *amounts* (0 元 for none)."""
    result = Decimal(0)
    for amount in amounts:
        result += amount.yuan
    return Money._exact(result)


def percent(part: Money, whole: Money) -> Decimal | None:
    """``part / whole × 100``, unrounded; None when *whole* is zero (no rate on a zero base)."""
    if whole.is_zero():
        return None
    return part.yuan * 100 / whole.yuan


def half_up(number: Decimal, places: int) -> Decimal:
    """Round *number* 四舍五入 to *places* decimals."""
    return number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def truncated(number: Decimal, places: int) -> Decimal:
    """Cut *number* to *places* decimals (what some documents do instead of rounding)."""
    return number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_DOWN)


def _plain(number: Decimal) -> Decimal:
    """*number* without exponent noise: 3.06900E+2 → 306.9, 1E+2 → 100."""
    normal = number.normalize()
    if normal.as_tuple().exponent > 0:  # type: ignore[operator]
        return normal.quantize(Decimal(1))
    return normal


def plain(number: Decimal) -> str:
    """*number* as printed by the seed: no exponent, no trailing zeros ("306.9", "115")."""
    return format(_plain(number), "f")


@frozen(kw_only=True)
class Presentation:
    """How a document prints amounts: its unit and the number of decimals."""

    unit: Unit = Unit.WAN_YUAN
    places: int = 2

    @property
    def step(self) -> Money:
        """The smallest printed increment (0.01 万元 is 100 元)."""
        return Money(Decimal(1).scaleb(-self.places) * self.unit.factor)

    def present(self, amount: Money) -> Decimal:
        """*amount* as this document prints it (rounded 四舍五入)."""
        return amount.rounded(self.unit, self.places)

    def parse(self, text: str) -> Money:
        """An amount printed in this document's unit."""
        return Money.of(text, self.unit)
