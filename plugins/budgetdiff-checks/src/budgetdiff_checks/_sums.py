"""
A printed total against the printed parts it should add up to, judged with rounding.

The verdict follows `budgetdiff.plugin.check_sum`: n printed parts may miss
their printed total by strictly less than (n+1) half-steps.  No gap is fine; a
gap rounding explains is a note ("可能为取整误差"); any larger gap is an error.
With a single printed part the bound is one step, so the part must equal its
total exactly (one value cannot print two ways).

Blank parts count for nothing.  A broken operand (a malformed number, text in
an amount cell), a blank total whose parts print amounts, or a printed total
whose parts are all blank is not judged: the caller reports it as not checked.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Sequence

from attrs import field, frozen

from budgetdiff import Finding, Money, Severity
from budgetdiff.disclosure import PrintedCell, PrintedTable, Template
from budgetdiff.model import ZERO
from budgetdiff.plugin import SumCheck, SumVerdict

from ._fields import tuple_of
from ._figures import State, state, sum_check
from ._messages import message, style


class Outcome(enum.Enum):
    """What came of judging one relation."""

    CONSISTENT = "consistent"
    ROUNDING = "rounding"
    MISMATCH = "mismatch"
    BROKEN = "broken"  # an operand is not a number
    BLANK_TOTAL = "blank_total"  # the parts print amounts, the total is blank
    BLANK_PARTS = "blank_parts"  # the total prints an amount, every part is blank
    NOTHING = "nothing"  # nothing printed at all


@frozen(kw_only=True)
class Relation:
    """A printed total and the cells that should add up to it, in one table."""

    table: PrintedTable
    total: PrintedCell | None
    parts: tuple[PrintedCell | None, ...] = field(converter=tuple_of)
    row: str = ""  # the row the relation is about (a row label or a code)
    total_label: str = ""  # the total's column or row label
    part_labels: tuple[str, ...] = field(default=(), converter=tuple_of)


@frozen(kw_only=True)
class Verdict:
    outcome: Outcome
    check: SumCheck | None = None
    broken: PrintedCell | None = None


def judge(relation: Relation) -> Verdict:
    """The verdict on *relation* (see the module's docstring)."""
    total_state = state(relation.total)
    broken = [c for c in (relation.total, *relation.parts) if state(c) is State.BROKEN]
    values = [c for c in relation.parts if c is not None and state(c) is State.VALUE]
    if broken:
        return Verdict(outcome=Outcome.BROKEN, broken=broken[0])
    if total_state is State.BLANK:
        if any((c.amount or ZERO) for c in values):
            return Verdict(outcome=Outcome.BLANK_TOTAL)
        return Verdict(outcome=Outcome.NOTHING)
    assert relation.total is not None
    if not values:
        if relation.total.amount:
            return Verdict(outcome=Outcome.BLANK_PARTS)
        return Verdict(outcome=Outcome.CONSISTENT)
    checked = sum_check(relation.total, values, relation.table)
    outcome = {
        SumVerdict.EXACT: Outcome.CONSISTENT,
        SumVerdict.ROUNDING: Outcome.ROUNDING,
        SumVerdict.MISMATCH: Outcome.MISMATCH,
    }[checked.verdict]
    return Verdict(outcome=outcome, check=checked)


def _part_cells(relation: Relation) -> list[PrintedCell]:
    return [c for c in relation.parts if c is not None and state(c) is State.VALUE]


def sum_finding(
    catalog: str, rule: str, relation: Relation, verdict: Verdict, template: Template
) -> Finding | None:
    """The finding for a ROUNDING or MISMATCH verdict (None otherwise)."""
    checked = verdict.check
    if checked is None or verdict.outcome not in (Outcome.ROUNDING, Outcome.MISMATCH):
        return None
    assert relation.total is not None
    parts = _part_cells(relation)
    labels = [
        label
        for cell, label in zip(relation.parts, relation.part_labels, strict=False)
        if cell is not None and state(cell) is State.VALUE
    ]
    rounding = verdict.outcome is Outcome.ROUNDING
    gap = Money(abs(checked.gap))
    return message(
        catalog,
        rule,
        Severity.NOTE if rounding else Severity.ERROR,
        locations=[relation.total.location, *(c.location for c in parts)],
        expected=Money(checked.parts),
        actual=Money(checked.total),
        inputs=[
            *((str(c.location), c.amount) for c in parts),
            ("gap", gap),
            ("rounding bound (exclusive)", Money(checked.bound)),
        ],
        where=relation.table.name,
        row=relation.row,
        total_label=relation.total_label,
        part_labels=labels,
        total=Money(checked.total),
        parts=Money(checked.parts),
        gap=gap,
        bound=Money(checked.bound),
        count=len(parts),
        rounding=rounding,
        style=style([relation.table], template),
    )


def not_checked(
    catalog: str,
    rule: str,
    table: PrintedTable,
    relations: Sequence[tuple[Relation, Verdict]],
    template: Template,
) -> Iterable[Finding]:
    """
    One note per kind of reason for the relations of *table* that could not be judged.

    A broken cell is named; blank totals and blank parts are gathered so that a
    table that prints no split is one note, not one per row.
    """
    broken = [(r, v) for r, v in relations if v.outcome is Outcome.BROKEN]
    for relation, verdict in broken:
        cell = verdict.broken
        assert cell is not None
        yield message(
            catalog,
            f"{rule}.not_checked",
            Severity.NOTE,
            key="not_checked",
            locations=[cell.location],
            actual=cell.text,
            reason="broken",
            check=rule,
            where=table.name,
            row=relation.row,
            text=cell.text,
            suggestion=cell.suggestion,
            style=style([table], template),
        )
    for outcome in (Outcome.BLANK_TOTAL, Outcome.BLANK_PARTS):
        chosen = [r for r, v in relations if v.outcome is outcome]
        if not chosen:
            continue
        cells = [
            c
            for r in chosen
            for c in ([r.total] if outcome is Outcome.BLANK_PARTS else _part_cells(r)[:1])
            if c is not None
        ]
        yield message(
            catalog,
            f"{rule}.not_checked",
            Severity.NOTE,
            key="not_checked",
            locations=[c.location for c in cells],
            reason=outcome.value,
            check=rule,
            where=table.name,
            row=chosen[0].row,
            rows=len(chosen),
            text="",
            suggestion=None,
            style=style([table], template),
        )


def judge_all(
    catalog: str, rule: str, table: PrintedTable, relations: Iterable[Relation], template: Template
) -> Iterator[Finding]:
    """Judge every relation of one table: their findings, then the table's not-checked note."""
    judged: list[tuple[Relation, Verdict]] = []
    for relation in relations:
        verdict = judge(relation)
        judged.append((relation, verdict))
        finding = sum_finding(catalog, rule, relation, verdict, template)
        if finding is not None:
            yield finding
    seen = [(r, v) for r, v in judged if v.outcome is not Outcome.NOTHING]
    yield from not_checked(catalog, rule, table, seen, template)
