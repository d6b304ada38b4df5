"""Published PDFs: laid out as the texts they were extracted into, every place on its page."""

from __future__ import annotations

import io
from concurrent.futures import Executor, ThreadPoolExecutor
from functools import cache
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from attrs import evolve
from PIL import Image

import budgetdiff as bd
from budgetdiff._read.media import layout_of
from budgetdiff._read.pdf import render_pdf
from budgetdiff.disclosure import Disclosure, Medium
from budgetdiff.exceptions import ReadError
from budgetdiff.plugin import Location
from tests.conftest import SHARED, shared_path

PDFS = SHARED / "corpus" / "pdf" / "shanghai"
TEXTS = SHARED / "corpus" / "shanghai"
SHANGHAI = sorted(p.stem[:3] for p in PDFS.glob("p*.pdf")) or ["p02"]


def _pdf(prefix: str) -> Path:
    folder = shared_path("corpus", "pdf", "shanghai")
    return next(folder.glob(f"{prefix}_*.pdf"))


def _text(prefix: str) -> Path:
    folder = shared_path("corpus", "shanghai")
    return next(folder.glob(f"{prefix}_*.txt"))


def _figures(document: Disclosure | object) -> bd.Budget:
    """The normalized budget without its notes (which name places: pages, files)."""
    assert isinstance(document, Disclosure)
    return evolve(bd.normalize(document).budget, notes=())


@cache
def _layout(prefix: str) -> str:
    path = _pdf(prefix)
    return layout_of(path.read_bytes(), source=str(path), suffix=".pdf").text


@cache
def _read_pdf(prefix: str) -> Disclosure:
    document = bd.read(_pdf(prefix))
    assert isinstance(document, Disclosure)
    return document


@pytest.mark.parametrize("prefix", [p for p in SHANGHAI if p != "p11"])
def test_a_shanghai_pdf_lays_out_as_the_text_extracted_from_it(prefix: str) -> None:
    """The corpus texts were made with pdfplumber's table finder; the reader gives them back."""
    assert _layout(prefix) == _text(prefix).read_text(encoding="utf-8")


def test_the_pdf_keeps_p11s_narrative_figures_on_their_lines() -> None:
    """
    p11 sets its figures in Times New Roman inside FangSong lines, about 5 pt lower: the
    text extraction put them on a line of their own ("…总计 万元。与 年度相比" then
    "2024 2995.39 2023"); the PDF reader keeps them in the sentence.
    """
    sentence = "上海市普陀区财政局2024年度收入支出总计2995.39万元。与2023年度相比，收入"
    assert sentence in _layout("p11").splitlines()
    assert "2024 2995.39 2023" in _text("p11").read_text(encoding="utf-8").splitlines()
    assert "2024 2995.39 2023" not in _layout("p11").splitlines()
    tables = _layout("p11").split("\f")[7:17]  # its tables read exactly as the text's
    assert tables == _text("p11").read_text(encoding="utf-8").split("\f")[7:17]


@pytest.mark.parametrize("prefix", ["p02", "p06", "p11"])
def test_a_shanghai_pdf_normalizes_and_checks_as_its_text(prefix: str) -> None:
    from_pdf, from_text = _read_pdf(prefix), bd.read(_text(prefix))
    assert isinstance(from_text, Disclosure)
    if prefix == "p11":
        _p11_reads_more_from_its_pdf(_figures(from_pdf), _figures(from_text))
    else:
        assert _figures(from_pdf) == _figures(from_text)
    pdf_report, text_report = bd.check(from_pdf), bd.check(from_text)
    assert [f.rule for f in pdf_report.findings] == [f.rule for f in text_report.findings]
    if prefix == "p11":
        return  # its narrative is four lines shorter: the lines of its findings differ
    assert [
        [(loc.table, loc.row, loc.column, loc.line) for loc in f.locations]
        for f in pdf_report.findings
    ] == [
        [(loc.table, loc.row, loc.column, loc.line) for loc in f.locations]
        for f in text_report.findings
    ]


def _p11_reads_more_from_its_pdf(from_pdf: bd.Budget, from_text: bd.Budget) -> None:
    """
    The tables are the same; the narrative's figures, lost in the text extraction ("机关运行经费
    支出 万元"), are read from the PDF: checked against page 27 of the PDF by hand.
    """
    parts = ("income", "expenditure", "basic_by_economic", "projects", "three_public")
    for part in parts:
        assert getattr(from_pdf, part) == getattr(from_text, part), part
    assert from_text.admin_costs is None
    assert from_pdf.admin_costs == bd.Money.of("184.65", bd.Unit.WAN_YUAN)
    assert from_text.procurement is None
    assert from_pdf.procurement is not None
    assert from_pdf.procurement.total == bd.Money.of("251.25", bd.Unit.WAN_YUAN)
    assert from_pdf.assets is not None
    assert from_pdf.assets.as_of == "2024年12月31日"
    assert from_pdf.assets.equipment_over_1m == 2


def test_a_pdf_finding_names_its_page() -> None:
    """p11's 收入决算表 is printed on pages 8 and 9 of the PDF (checked against the PDF)."""
    report = bd.check(_read_pdf("p11"))
    column_sum = next(f for f in report.findings if f.rule == "table.column_sum")
    pages = [loc.page for loc in column_sum.locations]
    assert pages == [8, 8, 8, 8, 9]
    assert column_sum.locations[0].table == "收入决算表"
    assert any(
        name.endswith("住房保障支出 / 本年收入合计 (page 9, line 504)")
        for name, _ in column_sum.inputs
    )
    assert all(loc.source == str(_pdf("p11")) for loc in column_sum.locations)


