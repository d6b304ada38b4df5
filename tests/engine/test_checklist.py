"""The inspection checklist (`budgetdiff.checklist`): each item 是, 否 or 未核对, and why."""

from __future__ import annotations

from pathlib import Path

import pytest

import budgetdiff as bd
from budgetdiff._engine.checklist import Answer, Checklist, load_checklist
from budgetdiff.disclosure import read_bytes
from budgetdiff.exceptions import BudgetDiffError
from budgetdiff.model import FunctionCode, Money, Presentation, ThreePublic, Unit
from budgetdiff.testing.builders import LineSpec, assemble
from budgetdiff.testing.render import render_disclosure

YES, NO, NOT_CHECKED = Answer.YES, Answer.NO, Answer.NOT_CHECKED

# Our own narrative, appended to a rendered document's short 第三部分.
MATTERS = (
    "二、关于监控中心2021年收入预算情况说明\n"
    "监控中心2021年收入预算比上年增加10万元，主要原因是人员经费增加。\n"
    "三、关于监控中心2021年一般公共预算“三公”经费预算情况说明\n"
    "2021年“三公”经费预算2万元，其中：因公出国（境）费0万元，公务用车购置费0万元，"
    "公务用车运行费1.5万元，公务接待费0.5万元。比上年减少1万元，主要原因是厉行节约。\n"
    "四、其他重要事项的情况说明\n"
    "（一）机关运行经费情况\n"
    "2021年机关运行经费财政拨款预算5万元。\n"
    "（二）政府采购情况\n"
    "2021年政府采购预算8万元，其中：政府采购货物预算8万元，政府采购工程预算0万元，"
    "政府采购服务预算0万元。\n"
)


def _budget() -> bd.Budget:
    wan = Unit.WAN_YUAN
    return assemble(
        year=2021,
        presentation=Presentation(unit=wan, places=2),
        specs=[
            LineSpec(
                code=FunctionCode("2110101"),
                basic=Money.of("90", wan),
                project=Money.of("10", wan),
                project_name="监测运维",
            )
        ],
        three=ThreePublic(vehicle_operation=Money.of("1.5", wan), reception=Money.of("0.5", wan)),
        admin_costs=Money.of("5", wan),
    )


def _text(narrative: str = MATTERS) -> str:
    return render_disclosure(_budget(), narrative=True) + narrative


def _checklist(text: str, **kwargs: object) -> Checklist:
    document = read_bytes(text.encode("utf-8"), source="unit.txt")
    return bd.checklist(document, **kwargs)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def whole() -> Checklist:
    return _checklist(_text())


def test_a_whole_document_finds_its_tables_and_matters(whole: Checklist) -> None:
    """Every required table printed, the matters stated: those items read 是, with a basis."""
    for item in (
        "tables.required",
        "functions.to_item",
        "economic.to_kuan",
        "three_public.stated",
        "admin_costs.stated",
        "procurement.stated",
        "changes.reasons",
        "three_public.reasons",
    ):
        result = whole.get(item)
        assert result.answer is YES, (item, result.basis)
        assert result.basis
        assert result.basis_en
    assert "8万元" in whole.get("procurement.stated").basis


def test_a_matter_never_named_is_no(whole: Checklist) -> None:
    """国有资产 appears nowhere in the narrative: 否, saying so."""
    result = whole.get("assets.stated")
    assert result.answer is NO
    assert "国有资产" in result.basis


def test_a_matter_named_without_an_amount_is_not_checked() -> None:
    """Named, but no figure read and none printed beside it: 未核对, never 是."""
    text = _text(MATTERS + "（三）国有资产占用使用情况\n详见单位资产报告。\n")
    result = _checklist(text).get("assets.stated")
    assert result.answer is NOT_CHECKED
    assert result.locations
    assert result.locations[0].line is not None


def test_a_matter_stated_as_none_is_yes() -> None:
    text = _text(MATTERS + "（三）国有资产占用使用情况\n本单位无国有资产占用。\n")
    assert _checklist(text).get("assets.stated").answer is YES


