"""
``standard.reclassification``: amounts that moved between 功能分类 codes.

Two sources of evidence:

- the catalog's year-to-year crosswalk, where the classification itself changed
  (a code moved, split or merged);
- detection, where a unit moved items: social-insurance contributions (养老
  20805, 医疗 21011, 住房改革 22102) budgeted in one year inside the unit's main
  basic line and in the other under their own codes.  The seed unit did this:
  2020 budgeted pension and medical contributions under 2111101, 2021 under
  2080505, 2101102, 2101103 and 2101199.  Detected moves are marked "inferred".
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal

from attrs import frozen

from budgetdiff import Budget, Change, Money, hookimpl
from budgetdiff.model import ExpenditureLine, Relation
from budgetdiff.plugin import Comparator, CompareContext, Driver, Fact, Link

from ._pairing import change

NAME = "standard.reclassification"
CONTRIBUTION_SECTIONS = ("20805", "21011", "22102")  # 养老, 医疗, 住房改革 contributions


def _is_contribution(line: ExpenditureLine) -> bool:
    return line.code.value[:5] in CONTRIBUTION_SECTIONS


def _main_line(budget: Budget, continuing: set[str]) -> ExpenditureLine | None:
    """The line carrying most of the budget's basic expenditure, among those in both years."""
    candidates = [
        line
        for line in budget.expenditure
        if line.code.value in continuing and not _is_contribution(line) and line.basic.total
    ]
    return max(candidates, key=lambda line: line.basic.total.yuan, default=None)


@frozen
class Reclassification:
    """Moves between codes, each linked to the function-code changes it explains."""

    name: str = NAME

    def compare(self, old: Budget, new: Budget, context: CompareContext) -> Iterator[Change | Link]:
        yield from _crosswalk(old, new, context)
        yield from _detected(old, new, outwards=True)
        yield from _detected(new, old, outwards=False)


def _detected(first: Budget, second: Budget, *, outwards: bool) -> Iterator[Change | Link]:
    """
    Contribution lines present in *second* whose section *first* did not have: they
    were inside *first*'s main line.  ``outwards`` means first is the old year.
    """
    first_codes = {line.code.value for line in first.expenditure}
    second_codes = {line.code.value for line in second.expenditure}
    first_sections = {c[:5] for c in first_codes}
    moved = [
        line
        for line in second.expenditure
        if _is_contribution(line) and line.basic.total and line.code.value[:5] not in first_sections
    ]
    source = _main_line(first, first_codes & second_codes)
    if not moved or source is None:
        return
    for line in moved:
        amount = line.basic.total
        frm, to = (
            (source.code.value, line.code.value)
            if outwards
            else (line.code.value, source.code.value)
        )
        yield _move(
            frm,
            to,
            line.name if outwards else source.name,
            amount,
            inferred=True,
            facts=(
                Fact(label="调出科目", value=frm),
                Fact(label="调入科目", value=to),
                Fact(label="调整金额（按调入年度金额）", value=amount),
            ),
        )
        yield from _links(frm, to, amount)


def _move(
    frm: str, to: str, name: str, amount: Money, *, inferred: bool, facts: tuple[Fact, ...]
) -> Change:
    return change(
        NAME,
        "reclassified",
        f"{frm}>{to}",
        name,
        None,
        amount,
        facts=facts,
        note="inferred" if inferred else "crosswalk",
    )


def _links(frm: str, to: str, amount: Money) -> Iterator[Link]:
    """A move adds to the change of the code it went to and takes from the one it left."""
    move = f"reclassified:{frm}>{to}"
    yield Link(target=f"function:{to}", driver=Driver(change=move, relation="moved"))
    yield Link(target=f"function:{frm}", driver=Driver(change=move, relation="moved_out"))


def _crosswalk(old: Budget, new: Budget, context: CompareContext) -> Iterator[Change | Link]:
    rows = context.catalog.crosswalk("function", old.year, new.year)
    old_lines = {line.code.value: line for line in old.expenditure}
    new_codes = {line.code.value for line in new.expenditure}
    for row in rows:
        if row.relation not in (Relation.MOVE, Relation.SPLIT, Relation.MERGE):
            continue
        line = old_lines.get(row.from_code)
        if line is None or row.to_code not in new_codes:
            continue
        weight = row.weight if row.weight is not None else Decimal(1)
        amount = Money(line.total.yuan * weight)
        facts = (Fact(label="对照表", value=row.note, source=row.source),)
        yield _move(row.from_code, row.to_code, line.name, amount, inferred=False, facts=facts)
        yield from _links(row.from_code, row.to_code, amount)


@hookimpl
def register_comparators(register: Callable[[Comparator], None]) -> None:
    register(Reclassification())
