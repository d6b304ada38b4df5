"""The draft for 万里街道 2025 against 2024, figure by figure (see docs/draft-vs-wanli.md)."""

from __future__ import annotations

import functools

import pytest

import budgetdiff
from budgetdiff import Comparison
from tests.conftest import shared_path

WANLI = "budget_dept_shanghai_putuo_wanli_jiedao"


@functools.cache
def comparison() -> Comparison:
    old = shared_path("corpus", "shanghai", f"p02_2024_{WANLI}.txt")
    new = shared_path("corpus", "shanghai", f"p03_2025_{WANLI}.txt")
    budgets = []
    for path in (old, new):
        document = budgetdiff.read(path)
        assert isinstance(document, budgetdiff.Disclosure)
        budgets.append(budgetdiff.normalize(document).budget)
    return budgetdiff.compare(*budgets)


@pytest.fixture(scope="module")
def text() -> str:
    """Chosen automatically: the documents are Shanghai's, so is the draft's house style."""
    result = budgetdiff.draft(comparison())
    assert result.family == "shanghai"
    return result.render("text")


@pytest.fixture(scope="module")
def seed_style() -> str:
    return budgetdiff.draft(comparison(), family="xinjiang").render("text")


@pytest.mark.parametrize(
    "figure",
    [
        "2025年部门预算编制说明",
        "收入预算18,976.76万元，其中：财政拨款收入18,976.76万元，比2024年预算增加3,355.64万元",
        "事业收入0.00万元；事业单位经营收入0.00万元；其他收入0.00万元。",
        "一般公共预算拨款支出预算18,976.76万元，比2024年预算增加3,355.64万元，增长21.48%",
        "政府性基金拨款支出预算0.00万元，比2024年预算持平",
        # 10,134.1746 + 8,842.5805 = 18,976.7551: printed parts add to the printed total by
        # the largest remainder (10,134.17 + 8,842.58 would be 18,976.75)
        "基本支出10,134.18万元，占53.40%，比2024年预算增加163.57万元，增长1.64%",
        "项目支出8,842.58万元，占46.60%，比2024年预算增加3,192.07万元，增长56.49%",
        # the reason of project spending, from the 项 lines (p02→p03 publish no project table)
        "“其他城乡社区支出”（2129999）科目项目支出增加4,312.87万元",
        "“一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”科目43.83万元，"
        "主要用于专项普查活动，比2024年预算增加18.06万元，增长70.08%",
        "“三公”经费预算数为37.91万元，比2024年预算减少10.00万元",
        "（二）公务用车购置及运行费36.56万元，比2024年预算减少10.00万元",
        "公务用车购置费15.00万元，比2024年预算减少10.00万元，下降40.00%",
        "公务用车运行费21.56万元，比2024年预算持平",
        "机关运行经费预算为464.64万元",
        "政府采购预算4,821.20万元，其中：政府采购货物预算57.43万元、政府采购工程预算3,780.72万元、"
        "政府采购服务预算983.05万元",
        "面向中小企业预留政府采购项目预算金额1,928.48万元",
        "编报绩效目标的项目49个，涉及项目预算资金8,825.98万元",
        "共有车辆8辆",
        "其他用车8辆",
        "2025年部门预算安排购置车辆1辆",
    ],
)
def test_figures(text: str, figure: str) -> None:
    assert figure in text


@pytest.mark.parametrize(
    "figure",
    [
        "收支总预算18,976.76万元",
        "一般公共预算18,976.76万元，占100.00%，比上年增加3,355.64万元，增长21.48%",
        "专项普查活动（07）43.83万元，比上年增加18.06万元，增长70.08%",
        "实行绩效管理的一般公共预算项目49个，涉及预算金额8,825.98万元",
    ],
)
def test_the_seed_style_is_still_there_on_request(seed_style: str, figure: str) -> None:
    assert figure in seed_style


def test_nothing_false_and_reasons_only_where_they_matter(text: str) -> None:
    assert "无一般公共预算项目支出" not in text
    assert "自检提示" not in text  # nothing the self-check cannot confirm
    # 一般行政管理事务 of 群众团体事务 moved by 0.31万元 (0.73%): no reason asked
    line = next(ln for ln in text.splitlines() if "群众团体事务（款）" in ln)
    assert "【" not in line
    assert text.count("【请补充原因】") < 28


def test_none_of_the_generated_drafts_errors(text: str) -> None:
    """p04 (another tool) says 一般公共预算 0.00, 1 project for 1.00万元, reasons "qq"/"11"."""
    for wrong in ("减少15,621.11", "项目1个", "主要原因是qq", "主要原因是11"):
        assert wrong not in text


def test_printed_parts_add_to_the_printed_total() -> None:
    result = budgetdiff.draft(comparison())
    numbers = [n for s in result.data()["sections"] for p in s["paragraphs"] for n in p["numbers"]]
    basic = next(n for n in numbers if n["source"] == "total:basic#new")
    assert basic["text"] == "10,134.18万元"
    assert basic["adjusted_from"] == "10,134.17万元"  # recorded in the trace
    assert basic["value"] == "101341746元"


def test_golden_shanghai_draft(text: str) -> None:
    """
    The Shanghai family's golden: the whole 2025 draft of 万里街道 from p02 → p03. Read
    against p03 and the two years' tables: every amount is p03's (the 33 项 lines, the totals,
    三公经费, 机关运行经费, 采购, 资产), every change is p03 − p02's exact amounts (e.g.
    5,234.89 − 922.02 = +4,312.87; 58.28 − 421.23 = −362.95, −86.16%), and 基本支出 10,134.18
    is the largest-remainder print of 10,134.1746 (see docs/draft-vs-wanli.md).
    """
    from tests.draft.test_draft import assert_golden

    assert_golden("wanli_2025_shanghai_zh_CN.txt", text)
