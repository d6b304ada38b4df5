"""From printed rows to a `PrintedTable`: codes, labels, and located, parsed cells.

The header and the columns come from `_read.table_header`; here each body row gets its
code (joined from 类/款/项 columns, a broken one read from its context), its label,
and each cell its location and its value.  What does not fit is reported.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from attrs import evolve

from budgetdiff._model.findings import Location
from budgetdiff._model.money import Money, Unit
from budgetdiff._model.tables import TableRole

from .disclosure import (
    CellKind,
    Column,
    ColumnKind,
    PrintedCell,
    PrintedRow,
    PrintedTable,
    ProblemKind,
    ReadProblem,
    TextLine,
)
from .layout import Block, RawCell
from .numbers import read_number
from .problems import problem
from .table_header import (
    Segment,
    column_kinds,
    column_paths,
    is_total_label,
    owners,
    segments_of,
    split_header,
    three_public_paths,
)
from .table_titles import compact


def plain_row(block: Block, source: str, table: str = "") -> PrintedRow:
    """A row of text cells (no amounts), each located."""
    cells = [
        PrintedCell(
            location=Location(source=source, table=table, line=c.line),
            raw=c.text,
            kind=CellKind.BLANK if not c.text.strip() else CellKind.TEXT,
        )
        for c in block.cells
    ]
    return PrintedRow(
        line=block.line, cells=cells, label=next((c.text for c in cells if c.text), "")
    )


def _aligned(body: Sequence[Block], paths: Sequence[Sequence[str]], width: int) -> list[Block]:
    """
    *body* with its short rows given back the table's empty columns: a column headed by
    nothing and blank in every full row (the margin a title's ruling leaves down the
    left) is not printed on a continuation page, whose rows are that many cells short.
    """
    full = [b for b in body if len(b.cells) == width]
    empty = [
        i
        for i in range(width)
        if not (paths[i] if i < len(paths) else ())
        and full
        and not any(b.cells[i].text.strip() for b in full)
    ]
    if not empty:
        return list(body)
    aligned: list[Block] = []
    for block in body:
        if len(block.cells) != width - len(empty):
            aligned.append(block)
            continue
        cells = list(block.cells)
        for i in empty:
            cells.insert(i, RawCell(text="", line=0))  # not printed on this page
        aligned.append(evolve(block, cells=tuple(cells)))
    return aligned


class GridBuilder:
    """Builds one `PrintedTable`; collects the problems it finds."""

    def __init__(self, *, source: str, name: str, role: TableRole | None, unit: Unit | None):
        self.source = source
        self.name = name
        self.role = role
        self.unit = unit
        self.problems: list[ReadProblem] = []

    # -- body -----------------------------------------------------------------------------

    def build(
        self,
        *,
        ordinal: int,
        number: str,
        title: str,
        title_line: int,
        unit_text: str,
        preparer: str,
        rows: Sequence[Block],
        notes: Sequence[TextLine],
        first_line: int,
    ) -> PrintedTable:
        header_blocks, body_blocks = split_header(rows)
        width, paths, markers = column_paths(header_blocks, body_blocks)
        header_keys = {_key(r) for r in header_blocks}
        repeated = [r for r in body_blocks if _key(r) in header_keys]
        body = [r for r in body_blocks if _key(r) not in header_keys]
        body = _aligned(body, paths, width)
        kinds = column_kinds(paths, body, markers)
        paths = three_public_paths(self.role, paths)
        columns = tuple(
            Column(index=i, label=(p[-1] if p else ""), path=tuple(p), kind=kinds[i])
            for i, p in enumerate(paths)
        )
        segments = segments_of(columns)
        printed_rows: list[PrintedRow] = []
        for block in body:
            printed_rows.append(self._row(block, columns, segments, width, printed_rows))
        last_line = max(
            [first_line, title_line] + [r.last_line for r in rows] + [n.number for n in notes]
        )
        return PrintedTable(
            ordinal=ordinal,
            number=number,
            role=self.role,
            title=title,
            title_line=title_line,
            unit=self.unit,
            unit_text=unit_text,
            preparer=preparer,
            header=[self._plain_row(b, columns) for b in header_blocks],
            columns=columns,
            rows=printed_rows,
            repeated_headers=[self._plain_row(b, columns) for b in repeated],
            notes=notes,
            first_line=first_line,
            last_line=last_line,
        )

    def _plain_row(self, block: Block, columns: Sequence[Column]) -> PrintedRow:
        cells = []
        for i, raw in enumerate(block.cells):
            column = columns[i].label if i < len(columns) else ""
            where = Location(source=self.source, table=self.name, column=column, line=raw.line)
            kind = CellKind.BLANK if not raw.text.strip() else CellKind.TEXT
            cells.append(PrintedCell(location=where, raw=raw.text, kind=kind))
        label = next((c.text for c in cells if c.text), "")
        return PrintedRow(line=block.line, cells=cells, label=label)

    def _row(
        self,
        block: Block,
        columns: Sequence[Column],
        segments: Sequence[Segment],
        width: int,
        previous: Sequence[PrintedRow],
    ) -> PrintedRow:
        raw = list(block.cells)
        texts = [c.text.strip() for c in raw]
        total = any(is_total_label(t) for t in texts[:3] if t)
        if len(raw) != width and width:
            if len(raw) < width and total:
                filler = [RawCell(text="", line=0)] * (width - len(raw))  # spanned, not printed
                raw = [raw[0], *filler, *raw[1:]]
            elif any(texts[width:]) or (len(raw) < width and not (len(raw) == 1 and not texts[0])):
                self._report(
                    ProblemKind.ROW_WIDTH,
                    Location(
                        source=self.source, table=self.name, row=_first(texts), line=block.line
                    ),
                    text=" | ".join(texts),
                    count=len(raw),
                    width=width,
                )
        first = segments[0] if segments else Segment(codes=(), label=None, amounts=())
        code, suggestion = self._code(raw, first.codes, previous, block.line)
        label = self._label(raw, first)
        labels = [_segment_label(raw, segment) for segment in segments] or [""]
        owner = owners(segments)
        cells = [
            self._cell(cell, columns[i] if i < len(columns) else None, labels[owner.get(i, 0)])
            for i, cell in enumerate(raw)
        ]
        return PrintedRow(
            line=block.line,
            cells=cells,
            label=label,
            code=code,
            code_suggestion=suggestion,
            is_total=total or is_total_label(label),
        )

    def _label(self, raw: Sequence[RawCell], segment: Segment) -> str:
        if segment.label is not None and segment.label < len(raw):
            text = raw[segment.label].text.strip()
            if text:
                return text
        for index in segment.codes:  # "合计" printed in the code columns
            if (
                index < len(raw)
                and raw[index].text.strip()
                and not raw[index].text.strip().isdigit()
            ):
                return raw[index].text.strip()
        return ""

    def _code(
        self,
        raw: Sequence[RawCell],
        codes: Sequence[int],
        previous: Sequence[PrintedRow],
        line: int,
    ) -> tuple[str, str]:
        parts = [raw[i].text.strip() for i in codes if i < len(raw)]
        parts = [p for p in parts if p]
        if not parts or not all(p.isdigit() for p in parts):
            return "", ""
        joined = "".join(parts)
        if len(codes) == 1 or _well_formed(parts):
            return joined, ""
        padded = _padded(parts)
        suggestion = padded or _from_context(parts, previous)
        self._report(
            ProblemKind.MALFORMED_CODE,
            Location(source=self.source, table=self.name, row=joined, line=line),
            text=" ".join(parts),
            suggestion=suggestion or None,
            code=" ".join(parts),
            likely=suggestion,
            padded=bool(padded),
        )
        return joined, suggestion

    def _cell(self, raw: RawCell, column: Column | None, label: str) -> PrintedCell:
        where = Location(
            source=self.source,
            table=self.name,
            row=label,
            column=column.label if column else "",
            line=raw.line or None,
        )
        if column is None or column.kind is not ColumnKind.AMOUNT:
            kind = CellKind.BLANK if not raw.text.strip() else CellKind.TEXT
            return PrintedCell(location=where, raw=raw.text, kind=kind)
        number = read_number(raw.text)
        if number.kind is CellKind.MALFORMED:
            self._report(
                ProblemKind.MALFORMED_NUMBER,
                where,
                text=raw.text.strip(),
                suggestion=number.suggestion,
                value=raw.text.strip(),
                likely=number.suggestion,
            )
        elif number.kind is CellKind.TEXT and not is_total_label(raw.text):
            self._report(
                ProblemKind.TEXT_IN_AMOUNT, where, text=raw.text.strip(), value=raw.text.strip()
            )
        amount = None
        if number.value is not None and self.unit is not None:
            amount = Money.of(number.value, self.unit)
        return PrintedCell(
            location=where,
            raw=raw.text,
            kind=number.kind,
            value=number.value,
            amount=amount,
            suggestion=number.suggestion,
        )

    def _report(
        self,
        kind: ProblemKind,
        where: Location,
        *,
        text: str = "",
        suggestion: Decimal | str | None = None,
        **data: Any,
    ) -> None:
        self.problems.append(problem(kind, where, text=text, suggestion=suggestion, **data))


def _key(block: Block) -> tuple[str, ...]:
    return tuple(compact(c.text) for c in block.cells)


def _first(texts: Sequence[str]) -> str:
    return next((t for t in texts if t), "")


def _well_formed(parts: Sequence[str]) -> bool:
    return len(parts[0]) == 3 and all(len(p) == 2 for p in parts[1:])


def _padded(parts: Sequence[str]) -> str:
    """ "301 2" → "30102": a 款 or 项 printed without its leading zero."""
    if len(parts[0]) != 3 or not all(1 <= len(p) <= 2 for p in parts[1:]):
        return ""
    return parts[0] + "".join(p.zfill(2) for p in parts[1:])


def _from_context(parts: Sequence[str], previous: Sequence[PrintedRow]) -> str:
    """The code a row with a broken 类 cell means, from the rows printed above it."""
    if len(parts) < 2 or any(len(p) != 2 for p in parts[1:]):
        return ""
    tail = "".join(parts[1:])
    for row in reversed(previous):
        code = row.code_suggestion or row.code
        if len(code) >= 5 and code[3:5] == parts[1] and len(code[:3]) == 3:
            return code[:3] + tail
        if len(code) == 3:
            break
    return ""


def _segment_label(row: Sequence[RawCell], segment: Segment) -> str:
    """The label of a row's side: its name, else its code as printed."""
    if segment.label is not None and segment.label < len(row):
        text = row[segment.label].text.strip()
        if text:
            return text
    return "".join(row[c].text.strip() for c in segment.codes if c < len(row))
