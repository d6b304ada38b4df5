"""
Nothing false: no draft states an absence or a direction its figures contradict, on
every consecutive pair of the corpus and on generated pairs; what the self-check cannot
confirm it reports (never refuses); a figure one year does not state is "not stated".
"""

from __future__ import annotations

import functools
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings

import budgetdiff
from budgetdiff import Budget, Comparison
from budgetdiff._draft.drafting import draft
from budgetdiff._draft.self_check import absence_problems
from budgetdiff._model.profile import Staffing
from budgetdiff.testing.strategies import PairPlan, budget_pairs
from tests.conftest import EXAMPLES, shared_path

SH = ("corpus", "shanghai")
PDF_SH = ("corpus", "pdf", "shanghai")
JS = ("corpus", "pdf", "jiangsu")
WANLI = "budget_dept_shanghai_putuo_wanli_jiedao"

# Every consecutive pair of the corpus: (old, new), each a path under ../shared or examples/.
PAIRS = {
    "changji": (("examples", "2020.yaml"), ("examples", "2021.yaml")),
    "seed": (("examples", "2020.yaml"), ("seed", "000_6744f868e7b5c5a3.txt")),
    "wanli-p01-p02": ((*SH, f"p01_2023_{WANLI}.txt"), (*SH, f"p02_2024_{WANLI}.txt")),
    "wanli-p02-p03": ((*SH, f"p02_2024_{WANLI}.txt"), (*SH, f"p03_2025_{WANLI}.txt")),
    "wanli-pdf-p01-p02": ((*PDF_SH, f"p01_2023_{WANLI}.pdf"), (*PDF_SH, f"p02_2024_{WANLI}.pdf")),
    "wanli-pdf-p02-p03": ((*PDF_SH, f"p02_2024_{WANLI}.pdf"), (*PDF_SH, f"p03_2025_{WANLI}.pdf")),
    "jiangsu-fayuan-2017-2018": (
        (*JS, "j01_2017_budget_dept_jiangsu_gaoji_renmin_fayuan.pdf"),
        (*JS, "j02_2018_budget_dept_jiangsu_gaoji_renmin_fayuan.pdf"),
    ),
    "jiangsu-fayuan-2018-2019": (
        (*JS, "j02_2018_budget_dept_jiangsu_gaoji_renmin_fayuan.pdf"),
        (*JS, "j03_2019_budget_dept_jiangsu_gaoji_renmin_fayuan.pdf"),
    ),
    "jiangsu-renda-2017-2018": (
        (*JS, "j04_2017_budget_dept_jiangsu_renda_bangongting.pdf"),
        (*JS, "j05_2018_budget_dept_jiangsu_renda_bangongting.pdf"),
    ),
}

FALSE_KINDS = {"absence", "direction", "mismatch", "unresolved", "untraced", "wrong_subject"}


def _path(parts: tuple[str, ...]) -> Path:
    if parts[0] == "examples":
        return EXAMPLES / parts[1]
    if parts[0] == "corpus" and parts[2:3] == ("pdf",):
        pytest.importorskip("pdfplumber")
    return shared_path(*parts)


@functools.cache
def _budget(path: Path) -> Budget:
    document = budgetdiff.read(path)
    return document if isinstance(document, Budget) else budgetdiff.normalize(document).budget


def comparison_of(name: str) -> Comparison:
    old, new = PAIRS[name]
    return budgetdiff.compare(_budget(_path(old)), _budget(_path(new)))


@pytest.mark.parametrize("locale", ["zh_CN", "en"])
@pytest.mark.parametrize("name", sorted(PAIRS))
def test_no_corpus_draft_states_what_its_figures_contradict(name: str, locale: str) -> None:
    comparison = comparison_of(name)
    result = draft(comparison, locale=locale)  # never refuses
    false = [n for n in result.notes if n.kind in FALSE_KINDS]
    assert false == [], [n.text for n in false]
    assert absence_problems(result, comparison) == []
    for fmt in ("text", "markdown", "html", "json"):
        assert result.render(fmt)


