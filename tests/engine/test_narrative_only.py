"""A text that states budget figures is checked, with or without tables or a 说明 heading."""

from __future__ import annotations

from pathlib import Path

import pytest

import budgetdiff as bd
from budgetdiff._cli.main import main
from budgetdiff.disclosure import read_bytes
from tests.conftest import shared_path

# Our own 三公经费 note, with no heading and no table, as a web page serves one.
NOTE = (
    "某某镇2024年“三公”经费预算情况\n"
    "2024年“三公”经费预算27万元，比上年预算减少3万元，下降10%。其中：公务接待费9万元，"
    "公务用车运行维护费18万元。\n"
)


def test_a_note_without_tables_or_headings_is_checked_as_narrative(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text(NOTE, encoding="utf-8")
    report = bd.check(path)
    assert report.lacks == "tables"
    assert "check.no_budget" not in {f.rule for f in report.findings}
    assert [f.rule for f in report.findings if f.severity is not bd.Severity.NOTE] == []


def test_a_wrong_rate_in_such_a_note_is_found(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text(NOTE.replace("下降10%", "下降11.11%"), encoding="utf-8")  # 3 / 27
    assert "narrative.percent_base" in {f.rule for f in bd.check(path).findings}


def test_the_report_says_it_checked_the_narrative_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "note.txt"
    path.write_text(NOTE, encoding="utf-8")
    assert main(["check", str(path)]) == 0
    assert capsys.readouterr().out.splitlines()[1] == "表格未找到，仅核对说明文字。"


def test_an_opening_without_any_figure_is_not_checked(tmp_path: Path) -> None:
    """A disclosure's duties, no figure yet: nothing checked, said as a warning, not refused."""
    path = tmp_path / "duties.txt"
    path.write_text("一、主要职能\n负责全镇的经济社会发展规划。\n", encoding="utf-8")
    (finding,) = bd.check(path).findings
    assert finding.rule == "check.no_figures"
    assert finding.severity is bd.Severity.WARNING
    assert "未作任何核对" in finding.message


def test_a_text_that_is_no_disclosure_is_no_budget(tmp_path: Path) -> None:
    path = tmp_path / "letter.txt"
    path.write_text("各位好，下周例会改到周三下午。\n", encoding="utf-8")
    (finding,) = bd.check(path).findings
    assert finding.rule == "check.no_budget"
    assert finding.severity is bd.Severity.ERROR


def test_every_fragment_is_read_and_checked() -> None:
    """
    The 83 openings from 27 provinces: none refused, no check fails. Four state no figure
    that budgetdiff reads, and say that nothing was checked: 069 and 072 hold contents and
    duties only (checked by hand); 078's only figures are in a table flattened with pipes,
    075's in one flattened into space-separated runs above its form's 备注, neither of which
    the reader reads.
    """
    folder = shared_path("corpus", "fragments")
    not_checked = []
    for path in sorted(folder.glob("0*.txt")):
        text = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        document = read_bytes(text.encode("utf-8"), source=path.name, suffix=".txt")
        assert isinstance(document, bd.Disclosure)
        report = bd.check(document)
        assert report.failures == (), path.name
        assert "check.no_budget" not in {f.rule for f in report.findings}, path.name
        if "check.no_figures" in {f.rule for f in report.findings}:
            not_checked.append(path.name[:3])
        assert "read.missing_table" not in {f.rule for f in report.findings}, path.name
    assert not_checked == ["069", "072", "075", "078"]
