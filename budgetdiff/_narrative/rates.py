"""
Rates against the figures they are computed from: growth (增长/下降 X%) over
the prior year, execution (完成预算的 X%) over the budget, and a change that
would make last year negative.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

from budgetdiff._model.findings import Finding, Severity
from budgetdiff._model.money import Money
from budgetdiff._model.rounding import (
    Interval,
    PercentFit,
    explain_percent,
    implied_growth,
    implied_growth_from_prior,
    implied_ratio,
    nearest,
)

from .book import (
    Book,
    amount_interval,
    change_interval,
    inputs_of,
)
from .claims import (
    AmountClaim,
    ChangeClaim,
    Claim,
    PercentClaim,
    PercentRole,
    Period,
)

_HUNDRED = Decimal(100)


# ---------------------------------------------------------------- growth rates


def _growth(book: Book) -> Iterator[Finding]:
    """增长/下降 X% against the current figure and the change, or both years' figures."""
    for rate in book.of(PercentClaim):
        if rate.role is not PercentRole.GROWTH or rate.reason is not None:
            continue
        change = book.get(rate.change, ChangeClaim)
        current = book.get(change.current if change else rate.part, AmountClaim)
        prior = book.get(change.prior if change else rate.prior, AmountClaim)
        if current is None:
            continue
        now = amount_interval(current)
        about: list[Claim]
        if change is not None and prior is not None:
            # both years printed: the rate is theirs; `_delta_prior` checks the change
            stated = change_interval(change)
            if (change.direction.sign or 0) * rate.signed < 0 or stated is None:
                continue
            before = amount_interval(prior)
            if _fits(rate, implied_ratio(stated, before)) and not _fits(
                rate, implied_growth_from_prior(before, now)
            ):
                continue  # the rate is the stated change's: `_delta_prior` reports the change
            delta, about = now - before, [rate, prior, current]
            implied = implied_growth_from_prior(before, now)
            change = None
        elif change is not None:
            stated = change_interval(change)
            if stated is None or (change.direction.sign or 0) * rate.signed < 0:
                continue  # no sign to compare, or a direction contradiction (reported elsewhere)
            delta, before, about = stated, now - stated, [rate, change, current]
            implied = implied_growth(now, delta)
        elif prior is not None:
            before = amount_interval(prior)
            delta, about = now - before, [rate, prior, current]
            implied = implied_growth_from_prior(before, now)
        else:
            continue
        if before.contains_zero():
            if current.amount.is_zero():
                continue  # 0 → 0: nothing grew; `_zero_direction` speaks of "增加0万元" once
            if _pinned_at_zero(current, change, prior):
                yield _zero_base(book, rate, current, change)
            continue  # a prior year rounding cannot tell from zero: a rate cannot be judged
        if implied is None:
            continue  # a negative prior year: `_negative_prior` reports it
        if change is None and _fits(rate, -implied):
            continue  # only the direction is wrong: `_direction` reports it, once
        alternatives = [("current", implied_ratio(delta, now))]
        alternatives += _restated_priors(book, change, current, delta)
        alternatives += _restated_currents(book, current, delta, prior)
        yield from _judge_rate(book, rate, implied, alternatives, about, current, prior)


def _fits(rate: PercentClaim, implied: Interval | None) -> bool:
    """Whether a printed rate rounds from some value of *implied*."""
    matches = explain_percent(rate.signed, rate.places, [("it", implied)])
    return bool(matches) and matches[0].fit is PercentFit.ROUNDED


def _restated_priors(
    book: Book, change: ChangeClaim | None, current: AmountClaim, delta: Interval
) -> list[tuple[str, Interval | None]]:
    """Growth over the prior year another statement of the same change implies."""
    if change is None:
        return []
    found: list[tuple[str, Interval | None]] = []
    for other in book.of(ChangeClaim):
        other_delta = change_interval(other)
        if (
            other.id == change.id
            or other_delta is None
            or other.subject.name != change.subject.name
            or not other.base.comparable(change.base)
            or other_delta.overlaps(delta)
        ):
            continue
        prior = amount_interval(current) - other_delta
        found.append((f"restated:{other.id}", implied_ratio(delta, prior)))
    return found


