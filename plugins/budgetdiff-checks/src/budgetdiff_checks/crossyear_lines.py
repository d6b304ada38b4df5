"""
The same line across the two years (the check ``crossyear.lines``): its code and its name.

Runs only when ``budgetdiff.check`` is given last year's document of the same unit.
Every 支出功能分类 line (项) and every 经济分类 line of 基本支出 printed in both years'
normalized budgets under one code is compared by name:

- ``crossyear.renamed`` (note): the names differ and the catalog gives the code each
  name (the classification renamed the line: its figures compare, its name moved);
- ``crossyear.code_reused`` (warning): the names differ and the catalog does not know
  the code — the code now stands for another line, or the line was renamed; a change
  computed over it may compare two different things.

A name that is not its code's catalog name in its own year is ``codes.name``'s finding
in that document, not this rule's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from attrs import frozen

from budgetdiff import Budget, Finding, Severity, hookimpl
from budgetdiff.model import Catalog, names_agree
from budgetdiff.plugin import Check, CheckSubject, Location

from ._narrative_figures import FigureBook, figure_book
from ._narrative_keys import Key, What
from ._narrative_names import norm, same_name
from .crossyear import finding, located, same_unit

RENAMED = "crossyear.renamed"
CODE_REUSED = "crossyear.code_reused"

__all__ = ["CODE_REUSED", "RENAMED", "CrossYearLines"]


@frozen
class CrossYearLines:
    """The check ``crossyear.lines``: one code, one line, in both years."""

    name: str = "crossyear.lines"

    def check(self, subject: CheckSubject) -> Iterator[Finding]:
        prior = subject.prior_subject
        if prior is None or prior.budget is None or subject.budget is None:
            return
        if not same_unit(subject.disclosure.unit_name, prior.disclosure.unit_name):
            return  # crossyear.figures says why nothing is compared
        old, new = prior.budget, subject.budget
        if old.year >= new.year:
            return
        books = (figure_book(prior), figure_book(subject))
        for kind, before, after in (
            ("function", _function_names(old), _function_names(new)),
            ("economic", _economic_names(old), _economic_names(new)),
        ):
            for code in sorted(set(before) & set(after)):
                was, now = before[code], after[code]
                if same_name(was, now):
                    continue
                rule = _rule(kind, code, was, now, subject.catalog, old, new)
                if rule is None:
                    continue
                yield finding(
                    subject,
                    rule,
                    Severity.NOTE if rule == RENAMED else Severity.WARNING,
                    locations=[
                        *_where(books[1], kind, code, now, subject),
                        *_where(books[0], kind, code, was, prior),
                    ],
                    code=code,
                    kind=kind,
                    old_name=was,
                    new_name=now,
                    old_where=located(_where(books[0], kind, code, was, prior), prior.disclosure),
                    new_where=located(
                        _where(books[1], kind, code, now, subject), subject.disclosure
                    ),
                    new_source=subject.disclosure.source.rsplit("/", 1)[-1],
                    prior_source=prior.disclosure.source.rsplit("/", 1)[-1],
                    new_year=new.year,
                    prior_year=old.year,
                )


def _function_names(budget: Budget) -> dict[str, str]:
    names: dict[str, str] = {}
    for line in budget.expenditure:
        names.setdefault(line.code.value, line.name)
    return names


def _economic_names(budget: Budget) -> dict[str, str]:
    names: dict[str, str] = {}
    for line in budget.basic_by_economic:
        names.setdefault(line.code.value, line.name)
    return names


def _rule(
    kind: str, code: str, was: str, now: str, catalog: Catalog, old: Budget, new: Budget
) -> str | None:
    """The rule two names of one code break, or None when it is another rule's (or none)."""
    if kind == "function":
        known = catalog.function_names(code)
        then, later = catalog.function_name(code, old.year), catalog.function_name(code, new.year)
    else:
        entry_then, entry_later = catalog.economic(code, old.year), catalog.economic(code, new.year)
        then = None if entry_then is None else entry_then.name
        later = None if entry_later is None else entry_later.name
        known = tuple(n for n in (then, later) if n)
    fits_then = then is not None and (same_name(was, then) or names_agree(was, then))
    fits_later = later is not None and (same_name(now, later) or names_agree(now, later))
    if fits_then and fits_later and norm(then or "") != norm(later or ""):
        return RENAMED
    if names_agree(was, now) or names_agree(now, was):
        return None  # one name qualifies the other (基础性绩效工资, 绩效工资)
    if not known:
        return CODE_REUSED
    return None  # a name not its code's: codes.name reports it in its own document


def _where(
    book: FigureBook | None, kind: str, code: str, name: str, subject: CheckSubject
) -> list[Location]:
    """Where *subject*'s tables print the line (its first printed copy)."""
    if book is None:
        return []
    key = Key(What.SPEND, code) if kind == "function" else Key(What.ECONOMIC, norm(name))
    for figure in book.figures(key):
        if figure.printed:
            return list(figure.locations)
    return [Location(source=subject.disclosure.source, row=f"{code} {name}")]


@hookimpl
def register_checks(register: Callable[[Check], None]) -> None:
    register(CrossYearLines())
