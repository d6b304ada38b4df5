"""
One misprinted figure, one finding (`_narrative.misprints`): the findings a restated
amount's misprint causes follow it, and `budgetdiff.check` lists them inside it.
"""

from __future__ import annotations

from pathlib import Path

import budgetdiff as bd
from budgetdiff._narrative.consistency import check_claims
from budgetdiff._narrative.extract import claims

MISPRINT = (
    "一、支出预算\n"
    "培训费50.00万元，比上年减少2.00万元，下降3.85%。\n"
    "二、项目说明\n"
    "培训费52.00万元，比上年减少2.00万元，下降3.85%。\n"
)
"""Line 2 says 50.00 (prior 52.00); line 4 misprints it as 52.00, the prior itself."""


def test_the_consequences_of_a_misprint_follow_it() -> None:
    found = check_claims(claims(MISPRINT))
    root = next(f for f in found if f.rule == "narrative.restated_amount")
    followers = [f for f in found if f.follows]
    assert root.defect
    assert followers
    assert {f.follows for f in followers} == {root.defect}
    assert all(f.locations[0].line == 4 for f in followers)


def test_check_lists_them_inside_the_root(tmp_path: Path) -> None:
    path = tmp_path / "misprint.txt"
    path.write_text(MISPRINT, encoding="utf-8")
    report = bd.check(path)
    roots = [f for f in report.findings if f.rule == "narrative.restated_amount"]
    assert len(roots) == 1
    assert roots[0].consequences
    inside = {c.rule for c in roots[0].consequences}
    assert not inside & {f.rule for f in report.findings if f is not roots[0]}
    worst = max((c.severity for c in roots[0].consequences), key=lambda s: s.rank)
    assert roots[0].severity.at_least(worst)


def test_a_restatement_nothing_follows_from_is_alone() -> None:
    text = "培训费50.00万元。\n培训费52.00万元。\n"
    found = check_claims(claims(text))
    assert [f.rule for f in found] == ["narrative.restated_amount"]
    assert not found[0].defect
