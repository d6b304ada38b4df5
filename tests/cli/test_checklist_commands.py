"""``budgetdiff check --format checklist``: text, a workbook, a folder, a bureau's own items."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

from budgetdiff._cli.main import main


def test_checklist_text(seed_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(seed_path), "--format", "checklist"]) == 1  # its errors
    out = capsys.readouterr().out
    assert out.startswith("部门预算公开情况检查表\n被检查单位：昌吉州环境污染监控中心")
    assert "1. [是] 是否公开规定的8张表" in out
    assert "[否] 表内、表间数据是否一致" in out
    assert "依据：" in out


def test_checklist_of_a_folder_one_per_document(
    seed_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("a.txt", "b.txt"):
        shutil.copy(seed_path, tmp_path / name)
    main(["check", str(tmp_path), "--format", "checklist", "--jobs", "1"])
    out = capsys.readouterr().out
    assert out.count("部门预算公开情况检查表") == 2
    assert "a.txt" in out
    assert "b.txt" in out


def test_a_bureaus_checklist_file(
    seed_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    own = tmp_path / "own.toml"
    own.write_text(
        '[checklist]\nzh = "本局检查表"\nen = "ours"\n\n[[item]]\nid = "p"\nzh = "政府采购"\n'
        'en = "procurement"\ndecided_by = "matter"\nmatter = "procurement"\nwords = ["政府采购"]\n',
        encoding="utf-8",
    )
    main(["check", str(seed_path), "--format", "checklist", "--checklist", str(own)])
    out = capsys.readouterr().out
    assert out.startswith("本局检查表")
    assert "1. [是] 政府采购（依据未经核实）" in out
    own.write_text("[[item]]\nid = 1\n", encoding="utf-8")
    assert main(["check", str(seed_path), "--format", "checklist", "--checklist", str(own)]) == 2
    assert "lacks zh, en, decided_by" in capsys.readouterr().err


@pytest.mark.skipif(importlib.util.find_spec("openpyxl") is None, reason="needs budgetdiff[xlsx]")
def test_checklist_workbook(seed_path: Path, tmp_path: Path) -> None:
    import openpyxl

    out = tmp_path / "checklist.xlsx"
    main(["check", str(seed_path), "--format", "checklist", "-o", str(out)])
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["checklist", "findings"]
    rows = list(book["checklist"].iter_rows(values_only=True))
    assert rows[0][:8] == (
        "source",
        "unit",
        "year",
        "no",
        "item",
        "question",
        "question_en",
        "answer",
    )
    assert len(rows) == 1 + 16
    assert {r[7] for r in rows[1:]} <= {"是", "否", "未核对"}
