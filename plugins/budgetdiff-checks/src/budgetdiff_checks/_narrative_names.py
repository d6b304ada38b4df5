"""
Names of function lines as a narrative prints them, against the tables and the catalog.

Names are compared the way a reader would: without spaces, quotes, numbering
and level markers ("（类）"), with 其它 read as 其他 and a trailing 支出 or 科目
dropped ("其他行政事业单位医疗" names 其他行政事业单位医疗支出).  A name the
catalog gives a code only in earlier years ("医疗卫生与计划生育支出" for 210
from 2019 on) is an *old* name.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict

from attrs import frozen

from budgetdiff.disclosure import compact
from budgetdiff.model import Catalog

_MARKERS = re.compile(r"[（(]\s*(?:\d{2,3}\s*)?[类款项]\s*[)）]")
_NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|\d{1,2}\s*[.．、](?!\d)|[（(][一二三四五六七八九十\d]+[)）])+"
)
_NOISE = str.maketrans({"(": "（", ")": "）", "“": None, "”": None, '"': None, "'": None})


@functools.lru_cache(maxsize=8192)
def norm(name: str) -> str:
    """*name* as compared: no spaces, quotes, numbering or level markers; 其它 as 其他."""
    text = compact(name).translate(_NOISE)
    text = _MARKERS.sub("", text)
    text = _NUMBERING.sub("", text)
    text = text.replace("其它", "其他")
    for tail in ("科目", "支出"):
        if text.endswith(tail) and len(text) > len(tail) + 1:
            text = text[: -len(tail)]
    return text


def same_name(printed: str, other: str) -> bool:
    return bool(printed) and norm(printed) == norm(other)


@frozen(kw_only=True)
class NameVerdict:
    """How a printed name relates to a code's names."""

    agrees: bool
    old: bool = False  # the catalog's name for the code in an earlier year
    expected: tuple[str, ...] = ()  # the names it should be


def judge_name(
    printed: str, code: str, table_names: tuple[str, ...], catalog: Catalog, year: int | None
) -> NameVerdict | None:
    """
    Does *printed* name the function *code*?  It does when it is the catalog's
    name for the code in *year* or a name the tables print for it; it is *old*
    when the catalog gave the code that name only before *year* (even where the
    tables print the old name too).  None when neither the catalog nor the
    tables name the code.
    """
    history = catalog.function_names(code)  # oldest first
    current = catalog.function_name(code, year) if history else None
    olds = history[: history.index(current)] if current in history else ()
    expected = tuple(dict.fromkeys([*([current] if current else []), *table_names]))
    if not expected:
        return None
    if any(same_name(printed, old) for old in olds) and not (
        current and same_name(printed, current)
    ):
        return NameVerdict(agrees=False, old=True, expected=(current,) if current else expected)
    if any(same_name(printed, name) for name in expected):
        return NameVerdict(agrees=True)
    return NameVerdict(agrees=False, expected=expected)


@functools.cache
def class_names(catalog: Catalog) -> dict[str, tuple[str, ...]]:
    """Every name a function class has had (normalized) → its codes."""
    found: dict[str, list[str]] = defaultdict(list)
    for number in range(200, 300):
        code = str(number)
        for name in catalog.function_names(code):
            found[norm(name)].append(code)
    return {name: tuple(dict.fromkeys(codes)) for name, codes in found.items()}


@functools.cache
def catalog_below(catalog: Catalog, prefix: str) -> dict[str, tuple[str, ...]]:
    """The codes the catalog knows below *prefix* (its 款 and 项) → every name they have had."""
    found: dict[str, tuple[str, ...]] = {}
    if len(prefix) >= 7:
        return found
    sections = [prefix] if len(prefix) == 5 else [f"{prefix}{n:02d}" for n in range(1, 100)]
    for section in sections:
        if section != prefix:
            names = catalog.function_names(section)
            if names:
                found[section] = names
        for n in range(1, 100):
            item = f"{section}{n:02d}"
            names = catalog.function_names(item)
            if names:
                found[item] = names
    return found
