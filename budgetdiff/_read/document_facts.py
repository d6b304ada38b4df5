"""What a document says about itself: its family, unit, year, kind, scope, title, sign-off.

Read from its cover lines, its part headings and its tables' titles and preparer
lines ("编制部门（单位）：…", "预算单位：…", "上海市普陀区2025年区级部门预算",
"2024 年度部门决算").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from budgetdiff._model.budget import BudgetKind, Scope
from budgetdiff._model.money import Unit
from budgetdiff._model.tables import TableRole

from .disclosure import PrintedTable, SectionPart, SignOff, Template, TextLine
from .segment import SectionDraft, Segments
from .table_titles import compact, preparer_in, unit_in

_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_BARE_YEAR = re.compile(r"^\s*((?:19|20)\d{2})\s*$")
_DATE = re.compile(r"^\s*((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*$")
_FIRST_PART = re.compile(r"^第一部分\s*(.+?)(?:收支)?(?:单位|部门)?概况$")
_NO_NAME = frozenset({"部门", "单位", "本部门", "本单位", "部门单位"})

# What each template family publishes, for the "table not found" problems.
EXPECTED = {
    Template.XINJIANG: (
        TableRole.SUMMARY,
        TableRole.INCOME,
        TableRole.EXPENDITURE,
        TableRole.FISCAL,
        TableRole.GENERAL_PUBLIC,
        TableRole.BASIC_ECONOMIC,
        TableRole.PROJECTS,
        TableRole.THREE_PUBLIC,
        TableRole.GOVERNMENT_FUND,
    ),
    Template.SHANGHAI: (
        TableRole.SUMMARY,
        TableRole.INCOME,
        TableRole.EXPENDITURE,
        TableRole.FISCAL,
        TableRole.GENERAL_PUBLIC,
        TableRole.GOVERNMENT_FUND,
        TableRole.STATE_CAPITAL,
        TableRole.BASIC_ECONOMIC,
        TableRole.THREE_PUBLIC,
    ),
}
ROLE_NAMES = {
    TableRole.SUMMARY: ("收支总体情况表", "income and expenditure summary"),
    TableRole.INCOME: ("收入总体情况表", "income"),
    TableRole.EXPENDITURE: ("支出总体情况表", "expenditure"),
    TableRole.FISCAL: ("财政拨款收支总体情况表", "fiscal appropriation summary"),
    TableRole.GENERAL_PUBLIC: ("一般公共预算支出情况表", "general public budget expenditure"),
    TableRole.BASIC_ECONOMIC: ("一般公共预算基本支出情况表", "basic expenditure by economic class"),
    TableRole.PROJECTS: ("一般公共预算项目支出情况表", "project expenditure"),
    TableRole.THREE_PUBLIC: ("“三公”经费支出情况表", "“three public” expenses"),
    TableRole.GOVERNMENT_FUND: ("政府性基金预算支出情况表", "government fund expenditure"),
    TableRole.STATE_CAPITAL: ("国有资本经营预算支出情况表", "state capital operations expenditure"),
}


def template_of(parts: Segments, cover: Sequence[TextLine]) -> Template:
    """The layout family: the seed's numbered 表一…, or Shanghai's."""
    if any(t.number.startswith("表") for t in parts.tables):
        return Template.XINJIANG
    head = "".join(ln.text for ln in cover[:6])
    if "上海" in head or any("上海" in compact(s.title) for s in parts.sections if s.level == 0):
        return Template.SHANGHAI
    units = [unit_in(t.unit_text) for t in parts.tables]
    if units and units.count(Unit.YUAN) > len(units) / 2:
        return Template.SHANGHAI
    return Template.UNKNOWN


def default_unit(parts: Segments, template: Template) -> Unit:
    """The unit for a table that prints none: the one most tables print."""
    units = [u for u in (unit_in(t.unit_text) for t in parts.tables) if u is not None]
    if units:
        return Counter(units).most_common(1)[0][0]
    return Unit.YUAN if template is Template.SHANGHAI else Unit.WAN_YUAN


def unit_name_of(parts: Segments, cover: Sequence[TextLine], tables: Sequence[PrintedTable]) -> str:
    """The unit the document is about, from its cover, its tables, or its first part."""
    for line in cover:
        found = preparer_in(line.text)
        if found:
            return clean_name(found)
    preparers = Counter(t.preparer for t in tables if t.preparer)
    if preparers:
        return clean_name(preparers.most_common(1)[0][0])
    for section in parts.sections:
        found_part = _FIRST_PART.match(compact(section.title))
        if found_part and found_part.group(1) not in _NO_NAME:  # "第一部分 部门概况" names none
            return found_part.group(1)
    joined = re.sub(r"^(?:19|20)\d{2}年度?", "", "".join(compact(ln.text) for ln in cover))
    return re.split(r"\d{4}|年度|部门决算|部门预算|单位预算|预算公开", joined)[0] if joined else ""


def sign_off_of(
    drafts: Sequence[SectionDraft],
) -> tuple[SignOff | None, Sequence[SectionDraft]]:
    """The unit and date that close the document, taken out of its last section."""
    if not drafts or len(drafts[-1].lines) < 2:
        return None, drafts
    last = drafts[-1]
    lines = [ln for ln in last.lines if ln.text.strip()]
    if len(lines) < 2:
        return None, drafts
    date, unit = lines[-1], lines[-2]
    found = _DATE.match(date.text)
    short = len(unit.text.strip()) <= 40 and not re.search(r"[。，：；]", unit.text)
    if found is None or not short:
        return None, drafts
    kept = [ln for ln in last.lines if ln.number not in (date.number, unit.number)]
    trimmed = SectionDraft(
        title=last.title,
        number=last.number,
        level=last.level,
        part=last.part,
        line=last.line,
        lines=kept,
        rows=last.rows,
    )
    sign = SignOff(unit=unit.text.strip(" \u3000\t"), date=found.group(1), line=unit.number)
    return sign, [*drafts[:-1], trimmed]


def clean_name(text: str) -> str:
    return re.split(r"\s{2,}|\u3000|单位\s*[：:]", text.strip())[0].strip()


def kind_of(title_lines: Sequence[str], tables: Sequence[PrintedTable]) -> BudgetKind:
    head = "".join(compact(t) for t in title_lines[:12])
    titles = "".join(compact(t.title) for t in tables)
    if "决算" in head or "决算" in titles:
        return BudgetKind.FINAL
    return BudgetKind.BUDGET


def year_of(
    cover: Sequence[TextLine], sections: Sequence[SectionDraft], tables: Sequence[PrintedTable]
) -> int | None:
    for line in cover:
        found = _YEAR.search(line.text) or _BARE_YEAR.match(line.text)
        if found:
            return int(found.group(1))
    texts = [s.title for s in sections if s.level == 0] + [t.title for t in tables]
    for text in texts:
        found = _YEAR.search(text)
        if found:
            return int(found.group(1))
    for section in sections[:3]:
        for line in section.lines[:3]:
            bare = _BARE_YEAR.match(line.text)
            if bare:
                return int(bare.group(1))
    return None


def scope_of(
    title_lines: Sequence[str], subordinates: Sequence[str], stated: int | None
) -> Scope | None:
    head = "".join(compact(t) for t in title_lines[:12])
    if re.search(r"单位(?:预算|决算)", head) and "部门（单位）" not in head:
        return Scope.UNIT
    if "部门（单位）" in head or "部门(单位)" in head:
        return Scope.DEPARTMENT if subordinates or stated else Scope.UNIT
    if re.search(r"部门(?:预算|决算)", head):
        return Scope.DEPARTMENT
    return None


def title_of(cover: Sequence[TextLine], sections: Sequence[SectionDraft]) -> str:
    if cover:
        head = []
        for line in cover[:4]:
            if preparer_in(line.text) is not None:
                break
            head.append(compact(line.text))
        return "".join(head) or cover[0].text.strip()
    tables_part = next((s for s in sections if s.level == 0 and s.part is SectionPart.TABLES), None)
    if tables_part is not None:
        return re.sub(r"^第[一二三四五六七八九十]+部分\s*", "", tables_part.title)
    return sections[0].title if sections else ""
