"""``standard.functions``: every 功能分类 code at 类, 款 and 项 level, new and discontinued."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from attrs import frozen

from budgetdiff import Budget, FunctionCode, Money, hookimpl
from budgetdiff._changes import Change, Driver, Fact
from budgetdiff._comparing import Comparator, CompareContext
from budgetdiff.model import Level

from ._pairing import change, pairs, parts
from .projects import match_projects

NAME = "standard.functions"


def function_name(code: FunctionCode, old: Budget, new: Budget, context: CompareContext) -> str:
    """The name *code* is printed with this year, else last year, else the catalog's."""
    for budget in (new, old):
        line = budget.line(code)
        if line is not None:
            return line.name
    return context.catalog.function_name(code, new.year) or str(code)


@frozen
class Functions:
    """Each 功能分类 code's total at every level; 类 and 款 are driven by their children."""

    name: str = NAME

    def compare(self, old: Budget, new: Budget, context: CompareContext) -> Iterator[Change]:
        levels = (Level.CLASS, Level.SECTION, Level.ITEM)
        totals = {
            level: (
                {c.value: f.total for c, f in old.rollup(level).items()},
                {c.value: f.total for c, f in new.rollup(level).items()},
            )
            for level in levels
        }
        children: dict[str, list[str]] = {}
        for level in levels[1:]:
            for code in totals[level][0].keys() | totals[level][1].keys():
                children.setdefault(code[:-2], []).append(code)
        for level in levels:
            for code, before, after in pairs(*totals[level]):
                yield self._change(code, before, after, old, new, context, children)

    def _change(
        self,
        code: str,
        before: Money | None,
        after: Money | None,
        old: Budget,
        new: Budget,
        context: CompareContext,
        children: dict[str, list[str]],
    ) -> Change:
        fc = FunctionCode(code)
        drivers: tuple[Driver, ...] = parts(f"function:{c}" for c in sorted(children.get(code, ())))
        if fc.level is Level.ITEM or not drivers:
            drivers = _project_drivers(fc, old, new)
        facts = tuple(
            Fact(label=f"{b.year}", value=v, source=f"{b.year} 功能分类 {code}")
            for b, v in ((old, before), (new, after))
            if v is not None
        )
        return change(
            NAME,
            "function",
            code,
            function_name(fc, old, new, context),
            before,
            after,
            drivers=drivers,
            facts=facts,
        )


def _project_drivers(code: FunctionCode, old: Budget, new: Budget) -> tuple[Driver, ...]:
    """A 项 line's project part is driven by the projects budgeted under it."""
    keys = {
        pair.key
        for pair in match_projects(old, new)
        if any(p is not None and p.function_code == code for p in (pair.old, pair.new))
    }
    return parts(f"project:{k}" for k in sorted(keys))


@hookimpl
def register_comparators(register: Callable[[Comparator], None]) -> None:
    register(Functions())
