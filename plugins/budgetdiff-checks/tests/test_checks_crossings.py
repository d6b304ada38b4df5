"""Copies one last-place unit apart (RD1), and one root defect reported once (P3).

The documents are the bundled 2021 example printed in the seed's layout
(`render_disclosure`), consistent to the last 分, with cells changed or a 类
row added to 表五 (which otherwise prints only 项).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import budgetdiff
from budgetdiff import Budget, Disclosure, Finding, Money, Severity, Unit, check
from budgetdiff.disclosure import read_bytes
from budgetdiff.plugin import Location, installed
from budgetdiff.testing.findings import describe_all
from budgetdiff.testing.render import render_disclosure

EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "changji" / "2021.yaml"
FAMILIES = ("read", "table", "tables", "codes", "profile", "project", "matters")
_SPACES = re.compile(r"[\s\u3000]+")
# 表五's header ends with the 类/款/项 row; the lines follow it
_HEADER_END = "\t类\n\t款\n\t项\n\t\n\t\n\t\n\t\n\n"


def mine() -> list[str]:
    return [name for name in installed().checks if name.split(".")[0] in FAMILIES]


@cache
def base() -> str:
    loaded = budgetdiff.load(EXAMPLE)
    assert isinstance(loaded, Budget)
    return render_disclosure(loaded, narrative=True)


def read(text: str) -> Disclosure:
    document = read_bytes(text.encode("utf-8"), source="doc.txt", suffix=".txt")
    assert isinstance(document, Disclosure)
    return document


def findings(text: str) -> list[Finding]:
    return list(check(read(text), checks=mine()).findings)


def with_class_row(text: str, value: str) -> str:
    """*text* with 表五 printing 类 210 卫生健康支出 (合计 = 基本支出 = *value*) above its lines."""
    start = text.index("表五：")
    at = text.index(_HEADER_END, start) + len(_HEADER_END)
    row = f"\t210\n\t\n\t\n\t卫生健康支出\n\t{value}\n\t{value}\n\t\n\n"
    return text[:at] + row + text[at:]


def set_cell(
    text: str, table: str, code_parts: tuple[str, str, str], column: int, value: str
) -> str:
    """*text* with amount *column* (from 0) of the row *code_parts* in *table* set to *value*."""
    start = text.index(f"{table}：")
    lei, kuan, xiang = code_parts
    head = f"\t{lei}\n\t{kuan}\n\t{xiang}\n"
    at = text.index(head, start)
    lines = text[at:].split("\n")
    lines[4 + column] = f"\t{value}"  # code ×3, name, then the amounts
    return text[:at] + "\n".join(lines)


def set_class(text: str, table: str, name: str, values: list[str]) -> str:
    """*text* with the 类 *name* of a two-sided *table* (表一, 表四) printing *values*."""
    start = text.index(f"{table}：")
    at = text.index(f"\t{name}\n", start) + len(f"\t{name}\n")
    lines = text[at:].split("\n")
    for index, value in enumerate(values):
        lines[index] = f"\t{value}"
    return text[:at] + "\n".join(lines)


def same_line(found: list[Finding]) -> list[Finding]:
    return [f for f in found if f.rule == "tables.same_line"]


# ---------------------------------------------------------------- RD1


def _summary_tables_print(text: str, value: str) -> str:
    """表一 and 表四 print 类 210 as *value* (表四 in 合计 and 一般公共预算)."""
    text = set_class(text, "表一", "210 卫生健康支出", [value])
    return set_class(text, "表四", "210 卫生健康支出", [value, value])


def test_copies_one_unit_apart_each_adding_up_are_a_rounding_note() -> None:
    """
    表五's 类 210 is the sum of its three 项 (3.75 + 1.19 + 0.18 = 5.12) while 表一 and
    表四 print 5.11, their columns still adding up within rounding (433.33 against
    433.34): both may be right, so a note naming both tables and the sum.
    """
    text = _summary_tables_print(with_class_row(base(), "5.12"), "5.11")
    found = same_line(findings(text))
    assert found, describe_all(findings(text))
    assert {f.severity for f in found} == {Severity.NOTE}, describe_all(found)
    note = found[0]
    assert (note.expected, note.actual) == (
        Money.of("5.11", Unit.WAN_YUAN),
        Money.of("5.12", Unit.WAN_YUAN),
    )
    assert "各自表内均相加一致" in note.message
    assert "3个末级科目相加为5.12万元" in note.message
    assert "取整误差" in note.message


def test_copies_further_apart_than_the_rounding_of_the_items_stay_an_error() -> None:
    """5.09 against 5.12: the three 项 allow less than 0.02, so no rounding explains it."""
    text = _summary_tables_print(with_class_row(base(), "5.12"), "5.09")
    found = same_line(findings(text))
    assert found
    assert {f.severity for f in found} == {Severity.ERROR}, describe_all(found)


def test_a_copy_its_own_table_does_not_add_up_to_stays_an_error() -> None:
    """
    5.11 against 5.12 again, but 表一's 支出总计 prints 433.40: its column no longer adds up,
    so nothing vouches for 表一's 5.11, and the gap is an error.
    """
    text = _summary_tables_print(with_class_row(base(), "5.12"), "5.11")
    start = text.index("表一：")
    at = text.index("\t支  出  总  计\n", start) + len("\t支  出  总  计\n")
    text = text[:at] + "\t433.40" + text[at + len("\t433.34") :]
    found = [f for f in same_line(findings(text)) if f.locations[0].table == "表五"]
    assert found
    assert {f.severity for f in found} == {Severity.ERROR}, describe_all(found)


def test_identical_copies_say_nothing() -> None:
    text = with_class_row(base(), "5.12")
    assert same_line(findings(text)) == []


# ---------------------------------------------------------------- P3


def test_a_misprinted_cell_is_one_finding_with_its_consequences() -> None:
    """
    表五 2101103 基本支出 printed 1.28 (合计 1.19): its row (table.basic_project), its
    column's 合计 (table.column_sum, 318.43 against 318.34) and 表三's copy 1.19
    (tables.same_line) all disagree by 0.09, and 1.19 resolves all three: one error.
    """
    text = set_cell(base(), "表五", ("210", "11", "03"), 1, "1.28")
    found = findings(text)
    errors = [f for f in found if f.severity is Severity.ERROR]
    assert len(errors) == 1, describe_all(errors)
    root = errors[0]
    assert root.rule == "table.basic_project"
    assert "若为1.19万元，2处加总核对均相符" in root.message
    assert sorted(c.rule for c in root.consequences) == ["table.column_sum", "tables.same_line"]
    assert all(c.follows == root.defect for c in root.consequences)


def test_a_second_defect_is_not_folded_into_the_first() -> None:
    """
    The same misprint plus 2101102 基本支出 printed 3.80 (合计 3.75): the column's gap is
    now 0.14, which no single correction resolves; every finding stays on its own.
    """
    text = set_cell(base(), "表五", ("210", "11", "03"), 1, "1.28")
    text = set_cell(text, "表五", ("210", "11", "02"), 1, "3.80")
    found = findings(text)
    assert not [f for f in found if f.consequences], describe_all(found)
    rules = sorted(f.rule for f in found if f.severity is Severity.ERROR)
    assert rules.count("table.basic_project") == 2
    assert "table.column_sum" in rules


def test_consequences_stay_findings_when_the_root_rule_does_not_run() -> None:
    """Blocking the rule that owns the root leaves its consequences reported on their own."""
    text = set_cell(base(), "表五", ("210", "11", "03"), 1, "1.28")
    report = check(read(text), checks=[r for r in mine() if r != "table.basic_project"])
    rules = sorted(f.rule for f in report.findings if f.severity is Severity.ERROR)
    assert rules == ["table.column_sum", "tables.same_line"]


def test_a_location_is_listed_once() -> None:
    """The engine lists each location of a finding once (P3: the same 位置 printed thrice)."""
    where = Location(source="doc.txt", table="表五", row="合  计", column="合  计", line=9)

    class Twice:
        name = "acme.twice"

        def check(self, subject: object) -> list[Finding]:
            return [
                Finding(
                    rule="acme.twice",
                    severity=Severity.NOTE,
                    message="m",
                    message_en="m",
                    locations=(where, where, where),
                )
            ]

    report = check(read(base()), checks={"acme.twice": Twice()})
    assert [f.locations for f in report.findings] == [(where,)]
