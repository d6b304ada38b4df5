"""
Rounding as a reader checks it: printed parts add to the printed whole.

Each part rounded 四舍五入 on its own can leave the printed parts a step off the printed
total (10,134.17 + 8,842.58 = 18,976.75 against 18,976.76; shares 100.01%).  When the
exact parts add up exactly to the whole, `apportion` gives the printed parts by the
largest remainder: each part is cut down to the printed step, and the steps the whole
still needs go to the parts with the largest remainders.  No part moves more than one
step from its exact value; the draft records the figure it would have printed (the
trace's ``adjusted_from``).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_FLOOR, Decimal

from budgetdiff._model.money import half_up


def apportion(
    parts: Sequence[Decimal], whole: Decimal, places: int, printed_whole: Decimal | None = None
) -> list[Decimal] | None:
    """
    *parts* printed to *places* so that they add to *whole* as printed (四舍五入, or
    *printed_whole* when the whole itself was adjusted), or None when the parts do not
    add up exactly to the whole (then nothing is adjusted).
    """
    if not parts or sum(parts, Decimal(0)) != whole or any(p < 0 for p in parts):
        return None
    step = Decimal(1).scaleb(-places)
    floors = [p.quantize(step, rounding=ROUND_FLOOR) for p in parts]
    target = half_up(whole, places) if printed_whole is None else printed_whole
    missing = int((target - sum(floors, Decimal(0))) / step)
    if not 0 <= missing <= len(parts):
        return None
    order = sorted(range(len(parts)), key=lambda i: (-(parts[i] - floors[i]), i))
    printed = list(floors)
    for i in order[:missing]:
        printed[i] += step
    return printed
