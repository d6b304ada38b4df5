"""
Where each printed cell stands in its own table's arithmetic, and the defects one cell explains.

Every row and column relation of every table (`_relations`) is judged once per
subject.  Two uses:

- `adds_up`: whether a cell agrees with its own table — it stands in at least
  one relation that adds up (exactly or within rounding) and in none that does
  not (``tables.same_line`` uses it to tell a rounding difference between two
  tables from a misprint);
- `roots`: one misprinted cell makes every relation it stands in disagree by
  the same amount — its row, its column's total, its parent line.  When one
  correction of one cell resolves two or more disagreeing relations, and no
  other cell does, that cell is the root: the rule of its most specific
  relation (fewest parts: the row) reports it (`Finding.defect`), and the other
  relations' findings follow it (`Finding.follows`), so that `budgetdiff.check`
  lists them inside the root's finding.  A copy of the same figure in another
  table printing the same wrong value, resolved by the same correction, is the
  same defect.

Nothing is folded on a guess: a relation two candidate cells could each resolve
is left on its own, and a relation the correction does not resolve stays a
finding of its own (a second defect).
"""

from __future__ import annotations

import weakref
from collections import defaultdict
from collections.abc import Iterable, Iterator
from decimal import Decimal

from attrs import evolve, frozen

from budgetdiff import Finding, Money
from budgetdiff.disclosure import PrintedCell, PrintedTable
from budgetdiff.plugin import CheckSubject, Location

from ._figures import State, state
from ._measures import copies, equivalences
from ._messages import message, style
from ._relations import column_relations, row_relations
from ._sums import Outcome, Relation, Verdict, judge

CATALOG = "tables"


@frozen(kw_only=True)
class Judged:
    """One relation of a table, the rule it falls under, and its verdict."""

    rule: str
    relation: Relation
    verdict: Verdict

    @property
    def cells(self) -> tuple[PrintedCell, ...]:
        r = self.relation
        return tuple(c for c in (r.total, *r.parts) if c is not None and state(c) is State.VALUE)


@frozen(kw_only=True)
class Root:
    """A printed cell whose one correction resolves several disagreeing relations."""

    key: str
    table: PrintedTable
    cell: PrintedCell
    cells: tuple[PrintedCell, ...]  # the cell and its copies printing the same wrong value
    corrected: Money  # the value that resolves them
    owner: Judged  # the relation whose finding reports the root
    followers: tuple[Judged, ...]  # the relations (in any table) it explains


@frozen(kw_only=True)
class _Analysis:
    judged: tuple[Judged, ...]
    standing: dict[Location, tuple[Judged, ...]]
    roots: tuple[Root, ...]
    by_relation: dict[tuple[str, Location], Root]  # (rule, total's location) → root


_CACHE: weakref.WeakKeyDictionary[CheckSubject, _Analysis] = weakref.WeakKeyDictionary()


def _judged(subject: CheckSubject) -> tuple[Judged, ...]:
    found = []
    for table in subject.disclosure.tables:
        for rule, relation in (*row_relations(subject, table), *column_relations(subject, table)):
            if isinstance(relation, Relation):
                found.append(Judged(rule=rule, relation=relation, verdict=judge(relation)))
    return tuple(found)


def _analysis(subject: CheckSubject) -> _Analysis:
    cached = _CACHE.get(subject)
    if cached is not None:
        return cached
    judged = _judged(subject)
    standing: dict[Location, list[Judged]] = defaultdict(list)
    for j in judged:
        for cell in j.cells:
            standing[cell.location].append(j)
    roots = tuple(_roots(subject, judged, standing))
    by_relation = {
        (j.rule, j.relation.total.location): root
        for root in roots
        for j in (root.owner, *root.followers)
        if j.relation.total is not None
    }
    value = _Analysis(
        judged=judged,
        standing={k: tuple(v) for k, v in standing.items()},
        roots=roots,
        by_relation=by_relation,
    )
    _CACHE[subject] = value
    return value


def adds_up(subject: CheckSubject, cell: PrintedCell) -> bool:
    """True when *cell* stands in a relation of its table that adds up, and in none that fails."""
    found = _analysis(subject).standing.get(cell.location, ())
    outcomes = {j.verdict.outcome for j in found}
    if outcomes & {Outcome.MISMATCH, Outcome.BROKEN}:
        return False
    return bool(outcomes & {Outcome.CONSISTENT, Outcome.ROUNDING})


def _gap(j: Judged) -> Decimal:
    assert j.verdict.check is not None
    return j.verdict.check.gap  # Σ parts − total


def _resolves(j: Judged, cell: PrintedCell, delta: Decimal) -> bool:
    """Whether adding *delta* to *cell* makes relation *j* add up."""
    checked = j.verdict.check
    assert checked is not None
    is_total = j.relation.total is not None and j.relation.total.location == cell.location
    after = checked.gap - delta if is_total else checked.gap + delta
    return abs(after) < checked.bound


def _correction(j: Judged, cell: PrintedCell) -> Decimal:
    is_total = j.relation.total is not None and j.relation.total.location == cell.location
    return _gap(j) if is_total else -_gap(j)


