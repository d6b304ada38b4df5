"""
Rounding as arithmetic: what a printed figure can stand for, and what follows.

A figure printed to 0.01 stands for every true value that rounds to it
(四舍五入): ``306.9`` printed to two places is some x with
``306.895 <= x < 306.905``.  Consistency between printed figures is therefore
a question about intervals, in the manner of XBRL Calculations 1.1:

- n printed parts and their printed total are consistent when
  ``|Σ parts − total|`` is strictly less than the sum of their half-steps
  (``(n+1)·0.005`` for figures to 0.01) — `check_sum`;
- a printed percentage is consistent with printed inputs when some value of
  the ratio over the inputs' intervals rounds to it — `implied_growth`,
  `implied_share`, `fit_percent`;
- a percentage that fits only when cut instead of rounded, or only over
  another base, is told apart — `fit_percent`, `explain_percent`.

Everything is exact `Decimal`; nothing here knows about money units or text,
so the table checker uses it as the narrative checker does.  A figure that is
exact (an amount in 元 from a table) is `Interval.exact`.
"""

from __future__ import annotations

import enum
import itertools
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal, localcontext

from attrs import frozen

from .money import half_up

_HUNDRED = Decimal(100)


def half_step(places: int) -> Decimal:
    """Half the last printed digit: 0.005 for two places, 0.5 for none."""
    return Decimal(5).scaleb(-places - 1)


def places_of(printed: str | Decimal) -> int:
    """How many decimals *printed* shows ("18,976.76" → 2, "115" → 0, "0.30" → 2)."""
    number = printed if isinstance(printed, Decimal) else Decimal(str(printed).replace(",", ""))
    exponent = number.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


@frozen
class Interval:
    """A closed interval ``[low, high]`` of exact decimals."""

    low: Decimal
    high: Decimal

    def __attrs_post_init__(self) -> None:
        if self.low > self.high:
            msg = f"empty interval [{self.low}, {self.high}]"
            raise ValueError(msg)

    @classmethod
    def exact(cls, value: Decimal) -> Interval:
        """A value known exactly (a table amount in 元, a count)."""
        return cls(value, value)

    @classmethod
    def printed(cls, value: Decimal, places: int) -> Interval:
        """The values that round 四舍五入 to *value* at *places* decimals (closed hull)."""
        return cls.around(value, half_step(places))

    @classmethod
    def around(cls, value: Decimal, half: Decimal) -> Interval:
        """``[value − half, value + half]``."""
        return cls(value - half, value + half)

    @classmethod
    def hull(cls, values: Iterable[Decimal]) -> Interval:
        """The smallest interval holding every one of *values*."""
        items = list(values)
        return cls(min(items), max(items))

    @property
    def width(self) -> Decimal:
        return self.high - self.low

    @property
    def middle(self) -> Decimal:
        return (self.low + self.high) / 2

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.low + other.low, self.high + other.high)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.low - other.high, self.high - other.low)

    def __neg__(self) -> Interval:
        return Interval(-self.high, -self.low)

    def contains(self, value: Decimal) -> bool:
        return self.low <= value <= self.high

    def contains_zero(self) -> bool:
        return self.contains(Decimal(0))

    def overlaps(self, other: Interval) -> bool:
        return self.low <= other.high and other.low <= self.high

    def distance(self, value: Decimal) -> Decimal:
        """How far *value* lies outside this interval (0 inside)."""
        if value < self.low:
            return self.low - value
        if value > self.high:
            return value - self.high
        return Decimal(0)

    def __str__(self) -> str:
        return f"[{self.low}, {self.high}]"


def sum_interval(intervals: Iterable[Interval]) -> Interval:
    """The interval of a sum of independent figures."""
    low = high = Decimal(0)
    for interval in intervals:
        low += interval.low
        high += interval.high
    return Interval(low, high)


# ---------------------------------------------------------------- sums


class SumVerdict(enum.Enum):
    """How printed parts relate to their printed total."""

    EXACT = "exact"  # the printed figures add up
    ROUNDING = "rounding"  # they do not, but rounding explains the gap
    MISMATCH = "mismatch"  # no rounding explains the gap


@frozen(kw_only=True)
class SumCheck:
    """Printed parts against a printed total: the gap and the largest gap rounding explains."""

    parts: Decimal  # the sum of the printed parts
    total: Decimal  # the printed total
    bound: Decimal  # rounding explains a gap strictly below this
    parts_half: Decimal = Decimal(0)  # how far the parts' true sum may lie from *parts*
    total_half: Decimal = Decimal(0)  # how far the true total may lie from *total*

    @property
    def gap(self) -> Decimal:
        """``Σ parts − total`` (positive when the parts exceed the total)."""
        return self.parts - self.total

    @property
    def verdict(self) -> SumVerdict:
        if self.gap == 0:
            return SumVerdict.EXACT
        if abs(self.gap) < self.bound or self._meets_at_the_edge():
            return SumVerdict.ROUNDING
        return SumVerdict.MISMATCH

    def _meets_at_the_edge(self) -> bool:
        """
        A rounded figure x stands for [x − h, x + h) (四舍五入 rounds the half up), so an
        exact total equal to the parts' lowest possible sum is still reachable:
        two shares printed 33.34% and 66.67% can be 33.335% and 66.665%, exactly 100%.
        """
        if self.total_half == 0 and self.parts_half > 0:
            return self.gap == self.parts_half
        if self.parts_half == 0 and self.total_half > 0:
            return -self.gap == self.total_half
        return False


