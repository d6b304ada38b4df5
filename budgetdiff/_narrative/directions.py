"""
Direction words against what they describe (``narrative.direction``,
``narrative.zero_direction``): a change's or a rate's word against the sign of its
figures; a reason's summary ("收入减少的主要原因是…") against the change it explains; the
parts a reason names ("主要原因是：会议经费增加") when every one moved the other way; a
direction stated with no figure beside both years' figures ("12.00万元，上年:20.00万元，
主要…经费增加").

A reason may truly name a part that moved against the whole, when other parts explain
the rest ("减少…，主要是A减少，B有所增加"), or a figure whose rise lowers the whole
(上年结转 rising, 退休 rising): so only a reason whose every direction word opposes the
change, each said of money (…经费, …支出, …资金), with no "同时"/"部分"/"但", is one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from decimal import Decimal

from budgetdiff._model.findings import Finding, Severity
from budgetdiff._model.money import Money

from . import patterns as pat
from .book import Book, money_half
from .claims import (
    AmountClaim,
    BaseKind,
    ChangeClaim,
    Claim,
    CountClaim,
    Direction,
    PercentClaim,
    PercentRole,
    Period,
    ReasonClaim,
)

_NEARLY = Decimal("0.01")  # "基本持平": within 1%
_MONEY = re.compile(r"(?:经费|资金|支出|拨款|收入|费用|费|补助|补贴|投入|预算|项目)$")
"""A subject that is money: its rise is the whole's rise."""
_INVERSE = re.compile(r"结转|结余|退休|离休|收回|上缴|缴回|减免|抵|扣|成本|人员")
"""Subjects whose rise can lower the whole: carry-over, retirees, money paid back."""
_CONCESSIVE = re.compile(r"虽|但|同时|一方面|另一方面|部分|抵|冲|相应|其中|以及|此外|另外|而|及")
_CLAUSE = re.compile(r"[，,；;、。：:]")
_SUFFIX = re.compile(r"(?:合计|总计|总额|总预算|预算数?|决算数?|总|数|的)+$")


def _direction(book: Book) -> Iterator[Finding]:
    """A direction word against the sign of the figures it describes."""
    for change in book.of(ChangeClaim):
        current = book.get(change.current, AmountClaim)
        prior = book.get(change.prior, AmountClaim)
        if change.reason is not None or current is None or prior is None or change.magnitude:
            continue
        yield from _against_figures(book, change, current, prior)
    for rate in book.of(PercentClaim):
        if rate.role is not PercentRole.GROWTH or rate.direction is None:
            continue
        stated = book.get(rate.change, ChangeClaim)
        if stated is not None and _opposite(stated.direction, rate.direction):
            yield book.finding(
                "narrative.direction",
                Severity.ERROR,
                [rate, stated],
                subject=rate.subject.name,
                said=stated.text,
                said_rate=rate.text,
                opposite=True,
                form="",
            )
        prior = book.get(rate.prior, AmountClaim)
        current = book.get(rate.part, AmountClaim)
        if stated is None and prior is not None and current is not None:
            yield from _against_figures(book, rate, current, prior)


def _opposite(first: Direction, second: Direction) -> bool:
    a, b = first.sign, second.sign
    return a is not None and b is not None and a * b < 0


def _against_figures(
    book: Book, claim: ChangeClaim | PercentClaim, current: AmountClaim, prior: AmountClaim
) -> Iterator[Finding]:
    direction = claim.direction
    if direction is None or direction.sign is None:
        return
    gap = current.amount.yuan - prior.amount.yuan
    bound = money_half(current.unit, current.places) + money_half(prior.unit, prior.places)
    nearly = "基本" in claim.text
    if direction is Direction.FLAT:
        allowed = abs(prior.amount.yuan) * _NEARLY if nearly else Decimal(0)
        wrong = abs(gap) >= bound and abs(gap) > allowed
    else:
        wrong = abs(gap) < bound or (gap > 0) != (direction.sign > 0)
    if not wrong:
        return
    yield book.finding(
        "narrative.direction",
        Severity.ERROR,
        [claim, prior, current],
        subject=claim.subject.name,
        said=claim.text,
        said_rate="",
        opposite=False,
        form="",
        final=claim.base is not None and claim.base.kind is BaseKind.ANNUAL_BUDGET,
        relation=(gap > 0) - (gap < 0),
        current=current.amount,
        prior=prior.amount,
        expected=Money(gap),
        inputs=(("current", current.amount), ("prior", prior.amount)),
    )


def _zero_direction(book: Book) -> Iterator[Finding]:
    """增加/减少 0万元: a direction stated on no change."""
    for change in book.of(ChangeClaim):
        if (
            change.direction in {Direction.INCREASE, Direction.DECREASE}
            and change.magnitude is not None
            and change.magnitude.is_zero()
        ):
            yield book.finding(
                "narrative.zero_direction",
                Severity.WARNING,
                [change],
                subject=change.subject.name,
                said=change.text,
                against=_base_words(change),
            )
    for count in book.of(CountClaim):
        if count.direction in {Direction.INCREASE, Direction.DECREASE} and count.count == 0:
            yield book.finding(
                "narrative.zero_direction",
                Severity.WARNING,
                [count],
                subject=count.subject.name,
                said=count.text,
                against=_base_words(count),
            )


def _base_words(claim: ChangeClaim | CountClaim) -> str:
    """What the change is measured against, in the document's words: 上年, 预算, 2023年预算."""
    raw = claim.base.raw if claim.base is not None else ""
    words = re.sub(r"^(?:相较|对比|比|较|与|同)\s*", "", raw).removesuffix("相比").strip()
    return "上年" if not words or raw in {"同比", "环比"} else words


