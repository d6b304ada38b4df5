"""
The profile's staffing statements agree with each other and with the narrative.

- ``profile.staffing_sum`` (error): 实有人数 is the sum of the parts the profile
  lists under it (在职 + 退休 + 员额控制人员; documents that do not count
  retirees in 实有人数 are accepted too);
- ``profile.staffing_change`` (error): a change the profile states ("员额控制人员
  33人，无增加或减少") contradicted by the narrative ("增加33名员额控制人员") or
  by the profile's other statements (实有人数 unchanged while its parts change).

The narrative's changes come from its claims (`CheckSubject.claims`): counts of
people stated with a direction.  Should the claims reader fail, a narrow pattern
("增加|减少 N 名 员额控制人员|在职人员|退休人员|编制人员") is read from the
narrative's sentences instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from attrs import frozen

from budgetdiff import Finding, Severity, hookimpl
from budgetdiff.disclosure import StaffingStatement
from budgetdiff.model import StaffKind
from budgetdiff.narrative import CountClaim
from budgetdiff.plugin import Check, CheckSubject, Location

from ._messages import message
from ._rule import Rule

CATALOG = "profile"
STAFFING_SUM = "profile.staffing_sum"
STAFFING_CHANGE = "profile.staffing_change"

PARTS = (StaffKind.IN_SERVICE, StaffKind.RETIRED, StaffKind.CONTRACT)
WORDS = {
    StaffKind.CONTRACT: "员额",
    StaffKind.IN_SERVICE: "在职",
    StaffKind.RETIRED: "退休",
    StaffKind.AUTHORIZED: "编制",
    StaffKind.ACTUAL: "实有",
}
_FALLBACK = re.compile(r"(增加|减少)\s*(\d+)\s*名\s*(员额控制人员|在职人员|退休人员|编制人员)")


@frozen(kw_only=True)
class StatedChange:
    """A change in staffing the narrative states, and where."""

    kind: StaffKind
    change: int
    text: str
    line: int


def _where(subject: CheckSubject, line: int, what: str = "") -> Location:
    return Location(source=subject.disclosure.source, table=what, line=line or None)


def narrative_changes(subject: CheckSubject) -> list[StatedChange]:
    """Every change in a headcount the narrative states."""
    try:
        claims = subject.claims
    except Exception:  # the claims reader is another module's work: fall back, do not fail
        return _fallback(subject)
    found = []
    for claim in claims:
        if not isinstance(claim, CountClaim) or claim.direction is None or claim.unit != "人":
            continue
        sign = claim.direction.sign
        if sign is None or sign == 0:
            continue
        for kind, word in WORDS.items():
            if word in claim.subject.name:
                found.append(
                    StatedChange(
                        kind=kind, change=sign * claim.count, text=claim.text, line=claim.line
                    )
                )
                break
    return found


def _fallback(subject: CheckSubject) -> list[StatedChange]:
    kinds = {"员额控制人员": StaffKind.CONTRACT, "在职人员": StaffKind.IN_SERVICE,
             "退休人员": StaffKind.RETIRED, "编制人员": StaffKind.AUTHORIZED}  # fmt: skip
    found = []
    for section in subject.disclosure.narrative():
        for sentence in section.sentences:
            for match in _FALLBACK.finditer(sentence.text):
                sign = -1 if match.group(1) == "减少" else 1
                found.append(
                    StatedChange(
                        kind=kinds[match.group(3)],
                        change=sign * int(match.group(2)),
                        text=match.group(0),
                        line=sentence.line,
                    )
                )
    return found


def _statement(subject: CheckSubject, kind: StaffKind) -> StaffingStatement | None:
    return subject.disclosure.profile.staffing_of(kind)


def staffing_sum(subject: CheckSubject) -> Iterator[Finding]:
    actual = _statement(subject, StaffKind.ACTUAL)
    parts = [s for k in PARTS if (s := _statement(subject, k)) is not None]
    if actual is None or len(parts) < 2:
        return
    total = sum(p.count for p in parts)
    retired = _statement(subject, StaffKind.RETIRED)
    without_retired = total - (retired.count if retired else 0)
    if actual.count in (total, without_retired):
        return
    yield message(
        CATALOG,
        STAFFING_SUM,
        Severity.ERROR,
        locations=[_where(subject, actual.line, "单位概况")],
        expected=total,
        actual=actual.count,
        inputs=[(p.kind.value, p.count) for p in parts],
        actual_count=actual.count,
        profile_line=actual.line,
        parts=[{"kind": p.kind.value, "count": p.count} for p in parts],
        total=total,
        without_retired=without_retired if retired else None,
    )


def staffing_change(subject: CheckSubject) -> Iterator[Finding]:
    stated = [
        s
        for k in StaffKind
        if (s := _statement(subject, k)) is not None and s.stated_change is not None
    ]
    if not stated:
        return
    changes = narrative_changes(subject)
    for statement in stated:
        against = [
            c for c in changes if c.kind is statement.kind and c.change != statement.stated_change
        ]
        if not against:
            continue
        yield message(
            CATALOG,
            STAFFING_CHANGE,
            Severity.ERROR,
            locations=[
                _where(subject, statement.line, "单位概况"),
                *(_where(subject, c.line, "情况说明") for c in against),
            ],
            expected=statement.stated_change,
            actual=against[0].change,
            inputs=[(f"line {c.line}: {c.text}", c.change) for c in against],
            kind=statement.kind.value,
            count=statement.count,
            stated=statement.change_text,
            stated_change=statement.stated_change,
            claims=[{"text": c.text, "line": c.line, "change": c.change} for c in against],
            profile_line=statement.line,
            source="narrative",
        )
    yield from _within_profile(subject)


def _within_profile(subject: CheckSubject) -> Iterator[Finding]:
    actual = _statement(subject, StaffKind.ACTUAL)
    parts = [_statement(subject, k) for k in PARTS]
    if actual is None or actual.stated_change is None:
        return
    if any(p is None or p.stated_change is None for p in parts):
        return
    moved = sum(p.stated_change or 0 for p in parts if p is not None)
    if moved == actual.stated_change:
        return
    yield message(
        CATALOG,
        STAFFING_CHANGE,
        Severity.ERROR,
        locations=[_where(subject, actual.line, "单位概况")],
        expected=moved,
        actual=actual.stated_change,
        kind=actual.kind.value,
        count=actual.count,
        stated=actual.change_text,
        stated_change=actual.stated_change,
        claims=[
            {"text": p.change_text, "line": p.line, "change": p.stated_change}
            for p in parts
            if p is not None
        ],
        profile_line=actual.line,
        expected_change=moved,
        source="profile",
    )


@hookimpl
def register_checks(register: Callable[[Check], None]) -> None:
    register(Rule(name=STAFFING_SUM, run=staffing_sum))
    register(Rule(name=STAFFING_CHANGE, run=staffing_change))
