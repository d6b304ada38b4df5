"""
Identities between statements: figures that one budget's arithmetic ties together
although the narrative states them apart.

- the change in total spending is the change in 基本支出 plus the change in 项目支出;
- a budget balances, so its income changes as much as its spending;
- 收入总计 = 支出总计 (财政拨款收入总计 = 财政拨款支出总计), in a budget and a 决算 alike.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from decimal import Decimal

from budgetdiff._model.findings import Finding, Severity
from budgetdiff._model.money import Money
from budgetdiff._model.rounding import SumVerdict, check_sum

from .book import Book, money_half
from .claims import AmountClaim, BaseKind, ChangeClaim, Claim, Period, YearClaim, YearRole

_SPENDING = re.compile(r"^(?:本年)?支出(?:总计|合计|总预算|总额|预算)?$")
_INCOME = re.compile(r"^(?:本年)?收入(?:总计|合计|总预算|总额|预算)?$")
_GRAND = re.compile(r"^(?P<scope>.{0,8}?)(?P<side>收入|支出)总计$")


def _changes(book: Book, test: Callable[[str], bool]) -> list[ChangeClaim]:
    return [
        c
        for c in book.of(ChangeClaim)
        if c.reason is None
        and c.magnitude is not None
        and c.direction.sign is not None
        and c.base.kind is not BaseKind.ANNUAL_BUDGET
        and test(c.subject.name)
    ]


def _one(found: list[ChangeClaim]) -> ChangeClaim | None:
    """The change, when the narrative states one (several are `restated_change`'s to judge)."""
    values = {c.delta for c in found}
    return found[0] if len(values) == 1 else None


def _half(change: ChangeClaim) -> tuple[Decimal, Decimal]:
    assert change.delta is not None
    return change.delta.yuan, money_half(change.unit, change.places)


def _split_change(book: Book) -> Iterator[Finding]:
    """Total spending's change = 基本支出's + 项目支出's."""
    total = _one(_changes(book, lambda n: bool(_SPENDING.match(n))))
    basic = _one([c for c in _changes(book, lambda n: n.endswith("基本支出")) if _top(c)])
    project = _one([c for c in _changes(book, lambda n: n.endswith("项目支出")) if _top(c)])
    if total is None or basic is None or project is None:
        return
    if not (total.base.comparable(basic.base) and total.base.comparable(project.base)):
        return
    assert total.delta is not None
    assert basic.delta is not None
    assert project.delta is not None
    result = check_sum(
        [
            (basic.delta.yuan, money_half(basic.unit, basic.places)),
            (project.delta.yuan, money_half(project.unit, project.places)),
        ],
        (total.delta.yuan, money_half(total.unit, total.places)),
    )
    if result.verdict is SumVerdict.MISMATCH:
        yield book.finding(
            "narrative.split_change",
            Severity.ERROR,
            [total, basic, project],
            subject=total.subject.name,
            total=total.delta,
            basic=basic.delta,
            project=project.delta,
            parts=Money(result.parts),
            expected=total.delta,
            actual=Money(result.parts),
        )


def _top(change: ChangeClaim) -> bool:
    """
    Whether a 基本/项目 change splits the total, not a part of it: the 基本支出 of
    "一般公共预算拨款…，其中基本支出…" splits that 拨款 only.
    """
    parent = change.subject.parent
    return not parent or bool(_SPENDING.match(parent))


def _final(book: Book) -> bool:
    reports = [y for y in book.of(YearClaim) if y.role is YearRole.REPORT]
    return sum(r.final for r in reports) * 2 > len(reports)


def _balance(book: Book) -> Iterator[Finding]:
    """A budget's income and spending change alike; 收入总计 = 支出总计 everywhere."""
    pairs: list[tuple[Claim, Claim, str]] = []
    if not _final(book):
        income = _one(_changes(book, lambda n: bool(_INCOME.match(n))))
        spending = _one(_changes(book, lambda n: bool(_SPENDING.match(n))))
        if income is not None and spending is not None and income.base.comparable(spending.base):
            pairs.append((income, spending, "change"))
    totals: dict[tuple[str, str], AmountClaim] = {}
    for claim in book.of(AmountClaim):
        match = _GRAND.match(claim.subject.name)
        if match and claim.period is Period.CURRENT and claim.reason is None:
            totals.setdefault((match.group("scope"), match.group("side")), claim)
    for (scope, side), income_total in totals.items():
        other = totals.get((scope, "支出"))
        if side == "收入" and other is not None:
            pairs.append((income_total, other, "total"))
    for income_claim, spending_claim, what in pairs:
        a, b = _figure(income_claim), _figure(spending_claim)
        result = check_sum([a], b)
        if result.verdict is SumVerdict.MISMATCH:
            yield book.finding(
                "narrative.balance",
                Severity.ERROR,
                [income_claim, spending_claim],
                what=what,
                income=Money(a[0]),
                spending=Money(b[0]),
                income_subject=income_claim.subject.name,
                spending_subject=spending_claim.subject.name,
                expected=Money(a[0]),
                actual=Money(b[0]),
            )


def _figure(claim: Claim) -> tuple[Decimal, Decimal]:
    if isinstance(claim, AmountClaim):
        return claim.amount.yuan, money_half(claim.unit, claim.places)
    assert isinstance(claim, ChangeClaim)
    return _half(claim)


IDENTITY_RULES: tuple[Callable[[Book], Iterator[Finding]], ...] = (_split_change, _balance)
