"""Small disclosures written for these tests, in the seed's layout and its variants.

The fixture text is built here (it copies no published sentence): a unit of four
lines (76.5万元), its nine tables, a narrative and a sign-off.  Each variant changes
one thing the reader must tolerate: the encoding, the money unit, the code
columns, a missing table, an extra column, malformed cells, a garbage block,
CRLF, a byte-order mark.  Whatever the variant, the budget is the same.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from attrs import evolve

import budgetdiff
from budgetdiff import Budget, Money, Unit
from budgetdiff._normalize.normalize import normalize
from budgetdiff._read.disclosure import CellKind, Disclosure, ProblemKind, Template
from budgetdiff._read.reader import read
from budgetdiff.exceptions import ReadError
from budgetdiff.model import TableRole

UNIT = "示例县生态监测站"
# code parts, name, basic, project (万元)
LINES = (
    (("211", "11", "01"), "生态环境监测与信息", "50", ""),
    (("208", "05", "05"), "机关事业单位基本养老保险缴费支出", "4", ""),
    (("210", "11", "02"), "事业单位医疗", "2.5", ""),
    (("211", "03", "99"), "其他污染防治支出", "", "20"),
)
ECONOMIC = (
    ("301", "01", "基本工资", "30", ""),
    ("301", "02", "津贴补贴", "10", ""),
    ("301", "08", "机关事业单位基本养老保险缴费", "4", ""),
    ("301", "10", "职工基本医疗保险缴费", "2.5", ""),
    ("302", "01", "办公费", "", "6"),
    ("302", "11", "差旅费", "", "4"),
)


@attrs.frozen(kw_only=True)
class Variant:
    yuan: bool = False  # amounts in 元, with thousands separators
    merged: bool = False  # one 7-digit code column instead of 类/款/项
    extra_column: bool = False  # 表二 with a 上级补助收入 column
    malformed: bool = False  # "76..5", full-width digits, dashes
    without_table8: bool = False
    garbage: bool = False  # a block of noise among 表三's rows
    numbering: str = ""  # "arabic": "表1 title" on one line; "list": "一、title"


def _row(*cells: str) -> str:
    return "".join(f"\t{c}\n" for c in cells) + "\n"


def _amount(text: str, variant: Variant) -> str:
    if not text or not variant.yuan:
        return text
    return f"{Decimal(text) * 10000:,.0f}"


def _amounts(variant: Variant) -> Callable[[str], str]:
    def amount(text: str) -> str:
        return _amount(text, variant)

    return amount


def _codes(parts: Sequence[str], variant: Variant) -> tuple[str, ...]:
    return ("".join(parts),) if variant.merged else tuple(parts)


def _head(number: str, title: str, variant: Variant) -> str:
    unit = "元" if variant.yuan else "万元"
    ordinal = "一二三四五六七八九".index(number[-1]) + 1
    heading = {
        "arabic": f"表{ordinal} {title}",
        "list": f"{number[-1]}、{title}",
    }.get(variant.numbering, f"{number}：\n{title}")
    return f"{heading}\n编制部门（单位）：{UNIT}          单位：{unit}\n"


def _total(basic: str, project: str) -> str:
    return str(Decimal(basic or "0") + Decimal(project or "0"))


def _function_table(number: str, title: str, variant: Variant, *, label: str = "支出预算") -> str:
    a = _amounts(variant)
    text = _head(number, title, variant)
    text += _row("项　　目", label)
    text += _row("功能分类科目编码", "功能分类科目名称", "合  计", "基本支出", "项目支出")
    if not variant.merged:
        text += _row("类", "款", "项", "", "", "", "")
    for parts, name, basic, project in LINES:
        total = _total(basic, project)
        if variant.malformed and number == "表三" and parts[0] == "211" and basic:
            basic = "５０"  # full-width digits
            total = "５０"
        if variant.malformed and number == "表五" and not project:
            project = "—"
        text += _row(*_codes(parts, variant), name, a(total), a(basic), a(project))
        if variant.garbage and number == "表三" and parts[0] == "208":
            text += "@@ 页眉残留 ## 9x9x\n无法识别的一行文字\n%%%% 3.14 ____\n\n"
    blanks = ("",) if variant.merged else ("", "", "")
    text += _row(*blanks, "合  计", a("76.5"), a("56.5"), a("20"))
    return text


def _table1(variant: Variant) -> str:
    a = _amounts(variant)
    text = _head("表一", "部门（单位）收支总体情况表", variant)
    text += _row("收　　入", "支　　出")
    text += _row("项　　目", "预算数", "功能分类", "预算数")
    text += _row("财政拨款（补助）", a("76.5"), "208 社会保障和就业支出", a("4"))
    text += _row("    一般公共预算", a("76.5"), "210 卫生健康支出", a("2.5"))
    text += _row("    政府性基金预算", "", "211 节能环保支出", a("70"))
    text += _row("事业收入", "", "212 城乡社区支出", "")
    return text + _row("收  入  总  计", a("76.5"), "支  出  总  计", a("76.5"))


def _table2(variant: Variant) -> str:
    a = _amounts(variant)
    extra = ("上级补助收入",) if variant.extra_column else ()
    text = _head("表二", "部门（单位）收入总体情况表", variant)
    text += _row(
        "功能分类科目编码",
        "功能分类科目名称",
        "总  计",
        "一般公共预算拨款",
        "政府性基金预算拨款",
        "事业收入",
        *extra,
    )
    if not variant.merged:
        text += _row("类", "款", "项", *[""] * (5 + len(extra)))
    for parts, name, basic, project in LINES:
        total = a(_total(basic, project))
        text += _row(*_codes(parts, variant), name, total, total, "", "", *[""] * len(extra))
    blanks = ("",) if variant.merged else ("", "", "")
    total = "76..5" if variant.malformed else a("76.5")
    return text + _row(*blanks, "合  计", total, a("76.5"), "", "", *[""] * len(extra))


def _table4(variant: Variant) -> str:
    a = _amounts(variant)
    text = _head("表四", "财政拨款收支预算总体情况表", variant)
    text += _row("财政拨款收入", "财政拨款支出")
    text += _row("项　　目", "合  计", "功  能  分  类", "合  计", "一般公共预算", "政府性基金预算")
    text += _row("财政拨款（补助）", a("76.5"), "208 社会保障和就业支出", a("4"), a("4"), "")
    text += _row("  一般公共预算", a("76.5"), "210 卫生健康支出", a("2.5"), a("2.5"), "")
    text += _row("  政府性基金预算", "", "211 节能环保支出", a("70"), a("70"), "")
    return text + _row("收  入  总  计", a("76.5"), "支  出  总  计", a("76.5"), a("76.5"), "")


def _table6(variant: Variant) -> str:
    a = _amounts(variant)
    text = _head("表六", "一般公共预算基本支出情况表", variant)
    text += _row("项目", "一般公共预算基本支出")
    text += _row("经济分类科目编码", "经济分类科目名称", "合  计", "人员经费", "公用经费")
    text += _row("类", "款", "", "", "", "")
    for klass, part, name, personnel, public in ECONOMIC:
        text += _row(klass, part, name, a(personnel or public), a(personnel), a(public))
    return text + _row("", "", "合  计", a("56.5"), a("46.5"), a("10"))


def _table7(variant: Variant) -> str:
    a = _amounts(variant)
    text = _head("表七", "一般公共预算项目支出情况表", variant)
    text += _row("科目编码", "科目", "项目名称", "项目支出合计", "工资福利支出", "商品和服务支出")
    text += _row("类", "款", "项", "", "", "", "", "")
    text += _row("211", "03", "99", "其他污染防治支出", "监测设备维护", a("20"), "", a("20"))
    return text + _row("", "", "", "", "合  计", a("20"), "", a("20"))


def _table8(variant: Variant) -> str:
    text = _head("表八", "一般公共预算“三公”经费支出情况表", variant)
    text += _row("合  计", "因公出国（境）费", "公务用车购置及运行费", "公务接待费")
    text += _row("", "", "小计", "公务用车购置费", "公务用车运行费", "")
    text += _row("", "", "", "", "", "")
    return text + "\n备注：本站无“三公”经费预算，此表为空表\n\n"


def _table9(variant: Variant) -> str:
    text = _head("表九", "政府性基金预算支出情况表", variant)
    text += _row("项　　目", "政府性基金预算支出")
    text += _row("功能分类科目编码", "功能分类科目名称", "合  计", "基本支出", "项目支出")
    text += _row("类", "款", "项", "", "", "", "")
    text += _row("", "", "", "合  计", "", "", "")
    return text + "\n备注：本站无政府性基金预算，此表为空表。\n"


PROFILE = f"""第一部分  {UNIT}单位概况