def test_a_change_without_its_reason_is_no() -> None:
    """A change against last year with no reason after it: 否, naming its line."""
    text = _text(MATTERS.replace("，主要原因是人员经费增加。", "。"))
    result = _checklist(text).get("changes.reasons")
    assert result.answer is NO
    assert "未说明原因" in result.basis
    line = next(n for n, t in enumerate(text.splitlines(), 1) if "收入预算比上年增加10万元" in t)
    assert [loc.line for loc in result.locations] == [line]


def test_no_change_stated_is_not_checked() -> None:
    text = _text(MATTERS.replace("比上年减少1万元，主要原因是厉行节约。", ""))
    assert _checklist(text).get("three_public.reasons").answer is NOT_CHECKED


def test_a_missing_table_is_no_and_its_emptiness_not_checked() -> None:
    """表九 not printed: 8张表 否; whether it is empty and noted cannot be judged: 未核对."""
    text = _text()
    start = text.index("表九")
    start = text.rindex("\n", 0, start) + 1
    end = text.index(" 第三部分")
    checklist = _checklist(text[:start] + text[end:])
    assert checklist.get("tables.required").answer is NO
    assert "政府性基金" in checklist.get("tables.required").basis
    assert checklist.get("tables.empty_noted").answer is NOT_CHECKED


def test_a_narrative_alone_leaves_the_table_items_not_checked() -> None:
    """No table at all: the tables are missing (否), and what needs them is 未核对."""
    checklist = _checklist("监控中心2021年预算情况说明\n" + MATTERS)
    assert checklist.get("tables.required").answer is NO
    for item in ("functions.to_item", "economic.to_kuan", "figures.consistent"):
        assert checklist.get(item).answer is NOT_CHECKED, item
    assert checklist.get("procurement.stated").answer is YES


def test_findings_decide_a_rules_item() -> None:
    """A table that does not add up makes 表内、表间数据是否一致 否, with its findings."""
    text = _text()
    # 表五's 行政运行 printed 105 where its 基本 90 and 项目 10 make 100
    row = "\t行政运行\n\t100\n\t90"
    at = text.index(row, text.index("表五"))
    broken = text[:at] + row.replace("100", "105") + text[at + len(row) :]
    result = _checklist(broken).get("figures.consistent")
    assert result.answer is NO
    assert result.findings
    assert all(f.rule.startswith("table") for f in result.findings)


def test_a_rules_item_whose_rules_did_not_run_is_not_checked() -> None:
    document = read_bytes(_text().encode("utf-8"), source="unit.txt")
    assert isinstance(document, bd.Disclosure)
    report = bd.check(document, checks=["codes.invalid"])
    result = bd.checklist(document, report=report).get("figures.consistent")
    assert result.answer is NOT_CHECKED
    assert "未运行" in result.basis


def test_a_bureaus_own_checklist(tmp_path: Path) -> None:
    """A checklist file of one's own is used as given; a broken one is refused, named."""
    own = tmp_path / "own.toml"
    own.write_text(
        '[checklist]\nzh = "本局检查表"\nen = "our checklist"\n\n'
        '[[item]]\nid = "procurement"\nzh = "政府采购"\nen = "procurement"\n'
        'decided_by = "matter"\nmatter = "procurement"\nwords = ["政府采购"]\n'
        'sources = [["本局通知", "K"]]\n',
        encoding="utf-8",
    )
    checklist = _checklist(_text(), items=own)
    assert checklist.title == "本局检查表"
    assert [r.item.id for r in checklist.results] == ["procurement"]
    assert not checklist.results[0].item.verified  # [K] alone
    own.write_text('[[item]]\nid = "x"\nzh = "x"\nen = "x"\ndecided_by = "guess"\n', "utf-8")
    with pytest.raises(BudgetDiffError, match="guess"):
        load_checklist(own)


def test_the_shipped_checklists_cite_their_sources() -> None:
    """Every shipped item has a source; the [K] ones are marked so, and none rests on [K] alone."""
    for kind in (bd.model.BudgetKind.BUDGET, bd.model.BudgetKind.FINAL):
        _, _, items = load_checklist(kind=kind)
        assert items
        assert all(item.sources for item in items)
        assert all(tag in ("S", "K") for item in items for _, tag in item.sources)
        assert all(item.verified for item in items)
    _, _, final = load_checklist(kind=bd.model.BudgetKind.FINAL)
    assert "three_public.final_counts" in {item.id for item in final}
