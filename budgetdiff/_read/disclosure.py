"""`Disclosure`: a published document as printed, every cell with its location.

A disclosure is what was published, not what it means: tables keep their printed
number, title, header and rows, each cell its raw text, its parsed value and the
line it was printed on; the narrative keeps its sections and sentences; what the
reader could not place is kept too, and reported.  `budgetdiff.normalize` turns a
disclosure into the canonical `Budget`.
"""

from __future__ import annotations

import enum
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from decimal import Decimal

from attrs import evolve, field, frozen

from budgetdiff._model.budget import BudgetKind, Scope
from budgetdiff._model.fields import tuple_of
from budgetdiff._model.findings import Location
from budgetdiff._model.money import Money, Unit
from budgetdiff._model.profile import StaffKind
from budgetdiff._model.tables import TableRole


class Template(enum.Enum):
    """The family of layout a document follows."""

    XINJIANG = "xinjiang"  # the seed's: 第一部分…第四部分, 表一…表九 in 万元
    SHANGHAI = "shanghai"  # 目录, tables titled 部门财务收支预算总表…, amounts in 元
    UNKNOWN = "unknown"


class CellKind(enum.Enum):
    """What a printed cell holds."""

    BLANK = "blank"  # nothing, or only spaces
    DASH = "dash"  # "—", "－", "-": printed "no value"
    NUMBER = "number"
    MALFORMED = "malformed"  # looks like a number but is not one ("433..34")
    TEXT = "text"


class ColumnKind(enum.Enum):
    """What a table column holds."""

    CODE = "code"  # 类 / 款 / 项, or a whole classification code
    LABEL = "label"  # the row's name (科目名称, 项目, 项目名称)
    AMOUNT = "amount"
    TEXT = "text"


class SectionPart(enum.Enum):
    """Which part of a document a section belongs to."""

    COVER = "cover"  # title lines before anything else
    CONTENTS = "contents"  # 目录
    PROFILE = "profile"  # 单位概况: 主要职能, 机构设置
    TABLES = "tables"  # 第二部分: the tables (their text lines)
    NARRATIVE = "narrative"  # 情况说明
    GLOSSARY = "glossary"  # 名词解释


class ProblemKind(enum.Enum):
    """What kind of reading problem a `ReadProblem` reports."""

    ENCODING = "encoding"
    MALFORMED_NUMBER = "malformed_number"
    TEXT_IN_AMOUNT = "text_in_amount"
    MALFORMED_CODE = "malformed_code"
    ROW_WIDTH = "row_width"
    UNRECOGNISED = "unrecognised"
    MISSING_TABLE = "missing_table"
    NO_UNIT = "no_unit"
    UNKNOWN_COLUMN = "unknown_column"
    TABLE_AS_TEXT = "table_as_text"
    NOT_FOUND = "not_found"
    NO_TEXT_LAYER = "no_text_layer"  # a PDF page that is an image (a scan)
    SCRIPT = "script"  # traditional characters or pinyin annotations, read as simplified
    WORKBOOK = "workbook"  # a workbook's sheet or cell read with a caveat (hidden, formula…)


# Line numbers a message names in words: "第12行", "第12、15行", "line 12", "lines 12, 15"
_LINE_NUMBERS = re.compile(r"(?<=第)\d+(?:、\d+)*(?=行)|(?<=\bline )\d+|(?<=\blines )\d+(?:, \d+)*")
_NUMBER = re.compile(r"\d+")
# a note saying a table is empty, or that its unit has nothing to print in it
_EMPTY_NOTE = re.compile(
    r"空表|无数据|^(?:(?:备注|注|说明)[：:])?[（(]?(?:本(?:单位|部门)(?:\d{4}年度?)?)?(?:无|没有)"
)
_HELD = "\x00{}\x00"


class Medium(enum.Enum):
    """What a disclosure was read from."""

    TEXT = "text"
    PDF = "pdf"
    WORKBOOK = "xlsx"


@frozen(kw_only=True)
class SourceFile:
    """
    One file a disclosure was read from, and where its text starts.

    A PDF or a workbook is read as text laid out like a published text; a
    disclosure published as several files (its narrative and its tables) is
    read as one text, the files one after another.  ``page_lines`` holds the
    first line of each PDF page, ``cells`` the sheet and cell of each line of
    a workbook (``""`` for lines that are not a cell).
    """

    source: str
    medium: Medium = Medium.TEXT
    first_line: int = 1
    page_lines: tuple[int, ...] = field(default=(), converter=tuple_of)
    cells: tuple[str, ...] = field(default=(), converter=tuple_of)