def _restated_currents(
    book: Book, current: AmountClaim, delta: Interval, prior: AmountClaim | None
) -> list[tuple[str, Interval | None]]:
    """Growth over another figure stated for the same subject's current year."""
    found: list[tuple[str, Interval | None]] = []
    for other in book.of(AmountClaim):
        if (
            other.id == current.id
            or other.period is not Period.CURRENT
            or other.subject.name != current.subject.name
            or other.section != current.section
            or amount_interval(other).overlaps(amount_interval(current))
        ):
            continue
        if prior is not None:
            implied = implied_growth_from_prior(amount_interval(prior), amount_interval(other))
        else:
            implied = implied_growth(amount_interval(other), delta)
        found.append((f"other_current:{other.id}", implied))
    return found


def _judge_rate(
    book: Book,
    rate: PercentClaim,
    implied: Interval,
    alternatives: list[tuple[str, Interval | None]],
    about: list[Claim],
    current: AmountClaim,
    prior: AmountClaim | None,
) -> Iterator[Finding]:
    """A growth rate that fits, fits only by truncation, fits only a wrong base, or nothing."""
    matches = explain_percent(rate.signed, rate.places, [("right", implied), *alternatives])
    expected = nearest(implied, rate.places)
    common: dict[str, Any] = {
        "subject": rate.subject.name,
        "stated": rate.signed,
        "expected": expected,
        "actual": rate.signed,
        "inputs": inputs_of(about[1:]),
    }
    words = {"what": "growth"}
    if matches and matches[0].name == "right":
        if matches[0].fit is PercentFit.TRUNCATED:
            yield book.finding(
                "narrative.truncated_percent", Severity.WARNING, about, **words, **common
            )
        return
    if matches:
        match = matches[0]
        base, extra = _base_data(book, match.name)
        yield book.finding(
            "narrative.percent_base",
            Severity.ERROR,
            [*about, *extra],
            truncated=match.fit is PercentFit.TRUNCATED,
            **base,
            **words,
            **common,
        )
        return
    change = about[1] if isinstance(about[1], ChangeClaim) else None
    yield book.finding(
        "narrative.delta_growth",
        Severity.ERROR,
        about,
        current=current.amount,
        delta=change.delta if change else None,
        prior=prior.amount if prior else None,
        verb=change.direction.value if change else "",
        rate_verb="增长" if rate.signed >= 0 else "下降",
        expected_verb="增长" if implied.middle >= 0 else "下降",  # computed, not copied
        low=min(abs(implied.low), abs(implied.high)),
        high=max(abs(implied.low), abs(implied.high)),
        **common,
    )


def _base_data(book: Book, name: str) -> tuple[dict[str, Any], list[Claim]]:
    """What a wrong base was, for the message: its kind and the claim it came from."""
    kind, _, ref = name.partition(":")
    other = book.by_id.get(int(ref)) if ref else None
    data: dict[str, Any] = {"base": kind, "other_line": None, "other_amount": None}
    if other is not None:
        data["other_line"] = other.line
        if isinstance(other, AmountClaim):
            data["other_amount"] = other.amount
    return data, [other] if other is not None else []


def _pinned_at_zero(
    current: AmountClaim, change: ChangeClaim | None, prior: AmountClaim | None
) -> bool:
    """True when the printed figures say last year was nothing: the change is all of this year."""
    if prior is not None:
        return prior.amount.is_zero()
    return change is not None and change.magnitude == current.amount


