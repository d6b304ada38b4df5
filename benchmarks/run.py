"""
budgetdiff's benchmark: throughput on seed-sized units, compare on large budgets, the
DeepDiff reference, peak memory and import time.  Anyone can run it:

    python benchmarks/run.py                 # everything (a few minutes)
    python benchmarks/run.py --units 300     # seed-sized units only
    python benchmarks/run.py --lines 1000 10000 100000
    python benchmarks/run.py --units 500 --write-units /tmp/units  # for: budgetdiff check DIR
    python benchmarks/run.py --units 0 --lines --pdf a.pdf b.pdf  # reading published PDFs

It prints a Markdown report (docs/performance.md holds the last one).  Everything is
generated here, deterministically (random.Random(seed)), except the PDFs given with --pdf
(a PDF is not generated: real ones lay out as real ones do).
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any

import budgetdiff
from budgetdiff._model.files import budget_to_data
from budgetdiff.model import (
    Budget,
    EconomicCode,
    EconomicLine,
    ExpenditureLine,
    FunctionCode,
    Funds,
    Money,
    Presentation,
    Profile,
    ThreePublic,
    Unit,
)
from budgetdiff.testing.builders import LineSpec, assemble
from budgetdiff.testing.render import render_disclosure

# What a seed-sized unit looks like: a handful of 项 lines, a basic/project split, a few projects.
SEED_CODES = (
    "2111101",
    "2080505",
    "2101102",
    "2101103",
    "2101199",
    "2110399",
    "2010101",
    "2210201",
)


def seed_sized_pair(r: random.Random, index: int) -> tuple[Budget, Budget]:
    """Two years of a unit shaped like the seed's: 4–8 lines, up to 3 projects, 三公 …"""
    codes = r.sample(SEED_CODES, r.randint(4, len(SEED_CODES)))
    wan = Presentation(unit=Unit.WAN_YUAN, places=2)

    def amount(high: int) -> Money:
        return Money.of(Decimal(r.randint(0, high * 100)) / 100, Unit.WAN_YUAN)

    def specs() -> list[LineSpec]:
        out = []
        for i, code in enumerate(codes):
            project = amount(120) if i < 3 and r.random() < 0.6 else Money.of(0)
            out.append(
                LineSpec(
                    code=FunctionCode(code),
                    basic=amount(400),
                    project=project,
                    project_name=f"项目{index}-{i}" if project else "",
                )
            )
        return out

    def year(y: int) -> Budget:
        return assemble(
            year=y,
            presentation=wan,
            specs=specs(),
            name=f"单位{index}",
            staffing=(r.randint(3, 30), r.randint(0, 5), r.randint(0, 40)),
            three=ThreePublic(reception=amount(2), vehicle_operation=amount(10)),
            admin_costs=amount(20),
            procurement=(amount(50), amount(50), amount(150)),
        )

    return year(2020), year(2021)


def seed_sized(units: int) -> dict[str, Any]:
    """read + check + compare + draft of seed-sized units, one core, units per second."""
    r = random.Random(2021)
    pairs = [seed_sized_pair(r, i) for i in range(units)]
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for i, (_, new) in enumerate(pairs):
            path = Path(folder) / f"unit{i}.txt"
            path.write_text(render_disclosure(new, narrative=True), encoding="utf-8")
            paths.append(path)
        budgetdiff.check(paths[0])  # load plugins, catalog, templates once
        start = time.perf_counter()
        for path, (old, _) in zip(paths, pairs, strict=True):
            disclosure = budgetdiff.read(path)
            assert isinstance(disclosure, budgetdiff.Disclosure)
            budgetdiff.check(disclosure)
            current = budgetdiff.normalize(disclosure).budget
            budgetdiff.draft(budgetdiff.compare(old, current))
        elapsed = time.perf_counter() - start
    return {"units": units, "seconds": elapsed, "units_per_second": units / elapsed}


