"""House styles as template families: chosen from the documents, overridable, user-made."""

from __future__ import annotations

from pathlib import Path

import pytest

import budgetdiff
from budgetdiff._draft.drafting import draft
from budgetdiff._draft.families import built_in, choose, family
from budgetdiff.exceptions import TemplateError
from tests.conftest import EXAMPLES, shared_path
from tests.draft.test_truth import comparison_of


def test_the_built_in_families() -> None:
    names = {f.name: f for f in built_in()}
    assert {"xinjiang", "shanghai", "jiangsu"} <= set(names)
    assert names["shanghai"].extends == "xinjiang"
    assert [f.name for f in names["shanghai"].chain()] == ["shanghai", "xinjiang"]
    assert [f.name for f in names["jiangsu"].chain()] == ["jiangsu", "xinjiang"]


def test_chosen_from_the_documents() -> None:
    assert draft(comparison_of("changji")).family == "xinjiang"
    assert draft(comparison_of("seed")).family == "xinjiang"
    assert draft(comparison_of("wanli-p02-p03")).family == "shanghai"
    new = comparison_of("changji").new
    assert choose(new, template="shanghai").name == "shanghai"
    assert choose(new, titles=["2025年部门财务收支预算总表"]).name == "shanghai"
    assert choose(new, template="xinjiang").name == "xinjiang"


def test_jiangsu_is_chosen_from_its_table_titles_or_the_figures_only_it_publishes() -> None:
    """
    Its 一般公共预算“三公”经费、会议费、培训费支出预算表 (the CLI reads the titles), or, from
    the budgets alone, its 会议费 and 培训费 (both); the other families keep their documents.
    """
    import attrs

    from budgetdiff import Money, Unit

    for name in ("jiangsu-fayuan-2017-2018", "jiangsu-fayuan-2018-2019", "jiangsu-renda-2017-2018"):
        assert draft(comparison_of(name)).family == "jiangsu"
    assert draft(comparison_of("changji")).family == "xinjiang"
    assert draft(comparison_of("wanli-p01-p02")).family == "shanghai"
    new = comparison_of("changji").new
    titles = ["2019年江苏省高级人民法院“三公”经费、会议费、培训费支出预算表"]
    assert choose(new, titles=titles).name == "jiangsu"
    assert choose(new, titles=["一般公共预算机关运行经费支出预算表"]).name == "jiangsu"
    both = attrs.evolve(
        new, meetings=Money.of("10", Unit.WAN_YUAN), training=Money.of("5", Unit.WAN_YUAN)
    )
    assert choose(both).name == "jiangsu"
    assert choose(attrs.evolve(new, meetings=Money.of("10", Unit.WAN_YUAN))).name == "xinjiang"
    assert choose(both, template="xinjiang").name == "xinjiang"  # the reader's template first


def test_the_shanghai_family_follows_shanghai_structure_and_wording() -> None:
    text = draft(comparison_of("wanli-p02-p03")).render("text")
    lines = text.splitlines()
    assert "2025年部门预算编制说明" in lines
    assert "其他相关情况说明" in lines
    assert "比2024年预算" in text
    assert "比上年" not in text
    assert (
        "“城乡社区支出（类）其他城乡社区支出（款）其他城乡社区支出（项）”科目5,234.89万元" in text
    )
    assert "主要用于" in text
    assert "一、关于" not in text  # not the seed's ten sections


def test_overridable(tmp_path: Path) -> None:
    result = draft(comparison_of("wanli-p02-p03"), family="xinjiang")
    assert result.family == "xinjiang"
    assert (
        "一、关于上海市普陀区人民政府万里街道办事处2025年收支预算情况的总体说明" in result.render()
    )
    assert draft(comparison_of("changji"), family="shanghai").family == "shanghai"
    with pytest.raises(TemplateError, match="unknown style 'nowhere'"):
        draft(comparison_of("changji"), family="nowhere")


def test_a_users_own_family_is_a_folder(tmp_path: Path) -> None:
    (tmp_path / "zh_CN").mkdir()
    (tmp_path / "family.toml").write_text(
        'name = "brief"\ndescription = "一段话"\nextends = "xinjiang"\n', encoding="utf-8"
    )
    (tmp_path / "zh_CN" / "01_all.j2").write_text(
        '{% from "zh_CN/_macros.j2" import vs_prior, m with context %}\n'
        '{% set total = item("total:expenditure") %}\n'
        "总体情况\n"
        "{{ unit }}{{ year }}年支出预算{{ m(total.new) }}，{{ vs_prior(total) }}。\n",
        encoding="utf-8",
    )
    result = draft(comparison_of("changji"), family=tmp_path)
    assert result.family == "brief"
    assert [s.key for s in result.sections] == ["01_all"]
    assert "支出预算433.34万元，比上年增加290.1万元，增长202.53%。" in result.render()
    assert family(tmp_path).chain()[-1].name == "xinjiang"


def test_a_bad_family_file_is_one_message(tmp_path: Path) -> None:
    (tmp_path / "family.toml").write_text("name = [", encoding="utf-8")
    with pytest.raises(TemplateError, match=r"family\.toml"):
        family(tmp_path)


def test_cli_style(capsys: pytest.CaptureFixture[str]) -> None:
    from budgetdiff._cli.main import main

    args = [str(EXAMPLES / "2020.yaml"), str(EXAMPLES / "2021.yaml")]
    assert main(["draft", *args, "--style", "shanghai"]) == 0
    out = capsys.readouterr()
    assert "2021年部门预算编制说明" in out.out
    assert "house style: shanghai" in out.err
    p02 = shared_path("corpus", "shanghai", "p02_2024_budget_dept_shanghai_putuo_wanli_jiedao.txt")
    p03 = shared_path("corpus", "shanghai", "p03_2025_budget_dept_shanghai_putuo_wanli_jiedao.txt")
    assert main(["draft", str(p02), str(p03)]) == 0
    assert "house style: shanghai" in capsys.readouterr().err


def test_english_of_a_family_without_its_own_comes_from_the_family_it_extends(
    tmp_path: Path,
) -> None:
    (tmp_path / "zh_CN").mkdir()
    (tmp_path / "family.toml").write_text(
        'name = "brief"\nextends = "xinjiang"\n', encoding="utf-8"
    )
    (tmp_path / "zh_CN" / "01_all.j2").write_text("总体情况\n{{ unit }}\n", encoding="utf-8")
    result = draft(comparison_of("changji"), family=tmp_path, locale="en")
    assert result.family == "brief"  # no en/ of its own: xinjiang's English sections
    keys = [s.key for s in result.sections]
    assert "01_overview" in keys
    assert "01_all" not in keys
    assert budgetdiff.draft(comparison_of("changji"), family="shanghai").family == "shanghai"


def test_what_a_family_needs_and_the_budget_lacks_is_a_note() -> None:
    import attrs

    old, new = budgetdiff.load(EXAMPLES / "2020.yaml"), budgetdiff.load(EXAMPLES / "2021.yaml")
    result = draft(budgetdiff.compare(old, attrs.evolve(new, basic_by_economic=())))
    missing = [n for n in result.notes if n.kind == "missing_input"]
    assert [n.text for n in missing] == [
        "本年预算没有“基本支出经济分类表”（本说明式样需要），相关段落无法起草，请补充。"
    ]
