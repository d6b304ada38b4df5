"""The seed read as printed: every cell located, kept as printed, problems reported."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import budgetdiff
from budgetdiff import Money, Unit
from budgetdiff._read.disclosure import CellKind, Disclosure, ProblemKind, SectionPart, Template
from budgetdiff._read.reader import read
from budgetdiff.model import BudgetKind, Scope, StaffKind, TableRole

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "changji" / "2021.yaml"


@pytest.fixture
def seed_text(seed_path: Path) -> list[str]:
    return seed_path.read_text(encoding="utf-8").split("\n")


@pytest.fixture
def disclosure(seed_path: Path) -> Disclosure:
    found = read(seed_path)
    assert isinstance(found, Disclosure)
    return found


def test_what_the_seed_is(disclosure: Disclosure) -> None:
    assert disclosure.template is Template.XINJIANG
    assert disclosure.encoding == "utf-8"
    assert (disclosure.year, disclosure.kind, disclosure.scope) == (
        2021,
        BudgetKind.BUDGET,
        Scope.UNIT,
    )
    assert disclosure.unit_name == "昌吉州环境污染监控中心"
    assert [t.number for t in disclosure.tables] == [f"表{n}" for n in "一二三四五六七八九"]
    assert [t.role for t in disclosure.tables] == [
        TableRole.SUMMARY,
        TableRole.INCOME,
        TableRole.EXPENDITURE,
        TableRole.FISCAL,
        TableRole.GENERAL_PUBLIC,
        TableRole.BASIC_ECONOMIC,
        TableRole.PROJECTS,
        TableRole.THREE_PUBLIC,
        TableRole.GOVERNMENT_FUND,
    ]
    assert {t.unit for t in disclosure.tables} == {Unit.WAN_YUAN}
    assert disclosure.unplaced == ()
    assert disclosure.sign_off is not None
    assert (disclosure.sign_off.unit, disclosure.sign_off.date) == (
        "昌吉州环境污染监控中心",
        "2021年2月2日",
    )


def test_every_cell_is_located(disclosure: Disclosure, seed_text: list[str]) -> None:
    """Each cell's line is the line its text is printed on (after the row's TAB)."""
    count = 0
    for table in disclosure.tables:
        assert table.first_line <= table.title_line <= table.last_line
        for cell in table.cells():
            count += 1
            assert cell.location.table == table.number
            printed = seed_text[cell.line - 1]
            assert printed.startswith("\t")
            assert printed[1:] == cell.raw.split("\n")[0], cell.location
    assert count > 1000


def test_cells_read_as_printed(disclosure: Disclosure) -> None:
    table2 = disclosure.table(TableRole.INCOME)
    assert table2 is not None
    row = next(r for r in table2.rows if r.code == "2101103")
    assert row.label == "公务员医疗补助"
    total, general = row.cells[4], row.cells[5]
    assert (total.location.column, total.value, total.amount) == (
        "总  计",
        Decimal("1.19"),
        Money.of("1.19", Unit.WAN_YUAN),
    )
    assert (general.location.column, general.amount, general.line) == (
        "一般公共预算拨款",
        Money.of("1.18", Unit.WAN_YUAN),
        263,
    )
    blank = row.cells[6]
    assert blank.kind is CellKind.BLANK
    assert blank.value is None
    assert blank.amount is None
    assert [r.is_total for r in table2.rows].count(True) == 1


def test_433_34_is_kept_as_printed_and_reported(disclosure: Disclosure) -> None:
    table5 = disclosure.table(TableRole.GENERAL_PUBLIC)
    assert table5 is not None
    total = table5.totals[0].cells[4]
    assert (total.raw, total.kind, total.value) == ("433..34", CellKind.MALFORMED, None)
    problem = next(p for p in disclosure.problems if p.kind is ProblemKind.MALFORMED_NUMBER)
    assert problem.location.line == 1124
    assert (problem.location.table, problem.location.row) == ("表五", "合  计")
    assert problem.text == "433..34"
    assert problem.suggestion == Decimal("433.34")
    assert "433.34" in problem.message
    assert "433..34" in problem.message_en


def test_notes_profile_and_narrative(disclosure: Disclosure) -> None:
    table8 = disclosure.table(TableRole.THREE_PUBLIC)
    assert table8 is not None
    assert table8.says_empty
    assert table8.is_empty
    profile = disclosure.profile
    assert profile.offices_stated_count == len(profile.offices) == 6
    contract = profile.staffing_of(StaffKind.CONTRACT)
    assert contract is not None
    assert (contract.count, contract.stated_change, contract.change_text, contract.line) == (
        33,
        0,
        "无增加或减少",
        7,
    )
    titles = [s.title for s in disclosure.sections if s.part is SectionPart.NARRATIVE]
    assert "（一）机关运行经费情况" in titles
    assert any(t.startswith("三、关于") and t.endswith("支出预算情况说明") for t in titles)
    sentence = next(s for _, s in disclosure.sentences() if "150.05万元" in s.text)
    assert sentence.line == 1889
    assert [t.project for t in disclosure.performance_tables] == [
        "移动遥感监测设备运维",
        "信息化运维",
        "会议系统及音视频运维、电视电话会议链路费",
    ]


def test_read_dispatches_structured_files_by_content(tmp_path: Path) -> None:
    budget = budgetdiff.load(EXAMPLE)
    for fmt in budgetdiff.Format:
        path = tmp_path / f"budget-{fmt.value}.txt"
        path.write_text(budgetdiff.dumps(budget, fmt), encoding="utf-8")
        assert read(path) == budget
