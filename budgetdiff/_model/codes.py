"""Classification codes: 支出功能分类 (function) and 支出经济分类 (economic).

A code is kept whole, as the string the classification prints ("2111101"),
never as three loose numbers; its 类/款/项 parts are derived from it.
"""

from __future__ import annotations

import enum
import re

from attrs import field, frozen


class Level(enum.Enum):
    """The level of a classification code."""

    CLASS = "类"
    SECTION = "款"
    ITEM = "项"


_FUNCTION_RE = re.compile(r"2\d{2}(?:\d{2}){0,2}")
_ECONOMIC_RE = re.compile(r"[35]\d{2}(?:\d{2})?")
_LEVELS = {3: Level.CLASS, 5: Level.SECTION, 7: Level.ITEM}


def _function_code(value: object) -> str:
    text = _code_text(value)
    if not _FUNCTION_RE.fullmatch(text):
        msg = (
            f"{value!r} is not a 支出功能分类 code: it must be 3, 5 or 7 digits "
            "(类, 款 or 项) and start with 2"
        )
        raise ValueError(msg)
    return text


def _economic_code(value: object) -> str:
    text = _code_text(value)
    if not _ECONOMIC_RE.fullmatch(text):
        msg = (
            f"{value!r} is not a 支出经济分类 code: it must be 3 or 5 digits (类 or 款) "
            "and start with 3 (部门预算) or 5 (政府预算)"
        )
        raise ValueError(msg)
    return text


def _code_text(value: object) -> str:
    if isinstance(value, FunctionCode | EconomicCode):
        return value.value
    if isinstance(value, bool) or not isinstance(value, str | int):
        msg = f"{value!r} is not a code"
        raise TypeError(msg)
    return str(value).strip()


@frozen(order=True)
class FunctionCode:
    """
    A 支出功能分类 code: 类 (3 digits), 款 (5) or 项 (7), e.g. ``2111101``.

    ``FunctionCode.split("211", "11", "01")`` joins the columns some tables print.
    """

    value: str = field(converter=_function_code)

    @classmethod
    def split(cls, klass: str, section: str = "", item: str = "") -> FunctionCode:
        """The code printed over 类/款/项 columns."""
        return cls(f"{klass.strip()}{section.strip()}{item.strip()}")

    @property
    def level(self) -> Level:
        return _LEVELS[len(self.value)]

    @property
    def parent(self) -> FunctionCode | None:
        """The 款 of a 项, the 类 of a 款; None for a 类."""
        if len(self.value) == 3:
            return None
        return FunctionCode(self.value[:-2])

    @property
    def ancestors(self) -> tuple[FunctionCode, ...]:
        """The 类 and 款 above this code, outermost first."""
        return tuple(FunctionCode(self.value[:n]) for n in (3, 5) if n < len(self.value))

    @property
    def class_code(self) -> FunctionCode:
        """The 类 this code belongs to."""
        return FunctionCode(self.value[:3])

    def is_within(self, other: FunctionCode) -> bool:
        """True when this code is *other* or lies below it."""
        return self.value.startswith(other.value)

    def __str__(self) -> str:
        return self.value


@frozen(order=True)
class EconomicCode:
    """A 支出经济分类 code: 类 (3 digits) or 款 (5), e.g. ``30199``."""

    value: str = field(converter=_economic_code)

    @property
    def level(self) -> Level:
        return _LEVELS[len(self.value)]

    @property
    def class_code(self) -> EconomicCode:
        """The 类 (301 工资福利支出, 302 商品和服务支出, …) this code belongs to."""
        return EconomicCode(self.value[:3])

    @property
    def parent(self) -> EconomicCode | None:
        return None if len(self.value) == 3 else self.class_code

    def __str__(self) -> str:
        return self.value
