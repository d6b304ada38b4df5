"""A published PDF, laid out as the text the reader reads (the ``pdf`` extra).

pdfplumber finds each page's ruled tables; every row becomes one cell per line after
a TAB with a blank line after the row, the page's other text becomes text lines in
their place above, between or below the tables, and a form feed ends the page.
This is the layout the corpus texts were extracted in, so a PDF and its text read
into the same `Disclosure`, with each line's page kept.

Handled here, before the reader sees the text: a cell's text wrapped over two lines
inside its ruling is joined; a title block printed inside a table's ruling (its
first rows, one cell of several lines) is text above the table; rows whose cells
are all empty (ruled spacers) are dropped; a page number printed alone at the foot
or head of a page ("8", "- 8 -", "第8页") and a running head repeated on most pages
are not text of the document.  A page without a text layer (a scan) is reported
by page; a PDF with none at all
cannot be read.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from io import BytesIO
from typing import TYPE_CHECKING, Any

from attrs import frozen

from budgetdiff.exceptions import ReadError

from .rulings import ruled_tables

if TYPE_CHECKING:
    from pdfplumber.page import Page

PDF_MAGIC = b"%PDF-"

_PAGE_NUMBER = re.compile(
    r"\s*(?:[-－—–]\s*\d{1,4}\s*[-－—–]|第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}(?:\s*/\s*\d{1,4})?)\s*"
)
_TITLE = re.compile(r"表|单位\s*[:：]")  # what a title block printed in a ruling holds
_Y_TOLERANCE = 5  # points: Latin digits set in a CJK line sit up to ~5 pt lower (p11)
_MARGIN = 0.1  # page numbers and running heads sit in the outer tenth of the page
_CHAR_TYPES = ("char",)
# text set off a page's paper is dropped where this much of it is printed on later pages
# (lines wrapped otherwise in the copy aside): a leftover of typesetting, not content
_REPEATED = 0.9


@frozen(kw_only=True)
class RenderedPdf:
    """A PDF as layout text, and what could not be laid out."""

    text: str
    pages: int
    page_lines: tuple[int, ...]  # the first line of each page in `text`, from 1
    no_text_layer: tuple[int, ...]  # pages (from 1) that are images without text


def render_pdf(data: bytes, *, source: str) -> RenderedPdf:
    """
    Lay *data* (a PDF) out as the reader's text, page by page.

    Raises:
        ReadError: the ``pdf`` extra is not installed, the file is not a readable
            PDF (damaged, encrypted), or no page has a text layer.
    """
    try:
        import pdfplumber
        from pdfminer.pdfparser import PDFSyntaxError
    except ImportError:  # pragma: no cover - the extra is installed where tests run
        msg = "reading a PDF needs the pdf extra: pip install 'budgetdiff[pdf]'"
        raise ReadError(source, msg) from None
    pages: list[list[str]] = []
    scans: list[int] = []
    try:
        with pdfplumber.open(BytesIO(data)) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                try:
                    lines, scanned = _page_lines(page)
                except Exception as exc:  # pdfminer raises bare errors on a damaged page
                    msg = f"page {number} cannot be read as a PDF page ({exc})"
                    raise ReadError(source, msg) from None
                if scanned:
                    scans.append(number)
                pages.append(lines)
            _drop_off_paper_copies(pdf.pages, pages)
    except ReadError:
        raise
    except (PDFSyntaxError, Exception) as exc:  # damaged or encrypted files
        name = type(exc).__name__
        raise ReadError(source, f"not a readable PDF ({name}: {exc})") from None
    if pages and len(scans) == len(pages):
        msg = "no page has a text layer (a scanned document): OCR it first"
        raise ReadError(source, msg)
    _drop_running_heads(pages)
    return _joined(pages, scans)


def _joined(pages: list[list[str]], scans: list[int]) -> RenderedPdf:
    text_parts: list[str] = []
    page_lines: list[int] = []
    line = 1
    for lines in pages:
        page_lines.append(line)
        body = "\n".join(["", *lines]) + "\n"
        text_parts.append(body)
        line += body.count("\n")
    return RenderedPdf(
        text="\f".join(text_parts),
        pages=len(pages),
        page_lines=tuple(page_lines),
        no_text_layer=tuple(scans),
    )


def _page_lines(page: Page) -> tuple[list[str], bool]:
    """The page's layout lines, and whether it is an image without text."""
    if not page.chars:
        return [], bool(page.images)
    tables = ruled_tables(page)
    boxes = [t.bbox for t in tables]

    def outside(obj: dict[str, Any]) -> bool:
        if obj.get("object_type") not in _CHAR_TYPES:
            return True
        x = (obj["x0"] + obj["x1"]) / 2
        y = (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    items: list[tuple[float, int, list[str]]] = []
    text_lines = page.filter(outside).extract_text_lines(y_tolerance=_Y_TOLERANCE)
    height = float(page.height)
    for order, found in enumerate(text_lines):
        if _is_page_number(found, height, order, len(text_lines)):
            continue
        items.append((float(found["top"]), 0, [found["text"]]))
    for table in tables:
        items.append((float(table.bbox[1]), 1, list(_row_lines(table.extract()))))
    items.sort(key=lambda item: (item[0], item[1]))
    return [line for _, _, lines in items for line in lines], False


def _drop_off_paper_copies(pdf_pages: Sequence[Page], pages: list[list[str]]) -> None:
    """
    Lay out again, without what lies outside their paper, the pages whose text set off
    the page is printed on later pages (a table typeset on one page and left there,
    below its bottom edge, when its rows were moved on): a copy, not content.  Text set
    off a page and printed nowhere else is read (the corpus texts were extracted so).
    """
    texts: list[str] = []  # each page's text, compact: read only once a page needs them
    for index, page in enumerate(pdf_pages):
        paper = _on_paper(page)
        if paper is page:
            continue
        off = _off_paper_text(page)
        if not texts:
            texts = [_compact(p.extract_text() or "") for p in pdf_pages]
        following = "".join(texts[index + 1 :])
        repeated = sum(len(line) for line in off if line in following)
        if off and repeated >= _REPEATED * sum(len(line) for line in off):
            pages[index] = _page_lines(paper)[0]


def _on_paper(page: Page) -> Page:
    """*page* without the objects lying wholly outside its box; *page* when none does."""
    if all(_inside(page, obj) for obj in page.chars):
        return page
    return page.filter(lambda obj: _inside(page, obj))


def _off_paper_text(page: Page) -> list[str]:
    """The lines of text set outside *page*'s box, compact."""
    off = page.filter(lambda obj: obj.get("object_type") == "char" and not _inside(page, obj))
    lines = (_compact(found["text"]) for found in off.extract_text_lines())
    return [line for line in lines if line]


def _inside(page: Page, obj: dict[str, Any]) -> bool:
    """Whether *obj* is on *page*'s paper: its middle inside the page's box."""
    x0, top, x1, bottom = (float(v) for v in page.bbox)
    x = (float(obj["x0"]) + float(obj["x1"])) / 2
    y = (float(obj["top"]) + float(obj["bottom"])) / 2
    return x0 <= x <= x1 and top <= y <= bottom


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _row_lines(rows: list[list[str | None]]) -> Iterator[str]:
    heading = True
    for row in rows:
        filled = [c for c in row if c and c.strip()]
        if heading and len(filled) == 1 and "\n" in filled[0] and _TITLE.search(filled[0]):
            # a title block printed inside the table's ruling (title, 公开表一, 部门：…)
            yield from (line.strip() for line in filled[0].splitlines() if line.strip())
            continue
        heading = False
        cells = [_cell_text(c) for c in row]
        if not any(c.strip() for c in cells):
            continue  # a ruled spacer row
        for cell in cells:
            yield f"\t{cell}"
        yield ""


def _cell_text(cell: str | None) -> str:
    """A cell's text with the line breaks its ruling wrapped it at removed."""
    return (cell or "").replace("\n", "")


def _is_page_number(line: dict[str, Any], height: float, order: int, count: int) -> bool:
    at_edge = order in (0, count - 1)
    in_margin = line["top"] > height * (1 - _MARGIN) or line["bottom"] < height * _MARGIN
    return at_edge and in_margin and _PAGE_NUMBER.fullmatch(line["text"]) is not None


def _drop_running_heads(pages: list[list[str]]) -> None:
    """Remove a first line printed identically on most pages (a running head)."""
    firsts = Counter(lines[0] for lines in pages if lines)
    if not firsts:
        return
    head, seen = firsts.most_common(1)[0]
    if seen >= 3 and seen * 2 > len(pages) and not head.startswith("\t"):
        for lines in pages:
            if lines and lines[0] == head:
                del lines[0]
