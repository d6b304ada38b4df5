"""
The figures the tables give for each subject a narrative speaks of.

A `Key` names a subject (spending under a function code from one fund source,
income from a source, 基本支出, 人员经费, an economic line, a “三公” item, …); the
`FigureBook` holds, for each key, every figure the tables give it:

- *printed* copies: a cell of a table, with its rounding slack (0.005万元 for a
  table in 万元 to two places, none for a table in 元, which is exact);
- the *derived* figure: the sum, over the normalized budget's lines, of what the
  key measures; its slack is that of every printed line it adds up.  Lines printed
  as one 金额 (``unsplit``) state no 基本/项目 split of their own: the whole budget's
  基本支出 and 项目支出 add the split the document states in total
  (`Budget.unsplit_by_kind`), and a code prefix holding such lines gets no 基本/项目
  figure at all (a figure not stated is not zero).

A printed copy that normalisation rejected (copies of a figure disagree and the
totals support another value) is marked ``rejected``: a narrative figure that
agrees only with such a copy agrees with the wrong copy.
"""

from __future__ import annotations

import weakref
from collections import defaultdict
from collections.abc import Iterator

from budgetdiff import Budget, Disclosure, Money, Presentation
from budgetdiff.disclosure import FISCAL, ResolutionKind
from budgetdiff.model import (
    ZERO,
    BudgetKind,
    Catalog,
    ExpenditureLine,
    Funds,
    FundSource,
    TableRole,
    total,
)
from budgetdiff.plugin import CheckSubject, Location

from ._narrative_base import tables_year
from ._narrative_keys import (
    GENERAL_PUBLIC,
    Key,
    TableFigure,
    What,
    money_half,
    table_half,
)
from ._narrative_names import norm
from ._narrative_printed import PrintedReader

_SPEND_SOURCES = ("", "fiscal", *(s.value for s in FISCAL))
WITH_MATTERS = "with_matters"  # a THREE key: the “三公”经费 with 会议费 and 培训费
_THREE_FIELDS = (
    "total",
    "outbound",
    "vehicles",
    "vehicle_purchase",
    "vehicle_operation",
    "reception",
)


def _presentation_half(presentation: Presentation) -> Money:
    return money_half(presentation.unit, max(presentation.places, 2))