# ---------------------------------------------------------------- reasons and words


def _sign(claim: Claim | None) -> int | None:
    """+1 or −1 for a change or growth rate that states a rise or a fall."""
    if isinstance(claim, ChangeClaim) or (
        isinstance(claim, PercentClaim) and claim.role is PercentRole.GROWTH
    ):
        direction = claim.direction
        sign = direction.sign if direction is not None else None
        return sign if sign in {1, -1} else None
    return None


def _related(summary: str, subject: str) -> bool:
    """Whether a reason's summary ("收入减少的…") speaks of the change's subject (收入合计)."""
    a, b = _SUFFIX.sub("", summary), _SUFFIX.sub("", subject)
    return not a or (bool(b) and (a in b or b in a))


def _split(reason: ReasonClaim) -> tuple[str, str] | None:
    """A reason's lead-in clause ("财政拨款收入支出增加") and its body, as printed."""
    sentence = pat.clean(reason.sentence)
    at = sentence.find(reason.text)
    lead = pat.REASON.match(reason.text)
    if at < 0 or lead is None:
        return None
    before = _CLAUSE.split(sentence[:at])[-1]
    return before, reason.text[lead.end() :]


def _words(body: str) -> list[tuple[int, str]] | None:
    """
    The direction words of a reason's body, each with its sign and the money it is said
    of; None when any is said of no money, of a figure that can move against the whole,
    or when the body weighs one thing against another.
    """
    if _CONCESSIVE.search(body) or pat.UNCHOSEN.search(body):
        return None
    found: list[tuple[int, str]] = []
    for clause in _CLAUSE.split(body):
        for verb in pat.DIRECTION_WORD.finditer(clause):
            subject = pat.normalize_subject(clause[: verb.start()])
            sign = pat.direction_of(verb.group("verb")).sign
            if not _MONEY.search(subject) or _INVERSE.search(subject) or sign is None:
                return None
            found.append((sign, subject))
    return found


def _reason_direction(book: Book) -> Iterator[Finding]:
    """
    A reason's direction against the change it explains: its summary ("收入减少的主要原因
    是…" after 收入 rose) — an error; else its body, when every money it names moved the
    other way ("减少25.00%。主要原因是：会议经费增加") — a warning.
    """
    for reason in book.of(ReasonClaim):
        change = book.by_id.get(reason.explains) if reason.explains is not None else None
        sign = _sign(change)
        parts = _split(reason)
        if change is None or sign is None or parts is None or change.section != reason.section:
            continue
        lead, body = parts
        verb = pat.VERB_AT_END.search(lead)
        said = pat.direction_of(verb.group("verb")).sign if verb else None
        about = pat.normalize_subject(lead[: verb.start()]) if verb else ""
        if said == -sign and _related(about, change.subject.name):
            yield _against(book, "summary", Severity.ERROR, reason, change, lead, sign)
            continue
        words = _words(body)
        if words and all(s == -sign for s, _ in words):
            yield _against(book, "reason", Severity.WARNING, reason, change, body, sign)


def _against(
    book: Book,
    key: str,
    severity: Severity,
    reason: ReasonClaim,
    change: Claim,
    said: str,
    sign: int,
) -> Finding:
    return book.finding(
        "narrative.direction",
        severity,
        [reason, change],
        form=key,
        subject=change.subject.name,
        said=said.rstrip("。；;，,"),
        change=change.text,
        rise=sign > 0,
    )


def _unstated(book: Book) -> Iterator[Finding]:
    """
    A direction with no figure beside both years' figures of one subject ("12.00万元，
    上年:20.00万元，主要…经费增加"): the figures say which way it went.
    """
    stated = {
        (c.sentence, c.subject.name)
        for c in book.claims
        if isinstance(c, ChangeClaim)
        or (isinstance(c, PercentClaim) and c.role is PercentRole.GROWTH)
    }
    for prior in book.of(AmountClaim):
        if prior.period is not Period.PRIOR or (prior.sentence, prior.subject.name) in stated:
            continue
        current = next(
            (
                c
                for c in book.of(AmountClaim)
                if c.period is Period.CURRENT
                and c.sentence == prior.sentence
                and c.subject.name == prior.subject.name
                and c.id < prior.id
            ),
            None,
        )
        at = prior.sentence.find(prior.text) if current is not None else -1
        if current is None or at < 0 or prior.reason is not None:
            continue
        rest = pat.clean(prior.sentence[at + len(prior.text) :])
        if pat.FIGURE.search(rest):
            continue  # further figures: what the words are about is not these two
        gap = current.amount.yuan - prior.amount.yuan
        if abs(gap) < money_half(current.unit, current.places) + money_half(
            prior.unit, prior.places
        ):
            continue
        words = _words(pat.BASE.sub("经费", rest))  # "比2023年预算执行数增加": the item's own
        if not words or any(s == (1 if gap > 0 else -1) for s, _ in words):
            continue
        yield book.finding(
            "narrative.direction",
            Severity.WARNING,
            [prior, current],
            form="words",
            subject=current.subject.name,
            said=rest.strip("，,。；; "),
            current=current.amount,
            prior=prior.amount,
            relation=1 if gap > 0 else -1,
            expected=Money(gap),
        )


DIRECTION_RULES: tuple[Callable[[Book], Iterator[Finding]], ...] = (
    _direction,
    _zero_direction,
    _reason_direction,
    _unstated,
)
