"""
Claims: the numbers a narrative states, as typed data.

A `Claim` is one figure (or one direction word) read from a 情况说明, with
what it is about (its `Subject`), where it was printed (line, character span,
the phrase and the sentence as read), and links to the claims it belongs
with: a growth rate to its change, a change to the current amount, a share to
its part and whole, a reason to the change it explains, parts to their whole.
Links are claim ids, the claim's position in the tuple `claims` returns.

Amounts are exact `Money`; percentages and quantities exact `Decimal`; the
precision a figure was printed to is kept (``places``) so checks can treat it
as the interval it stands for.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import ClassVar

from attrs import field, frozen

from budgetdiff._model.fields import tuple_of
from budgetdiff._model.findings import Location
from budgetdiff._model.money import Money, Unit


class ClaimKind(enum.Enum):
    """What a claim states: an amount, a change, a percentage, a count, a list, a reason, …"""

    AMOUNT = "amount"
    CHANGE = "change"
    PERCENT = "percent"
    COUNT = "count"
    QUANTITY = "quantity"
    REASON = "reason"
    LIST = "list"
    RESIDUE = "residue"
    YEAR = "year"


class Direction(enum.Enum):
    """The direction word of a change, as printed."""

    INCREASE = "增加"  # 增加 / 增长 / 上升 / 提高
    DECREASE = "减少"  # 减少 / 下降 / 降低 / 压缩 / 小于
    FLAT = "持平"  # 持平 / 无增减 / 无变化 / 无增加或减少 / 等于
    NEW = "新增"  # 新增 / 上年无此项支出
    DISCONTINUED = "不再安排"  # 不再安排 / 本年未安排
    UNCLEAR = "增加（减少）"  # template residue: the direction was never chosen

    @property
    def sign(self) -> int | None:
        """+1, −1 or 0 for the change this word asserts; None when it asserts none."""
        return _SIGNS[self]


_SIGNS = {
    Direction.INCREASE: 1,
    Direction.DECREASE: -1,
    Direction.FLAT: 0,
    Direction.NEW: 1,
    Direction.DISCONTINUED: -1,
    Direction.UNCLEAR: None,
}


class BaseKind(enum.Enum):
    """What a change is measured against."""

    PRIOR_YEAR = "上年"  # 上年 / 上年度 / 2020年 (no qualifier)
    PRIOR_BUDGET = "上年预算"  # 上年预算 / 2024年预算 (数)
    PRIOR_ACTUAL = "上年执行数"  # 2020年执行数 / 当年预算执行数
    PRIOR_FINAL = "上年决算"  # 2023年决算 (数)
    ANNUAL_BUDGET = "年初预算"  # a 决算 against its own year's budget
    UNSTATED = ""


@frozen(kw_only=True)
class Base:
    """The comparison base of a change ("比上年预算", "与2023年度相比")."""

    kind: BaseKind = BaseKind.UNSTATED
    year: int | None = None
    raw: str = ""
    typo: bool = False  # "较上线": a misspelt 上年

    def comparable(self, other: Base) -> bool:
        """Could both bases name the same prior figure (so their changes must agree)?"""
        loose = {BaseKind.PRIOR_YEAR, BaseKind.PRIOR_BUDGET, BaseKind.UNSTATED}
        same_kind = self.kind is other.kind or {self.kind, other.kind} <= loose
        same_year = self.year is None or other.year is None or self.year == other.year
        return same_kind and same_year


class Period(enum.Enum):
    """Which year's figure an amount is."""

    CURRENT = "本年"  # the year the document is about (预算数, or 决算数 in a 决算)
    PRIOR = "上年"  # a prior-year figure printed as such ("2023年当年预算执行数为54.60万元")
    BUDGET = "年初预算"  # a 决算's own budget ("年初预算为1560.05万元")
    ADJUSTED = "全年预算"  # a 决算's adjusted budget ("全年预算为321.02万元")


