"""
What the narrative rules share: the narrative as they read it, its claims, the
year its tables are about, and their messages (``messages/narrative.toml``).

The narrative is read with its section headings in place ("三、关于…支出预算情况
说明", "七、财政拨款“三公”经费支出决算情况说明"): a heading ends the lists and
topics of the section before it, and a title names the year the report is about
(`CheckSubject.narrative_text` and `CheckSubject.claims`, read once per subject).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from budgetdiff import Disclosure, Finding, Severity, Unit
from budgetdiff.disclosure import SectionPart, Template
from budgetdiff.model import Value
from budgetdiff.narrative import Claim
from budgetdiff.plugin import CheckSubject, Location, Messages, NumberStyle

CATALOG = "messages/narrative.toml"
NOT_CHECKED = "narrative.tables.not_checked"

_YEAR = re.compile(r"(20\d{2})\s*年")


@functools.cache
def messages() -> Messages:
    """The message catalog of the narrative rules."""
    return Messages.from_package("budgetdiff_checks", CATALOG)


def narrative_claims(subject: CheckSubject) -> tuple[Claim, ...]:
    """The claims of *subject*'s narrative (headings included), read once per subject."""
    return subject.claims


def tables_year(disclosure: Disclosure) -> int | None:
    """
    The year the tables are about: the year most table titles print ("2025年部门
    收入预算总表"), else the year the tables' part heading prints ("第二部分 …2024
    年度部门决算表"), else the document's year.
    """
    titles = Counter(
        int(found.group(1)) for table in disclosure.tables for found in _YEAR.finditer(table.title)
    )
    if titles:
        top = max(titles.values())
        return max(year for year, count in titles.items() if count == top)
    for section in disclosure.sections:
        if section.part is SectionPart.TABLES:
            found = re.search(r"(20\d{2})\s*年", section.title.replace(" ", "") + "年")
            if found:
                return int(found.group(1))
    return disclosure.year


def style(disclosure: Disclosure) -> NumberStyle:
    """How messages show amounts: 万元, exactly (a table in 元 shows to the 元)."""
    return NumberStyle(
        unit=Unit.WAN_YUAN,
        places=6,
        strip_zeros=True,
        thousands=disclosure.template is Template.SHANGHAI,
    )


def finding(
    subject: CheckSubject,
    rule: str,
    severity: Severity,
    about: Sequence[Claim],
    *,
    key: str | None = None,
    locations: Iterable[Location] = (),
    expected: Value | None = None,
    actual: Value | None = None,
    inputs: Iterable[tuple[str, Value | None]] = (),
    **data: Any,
) -> Finding:
    """
    A finding of *rule* about the claims *about* (their locations first), its
    message the template *key* (default: *rule*) rendered with *data*.
    """
    first = about[0].line if about else None
    data.setdefault("style", style(subject.disclosure))
    data.setdefault("line", first)
    data.setdefault("lines", sorted({claim.line for claim in about}))
    return messages().finding(
        rule,
        severity,
        key=key,
        locations=(*(claim.location() for claim in about), *locations),
        expected=expected,
        actual=actual,
        inputs=inputs,
        **data,
    )


def line_location(subject: CheckSubject, line: int, where: str = "") -> Location:
    """A narrative line as a location."""
    return Location(source=subject.disclosure.source, table=where, line=line)
