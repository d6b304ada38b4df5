"""
Rules on what a narrative says, rather than on its arithmetic: figures stated
twice, direction words against signs, reasons against the change they
explain, and words a template left behind.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

from attrs import evolve

from budgetdiff._model.findings import Finding, Severity
from budgetdiff._model.money import Money
from budgetdiff._model.rounding import Interval, SumVerdict, check_sum

from . import patterns as pat
from .book import Book, amount_interval, by_parent, change_interval, money_half
from .claims import (
    AmountClaim,
    BaseKind,
    ChangeClaim,
    Claim,
    CountClaim,
    PercentClaim,
    Period,
    ReasonClaim,
    YearClaim,
    YearRole,
)
from .directions import DIRECTION_RULES
from .residue import RESIDUE_RULES
from .years import YEAR_RULES

# ---------------------------------------------------------------- stated twice


def _restated_change(book: Book) -> Iterator[Finding]:
    """The same change of the same subject, stated with different figures."""
    groups: dict[tuple[str, str], list[_Member]] = {}
    for change in book.of(ChangeClaim):
        interval = change_interval(change)
        if (
            interval is None
            or not change.subject.name
            or change.base.kind is BaseKind.ANNUAL_BUDGET
        ):
            continue
        key = (change.subject.name, change.subject.code)
        groups.setdefault(key, []).append((change, interval, _item(change)))
    for count in book.of(CountClaim):
        if count.direction is None or count.direction.sign is None or not count.subject.name:
            continue
        value = Decimal(count.direction.sign * count.count)
        key = (count.subject.name, count.unit)
        groups.setdefault(key, []).append((count, Interval.exact(value), _item(count)))
    for (name, _), members in groups.items():
        for group in by_parent(book, members, lambda m: m[0]):
            yield from _conflicts(book, name, group)


_Member = tuple[Claim, Interval, dict[str, Any]]


def _conflicts(book: Book, name: str, members: list[_Member]) -> Iterator[Finding]:
    distinct: list[_Member] = []
    for member in members:
        if not any(member[1].overlaps(d[1]) for d in distinct) and _comparable(member[0], distinct):
            distinct.append(member)
    if len(distinct) < 2:
        return
    about = [m[0] for m in members]
    top_level = [m for m in distinct if m[0].reason is None]
    severity = Severity.ERROR if len(top_level) >= 2 else Severity.WARNING
    items = [m[2] for m in sorted(members, key=lambda m: m[0].line)]
    yield book.finding(
        "narrative.restated_change",
        severity,
        about,
        subject=name,
        items=items,
        expected=None,
        actual=None,
        inputs=tuple((f"{name} (line {m[0].line})", _value_of(m[0])) for m in members),
    )


def _comparable(claim: Claim, others: list[_Member]) -> bool:
    if not isinstance(claim, ChangeClaim):
        return True
    return all(
        not isinstance(other, ChangeClaim) or claim.base.comparable(other.base)
        for other, _, _ in others
    )


def _value_of(claim: Claim) -> Any:
    if isinstance(claim, ChangeClaim):
        return claim.delta
    if isinstance(claim, CountClaim):
        return claim.count
    return None


def _item(claim: ChangeClaim | CountClaim) -> dict[str, Any]:
    """One statement of a change, as data for the message."""
    if isinstance(claim, ChangeClaim):
        return {
            "line": claim.line,
            "base": claim.base.raw,
            "direction": claim.direction.value,
            "amount": claim.magnitude,
            "count": None,
            "unit": "",
        }
    assert claim.direction is not None
    return {
        "line": claim.line,
        "base": claim.base.raw if claim.base else "",
        "direction": claim.direction.value,
        "amount": None,
        "count": claim.count,
        "unit": claim.unit,
    }


def _self(claim: AmountClaim) -> Claim:
    return claim


def _year(claim: AmountClaim, report: int | None) -> int | None:
    """
    The year a figure's own words give it when it is not the report's: "2011年预算数
    2687.06万元" after "2010年…决算数2488.79万元" is another year's figure, not a restatement.
    """
    words = re.sub(r"[\d.,]+[^\d]*$", "", claim.text)  # the words before the figure
    years = pat.own_years(words)
    named = years[-1] if years else None
    opening = pat.own_years(claim.sentence)[:1]  # the year its sentence is about
    return None if named is None or named == report or [named] == opening else named


def _this_year(book: Book) -> int | None:
    """The year the narrative is about: its title's, else the year it plans for (预算安排)."""
    for role in (YearRole.REPORT, YearRole.PLANNED):
        years = Counter(y.year for y in book.of(YearClaim) if y.role is role)
        if years:
            return years.most_common(1)[0][0]
    return None


def _restated_amount(book: Book) -> Iterator[Finding]:
    """The same subject given two amounts no rounding reconciles."""
    groups: dict[tuple[Any, ...], list[AmountClaim]] = {}
    report = _this_year(book)
    for claim in book.of(AmountClaim):
        name = claim.subject.name
        if (
            not name
            or claim.per
            or claim.approximate
            or name.endswith(("金额", "资金", "合计", "总计"))
            or claim.period is Period.PRIOR
        ):
            continue
        key = (claim.subject.names or name, claim.subject.code, claim.period, _year(claim, report))
        groups.setdefault(key, []).append(claim)
    for members in (g for found in groups.values() for g in by_parent(book, found, _self)):
        distinct: list[AmountClaim] = []
        for claim in members:
            if not any(amount_interval(claim).overlaps(amount_interval(d)) for d in distinct):
                distinct.append(claim)
        if len(distinct) < 2:
            continue
        found = book.finding(
            "narrative.restated_amount",
            Severity.WARNING,
            members,
            subject=members[0].subject.name,
            items=[{"line": c.line, "amount": c.amount} for c in members],
            inputs=tuple((f"{c.subject.name} (line {c.line})", c.amount) for c in members),
        )
        # which of the figures is the misprint is `_narrative.misprints`'s to tell
        yield evolve(found, defect="claims:" + ",".join(str(c.id) for c in members))


