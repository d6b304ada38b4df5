"""Projects (项目支出): amounts, funding items and performance targets."""

from __future__ import annotations

from attrs import field, frozen

from .codes import EconomicCode, FunctionCode
from .fields import tuple_of
from .money import ZERO, Money, total


@frozen(kw_only=True)
class EconomicAmount:
    """A project's spending on one 经济分类 类 (302 商品和服务支出, …)."""

    code: EconomicCode
    amount: Money


@frozen(kw_only=True)
class FundingItem:
    """One item of a project's stated 资金分配情况 ("电视电话会议链路费 3.84万元")."""

    text: str
    amount: Money | None = None


@frozen(kw_only=True)
class Indicator:
    """One row of a performance-target table (一级/二级/三级指标 and its value)."""

    level1: str
    level2: str
    level3: str
    value: str


@frozen(kw_only=True)
class PerformanceTargets:
    """A project's 项目支出绩效目标表."""

    total: Money | None = None  # 年度资金总额
    fiscal: Money | None = None  # 其中：财政拨款
    other: Money | None = None  # 其他资金
    goal: str = ""  # 项目总体目标
    indicators: tuple[Indicator, ...] = field(default=(), converter=tuple_of)


@frozen(kw_only=True)
class Project:
    """One project of 项目支出."""

    name: str
    function_code: FunctionCode
    amount: Money
    by_economic: tuple[EconomicAmount, ...] = field(default=(), converter=tuple_of)
    funding_items: tuple[FundingItem, ...] = field(default=(), converter=tuple_of)
    performance: PerformanceTargets | None = None
    policy_basis: str = ""  # 设立的政策依据
    scale: str = ""  # 预算安排规模
    undertaker: str = ""  # 项目承担单位
    period: str = ""  # 资金执行时间

    @property
    def economic_total(self) -> Money:
        return total(part.amount for part in self.by_economic)

    @property
    def funding_total(self) -> Money | None:
        """The sum of the funding items; None when an item has no amount."""
        if not self.funding_items or any(i.amount is None for i in self.funding_items):
            return None
        return total(i.amount or ZERO for i in self.funding_items)
