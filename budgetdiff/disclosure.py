"""
A published document as printed (`Disclosure`, from `budgetdiff.read`), and what
normalising it into a `Budget` resolved (`Normalized`, from `budgetdiff.normalize`).
"""

from __future__ import annotations

from ._normalize.normalized import Copy, Normalized, Resolution, ResolutionKind
from ._read.disclosure import (
    CellKind,
    Column,
    ColumnKind,
    Disclosure,
    PerformanceTable,
    PrintedCell,
    PrintedRow,
    PrintedTable,
    ProblemKind,
    ReadProblem,
    Section,
    SectionPart,
    Sentence,
    SignOff,
    StaffingStatement,
    StatedProfile,
    Template,
    TextBlock,
    TextLine,
)

__all__ = [
    "CellKind",
    "Column",
    "ColumnKind",
    "Copy",
    "Disclosure",
    "Normalized",
    "PerformanceTable",
    "PrintedCell",
    "PrintedRow",
    "PrintedTable",
    "ProblemKind",
    "ReadProblem",
    "Resolution",
    "ResolutionKind",
    "Section",
    "SectionPart",
    "Sentence",
    "SignOff",
    "StaffingStatement",
    "StatedProfile",
    "Template",
    "TextBlock",
    "TextLine",
]
