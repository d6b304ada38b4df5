"""
English drafts are a translation of every section, not a summary: every zh_CN section of
every family has an English counterpart, and an English draft has the Chinese draft's
sections, headings and paragraphs, each paragraph with the same traced numbers.
"""

from __future__ import annotations

import functools
import json
from collections import Counter
from pathlib import Path

import pytest

import budgetdiff
from budgetdiff import Comparison
from budgetdiff._draft.document import Draft
from budgetdiff._draft.drafting import draft
from budgetdiff._draft.families import built_in
from tests.conftest import EXAMPLES, shared_path

WANLI = "budget_dept_shanghai_putuo_wanli_jiedao"


@functools.cache
def comparison_of(name: str) -> Comparison:
    if name == "changji":
        paths = [EXAMPLES / "2020.yaml", EXAMPLES / "2021.yaml"]
    else:
        old, new = {
            "wanli-p01-p02": ("p01_2023", "p02_2024"),
            "wanli-p02-p03": ("p02_2024", "p03_2025"),
        }[name]
        paths = [shared_path("corpus", "shanghai", f"{p}_{WANLI}.txt") for p in (old, new)]
    budgets = []
    for path in paths:
        document = budgetdiff.read(path)
        if isinstance(document, budgetdiff.Disclosure):
            document = budgetdiff.normalize(document).budget
        budgets.append(document)
    return budgetdiff.compare(*budgets)


@pytest.mark.parametrize("family", [f.name for f in built_in()])
def test_every_chinese_section_has_an_english_counterpart(family: str) -> None:
    """Each zh_CN/NN_name.j2 (and the title) of a built-in family has en/NN_name.j2."""
    folder = next(f.folder for f in built_in() if f.name == family)
    chinese = sorted(p.name for p in (folder / "zh_CN").glob("*.j2") if not p.name.startswith("_"))
    assert chinese, f"{family} has no zh_CN sections"
    missing = [name for name in chinese if not (folder / "en" / name).is_file()]
    assert missing == [], f"{family}/en lacks {missing}"


PAIRS = [
    ("changji", "xinjiang"),
    ("changji", "shanghai"),
    ("wanli-p01-p02", "shanghai"),
    ("wanli-p02-p03", "shanghai"),
    ("wanli-p02-p03", "xinjiang"),
]


def _pair(name: str, family: str, changes_from: str = "exact") -> tuple[Draft, Draft]:
    comparison = comparison_of(name)
    chinese = draft(comparison, family=family, changes_from=changes_from)  # type: ignore[arg-type]
    english = draft(comparison, family=family, locale="en", changes_from=changes_from)  # type: ignore[arg-type]
    return chinese, english


@pytest.mark.parametrize("changes_from", ["exact", "printed"])
@pytest.mark.parametrize(("name", "family"), PAIRS)
def test_english_says_what_the_chinese_says(name: str, family: str, changes_from: str) -> None:
    """Same sections and headings, no empty heading, the same numbers paragraph by paragraph."""
    chinese, english = _pair(name, family, changes_from)
    assert english.family == family
    assert [s.key for s in english.sections] == [s.key for s in chinese.sections]
    for zh, en in zip(chinese.sections, english.sections, strict=True):
        assert en.title, f"{en.key}: no heading"
        assert en.paragraphs, f"{en.key}: an empty heading ({en.title})"
        assert not any("【" in p for p in (en.title, *en.paragraphs)), en.key  # all translated
        assert len(en.paragraphs) == len(zh.paragraphs), en.key
        for index, (zh_spans, en_spans) in enumerate(zip(zh.spans, en.spans, strict=True)):
            said = Counter((s.source, s.value, bool(s.adjusted)) for s in zh_spans)
            translated = Counter((s.source, s.value, bool(s.adjusted)) for s in en_spans)
            assert translated == said, f"{en.key}, paragraph {index}: {en.paragraphs[index]}"
    assert english.placeholders == chinese.placeholders
    assert [n.kind for n in english.notes] == [n.kind for n in chinese.notes]


@pytest.mark.parametrize(("name", "family"), PAIRS)
def test_every_format_has_every_heading(name: str, family: str, tmp_path: Path) -> None:
    """Text, Markdown, HTML, JSON and Word carry each section's heading, none of them empty."""
    english = _pair(name, family)[1]
    titles = [s.title for s in english.sections]
    text, markdown, html = (english.render(f) for f in ("text", "markdown", "html"))
    data = json.loads(english.render("json"))
    for title in titles:
        assert title in text.splitlines()
        assert f"## {title}" in markdown
        assert title.replace("“", "").replace("”", "")[:20] in html.replace("“", "").replace(
            "”", ""
        )
    assert [s["title"] for s in data["sections"]] == titles
    assert all(s["paragraphs"] for s in data["sections"])
    assert "10k yuan" in text
    numbers = [sp.text for s in english.sections for spans in s.spans for sp in spans]
    assert not [n for n in numbers if n.endswith("万元")]  # amounts in 10k yuan, worded
    pytest.importorskip("docx")
    from budgetdiff._draft.word import save_docx

    save_docx(english, tmp_path / "draft.docx")
    import docx

    paragraphs = [p.text for p in docx.Document(str(tmp_path / "draft.docx")).paragraphs]
    for title in titles:
        assert title in paragraphs


def test_category_names_are_glossed_and_amounts_in_10k_yuan() -> None:
    text = _pair("changji", "xinjiang")[1].render("text")
    assert "节能环保支出 (Energy conservation and environmental protection), 421.9 10k yuan" in text
    assert "基本工资 (basic salaries), 24.77 10k yuan" in text
    assert "up 247.68 10k yuan on last year, an increase of 350.52%" in text


def test_the_shanghai_english_follows_the_shanghai_structure() -> None:
    text = _pair("wanli-p02-p03", "shanghai")[1].render("text")
    assert "Notes on the compilation of the 2025 department budget" in text
    assert (
        "fiscal appropriation income (财政拨款收入) 18,976.76 10k yuan, up 3,355.64 10k yuan "
        "on the 2024 budget, an increase of 21.48%"
    ) in text
    assert "basic spending (基本支出) 10,134.18 10k yuan, 53.40% of the total" in text
    assert (
        "1. The subject “一般公共服务支出 (General public services) (class) – 统计信息事务 "
        "(statistics) (section) – 专项普查活动 (special censuses) (item)”: 43.83 10k yuan"
    ) in text
    assert (
        "(2) Official vehicle purchase and operation (公务用车购置及运行费): 36.56 10k yuan" in text
    )
    assert "no project spending" not in text  # 项目支出 8,842.58: never a false absence
