"""The nine standard tables, derived from a `Budget`.

One derivation, two uses: ``budgetdiff show`` prints these tables, and the
checker compares them with the tables a document printed.  The structure is
the seed's (表一 收支总体 … 表九 政府性基金).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence

from attrs import evolve, field, frozen

from .budget import Budget
from .catalog import default_catalog
from .codes import EconomicCode, Level
from .fields import tuple_of
from .funds import ExpenditureLine, Funds, FundSource
from .matters import ThreePublic
from .money import Money, Presentation, total

Cell = Money | None


class TableRole(enum.Enum):
    """What a table shows, whatever a document numbers or titles it."""

    SUMMARY = "summary"  # 收支总体情况表 / 财务收支预算总表
    INCOME = "income"  # 收入总体情况表 / 收入预算总表
    EXPENDITURE = "expenditure"  # 支出总体情况表 / 支出预算总表
    FISCAL = "fiscal"  # 财政拨款收支（预算）总体情况表
    GENERAL_PUBLIC = "general_public"  # 一般公共预算支出（功能分类）情况表
    BASIC_ECONOMIC = "basic_economic"  # 一般公共预算基本支出（经济分类）情况表
    PROJECTS = "projects"  # 一般公共预算项目支出情况表
    THREE_PUBLIC = "three_public"  # “三公”经费（和机关运行经费）支出情况表
    GOVERNMENT_FUND = "government_fund"  # 政府性基金预算支出情况表
    STATE_CAPITAL = "state_capital"  # 国有资本经营预算支出情况表


@frozen(kw_only=True)
class Row:
    """One printed row: its code (if any), its label, and its amounts."""

    label: str
    code: str = ""
    cells: tuple[Cell, ...] = field(default=(), converter=tuple_of)
    section: str = ""  # 收入 / 支出 for the two-sided 表一 and 表四
    is_total: bool = False


@frozen(kw_only=True)
class Table:
    """A table as a document prints it: numbered, titled, with columns and rows."""

    number: int
    role: TableRole
    title: str
    presentation: Presentation
    columns: tuple[str, ...] = field(converter=tuple_of)
    rows: tuple[Row, ...] = field(converter=tuple_of)
    note: str = ""  # 此表为空表 and similar

    @property
    def is_empty(self) -> bool:
        return all(not cell for row in self.rows for cell in row.cells)


PRINTED_INCOME_LABELS = (
    "财政拨款（补助）",
    "    一般公共预算",
    "    政府性基金预算",
    "    国有资本经营预算",
    "教育收费（财政专户）",
    "事业收入",
    "事业单位经营收入",
    "单位其他资金收入",
)
"""The income side of 表一/表四 as the seed prints it: the 财政拨款 sources indented under it."""

_INCOME_ROWS = (
    ("一般公共预算", "general_public"),
    ("政府性基金预算", "government_fund"),
    ("国有资本经营预算", "state_capital"),
)
_OTHER_INCOME_ROWS = (
    ("教育收费（财政专户）", "special_account"),
    ("事业收入", "business"),
    ("事业单位经营收入", "operating"),
    ("单位其他资金收入", "other"),
)
_SOURCE_COLUMNS = (
    ("一般公共预算拨款", "general_public"),
    ("政府性基金预算拨款", "government_fund"),
    ("国有资本经营预算", "state_capital"),
    ("财政专户（教育收费）", "special_account"),
    ("事业收入", "business"),
    ("事业单位经营收入", "operating"),
    ("单位其他资金收入", "other"),
)
PROJECT_ECONOMIC_CLASSES = (
    ("301", "工资福利支出"),
    ("302", "商品和服务支出"),
    ("303", "对个人和家庭的补助"),
    ("307", "债务利息及费用支出"),
    ("309", "资本性支出（基本建设）"),
    ("310", "资本性支出"),
    ("311", "对企业补助（基本建设）"),
    ("312", "对企业补助"),
    ("313", "对社会保障基金补助"),
    ("399", "其他支出"),
)
EMPTY_NOTE = "此表为空表"


def _cell(amount: Money) -> Cell:
    return amount if amount else None


def _names(budget: Budget) -> dict[str, str]:
    """Names of 类 codes: the catalog's for the budget's year."""
    catalog = default_catalog()
    found: dict[str, str] = {}
    for line in budget.expenditure:
        code = line.code.class_code
        found[code.value] = catalog.function_name(code, budget.year) or ""
    return found


def _total_row(rows: Sequence[Row], width: int, label: str = "合  计") -> Row:
    sums = [total(r.cells[i] or Money(0) for r in rows if i < len(r.cells)) for i in range(width)]
    return Row(label=label, cells=[_cell(s) for s in sums], is_total=True)


def table1(budget: Budget) -> Table:
    """表一 部门（单位）收支总体情况表."""
    income = budget.income
    rows = [Row(label="财政拨款（补助）", cells=[_cell(income.fiscal)], section="收入")]
    rows += [
        Row(label=label, cells=[_cell(income[_src(key)])], section="收入")
        for label, key in _INCOME_ROWS + _OTHER_INCOME_ROWS
    ]
    rows.append(Row(label="收入总计", cells=[_cell(income.total)], section="收入", is_total=True))
    names = _names(budget)
    by_class = budget.rollup(Level.CLASS)
    rows += [
        Row(
            label=names.get(code.value, ""),
            code=code.value,
            cells=[_cell(funds.total)],
            section="支出",
        )
        for code, funds in by_class.items()
    ]
    rows.append(
        Row(
            label="支出总计", cells=[_cell(budget.expenditure_total)], section="支出", is_total=True
        )
    )
    return Table(
        number=1,
        role=TableRole.SUMMARY,
        title="部门（单位）收支总体情况表",
        presentation=budget.presentation,
        columns=["预算数"],
        rows=rows,
    )


def _src(key: str) -> FundSource:
    return FundSource(key)


def table2(budget: Budget) -> Table:
    """表二 部门（单位）收入总体情况表: each line by fund source."""
    rows = [
        Row(
            label=line.name,
            code=line.code.value,
            cells=[_cell(line.total)] + [_cell(line.funds[_src(k)]) for _, k in _SOURCE_COLUMNS],
        )
        for line in budget.expenditure
    ]
    columns = ["总  计"] + [label for label, _ in _SOURCE_COLUMNS]
    return Table(
        number=2,
        role=TableRole.INCOME,
        title="部门（单位）收入总体情况表",
        presentation=budget.presentation,
        columns=columns,
        rows=[*rows, _total_row(rows, len(columns))],
    )


def _of(funds: Funds, source: str | None) -> Money:
    return funds.total if source is None else funds[_src(source)]


def _split_rows(lines: Iterable[ExpenditureLine], source: str | None, reserve: bool) -> list[Row]:
    """
    Each line's 合计, 基本支出 and 项目支出 (and 单位预留机动经费 where the budget has some);
    a line printed as one amount has its 合计 only: its kinds are stated in total.
    """
    rows = []
    for line in lines:
        whole = _of(line.funds, source)
        if source is not None and not whole:
            continue
        kinds = [line.basic, line.project, *([line.reserve] if reserve else [])]
        cells = [_cell(whole), *(_cell(_of(kind, source)) for kind in kinds)]
        rows.append(Row(label=line.name, code=line.code.value, cells=cells))
    return rows


def _split_total(budget: Budget, rows: Sequence[Row], source: str | None, reserve: bool) -> Row:
    """The 合计 row; the kinds of unsplit lines come from the budget's stated split."""
    row = _total_row(rows, 4 if reserve else 3)
    if budget.unsplit_by_kind is None:
        return row
    kinds = [budget.basic, budget.project, *([budget.reserve] if reserve else [])]
    return evolve(row, cells=[row.cells[0], *(_cell(_of(kind, source)) for kind in kinds)])


