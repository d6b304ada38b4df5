"""
`checklist`: a disclosure against a finance bureau's inspection checklist (预算公开情况检查表).

The items are data (``budgetdiff/checklists/budget.toml``, ``final.toml``, or a bureau's own
file of the same shape); each is answered 是, 否 or 未核对 from the findings of `check`
and from what the document prints (the tables found, the matters its narrative states),
with the basis and the findings that decide it.  What could not be judged is 未核对,
never 是.
"""

from __future__ import annotations

import enum
import tomllib
from collections.abc import Callable, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from attrs import field, frozen

from budgetdiff._model.budget import Budget, BudgetKind
from budgetdiff._model.fields import tuple_of
from budgetdiff._model.findings import Finding, Location
from budgetdiff._normalize.normalize import normalize
from budgetdiff._read.disclosure import Disclosure
from budgetdiff._read.reader import read, read_parts
from budgetdiff.exceptions import BudgetDiffError, ReadError

from .check import check
from .checklist_items import (
    Decision,
    Facts,
    decide_codes,
    decide_complete,
    decide_empty_tables,
    decide_matter,
    decide_rules,
    decide_tables,
    decide_vehicle_split,
    decide_words_all,
)
from .checklist_reasons import decide_reasons
from .report import Report

EVALUATORS: dict[str, Callable[[Facts, Mapping[str, Any]], Decision]] = {
    "tables": decide_tables,
    "empty_tables": decide_empty_tables,
    "codes": decide_codes,
    "matter": decide_matter,
    "vehicle_split": decide_vehicle_split,
    "reasons": decide_reasons,
    "words_all": decide_words_all,
    "rules": decide_rules,
    "complete": decide_complete,
}


class Answer(enum.Enum):
    """An item's answer: 是, 否, or 未核对 (it could not be judged)."""

    YES = "是"
    NO = "否"
    NOT_CHECKED = "未核对"


@frozen(kw_only=True)
class ChecklistItem:
    """One item of a checklist as its file states it."""

    id: str
    zh: str
    en: str
    decided_by: str
    sources: tuple[tuple[str, str], ...] = field(default=(), converter=tuple_of)
    options: Mapping[str, Any] = field(factory=dict)  # tables, rules, words … (by decided_by)

    @property
    def verified(self) -> bool:
        """Whether a source backs it ([S]); an item resting on [K] alone is unverified."""
        return any(tag == "S" for _, tag in self.sources)


@frozen(kw_only=True)
class ItemResult:
    """An item's answer, why, and the findings and places that decide it."""

    item: ChecklistItem
    answer: Answer
    basis: str  # Chinese
    basis_en: str
    findings: tuple[Finding, ...] = field(default=(), converter=tuple_of)
    locations: tuple[Location, ...] = field(default=(), converter=tuple_of)


@frozen(kw_only=True)
class Checklist:
    """
    A disclosure's answers to an inspection checklist.

    .. versionadded:: 0.3.0
    """

    source: str
    title: str  # the checklist's name: 部门预算公开情况检查表
    title_en: str
    unit_name: str = ""
    year: int | None = None
    results: tuple[ItemResult, ...] = field(default=(), converter=tuple_of)

    def counts(self) -> Mapping[str, int]:
        """How many items read 是, 否 and 未核对."""
        out = {a.value: 0 for a in Answer}
        for r in self.results:
            out[r.answer.value] += 1
        return out

    def get(self, item_id: str) -> ItemResult:
        """The result of the item *item_id*."""
        for r in self.results:
            if r.item.id == item_id:
                return r
        raise KeyError(item_id)


