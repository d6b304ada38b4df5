"""Mirror pages in traditional characters, with or without pinyin, read as simplified text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import budgetdiff as bd
from budgetdiff._read.script import simplified
from budgetdiff.disclosure import Disclosure, ProblemKind
from tests.conftest import shared_path

# Our own sentences, as a converting mirror serves them.
TRADITIONAL = (
    "某某縣某某局2024年部門預算\n"
    "一、收支預算總體情況說明\n"
    "某某局2024年收支總預算860萬元，比上年減少40萬元，下降4.44%。\n"
)
PINYIN = (
    "某某縣(xiàn)某某局2024年部門(mén)預(yù)算\n"
    "一、收支預(yù)算總體情況說(shuō)明\n"
    "某某局2024年收支總預(yù)算860萬元，比上年減少40萬元，下降(jiàng)4.65%。\n"
)


def _read(tmp_path: Path, text: str) -> Disclosure:
    path = tmp_path / "mirror.txt"
    path.write_text(text, encoding="utf-8")
    document = bd.read(path)
    assert isinstance(document, Disclosure)
    return document


def test_traditional_characters_are_read_as_simplified() -> None:
    folded = simplified(TRADITIONAL)
    assert "收支总预算860万元，比上年减少40万元，下降4.44%" in folded.text
    assert folded.pinyin == 0
    assert folded.folded > 10
    assert folded.text.count("\n") == TRADITIONAL.count("\n")


def test_pinyin_after_characters_is_taken_out() -> None:
    folded = simplified(PINYIN)
    assert "(" not in folded.text
    assert folded.pinyin == 7
    line = "某某局2024年收支总预算860万元，比上年减少40万元，下降4.65%。"
    assert folded.text.splitlines()[2] == line


def test_a_parenthesis_that_is_not_pinyin_stays() -> None:
    text = "收入(a)预算100万元。附件(1)：見(jiàn)表(biǎo)，表(biǎo)一。"
    assert "收入(a)预算" not in simplified(text).text  # a pinyin-annotated page: (a) goes too
    plain = "收入(a)预算100万元，附件(1)。"  # no toned pinyin: nothing is taken out
    assert simplified(plain).text == plain


def test_a_mirror_page_is_checked_as_its_simplified_text(tmp_path: Path) -> None:
    """The consistent page gives no narrative error; the one rate over this year's base does."""
    consistent = bd.check(_read(tmp_path, TRADITIONAL))  # 40 / 900 = 4.44%
    assert [f.rule for f in consistent.findings if f.severity is not bd.Severity.NOTE] == []
    script = [f for f in consistent.findings if f.rule == "read.script"]
    assert len(script) == 1
    assert script[0].severity is bd.Severity.NOTE
    wrong = bd.check(_read(tmp_path, PINYIN))  # 40 / 860 = 4.65%: over this year's base
    assert "narrative.percent_base" in {f.rule for f in wrong.findings}


def test_a_problem_says_what_was_folded(tmp_path: Path) -> None:
    document = _read(tmp_path, PINYIN)
    (found,) = [p for p in document.problems if p.kind is ProblemKind.SCRIPT]
    assert "拼音" in found.message
    assert found.location.line == 1


@pytest.mark.parametrize("folder", ["shanghai", "seed"])
def test_simplified_documents_are_left_as_they_are(folder: str) -> None:
    root = shared_path("seed") if folder == "seed" else shared_path("corpus", "shanghai")
    for path in sorted(root.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert simplified(text) == type(simplified(text))(text=text), path.name


@given(st.text(alphabet=st.sampled_from("萬元預算減少增長與較上年\n(yù)1.%"), max_size=200))
def test_folding_keeps_every_line(text: str) -> None:
    assert simplified(text).text.count("\n") == text.count("\n")
