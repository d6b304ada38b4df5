"""Batch runs: many units on any Executor, a unit that fails is reported and the batch goes on."""

from __future__ import annotations

import io
import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import budgetdiff
from budgetdiff import check_many, compare_many
from budgetdiff._cli.args import read_pairs
from budgetdiff._cli.main import main
from budgetdiff._cli.output import progress_bar
from budgetdiff._engine.batch import expand
from tests.conftest import EXAMPLES


@pytest.fixture
def units(tmp_path: Path, seed_path: Path) -> Path:
    for i in range(3):
        (tmp_path / f"unit{i}.txt").write_bytes(seed_path.read_bytes())
    (tmp_path / "broken.txt").write_bytes(b"\x00\xff\xfe binary, not a document")
    return tmp_path


def test_check_many_goes_on_past_a_unit_that_fails(units: Path) -> None:
    with ThreadPoolExecutor(max_workers=2) as pool:
        batch = check_many([units], executor=pool)
    assert len(batch.reports) == 3
    assert [Path(f.source).name for f in batch.failures] == ["broken.txt"]
    assert batch.by_rule()["tables.same_line"] >= 3
    assert all(r.counts()["error"] for r in batch.worst(3))


def test_check_many_on_the_default_process_pool(units: Path) -> None:
    seen: list[tuple[int, int]] = []
    batch = check_many(
        [units / "unit0.txt", units / "unit1.txt"],
        progress=lambda done, total, _: seen.append((done, total)),
    )
    assert len(batch.reports) == 2
    assert seen == [(1, 2), (2, 2)]


def test_compare_many(tmp_path: Path) -> None:
    pairs = [
        (EXAMPLES / "2020.yaml", EXAMPLES / "2021.yaml"),
        (tmp_path / "no.yaml", EXAMPLES / "2021.yaml"),
    ]
    with ThreadPoolExecutor(max_workers=2) as pool:
        batch = compare_many(pairs, executor=pool)
    assert len(batch.pairs) == 1
    assert batch.pairs[0].comparison.get("total:expenditure") is not None
    assert "no.yaml" in batch.failures[0].source


def test_progress_bar_only_on_a_terminal() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert progress_bar(io.StringIO()) is None  # piped: quiet
    screen = Terminal()
    draw = progress_bar(screen)
    draw(1, 2, "a.txt")
    draw(2, 2, "b.txt")
    assert "[###############...............] 1/2 a.txt" in screen.getvalue()
    assert screen.getvalue().endswith("\n")


def test_cli_batch_summary_json_and_csv(units: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(units), "--jobs", "1"]) == 1
    out = capsys.readouterr().out
    assert "单位数：4（检查3，无法读取1）" in out
    assert "tables.same_line" in out
    assert main(["check", str(units), "--jobs", "1", "--format", "json", "--fail-on", "never"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["units"] == 4
    assert len(data["failures"]) == 1
    csv_out = units / "findings.csv"
    main(
        [
            "check",
            str(units / "unit0.txt"),
            str(units / "unit1.txt"),
            "--format",
            "csv",
            "-o",
            str(csv_out),
            "--jobs",
            "1",
        ]
    )
    rows = csv_out.read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("source,rule,severity")
    assert any(",tables.same_line,error," in r for r in rows)


def test_compare_pairs_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pairs = tmp_path / "pairs.csv"
    pairs.write_text(
        f"old,new\n{EXAMPLES / '2020.yaml'},{EXAMPLES / '2021.yaml'}\n", encoding="utf-8"
    )
    assert read_pairs(pairs) == [(str(EXAMPLES / "2020.yaml"), str(EXAMPLES / "2021.yaml"))]
    assert main(["compare", "--pairs", str(pairs), "--jobs", "1"]) == 0
    out = capsys.readouterr().out
    assert ",total:expenditure,支出预算,1432400,4333400,2901000," in out
    assert main(["compare", "--pairs", str(pairs), "--format", "json", "--jobs", "1"]) == 0
    assert json.loads(capsys.readouterr().out)["pairs"][0]["schema"] == "budgetdiff.comparison/1"


def test_expand_walks_folders(units: Path) -> None:
    assert [p.name for p in expand([units])] == [
        "broken.txt",
        "unit0.txt",
        "unit1.txt",
        "unit2.txt",
    ]
    assert budgetdiff.__name__ == "budgetdiff"