一、主要职能
　　负责全县环境质量的例行监测，按时发布监测数据，为环境管理提供技术依据。
二、机构设置及人员情况
{UNIT}无下属预算单位，下设2个科室，分别是：监测科、综合科。
{UNIT}编制数10，实有人数12人，其中：在职9人，增加1人；退休3人，无增加或减少。

第二部分  2022年部门（单位）预算公开表
"""

NARRATIVE = f"""第三部分  2022年{UNIT}预算情况说明
一、关于2022年收支预算的总体说明
本站2022年收入、支出预算均为76.5万元，全部为一般公共预算拨款。
七、关于2022年一般公共预算项目支出情况说明
1.项目名称：监测设备维护
项目承担单位：{UNIT}
资金分配情况：1、仪器年度检定，预计12万元。2、耗材更换，预计8万元。
资金执行时间：2022年
八、关于2022年一般公共预算“三公”经费预算情况说明
本站2022年“三公”经费预算为0万元，其中：因公出国（境）费0万元，公务用车购置0万元，公务用车运行费0万元，公务接待费0万元。
十、其他重要事项的情况说明
（一）机关运行经费情况
本站2022年机关运行经费财政拨款预算10万元。
（二）政府采购情况
本站2022年政府采购预算20万元，其中：政府采购货物预算8万元，政府采购工程预算0万元，政府采购服务预算12万元。
（三）国有资产占用使用情况
截至2021年底，本站共有车辆1辆，其中：其他车辆1辆，价值12万元。
（四）预算绩效情况
2022年实行绩效管理的一般公共预算项目1个，涉及预算金额20万元。
第四部分  名词解释
一、基本支出：保障机构正常运转、完成日常工作任务的支出。

                         {UNIT}
                         2022年1月20日
