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

from budgetdiff import Budget, Change, hookimpl
from budgetdiff.model import make_converter
from budgetdiff.plugin import Comparator, CompareContext

from ._pairing import change
from .economic import line_keys
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
    converter = make_converter(budget.presentation.unit)
    data: dict[str, Any] = {
        "kind": budget.kind.value,
        "scope": budget.scope.value,
        "presentation": converter.unstructure(budget.presentation),
        "projects": converter.unstructure(budget.projects),
    }
    profile: dict[str, Any] = converter.unstructure(budget.profile)
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
            key: e.name
            for key, e in zip(line_keys(budget), budget.basic_by_economic, strict=True)
            if key in common["economic"]
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
            "economic": set(line_keys(old)) & set(line_keys(new)),
            "project": {p.key for p in pairs if p.old is not None and p.new is not None},
        }
        before, after = residual(old, old_keys, common), residual(new, new_keys, common)
        for names in ("function_names", "economic_names"):  # flat and large: compared directly
            for key in sorted(before[names].keys() & after[names].keys()):
                if before[names][key] != after[names][key]:
                    path = f"{names}.{key}"
                    yield change(NAME, "field", path, path, before[names][key], after[names][key])
            del before[names], after[names]
        diff = DeepDiff(
            before,
            after,
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
