"""
Each printed row adds up across its columns.

- ``table.basic_project``: 合计 = 基本支出 + 项目支出 (+ 上缴上级支出 … in a 决算) in
  the tables by function (支出总表, 一般公共预算支出表, 政府性基金 …);
- ``table.personnel_public``: 合计 = 人员经费 + 公用经费 in the 基本支出 table;
- ``table.row_sum``: any other row total: 收入总表 总计 = its fund sources, the
  project table's 项目支出合计 = its economic classes, 财政拨款 支出 合计 =
  一般公共预算 + 政府性基金 + 国有资本经营, and the “三公”经费 table (合计 =
  因公出国 + 公务用车 + 公务接待; 公务用车 = 购置 + 运行; where 会议费 and 培训费 are
  printed beside a “三公”经费 小计, 合计 = that 小计 + 会议费 + 培训费).

A row total is the first amount column of a pane when its label is a total
(合计, 总计, 小计 …); the parts are the pane's other amount columns (the
relations are found in `_relations`).  A misprinted cell that also breaks its
column is one finding (`_crossings`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from budgetdiff import Finding, hookimpl
from budgetdiff.plugin import Check, CheckSubject

from ._crossings import tagged
from ._relations import BASIC_PROJECT, PERSONNEL_PUBLIC, ROW_SUM
from ._relations import row_relations as relations
from ._rule import Rule
from ._sums import judge_all

CATALOG = "table"


def _check(rule: str) -> Callable[[CheckSubject], Iterator[Finding]]:
    def run(subject: CheckSubject) -> Iterator[Finding]:
        template = subject.disclosure.template
        for table in subject.disclosure.tables:
            wanted = (r for found, r in relations(subject, table) if found == rule)
            yield from tagged(subject, judge_all(CATALOG, rule, table, wanted, template))

    return run


@hookimpl
def register_checks(register: Callable[[Check], None]) -> None:
    for rule in (ROW_SUM, BASIC_PROJECT, PERSONNEL_PUBLIC):
        register(Rule(name=rule, run=_check(rule)))
