"""Shared test fixtures: the example pair, and the real documents in ../shared when present."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import budgetdiff

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "examples" / "changji"

settings.register_profile(
    "ci",
    derandomize=True,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", deadline=None, max_examples=50)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


def shared_path(*parts: str) -> Path:
    """A file under ../shared, or skip the test: a user's fresh clone does not have it."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(
            f"{path} is not present (the shared seed and corpus live beside the repo in CI)"
        )
    return path


@pytest.fixture
def shared_file() -> Callable[..., Path]:
    """``shared_file("corpus", "shanghai", name)``: a file under ../shared, or skip."""
    return shared_path


@pytest.fixture
def seed_path() -> Path:
    return shared_path("seed", "000_6744f868e7b5c5a3.txt")


@pytest.fixture(scope="session")
def budget_2021() -> budgetdiff.Budget:
    return budgetdiff.load(EXAMPLES / "2021.yaml")


@pytest.fixture(scope="session")
def budget_2020() -> budgetdiff.Budget:
    return budgetdiff.load(EXAMPLES / "2020.yaml")
