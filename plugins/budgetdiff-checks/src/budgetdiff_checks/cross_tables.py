"""
The same figure agrees wherever it is printed.

Every printed copy of a figure (a line's or the grand total's amount, in one
measure: see `_measures`) is compared with the others:

- ``tables.same_line``: a line (项, 款 or 类) printed in several tables — 表二,
  表三, 表五, and the 类 of 收支总表 and 财政拨款收支总表;
- ``tables.totals``: the grand totals (收入总计, 支出总计, each table's 合计);
- ``tables.basic_economic``: the 基本支出 table's 合计 against 基本支出 elsewhere;
- ``tables.project_table``: the project table's 合计 against 项目支出 elsewhere;
- ``tables.fiscal_parts``: 财政拨款 spending = 一般公共预算 + 政府性基金 (+ 国有资本经营),
  each from its own table.

Copies printed to the same precision in the same unit must be equal; a 类
printed in one table and only its 项 in another are compared within the
rounding of the sum.  The value most tables print is taken as the reference;
each value that disagrees with it is one finding naming every cell that prints
it.  A blank copy against a printed amount, or a malformed one, is not guessed
at: it is reported as not checked.
"""

from __future__ import annotations

import weakref
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from attrs import evolve, frozen

from budgetdiff import Finding, Money, Severity, hookimpl
from budgetdiff.disclosure import PrintedTable
from budgetdiff.model import TableRole
from budgetdiff.plugin import Check, CheckSubject

from ._crossings import adds_up, follows
from ._entries import compact, row_name
from ._figures import Figure, State, combine, figure, state
from ._measures import Copy, Equivalences, Measure, copies, equivalences
from ._messages import message, style
from ._rule import Rule

CATALOG = "tables"
SAME_LINE = "tables.same_line"
TOTALS = "tables.totals"
BASIC_ECONOMIC = "tables.basic_economic"
PROJECT_TABLE = "tables.project_table"
FISCAL_PARTS = "tables.fiscal_parts"


@frozen(kw_only=True)
class Version:
    """What one table prints for a figure: one cell, or the sum of the lines under it."""

    table: PrintedTable
    figure: Figure | None  # None for a blank or broken copy
    copies: tuple[Copy, ...]
    derived: bool = False
    broken: bool = False

    @property
    def line(self) -> int:
        return min(c.entry.line for c in self.copies)


def _versions(group: Sequence[Copy]) -> list[Version]:
    """What one table prints for a figure: one version per distinct printed value."""
    table = group[0].table
    values: dict[object, list[Copy]] = {}
    for copy in group:
        cell = copy.cell
        key = cell.amount if state(cell) is State.VALUE and cell is not None else state(cell)
        values.setdefault(key, []).append(copy)
    result = []
    for copies_ in values.values():
        cell = copies_[0].cell
        if state(cell) is State.VALUE and cell is not None:
            result.append(Version(table=table, figure=figure(cell, table), copies=tuple(copies_)))
        else:
            broken = state(cell) is State.BROKEN
            result.append(Version(table=table, figure=None, copies=tuple(copies_), broken=broken))
    return result


def _derived(table: PrintedTable, code: str, printed: Sequence[Copy]) -> Version | None:
    """The sum of the top-most lines *table* prints under *code*, if it prints any."""
    below = [c for c in printed if c.code != code and c.code.startswith(code)]
    if not below:
        return None
    depth = min(len(c.code) for c in below)
    parts = [c for c in below if len(c.code) == depth]
    if any(state(c.cell) is State.BROKEN for c in parts):
        return Version(table=table, figure=None, copies=tuple(parts), derived=True, broken=True)
    figures = [
        figure(c.cell, table) for c in parts if c.cell is not None and state(c.cell) is State.VALUE
    ]
    if not figures:  # every line under it is blank: a blank, not a zero
        return Version(table=table, figure=None, copies=tuple(parts), derived=True)
    return Version(table=table, figure=combine(figures), copies=tuple(parts), derived=True)


@frozen(kw_only=True)
class Group:
    code: str
    measure: Measure
    versions: tuple[Version, ...]


