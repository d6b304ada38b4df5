"""
An empty table says so, and a table that says so is empty (``table.empty_note``).

没有数据的表格应当列出空表并说明: a table that prints no amount must carry a
note under it saying that it is empty and why (a warning when it does not); a
table whose note says it is empty must print no amount (an error when it does).
A table the reader could not lay out (no columns) is not judged here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from budgetdiff import Finding, Severity, hookimpl
from budgetdiff.disclosure import PrintedTable
from budgetdiff.plugin import Check, CheckSubject, Location

from ._figures import State, state
from ._messages import message
from ._rule import Rule

CATALOG = "table"
EMPTY_NOTE = "table.empty_note"


def _printed(table: PrintedTable) -> list[Location]:
    return [
        cell.location
        for row in table.rows
        for cell in row.cells
        if state(cell) is State.VALUE and cell.amount
    ]


def empty_note(subject: CheckSubject) -> Iterator[Finding]:
    disclosure = subject.disclosure
    for table in disclosure.tables:
        if table.role is None or not table.columns:
            continue
        printed = _printed(table)
        if table.says_empty and printed:
            note = next(n for n in table.notes if "空表" in n.text or "无数据" in n.text)
            yield message(
                CATALOG,
                EMPTY_NOTE,
                Severity.ERROR,
                locations=[
                    Location(source=disclosure.source, table=table.name, line=note.number),
                    *printed,
                ],
                actual=note.text,
                where=table.name,
                says_empty=True,
                cells=len(printed),
            )
        elif not printed and not table.says_empty:
            yield message(
                CATALOG,
                EMPTY_NOTE,
                Severity.WARNING,
                locations=[
                    Location(source=disclosure.source, table=table.name, line=table.title_line)
                ],
                where=table.name,
                says_empty=False,
                cells=0,
            )


@hookimpl
def register_checks(register: Callable[[Check], None]) -> None:
    register(Rule(name=EMPTY_NOTE, run=empty_note))
