"""Numbers as printed: ASCII or full-width digits, thousands separators, dashes.

`read_number` never fixes a number silently: "433..34" is MALFORMED, kept as
printed, with the value it most likely means (433.34) as a *suggestion* only when
that is unambiguous.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from attrs import frozen

from .disclosure import CellKind

# Full-width digits and punctuation as they appear in tables.
_FULL_WIDTH = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        "．": ".",
        "，": ",",
        "－": "-",
        "＋": "+",
        "\u3000": " ",
        "\xa0": " ",
    }
)
_DASHES = frozenset("-—－–―─~～/／")
_PLAIN = re.compile(r"[+-]?\d+(?:\.\d+)?")
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_NUMBERISH = re.compile(r"[+-]?[\d.,\s]*\d[\d.,\s]*")
_DOTS = re.compile(r"\.{2,}")
_MAX_DIGITS = 24  # exact arithmetic in Money keeps 28 significant digits


@frozen(kw_only=True)
class ReadNumber:
    """What a piece of printed text reads as."""

    kind: CellKind
    value: Decimal | None = None
    suggestion: Decimal | None = None
    places: int = 0  # decimals printed (for the document's presentation)


BLANK = ReadNumber(kind=CellKind.BLANK)
DASH = ReadNumber(kind=CellKind.DASH)
TEXT = ReadNumber(kind=CellKind.TEXT)


def normalise(text: str) -> str:
    """*text* with full-width digits and punctuation made ASCII, and trimmed."""
    return text.translate(_FULL_WIDTH).strip()


def read_number(text: str) -> ReadNumber:
    """Read a printed cell: blank, dash, a number, a malformed number, or text."""
    cleaned = normalise(text)
    if not cleaned:
        return BLANK
    if all(ch in _DASHES or ch == " " for ch in cleaned):
        return DASH
    number = _exact(cleaned)
    if number is not None:
        return number
    if _NUMBERISH.fullmatch(cleaned):
        return ReadNumber(kind=CellKind.MALFORMED, suggestion=_suggest(cleaned))
    return TEXT


def _exact(cleaned: str) -> ReadNumber | None:
    if _PLAIN.fullmatch(cleaned):
        digits = cleaned
    elif _GROUPED.fullmatch(cleaned):
        digits = cleaned.replace(",", "")
    else:
        return None
    try:
        value = Decimal(digits)
    except InvalidOperation:  # pragma: no cover - the patterns only let numbers through
        return None
    if len(digits.lstrip("+-").replace(".", "")) > _MAX_DIGITS:
        return None  # more digits than any amount has: not read as one (it stays exact as text)
    places = len(digits.partition(".")[2])
    return ReadNumber(kind=CellKind.NUMBER, value=value, places=places)


def _suggest(cleaned: str) -> Decimal | None:
    """The number a malformed text most likely means, or None when that is not clear."""
    candidates = set()
    for attempt in (
        _DOTS.sub(".", cleaned),  # 433..34
        cleaned.replace(" ", ""),  # 43 3.34
        _DOTS.sub(".", cleaned.replace(" ", "")),
        cleaned.replace(",", "").replace(" ", ""),  # 1,23,456 (misplaced separators)
    ):
        if attempt == cleaned or attempt.count(".") > 1:
            continue
        found = _exact(attempt)
        if found is not None and found.value is not None:
            candidates.add(found.value)
    return candidates.pop() if len(candidates) == 1 else None


def decimal_of(text: str) -> Decimal | None:
    """A number in narrative text ("18,976.76", "433.34"), or None."""
    found = _exact(normalise(text))
    return None if found is None else found.value
