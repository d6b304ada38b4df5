"""
Parts against their whole, and shares against their amounts and against 100%,
with rounding as arithmetic: a gap the printed precision explains is a note.
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
    SumVerdict,
    check_sum,
    explain_percent,
    half_step,
    implied_share,
    nearest,
    sum_interval,
)

from .book import Book, amount_interval, inputs_of, money_half, shown, style_of
from .claims import (
    AmountClaim,
    ChangeClaim,
    Claim,
    CountClaim,
    ListClaim,
    PercentClaim,
    PercentRole,
    Period,
    QuantityClaim,
)
from .lists import same_whole
from .scope import outside

_HUNDRED = Decimal(100)


# ---------------------------------------------------------------- parts and wholes


def _value(claim: Claim) -> tuple[Decimal, Decimal, str] | None:
    """A figure as (value, half-step, unit word) for sums; None when it cannot be added."""
    if isinstance(claim, AmountClaim):
        return claim.amount.yuan, money_half(claim.unit, claim.places), ""
    if isinstance(claim, ChangeClaim):
        delta = claim.delta
        if delta is None:
            return None
        return delta.yuan, money_half(claim.unit, claim.places), ""
    if isinstance(claim, CountClaim):
        sign = claim.direction.sign if claim.direction else 1
        if sign is None:
            return None
        return Decimal(sign * claim.count), Decimal(0), claim.unit
    if isinstance(claim, QuantityClaim):
        return claim.value, half_step(claim.places), claim.unit
    return None


def _parts(book: Book) -> Iterator[Finding]:
    """Parts against their whole, with rounding as arithmetic."""
    for lst in book.of(ListClaim):
        whole = book.by_id.get(lst.whole) if lst.whole is not None else None
        parts = [book.by_id[p] for p in lst.parts if p in book.by_id]
        if whole is None:
            continue
        name = whole.subject.name or lst.subject.name
        parts = [p for p in parts if not outside(name, p.subject.name)]
        whole_value = _value(whole)
        values = [_value(p) for p in parts]
        if not parts or whole_value is None or any(v is None for v in values):
            continue
        if isinstance(whole, ChangeClaim) and (
            len(parts) < 2 or not lst.exhaustive or _fewer_than_listed(book, lst, name)
        ):
            continue  # the change of a part not listed may go either way
        known = [v for v in values if v is not None]
        result = check_sum([(v, h) for v, h, _ in known], (whole_value[0], whole_value[1]))
        if result.verdict is SumVerdict.EXACT or _enumerates_change(book, whole, known):
            continue
        prefix = _prefix_sums(known, whole_value)
        if result.verdict is SumVerdict.ROUNDING or prefix:
            severity = Severity.NOTE
        elif result.gap > 0 or (lst.exhaustive and len(parts) > 1):
            severity = Severity.ERROR
        else:
            continue  # a partial list ("主要包括") may fall short of its whole
        if severity is Severity.ERROR and any(
            getattr(c, "approximate", False) for c in (whole, *parts)
        ):
            severity = Severity.WARNING
        unit = whole_value[2]
        style = style_of([whole, *parts])
        visible = result.bound > 0 and (bool(unit) or shown(result.bound, style))
        yield book.finding(
            "narrative.parts_sum",
            severity,
            [whole, *parts],
            subject=whole.subject.name or lst.subject.name,
            changes=isinstance(whole, ChangeClaim),
            unit=unit,
            whole=_shown(result.total, unit),
            parts=_shown(result.parts, unit),
            gap=_shown(result.gap, unit),
            bound=_shown(result.bound, unit) if visible else None,
            style=style,
            count=len(parts),
            rounding=result.verdict is SumVerdict.ROUNDING,
            prefix=prefix,
            expected=_shown(result.total, unit),
            actual=_shown(result.parts, unit),
            inputs=inputs_of(parts),
        )


def _fewer_than_listed(book: Book, lst: ListClaim, name: str) -> bool:
    """
    Whether another list of the same whole names more parts than *lst*: the changes of
    "其中：公务用车…，公务接待费…" leave out the 因公出国费 listed before (0 this year,
    perhaps not last year), so they need not add up to the whole's change.
    """
    return any(
        len(other.parts) > len(lst.parts)
        for other in book.of(ListClaim)
        if other.id != lst.id and same_whole(other.subject.name, name)
    )


def _prefix_sums(
    parts: list[tuple[Decimal, Decimal, str]], whole: tuple[Decimal, Decimal, str]
) -> int:
    """
    How many of the first parts make up the whole exactly when all of them do not
    (the rest lie beside it: "…，特岗教师5人，退休20人"); 0 when no such prefix.
    At least two: one part equal to its whole says nothing of the others.
    """
    for size in range(len(parts) - 1, 1, -1):
        result = check_sum([(v, h) for v, h, _ in parts[:size]], (whole[0], whole[1]))
        if result.verdict is SumVerdict.EXACT:
            return size
    return 0


def _enumerates_change(book: Book, whole: Claim, parts: list[tuple[Decimal, Decimal, str]]) -> bool:
    """
    Whether a list after an amount and its change lists the change, not the amount
    ("…比上年减少60万元…。其中：培训项目40万元，调研项目20万元").
    """
    if not isinstance(whole, AmountClaim):
        return False
    for change in book.of(ChangeClaim):
        if change.current != whole.id or change.magnitude is None:
            continue
        half = money_half(change.unit, change.places)
        result = check_sum([(v, h) for v, h, _ in parts], (change.magnitude.yuan, half))
        if result.verdict is not SumVerdict.MISMATCH:
            return True
    return False


def _shown(value: Decimal, unit: str) -> Money | Decimal:
    return value if unit else Money(value)


def _basic_split(book: Book) -> Iterator[Finding]:
    """人员经费 + 公用经费 = 基本支出, when the three are stated apart from a list."""
    listed = {p for lst in book.of(ListClaim) for p in lst.parts}
    by_section: dict[str, dict[str, AmountClaim]] = {}
    for claim in book.of(AmountClaim):
        if claim.period is not Period.CURRENT or claim.reason is not None:
            continue
        name = claim.subject.name
        key = "basic" if name.endswith("基本支出") else name
        if key in {"basic", "人员经费", "公用经费"}:
            by_section.setdefault(claim.section, {})[key] = claim
    for found in by_section.values():
        if len(found) < 3 or {found["人员经费"].id, found["公用经费"].id} <= listed:
            continue
        personnel, operating, basic = found["人员经费"], found["公用经费"], found["basic"]
        result = check_sum(
            [(c.amount.yuan, money_half(c.unit, c.places)) for c in (personnel, operating)],
            (basic.amount.yuan, money_half(basic.unit, basic.places)),
        )
        if result.verdict is SumVerdict.EXACT:
            continue
        yield book.finding(
            "narrative.basic_split",
            Severity.NOTE if result.verdict is SumVerdict.ROUNDING else Severity.ERROR,
            [basic, personnel, operating],
            personnel=personnel.amount,
            operating=operating.amount,
            parts=Money(result.parts),
            basic=basic.amount,
            expected=basic.amount,
            actual=Money(result.parts),
        )


# ---------------------------------------------------------------- shares


def _shares(book: Book) -> Iterator[Finding]:
    """占X%: each share against its part and whole, and the shares of one whole against 100%."""
    shares = [s for s in book.of(PercentClaim) if s.role is PercentRole.SHARE and s.reason is None]
    grouped: set[int] = set()
    adjusted: set[int] = set()  # shares of a group printed to make exactly 100%
    for lst in book.of(ListClaim):
        members = [s for s in shares if s.part in lst.parts and s.id not in grouped]
        whole = book.get(lst.whole, AmountClaim)
        if len(members) < 2:
            continue
        grouped.update(s.id for s in members)
        if _exactly_whole(members):
            adjusted.update(s.id for s in members)
        subject = whole.subject.name if whole is not None else lst.subject.name
        exhaustive = whole is not None and _adds_up(book, lst)
        yield from _share_sum(book, members, subject, exhaustive=exhaustive)
    # shares in no list: one group per section and named base (a partition each)
    loose: dict[tuple[str, str], list[PercentClaim]] = {}
    for share in shares:
        if share.id not in grouped and share.whole is None:
            loose.setdefault((share.section, share.whole_name), []).append(share)
    for (section, named), members in loose.items():
        if len(members) >= 2:
            if _exactly_whole(members):
                adjusted.update(s.id for s in members)
            yield from _share_sum(book, members, named or section, exhaustive=False)
            yield from _implied_whole_shares(book, members)
    for share in shares:
        part = book.get(share.part, AmountClaim)
        whole = book.get(share.whole, AmountClaim)
        if part is not None and whole is not None and part.id != whole.id:
            interval = amount_interval(whole)
            yield from _share_amount(
                book, share, part, interval, whole, adjusted=share.id in adjusted
            )


def _exactly_whole(members: list[PercentClaim]) -> bool:
    """
    Whether shares add to exactly 100%: printed so (the largest remainder given the last
    unit), each may then lie one printed unit from its own rounding.
    """
    return sum((s.value for s in members), Decimal(0)) == _HUNDRED


def _adds_up(book: Book, lst: ListClaim) -> bool:
    """Whether a list's parts make up its whole (so their shares must make 100%)."""
    whole = book.get(lst.whole, AmountClaim)
    parts = [book.get(p, AmountClaim) for p in lst.parts]
    if whole is None or any(p is None for p in parts):
        return False
    result = check_sum(
        [(p.amount.yuan, money_half(p.unit, p.places)) for p in parts if p is not None],
        (whole.amount.yuan, money_half(whole.unit, whole.places)),
    )
    return result.verdict is not SumVerdict.MISMATCH


