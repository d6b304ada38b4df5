"""
How each kind of checklist item is decided (an item's ``decided_by``): from the document's
tables, the matters its narrative or tables state, and the findings of `check`.

Each evaluator answers 是, 否 or 未核对 with a basis from ``messages/checklist.toml``; an
operand that is absent (a table not found, no narrative) makes the item 未核对.  The
``reasons`` items are decided in `checklist_reasons`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from attrs import field, frozen

from budgetdiff._model.budget import Budget
from budgetdiff._model.fields import tuple_of
from budgetdiff._model.findings import Finding, Location, Severity
from budgetdiff._model.matters import Assets
from budgetdiff._model.money import Money
from budgetdiff._model.tables import TableRole
from budgetdiff._read.disclosure import (
    Disclosure,
    PrintedTable,
    ProblemKind,
    Section,
    SectionPart,
    Sentence,
)
from budgetdiff._read.document_facts import ROLE_NAMES
from budgetdiff._words import builtin_messages

from .report import Report

YES, NO, NOT_CHECKED = "是", "否", "未核对"
_UNREAD = (ProblemKind.TABLE_AS_TEXT, ProblemKind.NO_TEXT_LAYER, ProblemKind.NOT_FOUND)
# a sentence saying there is none of a matter ("本单位无政府采购预算")
_NONE = re.compile(
    r"(?:无|没有|未安排|未设置|未发生|不涉及)[^。；;]{0,12}$|(?:无|没有|未安排|不涉及)"
)
_AMOUNT = re.compile(r"\d[\d,.]*\s*(?:万元|元)")


@frozen(kw_only=True)
class Facts:
    """What an item is decided from: the document, its check report, its budget."""

    disclosure: Disclosure
    report: Report
    budget: Budget | None


@frozen(kw_only=True)
class Decision:
    """An evaluator's answer, with its basis (both languages) and evidence."""

    answer: str  # 是 / 否 / 未核对
    basis: str
    basis_en: str
    findings: tuple[Finding, ...] = field(default=(), converter=tuple_of)
    locations: tuple[Location, ...] = field(default=(), converter=tuple_of)


def decide(
    answer: str,
    key: str,
    *,
    findings: Sequence[Finding] = (),
    locations: Sequence[Location] = (),
    **data: Any,
) -> Decision:
    words = builtin_messages("checklist.toml")
    return Decision(
        answer=answer,
        basis=words.render(key, "zh", data),
        basis_en=words.render(key, "en", data),
        findings=findings,
        locations=locations,
    )


def _roles(names: Sequence[str]) -> list[TableRole]:
    return [TableRole(name) for name in names]


def _unread(disclosure: Disclosure) -> bool:
    return any(p.kind in _UNREAD for p in disclosure.problems)


def narrative_of(disclosure: Disclosure) -> tuple[Section, ...]:
    return disclosure.narrative()


def here(disclosure: Disclosure, line: int) -> Location:
    return Location(source=disclosure.source, line=line)


def _findings(report: Report, rules: Sequence[str]) -> list[Finding]:
    return [f for f in report.findings if f.rule in rules]


def decide_tables(facts: Facts, options: Mapping[str, Any]) -> Decision:
    """The required tables (``tables``) are all printed."""
    disclosure = facts.disclosure
    if not disclosure.tables and not _unread(disclosure):
        return decide(NO, "tables.none", locations=[here(disclosure, 1)])
    printed = {t.role for t in disclosure.tables}
    missing = [role for role in _roles(options.get("tables", [])) if role not in printed]
    if not missing:
        found = [ROLE_NAMES[r] for r in _roles(options.get("tables", []))]
        return decide(
            YES, "tables.all", names=[z for z, _ in found], names_en=[e for _, e in found]
        )
    names = [ROLE_NAMES[r][0] for r in missing]
    names_en = [ROLE_NAMES[r][1] for r in missing]
    evidence = [f for f in facts.report.findings if f.rule == "read.missing_table"]
    if _unread(disclosure):
        return decide(
            NOT_CHECKED, "tables.unread", findings=evidence, names=names, names_en=names_en
        )
    return decide(NO, "tables.missing", findings=evidence, names=names, names_en=names_en)


def decide_empty_tables(facts: Facts, options: Mapping[str, Any]) -> Decision:
    """Each table printing no amount says it is empty (and no required table is missing)."""
    disclosure = facts.disclosure
    if not disclosure.tables:
        return decide(NOT_CHECKED, "no_tables")
    unnoted = [t for t in disclosure.tables if t.is_empty and not t.says_empty]
    noted = [t.name for t in disclosure.tables if t.is_empty and t.says_empty]
    evidence = _findings(facts.report, options.get("rules", []))
    if unnoted:
        return decide(
            NO,
            "empty.unnoted",
            findings=evidence,
            locations=[_where(disclosure, t) for t in unnoted],
            names=[t.name for t in unnoted],
        )
    printed = {t.role for t in disclosure.tables}
    missing = [r for r in _roles(options.get("tables", [])) if r not in printed]
    if missing:
        return decide(
            NOT_CHECKED,
            "empty.missing",
            findings=evidence,
            names=[ROLE_NAMES[r][0] for r in missing],
            names_en=[ROLE_NAMES[r][1] for r in missing],
        )
    return decide(YES, "empty.ok", findings=evidence, noted=noted)