"""


def disclosure_text(variant: Variant = Variant()) -> str:
    """The fixture disclosure, as *variant* prints it."""
    tables = [
        _table1(variant),
        _table2(variant),
        _function_table("表三", "部门（单位）支出总体情况表", variant),
        _table4(variant),
        _function_table("表五", "一般公共预算支出情况表", variant, label="一般公共预算支出"),
        _table6(variant),
        _table7(variant),
        "" if variant.without_table8 else _table8(variant),
        _table9(variant),
    ]
    return PROFILE + "\n".join(t for t in tables if t) + NARRATIVE


EXPECTED = f"""
year: 2022
kind: budget
scope: unit
presentation: {{unit: 万元, places: 1}}
profile:
  name: {UNIT}
  functions: 负责全县环境质量的例行监测，按时发布监测数据，为环境管理提供技术依据。
  offices: [监测科, 综合科]
  staffing:
    authorized: {{count: 10}}
    actual: {{count: 12}}
    in_service: {{count: 9, stated_change: 1}}
    retired: {{count: 3, stated_change: 0}}
income: {{general_public: "76.5"}}
expenditure:
  - {{code: "2111101", name: 生态环境监测与信息, basic: {{general_public: "50"}}}}
  - {{code: "2080505", name: 机关事业单位基本养老保险缴费支出, basic: {{general_public: "4"}}}}
  - {{code: "2101102", name: 事业单位医疗, basic: {{general_public: "2.5"}}}}
  - {{code: "2110399", name: 其他污染防治支出, project: {{general_public: "20"}}}}