def _share_sum(
    book: Book, members: list[PercentClaim], subject: str, *, exhaustive: bool
) -> Iterator[Finding]:
    result = check_sum([(s.value, half_step(s.places)) for s in members], (_HUNDRED, Decimal(0)))
    if result.verdict is SumVerdict.EXACT:
        return
    if result.verdict is SumVerdict.MISMATCH and not exhaustive and result.gap < 0:
        return  # the shares of a partial list may fall short of 100%
    yield book.finding(
        "narrative.share_sum",
        Severity.NOTE if result.verdict is SumVerdict.ROUNDING else Severity.ERROR,
        members,
        subject=subject,
        total=result.parts,
        gap=result.gap,
        count=len(members),
        rounding=result.verdict is SumVerdict.ROUNDING,
        expected=_HUNDRED,
        actual=result.parts,
    )


def _implied_whole_shares(book: Book, members: list[PercentClaim]) -> Iterator[Finding]:
    """Shares of an unnamed whole that add up to 100%: the whole is the sum of their parts."""
    parts = [book.get(s.part, AmountClaim) for s in members]
    if any(p is None for p in parts):
        return
    total = check_sum([(s.value, half_step(s.places)) for s in members], (_HUNDRED, Decimal(0)))
    if total.verdict is SumVerdict.MISMATCH:
        return
    whole = sum_interval(amount_interval(p) for p in parts if p is not None)
    adjusted = _exactly_whole(members)
    for share, part in zip(members, parts, strict=True):
        if part is not None:
            yield from _share_amount(book, share, part, whole, None, adjusted=adjusted)