def _where(disclosure: Disclosure, table: PrintedTable) -> Location:
    return Location(source=disclosure.source, table=table.name, line=table.title_line)


def decide_codes(facts: Facts, options: Mapping[str, Any]) -> Decision:
    """The ``table`` prints classification codes of ``digits`` digits."""
    role = TableRole(options["table"])
    digits = int(options["digits"])
    tables = facts.disclosure.tables_with(role)
    if not tables:
        zh, en = ROLE_NAMES[role]
        return decide(NOT_CHECKED, "codes.no_table", name=zh, name_en=en)
    codes = [row.code for t in tables for row in t.rows if row.code.isdigit()]
    name = tables[0].name
    place = [_where(facts.disclosure, tables[0])]
    fine = [c for c in codes if len(c) >= digits]
    if fine:
        return decide(
            YES, "codes.found", locations=place, table=name, count=len(fine), digits=digits
        )
    longest = max((len(c) for c in codes), default=0)
    return decide(NO, "codes.short", locations=place, table=name, digits=digits, longest=longest)


def _sentences(
    disclosure: Disclosure, words: Sequence[str] = ()
) -> Iterator[tuple[Section, Sentence]]:
    """The narrative's sentences, in sections titled with one of *words* (all when none)."""
    parent = ""
    for section in narrative_of(disclosure):
        if section.level <= 1:
            parent = section.title
        title = section.title + parent
        if not words or any(w in title for w in words):
            for sentence in section.sentences:
                yield section, sentence


def _matter_read(budget: Budget | None, matter: str) -> tuple[Money | None, int | None] | None:
    """The matter's figure (and count) as the budget holds it, None when not read."""
    if budget is None:
        return None
    if matter == "three_public" and budget.three_public is not None:
        return budget.three_public.total, None
    if matter == "admin_costs" and budget.admin_costs is not None:
        return budget.admin_costs, None
    if matter == "procurement" and budget.procurement is not None:
        return budget.procurement.total, None
    if matter == "assets" and budget.assets is not None and budget.assets != Assets():
        return None, None
    if matter == "performance" and budget.performance is not None:
        return budget.performance.amount, budget.performance.project_count
    return None


def decide_matter(facts: Facts, options: Mapping[str, Any]) -> Decision:
    """The narrative or the tables state the ``matter``, found by its ``words``."""
    disclosure = facts.disclosure
    matter = str(options["matter"])
    words = list(options.get("words", []))
    mentions = [
        (sentence.line, sentence.text)
        for section in narrative_of(disclosure)
        for sentence in section.sentences
        if any(w in sentence.text or w in section.title for w in words)
    ]
    first = mentions[0][0] if mentions else None
    read_figure = _matter_read(facts.budget, matter)
    if matter == "performance" and read_figure is None and disclosure.performance_tables:
        table = disclosure.performance_tables[0]
        return decide(
            YES,
            "matter.read",
            locations=[here(disclosure, table.title_line)],
            matter=matter,
            amount=None,
            count=len(disclosure.performance_tables),
            line=table.title_line,
        )
    if read_figure is not None:
        amount, count = read_figure
        return decide(
            YES,
            "matter.read",
            locations=[here(disclosure, first)] if first else [],
            matter=matter,
            amount=amount,
            count=count,
            line=first,
        )
    if not narrative_of(disclosure):
        return decide(NOT_CHECKED, "no_narrative")
    for line, text in mentions:
        if any(w in text for w in words) and _NONE.search(text):
            return decide(
                YES,
                "matter.none",
                locations=[here(disclosure, line)],
                line=line,
                text=_short(text),
            )
    for line, text in mentions:
        if any(w in text for w in words) and _AMOUNT.search(text):
            return decide(
                YES,
                "matter.sentence",
                locations=[here(disclosure, line)],
                line=line,
                text=_short(text),
            )
    if mentions:
        line = mentions[0][0]
        return decide(
            NOT_CHECKED,
            "matter.named_only",
            locations=[here(disclosure, line)],
            line=line,
            word=words[0],
        )
    return decide(NO, "matter.absent", words=words)


def _short(text: str, width: int = 40) -> str:
    text = re.sub(r"\s+", "", text)
    return text if len(text) <= width else text[: width - 1] + "…"


