"""
What the reader could not read cleanly, as findings (``read.*``).

The reader keeps every problem it meets (`Disclosure.problems`); each becomes a
finding here, so that a report lists them with the checks they affect:

- ``read.malformed_number`` (error): a figure printed as no number can be
  ("433..34"); every check that needs it reports itself not checked;
- ``read.missing_table`` (error): a table every disclosure must print is absent;
- ``read.text_in_amount``, ``read.malformed_code``, ``read.no_unit``,
  ``read.no_text_layer`` (a scanned PDF page, not read), ``read.workbook`` (a hidden
  sheet, a formula without a saved value, a cell that is not an exact figure) (warning);
- ``read.encoding``, ``read.script`` (a mirror page read as simplified),
  ``read.row_width``, ``read.unrecognised``, ``read.unknown_column``,
  ``read.table_as_text``, ``read.not_found`` (note).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal

from budgetdiff import Finding, Severity, hookimpl
from budgetdiff.disclosure import ProblemKind
from budgetdiff.model import plain
from budgetdiff.plugin import Check, CheckSubject

from ._messages import message
from ._rule import Rule

CATALOG = "read"

SEVERITY = {
    ProblemKind.MALFORMED_NUMBER: Severity.ERROR,
    ProblemKind.MISSING_TABLE: Severity.ERROR,
    ProblemKind.TEXT_IN_AMOUNT: Severity.WARNING,
    ProblemKind.MALFORMED_CODE: Severity.WARNING,
    ProblemKind.NO_UNIT: Severity.WARNING,
    ProblemKind.NO_TEXT_LAYER: Severity.WARNING,
    ProblemKind.WORKBOOK: Severity.WARNING,
    ProblemKind.SCRIPT: Severity.NOTE,
    ProblemKind.ENCODING: Severity.NOTE,
    ProblemKind.ROW_WIDTH: Severity.NOTE,
    ProblemKind.UNRECOGNISED: Severity.NOTE,
    ProblemKind.UNKNOWN_COLUMN: Severity.NOTE,
    ProblemKind.TABLE_AS_TEXT: Severity.NOTE,
    ProblemKind.NOT_FOUND: Severity.NOTE,
}


def _check(kind: ProblemKind) -> Callable[[CheckSubject], Iterator[Finding]]:
    rule = f"read.{kind.value}"

    def run(subject: CheckSubject) -> Iterator[Finding]:
        for problem in subject.disclosure.problems:
            if problem.kind is not kind:
                continue
            yield message(
                CATALOG,
                rule,
                SEVERITY[kind],
                locations=[problem.location],
                actual=problem.text or None,
                expected=_as_printed(problem.suggestion),
                where=str(problem.location),
                table=problem.location.table,
                text=problem.text,
                suggestion=problem.suggestion,
                detail=problem.message,
                detail_en=problem.message_en,
            )

    return run


def _as_printed(suggestion: Decimal | str | None) -> str | None:
    """The likely intended text of a cell (not a percentage, not an amount yet)."""
    if suggestion is None:
        return None
    return plain(suggestion) if isinstance(suggestion, Decimal) else suggestion


@hookimpl
def register_checks(register: Callable[[Check], None]) -> None:
    for kind in ProblemKind:
        register(Rule(name=f"read.{kind.value}", run=_check(kind)))
