"""The command line on PDFs: pages in every location, one line for a file it cannot read."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from budgetdiff._cli.main import main
from tests.conftest import shared_path


def _shanghai_pdf(prefix: str) -> Path:
    return next(shared_path("corpus", "pdf", "shanghai").glob(f"{prefix}_*.pdf"))


def test_check_a_pdf_names_pages_and_lines_of_its_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A located line is that line of what `convert -o X.txt` writes (p11, page 9 by hand)."""
    pdf = _shanghai_pdf("p11")
    assert main(["check", str(pdf), "--fail-on", "never"]) == 0
    out = capsys.readouterr().out
    assert "收入决算表 / 住房保障支出 / 本年收入合计 (page 9, line 504)" in out
    text = tmp_path / "p11.txt"
    assert main(["convert", str(pdf), "-o", str(text)]) == 0
    lines = text.read_text(encoding="utf-8").split("\n")
    assert lines[503] == "\t445.69"  # line 504: the 住房保障支出 本年收入合计 printed on page 9
    assert lines[502] == "\t住房保障支出"


def test_convert_a_pdf_to_its_text_on_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(_shanghai_pdf("p06")), "--format", "text"]) == 0
    text = (shared_path("corpus", "shanghai").glob("p06_*.txt")).__next__()
    assert capsys.readouterr().out == text.read_text(encoding="utf-8")


def test_a_structured_budget_has_no_text_layout(capsys: pytest.CaptureFixture[str]) -> None:
    example = Path(__file__).resolve().parents[2] / "examples" / "changji" / "2021.yaml"
    assert main(["convert", str(example), "--format", "text"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "2021.yaml" in err
    assert "show" in err


@pytest.mark.parametrize("command", ["check", "show", "convert", "compare", "draft"])
def test_a_damaged_pdf_is_one_message(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog\n")
    args = [command, str(damaged)] + ([str(damaged)] if command in ("compare", "draft") else [])
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"budgetdiff: {damaged}: not a readable PDF")
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_a_scanned_pdf_says_to_ocr_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scan = tmp_path / "scan.pdf"
    out = io.BytesIO()
    Image.new("RGB", (600, 800), "white").save(out, format="PDF")
    scan.write_bytes(out.getvalue())
    assert main(["check", str(scan)]) == 2
    err = capsys.readouterr().err
    assert "scan.pdf" in err
    assert "OCR" in err
    assert err.count("\n") == 1


@pytest.mark.parametrize("command", ["compare", "draft"])
def test_a_narrative_without_tables_is_not_compared_as_zeros(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """p10 is a pdftotext export: no table cells. It is not a budget of zeros."""
    p10 = next(shared_path("corpus", "shanghai").glob("p10_*.txt"))
    p09 = next(shared_path("corpus", "shanghai").glob("p09_*.txt"))
    assert main([command, str(p09), str(p10)]) == 2
    captured = capsys.readouterr()
    last = captured.err.splitlines()[-1]  # after what normalizing p09 resolved
    assert last.startswith("budgetdiff: ")
    assert "p10_" in last
    assert "no table" in last
    assert "0万元" not in captured.out


def test_check_of_a_narrative_without_tables_checks_the_narrative(
    capsys: pytest.CaptureFixture[str],
) -> None:
    p10 = next(shared_path("corpus", "shanghai").glob("p10_*.txt"))
    assert main(["check", str(p10), "--fail-on", "never"]) == 0
    out = capsys.readouterr().out
    assert "not_checked" in out or "未核对" in out


def test_one_disclosure_in_two_files_prints_its_report(capsys: pytest.CaptureFixture[str]) -> None:
    """`check narrative.pdf tables.pdf` is one unit: its findings, not a batch summary."""
    folder = shared_path("corpus", "pdf", "jiangsu")
    narrative, tables = next(folder.glob("j06_*.pdf")), next(folder.glob("j07_*.pdf"))
    assert main(["check", str(narrative), str(tables), "--fail-on", "never"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith(f"{narrative} + {tables}：错误")
    assert "单位数" not in out
    assert "位置：" in out


@pytest.mark.parametrize("name", ["empty.pdf", "empty.xlsx", "empty.txt"])
def test_an_empty_file_is_one_message(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    assert main(["check", str(path)]) == 2
    assert capsys.readouterr().err == f"budgetdiff: {path}: the file is empty\n"
