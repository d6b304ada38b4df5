"""``standard.functions``: every 功能分类 code at 类, 款 and 项 level, new and discontinued."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from attrs import frozen

from budgetdiff import Budget, Change, Money, hookimpl
from budgetdiff.model import Level
from budgetdiff.plugin import Comparator, CompareContext, Driver

from ._pairing import change, pairs, parts
from .projects import match_projects

NAME = "standard.functions"


def function_name(code: str, old: Budget, new: Budget, context: CompareContext) -> str:
    """The name *code* is printed with this year, else last year, else the catalog's."""
    for budget in (new, old):
        line = budget.line(code)
        if line is not None:
            return line.name
    return context.catalog.function_name(code, new.year) or code


@frozen
class Functions:
    """Each 功能分类 code's total at every level; 类 and 款 are driven by their children."""

    name: str = NAME

    def compare(self, old: Budget, new: Budget, context: CompareContext) -> Iterator[Change]:
        levels = (Level.CLASS, Level.SECTION, Level.ITEM)
        totals = {level: (old.totals_at(level), new.totals_at(level)) for level in levels}
        projects_under = _projects_by_code(old, new)
        children: dict[str, list[str]] = {}
        for level in levels[1:]:
            for code in totals[level][0].keys() | totals[level][1].keys():
                children.setdefault(code[:-2], []).append(code)
        for level in levels:
            for code, before, after in pairs(*totals[level]):
                yield self._change(code, before, after, old, new, context, children, projects_under)

    def _change(
        self,
        code: str,
        before: Money | None,
        after: Money | None,
        old: Budget,
        new: Budget,
        context: CompareContext,
        children: dict[str, list[str]],
        projects_under: dict[str, list[str]],
    ) -> Change:
        drivers: tuple[Driver, ...] = parts(f"function:{c}" for c in sorted(children.get(code, ())))
        if len(code) == 7 or not drivers:
            drivers = parts(f"project:{k}" for k in sorted(projects_under.get(code, ())))
        return change(
            NAME,
            "function",
            code,
            function_name(code, old, new, context),
            before,
            after,
            drivers=drivers,
        )


def _projects_by_code(old: Budget, new: Budget) -> dict[str, list[str]]:
    """The (matched) projects budgeted under each code, in either year: a 项's drivers."""
    found: dict[str, list[str]] = {}
    for pair in match_projects(old, new):
        codes = {p.function_code.value for p in (pair.old, pair.new) if p is not None}
        for code in codes:
            found.setdefault(code, []).append(pair.key)
    return found


@hookimpl
def register_comparators(register: Callable[[Comparator], None]) -> None:
    register(Functions())
