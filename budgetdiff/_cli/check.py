"""``budgetdiff check``: findings on a published disclosure, grouped for a reviewer."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from attrs import frozen

from .main import positive

if TYPE_CHECKING:
    from budgetdiff._engine.check import Report
    from budgetdiff._model.findings import Finding

FAIL_ON = {"error": "error", "warning": "warning", "never": None}


@frozen
class Group:
    title: str
    findings: tuple[Finding, ...]


def group_findings(report: Report) -> list[Group]:
    """Findings grouped by the table or section of their first location, in document order."""
    groups: dict[str, list[Finding]] = {}
    for finding in report.findings:
        first = finding.locations[0] if finding.locations else None
        groups.setdefault(first.table if first else "", []).append(finding)
    return [Group(title, tuple(items)) for title, items in groups.items()]


def render_report(report: Report) -> str:
    from budgetdiff._templates import builtin_environment
    from budgetdiff._words import NumberStyle

    return (
        builtin_environment()
        .get_template("check/text.j2")
        .render(
            report=report,
            groups=group_findings(report),
            counts=report.counts(),
            style=NumberStyle(),
        )
    )


def run_check(args: argparse.Namespace) -> int:
    from budgetdiff._engine.check import check
    from budgetdiff._model.findings import Severity

    from .data import report_data

    if len(args.files) > 1 or args.files[0].is_dir():
        from .output import run_check_batch

        return run_check_batch(args)
    report = check(args.files[0], checks=args.only or None, block=args.block or ())
    from .output import _write

    if args.format == "json":
        _write(json.dumps(report_data(report), ensure_ascii=False, indent=2) + "\n", args.output)
    elif args.format == "csv":
        from budgetdiff._engine.batch import BatchReport

        from .output import findings_csv

        _write(findings_csv(BatchReport(reports=[report])), args.output)
    else:
        _write(render_report(report), args.output)
    threshold = FAIL_ON[args.fail_on]
    if threshold is not None and report.at_least(Severity(threshold)):
        return 1
    return 0


def add_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = commands.add_parser(
        "check",
        help="check a published disclosure: tables, cross-references, codes, narrative, profile",
        description="Check a published disclosure; exit 1 on findings at or above --fail-on.",
    )
    cmd.add_argument(
        "files",
        type=Path,
        nargs="+",
        metavar="FILE_OR_DIR",
        help="published texts (.txt, UTF-8 or GBK), or folders of them",
    )
    cmd.add_argument("--format", choices=["text", "json", "csv"], default="text")
    cmd.add_argument("-o", "--output", type=Path, help="where to write (default: stdout)")
    cmd.add_argument(
        "--jobs", type=positive, help="worker processes for many units (default: all cores)"
    )
    cmd.add_argument("--fail-on", choices=list(FAIL_ON), default="error")
    cmd.add_argument("--only", action="append", metavar="NAME", help="run only this check")
    cmd.add_argument("--block", action="append", metavar="NAME", help="do not run this check")
    cmd.set_defaults(run=run_check)
