"""The variables a draft template sees: the comparison as items, and this year's figures."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from attrs import evolve, field, frozen

from budgetdiff._engine.changes import magnitude
from budgetdiff._engine.compare import Comparison
from budgetdiff._model.budget import Budget
from budgetdiff._model.catalog import default_catalog
from budgetdiff._model.codes import FunctionCode, Level
from budgetdiff._model.fields import tuple_of
from budgetdiff._model.funds import FundSource
from budgetdiff._model.money import ZERO, Money, Quantity, half_up, total
from budgetdiff._model.projects import Project
from budgetdiff._words import NumberStyle

from .basis import Basis, ChangesFrom
from .facts import Figure, Item, item
from .materiality import Materiality
from .rounding import apportion


@frozen(kw_only=True)
class Line:
    """A 功能分类 项 with the names of its 类 and 款, and its change."""

    code: str
    class_name: str
    section_name: str
    name: str
    change: Item
    purpose: str = ""  # what it is 主要用于, from its names (a generic 项 takes its 款's name)


# 项 names that say what a line is used for only with their 款's name before them.
GENERIC = frozenset({"一般行政管理事务", "行政运行", "机关服务", "事业运行", "其他"})


@frozen(kw_only=True)
class ClassView:
    """A 功能分类 类: its change, its share of 一般公共预算 spending, what it is used for."""

    code: str
    change: Item
    share: Item | None
    general_public: Figure
    uses: tuple[str, ...] = field(converter=tuple_of)  # names of its 项 this year


@frozen(kw_only=True)
class Named:
    """A named figure of this year's budget (an economic line, a funding item …)."""

    name: str
    figure: Figure | None
    text: Figure | None = None  # the name as copied from the source (print it with |copied)


@frozen(kw_only=True)
class ProjectView:
    """
    A project this year: its amount, its funding items (their text copied from the
    source), whether they add up to the amount, and its other texts, copied.
    """

    project: Project
    change: Item | None
    amount: Figure
    funding: tuple[Named, ...] = field(converter=tuple_of)
    funding_listed: Figure | None = None  # the funding items' amounts, summed
    funding_adds_up: bool = True  # False: the items say one total, the amount another
    policy_basis: Figure | None = None
    scale: Figure | None = None
    undertaker: Figure | None = None
    period: Figure | None = None


def _figure(value: Any, source: str) -> Figure | None:
    return None if value is None else Figure(value=value, source=source)


def draft_context(
    comparison: Comparison, style: NumberStyle, *, changes_from: ChangesFrom = "exact"
) -> dict[str, Any]:
    """
    Everything the draft templates may use, as plain attributes and functions.  With
    *changes_from* ``printed``, changes are computed from last year's figures as printed
    (see `basis`); ``basis`` remembers which printed figures each was computed from.
    """
    old, new = comparison.old, comparison.new
    items: dict[str, Item] = {}
    materiality = Materiality.of(comparison)
    printed = Printed(style)
    basis = Basis(comparison, style, changes_from, printed.amounts)

    def get(change_id: str) -> Item | None:
        if change_id not in items:
            change = comparison.get(change_id)
            if change is None:
                return None
            made = item(comparison, change, style, materiality)
            items[change_id] = basis.item(evolve(made, new=printed.fix(made.new)))
        return items[change_id]

    def of_kind(kind: str) -> list[Item]:
        found = [c for c in (*comparison.changes, *comparison.unchanged) if c.subject.kind == kind]
        return [x for c in sorted(found, key=lambda c: c.subject.key) if (x := get(c.id))]

    def compared(path: str, name: str = "") -> Item:
        """A figure of both budgets not compared as a change (``income.fiscal``), as an Item."""
        found = _compared(comparison, path, name, style)
        if not basis.printed:
            return found
        return basis.item(evolve(found, new=printed.fix(found.new)))

    _balance(comparison, get, printed)
    for key, view in list(items.items()):
        items[key] = basis.item(evolve(view, new=printed.fix(view.new)))
    fix = printed.fix
    here = f"{new.year}"
    return {
        "compared": compared,
        "unit": new.unit_name,
        "year": new.year,
        "prior_year": old.year,
        "style": style,
        "changes_from": changes_from,
        "basis": basis,
        "item": get,
        "items": of_kind,
        "sources": [s.value for s in FundSource if new.income[s] or old.income[s]],
        "classes": [
            evolve(c, general_public=fix(c.general_public) or c.general_public)
            for c in _classes(new, old, get)
        ],
        "lines": _lines(comparison, get),
        "personnel": [
            Named(
                name=e.name,
                figure=fix(_figure(e.personnel, f"{here}:basic_by_economic[{i}].personnel")),
            )
            for i, e in enumerate(new.basic_by_economic)
            if e.personnel
        ],
        "public_use": [
            Named(
                name=e.name,
                figure=fix(_figure(e.public_use, f"{here}:basic_by_economic[{i}].public_use")),
            )
            for i, e in enumerate(new.basic_by_economic)
            if e.public_use
        ],
        "personnel_total": fix(Figure(value=new.personnel, source=f"{here}:personnel")),
        "public_use_total": fix(Figure(value=new.public_use, source=f"{here}:public_use")),
        "basic_total": fix(
            Figure(value=new.basic.general_public, source=f"{here}:basic.general_public")
        ),
        "projects": _projects(new, of_kind("project")),
        "vehicles": _vehicles(new),
        "budget": new,
        "current": {key: fix(value) for key, value in _current(new).items()},
        "procurement_split": _procurement_split(new),
    }


