"""Where the command line writes, and what: a file or stdout, a progress bar, JSON and CSV."""

from __future__ import annotations

import csv
import io
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

from budgetdiff._engine.batch import BatchComparison, BatchReport
from budgetdiff._model.money import Money, Unit, Value, plain

from .data import comparison_data, report_data, value_data


def progress_bar(stream: TextIO) -> Any:
    """A progress callback drawing a bar on *stream* — or None when it is not a terminal."""
    if not stream.isatty():
        return None

    def draw(done: int, total: int, unit: str) -> None:
        width = 30
        filled = width * done // max(total, 1)
        name = Path(unit).name[:40]
        stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name:<40}")
        if done == total:
            stream.write("\n")
        stream.flush()

    return draw


def write(text: str, output: Path | None) -> None:
    """*text* to *output*, saying so on stderr — or to stdout when there is no output."""
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        print(f"wrote {output}", file=sys.stderr)


def batch_data(batch: BatchReport) -> dict[str, Any]:
    return {
        "schema": "budgetdiff.batch/1",
        "units": len(batch.reports) + len(batch.failures),
        "reports": [report_data(r) for r in batch.reports],
        "failures": [{"source": f.source, "error": f.error} for f in batch.failures],
    }


def findings_csv(batch: BatchReport) -> str:
    """Every finding of every unit, one row each."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [
            "source",
            "rule",
            "severity",
            "table",
            "row",
            "column",
            "line",
            "expected",
            "actual",
            "unit",
            "message",
            "message_en",
        ]
    )

    for report in batch.reports:
        for f in report.findings:
            loc = f.locations[0] if f.locations else None
            (expected, unit_e), (actual, unit_a) = _exact(f.expected), _exact(f.actual)
            writer.writerow(
                [
                    report.source,
                    f.rule,
                    f.severity.value,
                    loc.table if loc else "",
                    loc.row if loc else "",
                    loc.column if loc else "",
                    loc.line if loc and loc.line is not None else "",
                    expected,
                    actual,
                    unit_e or unit_a,
                    f.message,
                    f.message_en,
                ]
            )
    for failure in batch.failures:
        writer.writerow(
            [
                failure.source,
                "read.failed",
                "error",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                failure.error,
                failure.error,
            ]
        )
    return out.getvalue()


FINDING_HEAD = (
    "source", "severity", "rule", "message", "message_en", "table", "row", "column", "page",
    "cell", "line", "locations", "expected", "actual", "unit",
)  # fmt: skip


def finding_rows(batch: BatchReport) -> tuple[tuple[str, ...], list[list[Any]]]:
    """Every finding of every unit for a workbook: its first location apart, all of them
    listed; expected and actual exact (a Decimal, in the unit given)."""
    rows: list[list[Any]] = []
    for report in batch.reports:
        for f in report.findings:
            loc = f.locations[0] if f.locations else None
            (expected, unit_e), (actual, unit_a) = _exact(f.expected), _exact(f.actual)
            rows.append(
                [
                    report.source,
                    f.severity.value,
                    f.rule,
                    f.message,
                    f.message_en,
                    loc.table if loc else "",
                    loc.row if loc else "",
                    loc.column if loc else "",
                    loc.page if loc else None,
                    loc.cell if loc else "",
                    loc.line if loc else None,
                    "\n".join(str(x) for x in f.locations),
                    _number(expected),
                    _number(actual),
                    unit_e or unit_a,
                ]
            )
    for failure in batch.failures:
        rows.append([failure.source, "error", "read.failed", failure.error, failure.error])
    return FINDING_HEAD, rows


def _number(text: str) -> Decimal | str:
    try:
        return Decimal(text) if text else text
    except ArithmeticError:
        return text


def _exact(value: Value | None) -> tuple[str, str]:
    """A finding's value for a spreadsheet: exact text (as in the JSON) and its unit."""
    data = value_data(value, Unit.WAN_YUAN)
    if data is None:
        return "", ""
    if "amount" in data:
        return str(data["amount"]), str(data["unit"])
    if "percent" in data:
        return str(data["percent"]), "%"
    return str(data.get("count", data.get("text", ""))), ""


def comparisons_data(batch: BatchComparison) -> dict[str, Any]:
    return {
        "schema": "budgetdiff.batch_comparison/1",
        "pairs": [
            {"old": p.old, "new": p.new, **comparison_data(p.comparison)} for p in batch.pairs
        ],
        "failures": [{"source": f.source, "error": f.error} for f in batch.failures],
    }


def changes_csv(batch: BatchComparison) -> str:
    """Every change of every pair, one row each (amounts exact, in 元)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [
            "old",
            "new",
            "unit_name",
            "old_year",
            "new_year",
            "id",
            "name",
            "old_value",
            "new_value",
            "delta",
            "growth_percent",
            "direction",
        ]
    )

    def cell(value: object) -> str:
        if value is None:
            return ""
        if isinstance(value, Money):
            return plain(value.yuan)
        return plain(value) if isinstance(value, Decimal) else str(value)

    for pair in batch.pairs:
        c = pair.comparison
        for change in c.changes:
            writer.writerow(
                [
                    pair.old,
                    pair.new,
                    c.new.unit_name,
                    c.old.year,
                    c.new.year,
                    change.id,
                    change.subject.name,
                    cell(change.old),
                    cell(change.new),
                    "" if change.is_text else cell(change.delta),
                    cell(change.growth),
                    change.direction.value,
                ]
            )
    for failure in batch.failures:
        writer.writerow(["", "", "", "", "", "failed", failure.error, "", "", "", "", ""])
    return out.getvalue()
