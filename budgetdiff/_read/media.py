"""What a file is, and the text the reader reads from it.

A published text is decoded; a PDF and a workbook are laid out as such a text (each
line remembering its page or cell); a CSV export and the binary files users mistake
for a disclosure are refused with what to give instead.  Structured budget files
are not laid out: `reader` loads them.
"""

from __future__ import annotations

from attrs import field, frozen

from budgetdiff._model.fields import tuple_of
from budgetdiff._model.findings import Location
from budgetdiff.exceptions import ReadError

from .disclosure import Medium, ProblemKind, ReadProblem, SourceFile
from .encoding import decode
from .pdf import PDF_MAGIC, render_pdf
from .problems import problem
from .workbook import render_workbook

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls and .doc
_WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm"})
_REFUSED = {
    ".csv": "a CSV export holds one sheet without its titles or units, so budgetdiff does "
    "not read it: give the workbook (.xlsx), the published PDF or its text",
    ".xls": "an Excel 97–2003 workbook (.xls): save it as .xlsx (Excel or WPS: 另存为 .xlsx)",
    ".doc": "a Word 97–2003 document: give the published PDF, or save it as text",
    ".docx": "a Word document: give the published PDF, or save it as text (UTF-8)",
    ".wps": "a WPS document: give the published PDF, or save it as text (UTF-8)",
    ".et": "a WPS spreadsheet: save it as .xlsx",
    ".ofd": "an OFD document: export it to PDF first",
}


@frozen(kw_only=True)
class Layout:
    """A file's text as the reader reads it, and where it came from."""

    text: str
    file: SourceFile
    encoding: str = "utf-8"
    newline: str = "\n"
    problems: tuple[ReadProblem, ...] = field(default=(), converter=tuple_of)


def is_laid_out(data: bytes, suffix: str) -> bool:
    """Whether *data* is a PDF or a workbook (never a structured budget file)."""
    return data.startswith(PDF_MAGIC) or (
        data.startswith(_ZIP_MAGIC) and suffix in _WORKBOOK_SUFFIXES
    )


def refuse_unreadable(data: bytes, *, source: str, suffix: str) -> None:
    """
    Raise for files that are not a disclosure budgetdiff reads, saying what to give.

    Raises:
        ReadError: an empty file, a CSV export, an old Office file, a Word document, an
            unknown archive.
    """
    if not data.strip():
        raise ReadError(source, "the file is empty")
    if suffix in _REFUSED and not data.startswith(PDF_MAGIC):
        raise ReadError(source, _REFUSED[suffix])
    if data.startswith(_OLE_MAGIC) and suffix in _WORKBOOK_SUFFIXES:
        msg = (
            "a password-protected (encrypted) workbook, or an .xls renamed: remove its "
            "password, or save it as .xlsx (Excel or WPS: 另存为 .xlsx)"
        )
        raise ReadError(source, msg)
    if data.startswith(_OLE_MAGIC):
        raise ReadError(source, _REFUSED[".xls" if suffix != ".doc" else ".doc"])
    if data.startswith(_ZIP_MAGIC) and suffix not in _WORKBOOK_SUFFIXES:
        msg = (
            "a ZIP archive (a workbook or a Word file?): budgetdiff reads .xlsx workbooks; "
            "name the file .xlsx if it is one"
        )
        raise ReadError(source, msg)


def layout_of(data: bytes, *, source: str, suffix: str, first_line: int = 1) -> Layout:
    """The text of *data* for the reader, its file starting at *first_line* of the whole."""
    if data.startswith(PDF_MAGIC):
        pdf = render_pdf(data, source=source)
        page_file = SourceFile(
            source=source, medium=Medium.PDF, first_line=first_line, page_lines=pdf.page_lines
        )
        scans = tuple(
            problem(
                ProblemKind.NO_TEXT_LAYER,
                Location(source=source, page=page, line=first_line - 1 + pdf.page_lines[page - 1]),
                page=page,
            )
            for page in pdf.no_text_layer
        )
        return Layout(text=pdf.text, file=page_file, problems=scans)
    if data.startswith(_ZIP_MAGIC) and suffix in _WORKBOOK_SUFFIXES:
        workbook = render_workbook(data, source=source, first_line=first_line)
        sheet_file = SourceFile(
            source=source, medium=Medium.WORKBOOK, first_line=first_line, cells=workbook.cells
        )
        return Layout(text=workbook.text, file=sheet_file, problems=workbook.problems)
    decoded = decode(data, source)
    return Layout(
        text=decoded.text,
        file=SourceFile(source=source, first_line=first_line),
        encoding=decoded.encoding,
        newline=decoded.newline,
    )