def load_checklist(
    path: str | Path | None = None, *, kind: BudgetKind = BudgetKind.BUDGET
) -> tuple[str, str, tuple[ChecklistItem, ...]]:
    """
    The title and items of the checklist file *path*, or budgetdiff's own for *kind*.

    Raises:
        BudgetDiffError: the file cannot be read, or an item lacks a field or names an
            unknown ``decided_by``.
    """
    where = str(path) if path is not None else f"checklists/{kind.value}.toml"
    try:
        if path is None:
            name = "final.toml" if kind is BudgetKind.FINAL else "budget.toml"
            text = (resources.files("budgetdiff") / "checklists" / name).read_text("utf-8")
        else:
            text = Path(path).read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        msg = f"{where}: not a checklist file ({exc})"
        raise BudgetDiffError(msg) from exc
    head = data.get("checklist", {})
    items = []
    for index, entry in enumerate(data.get("item", []), start=1):
        missing = [k for k in ("id", "zh", "en", "decided_by") if k not in entry]
        if missing:
            msg = f"{where}: item {index} lacks {', '.join(missing)}"
            raise BudgetDiffError(msg)
        if entry["decided_by"] not in EVALUATORS:
            known = ", ".join(sorted(EVALUATORS))
            decided = entry["decided_by"]
            msg = f"{where}: item {entry['id']}: decided_by {decided!r} is not one of {known}"
            raise BudgetDiffError(msg)
        items.append(
            ChecklistItem(
                id=entry["id"],
                zh=entry["zh"],
                en=entry["en"],
                decided_by=entry["decided_by"],
                sources=[(str(s[0]), str(s[1])) for s in entry.get("sources", [])],
                options={
                    k: v for k, v in entry.items() if k not in ("id", "zh", "en", "decided_by")
                },
            )
        )
    if not items:
        msg = f"{where}: no [[item]] in the checklist"
        raise BudgetDiffError(msg)
    return str(head.get("zh", "")), str(head.get("en", "")), tuple(items)


def checklist(
    document: Disclosure | str | Path,
    *,
    report: Report | None = None,
    items: str | Path | None = None,
) -> Checklist:
    """
    Answer an inspection checklist (预算公开情况检查表) for a published disclosure.

    Args:
        document: a `Disclosure` (from `budgetdiff.read`) or the path of one.
        report: the `check` report of the same document (checked here when None).
        items: a checklist file of one's own (TOML, the shape of
            ``budgetdiff/checklists/budget.toml``); budgetdiff's own for the document's
            kind (预算 or 决算) when None.

    Returns:
        Each item 是, 否 or 未核对, with its basis and the findings that decide it.

    Raises:
        BudgetDiffError: the checklist file is unusable; ReadError: the document is.

    .. versionadded:: 0.3.0
    """
    disclosure = document if isinstance(document, Disclosure) else read(Path(str(document)))
    if not isinstance(disclosure, Disclosure):
        msg = "a structured budget file is no published document to inspect"
        raise ReadError(str(document), msg)
    if report is None:
        report = check(disclosure)
    title, title_en, listed = load_checklist(items, kind=disclosure.kind)
    facts = Facts(disclosure=disclosure, report=report, budget=_budget(disclosure))
    results = []
    for item in listed:
        decision: Decision = EVALUATORS[item.decided_by](facts, item.options)
        results.append(
            ItemResult(
                item=item,
                answer=Answer(decision.answer),
                basis=decision.basis,
                basis_en=decision.basis_en,
                findings=decision.findings,
                locations=[disclosure.locate(loc) for loc in decision.locations],
            )
        )
    return Checklist(
        source=report.source,
        title=title,
        title_en=title_en,
        unit_name=disclosure.unit_name,
        year=disclosure.year,
        results=results,
    )


def _budget(disclosure: Disclosure) -> Budget | None:
    """The disclosure's budget, for the matters it states; None when it cannot be had."""
    if not disclosure.tables:
        return None
    try:
        return normalize(disclosure).budget
    except Exception:  # the matters are then looked for in the narrative alone
        return None


def checklists_of(reports: Sequence[Report], *, items: str | Path | None = None) -> list[Checklist]:
    """
    One checklist per report of a batch, each document read again from its report's
    source (a disclosure checked as its parts joined, "a.txt + b.txt", from its parts).
    """
    result = []
    for report in reports:
        parts = report.source.split(" + ")
        if len(parts) > 1 and not Path(report.source).exists():
            document: Disclosure | str = read_parts(parts)
        else:
            document = report.source
        result.append(checklist(document, report=report, items=items))
    return result
