"""
This year against last year on real documents: 万里街道 2025 (p03) against its 2024
budget (p02), as texts and as the published PDFs, through `budgetdiff.check(new,
prior=old)` and ``budgetdiff check NEW --prior OLD`` (skipped when ../shared is absent).

Each of the 11 changes the 2025 narrative states against 2024 was verified by hand
against p02: 财政拨款收入, 财政拨款支出 and 一般公共预算拨款支出 18,976.76 − 3,355.65 =
15,621.11万元 (p02 prints 156,211,123元); 政府性基金 and 国有资本经营 0, 持平 (p02: 0);
“三公”经费 37.91 + 10 = 47.91, 公务用车购置及运行费 36.56 + 10 = 46.56, 购置费 15 + 10 =
25, 运行费 21.56, 公务接待费 1.35 and 因公出国（境）费 0, 持平 (p02's “三公” table and
its narrative, lines 2632–2637).  So: no finding but the coverage note.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import budgetdiff as bd
from budgetdiff._cli.main import main
from tests.conftest import shared_path

CROSSYEAR = ["crossyear.figures", "crossyear.lines"]
P02 = "p02_2024_budget_dept_shanghai_putuo_wanli_jiedao"
P03 = "p03_2025_budget_dept_shanghai_putuo_wanli_jiedao"


def _pair(medium: str) -> tuple[Path, Path]:
    folder = ("corpus", "shanghai") if medium == "txt" else ("corpus", "pdf", "shanghai")
    return shared_path(*folder, f"{P03}.{medium}"), shared_path(*folder, f"{P02}.{medium}")


@pytest.mark.parametrize("medium", ["txt", "pdf"])
def test_wanli_2025_changes_verify_against_2024(medium: str) -> None:
    """All 11 stated changes agree with p02; nothing is reported but the coverage."""
    if medium == "pdf":
        pytest.importorskip("pdfplumber")
    new, old = _pair(medium)
    report = bd.check(new, prior=old, checks=CROSSYEAR)
    assert [f.rule for f in report.findings] == ["crossyear.coverage"]
    coverage = report.findings[0]
    assert coverage.severity is bd.Severity.NOTE
    assert "共11项，11项与上年公开数相符" in coverage.message
    assert P02 in coverage.message
    assert P03 in coverage.message


def test_without_prior_nothing_is_compared() -> None:
    """The checks across years say nothing when no prior is given."""
    new, _ = _pair("txt")
    assert bd.check(new, checks=CROSSYEAR).findings == ()


def test_prior_of_the_same_year_is_not_compared() -> None:
    """p04 (2025) is no prior of p03 (2025): one note, nothing compared."""
    new, _ = _pair("txt")
    other = shared_path(
        "corpus", "shanghai", "p04_2025_budget_dept_wanli_GENERATED_by_tianbaoxitong.txt"
    )
    report = bd.check(new, prior=other, checks=CROSSYEAR)
    assert [f.rule for f in report.findings] == ["crossyear.not_checked"]


def test_cli_prior(capsys: pytest.CaptureFixture[str]) -> None:
    """``budgetdiff check NEW --prior OLD`` runs the checks across years on the pair."""
    new, old = _pair("txt")
    args = ["check", str(new), "--prior", str(old), "--format", "json"]
    assert main([*args, "--only", "crossyear.figures"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [f["rule"] for f in data["findings"]] == ["crossyear.coverage"]


def test_cli_prior_needs_one_file(capsys: pytest.CaptureFixture[str]) -> None:
    """--prior pairs one document: with a folder it is unusable input (exit 2)."""
    new, old = _pair("txt")
    assert main(["check", str(new.parent), "--prior", str(old)]) == 2
    assert "--prior" in capsys.readouterr().err


def _jiangsu(prefix: str) -> Path:
    folder = shared_path("corpus", "pdf", "jiangsu")
    return next(folder.glob(f"{prefix}_*.pdf"))


def test_jiangsu_court_2018_change_misprinted() -> None:
    """
    江苏省高级人民法院 2018 (j02) line 1505: 一般行政管理事务 6049.97万元, 减少392.92万元,
    puts 2017 at 6442.89; 2017's tables (j01) print 2040502 at 6,432.89 (and its narrative
    says so, line 1554).  6432.89 − 6049.97 = 382.92, which the printed 5.95% fits: the
    change is misprinted.  A warning (against a bare 上年), the only disagreement.
    """
    pytest.importorskip("pdfplumber")
    report = bd.check(_jiangsu("j02"), prior=_jiangsu("j01"), checks=["crossyear.figures"])
    found = [f for f in report.findings if f.rule != "crossyear.coverage"]
    assert [(f.rule, f.severity) for f in found] == [("crossyear.change", bd.Severity.WARNING)]
    assert found[0].expected == bd.Money.of("6432.89", bd.Unit.WAN_YUAN)
    assert {loc.source.rsplit("/", 1)[-1][:3] for loc in found[0].locations} == {"j01", "j02"}


def test_jiangsu_congress_2018_no_false_alarm() -> None:
    """
    人大常委会办公厅 2018 (j05) against 2017 (j04): its 行政运行 6372.32 − 1826.38 = 4545.94
    is 2017's table figure (2010101), though 2017's narrative printed the 款's 10528.33 under
    行政运行's name: last year's narrative never contradicts its tables.  Nothing reported.
    """
    pytest.importorskip("pdfplumber")
    report = bd.check(_jiangsu("j05"), prior=_jiangsu("j04"), checks=["crossyear.figures"])
    assert [f.rule for f in report.findings] == ["crossyear.coverage"]


def test_prior_as_a_workbook(tmp_path: Path) -> None:
    """Last year's tables as a workbook (``convert -o X.xlsx``): the same 11 of 11 agree."""
    pytest.importorskip("openpyxl")
    new, old = _pair("txt")
    workbook = tmp_path / "p02.xlsx"
    assert main(["convert", str(old), "-o", str(workbook)]) == 0
    report = bd.check(new, prior=workbook, checks=CROSSYEAR)
    assert [f.rule for f in report.findings] == ["crossyear.coverage"]
    assert "共11项，11项与上年公开数相符" in report.findings[0].message
