"""`validate`: what in a `Budget` does not add up, reported, never fixed."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from budgetdiff._model.budget import Budget
from budgetdiff._model.catalog import Catalog, CatalogEntry, default_catalog, names_agree
from budgetdiff._model.findings import Finding, Location, Severity
from budgetdiff._model.funds import EconomicLine, ExpenditureLine, FundSource
from budgetdiff._model.money import total
from budgetdiff._words import builtin_messages

_SOURCE_NAMES = {
    FundSource.GENERAL_PUBLIC: ("一般公共预算", "the general public budget"),
    FundSource.GOVERNMENT_FUND: ("政府性基金预算", "government funds"),
    FundSource.STATE_CAPITAL: ("国有资本经营预算", "state capital operations"),
}


def validate(budget: Budget, *, catalog: Catalog | None = None) -> tuple[Finding, ...]:
    """
    Everything in *budget* that does not add up or cannot be verified.

    Nothing is fixed: a budget whose parts do not sum is representable, and this
    reports it.  Findings carry model paths (``expenditure[3]``) as locations.

    .. versionadded:: 0.1.0
    """
    catalog = catalog or default_catalog()
    checks = (_balance, _unsplit, _economic, _projects, _matters, _staffing, _codes)
    return tuple(f for check in checks for f in check(budget, catalog))


def _balance(budget: Budget, catalog: Catalog) -> Iterator[Finding]:
    m = builtin_messages("budget.toml")
    spending = budget.expenditure_total
    income = budget.income.total
    if income and income != spending:
        yield m.finding(
            "budget.balance",
            Severity.ERROR,
            locations=[Location(path="income"), Location(path="expenditure")],
            expected=spending,
            actual=income,
            income=income,
            spending=spending,
        )
    by_source = budget.spending_by_source
    for source, (zh, en) in _SOURCE_NAMES.items():
        if budget.income[source] != by_source[source] and (income or by_source[source]):
            yield m.finding(
                "budget.source_balance",
                Severity.ERROR,
                locations=[Location(path=f"income.{source.value}")],
                expected=by_source[source],
                actual=budget.income[source],
                source=zh,
                source_en=en,
                income=budget.income[source],
                spending=by_source[source],
            )


def _unsplit(budget: Budget, catalog: Catalog) -> Iterator[Finding]:
    """The stated split of the lines printed as one amount is the split of those amounts."""
    split = budget.unsplit_by_kind
    if split is None:
        return
    stated, lines = split.funds, budget.unsplit
    sources = [s for s in FundSource if stated[s] != lines[s]]
    if not sources:
        return
    yield builtin_messages("budget.toml").finding(
        "budget.unsplit_kinds",
        Severity.ERROR,
        locations=[Location(path="unsplit_by_kind"), Location(path="expenditure")],
        expected=lines.total,
        actual=stated.total,
        lines=lines.total,
        kinds=stated.total,
        sources=[s.value for s in sources],
    )


def _economic(budget: Budget, catalog: Catalog) -> Iterator[Finding]:
    if not budget.basic_by_economic:
        return
    economic = total(line.total for line in budget.basic_by_economic)
    basic = budget.basic.general_public
    if economic != basic:
        yield builtin_messages("budget.toml").finding(
            "budget.basic_economic",
            Severity.ERROR,
            locations=[Location(path="basic_by_economic")],
            expected=basic,
            actual=economic,
            basic=basic,
            economic=economic,
        )


def _projects(budget: Budget, catalog: Catalog) -> Iterator[Finding]:
    m = builtin_messages("budget.toml")
    if budget.projects:
        lines = budget.project.general_public
        projects = total(p.amount for p in budget.projects)
        if lines != projects:
            yield m.finding(
                "budget.project_total",
                Severity.ERROR,
                locations=[Location(path="projects")],
                expected=lines,
                actual=projects,
                lines=lines,
                projects=projects,
            )
    project_codes = {line.code for line in budget.expenditure if line.project.total}
    for i, p in enumerate(budget.projects):
        where = Location(path=f"projects[{i}]", row=p.name)
        if p.by_economic and p.economic_total != p.amount:
            yield m.finding(
                "budget.project_economic",
                Severity.ERROR,
                locations=[where],
                expected=p.amount,
                actual=p.economic_total,
                name=p.name,
                amount=p.amount,
                economic=p.economic_total,
            )
        funding = p.funding_total
        if funding is not None and funding != p.amount:
            yield m.finding(
                "budget.project_funding",
                Severity.WARNING,
                locations=[where],
                expected=p.amount,
                actual=funding,
                name=p.name,
                amount=p.amount,
                funding=funding,
            )
        stated = p.performance.total if p.performance else None
        if stated is not None and stated != p.amount:
            yield m.finding(
                "budget.project_targets",
                Severity.WARNING,
                locations=[where],
                expected=p.amount,
                actual=stated,
                name=p.name,
                amount=p.amount,
                targets=stated,
            )
        if budget.expenditure and p.function_code not in project_codes:
            yield m.finding(
                "budget.project_line",
                Severity.ERROR,
                locations=[where],
                actual=str(p.function_code),
                name=p.name,
                code=str(p.function_code),
            )


def _matters(budget: Budget, catalog: Catalog) -> Iterator[Finding]:
    m = builtin_messages("budget.toml")
    perf = budget.performance
    if perf is not None and budget.projects:
        amount = total(p.amount for p in budget.projects)
        if perf.amount > amount or perf.project_count > len(budget.projects):
            yield m.finding(
                "budget.performance",
                Severity.WARNING,
                locations=[Location(path="performance")],
                expected=amount,
                actual=perf.amount,
                count=perf.project_count,
                amount=perf.amount,
                projects=len(budget.projects),
                total=amount,
            )
    buy = budget.procurement
    if buy is None:
        return
    if buy.parts_total != buy.total:
        yield m.finding(
            "budget.procurement_parts",
            Severity.ERROR,
            locations=[Location(path="procurement")],
            expected=buy.total,
            actual=buy.parts_total,
            total=buy.total,
            parts=buy.parts_total,
        )
    pairs = (
        (
            buy.sme_reserved,
            "面向中小企业预留",
            "the SME reservation",
            buy.total,
            "政府采购预算",
            "the procurement total",
        ),
        (
            buy.small_micro_reserved,
            "面向小微企业预留",
            "the small/micro reservation",
            buy.sme_reserved,
            "面向中小企业预留",
            "the SME reservation",
        ),
    )
    for part, part_name, part_en, whole, whole_name, whole_en in pairs:
        if part is not None and whole is not None and part > whole:
            yield m.finding(
                "budget.procurement_reserved",
                Severity.ERROR,
                locations=[Location(path="procurement")],
                expected=whole,
                actual=part,
                part=part,
                whole=whole,
                part_name=part_name,
                whole_name=whole_name,
                part_name_en=part_en,
                whole_name_en=whole_en,
            )


def _staffing(budget: Budget, catalog: Catalog) -> Iterator[Finding]:
    staffing = budget.profile.staffing
    parts = staffing.parts_total
    if staffing.actual is not None and parts is not None and parts != staffing.actual.count:
        yield builtin_messages("budget.toml").finding(
            "budget.staffing",
            Severity.ERROR,
            locations=[Location(path="profile.staffing")],
            expected=parts,
            actual=staffing.actual.count,
            headcount=staffing.actual.count,
            parts=parts,
        )


def _codes(budget: Budget, catalog: Catalog) -> Iterator[Finding]:
    m = builtin_messages("budget.toml")
    counts = Counter(line.code for line in budget.expenditure)
    for code, count in sorted(counts.items()):
        if count > 1:
            yield m.finding(
                "budget.duplicate_code",
                Severity.ERROR,
                locations=[Location(path="expenditure", row=str(code))],
                code=str(code),
                count=count,
            )
    codes = sorted(counts)
    for outer in codes:
        for inner in codes:
            if inner != outer and inner.is_within(outer):
                yield m.finding(
                    "budget.overlapping_codes",
                    Severity.ERROR,
                    locations=[Location(path="expenditure", row=str(outer))],
                    outer=str(outer),
                    inner=str(inner),
                )
    for i, line in enumerate(budget.expenditure):
        entry = catalog.function(line.code, budget.year)
        yield from _name_check(("功能分类", "Function"), f"expenditure[{i}]", line, entry)
    for i, econ in enumerate(budget.basic_by_economic):
        entry = catalog.economic(econ.code, budget.year)
        yield from _name_check(("经济分类", "Economic"), f"basic_by_economic[{i}]", econ, entry)


def _name_check(
    kind: tuple[str, str],
    path: str,
    line: ExpenditureLine | EconomicLine,
    entry: CatalogEntry | None,
) -> Iterator[Finding]:
    code = str(line.code)
    common: dict[str, Any] = {"kind": kind[0], "kind_en": kind[1], "code": code, "name": line.name}
    where = [Location(path=path, row=code)]
    if entry is None:
        yield builtin_messages("budget.toml").finding(
            "budget.unknown_code", Severity.NOTE, locations=where, **common
        )
    elif not names_agree(line.name, entry.name):
        yield builtin_messages("budget.toml").finding(
            "budget.code_name",
            Severity.WARNING if entry.verified else Severity.NOTE,
            locations=where,
            expected=entry.name,
            actual=line.name,
            catalog_name=entry.name,
            verified=entry.verified,
            **common,
        )