def sum_bound(half_steps: Iterable[Decimal]) -> Decimal:
    """
    The largest gap (exclusive) that rounding explains between printed figures.

    Each printed figure misses its true value by less than its half-step
    (四舍五入 maps ``[v − h, v + h)`` to v), so n parts and a total, all to
    0.01, can miss by strictly less than ``(n + 1) × 0.005``.
    """
    return sum(half_steps, Decimal(0))


def check_sum(parts: Sequence[tuple[Decimal, Decimal]], total: tuple[Decimal, Decimal]) -> SumCheck:
    """
    Printed *parts* against a printed *total*, each given as (value, half-step).

    An exact figure has half-step 0; a figure printed to 0.01 has 0.005.
    """
    return SumCheck(
        parts=sum((value for value, _ in parts), Decimal(0)),
        total=total[0],
        bound=sum_bound([half for _, half in parts] + [total[1]]),
        parts_half=sum((half for _, half in parts), Decimal(0)),
        total_half=total[1],
    )


# ---------------------------------------------------------------- ratios


def _extremes(function: Callable[..., Decimal], *intervals: Interval) -> Interval:
    """
    The range of *function* over a box of intervals.

    Valid for functions monotone in each variable wherever no variable changes
    sign (ratios, growth rates): each interval is split at 0, and the extremes
    lie among the corners of the pieces.
    """
    axes = []
    for interval in intervals:
        points = {interval.low, interval.high}
        if interval.low < 0 < interval.high:
            points.add(Decimal(0))
        axes.append(sorted(points))
    with localcontext() as context:
        context.prec = 34
        values = [function(*corner) for corner in itertools.product(*axes)]
    return Interval.hull(values)


def implied_ratio(numerator: Interval, denominator: Interval) -> Interval | None:
    """``100 × numerator / denominator`` over the intervals; None if the denominator can be 0."""
    if denominator.contains_zero():
        return None
    return _extremes(lambda n, d: _HUNDRED * n / d, numerator, denominator)


def implied_share(part: Interval, whole: Interval) -> Interval | None:
    """The share ``part / whole`` in percent (占X%)."""
    return implied_ratio(part, whole)


def implied_growth(current: Interval, delta: Interval) -> Interval | None:
    """
    Growth in percent from the current figure and the change: ``delta / (current − delta)``.

    The prior year is not printed but implied, so it is not independent of
    *delta*; evaluating the formula over the box keeps that correlation
    (a looser ``delta / prior`` with prior's own interval would accept more).
    None when the implied prior year can be zero or negative: no growth rate
    exists on a zero base.
    """
    prior = current - delta
    if prior.low <= 0:
        return None
    return _extremes(lambda c, d: _HUNDRED * d / (c - d), current, delta)


def implied_growth_from_prior(prior: Interval, current: Interval) -> Interval | None:
    """Growth in percent from both years: ``(current − prior) / prior``; None on a zero base."""
    if prior.low <= 0:
        return None
    return _extremes(lambda p, c: _HUNDRED * (c - p) / p, prior, current)


# ---------------------------------------------------------------- percentages


class PercentFit(enum.Enum):
    """How a printed percentage relates to the interval its inputs imply."""

    ROUNDED = "rounded"  # some value in the interval rounds (四舍五入) to it
    TRUNCATED = "truncated"  # none rounds to it, but some value cut to its places gives it
    NONE = "none"


def rounding_interval(stated: Decimal, places: int) -> Interval:
    """The values that round half-up to *stated* (closed hull)."""
    return Interval.printed(stated, places)


def truncation_interval(stated: Decimal, places: int) -> Interval:
    """The values that truncate (toward zero) to *stated* at *places* (closed hull)."""
    step = Decimal(1).scaleb(-places)
    if stated > 0:
        return Interval(stated, stated + step)
    if stated < 0:
        return Interval(stated - step, stated)
    return Interval(-step, step)


def fit_percent(stated: Decimal, places: int, implied: Interval) -> PercentFit:
    """
    Does the printed percentage *stated* (to *places*) fit the *implied* interval?

    Rounding is tried first; a figure that fits only when the true value is
    cut (``106.669 → 106.66``) is TRUNCATED — a presentation slip, not a
    wrong number.
    """
    if rounding_interval(stated, places).overlaps(implied):
        return PercentFit.ROUNDED
    if truncation_interval(stated, places).overlaps(implied):
        return PercentFit.TRUNCATED
    return PercentFit.NONE


@frozen(kw_only=True)
class PercentMatch:
    """A candidate reading of a printed percentage that the figures support."""

    name: str  # what the candidate is: "prior", "current", …
    implied: Interval
    fit: PercentFit


def explain_percent(
    stated: Decimal, places: int, candidates: Sequence[tuple[str, Interval | None]]
) -> tuple[PercentMatch, ...]:
    """
    Which of the named *candidates* a printed percentage fits, best first.

    The checker passes the correct reading first (growth over the prior year),
    then the wrong ones it wants to recognise (over the current year, over a
    prior implied elsewhere).  A percentage that fits only a wrong one, or
    only by truncation, is reported as exactly that.
    """
    matches = [
        PercentMatch(name=name, implied=implied, fit=fit)
        for name, implied in candidates
        if implied is not None
        and (fit := fit_percent(stated, places, implied)) is not PercentFit.NONE
    ]
    matches.sort(key=lambda m: m.fit is not PercentFit.ROUNDED)
    return tuple(matches)


def nearest(implied: Interval, places: int) -> Decimal:
    """The figure a correct document would print for *implied*: its middle, rounded half-up."""
    return half_up(implied.middle, places)
