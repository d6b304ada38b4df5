"""``budgetdiff check``: findings on published disclosures, one or a whole folder."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from budgetdiff._engine.batch import BatchReport, check_many, expand
from budgetdiff._engine.check import check
from budgetdiff._engine.checklist import checklists_of, load_checklist
from budgetdiff._engine.verdicts import (
    VERDICTS_FILE,
    Reviewed,
    Verdicts,
    load_verdicts,
    review,
    verdicts_beside,
    verdicts_csv,
    verdicts_yaml,
)
from budgetdiff._model.findings import Severity
from budgetdiff._words import builtin_environment
from budgetdiff.exceptions import BudgetDiffError

from .args import FAIL_ON, executor_for, positive
from .checklist_sheet import checklist_workbook, render_checklists
from .data import report_data
from .output import batch_data, findings_csv, progress_bar, write
from .text import render_report
from .workbook import findings_workbook, needs_output


def run_check(args: argparse.Namespace) -> int:
    if args.format == "xlsx":
        needs_output(args.output, "xlsx")  # before checking: no work thrown away
    if args.checklist is not None:
        load_checklist(args.checklist)  # before checking: an unusable file is said at once
    if args.prior is not None and (len(args.files) > 1 or args.files[0].is_dir()):
        msg = "--prior pairs last year's document with one document: give one FILE"
        raise BudgetDiffError(msg)
    if len(args.files) > 1 or args.files[0].is_dir():
        return run_check_batch(args)
    report = check(
        args.files[0], checks=args.only or None, block=args.block or (), prior=args.prior
    )
    reviewed = review(report, _verdicts(args))
    if args.format == "checklist":
        _write_checklists(BatchReport(reports=[report]), args)
    elif args.format == "verdicts":
        _write_verdicts([reviewed], args.output)
    elif args.format == "xlsx":
        _write_workbook(findings_workbook(BatchReport(reports=[report])), args.output)
    elif args.format == "json":
        data = report_data(report, reviewed)
        write(json.dumps(data, ensure_ascii=False, indent=2) + "\n", args.output)
    elif args.format == "csv":
        write(findings_csv(BatchReport(reports=[report])), args.output)
    else:
        write(render_report(report, Severity(args.min_severity), reviewed), args.output)
    threshold = FAIL_ON[args.fail_on]
    if threshold is not None and reviewed.at_least(Severity(threshold)):
        return 1
    return 0


def run_check_batch(args: argparse.Namespace) -> int:
    if not expand(args.files):
        msg = (
            f"{', '.join(map(str, args.files))}: no published document (.txt, .pdf, .xlsx) to check"
        )
        raise BudgetDiffError(msg)
    executor = executor_for(args.jobs)
    batch = check_many(
        args.files,
        checks=args.only or None,
        block=args.block or (),
        executor=executor,
        progress=progress_bar(sys.stderr),
    )
    if executor is not None:
        executor.shutdown()
    verdicts = _verdicts(args)
    reviewed = [review(r, verdicts) for r in batch.reports]
    if args.format == "checklist":
        _write_checklists(batch, args)
    elif args.format == "verdicts":
        _write_verdicts(reviewed, args.output)
    elif args.format == "xlsx":
        _write_workbook(findings_workbook(batch), args.output)
    elif args.format == "json":
        write(json.dumps(batch_data(batch), ensure_ascii=False, indent=2) + "\n", args.output)
    elif args.format == "csv":
        write(findings_csv(batch), args.output)
    elif len(batch.reports) == 1 and not batch.failures:  # one disclosure in several files
        write(
            render_report(batch.reports[0], Severity(args.min_severity), reviewed[0]), args.output
        )
    else:
        template = builtin_environment().get_template("check/batch.j2")
        write(
            template.render(
                batch=batch, by_rule=batch.by_rule().most_common(), worst=batch.worst(10)
            ),
            args.output,
        )
    threshold = FAIL_ON[args.fail_on]
    failing = threshold is not None and any(r.at_least(Severity(threshold)) for r in reviewed)
    return 1 if failing or batch.failures else 0


def _verdicts(args: argparse.Namespace) -> Verdicts:
    """The verdicts --verdicts names, or those in a budgetdiff-verdicts.yaml beside the files."""
    if args.verdicts is not None:
        return load_verdicts(args.verdicts)
    return verdicts_beside(args.files)


def _write_verdicts(reviewed: list[Reviewed], output: Path | None) -> None:
    """Every finding's fingerprint and verdict so far: the file a reviewer edits."""
    as_csv = output is not None and output.suffix.lower() == ".csv"
    write(verdicts_csv(reviewed) if as_csv else verdicts_yaml(reviewed), output)


def _write_checklists(batch: BatchReport, args: argparse.Namespace) -> None:
    """One checklist per document: text, or a workbook when -o names an .xlsx file."""
    checklists = checklists_of(batch.reports, items=args.checklist)
    if args.output is not None and args.output.suffix.lower() == ".xlsx":
        _write_workbook(checklist_workbook(checklists, batch), args.output)
    else:
        write(render_checklists(checklists), args.output)


def _write_workbook(data: bytes, output: Path | None) -> None:
    path = needs_output(output, "xlsx")
    path.write_bytes(data)
    print(f"wrote {path}", file=sys.stderr)


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
        help="published documents (.txt in UTF-8 or GBK, .pdf, .xlsx), or folders of them; "
        "the narrative and the tables of one disclosure published as two files are one document",
    )
    cmd.add_argument(
        "--format",
        choices=["text", "json", "csv", "xlsx", "verdicts", "checklist"],
        default="text",
        help="output format (default: text; xlsx needs -o); verdicts: a verdicts file of "
        "every finding's fingerprint and verdict so far, for a reviewer to edit (YAML, or CSV "
        "with -o X.csv); checklist: the inspection checklist of each document (预算公开情况"
        "检查表, a workbook when -o names an .xlsx file)",
    )
    cmd.add_argument(
        "--checklist",
        type=Path,
        metavar="FILE",
        help="with --format checklist: the items from FILE (TOML, as "
        "budgetdiff/checklists/budget.toml) instead of budgetdiff's own for 预算 or 决算",
    )
    cmd.add_argument("-o", "--output", type=Path, help="where to write (default: stdout)")
    cmd.add_argument(
        "--jobs", type=positive, help="worker processes for many units (default: all cores)"
    )
    cmd.add_argument("--fail-on", choices=list(FAIL_ON), default="error")
    cmd.add_argument(
        "--min-severity",
        choices=[s.value for s in Severity],
        default=Severity.NOTE.value,
        help="list findings at or above this severity in the text report (default: note, "
        "all); the counts stay whole, and json, csv and xlsx keep every finding",
    )
    cmd.add_argument(
        "--prior",
        type=Path,
        metavar="OLD",
        help="last year's published document of the same unit (.txt, .pdf, .xlsx): the "
        "prior-year figures and changes the narrative states are checked against it "
        "(crossyear.*)",
    )
    cmd.add_argument(
        "--verdicts",
        type=Path,
        metavar="FILE",
        help="a reviewer's verdicts on findings (YAML or CSV, as --format verdicts writes it): "
        "findings marked confirmed, accepted or false are shown so and not counted, and only "
        f"open ones reach --fail-on (default: {VERDICTS_FILE} beside the documents, if present)",
    )
    cmd.add_argument("--only", action="append", metavar="NAME", help="run only this check")
    cmd.add_argument("--block", action="append", metavar="NAME", help="do not run this check")
    cmd.set_defaults(run=run_check)
