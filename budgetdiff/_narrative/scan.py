"""
Scanning a sentence: its figures, direction words, bases, reasons, list
introducers and clause marks, in reading order, with overlaps resolved.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from attrs import define

from . import patterns as pat
from .prose import Paragraph

CLAUSE = re.compile(r"[，,；;：:、]")


@define
class Event:
    """One match in a sentence: what kind, where (in the paragraph), and the match."""

    start: int
    end: int
    kind: str
    match: re.Match[str]


_SCANS = (
    (pat.FIGURE, "figure"),
    (pat.HEADCOUNT, "headcount"),
    (pat.BARE_PERCENT, "bare"),
    (pat.BARE_COUNT, "barecount"),
    (pat.AGAINST_BUDGET, "against"),
    (pat.FLAT, "flat"),
    (pat.NO_PRIOR, "noprior"),
    (pat.DISCONTINUED, "discontinued"),
    (pat.REASON, "reason"),
    (pat.INTRODUCER, "intro"),
    (pat.PLACEHOLDER, "placeholder"),
    (pat.REPORT_YEAR, "report"),
    (pat.AS_OF, "asof"),
    (pat.YEAR_SLOT, "slot"),
    (pat.PERIOD, "period"),
    (pat.PERIOD_RANGE, "period"),
    (pat.BASE, "base"),
    (CLAUSE, "clause"),
)


def events(text: str, start: int, end: int) -> list[Event]:
    """Everything of note in ``text[start:end]``: figures, words, marks, in reading order."""
    sentence = text[start:end]
    found = [
        Event(start + m.start(), start + m.end(), kind, m)
        for pattern, kind in _SCANS
        for m in pattern.finditer(sentence)
    ]
    bare = pat.strip_enumerator(sentence)
    subset = pat.SUBSET_INTRODUCER.match(bare)
    if subset:
        offset = start + len(sentence) - len(bare)
        found.append(Event(offset, offset + subset.end(), "subset", subset))
    return drop_overlaps([e for e in found if not skip_figure(e, text)])


def sentences(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for m in re.finditer(r"[。！？!?]+", text):
        yield start, m.end()
        start = m.end()
    if start < len(text) and text[start:].strip():
        yield start, len(text)


_CLAUSE_MARK = re.compile(r"[，；;。]|(?<!\d),|,(?!\d{3})")
"""A clause mark — not the thousands separator of "1,529.96"."""


def reason_end(text: str, start: int, end: int) -> int:
    """
    Where a reason stops: the sentence end, a "；" that opens the next item, or any clause
    mark before the next numbered item ("…，主要原因是压减用车，三、公务接待费…").
    """
    own = pat.enumerator_shape(text[start:end].lstrip("：:"))  # "原因是：1.…，2.…" is its own
    for m in _CLAUSE_MARK.finditer(text[start:end]):
        if m.group() in "。":
            continue
        after = text[start + m.end() : end]
        shape = pat.enumerator_shape(after)
        if shape is not None and shape != own:
            return start + m.start()
        if m.group() in "，,":
            continue
        if re.match(r"^(?:一是|二是|三是|四是|五是|其次|再次|另外|同时|此外|以及)", after):
            continue
        clause = _CLAUSE_MARK.split(after, maxsplit=1)[0]
        figure = pat.FIGURE.search(clause) or pat.FLAT.search(clause)
        if figure:
            prefix = pat.parse_prefix(clause[: figure.start()], report_year=None)
            if prefix.subject not in pat.GENERIC:
                return start + m.start()
    return end


def fresh(words: str) -> bool:
    """Whether a figure starts its clause: nothing but its subject words before it."""
    return not pat.FIGURE.search(words)


def figure_kind(match: re.Match[str]) -> str:
    for kind in ("percent", "money", "count", "quantity"):
        if match.groupdict().get(kind):
            return kind
    return "other"


def skip_figure(event: Event, text: str) -> bool:
    """Years, thresholds ("50万元以上"), ranges and dates are not claims."""
    if event.kind != "figure":
        return False
    m = event.match
    number = m.group("number")
    if m.group("years") and (len(number) == 4 or pat.DATE.match(text, event.start)):
        return True
    if pat.RANGE_BEFORE.search(text[max(0, event.start - 2) : event.start]):
        return True
    if text[max(0, event.start - 1) : event.start] in {"…", "."}:
        return True  # a page number after a table of contents' leader dots
    if re.match(r"0\d", number) or text[max(0, event.start - 1) : event.start] in {"（", "("}:
        return True  # a code: "（01项）", "（204类）"
    return bool(pat.THRESHOLD_AFTER.match(text[event.end :]))


def drop_overlaps(events: list[Event]) -> list[Event]:
    """
    Resolve overlapping matches: the earlier (then the stronger) wins.

    A clause mark inside a figure ("18,976.76") is not a clause mark; a base
    phrase stands beside the change words that contain it.
    """
    rank = {"headcount": 0, "figure": 1, "bare": 1, "against": 2, "noprior": 2, "flat": 3}
    rank |= {"slot": 4, "period": 4}  # a year's slot, not the title "2024年度预算" it starts
    words = [e for e in events if e.kind not in {"clause", "base"}]
    kept: list[Event] = []
    for event in sorted(words, key=lambda e: (e.start, rank.get(e.kind, 5), -e.end)):
        if not any(k.start < event.end and event.start < k.end for k in kept):
            kept.append(event)
    for event in events:
        if event.kind == "base" or (
            event.kind == "clause"
            and not any(k.start < event.end and event.start < k.end for k in kept)
        ):
            kept.append(event)
    kept.sort(key=lambda e: (e.start, -e.end))
    return kept


def report_year(paras: tuple[Paragraph, ...]) -> int | None:
    """
    The year a document is about: the year its titles name most ("2021年部门预算").

    Titles are headings and paragraphs without figures; "2025年度预算20万元"
    in a sentence is a prior year's figure, not a title.  A text without a
    title (a narrative pasted alone) is about the latest year it names.
    """
    titles = Counter(
        int(m.group("year"))
        for para in paras
        if para.heading or not pat.FIGURE.search(pat.REPORT_YEAR.sub("", para.text))
        for m in pat.REPORT_YEAR.finditer(para.text)
    )
    if not titles:
        years = [int(m.group("year")) for para in paras for m in pat.YEAR.finditer(para.text)]
        return max(years) if years else None  # no title: the latest year named
    top = max(titles.values())
    return max(year for year, n in titles.items() if n == top)


def is_final(text: str) -> bool:
    """Whether the document is a 决算 (its own budget is then a prior figure of the same year)."""
    return text.count("决算") > text.count("预算") / 3
