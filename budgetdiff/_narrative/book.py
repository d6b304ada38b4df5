"""
The claims under check, their figures as intervals, and the findings' messages:
what the narrative rules (`_narrative.rates`, `_narrative.sums`, `_narrative.statements`) share.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any, TypeVar

from budgetdiff._model.findings import Finding, Severity
from budgetdiff._model.money import Unit
from budgetdiff._model.rounding import Interval, half_step
from budgetdiff._words import builtin_messages

from .claims import AmountClaim, ChangeClaim, Claim, CountClaim, PercentClaim

C = TypeVar("C", bound=Claim)


class Book:
    """The claims under check, with their links resolved."""

    def __init__(self, claims: Iterable[Claim]) -> None:
        self.claims = tuple(claims)
        self.by_id = {claim.id: claim for claim in self.claims}

    def get(self, claim_id: int | None, cls: type[C]) -> C | None:
        claim = self.by_id.get(claim_id) if claim_id is not None else None
        return claim if isinstance(claim, cls) else None

    def of(self, cls: type[C]) -> Iterator[C]:
        return (claim for claim in self.claims if isinstance(claim, cls))

    def finding(
        self, rule: str, severity: Severity, about: Sequence[Claim], **data: Any
    ) -> Finding:
        expected = data.pop("expected", None)
        actual = data.pop("actual", None)
        inputs = data.pop("inputs", ())
        lines = sorted({claim.line for claim in about})
        data.setdefault("should", expected)
        return builtin_messages("narrative.toml").finding(
            rule,
            severity,
            locations=[claim.location() for claim in about],
            expected=expected,
            actual=actual,
            inputs=inputs,
            lines=lines,
            line=about[0].line,
            **data,
        )


def money_half(unit: Unit, places: int) -> Decimal:
    """Half the last printed digit of an amount, in 元."""
    return unit.factor * half_step(places)


def amount_interval(claim: AmountClaim) -> Interval:
    return Interval.around(claim.amount.yuan, money_half(claim.unit, claim.places))


def change_interval(claim: ChangeClaim) -> Interval | None:
    """The signed change a claim states, as an interval; None when its sign is not stated."""
    delta = claim.delta
    if delta is None:
        return None
    return Interval.around(delta.yuan, money_half(claim.unit, claim.places))


def inputs_of(claims: Iterable[Claim]) -> tuple[tuple[str, Any], ...]:
    values: list[tuple[str, Any]] = []
    for claim in claims:
        if isinstance(claim, AmountClaim):
            values.append(
                (
                    f"{claim.period.name.lower()} {claim.subject.name} (line {claim.line})",
                    claim.amount,
                )
            )
        elif isinstance(claim, ChangeClaim):
            values.append((f"change {claim.subject.name} (line {claim.line})", claim.delta))
        elif isinstance(claim, PercentClaim):
            values.append(
                (f"{claim.role.value} {claim.subject.name} (line {claim.line})", claim.signed)
            )
        elif isinstance(claim, CountClaim):
            values.append((f"count {claim.subject.name} (line {claim.line})", claim.count))
    return tuple(values)
