"""One small document per rule that triggers it, and one that must not.

The documents are the bundled 2021 example printed in the seed's layout
(`render_disclosure`), consistent to the last 分, with one printed figure or
one sentence changed.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import attrs

import budgetdiff
from budgetdiff import Budget, Disclosure, Finding, Money, Severity, Unit, check
from budgetdiff.disclosure import read_bytes
from budgetdiff.model import ThreePublic
from budgetdiff.plugin import installed
from budgetdiff.testing.findings import describe_all
from budgetdiff.testing.render import render_disclosure

EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "changji" / "2021.yaml"
_SPACES = re.compile(r"[\s\u3000]+")

FAMILIES = ("read", "table", "tables", "codes", "profile", "project", "matters")


def mine() -> list[str]:
    """The checks of this module's families (the narrative rules are tested on their own)."""
    return [name for name in installed().checks if name.split(".")[0] in FAMILIES]


def wan(text: str) -> Money:
    return Money.of(text, Unit.WAN_YUAN)


@cache
def budget() -> Budget:
    loaded = budgetdiff.load(EXAMPLE)
    assert isinstance(loaded, Budget)
    return loaded


@cache
def base() -> str:
    return render_disclosure(budget(), narrative=True)


def read(text: str) -> Disclosure:
    document = read_bytes(text.encode("utf-8"), source="doc.txt", suffix=".txt")
    assert isinstance(document, Disclosure)
    return document


def run(text: str, rule: str) -> list[Finding]:
    """The findings of the check *rule* (its not-checked notes included)."""
    return list(check(read(text), checks=[rule]).findings)


def _compact(text: str) -> str:
    return _SPACES.sub("", text)


def line_of(text: str, table: str, row: str, column: str, nth: int = 0) -> int:
    """The line of the amount cell in *table*, row *row* (label or code), column *column*."""
    document = read(text)
    found = next(t for t in document.tables if t.name == table)
    for printed in found.rows:
        texts = {_compact(c.text) for c in printed.cells if c.amount is None}
        if row in (printed.label, printed.code) or _compact(row) in texts:
            cells = [
                c
                for c in printed.cells
                if _compact(c.location.column) == _compact(column) and c.kind.value != "text"
            ]
            return cells[nth].line
    msg = f"no cell {table} / {row} / {column}"
    raise LookupError(msg)


def put(text: str, line: int, value: str) -> str:
    """*text* with the cell on *line* printing *value* instead."""
    lines = text.split("\n")
    lines[line - 1] = f"\t{value}"
    return "\n".join(lines)


def edit(table: str, row: str, column: str, value: str, nth: int = 0) -> tuple[str, int]:
    text = base()
    line = line_of(text, table, row, column, nth)
    return put(text, line, value), line


def only(findings: list[Finding], rule: str, severity: Severity) -> list[Finding]:
    return [f for f in findings if f.rule == rule and f.severity is severity]


def assert_at(findings: list[Finding], rule: str, severity: Severity, line: int) -> Finding:
    hits = [
        f for f in only(findings, rule, severity) if any(loc.line == line for loc in f.locations)
    ]
    assert hits, f"no {severity.value} {rule} at line {line}:\n{describe_all(findings)}"
    return hits[0]


def test_the_base_document_is_clean() -> None:
    assert check(read(base()), checks=mine()).findings == ()


# ---------------------------------------------------------------- table.*


def test_row_sum() -> None:
    text, line = edit("表二", "2101103", "一般公共预算拨款", "1.18")
    finding = assert_at(run(text, "table.row_sum"), "table.row_sum", Severity.ERROR, line)
    assert finding.expected == wan("1.18")
    assert run(base(), "table.row_sum") == []


def test_row_sum_of_the_three_public_table() -> None:
    three = ThreePublic(
        outbound=wan("1"),
        vehicle_purchase=wan("2"),
        vehicle_operation=wan("3.5"),
        reception=wan("0.25"),
    )
    text = render_disclosure(attrs.evolve(budget(), three_public=three))
    assert run(text, "table.row_sum") == []
    line = _three_total_line(text)
    broken = put(text, line, "7.76")
    assert_at(run(broken, "table.row_sum"), "table.row_sum", Severity.ERROR, line)


