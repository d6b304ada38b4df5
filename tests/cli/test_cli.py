"""The command line: a thin layer over the API, exit 2 with one line on unusable input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import budgetdiff
from budgetdiff._cli.main import main
from tests.conftest import EXAMPLES


def test_show_prints_the_nine_tables(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(EXAMPLES / "2021.yaml")]) == 0
    out = capsys.readouterr().out
    for n in "一二三四五六七八九":
        assert f"表{n}  " in out
    assert "433.34" in out
    assert "318.34" in out
    assert "此表为空表" in out


def test_convert_between_formats(tmp_path: Path) -> None:
    out = tmp_path / "2021.toml"
    assert main(["convert", str(EXAMPLES / "2021.yaml"), "-o", str(out)]) == 0
    assert budgetdiff.load(out) == budgetdiff.load(EXAMPLES / "2021.yaml")


def test_convert_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(EXAMPLES / "2020.yaml"), "--format", "json"]) == 0
    assert '"general_public": "143.24"' in capsys.readouterr().out


def test_unusable_input_exits_2_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("year: 2021\nprofile: {name: x}\nadmin_costs: '9..5'\n", encoding="utf-8")
    assert main(["show", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "bad.yaml: admin_costs: '9..5' is not an amount" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("command", [[], ["show"], ["convert"]])
def test_help_on_every_command(command: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "budgetdiff", *command, "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert "usage: budgetdiff" in result.stdout
