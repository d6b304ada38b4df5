"""
The checklist's ``reasons`` items: every change against last year the narrative states
gives its reason (预算收支增减变化, “三公”经费增减变化原因).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from budgetdiff._read.disclosure import Disclosure, Sentence

from .checklist_items import NO, NOT_CHECKED, YES, Decision, Facts, decide, here, narrative_of

# a change against last year, stated with a figure
_CHANGE = re.compile(
    r"(?:比|较|与|同)(?:上年|上一年|\d{4}\s*年|年初预算)[^，,。；;]{0,12}?(?:相比)?[^。；;]{0,6}?"
    r"(?:增加|减少|增长|下降|上升|降低|压减|压缩|节约|减支|增支)\s*[\d.,]+"
    r"|决算数?(?:大于|小于|超过|低于)(?:年初)?预算数?"  # a 决算 against its budget
)
_UNCHANGED = re.compile(r"持平|无增减|无变化|没有变化|一样|未发生变化")
_REASON = re.compile(
    r"原因|由于|因为|主要是|主要系|导致|是因|主要因|受.{1,12}影响|根据|按照|厉行节约"
)


def decide_reasons(facts: Facts, options: Mapping[str, Any]) -> Decision:
    """
    Every change against last year the narrative states (under ``words``) gives its reason:
    in its sentence, or after it — past the run of changes it opens ("收入…增加…。支出…增加…。"
    then "收支增加的主要原因是…"; "…增加25万元。其中：" then its items), in the next
    sentence that states no change, under the same top heading.
    """
    disclosure = facts.disclosure
    words = list(options.get("words", []))
    if not narrative_of(disclosure):
        return decide(NOT_CHECKED, "no_narrative")
    changes: list[int] = []
    missing: list[int] = []
    unexplained: list[str] = []
    explained: set[str] = set()
    for group in _groups(disclosure, words):
        stated = [_change_of(s.text) for s in group]
        for index, sentence in enumerate(group):
            kind = stated[index]
            if kind is None or sentence.line in changes:
                continue  # no change; or two sentences of one line: one change stated
            changes.append(sentence.line)
            if kind == "unchanged" or _REASON.search(sentence.text):
                continue
            after = index + 1
            while (
                after < len(group) and after - index <= 6 and _passed(group[after], stated[after])
            ):
                if _REASON.search(group[after].text):
                    break
                after += 1
            if after < len(group) and after - index <= 6 and _REASON.search(group[after].text):
                explained.add(_moved(sentence.text))
                continue
            missing.append(sentence.line)
            unexplained.append(_moved(sentence.text))
        explained |= {_moved(s.text) for s in group if _REASON.search(s.text)}
    # a change restated ("收支总计各增加844.15万元", then the income's "增加844.15万元") is
    # explained where the same change is
    missing = [
        line
        for line, moved in zip(missing, unexplained, strict=True)
        if not moved or moved not in explained
    ]
    if not changes:
        return decide(NOT_CHECKED, "reasons.none_stated", words=words)
    places = [here(disclosure, line) for line in (missing or changes)[:8]]
    if missing:
        return decide(NO, "reasons.missing", locations=places, count=len(changes), missing=missing)
    return decide(YES, "reasons.all", locations=places, count=len(changes), lines=changes[:8])


_MOVED = re.compile(r"(?:增加|减少|增长|下降|上升|降低|压减|压缩)\s*([\d.,]+\s*万?元)")


def _moved(text: str) -> str:
    """The first change's amount *text* states ("844.15万元"), "" when none."""
    found = _MOVED.search(text)
    return re.sub(r"[\s,]", "", found.group(1)) if found else ""


def _passed(sentence: Sentence, stated: str | None) -> bool:
    """Whether the reason may come after *sentence*: a change too, or an opening ("其中：")."""
    return stated is not None or sentence.text.rstrip().endswith(("：", ":"))


def _change_of(text: str) -> str | None:
    """ "change" or "unchanged" when *text* states a change against last year; else None."""
    if _UNCHANGED.search(text) and re.search(r"上年|年度|\d{4}\s*年|预算", text):
        return "unchanged" if not _CHANGE.search(text) else "change"
    return "change" if _CHANGE.search(text) else None


def _groups(disclosure: Disclosure, words: Sequence[str]) -> list[list[Sentence]]:
    """The narrative's sentences, one list per top heading (titled with one of *words*)."""
    groups: list[list[Sentence]] = []
    top = ""
    for section in narrative_of(disclosure):
        if section.level <= 1 or not groups:
            top = section.title
            groups.append([])
        if not words or any(w in section.title or w in top for w in words):
            groups[-1].extend(section.sentences)
    return [g for g in groups if g]