def _three_total_line(text: str) -> int:
    document = read(text)
    table = next(t for t in document.tables if t.name == "表八")
    row = next(r for r in table.rows if any(c.amount for c in r.cells))
    return row.cells[0].line


def test_basic_project() -> None:
    text, line = edit("表三", "2101103", "合  计", "1.20")
    assert_at(run(text, "table.basic_project"), "table.basic_project", Severity.ERROR, line)
    assert run(base(), "table.basic_project") == []


def test_personnel_public() -> None:
    text, line = edit("表六", "30101", "人员经费", "24.87")
    assert_at(run(text, "table.personnel_public"), "table.personnel_public", Severity.ERROR, line)
    assert run(base(), "table.personnel_public") == []


def test_column_sum_error_and_rounding_note() -> None:
    text, line = edit("表三", "合  计", "合  计", "433.44")
    assert_at(run(text, "table.column_sum"), "table.column_sum", Severity.ERROR, line)
    text, line = edit("表三", "合  计", "基本支出", "318.35")
    findings = run(text, "table.column_sum")
    assert_at(findings, "table.column_sum", Severity.NOTE, line)
    assert not only(findings, "table.column_sum", Severity.ERROR)
    assert run(base(), "table.column_sum") == []


def test_column_sum_not_checked_for_a_malformed_total() -> None:
    text, line = edit("表三", "合  计", "合  计", "433..34")
    assert_at(run(text, "table.column_sum"), "table.column_sum.not_checked", Severity.NOTE, line)


HIERARCHY = """第一部分  样例中心单位概况
二、机构设置及人员情况
样例中心编制数3，实有人数3人，其中：在职3人。
第二部分  2021年部门（单位）预算公开表
表三：
部门（单位）支出总体情况表
编制部门（单位）：样例中心          单位：万元
\t功能分类科目编码
\t功能分类科目名称
\t合  计
\t基本支出
\t项目支出

\t类
\t款
\t项
\t
\t
\t
\t

\t210
\t
\t
\t卫生健康支出
\t{klass}
\t{klass}
\t

\t210
\t11
\t
\t行政事业单位医疗
\t4.94
\t4.94
\t

\t210
\t11
\t02
\t事业单位医疗
\t3.75
\t3.75
\t

\t210
\t11
\t03
\t公务员医疗补助
\t1.19
\t1.19
\t

\t
\t
\t
\t合  计
\t{klass}
\t{klass}
\t
"""


def test_hierarchy() -> None:
    assert run(HIERARCHY.format(klass="4.94"), "table.hierarchy") == []
    text = HIERARCHY.format(klass="5.94")
    findings = run(text, "table.hierarchy")
    assert only(findings, "table.hierarchy", Severity.ERROR), describe_all(findings)
    assert all(f.expected == wan("4.94") for f in findings)


def test_hierarchy_of_a_summary_side() -> None:
    text, line = edit("表一", "一般公共预算", "预算数", "433")
    assert_at(run(text, "table.hierarchy"), "table.hierarchy", Severity.ERROR, line)
    assert run(base(), "table.hierarchy") == []


def test_balance() -> None:
    text, line = edit("表一", "收  入  总  计", "预算数", "433.35")
    assert_at(run(text, "table.balance"), "table.balance", Severity.ERROR, line)
    assert run(base(), "table.balance") == []


def test_empty_note() -> None:
    text = base().replace("备注：我单位无政府性基金预算，此表为空表。", "")
    findings = run(text, "table.empty_note")
    assert [f.severity for f in findings] == [Severity.WARNING]
    assert findings[0].locations[0].table == "表九"
    assert run(base(), "table.empty_note") == []


