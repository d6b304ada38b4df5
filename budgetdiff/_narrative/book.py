"""
The claims under check, their figures as intervals, and the findings' messages:
what the narrative rules (`_narrative.rates`, `_narrative.sums`, `_narrative.statements`) share.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any, TypeVar

from budgetdiff._model.findings import Finding, Severity
from budgetdiff._model.money import Unit, half_up
from budgetdiff._model.rounding import Interval, half_step, places_of
from budgetdiff._words import NumberStyle, builtin_messages

from .claims import AmountClaim, ChangeClaim, Claim, CountClaim, ListClaim, PercentClaim

C = TypeVar("C", bound=Claim)
M = TypeVar("M")


class Book:
    """The claims under check, with their links resolved."""

    def __init__(self, claims: Iterable[Claim]) -> None:
        self.claims = tuple(claims)
        self.by_id = {claim.id: claim for claim in self.claims}
        self._parents: dict[int, int] = {}
        for lst in self.of(ListClaim):
            if lst.whole is not None:
                for part in lst.parts:
                    self._parents.setdefault(part, lst.whole)

    def parent_whole(self, claim_id: int) -> Claim | None:
        """The whole of the (first) list *claim_id* is a part of, when that whole has a figure."""
        whole = self._parents.get(claim_id)
        return self.by_id.get(whole) if whole is not None else None

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
        data.setdefault("style", style_of(about))
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


def style_of(about: Iterable[Claim]) -> NumberStyle:
    """
    How a finding quotes figures: as the document printed them — in the unit and to
    the places of its amounts ("911000.39元", "1,200.00万元"), its rates to their own
    places ("1.10%", "0.005%"), trailing zeros kept.
    """
    claims = list(about)
    money = [c for c in claims if isinstance(c, AmountClaim | ChangeClaim) and c.printed]
    rates = [c for c in claims if isinstance(c, PercentClaim)]
    unit = money[0].unit if money else Unit.WAN_YUAN
    places = max((places_of(c.printed) for c in money if c.unit is unit), default=2)
    return NumberStyle(
        unit=unit,
        places=places,
        strip_zeros=not money,
        thousands=any("," in c.printed for c in money),
        percent_places=max((c.places for c in rates), default=2),
    )


def shown(value: Decimal, style: NumberStyle) -> bool:
    """Whether *value* (in 元) prints as something other than 0 in *style*."""
    return half_up(value / style.unit.factor, style.places) != 0


def by_parent(book: Book, members: list[M], claim_of: Callable[[M], Claim]) -> list[list[M]]:
    """
    *members* (statements of one subject) split by the whole they are listed under: 基本支出
    in "行政运行300万元，其中：基本支出…" and in "事业运行120万元，其中：基本支出…" are two
    subjects.  Wholes printing the same figure are one (one split printed twice); a member
    under no whole belongs with each group.
    """
    groups: dict[Decimal | None, list[M]] = {}
    loose: list[M] = []
    for member in members:
        whole = book.parent_whole(claim_of(member).id)
        if isinstance(whole, ChangeClaim):  # a change listed under a change: its whole's figure
            whole = book.by_id.get(whole.current) if whole.current is not None else None
        figure = _figure_of(whole) if whole is not None else None
        if figure is None:
            loose.append(member)
        else:
            groups.setdefault(figure, []).append(member)
    if len(groups) < 2:
        return [members]
    return [[*group, *loose] for group in groups.values()]


def _figure_of(claim: Claim) -> Decimal | None:
    if isinstance(claim, AmountClaim):
        return claim.amount.yuan
    if isinstance(claim, CountClaim):
        return Decimal(claim.count)
    return None


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
