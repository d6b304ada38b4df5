"""`normalize`: a `Disclosure` (what was published) into the canonical `Budget`.

The budget is built from the most detailed tables; every conflict between two
printed copies of a figure is resolved in favour of the value the printed totals
support and recorded, with every copy and where it was printed
(`Normalized.resolutions`; their English messages are also the budget's notes).
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from attrs import evolve

from budgetdiff._model.budget import Budget, BudgetKind, Scope
from budgetdiff._model.catalog import Catalog, default_catalog
from budgetdiff._model.findings import Location
from budgetdiff._model.funds import ExpenditureLine, Funds, FundSource, sum_funds
from budgetdiff._model.matters import ThreePublic
from budgetdiff._model.money import Money, Presentation, Unit
from budgetdiff._model.profile import Headcount, Profile, Staffing, StaffKind
from budgetdiff._model.tables import TableRole
from budgetdiff._read.columns import FISCAL, class_code_finder, sides, source_of
from budgetdiff._read.disclosure import (
    CellKind,
    ColumnKind,
    Disclosure,
    PrintedTable,
    ProblemKind,
)
from budgetdiff._read.table_titles import compact
from budgetdiff._words import builtin_messages
from budgetdiff.exceptions import ReadError

from .context import Context
from .economic import EconomicBuilder
from .kinds import unsplit_kinds
from .lines import LineBuilder
from .matters_text import NarrativeMatters
from .normalized import Copy, Normalized, Resolution, ResolutionKind
from .projects import ProjectBuilder

_STAFF_NAMES = {
    StaffKind.AUTHORIZED: ("编制数", "authorized staff"),
    StaffKind.ACTUAL: ("实有人数", "actual staff"),
    StaffKind.IN_SERVICE: ("在职人员", "in-service staff"),
    StaffKind.RETIRED: ("退休人员", "retired staff"),
    StaffKind.CONTRACT: ("员额控制人员", "contract staff (员额控制人员)"),
}
_MAIN_ROLES = (
    TableRole.INCOME,
    TableRole.EXPENDITURE,
    TableRole.GENERAL_PUBLIC,
    TableRole.BASIC_ECONOMIC,
    TableRole.SUMMARY,
)


def normalize(disclosure: Disclosure, *, catalog: Catalog | None = None) -> Normalized:
    """
    The canonical `Budget` of *disclosure*, and what had to be resolved to build it.

    Raises:
        ReadError: no budget table was read from the disclosure (a narrative only, or
            a text whose tables the reader did not recognise: never a budget of zeros),
            or it states no year.

    .. versionadded:: 0.1.0
    """
    if not any(t.role in _MAIN_ROLES for t in disclosure.tables):
        found = "no table at all" if not disclosure.tables else "no table of its budget"
        msg = (
            f"{found} was found in it: it reads as narrative only, which is checked but "
            "cannot be compared or drafted from; give the tables too (the published PDF, "
            "the workbook, or the text with its tables)"
        )
        raise ReadError(disclosure.source, msg)
    if disclosure.year is None:
        raise ReadError(disclosure.source, "the document states no budget year")
    context = Context(disclosure, catalog or default_catalog(), _presentation(disclosure))
    lines = LineBuilder(context).build(class_code_finder(context.catalog))
    income = _income(context, lines)
    by_kind = unsplit_kinds(context, lines)
    economic = EconomicBuilder(context).build()
    projects = ProjectBuilder(context, lines).build()
    matters = NarrativeMatters(disclosure)
    three_public, admin_costs, beside = _three_public(context, matters)
    profile = _profile(context, matters)
    resolutions = [_located(r, disclosure) for r in context.resolutions]
    budget = Budget(
        year=disclosure.year,
        profile=profile,
        kind=disclosure.kind,
        scope=disclosure.scope or Scope.UNIT,
        presentation=context.presentation,
        income=income,
        expenditure=lines,
        basic_by_economic=economic,
        projects=projects,
        unsplit_by_kind=by_kind,
        three_public=three_public,
        admin_costs=admin_costs,
        meetings=beside.get("meetings"),
        training=beside.get("training"),
        procurement=matters.procurement(),
        assets=matters.assets(),
        performance=matters.performance(),
        notes=[*_not_found(disclosure), *(r.message_en for r in resolutions)],
    )
    return Normalized(budget=budget, resolutions=resolutions, problems=disclosure.problems)


def _located(resolution: Resolution, disclosure: Disclosure) -> Resolution:
    """
    *resolution* with its messages naming places as a reader of the file finds them (file,
    page or cell); its copies keep the disclosure's own locations, which checks match.
    """
    places = [copy.location for copy in resolution.copies]
    return evolve(
        resolution,
        message=disclosure.placed(resolution.message, places),
        message_en=disclosure.placed(resolution.message_en, places),
    )


def _not_found(disclosure: Disclosure) -> list[str]:
    """Notes of the standard tables the document does not print: not stated, not zero."""
    messages = builtin_messages("normalize.toml")
    return [
        messages.render("normalize.not_found", "en", {"found": p.message_en})
        for p in disclosure.problems
        if p.kind is ProblemKind.MISSING_TABLE
    ]


def _presentation(disclosure: Disclosure) -> Presentation:
    tables = [t for t in disclosure.tables if t.role in _MAIN_ROLES and t.unit is not None]
    units = Counter(t.unit for t in tables if t.unit is not None)
    if not units:
        return Presentation()
    unit: Unit = units.most_common(1)[0][0]
    places = 0
    for table in tables:
        if table.unit is not unit:
            continue
        for row in table.rows:
            for cell in row.cells:
                if (
                    cell.kind is CellKind.NUMBER
                    and cell.value is not None
                    and cell.amount is not None
                ):
                    exponent = cell.value.as_tuple().exponent
                    if isinstance(exponent, int) and exponent < 0:
                        places = max(places, -exponent)
    return Presentation(unit=unit, places=places)


# -- income ---------------------------------------------------------------------------------------


def _income(context: Context, lines: tuple[ExpenditureLine, ...]) -> Funds:
    disclosure = context.disclosure
    copies: dict[FundSource, list[Copy]] = {}
    for role in (TableRole.SUMMARY, TableRole.FISCAL):
        for table in disclosure.tables_with(role):
            for source, copy in _income_rows(context, table):
                if role is TableRole.FISCAL and source not in FISCAL:
                    continue
                copies.setdefault(source, []).append(copy)
    spending = sum_funds(line.funds for line in lines)
    if not copies:
        return spending if disclosure.kind is BudgetKind.BUDGET else Funds()
    chosen: dict[FundSource, Money] = {}
    for source, printed in copies.items():
        by_table: dict[str, Money] = {}
        for copy in printed:
            value = copy.value if isinstance(copy.value, Money) else Money(0)
            by_table[copy.location.table] = by_table.get(copy.location.table, Money(0)) + value
        values = list(dict.fromkeys(by_table.values()))
        value = values[0]
        if len(values) > 1:
            if disclosure.kind is BudgetKind.BUDGET and spending[source] in values:
                value = spending[source]
            zh, en = _SOURCE_WORDS.get(source, (source.value, source.value))
            context.resolve(
                ResolutionKind.CONFLICT,
                "normalize.income_conflict",
                zh,
                chosen=value,
                copies=printed,
                path=f"income.{source.value}",
                source=zh,
                source_en=en,
            )
        if value:
            chosen[source] = value
    return Funds.of(chosen)


_SOURCE_WORDS = {
    FundSource.GENERAL_PUBLIC: ("一般公共预算", "the general public budget"),
    FundSource.GOVERNMENT_FUND: ("政府性基金预算", "government funds"),
    FundSource.STATE_CAPITAL: ("国有资本经营预算", "state capital operations"),
    FundSource.SPECIAL_ACCOUNT: ("财政专户管理资金", "the special account"),
    FundSource.BUSINESS: ("事业收入", "business"),
    FundSource.OPERATING: ("事业单位经营收入", "operations"),
    FundSource.SUPERIOR_GRANTS: ("上级补助收入", "grants from above"),
    FundSource.SUBSIDIARY: ("附属单位上缴收入", "subsidiaries"),
    FundSource.OTHER: ("其他收入", "other sources"),
    FundSource.CARRYOVER: ("上年结转结余", "carried-over balances"),
}


def _income_rows(context: Context, table: PrintedTable) -> list[tuple[FundSource, Copy]]:
    """(source, printed amount) of the income side of a summary or fiscal table."""
    found: list[tuple[FundSource, Copy]] = []
    all_sides = list(sides(table))
    if not all_sides:
        return found
    label_at, _, amounts = all_sides[0]
    if label_at is None or not amounts:
        return found
    for row in table.rows:
        label_cell = row.cell(label_at)
        cell = row.cell(amounts[0])
        if label_cell is None or cell is None:
            continue
        source = source_of(label_cell.text)
        if source == "total" and table.role is TableRole.FISCAL:
            break  # the fiscal table's carried-over rows come after its total
        if not isinstance(source, FundSource):
            continue
        amount = context.amount(cell)
        found.append((source, Copy(value=amount if amount else None, location=cell.location)))
    return found


# -- “三公”经费 and 机关运行经费 ------------------------------------------------------------------


def _three_public(
    context: Context, matters: NarrativeMatters
) -> tuple[ThreePublic | None, Money | None, dict[str, Money]]:
    """
    “三公”经费, 机关运行经费, and 会议费 / 培训费 where the “三公” table prints them
    beside (``meetings``, ``training``).
    """
    disclosure = context.disclosure
    table = disclosure.table(TableRole.THREE_PUBLIC)
    from_table: ThreePublic | None = None
    admin: Money | None = None
    beside: dict[str, Money] = {}
    if table is not None and table.rows:
        from_table, admin, beside = _three_public_table(context, table)
    elif table is not None and table.says_empty:
        from_table = ThreePublic()  # printed, empty, and a note says so
    stated = matters.three_public()
    if from_table is not None and stated is not None and stated[0] != from_table:
        context.resolve(
            ResolutionKind.CONFLICT,
            "normalize.matter_conflict",
            "三公",
            chosen=from_table.total,
            copies=[
                Copy(
                    value=from_table.total,
                    location=Location(source=disclosure.source, table=table.name if table else ""),
                ),
                Copy(value=stated[0].total, location=stated[1]),
            ],
            what="three_public",
        )
    if admin is None:
        admin = _admin_table(context)
    if admin is None:
        stated_admin = matters.admin_costs()
        admin = stated_admin.amount if stated_admin else None
    else:
        stated_admin = matters.admin_costs()
        if stated_admin is not None and stated_admin.amount != admin and table is not None:
            context.resolve(
                ResolutionKind.CONFLICT,
                "normalize.matter_conflict",
                "机关运行经费",
                chosen=admin,
                copies=[
                    Copy(
                        value=admin, location=Location(source=disclosure.source, table=table.name)
                    ),
                    Copy(value=stated_admin.amount, location=stated_admin.location),
                ],
                what="admin_costs",
            )
    chosen = from_table if from_table is not None else (stated[0] if stated else None)
    return chosen, admin, beside


def _admin_table(context: Context) -> Money | None:
    """The 合计 of a table of 机关运行经费 alone (kept beside the nine, without a role)."""
    for table in context.disclosure.tables:
        if table.role is not None or "机关运行经费" not in compact(table.title):
            continue
        amounts = [c for c in table.columns if c.kind is ColumnKind.AMOUNT]
        total_row = next((r for r in table.rows if "合计" in compact(r.label)), None)
        if len(amounts) == 1 and total_row is not None:
            return context.amount(total_row.cell(amounts[0].index))
    return None


def _three_public_table(
    context: Context, table: PrintedTable
) -> tuple[ThreePublic, Money | None, dict[str, Money]]:
    final = context.disclosure.kind is BudgetKind.FINAL
    wanted = "决算数" if final else "预算数"
    fields: dict[str, Money] = {}
    beside: dict[str, Money] = {}
    admin: Money | None = None
    row = next((r for r in table.rows if any(c.amount is not None for c in r.cells)), table.rows[0])
    for column in table.columns:
        path = [compact(p) for p in column.path]
        if any(p in ("预算数", "决算数") for p in path) and wanted not in path:
            continue
        specific = [p for p in path if p not in ("预算数", "决算数")]
        name = specific[-1] if specific else ""
        joined = "".join(path)
        amount = context.amount(row.cell(column.index))
        if amount is None:
            continue
        if "机关运行经费" in joined:
            admin = amount
        elif "会议费" in name:
            beside["meetings"] = amount
        elif "培训费" in name:
            beside["training"] = amount
        elif "因公出国" in name:
            fields["outbound"] = amount
        elif "接待" in name:
            fields["reception"] = amount
        elif "及" in name or "合计" in name or "小计" in name:
            continue
        elif "购置" in name:
            fields["vehicle_purchase"] = amount
        elif "运行" in name:
            fields["vehicle_operation"] = amount
    return ThreePublic(**fields), admin, beside


# -- profile --------------------------------------------------------------------------------------


def _profile(context: Context, matters: NarrativeMatters) -> Profile:
    stated = context.disclosure.profile
    changes = {
        kind: (change, text, line) for kind, change, text, line in matters.staffing_changes()
    }
    counts: dict[str, Headcount] = {}
    for statement in stated.staffing:
        change = statement.stated_change
        told = changes.get(statement.kind)
        if change is not None and told is not None and told[0] != change:
            zh, en = _STAFF_NAMES[statement.kind]
            context.resolve(
                ResolutionKind.DROPPED,
                "normalize.staffing_change",
                zh,
                chosen=None,
                copies=[
                    Copy(
                        value=Decimal(change),
                        location=Location(
                            source=context.disclosure.source, table="单位概况", line=statement.line
                        ),
                        text=statement.change_text,
                    ),
                    Copy(
                        value=Decimal(told[0]),
                        location=Location(source=context.disclosure.source, line=told[2]),
                        text=told[1],
                    ),
                ],
                path=f"profile.staffing.{statement.kind.value}.stated_change",
                staff=zh,
                staff_en=en,
                stated=statement.change_text,
                stated_line=statement.line,
                narrative=told[1],
                narrative_line=told[2],
            )
            change = None
        counts[statement.kind.value] = Headcount(count=statement.count, stated_change=change)
    return Profile(
        name=stated.name or context.disclosure.unit_name,
        functions=stated.functions,
        offices=stated.offices,
        subordinate_units=stated.subordinate_units,
        staffing=Staffing(**counts),
    )
