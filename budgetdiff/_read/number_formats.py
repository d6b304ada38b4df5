"""A workbook's number as its cell prints it: exact, through its number format.

A workbook stores a number as a binary float (openpyxl hands it over as one), so
0.1 + 0.2 is stored as 0.30000000000000004; what the sheet prints is the number
its format shows.  The figure is taken from the float's shortest decimal form
(``repr``), to the 15 significant digits a spreadsheet keeps, then shown with the
decimals of the cell's number format (``#,##0.00``: two, ``#,##0``: none, and a
``%`` format as a percentage).  Whether that figure is exact is said, never
guessed: noise below the 15th digit is the float's, not the figure's; a number
with more decimals than its format shows prints as shown, and is reported; a
``General`` number of 15 significant digits is reported as not exact.  No float
reaches `Money`: the reader parses the text this module gives.
"""

from __future__ import annotations

import enum
import re
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

from attrs import frozen

_SIGNIFICANT = 15  # the digits a spreadsheet keeps of a number
_NOISE_ZEROS = 3  # trailing zeros of those 15 that show float noise cut off (0.300000000000000)
_LITERALS = re.compile(r'"[^"]*"|\\.|_.|\*.|\[[^\]]*\]')
_PLACEHOLDERS = re.compile(r"[0#?]")
_DIGITS = re.compile(r"[0#]")  # a placeholder that prints a digit ("?" only pads)


class Exactness(enum.Enum):
    """Whether a printed number is the figure the cell stores."""

    EXACT = "exact"
    ROUNDED = "precision"  # the cell stores more decimals than its format shows
    INEXACT = "inexact"  # a General number of 15 significant digits: not a decimal figure


@frozen(kw_only=True)
class NumberFormat:
    """What a cell's number format says of how a number prints."""

    decimals: int | None = None  # None: General (the number as stored)
    thousands: bool = False
    percent: bool = False
    width: int = 0  # the digits of a zero-padded integer format ("00": 05)
    zero: str | None = None  # what the format prints for zero ("-" in accounting formats)


@frozen(kw_only=True)
class Printed:
    """A number as its cell prints it, the figure it stores, and whether they agree."""

    text: str
    stored: Decimal
    exactness: Exactness = Exactness.EXACT


def number_format(code: str) -> NumberFormat:
    """*code* (an Excel number format) as far as a figure's digits depend on it."""
    sections = _sections(code)
    first = _LITERALS.sub("", sections[0])
    if first.strip().lower() in ("general", "@", "") or "E" in first.upper():
        return NumberFormat()
    whole, _, fraction = first.partition(".")
    if not _PLACEHOLDERS.search(whole + fraction):
        return NumberFormat()
    zero = None
    if len(sections) >= 3 and not _DIGITS.search(_LITERALS.sub("", sections[2])):
        zero = _literal_text(sections[2])  # 会计专用: '_ * "-"??_ ' prints a dash
    return NumberFormat(
        decimals=len(_PLACEHOLDERS.findall(fraction)),
        thousands="," in whole,
        percent="%" in first,
        width=whole.count("0") if not fraction else 0,
        zero=zero,
    )


def printed_number(value: int | float, fmt: NumberFormat) -> Printed:
    """*value* (a cell's int or float) as *fmt* prints it, exactly or said not to be."""
    if isinstance(value, int):
        stored, exactness = Decimal(value), Exactness.EXACT
    else:
        stored, exactness = _decimal_of(value)
    if stored.is_zero() and fmt.zero is not None:
        return Printed(text=fmt.zero, stored=stored, exactness=exactness)
    shown = stored * 100 if fmt.percent else stored
    if fmt.decimals is None:
        text = format(shown.normalize(), "f")
        return Printed(text=text + ("%" if fmt.percent else ""), stored=stored, exactness=exactness)
    rounded = shown.quantize(Decimal(1).scaleb(-fmt.decimals), rounding=ROUND_HALF_UP)
    if rounded != shown:
        exactness = Exactness.ROUNDED
    text = format(rounded, f"{',' if fmt.thousands else ''}.{fmt.decimals}f")
    if fmt.width > 1 and not fmt.thousands and rounded >= 0:
        text = text.zfill(fmt.width)
    return Printed(text=text + ("%" if fmt.percent else ""), stored=stored, exactness=exactness)


def _decimal_of(value: float) -> tuple[Decimal, Exactness]:
    """
    The decimal figure of a stored float: its shortest form when that has at most 15
    significant digits; else its 15-digit rounding, exact only when float noise was cut.
    """
    shortest = Decimal(repr(value))
    digits = shortest.as_tuple().digits
    if len(digits) <= _SIGNIFICANT or shortest.is_zero():
        return shortest, Exactness.EXACT
    quantum = Decimal(1).scaleb(shortest.adjusted() - _SIGNIFICANT + 1)
    rounded = shortest.quantize(quantum, rounding=ROUND_HALF_EVEN)
    kept = "".join(map(str, rounded.as_tuple().digits))
    noise = len(kept) - len(kept.rstrip("0")) >= _NOISE_ZEROS
    return rounded.normalize(), Exactness.EXACT if noise else Exactness.INEXACT


def _sections(code: str) -> list[str]:
    """The ;-separated sections of a number format (positive; negative; zero; text)."""
    parts, current, quoted = [], "", False
    for char in code:
        if char == '"':
            quoted = not quoted
        if char == ";" and not quoted:
            parts.append(current)
            current = ""
            continue
        current += char
    parts.append(current)
    return parts


def _literal_text(section: str) -> str:
    """What a format section without placeholders prints: its quoted and escaped text."""
    text = re.sub(r"_.|\*.|\[[^\]]*\]", "", section)
    text = re.sub(r'"([^"]*)"', r"\1", text).replace("?", "")
    return re.sub(r"\\(.)", r"\1", text).strip()