def test_a_pdf_disclosure_says_what_it_was_read_from() -> None:
    document = _read_pdf("p02")
    assert document.medium is Medium.PDF
    assert document.files[0].page_lines[:3] == (1, 4, 39)
    assert document.locate(Location(source=document.source, line=40)).page == 3


def _pages(source: Path, indices: list[int]) -> bytes:
    whole = pdfium.PdfDocument(source)
    part = pdfium.PdfDocument.new()
    part.import_pages(whole, indices)
    out = io.BytesIO()
    part.save(out)
    return out.getvalue()


def _scan() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (600, 800), "white").save(out, format="PDF")
    return out.getvalue()


def test_a_page_without_text_layer_is_reported_by_page(tmp_path: Path) -> None:
    mixed = pdfium.PdfDocument(io.BytesIO(_pages(_pdf("p02"), [0])))
    mixed.import_pages(pdfium.PdfDocument(io.BytesIO(_scan())))
    out = tmp_path / "mixed.pdf"
    mixed.save(out)
    document = bd.read(out)
    assert isinstance(document, Disclosure)
    scans = [p for p in document.problems if p.kind.value == "no_text_layer"]
    assert [p.location.page for p in scans] == [2]
    assert "OCR" in scans[0].message_en
    assert "第2页没有文字层" in scans[0].message


def test_a_scanned_pdf_cannot_be_read(tmp_path: Path) -> None:
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(_scan())
    with pytest.raises(ReadError, match=r"no page has a text layer.*OCR it first"):
        bd.read(scan)


def test_a_damaged_pdf_is_one_message() -> None:
    with pytest.raises(ReadError, match=r"^cut\.pdf: not a readable PDF"):
        render_pdf(b"%PDF-1.7\n1 0 obj <<", source="cut.pdf")


NARRATIVE = [*range(9), 31, 32]  # p02's pages but its tables (pages 10–31)
TABLES = list(range(9, 31))


def test_one_disclosure_in_two_pdfs_reads_as_the_whole(tmp_path: Path) -> None:
    """p02 cut into its tables (pages 10–31) and the rest, as some units publish them."""
    narrative, tables = tmp_path / "narrative.pdf", tmp_path / "tables.pdf"
    narrative.write_bytes(_pages(_pdf("p02"), NARRATIVE))
    tables.write_bytes(_pages(_pdf("p02"), TABLES))
    joined = bd.read(narrative, tables)
    assert isinstance(joined, Disclosure)
    assert _figures(joined) == _figures(_read_pdf("p02"))
    notes = bd.normalize(joined).budget.notes
    assert "津贴补贴 (page 20, line 2204)" in notes[0]  # page 29, line 2382 of the whole PDF
    whole = bd.check(_read_pdf("p02"))
    report = bd.check(joined)
    assert sorted(f.rule for f in report.findings) == sorted(f.rule for f in whole.findings)
    sources = {loc.source for f in report.findings for loc in f.locations}
    assert sources <= {str(narrative), str(tables)}
    table_page = next(
        loc for f in report.findings for loc in f.locations if loc.source == str(tables)
    )
    original = next(
        loc
        for f in whole.findings
        for loc in f.locations
        if (loc.table, loc.row, loc.column) == (table_page.table, table_page.row, table_page.column)
    )
    assert table_page.page is not None
    assert original.page == table_page.page + 9


def test_a_folder_is_one_disclosure_for_compare_and_checks_as_one(tmp_path: Path) -> None:
    from budgetdiff._engine.batch import check_many

    folder = tmp_path / "2024"
    folder.mkdir()
    (folder / "a_narrative.pdf").write_bytes(_pages(_pdf("p02"), NARRATIVE))
    (folder / "b_tables.pdf").write_bytes(_pages(_pdf("p02"), TABLES))
    assert _figures(bd.read(folder)) == _figures(_read_pdf("p02"))
    batch = check_many([folder], executor=_inline())
    assert len(batch.reports) == 1
    assert batch.reports[0].source == f"{folder / 'a_narrative.pdf'} + {folder / 'b_tables.pdf'}"


def _inline() -> Executor:
    return ThreadPoolExecutor(max_workers=1)


def test_a_text_without_tables_is_not_a_budget_of_zeros() -> None:
    """p10 is the plain-text export of a disclosure: its tables lost their cells."""
    document = bd.read(_text("p10"))
    assert isinstance(document, Disclosure)
    with pytest.raises(ReadError, match="no table at all was found in it: it reads as narrative"):
        bd.normalize(document)
    report = bd.check(document)
    assert any(f.rule == "narrative.tables.not_checked" for f in report.findings)
    assert report.lacks == "tables"


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("budget.csv", b"code,name,amount\n201,x,1\n", "CSV export"),
        ("budget.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, r"save it as \.xlsx"),
        ("budget.docx", b"PK\x03\x04" + b"\0" * 64, "a Word document"),
        ("budget.zip", b"PK\x03\x04" + b"\0" * 64, "a ZIP archive"),
    ],
)
def test_files_users_mistake_for_a_disclosure_are_refused_with_what_to_give(
    tmp_path: Path, name: str, data: bytes, says: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ReadError, match=says):
        bd.read(path)
