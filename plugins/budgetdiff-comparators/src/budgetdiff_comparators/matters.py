"""
The other matters: “三公”经费, 机关运行经费, 政府采购, 国有资产, 预算绩效, and the
spending of 政府性基金 and 国有资本经营预算.  One comparator each.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from attrs import frozen

from budgetdiff import Budget, Change, Money, hookimpl
from budgetdiff.model import Assets, Value
from budgetdiff.plugin import Comparator, CompareContext

from ._pairing import change, pairs, parts


def _get(obj: Any, attribute: str) -> Value | None:
    if obj is None:
        return None
    value: Value | None = getattr(obj, attribute)
    return value


@frozen
class ThreePublicCosts:
    """Each “三公” item, 公务用车购置及运行费, and the total; 0 where nothing is budgeted."""

    name: str = "standard.three_public"
    items = (
        ("outbound", "因公出国（境）费"),
        ("vehicle_purchase", "公务用车购置费"),
        ("vehicle_operation", "公务用车运行费"),
        ("reception", "公务接待费"),
    )

    def compare(self, old: Budget, new: Budget, context: CompareContext) -> Iterator[Change]:
        a, b = old.three_public, new.three_public
        if a is None and b is None:
            return
        for key, label in self.items:
            yield change(self.name, "three_public", key, label, _get(a, key), _get(b, key))
        yield change(
            self.name,
            "three_public",
            "vehicles",
            "公务用车购置及运行费",
            _get(a, "vehicles"),
            _get(b, "vehicles"),
            drivers=parts(["three_public:vehicle_purchase", "three_public:vehicle_operation"]),
        )
        yield change(
            self.name,
            "three_public",
            "total",
            "“三公”经费",
            _get(a, "total"),
            _get(b, "total"),
            drivers=parts(f"three_public:{k}" for k in ("outbound", "vehicles", "reception")),
        )


@frozen
class MeetingsTraining:
    """会议费 and 培训费, where a document prints them beside the “三公”经费."""

    name: str = "standard.meetings_training"

    def compare(self, old: Budget, new: Budget, context: CompareContext) -> Iterator[Change]:
        for kind, label in (("meetings", "会议费"), ("training", "培训费")):
            before, after = getattr(old, kind), getattr(new, kind)
            if before is not None or after is not None:
                yield change(self.name, kind, "total", label, before, after)


@frozen
class AdminCosts:
    """机关运行经费."""

    name: str = "standard.admin_costs"

    def compare(self, old: Budget, new: Budget, context: CompareContext) -> Iterator[Change]:
        if old.admin_costs is None and new.admin_costs is None:
            return
        yield change(
            self.name,
            "admin_costs",
            "total",
            "机关运行经费",
            old.admin_costs,
            new.admin_costs,
        )


@frozen
class ProcurementTotals:
    """政府采购: total, goods, works, services, and the SME reservations."""

    name: str = "standard.procurement"
    items = (
        ("total", "政府采购预算"),
        ("goods", "政府采购货物预算"),
        ("works", "政府采购工程预算"),
        ("services", "政府采购服务预算"),
        ("sme_reserved", "面向中小企业预留"),
        ("small_micro_reserved", "面向小微企业预留"),
    )

    def compare(self, old: Budget, new: Budget, context: CompareContext) -> Iterator[Change]:
        a, b = old.procurement, new.procurement
        if a is None or b is None:  # a year that states no procurement is not comparable
            return
        for key, label in self.items:
            drivers = parts(f"procurement:{k}" for k in ("goods", "works", "services"))
            yield change(
                self.name,
                "procurement",
                key,
                label,
                _get(a, key),
                _get(b, key),
                drivers=drivers if key == "total" else (),
            )


@frozen
class AssetHoldings:
    """国有资产占用: buildings, vehicles by kind, furniture, other assets, equipment counts."""

    name: str = "standard.assets"
    items = (
        ("building_area_m2", "房屋（平方米）"),
        ("building_value", "房屋价值"),
        ("furniture_value", "办公家具价值"),
        ("other_value", "其他资产价值"),
        ("equipment_over_500k", "单位价值50万元以上大型设备"),
        ("equipment_over_1m", "单位价值100万元以上大型设备"),
        ("planned_vehicles", "预算安排购置车辆"),
        ("planned_equipment_over_500k", "预算安排购置50万元以上大型设备"),
        ("planned_equipment_over_1m", "预算安排购置100万元以上大型设备"),
    )

    def compare(self, old: Budget, new: Budget, context: CompareContext) -> Iterator[Change]:
        a, b = old.assets, new.assets
        if a is None or b is None:
            return
        for key, label in self.items:
            yield change(self.name, "assets", key, label, _get(a, key), _get(b, key))
        yield from self._vehicles(a, b)

    def _vehicles(self, a: Assets, b: Assets) -> Iterator[Change]:
        old = {v.kind: v for v in a.vehicles}
        new = {v.kind: v for v in b.vehicles}
        for kind, before, after in pairs(old, new):
            yield change(
                self.name,
                "assets",
                f"vehicles:{kind}",
                kind,
                before.count if before else None,
                after.count if after else None,
            )
        yield change(
            self.name,
            "assets",
            "vehicles",
            "车辆",
            a.vehicle_count,
            b.vehicle_count,
            drivers=parts(f"assets:vehicles:{k}" for k in sorted(old.keys() | new.keys())),
        )
        yield change(
            self.name, "assets", "vehicle_value", "车辆价值", a.vehicle_value, b.vehicle_value
        )


@frozen
class PerformanceTargets:
    """预算绩效: projects with performance targets, and their amount."""

    name: str = "standard.performance"

    def compare(self, old: Budget, new: Budget, context: CompareContext) -> Iterator[Change]:
        a, b = old.performance, new.performance
        if a is None or b is None:
            return
        yield change(
            self.name,
            "performance",
            "project_count",
            "绩效管理项目数",
            a.project_count,
            b.project_count,
        )
        yield change(self.name, "performance", "amount", "绩效管理项目金额", a.amount, b.amount)


@frozen
class FundSpending:
    """Spending of 政府性基金预算 and 国有资本经营预算 (their 表 may be empty)."""

    name: str = "standard.funds"

    def compare(self, old: Budget, new: Budget, context: CompareContext) -> Iterator[Change]:
        for key, label in (
            ("government_fund", "政府性基金预算支出"),
            ("state_capital", "国有资本经营预算支出"),
        ):
            before: Money = getattr(old.spending_by_source, key)
            after: Money = getattr(new.spending_by_source, key)
            yield change(self.name, "funds", key, label, before, after)


@hookimpl
def register_comparators(register: Callable[[Comparator], None]) -> None:
    for comparator in (
        ThreePublicCosts(),
        AdminCosts(),
        MeetingsTraining(),
        ProcurementTotals(),
        AssetHoldings(),
        PerformanceTargets(),
        FundSpending(),
    ):
        register(comparator)