def groups(subject: CheckSubject) -> tuple[tuple[Group, ...], Equivalences, tuple[Copy, ...]]:
    """Every figure printed more than once, with its versions (computed once per subject)."""
    cached = _CACHE.get(subject)
    if cached is not None:
        return cached
    disclosure = subject.disclosure
    found = tuple(c for t in disclosure.tables for c in copies(t, subject.catalog, disclosure.year))
    same = equivalences(disclosure, subject.catalog, found)
    by_key: dict[tuple[str, Measure], dict[int, list[Copy]]] = defaultdict(
        lambda: defaultdict(list)
    )
    # per table and measure, the lines of each printed column that holds the measure
    by_table: dict[tuple[int, Measure], dict[Measure, list[Copy]]] = defaultdict(dict)
    for c in found:
        measure = same.canonical(c.measure)
        by_key[(c.code, measure)][c.table.ordinal].append(c)
        if c.code:
            by_table[(c.table.ordinal, measure)].setdefault(c.measure, []).append(c)
    tables = {t.ordinal: t for t in disclosure.tables}
    result: list[Group] = []
    for (code, measure), per_table in by_key.items():
        versions = [v for group in per_table.values() for v in _versions(group)]
        if code:
            for ordinal, table in tables.items():
                if ordinal in per_table:
                    continue
                columns = list(by_table.get((ordinal, measure), {}).values())
                derived = _derived(table, code, columns[0] if columns else [])
                if derived is not None:
                    versions.append(derived)
        if len({v.table.ordinal for v in versions}) > 1:
            result.append(Group(code=code, measure=measure, versions=tuple(versions)))
    value = (tuple(result), same, found)
    _CACHE[subject] = value
    return value


_CACHE: weakref.WeakKeyDictionary[
    CheckSubject, tuple[tuple[Group, ...], Equivalences, tuple[Copy, ...]]
] = weakref.WeakKeyDictionary()


def _rule(code: str, versions: Sequence[Version]) -> str:
    roles = {v.table.role for v in versions}
    if TableRole.BASIC_ECONOMIC in roles:
        return BASIC_ECONOMIC
    if TableRole.PROJECTS in roles:
        return PROJECT_TABLE
    return TOTALS if not code else SAME_LINE


def _reference(versions: Sequence[Version]) -> Version | None:
    printed = [v for v in versions if v.figure is not None and not v.derived]
    if not printed:
        derived = [v for v in versions if v.figure is not None]
        return derived[0] if derived else None
    tables: dict[Money, set[int]] = defaultdict(set)
    first: dict[Money, int] = {}
    for v in printed:
        assert v.figure is not None
        tables[v.figure.amount].add(v.table.ordinal)
        first[v.figure.amount] = min(first.get(v.figure.amount, v.line), v.line)
    best = max(tables, key=lambda a: (len(tables[a]), -first[a]))
    return min((v for v in printed if v.figure and v.figure.amount == best), key=lambda v: v.line)


def _subject_name(group: Group, versions: Sequence[Version]) -> str:
    if not group.code:
        return ""
    for v in versions:
        for c in v.copies:
            if c.code == group.code:
                return row_name(c.entry)
    return group.code


def _where(version: Version) -> dict[str, Any]:
    cells = [c.cell for c in version.copies if c.cell is not None]
    first = cells[0].location if cells else None
    return {
        "table": version.table.name,
        "column": compact(first.column) if first else "",
        "line": first.line if first else None,
        "derived": version.derived,
        "count": len(version.copies),
        "code": version.copies[0].code if version.derived else "",
    }


def _leaves(subject: CheckSubject, version: Version, code: str) -> Figure | None:
    """
    The sum of the lowest lines *version*'s table prints under *code* in its column
    (the 项 under a 类's 款), or None when it prints none or one is not a number.
    """
    _, _, found = groups(subject)
    cell = next((c.cell for c in version.copies if c.cell is not None), None)
    if cell is None or not code:
        return None
    column = cell.location.column
    below = [
        c
        for c in found
        if c.table is version.table
        and c.code != code
        and c.code.startswith(code)
        and c.cell is not None
        and c.cell.location.column == column
    ]
    codes = {c.code for c in below}
    leaves = [c for c in below if not any(o != c.code and o.startswith(c.code) for o in codes)]
    if not leaves or any(state(c.cell) is State.BROKEN for c in leaves):
        return None
    figures = [figure(c.cell, c.table) for c in leaves if c.cell is not None and c.cell.amount]
    return combine(figures) if figures else None


