"""Workbooks out of the command line: the tables (read back exactly), changes, findings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

import budgetdiff as bd
from budgetdiff._cli.main import main
from budgetdiff.disclosure import Disclosure, Medium
from tests.conftest import EXAMPLES, shared_path


def _parts(budget: bd.Budget) -> dict[str, Any]:
    """What the nine tables print of a budget (its narrative's matters are not in them)."""
    return {
        "year": budget.year,
        "unit": budget.unit_name,
        "presentation": budget.presentation,
        "income": budget.income,
        "expenditure": [(ln.code, ln.name, ln.basic, ln.project) for ln in budget.expenditure],
        "economic": [
            (e.code, e.name, e.personnel, e.public_use) for e in budget.basic_by_economic if e.total
        ],
        "projects": [(p.name, p.function_code, p.amount, p.by_economic) for p in budget.projects],
        "three_public": budget.three_public,
    }


def _budget(name: str) -> bd.Budget:
    if name == "changji":
        return bd.load(EXAMPLES / "2021.yaml")
    path = (
        shared_path("seed", "000_6744f868e7b5c5a3.txt")
        if name == "seed"
        else next(shared_path("corpus", "shanghai").glob("p03_*.txt"))
    )
    document = bd.read(path)
    assert isinstance(document, Disclosure)
    return bd.normalize(document).budget


@pytest.mark.parametrize("name", ["changji", "seed", "p03"])
def test_convert_to_a_workbook_reads_back_into_the_budget(name: str, tmp_path: Path) -> None:
    """normalize(read(convert(X))) == X on every figure the nine tables print."""
    budget = _budget(name)
    source = tmp_path / "budget.yaml"
    bd.dump(budget, source)
    out = tmp_path / "tables.xlsx"
    assert main(["convert", str(source), "-o", str(out)]) == 0
    document = bd.read(out)
    assert isinstance(document, Disclosure)
    assert document.medium is Medium.WORKBOOK
    assert document.problems == ()
    assert _parts(bd.normalize(document).budget) == _parts(budget)


def test_the_tables_workbook_is_styled_for_print(tmp_path: Path) -> None:
    out = tmp_path / "2021.xlsx"
    assert main(["convert", str(EXAMPLES / "2021.yaml"), "--format", "xlsx", "-o", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["封面", *(f"表{n}" for n in "一二三四五六七八九")]
    sheet = book["表三"]
    assert sheet["B2"].value is None
    assert sheet["A2"].value == "部门（单位）支出总体情况表"
    assert "A2:G2" in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet["A3"].value.startswith("编制部门（单位）：")
    assert sheet["G3"].value == "单位：万元"
    assert sheet["A4"].font.bold
    assert sheet["A4"].font.name == "宋体"
    assert sheet["A4"].border.left.style == "thin"
    assert sheet.freeze_panes == "A7"
    total = next(r for r in sheet.iter_rows(min_row=7) if r[3].value == "合  计")
    assert total[4].number_format == "#,##0.00"
    assert isinstance(total[4].value, float)
    assert sheet.column_dimensions["D"].width > 10


def test_a_workbook_is_never_written_to_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    example = str(EXAMPLES / "2021.yaml")
    for args in (
        ["convert", example, "--format", "xlsx"],
        ["compare", str(EXAMPLES / "2020.yaml"), example, "--format", "xlsx"],
        ["check", example, "--format", "xlsx"],
    ):
        assert main(args) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err.count("\n") == 1
        assert "-o FILE.xlsx" in captured.err


def test_compare_writes_the_changes_as_a_workbook(tmp_path: Path) -> None:
    out = tmp_path / "changes.xlsx"
    old, new = str(EXAMPLES / "2020.yaml"), str(EXAMPLES / "2021.yaml")
    assert main(["compare", old, new, "--format", "xlsx", "-o", str(out)]) == 0
    sheet = openpyxl.load_workbook(out)["changes"]
    head = [c.value for c in sheet[1]]
    assert head[:7] == ["id", "name", "code", "old", "new", "delta", "growth_percent"]
    assert head[-1] == "drivers"
    rows = {r[0]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    total = rows["total:basic"]
    assert total[5] == 2476800  # +247.68万元, in 元, exact
    comparison = bd.compare(bd.load(old), bd.load(new))
    assert len(rows) == len(comparison.changes)
    assert any(r[8] for r in rows.values())  # some change is driven by others


def test_check_writes_the_findings_as_a_workbook_with_their_places(tmp_path: Path) -> None:
    seed = shared_path("seed", "000_6744f868e7b5c5a3.txt")
    out = tmp_path / "findings.xlsx"
    assert main(["check", str(seed), "--format", "xlsx", "-o", str(out), "--fail-on", "never"]) == 0
    sheet = openpyxl.load_workbook(out)["findings"]
    head = [c.value for c in sheet[1]]
    assert head[:4] == ["source", "severity", "rule", "message"]
    assert {"page", "cell", "line", "locations", "expected", "actual"} <= set(head)
    rows = [dict(zip(head, r, strict=False)) for r in sheet.iter_rows(min_row=2, values_only=True)]
    report = bd.check(seed)
    assert [r["rule"] for r in rows] == [f.rule for f in report.findings]
    assert all(r["line"] for r in rows if r["table"])


def test_check_of_a_workbook_names_sheets_and_cells_in_its_findings(tmp_path: Path) -> None:
    """A workbook budgetdiff wrote, one figure edited: the finding names its sheet and cell."""
    tables = tmp_path / "tables.xlsx"
    assert main(["convert", str(EXAMPLES / "2021.yaml"), "-o", str(tables)]) == 0
    book = openpyxl.load_workbook(tables)
    sheet = book["表三"]
    row = next(r for r in sheet.iter_rows(min_row=7) if isinstance(r[5].value, float))
    row[5].value += 1  # 基本支出 of one line 1万元 more than its 合计 allows
    book.save(tables)
    out = tmp_path / "findings.xlsx"
    assert (
        main(["check", str(tables), "--format", "xlsx", "-o", str(out), "--fail-on", "never"]) == 0
    )
    found = openpyxl.load_workbook(out)["findings"]
    head = [c.value for c in found[1]]
    rows = [dict(zip(head, r, strict=False)) for r in found.iter_rows(min_row=2, values_only=True)]
    edited = f"sheet 表三, cell {row[5].coordinate}"
    assert "表三!E7" in [r["cell"] for r in rows]  # the first place: its 合计, same row
    assert any(edited in r["locations"] for r in rows)
    text = tmp_path / "findings.txt"
    assert main(["check", str(tables), "-o", str(text), "--fail-on", "never"]) == 0
    assert edited in text.read_text(encoding="utf-8")


def test_convert_to_text_still_writes_the_layout(tmp_path: Path) -> None:
    """`convert X.xlsx -o X.txt` writes the text the workbook is read as."""
    tables = tmp_path / "tables.xlsx"
    assert main(["convert", str(EXAMPLES / "2021.yaml"), "-o", str(tables)]) == 0
    text = tmp_path / "tables.txt"
    assert main(["convert", str(tables), "-o", str(text)]) == 0
    assert "\t部门（单位）支出总体情况表" not in text.read_text(encoding="utf-8")
    assert "部门（单位）支出总体情况表\n" in text.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["changji", "seed"])
def test_a_written_workbook_checks_clean(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The indent that nests 一般公共预算 under 财政拨款 survives the round trip (no false sums)."""
    source = EXAMPLES / "2021.yaml" if name == "changji" else shared_path("seed")
    if name == "seed":
        source = next(source.glob("*.txt"))
    out = tmp_path / "tables.xlsx"
    assert main(["convert", str(source), "-o", str(out)]) == 0
    capsys.readouterr()
    assert main(["check", str(out), "--min-severity", "warning"]) == 0
    listed = capsys.readouterr().out
    assert "table.column_sum" not in listed


def test_a_budget_split_only_in_total_is_not_written_as_zeros(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A Jiangsu budget's lines print one amount each: refused, never a workbook of zeros."""
    j03 = next(shared_path("corpus", "pdf", "jiangsu").glob("j03_*.pdf"))
    out = tmp_path / "j03.xlsx"
    assert main(["convert", str(j03), "-o", str(out)]) == 2
    assert not out.exists()
    last = capsys.readouterr().err.splitlines()[-1]
    assert last.startswith("budgetdiff: 江苏省高级人民法院 2019: its lines print one amount each")