def decide_vehicle_split(facts: Facts, options: Mapping[str, Any]) -> Decision:
    """公务用车购置费 and 公务用车运行费 are shown apart (in the table or the narrative)."""
    del options
    disclosure = facts.disclosure
    table = disclosure.table(TableRole.THREE_PUBLIC)
    if table is not None:
        text = "".join(c.raw for c in table.cells()) + "".join(r.label for r in table.rows)
        if "购置" in text and "运行" in text:
            return decide(
                YES, "split.both", locations=[_where(disclosure, table)], line=table.title_line
            )
    said = [(s.line, s.text) for _, s in _sentences(disclosure, ["三公"])]
    for line, text in said:
        if "购置" in text and "运行" in text:
            return decide(YES, "split.both", locations=[here(disclosure, line)], line=line)
    if table is None and not said:
        return decide(NOT_CHECKED, "split.no_three_public")
    line = table.title_line if table is not None else said[0][0]
    return decide(NO, "split.not", locations=[here(disclosure, line)], line=line)


def decide_words_all(facts: Facts, options: Mapping[str, Any]) -> Decision:
    """Each of ``patterns`` (what it is, a regular expression) is found in the narrative."""
    disclosure = facts.disclosure
    if not narrative_of(disclosure):
        return decide(NOT_CHECKED, "no_narrative")
    lines: list[int] = []
    missing: list[str] = []
    for label, pattern in options.get("patterns", []):
        regex = re.compile(pattern)
        found = next((s.line for _, s in _sentences(disclosure) if regex.search(s.text)), None)
        if found is None:
            missing.append(label)
        else:
            lines.append(found)
    places = [here(disclosure, line) for line in lines]
    if missing:
        return decide(NO, "words.missing", locations=places, missing=missing)
    return decide(YES, "words.all", locations=places, lines=lines)


def decide_rules(facts: Facts, options: Mapping[str, Any]) -> Decision:
    """No finding of ``rules`` at ``severity`` or worse; the rules ran on what they need."""
    report = facts.report
    rules = list(options.get("rules", []))
    severity = Severity(options.get("severity", "warning"))
    needs = options.get("needs", "")
    if needs == "tables" and not facts.disclosure.tables:
        return decide(NOT_CHECKED, "no_tables")
    if needs == "narrative" and not narrative_of(facts.disclosure):
        return decide(NOT_CHECKED, "no_narrative")
    found = [f for f in report.at_least(severity) if f.rule in rules]
    if found:
        named = sorted({f.rule for f in found})
        places = [f.locations[0] for f in found if f.locations][:8]
        return decide(
            NO,
            "rules.found",
            findings=found,
            locations=places,
            count=len(found),
            rules=named,
            severity=severity.value,
        )
    ran = [r for r in [*rules, *options.get("checks", [])] if r in report.checks]
    if not ran:
        return decide(NOT_CHECKED, "rules.not_run", rules=rules)
    unchecked = [f for f in report.not_checked if f.rule.removesuffix(".not_checked") in rules]
    if unchecked:
        named = sorted({f.rule for f in unchecked})
        return decide(
            NOT_CHECKED,
            "rules.partly",
            findings=unchecked,
            count=len(unchecked),
            rules=named,
            severity=severity.value,
        )
    return decide(YES, "rules.clean", ran=ran, severity=severity.value)


_PARTS = {
    "tables": ("表格", "tables"),
    "narrative": ("情况说明", "narrative"),
    "profile": ("部门职责和机构设置", "duties and structure"),
    "glossary": ("名词解释", "glossary"),
}


def decide_complete(facts: Facts, options: Mapping[str, Any]) -> Decision:
    """The document holds each of ``parts``: tables, narrative, profile, glossary."""
    disclosure = facts.disclosure
    held = {
        "tables": bool(disclosure.tables),
        "narrative": bool(disclosure.tables) and bool(narrative_of(disclosure)),
        "profile": bool(disclosure.profile.functions)
        or any(s.part is SectionPart.PROFILE for s in disclosure.sections),
        "glossary": any(s.part is SectionPart.GLOSSARY for s in disclosure.sections)
        or any("名词解释" in s.title for s in disclosure.sections),
    }
    if not disclosure.tables:  # a narrative alone: is it one?
        held["narrative"] = bool(narrative_of(disclosure))
    missing = [p for p in options.get("parts", []) if not held.get(p, False)]
    if not missing:
        found = [p for p in options.get("parts", []) if p in _PARTS]
        return decide(
            YES,
            "complete.all",
            names=[_PARTS[p][0] for p in found],
            names_en=[_PARTS[p][1] for p in found],
        )
    names = [_PARTS[p][0] for p in missing if p in _PARTS]
    names_en = [_PARTS[p][1] for p in missing if p in _PARTS]
    key = "complete.unread" if _unread(disclosure) else "complete.missing"
    answer = NOT_CHECKED if _unread(disclosure) else NO
    return decide(answer, key, missing=names, missing_en=names_en)