@frozen(kw_only=True)
class ReadProblem:
    """Something the reader could not read cleanly; nothing is dropped because of it."""

    kind: ProblemKind
    message: str  # Chinese
    message_en: str
    location: Location
    end_line: int | None = None  # the last line of a block
    text: str = ""  # the text as printed
    suggestion: Decimal | str | None = None  # the likely intended value, when unambiguous

    def __str__(self) -> str:
        return f"{self.location}: {self.message_en}"


@frozen(kw_only=True)
class TextLine:
    """One printed line of text and its line number (1-based)."""

    number: int
    text: str


@frozen(kw_only=True, cache_hash=True)  # used as keys by the checks
class PrintedCell:
    """
    One printed cell: where it is, its raw text, and what it reads as.

    ``value`` is the exact number printed (None for a blank, a dash, text or a
    malformed number); ``amount`` is that number as `Money` in the table's unit,
    for cells of amount columns.  A blank cell is None, never zero.
    """

    location: Location
    raw: str
    kind: CellKind
    value: Decimal | None = None
    amount: Money | None = None
    suggestion: Decimal | None = None  # for a malformed number, when unambiguous

    @property
    def text(self) -> str:
        """The cell's text without surrounding spaces (ASCII, full-width, tabs)."""
        return self.raw.strip()

    @property
    def line(self) -> int:
        """The line the cell is printed on; 0 for a cell a merged span covers (not printed)."""
        return self.location.line or 0

    @property
    def printed(self) -> bool:
        return self.location.line is not None


@frozen(kw_only=True, cache_hash=True)  # used as keys by the checks
class PrintedRow:
    """One printed row: its cells, its label and code as printed."""

    line: int  # the line of its first cell
    cells: tuple[PrintedCell, ...] = field(converter=tuple_of)
    label: str = ""  # the row's name (for two-sided tables, the left side's)
    code: str = ""  # the classification code its code columns print, joined ("2111101")
    code_suggestion: str = ""  # the code it most likely means, when the printed one is broken
    is_total: bool = False  # 合计 / 总计 / 收入总计 …

    @property
    def last_line(self) -> int:
        return max((c.line for c in self.cells), default=self.line)

    def texts(self) -> tuple[str, ...]:
        return tuple(c.text for c in self.cells)

    def cell(self, column: int) -> PrintedCell | None:
        return self.cells[column] if 0 <= column < len(self.cells) else None


@frozen(kw_only=True, cache_hash=True)  # used as keys by the checks
class Column:
    """A table column: its label (the most specific header text), its header path, its kind."""

    index: int
    label: str
    path: tuple[str, ...] = field(converter=tuple_of)
    kind: ColumnKind = ColumnKind.AMOUNT


@frozen(kw_only=True, cache_hash=True)  # used as keys by the checks
class PrintedTable:
    """A table as printed: number, role, title, unit, header, rows and notes."""

    ordinal: int  # its position among the document's tables, from 1
    number: str  # as printed: "表一", "表3", or "" (Shanghai tables are unnumbered)
    role: TableRole | None
    title: str
    title_line: int
    unit: Unit | None  # None when the table prints no unit line
    unit_text: str = ""  # the unit line as printed ("单位：万元")
    preparer: str = ""  # 编制部门（单位）
    header: tuple[PrintedRow, ...] = field(default=(), converter=tuple_of)
    columns: tuple[Column, ...] = field(default=(), converter=tuple_of)
    rows: tuple[PrintedRow, ...] = field(default=(), converter=tuple_of)
    repeated_headers: tuple[PrintedRow, ...] = field(default=(), converter=tuple_of)
    notes: tuple[TextLine, ...] = field(default=(), converter=tuple_of)
    first_line: int = 0
    last_line: int = 0

    @property
    def name(self) -> str:
        """How locations name this table: its printed number, else its title."""
        return self.number or self.title

    @property
    def totals(self) -> tuple[PrintedRow, ...]:
        """The printed total rows (合计, 总计, 收入总计 …)."""
        return tuple(row for row in self.rows if row.is_total)

    @property
    def is_empty(self) -> bool:
        """True when no amount is printed (a note may say 此表为空表)."""
        return not any(c.value for row in self.rows for c in row.cells if c.amount is not None)

    @property
    def says_empty(self) -> bool:
        """
        True when a note says the table is empty (此表为空表, 本表无数据) or that there is
        nothing to print in it (注：本部门无相关收支项目, "（无政府性基金支出）").
        """
        return any(_EMPTY_NOTE.search(re.sub(r"\s+", "", n.text)) for n in self.notes)

    def cells(self) -> Iterator[PrintedCell]:
        """Every cell: header, body and repeated headers, in printed order."""
        rows = sorted((*self.header, *self.rows, *self.repeated_headers), key=lambda r: r.line)
        for row in rows:
            yield from row.cells

    def column(self, index: int) -> Column | None:
        return self.columns[index] if 0 <= index < len(self.columns) else None


