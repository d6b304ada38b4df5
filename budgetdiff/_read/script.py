"""
Mirror pages: a disclosure served in traditional characters, often with pinyin inserted
after characters ("預(yù)算"), read as the simplified text it was converted from.

OpenCC's ``t2s`` conversion (the ``opencc`` package, BYVoid's dictionaries) folds the
characters; it maps one character to one, so every line keeps its number and length
apart from the pinyin taken out.  A simplified text is left as it is.
"""

from __future__ import annotations

import re
from functools import cache

import opencc
from attrs import frozen

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_CJK = r"[\u3400-\u9fff]"
# "(yù)" after a character; tone marks prove it is pinyin ("(de)" follows once they do)
_TONED_PINYIN = re.compile(rf"(?<={_CJK})\((?=[a-zü]*[{_TONED}])[a-zü{_TONED}]{{1,7}}\)")
_ANY_PINYIN = re.compile(rf"(?<={_CJK})\([a-zü{_TONED}]{{1,7}}\)")
_ANNOTATED = 3  # toned annotations that make a text a pinyin-annotated mirror


@frozen
class Script:
    """A text as the reader reads it, and what was folded to get there."""

    text: str
    folded: int = 0  # characters changed from traditional to simplified
    pinyin: int = 0  # pinyin annotations taken out


@cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def simplified(text: str) -> Script:
    """*text* with pinyin annotations taken out and traditional characters folded."""
    pinyin = 0
    if len(_TONED_PINYIN.findall(text)) >= _ANNOTATED:
        text, pinyin = _ANY_PINYIN.subn("", text)
    converter = _converter()
    converted = converter.convert(text)
    if converted.count("\n") != text.count("\n"):  # never seen; the lines must stay
        converted = "\n".join(converter.convert(line) for line in text.split("\n"))
    folded = sum(a != b for a, b in zip(text, converted, strict=False))
    return Script(text=converted, folded=folded, pinyin=pinyin)
