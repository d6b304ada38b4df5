"""A standard table the document does not print is said in the budget it normalizes into."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import budgetdiff as bd
from budgetdiff._cli.main import main
from tests.conftest import EXAMPLES

PROJECTS_TITLE = "表七："  # the seed's 一般公共预算项目支出情况表 (lines 1316–1579)


def _without_projects(seed_path: Path, tmp_path: Path) -> Path:
    lines = seed_path.read_text(encoding="utf-8").split("\n")
    start = lines.index(PROJECTS_TITLE)
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("表八"))
    path = tmp_path / "no_projects.txt"
    path.write_text("\n".join(lines[:start] + lines[end:]), encoding="utf-8")
    return path


def test_the_budget_notes_the_table_not_found(seed_path: Path, tmp_path: Path) -> None:
    document = bd.read(_without_projects(seed_path, tmp_path))
    assert isinstance(document, bd.Disclosure)
    notes = bd.normalize(document).budget.notes
    assert notes[0].startswith("No project expenditure table was found.")
    assert "not stated, not zero" in notes[0]
    whole = bd.read(seed_path)
    assert isinstance(whole, bd.Disclosure)
    assert not any("was found" in n for n in bd.normalize(whole).budget.notes)


def test_compare_json_and_convert_say_it(
    seed_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _without_projects(seed_path, tmp_path)
    old = str(EXAMPLES / "2020.yaml")
    assert main(["compare", old, str(path), "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert "not found: 一般公共预算项目支出情况表" in captured.err
    data = json.loads(captured.out)
    assert data["new"]["notes"][0].startswith("No project expenditure table was found.")
    assert not any("was found" in note for note in data["old"]["notes"])  # its own notes
    out = tmp_path / "2021.yaml"
    assert main(["convert", str(path), "-o", str(out)]) == 0
    assert "No project expenditure table was found." in out.read_text(encoding="utf-8")
