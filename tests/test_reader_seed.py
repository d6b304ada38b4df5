"""The seed read as printed, and normalised into the bundled 2021 example."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import pytest

import budgetdiff
from budgetdiff import Budget, Money, Unit
from budgetdiff._normalize.normalize import normalize
from budgetdiff._normalize.normalized import Normalized, ResolutionKind
from budgetdiff._read.disclosure import CellKind, Disclosure, ProblemKind, SectionPart, Template
from budgetdiff._read.reader import read
from budgetdiff.model import BudgetKind, Scope, StaffKind, TableRole

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "changji" / "2021.yaml"


@pytest.fixture
def seed_text(seed_path: Path) -> list[str]:
    return seed_path.read_text(encoding="utf-8").split("\n")


@pytest.fixture
def disclosure(seed_path: Path) -> Disclosure:
    found = read(seed_path)
    assert isinstance(found, Disclosure)
    return found


@pytest.fixture
def normalized(disclosure: Disclosure) -> Normalized:
    return normalize(disclosure)


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


def test_normalised_seed_is_the_bundled_example(normalized: Normalized) -> None:
    """
    The budget normalised from the seed equals ``examples/changji/2021.yaml``, except
    for what the example writes by hand rather than as printed:

    * ``notes``: the example's are its author's English; the normaliser's are the
      messages of its resolutions (checked below to cover the same five points);
    * the projects' ``policy_basis``, ``scale`` and performance ``goal``: printed in
      the seed and kept by the normaliser, left out of the example;
    * the texts of funding items of the second and third projects: the example
      summarises them in its own words ("1-5项（机房软硬件…）3年合计"), which cannot
      be reached from the printed text; their amounts (51, 29, 20) are compared.
    """
    expected = budgetdiff.load(EXAMPLE)
    got = normalized.budget

    def comparable(budget: Budget) -> Budget:
        projects = [
            attrs.evolve(
                p,
                policy_basis="",
                scale="",
                performance=p.performance and attrs.evolve(p.performance, goal=""),
                funding_items=[
                    attrs.evolve(i, text=i.text if n == 0 else "") for i in p.funding_items
                ],
            )
            for n, p in enumerate(budget.projects)
        ]
        return attrs.evolve(budget, notes=(), projects=projects)

    assert comparable(got) == comparable(expected)
    assert got.projects[0].funding_items == expected.projects[0].funding_items
    assert got.projects[0].policy_basis.startswith("《优化营商环境条例》")
    kinds = sorted(r.kind.value for r in normalized.resolutions)
    assert kinds == sorted(["conflict", "code", "name", "name", "code", "code", "code", "dropped"])
    assert got.notes == tuple(r.message_en for r in normalized.resolutions)


def test_conflict_names_2101103_with_both_values_and_locations(normalized: Normalized) -> None:
    (conflict,) = normalized.conflicts
    assert conflict.subject.startswith("2101103")
    assert conflict.chosen == Money.of("1.19", Unit.WAN_YUAN)
    assert set(conflict.values) == {
        Money.of("1.19", Unit.WAN_YUAN),
        Money.of("1.18", Unit.WAN_YUAN),
    }
    where = {
        (c.location.table, c.location.column, c.location.line): c.value for c in conflict.copies
    }
    assert where[("表二", "总  计", 262)] == Money.of("1.19", Unit.WAN_YUAN)
    assert where[("表三", "基本支出", 505)] == Money.of("1.18", Unit.WAN_YUAN)
    assert where[("表五", "基本支出", 989)] == Money.of("1.18", Unit.WAN_YUAN)
    assert "1.19" in conflict.message
    assert "1.18" in conflict.message


def test_resolutions_reach_the_examples_choices(normalized: Normalized) -> None:
    by_rule = {r.rule: r for r in normalized.resolutions}
    code = by_rule["normalize.economic_code"]
    assert (code.copies[0].value, code.chosen, code.copies[0].location.line) == (
        "30213",
        "30226",
        1260,
    )
    project = by_rule["normalize.function_code"]
    assert (project.copies[0].value, project.chosen) == ("3110399", "2110399")
    dropped = by_rule["normalize.staffing_change"]
    assert dropped.kind is ResolutionKind.DROPPED
    assert [c.location.line for c in dropped.copies] == [7, 1851]
    names = [r.chosen for r in normalized.resolutions if r.rule == "normalize.economic_name"]
    assert names == ["其他社会保障缴费", "其他商品和服务支出"]


def test_read_dispatches_structured_files_by_content(tmp_path: Path) -> None:
    budget = budgetdiff.load(EXAMPLE)
    for fmt in budgetdiff.Format:
        path = tmp_path / f"budget-{fmt.value}.txt"
        path.write_text(budgetdiff.dumps(budget, fmt), encoding="utf-8")
        assert read(path) == budget
