"""``standard.totals``: totals of income and spending, by source and by kind, and their shares."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from attrs import frozen

from budgetdiff import Budget, Change, Money, hookimpl
from budgetdiff.model import Funds, FundSource, Level, percent
from budgetdiff.plugin import CompareContext, Driver, Fact

from ._pairing import change, parts
from .projects import project_keys

NAME = "standard.totals"

SOURCE_NAMES = {
    FundSource.GENERAL_PUBLIC: "一般公共预算",
    FundSource.GOVERNMENT_FUND: "政府性基金预算",
    FundSource.STATE_CAPITAL: "国有资本经营预算",
    FundSource.SPECIAL_ACCOUNT: "财政专户管理资金",
    FundSource.BUSINESS: "事业收入",
    FundSource.OPERATING: "事业单位经营收入",
    FundSource.SUPERIOR_GRANTS: "上级补助收入",
    FundSource.SUBSIDIARY: "附属单位上缴收入",
    FundSource.OTHER: "其他收入",
    FundSource.CARRYOVER: "上年结转",
}


@frozen
class Totals:
    """Income and expenditure totals, by fund source, basic vs project, and shares."""

    name: str = NAME

    def compare(self, old: Budget, new: Budget, context: CompareContext) -> Iterator[Change]:
        sources = [s for s in FundSource if old.income[s] or new.income[s]]
        yield change(
            NAME,
            "total",
            "income",
            "收入预算",
            old.income.total,
            new.income.total,
            drivers=parts(f"income:{s.value}" for s in sources),
        )
        single_source = len(sources) == 1
        has_reserve = bool(old.reserve.total or new.reserve.total)
        kinds = ["total:basic", "total:project"] + (["total:reserve"] if has_reserve else [])
        for source in sources:
            drivers = parts(kinds) if single_source else ()
            yield change(
                NAME,
                "income",
                source.value,
                SOURCE_NAMES[source],
                old.income[source],
                new.income[source],
                drivers=drivers,
            )
        yield change(
            NAME,
            "total",
            "expenditure",
            "支出预算",
            old.expenditure_total,
            new.expenditure_total,
            drivers=parts(kinds),
        )
        yield change(
            NAME,
            "total",
            "basic",
            "基本支出",
            old.basic.total,
            new.basic.total,
            drivers=_basic_drivers(old, new),
        )
        has_projects = bool(old.projects or new.projects)
        yield change(
            NAME,
            "total",
            "project",
            "项目支出",
            old.project.total,
            new.project.total,
            drivers=parts(f"project:{k}" for k in project_keys(old, new)) if has_projects else (),
        )
        if has_reserve:  # 单位预留机动经费: a third kind, in neither 基本 nor 项目
            yield change(
                NAME, "total", "reserve", "单位预留机动经费", old.reserve.total, new.reserve.total
            )
        yield from _shares(old, new, sources, context)


Split = tuple[Money, Money]  # a part and its whole


def _share(key: str, name: str, old: Split, new: Split) -> Change:
    """The share of a part in its whole (``key`` names both: ``basic`` of spending, …)."""
    return change(
        NAME, "share", key, name, percent(*old), percent(*new),
        facts=(Fact(label="part", value=new[0]), Fact(label="whole", value=new[1])),
    )  # fmt: skip


def _shares(
    old: Budget, new: Budget, sources: list[FundSource], context: CompareContext
) -> Iterator[Change]:
    totals = {b.year: b.expenditure_total for b in (old, new)}
    yield _share("basic", "基本支出", (old.basic.total, totals[old.year]),
                 (new.basic.total, totals[new.year]))  # fmt: skip
    yield _share("project", "项目支出", (old.project.total, totals[old.year]),
                 (new.project.total, totals[new.year]))  # fmt: skip
    if old.reserve.total or new.reserve.total:
        yield _share("reserve", "单位预留机动经费", (old.reserve.total, totals[old.year]),
                     (new.reserve.total, totals[new.year]))  # fmt: skip
    for s in sources:
        yield _share(f"income:{s.value}", SOURCE_NAMES[s], (old.income[s], old.income.total),
                     (new.income[s], new.income.total))  # fmt: skip
    by_class = [b.rollup(Level.CLASS) for b in (old, new)]
    general = [b.spending_by_source.general_public for b in (old, new)]
    for code in sorted(by_class[0].keys() | by_class[1].keys()):
        name = context.catalog.function_name(code, new.year) or str(code)
        parts = [rollup.get(code, Funds()).general_public for rollup in by_class]
        yield _share(f"function:{code}", name, (parts[0], general[0]), (parts[1], general[1]))


def _basic_drivers(old: Budget, new: Budget) -> tuple[Driver, ...]:
    """基本支出 is driven by its economic classes (301, 302, …) when both years list them."""
    if not (old.basic_by_economic and new.basic_by_economic):
        return ()
    classes = sorted({e.code.class_code.value for b in (old, new) for e in b.basic_by_economic})
    return parts(f"economic:{c}" for c in classes)


@hookimpl
def register_comparators(register: Callable[[Totals], None]) -> None:
    register(Totals())
