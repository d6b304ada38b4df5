"""
``standard.structural``: the fallback over everything the other comparators do not
cover — the profile's texts, names of lines, project descriptions and targets — so
that no changed field goes unreported.  The one place deepdiff is used.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any

from attrs import frozen

from budgetdiff import Budget, hookimpl
from budgetdiff._changes import Change
from budgetdiff._comparing import Comparator, CompareContext
from budgetdiff._files import budget_to_data

from ._pairing import change
from .economic import line_key
from .projects import match_projects

NAME = "standard.structural"
_COVERED_PROJECT_FIELDS = ("name", "amount", "function_code")


def residual(
    budget: Budget, project_keys: dict[int, str], common: dict[str, set[str]]
) -> dict[str, Any]:
    """
    What of *budget* the other comparators do not compare, keyed so that lists pair
    up.  Line names and project details count only for lines and projects present
    in both years (a new or discontinued one is reported by its own comparator).
    """
    data = budget_to_data(budget)
    profile = data.get("profile", {})
    staffing = profile.pop("staffing", {})
    profile["stated_changes"] = {k: v.get("stated_change") for k, v in staffing.items()}
    return {
        "kind": data["kind"],
        "scope": data["scope"],
        "presentation": data["presentation"],
        "profile": profile,
        "function_names": {
            line.code.value: line.name
            for line in budget.expenditure
            if line.code.value in common["function"]
        },
        "economic_names": {
            line_key(e, budget): e.name
            for e in budget.basic_by_economic
            if line_key(e, budget) in common["economic"]
        },
        "projects": {
            project_keys[i]: {k: v for k, v in p.items() if k not in _COVERED_PROJECT_FIELDS}
            for i, p in enumerate(data.get("projects", []))
            if project_keys.get(i) in common["project"]
        },
    }


_STEP = re.compile(r"\['([^']*)'\]|\[(\d+)\]")


def _path(deepdiff_path: str) -> str:
    parts: list[str] = []
    for key, index in _STEP.findall(deepdiff_path):
        parts.append(f"[{index}]" if index else f".{key}" if parts else key)
    return "".join(parts)


def _text(value: Any) -> str | None:
    if value is None or type(value).__name__ == "NotPresent":
        return None
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


@frozen
class Structural:
    """Every other field that differs, as a text change at its path."""

    name: str = NAME

    def compare(self, old: Budget, new: Budget, context: CompareContext) -> Iterator[Change]:
        from deepdiff import DeepDiff

        pairs = match_projects(old, new)
        old_keys = {_index(old, p.old): p.key for p in pairs if p.old is not None}
        new_keys = {_index(new, p.new): p.key for p in pairs if p.new is not None}
        common = {
            "function": {ln.code.value for ln in old.expenditure}
            & {ln.code.value for ln in new.expenditure},
            "economic": {line_key(e, old) for e in old.basic_by_economic}
            & {line_key(e, new) for e in new.basic_by_economic},
            "project": {p.key for p in pairs if p.old is not None and p.new is not None},
        }
        diff = DeepDiff(
            residual(old, old_keys, common),
            residual(new, new_keys, common),
            view="tree",
            threshold_to_diff_deeper=0,
            verbose_level=2,
        )
        for group in diff.values():
            for level in group:
                path = _path(level.path())
                yield change(NAME, "field", path, path, _text(level.t1), _text(level.t2))


def _index(budget: Budget, project: object) -> int:
    return next(i for i, p in enumerate(budget.projects) if p is project)


@hookimpl
def register_comparators(register: Callable[[Comparator], None]) -> None:
    register(Structural())