def _share_amount(
    book: Book,
    share: PercentClaim,
    part: AmountClaim,
    whole: Interval,
    whole_claim: AmountClaim | None,
    *,
    adjusted: bool = False,
) -> Iterator[Finding]:
    implied = implied_share(amount_interval(part), whole)
    if implied is None:
        return
    if adjusted:  # one printed unit either way: the remainder given to make 100%
        unit = Decimal(1).scaleb(-share.places)
        if implied.low - unit <= share.value <= implied.high + unit:
            return
    matches = explain_percent(share.value, share.places, [("right", implied)])
    about: list[Claim] = [share, part] + ([whole_claim] if whole_claim else [])
    common: dict[str, Any] = {
        "subject": part.subject.name,
        "stated": share.value,
        "expected": nearest(implied, share.places),
        "actual": share.value,
        "inputs": inputs_of(about[1:]),
    }
    if matches:
        if matches[0].fit is PercentFit.TRUNCATED:
            yield book.finding(
                "narrative.truncated_percent",
                Severity.WARNING,
                about,
                what="share",
                **common,
            )
        return
    yield book.finding(
        "narrative.share_amount",
        Severity.ERROR,
        about,
        part=part.amount,
        whole=whole_claim.amount if whole_claim else Money(whole.middle),
        whole_subject=whole_claim.subject.name if whole_claim else "各项合计",
        low=implied.low,
        high=implied.high,
        **common,
    )


SUM_RULES: tuple[Callable[[Book], Iterator[Finding]], ...] = (_parts, _basic_split, _shares)
