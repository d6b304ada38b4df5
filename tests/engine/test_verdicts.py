"""Verdicts that persist: a reviewer's word on findings, matched again after re-runs and edits."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from attrs import evolve

import budgetdiff as bd
from budgetdiff._cli.main import main
from budgetdiff._engine.verdicts import verdicts_yaml
from budgetdiff.exceptions import InvalidFileError
from budgetdiff.plugin import Location
from tests.conftest import shared_path

SEED = ("seed", "000_6744f868e7b5c5a3.txt")


def _finding(rule: str, row: str, line: int, expected: str, actual: str) -> bd.Finding:
    return bd.Finding(
        rule=rule,
        severity=bd.Severity.ERROR,
        message=f"第{line}行：{row}",
        message_en=f"line {line}: {row}",
        locations=[Location(source="a.txt", table="表二", row=row, column="总  计", line=line)],
        expected=bd.Money.of(expected, bd.Unit.WAN_YUAN),
        actual=bd.Money.of(actual, bd.Unit.WAN_YUAN),
    )


def _report(*findings: bd.Finding, source: str = "a.txt") -> bd.Report:
    return bd.Report(source=source, findings=findings, unit_name="某某中心", year=2021)


def _moved(report: bd.Report, by: int, source: str = "b.txt") -> bd.Report:
    """*report* as a new version of its document finds it: every line *by* further down."""
    moved = [
        evolve(f, locations=[evolve(loc, line=(loc.line or 0) + by, source=source)])
        for f in report.findings
        for loc in f.locations[:1]
    ]
    return evolve(report, source=source, findings=moved)


def test_a_fingerprint_survives_moved_lines_and_a_renamed_file() -> None:
    report = _report(_finding("table.row_sum", "公务员医疗补助", 262, "1.18", "1.19"))
    assert bd.review(_moved(report, 5)).fingerprints == bd.review(report).fingerprints


def test_a_fingerprint_changes_with_the_figures_the_rule_or_the_document() -> None:
    base = _finding("table.row_sum", "公务员医疗补助", 262, "1.18", "1.19")
    report = _report(base)
    key = bd.fingerprint(base, report)
    assert bd.fingerprint(evolve(base, actual=bd.Money.of("1.20", bd.Unit.WAN_YUAN)), report) != key
    assert bd.fingerprint(evolve(base, rule="table.column_sum"), report) != key
    assert bd.fingerprint(base, evolve(report, year=2022)) != key
    assert bd.fingerprint(base, evolve(report, kind=bd.model.BudgetKind.FINAL)) != key
    # the label as the document means it: spacing inside 总  计 is no difference
    spaced = evolve(base, locations=[evolve(base.locations[0], column="总计")])
    assert bd.fingerprint(spaced, report) == key
    assert bd.fingerprint(evolve(base, expected=Decimal("12.5")), report) != key


def test_two_findings_alike_are_told_apart_by_their_order() -> None:
    one = _finding("narrative.residue", "增加（减少）", 10, "0", "0")
    two = evolve(one, locations=[evolve(one.locations[0], line=12)])
    keys = bd.review(_report(one, two)).fingerprints
    assert keys[1] == f"{keys[0]}#2"
    assert bd.review(_moved(_report(one, two), 3)).fingerprints == keys


def test_the_skeleton_edited_is_honoured(tmp_path: Path) -> None:
    report = _report(
        _finding("table.row_sum", "公务员医疗补助", 262, "1.18", "1.19"),
        _finding("table.row_sum", "事业单位医疗", 250, "10", "11"),
        _finding("table.row_sum", "其他污染防治支出", 289, "5", "6"),
    )
    skeleton = verdicts_yaml([bd.review(report)])
    first, second, _ = bd.review(report).fingerprints
    edited = skeleton.replace(
        f'"{first}"\n  verdict: open', f'"{first}"\n  verdict: confirmed', 1
    ).replace(f'"{second}"\n  verdict: open', f'"{second}"\n  verdict: false', 1)
    path = tmp_path / "v.yaml"
    path.write_text(edited, encoding="utf-8")
    reviewed = bd.review(_moved(report, 40), bd.load_verdicts(path))
    assert [v.value for v in reviewed.verdicts] == ["confirmed", "false", "open"]
    assert reviewed.counts()["error"] == 1
    assert len(reviewed.at_least(bd.Severity.ERROR)) == 1
    assert reviewed.tally() == {"open": 1, "confirmed": 1, "accepted": 0, "false": 1}


def test_a_csv_of_verdicts(tmp_path: Path) -> None:
    report = _report(_finding("table.row_sum", "公务员医疗补助", 262, "1.18", "1.19"))
    key = bd.review(report).fingerprints[0]
    path = tmp_path / "v.csv"
    path.write_text(f"fingerprint,verdict,note\n{key},accepted,单位已说明\n", encoding="utf-8")
    reviewed = bd.review(report, bd.load_verdicts(path))
    assert reviewed.verdicts == (bd.Verdict.ACCEPTED,)
    assert reviewed.notes == ("单位已说明",)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            "verdicts:\n- fingerprint: 0123456789abcdef\n  verdict: maybe\n",
            "line 2: verdict 'maybe'",
        ),
        ("verdicts:\n- fingerprint: nothex\n  verdict: open\n", "line 2: fingerprint 'nothex'"),
        ("verdicts:\n- fingerprint: [1, 2\n", "line 3, column 1: not valid YAML"),
        ("verdicts: yes please\n", "line 1: 'verdicts:' should be a list"),
        ("verdicts:\n- just a line\n", "line 2: an entry should be"),
    ],
)
def test_a_malformed_file_names_the_file_and_the_line(
    tmp_path: Path, text: str, problem: str
) -> None:
    path = tmp_path / "v.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidFileError) as caught:
        bd.load_verdicts(path)
    assert str(caught.value).startswith(f"{path}: {problem}")


# the real seed document, from the command line


@pytest.fixture
def unit(tmp_path: Path) -> Path:
    """The seed copied into a folder of its own (where a verdicts file may sit beside it)."""
    path = tmp_path / "unit" / "2021.txt"
    path.parent.mkdir()
    path.write_bytes(shared_path(*SEED).read_bytes())
    return path


def _json(path: Path, capsys: pytest.CaptureFixture[str], *more: str) -> Any:
    main(["check", str(path), "--format", "json", "--fail-on", "never", *more])
    return json.loads(capsys.readouterr().out)


def _mark(skeleton: str, marks: dict[str, str]) -> str:
    for key, verdict in marks.items():
        old = f'"{key}"\n  verdict: open'
        assert old in skeleton
        skeleton = skeleton.replace(old, f'"{key}"\n  verdict: {verdict}', 1)
    return skeleton


def test_verdicts_on_two_findings_of_the_seed_are_honoured_on_a_rerun_and_a_new_version(
    unit: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    skeleton = unit.parent / "budgetdiff-verdicts.yaml"
    assert main(["check", str(unit), "--format", "verdicts", "-o", str(skeleton)]) == 1
    capsys.readouterr()
    before = _json(unit, capsys)
    findings = before["findings"]
    row_sum = next(f for f in findings if f["rule"] == "table.row_sum")
    staffing = next(f for f in findings if f["rule"] == "profile.staffing_change")
    marks = {row_sum["fingerprint"]: "confirmed", staffing["fingerprint"]: "accepted"}
    skeleton.write_text(_mark(skeleton.read_text(encoding="utf-8"), marks), encoding="utf-8")

    again = _json(unit, capsys)  # found beside the document
    tally = {"open": len(findings) - 2, "confirmed": 1, "accepted": 1, "false": 0}
    assert again["verdicts"] == tally
    errors = before["counts"]["error"]
    assert again["open"] == {**before["counts"], "error": errors - 2}
    main(["check", str(unit), "--fail-on", "never"])
    text = capsys.readouterr().out
    assert text.splitlines()[0].endswith(f"未复核的错误{errors - 2}项，警告13项，提示10项")
    assert text.splitlines()[1] == "已复核2项（确认1项，单位已说明1项，误报0项），不计入以上各数。"
    assert "[错误][已确认] table.row_sum" in text
    assert "[错误][单位已说明] profile.staffing_change" in text

    # a new version: a line inserted near the top moves every line, and the file is renamed
    lines = unit.read_text(encoding="utf-8").splitlines(keepends=True)
    moved = unit.with_name("2021-v2.txt")
    moved.write_text("".join([lines[0], "（2021年3月修订）\n", *lines[1:]]), encoding="utf-8")
    unit.unlink()
    after = _json(moved, capsys)
    assert after["verdicts"] == again["verdicts"]
    assert [f["fingerprint"] for f in after["findings"]] == [f["fingerprint"] for f in findings]
    moved_row_sum = next(f for f in after["findings"] if f["rule"] == "table.row_sum")
    assert moved_row_sum["locations"][0]["line"] == row_sum["locations"][0]["line"] + 1


def test_fail_on_counts_open_findings_only(unit: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _json(unit, capsys)
    errors = [f["fingerprint"] for f in data["findings"] if f["severity"] == "error"]
    verdicts = unit.parent / "reviewed.yaml"
    main(["check", str(unit), "--format", "verdicts", "-o", str(verdicts)])
    capsys.readouterr()
    verdicts.write_text(
        _mark(verdicts.read_text(encoding="utf-8"), dict.fromkeys(errors, "false")),
        encoding="utf-8",
    )
    assert main(["check", str(unit), "--fail-on", "error"]) == 1  # not beside: not read
    assert main(["check", str(unit), "--fail-on", "error", "--verdicts", str(verdicts)]) == 0
    assert main(["check", str(unit), "--fail-on", "warning", "--verdicts", str(verdicts)]) == 1
    capsys.readouterr()


def test_a_malformed_verdicts_file_is_one_message_and_exit_2(
    unit: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = unit.parent / "budgetdiff-verdicts.yaml"
    bad.write_text("verdicts:\n- fingerprint: 0123456789abcdef\n  verdict: ok\n", encoding="utf-8")
    assert main(["check", str(unit)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip().splitlines() == [
        f"budgetdiff: {bad}: line 2: verdict 'ok' is not one of open, confirmed, accepted, false"
    ]
    assert "Traceback" not in captured.err


def test_every_fingerprint_of_a_shanghai_text_survives_a_line_inserted_above(
    tmp_path: Path,
) -> None:
    """p06 states several of its figures twice: alike findings keep their order's mark."""
    name = "p06_2025_budget_dept_shanghai_putuo_caizhengju.txt"
    original = shared_path("corpus", "shanghai", name)
    lines = original.read_text(encoding="utf-8").splitlines(keepends=True)
    revised = tmp_path / "revised.txt"
    revised.write_text("".join([lines[0], "（修订版）\n", *lines[1:]]), encoding="utf-8")
    keys = bd.review(bd.check(original)).fingerprints
    assert any("#2" in key for key in keys)
    assert bd.review(bd.check(revised)).fingerprints == keys


def test_a_verdicts_file_named_and_absent_is_exit_2(
    unit: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    absent = unit.parent / "nope.yaml"
    assert main(["check", str(unit), "--verdicts", str(absent)]) == 2
    assert capsys.readouterr().err == f"budgetdiff: {absent}: no such verdicts file\n"
