"""
Results as plain data for JSON: comparisons and findings, in a stable, documented schema.

Every amount is exact: a string in the stated unit, never a JSON number.
See docs/json.md for the schema.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from budgetdiff._engine.changes import Change
from budgetdiff._engine.compare import Comparison
from budgetdiff._model.budget import Budget
from budgetdiff._model.findings import Finding, Location
from budgetdiff._model.money import Money, Unit, Value, plain

if TYPE_CHECKING:
    from budgetdiff._engine.report import Report
    from budgetdiff._engine.verdicts import Reviewed

COMPARISON_SCHEMA = "budgetdiff.comparison/1"
REPORT_SCHEMA = "budgetdiff.report/1"


def value_data(value: Value | None, unit: Unit) -> dict[str, str | int] | None:
    """A value as ``{"amount": "143.24", "unit": "万元"}``, ``{"count": 5}``,
    ``{"percent": "73.46…"}`` or ``{"text": "…"}``; None when absent."""
    if value is None:
        return None
    if isinstance(value, Money):
        return {"amount": plain(value.to(unit)), "unit": unit.value}
    if isinstance(value, bool):  # never produced; kept out of "count"
        return {"text": str(value)}
    if isinstance(value, int):
        return {"count": value}
    if isinstance(value, Decimal):
        return {"percent": plain(value)}
    return {"text": value}


def change_data(change: Change, unit: Unit) -> dict[str, Any]:
    growth = change.growth
    return {
        "id": change.id,
        "kind": change.subject.kind,
        "key": change.subject.key,
        "name": change.subject.name,
        "comparator": change.comparator,
        "old": value_data(change.old, unit),
        "new": value_data(change.new, unit),
        "delta": None if change.is_text else value_data(change.delta, unit),
        "growth_percent": None if growth is None else plain(growth),
        "direction": change.direction.value,
        "material": change.material,
        "note": change.note,
        "drivers": [
            {
                "id": d.change,
                "relation": d.relation,
                "share": None if d.share is None else plain(d.share),
            }
            for d in change.drivers
        ],
        "facts": [
            {"label": f.label, "value": value_data(f.value, unit), "source": f.source}
            for f in change.facts
        ],
    }


def location_data(location: Location) -> dict[str, Any]:
    data: dict[str, Any] = {
        "source": location.source,
        "table": location.table,
        "row": location.row,
        "column": location.column,
        "line": location.line,
        "path": location.path,
    }
    return {k: v for k, v in data.items() if v not in ("", None)}


def finding_data(finding: Finding, unit: Unit = Unit.WAN_YUAN) -> dict[str, Any]:
    return {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "message": finding.message,
        "message_en": finding.message_en,
        "locations": [location_data(loc) for loc in finding.locations],
        "expected": value_data(finding.expected, unit),
        "actual": value_data(finding.actual, unit),
        "inputs": [{"label": k, "value": value_data(v, unit)} for k, v in finding.inputs],
        **(
            {"consequences": [finding_data(c, unit) for c in finding.consequences]}
            if finding.consequences
            else {}
        ),
    }


def report_data(report: Report, reviewed: Reviewed | None = None) -> dict[str, Any]:
    """
    *report* in the ``budgetdiff.report/1`` schema; with *reviewed* (its verdicts), each
    finding carries its ``fingerprint``, ``verdict`` and ``note``, and ``open`` counts the
    findings still open (``counts`` stays whole).
    """
    findings = [finding_data(f) for f in report.findings]
    if reviewed is None:
        return {
            "schema": REPORT_SCHEMA,
            "source": report.source,
            "counts": dict(report.counts()),
            "checks": list(report.checks),
            "findings": findings,
            "failures": [finding_data(f) for f in report.failures],
        }
    for data, key, verdict, note in zip(
        findings, reviewed.fingerprints, reviewed.verdicts, reviewed.notes, strict=True
    ):
        data.update(fingerprint=key, verdict=verdict.value, **({"note": note} if note else {}))
    return {
        "schema": REPORT_SCHEMA,
        "source": report.source,
        "counts": dict(report.counts()),
        "open": dict(reviewed.counts()),
        "verdicts": dict(reviewed.tally()),
        "checks": list(report.checks),
        "findings": findings,
        "failures": [finding_data(f) for f in report.failures],
    }


def _budget_data(budget: Budget) -> dict[str, Any]:
    """Which budget: its unit and year, and its notes (tables not found, choices made)."""
    return {"unit_name": budget.unit_name, "year": budget.year, "notes": list(budget.notes)}


def comparison_data(comparison: Comparison) -> dict[str, Any]:
    """*comparison* in the ``budgetdiff.comparison/1`` schema."""
    unit = comparison.new.presentation.unit
    return {
        "schema": COMPARISON_SCHEMA,
        "old": _budget_data(comparison.old),
        "new": _budget_data(comparison.new),
        "comparators": list(comparison.comparators),
        "changes": [change_data(c, unit) for c in comparison.changes],
        "unchanged": [change_data(c, unit) for c in comparison.unchanged],
        "failures": [finding_data(f, unit) for f in comparison.failures],
    }