def _zero_base(
    book: Book, rate: PercentClaim, current: AmountClaim, change: ChangeClaim | None
) -> Finding:
    about: list[Claim] = [rate, current] + ([change] if change else [])
    return book.finding(
        "narrative.zero_base_growth",
        Severity.ERROR,
        about,
        subject=rate.subject.name,
        current=current.amount,
        delta=change.delta if change else None,
        stated=rate.signed,
        rate_verb="增长" if rate.signed >= 0 else "下降",
        actual=rate.signed,
        inputs=inputs_of(about[1:]),
    )


# ---------------------------------------------------------------- execution rates


def _execution(book: Book) -> Iterator[Finding]:
    """完成(年初)预算的X% against the final and budget figures."""
    for rate in book.of(PercentClaim):
        final = book.get(rate.part, AmountClaim)
        budget = book.get(rate.whole, AmountClaim)
        if rate.role is not PercentRole.EXECUTION or final is None or budget is None:
            continue
        about: list[Claim] = [rate, final, budget]
        common: dict[str, Any] = {
            "subject": rate.subject.name,
            "stated": rate.value,
            "actual": rate.value,
            "inputs": inputs_of(about[1:]),
            "budget": budget.amount,
            "final": final.amount,
        }
        implied = implied_ratio(amount_interval(final), amount_interval(budget))  # None on 0
        other = _other_budget(book, budget)
        alternatives = []
        if other is not None:
            name, claim = other
            wrong = implied_ratio(amount_interval(final), amount_interval(claim))
            alternatives.append((f"{name}:{claim.id}", wrong))
        matches = explain_percent(rate.value, rate.places, [("right", implied), *alternatives])
        expected = nearest(implied, rate.places) if implied is not None else None
        if matches and matches[0].name == "right":
            if matches[0].fit is PercentFit.TRUNCATED:
                yield book.finding(
                    "narrative.truncated_percent",
                    Severity.WARNING,
                    about,
                    what="execution",
                    expected=expected,
                    **common,
                )
        elif matches:
            base, extra = _base_data(book, matches[0].name)
            yield book.finding(
                "narrative.percent_base",
                Severity.ERROR,
                [*about, *extra],
                what="execution",
                truncated=matches[0].fit is PercentFit.TRUNCATED,
                expected=expected,
                **base,
                **common,
            )
        else:
            yield book.finding(
                "narrative.execution_rate",
                Severity.ERROR,
                about,
                zero_base=implied is None,
                low=implied.low if implied else None,
                high=implied.high if implied else None,
                expected=expected,
                **common,
            )


def _other_budget(book: Book, budget: AmountClaim) -> tuple[str, AmountClaim] | None:
    """The 全年预算 beside a 年初预算 (or the reverse), for a rate computed over the wrong one."""
    wanted = Period.ADJUSTED if budget.period is Period.BUDGET else Period.BUDGET
    for claim in book.of(AmountClaim):
        if (
            claim.period is wanted
            and claim.subject.name == budget.subject.name
            and claim.section == budget.section
        ):
            return ("adjusted" if wanted is Period.ADJUSTED else "budget"), claim
    return None


# ---------------------------------------------------------------- changes larger than the figure


def _negative_prior(book: Book) -> Iterator[Finding]:
    """比上年增加X万元 where X exceeds this year's figure: last year would be negative."""
    for change in book.of(ChangeClaim):
        current = book.get(change.current, AmountClaim)
        delta = change_interval(change)
        if current is None or delta is None or change.reason is not None:
            continue
        prior = amount_interval(current) - delta
        if prior.high < 0:
            yield book.finding(
                "narrative.negative_prior",
                Severity.ERROR,
                [change, current],
                subject=change.subject.name,
                current=current.amount,
                delta=change.delta,
                prior=Money(prior.middle),
                actual=change.delta,
                inputs=inputs_of([current]),
            )


RATE_RULES: tuple[Callable[[Book], Iterator[Finding]], ...] = (_growth, _execution, _negative_prior)