def test_an_empty_note_naming_another_fund() -> None:
    """表九 is the 政府性基金 table: a note speaking of 国有资本经营 was copied from another."""
    text = base().replace(
        "备注：我单位无政府性基金预算，此表为空表。", "备注：我单位无国有资本经营预算，此表为空表。"
    )
    findings = run(text, "table.empty_note")
    assert [f.severity for f in findings] == [Severity.WARNING], describe_all(findings)
    assert "国有资本经营" in findings[0].message
    assert "复制" in findings[0].message


def test_empty_note_on_a_table_that_prints_amounts() -> None:
    text = base().replace("备注：我单位无政府性基金预算，此表为空表。", "备注：本表为空表。")
    line = line_of(text, "表三", "合  计", "合  计")
    lines = text.split("\n")
    table9 = next(t for t in read(text).tables if t.name == "表九")
    total = next(r for r in table9.rows if r.is_total)
    lines[total.cells[-3].line - 1] = "\t1"
    findings = run("\n".join(lines), "table.empty_note")
    assert [f.severity for f in findings] == [Severity.ERROR], (line, describe_all(findings))


# ---------------------------------------------------------------- tables.*


def test_totals() -> None:
    text, line = edit("表四", "收  入  总  计", "合  计", "433.44")
    assert_at(run(text, "tables.totals"), "tables.totals", Severity.ERROR, line)
    assert run(base(), "tables.totals") == []


def test_totals_not_checked_for_a_malformed_total() -> None:
    text, line = edit("表五", "合  计", "合  计", "433..34")
    assert_at(run(text, "tables.totals"), "tables.totals.not_checked", Severity.NOTE, line)


def test_same_line() -> None:
    text, first = edit("表五", "2101103", "合  计", "1.18")
    line = line_of(text, "表五", "2101103", "基本支出")
    text = put(text, line, "1.18")
    finding = assert_at(run(text, "tables.same_line"), "tables.same_line", Severity.ERROR, first)
    assert finding.actual == wan("1.18")
    assert finding.expected == wan("1.19")
    assert run(base(), "tables.same_line") == []


def test_same_line_of_a_class_against_its_lines() -> None:
    # 表一 and 表四 print 类 210; 表二, 表三 and 表五 print only its three 项
    def both(value: str) -> tuple[str, int]:
        text, line = edit("表一", "210 卫生健康支出", "预算数", value, nth=1)
        other = line_of(text, "表四", "210 卫生健康支出", "合 计", nth=1)
        text = put(text, other, value)
        return put(text, line_of(text, "表四", "210 卫生健康支出", "一般公共预算"), value), line

    text, line = both("5.22")
    assert_at(run(text, "tables.same_line"), "tables.same_line", Severity.ERROR, line)
    text, _ = both("5.13")  # within the rounding of the three lines it sums: nothing
    assert run(text, "tables.same_line") == []
    text, line = edit("表一", "210 卫生健康支出", "预算数", "5.13", nth=1)
    assert_at(run(text, "tables.same_line"), "tables.same_line", Severity.ERROR, line)


def test_basic_economic() -> None:
    text, line = edit("表六", "合  计", "合  计", "318.44")
    assert_at(run(text, "tables.basic_economic"), "tables.basic_economic", Severity.ERROR, line)
    assert run(base(), "tables.basic_economic") == []


def test_project_table() -> None:
    text, line = edit("表七", "合 计", "项目支出合计", "116")
    assert_at(run(text, "tables.project_table"), "tables.project_table", Severity.ERROR, line)
    assert run(base(), "tables.project_table") == []


def test_fiscal_parts() -> None:
    text, line = edit("表四", "收  入  总  计", "合  计", "433.44", nth=1)
    assert_at(run(text, "tables.fiscal_parts"), "tables.fiscal_parts", Severity.ERROR, line)
    assert run(base(), "tables.fiscal_parts") == []


def test_fiscal_parts_not_checked() -> None:
    text, line = edit("表五", "合  计", "合  计", "433..34")
    assert_at(
        run(text, "tables.fiscal_parts"), "tables.fiscal_parts.not_checked", Severity.NOTE, line
    )


# ---------------------------------------------------------------- codes.*


