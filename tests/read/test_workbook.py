"""Published workbooks: laid out as a PDF's text is, every figure exact, every line its cell."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from attrs import evolve

import budgetdiff as bd
from budgetdiff._read.media import layout_of
from budgetdiff._read.workbook import render_workbook
from budgetdiff.disclosure import Disclosure, Medium
from budgetdiff.exceptions import ReadError
from budgetdiff.plugin import Location
from tests.conftest import EXAMPLES, shared_path

Items = list[str | list[str]]  # a page: its text lines, and its rows of cells


def _template(kind: str) -> Path:
    return shared_path("corpus", "xlsx", f"shanghai_2026_{kind}_budget_template.xlsx")


def _p03() -> Path:
    return next(shared_path("corpus", "shanghai").glob("p03_*.txt"))


def _figures(document: Disclosure | object) -> bd.Budget:
    """The normalized budget without its notes (which name places: pages, cells)."""
    assert isinstance(document, Disclosure)
    return evolve(bd.normalize(document).budget, notes=())


def _pages(text: str) -> list[Items]:
    """A layout text's pages: text lines, and each table row as its list of cells."""
    pages: list[Items] = []
    for page in text.split("\f"):
        items: Items = []
        row: list[str] | None = None
        for line in page.split("\n"):
            if line.startswith("\t"):
                if row is None:
                    row = []
                    items.append(row)
                row.append(line[1:])
                continue
            row = None
            if line.strip():
                items.append(line)
        pages.append(items)
    return pages


def _value(text: str) -> tuple[Any, str]:
    """A printed cell as a finance officer types it: numbers as numbers, codes as text."""
    if re.fullmatch(r"-?\d{1,3}(?:,\d{3})*|-?\d+", text) and not re.match(r"0\d", text):
        return int(text.replace(",", "")), "#,##0"
    if re.fullmatch(r"-?\d+\.\d+", text):
        return float(text), "General"
    return text or None, "General"


def _prose(sheet: Any, lines: list[str]) -> None:
    """A prose sheet of the template: its title in A1, its text in the big cell A3."""
    sheet["A1"] = lines[0]
    sheet["A3"] = "\n".join(lines[1:])
    for row in sheet.iter_rows(min_row=4):
        for cell in row:
            if type(cell).__name__ == "Cell":  # not the cells a merge covers
                cell.value = None


def _table(sheet: Any, items: Items) -> None:
    """
    A table sheet of the template filled from a printed table: its title and 编制部门
    in their cells, its header kept, its rows (and its notes) written below the header.
    """
    texts = [x for x in items if isinstance(x, str)]
    rows = [x for x in items if isinstance(x, list)]
    anchors = {str(sheet.cell(r, 1).value or ""): r for r in range(1, 8)}
    title = next(r for text, r in anchors.items() if text.endswith("表"))
    unit = next(r for text, r in anchors.items() if "编制" in text)
    sheet.cell(title, 1).value = texts[0]
    sheet.cell(unit, 1).value = texts[1].split(" 单位")[0]
    header = next(
        i for i, r in enumerate(rows) if r[0] == "合计" or any(re.search(r"\d", c) for c in r)
    )
    first = unit + 1 + (not any(sheet.cell(unit + 1, c).value for c in range(1, 10)))
    body = first + header
    for merged in list(sheet.merged_cells.ranges):
        if merged.min_row >= body:
            sheet.unmerge_cells(str(merged))
    sheet.delete_rows(body, sheet.max_row)
    for i, printed in enumerate(rows[header:]):
        for j, text in enumerate(printed):
            value, number_format = _value(text)
            sheet.cell(body + i, j + 1, value).number_format = number_format
    for k, note in enumerate(texts[2:]):
        sheet.cell(body + len(rows) - header + k, 1, note)


def _filled(template: Path, text: str) -> Any:
    """The department template filled with a Shanghai department budget's text (p03)."""
    book = openpyxl.load_workbook(template)
    pages = _pages(text)
    sheets = book.worksheets

    def lines(*numbers: int) -> list[str]:
        return [x for n in numbers for x in pages[n] if isinstance(x, str)]

    sheets[0]["A3"], sheets[0]["A9"] = lines(0)
    contents = [r[0] for r in pages[1] if isinstance(r, list)]
    sheets[1]["A1"] = contents[0]
    for i, entry in enumerate(contents[1:]):
        sheets[1].cell(4 + i, 1, entry)
    for sheet, numbers in zip(
        (sheets[2], sheets[3], sheets[4], sheets[5], sheets[15], sheets[16]),
        ((2,), (3,), (4,), (5, 6, 7), (29,), (30,)),
        strict=True,
    ):
        _prose(sheet, lines(*numbers))
    tables: list[Items] = []
    for page in pages[8:29]:
        if any(isinstance(x, str) and x.endswith("表") for x in page):
            tables.append([])
        tables[-1].extend(page)
    for sheet, items in zip(sheets[6:15], tables, strict=True):
        _table(sheet, items)
    return book


