"""Drafts: golden drafts of the example pair, the phrase rules, overrides and the sandbox."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import budgetdiff
from budgetdiff import Comparison, Money, Unit
from budgetdiff._draft.document import unmark
from budgetdiff._draft.drafting import draft, make_filters
from budgetdiff._draft.facts import Figure, Item
from budgetdiff._words import NumberStyle
from budgetdiff.exceptions import SelfCheckError, TemplateError
from tests.conftest import EXAMPLES

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    return budgetdiff.compare(
        budgetdiff.load(EXAMPLES / "2020.yaml"), budgetdiff.load(EXAMPLES / "2021.yaml")
    )


def assert_golden(name: str, text: str) -> None:
    """Compare with tests/draft/golden/NAME; BUDGETDIFF_REGEN_GOLDEN=1 rewrites it (never in CI)."""
    path = GOLDEN / name
    if os.environ.get("BUDGETDIFF_REGEN_GOLDEN") and not os.environ.get("CI"):
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path} is missing: run with BUDGETDIFF_REGEN_GOLDEN=1 and review it"
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("locale", ["zh_CN", "en"])
def test_golden_draft(comparison: Comparison, locale: str) -> None:
    assert_golden(f"changji_draft_{locale}.txt", draft(comparison, locale=locale).render("text"))


SEED_FIGURES_THAT_AGREE = [
    "收支总预算433.34万元",
    "比上年增加290.1万元，增长202.53%",
    "基本支出318.34万元，占73.46%，比上年增加247.68万元，增长350.52%",
    "项目支出115万元，占26.54%，比上年增加42.42万元",
    "增加33名员额控制人员其他工资福利支出246.24万元",
    "社会保障和就业支出6.32万元，占1.46%",
    "卫生健康支出5.12万元，占1.18%",
    "节能环保支出421.9万元，占97.36%",
    "生态环境监测与信息（01）306.9万元，比上年增加236.24万元",
    "机关事业单位基本养老保险缴费支出（05）6.32万元",
    "事业单位医疗（02）3.75万元",
    "公务员医疗补助（03）1.19万元",
    "其他行政事业单位医疗支出（99）0.18万元",
    "人员经费308.75万元",
    "公用经费9.59万元",
    "“三公”经费预算数为0万元",
    "公务接待费比上年减少0.09万元",
    "机关运行经费财政拨款预算9.59万元，比上年预算增加0.03万元，增长0.31%",
    "政府采购预算150.05万元，其中：政府采购货物预算19.05万元，政府采购工程预算0万元，政府采购服务预算131万元",
    "面向中小企业预留政府采购项目预算金额144.5万元，其中：面向小微企业预留政府采购项目预算金额5.55万元",
    "车辆2辆，价值41.04万元",
    "办公家具价值7.91万元",
    "其他资产价值694.82万元",
    "单位价值50万元以上大型设备2台（套）",
    "实行绩效管理的一般公共预算项目3个，涉及预算金额115万元",
    "新增信息化运维项目80万元",
]

SEED_FIGURES_THAT_ARE_WRONG = [
    "77.42",  # 项目支出 +77.42 (the totals say +42.42)
    "106.66",  # its growth rate
    "节能环保支出433.34万元",  # 支出预算包括：节能环保支出433.34万元 (it is 421.9)
    "公务员医疗补助（03）1.18",  # the totals support 1.19
    "增加（减少）",  # template residue
    "无增加或减少：员额",  # 员额控制人员 did increase, by 33
    "较上线",
]


def test_zh_draft_states_the_seed_figures_that_agree(comparison: Comparison) -> None:
    text = draft(comparison).render("text")
    for figure in SEED_FIGURES_THAT_AGREE:
        assert figure in text, figure
    for wrong in SEED_FIGURES_THAT_ARE_WRONG:
        assert wrong not in text, wrong
    assert "员额控制人员33人，增加33人" in text


def test_reasons_are_asked_only_for_material_changes(comparison: Comparison) -> None:
    """
    机关运行经费 +0.03万元 (0.31%, under 10% and under 0.5% of 433.34万元): no reason asked;
    公务接待费 to zero (a zero base): asked, no fact explains it.
    """
    result = draft(comparison)
    text = result.render("text")
    assert "机关运行经费财政拨款预算9.59万元，比上年预算增加0.03万元，增长0.31%。" in text
    assert "公务接待费比上年减少0.09万元，下降100%，本年未安排，主要原因是【请补充原因】" in text
    assert result.placeholders >= 2


def test_materiality_is_the_comparisons_when_it_was_given_thresholds() -> None:
    from budgetdiff._engine.contracts import CompareOptions

    old, new = budgetdiff.load(EXAMPLES / "2020.yaml"), budgetdiff.load(EXAMPLES / "2021.yaml")
    every = CompareOptions(min_amount=Money.of("0.01", Unit.WAN_YUAN))
    text = draft(budgetdiff.compare(old, new, options=every)).render("text")
    assert "增长0.31%，主要原因是【请补充原因】" in text


def test_every_number_is_traced(comparison: Comparison) -> None:
    data = draft(comparison).data()
    sources = [n["source"] for s in data["sections"] for p in s["paragraphs"] for n in p["numbers"]]
    assert sources
    assert "untraced" not in sources
    assert "total:expenditure#delta" in sources
    total = next(
        n
        for s in data["sections"]
        for p in s["paragraphs"]
        for n in p["numbers"]
        if n["source"] == "total:income#new"
    )
    assert total["text"] == "433.34万元"
    json.dumps(data)


def test_html_is_escaped_and_numbers_show_their_source(comparison: Comparison) -> None:
    page = draft(comparison).render("html")
    assert page.startswith("<!DOCTYPE html>")
    span = (
        '<span class="n" title="2020—2021年预算比较：收支总表“基本支出”，两年之差" '
        'data-source="total:basic#delta">'
    )
    assert f"{span}247.68万元</span>" in page  # the hover says in words where it came from
    assert '<mark class="todo">【请补充原因】</mark>' in page  # placeholders highlighted
    assert "“三公”经费" in page


def test_docx(comparison: Comparison, tmp_path: Path) -> None:
    pytest.importorskip("docx")
    from budgetdiff._draft.word import save_docx

    path = tmp_path / "draft.docx"
    save_docx(draft(comparison), path)
    import docx

    paragraphs = [p.text for p in docx.Document(str(path)).paragraphs]
    assert paragraphs[0] == "2021年昌吉州环境污染监控中心预算情况说明"
    assert any("433.34万元" in p for p in paragraphs)


def _item(
    direction: str,
    old: str | None,
    new: str | None,
    delta: str,
    growth: str | None,
    unit: Unit = Unit.WAN_YUAN,
) -> Item:
    def money(text: str | None, field: str) -> Figure | None:
        return None if text is None else Figure(value=Money.of(text, unit), source=f"x#{field}")

    from decimal import Decimal

    return Item(
        id="x",
        kind="total",
        key="x",
        name="x",
        direction=direction,
        old=money(old, "old"),
        new=money(new, "new"),
        delta=Figure(value=Money.of(delta, unit), source="x#delta"),
        growth=None if growth is None else Figure(value=Decimal(growth), source="x#growth"),
    )


@pytest.mark.parametrize(
    ("item", "style", "phrase"),
    [
        (
            _item("INCREASE", "143.24", "433.34", "290.1", "202.527"),
            NumberStyle(),
            "比上年增加290.1万元，增长202.53%",
        ),
        (_item("DECREASE", "10", "9", "1", "10"), NumberStyle(), "比上年减少1万元，下降10%"),
        (_item("FLAT", "0", "0", "0", None), NumberStyle(), "与上年持平"),
        (
            _item("NEW", None, "6.32", "6.32", None),
            NumberStyle(),
            "上年无此项支出，本年新增6.32万元",
        ),
        (
            _item("DISCONTINUED", "0.09", "0", "0.09", "100"),
            NumberStyle(),
            "比上年减少0.09万元，下降100%，本年未安排",
        ),
        (
            _item("INCREASE", "1149678", "1200000", "50322", "4.377", Unit.YUAN),
            NumberStyle(unit=Unit.YUAN, places=0, thousands=True),
            "比上年增加50,322元，增长4.38%",
        ),
        (
            _item("INCREASE", "0.125", "0.25", "0.125", "100"),
            NumberStyle(),
            "比上年增加0.13万元，增长100%",
        ),
    ],
)
def test_phrase_rules(item: Item, style: NumberStyle, phrase: str) -> None:
    """Direction phrases: no growth rate on a zero base, 四舍五入, 元 as well as 万元."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("budgetdiff", "templates/draft/xinjiang"),
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(make_filters(style))
    macros = env.get_template("zh_CN/_macros.j2").make_module({"year": 2021, "prior_year": 2020})
    text, _ = unmark(str(macros.vs_prior(item)))  # type: ignore[attr-defined]
    assert text == phrase


