"""The Shanghai family: tables in 元, other titles and order, 部门 and 单位, 决算 too."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from budgetdiff import Money, Unit
from budgetdiff._normalize.normalize import normalize
from budgetdiff._read.disclosure import Disclosure, ProblemKind, SectionPart, Template
from budgetdiff._read.reader import read
from budgetdiff._read.table_titles import compact
from budgetdiff.model import BudgetKind, Scope, TableRole

SharedFile = Callable[..., Path]

BUDGETS = {
    "p01_2023_budget_dept_shanghai_putuo_wanli_jiedao.txt": (2023, Scope.DEPARTMENT),
    "p02_2024_budget_dept_shanghai_putuo_wanli_jiedao.txt": (2024, Scope.DEPARTMENT),
    "p03_2025_budget_dept_shanghai_putuo_wanli_jiedao.txt": (2025, Scope.DEPARTMENT),
    "p05_2024_budget_unit_shanghai_putuo_shehui_fuliyuan.txt": (2024, Scope.UNIT),
    "p06_2025_budget_dept_shanghai_putuo_caizhengju.txt": (2025, Scope.DEPARTMENT),
    "p07_2025_budget_unit_shanghai_shi_caizhengju.txt": (2025, Scope.UNIT),
    "p08_2026_budget_dept_shanghai_putuo_sifaju.txt": (2026, Scope.DEPARTMENT),
    "p09_2026_budget_unit_shanghai_putuo_sifaju.txt": (2026, Scope.UNIT),
}
FINALS = (
    "p11_2024_final_dept_shanghai_putuo_caizhengju.txt",
    "p12_2024_final_dept_putuo_caizhengju_SEEDED_ERRORS.txt",
    "p13_2024_final_dept_shanghai_putuo_guihua_ziranziyuanju.txt",
    "p14_2024_final_dept_shanghai_putuo_shehui_gongzuobu.txt",
)
OTHERS = (
    "p04_2025_budget_dept_wanli_GENERATED_by_tianbaoxitong.txt",
    "p10_2026_budget_unit_shanghai_putuo_shiquanlu_jiedao_PLAINTEXT.txt",
)
ALL = (*BUDGETS, *FINALS, *OTHERS)


def _disclosure(shared_file: SharedFile, name: str) -> Disclosure:
    found = read(shared_file("corpus", "shanghai", name))
    assert isinstance(found, Disclosure)
    return found


def _printed_totals(disclosure: Disclosure) -> tuple[Money, Money]:
    """收入总计 and 支出总计 as the summary table prints them."""
    summary = disclosure.table(TableRole.SUMMARY)
    assert summary is not None
    income = expenditure = None
    for row in summary.rows:
        texts = [compact(c.text) for c in row.cells]
        for index, text in enumerate(texts):
            if text in ("收入总计", "支出总计"):
                amount = next(c.amount for c in row.cells[index + 1 :] if c.amount is not None)
                if text == "收入总计":
                    income = amount
                else:
                    expenditure = amount
    assert income is not None
    assert expenditure is not None
    return income, expenditure


@pytest.mark.parametrize("name", ALL)
def test_every_document_reads_with_located_tables(shared_file: SharedFile, name: str) -> None:
    disclosure = _disclosure(shared_file, name)
    assert disclosure.template is Template.SHANGHAI
    assert disclosure.year is not None
    assert disclosure.unit_name
    lines = Path(disclosure.source).read_text(encoding="utf-8").split("\n")
    for table in disclosure.tables:
        assert table.role is not None, table.title
        assert table.unit in (Unit.YUAN, Unit.WAN_YUAN)
        for cell in table.cells():
            if cell.printed:  # (a 合计 printed over several columns leaves the others unprinted)
                assert lines[cell.line - 1] == f"\t{cell.raw}", cell.location
            else:
                assert cell.raw == ""
    for block in disclosure.unplaced:  # kept, and reported
        assert any(p.location.line == block.first_line for p in disclosure.problems)


@pytest.mark.parametrize("name", BUDGETS)
def test_budgets_normalise_to_their_printed_totals(shared_file: SharedFile, name: str) -> None:
    disclosure = _disclosure(shared_file, name)
    year, scope = BUDGETS[name]
    assert (disclosure.year, disclosure.scope, disclosure.kind) == (year, scope, BudgetKind.BUDGET)
    assert {t.role for t in disclosure.tables} >= {
        TableRole.SUMMARY,
        TableRole.INCOME,
        TableRole.EXPENDITURE,
        TableRole.FISCAL,
        TableRole.GENERAL_PUBLIC,
        TableRole.BASIC_ECONOMIC,
        TableRole.THREE_PUBLIC,
    }
    budget = normalize(disclosure).budget
    assert budget.presentation.unit is Unit.YUAN
    income, expenditure = _printed_totals(disclosure)
    assert budget.income.total == income
    assert budget.expenditure_total == expenditure
    assert budget.three_public is not None
    assert budget.admin_costs is not None
    assert budget.procurement is not None
    assert budget.performance is not None


def test_the_wanli_2025_budget_in_detail(shared_file: SharedFile) -> None:
    disclosure = _disclosure(shared_file, "p03_2025_budget_dept_shanghai_putuo_wanli_jiedao.txt")
    three_public = disclosure.table(TableRole.THREE_PUBLIC)
    assert three_public is not None
    assert three_public.unit is Unit.WAN_YUAN
    general = disclosure.table(TableRole.GENERAL_PUBLIC)
    assert general is not None
    assert len(general.repeated_headers) == 12
    budget = normalize(disclosure).budget
    assert budget.unit_name == "上海市普陀区人民政府万里街道办事处"
    line = budget.line("2120101")
    assert line is not None
    assert line.basic.general_public == Money(17_737_739)
    assert line.project.general_public == Money(150_000)
    assert budget.three_public is not None
    assert budget.three_public.total == Money.of("37.91", Unit.WAN_YUAN)
    assert budget.admin_costs == Money.of("464.64", Unit.WAN_YUAN)
    assert budget.performance is not None
    assert budget.performance.project_count == 49


def test_broken_class_code_is_read_from_its_context(shared_file: SharedFile) -> None:
    """p05 prints 210 11 02 as "7 | 11 | 02" in two tables; the rows above make it 2101102."""
    disclosure = _disclosure(shared_file, "p05_2024_budget_unit_shanghai_putuo_shehui_fuliyuan.txt")
    problems = [p for p in disclosure.problems if p.kind is ProblemKind.MALFORMED_CODE]
    assert [(p.location.line, p.suggestion) for p in problems] == [
        (457, "2101102"),
        (677, "2101102"),
    ]
    normalized = normalize(disclosure)
    assert normalized.budget.line("2101102") is not None
    assert any(r.rule == "normalize.own_numbering" for r in normalized.resolutions)


def test_a_row_copying_its_class_total_is_resolved_by_the_totals(shared_file: SharedFile) -> None:
    """p09 prints the 项目支出 of class 204 again on its 2040601 行政运行 row."""
    disclosure = _disclosure(shared_file, "p09_2026_budget_unit_shanghai_putuo_sifaju.txt")
    normalized = normalize(disclosure)
    line = normalized.budget.line("2040601")
    assert line is not None
    assert line.project.total == Money(0)
    (conflict,) = normalized.conflicts
    assert conflict.subject.startswith("2040601")
    assert conflict.chosen == Money(0)


@pytest.mark.parametrize("name", FINALS)
def test_final_accounts_read_and_normalise(shared_file: SharedFile, name: str) -> None:
    disclosure = _disclosure(shared_file, name)
    assert (disclosure.kind, disclosure.year, disclosure.scope) == (
        BudgetKind.FINAL,
        2024,
        Scope.DEPARTMENT,
    )
    assert {t.unit for t in disclosure.tables} == {Unit.WAN_YUAN}
    budget = normalize(disclosure).budget
    assert budget.kind is BudgetKind.FINAL
    general = disclosure.table(TableRole.GENERAL_PUBLIC)
    assert general is not None
    printed = next(c.amount for c in general.totals[0].cells if c.amount is not None)
    assert abs(budget.spending_by_source.general_public - printed) <= Money.of("0.1", Unit.WAN_YUAN)


def test_plain_text_document_reads_as_profile_and_narrative(shared_file: SharedFile) -> None:
    disclosure = _disclosure(
        shared_file, "p10_2026_budget_unit_shanghai_putuo_shiquanlu_jiedao_PLAINTEXT.txt"
    )
    assert disclosure.tables == ()
    assert disclosure.profile.functions
    assert len(disclosure.profile.offices) == 8
    assert any(s.part is SectionPart.NARRATIVE and s.sentences for s in disclosure.sections)
    as_text = [p for p in disclosure.problems if p.kind is ProblemKind.TABLE_AS_TEXT]
    assert len(as_text) == 9
    assert all(p.end_line is not None for p in as_text)
    assert sum(len(b.lines) for b in disclosure.unplaced) > 300  # the tables' text, kept
