"""What every normalisation step shares: the disclosure, the catalog, the record of choices."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from budgetdiff._model.catalog import Catalog
from budgetdiff._model.funds import FundSource
from budgetdiff._model.money import Money, Presentation, Unit
from budgetdiff._read.disclosure import CellKind, Disclosure, PrintedCell, PrintedRow, PrintedTable
from budgetdiff._read.problems import render
from budgetdiff._read.table_header import segments_of
from budgetdiff._read.table_titles import compact
from budgetdiff._words import NumberStyle

from .normalized import Copy, Resolution, ResolutionKind

_NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]+、|\d+\s*[.．、]|（[一二三四五六七八九十]+）)\s*"
)


class Context:
    """The disclosure being normalised, the catalog, and the resolutions made so far."""

    def __init__(self, disclosure: Disclosure, catalog: Catalog, presentation: Presentation):
        self.disclosure = disclosure
        self.catalog = catalog
        self.presentation = presentation
        self.resolutions: list[Resolution] = []
        self._read: set[tuple[int, str, str]] = set()
        self.style = NumberStyle(
            unit=presentation.unit,
            places=presentation.places,
            strip_zeros=presentation.unit is Unit.WAN_YUAN,
            thousands=presentation.unit is Unit.YUAN,
        )

    def resolve(
        self,
        kind: ResolutionKind,
        rule: str,
        subject: str,
        *,
        chosen: Any = None,
        copies: Iterable[Copy] = (),
        path: str = "",
        **data: Any,
    ) -> Resolution:
        """Record a choice; its messages come from ``messages/normalize.toml``."""
        listed = tuple(copies)
        values = {
            "subject": subject,
            "chosen": chosen,
            "copies": [
                {"where": str(c.location), "value": c.value, "text": c.text} for c in listed
            ],
            "style": self.style,
            **data,
        }
        resolution = Resolution(
            kind=kind,
            rule=rule,
            subject=subject,
            message=render("normalize.toml", rule, "zh", values),
            message_en=render("normalize.toml", rule, "en", values),
            chosen=chosen,
            copies=listed,
            path=path,
        )
        self.resolutions.append(resolution)
        return resolution

    def amount(self, cell: PrintedCell | None) -> Money | None:
        """
        A cell's amount for the budget: blank and dash are zero; a malformed number is
        its suggestion (recorded); text is None (recorded: not carried).
        """
        if cell is None or cell.kind in (CellKind.BLANK, CellKind.DASH):
            return Money(0)
        if cell.kind is CellKind.NUMBER:
            return cell.amount
        key = (cell.line, cell.location.table, cell.location.column)
        first = key not in self._read
        self._read.add(key)
        unit = self.disclosure_unit(cell)
        if cell.kind is CellKind.MALFORMED and cell.suggestion is not None and unit is not None:
            chosen = Money.of(cell.suggestion, unit)
            if first:
                self.resolve(
                    ResolutionKind.INFERRED,
                    "normalize.malformed",
                    str(cell.location),
                    chosen=chosen,
                    copies=[copy_of(cell)],
                    where=str(cell.location),
                    text=cell.text,
                )
            return chosen
        if first:
            self.resolve(
                ResolutionKind.NOT_CARRIED,
                "normalize.unreadable",
                str(cell.location),
                copies=[copy_of(cell)],
                where=str(cell.location),
                text=cell.text,
            )
        return None

    def disclosure_unit(self, cell: PrintedCell) -> Unit | None:
        """The money unit of the table *cell* was printed in."""
        for table in self.disclosure.tables:
            if table.name == cell.location.table:
                return table.unit
        return None


def copy_of(cell: PrintedCell) -> Copy:
    """A cell as a printed copy of a figure."""
    text = "" if cell.kind in (CellKind.NUMBER, CellKind.BLANK) else cell.text
    return Copy(value=cell.amount, location=cell.location, text=text)


def amount_or_zero(cell: PrintedCell | None) -> Money | None:
    """A cell's amount; a blank or a dash is zero; a malformed number or text is None."""
    if cell is None or cell.kind in (CellKind.BLANK, CellKind.DASH):
        return Money(0)
    return cell.amount


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
