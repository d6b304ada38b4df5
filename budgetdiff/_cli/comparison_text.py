"""A comparison as text or Markdown for people (the words are in ``templates/compare/``)."""

from __future__ import annotations

from collections.abc import Sequence

from attrs import frozen

from budgetdiff._engine.changes import Change
from budgetdiff._engine.compare import Comparison
from budgetdiff._templates import builtin_environment
from budgetdiff._words import NumberStyle

KIND_ORDER = (
    "total",
    "income",
    "share",
    "function",
    "reclassified",
    "economic",
    "project",
    "staff",
    "three_public",
    "admin_costs",
    "procurement",
    "assets",
    "performance",
    "funds",
    "field",
)


@frozen
class Group:
    kind: str
    changes: Sequence[Change]


def group_changes(changes: Sequence[Change]) -> list[Group]:
    """Changes grouped by subject kind, in reading order (totals first, fields last)."""
    kinds = sorted(
        {c.subject.kind for c in changes},
        key=lambda k: (KIND_ORDER.index(k) if k in KIND_ORDER else 99, k),
    )
    return [Group(kind, [c for c in changes if c.subject.kind == k]) for k in kinds for kind in [k]]


def render_comparison(comparison: Comparison, fmt: str = "text") -> str:
    """*comparison* as ``text`` or ``markdown``."""
    template = builtin_environment().get_template(f"compare/{fmt}.j2")
    style = NumberStyle(unit=comparison.new.presentation.unit)
    return template.render(
        old=comparison.old,
        new=comparison.new,
        groups=group_changes(comparison.changes),
        failures=comparison.failures,
        drivers=comparison.drivers,
        style=style,
    )
