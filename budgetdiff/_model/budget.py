"""`Budget`: the canonical, exact model of one unit's budget for one year."""

from __future__ import annotations

import enum
import functools
from collections import defaultdict
from collections.abc import Iterable, Mapping
from decimal import Decimal

from attrs import field, frozen

from .codes import FunctionCode, Level
from .fields import tuple_of
from .funds import NO_FUNDS, EconomicLine, ExpenditureLine, Funds, SpendingKinds, sum_funds
from .matters import Assets, PerformanceSummary, Procurement, ThreePublic
from .money import Money, Presentation, total
from .profile import Profile
from .projects import Project


class BudgetKind(enum.Enum):
    """What the figures are: a budget, last year's execution, or final accounts."""

    BUDGET = "budget"  # 预算
    EXECUTION = "execution"  # 预算执行数
    FINAL = "final"  # 决算


class Scope(enum.Enum):
    """A 部门 document consolidates its units; a 单位 document covers one unit."""

    DEPARTMENT = "department"  # 部门
    UNIT = "unit"  # 单位


_WIDTHS = {Level.CLASS: 3, Level.SECTION: 5, Level.ITEM: 7}


def _year(value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1949 < value < 2200:
        msg = f"{value!r} is not a budget year"
        raise ValueError(msg)
    return value


@frozen(kw_only=True)
class Budget:
    """
    One unit's budget for one year: every figure exact, in one place.

    A `Budget` is built from the most detailed figures a document publishes
    (项-level lines, 款-level economic lines, projects); totals, 类/款 sums and
    the nine standard tables are derived from it, never stored.  A budget whose
    parts do not add up can still be built; `budgetdiff.validate` reports it.
    """

    year: int = field(converter=_year)
    profile: Profile
    kind: BudgetKind = BudgetKind.BUDGET
    scope: Scope = Scope.UNIT
    presentation: Presentation = field(factory=Presentation)
    income: Funds = NO_FUNDS
    expenditure: tuple[ExpenditureLine, ...] = field(default=(), converter=tuple_of)
    basic_by_economic: tuple[EconomicLine, ...] = field(default=(), converter=tuple_of)
    projects: tuple[Project, ...] = field(default=(), converter=tuple_of)
    unsplit_by_kind: SpendingKinds | None = None  # the kinds of the lines' `unsplit` amounts
    three_public: ThreePublic | None = None  # “三公”经费
    admin_costs: Money | None = None  # 机关运行经费
    meetings: Money | None = None  # 会议费, as printed beside the “三公”经费
    training: Money | None = None  # 培训费, as printed beside the “三公”经费
    procurement: Procurement | None = None  # 政府采购
    assets: Assets | None = None  # 国有资产占用
    performance: PerformanceSummary | None = None  # 预算绩效
    notes: tuple[str, ...] = field(default=(), converter=tuple_of)

    @property
    def unit_name(self) -> str:
        return self.profile.name

    # Derived figures are computed once per budget (a budget is immutable).

    @functools.cached_property
    def expenditure_total(self) -> Money:
        return total(line.total for line in self.expenditure)

    @functools.cached_property
    def basic(self) -> Funds:
        """基本支出 by fund source (the lines', and the unsplit lines' stated share)."""
        return self._kind("basic")

    @functools.cached_property
    def project(self) -> Funds:
        """项目支出 by fund source."""
        return self._kind("project")

    @functools.cached_property
    def reserve(self) -> Funds:
        """单位预留机动经费 by fund source: a third kind, in neither 基本 nor 项目."""
        return self._kind("reserve")

    @functools.cached_property
    def unsplit(self) -> Funds:
        """What the lines print as one amount, their kinds stated only in total."""
        return sum_funds(line.unsplit for line in self.expenditure)

    def _kind(self, kind: str) -> Funds:
        lines = sum_funds(getattr(line, kind) for line in self.expenditure)
        split = self.unsplit_by_kind
        return lines if split is None else lines + getattr(split, kind)

    @functools.cached_property
    def spending_by_source(self) -> Funds:
        return sum_funds(line.funds for line in self.expenditure)

    @functools.cached_property
    def personnel(self) -> Money:
        """人员经费 (from the economic lines)."""
        return total(line.personnel for line in self.basic_by_economic)

    @functools.cached_property
    def public_use(self) -> Money:
        """公用经费 (from the economic lines)."""
        return total(line.public_use for line in self.basic_by_economic)

    @functools.cached_property
    def _lines_by_code(self) -> Mapping[str, ExpenditureLine]:
        found: dict[str, ExpenditureLine] = {}
        for line in self.expenditure:
            found.setdefault(line.code.value, line)
        return found

    def line(self, code: FunctionCode | str) -> ExpenditureLine | None:
        """The (first) expenditure line printed under *code*, if any."""
        return self._lines_by_code.get(str(code))

    def rollup(self, level: Level) -> Mapping[FunctionCode, Funds]:
        """
        Expenditure summed at *level* (类, 款 or 项), by fund source.

        Returns a mapping from code to its funds (every kind); see `rollup_split` for the
        basic/project split.
        """
        cache = self._rollup_funds
        if level not in cache:
            width = _WIDTHS[level]
            grouped: dict[str, list[Funds]] = defaultdict(list)
            for line in self.expenditure:
                if len(line.code.value) >= width:
                    grouped[line.code.value[:width]].append(line.funds)
            cache[level] = {
                FunctionCode(code): sum_funds(funds) for code, funds in sorted(grouped.items())
            }
        return cache[level]

    def rollup_split(self, level: Level) -> Mapping[FunctionCode, tuple[Funds, Funds]]:
        """Expenditure summed at *level*: code → (basic funds, project funds), in code order."""
        cache = self._rollup_cache
        if level not in cache:
            width = _WIDTHS[level]
            grouped: dict[str, list[ExpenditureLine]] = defaultdict(list)
            for line in self.expenditure:
                if len(line.code.value) >= width:
                    grouped[line.code.value[:width]].append(line)
            cache[level] = {
                FunctionCode(code): (
                    sum_funds(line.basic for line in lines),
                    sum_funds(line.project for line in lines),
                )
                for code, lines in sorted(grouped.items())
            }
        return cache[level]

    def totals_at(self, level: Level) -> Mapping[str, Money]:
        """Total expenditure of each code at *level* (code text → amount), in code order."""
        return self._totals[level]

    @functools.cached_property
    def _rollup_funds(self) -> dict[Level, Mapping[FunctionCode, Funds]]:
        return {}

    @functools.cached_property
    def _rollup_cache(self) -> dict[Level, Mapping[FunctionCode, tuple[Funds, Funds]]]:
        return {}

    @functools.cached_property
    def _totals(self) -> Mapping[Level, Mapping[str, Money]]:
        out = {}
        for level, width in _WIDTHS.items():
            sums: dict[str, Decimal] = defaultdict(Decimal)
            for line in self.expenditure:
                if len(line.code.value) >= width:
                    sums[line.code.value[:width]] += line.total.yuan
            out[level] = {code: Money._exact(sums[code]) for code in sorted(sums)}
        return out

    def projects_under(self, codes: Iterable[FunctionCode]) -> tuple[Project, ...]:
        wanted = set(codes)
        return tuple(p for p in self.projects if p.function_code in wanted)
