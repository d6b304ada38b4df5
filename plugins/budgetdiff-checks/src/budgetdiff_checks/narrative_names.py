"""
The names the narrative gives function lines, against the tables and the catalog
(the check ``narrative.names``).

- ``narrative.old_name`` (warning): a line named by the name the classification
  gave its code before the report year ("医疗卫生与计划生育支出" for 210 in 2024,
  "环境监测与信息" for 2111101 in 2021) — even where the tables print it too;
- ``narrative.name`` (warning): a line whose printed level names are not its
  code's ("卫生健康支出（款）计划生育事务（项）" for 2100717 计划生育服务, whose
  款 21007 is 计划生育事务): the names are compared with the tables' and the
  catalog's names of the code the line resolved to (by its printed code, its
  names, or — when its names match no line — its amount);
- ``narrative.purpose_line`` (warning): "主要用于…" said of a class or a 款 names
  a line of it the tables do not have ("卫生健康支出…主要用于行政单位医疗" where the tables have
  事业单位医疗, not 行政单位医疗); a name qualified inside a longer one is not the line
  ("新职工逐月购房补贴" names no 购房补贴 line).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from attrs import frozen

from budgetdiff import Finding, Severity, hookimpl
from budgetdiff.disclosure import compact
from budgetdiff.narrative import AmountClaim
from budgetdiff.plugin import Check, CheckSubject

from ._narrative_base import finding, narrative_claims
from ._narrative_figures import FigureBook, figure_book
from ._narrative_labels import function_name
from ._narrative_names import catalog_below, judge_name, same_name
from ._narrative_subjects import Want, want_of

NAME = "narrative.name"
OLD_NAME = "narrative.old_name"
PURPOSE_LINE = "narrative.purpose_line"

_WIDTHS = {1: (3,), 2: (3, 5), 3: (3, 5, 7)}
_PURPOSE = "主要用于"
_ITEM_SEPARATORS = "、，,及和与或"
_ITEM_VERBS = ("支付", "发放", "安排")


class _Run:
    def __init__(self, subject: CheckSubject, book: FigureBook) -> None:
        self.subject = subject
        self.book = book
        self.seen: set[tuple[str, tuple[str, ...], str]] = set()

    def run(self) -> Iterator[Finding]:
        last: tuple[str, tuple[str, ...]] | None = None
        for claim in narrative_claims(self.subject):
            if not isinstance(claim, AmountClaim):
                continue
            want = want_of(claim, self.book)
            if want is None or not want.code:
                continue
            key = (want.code, want.names)
            repeated = claim.subject.inherited and key == last
            last = key
            seen = (want.code, want.names, claim.sentence)
            if repeated or seen in self.seen:
                continue  # the same names, printed once and already checked
            self.seen.add(seen)
            yield from self._levels(claim, want)
            yield from self._purpose(claim, want)

    def _levels(self, claim: AmountClaim, want: Want) -> Iterator[Finding]:
        names = want.names
        widths = _WIDTHS.get(len(names), ())
        if len(want.code) < max(widths, default=0):
            return
        wrong: list[dict[str, Any]] = []
        for printed, width in zip(names, widths, strict=False):
            code = want.code[:width]
            verdict = judge_name(
                printed, code, self.book.names_of(code), self.book.catalog, self.book.year
            )
            if verdict is None or verdict.agrees:
                continue
            item: dict[str, Any] = {
                "printed": printed,
                "code": code,
                "names": list(verdict.expected),
                "tables_too": any(same_name(printed, n) for n in self.book.names_of(code)),
            }
            if verdict.old:
                entry = self.book.catalog.function(code, self.book.year)
                yield finding(
                    self.subject,
                    OLD_NAME,
                    Severity.WARNING,
                    [claim],
                    expected=verdict.expected[0] if verdict.expected else None,
                    actual=printed,
                    year=self.book.year,
                    since=entry.valid_from if entry is not None else None,
                    **item,
                )
            else:
                wrong.append(item)
        if wrong:
            yield finding(
                self.subject,
                NAME,
                Severity.WARNING,
                [claim],
                expected=", ".join(str(w["code"]) for w in wrong),
                actual="、".join(str(w["printed"]) for w in wrong),
                items=wrong,
                code=want.code,
                name=function_name(want.code, self.book),
                by_amount=want.how == "amount",
            )

    def _purpose(self, claim: AmountClaim, want: Want) -> Iterator[Finding]:
        purpose = _purpose_of(claim) if len(want.code) <= 5 else ""
        if not purpose:
            return
        klass = want.code[:3]
        present = set(self.book.codes())
        names: dict[str, set[str]] = {}
        for code, history in catalog_below(self.book.catalog, klass).items():
            for name in history:
                names.setdefault(compact(name), set()).add(code)
        for code in present:
            if code.startswith(klass) and code != klass:
                for name in self.book.names_of(code):
                    names.setdefault(compact(name), set()).add(code)
        taken: list[tuple[int, int]] = []
        for name in sorted(names, key=len, reverse=True):
            if len(name) < 4:
                continue
            start = _item_at(purpose, name)
            if start < 0 or any(a < start + len(name) and start < b for a, b in taken):
                continue
            taken.append((start, start + len(name)))
            codes = names[name]
            if any(code in present for code in codes):
                continue
            section = min(codes)[:5]
            lines = [
                f"{code} {function_name(code, self.book)}"
                for code in sorted(present)
                if code.startswith(section) and len(code) == 7
            ] or [
                f"{code} {function_name(code, self.book)}"
                for code in sorted(present)
                if code.startswith(klass) and len(code) == 7
            ]
            yield finding(
                self.subject,
                PURPOSE_LINE,
                Severity.WARNING,
                [claim],
                expected="; ".join(lines),
                actual=name,
                said=claim.subject.name,
                named=name,
                codes=sorted(codes),
                present=lines,
            )


def _item_at(purpose: str, name: str) -> int:
    """
    Where *name* begins an item of *purpose* (at its start, after 、 or 和, or after a
    verb: 支付, 发放); -1 when it is only the tail of a longer, qualified name: the
    "新职工逐月购房补贴" a unit pays under 提租补贴 is no 购房补贴 line.
    """
    start = purpose.find(name)
    while start >= 0:
        before = purpose[:start]
        if not before or before[-1] in _ITEM_SEPARATORS or before.endswith(_ITEM_VERBS):
            return start
        start = purpose.find(name, start + 1)
    return -1


def _purpose_of(claim: AmountClaim) -> str:
    """What the sentence says the figure is mainly for ("主要用于…"), after the figure."""
    sentence = compact(claim.sentence)
    at = sentence.find(compact(claim.text))
    start = sentence.find(_PURPOSE, max(at, 0))
    if start < 0:
        return ""
    rest = sentence[start + len(_PURPOSE) :].lstrip("：:")
    for stop in "。；;":
        rest = rest.split(stop)[0]
    return rest


@frozen
class NarrativeNames:
    """The check ``narrative.names``: the narrative's names of lines against the tables'."""

    name: str = "narrative.names"

    def check(self, subject: CheckSubject) -> Iterator[Finding]:
        book = figure_book(subject)
        if book is None or book.budget is None:
            yield from _old_names_by_catalog(subject)
            return
        yield from _Run(subject, book).run()


def _old_names_by_catalog(subject: CheckSubject) -> Iterator[Finding]:
    """
    Without tables, a coded line's printed names against the catalog alone: the report
    year and the code are enough to tell an old name ("医疗卫生与计划生育支出（210类）" in
    2026).  Whether a name is the code's at all needs the tables' names, so only old names
    are reported here.
    """
    year = subject.disclosure.year
    if year is None:
        return
    seen: set[tuple[str, str]] = set()
    for claim in narrative_claims(subject):
        code, names = claim.subject.code, claim.subject.names
        if not isinstance(claim, AmountClaim) or not code or not names:
            continue
        for printed, width in zip(names, _WIDTHS.get(len(names), ()), strict=False):
            prefix = code[:width]
            verdict = judge_name(printed, prefix, (), subject.catalog, year)
            if verdict is None or not verdict.old or (prefix, printed) in seen:
                continue
            seen.add((prefix, printed))
            entry = subject.catalog.function(prefix, year)
            yield finding(
                subject,
                OLD_NAME,
                Severity.WARNING,
                [claim],
                expected=verdict.expected[0] if verdict.expected else None,
                actual=printed,
                year=year,
                since=entry.valid_from if entry is not None else None,
                printed=printed,
                code=prefix,
                names=list(verdict.expected),
                tables_too=False,
            )


@hookimpl
def register_checks(register: Callable[[Check], None]) -> None:
    register(NarrativeNames())
