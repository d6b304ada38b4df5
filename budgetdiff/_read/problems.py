"""Reading problems and normalisation notes: their messages come from TOML catalogs.

Templates are compiled once per rule and locale (reading a document may report
many problems, and compiling a jinja2 template each time would dominate).
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from decimal import Decimal
from importlib import resources
from typing import TYPE_CHECKING, Any

from budgetdiff._model.findings import Location

from .disclosure import ProblemKind, ReadProblem

if TYPE_CHECKING:
    import jinja2


@functools.cache
def _catalog(name: str) -> Mapping[str, Mapping[str, str]]:
    text = (resources.files("budgetdiff") / "messages" / name).read_text(encoding="utf-8")
    return tomllib.loads(text)


@functools.cache
def _template(name: str, rule: str, locale: str) -> jinja2.Template:
    from budgetdiff._words import _message_environment

    return _message_environment().from_string(_catalog(name)[rule][locale])


def render(name: str, rule: str, locale: str, data: Mapping[str, Any]) -> str:
    """The *locale* message of *rule* in the catalog *name*, filled with *data*."""
    from budgetdiff._words import SEED_STYLE

    return _template(name, rule, locale).render({"style": SEED_STYLE, **data}).strip()


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
    return ReadProblem(
        kind=kind,
        message=render("reader.toml", rule, "zh", values),
        message_en=render("reader.toml", rule, "en", values),
        location=location,
        end_line=end_line,
        text=text,
        suggestion=suggestion,
    )
