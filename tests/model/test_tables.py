"""Derived tables of the 2021 example equal the seed's printed figures where it is consistent."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given

import budgetdiff
from budgetdiff import Budget, Unit
from budgetdiff._cli.text import render_table
from budgetdiff._model.tables import Table
from budgetdiff.model import TableRole
from budgetdiff.testing import strategies as bst


def figures(table: Table, *, by_label: bool = False) -> dict[str, list[str]]:
    """Each row (by code, else label) as the 万元 figures the seed prints ("" for blank)."""
    out = {}
    for row in table.rows:
        key = row.label if by_label else row.code or row.label
        out[key] = ["" if c is None else format(c.to(Unit.WAN_YUAN).normalize(), "f")
                    for c in row.cells]  # fmt: skip
    return out


def test_nine_tables_in_the_seed_order(budget_2021: Budget) -> None:
    tables = budgetdiff.derive_tables(budget_2021)
    assert [t.number for t in tables] == list(range(1, 10))
    roles = [*list(TableRole)[:7], TableRole.THREE_PUBLIC, TableRole.GOVERNMENT_FUND]
    assert [t.role for t in tables] == roles


def test_table1_summary(budget_2021: Budget) -> None:
    t = figures(budgetdiff.derive_tables(budget_2021)[0])
    assert t["财政拨款（补助）"] == ["433.34"]
    assert t["一般公共预算"] == ["433.34"]
    assert t["政府性基金预算"] == [""]
    assert t["208"] == ["6.32"]
    assert t["210"] == ["5.12"]
    assert t["211"] == ["421.9"]
    assert t["收入总计"] == t["支出总计"] == ["433.34"]


def test_table2_to_table5(budget_2021: Budget) -> None:
    tables = budgetdiff.derive_tables(budget_2021)
    t2, t3, t4, t5 = (figures(t) for t in tables[1:5])
    assert t2["2111101"][:2] == ["306.9", "306.9"]
    assert t2["合  计"][:2] == ["433.34", "433.34"]
    assert t3["2110399"] == ["115", "", "115"]
    assert t3["合  计"] == ["433.34", "318.34", "115"]
    assert t4["支出总计"] == ["433.34", "433.34", "", ""]
    assert t5["合  计"] == ["433.34", "318.34", "115"]
    # the seed prints 1.18 in some copies; the totals support 1.19
    assert t3["2101103"] == ["1.19", "1.19", ""]


def test_table6_to_table9(budget_2021: Budget) -> None:
    tables = budgetdiff.derive_tables(budget_2021)
    t6, t7 = figures(tables[5]), figures(tables[6], by_label=True)
    assert t6["合  计"] == ["318.34", "308.75", "9.59"]
    assert t6["30199"] == ["246.24", "246.24", ""]
    assert t7["合 计"][:3] == ["115", "", "115"]
    assert t7["信息化运维"][:3] == ["80", "", "80"]
    assert tables[7].note == "此表为空表"
    assert tables[8].note == "此表为空表"


@given(bst.budgets())
def test_derived_tables_cross_foot(budget: Budget) -> None:
    """Every total row is the sum of the rows above it; 表三 合计 = 基本 + 项目 on every row."""
    zero = budgetdiff.Money.of(0)
    t1, t2, t3, _, t5, _ = budgetdiff.derive_tables(budget)[:6]
    assert (t3.rows[-1].cells[0] or zero) == budget.expenditure_total
    for row in t3.rows:
        total, basic, project = (c or zero for c in row.cells)
        assert total == basic + project
    assert t2.rows[-1].cells[0] == t3.rows[-1].cells[0] == t5.rows[-1].cells[0]
    income_total = next(r for r in t1.rows if r.label == "收入总计").cells[0]
    assert income_total == t3.rows[-1].cells[0]


def test_render_is_aligned_text(budget_2021: Budget) -> None:
    text = render_table(budgetdiff.derive_tables(budget_2021)[2])
    assert text.startswith("表三  部门（单位）支出总体情况表    单位：万元")
    assert "433.34" in text
    assert Decimal("318.34") == budget_2021.basic.general_public.to(Unit.WAN_YUAN)


def test_lines_printed_as_one_amount_keep_their_kinds_in_total() -> None:
    """
    A Jiangsu-style budget: each line one 金额, the 基本/项目/机动 split stated in total only.
    表三 prints each line's 合计 and leaves its kinds blank (not zero); its 合计 row gives
    the stated split, and a 单位预留机动经费 column appears because the budget has one.
    """
    from budgetdiff.model import ExpenditureLine, FunctionCode, Funds, Profile, SpendingKinds

    wan = Unit.WAN_YUAN
    lines = [
        ExpenditureLine(
            code=FunctionCode("2040501"),
            name="行政运行",
            unsplit=Funds(general_public=budgetdiff.Money.of("700", wan)),
        ),
        ExpenditureLine(
            code=FunctionCode("2210201"),
            name="住房公积金",
            unsplit=Funds(general_public=budgetdiff.Money.of("300", wan)),
        ),
    ]
    split = SpendingKinds(
        basic=Funds(general_public=budgetdiff.Money.of("600", wan)),
        project=Funds(general_public=budgetdiff.Money.of("250", wan)),
        reserve=Funds(general_public=budgetdiff.Money.of("150", wan)),
    )
    budget = Budget(
        year=2019, profile=Profile(name="某厅"), expenditure=lines, unsplit_by_kind=split
    )
    table3 = budgetdiff.derive_tables(budget)[2]
    assert table3.columns == ("合  计", "基本支出", "项目支出", "单位预留机动经费")
    t = figures(table3, by_label=True)
    assert t["行政运行"] == ["700", "", "", ""]
    assert t["合  计"] == ["1000", "600", "250", "150"]
    table5 = figures(budgetdiff.derive_tables(budget)[4], by_label=True)
    assert table5["合  计"] == ["1000", "600", "250", "150"]
