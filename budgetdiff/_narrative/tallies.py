"""
Counts against what they count: "内设6个科室，分别是：办公室、财务科、…" names its
科室, and the number of names printed must be the number stated.

A list is taken as exhaustive only when it is a plain run of names joined by "、" (and a
last "和"/"及"), closed by the sentence's end and holding no figure, no "等" and no clause
of its own: "主要职能有5项：一是…；二是…" or "包括办公室、财务科等5个科室" are no such list.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from budgetdiff._model.findings import Finding, Severity

from .book import Book
from .claims import CountClaim

_UNITS = frozenset({"个", "家", "所", "项", "类", "处", "支"})
"""Measure words of things a text names one by one (科室, 单位, 项目…), not of people."""

_LEAD = re.compile(
    r"^(?P<noun>[\u4e00-\u9fff]{0,12}?)\s*[，,]?\s*"
    r"(?:(?:分别是|分别为|分别有|具体是|具体为|包括|即)\s*[:：]?|(?:为|是|有)?\s*[:：])\s*"
    r"(?P<names>[^。；;：:！!？?]+)[。；;]?$"
)
"""What follows the count in its sentence: the counted noun, a lead word, "：", the names."""

_BRACKETED = re.compile(r"[（(][^）)]*[）)]")
_LAST_JOIN = re.compile(r"(?:以及|和|及|与)")
_NAME = re.compile(r"^[\u4e00-\u9fff“”\"]{2,20}$")


def names_listed(after: str) -> tuple[str, ...] | None:
    """
    The names a count's sentence goes on to list, after the count, or None when what
    follows is no plain, complete list of names.
    """
    match = _LEAD.match(after.strip())
    if match is None:
        return None
    text = _BRACKETED.sub("", match.group("names")).strip()
    if re.search(r"\d|[，,]|等|其中|以下|如下", text):
        return None
    parts = text.split("、")
    if len(parts) < 2:
        return None
    *head, last = parts
    joined = _LAST_JOIN.split(last)
    names = [*head, *joined] if len(joined) == 2 else parts
    names = [name.strip() for name in names]
    if not all(_NAME.match(name) for name in names):
        return None
    return tuple(names)


def _count_names(book: Book) -> Iterator[Finding]:
    """A stated count of named things against the names printed after it."""
    counted = Counter(c.sentence for c in book.of(CountClaim) if c.unit in _UNITS)
    for claim in book.of(CountClaim):
        if claim.direction is not None or claim.unit not in _UNITS:
            continue
        if claim.sentence.count(claim.text) != 1:
            continue
        if counted[claim.sentence] > 1:
            continue  # "行政单位1家、事业单位2家，分别是：…" names the two counts' things
        after = claim.sentence[claim.sentence.index(claim.text) + len(claim.text) :]
        names = names_listed(after)
        if names is None or len(names) == claim.count:
            continue
        yield book.finding(
            "narrative.count_names",
            Severity.WARNING,
            [claim],
            subject=claim.subject.raw or claim.subject.name,
            count=claim.count,
            unit=claim.unit,
            listed=len(names),
            names=list(names),
            expected=claim.count,
            actual=len(names),
        )


TALLY_RULES = (_count_names,)
