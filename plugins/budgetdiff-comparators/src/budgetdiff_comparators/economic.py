"""``standard.economic``: 经济分类 lines of 基本支出, 人员经费 and 公用经费."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator

from attrs import frozen

from budgetdiff import Budget, Change, Money, hookimpl
from budgetdiff.model import EconomicLine, total
from budgetdiff.plugin import Comparator, CompareContext, Driver, Link

from ._pairing import change, pairs, parts
from .reclassification import CONTRIBUTION_SECTIONS

NAME = "standard.economic"


def line_keys(budget: Budget) -> list[str]:
    """Each economic line's key: its code, or code/name where the budget prints the code twice."""
    counts = Counter(line.code for line in budget.basic_by_economic)
    return [
        str(line.code) if counts[line.code] == 1 else f"{line.code}/{line.name}"
        for line in budget.basic_by_economic
    ]


def _items(budget: Budget) -> dict[str, tuple[EconomicLine, ...]]:
    grouped: dict[str, list[EconomicLine]] = defaultdict(list)
    for key, line in zip(line_keys(budget), budget.basic_by_economic, strict=True):
        grouped[key].append(line)
    return {k: tuple(v) for k, v in grouped.items()}


def _itemized(budget: Budget, klass: str) -> bool:
    """True when the budget lists a 类 only by its 款 (no 3-digit remainder line)."""
    return not any(str(e.code) == klass for e in budget.basic_by_economic)


@frozen
class Economic:
    """
    Economic lines by code (and 类 totals, 人员经费, 公用经费).

    A 款 is compared when both years state it: a year that keeps a 类 only as a
    3-digit remainder line did not state the 款 under it, so no change is invented.
    """

    name: str = NAME

    def compare(self, old: Budget, new: Budget, context: CompareContext) -> Iterator[Change | Link]:
        if not (old.basic_by_economic or new.basic_by_economic):
            return
        items_old, items_new = _items(old), _items(new)
        classes: dict[str, list[str]] = defaultdict(list)
        for key, before, after in pairs(items_old, items_new):
            klass = key[:3]
            if len(key.split("/")[0]) == 3:
                continue  # remainder lines are part of their 类 total only
            stated_old = before is not None or _itemized(old, klass)
            stated_new = after is not None or _itemized(new, klass)
            if not (stated_old and stated_new):
                continue
            lines = after or before or ()
            name = lines[0].name if lines else key
            yield change(NAME, "economic", key, name, _sum(before), _sum(after))
            classes[klass].append(key)
        for klass in sorted({k[:3] for k in items_old.keys() | items_new.keys()}):
            drivers = parts(f"economic:{k}" for k in classes[klass])
            name = context.catalog.economic_name(klass, new.year) or klass
            yield change(NAME, "economic", klass, name, _class_total(old, klass),
                         _class_total(new, klass), drivers=drivers)  # fmt: skip
        yield change(NAME, "economic", "personnel", "人员经费", old.personnel, new.personnel)
        yield change(NAME, "economic", "public_use", "公用经费", old.public_use, new.public_use)
        main = _single_basic_line(old, new)
        for klass in sorted({k[:3] for k in items_old.keys() | items_new.keys()}) if main else ():
            yield Link(target=f"function:{main}", driver=Driver(change=f"economic:{klass}"))


def _single_basic_line(old: Budget, new: Budget) -> str | None:
    """
    The one function code both years budget their basic expenditure under (setting
    aside contributions that have codes of their own), if there is one: then the
    economic lines are that code's basic part, and drive its change.
    """
    codes = set()
    for budget in (old, new):
        basic = {
            ln.code.value
            for ln in budget.expenditure
            if ln.basic.total and ln.code.value[:5] not in CONTRIBUTION_SECTIONS
        }
        codes |= basic
    return next(iter(codes)) if len(codes) == 1 else None


def _sum(lines: tuple[EconomicLine, ...] | None) -> Money | None:
    return None if lines is None else total(line.total for line in lines)


def _class_total(budget: Budget, klass: str) -> Money | None:
    lines = [e for e in budget.basic_by_economic if str(e.code).startswith(klass)]
    return total(e.total for e in lines) if lines else None


@hookimpl
def register_comparators(register: Callable[[Comparator], None]) -> None:
    register(Economic())