class FigureBook:
    """Every figure the tables of one disclosure give, by key."""

    def __init__(self, subject: CheckSubject) -> None:
        self.disclosure: Disclosure = subject.disclosure
        self.catalog: Catalog = subject.catalog
        normalized = subject.normalized
        self.budget: Budget | None = None if normalized is None else normalized.budget
        self.year = tables_year(self.disclosure)
        self.final = self.disclosure.kind is BudgetKind.FINAL
        self._figures: dict[Key, list[TableFigure]] = defaultdict(list)
        self.function_names: dict[str, list[str]] = defaultdict(list)  # code → printed names
        self._rejected: set[Location] = set()
        if normalized is not None:
            for resolution in normalized.resolutions:
                if resolution.kind is ResolutionKind.CONFLICT:
                    self._rejected.update(
                        copy.location
                        for copy in resolution.copies
                        if copy.value != resolution.chosen
                    )
        self.resolutions = () if normalized is None else normalized.resolutions
        PrintedReader(
            self.disclosure,
            self.catalog,
            final=self.final,
            rejected=self._rejected,
            add=self._add,
            names=self.function_names,
        ).read()
        if self.budget is not None:
            self._derive(self.budget)

    # ------------------------------------------------------------------ access

    def figures(self, key: Key) -> tuple[TableFigure, ...]:
        return tuple(self._figures.get(key, ()))

    def keys(self) -> Iterator[Key]:
        return iter(self._figures)

    def codes(self) -> tuple[str, ...]:
        """The function codes of the budget's lines and every prefix of them."""
        if self.budget is None:
            return ()
        found: dict[str, None] = {}
        for line in self.budget.expenditure:
            code = line.code.value
            for width in (3, 5, 7):
                if len(code) >= width:
                    found.setdefault(code[:width], None)
        return tuple(found)

    def names_of(self, code: str) -> tuple[str, ...]:
        """The names the tables print for a function code, and the budget's name for it."""
        names = list(self.function_names.get(code, ()))
        if self.budget is not None:
            names += [line.name for line in self.budget.expenditure if line.code.value == code]
        return tuple(dict.fromkeys(n for n in names if n))

    # ------------------------------------------------------------------ building

    def _add(self, figure: TableFigure) -> None:
        self._figures[figure.key].append(figure)

    def _derived(self, key: Key, amount: Money, parts: int, half: Money, where: str) -> None:
        self._add(
            TableFigure(
                key=key,
                amount=amount,
                half=Money(half.yuan * max(parts, 1)) if amount else ZERO,
                locations=(Location(source=self.disclosure.source, table=where),),
                printed=False,
                parts=parts,
            )
        )

    def _derive(self, budget: Budget) -> None:
        half = _presentation_half(budget.presentation)
        spending = self.disclosure.table(TableRole.EXPENDITURE) or self.disclosure.table(
            TableRole.GENERAL_PUBLIC
        )
        where = spending.name if spending is not None else ""
        prefixes = ("", *self.codes())
        for prefix in prefixes:
            lines = [line for line in budget.expenditure if line.code.value.startswith(prefix)]
            for what in (What.SPEND, What.BASIC, What.PROJECT):
                if what is not What.SPEND and prefix and any(line.unsplit for line in lines):
                    continue  # lines printed as one 金额 state no 基本/项目 of their own
                for source in _SPEND_SOURCES:
                    amounts = [_measure(line, what, source) for line in lines]
                    if not prefix and what is not What.SPEND and budget.unsplit_by_kind:
                        # the whole budget's kinds: the lines' and the unsplit lines' stated split
                        split = budget.unsplit_by_kind
                        amounts.append(
                            _of(split.basic if what is What.BASIC else split.project, source)
                        )
                    amount = total(amounts)
                    if amount or not prefix or source in ("", "fiscal", GENERAL_PUBLIC):
                        parts = sum(1 for a in amounts if a)
                        self._derived(Key(what, prefix, source), amount, parts, half, where)
        income = budget.income
        summary = self.disclosure.table(TableRole.SUMMARY)
        income_where = summary.name if summary is not None else where
        sources = [s for s in FundSource if s is not FundSource.CARRYOVER]
        for fund in sources:
            if income[fund]:
                self._derived(Key(What.INCOME, "", fund.value), income[fund], 1, half, income_where)
        this_year = total(income[s] for s in sources)
        count = sum(1 for s in sources if income[s])
        self._derived(Key(What.INCOME), this_year, count, half, income_where)
        self._derived(Key(What.INCOME, "", "fiscal"), income.fiscal, 1, half, income_where)
        carried = income[FundSource.CARRYOVER]
        self._derived(
            Key(What.GRAND), this_year + carried, count + bool(carried), half, income_where
        )
        self._derive_economic(budget)
        self._derive_matters(budget)

    def _derive_economic(self, budget: Budget) -> None:
        table = self.disclosure.table(TableRole.BASIC_ECONOMIC)
        if table is None or not budget.basic_by_economic:
            return
        half = table_half(table)
        lines = budget.basic_by_economic
        self._derived(
            Key(What.PERSONNEL),
            budget.personnel,
            sum(1 for e in lines if e.personnel),
            half,
            table.name,
        )
        self._derived(
            Key(What.PUBLIC_USE),
            budget.public_use,
            sum(1 for e in lines if e.public_use),
            half,
            table.name,
        )
        for line in lines:
            names = {norm(line.name)}
            official = self.catalog.economic_name(line.code, self.year)
            if official:
                names.add(norm(official))
            for name in names:
                self._add(
                    TableFigure(
                        key=Key(What.ECONOMIC, name),
                        amount=line.total,
                        half=half,
                        locations=(
                            Location(
                                source=self.disclosure.source,
                                table=table.name,
                                row=f"{line.code.value} {line.name}",
                            ),
                        ),
                        name=line.name,
                    )
                )

    def _derive_matters(self, budget: Budget) -> None:
        three = self.disclosure.table(TableRole.THREE_PUBLIC)
        if (
            three is not None
            and budget.three_public is not None
            and (three.rows or three.says_empty)
        ):
            half = table_half(three)
            values = budget.three_public
            amounts = {
                "total": values.total,
                "outbound": values.outbound,
                "vehicles": values.vehicles,
                "vehicle_purchase": values.vehicle_purchase,
                "vehicle_operation": values.vehicle_operation,
                "reception": values.reception,
            }
            for name in _THREE_FIELDS:
                self._add(
                    TableFigure(
                        key=Key(What.THREE, name),
                        amount=amounts[name],
                        half=half if amounts[name] else ZERO,
                        locations=(Location(source=self.disclosure.source, table=three.name),),
                    )
                )
            if budget.meetings is not None or budget.training is not None:
                # the table's 合计 where 会议费 and 培训费 are printed beside the “三公”经费
                beside = total(m for m in (budget.meetings, budget.training) if m is not None)
                self._add(
                    TableFigure(
                        key=Key(What.THREE, WITH_MATTERS),
                        amount=values.total + beside,
                        half=half,
                        locations=(Location(source=self.disclosure.source, table=three.name),),
                    )
                )
        projects = self.disclosure.table(TableRole.PROJECTS)
        if projects is not None:
            half = table_half(projects)
            for project in budget.projects:
                self._add(
                    TableFigure(
                        key=Key(What.PROJECT_ITEM, norm(project.name)),
                        amount=project.amount,
                        half=half,
                        locations=(
                            Location(
                                source=self.disclosure.source, table=projects.name, row=project.name
                            ),
                        ),
                        name=project.name,
                    )
                )

    def project_names(self) -> tuple[str, ...]:
        return tuple(key.code for key in self._figures if key.what is What.PROJECT_ITEM)

    def economic_names(self) -> tuple[str, ...]:
        return tuple(key.code for key in self._figures if key.what is What.ECONOMIC)


def _measure(line: ExpenditureLine, what: What, source: str) -> Money:
    """What *line* gives a key: its 基本支出, 项目支出, or all it spends (reserve, unsplit)."""
    if what is What.BASIC:
        return _of(line.basic, source)
    if what is What.PROJECT:
        return _of(line.project, source)
    return _of(line.funds, source)


def _of(funds: Funds, source: str) -> Money:
    """*funds* from *source*: "" every source but the carry-over, "fiscal" 财政拨款."""
    if source == "":
        return total(amount for src, amount in funds.items() if src is not FundSource.CARRYOVER)
    if source == "fiscal":
        return funds.fiscal
    return funds[FundSource(source)]


_BOOKS: weakref.WeakKeyDictionary[CheckSubject, FigureBook] = weakref.WeakKeyDictionary()


def figure_book(subject: CheckSubject) -> FigureBook | None:
    """The figures of *subject*'s tables (built once); None when it prints no table."""
    if not subject.disclosure.tables:
        return None
    book = _BOOKS.get(subject)
    if book is None:
        book = FigureBook(subject)
        _BOOKS[subject] = book
    return book
