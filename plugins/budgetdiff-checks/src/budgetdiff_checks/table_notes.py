"""
An empty table says so, and a table that says so is empty (``table.empty_note``).

没有数据的表格应当列出空表并说明: a table that prints no amount must carry a
note under it saying that it is empty and why (a warning when it does not); a
table whose note says it is empty must print no amount (an error when it does); an empty
table's note names its own table's fund (a warning when it names another: the note of the
政府性基金 table copied under the 国有资本经营 one).
A table the reader could not lay out (no columns) is not judged here.

Where the narrative explains each table in a section of its own (…预算表情况说明), that
section is the table's note: a table printing nothing is explained when the section
naming its matter (政府性基金, 国有资本经营, “三公”经费, 机关运行经费) says there is none
("本部门无此项支出", "无") or states it as 0, and no section naming it states another
amount (a 年初预算 of 0.95 explains no table that prints nothing).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from decimal import Decimal

from budgetdiff import Disclosure, Finding, Severity, hookimpl
from budgetdiff.disclosure import PrintedTable, compact
from budgetdiff.plugin import Check, CheckSubject, Location

from ._figures import State, state
from ._messages import message
from ._rule import Rule

CATALOG = "table"
EMPTY_NOTE = "table.empty_note"

_MATTERS = ("政府性基金", "国有资本经营", "三公", "机关运行经费")
# a statement that there is none: 无此项支出, 没有…, a lone 无, or the amount as 0
_NONE = re.compile(
    r"没有|无(?!增减|变化|增加|减少|明显)|未安排|为空表|无数据|不涉及|(?<![\d.,])0(?:\.0+)?万?元"
)
_AMOUNT = re.compile(r"(?<![\d.,])(\d[\d,]*(?:\.\d+)?)万?元")


def _states_an_amount(text: str) -> bool:
    return any(Decimal(m.group(1).replace(",", "")) for m in _AMOUNT.finditer(text))


def _explained(disclosure: Disclosure, table: PrintedTable) -> bool:
    """True when the narrative's sections on *table*'s matter say it holds nothing."""
    title = compact(table.title)
    matters = [m for m in _MATTERS if m in title]
    texts = [
        compact(sentence.text)
        for section in disclosure.narrative()
        if any(m in compact(section.title) for m in matters)
        for sentence in section.sentences
    ]
    return any(_NONE.search(t) for t in texts) and not any(map(_states_an_amount, texts))


_FUNDS = ("一般公共预算", "政府性基金", "国有资本经营")


def _other_fund(table: PrintedTable) -> tuple[int | None, str, str] | None:
    """
    An empty table's note that names another fund than its table's ("本单位没有政府性基金预算
    拨款，本表无数据" under a 国有资本经营预算 table): (the note's line, its fund, the table's).
    """
    own = [f for f in _FUNDS if f in compact(table.title)]
    if len(own) != 1:
        return None
    for note in table.notes:
        named = [f for f in _FUNDS if f in compact(note.text)]
        if named and own[0] not in named:
            return note.number, named[0], own[0]
    return None


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
                fund="",
                own="",
            )
        elif table.says_empty and (named := _other_fund(table)) is not None:
            note_line, fund, own = named
            yield message(
                CATALOG,
                EMPTY_NOTE,
                Severity.WARNING,
                locations=[Location(source=disclosure.source, table=table.name, line=note_line)],
                where=table.name,
                says_empty=True,
                cells=0,
                fund=fund,
                own=own,
            )
        elif not printed and not table.says_empty and not _explained(disclosure, table):
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
                fund="",
                own="",
            )


@hookimpl
def register_checks(register: Callable[[Check], None]) -> None:
    register(Rule(name=EMPTY_NOTE, run=empty_note))
