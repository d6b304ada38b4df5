"""
A change broken down in its reason: "减少100万元，主要是A减少120万元，B增加30万元", or
"主要变动原因如下：" followed by numbered items each stating one part's change.

The parts a reason names need not be all of them ("主要是"), so their sum is held to
the change only where the reason presents itself as the account of it: when it lists
moves both ways (a writer who offsets one part against another is adding up), or when
the parts named are all of a whole's standard parts (基本支出's 人员经费 and 公用经费,
支出's 基本支出 and 项目支出).  A reason citing amounts, not changes, is
``narrative.reasons_exceed``'s to judge.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from budgetdiff._model.findings import Finding, Severity
from budgetdiff._model.money import Money
from budgetdiff._model.rounding import SumVerdict, check_sum

from .book import Book, money_half
from .claims import ChangeClaim, ListClaim, ReasonClaim

_PARTITIONS = (
    frozenset({"基本", "项目"}),
    frozenset({"人员经费", "公用经费"}),
    frozenset({"工资福利", "商品和服务", "对个人和家庭的补助"}),
    frozenset({"工资福利", "商品和服务", "对个人和家庭的补助", "资本性"}),
)
"""Standard parts that make up their whole (names without 支出): naming all is naming the whole."""


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
        signs = {p.delta.yuan > 0 for p in parts if p.delta is not None and p.delta.yuan}
        if len(signs) < 2 and not _whole_partition(parts):
            continue
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
            Severity.WARNING,
            [change, *parts],
            subject=change.subject.name,
            delta=change.delta,
            parts=[{"subject": p.subject.name, "delta": p.delta} for p in parts],
            total=Money(result.parts),
            gap=Money(abs(change.delta.yuan - result.parts)),
            expected=change.delta,
            actual=Money(result.parts),
        )


BREAKDOWN_RULES: tuple[Callable[[Book], Iterator[Finding]], ...] = (_reason_parts,)
