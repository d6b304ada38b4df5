"""The variables a draft template sees: the comparison as items, and this year's figures."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from attrs import field, frozen

from budgetdiff._engine.compare import Comparison
from budgetdiff._model.budget import Budget
from budgetdiff._model.catalog import default_catalog
from budgetdiff._model.codes import FunctionCode, Level
from budgetdiff._model.fields import tuple_of
from budgetdiff._model.funds import FundSource
from budgetdiff._model.projects import Project
from budgetdiff._words import NumberStyle

from .facts import Figure, Item, item


@frozen(kw_only=True)
class Line:
    """A 功能分类 项 with the names of its 类 and 款, and its change."""

    code: str
    class_name: str
    section_name: str
    name: str
    change: Item


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


@frozen(kw_only=True)
class ProjectView:
    project: Project
    change: Item | None
    amount: Figure
    funding: tuple[Named, ...] = field(converter=tuple_of)


def _figure(value: Any, source: str) -> Figure | None:
    return None if value is None else Figure(value=value, source=source)


def draft_context(comparison: Comparison, style: NumberStyle) -> dict[str, Any]:
    """Everything the draft templates may use, as plain attributes and functions."""
    old, new = comparison.old, comparison.new
    items: dict[str, Item] = {}

    def get(change_id: str) -> Item | None:
        if change_id not in items:
            change = comparison.get(change_id)
            if change is None:
                return None
            items[change_id] = item(comparison, change, style)
        return items[change_id]

    def of_kind(kind: str) -> list[Item]:
        found = [c for c in (*comparison.changes, *comparison.unchanged) if c.subject.kind == kind]
        return [x for c in sorted(found, key=lambda c: c.subject.key) if (x := get(c.id))]

    here = f"{new.year}"
    return {
        "unit": new.unit_name,
        "year": new.year,
        "prior_year": old.year,
        "style": style,
        "item": get,
        "items": of_kind,
        "sources": [s.value for s in FundSource if new.income[s] or old.income[s]],
        "classes": _classes(new, old, get),
        "lines": _lines(comparison, get),
        "personnel": [
            Named(
                name=e.name, figure=_figure(e.personnel, f"{here}:basic_by_economic[{i}].personnel")
            )
            for i, e in enumerate(new.basic_by_economic)
            if e.personnel
        ],
        "public_use": [
            Named(
                name=e.name,
                figure=_figure(e.public_use, f"{here}:basic_by_economic[{i}].public_use"),
            )
            for i, e in enumerate(new.basic_by_economic)
            if e.public_use
        ],
        "personnel_total": Figure(value=new.personnel, source=f"{here}:personnel"),
        "public_use_total": Figure(value=new.public_use, source=f"{here}:public_use"),
        "basic_total": Figure(
            value=new.basic.general_public, source=f"{here}:basic.general_public"
        ),
        "projects": _projects(new, of_kind("project")),
        "vehicles": _vehicles(new),
        "budget": new,
        "current": _current(new),
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
            )
        )
    return lines


def _projects(new: Budget, project_items: list[Item]) -> list[ProjectView]:
    by_name = {i.name: i for i in project_items}
    y = new.year
    return [
        ProjectView(
            project=project,
            change=by_name.get(project.name),
            amount=Figure(value=project.amount, source=f"{y}:projects[{i}].amount"),
            funding=[
                Named(
                    name=f.text,
                    figure=_figure(f.amount, f"{y}:projects[{i}].funding_items[{j}].amount"),
                )
                for j, f in enumerate(project.funding_items)
            ],
        )
        for i, project in enumerate(new.projects)
    ]


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
