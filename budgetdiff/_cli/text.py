"""
What the command line prints for people: a comparison (text or Markdown), findings
grouped for a reviewer, tables aligned for Chinese (wide) characters, and what
normalizing a published text resolved.  The words are in ``templates/``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from attrs import frozen

from budgetdiff._engine.changes import Change
from budgetdiff._engine.compare import Comparison
from budgetdiff._engine.report import Report
from budgetdiff._engine.verdicts import Reviewed, Verdict
from budgetdiff._model.budget import Budget
from budgetdiff._model.findings import Finding, Severity
from budgetdiff._model.money import Unit
from budgetdiff._model.tables import Row, Table
from budgetdiff._normalize.normalized import Normalized
from budgetdiff._words import NumberStyle, builtin_environment, builtin_messages, number

KIND_ORDER = (
    "total",
    "income",
    "share",
    "function",
    "reclassified",
    "economic",
    "project",
    "staff",
    "three_public",
    "admin_costs",
    "procurement",
    "assets",
    "performance",
    "funds",
    "field",
)


@frozen
class ChangeGroup:
    kind: str
    changes: Sequence[Change]


def group_changes(changes: Sequence[Change]) -> list[ChangeGroup]:
    """Changes grouped by subject kind, in reading order (totals first, fields last)."""
    kinds = sorted(
        {c.subject.kind for c in changes},
        key=lambda k: (KIND_ORDER.index(k) if k in KIND_ORDER else 99, k),
    )
    return [
        ChangeGroup(kind, [c for c in changes if c.subject.kind == k])
        for k in kinds
        for kind in [k]
    ]


def render_comparison(comparison: Comparison, fmt: str = "text") -> str:
    """*comparison* as ``text`` or ``markdown``."""
    template = builtin_environment().get_template(f"compare/{fmt}.j2")
    style = NumberStyle(unit=comparison.new.presentation.unit)
    return template.render(
        old=comparison.old,
        new=comparison.new,
        groups=group_changes(comparison.changes),
        failures=comparison.failures,
        drivers=comparison.drivers,
        style=style,
    )


@frozen
class FindingGroup:
    title: str
    findings: tuple[Finding, ...]


def group_findings(report: Report, least: Severity = Severity.NOTE) -> list[FindingGroup]:
    """
    Findings at *least* or above, grouped by the table or section of their first
    location, in document order.
    """
    groups: dict[str, list[Finding]] = {}
    for finding in report.findings:
        if not finding.severity.at_least(least):
            continue
        first = finding.locations[0] if finding.locations else None
        groups.setdefault(first.table if first else "", []).append(finding)
    return [FindingGroup(title, tuple(items)) for title, items in groups.items()]


def render_report(
    report: Report, least: Severity = Severity.NOTE, reviewed: Reviewed | None = None
) -> str:
    """
    The findings of `check` on one disclosure at *least* or above, grouped for a reviewer;
    with *reviewed*, each with its verdict, and the counts those still open.
    """
    hidden = sum(1 for f in report.findings if not f.severity.at_least(least))
    closed = reviewed is not None and any(v is not Verdict.OPEN for v in reviewed.verdicts)
    return (
        builtin_environment()
        .get_template("check/text.j2")
        .render(
            report=report,
            groups=group_findings(report, least),
            counts=reviewed.counts() if reviewed is not None and closed else report.counts(),
            hidden=hidden,
            least=least.value,
            reviewed=reviewed if closed else None,
            style=NumberStyle(),
        )
    )


_NUMERALS = "一二三四五六七八九十"


def display_width(text: str) -> int:
    """Columns *text* takes in a terminal: wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, *, right: bool = False) -> str:
    gap = " " * max(0, width - display_width(text))
    return gap + text if right else text + gap


def table_style(table: Table) -> NumberStyle:
    """How the table prints its amounts: 万元 as the seed does, 元 with separators."""
    p = table.presentation
    return NumberStyle(unit=p.unit, places=p.places, thousands=p.unit is Unit.YUAN)


def _grid(headers: Sequence[str], rows: Sequence[Row], style: NumberStyle) -> list[str]:
    body = [
        [row.code, row.label, *("" if c is None else number(c, style) for c in row.cells)]
        for row in rows
    ]
    width = len(headers)
    body = [cells + [""] * (width - len(cells)) for cells in body]
    widths = [max(display_width(r[i]) for r in [list(headers), *body]) for i in range(width)]
    lines = []
    for i, cells in enumerate([list(headers), *body]):
        padded = [_pad(c, widths[j], right=j >= 2 and i > 0) for j, c in enumerate(cells)]
        lines.append("  ".join(padded).rstrip())
        if i == 0:
            lines.append("  ".join("-" * w for w in widths))
    return lines


def render_table(table: Table) -> str:
    """*table* as aligned text: its number, title and unit, then its rows."""
    words = builtin_environment().get_template("tables/words.j2").module
    label = _NUMERALS[table.number - 1] if 0 < table.number <= 10 else str(table.number)
    style = table_style(table)
    lines = [str(words.heading(label, table.title, table.presentation.unit.value)).strip()]  # type: ignore[attr-defined]
    sections = list(dict.fromkeys(row.section for row in table.rows))
    for section in sections:
        rows = [row for row in table.rows if row.section == section]
        headers = ["编码", section or "项目", *table.columns]
        if section == "收入":
            headers = ["", "收入", *table.columns[:1]]
        lines += _grid(headers, rows, style)
        lines.append("")
    if table.note:
        lines.append(str(words.note(table.note)).strip())  # type: ignore[attr-defined]
    return "\n".join(lines).rstrip() + "\n"


def render_tables(tables: Sequence[Table]) -> str:
    return "\n".join(render_table(t) for t in tables)


def title(budget: Budget, locale: str = "zh") -> str:
    """The heading ``show`` prints above a budget's tables: its unit and year."""
    return builtin_messages("reader.toml").render(
        "cli.title", locale, {"unit": budget.unit_name, "year": budget.year}
    )


def report(normalized: Normalized, locale: str = "zh") -> str:
    """The resolutions and reading problems of *normalized*, one per line."""
    lines: list[str] = []
    for rule, items in (
        (
            "cli.resolved",
            [r.message if locale == "zh" else r.message_en for r in normalized.resolutions],
        ),
        (
            "cli.problems",
            [p.message if locale == "zh" else p.message_en for p in normalized.problems],
        ),
    ):
        if not items:
            continue
        lines.append(builtin_messages("reader.toml").render(rule, locale, {"count": len(items)}))
        lines += [f"  - {item}" for item in items]
    return "\n".join(lines) + "\n" if lines else ""
