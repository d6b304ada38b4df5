"""``budgetdiff compare`` and ``budgetdiff plugins``."""

from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING

from .main import positive

if TYPE_CHECKING:
    from budgetdiff._engine.compare import CompareOptions, Comparison
    from budgetdiff._model.budget import Budget


def budget_from(path: Path) -> Budget:
    """The budget in *path*, saying on stderr when normalizing a published text chose."""
    from budgetdiff._normalize.inputs import budget_of

    budget, normalized = budget_of(path)
    if normalized is not None and normalized.resolutions:
        count = len(normalized.resolutions)
        print(
            f"{path}: normalized, {count} choice(s) made (budgetdiff convert lists them)",
            file=sys.stderr,
        )
    return budget


def options_from(args: argparse.Namespace) -> CompareOptions:
    """The materiality thresholds the command line asks for."""
    from budgetdiff._engine.compare import CompareOptions
    from budgetdiff._model.money import Money, Unit

    return CompareOptions(
        min_amount=Money.of(
            _decimal(getattr(args, "min_amount", "0"), "--min-amount"), Unit.WAN_YUAN
        ),
        min_percent=_decimal(getattr(args, "min_percent", "0"), "--min-percent"),
    )


def comparison_from(args: argparse.Namespace) -> Comparison:
    """The comparison the command line asks for (OLD, NEW, --only, --block, thresholds)."""
    from budgetdiff._engine.compare import compare

    return compare(
        budget_from(args.old),
        budget_from(args.new),
        comparators=getattr(args, "only", None) or None,
        block=getattr(args, "block", None) or (),
        options=options_from(args),
    )


def run_compare(args: argparse.Namespace) -> int:
    from budgetdiff.exceptions import BudgetDiffError

    from .comparison_text import render_comparison
    from .data import comparison_data

    if args.pairs is not None:
        from .output import run_compare_batch

        args.format = args.format or "csv"
        if args.format not in ("csv", "json"):
            msg = "--pairs writes --format csv or json"
            raise BudgetDiffError(msg)
        return run_compare_batch(args)
    if args.old is None or args.new is None:
        msg = "compare needs OLD and NEW, or --pairs FILE"
        raise BudgetDiffError(msg)
    args.format = args.format or "text"
    result = comparison_from(args)
    if args.format == "csv":
        from budgetdiff._engine.batch import BatchComparison, ComparedPair

        from .output import _write, changes_csv

        pair = ComparedPair(old=str(args.old), new=str(args.new), comparison=result)
        _write(changes_csv(BatchComparison(pairs=[pair])), args.output)
        return 0
    from .output import _write

    if args.format == "json":
        _write(
            json.dumps(comparison_data(result), ensure_ascii=False, indent=2) + "\n", args.output
        )
    else:
        _write(render_comparison(result, args.format), args.output)
    return 0


def _decimal(text: str, option: str) -> Decimal:
    from budgetdiff.exceptions import BudgetDiffError

    try:
        return Decimal(text)
    except InvalidOperation:
        msg = f"{option}: {text!r} is not a number"
        raise BudgetDiffError(msg) from None


def run_plugins(args: argparse.Namespace) -> int:
    from budgetdiff._engine.registry import default_registry

    registry = default_registry()
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
        for name, entry in registry.comparators.items():
            if entry.plugin == p.name:
                print(f"    comparator  {name}")
        for name, entry in registry.checks.items():
            if entry.plugin == p.name:
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
        choices=["text", "markdown", "json", "csv"],
        help="output format (default: text; csv with --pairs)",
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