def _rounding(
    subject: CheckSubject, group: Group, reference: Version, other: Version
) -> dict[str, Any] | None:
    """
    Why two copies printed one last-place unit apart may both be right (RD1): each adds
    up in its own table, and one table's copy is the sum of its rounded lower lines,
    within whose rounding the other copy lies.  None when no such explanation holds.
    """
    cells = [c.cell for v in (reference, other) for c in v.copies if c.cell is not None]
    if not cells or not all(adds_up(subject, cell) for cell in cells):
        return None
    for summed, single in ((other, reference), (reference, other)):
        assert summed.figure is not None
        assert single.figure is not None
        leaves = _leaves(subject, summed, group.code)
        if leaves is None or len(leaves.cells) < 2:
            continue
        if summed.figure.agrees(leaves) and single.figure.agrees(leaves):
            return {
                "table": summed.table.name,
                "other_table": single.table.name,
                "count": len(leaves.cells),
                "sum": leaves.amount,
                "bound": Money(leaves.half.yuan + single.figure.half.yuan),
            }
    return None


def _evidence(
    group: Group,
    reference: Version,
    other: Sequence[Version],
    rule: str,
    template: Any,
    rounding: dict[str, Any] | None = None,
) -> Finding:
    assert reference.figure is not None
    assert other[0].figure is not None
    expected, actual = reference.figure, other[0].figure
    gap = Money(abs(expected.amount.yuan - actual.amount.yuan))
    same_precision = not reference.derived and not any(v.derived for v in other)
    locations = [
        c.cell.location for v in (*other, reference) for c in v.copies if c.cell is not None
    ]
    inputs = [
        (str(c.cell.location), c.cell.amount)
        for v in (*other, reference)
        for c in v.copies
        if c.cell is not None
    ]
    bound = rounding["bound"] if rounding else Money(expected.half.yuan + actual.half.yuan)
    return message(
        CATALOG,
        rule,
        Severity.NOTE if rounding else Severity.ERROR,
        locations=locations,
        expected=expected.amount,
        actual=actual.amount,
        inputs=[
            *inputs,
            ("gap", gap),
            ("rounding bound (exclusive)", bound),
        ],
        subject=_subject_name(group, (reference, *other)),
        code=group.code,
        flow=group.measure.flow,
        fund=group.measure.fund,
        part=group.measure.part,
        reference_amount=expected.amount,
        other_amount=actual.amount,
        gap=gap,
        exact=same_precision,
        bound=Money(expected.half.yuan + actual.half.yuan),
        reference=_where(reference),
        others=[_where(v) for v in other],
        rounding=rounding,
        style=style([v.table for v in (reference, *other)], template),
    )


def _not_checked(
    group: Group, version: Version, reference: Version, rule: str, template: Any
) -> Finding:
    cells = [c.cell for c in version.copies if c.cell is not None]
    bad = next((c for c in cells if state(c) is State.BROKEN), cells[0] if cells else None)
    assert reference.figure is not None
    return message(
        CATALOG,
        f"{rule}.not_checked",
        Severity.NOTE,
        key="not_checked",
        locations=[*(c.location for c in ([bad] if bad else [])), *reference.figure.locations],
        expected=reference.figure.amount,
        actual=bad.text if bad else None,
        reason="broken" if version.broken else "blank",
        subject=_subject_name(group, (reference, version)),
        check=rule,
        text=bad.text if bad else "",
        suggestion=bad.suggestion if bad else None,
        where=_where(version),
        reference=_where(reference),
        reference_amount=reference.figure.amount,
        style=style([version.table, reference.table], template),
    )


def _judge(subject: CheckSubject, group: Group, template: Any) -> Iterator[Finding]:
    reference = _reference(group.versions)
    if reference is None or reference.figure is None:
        return
    disagreeing: dict[Money, list[Version]] = defaultdict(list)
    derived: list[Version] = []
    for version in group.versions:
        if version is reference:
            continue
        if version.figure is None:
            if version.broken or reference.figure.amount:
                rule = _rule(group.code, (reference, version))
                if version.broken or version.table.ordinal != reference.table.ordinal:
                    yield _not_checked(group, version, reference, rule, template)
            continue
        if version.figure.agrees(reference.figure):
            continue
        if version.derived:
            derived.append(version)
        else:
            disagreeing[version.figure.amount].append(version)
    for versions in disagreeing.values():
        if {v.table.ordinal for v in versions} <= {reference.table.ordinal}:
            continue  # a disagreement within one table: its row and column rules report it
        rule = _rule(group.code, (reference, *versions))
        rounding = None
        if rule == SAME_LINE and len(versions) == 1:
            rounding = _rounding(subject, group, reference, versions[0])
        yield _followed(
            subject, _evidence(group, reference, versions, rule, template, rounding), versions
        )
    for version in derived:
        finding = _evidence(
            group, reference, [version], _rule(group.code, (reference, version)), template
        )
        yield _followed(subject, finding, [version])


