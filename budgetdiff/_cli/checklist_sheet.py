"""
``budgetdiff check --format checklist``: the inspection checklist of each document, as text
(``templates/check/checklist.j2``) or, written to ``-o X.xlsx``, as a workbook: a
``checklist`` sheet (one row per document and item) beside the ``findings`` sheet of
``--format xlsx``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from budgetdiff._engine.batch import BatchReport
from budgetdiff._engine.checklist import Checklist
from budgetdiff._words import builtin_environment

from .output import finding_rows
from .workbook import _book, _list_sheet, _saved

CHECKLIST_HEAD = (
    "source", "unit", "year", "no", "item", "question", "question_en", "answer", "verified",
    "basis", "basis_en", "locations", "findings", "sources",
)  # fmt: skip
_LIMIT = 5  # places and findings listed under an item in the text form


def render_checklists(checklists: Sequence[Checklist]) -> str:
    """Each document's checklist, one after another."""
    template = builtin_environment().get_template("check/checklist.j2")
    return "\n".join(template.render(c=c, counts=c.counts(), limit=_LIMIT) for c in checklists)


def checklist_rows(checklists: Sequence[Checklist]) -> list[list[Any]]:
    rows: list[list[Any]] = []
    for c in checklists:
        for number, r in enumerate(c.results, start=1):
            rows.append(
                [
                    c.source,
                    c.unit_name,
                    c.year,
                    number,
                    r.item.id,
                    r.item.zh,
                    r.item.en,
                    r.answer.value,
                    "S" if r.item.verified else "K",
                    r.basis,
                    r.basis_en,
                    "\n".join(str(loc) for loc in r.locations),
                    "\n".join(f"{f.rule}: {f.message}" for f in r.findings),
                    "\n".join(f"[{tag}] {cite}" for cite, tag in r.item.sources),
                ]
            )
    return rows


def checklist_workbook(checklists: Sequence[Checklist], batch: BatchReport) -> bytes:
    """The checklists (sheet ``checklist``) and every finding (sheet ``findings``)."""
    book = _book()
    _list_sheet(book.create_sheet("checklist"), CHECKLIST_HEAD, checklist_rows(checklists))
    head, rows = finding_rows(batch)
    _list_sheet(book.create_sheet("findings"), head, rows)
    return _saved(book)
