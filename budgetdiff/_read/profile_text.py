"""The unit's profile as stated: functions, offices, subordinate units, staffing.

The seed states its profile in 第一部分 (一、主要职能; 二、机构设置及人员情况);
Shanghai in sections titled …主要职能 and …机构设置; final accounts list the
units of a department as a small table under 部门决算单位构成.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from budgetdiff._model.profile import StaffKind

from .disclosure import SectionPart, StaffingStatement, StatedProfile, TextLine
from .layout import Block
from .segment import SectionDraft
from .sentences import paragraphs
from .table_titles import compact

_OFFICES = re.compile(
    r"(?:下设|设有|设)\s*(\d+)\s*个\s*(?:科室|内设机构|处室|职能科室|部门)[^：:]*?[：:]\s*(.+?)\s*(?:。|$)"
)
_NO_SUBORDINATES = re.compile(r"无下属(?:预算)?单位")
_SUBORDINATE_COUNT = re.compile(r"下属\s*(\d+)\s*家(?:预算)?单位")
_LISTED = re.compile(r"具体包括\s*[：:]\s*(.*)$")
_ITEM = re.compile(r"(?:^|\s)\d+\s*[.．、]\s*")
_SELF = re.compile(r"本部|本级")
_CHANGE = r"[，,、]?\s*(无增加或减少|持平|(?:比上年)?(?:增加|减少)\s*\d+\s*(?:人|名))?"
_STAFF = (
    (StaffKind.AUTHORIZED, re.compile(r"编制数\s*(?:为)?\s*(\d+)\s*(?:人|名)?" + _CHANGE)),
    (StaffKind.ACTUAL, re.compile(r"实有人数\s*(?:为)?\s*(\d+)\s*(?:人|名)?" + _CHANGE)),
    (StaffKind.IN_SERVICE, re.compile(r"在职(?:人员)?\s*(\d+)\s*(?:人|名)" + _CHANGE)),
    (StaffKind.RETIRED, re.compile(r"退休(?:人员)?\s*(\d+)\s*(?:人|名)" + _CHANGE)),
    (StaffKind.CONTRACT, re.compile(r"员额控制人员\s*(\d+)\s*(?:人|名)" + _CHANGE)),
)
_NUMBER = re.compile(r"\d+")


def _profile_sections(sections: Sequence[SectionDraft]) -> list[SectionDraft]:
    return [s for s in sections if s.part is SectionPart.PROFILE]


def _functions(sections: Sequence[SectionDraft]) -> tuple[str, int | None]:
    for section in sections:
        if "主要职能" in compact(section.title) or "主要职责" in compact(section.title):
            groups = paragraphs(section.lines)
            text = "\n".join(
                "".join(line.text.strip(" \u3000\t") for line in group) for group in groups
            )
            return text, (section.lines[0].number if section.lines else None)
    return "", None


def _change(text: str | None) -> int | None:
    if not text:
        return None
    if text in ("无增加或减少", "持平"):
        return 0
    found = _NUMBER.search(text)
    count = int(found.group(0)) if found else 0
    return -count if "减少" in text else count


def staffing(lines: Sequence[TextLine]) -> tuple[StaffingStatement, ...]:
    """The staffing figures stated in *lines*, each with its stated change."""
    found: dict[StaffKind, StaffingStatement] = {}
    for line in lines:
        for kind, pattern in _STAFF:
            if kind in found:
                continue
            match = pattern.search(line.text)
            if match is None:
                continue
            change_text = match.group(2) or ""
            found[kind] = StaffingStatement(
                kind=kind,
                count=int(match.group(1)),
                stated_change=_change(change_text),
                change_text=change_text,
                text=match.group(0),
                line=line.number,
            )
    return tuple(found[kind] for kind, _ in _STAFF if kind in found)


def _subordinates(
    sections: Sequence[SectionDraft],
) -> tuple[tuple[str, ...], int | None]:
    units: list[str] = []
    count: int | None = None
    for section in sections:
        text = "\n".join(line.text for line in section.lines)
        if _NO_SUBORDINATES.search(text):
            count = 0
        found = _SUBORDINATE_COUNT.search(text)
        if found:
            count = int(found.group(1))
        units += _listed(section.lines)
        units += _from_rows(section.rows)
    return tuple(dict.fromkeys(u for u in units if not _SELF.search(u))), count


def _listed(lines: Sequence[TextLine]) -> list[str]:
    """The numbered units after "具体包括：" (on that line or the lines after it)."""
    result: list[str] = []
    listing = False
    for line in lines:
        text = line.text.strip(" \u3000\t")
        found = _LISTED.search(text)
        if found:
            listing = True
            text = found.group(1)
        if not listing or not text:
            continue
        for item in _ITEM.split(text):
            name = item.strip(" \u3000。；;，,")
            if name and not name.startswith(("本部门中", "具体包括")):
                result.append(name)
    return result


def _from_rows(rows: Sequence[Block]) -> list[str]:
    """Unit names from a 序号 | 单位名称 | 备注 table."""
    column: int | None = None
    result: list[str] = []
    for row in rows:
        texts = [c.text.strip() for c in row.cells]
        compacted = [compact(t) for t in texts]
        if "单位名称" in compacted:
            column = compacted.index("单位名称")
            continue
        if column is not None and column < len(texts) and texts[column]:
            result.append(texts[column])
    return result


def _offices(sections: Sequence[SectionDraft]) -> tuple[tuple[str, ...], int | None]:
    for section in sections:
        for group in paragraphs(section.lines):
            text = "".join(line.text.strip(" \u3000\t") for line in group)
            found = _OFFICES.search(text)
            if found:
                names = [n.strip(" \u3000。") for n in re.split(r"[、，,]", found.group(2))]
                return tuple(n for n in names if n), int(found.group(1))
    return (), None


def stated_profile(name: str, sections: Sequence[SectionDraft]) -> StatedProfile:
    """The profile as *sections* state it, for the unit called *name*."""
    chosen = _profile_sections(sections)
    functions, functions_line = _functions(chosen)
    offices, offices_count = _offices(chosen)
    units, units_count = _subordinates(chosen)
    lines = [line for section in chosen for line in section.lines]
    return StatedProfile(
        name=name,
        functions=functions,
        functions_line=functions_line,
        offices=offices,
        offices_stated_count=offices_count,
        subordinate_units=units,
        subordinate_stated_count=units_count,
        staffing=staffing(lines),
    )