def _classes(new: Budget, old: Budget, get: Callable[[str], Item | None]) -> list[ClassView]:
    views = []
    for code, funds in new.rollup(Level.CLASS).items():
        change = get(f"function:{code}")
        if change is None:
            continue
        uses = _uses(new, code)
        views.append(
            ClassView(
                code=code.value,
                change=change,
                share=get(f"share:function:{code}"),
                general_public=Figure(value=funds.general_public, source=f"function:{code}#new"),
                uses=uses,
            )
        )
    return views


def _uses(budget: Budget, klass: FunctionCode) -> list[str]:
    """What a 类 is used for: its 项 names, or its 款 names where 项 names repeat."""
    catalog = default_catalog()
    lines = [line for line in budget.expenditure if line.code.is_within(klass)]
    names = [line.name for line in lines]
    if len(set(names)) == len(names):
        return names
    sections = [line.code.parent for line in lines if line.code.parent is not None]
    found = [catalog.function_name(s, budget.year) or s.value for s in sections]
    return list(dict.fromkeys(found))


def _lines(comparison: Comparison, get: Callable[[str], Item | None]) -> list[Line]:
    """Every 项 line this year (in printed order), then last year's lines that ended."""
    new, old = comparison.new, comparison.old
    catalog = default_catalog()
    codes = [line.code for line in new.expenditure]
    codes += [line.code for line in old.expenditure if line.code not in codes]
    lines = []
    for code in codes:
        change = get(f"function:{code}")
        if change is None or len(code.value) != 7:
            continue
        klass, section = FunctionCode(code.value[:3]), FunctionCode(code.value[:5])
        lines.append(
            Line(
                code=code.value,
                class_name=catalog.function_name(klass, new.year) or klass.value,
                section_name=catalog.function_name(section, new.year) or section.value,
                name=change.name,
                change=change,
                purpose=_purpose(catalog.function_name(section, new.year) or "", change.name),
            )
        )
    return lines


def _purpose(section_name: str, name: str) -> str:
    return f"{section_name}{name}" if name in GENERIC and section_name else name


def _projects(new: Budget, project_items: list[Item]) -> list[ProjectView]:
    by_name = {i.name: i for i in project_items}
    y = new.year
    views = []
    for i, project in enumerate(new.projects):
        amounts = [f.amount for f in project.funding_items if f.amount is not None]
        listed = total(amounts) if amounts else None
        complete = bool(amounts) and len(amounts) == len(project.funding_items)

        def text(name: str, i: int = i, project: Project = project) -> Figure | None:
            value = getattr(project, name)
            return _figure(value or None, f"{y}:projects[{i}].{name}")

        views.append(
            ProjectView(
                project=project,
                change=by_name.get(project.name),
                amount=Figure(value=project.amount, source=f"{y}:projects[{i}].amount"),
                funding=[
                    Named(
                        name=f.text,
                        figure=_figure(f.amount, f"{y}:projects[{i}].funding_items[{j}].amount"),
                        text=_figure(f.text or None, f"{y}:projects[{i}].funding_items[{j}].text"),
                    )
                    for j, f in enumerate(project.funding_items)
                ],
                funding_listed=_figure(listed, f"{y}:projects[{i}].funding_items[*].amount"),
                funding_adds_up=not complete or listed == project.amount,
                policy_basis=text("policy_basis"),
                scale=text("scale"),
                undertaker=text("undertaker"),
                period=text("period"),
            )
        )
    return views