def _split_columns(reserve: bool) -> list[str]:
    return ["合  计", "基本支出", "项目支出", *(["单位预留机动经费"] if reserve else [])]


def table3(budget: Budget) -> Table:
    """表三 部门（单位）支出总体情况表: each line's 基本支出 and 项目支出."""
    reserve = bool(budget.reserve.total)
    rows = _split_rows(budget.expenditure, None, reserve)
    return Table(
        number=3,
        role=TableRole.EXPENDITURE,
        title="部门（单位）支出总体情况表",
        presentation=budget.presentation,
        columns=_split_columns(reserve),
        rows=[*rows, _split_total(budget, rows, None, reserve)],
    )


def table4(budget: Budget) -> Table:
    """表四 财政拨款收支预算总体情况表."""
    income = budget.income
    rows = [Row(label="财政拨款（补助）", cells=[_cell(income.fiscal)], section="收入")]
    rows += [
        Row(label=label, cells=[_cell(income[_src(key)])], section="收入")
        for label, key in _INCOME_ROWS
    ]
    rows.append(Row(label="收入总计", cells=[_cell(income.fiscal)], section="收入", is_total=True))
    names = _names(budget)
    spend = []
    for code, funds in budget.rollup(Level.CLASS).items():
        if funds.fiscal:
            cells = [_cell(funds.fiscal)] + [_cell(funds[_src(k)]) for _, k in _INCOME_ROWS]
            spend.append(
                Row(label=names.get(code.value, ""), code=code.value, cells=cells, section="支出")
            )
    grand = _total_row(spend, 4, "支出总计")
    rows += [*spend, Row(label=grand.label, cells=grand.cells, section="支出", is_total=True)]
    return Table(
        number=4,
        role=TableRole.FISCAL,
        title="财政拨款收支预算总体情况表",
        presentation=budget.presentation,
        columns=["合  计", "一般公共预算", "政府性基金预算", "国有资本经营预算"],
        rows=rows,
    )