@frozen(kw_only=True)
class StaffingStatement:
    """One staffing figure the profile states, with the change it states against last year."""

    kind: StaffKind
    count: int
    stated_change: int | None = None  # "无增加或减少" is 0; None when not stated
    change_text: str = ""  # as printed: "无增加或减少", "增加2人"
    text: str = ""  # the statement as printed: "在职5人，无增加或减少"
    line: int = 0


@frozen(kw_only=True)
class StatedProfile:
    """The unit's profile as the document states it."""

    name: str = ""
    functions: str = ""
    functions_line: int | None = None
    offices: tuple[str, ...] = field(default=(), converter=tuple_of)
    offices_stated_count: int | None = None  # "下设6个科室"
    subordinate_units: tuple[str, ...] = field(default=(), converter=tuple_of)
    subordinate_stated_count: int | None = None  # "下属 5 家预算单位"
    staffing: tuple[StaffingStatement, ...] = field(default=(), converter=tuple_of)

    def staffing_of(self, kind: StaffKind) -> StaffingStatement | None:
        return next((s for s in self.staffing if s.kind is kind), None)


@frozen(kw_only=True)
class Sentence:
    """A sentence of the narrative, with the lines it was printed on."""

    text: str
    line: int
    end_line: int


@frozen(kw_only=True)
class Section:
    """A titled section of text ("三、关于…支出预算情况说明", "（一）机关运行经费情况")."""

    title: str
    number: str  # "三", "（一）", "第一部分", or ""
    level: int  # 0: a part or a top title; 1: 一、; 2: （一）
    part: SectionPart
    line: int
    lines: tuple[TextLine, ...] = field(default=(), converter=tuple_of)
    sentences: tuple[Sentence, ...] = field(default=(), converter=tuple_of)
    rows: tuple[PrintedRow, ...] = field(default=(), converter=tuple_of)  # cell rows within it

    @property
    def text(self) -> str:
        """The section's sentences joined (line breaks of wrapped lines removed)."""
        return "".join(s.text for s in self.sentences)


@frozen(kw_only=True)
class PrintedIndicator:
    """One indicator row of a performance-target table, as printed."""

    level1: str
    level2: str
    level3: str
    value: str
    line: int


@frozen(kw_only=True)
class PerformanceTable:
    """A project's performance-target table (项目支出绩效目标表) as printed."""

    project: str
    unit_name: str = ""  # 预算单位 / 主管部门
    year_text: str = ""  # （2021年）
    money_unit: Unit = Unit.WAN_YUAN  # 项目资金（万元）
    total: PrintedCell | None = None  # 年度资金总额
    fiscal: PrintedCell | None = None  # 其中：财政拨款
    other: PrintedCell | None = None  # 其他资金
    goal: str = ""  # 项目总体目标 / 年度总体目标
    indicators: tuple[PrintedIndicator, ...] = field(default=(), converter=tuple_of)
    rows: tuple[PrintedRow, ...] = field(default=(), converter=tuple_of)
    title_line: int = 0
    last_line: int = 0


@frozen(kw_only=True)
class SignOff:
    """The unit and date that close a document."""

    unit: str
    date: str
    line: int


@frozen(kw_only=True)
class TextBlock:
    """Lines the reader could not place, kept as printed (and reported)."""

    first_line: int
    last_line: int
    lines: tuple[TextLine, ...] = field(converter=tuple_of)
    rows: tuple[PrintedRow, ...] = field(default=(), converter=tuple_of)


