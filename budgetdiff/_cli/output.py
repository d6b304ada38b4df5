"""Batch runs on the command line: many disclosures checked, many pairs compared."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from concurrent.futures import Executor, ProcessPoolExecutor
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from budgetdiff._model.findings import Value
from budgetdiff._model.money import Money, Unit, plain

from .data import value_data

if TYPE_CHECKING:
    from budgetdiff._engine.batch import BatchComparison, BatchReport


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


def _executor(jobs: int | None) -> Executor | None:
    return None if jobs is None else ProcessPoolExecutor(max_workers=jobs)


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        print(f"wrote {output}", file=sys.stderr)


def run_check_batch(args: argparse.Namespace) -> int:
    from budgetdiff._engine.batch import check_many, expand
    from budgetdiff._model.findings import Severity
    from budgetdiff._templates import builtin_environment
    from budgetdiff.exceptions import BudgetDiffError

    if not expand(args.files):
        msg = f"{', '.join(map(str, args.files))}: no .txt files to check"
        raise BudgetDiffError(msg)
    executor = _executor(args.jobs)
    batch = check_many(
        args.files,
        checks=args.only or None,
        block=args.block or (),
        executor=executor,
        progress=progress_bar(sys.stderr),
    )
    if executor is not None:
        executor.shutdown()
    if args.format == "json":
        _write(json.dumps(batch_data(batch), ensure_ascii=False, indent=2) + "\n", args.output)
    elif args.format == "csv":
        _write(findings_csv(batch), args.output)
    else:
        template = builtin_environment().get_template("check/batch.j2")
        _write(
            template.render(
                batch=batch, by_rule=batch.by_rule().most_common(), worst=batch.worst(10)
            ),
            args.output,
        )
    from .check import FAIL_ON

    threshold = FAIL_ON[args.fail_on]
    failing = threshold is not None and any(r.at_least(Severity(threshold)) for r in batch.reports)
    return 1 if failing or batch.failures else 0


def batch_data(batch: BatchReport) -> dict[str, Any]:
    from .data import report_data

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


def _exact(value: Value) -> tuple[str, str]:
    """A finding's value for a spreadsheet: exact text (as in the JSON) and its unit."""
    data = value_data(value, Unit.WAN_YUAN)
    if data is None:
        return "", ""
    if "amount" in data:
        return str(data["amount"]), str(data["unit"])
    if "percent" in data:
        return str(data["percent"]), "%"
    return str(data.get("count", data.get("text", ""))), ""


def read_pairs(path: Path) -> list[tuple[str, str]]:
    """(old, new) pairs from a CSV file of two columns; paths relative to the file."""
    from budgetdiff.exceptions import BudgetDiffError

    try:
        rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    except OSError as exc:
        msg = f"{path}: {exc.strerror}"
        raise BudgetDiffError(msg) from None
    pairs = []
    for number, row in enumerate(rows, start=1):
        cells = [c.strip() for c in row if c.strip()]
        if not cells or cells[0].startswith("#") or cells[:2] == ["old", "new"]:
            continue
        if len(cells) != 2:
            msg = f"{path}, line {number}: expected two paths (old,new), got {len(cells)} cells"
            raise BudgetDiffError(msg)
        pairs.append((str(path.parent / cells[0]), str(path.parent / cells[1])))
    return pairs


def run_compare_batch(args: argparse.Namespace) -> int:
    from budgetdiff._engine.batch import compare_many

    from .compare import options_from

    executor = _executor(args.jobs)
    batch = compare_many(
        read_pairs(args.pairs),
        comparators=args.only or None,
        block=args.block or (),
        options=options_from(args),
        executor=executor,
        progress=progress_bar(sys.stderr),
    )
    if executor is not None:
        executor.shutdown()
    if args.format == "json":
        _write(
            json.dumps(comparisons_data(batch), ensure_ascii=False, indent=2) + "\n", args.output
        )
    else:
        _write(changes_csv(batch), args.output)
    return 1 if batch.failures else 0


def comparisons_data(batch: BatchComparison) -> dict[str, Any]:
    from .data import comparison_data

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