def table5(budget: Budget) -> Table:
    """表五 一般公共预算支出情况表."""
    source = "general_public"
    reserve = bool(budget.reserve[_src(source)])
    rows = _split_rows(budget.expenditure, source, reserve)
    return Table(
        number=5,
        role=TableRole.GENERAL_PUBLIC,
        title="一般公共预算支出情况表",
        presentation=budget.presentation,
        columns=_split_columns(reserve),
        rows=[*rows, _split_total(budget, rows, source, reserve)],
    )


def table6(budget: Budget) -> Table:
    """表六 一般公共预算基本支出情况表: by 经济分类, 人员经费 and 公用经费."""
    rows = [
        Row(
            label=line.name,
            code=line.code.value,
            cells=[_cell(line.total), _cell(line.personnel), _cell(line.public_use)],
        )
        for line in budget.basic_by_economic
    ]
    return Table(
        number=6,
        role=TableRole.BASIC_ECONOMIC,
        title="一般公共预算基本支出情况表",
        presentation=budget.presentation,
        columns=["合  计", "人员经费", "公用经费"],
        rows=[*rows, _total_row(rows, 3)],
    )


def table7(budget: Budget) -> Table:
    """表七 一般公共预算项目支出情况表: each project by 经济分类 类."""
    rows = []
    for project in budget.projects:
        split = {part.code: part.amount for part in project.by_economic}
        cells = [_cell(project.amount)] + [
            _cell(split.get(EconomicCode(code), Money(0))) for code, _ in PROJECT_ECONOMIC_CLASSES
        ]
        rows.append(Row(label=project.name, code=project.function_code.value, cells=cells))
    columns = ["项目支出合计"] + [name for _, name in PROJECT_ECONOMIC_CLASSES]
    return Table(
        number=7,
        role=TableRole.PROJECTS,
        title="一般公共预算项目支出情况表",
        presentation=budget.presentation,
        columns=columns,
        rows=[*rows, _total_row(rows, len(columns), "合 计")],
    )


def table8(budget: Budget) -> Table:
    """表八 一般公共预算“三公”经费支出情况表."""
    three = budget.three_public or ThreePublic()
    cells = [
        three.total,
        three.outbound,
        three.vehicles,
        three.vehicle_purchase,
        three.vehicle_operation,
        three.reception,
    ]
    row = Row(label="", cells=[_cell(c) for c in cells])
    table = Table(
        number=8,
        role=TableRole.THREE_PUBLIC,
        title="一般公共预算“三公”经费支出情况表",
        presentation=budget.presentation,
        columns=[
            "合  计",
            "因公出国（境）费",
            "公务用车购置及运行费",
            "公务用车购置费",
            "公务用车运行费",
            "公务接待费",
        ],
        rows=[row],
    )
    return _with_empty_note(table)


def table9(budget: Budget) -> Table:
    """表九 政府性基金预算支出情况表."""
    source = "government_fund"
    reserve = bool(budget.reserve[_src(source)])
    rows = _split_rows(budget.expenditure, source, reserve)
    columns = ["合 计", *_split_columns(reserve)[1:]]  # the seed prints this one "合 计"
    table = Table(
        number=9,
        role=TableRole.GOVERNMENT_FUND,
        title="政府性基金预算支出情况表",
        presentation=budget.presentation,
        columns=columns,
        rows=[*rows, _split_total(budget, rows, source, reserve)],
    )
    return _with_empty_note(table)


def _with_empty_note(table: Table) -> Table:
    if not table.is_empty:
        return table
    return Table(
        number=table.number,
        role=table.role,
        title=table.title,
        presentation=table.presentation,
        columns=table.columns,
        rows=table.rows,
        note=EMPTY_NOTE,
    )


def derive_tables(budget: Budget) -> tuple[Table, ...]:
    """
    The nine standard tables of *budget*, in the seed's structure (表一 … 表九).

    .. versionadded:: 0.1.0
    """
    makers = (table1, table2, table3, table4, table5, table6, table7, table8, table9)
    return tuple(make(budget) for make in makers)
