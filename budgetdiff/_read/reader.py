"""`read`: one front door for published texts and structured files.

A published text (the seed's 第一部分…第四部分 with 表一…表九, or a Shanghai
document with its 目录 and tables in 元) becomes a `Disclosure`: what was printed,
each cell with its location.  A YAML, JSON or TOML file becomes a `Budget`.  The
choice is made from the content, not only the suffix (a .txt holding YAML is YAML).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from attrs import evolve

from budgetdiff._model.budget import Budget, BudgetKind
from budgetdiff._model.files import Format, loads
from budgetdiff._model.findings import Location
from budgetdiff._model.money import Unit
from budgetdiff._model.tables import TableRole
from budgetdiff.exceptions import InvalidFileError, ReadError

from .disclosure import (
    Disclosure,
    Medium,
    PerformanceTable,
    PrintedTable,
    ProblemKind,
    ReadProblem,
    Section,
    SectionPart,
    SourceFile,
    Template,
    TextBlock,
    TextLine,
)
from .document_facts import (
    EXPECTED,
    ROLE_NAMES,
    default_unit,
    kind_of,
    scope_of,
    sign_off_of,
    template_of,
    title_of,
    unit_name_of,
    year_of,
)
from .encoding import decode
from .layout import blocks
from .media import Layout, is_laid_out, layout_of, refuse_unreadable
from .performance_tables import read_performance_table
from .problems import problem
from .profile_text import stated_profile
from .script import simplified
from .segment import SectionDraft, Segments, TableDraft, segment
from .sentences import sentences
from .table_grid import GridBuilder, plain_row
from .table_titles import unit_in

_STRUCTURED_SUFFIXES = frozenset({".yaml", ".yml", ".json", ".toml"})
_KEYS = r"(?:year|kind|scope|presentation|profile|income|expenditure)"
_JSON_BUDGET = re.compile(r'\s*\{\s*"' + _KEYS + '"')
_BUDGET_KEY = re.compile(r"\s*\[?" + _KEYS + r"\]?\s*[:=]")


def read(path: str | Path, *more: str | Path) -> Disclosure | Budget:
    """
    Read a published document into a `Disclosure`, or a structured file into a `Budget`.

    A published document is a text (UTF-8 or GBK), a PDF with a text layer (the
    ``pdf`` extra) or a workbook of the tables (the ``xlsx`` extra).  A disclosure
    published as several files (its narrative and its tables) is one document:
    ``read("narrative.pdf", "tables.pdf")``, or a folder holding just those files.
    The kind of file is decided from its content (a PDF or a workbook by its first
    bytes; a published text prints cells after TABs and Chinese headings; a
    structured file starts with budget keys), then from its suffix.

    Raises:
        ReadError: the file cannot be read (unknown encoding, a binary or a CSV file,
            a PDF without a text layer), or one of several files is a structured budget.
        InvalidFileError: a structured file does not describe a budget.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       PDFs, workbooks, and one disclosure in several files.
    """
    if more:
        return read_parts([path, *more])
    path = Path(path)
    if path.is_dir():
        files = documents_in(path)
        if not files:
            kinds = ", ".join(DOCUMENT_SUFFIXES)
            raise ReadError(str(path), f"the folder holds no published document ({kinds})")
        return read_parts(files) if len(files) > 1 else read(files[0])
    return read_bytes(_bytes_of(path), source=str(path), suffix=path.suffix.lower())


DOCUMENT_SUFFIXES = (".txt", ".pdf", ".xlsx", ".xlsm")
"""The files a folder of published documents is searched for."""


def documents_in(folder: str | Path) -> list[Path]:
    """The published documents in *folder* and below (by suffix), sorted by path."""
    return sorted(
        p for p in Path(folder).rglob("*") if p.suffix.lower() in DOCUMENT_SUFFIXES and p.is_file()
    )


def read_parts(paths: Sequence[str | Path]) -> Disclosure:
    """
    One disclosure published as several files, read as one document in the order given.

    Raises:
        ReadError: a file cannot be read, or is a structured budget.

    .. versionadded:: 0.2.0
    """
    layouts: list[Layout] = []
    line = 1
    for item in map(Path, paths):
        data, source, suffix = _bytes_of(item), str(item), item.suffix.lower()
        refuse_unreadable(data, source=source, suffix=suffix)
        if not is_laid_out(data, suffix) and _is_structured(decode(data, source).text, suffix):
            raise ReadError(source, "a structured budget cannot be one part of a disclosure")
        layout = layout_of(data, source=source, suffix=suffix, first_line=line)
        if not layout.text.endswith("\n"):
            layout = evolve(layout, text=layout.text + "\n")
        layouts.append(layout)
        line += layout.text.count("\n")
    text = "\f".join(layout.text for layout in layouts)  # each file begins a page
    first = layouts[0]
    return _Assembler(
        text,
        source=" + ".join(layout.file.source for layout in layouts),
        encoding=first.encoding,
        newline=first.newline,
        files=[layout.file for layout in layouts],
        problems=[p for layout in layouts for p in layout.problems],
    ).run()


def laid_out(path: str | Path) -> str:
    """
    The text the reader reads from the published document *path*: a text as decoded,
    a PDF or a workbook laid out line by line, so "line N" in a message is line N of it.

    Raises:
        ReadError: the file cannot be read, or is a structured budget (it has no layout).

    .. versionadded:: 0.2.0
    """
    path = Path(path)
    data, source, suffix = _bytes_of(path), str(path), path.suffix.lower()
    refuse_unreadable(data, source=source, suffix=suffix)
    if not is_laid_out(data, suffix) and _is_structured(decode(data, source).text, suffix):
        raise ReadError(source, "a structured budget has no published layout: `show` prints it")
    return layout_of(data, source=source, suffix=suffix).text


def _bytes_of(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ReadError(str(path), exc.strerror or str(exc)) from None


def read_bytes(data: bytes, *, source: str, suffix: str = "") -> Disclosure | Budget:
    """`read` for bytes already in memory (*source* names them in messages)."""
    refuse_unreadable(data, source=source, suffix=suffix)
    if is_laid_out(data, suffix):
        layout = layout_of(data, source=source, suffix=suffix)
        return _Assembler(
            layout.text, source=source, files=[layout.file], problems=layout.problems
        ).run()
    decoded = decode(data, source)
    if _is_structured(decoded.text, suffix):
        if suffix in _STRUCTURED_SUFFIXES:
            return loads(decoded.text, Format.for_path(Path(f"x{suffix}")), source=source)
        try:
            return loads(decoded.text, source=source)
        except InvalidFileError as exc:  # a text file that looks structured but is not a budget
            raise ReadError(source, "; ".join(exc.problems), line=1) from None
    return parse_disclosure(
        decoded.text, source=source, encoding=decoded.encoding, newline=decoded.newline
    )


def _is_structured(text: str, suffix: str) -> bool:
    if "\t" in text[:4000] and "\n\t" in text:
        return False  # published texts print their cells after TABs
    text = text.lstrip("\ufeff")
    if _JSON_BUDGET.match(text):
        return True
    first = next((ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")), "")
    if _BUDGET_KEY.match(first):
        return True
    return suffix in _STRUCTURED_SUFFIXES and not re.search(r"[\u4e00-\u9fff]", first)


def parse_disclosure(
    text: str, *, source: str = "<text>", encoding: str = "utf-8", newline: str = "\n"
) -> Disclosure:
    """A `Disclosure` from the decoded text of a published document."""
    return _Assembler(text, source=source, encoding=encoding, newline=newline).run()


class _Assembler:
    def __init__(
        self,
        text: str,
        *,
        source: str,
        encoding: str = "utf-8",
        newline: str = "\n",
        files: Sequence[SourceFile] = (),
        problems: Sequence[ReadProblem] = (),
    ) -> None:
        self.text = text
        self.source = source
        self.encoding = encoding
        self.newline = newline
        self.files = tuple(files)
        self.problems: list[ReadProblem] = list(problems)

    def run(self) -> Disclosure:
        script = simplified(self.text)
        self.text = script.text
        layout = blocks(self.text)
        parts = segment(layout)
        cover = [ln for s in parts.sections if s.part is SectionPart.COVER for ln in s.lines]
        template = template_of(parts, cover)
        unit = default_unit(parts, template)
        tables = [self._table(i, draft, unit) for i, draft in enumerate(parts.tables, 1)]
        name = unit_name_of(parts, cover, tables)
        sign_off, sections = sign_off_of(parts.sections)
        profile = stated_profile(name, parts.sections)
        heading_text = [s.title for s in parts.sections if s.level == 0]
        title_lines = [ln.text for ln in cover] + heading_text
        kind = kind_of(title_lines, tables)
        year = year_of(cover, parts.sections, tables)
        scope = scope_of(title_lines, profile.subordinate_units, profile.subordinate_stated_count)
        performance = self._performance(parts)
        unplaced = self._unplaced(parts) + self._text_tables(parts.text_tables)
        if self.encoding not in ("utf-8", "utf-8-sig"):
            where = Location(source=self.source, line=1)
            self.problems.insert(0, problem(ProblemKind.ENCODING, where, encoding=self.encoding))
        if script.folded or script.pinyin:
            where = Location(source=self.source, line=1)
            found = problem(
                ProblemKind.SCRIPT,
                where,
                folded=script.folded,
                pinyin=script.pinyin,
                throughout=script.folded * 10 >= _cjk_count(self.text),  # a tenth or more
            )
            self.problems.insert(0, found)
        self._missing(template, kind, tables, parts)
        disclosure = Disclosure(
            source=self.source,
            encoding=self.encoding,
            newline=self.newline,
            template=template,
            year=year,
            unit_name=name,
            kind=kind,
            scope=scope,
            title=title_of(cover, parts.sections),
            profile=profile,
            contents=parts.contents,
            tables=tables,
            sections=[_section(s, self.source) for s in sections],
            performance_tables=performance,
            sign_off=sign_off,
            unplaced=unplaced,
            problems=self.problems,
            line_count=self.text.count("\n") + 1,
            files=self.files
            if any(f.medium is not Medium.TEXT for f in self.files) or len(self.files) > 1
            else (),
        )
        if not disclosure.files:
            return disclosure
        return evolve(disclosure, problems=[_located(p, disclosure) for p in disclosure.problems])

    # -- pieces -------------------------------------------------------------------------------

    def _table(self, ordinal: int, draft: TableDraft, default_unit: Unit) -> PrintedTable:
        unit = unit_in(draft.unit_text)
        name = draft.number or draft.title
        if unit is None:
            where = Location(source=self.source, table=name, line=draft.title_line)
            self.problems.append(problem(ProblemKind.NO_UNIT, where, unit=default_unit.value))
        builder = GridBuilder(
            source=self.source, name=name, role=draft.role, unit=unit or default_unit
        )
        table = builder.build(
            ordinal=ordinal,
            number=draft.number,
            title=draft.title,
            title_line=draft.title_line,
            unit_text=draft.unit_text,
            preparer=draft.preparer,
            rows=draft.rows,
            notes=draft.notes,
            first_line=draft.first_line or draft.title_line,
        )
        self.problems.extend(builder.problems)
        return table

    def _performance(self, parts: Segments) -> tuple[PerformanceTable, ...]:
        result = []
        for draft in parts.performance:
            table = read_performance_table(
                draft.rows, title_line=draft.title_line, source=self.source
            )
            if table is not None:
                result.append(table)
            elif draft.rows:
                where = Location(source=self.source, line=draft.title_line)
                end = max(r.last_line for r in draft.rows)
                self.problems.append(
                    problem(
                        ProblemKind.UNRECOGNISED,
                        where,
                        end_line=end,
                        where_line=draft.title_line,
                        reason="no_project",
                    )
                )
        return tuple(result)

    def _unplaced(self, parts: Segments) -> tuple[TextBlock, ...]:
        result = []
        for block in parts.unplaced:
            rows = [plain_row(r, self.source) for r in block.rows]
            lines = list(block.lines) + [
                TextLine(number=c.line, text=c.text) for r in block.rows for c in r.cells
            ]
            lines.sort(key=lambda ln: ln.number)
            text_block = TextBlock(
                first_line=block.first_line, last_line=block.last_line, lines=lines, rows=rows
            )
            result.append(text_block)
            where = Location(source=self.source, line=block.first_line)
            self.problems.append(
                problem(
                    ProblemKind.UNRECOGNISED,
                    where,
                    text="\n".join(ln.text for ln in lines),
                    end_line=block.last_line,
                    where_line=block.first_line,
                    reason="text" if block.reason == "text" else "cells",
                )
            )
        return tuple(result)

    def _text_tables(self, drafts: Sequence[TableDraft]) -> tuple[TextBlock, ...]:
        """Tables printed as plain text: kept as text blocks, and reported."""
        result = []
        for draft in drafts:
            lines = [TextLine(number=draft.title_line, text=draft.title), *draft.text, *draft.notes]
            last = max(ln.number for ln in lines)
            result.append(TextBlock(first_line=draft.title_line, last_line=last, lines=lines))
            where = Location(source=self.source, table=draft.title, line=draft.title_line)
            self.problems.append(
                problem(
                    ProblemKind.TABLE_AS_TEXT,
                    where,
                    text=draft.title,
                    end_line=last,
                    where_line=draft.title_line,
                    title=draft.title,
                )
            )
        return tuple(result)

    def _missing(
        self,
        template: Template,
        kind: BudgetKind,
        tables: Sequence[PrintedTable],
        parts: Segments,
    ) -> None:
        if not tables and not parts.text_tables:
            return  # no table at all: the document reads as narrative only, said once
        expected = list(EXPECTED.get(template, ()))
        if kind is BudgetKind.FINAL and TableRole.PROJECTS in expected:
            expected.remove(TableRole.PROJECTS)
        printed = {t.role for t in tables} | {t.role for t in parts.text_tables}
        for role in expected:
            if role in printed:
                continue
            zh, en = ROLE_NAMES[role]
            where = Location(source=self.source, table=zh)
            self.problems.append(problem(ProblemKind.MISSING_TABLE, where, name=zh, name_en=en))


def _cjk_count(text: str) -> int:
    return sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")


def _located(found: ReadProblem, disclosure: Disclosure) -> ReadProblem:
    """
    *found* with its messages naming the place as a reader of the file finds it (file,
    page or cell, line in the file); its location stays the disclosure's own, which the
    checks match against cells (`Disclosure.locate` gives the placed one).
    """
    places = (found.location,)
    return evolve(
        found,
        message=disclosure.placed(found.message, places),
        message_en=disclosure.placed(found.message_en, places),
    )


def _section(draft: SectionDraft, source: str) -> Section:
    return Section(
        title=draft.title,
        number=draft.number,
        level=draft.level,
        part=draft.part,
        line=draft.line,
        lines=draft.lines,
        sentences=sentences(draft.lines),
        rows=[plain_row(r, source) for r in draft.rows],
    )