class YearRole(enum.Enum):
    """What a year a narrative names is."""

    REPORT = "report"  # the year the document is about: "2024年度部门决算"
    BASE = "base"  # a comparison base: "比2024年预算", "与2023年度相比"
    AS_OF = "as_of"  # a reporting date: "截至2024年12月31日"
    FIGURE = "figure"  # a figure's own year: "2024年度预算5.00万元" (this year's or the last)
    EXECUTED = "executed"  # last year's outturn in a budget: "2025年当年预算执行数为40.00万元"
    PLANNED = "planned"  # this year's, beside last year's outturn: "2026年预算安排30.00万元"
    PERIOD = "period"  # a project's period: "实施周期：2026年1月至2026年12月" (``until``)


class PercentRole(enum.Enum):
    """What a stated percentage is: a growth rate, a share, an execution rate, or other."""

    GROWTH = "growth"  # 增长 / 下降 X%
    SHARE = "share"  # 占 X%
    EXECUTION = "execution"  # 完成(年初)预算的 X%
    OTHER = "other"


@frozen(kw_only=True)
class Subject:
    """
    What a figure is about.

    ``name`` is normalized for matching against table rows and other claims
    (quotes, spaces, "为", "预算数" dropped); ``raw`` is as printed.  Coded
    subjects keep their code ("2111101") and the printed level names.
    """

    name: str
    raw: str = ""
    code: str = ""
    names: tuple[str, ...] = field(default=(), converter=tuple_of)
    inherited: bool = False  # taken from the heading, the topic or the previous clause
    parent: str = ""  # the whole of the list it is a part of ("行政运行" for its 基本支出)

    def __str__(self) -> str:
        return self.name


@frozen(kw_only=True)
class Claim:
    """
    One thing a narrative states, with where it stands.

    ``line`` and ``span`` point at the figure in the source text (absolute
    character offsets); ``text`` is the phrase and ``sentence`` the sentence as
    read — with numbers that a PDF extraction displaced put back in place.
    """

    kind: ClassVar[ClaimKind]

    id: int
    subject: Subject
    line: int
    span: tuple[int, int]
    text: str
    sentence: str
    section: str = ""
    reason: int | None = None  # the reason this figure is cited in
    source: str = ""

    @property
    def key(self) -> str:
        """The figure as printed, stable across reads: its source and span."""
        return f"{self.source}:{self.span[0]}-{self.span[1]}"

    def location(self) -> Location:
        return Location(
            source=self.source, table=self.section, row=self.subject.raw, line=self.line
        )


@frozen(kw_only=True)
class AmountClaim(Claim):
    """ "基本支出318.34万元"; "年初预算为1560.05万元" (period BUDGET)."""

    kind: ClassVar[ClaimKind] = ClaimKind.AMOUNT

    amount: Money
    unit: Unit = Unit.WAN_YUAN
    places: int = 2  # the precision the figure stands for
    printed: str = ""  # the number as printed ("8.40", "1,200"), for quoting it back
    period: Period = Period.CURRENT
    base: Base | None = None  # for a PRIOR amount: which prior figure
    approximate: bool = False  # "约"
    per: str = ""  # a rate: "6万元/年" has per "年"; rates are not amounts to add


@frozen(kw_only=True)
class ChangeClaim(Claim):
    """
    "比上年增加290.1万元", "与上年持平", "决算数小于预算数".

    ``magnitude`` is the printed figure (None when only a direction is stated);
    `delta` signs it by the direction.  ``current``/``prior`` link the amounts
    of the same subject the change is between, when the narrative states them.
    """

    kind: ClassVar[ClaimKind] = ClaimKind.CHANGE

    direction: Direction
    magnitude: Money | None = None
    unit: Unit = Unit.WAN_YUAN
    places: int = 2
    printed: str = ""
    base: Base = Base()
    current: int | None = None
    prior: int | None = None

    @property
    def delta(self) -> Money | None:
        """The signed change, when the figure and its sign are both stated."""
        if self.direction is Direction.FLAT:
            return self.magnitude if self.magnitude is not None else Money(Decimal(0))
        sign = self.direction.sign
        if self.magnitude is None or sign is None:
            return None
        return self.magnitude if sign > 0 else -self.magnitude


