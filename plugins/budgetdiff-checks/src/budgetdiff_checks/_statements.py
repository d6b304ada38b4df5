"""
Figures the narrative states: amounts and counts, with the words before them and their line.

They come from the narrative's claims (`CheckSubject.claims`, which also puts
back numbers a PDF moved onto the next line).  Should the claims reader fail on
a document, a narrow pattern is read from the narrative's sentences instead: a
run of words, then an amount in 万元 ("政府采购货物预算19.05万元") or a count of
items ("项目3个").
"""

from __future__ import annotations

import re
from decimal import Decimal

from attrs import frozen

from budgetdiff import Money, Unit
from budgetdiff.disclosure import decimal_of
from budgetdiff.narrative import AmountClaim, CountClaim
from budgetdiff.plugin import CheckSubject

_AMOUNT = re.compile(r"([\u4e00-\u9fff（）()“”]+?)\s*(?:为|是)?\s*(\d[\d,，]*(?:\.\d+)?)\s*万元?")
_COUNT = re.compile(r"([\u4e00-\u9fff（）()“”]+?)\s*(\d+)\s*个")


@frozen(kw_only=True)
class Statement:
    """A figure the narrative states: what precedes it, its value, and where."""

    text: str  # the claim's text, its subject included ("政府采购货物预算19.05万元")
    sentence: str
    line: int
    amount: Money | None = None  # for an amount (in 元)
    count: int | None = None  # for a count
    unit: Unit = Unit.WAN_YUAN
    places: int = 2


def statements(subject: CheckSubject) -> tuple[Statement, ...]:
    """Every amount and count the narrative states, in reading order."""
    try:
        claims = subject.claims
    except Exception:  # the claims reader is another module's work: fall back, do not fail
        return _fallback(subject)
    found: list[Statement] = []
    for claim in claims:
        if isinstance(claim, AmountClaim) and not claim.per and not claim.approximate:
            found.append(
                Statement(
                    text=claim.text,
                    sentence=claim.sentence,
                    line=claim.line,
                    amount=claim.amount,
                    unit=claim.unit,
                    places=claim.places,
                )
            )
        elif isinstance(claim, CountClaim) and claim.direction is None:
            found.append(
                Statement(
                    text=claim.text, sentence=claim.sentence, line=claim.line, count=claim.count
                )
            )
    return tuple(found)


def _fallback(subject: CheckSubject) -> tuple[Statement, ...]:
    found: list[tuple[int, Statement]] = []
    for section in subject.disclosure.narrative():
        for sentence in section.sentences:
            for match in _AMOUNT.finditer(sentence.text):
                value = decimal_of(match.group(2).replace("，", ","))
                if value is None:
                    continue
                found.append(
                    (
                        match.start(),
                        Statement(
                            text=match.group(0),
                            sentence=sentence.text,
                            line=sentence.line,
                            amount=Money.of(value, Unit.WAN_YUAN),
                        ),
                    )
                )
            for match in _COUNT.finditer(sentence.text):
                found.append(
                    (
                        match.start(),
                        Statement(
                            text=match.group(0),
                            sentence=sentence.text,
                            line=sentence.line,
                            count=int(match.group(2)),
                        ),
                    )
                )
    found.sort(key=lambda item: (item[1].line, item[0]))
    return tuple(statement for _, statement in found)


def half(statement: Statement) -> Decimal:
    """The rounding slack of a stated amount, in 元 (0.005万元 = 50 元 by the house convention)."""
    places = max(statement.places, 2) if statement.unit is Unit.WAN_YUAN else statement.places
    return Decimal(5).scaleb(-places - 1) * statement.unit.factor
