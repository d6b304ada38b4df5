"""What the command line's arguments mean: numbers, thresholds, budgets, pairs, workers."""

from __future__ import annotations

import argparse
import csv
import sys
from concurrent.futures import Executor, ProcessPoolExecutor
from decimal import Decimal, InvalidOperation
from pathlib import Path

from budgetdiff._engine.compare import Comparison, compare
from budgetdiff._engine.contracts import CompareOptions
from budgetdiff._model.budget import Budget
from budgetdiff._model.money import Money, Unit
from budgetdiff._normalize.inputs import budget_of
from budgetdiff._read.disclosure import ProblemKind
from budgetdiff.exceptions import BudgetDiffError

FAIL_ON = {"error": "error", "warning": "warning", "never": None}
"""``--fail-on``: the least severity that makes the exit status 1 (never: always 0)."""


def positive(text: str) -> int:
    """An argparse type: a whole number of at least 1."""
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        msg = f"{text!r} is not a positive whole number"
        raise argparse.ArgumentTypeError(msg)
    return number


def decimal_option(text: str, option: str) -> Decimal:
    """The exact number an option was given, or one line saying it is not a number."""
    try:
        return Decimal(text)
    except InvalidOperation:
        msg = f"{option}: {text!r} is not a number"
        raise BudgetDiffError(msg) from None


def budget_from(path: Path) -> Budget:
    """The budget in *path*, saying on stderr when normalizing a published text chose."""
    budget, normalized = budget_of(path)
    missing = [
        p.location.table
        for p in (normalized.problems if normalized is not None else ())
        if p.kind is ProblemKind.MISSING_TABLE
    ]
    if missing:
        print(
            f"{path}: not found: {'、'.join(missing)} (what they print is not in the budget)",
            file=sys.stderr,
        )
    if normalized is not None and normalized.resolutions:
        count = len(normalized.resolutions)
        print(
            f"{path}: normalized, {count} choice(s) made (budgetdiff convert lists them)",
            file=sys.stderr,
        )
    return budget


def options_from(args: argparse.Namespace) -> CompareOptions:
    """The materiality thresholds the command line asks for."""
    return CompareOptions(
        min_amount=Money.of(
            decimal_option(getattr(args, "min_amount", "0"), "--min-amount"), Unit.WAN_YUAN
        ),
        min_percent=decimal_option(getattr(args, "min_percent", "0"), "--min-percent"),
    )


def comparison_from(args: argparse.Namespace) -> Comparison:
    """The comparison the command line asks for (OLD, NEW, --only, --block, thresholds)."""
    return compare(
        budget_from(args.old),
        budget_from(args.new),
        comparators=getattr(args, "only", None) or None,
        block=getattr(args, "block", None) or (),
        options=options_from(args),
    )


def read_pairs(path: Path) -> list[tuple[str, str]]:
    """(old, new) pairs from a CSV file of two columns; paths relative to the file."""
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


def executor_for(jobs: int | None) -> Executor | None:
    """``--jobs N``: a pool of N worker processes; None lets the batch choose (all cores)."""
    return None if jobs is None else ProcessPoolExecutor(max_workers=jobs)
