"""
The other matters of the narrative against their own parts and against the tables.

- ``matters.procurement_parts``: 政府采购 = 货物 + 工程 + 服务 (rounding-aware: a gap
  rounding explains is a note, a larger one an error);
- ``matters.procurement_reserved`` (error): what is reserved for small and medium
  enterprises cannot exceed the procurement, nor what is reserved for small and
  micro ones what is reserved for small and medium ones;
- ``matters.procurement_capacity`` (error): in a budget, procurement is bought with
  goods, services and capital spending: it cannot exceed basic non-personnel
  spending (公用经费 of the 基本支出 table) plus project spending (less what the
  project table puts under 工资福利支出 and 对个人和家庭的补助).  Checked only where
  all basic spending is general-budget spending (the 基本支出 table totals the
  支出总表's 基本支出), so that its economic split covers all of it;
- ``matters.performance`` (error): in a budget, the projects under performance
  management (“实行绩效管理的项目3个，涉及预算金额115万元”) cannot exceed the project
  table's projects or project spending, and when they are all of them, their
  amount is the project spending.

Figures stated in the narrative are in 万元 to 0.01 (the house convention).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal

from budgetdiff import Finding, Money, Severity, hookimpl
from budgetdiff.disclosure import PrintedCell, PrintedTable
from budgetdiff.model import BudgetKind, TableRole
from budgetdiff.plugin import Check, CheckSubject, Location, SumVerdict, check_sum

from ._entries import compact, entries
from ._figures import Figure, State, combine, figure, state
from ._messages import message, style
from ._rule import Rule
from ._statements import Statement, half, statements

CATALOG = "matters"
PROCUREMENT_PARTS = "matters.procurement_parts"
PROCUREMENT_RESERVED = "matters.procurement_reserved"
PROCUREMENT_CAPACITY = "matters.procurement_capacity"
PERFORMANCE = "matters.performance"

_PART_WORDS = ("货物", "工程", "服务")
_RESERVED_WORDS = ("预留", "中小", "小微", "小型")


def _where(subject: CheckSubject, statement: Statement) -> Location:
    return Location(source=subject.disclosure.source, table="情况说明", line=statement.line)


def procurement(subject: CheckSubject) -> dict[str, Statement]:
    """The procurement statements: total, goods, works, services, sme, small (as found)."""
    found: dict[str, Statement] = {}
    for statement in statements(subject):
        if statement.amount is None or "政府采购" not in statement.sentence:
            continue
        text = compact(statement.text)
        if "小微" in text or "小型和微型" in text:
            key = "small"
        elif "中小企业" in text:
            key = "sme"
        elif any(w in text for w in _RESERVED_WORDS):
            continue
        elif "货物" in text:
            key = "goods"
        elif "工程" in text:
            key = "works"
        elif "服务" in text:
            key = "services"
        elif "政府采购" in text:
            key = "total"
        else:
            continue
        if key == "total" and found:
            continue  # a total stated after its parts is another figure (合同金额 …)
        found.setdefault(key, statement)
    return found


def _amount(statement: Statement) -> Money:
    return statement.amount or Money(0)


def procurement_parts(subject: CheckSubject) -> Iterator[Finding]:
    found = procurement(subject)
    total = found.get("total")
    parts = [found[k] for k in ("goods", "works", "services") if k in found]
    if total is None or len(parts) < 2:
        return
    checked = check_sum(
        [(_amount(p).yuan, half(p)) for p in parts], (_amount(total).yuan, half(total))
    )
    if checked.verdict is SumVerdict.EXACT:
        return
    rounding = checked.verdict is SumVerdict.ROUNDING
    yield message(
        CATALOG,
        PROCUREMENT_PARTS,
        Severity.NOTE if rounding else Severity.ERROR,
        locations=[_where(subject, total), *(_where(subject, p) for p in parts)],
        expected=Money(checked.parts),
        actual=_amount(total),
        inputs=[(p.text, _amount(p)) for p in parts],
        total=_amount(total),
        parts=Money(checked.parts),
        gap=Money(abs(checked.gap)),
        rounding=rounding,
        texts=[p.text for p in parts],
        line=total.line,
    )


def procurement_reserved(subject: CheckSubject) -> Iterator[Finding]:
    found = procurement(subject)
    for part_key, whole_key in (("sme", "total"), ("small", "sme")):
        part, whole = found.get(part_key), found.get(whole_key)
        if part is None or whole is None:
            continue
        excess = _amount(part).yuan - _amount(whole).yuan
        if excess < half(part) + half(whole):
            continue
        yield message(
            CATALOG,
            PROCUREMENT_RESERVED,
            Severity.ERROR,
            locations=[_where(subject, part), _where(subject, whole)],
            expected=_amount(whole),
            actual=_amount(part),
            part_key=part_key,
            part=_amount(part),
            whole=_amount(whole),
            part_text=part.text,
            whole_text=whole.text,
        )


def _total_cell(
    subject: CheckSubject, table: PrintedTable | None, words: Sequence[str]
) -> PrintedCell | None:
    """The total row's cell in the first amount column whose label holds all *words*."""
    if table is None:
        return None
    for entry in entries(table, subject.catalog, subject.disclosure.year):
        if not entry.is_total:
            continue
        for position, column in enumerate(entry.pane.amount_columns):
            if all(w in compact(column.label) for w in words):
                return entry.cell(position)
        return None
    return None


def _value(cell: PrintedCell | None, table: PrintedTable | None) -> Figure | None:
    if cell is None or table is None or state(cell) is not State.VALUE:
        return None
    return figure(cell, table)


