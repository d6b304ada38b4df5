"""One disclosure in two files: every place a finding names is a place in its own file."""

from __future__ import annotations

import re
from pathlib import Path

import budgetdiff as bd
from tests.conftest import shared_path

NARRATIVE_STARTS = 1823  # the seed's 第三部分 预算情况说明 (its tables come before)


def _split(tmp_path: Path, *, tables_first: bool) -> tuple[Path, Path]:
    lines = (shared_path("seed") / "000_6744f868e7b5c5a3.txt").read_text("utf-8").split("\n")
    tables, narrative = tmp_path / "tables.txt", tmp_path / "narrative.txt"
    tables.write_text("\n".join(lines[: NARRATIVE_STARTS - 1]) + "\n", encoding="utf-8")
    narrative.write_text("\n".join(lines[NARRATIVE_STARTS - 1 :]) + "\n", encoding="utf-8")
    return (tables, narrative) if tables_first else (narrative, tables)


def _read(*paths: Path) -> bd.Disclosure:
    document = bd.read(*paths)
    assert isinstance(document, bd.Disclosure)
    return document


def test_the_narrative_as_the_second_file_names_its_own_lines(tmp_path: Path) -> None:
    seed = bd.check(shared_path("seed") / "000_6744f868e7b5c5a3.txt")
    report = bd.check(_read(*_split(tmp_path, tables_first=True)))
    assert [f.rule for f in report.findings] == [f.rule for f in seed.findings]
    named = 0
    for finding in report.findings:
        lines = {loc.line for loc in finding.locations if loc.source.endswith("narrative.txt")}
        for said in re.findall(r"第([\d、]+)行", finding.message):
            for number in said.split("、"):
                assert int(number) < NARRATIVE_STARTS, finding.message  # not the whole's line
                named += 1
        if lines and finding.rule.startswith("narrative."):
            assert all(line is not None and line < NARRATIVE_STARTS for line in lines)
    assert named > 0


def test_a_located_message_names_the_file_it_is_in(tmp_path: Path) -> None:
    report = bd.check(_read(*_split(tmp_path, tables_first=False)))
    sources = {Path(loc.source).name for f in report.findings for loc in f.locations}
    assert sources == {"tables.txt", "narrative.txt"}