def _vehicles(budget: Budget) -> list[tuple[str, Figure, Figure | None]]:
    if budget.assets is None:
        return []
    return [
        (
            v.kind,
            Figure(value=v.count, source=f"{budget.year}:assets.vehicles[{i}].count"),
            _figure(v.value, f"{budget.year}:assets.vehicles[{i}].value"),
        )
        for i, v in enumerate(budget.assets.vehicles)
    ]


def _current(budget: Budget) -> dict[str, Figure | None]:
    """This year's other figures, each traced to its place in the budget."""
    y = budget.year
    out: dict[str, Figure | None] = {}
    if budget.procurement is not None:
        for key in ("total", "goods", "works", "services", "sme_reserved", "small_micro_reserved"):
            out[f"procurement.{key}"] = _figure(
                getattr(budget.procurement, key), f"{y}:procurement.{key}"
            )
    assets = budget.assets
    if assets is not None:
        for key in (
            "building_area_m2",
            "building_value",
            "furniture_value",
            "other_value",
            "equipment_over_500k",
            "equipment_over_1m",
            "planned_vehicles",
            "planned_equipment_over_500k",
            "planned_equipment_over_1m",
        ):
            out[f"assets.{key}"] = _figure(getattr(assets, key), f"{y}:assets.{key}")
        out["assets.vehicle_count"] = Figure(
            value=assets.vehicle_count, source=f"{y}:assets.vehicle_count"
        )
        out["assets.vehicle_value"] = _figure(assets.vehicle_value, f"{y}:assets.vehicle_value")
    if budget.performance is not None:
        out["performance.project_count"] = Figure(
            value=budget.performance.project_count, source=f"{y}:performance.project_count"
        )
        out["performance.amount"] = Figure(
            value=budget.performance.amount, source=f"{y}:performance.amount"
        )
    if budget.three_public is not None:
        for key in ("outbound", "vehicle_purchase", "vehicle_operation", "reception", "total"):
            out[f"three_public.{key}"] = Figure(
                value=getattr(budget.three_public, key), source=f"{y}:three_public.{key}"
            )
    return out


def _compared(comparison: Comparison, path: str, name: str, style: NumberStyle) -> Item:
    old_value = _at(comparison.old, path)
    new_value = _at(comparison.new, path)
    y = comparison.new.year
    growth = None
    if old_value is None or new_value is None:  # one year does not state it: not zero
        direction = "UNSTATED"
        delta = Figure(value=new_value or old_value or ZERO, source=f"diff:{y}:{path}")
    else:
        change = new_value - old_value
        delta = Figure(value=magnitude(change), source=f"diff:{y}:{path}")
        if half_up(change.to(style.unit), style.places) == 0:
            direction = "FLAT"
        elif old_value == ZERO:
            direction = "NEW"
        elif new_value == ZERO:
            direction = "DISCONTINUED"
        else:
            direction = "INCREASE" if change > ZERO else "DECREASE"
        if old_value != ZERO:
            rate = abs(change.yuan / old_value.yuan * 100)
            growth = Figure(value=rate, source=f"rate:{y}:{path}")
    return Item(
        id=f"{y}:{path}",
        kind="figure",
        key=path,
        name=name,
        direction=direction,
        old=_figure(old_value, f"prior:{path}"),
        new=_figure(new_value, f"{y}:{path}"),
        delta=delta,
        growth=growth,
        material=direction != "UNSTATED",  # nothing to explain where a year states nothing
    )


def _at(budget: Budget, path: str) -> Money | None:
    node: object = budget
    for name in path.split("."):
        node = getattr(node, name, None)
        if node is None:
            return None
    return node if isinstance(node, Money) else None