def write_units(folder: Path, units: int) -> None:
    """Write *units* generated seed-sized disclosures (this year's, with narratives) to *folder*."""
    folder.mkdir(parents=True, exist_ok=True)
    r = random.Random(2021)
    for i in range(units):
        _, new = seed_sized_pair(r, i)
        (folder / f"unit{i:04d}.txt").write_text(render_disclosure(new, narrative=True), "utf-8")


def large_budget(lines: int, year: int, seed: int) -> Budget:
    """A budget of *lines* 项 lines with random codes and amounts (basic and project)."""
    r = random.Random(seed)
    codes: set[str] = set()
    while len(codes) < lines:
        codes.add(f"2{r.randint(1, 34):02d}{r.randint(1, 99):02d}{r.randint(1, 99):02d}")
    expenditure = [
        ExpenditureLine(
            code=FunctionCode(code),
            name=f"科目{code}",
            basic=Funds(general_public=Money.of(r.randint(0, 10**9))),
            project=Funds(general_public=Money.of(r.choice((0, r.randint(0, 10**8))))),
        )
        for code in sorted(codes)
    ]
    econ = [
        EconomicLine(
            code=EconomicCode(f"30{r.randint(1, 2)}{i % 99 + 1:02d}"),
            name=f"经济{i}",
            personnel=Money.of(r.randint(0, 10**6)),
        )
        for i in range(min(lines, 200))
    ]
    return Budget(
        year=year,
        profile=Profile(name="大单位"),
        expenditure=expenditure,
        basic_by_economic=econ,
        presentation=Presentation(unit=Unit.YUAN, places=2),
    )


