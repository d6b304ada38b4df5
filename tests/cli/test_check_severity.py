"""`check --min-severity`: a reviewer lists what matters; the counts stay whole."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from budgetdiff._cli.main import main


def test_notes_can_be_left_out_of_the_text_report(
    seed_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check", str(seed_path), "--fail-on", "never"])
    everything = capsys.readouterr().out
    main(["check", str(seed_path), "--fail-on", "never", "--min-severity", "warning"])
    listed = capsys.readouterr().out
    assert everything.splitlines()[0] == listed.splitlines()[0]  # the same counts
    notes = everything.count("[提示]")
    assert notes > 0
    assert "[提示]" not in listed
    assert f"另有{notes}项未列出" in listed
    assert listed.count("[错误]") == everything.count("[错误]")
    assert listed.count("[警告]") == everything.count("[警告]")


def test_errors_only(seed_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(seed_path), "--fail-on", "never", "--min-severity", "error"])
    out = capsys.readouterr().out
    assert "[警告]" not in out
    assert "[错误]" in out
    assert "以下仅列出错误（--min-severity error）" in out


def test_json_keeps_every_finding(seed_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["check", str(seed_path), "--fail-on", "never", "--format", "json"]
    main([*args, "--min-severity", "error"])
    data = json.loads(capsys.readouterr().out)
    assert "note" in {f["severity"] for f in data["findings"]}
