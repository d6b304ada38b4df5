"""
Add the classification codes printed in published disclosures to the catalog, tagged P.

    python scripts/harvest_catalog.py ../shared/corpus/shanghai/*.txt

Reads each document's tables, takes every row that prints a 功能分类 or 经济分类
code with a name, and appends to budgetdiff/catalog/{function,economic}.csv the
codes the catalog does not have yet, with the document and line as the source.
Codes already in the catalog are left alone (a differing printed name is listed
on stderr for a human to judge).  Run it again after adding documents; it only
ever adds rows.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

import budgetdiff
from budgetdiff.model import default_catalog

CATALOG = Path(__file__).resolve().parents[1] / "budgetdiff" / "catalog"
FUNCTION = re.compile(r"2\d{2}(\d{2}){0,2}")
ECONOMIC = re.compile(r"3\d{2}(\d{2})?")


def harvest(paths: list[Path]) -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    function: dict[str, tuple[str, str]] = {}
    economic: dict[str, tuple[str, str]] = {}
    for path in paths:
        document = budgetdiff.read(path)
        if not isinstance(document, budgetdiff.Disclosure):
            continue
        for table in document.tables:
            for row in table.rows:
                code, name = row.code, row.label.strip()
                if not code or not name or row.is_total:
                    continue
                where = f"published: {path.name} line {row.line}"
                if FUNCTION.fullmatch(code):
                    function.setdefault(code, (name, where))
                elif ECONOMIC.fullmatch(code):
                    economic.setdefault(code, (name, where))
    return function, economic


def append(name: str, found: dict[str, tuple[str, str]], known: set[str]) -> int:
    rows = [
        (code, n, "", "", "P", where)
        for code, (n, where) in sorted(found.items())
        if code not in known
    ]
    with (CATALOG / name).open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    return len(rows)


def main() -> None:
    catalog = default_catalog()
    function, economic = harvest([Path(p) for p in sys.argv[1:]])
    for code, (printed, where) in sorted(function.items()):
        entry = catalog.function(code)
        if entry is not None and entry.name != printed:
            print(f"{code}: catalog {entry.name!r}, printed {printed!r} ({where})", file=sys.stderr)
    known_f = {c for c in function if catalog.function(c) is not None}
    known_e = {c for c in economic if catalog.economic(c) is not None}
    added = append("function.csv", function, known_f), append("economic.csv", economic, known_e)
    print(f"added {added[0]} function and {added[1]} economic codes")


if __name__ == "__main__":
    main()
