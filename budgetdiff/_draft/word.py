"""
A draft as a Word document (python-docx, the ``docx`` extra), laid out as a government
document: A4, 仿宋 body at 三号 (16 pt), 黑体 headings, 小标宋-sized title, numbers
as the family heads them; placeholders 【…】 highlighted yellow, what the self-check
could not confirm highlighted red and listed in its notes.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from budgetdiff.exceptions import BudgetDiffError

from .document import Draft

BODY_FONT = "仿宋_GB2312"  # falls back to 仿宋 where it is not installed
BODY_FALLBACK = "仿宋"
HEADING_FONT = "黑体"
TITLE_FONT = "方正小标宋简体"
BODY_PT, HEADING_PT, TITLE_PT = 16, 16, 22  # 三号, 三号, 二号
_PLACEHOLDER = re.compile(r"【[^】]*】|\[to be (?:completed|verified)[^\]]*\]")


def _font(run: Any, name: str, size: int, *, bold: bool = False) -> None:
    import docx

    qn = docx.oxml.ns.qn  # type: ignore[attr-defined]
    run.font.name = name
    run.font.size = docx.shared.Pt(size)
    run.font.bold = bold
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:eastAsia", "w:ascii", "w:hAnsi"):
        fonts.set(qn(attr), name)


def _runs(paragraph: Any, text: str, flagged: list[tuple[int, int]], name: str, size: int) -> None:
    """*text* as runs: placeholders yellow, the flagged ranges red, the rest plain."""
    import docx

    WD_COLOR_INDEX = docx.enum.text.WD_COLOR_INDEX  # type: ignore[attr-defined]  # loaded by docx

    marks: dict[int, Any] = {}
    for match in _PLACEHOLDER.finditer(text):
        for i in range(match.start(), match.end()):
            marks[i] = WD_COLOR_INDEX.YELLOW
    for start, end in flagged:
        for i in range(start, min(end, len(text))):
            marks[i] = WD_COLOR_INDEX.PINK
    cut = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or marks.get(i) != marks.get(cut):
            run = paragraph.add_run(text[cut:i])
            _font(run, name, size)
            if marks.get(cut) is not None:
                run.font.highlight_color = marks[cut]
            cut = i


def save_docx(draft: Draft, path: str | Path) -> None:
    """Write *draft* to *path* as .docx: a title, a heading per section, its paragraphs."""
    try:
        import docx
    except ImportError:
        msg = 'Word output needs python-docx: python -m pip install "budgetdiff[docx]"'
        raise BudgetDiffError(msg) from None
    Cm, Pt = docx.shared.Cm, docx.shared.Pt
    centre = docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER  # type: ignore[attr-defined]
    document = docx.Document()
    for page in document.sections:  # A4, the margins of 党政机关公文 (GB/T 9704)
        page.page_width, page.page_height = Cm(21), Cm(29.7)
        page.top_margin, page.bottom_margin = Cm(3.7), Cm(3.5)
        page.left_margin, page.right_margin = Cm(2.8), Cm(2.6)
    normal = document.styles["Normal"]
    normal.font.name = BODY_FALLBACK
    normal.font.size = Pt(BODY_PT)
    normal.paragraph_format.line_spacing = Pt(28)
    zh = draft.locale.startswith("zh")
    title = document.add_paragraph()
    title.alignment = centre
    _font(title.add_run(draft.title), TITLE_FONT if zh else "Times New Roman", TITLE_PT)
    body = BODY_FONT if zh else "Times New Roman"
    heading = HEADING_FONT if zh else "Arial"
    for section in draft.sections:
        if section.title:
            p = document.add_paragraph()
            p.paragraph_format.first_line_indent = Pt(BODY_PT * 2) if zh else None
            _font(p.add_run(section.title), heading, HEADING_PT, bold=not zh)
        for index, paragraph in enumerate(section.paragraphs):
            p = document.add_paragraph()
            if zh:
                p.paragraph_format.first_line_indent = Pt(BODY_PT * 2)
            flagged = [
                (n.start, n.end)
                for n in draft.notes
                if n.section == section.key and n.paragraph == index and n.end > n.start
            ]
            _runs(p, paragraph, flagged, body, BODY_PT)
    if draft.notes:
        p = document.add_paragraph()
        _font(p.add_run(draft.notes_title), heading, HEADING_PT, bold=not zh)
        for number, note in enumerate(draft.notes, start=1):
            p = document.add_paragraph()
            _runs(p, f"{number}. {note.text}", [(0, len(note.text) + 4)], body, BODY_PT)
    document.save(str(path))