def best_of(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def deepdiff_flat(old: Budget, new: Budget) -> Callable[[], object]:
    """DeepDiff over the lines keyed by code: changed leaves only, no totals, no drivers."""
    from deepdiff import DeepDiff

    def lines(b: Budget) -> dict[str, dict[str, str]]:
        return {
            ln.code.value: {
                "basic": str(ln.basic.total.yuan),
                "project": str(ln.project.total.yuan),
            }
            for ln in b.expenditure
        }

    a, b = lines(old), lines(new)
    return lambda: DeepDiff(a, b)


def deepdiff_model(old: Budget, new: Budget) -> Callable[[], object]:
    """
    DeepDiff over the whole budgets as a user would unstructure them, lines matched
    whatever their order (ignore_order=True): the comparison budgetdiff makes.
    """
    from deepdiff import DeepDiff

    a, b = budget_to_data(old), budget_to_data(new)
    return lambda: DeepDiff(a, b, ignore_order=True)


def compare_scaling(sizes: list[int], runs: int, model_limit: int) -> list[dict[str, Any]]:
    rows = []
    for n in sizes:
        old, new = large_budget(n, 2020, 1), large_budget(n, 2021, 2)

        def run(old: Budget = old, new: Budget = new) -> object:
            return budgetdiff.compare(old, new)

        cold = best_of(1, run)  # the derived sums are not cached yet
        warm = best_of(runs, run)
        flat = best_of(max(1, runs // 2), deepdiff_flat(old, new))
        model = best_of(1, deepdiff_model(old, new)) if n <= model_limit else None
        tracemalloc.start()
        fresh_old, fresh_new = large_budget(n, 2020, 1), large_budget(n, 2021, 2)
        tracemalloc.reset_peak()
        budgetdiff.compare(fresh_old, fresh_new)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        rows.append(
            {
                "lines": n,
                "cold": cold,
                "warm": warm,
                "flat": flat,
                "model": model,
                "peak_mb": peak / 2**20,
            }
        )
    return rows


def import_time(runs: int = 7) -> float:
    """Seconds `import budgetdiff` takes in a fresh interpreter (best of *runs*)."""
    code = "import time; t = time.perf_counter(); import budgetdiff; print(time.perf_counter() - t)"
    return min(
        float(
            subprocess.run(
                [sys.executable, "-c", code], check=True, capture_output=True, text=True
            ).stdout
        )
        for _ in range(runs)
    )


def pdf_reading(paths: list[Path], runs: int) -> list[dict[str, Any]]:
    """Seconds to lay out each PDF (pdfplumber) and to read it into a Disclosure (best of runs)."""
    from budgetdiff._read.pdf import render_pdf

    rows = []
    for path in paths:
        data = path.read_bytes()
        pages = len(render_pdf(data, source=str(path)).page_lines)
        rows.append(
            {
                "name": path.name,
                "pages": pages,
                "layout": best_of(runs, partial(render_pdf, data, source="bench")),
                "read": best_of(runs, partial(budgetdiff.read, path)),
            }
        )
    return rows


def report(
    seed: dict[str, Any] | None,
    scaling: list[dict[str, Any]],
    imported: float,
    pdfs: Sequence[dict[str, Any]] = (),
) -> str:
    out = ["| measure | result |", "|---|---|"]
    if seed:
        out.append(
            f"| read + check + compare + draft, seed-sized units, one core | "
            f"{seed['units_per_second']:.0f} units/s ({seed['units']} units in "
            f"{seed['seconds']:.2f} s) |"
        )
    out.append(f"| `import budgetdiff` | {imported * 1000:.0f} ms |")
    if scaling:
        out += [
            "",
            "| lines per budget | compare, first run | compare, again | DeepDiff, whole budgets "
            "(ignore_order) | DeepDiff, flat lines by code | peak memory of compare |",
            "|---:|---:|---:|---:|---:|---:|",
        ]
        for row in scaling:
            model = (
                "not run"
                if row["model"] is None
                else (f"{row['model']:.3f} s ({row['model'] / row['warm']:.1f}× budgetdiff)")
            )
            out.append(
                f"| {row['lines']:,} | {row['cold']:.3f} s | {row['warm']:.3f} s | {model} | "
                f"{row['flat']:.3f} s | {row['peak_mb']:.0f} MB |"
            )
        if len(scaling) > 1:
            per_line = [r["cold"] / r["lines"] * 1e6 for r in scaling]
            out.append("")
            out.append(
                "Time per line (first run): "
                + ", ".join(f"{p:.1f} µs" for p in per_line)
                + f" (spread {statistics.pstdev(per_line) / statistics.mean(per_line):.0%})."
            )
    if pdfs:
        out += [
            "",
            "| PDF | pages | lay out | read (lay out + parse) | per page |",
            "|---|---:|---:|---:|---:|",
        ]
        for row in pdfs:
            out.append(
                f"| {row['name']} | {row['pages']} | {row['layout']:.2f} s | {row['read']:.2f} s "
                f"| {row['read'] / row['pages'] * 1000:.0f} ms |"
            )
    return "\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=300, help="seed-sized units (0: skip)")
    parser.add_argument("--lines", type=int, nargs="*", default=[1000, 10000, 100000])
    parser.add_argument("--runs", type=int, default=3, help="repetitions (best is kept)")
    parser.add_argument(
        "--write-units",
        type=Path,
        metavar="DIR",
        help="only write --units generated disclosures to DIR (for budgetdiff check DIR)",
    )
    parser.add_argument(
        "--deepdiff-limit",
        type=int,
        default=10000,
        help="largest size to run DeepDiff on whole budgets (it is slow)",
    )
    parser.add_argument(
        "--pdf", type=Path, nargs="*", default=[], help="published PDFs to time reading"
    )
    args = parser.parse_args()
    if args.write_units is not None:
        write_units(args.write_units, args.units)
        return
    seed = seed_sized(args.units) if args.units else None
    scaling = compare_scaling(args.lines, args.runs, args.deepdiff_limit)
    pdfs = pdf_reading(args.pdf, args.runs)
    print(report(seed, scaling, import_time(), pdfs))


if __name__ == "__main__":
    main()