def test_user_override_changes_that_section_only(comparison: Comparison, tmp_path: Path) -> None:
    (tmp_path / "zh_CN").mkdir()
    (tmp_path / "zh_CN" / "09_government_fund.j2").write_text(
        "九、政府性基金\n本单位无政府性基金预算。\n", encoding="utf-8"
    )
    base = draft(comparison)
    custom = draft(comparison, templates=tmp_path)
    changed = [a.key for a, b in zip(base.sections, custom.sections, strict=True) if a != b]
    assert changed == ["09_government_fund"]
    section = next(s for s in custom.sections if s.key == "09_government_fund")
    assert section.paragraphs == ("本单位无政府性基金预算。",)


def test_sandbox_refuses_python_internals(comparison: Comparison, tmp_path: Path) -> None:
    (tmp_path / "zh_CN").mkdir()
    (tmp_path / "zh_CN" / "01_overview.j2").write_text(
        "一、总体\n{{ item.__globals__ }}\n", encoding="utf-8"
    )
    with pytest.raises(TemplateError, match=r"01_overview\.j2, line 2"):
        draft(comparison, templates=tmp_path)
    (tmp_path / "zh_CN" / "01_overview.j2").write_text(
        "一、总体\n{{ ''.__class__.__mro__[1].__subclasses__() }}\n", encoding="utf-8"
    )
    with pytest.raises(TemplateError, match=r"01_overview\.j2"):
        draft(comparison, templates=tmp_path)


