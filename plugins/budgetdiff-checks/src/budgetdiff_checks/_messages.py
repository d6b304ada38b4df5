"""
Finding messages: the plugin's TOML catalogs, and how numbers are shown in them.

Each module has its catalog in ``messages/`` (``table.toml`` for the ``table.*``
rules, …); a template receives the figures as `Money` and formats them with
the filters (``amount``, ``number``) in the style of the tables it speaks of.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

from budgetdiff import Finding, Severity, Unit
from budgetdiff.disclosure import PrintedTable, Template
from budgetdiff.model import Value
from budgetdiff.plugin import Location, Messages, NumberStyle


@functools.cache
def catalog(name: str) -> Messages:
    """The message catalog ``messages/<name>.toml`` of this plugin."""
    return Messages.from_package("budgetdiff_checks", f"messages/{name}.toml")


def style(
    tables: Iterable[PrintedTable | None], template: Template = Template.XINJIANG
) -> NumberStyle:
    """
    How a message shows amounts of *tables*: in their unit, exactly.

    Amounts in 元 show to the fen, amounts in 万元 to four places (so that a
    rounding bound of 0.035万元 is shown as it is); trailing zeros are dropped.
    Tables in different units are spoken of in 万元 to six places.
    """
    units = {t.unit or Unit.WAN_YUAN for t in tables if t is not None}
    thousands = template is Template.SHANGHAI
    if units == {Unit.YUAN}:
        return NumberStyle(unit=Unit.YUAN, places=2, strip_zeros=True, thousands=True)
    places = 6 if len(units) > 1 else 4
    return NumberStyle(unit=Unit.WAN_YUAN, places=places, strip_zeros=True, thousands=thousands)


def message(
    catalog_name: str,
    rule: str,
    severity: Severity,
    *,
    key: str | None = None,
    locations: Iterable[Location] = (),
    expected: Value | None = None,
    actual: Value | None = None,
    inputs: Iterable[tuple[str, Value | None]] = (),
    **data: Any,
) -> Finding:
    """A finding of *rule*, its message the template *key* (default: *rule*) of *catalog_name*."""
    return catalog(catalog_name).finding(
        rule,
        severity,
        key=key,
        locations=locations,
        expected=expected,
        actual=actual,
        inputs=inputs,
        **data,
    )
