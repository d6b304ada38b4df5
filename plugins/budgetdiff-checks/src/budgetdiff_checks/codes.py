"""
Classification codes are well formed, known, and printed with their own names.

- ``codes.invalid`` (error): a code that is no 支出功能分类 code (3, 5 or 7 digits
  starting with 2) where the table classifies by function, or no 部门预算经济分类
  code (3 or 5 digits starting with 3) where it classifies by economic nature —
  表七's "311 03 99" for 其他污染防治支出 (2110399);
- ``codes.unknown`` (note): well-formed codes budgetdiff's catalog does not hold
  for the year, whose names therefore cannot be checked (one note per document);
- ``codes.name``: a code printed with a name that is not its name in the catalog.
  An error when the printed name belongs to another code (30213 printed as 劳务费,
  which is 30226), a warning when it is a variant (30112 其他社会保险缴费 for
  其他社会保障缴费), one level lower when the catalog row is unverified ([K]),
  and a note when the name is the code's name in another year.  A qualified name
  is the name (基础性绩效工资 and 奖励性绩效工资 split 30107 绩效工资).

Codes the reader already reported as malformed (``read.malformed_code``) are
not reported again.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Iterator

from attrs import frozen

from budgetdiff import EconomicCode, Finding, FunctionCode, Severity, hookimpl
from budgetdiff.disclosure import ProblemKind
from budgetdiff.model import Catalog, CatalogEntry, TableRole, names_agree
from budgetdiff.plugin import Check, CheckSubject, Location

from ._entries import Entry, compact, entries, panes
from ._messages import message
from ._rule import Rule

CATALOG = "codes"
INVALID = "codes.invalid"
UNKNOWN = "codes.unknown"
NAME = "codes.name"

FUNCTION_ROLES = (
    TableRole.INCOME,
    TableRole.EXPENDITURE,
    TableRole.GENERAL_PUBLIC,
    TableRole.GOVERNMENT_FUND,
    TableRole.STATE_CAPITAL,
    TableRole.PROJECTS,
    TableRole.SUMMARY,
    TableRole.FISCAL,
)
ECONOMIC_ROLES = (TableRole.BASIC_ECONOMIC,)


@frozen(kw_only=True)
class Printed:
    """A code as one table row prints it, with the name beside it."""

    entry: Entry
    economic: bool
    table: str


def printed_codes(subject: CheckSubject) -> Iterator[Printed]:
    """Every code printed in a code column, or in front of a 类 name ("201 一般公共服务支出")."""
    disclosure = subject.disclosure
    malformed = {
        p.location.line for p in disclosure.problems if p.kind is ProblemKind.MALFORMED_CODE
    }
    for table in disclosure.tables:
        if table.role not in (*FUNCTION_ROLES, *ECONOMIC_ROLES):
            continue
        economic = table.role in ECONOMIC_ROLES
        listed = entries(table, subject.catalog, disclosure.year)
        for pane in panes(table):
            for entry in listed:
                if entry.pane != pane or entry.row.line in malformed or entry.is_total:
                    continue
                if pane.code_columns:
                    if entry.code_text and any(ch.isdigit() for ch in entry.code_text):
                        yield Printed(entry=entry, economic=economic, table=table.name)
                elif entry.code and compact(entry.label).startswith(entry.code):
                    yield Printed(entry=entry, economic=economic, table=table.name)


def _valid(code: str, economic: bool) -> bool:
    try:
        if economic:
            EconomicCode(code)
        else:
            FunctionCode(code)
    except (ValueError, TypeError):
        return False
    return True


def _digits(printed: Printed) -> str:
    return printed.entry.code or "".join(ch for ch in printed.entry.code_text if ch.isdigit())


def _lookup(catalog: Catalog, code: str, economic: bool, year: int | None) -> CatalogEntry | None:
    return catalog.economic(code, year) if economic else catalog.function(code, year)


def _suggest(catalog: Catalog, printed: Printed, year: int | None) -> str:
    """The function code the printed name most likely means: the same 款 and 项, class 2xx."""
    digits = _digits(printed)
    if printed.economic or len(digits) not in (3, 5, 7) or not printed.entry.name:
        return ""
    candidate = "2" + digits[1:]
    entry = catalog.function(candidate, year)
    if entry is not None and names_agree(printed.entry.name, entry.name):
        return candidate
    return ""


def invalid(subject: CheckSubject) -> Iterator[Finding]:
    year = subject.disclosure.year
    for printed in printed_codes(subject):
        digits = _digits(printed)
        if printed.entry.code and _valid(digits, printed.economic):
            continue
        cells = [c for c in printed.entry.row.cells if c.text and c.location.column]
        code_cells = [printed.entry.row.cell(i) for i in printed.entry.pane.code_columns] or cells[
            :1
        ]
        location = next((c.location for c in code_cells if c is not None), None)
        suggestion = _suggest(subject.catalog, printed, year)
        yield message(
            CATALOG,
            INVALID,
            Severity.ERROR,
            locations=[location] if location else [],
            expected=suggestion or None,
            actual=printed.entry.code_text,
            where=printed.table,
            label=printed.entry.label,
            name=printed.entry.name,
            printed=printed.entry.code_text,
            economic=printed.economic,
            suggestion=suggestion,
        )


def unknown(subject: CheckSubject) -> Iterator[Finding]:
    year = subject.disclosure.year
    found: dict[tuple[bool, str], list[Printed]] = defaultdict(list)
    for printed in printed_codes(subject):
        code = printed.entry.code
        if not code or not _valid(code, printed.economic):
            continue
        if _lookup(subject.catalog, code, printed.economic, year) is None:
            found[(printed.economic, code)].append(printed)
    for economic in (False, True):
        codes = sorted(code for kind, code in found if kind is economic)
        if not codes:
            continue
        first = [found[(economic, code)][0] for code in codes]
        yield message(
            CATALOG,
            UNKNOWN,
            Severity.NOTE,
            locations=[_code_location(p) for p in first],
            actual=", ".join(codes),
            codes=[{"code": p.entry.code, "name": p.entry.name} for p in first],
            economic=economic,
            year=year,
        )


def _code_location(printed: Printed, *, name: bool = False) -> Location:
    """Where the code is printed (or, with *name*, the name beside it)."""
    entry = printed.entry
    columns = (*entry.pane.code_columns, *entry.pane.label_columns)
    if name:
        columns = (*entry.pane.label_columns, *entry.pane.code_columns)
    for index in columns:
        cell = entry.row.cell(index)
        if cell is not None and cell.text:
            return cell.location
    return entry.row.cells[0].location


@functools.lru_cache(maxsize=256)
def _siblings(catalog: Catalog, parent: str, economic: bool, year: int | None) -> dict[str, str]:
    """Catalog names of the codes directly under *parent* → their code."""
    names: dict[str, str] = {}
    for number in range(1, 100):
        code = f"{parent}{number:02d}"
        entry = catalog.economic(code, year) if economic else catalog.function(code, year)
        if entry is not None:
            names.setdefault(compact(entry.name).replace("(", "（").replace(")", "）"), code)
    return names


def _owner(catalog: Catalog, code: str, name: str, economic: bool, year: int | None) -> str:
    """Another code of the same parent whose catalog name is *name*, if any."""
    if len(code) <= 3:
        return ""
    wanted = compact(name).replace("(", "（").replace(")", "）")
    other = _siblings(catalog, code[:-2], economic, year).get(wanted, "")
    return "" if other == code else other


def name(subject: CheckSubject) -> Iterator[Finding]:
    year = subject.disclosure.year
    catalog = subject.catalog
    found: dict[tuple[bool, str, str], list[Printed]] = defaultdict(list)
    for printed in printed_codes(subject):
        code, printed_name = printed.entry.code, printed.entry.name
        if not code or not printed_name or not _valid(code, printed.economic):
            continue
        official = _lookup(catalog, code, printed.economic, year)
        if official is None or names_agree(printed_name, official.name):
            continue
        found[(printed.economic, code, compact(printed_name))].append(printed)
    for (economic, code, _), group in found.items():
        official = _lookup(catalog, code, economic, year)
        assert official is not None
        printed_name = group[0].entry.name
        history = () if economic else catalog.function_names(code)
        other = _owner(catalog, code, printed_name, economic, year)
        historic = any(names_agree(printed_name, old) for old in history)
        if other:
            severity = Severity.ERROR if official.verified else Severity.WARNING
        elif historic:
            severity = Severity.NOTE
        else:
            severity = Severity.WARNING if official.verified else Severity.NOTE
        yield message(
            CATALOG,
            NAME,
            severity,
            locations=[_code_location(p, name=True) for p in group],
            expected=official.name,
            actual=printed_name,
            code=code,
            official=official.name,
            printed=printed_name,
            other=other,
            historic=historic and not other,
            verified=official.verified,
            tag=official.tag.value,
            year=year,
            economic=economic,
            tables=list(dict.fromkeys(p.table for p in group)),
        )


@hookimpl
def register_checks(register: Callable[[Check], None]) -> None:
    register(Rule(name=INVALID, run=invalid))
    register(Rule(name=UNKNOWN, run=unknown))
    register(Rule(name=NAME, run=name))