def _code_line(text: str, table: str, name: str, position: int) -> int:
    document = read(text)
    found = next(t for t in document.tables if t.name == table)
    row = next(r for r in found.rows if r.label == name)
    return row.cells[position].line


def test_invalid_code() -> None:
    text = base()
    line = _code_line(text, "表七", "信息化运维", 0)
    text = put(text, line, "311")
    finding = assert_at(run(text, "codes.invalid"), "codes.invalid", Severity.ERROR, line)
    assert finding.expected == "2110399"
    assert run(base(), "codes.invalid") == []


def test_unknown_code() -> None:
    text = base()
    line = _code_line(text, "表六", "福利费", 1)
    text = put(text, line, "88")
    findings = run(text, "codes.unknown")
    assert [f.severity for f in findings] == [Severity.NOTE]
    assert findings[0].actual == "30288"
    assert run(base(), "codes.unknown") == []


def test_code_name() -> None:
    text = base()
    line = _code_line(text, "表六", "劳务费", 1)
    text = put(text, line, "13")  # 30213 is 维修（护）费; 劳务费 is 30226
    findings = run(text, "codes.name")
    assert [f.severity for f in findings] == [Severity.ERROR]
    assert findings[0].expected == "维修（护）费"
    variant = base().replace("\t其他社会保障缴费\n", "\t其他社会保险缴费\n")
    assert [f.severity for f in run(variant, "codes.name")] == [Severity.WARNING]
    assert run(base(), "codes.name") == []


# ---------------------------------------------------------------- read.*


def test_malformed_number() -> None:
    text, line = edit("表五", "合  计", "合  计", "433..34")
    finding = assert_at(
        run(text, "read.malformed_number"), "read.malformed_number", Severity.ERROR, line
    )
    assert str(finding.expected) == "433.34"
    assert run(base(), "read.malformed_number") == []


def test_text_in_amount() -> None:
    text, line = edit("表三", "2111101", "合  计", "待定")
    assert_at(run(text, "read.text_in_amount"), "read.text_in_amount", Severity.WARNING, line)
    assert run(base(), "read.text_in_amount") == []


def test_missing_table() -> None:
    text = base()
    start = text.index("表三：")
    end = text.index("表四：")
    findings = run(text[:start] + text[end:], "read.missing_table")
    assert [f.severity for f in findings] == [Severity.ERROR]
    assert run(base(), "read.missing_table") == []


# ---------------------------------------------------------------- profile.*


def test_staffing_sum() -> None:
    text = base().replace("实有人数38人", "实有人数39人")
    findings = run(text, "profile.staffing_sum")
    assert [(f.severity, f.expected, f.actual) for f in findings] == [(Severity.ERROR, 38, 39)]
    assert run(base(), "profile.staffing_sum") == []


def test_staffing_change() -> None:
    text = base() + "基本支出增加，主要原因是增加33名员额控制人员。\n"
    findings = run(text, "profile.staffing_change")
    assert [(f.severity, f.expected, f.actual) for f in findings] == [(Severity.ERROR, 0, 33)]
    assert run(base(), "profile.staffing_change") == []


# ---------------------------------------------------------------- project.*

PROJECT = """二、关于样例2021年一般公共预算项目支出情况说明
1.项目名称：信息化运维
项目承担单位：样例单位
资金分配情况：1、机房及网络运维，预计{first}万元。2、链路租用，预计30万元。
资金执行时间：2021年
项  目  支  出  绩  效  目  标  表

\t（2021年）

\t预算单位
\t样例单位
\t项目名称
\t信息化运维

\t项目资金（万元）
\t年度资金总额：
\t{total}
\t其中：财政拨款
\t{total}
\t其他资金
\t

\t一级指标
\t二级指标
\t三级指标
\t指标值（包含数字及文字描述）

\t产出指标
\t成本指标
\t资金控制范围（万元）
\t≤{ceiling}万

\t满意度指标
\t满意度指标
\t使用人满意率(%)
\t≥98%

"""


