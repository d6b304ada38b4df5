"""The split by kind of lines printed as one amount: 基本, 项目 and 单位预留机动经费 in total.

Some documents print each 功能分类 line with one 金额 and state the split into 基本支出,
项目支出 and 单位预留机动经费 only in total: on the 合计 row of 支出预算总表, and on the
支出 side of 财政拨款收支预算总表 and of 收支预算总表.  That split is the budget's
`unsplit_by_kind`; it is never spread over the lines.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from budgetdiff._model.funds import ExpenditureLine, Funds, SpendingKinds, sum_funds
from budgetdiff._model.money import Money
from budgetdiff._model.tables import TableRole
from budgetdiff._read.columns import column_measure, sides, text_at
from budgetdiff._read.disclosure import PrintedTable
from budgetdiff._read.table_titles import compact

from .context import Context
from .measures import PART_NAMES, SOURCE_NAMES
from .normalized import ResolutionKind

_KINDS = ("basic", "project", "reserve")
_LABELS = {"basic": "基本支出", "project": "项目支出", "reserve": "机动经费"}


def unsplit_kinds(context: Context, lines: Sequence[ExpenditureLine]) -> SpendingKinds | None:
    """The stated split of the *lines*' unsplit amounts, or None when no line has one."""
    unsplit = sum_funds(line.unsplit for line in lines)
    if not unsplit.total:
        return None
    stated = _stated(context)
    if not stated:
        return None
    sources = [source for source, _ in unsplit.items()]
    source = sources[0]
    if len(sources) > 1:  # the totals name no source: the largest one is assumed
        source = max(sources, key=lambda s: unsplit[s])
        context.resolve(
            ResolutionKind.INFERRED,
            "normalize.kinds_source",
            PART_NAMES["reserve"][0],
            sources=[SOURCE_NAMES[s][0] for s in sources],
            sources_en=", ".join(SOURCE_NAMES[s][1] for s in sources),
            assumed=SOURCE_NAMES[source][0],
            assumed_en=SOURCE_NAMES[source][1],
        )
    return SpendingKinds(
        **{kind: Funds.of({source: amount}) for kind, amount in stated.items() if amount}
    )


def _stated(context: Context) -> dict[str, Money]:
    """基本/项目/机动 as the first table stating them prints them."""
    disclosure = context.disclosure
    for table in disclosure.tables_with(TableRole.EXPENDITURE):
        found = _total_row(context, table)
        if found:
            return found
    for role in (TableRole.FISCAL, TableRole.SUMMARY):
        for table in disclosure.tables_with(role):
            found = dict(_side_rows(context, table))
            if found:
                return found
    return {}


def _total_row(context: Context, table: PrintedTable) -> dict[str, Money]:
    """The 合计 row of 支出预算总表, column by column (the only row of a total-only table)."""
    totals = [r for r in table.rows if r.is_total or not r.code]
    if not totals:
        return {}
    row = totals[0]
    found: dict[str, Money] = {}
    for column in table.columns:
        measure = column_measure(table.role, column.label)
        if measure is None or len(measure.parts) != 1:
            continue
        kind = next(iter(measure.parts))
        amount = context.amount(row.cell(column.index))
        if kind in _KINDS and amount is not None:
            found[kind] = amount
    return found if any(found.values()) else {}


def _side_rows(context: Context, table: PrintedTable) -> Iterator[tuple[str, Money]]:
    """The 一、基本支出 / 二、项目支出 / 三、单位预留机动经费 rows of a summary's 支出 side."""
    for label_at, _, amounts in sides(table):
        if label_at is None or not amounts:
            continue
        for row in table.rows:
            label = compact(text_at(row, label_at))
            kind = next((k for k, word in _LABELS.items() if word in label), None)
            if kind is None:
                continue
            amount = context.amount(row.cell(amounts[0]))
            if amount:
                yield kind, amount
