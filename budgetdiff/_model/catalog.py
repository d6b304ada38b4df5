"""The classification catalog: code → name, by year, with where each row came from.

The data ship as CSV files in ``budgetdiff/catalog/``; every row carries a
provenance tag: ``S`` (backed by a cited source), ``P`` (seen in a published
disclosure) or ``K`` (from memory, unverified).  A code the catalog does not
know is reported by the checks, never fatal.
"""

from __future__ import annotations

import csv
import enum
import functools
from collections import defaultdict
from collections.abc import Iterable, Mapping
from decimal import Decimal
from importlib import resources
from pathlib import Path

from attrs import frozen

from .codes import EconomicCode, FunctionCode


class Tag(enum.Enum):
    """How far a catalog row can be trusted."""

    SOURCED = "S"
    PUBLISHED = "P"
    UNVERIFIED = "K"


@frozen(kw_only=True)
class CatalogEntry:
    """One code's name over a span of years."""

    code: str
    name: str
    valid_from: int | None
    valid_to: int | None
    tag: Tag
    source: str

    @property
    def verified(self) -> bool:
        return self.tag is not Tag.UNVERIFIED

    def valid_in(self, year: int | None) -> bool:
        if year is None:
            return self.valid_to is None
        return (self.valid_from is None or self.valid_from <= year) and (
            self.valid_to is None or year <= self.valid_to
        )


class Relation(enum.Enum):
    """How a code of one year relates to a code of the next."""

    SAME = "same"
    RENAME = "rename"
    MOVE = "move"
    SPLIT = "split"
    MERGE = "merge"
    DELETE = "delete"
    NEW = "new"


@frozen(kw_only=True)
class CrosswalkEntry:
    """One row of a year-to-year crosswalk (对照表)."""

    kind: str
    from_year: int
    from_code: str
    to_year: int
    to_code: str
    relation: Relation
    weight: Decimal | None
    tag: Tag
    source: str
    note: str


class Catalog:
    """Look-ups over function and economic codes and the crosswalks between years."""

    def __init__(
        self,
        *,
        function: Iterable[CatalogEntry],
        economic: Iterable[CatalogEntry],
        crosswalk: Iterable[CrosswalkEntry] = (),
    ) -> None:
        self._function = _index(function)
        self._economic = _index(economic)
        self._crosswalk = tuple(crosswalk)

    def function(self, code: FunctionCode | str, year: int | None = None) -> CatalogEntry | None:
        """The catalog row of a 功能分类 code in *year* (the latest name when no year)."""
        return _pick(self._function.get(str(code), ()), year)

    def economic(self, code: EconomicCode | str, year: int | None = None) -> CatalogEntry | None:
        """The catalog row of a 经济分类 code in *year* (the latest name when no year)."""
        return _pick(self._economic.get(str(code), ()), year)

    def function_name(self, code: FunctionCode | str, year: int | None = None) -> str | None:
        entry = self.function(code, year)
        return None if entry is None else entry.name

    def economic_name(self, code: EconomicCode | str, year: int | None = None) -> str | None:
        entry = self.economic(code, year)
        return None if entry is None else entry.name

    def function_names(self, code: FunctionCode | str) -> tuple[str, ...]:
        """Every name the code has had, oldest first (for matching renamed lines)."""
        return tuple(entry.name for entry in self._function.get(str(code), ()))

    def crosswalk(self, kind: str, from_year: int, to_year: int) -> tuple[CrosswalkEntry, ...]:
        """The crosswalk rows that apply between *from_year* and *to_year*."""
        return tuple(
            row
            for row in self._crosswalk
            if row.kind == kind and from_year <= row.from_year and row.to_year <= to_year
        )


_NAME_NOISE = str.maketrans({"(": "（", ")": "）", " ": None, "\u3000": None, "\t": None})


def names_agree(printed: str, catalog_name: str) -> bool:
    """
    True when a printed name is the catalog's name, or the catalog's name with a
    qualifier in front of it (基础性绩效工资 for 绩效工资, 城镇职工基本医疗保险缴费).
    """
    printed = printed.translate(_NAME_NOISE)
    official = catalog_name.translate(_NAME_NOISE)
    return printed == official or (bool(official) and printed.endswith(official))


def _index(entries: Iterable[CatalogEntry]) -> Mapping[str, tuple[CatalogEntry, ...]]:
    grouped: dict[str, list[CatalogEntry]] = defaultdict(list)
    for entry in entries:
        grouped[entry.code].append(entry)
    return {
        code: tuple(sorted(rows, key=lambda e: e.valid_from or 0)) for code, rows in grouped.items()
    }


def _pick(entries: tuple[CatalogEntry, ...], year: int | None) -> CatalogEntry | None:
    for entry in entries:
        if entry.valid_in(year):
            return entry
    if year is not None and entries:  # outside every span: the closest one in time
        return min(entries, key=lambda e: _distance(e, year))
    return entries[-1] if entries else None


def _distance(entry: CatalogEntry, year: int) -> int:
    if entry.valid_to is not None and year > entry.valid_to:
        return year - entry.valid_to
    if entry.valid_from is not None and year < entry.valid_from:
        return entry.valid_from - year
    return 0


def _year(text: str) -> int | None:
    return int(text) if text.strip() else None


def _entries(rows: Iterable[Mapping[str, str]]) -> list[CatalogEntry]:
    return [
        CatalogEntry(
            code=row["code"].strip(),
            name=row["name"].strip(),
            valid_from=_year(row["valid_from"]),
            valid_to=_year(row["valid_to"]),
            tag=Tag(row["tag"].strip()),
            source=row["source"].strip(),
        )
        for row in rows
    ]


def _crosswalk_entries(rows: Iterable[Mapping[str, str]]) -> list[CrosswalkEntry]:
    return [
        CrosswalkEntry(
            kind=row["kind"],
            from_year=int(row["from_year"]),
            from_code=row["from_code"],
            to_year=int(row["to_year"]),
            to_code=row["to_code"],
            relation=Relation(row["relation"]),
            weight=Decimal(row["weight"]) if row["weight"] else None,
            tag=Tag(row["tag"]),
            source=row["source"],
            note=row["note"],
        )
        for row in rows
    ]


def load_catalog(folder: Path) -> Catalog:
    """
    Read a catalog from *folder*: ``function.csv``, ``economic.csv`` and an optional
    ``crosswalk.csv``, in the layout of the files budgetdiff ships.
    """

    def rows(name: str) -> list[dict[str, str]]:
        path = folder / name
        if not path.exists():
            return []
        with path.open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))

    return Catalog(
        function=_entries(rows("function.csv")),
        economic=_entries(rows("economic.csv")),
        crosswalk=_crosswalk_entries(rows("crosswalk.csv")),
    )


@functools.cache
def default_catalog() -> Catalog:
    """The catalog shipped with budgetdiff (read once, on first use)."""
    folder = resources.files("budgetdiff") / "catalog"
    with resources.as_file(folder) as path:
        return load_catalog(Path(path))