basic_by_economic:
  - {{code: "30101", name: 基本工资, personnel: "30"}}
  - {{code: "30102", name: 津贴补贴, personnel: "10"}}
  - {{code: "30108", name: 机关事业单位基本养老保险缴费, personnel: "4"}}
  - {{code: "30110", name: 职工基本医疗保险缴费, personnel: "2.5"}}
  - {{code: "30201", name: 办公费, public_use: "6"}}
  - {{code: "30211", name: 差旅费, public_use: "4"}}
projects:
  - name: 监测设备维护
    function_code: "2110399"
    amount: "20"
    by_economic: [{{code: "302", amount: "20"}}]
    funding_items:
      - {{text: 仪器年度检定, amount: "12"}}
      - {{text: 耗材更换, amount: "8"}}
    undertaker: {UNIT}
    period: 2022年
three_public: {{outbound: "0"}}
admin_costs: "10"
procurement: {{total: "20", goods: "8", works: "0", services: "12"}}
assets:
  as_of: 2021年底
  vehicles: [{{kind: 其他车辆, count: 1, value: "12"}}]
performance: {{project_count: 1, amount: "20"}}
"""


def _read(tmp_path: Path, data: bytes | str, name: str = "doc.txt") -> Disclosure:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    found = read(path)
    assert isinstance(found, Disclosure)
    return found


@pytest.fixture
def base(tmp_path: Path) -> Disclosure:
    return _read(tmp_path, disclosure_text(), "base.txt")


def _budget(disclosure: Disclosure) -> Budget:
    return normalize(disclosure).budget


def test_the_fixture_reads_and_normalises_exactly(base: Disclosure) -> None:
    assert base.template is Template.XINJIANG
    assert base.problems == ()
    assert base.unplaced == ()
    assert len(base.tables) == 9
    normalized = normalize(base)
    assert normalized.resolutions == ()
    assert normalized.budget == budgetdiff.loads(EXPECTED, budgetdiff.Format.YAML)
    assert [
        f.rule for f in budgetdiff.validate(normalized.budget) if f.severity.value == "error"
    ] == []


def test_gbk_file_is_detected_and_reported(tmp_path: Path, base: Disclosure) -> None:
    found = _read(tmp_path, disclosure_text().encode("gbk"))
    assert found.encoding == "gb18030"
    assert found.problems[0].kind is ProblemKind.ENCODING
    assert _budget(found) == _budget(base)


def test_crlf_and_bom(tmp_path: Path, base: Disclosure) -> None:
    crlf = _read(tmp_path, disclosure_text().replace("\n", "\r\n"), "crlf.txt")
    assert crlf.newline == "\r\n"
    bom = _read(tmp_path, b"\xef\xbb\xbf" + disclosure_text().encode("utf-8"), "bom.txt")
    assert bom.encoding == "utf-8-sig"
    for found in (crlf, bom):
        assert [[c.raw for c in t.cells()] for t in found.tables] == [
            [c.raw for c in t.cells()] for t in base.tables
        ]
        assert [c.line for c in found.cells()] == [c.line for c in base.cells()]
        assert _budget(found) == _budget(base)


def test_tables_in_yuan_convert_exactly(tmp_path: Path, base: Disclosure) -> None:
    found = _read(tmp_path, disclosure_text(Variant(yuan=True)))
    assert {t.unit for t in found.tables} == {Unit.YUAN}
    table2 = found.table(TableRole.INCOME)
    assert table2 is not None
    cell = table2.rows[0].cells[4]
    assert (cell.raw, cell.value, cell.amount) == (
        "500,000",
        Decimal(500000),
        Money.of("50", Unit.WAN_YUAN),
    )
    budget = _budget(found)
    assert budget.presentation == budgetdiff.Presentation(unit=Unit.YUAN, places=0)
    assert attrs.evolve(budget, presentation=_budget(base).presentation) == _budget(base)


@pytest.mark.parametrize(
    ("numbering", "numbers"),
    [("arabic", [f"表{n}" for n in range(1, 10)]), ("list", list("一二三四五六七八九"))],
)
def test_table_numbering_variants(
    tmp_path: Path, base: Disclosure, numbering: str, numbers: list[str]
) -> None:
    found = _read(tmp_path, disclosure_text(Variant(numbering=numbering)))
    assert [t.number for t in found.tables] == numbers
    assert [t.role for t in found.tables] == [t.role for t in base.tables]
    assert found.problems == ()
    assert _budget(found) == _budget(base)


def test_merged_seven_digit_code_column(tmp_path: Path, base: Disclosure) -> None:
    found = _read(tmp_path, disclosure_text(Variant(merged=True)))
    table3 = found.table(TableRole.EXPENDITURE)
    assert table3 is not None
    assert [r.code for r in table3.rows if r.code] == ["2111101", "2080505", "2101102", "2110399"]
    assert _budget(found) == _budget(base)


def test_missing_table_is_reported_and_the_narrative_fills_in(
    tmp_path: Path, base: Disclosure
) -> None:
    found = _read(tmp_path, disclosure_text(Variant(without_table8=True)))
    assert found.table(TableRole.THREE_PUBLIC) is None
    (missing,) = [p for p in found.problems if p.kind is ProblemKind.MISSING_TABLE]
    assert "三公" in missing.message
    budget = _budget(found)
    assert evolve(budget, notes=()) == _budget(base)  # its figures, from the narrative
    assert budget.notes == (
        "No “three public” expenses table was found. Its figures are in this budget only "
        "where the narrative states them (otherwise not stated, not zero).",
    )


def test_extra_source_column(tmp_path: Path, base: Disclosure) -> None:
    found = _read(tmp_path, disclosure_text(Variant(extra_column=True)))
    table2 = found.table(TableRole.INCOME)
    assert table2 is not None
    assert table2.columns[-1].label == "上级补助收入"
    assert found.problems == ()
    assert _budget(found) == _budget(base)


def test_malformed_cells_are_kept_reported_and_never_fixed_silently(
    tmp_path: Path, base: Disclosure
) -> None:
    found = _read(tmp_path, disclosure_text(Variant(malformed=True)))
    (problem,) = [p for p in found.problems if p.kind is ProblemKind.MALFORMED_NUMBER]
    assert (problem.text, problem.suggestion) == ("76..5", Decimal("76.5"))
    assert (problem.location.table, problem.location.column) == ("表二", "总  计")
    table2 = found.table(TableRole.INCOME)
    assert table2 is not None
    total = table2.totals[0].cells[4]
    assert (total.raw, total.kind, total.amount) == ("76..5", CellKind.MALFORMED, None)
    table3 = found.table(TableRole.EXPENDITURE)
    assert table3 is not None
    full_width = table3.rows[0].cells[5]
    assert (full_width.raw, full_width.value) == ("５０", Decimal(50))
    table5 = found.table(TableRole.GENERAL_PUBLIC)
    assert table5 is not None
    dash = table5.rows[0].cells[6]
    assert (dash.raw, dash.kind, dash.value) == ("—", CellKind.DASH, None)
    assert _budget(found) == _budget(base)


def test_garbage_block_is_reported_with_its_lines_and_kept(
    tmp_path: Path, base: Disclosure
) -> None:
    text = disclosure_text(Variant(garbage=True))
    found = _read(tmp_path, text)
    lines = text.split("\n")
    first = lines.index("@@ 页眉残留 ## 9x9x") + 1
    (problem,) = [p for p in found.problems if p.kind is ProblemKind.UNRECOGNISED]
    assert (problem.location.line, problem.end_line) == (first, first + 2)
    assert f"{first}–{first + 2}" in problem.message_en
    (block,) = found.unplaced
    assert [ln.text for ln in block.lines] == lines[first - 1 : first + 2]
    assert _budget(found) == _budget(base)


def test_undecodable_bytes_raise_a_read_error_naming_the_place(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    path.write_bytes("第一部分\n表一：\n".encode() + b"\x80\xff\xfe\x81\n")
    with pytest.raises(
        ReadError, match=r"broken\.txt:3: .*UTF-8 \(invalid byte at offset 23\)"
    ) as raised:
        read(path)
    assert raised.value.line == 3
