"""
A published document as printed (`Disclosure`, from `budgetdiff.read`, or
`read_bytes` for a document in memory; `SourceFile` and `Medium` say which files it
was read from, a text, a PDF or a workbook, and `laid_out` gives the text a PDF or a
workbook is read as), and what normalising it into a `Budget` resolved
(`Normalized`, from `budgetdiff.normalize`).

What printed rows and columns mean, as the normalizer reads them — so a check
reads a printed table the same way: `compact` (a label without spaces),
`strip_numbering` ("一、…"), `source_of` (the fund source a label names),
`code_of` and `text_at` (a row's code and cell text), `sides` (the label, code
and amount columns of each side of a table), `column_measure` and `Measure`
(what an amount column adds up), `FISCAL` (the three 财政拨款 sources),
`class_code_finder` (a summary row's 类 code), `decimal_of` (a printed number).
"""

from __future__ import annotations

from ._normalize.normalized import Copy, Normalized, Resolution, ResolutionKind
from ._read.columns import (
    FISCAL,
    Measure,
    class_code_finder,
    code_of,
    column_measure,
    sides,
    source_of,
    strip_numbering,
    text_at,
)
from ._read.disclosure import (
    CellKind,
    Column,
    ColumnKind,
    Disclosure,
    Medium,
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
    SourceFile,
    StaffingStatement,
    StatedProfile,
    Template,
    TextBlock,
    TextLine,
)
from ._read.numbers import decimal_of
from ._read.reader import laid_out, read_bytes
from ._read.table_titles import compact

__all__ = [
    "FISCAL",
    "CellKind",
    "Column",
    "ColumnKind",
    "Copy",
    "Disclosure",
    "Measure",
    "Medium",
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
    "SourceFile",
    "StaffingStatement",
    "StatedProfile",
    "Template",
    "TextBlock",
    "TextLine",
    "class_code_finder",
    "code_of",
    "column_measure",
    "compact",
    "decimal_of",
    "laid_out",
    "read_bytes",
    "sides",
    "source_of",
    "strip_numbering",
    "text_at",
]
