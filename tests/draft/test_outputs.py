"""What people open: Word on A4 in Chinese fonts, HTML whose hover says where, JSON with values."""

from __future__ import annotations

from pathlib import Path

import pytest

from budgetdiff._draft.drafting import draft
from tests.draft.test_truth import comparison_of


def test_docx_is_a4_in_chinese_fonts_with_placeholders_highlighted(tmp_path: Path) -> None:
    pytest.importorskip("docx")
    import docx
    from docx.enum.text import WD_COLOR_INDEX
    from docx.oxml.ns import qn
    from docx.shared import Cm

    from budgetdiff._draft.word import save_docx

    path = tmp_path / "seed.docx"
    save_docx(draft(comparison_of("seed")), path)
    document = docx.Document(str(path))
    page = document.sections[0]
    assert page.page_width is not None
    assert page.page_height is not None
    assert abs(page.page_width - Cm(21)) < Cm(0.01)
    assert abs(page.page_height - Cm(29.7)) < Cm(0.01)
    runs = [r for p in document.paragraphs for r in p.runs]
    fonts = {r._element.get_or_add_rPr().get_or_add_rFonts().get(qn("w:eastAsia")) for r in runs}
    assert {"仿宋_GB2312", "黑体"} <= fonts
    todo = [r for r in runs if r.font.highlight_color == WD_COLOR_INDEX.YELLOW]
    assert todo
    assert all(r.text.startswith("【") for r in todo)
    flagged = [r for r in runs if r.font.highlight_color == WD_COLOR_INDEX.PINK]
    assert any("15.84万元" in r.text for r in flagged)  # the self-check's note


def test_html_hover_says_in_words_where_a_number_came_from() -> None:
    page = draft(comparison_of("wanli-p02-p03")).render("html")
    assert 'title="2024—2025年预算比较：收支总表“项目支出”，两年之差"' in page
    assert "economic:30199#delta" not in page.split("data-source")[0]
    assert 'title="economic:' not in page


def test_json_gives_each_number_its_value_and_source() -> None:
    data = draft(comparison_of("wanli-p02-p03")).data()
    assert data["family"] == "shanghai"
    numbers = [n for s in data["sections"] for p in s["paragraphs"] for n in p["numbers"]]
    assert all(n["value"] and n["where"] and n["source"] for n in numbers)
    fiscal = next(n for n in numbers if n["source"] == "diff:2025:income.fiscal")
    assert fiscal["text"] == "3,355.64万元"
    assert fiscal["value"] == "33556428元"  # exact: 189,767,551 − 156,211,123
    assert fiscal["where"] == "2024—2025年预算比较：收入总表，两年之差：财政拨款"
