"""Packaging: one front door, nothing heavy at import, and `budgetdiff` the wheel's only package."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import budgetdiff

from .conftest import REPO


def test_all_is_sorted_and_importable() -> None:
    assert budgetdiff.__all__ == sorted(budgetdiff.__all__)
    for name in budgetdiff.__all__:
        assert getattr(budgetdiff, name) is not None


def test_exports_table_matches_all() -> None:
    assert sorted([*budgetdiff._EXPORTS, "__version__"]) == budgetdiff.__all__


def test_version_comes_from_metadata() -> None:
    from importlib.metadata import version

    assert budgetdiff.__version__ == version("budgetdiff")


def test_import_loads_nothing_heavy() -> None:
    """`import budgetdiff` loads no plugin, no jinja2, no cattrs, no yaml."""
    code = (
        "import sys, budgetdiff; "
        "heavy = [m for m in ('jinja2', 'cattrs', 'yaml', 'pluggy', 'deepdiff', 'attrs') "
        "if m in sys.modules]; "
        "plugins = [m for m in sys.modules if m.startswith('budgetdiff_')]; "
        "print(heavy, plugins)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[] []"


def test_wheel_has_only_the_budgetdiff_package(tmp_path: Path) -> None:
    builder = pytest.importorskip("hatchling.builders.wheel")
    wheel = Path(next(builder.WheelBuilder(str(REPO)).build(directory=str(tmp_path))))
    with zipfile.ZipFile(wheel) as archive:
        tops = {name.split("/")[0] for name in archive.namelist()}
    assert {t for t in tops if not t.endswith(".dist-info")} == {"budgetdiff"}
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    assert "budgetdiff/catalog/function.csv" in names
    assert "budgetdiff/messages/budget.toml" in names
    assert "budgetdiff/py.typed" in names