def _bytes(book: Any) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@cache
def _p03_workbook() -> bytes:
    return _bytes(_filled(_template("department"), _p03().read_text(encoding="utf-8")))


def _write(tmp_path: Path, data: bytes, name: str = "budget.xlsx") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# -- the Shanghai templates -----------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["department", "unit"])
def test_a_template_lays_out_its_sheets_and_tables_as_pages(kind: str) -> None:
    path = _template(kind)
    book = openpyxl.load_workbook(path)
    layout = layout_of(path.read_bytes(), source=str(path), suffix=".xlsx")
    assert layout.file.medium is Medium.WORKBOOK
    assert len(layout.file.cells) == layout.text.count("\n")
    assert layout.text.count("\f") == len(book.sheetnames) - 1  # a page per sheet
    lines = layout.text.split("\n")
    title = next(
        i for i, ln in enumerate(lines) if ln.startswith("2026年") and "收入预算总表" in ln
    )
    sheet = book.sheetnames[7]  # 部门收入总表 / 单位收入总表: its title in A2
    assert layout.file.cells[title] == f"{sheet}!A2"
    assert "编制" in lines[title + 1]
    assert lines[title + 1].endswith("单位：元")


@pytest.mark.parametrize("kind", ["department", "unit"])
def test_an_empty_template_is_not_a_budget_of_zeros(kind: str) -> None:
    """Its tables print codes and names, but not one figure: they are not read as a budget."""
    document = bd.read(_template(kind))
    assert isinstance(document, Disclosure)
    assert document.tables == ()
    assert any("unfilled template" in p.message_en for p in document.problems)
    with pytest.raises(ReadError, match="no table at all was found in it"):
        bd.normalize(document)


def test_the_filled_template_lays_out_the_tables_of_its_text() -> None:
    """Each table's rows are the printed rows, cell for cell, header merges included."""
    layout = layout_of(_p03_workbook(), source="p03.xlsx", suffix=".xlsx").text
    text = _p03().read_text(encoding="utf-8")
    rows = [x for page in _pages(layout) for x in page if isinstance(x, list)]
    printed = [x for page in _pages(text)[2:] for x in page if isinstance(x, list)]
    assert rows[-30:] == printed[-30:]  # the last tables; the contents differ (text lines)
    assert ["本年收入", "", "本年支出", ""] in rows  # A6:B6 and C6:D6 merged
    assert ["“三公”经费预算数", "", "", "", "", "", "机关运行经费预算数"] in rows


def test_the_filled_template_normalizes_as_its_text(tmp_path: Path) -> None:
    """p03's figures typed into the Shanghai department template: the same Budget."""
    path = _write(tmp_path, _p03_workbook(), "p03.xlsx")
    from_workbook = bd.read(path)
    assert isinstance(from_workbook, Disclosure)
    assert from_workbook.medium is Medium.WORKBOOK
    assert from_workbook.problems == ()
    assert _figures(from_workbook) == _figures(bd.read(_p03()))


