"""Budgets from whatever a user holds: a structured file, or a published text to normalize."""

from __future__ import annotations

from pathlib import Path

from budgetdiff._model.budget import Budget
from budgetdiff._read.reader import read

from .normalize import normalize
from .normalized import Normalized


def budget_of(path: str | Path) -> tuple[Budget, Normalized | None]:
    """
    The budget in *path*: read as is from YAML/JSON/TOML, or normalized from a
    published text (then also what normalizing resolved).
    """
    document = read(path)
    if isinstance(document, Budget):
        return document, None
    normalized = normalize(document)
    return normalized.budget, normalized