def _delta_prior(book: Book) -> Iterator[Finding]:
    """A change beside both years' figures: prior = current − change, within rounding."""
    for change in book.of(ChangeClaim):
        current = book.get(change.current, AmountClaim)
        delta = change_interval(change)
        if current is None or delta is None or change.magnitude is None:
            continue
        linked = book.get(change.prior, AmountClaim)
        for prior in [linked] if linked is not None else book.of(AmountClaim):
            if (
                prior.period is not Period.PRIOR
                or prior.subject.name != change.subject.name
                or (linked is None and prior.section != change.section)
            ):
                continue
            result = check_sum(
                [
                    (prior.amount.yuan, money_half(prior.unit, prior.places)),
                    (delta.middle, delta.width / 2),
                ],
                (current.amount.yuan, money_half(current.unit, current.places)),
            )
            if result.verdict is SumVerdict.MISMATCH:
                yield book.finding(
                    "narrative.delta_prior",
                    Severity.ERROR,
                    [change, prior, current],
                    subject=change.subject.name,
                    prior=prior.amount,
                    current=current.amount,
                    difference=current.amount - prior.amount,
                    delta=change.delta,
                    verb=change.direction.value,
                    expected=current.amount - prior.amount,
                    actual=change.delta,
                )


# ---------------------------------------------------------------- reasons


def _compared(book: Book, reason: ReasonClaim) -> set[int]:
    """
    The amounts a reason states as the two ends of a change it also states ("A比B增加C"
    with A − B = C): the comparison's figures, not parts of the change explained.
    """
    cited = [book.by_id[i] for i in reason.cites if i in book.by_id]
    amounts = [c for c in cited if isinstance(c, AmountClaim) and not c.per]
    ends: set[int] = set()
    for change in (c for c in cited if isinstance(c, ChangeClaim)):
        if change.current is not None or change.prior is not None:
            ends |= {e for e in (change.current, change.prior) if e is not None}
            continue
        if change.magnitude is None:
            continue
        for a in amounts:
            for b in amounts:
                bound = sum(
                    (money_half(x.unit, x.places) for x in (a, b)),
                    money_half(change.unit, change.places),
                )
                gap = a.amount.yuan - b.amount.yuan - change.magnitude.yuan
                if a is not b and abs(gap) <= bound:
                    ends |= {a.id, b.id}
    return ends


def _reasons_exceed(book: Book) -> Iterator[Finding]:
    """
    A reason citing amounts that add up to more than the change it explains
    ("增加42.42万元，主要原因是增加信息化运维项目80万元…").

    Amounts count, and a cited change the other way offsets them; a component's
    own change the same way ("项目支出增加1133.95万元") may exceed the total's
    when another component fell, so it does not count.
    """
    for reason in book.of(ReasonClaim):
        change = book.get(reason.explains, ChangeClaim)
        if change is None or change.magnitude is None or change.direction.sign in {None, 0}:
            continue
        cited = Decimal(0)
        halves: list[Decimal] = []
        # "…预算451.62万元比2014年预算287.17万元增加164.45万元": a comparison the reason
        # states, whose two figures are the ends of a change, not parts of this one
        compared = _compared(book, reason)
        for claim_id in reason.cites:
            claim = book.by_id.get(claim_id)
            if claim_id in compared:
                continue
            if isinstance(claim, AmountClaim) and not claim.per:
                cited += claim.amount.yuan
                halves.append(money_half(claim.unit, claim.places))
            elif (
                isinstance(claim, ChangeClaim)
                and claim.magnitude is not None
                and claim.direction.sign == -change.direction.sign
            ):  # a cited change the other way ("…不再安排，减少72.58万元") offsets the rest
                cited -= claim.magnitude.yuan
                halves.append(money_half(claim.unit, claim.places))
        if not halves:
            continue
        bound = sum(halves, money_half(change.unit, change.places))
        if cited - change.magnitude.yuan >= bound:
            about: list[Claim] = [reason, change]
            about += [book.by_id[c] for c in reason.cites if c in book.by_id]
            yield book.finding(
                "narrative.reasons_exceed",
                Severity.WARNING,
                about,
                subject=change.subject.name,
                verb=change.direction.value,
                delta=change.delta,
                cited=Money(cited),
                expected=change.magnitude,
                actual=Money(cited),
            )


# ---------------------------------------------------------------- residue and wording


def _base_typo(book: Book) -> Iterator[Finding]:
    """ "较上线增加": a misspelt comparison base."""
    for change in book.of(ChangeClaim):
        if change.base.typo:
            yield book.finding("narrative.base_typo", Severity.NOTE, [change], text=change.base.raw)


def _percent_sign(book: Book) -> Iterator[Finding]:
    """A rate printed without its % sign ("增长13.95。")."""
    for rate in book.of(PercentClaim):
        if not rate.has_sign:
            yield book.finding(
                "narrative.percent_sign",
                Severity.WARNING,
                [rate],
                subject=rate.subject.name,
                text=rate.text,
            )


STATEMENT_RULES: tuple[Callable[[Book], Iterator[Finding]], ...] = (
    _restated_change,
    _restated_amount,
    *DIRECTION_RULES,
    _delta_prior,
    _reasons_exceed,
    *RESIDUE_RULES,
    _base_typo,
    _percent_sign,
    *YEAR_RULES,
)
