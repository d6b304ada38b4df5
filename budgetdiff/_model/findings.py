"""Findings: what a validation or a check reports, with its evidence."""

from __future__ import annotations

import enum

from attrs import field, frozen

from .fields import tuple_of
from .money import Value


class Severity(enum.Enum):
    """How serious a finding is; ``ERROR`` outranks ``WARNING`` outranks ``NOTE``."""

    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "note": 1}[self.value]

    def at_least(self, other: Severity) -> bool:
        return self.rank >= other.rank


@frozen(kw_only=True, cache_hash=True)
class Location:
    """Where a figure is: a file, a table cell or a narrative line, or a path in a model."""

    source: str = ""  # the file
    table: str = ""  # 表二, 部门收入预算总表, or a section of the narrative
    row: str = ""  # the row label or code
    column: str = ""  # the column label
    line: int | None = None  # the line number in the source (for a PDF or a workbook: in
    # the text budgetdiff read from it, which `budgetdiff convert X -o X.txt` writes)
    path: str = ""  # the path in a structured model: expenditure[3].basic
    page: int | None = None  # the page of a PDF (or of a text with page breaks), from 1
    cell: str = ""  # a workbook's sheet and cell: "表一!B7"

    def __str__(self) -> str:
        parts = [p for p in (self.table, self.row, self.column) if p]
        where = " / ".join(parts) or self.path
        sheet, bang, ref = self.cell.rpartition("!")  # a workbook's: "sheet 表一, cell B7"
        cell = f"sheet {sheet.strip(chr(39))}, cell {ref}" if bang else self.cell and f"sheet {ref}"
        place = ", ".join(
            p
            for p in (
                f"page {self.page}" if self.page is not None else "",
                cell,
                f"line {self.line}" if self.line is not None else "",
            )
            if p
        )
        if place:
            where = f"{where} ({place})" if where else place
        return where


@frozen(kw_only=True)
class Finding:
    """
    One thing found wrong (or worth a note), with the evidence for it.

    ``expected`` is what the other figures imply, ``actual`` what was printed,
    and ``inputs`` the figures the expectation was computed from.

    One root defect is one finding: the rule that sees the root (a misprinted
    cell, say) names it in ``defect``; a finding the root's arithmetic implies
    (the row, the column total, another table's copy it makes disagree) names
    it in ``follows``, and `budgetdiff.check` moves it into the root's
    ``consequences`` instead of reporting it on its own.  A finding following a
    defect no finding reports stays a finding.
    """

    rule: str
    severity: Severity
    message: str  # Chinese
    message_en: str
    locations: tuple[Location, ...] = field(default=(), converter=tuple_of)
    expected: Value | None = None
    actual: Value | None = None
    inputs: tuple[tuple[str, Value | None], ...] = field(default=(), converter=tuple_of)
    defect: str = ""  # the key of the root defect this finding reports
    follows: str = ""  # the key of the root defect this finding is a consequence of
    consequences: tuple[Finding, ...] = field(default=(), converter=tuple_of)
