"""The plugin is installed like any third-party one, and every rule has its messages."""

from __future__ import annotations

import tomllib
from importlib import metadata, resources

import jinja2
import pytest

from budgetdiff.plugin import install_filters, installed

RULES = {
    "read.encoding", "read.malformed_number", "read.text_in_amount", "read.malformed_code",
    "read.row_width", "read.unrecognised", "read.missing_table", "read.no_unit",
    "read.unknown_column", "read.table_as_text", "read.not_found",
    "table.row_sum", "table.basic_project", "table.personnel_public", "table.column_sum",
    "table.hierarchy", "table.balance", "table.empty_note",
    "tables.totals", "tables.same_line", "tables.basic_economic", "tables.project_table",
    "tables.fiscal_parts",
    "codes.invalid", "codes.unknown", "codes.name",
    "profile.staffing_sum", "profile.staffing_change",
    "project.funding_items", "project.cost_target", "project.targets_total",
    "matters.procurement_parts", "matters.procurement_reserved",
    "matters.procurement_capacity", "matters.performance",
}  # fmt: skip
CATALOGS = ("read", "table", "tables", "codes", "profile", "project", "matters")


def test_every_rule_is_registered_by_the_distribution() -> None:
    checks = installed().checks
    for rule in RULES:
        assert rule in checks, rule
        assert checks[rule].distribution == "budgetdiff-checks"


def test_one_entry_point_per_module() -> None:
    points = [
        ep
        for ep in metadata.entry_points(group="budgetdiff")
        if ep.dist is not None and ep.dist.name == "budgetdiff-checks"
    ]
    modules = [ep.value for ep in points]
    assert len(modules) == len(set(modules))
    assert "budgetdiff_checks.cross_tables" in modules


def _catalog(name: str) -> dict[str, dict[str, str]]:
    text = (resources.files("budgetdiff_checks") / "messages" / f"{name}.toml").read_text("utf-8")
    return tomllib.loads(text)


def test_every_rule_has_a_chinese_and_an_english_message() -> None:
    keys = {key for name in CATALOGS for key in _catalog(name)}
    for rule in RULES:
        assert rule in keys, rule


@pytest.mark.parametrize("name", CATALOGS)
def test_every_template_compiles(name: str) -> None:
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    install_filters(env)
    for key, entry in _catalog(name).items():
        assert set(entry) == {"zh", "en"}, key
        for text in entry.values():
            env.from_string(text)