def test_a_workbook_finding_names_its_sheet_and_cell(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(io.BytesIO(_p03_workbook()))
    sheet = book["部门支出总表"]
    assert [c.value for c in sheet[59]][:4] == [212, "01", "01", "行政运行"]
    sheet["E59"].value += 100  # its 合计 off by 100元 from 基本支出 + 项目支出
    report = bd.check(_write(tmp_path, _bytes(book)))
    finding = next(
        f
        for f in report.findings
        if f.rule == "table.basic_project" and f.locations[0].cell == "部门支出总表!E59"
    )
    assert [loc.cell for loc in finding.locations] == [f"部门支出总表!{c}59" for c in "EFG"]
    assert finding.inputs[0][0].endswith(
        "行政运行 / 基本支出 (sheet 部门支出总表, cell F59, line 1318)"
    )


# -- cells ----------------------------------------------------------------------------------------


def _sheet(fill: Callable[[Any], None], *, title: str = "表一") -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    sheet["A1"] = "2025年部门财务收支预算总表"
    sheet["A2"], sheet["C2"] = "编制部门：样例中心", "单位：元"
    sheet.append([])
    sheet.append(["项目", "预算数", "备注"])
    fill(sheet)
    return _bytes(book)


def _rows(data: bytes) -> list[list[str]]:
    rendered = render_workbook(data, source="t.xlsx")
    return [x for page in _pages(rendered.text) for x in page if isinstance(x, list)]


def _reasons(data: bytes) -> list[tuple[str, str]]:
    rendered = render_workbook(data, source="t.xlsx")
    return [(p.location.cell, p.message_en) for p in rendered.problems]


def test_float_noise_is_not_a_figure_and_a_format_shows_the_printed_decimals() -> None:
    def fill(sheet: Any) -> None:
        sheet.append(["一、一般公共预算", 0.1 + 0.2, 0.1 + 0.2])
        sheet["B5"].number_format = "#,##0.00"
        sheet.append(["二、事业收入", 1234567.0, 1 / 3])
        sheet["B6"].number_format = "#,##0"
        sheet.append(["三、其他收入", 1234.567, 0])
        sheet["B7"].number_format = "#,##0.00"
        sheet["C7"].number_format = '_ * #,##0_ ;_ * -#,##0_ ;_ * "-"_ ;_ @_ '

    data = _sheet(fill)
    assert _rows(data)[1:] == [
        ["一、一般公共预算", "0.30", "0.3"],
        ["二、事业收入", "1,234,567", "0.333333333333333"],
        ["三、其他收入", "1,234.57", "-"],
    ]
    problems = _reasons(data)
    assert [cell for cell, _ in problems] == ["表一!C6", "表一!B7"]
    assert "stores 0.333333333333333, which is not an exact decimal" in problems[0][1]
    assert "stores 1234.567, which its number format shows as 1,234.57" in problems[1][1]


def test_a_number_stored_as_text_is_passed_through_as_printed() -> None:
    def fill(sheet: Any) -> None:
        sheet.append(["一、一般公共预算", "1,234.50", "433..34"])

    data = _sheet(fill)
    assert _rows(data)[1] == ["一、一般公共预算", "1,234.50", "433..34"]
    assert _reasons(data) == []


def _cached(data: bytes, values: dict[str, str]) -> bytes:
    """*data* with the results Excel would have saved beside its formulas (<v>…</v>)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                xml = content.decode("utf-8")
                for ref, value in values.items():
                    xml = re.sub(
                        rf'(<c r="{ref}"[^>]*>\s*<f>[^<]*</f>)\s*(<v\s*/>|<v></v>)?',
                        rf"\1<v>{value}</v>",
                        xml,
                    )
                content = xml.encode("utf-8")
            target.writestr(item, content)
    return out.getvalue()


def test_a_formula_gives_its_saved_result_and_without_one_is_blank_and_reported() -> None:
    def fill(sheet: Any) -> None:
        sheet.append(["一、一般公共预算", 100, ""])
        sheet.append(["二、事业收入", 50, ""])
        sheet.append(["收入总计", "=B5+B6", "=SUM(B5:B6)"])

    data = _sheet(fill)
    saved = _cached(data, {"B7": "150"})
    assert _rows(saved)[-1] == ["收入总计", "150", ""]
    problems = _reasons(saved)
    assert [cell for cell, _ in problems] == ["表一!C7"]
    assert "the formula “=SUM(B5:B6)” has no saved result" in problems[0][1]
    assert "not as zero" in problems[0][1]
    assert _rows(data)[-1] == ["收入总计", "", ""]  # never 0
    assert [cell for cell, _ in _reasons(data)] == ["表一!B7", "表一!C7"]


def test_a_merged_header_gives_its_value_at_its_top_left_and_blanks_for_the_rest() -> None:
    def fill(sheet: Any) -> None:
        sheet.insert_rows(4)
        sheet["A4"], sheet["B4"] = "本年收入", "本年支出"
        sheet.move_range("B4", cols=2)
        sheet.merge_cells("A4:B4")
        sheet.merge_cells("D4:E4")
        sheet["D5"], sheet["E5"] = "项目", "预算数"
        sheet.append(["一、一般公共预算", 100, None, "一、一般公共服务支出", 100])

    rows = _rows(_sheet(fill))
    assert rows[0] == ["本年收入", "", "", "本年支出", ""]  # column C: only in the header
    assert rows[-1] == ["一、一般公共预算", "100", "", "一、一般公共服务支出", "100"]


def test_empty_rows_and_columns_are_dropped() -> None:
    def fill(sheet: Any) -> None:
        sheet.append([])
        sheet.append([])
        sheet["F9"] = None
        sheet.append(["一、一般公共预算", 100])

    rows = _rows(_sheet(fill))
    assert rows == [["项目", "预算数", "备注"], ["一、一般公共预算", "100", ""]]


def test_two_tables_on_one_sheet_are_two_tables() -> None:
    def fill(sheet: Any) -> None:
        sheet.append(["一、一般公共预算", 100, None])
        sheet.append(["收入总计", 100, None])
        sheet.append(["2025年部门收入预算总表"])
        sheet.append(["编制部门：样例中心", None, "单位：元"])
        sheet.append(["项目", "合计", None])

    text = render_workbook(_sheet(fill), source="t.xlsx").text
    assert "\n\n2025年部门收入预算总表\n编制部门：样例中心 单位：元\n\t项目\n" in text


def test_dates_booleans_and_errors_in_a_table_are_reported() -> None:
    def fill(sheet: Any) -> None:
        sheet.append(["一、一般公共预算", True, "#DIV/0!"])
        sheet["C5"].data_type = "e"
        sheet.append(["二、事业收入", 45123, None])
        sheet["B6"].number_format = "yyyy-mm-dd"
        sheet.append(["三、其他收入", 100, None])

    data = _sheet(fill)
    assert _rows(data)[1:] == [
        ["一、一般公共预算", "TRUE", "#DIV/0!"],
        ["二、事业收入", "2023-07-16", ""],
        ["三、其他收入", "100", ""],
    ]
    problems = dict(_reasons(data))
    assert "holds TRUE, not an amount" in problems["表一!B5"]
    assert "holds the error #DIV/0!" in problems["表一!C5"]
    assert "holds a date" in problems["表一!B6"]


def test_a_hidden_sheet_is_not_read_and_is_reported(tmp_path: Path) -> None:
    data = _p03_workbook()
    book = openpyxl.load_workbook(io.BytesIO(data))
    copy = book.copy_worksheet(book["部门收入总表"])
    copy.title = "收入总表（工作底稿）"
    copy.sheet_state = "hidden"
    document = bd.read(_write(tmp_path, _bytes(book)))
    assert isinstance(document, Disclosure)
    hidden = [p for p in document.problems if p.location.cell == "收入总表（工作底稿）"]
    assert len(hidden) == 1
    assert "sheet 收入总表（工作底稿）" in hidden[0].message
    assert "hidden" in hidden[0].message_en
    assert _figures(document) == _figures(bd.read(_write(tmp_path, data, "visible.xlsx")))


def test_a_damaged_workbook_is_one_message(tmp_path: Path) -> None:
    cut = _write(tmp_path, _p03_workbook()[:4000], "cut.xlsx")
    with pytest.raises(ReadError, match=r"cut\.xlsx: not a readable workbook"):
        bd.read(cut)
    encrypted = _write(tmp_path, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "locked.xlsx")
    with pytest.raises(ReadError, match=r"locked\.xlsx: a password-protected"):
        bd.read(encrypted)


def test_a_location_in_a_workbook_names_sheet_and_cell() -> None:
    where = Location(table="部门收入预算总表", row="合计", cell="部门收入总表!E20", line=311)
    assert str(where) == "部门收入预算总表 / 合计 (sheet 部门收入总表, cell E20, line 311)"
    assert str(Location(source="x.xlsx", cell="目录")) == "sheet 目录"
    assert str(Location(page=8, line=311)) == "page 8, line 311"


def test_hidden_rows_and_columns_are_not_read_and_said(tmp_path: Path) -> None:
    """A disclosure is what its sheets show: a hidden row or column is left out, and reported."""
    import budgetdiff as bd
    from budgetdiff._cli.main import main

    path = tmp_path / "tables.xlsx"
    assert main(["convert", str(EXAMPLES / "2021.yaml"), "-o", str(path)]) == 0
    book = openpyxl.load_workbook(path)
    sheet = book["表三"]
    sheet.insert_rows(8)
    sheet["A8"], sheet["E8"] = "999", 999.99
    sheet.row_dimensions[8].hidden = True
    book["表二"]["P7"] = 123.0
    book["表二"].column_dimensions["P"].hidden = True
    book.save(path)
    report = bd.check(path)
    said = [f.message for f in report.findings if f.rule == "read.workbook"]
    assert any("cell A8" in m and "该行已隐藏" in m for m in said)
    assert any("cell P7" in m and "该列已隐藏" in m for m in said)
    assert not [f for f in report.findings if f.severity is bd.Severity.ERROR]


def test_the_accounting_format_prints_zero_as_a_dash() -> None:
    """会计专用 ('_ * "-"??_ ' for zero): a zero shows as "-", which reads as no value."""
    from budgetdiff._read.number_formats import number_format, printed_number

    accounting = number_format('_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ ')
    assert printed_number(0.0, accounting).text == "-"
    assert printed_number(1234.5, accounting).text == "1,234.50"
    assert printed_number(0.0, number_format("#,##0.00;-#,##0.00;0.00")).text == "0.00"