@settings(max_examples=30)
@given(budget_pairs())
def test_no_generated_draft_states_what_its_figures_contradict(
    pair: tuple[Budget, Budget, PairPlan],
) -> None:
    comparison = budgetdiff.compare(pair[0], pair[1])
    for locale in ("zh_CN", "en"):
        result = draft(comparison, locale=locale)
        assert absence_problems(result, comparison) == []
        assert [n.text for n in result.notes if n.kind in FALSE_KINDS] == []


def test_the_seed_pair_drafts_and_flags_what_does_not_add_up() -> None:
    """The seed's free-text funding items are copied (and traced); 6+3+3.84+3 ≠ 15 is flagged."""
    result = draft(comparison_of("seed"))
    text = result.render("text")
    assert "资金分配情况：1-5项17万/年51万元；6-8项计划预算29万元。" in text  # copied, traced
    assert "电视电话会议链路费3.84万元" not in text  # not reprinted
    assert "【请核实资金分配情况：所列各项合计15.84万元，与预算安排规模15万元不符】" in text
    assert [n.kind for n in result.notes] == ["funding_sum"]
    copied = [
        n
        for s in result.data()["sections"]
        for p in s["paragraphs"]
        for n in p["numbers"]
        if n["source"].endswith("funding_items[0].text")
    ]
    assert copied  # a copied text is traced to where it was copied from


def test_cli_drafts_the_seed_pair(capsys: pytest.CaptureFixture[str]) -> None:
    from budgetdiff._cli.main import main

    seed = shared_path("seed", "000_6744f868e7b5c5a3.txt")
    assert main(["draft", str(EXAMPLES / "2020.yaml"), str(seed)]) == 0
    out = capsys.readouterr().out
    assert "自检提示" in out


def test_a_statement_of_absence_the_figures_contradict_is_reported(tmp_path: Path) -> None:
    (tmp_path / "zh_CN").mkdir()
    (tmp_path / "zh_CN" / "07_projects.j2").write_text(
        "七、项目支出\n{{ unit }}{{ year }}年无一般公共预算项目支出。\n", encoding="utf-8"
    )
    comparison = comparison_of("changji")
    result = draft(comparison, templates=tmp_path)
    notes = [n for n in result.notes if n.kind == "absence"]
    assert len(notes) == 1
    assert notes[0].section == "07_projects"
    assert "项目支出大于零" in notes[0].text
    assert '<mark class="flag"' in result.render("html")


def test_a_figure_one_year_does_not_state_is_not_stated_never_zero() -> None:
    old = budgetdiff.load(EXAMPLES / "2020.yaml")
    new = budgetdiff.load(EXAMPLES / "2021.yaml")
    silent = attrs.evolve(
        new, admin_costs=None, profile=attrs.evolve(new.profile, staffing=Staffing())
    )
    for a, b in ((old, silent), (silent, old)):
        for locale in ("zh_CN", "en"):
            result = draft(budgetdiff.compare(a, b), locale=locale)
            text = result.render("text")
            assert "下降100%" not in text.split("机关运行经费")[-1].split("\n")[0]
            assert "'None'" not in text
            assert not [n for n in result.notes if n.kind in FALSE_KINDS]
    text = draft(budgetdiff.compare(old, silent)).render("text")
    assert "机关运行经费财政拨款预算【请补充】，本年预算未列示此项，不作比较" in text
    text = draft(budgetdiff.compare(silent, old)).render("text")
    assert "9.56万元，2021年预算未列示此项，不作比较" in text  # its prior year is 2021 here


def test_inferred_reasons_are_marked_for_verification() -> None:
    text = draft(comparison_of("changji")).render("text")
    assert "调整至本科目列支【请核实：系据2111101科目减少、本科目新增的金额推断】" in text


def test_section_seven_says_what_is_known_when_no_project_is_named() -> None:
    text = draft(comparison_of("wanli-p02-p03")).render("text")
    assert "无一般公共预算项目支出" not in text
    assert "项目支出8,842.58万元" in text
