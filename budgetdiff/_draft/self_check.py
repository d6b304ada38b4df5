"""The self-check of a draft: every number traced, and each equal to what its source says."""

from __future__ import annotations

import re
from decimal import Decimal

from budgetdiff._engine.changes import magnitude
from budgetdiff._engine.compare import Comparison
from budgetdiff._model.budget import Budget
from budgetdiff._model.findings import Severity
from budgetdiff._model.money import Money, total
from budgetdiff._narrative.claims import AmountClaim, ChangeClaim, CountClaim, PercentClaim
from budgetdiff._narrative.consistency import check_claims
from budgetdiff._narrative.extract import claims
from budgetdiff._words import NumberStyle, amount, percent_text, quantity
from budgetdiff.exceptions import SelfCheckError

from .document import Draft, Span

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
        return {amount(value, style), quantity(value, style)}
    if isinstance(value, Decimal):
        return {percent_text(value, style)}
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
    if draft.locale.startswith("zh"):  # the claims extractor reads Chinese narratives
        problems += _claims_problems(draft, comparison)
    if problems:
        msg = "the draft contradicts its own budgets:\n" + "\n".join(problems)
        raise SelfCheckError(msg)


def _claims_problems(draft: Draft, comparison: Comparison) -> list[str]:
    """
    Read the draft as a reviewer's claims extractor would: every number it states must
    be one the draft traced, said of the subject it belongs to, and its claims must
    not contradict each other.
    """
    lines, traced = [draft.title, ""], []
    offset = len(draft.title) + 1 + 1
    for section in draft.sections:
        if section.title:
            lines.append(section.title)
            offset += len(section.title) + 1
        for paragraph, spans in zip(section.paragraphs, section.spans, strict=True):
            traced += [(offset + sp.start, offset + sp.end, sp.source) for sp in spans]
            lines.append(paragraph)
            offset += len(paragraph) + 1
    found = claims("\n".join(lines), source="draft")
    owner = _owners(comparison)
    problems = []
    for claim in found:
        if not isinstance(claim, AmountClaim | ChangeClaim | PercentClaim | CountClaim):
            continue
        no_figure = isinstance(claim, ChangeClaim) and claim.magnitude is None
        if no_figure or not any(ch.isdigit() for ch in claim.text):
            continue  # 与上年持平, 无增加或减少, 上年无此项支出: a direction, no figure
        start, end = claim.span
        sources = [src for a, b, src in traced if a < end and start < b]
        if not sources:
            problems.append(f"line {claim.line}: {claim.text!r} states a number nobody traced")
            continue
        said_of = owner.get(claim.subject.name)
        source = sources[0].split("#")[0]
        from_budget = source[:1].isdigit()  # "2021:basic_by_economic[0]…": this year's budget
        if (
            said_of is not None
            and isinstance(claim, AmountClaim)
            and not from_budget
            and said_of != source
        ):
            problems.append(
                f"line {claim.line}: {claim.text!r} is said of {claim.subject.name} "
                f"({said_of}) but is the figure of {source}"
            )
    for finding in check_claims(found):
        if finding.severity is Severity.ERROR:
            problems.append(f"{finding.rule}: {finding.message_en}")
    return problems


def _owners(comparison: Comparison) -> dict[str, str]:
    """Names that belong to exactly one total or line of the comparison → its change id."""
    owners: dict[str, set[str]] = {}
    for change in (*comparison.changes, *comparison.unchanged):
        if change.subject.kind in ("total", "function", "economic", "three_public", "admin_costs"):
            owners.setdefault(change.subject.name, set()).add(change.id)
    return {name: ids.pop() for name, ids in owners.items() if len(ids) == 1}
