"""
This year against last year (``crossyear.*``) on a synthetic pair of our own.

A small unit (示例县监测站) published in 2018 and in 2019, its tables printed by
`render_disclosure` and a narrative written here.  The 2019 narrative states its
changes against 2018 and one prior-year figure; the base pair agrees, and each test
changes one stated figure (or one of last year's) and expects the rule it is about.
"""

from __future__ import annotations

from collections.abc import Mapping

import budgetdiff
from budgetdiff import Budget, Disclosure, Finding, Severity, check
from budgetdiff.disclosure import read_bytes
from budgetdiff.plugin import Check
from budgetdiff.testing.render import render_disclosure
from budgetdiff_checks.crossyear import CrossYearFigures
from budgetdiff_checks.crossyear_lines import CrossYearLines

UNIT = "示例县监测站"
CHECKS: dict[str, Check] = {
    "crossyear.figures": CrossYearFigures(),
    "crossyear.lines": CrossYearLines(),
}


def _yaml(year: int, a: Mapping[str, str]) -> str:
    return f"""
year: {year}
kind: budget
scope: unit
presentation: {{unit: 万元, places: 2}}
profile:
  name: {UNIT}
  functions: 负责全县环境质量例行监测。
income: {{general_public: "{a["total"]}"}}
expenditure:
  - {{code: "2111101", name: {a["monitor_name"]}, basic: {{general_public: "{a["monitor"]}"}}}}
  - {{code: "2081005", name: {a["welfare_name"]}, basic: {{general_public: "{a["welfare"]}"}}}}
  - {{code: "2101102", name: 事业单位医疗, basic: {{general_public: "{a["medical"]}"}}}}
  - {{code: "2110399", name: 其他污染防治支出, project: {{general_public: "{a["project"]}"}}}}
three_public: {{vehicle_operation: "{a["vehicles"]}", reception: "{a["reception"]}"}}
"""


PRIOR = {
    "total": "70",
    "monitor_name": "环境监测与信息",  # the code's name until 2018
    "monitor": "46",
    "welfare_name": "社会福利事业单位",
    "welfare": "1.8",
    "medical": "2.2",
    "project": "20",
    "vehicles": "2",
    "reception": "0.5",
}
NEW = {
    "total": "77.75",
    "monitor_name": "生态环境监测与信息",  # and from 2019
    "monitor": "53",
    "welfare_name": "儿童福利",  # the same (unknown) code for another line
    "welfare": "2.25",
    "medical": "2.5",
    "project": "20",
    "vehicles": "2.4",
    "reception": "0.6",
}

NARRATIVE = f""" 第三部分  2019年{UNIT}预算情况说明
一、关于{UNIT}2019年支出预算情况说明
{UNIT}2019年支出预算77.75万元，比2018年预算增加7.75万元。
二、关于{UNIT}2019年一般公共预算当年拨款情况说明
卫生健康支出（210）行政事业单位医疗（11）事业单位医疗（02）2.5万元，比上年预算增加0.3万元。
会议费1万元，比上年预算增加0.2万元。
三、关于{UNIT}2019年“三公”经费预算情况说明
{UNIT}2019年“三公”经费预算3万元，2018年预算数为2.5万元，比2018年预算增加0.5万元。
"""


def _budget(year: int, amounts: Mapping[str, str]) -> Budget:
    loaded = budgetdiff.loads(_yaml(year, amounts), budgetdiff.Format.YAML)
    assert isinstance(loaded, Budget)
    return loaded


def _document(year: int, amounts: Mapping[str, str], narrative: str, source: str) -> Disclosure:
    text = render_disclosure(_budget(year, amounts)) + narrative
    found = read_bytes(text.encode("utf-8"), source=source, suffix=".txt")
    assert isinstance(found, Disclosure)
    return found


def _prior(amounts: Mapping[str, str] = PRIOR) -> Disclosure:
    return _document(2018, amounts, "", "2018.txt")


def _findings(narrative: str = NARRATIVE, prior: Disclosure | None = None) -> list[Finding]:
    new = _document(2019, NEW, narrative, "2019.txt")
    report = check(new, checks=CHECKS, prior=prior if prior is not None else _prior())
    assert report.failures == ()
    return list(report.findings)


def _rules(found: list[Finding]) -> list[str]:
    return sorted(f.rule for f in found)


def test_agreeing_pair_reports_only_coverage_and_lines() -> None:
    """Every stated change fits last year; 会议费 has no line last year: counted, not a finding."""
    found = _findings()
    assert _rules(found) == ["crossyear.code_reused", "crossyear.coverage", "crossyear.renamed"]
    coverage = next(f for f in found if f.rule == "crossyear.coverage")
    assert coverage.severity is Severity.NOTE
    assert "共4项，3项与上年公开数相符，1项在上年文件中找不到对应科目" in coverage.message
    assert "会议费（第" in coverage.message


def test_changed_prior_year_figure_is_caught() -> None:
    """A prior-year figure the narrative states (2.4 for 2018's 2.5) is an error naming both."""
    said = NARRATIVE.replace(
        "2018年预算数为2.5万元，比2018年预算增加0.5万元", "2018年预算数为2.4万元"
    )
    found = [f for f in _findings(said) if f.rule == "crossyear.prior_amount"]
    assert len(found) == 1
    error = found[0]
    assert error.severity is Severity.ERROR
    assert {location.source for location in error.locations} == {"2019.txt", "2018.txt"}
    assert "2018年应为" not in error.message
    assert "上年（2018年）为2.4万元" in error.message
    assert "2.5万元" in error.message


def test_changed_change_is_caught() -> None:
    """A change that puts last year's spending at 70.20 where 2018 published 70 is an error."""
    said = NARRATIVE.replace("增加7.75万元", "增加7.55万元")
    everything = _findings(said)
    found = [f for f in everything if f.rule == "crossyear.change"]
    assert len(found) == 1
    coverage = next(f for f in everything if f.rule == "crossyear.coverage")
    assert "共4项，2项与上年公开数相符，1项不符（另列），1项" in coverage.message
    assert found[0].severity is Severity.ERROR
    assert "2018年应为70.2万元" in found[0].message
    assert "为70万元" in found[0].message


def test_last_years_published_figure_changed_is_caught() -> None:
    """The same narrative against a 2018 document printing 事业单位医疗 at 2.3: the change fails."""
    prior = _prior({**PRIOR, "medical": "2.3", "total": "70.1", "monitor": "46"})
    found = [f for f in _findings(prior=prior) if f.rule == "crossyear.change"]
    assert len(found) == 2, [f.message for f in found]  # 事业单位医疗, and the total it is in
    assert all({loc.source for loc in f.locations} == {"2019.txt", "2018.txt"} for f in found)


def test_misprinted_current_figure_is_not_last_years() -> None:
    """77.85 stated for this year's 77.75, the change right: narrative.table_amount's, not ours."""
    said = NARRATIVE.replace("支出预算77.75万元", "支出预算77.85万元")
    assert "crossyear.change" not in _rules(_findings(said))


def test_no_prior_no_findings() -> None:
    """Without last year's document the cross-year checks say nothing."""
    new = _document(2019, NEW, NARRATIVE, "2019.txt")
    assert check(new, checks=CHECKS).findings == ()


def test_not_last_years_document() -> None:
    """A prior of the same year is not last year's: one note, nothing compared."""
    new = _document(2019, NEW, NARRATIVE, "2019.txt")
    same_year = _document(2019, NEW, "", "other.txt")
    found = list(check(new, checks=CHECKS, prior=same_year).findings)
    assert _rules(found) == ["crossyear.not_checked"]
