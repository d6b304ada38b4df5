"""The draft for 万里街道 2025 against 2024, figure by figure (see docs/draft-vs-wanli.md)."""

from __future__ import annotations

import pytest

import budgetdiff
from tests.conftest import shared_path


@pytest.fixture(scope="module")
def text() -> str:
    old = shared_path("corpus", "shanghai", "p02_2024_budget_dept_shanghai_putuo_wanli_jiedao.txt")
    new = shared_path("corpus", "shanghai", "p03_2025_budget_dept_shanghai_putuo_wanli_jiedao.txt")
    budgets = []
    for path in (old, new):
        document = budgetdiff.read(path)
        assert isinstance(document, budgetdiff.Disclosure)
        budgets.append(budgetdiff.normalize(document).budget)
    return budgetdiff.draft(budgetdiff.compare(*budgets)).render("text")


@pytest.mark.parametrize(
    "figure",
    [
        "收支总预算18,976.76万元",
        "一般公共预算18,976.76万元，占100.00%，比上年增加3,355.64万元，增长21.48%",
        "基本支出10,134.17万元，占53.40%，比上年增加163.57万元，增长1.64%",
        "项目支出8,842.58万元，占46.60%，比上年增加3,192.07万元，增长56.49%",
        "专项普查活动（07）43.83万元，比上年增加18.06万元，增长70.08%",
        "“三公”经费预算数为37.91万元",
        "公务用车购置费比上年减少10.00万元，下降40.00%",
        "机关运行经费财政拨款预算464.64万元",
        "政府采购预算4,821.20万元，其中：政府采购货物预算57.43万元，政府采购工程预算3,780.72万元，"
        "政府采购服务预算983.05万元",
        "面向中小企业预留政府采购项目预算金额1,928.48万元",
        "实行绩效管理的一般公共预算项目49个，涉及预算金额8,825.98万元",
        "车辆8辆",
    ],
)
def test_figures(text: str, figure: str) -> None:
    assert figure in text


def test_none_of_the_generated_drafts_errors(text: str) -> None:
    """p04 (another tool) says 一般公共预算 0.00, 1 project for 1.00万元, reasons "qq"/"11"."""
    for wrong in ("减少15,621.11", "项目1个", "主要原因是qq", "主要原因是11"):
        assert wrong not in text
