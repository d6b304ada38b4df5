"""Reading problems: their messages come from ``messages/reader.toml``.

Templates are compiled once per rule and locale (reading a document may report
many problems, and compiling a jinja2 template each time would dominate).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from budgetdiff._model.findings import Location
from budgetdiff._words import builtin_messages

from .disclosure import ProblemKind, ReadProblem


def problem(
    kind: ProblemKind,
    location: Location,
    *,
    text: str = "",
    suggestion: Decimal | str | None = None,
    end_line: int | None = None,
    **data: Any,
) -> ReadProblem:
    """A `ReadProblem` of *kind*, its messages rendered from ``messages/reader.toml``."""
    rule = f"read.{kind.value}"
    values = {"where": str(location), "text": text, "end_line": end_line, **data}
    messages = builtin_messages("reader.toml")
    return ReadProblem(
        kind=kind,
        message=messages.render(rule, "zh", values),
        message_en=messages.render(rule, "en", values),
        location=location,
        end_line=end_line,
        text=text,
        suggestion=suggestion,
    )
