"""The self-check of a draft: every number traced, and each equal to what its source says."""

from __future__ import annotations

import re
from decimal import Decimal

from ._budget import Budget
from ._changes import magnitude
from ._comparing import Comparison
from ._draft_model import Draft, Span
from ._money import Money, total
from ._text import NumberStyle, format_number, quantity
from .exceptions import SelfCheckError

_PATH_STEP = re.compile(r"([a-z_0-9]+)(?:\[(\d+)\])?")


def resolve(source: str, comparison: Comparison) -> Money | Decimal | int | None:
    """The value a span's source names: ``kind:key#field`` or ``year:path.in.budget``."""
    if "#" in source:
        change_id, _, part = source.rpartition("#")
        change = comparison.get(change_id)
        if change is None:
            return None
        if part == "moved_out":
            moved = [comparison.get(d.change) for d in change.drivers if d.relation == "moved_out"]
            return total(m.new for m in moved if m is not None and isinstance(m.new, Money))
        value = {
            "old": change.old,
            "new": change.new,
            "delta": change.delta,
            "growth": change.growth,
        }.get(part)
        if value is None or isinstance(value, str):
            return None
        return magnitude(value)
    year, _, path = source.partition(":")
    budget = comparison.new if str(comparison.new.year) == year else comparison.old
    return _walk(budget, path)


def _walk(budget: Budget, path: str) -> Money | Decimal | int | None:
    if path == "basic":
        return budget.basic.general_public
    node: object = budget
    for name, index in _PATH_STEP.findall(path):
        node = getattr(node, name)
        if index:
            node = node[int(index)]  # type: ignore[index]
    if isinstance(node, Money | Decimal | int):
        return node
    if hasattr(node, "count") and isinstance(node.count, int):  # a vehicle holding
        return node.count
    return None


def _expected_text(span: Span, value: Money | Decimal | int, style: NumberStyle) -> set[str]:
    if isinstance(value, Money):
        return {
            f"{format_number(value.to(style.unit), style)}{style.unit.value}",
            quantity(value, style),
        }
    if isinstance(value, Decimal):
        return {f"{format_number(value, style, style.percent_places)}%"}
    return {str(value)}


def self_check(draft: Draft, comparison: Comparison, style: NumberStyle) -> None:
    """
    Verify *draft* against its budgets; raise `SelfCheckError` on the first problem:
    a number with no source, a source that names nothing, or a number that differs
    from what its source says.
    """
    problems = []
    for section in draft.sections:
        for spans in section.spans:
            for span in spans:
                if span.source == "untraced":
                    problems.append(f"{section.key}: {span.text!r} has no source")
                    continue
                value = resolve(span.source, comparison)
                if value is None:
                    problems.append(f"{section.key}: {span.text!r}: {span.source} names nothing")
                elif span.text not in _expected_text(span, value, style):
                    problems.append(f"{section.key}: {span.text!r} but {span.source} is {value!r}")
    if problems:
        msg = "the draft contradicts its own budgets:\n" + "\n".join(problems)
        raise SelfCheckError(msg)
