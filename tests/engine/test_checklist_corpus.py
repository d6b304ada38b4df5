"""The inspection checklist on real documents: answers verified by hand against the text."""

from __future__ import annotations

import importlib.util

import pytest

import budgetdiff as bd
from budgetdiff._engine.checklist import Answer
from tests.conftest import shared_path


def _answers(*parts: str) -> dict[str, tuple[Answer, str, list[int | None]]]:
    checklist = bd.checklist(shared_path(*parts))
    return {
        r.item.id: (r.answer, r.basis, [loc.line for loc in r.locations]) for r in checklist.results
    }


def test_seed() -> None:
    """
    The seed: all 8 tables printed (表一…表九); its 1.19/1.18 on line 262 is an error; its
    “三公” sentence on line 1882 keeps the template's 增加（减少）; 政府采购 150.05 (line 1889).
    """
    answers = _answers("seed", "000_6744f868e7b5c5a3.txt")
    assert answers["tables.required"][0] is Answer.YES
    assert answers["figures.consistent"][0] is Answer.NO
    assert 262 in answers["figures.consistent"][2]
    assert answers["template.residue"][0] is Answer.NO
    assert 1882 in answers["template.residue"][2]
    assert answers["procurement.stated"][:2] == (
        Answer.YES,
        "已读出政府采购150.05万元（第1889行）。",
    )
    assert answers["three_public.reasons"][0] is Answer.YES  # line 1882: 主要原因是未安排预算


def test_shanghai_empty_tables_without_a_note() -> None:
    """p07 prints its 政府性基金 and 国有资本经营 tables (lines 1038, 1073) empty, no note."""
    answers = _answers("corpus", "shanghai", "p07_2025_budget_unit_shanghai_shi_caizhengju.txt")
    answer, basis, lines = answers["tables.empty_noted"]
    assert answer is Answer.NO
    assert lines == [1038, 1073]
    assert "政府性基金" in basis


def test_shanghai_final_accounts() -> None:
    """
    p12 (a 决算 with seeded errors) has no 支出决算表, prints its “三公” table empty with no
    note (line 1408), and states no 团组/接待批次; p13 states them (lines 1778, 1783, 1787).
    """
    p12 = _answers("corpus", "shanghai", "p12_2024_final_dept_putuo_caizhengju_SEEDED_ERRORS.txt")
    assert p12["tables.required"][0] is Answer.NO
    assert "支出总体情况表" in p12["tables.required"][1]
    assert p12["tables.empty_noted"][0] is Answer.NO
    assert p12["tables.empty_noted"][2] == [1408]
    assert p12["three_public.final_counts"][0] is Answer.NO
    p13 = _answers(
        "corpus", "shanghai", "p13_2024_final_dept_shanghai_putuo_guihua_ziranziyuanju.txt"
    )
    assert p13["three_public.final_counts"][0] is Answer.YES


def test_tables_printed_as_text_are_not_checked() -> None:
    """p10 prints its tables as plain text: the table items are 未核对, never 否 or 是."""
    answers = _answers(
        "corpus", "shanghai", "p10_2026_budget_unit_shanghai_putuo_shiquanlu_jiedao_PLAINTEXT.txt"
    )
    for item in (
        "tables.required",
        "tables.empty_noted",
        "functions.to_item",
        "figures.consistent",
    ):
        assert answers[item][0] is Answer.NOT_CHECKED, item


@pytest.mark.skipif(importlib.util.find_spec("pdfplumber") is None, reason="needs budgetdiff[pdf]")
def test_jiangsu_pdf() -> None:
    """
    j01 (2017 高级人民法院): table 七 政府性基金 prints only its header and 合计 (page 15),
    and the narrative never names 国有资产.
    """
    answers = _answers(
        "corpus", "pdf", "jiangsu", "j01_2017_budget_dept_jiangsu_gaoji_renmin_fayuan.pdf"
    )
    assert answers["tables.empty_noted"][0] is Answer.NO
    assert answers["assets.stated"][0] is Answer.NO
    assert answers["tables.required"][0] is Answer.YES
