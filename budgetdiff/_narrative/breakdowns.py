"""
A change broken down in its reason: "减少100万元，主要是A减少120万元，B增加30万元", or
"主要变动原因如下：" followed by numbered items each stating one part's change.

The parts a reason names need not be all of them ("主要是"), so their sum is held to
the change only where the reason presents itself as the account of it: when it lists
moves both ways (a writer who offsets one part against another is adding up), or when
the parts named are all of a whole's standard parts (基本支出's 人员经费 and 公用经费,
支出's 基本支出 and 项目支出).  A reason citing amounts, not changes, is
``narrative.reasons_exceed``'s to judge.

Parts each stated as a share of one whole, when they are all its standard parts, are held
to the whole stated elsewhere.  A part's rate is also held to its whole's: a part's change
and rate imply its prior (change / rate), which cannot exceed the prior its whole's imply.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from decimal import Decimal

from budgetdiff._model.findings import Finding, Severity
from budgetdiff._model.money import Money
from budgetdiff._model.rounding import SumVerdict, check_sum, half_step

from .book import Book, money_half
from .claims import (
    AmountClaim,
    ChangeClaim,
    ListClaim,
    PercentClaim,
    PercentRole,
    Period,
    ReasonClaim,
)
from .patterns import name_core

_HUNDRED = Decimal(100)
_ANNOUNCED = re.compile(r"^(?:的)?(?:主要)?(?:变动|变化|增减)?原因.{0,6}[：:]\s*$")
"""A reason that announces its breakdown: its parts follow as numbered items."""

_PARTITIONS = (
    frozenset({"基本", "项目"}),
    frozenset({"人员经费", "公用经费"}),
    frozenset({"工资福利", "商品和服务", "对个人和家庭的补助", "资本性"}),
)
"""
Standard parts that make up their whole (names without 支出): naming all is naming the whole.
工资福利, 商品和服务 and 对个人和家庭的补助 alone are not all of 基本支出: it may hold 资本性支出.
"""
_HEDGES = re.compile(r"其中|以及|其他|等|相应|部分|同时|此外|另外")
"""Words by which a reason says it lists only some moves, or moves inside a part."""


def _standard(name: str) -> str:
    return name.removesuffix("支出").replace("对个人和家庭补助", "对个人和家庭的补助")


def _whole_partition(parts: list[ChangeClaim]) -> bool:
    return frozenset(_standard(p.subject.name) for p in parts) in _PARTITIONS


def _listed(book: Book, change: ChangeClaim, parts: list[ChangeClaim]) -> bool:
    """Whether a list already holds these parts to this change (``narrative.parts_sum``'s)."""
    wanted = {p.id for p in parts}
    return any(lst.whole == change.id and wanted & set(lst.parts) for lst in book.of(ListClaim))


def _reason_parts(book: Book) -> Iterator[Finding]:
    """The changes a reason accounts for a change with, against the change."""
    for reason in book.of(ReasonClaim):
        change = book.get(reason.explains, ChangeClaim)
        if change is None or change.delta is None:
            continue
        cited = [book.by_id.get(c) for c in reason.cites]
        parts = [
            c
            for c in cited
            if isinstance(c, ChangeClaim)
            and c.delta is not None
            and c.subject.name != change.subject.name
            and c.base.comparable(change.base)
        ]
        if len(parts) < 2 or len(parts) != len(cited):
            continue
        block = _ANNOUNCED.match(reason.text) is not None
        whole = _whole_partition(parts)
        if not whole and (not block and _HEDGES.search(reason.text)):
            continue
        signs = {p.delta.yuan > 0 for p in parts if p.delta is not None and p.delta.yuan}
        if len(signs) < 2 and not whole:
            continue
        # "主要是A减少a，B增加b" may leave out smaller moves: said as a note; a whole's
        # standard parts, or a breakdown announced as such ("原因如下："), as a warning
        severity = Severity.WARNING if whole or block else Severity.NOTE
        if _listed(book, change, parts):
            continue
        result = check_sum(
            [(p.delta.yuan, money_half(p.unit, p.places)) for p in parts if p.delta is not None],
            (change.delta.yuan, money_half(change.unit, change.places)),
        )
        if result.verdict is not SumVerdict.MISMATCH:
            continue
        yield book.finding(
            "narrative.reason_parts",
            severity,
            [change, *parts],
            subject=change.subject.name,
            delta=change.delta,
            parts=[{"subject": p.subject.name, "delta": p.delta} for p in parts],
            total=Money(result.parts),
            gap=Money(abs(change.delta.yuan - result.parts)),
            expected=change.delta,
            actual=Money(result.parts),
        )


def _rates(book: Book) -> dict[int, PercentClaim]:
    """Each change's growth rate, where the narrative states one."""
    return {
        p.change: p
        for p in book.of(PercentClaim)
        if p.role is PercentRole.GROWTH and p.change is not None and p.value
    }


def _prior_bounds(change: ChangeClaim, rate: PercentClaim) -> tuple[Decimal, Decimal] | None:
    """The range of last year's figure a change and its rate imply (delta / rate), in 元."""
    if change.magnitude is None:
        return None
    delta = abs(change.magnitude.yuan)
    d_half = money_half(change.unit, change.places)
    r_half = half_step(rate.places)
    if delta <= d_half:
        return None
    low = (delta - d_half) / (rate.value + r_half) * _HUNDRED
    high = (delta + d_half) / (rate.value - r_half) * _HUNDRED if rate.value > r_half else None
    return low, high if high is not None else Decimal("Infinity")


def _part_rates(book: Book) -> Iterator[Finding]:
    """
    A part's change and rate cannot imply a prior larger than its whole's: "基本支出较上年增
    10万元，增幅10%" (last year 100) and, among its parts, "对个人和家庭补助较上年增0.2万元，
    增幅0.01%" (last year 2,000).
    """
    rates = _rates(book)
    pairs: list[tuple[ChangeClaim, list[ChangeClaim]]] = []
    for whole_id, part_ids in (
        *((r.explains, r.cites) for r in book.of(ReasonClaim)),
        *((lst.whole, lst.parts) for lst in book.of(ListClaim)),
    ):
        whole = book.get(whole_id, ChangeClaim)
        if whole is not None:
            found = (book.get(c, ChangeClaim) for c in part_ids)
            pairs.append((whole, [p for p in found if p is not None]))
    seen: set[int] = set()
    for whole, parts in pairs:
        whole_rate = rates.get(whole.id)
        bounds = _prior_bounds(whole, whole_rate) if whole_rate is not None else None
        if bounds is None or whole_rate is None:
            continue
        for part in parts:
            part_rate = rates.get(part.id)
            mine = _prior_bounds(part, part_rate) if part_rate is not None else None
            if (
                mine is None
                or part_rate is None
                or part.id in seen
                or part.subject.name == whole.subject.name
                or not part.base.comparable(whole.base)
                or mine[0] <= bounds[1]
            ):
                continue
            seen.add(part.id)
            yield book.finding(
                "narrative.part_rate",
                Severity.WARNING,
                [part, part_rate, whole, whole_rate],
                subject=part.subject.name,
                whole=whole.subject.name,
                delta=part.delta,
                rate=part_rate.value,
                prior=Money(mine[0]),
                whole_delta=whole.delta,
                whole_rate=whole_rate.value,
                whole_prior=Money(bounds[1]),
            )


_WHOLES = {
    frozenset({"基本", "项目"}): "支出",
    frozenset({"人员经费", "公用经费"}): "基本支出",
    frozenset({"工资福利", "商品和服务", "对个人和家庭的补助", "资本性"}): "基本支出",
}
"""The whole each set of standard parts makes up."""


def _standard_shares(book: Book) -> Iterator[Finding]:
    """
    Parts each stated as a share of one whole ("…占基本支出预算80.00%") that are all of the
    whole's standard parts must add up to the whole the narrative states elsewhere
    ("2024年一般公共预算基本支出1000元"), though no list ties them together.
    """
    by_whole: dict[str, dict[int, AmountClaim]] = {}
    for share in book.of(PercentClaim):
        part = book.get(share.part, AmountClaim)
        if share.role is PercentRole.SHARE and share.whole_name and part is not None:
            by_whole.setdefault(share.whole_name, {})[part.id] = part
    for whole_name, members in by_whole.items():
        parts = list(members.values())
        wants = _WHOLES.get(frozenset(_standard(p.subject.name) for p in parts))
        if wants is None or not whole_name.endswith(wants):
            continue
        wholes = {
            w.amount: w
            for w in book.of(AmountClaim)
            if w.period is Period.CURRENT
            and w.id not in members
            and not w.per
            and name_core(w.subject.name).endswith(whole_name)
            and book.parent_whole(w.id) is None  # the 基本支出 of all funds, a part of 支出
        }
        if len(wholes) != 1 or any(_listed_under(book, p) for p in parts):
            continue
        whole = next(iter(wholes.values()))
        result = check_sum(
            [(p.amount.yuan, money_half(p.unit, p.places)) for p in parts],
            (whole.amount.yuan, money_half(whole.unit, whole.places)),
        )
        if result.verdict is SumVerdict.MISMATCH:
            yield book.finding(
                "narrative.standard_parts",
                Severity.WARNING,
                [whole, *parts],
                whole=whole.subject.name,
                amount=whole.amount,
                names=[p.subject.name for p in parts],
                total=Money(result.parts),
                gap=Money(abs(whole.amount.yuan - result.parts)),
                expected=whole.amount,
                actual=Money(result.parts),
            )


def _listed_under(book: Book, part: AmountClaim) -> bool:
    """Whether a list already holds *part* under a whole (``narrative.parts_sum``'s)."""
    return book.parent_whole(part.id) is not None


BREAKDOWN_RULES: tuple[Callable[[Book], Iterator[Finding]], ...] = (
    _reason_parts,
    _part_rates,
    _standard_shares,
)