@frozen(kw_only=True)
class PercentClaim(Claim):
    """
    "增长350.52%" (GROWTH, linked to its change), "占73.46%" (SHARE, linked to
    its part and whole), "完成年初预算的98.20%" (EXECUTION).
    """

    kind: ClassVar[ClaimKind] = ClaimKind.PERCENT

    value: Decimal  # as printed, without sign
    places: int = 2
    role: PercentRole = PercentRole.OTHER
    direction: Direction | None = None  # GROWTH: 增长 or 下降
    base: Base | None = None
    change: int | None = None  # GROWTH: the change it qualifies
    part: int | None = None  # SHARE: the amount it is the share of; EXECUTION: the final
    whole: int | None = None  # SHARE: the whole; EXECUTION: the budget
    whole_name: str = ""  # SHARE: the whole it names ("占基本支出预算" → 基本支出), if any
    prior: int | None = None  # GROWTH stated with both years and no change amount
    has_sign: bool = True  # False for "增长13.95" printed without %

    @property
    def signed(self) -> Decimal:
        if self.direction is not None and self.direction.sign == -1:
            return -self.value
        return self.value


@frozen(kw_only=True)
class CountClaim(Claim):
    """ "实有人数38人", "车辆2辆", "3个" — and count changes: "增加33名员额控制人员"."""

    kind: ClassVar[ClaimKind] = ClaimKind.COUNT

    count: int
    unit: str  # 人, 个, 辆, 台（套）…; 名 is read as 人
    direction: Direction | None = None  # set when the count is a change
    base: Base | None = None


@frozen(kw_only=True)
class QuantityClaim(Claim):
    """A measured quantity that is not money: "13459平方米", "99.43分"."""

    kind: ClassVar[ClaimKind] = ClaimKind.QUANTITY

    value: Decimal
    unit: str
    places: int = 0
    approximate: bool = False


@frozen(kw_only=True)
class ReasonClaim(Claim):
    """
    "主要原因是……": the change it explains and the claims it cites.

    ``empty`` marks a reason that was never written ("主要原因是。").
    """

    kind: ClassVar[ClaimKind] = ClaimKind.REASON

    explains: int | None = None
    cites: tuple[int, ...] = field(default=(), converter=tuple_of)
    empty: bool = False


@frozen(kw_only=True)
class ListClaim(Claim):
    """
    Parts linked to their whole: "其中：基本支出…，项目支出…".

    ``whole`` is None when the whole is named but states no figure
    ("一般公共预算支出包括：…").  ``exhaustive`` is False for lists that say
    they are partial ("主要包括").
    """

    kind: ClassVar[ClaimKind] = ClaimKind.LIST

    whole: int | None
    parts: tuple[int, ...] = field(converter=tuple_of)
    exhaustive: bool = True


@frozen(kw_only=True)
class ResidueClaim(Claim):
    """A placeholder left from a template: "XX", "××", "待填写"."""

    kind: ClassVar[ClaimKind] = ClaimKind.RESIDUE

    placeholder: str
    form: str = ""  # set when no placeholder pattern tells it: "glued" (a year run into a figure)
    year: int | None = None  # "glued": the year run into the figure (2014 of "201423.45万元")
    suggestion: str = ""  # "glued": the figure without it ("23.45万元"), never used as a figure


@frozen(kw_only=True)
class YearClaim(Claim):
    """A year the narrative names: of the report, of a comparison base, of a reporting date."""

    kind: ClassVar[ClaimKind] = ClaimKind.YEAR

    year: int
    role: YearRole
    final: bool = False  # REPORT: the title names a 决算
    until: int | None = None  # PERIOD: the year it ends in

    def expected(self, report: int, *, final: bool) -> int | None:
        """
        The year this slot should name in a document about *report* (a 决算 when
        *final*), or None when the year it names fits.

        A title names the report's year; a comparison base and last year's outturn the
        year before (a 决算 reports no outturn of another year); a figure's own year
        either; a reporting date the year's end (决算) or the year before (预算); a
        project's period must take in the report's year.
        """
        want = {
            YearRole.REPORT: report,
            YearRole.BASE: report - 1,
            YearRole.AS_OF: report if final else report - 1,
            YearRole.PLANNED: report,
            YearRole.EXECUTED: None if final else report - 1,
        }
        if self.role is YearRole.FIGURE:
            fits = self.year in {report - 1, report}
            return None if fits else (report if self.year > report else report - 1)
        if self.role is YearRole.PERIOD:
            fits = self.year <= report <= (self.until or self.year)
            return None if fits else report
        expected = want[self.role]
        return None if expected is None or self.year == expected else expected
