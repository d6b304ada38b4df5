"""`budgetdiff convert` and `budgetdiff show` read published texts through `read`."""

from __future__ import annotations

from pathlib import Path

import pytest

import budgetdiff
from budgetdiff._cli.main import main
from budgetdiff._normalize.normalize import normalize
from budgetdiff._read.disclosure import Disclosure
from budgetdiff._read.reader import read

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "changji" / "2021.yaml"


def test_convert_a_published_text(
    seed_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "2021.yaml"
    assert main(["convert", str(seed_path), "-o", str(output)]) == 0
    err = capsys.readouterr().err
    assert "2101103" in err
    assert "433..34" in err
    disclosure = read(seed_path)
    assert isinstance(disclosure, Disclosure)
    assert budgetdiff.load(output) == normalize(disclosure).budget


def test_show_a_published_text(seed_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(seed_path)]) == 0
    out = capsys.readouterr().out
    assert "表一" in out
    assert "表九" in out
    assert "30226" in out  # the normalised budget, not the printed table
    assert "规范化时的处理" in out
    assert "读取时发现的问题" in out


def test_show_a_structured_file_given_as_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "budget.txt"
    path.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["show", str(path)]) == 0
    out = capsys.readouterr().out
    assert "昌吉州环境污染监控中心" in out
    assert "规范化时的处理" not in out


def test_unreadable_input_is_one_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "binary.txt"
    path.write_bytes(b"\x00\x01\x02")
    assert main(["convert", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("budgetdiff: ")
    assert "binary.txt" in err
    assert "Traceback" not in err