def _roots(
    subject: CheckSubject, judged: Iterable[Judged], standing: dict[Location, list[Judged]]
) -> Iterator[Root]:
    mismatched = [j for j in judged if j.verdict.outcome is Outcome.MISMATCH and j.verdict.check]
    tables = {t.name: t for t in subject.disclosure.tables}
    candidates: list[tuple[PrintedCell, Decimal, list[Judged]]] = []
    seen: set[Location] = set()
    for j in mismatched:
        for cell in j.cells:
            if cell.location in seen:
                continue
            seen.add(cell.location)
            mine = [m for m in standing[cell.location] if m.verdict.outcome is Outcome.MISMATCH]
            if len(mine) < 2:
                continue
            for first in mine:
                delta = _correction(first, cell)
                resolved = [m for m in mine if _resolves(m, cell, delta)]
                if len(resolved) >= 2 and _only(cell, resolved):
                    candidates.append((cell, delta, resolved))
                    break
    # a relation two candidates could each resolve is ambiguous: fold neither
    claims: dict[int, int] = defaultdict(int)
    for _, _, resolved in candidates:
        for m in resolved:
            claims[id(m)] += 1
    clear = [c for c in candidates if all(claims[id(m)] == 1 for m in c[2])]
    # copies of one figure printing the same wrong value, resolved alike: one defect
    identity = _identities(subject)
    merged: dict[tuple[object, ...], list[tuple[PrintedCell, Decimal, list[Judged]]]] = {}
    for cell, delta, resolved in clear:
        who = identity.get(cell.location)
        key = (who, cell.amount, delta) if who is not None else (cell.location,)
        merged.setdefault(key, []).append((cell, delta, resolved))
    for members in merged.values():
        members.sort(key=lambda m: m[0].line)
        cell, delta, _ = members[0]
        relations = sorted(
            (m for _, _, resolved in members for m in resolved),
            key=lambda m: (len(m.relation.parts), m.relation.total.line if m.relation.total else 0),
        )
        owner = next(m for m in relations if cell in m.cells)
        table = tables.get(cell.location.table) or owner.relation.table
        assert cell.amount is not None
        yield Root(
            key=f"cell:{cell.location}",
            table=table,
            cell=cell,
            cells=tuple(m[0] for m in members),
            corrected=Money(cell.amount.yuan + delta),
            owner=owner,
            followers=tuple(m for m in relations if m is not owner),
        )


def _only(cell: PrintedCell, resolved: list[Judged]) -> bool:
    """*cell* is the one cell the relations *resolved* have in common."""
    common = set.intersection(*({c.location for c in m.cells} for m in resolved))
    return common == {cell.location}


def _identities(subject: CheckSubject) -> dict[Location, tuple[str, object]]:
    """Each copy's figure: (line code, canonical measure), for cells that copy a line."""
    disclosure = subject.disclosure
    found = tuple(c for t in disclosure.tables for c in copies(t, subject.catalog, disclosure.year))
    same = equivalences(disclosure, subject.catalog, found)
    return {
        c.cell.location: (c.code, same.canonical(c.measure))
        for c in found
        if c.cell is not None and c.code
    }


def roots(subject: CheckSubject) -> tuple[Root, ...]:
    """The root defects of *subject*'s tables (see the module's docstring)."""
    return _analysis(subject).roots


def tagged(subject: CheckSubject, findings: Iterable[Finding]) -> Iterator[Finding]:
    """
    Findings of the row and column rules, the root's owner naming the defect and
    the relations it explains following it.
    """
    analysis = _analysis(subject)
    for finding in findings:
        where = finding.locations[0] if finding.locations else None
        root = analysis.by_relation.get((finding.rule, where)) if where is not None else None
        if root is None or finding.rule.endswith(".not_checked"):
            yield finding
            continue
        first = root.owner.relation.total
        if first is not None and first.location == where and root.owner.rule == finding.rule:
            yield _owning(root, finding, subject)
        else:
            yield evolve(finding, follows=root.key)


def _owning(root: Root, finding: Finding, subject: CheckSubject) -> Finding:
    cause = message(
        CATALOG,
        "cause",
        finding.severity,
        table=root.cell.location.table,
        row=root.cell.location.row,
        column=root.cell.location.column,
        line=root.cell.line,
        printed=root.cell.amount,
        corrected=root.corrected,
        count=1 + len(root.followers),
        tables=sorted({j.relation.table.name for j in (root.owner, *root.followers)}),
        style=style([root.table], subject.disclosure.template),
    )
    return evolve(
        finding,
        message=f"{finding.message}{cause.message}",
        message_en=f"{finding.message_en} {cause.message_en}",
        defect=root.key,
    )


def follows(subject: CheckSubject, cells: Iterable[PrintedCell], gap: Money) -> str:
    """
    The root a disagreement between copies follows from: one of *cells* is a root
    cell whose correction closes *gap* exactly ("" when none is).
    """
    for cell in cells:
        for root in _analysis(subject).roots:
            if cell.amount is None or cell.location not in {c.location for c in root.cells}:
                continue
            if abs(root.corrected.yuan - cell.amount.yuan) == abs(gap.yuan):
                return root.key
    return ""
