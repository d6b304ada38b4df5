"""``budgetdiff compare`` and ``budgetdiff plugins``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from budgetdiff._engine.batch import BatchComparison, ComparedPair, compare_many
from budgetdiff._engine.registry import installed
from budgetdiff.exceptions import BudgetDiffError

from .args import comparison_from, executor_for, options_from, positive, read_pairs
from .data import comparison_data
from .output import changes_csv, comparisons_data, progress_bar, write
from .text import render_comparison
from .workbook import changes_workbook, needs_output


def run_compare(args: argparse.Namespace) -> int:
    if args.pairs is not None:
        args.format = args.format or "csv"
        if args.format not in ("csv", "json"):
            msg = "--pairs writes --format csv or json"
            raise BudgetDiffError(msg)
        return run_compare_batch(args)
    if args.old is None or args.new is None:
        msg = "compare needs OLD and NEW, or --pairs FILE"
        raise BudgetDiffError(msg)
    args.format = args.format or "text"
    if args.format == "xlsx":
        output = needs_output(args.output, "xlsx")
        output.write_bytes(changes_workbook(comparison_from(args)))
        print(f"wrote {output}", file=sys.stderr)
        return 0
    result = comparison_from(args)
    if args.format == "csv":
        pair = ComparedPair(old=str(args.old), new=str(args.new), comparison=result)
        write(changes_csv(BatchComparison(pairs=[pair])), args.output)
        return 0
    if args.format == "json":
        write(json.dumps(comparison_data(result), ensure_ascii=False, indent=2) + "\n", args.output)
    else:
        write(render_comparison(result, args.format), args.output)
    return 0


def run_compare_batch(args: argparse.Namespace) -> int:
    executor = executor_for(args.jobs)
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
        write(json.dumps(comparisons_data(batch), ensure_ascii=False, indent=2) + "\n", args.output)
    else:
        write(changes_csv(batch), args.output)
    return 1 if batch.failures else 0


def run_plugins(args: argparse.Namespace) -> int:
    registry = installed()
    if args.format == "json":
        data = {
            "plugins": [
                {
                    "name": p.name,
                    "distribution": p.distribution,
                    "version": p.version,
                    "hooks": list(p.hooks),
                }
                for p in registry.plugins
            ],
            "comparators": {n: r.plugin for n, r in registry.comparators.items()},
            "checks": {n: r.plugin for n, r in registry.checks.items()},
            "failures": [
                {"plugin": f.plugin, "distribution": f.distribution, "error": f.error}
                for f in registry.failures
            ],
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    if not registry.plugins:
        print("no plugins installed")
    for p in registry.plugins:
        print(f"{p.name}  ({p.distribution} {p.version})")
        for name in (n for n, c in registry.comparators.items() if c.plugin == p.name):
            print(f"    comparator  {name}")
        for name in (n for n, c in registry.checks.items() if c.plugin == p.name):
            print(f"    check       {name}")
        for d in registry.template_dirs:
            if d.plugin == p.name:
                print(f"    templates   {d.item}")
    for f in registry.failures:
        print(f"{f.plugin}  ({f.distribution})  FAILED TO LOAD: {f.error}", file=sys.stderr)
    return 0


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmp = commands.add_parser(
        "compare",
        help="every change between two budgets of one unit, with its drivers",
        description="Compare last year's budget (OLD) with this year's (NEW).",
    )
    cmp.add_argument("old", type=Path, nargs="?", help="last year's budget")
    cmp.add_argument("new", type=Path, nargs="?", help="this year's budget")
    cmp.add_argument(
        "--format",
        choices=["text", "markdown", "json", "csv", "xlsx"],
        help="output format (default: text; csv with --pairs; xlsx needs -o)",
    )
    cmp.add_argument(
        "--pairs",
        type=Path,
        metavar="CSV",
        help="compare many units: a CSV of old,new paths (output: csv or json)",
    )
    cmp.add_argument("-o", "--output", type=Path, help="where to write (default: stdout)")
    cmp.add_argument(
        "--jobs", type=positive, help="worker processes for --pairs (default: all cores)"
    )
    cmp.add_argument("--only", action="append", metavar="NAME", help="run only this comparator")
    cmp.add_argument("--block", action="append", metavar="NAME", help="do not run this comparator")
    cmp.add_argument(
        "--min-amount",
        default="0",
        metavar="万元",
        help="changes smaller than this (in 万元) are not material",
    )
    cmp.add_argument(
        "--min-percent",
        default="0",
        metavar="PCT",
        help="changes smaller than this percentage are not material",
    )
    cmp.set_defaults(run=run_compare)

    plugins = commands.add_parser("plugins", help="the installed plugins, with versions")
    plugins.add_argument("--format", choices=["text", "json"], default="text")
    plugins.set_defaults(run=run_plugins)
