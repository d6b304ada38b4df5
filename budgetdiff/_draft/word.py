"""A draft as a Word document (python-docx, the ``docx`` extra)."""

from __future__ import annotations

from pathlib import Path

from budgetdiff.exceptions import BudgetDiffError

from .document import Draft


def save_docx(draft: Draft, path: str | Path) -> None:
    """Write *draft* to *path* as .docx: a title, a heading per section, its paragraphs."""
    try:
        import docx
    except ImportError:
        msg = 'Word output needs python-docx: python -m pip install "budgetdiff[docx]"'
        raise BudgetDiffError(msg) from None
    document = docx.Document()
    document.add_heading(draft.title, level=1)
    for section in draft.sections:
        if section.title:
            document.add_heading(section.title, level=2)
        for paragraph in section.paragraphs:
            document.add_paragraph(paragraph)
    document.save(str(path))