def test_template_errors_name_file_and_line(comparison: Comparison, tmp_path: Path) -> None:
    (tmp_path / "zh_CN").mkdir()
    (tmp_path / "zh_CN" / "02_income.j2").write_text(
        "二、收入\n\n{{ no_such_name }}\n", encoding="utf-8"
    )
    with pytest.raises(TemplateError, match=r"02_income\.j2, line 3: UndefinedError"):
        draft(comparison, templates=tmp_path)
    (tmp_path / "zh_CN" / "02_income.j2").write_text("二、收入\n{% if %}\n", encoding="utf-8")
    with pytest.raises(TemplateError, match=r"02_income\.j2, line 2"):
        draft(comparison, templates=tmp_path)


def test_a_draft_that_contradicts_its_numbers_fails_loudly(
    comparison: Comparison, tmp_path: Path
) -> None:
    """A template that prints the wrong figure for a source is caught before returning."""
    (tmp_path / "zh_CN").mkdir()
    (tmp_path / "zh_CN" / "03_spending.j2").write_text(
        '三、支出\n{% set b = item("total:basic") %}基本支出{{ item("total:project").new|money }}\n'
        "{{ b.new.value|money }}\n",
        encoding="utf-8",
    )
    with pytest.raises(SelfCheckError, match="untraced"):
        draft(comparison, templates=tmp_path, strict=True)
    notes = draft(comparison, templates=tmp_path).notes  # by default: reported, not refused
    assert [n.kind for n in notes][:1] == ["untraced"]
    assert notes[0].section == "03_spending"
    assert "没有来源" in notes[0].text


def test_a_figure_given_the_wrong_subject_fails_loudly(
    comparison: Comparison, tmp_path: Path
) -> None:
    """Traced, but said of the wrong subject: the claims read back disagree with each other."""
    (tmp_path / "zh_CN").mkdir()
    (tmp_path / "zh_CN" / "03_spending.j2").write_text(
        '三、支出\n基本支出{{ item("total:project").new|money }}。\n', encoding="utf-8"
    )
    with pytest.raises(SelfCheckError, match=r"wrong_subject .*'said_of': 'total:basic'"):
        draft(comparison, templates=tmp_path, strict=True)
    result = draft(comparison, templates=tmp_path)
    assert any(n.kind == "wrong_subject" and "基本支出" in n.text for n in result.notes)
    assert '<mark class="flag"' in result.render("html")


def test_cli_draft(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from budgetdiff._cli.main import main

    args = [str(EXAMPLES / "2020.yaml"), str(EXAMPLES / "2021.yaml")]
    assert main(["draft", *args]) == 0
    assert "收支总预算433.34万元" in capsys.readouterr().out
    out = tmp_path / "d.html"
    assert main(["draft", *args, "--format", "html", "-o", str(out)]) == 0
    assert '<span class="n"' in out.read_text(encoding="utf-8")
    assert main(["draft", *args, "--format", "docx"]) == 2


def test_cli_names_the_placeholder_mark_of_the_drafts_language(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from budgetdiff._cli.main import main

    args = [str(EXAMPLES / "2020.yaml"), str(EXAMPLES / "2021.yaml")]
    assert main(["draft", *args]) == 0
    assert "marked 【…】" in capsys.readouterr().err
    assert main(["draft", *args, "--locale", "en"]) == 0
    out = capsys.readouterr()
    assert "[to be completed" in out.out
    assert "marked [to be completed …]" in out.err


def test_a_pair_that_is_not_last_year_of_the_same_unit_is_a_note(comparison: Comparison) -> None:
    from attrs import evolve

    old = comparison.old
    later = evolve(old, year=old.year - 1)
    other = evolve(old, profile=evolve(old.profile, name="另一个单位"))
    for pair, kind in ((later, "years"), (other, "units")):
        result = draft(budgetdiff.compare(pair, comparison.new))
        assert kind in {n.kind for n in result.notes}, result.notes
    assert not {"years", "units"} & {n.kind for n in draft(comparison).notes}
