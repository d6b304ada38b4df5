"""Money by fund source (资金来源), and the lines of a budget that carry it."""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

from attrs import field, frozen

from .codes import EconomicCode, FunctionCode
from .money import ZERO, Money


class FundSource(enum.Enum):
    """Where money comes from; the value is the field name in `Funds` and in files."""

    GENERAL_PUBLIC = "general_public"  # 一般公共预算
    GOVERNMENT_FUND = "government_fund"  # 政府性基金预算
    STATE_CAPITAL = "state_capital"  # 国有资本经营预算
    SPECIAL_ACCOUNT = "special_account"  # 财政专户管理资金（教育收费）
    BUSINESS = "business"  # 事业收入
    OPERATING = "operating"  # 事业单位经营收入
    SUPERIOR_GRANTS = "superior_grants"  # 上级补助收入（决算）
    SUBSIDIARY = "subsidiary"  # 附属单位上缴收入（决算）
    OTHER = "other"  # 其他收入 / 单位其他资金收入
    CARRYOVER = "carryover"  # 上年结转（结余）

    @property
    def fiscal(self) -> bool:
        """True for the three kinds of 财政拨款."""
        return self in _FISCAL


_FISCAL = frozenset(
    {FundSource.GENERAL_PUBLIC, FundSource.GOVERNMENT_FUND, FundSource.STATE_CAPITAL}
)


def _money(value: Any) -> Money:
    if not isinstance(value, Money):
        msg = f"{value!r} is not Money; build amounts with Money.of(text, unit)"
        raise TypeError(msg)
    return value


@frozen(kw_only=True)
class Funds:
    """An amount split by fund source; a source not given is zero."""

    general_public: Money = field(default=ZERO, converter=_money)
    government_fund: Money = field(default=ZERO, converter=_money)
    state_capital: Money = field(default=ZERO, converter=_money)
    special_account: Money = field(default=ZERO, converter=_money)
    business: Money = field(default=ZERO, converter=_money)
    operating: Money = field(default=ZERO, converter=_money)
    superior_grants: Money = field(default=ZERO, converter=_money)
    subsidiary: Money = field(default=ZERO, converter=_money)
    other: Money = field(default=ZERO, converter=_money)
    carryover: Money = field(default=ZERO, converter=_money)

    @classmethod
    def of(cls, amounts: dict[FundSource, Money]) -> Funds:
        return cls(**{source.value: amount for source, amount in amounts.items()})

    def __getitem__(self, source: FundSource) -> Money:
        value: Money = getattr(self, source._value_)
        return value

    def items(self) -> Iterator[tuple[FundSource, Money]]:
        """The non-zero sources, in the order tables print them."""
        for source in FundSource:
            amount = self[source]
            if amount:
                yield source, amount

    @functools.cached_property
    def nonzero(self) -> tuple[tuple[str, Decimal], ...]:
        """The sources with money, as (field name, 元) pairs."""
        return tuple((n, a.yuan) for n in _FIELDS if (a := getattr(self, n)).yuan)

    @functools.cached_property
    def total(self) -> Money:
        return Money._exact(sum((amount for _, amount in self.nonzero), Decimal(0)))

    @property
    def fiscal(self) -> Money:
        """财政拨款: 一般公共预算 + 政府性基金预算 + 国有资本经营预算."""
        return self.general_public + self.government_fund + self.state_capital

    def __add__(self, other: Funds) -> Funds:
        return sum_funds((self, other))


NO_FUNDS = Funds()
_FIELDS = tuple(source.value for source in FundSource)


def sum_funds(parts: Iterable[Funds]) -> Funds:
    """The exact sum of *parts*, source by source."""
    sums: dict[str, Decimal] = {}
    for part in parts:
        for name, amount in part.nonzero:
            sums[name] = sums.get(name, Decimal(0)) + amount
    return Funds(**{name: Money._exact(amount) for name, amount in sums.items()})


@frozen(kw_only=True)
class ExpenditureLine:
    """
    One 功能分类 line of the budget, split into 基本支出 and 项目支出, each by fund source.

    Lines are kept at the most detailed level printed (usually 项); the 类 and 款
    totals are derived.  A line may also carry 单位预留机动经费 (``reserve``), a third
    kind of spending beside 基本 and 项目; and a document whose function tables print
    one 金额 a line, with the split by kind only in total, gives each line's amount
    as ``unsplit`` (the split is then `Budget.unsplit_by_kind`).
    """

    code: FunctionCode
    name: str
    basic: Funds = NO_FUNDS
    project: Funds = NO_FUNDS
    reserve: Funds = NO_FUNDS  # 单位预留机动经费
    unsplit: Funds = NO_FUNDS  # printed as one 金额: its kinds are stated only in total

    @functools.cached_property
    def funds(self) -> Funds:
        return sum_funds((self.basic, self.project, self.reserve, self.unsplit))

    @functools.cached_property
    def total(self) -> Money:
        parts = (self.basic, self.project, self.reserve, self.unsplit)
        return Money._exact(sum((part.total.yuan for part in parts), Decimal(0)))


@frozen(kw_only=True)
class SpendingKinds:
    """
    Spending by kind: 基本支出, 项目支出 and 单位预留机动经费, each by fund source.

    As `Budget.unsplit_by_kind` it is the split of the lines' ``unsplit`` amounts, which
    a document states only in total (支出预算总表's 合计 = 基本 + 项目 + 机动).
    """

    basic: Funds = NO_FUNDS
    project: Funds = NO_FUNDS
    reserve: Funds = NO_FUNDS  # 单位预留机动经费

    @property
    def funds(self) -> Funds:
        return sum_funds((self.basic, self.project, self.reserve))

    @property
    def total(self) -> Money:
        return self.funds.total


@frozen(kw_only=True)
class EconomicLine:
    """One 经济分类 line of 一般公共预算基本支出: its 人员经费 and 公用经费 parts."""

    code: EconomicCode
    name: str
    personnel: Money = field(default=ZERO, converter=_money)  # 人员经费
    public_use: Money = field(default=ZERO, converter=_money)  # 公用经费

    @property
    def total(self) -> Money:
        return self.personnel + self.public_use
