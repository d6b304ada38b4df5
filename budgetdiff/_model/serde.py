"""cattrs converters for budgetdiff's models: formats live here, not on the models.

Amounts travel as strings in the document's own unit ("306.9" in a 万元
document), so a file reads as the published tables do and no float ever
appears; codes travel as strings ("2111101").
"""

from __future__ import annotations

import functools
from decimal import Decimal
from typing import Any

import cattrs

from .codes import EconomicCode, FunctionCode
from .money import Money, Unit, plain, to_decimal


class InexactNumber(str):
    """A number a JSON or TOML parser would have made a float; kept as its literal text."""

    __slots__ = ("fmt",)
    fmt: str

    def __new__(cls, text: str, fmt: str = "JSON") -> InexactNumber:
        self = super().__new__(cls, text)
        self.fmt = fmt
        return self


def _structure_money(value: Any, unit: Unit) -> Money:
    if isinstance(value, InexactNumber):
        msg = (
            f"{value} is a {value.fmt} number, which readers turn into an inexact float; "
            f'write the amount as a string: "{value}"'
        )
        raise ValueError(msg)
    if isinstance(value, str) and value.strip() == "":
        msg = "an empty amount; write 0 or leave the field out"
        raise ValueError(msg)
    return Money.of(to_decimal(value), unit)


def _structure_decimal(value: Any, _: type) -> Decimal:
    if isinstance(value, InexactNumber):
        return to_decimal(str(value))
    return to_decimal(value)


def _structure_int(value: Any, _: type) -> int:
    if isinstance(value, bool | float | InexactNumber):
        msg = f"{value!r} is not a whole number"
        raise ValueError(msg)
    if isinstance(value, str):
        value = value.strip()
        if not value.lstrip("-").isdigit():
            msg = f"{value!r} is not a whole number"
            raise ValueError(msg)
    return int(value)


def _structure_str(value: Any, _: type) -> str:
    if isinstance(value, str):
        return str(value)
    msg = f"{value!r} is not text"
    raise ValueError(msg)


def configure_converter(converter: cattrs.Converter, *, unit: Unit = Unit.WAN_YUAN) -> None:
    """
    Teach *converter* budgetdiff's value types, with amounts in *unit*.

    Money (un)structures as a plain decimal string in *unit*; codes as strings;
    floats and bools are refused wherever an amount or a count is expected.
    """
    converter.register_structure_hook(Money, lambda v, _: _structure_money(v, unit))
    converter.register_unstructure_hook(Money, lambda m: plain(m.to(unit)))
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_unstructure_hook(Decimal, plain)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(FunctionCode, lambda v, _: FunctionCode(_code_text(v)))
    converter.register_unstructure_hook(FunctionCode, str)
    converter.register_structure_hook(EconomicCode, lambda v, _: EconomicCode(_code_text(v)))
    converter.register_unstructure_hook(EconomicCode, str)


def _code_text(value: Any) -> str:
    if isinstance(value, InexactNumber) or not isinstance(value, str | int):
        msg = f"{value!r} is not a code; write codes as strings such as '2111101'"
        raise ValueError(msg)
    return str(value)


@functools.cache
def make_converter(unit: Unit = Unit.WAN_YUAN) -> cattrs.Converter:
    """
    A converter for budgetdiff's models with amounts in *unit*.

    Unknown keys are errors (a misspelled field is never silently dropped) and
    fields at their default are left out when unstructuring.
    """
    converter = cattrs.Converter(forbid_extra_keys=True, omit_if_default=True)
    configure_converter(converter, unit=unit)
    return converter