class Printed:
    """
    The draft's largest-remainder adjustments, by exact value: a figure adjusted once
    prints the same wherever it appears, and its parts are apportioned to it (top-down).
    """

    def __init__(self, style: NumberStyle) -> None:
        self.style = style
        self.amounts: dict[Money, Money] = {}
        self.shares: dict[Decimal, Decimal] = {}

    def fix(self, figure: Figure | None) -> Figure | None:
        if figure is None or figure.printed is not None:
            return figure
        value = figure.value
        if isinstance(value, Money) and value in self.amounts:
            return evolve(figure, printed=self.amounts[value])
        if isinstance(value, Decimal) and value in self.shares:
            return evolve(figure, printed=self.shares[value])
        return figure

    def amounts_of(self, parts: list[Money], whole: Money) -> None:
        """Print *parts* so they add to *whole* as printed."""
        unit, places = self.style.unit, self.style.places
        target = self.amounts.get(whole)
        exact = [p.to(unit) for p in parts]
        printed = apportion(
            exact, whole.to(unit), places, None if target is None else target.to(unit)
        )
        if printed is None or not _one_print_each(parts, printed):
            return
        for part, before, value in zip(parts, exact, printed, strict=True):
            if value != half_up(before, places) and part not in self.amounts:
                self.amounts[part] = Money.of(value, unit)

    def shares_of(self, parts: list[Decimal]) -> None:
        """Print percentages *parts* so they add to 100."""
        places = self.style.percent_places
        exact = sum(parts, Decimal(0))
        if abs(exact - 100) > Decimal("1e-12"):  # shares of a partition, to Decimal precision
            return
        printed = apportion(parts, exact, places, Decimal(100))
        if printed is None or not _one_print_each(parts, printed):
            return
        for part, value in zip(parts, printed, strict=True):
            if value != half_up(part, places) and part not in self.shares:
                self.shares[part] = value


def _one_print_each(parts: Sequence[object], printed: Sequence[Decimal]) -> bool:
    """
    Whether equal parts print alike.  Adjustments are kept by exact value (a figure prints
    the same wherever it appears), so three equal thirds cannot print 33.34, 33.33, 33.33:
    such a partition is left as 四舍五入 gives it (99.99%, which a reader takes as rounding).
    """
    seen: dict[object, Decimal] = {}
    return all(
        seen.setdefault(part, value) == value for part, value in zip(parts, printed, strict=True)
    )


def _news(get: Callable[[str], Item | None], ids: list[str]) -> list[Quantity] | None:
    found = [get(i) for i in ids]
    values = [x.new.value for x in found if x is not None and x.new is not None]
    if len(values) != len(ids) or len(values) < 2:
        return None
    return [v for v in values if not isinstance(v, str)]


def _balance(comparison: Comparison, get: Callable[[str], Item | None], printed: Printed) -> None:
    """The draft's parts and wholes, top-down: each level adds to the one above as printed."""
    new = comparison.new

    def money(ids: list[str], whole: Money | None) -> None:
        values = _news(get, ids)
        if values and whole is not None and all(isinstance(v, Money) for v in values):
            printed.amounts_of([v for v in values if isinstance(v, Money)], whole)

    def shares(ids: list[str]) -> None:
        values = _news(get, ids)
        if values and all(isinstance(v, Decimal) for v in values):
            printed.shares_of([v for v in values if isinstance(v, Decimal)])

    spending = new.expenditure_total
    kinds = ["total:basic", "total:project"]
    if new.reserve.total:  # 单位预留机动经费, a third kind beside 基本 and 项目
        kinds.append("total:reserve")
    money(kinds, spending)
    personnel = [e.personnel for e in new.basic_by_economic if e.personnel]
    public = [e.public_use for e in new.basic_by_economic if e.public_use]
    basic = new.basic.general_public
    if new.personnel and new.public_use and new.personnel + new.public_use == basic:
        printed.amounts_of([new.personnel, new.public_use], basic)
    if len(personnel) > 1:
        printed.amounts_of(personnel, new.personnel)
    if len(public) > 1:
        printed.amounts_of(public, new.public_use)
    classes = [f"function:{code}" for code in new.rollup(Level.CLASS)]
    money(classes, spending)
    shares([k.replace("total:", "share:") for k in kinds])
    shares([f"share:{c}" for c in classes])
    shares([f"share:income:{s.value}" for s in FundSource if new.income[s]])
    if new.three_public is not None:
        tp = new.three_public
        printed.amounts_of([tp.outbound, tp.vehicles, tp.reception], tp.total)
        printed.amounts_of([tp.vehicle_purchase, tp.vehicle_operation], tp.vehicles)
    if new.procurement is not None:
        pr = new.procurement
        parts = [pr.goods, pr.works, pr.services]
        if all(isinstance(x, Money) for x in parts) and isinstance(pr.total, Money):
            printed.amounts_of([x for x in parts if isinstance(x, Money)], pr.total)


def _procurement_split(budget: Budget) -> bool:
    """Whether the budget's 政府采购 goods, works and services add up to its total."""
    pr = budget.procurement
    if pr is None:
        return False
    parts = [pr.goods, pr.works, pr.services]
    return (
        all(isinstance(x, Money) for x in parts)
        and total(x for x in parts if isinstance(x, Money)) == pr.total
    )
