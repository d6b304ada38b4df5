"""
Findings as one line of text each, for golden files and test failure messages.

``describe(finding)`` gives ``severity rule | location; location | expected=… actual=…``
with amounts in 万元 (exact, trailing zeros dropped) and locations as printed
(table / row / column (line n)), so that a golden file lists every finding with
its rule, severity, where it is and the two numbers.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from collections.abc import Iterable

from budgetdiff._model.findings import Finding
from budgetdiff._model.money import Money, Unit, Value, plain

__all__ = ["describe", "describe_all"]


def _value(value: Value | None) -> str:
    if value is None:
        return "-"
    if isinstance(value, Money):
        return f"{plain(value.to(Unit.WAN_YUAN))}万元"
    return str(value)


def describe(finding: Finding) -> str:
    """*finding* on one line: severity, rule, every location, expected and actual."""
    where = "; ".join(str(location) for location in finding.locations) or "-"
    return (
        f"{finding.severity.value:<7} {finding.rule} | {where} | "
        f"expected={_value(finding.expected)} actual={_value(finding.actual)}"
    )


def describe_all(findings: Iterable[Finding]) -> str:
    """One line per finding, in the order given, ending with a newline."""
    return "".join(describe(f) + "\n" for f in findings)
