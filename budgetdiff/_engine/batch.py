"""
Many units at once: `check_many` and `compare_many`, on any `concurrent.futures.Executor`.

A process pool is the default; pass ``executor=`` to run elsewhere — a thread
pool, or a Dask cluster's ``client.get_executor()``.  A unit that fails to read
is reported with its error and the batch goes on.
"""

from __future__ import annotations

import functools
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from pathlib import Path
from typing import TypeVar

from attrs import field, frozen

from budgetdiff._model.fields import tuple_of
from budgetdiff._model.findings import Severity
from budgetdiff._normalize.inputs import budget_of
from budgetdiff._read.reader import documents_in, read_parts
from budgetdiff.exceptions import BudgetDiffError

from .check import check
from .compare import Comparison, compare
from .contracts import CompareOptions
from .report import Report

T = TypeVar("T")
Progress = Callable[[int, int, str], None]  # done, total, the unit just finished


@frozen(kw_only=True)
class UnitFailure:
    """A unit the batch could not process: the file(s) and the error, in one line."""

    source: str
    error: str


@frozen(kw_only=True)
class BatchReport:
    """The reports of `check_many`, and the units that failed to read."""

    reports: tuple[Report, ...] = field(converter=tuple_of)
    failures: tuple[UnitFailure, ...] = field(default=(), converter=tuple_of)

    def by_rule(self) -> Counter[str]:
        """How many findings (errors and warnings) of each rule across all units."""
        return Counter(f.rule for r in self.reports for f in r.at_least(Severity.WARNING))

    def worst(self, n: int = 10) -> list[Report]:
        """The *n* units with the most errors, then warnings."""

        def weight(report: Report) -> tuple[int, int]:
            counts = report.counts()
            return counts["error"], counts["warning"]

        return sorted(self.reports, key=weight, reverse=True)[:n]


@frozen(kw_only=True)
class ComparedPair:
    old: str
    new: str
    comparison: Comparison


@frozen(kw_only=True)
class BatchComparison:
    """The comparisons of `compare_many`, and the pairs that failed."""

    pairs: tuple[ComparedPair, ...] = field(converter=tuple_of)
    failures: tuple[UnitFailure, ...] = field(default=(), converter=tuple_of)


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """Files named directly, and the published documents inside folders named, sorted."""
    found: list[Path] = []
    for item in map(Path, paths):
        found += documents_in(item) if item.is_dir() else [item]
    return found


def _check_one(
    path: str, checks: Sequence[str] | None = None, block: Sequence[str] = ()
) -> Report | UnitFailure:
    try:
        return check(path, checks=checks, block=block)
    except BudgetDiffError as exc:
        return UnitFailure(source=path, error=str(exc))


def _compare_one(
    pair: tuple[str, str],
    comparators: Sequence[str] | None = None,
    block: Sequence[str] = (),
    options: CompareOptions | None = None,
) -> ComparedPair | UnitFailure:
    try:
        old, new = (budget_of(p)[0] for p in pair)
        result = compare(old, new, comparators=comparators, block=block, options=options)
        return ComparedPair(old=pair[0], new=pair[1], comparison=result)
    except BudgetDiffError as exc:
        return UnitFailure(source=f"{pair[0]} → {pair[1]}", error=str(exc))


def _run(
    function: Callable[[T], object],
    items: Sequence[T],
    executor: Executor | None,
    progress: Progress | None,
    name: Callable[[T], str],
) -> Iterator[object]:
    own = executor is None
    pool = executor or ProcessPoolExecutor(max_workers=os.cpu_count() or 1)
    try:
        futures: list[Future[object]] = [pool.submit(function, item) for item in items]
        for done, (item, future) in enumerate(zip(items, futures, strict=True), start=1):
            result = future.result()
            if progress is not None:
                progress(done, len(items), name(item))
            yield result
    finally:
        if own:
            pool.shutdown()


def check_many(
    paths: Iterable[str | Path],
    *,
    checks: Sequence[str] | None = None,
    block: Sequence[str] = (),
    executor: Executor | None = None,
    progress: Progress | None = None,
) -> BatchReport:
    """
    Check every disclosure in *paths* (files, or folders of ``.txt`` files).

    Args:
        checks, block: which installed checks to run, as for `check`.
        executor: where to run the checks (a process pool when None).
        progress: called as ``progress(done, total, unit)`` after each unit.

    .. versionadded:: 0.1.0
    """
    files = [str(p) for p in expand(paths)]
    one = functools.partial(_check_one, checks=checks, block=tuple(block))
    results = list(_run(one, files, executor, progress, lambda p: p))
    reports = _joined_parts(
        [r for r in results if isinstance(r, Report)], checks=checks, block=tuple(block)
    )
    return BatchReport(
        reports=reports,
        failures=[r for r in results if isinstance(r, UnitFailure)],
    )


def _joined_parts(
    reports: list[Report], *, checks: Sequence[str] | None, block: Sequence[str]
) -> list[Report]:
    """
    The reports, the parts of one disclosure (a narrative-only and a tables-only file of
    the same unit and year) checked again as one document in place of their own reports.
    """
    groups: dict[tuple[str, int], list[Report]] = {}
    for report in reports:
        if report.partial and report.year is not None and report.unit_name:
            groups.setdefault((report.unit_name, report.year), []).append(report)
    joined: dict[str, Report] = {}
    for group in groups.values():
        if {r.lacks for r in group} != {"tables", "narrative"}:
            continue  # not a narrative and its tables: each stands alone
        ordered = sorted(group, key=lambda r: r.lacks != "tables")  # the narrative first
        try:
            whole = check(read_parts([r.source for r in ordered]), checks=checks, block=block)
        except BudgetDiffError:  # read alone, each part was checked; so it stays
            continue
        joined.update((report.source, whole) for report in group)
    result: list[Report] = []
    for report in reports:
        one = joined.get(report.source, report)
        if all(one is not kept for kept in result):
            result.append(one)
    return result


def compare_many(
    pairs: Iterable[tuple[str | Path, str | Path]],
    *,
    comparators: Sequence[str] | None = None,
    block: Sequence[str] = (),
    options: CompareOptions | None = None,
    executor: Executor | None = None,
    progress: Progress | None = None,
) -> BatchComparison:
    """
    Compare each (old, new) pair of budgets (structured files or published texts);
    *comparators*, *block* and *options* as for `compare`.

    .. versionadded:: 0.1.0
    """
    items = [(str(a), str(b)) for a, b in pairs]
    one = functools.partial(
        _compare_one, comparators=comparators, block=tuple(block), options=options
    )
    results = list(_run(one, items, executor, progress, lambda p: p[1]))
    return BatchComparison(
        pairs=[r for r in results if isinstance(r, ComparedPair)],
        failures=[r for r in results if isinstance(r, UnitFailure)],
    )
