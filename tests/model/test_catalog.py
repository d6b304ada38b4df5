"""The shipped catalog: names by year, provenance on every row, unknown codes are not fatal."""

from __future__ import annotations

import csv
from importlib import resources

import pytest

from budgetdiff._model.catalog import Tag, names_agree
from budgetdiff.model import default_catalog


def test_lookup_by_year_follows_renames() -> None:
    catalog = default_catalog()
    assert catalog.function_name("2111101", 2021) == "生态环境监测与信息"
    assert catalog.function_name("2111101", 2017) == "环境监测与信息"
    assert catalog.function_name("210", 2016) == "医疗卫生与计划生育支出"
    assert catalog.function_name("210") == "卫生健康支出"
    assert catalog.economic_name("30199") == "其他工资福利支出"


def test_unknown_code_is_none_not_an_error() -> None:
    assert default_catalog().function("2999999") is None
    assert default_catalog().economic_name("39998") is None


@pytest.mark.parametrize("name", ["function.csv", "economic.csv", "crosswalk.csv"])
def test_every_row_has_provenance(name: str) -> None:
    """Rows from memory are tagged K (unverified); none is untagged."""
    text = (resources.files("budgetdiff") / "catalog" / name).read_text(encoding="utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    assert rows
    for row in rows:
        assert Tag(row["tag"]) in set(Tag)
        assert row["source"].strip()


def test_unverified_rows_are_marked() -> None:
    entry = default_catalog().function("2110399")
    assert entry is not None
    assert entry.tag is Tag.UNVERIFIED
    assert not entry.verified
    sourced = default_catalog().economic("30199")
    assert sourced is not None
    assert sourced.verified


def test_crosswalk_lists_renames() -> None:
    rows = default_catalog().crosswalk("function", 2018, 2019)
    assert any(r.from_code == "2111101" and r.relation.value == "rename" for r in rows)


@pytest.mark.parametrize(
    ("printed", "official", "agree"),
    [
        ("基础性绩效工资", "绩效工资", True),
        ("城镇职工基本医疗保险缴费", "职工基本医疗保险缴费", True),
        ("因公出国(境)费用", "因公出国（境）费用", True),
        ("商品和服务支出", "其他商品和服务支出", False),
        ("其他社会保险缴费", "其他社会保障缴费", False),
        ("劳务费", "维修（护）费", False),
    ],
)
def test_names_agree(printed: str, official: str, agree: bool) -> None:
    assert names_agree(printed, official) is agree