@frozen(kw_only=True)
class Disclosure:
    """
    A published budget or final-accounts document, as printed.

    Build one with `budgetdiff.read`; turn it into a `Budget` with
    `budgetdiff.normalize`.

    .. versionadded:: 0.1.0
    """

    source: str
    encoding: str  # "utf-8", "utf-8-sig" (with BOM), "gb18030", …
    newline: str  # "\\n" or "\\r\\n" as the file had them
    template: Template
    year: int | None
    unit_name: str
    kind: BudgetKind
    scope: Scope | None
    title: str = ""
    profile: StatedProfile = StatedProfile()
    contents: tuple[TextLine, ...] = field(default=(), converter=tuple_of)
    tables: tuple[PrintedTable, ...] = field(default=(), converter=tuple_of)
    sections: tuple[Section, ...] = field(default=(), converter=tuple_of)
    performance_tables: tuple[PerformanceTable, ...] = field(default=(), converter=tuple_of)
    sign_off: SignOff | None = None
    unplaced: tuple[TextBlock, ...] = field(default=(), converter=tuple_of)
    problems: tuple[ReadProblem, ...] = field(default=(), converter=tuple_of)
    line_count: int = 0
    files: tuple[SourceFile, ...] = field(default=(), converter=tuple_of)  # () for one text

    @property
    def medium(self) -> Medium:
        """What the disclosure was read from (its first file, when several)."""
        return self.files[0].medium if self.files else Medium.TEXT

    def locate(self, location: Location) -> Location:
        """
        *location* as its reader finds it: the file, the PDF page or workbook cell, and the
        line within that file, for a location of this disclosure given by its line.

        .. versionadded:: 0.2.0
        """
        if location.line is None or not self.files or location.source not in ("", self.source):
            return location
        file = max(
            (f for f in self.files if f.first_line <= location.line),
            key=lambda f: f.first_line,
            default=self.files[0],
        )
        line = location.line - file.first_line + 1
        page = location.page
        if file.page_lines and page is None:
            page = bisect_right(file.page_lines, line)
        cell = location.cell
        if file.cells and not cell and 0 < line <= len(file.cells):
            cell = file.cells[line - 1]
        return evolve(location, source=file.source, line=line, page=page, cell=cell)

    def placed(self, text: str, locations: Iterable[Location] = ()) -> str:
        """
        *text* (a message) naming its places as a reader of the files finds them: each of
        *locations* as `locate` gives it, and the lines it names in words ("第1203行",
        "line 1203") as lines of their file.  A disclosure of one text is left as it is.

        .. versionadded:: 0.2.0
        """
        if not self.files:
            return text
        held: list[str] = []
        for location in locations:
            found = self.locate(location)
            if found != location and str(location) in text:
                text = text.replace(str(location), _HELD.format(len(held)))
                held.append(str(found))
        if len(self.files) > 1:

            def file_line(number: re.Match[str]) -> str:
                line = self.locate(Location(source=self.source, line=int(number.group()))).line
                return str(line)

            text = _LINE_NUMBERS.sub(lambda m: _NUMBER.sub(file_line, m.group()), text)
        for index, found_text in enumerate(held):
            text = text.replace(_HELD.format(index), found_text)
        return text

    @property
    def units(self) -> tuple[Unit, ...]:
        """The money unit of each table, in table order (None where a table prints none)."""
        return tuple(t.unit for t in self.tables if t.unit is not None)

    def table(self, role: TableRole) -> PrintedTable | None:
        """The first table printed with *role*, if any."""
        return next((t for t in self.tables if t.role is role), None)

    def tables_with(self, role: TableRole) -> tuple[PrintedTable, ...]:
        return tuple(t for t in self.tables if t.role is role)

    def narrative(self) -> tuple[Section, ...]:
        """
        The sections of the 情况说明 (the narrative proper).  A text with neither tables nor
        a 说明 heading (a 三公经费 note, a web page's opening) is its narrative throughout,
        its glossary apart.

        .. versionchanged:: 0.2.0
           A text without tables or a 说明 heading is narrative throughout.
        """
        stated = tuple(s for s in self.sections if s.part is SectionPart.NARRATIVE)
        if stated or self.tables:
            return stated
        return tuple(s for s in self.sections if s.part is not SectionPart.GLOSSARY)

    def sentences(self) -> Iterator[tuple[Section, Sentence]]:
        for section in self.sections:
            for sentence in section.sentences:
                yield section, sentence

    def cells(self) -> Iterator[PrintedCell]:
        """Every cell of every table, in table order."""
        for table in self.tables:
            yield from table.cells()