def procurement_capacity(subject: CheckSubject) -> Iterator[Finding]:
    disclosure = subject.disclosure
    if disclosure.kind is not BudgetKind.BUDGET:
        return
    total = procurement(subject).get("total")
    if total is None or not _amount(total):
        return
    economic = disclosure.table(TableRole.BASIC_ECONOMIC)
    spending = disclosure.table(TableRole.EXPENDITURE) or disclosure.table(TableRole.GENERAL_PUBLIC)
    projects = disclosure.table(TableRole.PROJECTS)
    public_use = _value(_total_cell(subject, economic, ("公用经费",)), economic)
    basic_all = _value(_total_cell(subject, spending, ("基本支出",)), spending)
    basic_economic = (
        _value(_total_cell(subject, economic, ("合计",)), economic) if economic else None
    )
    project = _value(_total_cell(subject, spending, ("项目支出",)), spending)
    missing = [
        name
        for name, value in (("public_use", public_use), ("basic", basic_all), ("project", project))
        if value is None
    ]
    if missing or basic_economic is None or basic_all is None:
        yield _capacity_not_checked(subject, total, "missing")
        return
    if not basic_all.agrees(basic_economic):
        yield _capacity_not_checked(subject, total, "other_funds")
        return
    assert public_use is not None
    assert project is not None
    personnel = [
        f
        for words in (("工资福利",), ("个人和家庭",))
        if (f := _value(_total_cell(subject, projects, words), projects)) is not None
    ]
    available = combine([public_use, project])
    slack = available.half.yuan + sum((f.half.yuan for f in personnel), Decimal(0)) + half(total)
    capacity = available.amount.yuan - sum((f.amount.yuan for f in personnel), Decimal(0))
    excess = _amount(total).yuan - capacity
    if excess < slack:
        return
    cells = [*available.cells, *(c for f in personnel for c in f.cells)]
    yield message(
        CATALOG,
        PROCUREMENT_CAPACITY,
        Severity.ERROR,
        locations=[_where(subject, total), *(c.location for c in cells)],
        expected=Money(capacity),
        actual=_amount(total),
        inputs=[(str(c.location), c.amount) for c in cells],
        total=_amount(total),
        capacity=Money(capacity),
        public_use=public_use.amount,
        project=project.amount,
        personnel=Money(sum((f.amount.yuan for f in personnel), Decimal(0))),
        excess=Money(excess),
        line=total.line,
        style=style([economic, spending]),
    )


def _capacity_not_checked(subject: CheckSubject, total: Statement, reason: str) -> Finding:
    return message(
        CATALOG,
        f"{PROCUREMENT_CAPACITY}.not_checked",
        Severity.NOTE,
        key="capacity.not_checked",
        locations=[_where(subject, total)],
        actual=_amount(total),
        reason=reason,
        total=_amount(total),
        line=total.line,
    )


def performance_statement(subject: CheckSubject) -> tuple[Statement, Statement] | None:
    """The count of projects under performance management and their amount, if stated."""
    found = statements(subject)
    for index, statement in enumerate(found):
        if statement.count is None or "绩效" not in statement.sentence:
            continue
        if "项目" not in statement.text:
            continue
        following = [
            s
            for s in found[index + 1 : index + 3]
            if s.amount is not None and s.line - statement.line <= 2
        ]
        if following:
            return statement, following[0]
    return None


def performance(subject: CheckSubject) -> Iterator[Finding]:
    disclosure = subject.disclosure
    if disclosure.kind is not BudgetKind.BUDGET:
        return
    stated = performance_statement(subject)
    if stated is None:
        return
    count, amount = stated
    table = disclosure.table(TableRole.PROJECTS)
    spending = disclosure.table(TableRole.EXPENDITURE) or disclosure.table(TableRole.GENERAL_PUBLIC)
    projects_total: Figure | None
    listed: list[str] = []
    if table is not None:
        rows = [e for e in entries(table, subject.catalog, disclosure.year) if not e.is_total]
        listed = [e.label for e in rows if e.label]
        projects_total = _value(_total_cell(subject, table, ("合计",)), table)
    else:
        projects_total = _value(_total_cell(subject, spending, ("项目支出",)), spending)
    if projects_total is None:
        yield message(
            CATALOG,
            f"{PERFORMANCE}.not_checked",
            Severity.NOTE,
            key="performance.not_checked",
            locations=[_where(subject, amount)],
            count=count.count,
            amount=_amount(amount),
        )
        return
    stated_amount = _amount(amount)
    gap = stated_amount.yuan - projects_total.amount.yuan
    slack = projects_total.half.yuan + half(amount)
    source = table or spending
    problems: list[str] = []
    if gap >= slack:
        problems.append("amount")
    if listed and (count.count or 0) > len(listed):
        problems.append("count")
    if listed and count.count == len(listed) and abs(gap) >= slack:
        problems.append("all")
    if not problems:
        return
    yield message(
        CATALOG,
        PERFORMANCE,
        Severity.ERROR,
        locations=[_where(subject, count), *projects_total.locations],
        expected=projects_total.amount,
        actual=stated_amount,
        inputs=[("projects in the project table", len(listed)), ("stated projects", count.count)],
        count=count.count,
        amount=stated_amount,
        projects=len(listed),
        total=projects_total.amount,
        problems=problems,
        where=source.name if source is not None else "",
        style=style([source]),
    )


@hookimpl
def register_checks(register: Callable[[Check], None]) -> None:
    register(Rule(name=PROCUREMENT_PARTS, run=procurement_parts))
    register(Rule(name=PROCUREMENT_RESERVED, run=procurement_reserved))
    register(Rule(name=PROCUREMENT_CAPACITY, run=procurement_capacity))
    register(Rule(name=PERFORMANCE, run=performance))
