"""Basic expenditure by economic class, from the 基本支出 table.

The table's codes are checked against the catalog: a line whose printed name is
another code's of the same 类 (the seed's 30213 劳务费, which is 30226) is moved to
that code, and a name that is a variant of its code's catalog name (其他社会保险缴费
for 其他社会保障缴费) gets the catalog name; both are recorded.  A table whose names
contradict its codes throughout numbers its lines its own way: it is kept as
printed, and that is recorded instead.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from attrs import evolve, frozen

from budgetdiff._model.catalog import names_agree
from budgetdiff._model.codes import EconomicCode
from budgetdiff._model.findings import Location
from budgetdiff._model.funds import EconomicLine
from budgetdiff._model.money import ZERO, Money
from budgetdiff._model.tables import TableRole
from budgetdiff._read.columns import sides, text_at
from budgetdiff._read.disclosure import PrintedCell, PrintedRow, PrintedTable
from budgetdiff._read.table_titles import compact

from .context import Context
from .normalized import Copy, ResolutionKind

_PERSONNEL_CLASSES = ("301", "303")


@frozen(kw_only=True)
class _Entry:
    code: str
    name: str
    personnel: Money
    public_use: Money
    location: Location


def _close(printed: str, official: str) -> bool:
    a, b = compact(printed).replace("(", "（").replace(")", "）"), compact(official)
    if len(a) >= 4 and (a in b or b in a):
        return True
    return difflib.SequenceMatcher(a=a, b=b).ratio() >= 0.8


class EconomicBuilder:
    def __init__(self, context: Context) -> None:
        self.context = context
        self.year = context.disclosure.year

    def build(self) -> tuple[EconomicLine, ...]:
        result: list[EconomicLine] = []
        for table in self.context.disclosure.tables_with(TableRole.BASIC_ECONOMIC):
            entries = self._entries(table)
            entries = self._resolve(table, entries)
            result += [
                EconomicLine(
                    code=EconomicCode(e.code),
                    name=e.name,
                    personnel=e.personnel,
                    public_use=e.public_use,
                )
                for e in entries
            ]
        return tuple(result)

    # -- reading ------------------------------------------------------------------------------

    def _entries(self, table: PrintedTable) -> list[_Entry]:
        found: list[_Entry] = []
        by_class = False
        for label_at, codes, amounts in sides(table):
            columns = {compact(table.columns[i].label): i for i in amounts}
            personnel_at = columns.get("人员经费")
            public_at = columns.get("公用经费")
            total_at = next((i for i in amounts if i not in (personnel_at, public_at)), None)
            for row in table.rows:
                if row.is_total:
                    continue
                code = _code(row, codes)
                if code is None:
                    continue
                if code != "".join(row.cells[i].text for i in codes if i < len(row.cells)):
                    self.context.resolve(
                        ResolutionKind.CODE,
                        "normalize.code_from_context",
                        code,
                        chosen=code,
                        copies=[
                            Copy(
                                value=row.code,
                                location=Location(
                                    source=self.context.disclosure.source,
                                    table=table.name,
                                    row=row.label,
                                    line=row.line,
                                ),
                            )
                        ],
                        where=str(Location(table=table.name, row=row.label, line=row.line)),
                        printed=row.code,
                        code=code,
                    )
                name = text_at(row, label_at)
                if personnel_at is not None or public_at is not None:
                    personnel = self._money(
                        row.cell(personnel_at) if personnel_at is not None else None
                    )
                    public_use = self._money(row.cell(public_at) if public_at is not None else None)
                else:
                    amount = self._money(row.cell(total_at) if total_at is not None else None)
                    personnel, public_use = (
                        (amount, ZERO) if code[:3] in _PERSONNEL_CLASSES else (ZERO, amount)
                    )
                    by_class = by_class or bool(amount)
                cell = row.cell(label_at if label_at is not None else 0)
                where = cell.location if cell is not None else Location(line=row.line)
                found.append(
                    _Entry(
                        code=code,
                        name=name,
                        personnel=personnel,
                        public_use=public_use,
                        location=where,
                    )
                )
        if by_class:
            self.context.resolve(
                ResolutionKind.INFERRED, "normalize.by_class", table.name, table=table.name
            )
        codes_printed = {e.code for e in found}
        leaves = [
            e
            for e in found
            if not (
                len(e.code) == 3
                and any(c != e.code and c.startswith(e.code) for c in codes_printed)
            )
        ]
        return [e for e in leaves if e.personnel or e.public_use]

    def _money(self, cell: PrintedCell | None) -> Money:
        amount = self.context.amount(cell)
        return amount if amount is not None else ZERO

    # -- checking against the catalog ---------------------------------------------------------

    def _catalog_name(self, code: str) -> str | None:
        return self.context.catalog.economic_name(code, self.year)

    def _same_class(self, code: str, name: str) -> str | None:
        for number in range(1, 100):
            other = f"{code[:3]}{number:02d}"
            if other == code:
                continue
            official = self._catalog_name(other)
            if official and names_agree(name, official):
                return other
        return None

    def _resolve(self, table: PrintedTable, entries: Sequence[_Entry]) -> list[_Entry]:
        moves: dict[int, str] = {}
        renames: dict[int, str] = {}
        contradictions = 0
        for index, entry in enumerate(entries):
            if len(entry.code) != 5:
                continue
            catalog = self.context.catalog.economic(entry.code, self.year)
            if catalog is None or names_agree(entry.name, catalog.name):
                continue
            other = self._same_class(entry.code, entry.name)
            if other is not None and catalog.verified:
                moves[index] = other
                contradictions += 1
            elif catalog.verified and _close(entry.name, catalog.name):
                renames[index] = catalog.name
            else:
                contradictions += 1
        if contradictions > max(2, len(entries) // 5):
            self.context.resolve(
                ResolutionKind.NOT_CARRIED,
                "normalize.own_numbering",
                table.name,
                table=table.name,
                count=contradictions,
            )
            return list(entries)
        printed = {e.code for e in entries}
        result = list(entries)
        for index, code in moves.items():
            entry = entries[index]
            if code in printed:
                continue
            self.context.resolve(
                ResolutionKind.CODE,
                "normalize.economic_code",
                f"{entry.code} {entry.name}",
                chosen=code,
                copies=[Copy(value=entry.code, location=entry.location, text=entry.name)],
                path=f"basic_by_economic[{index}].code",
                where=str(entry.location),
                printed=entry.code,
                name=entry.name,
                catalog_name=self._catalog_name(entry.code),
                code=code,
            )
            result[index] = evolve(entry, code=code)
        for index, name in renames.items():
            entry = entries[index]
            self.context.resolve(
                ResolutionKind.NAME,
                "normalize.economic_name",
                f"{entry.code} {entry.name}",
                chosen=name,
                copies=[Copy(value=entry.name, location=entry.location, text=entry.name)],
                path=f"basic_by_economic[{index}].name",
                where=str(entry.location),
                code=entry.code,
                printed=entry.name,
                name=name,
            )
            result[index] = evolve(entry, name=name)
        return result


def _code(row: PrintedRow, columns: Sequence[int]) -> str | None:
    parts = [row.cells[i].text for i in columns if i < len(row.cells) and row.cells[i].text]
    if not parts or not all(p.isdigit() for p in parts):
        return None
    code = "".join(parts)
    if len(parts) > 1 and (len(parts[0]) != 3 or any(len(p) != 2 for p in parts[1:])):
        code = row.code_suggestion if columns and columns[0] == 0 else ""
    try:
        EconomicCode(code)
    except (ValueError, TypeError):
        return None
    return code