def project(first: str = "50", total: str = "80", ceiling: str = "80") -> str:
    return base() + PROJECT.format(first=first, total=total, ceiling=ceiling)


def test_funding_items() -> None:
    findings = run(project(first="51"), "project.funding_items")
    assert [(f.severity, f.actual) for f in findings] == [(Severity.WARNING, wan("81"))]
    assert run(project(), "project.funding_items") == []


def test_cost_target() -> None:
    findings = run(project(ceiling="80.84"), "project.cost_target")
    assert [f.severity for f in findings] == [Severity.WARNING]
    assert run(project(), "project.cost_target") == []


def test_targets_total() -> None:
    findings = run(project(total="81"), "project.targets_total")
    assert [f.severity for f in findings] == [Severity.ERROR]
    assert run(project(), "project.targets_total") == []


def test_targets_total_not_checked_for_an_unknown_project() -> None:
    text = project().replace("\t信息化运维\n\n\t项目资金", "\t不存在的项目\n\n\t项目资金")
    findings = run(text, "project.targets_total")
    assert [f.rule for f in findings] == ["project.targets_total.not_checked"]


# ---------------------------------------------------------------- matters.*

MATTERS = """三、其他重要事项的情况说明
（一）政府采购情况
2021年，样例单位政府采购预算{total}万元，其中：政府采购货物预算19.05万元，政府采购工程预算0万元，政府采购服务预算{services}万元。
2021年度本部门（单位）面向中小企业预留政府采购项目预算金额{sme}万元，其中：面向小微企业预留政府采购项目预算金额5.55万元。
（二）预算绩效情况
2021年度，本年度实行绩效管理的一般公共预算项目{count}个，涉及预算金额{amount}万元。
"""


def matters(
    total: str = "100.05",
    services: str = "81",
    sme: str = "94.5",
    count: str = "3",
    amount: str = "115",
) -> str:
    filled = MATTERS.format(total=total, services=services, sme=sme, count=count, amount=amount)
    return base() + filled


def test_procurement_parts() -> None:
    assert run(matters(), "matters.procurement_parts") == []
    findings = run(matters(total="100.06"), "matters.procurement_parts")
    assert [f.severity for f in findings] == [Severity.NOTE]  # 0.01: may be rounding
    findings = run(matters(total="101.05"), "matters.procurement_parts")
    assert [f.severity for f in findings] == [Severity.ERROR]


def test_procurement_reserved() -> None:
    assert run(matters(), "matters.procurement_reserved") == []
    findings = run(matters(sme="120"), "matters.procurement_reserved")
    assert [f.severity for f in findings] == [Severity.ERROR]


def test_procurement_capacity() -> None:
    # 公用经费 9.59 + 项目支出 115 = 124.59
    assert run(matters(), "matters.procurement_capacity") == []
    findings = run(matters(total="150.05", services="131"), "matters.procurement_capacity")
    assert [(f.severity, f.expected) for f in findings] == [(Severity.ERROR, wan("124.59"))]


def test_performance() -> None:
    assert run(matters(), "matters.performance") == []
    assert [f.severity for f in run(matters(count="4"), "matters.performance")] == [Severity.ERROR]
    assert [f.severity for f in run(matters(amount="120"), "matters.performance")] == [
        Severity.ERROR
    ]
    assert [f.severity for f in run(matters(amount="110"), "matters.performance")] == [
        Severity.ERROR
    ]
    assert run(matters(count="2", amount="95"), "matters.performance") == []


def test_every_reading_problem_has_a_severity_and_a_message() -> None:
    """A problem the reader can report becomes a finding (a kind without one crashed its check)."""
    import tomllib
    from pathlib import Path

    from budgetdiff.disclosure import ProblemKind
    from budgetdiff_checks import reading

    assert set(reading.SEVERITY) == set(ProblemKind)
    catalog = Path(reading.__file__).parent / "messages" / "read.toml"
    rules = tomllib.loads(catalog.read_text(encoding="utf-8"))
    assert {f"read.{kind.value}" for kind in ProblemKind} <= set(rules)
