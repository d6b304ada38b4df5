"""What the command line needs from reading: a budget from any file, and a report of
what reading and normalising a published text had to resolve."""

from __future__ import annotations

from budgetdiff._model.budget import Budget
from budgetdiff._normalize.normalized import Normalized
from budgetdiff._read.problems import render


def title(budget: Budget, locale: str = "zh") -> str:
    """The heading ``show`` prints above a budget's tables: its unit and year."""
    return render(
        "reader.toml", "cli.title", locale, {"unit": budget.unit_name, "year": budget.year}
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
        lines.append(render("reader.toml", rule, locale, {"count": len(items)}))
        lines += [f"  - {item}" for item in items]
    return "\n".join(lines) + "\n" if lines else ""
