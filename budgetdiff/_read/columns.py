"""
What a printed row and column mean: the numbering before a label, the fund source
a label names, a row's code, the sides of a two-sided table, and what an amount
column measures on an expenditure line.

The normalizer builds the `Budget` with these, and checks read printed tables
with the same meanings (they are public in `budgetdiff.disclosure`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from attrs import frozen

from budgetdiff._model.catalog import Catalog
from budgetdiff._model.funds import FundSource
from budgetdiff._model.money import Money, total
from budgetdiff._model.tables import TableRole

from .disclosure import PrintedRow, PrintedTable
from .table_header import segments_of
from .table_titles import compact

_NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]+、|\d+\s*[.．、]|（[一二三四五六七八九十]+）)\s*"
)
_CLASS_CODE = re.compile(r"^(2\d{2})(?!\d)")

Key = tuple[str, FundSource]
"""
One quantity of an expenditure line: its part from one fund source.  A part is "basic" or
"project", "reserve" (单位预留机动经费), or "unsplit" (a line printed as one 金额).
"""
Quantities = dict[Key, Money]
"""A line's amounts by part and fund source."""
PARTS = ("basic", "project")
KINDS = (*PARTS, "reserve", "unsplit")
BOTH = frozenset(KINDS)
"""What a 合计 measures: every part of a line."""
FISCAL = frozenset(
    {FundSource.GENERAL_PUBLIC, FundSource.GOVERNMENT_FUND, FundSource.STATE_CAPITAL}
)
"""The three sources of 财政拨款: 一般公共预算, 政府性基金, 国有资本经营预算."""
DETAIL = {
    TableRole.GENERAL_PUBLIC: FundSource.GENERAL_PUBLIC,
    TableRole.GOVERNMENT_FUND: FundSource.GOVERNMENT_FUND,
    TableRole.STATE_CAPITAL: FundSource.STATE_CAPITAL,
}
FUNCTION_ROLES = (TableRole.INCOME, TableRole.EXPENDITURE, *DETAIL)


def strip_numbering(text: str) -> str:
    """ "一、一般公共服务支出" → "一般公共服务支出"; "1. 一般公共预算资金" → "一般公共预算资金"."""
    return _NUMBERING.sub("", compact(text))


def source_of(label: str) -> FundSource | str | None:
    """
    The fund source a printed label names, "fiscal" (财政拨款, all three kinds),
    "total" (合计, 总计), or None.
    """
    t = strip_numbering(label)
    if not t:
        return None
    if "年末" in t or "结余分配" in t:
        return None
    if "结转" in t or "非财政拨款结余" in t:
        return FundSource.CARRYOVER
    if re.search(r"总计|合计", t):
        return "total"
    rules = (
        ("一般公共预算", FundSource.GENERAL_PUBLIC),
        ("政府性基金", FundSource.GOVERNMENT_FUND),
        ("国有资本经营", FundSource.STATE_CAPITAL),
        ("财政专户", FundSource.SPECIAL_ACCOUNT),
        ("教育收费", FundSource.SPECIAL_ACCOUNT),
        ("经营收入", FundSource.OPERATING),
        ("事业收入", FundSource.BUSINESS),
        ("上级补助", FundSource.SUPERIOR_GRANTS),
        ("附属单位上缴", FundSource.SUBSIDIARY),
        ("其他资金收入", FundSource.OTHER),
        ("其他收入", FundSource.OTHER),
    )
    for word, source in rules:
        if word in t:
            return source
    if "财政拨款" in t:
        return "fiscal"
    return None


def text_at(row: PrintedRow, index: int | None) -> str:
    """The text of *row*'s cell in column *index* ("" when there is none)."""
    cell = None if index is None else row.cell(index)
    return cell.text if cell is not None else ""


def code_of(row: PrintedRow) -> str:
    """The code a row means: its suggestion when the printed code is broken."""
    return row.code_suggestion or row.code


def sides(table: PrintedTable) -> Sequence[tuple[int | None, tuple[int, ...], tuple[int, ...]]]:
    """(label column, code columns, amount columns) of each side of *table*."""
    return [(s.label, s.codes, s.amounts) for s in segments_of(table.columns)]


@frozen(kw_only=True)
class Measure:
    """What a printed amount column measures on a line: some parts, some sources."""

    parts: frozenset[str]
    sources: frozenset[FundSource] | None = None  # None: every source

    def covers(self, key: Key) -> bool:
        """Whether the column counts this part from this source."""
        return key[0] in self.parts and (self.sources is None or key[1] in self.sources)

    def of(self, quantities: Quantities) -> Money:
        """What the column prints for a line of these *quantities* (exactly)."""
        return total(amount for key, amount in quantities.items() if self.covers(key))

    def keys(self, quantities: Quantities) -> list[Key]:
        """The non-zero quantities this measure adds up."""
        return [key for key, amount in quantities.items() if amount and self.covers(key)]

    @property
    def single(self) -> Key | None:
        """The one quantity the column measures, when it measures one."""
        if self.sources is not None and len(self.parts) == 1 and len(self.sources) == 1:
            return (next(iter(self.parts)), next(iter(self.sources)))
        return None


def column_measure(role: TableRole | None, label: str) -> Measure | None:
    """The measure of a column labelled *label* in a table of *role*."""
    t = compact(label)
    if role is TableRole.EXPENDITURE:
        if "基本支出" in t:
            return Measure(parts=frozenset({"basic"}))
        if "项目支出" in t:
            return Measure(parts=frozenset({"project"}))
        if "机动经费" in t:
            return Measure(parts=frozenset({"reserve"}))
        if re.search(r"合计|总计|小计", t):
            return Measure(parts=BOTH)
        return None
    if role is TableRole.INCOME:
        source = source_of(t)
        if source == "total":
            return Measure(parts=BOTH)
        if source == "fiscal":
            return Measure(parts=BOTH, sources=FISCAL)
        if isinstance(source, FundSource) and source is not FundSource.CARRYOVER:
            return Measure(parts=BOTH, sources=frozenset({source}))
        return None
    if role in DETAIL:
        sources = frozenset({DETAIL[role]})
        if "基本支出" in t:
            return Measure(parts=frozenset({"basic"}), sources=sources)
        if "项目支出" in t:
            return Measure(parts=frozenset({"project"}), sources=sources)
        if "机动经费" in t:
            return Measure(parts=frozenset({"reserve"}), sources=sources)
        if re.search(r"合计|总计|小计", t):
            return Measure(parts=BOTH, sources=sources)
        if t == "金额":  # one amount a line: its kinds are not printed by line
            return Measure(parts=frozenset({"unsplit"}), sources=sources)
    return None


def class_code_finder(catalog: Catalog) -> Callable[[str], str | None]:
    """From a summary row's label ("201 一般公共服务支出", "一、…支出") to its 类 code."""
    names: dict[str, str] = {}
    for number in range(201, 300):
        code = str(number)
        for name in catalog.function_names(code):
            names[compact(name)] = code

    def find(label: str) -> str | None:
        t = compact(label)
        found = _CLASS_CODE.match(t)
        if found:
            return found.group(1)
        return names.get(strip_numbering(t))

    return find