def _followed(subject: CheckSubject, finding: Finding, versions: Sequence[Version]) -> Finding:
    """*finding*, following the root defect (`_crossings`) a misprinted copy among *versions* is."""
    if finding.severity is not Severity.ERROR:
        return finding
    expected, actual = finding.expected, finding.actual
    if not isinstance(expected, Money) or not isinstance(actual, Money):
        return finding
    gap = Money(abs(expected.yuan - actual.yuan))
    cells = [c.cell for v in versions for c in v.copies if c.cell is not None]
    key = follows(subject, cells, gap)
    return evolve(finding, follows=key) if key else finding


def _check(rule: str) -> Callable[[CheckSubject], Iterator[Finding]]:
    def run(subject: CheckSubject) -> Iterator[Finding]:
        template = subject.disclosure.template
        found, _, _ = groups(subject)
        for group in found:
            for finding in _judge(subject, group, template):
                if finding.rule in (rule, f"{rule}.not_checked"):
                    yield finding

    return run


# ---------------------------------------------------------------- 财政拨款 = 一般公共预算 + …


def fiscal_parts(subject: CheckSubject) -> Iterator[Finding]:
    """财政拨款收支总表's 支出总计 against the totals of the tables of its funds."""
    disclosure = subject.disclosure
    template = disclosure.template
    fiscal = disclosure.table(TableRole.FISCAL)
    if fiscal is None:
        return
    _, _, found = groups(subject)
    mine = [c for c in found if c.table is fiscal and not c.code and c.measure.flow == "spend"]
    whole = next((c for c in mine if c.measure.fund == "fiscal"), None)
    if whole is None or state(whole.cell) is State.BLANK:
        return
    parts: list[tuple[str, Copy | None, PrintedTable | None]] = []
    for fund, role in (
        ("gp", TableRole.GENERAL_PUBLIC),
        ("gf", TableRole.GOVERNMENT_FUND),
        ("sc", TableRole.STATE_CAPITAL),
    ):
        table = disclosure.table(role)
        if table is None:
            if fund == "sc":  # the 西部 set prints no 国有资本经营 table: the column says it
                own = next((c for c in mine if c.measure.fund == "sc"), None)
                parts.append((fund, own, fiscal))
                continue
            parts.append((fund, None, None))
            continue
        total = next(
            (
                c
                for c in found
                if c.table is table
                and not c.code
                and c.measure.part == "total"
                and c.measure.flow == "spend"
            ),
            None,
        )
        parts.append((fund, total, table))
    missing = [fund for fund, copy, table in parts if table is None]
    broken = [c for _, c, _ in parts if c is not None and state(c.cell) is State.BROKEN]
    if state(whole.cell) is State.BROKEN:
        broken.insert(0, whole)
    if missing or broken:
        bad = broken[0].cell if broken else None
        yield message(
            CATALOG,
            f"{FISCAL_PARTS}.not_checked",
            Severity.NOTE,
            key="fiscal_parts.not_checked",
            locations=[bad.location] if bad else ([whole.cell.location] if whole.cell else []),
            actual=bad.text if bad else None,
            missing=missing,
            text=bad.text if bad else "",
            suggestion=bad.suggestion if bad else None,
            where=fiscal.name,
        )
        return
    assert whole.cell is not None
    total_figure = figure(whole.cell, fiscal)
    figures = [
        figure(c.cell, t)
        for _, c, t in parts
        if c is not None and t is not None and c.cell is not None and state(c.cell) is State.VALUE
    ]
    summed = combine(figures)
    if total_figure.agrees(summed):
        return
    gap = Money(abs(total_figure.amount.yuan - summed.amount.yuan))
    yield message(
        CATALOG,
        FISCAL_PARTS,
        Severity.ERROR,
        locations=[whole.cell.location, *summed.locations],
        expected=summed.amount,
        actual=total_figure.amount,
        inputs=[*((str(c.location), c.amount) for c in summed.cells), ("gap", gap)],
        where=fiscal.name,
        total=total_figure.amount,
        parts=summed.amount,
        gap=gap,
        tables=[t.name for _, c, t in parts if t is not None and t is not fiscal],
        style=style([fiscal, *(t for _, _, t in parts)], template),
    )


@hookimpl
def register_checks(register: Callable[[Check], None]) -> None:
    for rule in (SAME_LINE, TOTALS, BASIC_ECONOMIC, PROJECT_TABLE):
        register(Rule(name=rule, run=_check(rule)))
    register(Rule(name=FISCAL_PARTS, run=fiscal_parts))
