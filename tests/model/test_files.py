"""Structured files: exact round trips, and one clear message per problem in a broken file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given

import budgetdiff
from budgetdiff import Budget, Format, Unit
from budgetdiff.exceptions import InvalidFileError
from budgetdiff.testing import strategies as bst
from tests.conftest import EXAMPLES


@pytest.mark.parametrize("year", ["2020", "2021"])
@pytest.mark.parametrize("fmt", list(Format))
def test_example_pair_round_trips(year: str, fmt: Format, tmp_path: Path) -> None:
    """The bundled pair survives YAML → any format → back, exactly."""
    budget = budgetdiff.load(EXAMPLES / f"{year}.yaml")
    path = tmp_path / f"{year}.{fmt.value}"
    budgetdiff.dump(budget, path)
    assert budgetdiff.load(path) == budget


@given(bst.budgets())
def test_generated_budgets_round_trip(budget: Budget) -> None:
    for fmt in Format:
        assert budgetdiff.loads(budgetdiff.dumps(budget, fmt), fmt) == budget


def test_amounts_are_written_as_strings_in_the_document_unit(budget_2021: Budget) -> None:
    """No float ever appears: amounts are text, in 万元 as the document prints them."""
    data = json.loads(budgetdiff.dumps(budget_2021, Format.JSON))
    assert data["income"] == {"general_public": "433.34"}
    assert data["presentation"] == {"unit": "万元", "places": 2}
    assert data["expenditure"][0]["code"] == "2111101"


def test_yuan_documents_keep_yuan(budget_2021: Budget) -> None:
    from attrs import evolve

    yuan = evolve(budget_2021, presentation=budgetdiff.Presentation(unit=Unit.YUAN, places=2))
    data = json.loads(budgetdiff.dumps(yuan, Format.JSON))
    assert data["income"] == {"general_public": "4333400"}
    assert budgetdiff.loads(budgetdiff.dumps(yuan, Format.JSON), Format.JSON) == yuan


def test_format_is_sniffed_from_content(budget_2021: Budget, tmp_path: Path) -> None:
    """A .txt holding JSON is read as JSON: dispatch by content, not only by suffix."""
    path = tmp_path / "budget.txt"
    path.write_text(budgetdiff.dumps(budget_2021, Format.JSON), encoding="utf-8")
    assert budgetdiff.load(path) == budget_2021
    path.write_text(budgetdiff.dumps(budget_2021, Format.TOML), encoding="utf-8")
    assert budgetdiff.load(path) == budget_2021


def test_bom_is_accepted(budget_2021: Budget, tmp_path: Path) -> None:
    path = tmp_path / "2021.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + budgetdiff.dumps(budget_2021, Format.YAML).encode())
    assert budgetdiff.load(path) == budget_2021


BROKEN = {
    "bad_amount.yaml": (
        "year: 2021\nprofile: {name: x}\nexpenditure:\n"
        "  - {code: '2111101', name: a, basic: {general_public: '433..34'}}\n",
        ["expenditure[0].basic.general_public: '433..34' is not an amount"],
    ),
    "wrong_type.yaml": (
        "year: twenty\nprofile: {name: x}\n",
        ["year: 'twenty' is not a whole number"],
    ),
    "unknown_code.yaml": (
        "year: 2021\nprofile: {name: x}\nexpenditure:\n  - {code: '3110399', name: a}\n",
        ["expenditure[0].code: '3110399' is not a 支出功能分类 code"],
    ),
    "missing_field.yaml": (
        "year: 2021\nprofile: {name: x}\nexpenditure:\n  - {name: a}\n",
        ["expenditure[0].code: required field is missing"],
    ),
    "misspelled_field.yaml": (
        "year: 2021\nprofile: {name: x}\nincome: {genral_public: '1'}\n",
        ["income: unknown field(s): genral_public"],
    ),
    "float.json": (
        '{"year": 2021, "profile": {"name": "x"}, "income": {"general_public": 306.9}}',
        ["income.general_public: 306.9 is a JSON number", 'write the amount as a string: "306.9"'],
    ),
    "float.toml": (
        'year = 2021\n[profile]\nname = "x"\n[income]\ngeneral_public = 306.9\n',
        ["income.general_public: 306.9 is a TOML number"],
    ),
    "broken.yaml": ("year: 2021\nprofile: {name: x\n", ["not valid YAML: line 3"]),
    "broken.json": ('{"year": 2021,', ["line 1: not valid JSON"]),
    "bad_unit.yaml": (
        "year: 2021\npresentation: {unit: 千元}\nprofile: {name: x}\n",
        ["presentation.unit: '千元' is not a money unit"],
    ),
    "not_a_budget.yaml": ("- 1\n- 2\n", ["does not hold a budget"]),
    "several.yaml": (
        "year: 2021\nprofile: {name: x}\nadmin_costs: '9..5'\nthree_public: {outbound: true}\n",
        ["admin_costs: '9..5' is not an amount", "three_public.outbound:"],
    ),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_files_get_one_clear_message(name: str, tmp_path: Path) -> None:
    """Each problem is named with the file and the path inside it; no traceback."""
    text, expected = BROKEN[name]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidFileError) as info:
        budgetdiff.load(path)
    message = str(info.value)
    assert message.startswith(str(path))
    for fragment in expected:
        assert fragment in message
    assert "Traceback" not in message


def test_gbk_structured_file_is_refused_with_its_encoding_named(tmp_path: Path) -> None:
    path = tmp_path / "gbk.yaml"
    path.write_bytes("year: 2021\nprofile: {name: 监控中心}\n".encode("gbk"))
    with pytest.raises(InvalidFileError, match="not UTF-8"):
        budgetdiff.load(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InvalidFileError, match="No such file"):
        budgetdiff.load(tmp_path / "absent.yaml")
