"""The other matters a disclosure reports: 三公经费, 政府采购, 国有资产, 预算绩效."""

from __future__ import annotations

from attrs import field, frozen

from .fields import tuple_of
from .money import ZERO, Money, total


@frozen(kw_only=True)
class ThreePublic:
    """“三公”经费: 因公出国（境）费, 公务用车购置及运行费, 公务接待费."""

    outbound: Money = ZERO  # 因公出国（境）费
    vehicle_purchase: Money = ZERO  # 公务用车购置费
    vehicle_operation: Money = ZERO  # 公务用车运行费
    reception: Money = ZERO  # 公务接待费

    @property
    def vehicles(self) -> Money:
        """公务用车购置及运行费."""
        return self.vehicle_purchase + self.vehicle_operation

    @property
    def total(self) -> Money:
        return self.outbound + self.vehicles + self.reception


@frozen(kw_only=True)
class Procurement:
    """政府采购预算: goods, works and services, and what is reserved for SMEs."""

    total: Money
    goods: Money = ZERO  # 货物
    works: Money = ZERO  # 工程
    services: Money = ZERO  # 服务
    sme_reserved: Money | None = None  # 面向中小企业预留
    small_micro_reserved: Money | None = None  # 其中：面向小微企业预留

    @property
    def parts_total(self) -> Money:
        return self.goods + self.works + self.services


@frozen(kw_only=True)
class VehicleHolding:
    """Vehicles of one kind held (一般公务用车, 执法执勤用车, 其他车辆, …)."""

    kind: str
    count: int
    value: Money | None = None


@frozen(kw_only=True)
class Assets:
    """国有资产占用使用情况 as of a date, and what the budget plans to buy."""

    as_of: str = ""  # 截至… ("2020年底")
    building_area_m2: int | None = None  # 房屋（平方米）
    building_value: Money | None = None
    vehicles: tuple[VehicleHolding, ...] = field(default=(), converter=tuple_of)
    furniture_value: Money | None = None  # 办公家具
    other_value: Money | None = None  # 其他资产
    equipment_over_500k: int | None = None  # 单位价值50万元以上大型设备（台套）
    equipment_over_1m: int | None = None  # 单位价值100万元以上大型设备（台套）
    planned_vehicles: int | None = None  # 本年预算安排购置车辆
    planned_equipment_over_500k: int | None = None
    planned_equipment_over_1m: int | None = None

    @property
    def vehicle_count(self) -> int:
        return sum(v.count for v in self.vehicles)

    @property
    def vehicle_value(self) -> Money | None:
        if any(v.value is None for v in self.vehicles):
            return None
        return total(v.value or ZERO for v in self.vehicles)


@frozen(kw_only=True)
class PerformanceSummary:
    """预算绩效: how many projects carry performance targets, and their amount."""

    project_count: int
    amount: Money
