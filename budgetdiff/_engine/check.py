"""
`check`: run the installed checks on a published disclosure and gather a `Report`.

Checks are plugins (``register_checks``).  Each sees a `CheckSubject`: the
disclosure as printed, plus what is derived from it once and shared — the
normalized budget, the narrative's claims, the catalog.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from attrs import evolve

from budgetdiff._model.catalog import Catalog
from budgetdiff._model.findings import Finding, Location, Severity
from budgetdiff._read.disclosure import Disclosure
from budgetdiff._read.reader import read
from budgetdiff._words import builtin_messages
from budgetdiff.exceptions import ReadError

from .contracts import Check
from .registry import choose, installed
from .report import Report
from .subject import CheckSubject


def check(
    disclosure: Disclosure | str | Path,
    *,
    checks: Sequence[str] | Mapping[str, Check] | None = None,
    block: Iterable[str] = (),
    catalog: Catalog | None = None,
    prior: Disclosure | str | Path | None = None,
) -> Report:
    """
    Check a published disclosure: its tables, their cross-references, its codes,
    its narrative's numbers and its profile.

    Args:
        disclosure: a `Disclosure` (from `budgetdiff.read`) or the path of one.
        checks: names of installed checks to run (all when None), or a mapping
            of name → check object to run instead of the installed ones.
        block: names of checks not to run.
        prior: last year's published disclosure of the same unit (a `Disclosure` or
            the path of a text, PDF or workbook), for the checks across years
            (``crossyear.*``); each check sees it as ``subject.prior``.

    A check that raises does not take the run down: its failure is reported in
    ``Report.failures`` and the others run.

    .. versionadded:: 0.1.0
    """
    subject = CheckSubject(
        _published(disclosure),
        catalog=catalog,
        prior=None if prior is None else _published(prior),
    )
    if not subject.disclosure.tables and not subject.claims:  # nothing states a figure
        document = subject.disclosure
        disclosure_like = bool(
            document.year or document.contents or any(s.title for s in document.sections)
        )  # a disclosure's opening (contents, duties) that states no figure yet
        empty = builtin_messages("check.toml").finding(
            "check.no_figures" if disclosure_like else "check.no_budget",
            Severity.WARNING if disclosure_like else Severity.ERROR,
            source=document.source,
            locations=[Location(source=document.source, line=1)],
        )
        return Report(
            source=subject.disclosure.source,
            findings=[empty],
            checks=[],
            unit_name=subject.disclosure.unit_name,
            year=subject.disclosure.year,
            kind=subject.disclosure.kind,
            scope=subject.disclosure.scope,
        )
    chosen = choose(
        checks,
        block,
        kind="check",
        registered=lambda: installed().checks,
        distribution="budgetdiff-checks",
    )
    findings: list[Finding] = []
    failures: list[Finding] = []
    for entry in chosen:
        try:
            findings.extend(entry.item.check(subject))
        except Exception as exc:  # one broken check must not take the others down
            failures.append(
                builtin_messages("check.toml").finding(
                    "check.failed",
                    Severity.ERROR,
                    actual=repr(exc),
                    check=entry.item.name,
                    plugin=entry.plugin,
                    error=f"{type(exc).__name__}: {exc}",
                )
            )
    if subject.normalize_error:
        failures.append(
            builtin_messages("check.toml").finding(
                "check.normalize_failed",
                Severity.WARNING,
                error=subject.normalize_error,
                source=subject.disclosure.source,
            )
        )
    ordered = sorted(_fold(_unique(findings)), key=_order)
    document = subject.disclosure
    lacks = "tables" if not document.tables else "" if document.narrative() else "narrative"
    return Report(
        source=document.source,
        findings=[_located(f, document) for f in ordered],
        checks=[e.item.name for e in chosen],
        failures=failures,
        unit_name=document.unit_name,
        year=document.year,
        kind=document.kind,
        scope=document.scope,
        lacks=lacks,
    )


def _published(disclosure: Disclosure | str | Path) -> Disclosure:
    """*disclosure*, read when it is a path; a structured budget file has nothing printed."""
    if hasattr(disclosure, "tables"):
        return disclosure  # type: ignore[return-value]
    document = read(Path(str(disclosure)))
    if not hasattr(document, "tables"):
        msg = "a structured budget file has no printed tables to check; check the published text"
        raise ReadError(str(disclosure), msg)
    return document  # type: ignore[return-value]


def _located(finding: Finding, disclosure: Disclosure) -> Finding:
    """*finding* with its places as a reader of the file finds them: file, page or cell, line."""
    if not disclosure.files:
        return finding
    places = finding.locations  # messages and inputs name them as `str(location)` renders
    return evolve(
        finding,
        message=disclosure.placed(finding.message, places),
        message_en=disclosure.placed(finding.message_en, places),
        locations=[disclosure.locate(location) for location in places],
        inputs=[(disclosure.placed(name, places), value) for name, value in finding.inputs],
        consequences=[_located(c, disclosure) for c in finding.consequences],
    )


def _unique(findings: Iterable[Finding]) -> list[Finding]:
    seen: dict[tuple[Any, ...], Finding] = {}
    for f in findings:
        seen.setdefault((f.rule, f.locations, f.expected, f.actual), f)
    return list(seen.values())


def _fold(findings: Sequence[Finding]) -> list[Finding]:
    """
    One root defect, one finding: each finding that ``follows`` a defect another
    finding reports (its ``defect``) is moved into that finding's consequences;
    a location is listed once per finding.
    """
    owners: dict[str, int] = {}
    for index, f in enumerate(findings):
        if f.defect and not f.follows:
            owners.setdefault(f.defect, index)
    attached: dict[int, list[Finding]] = {}
    kept: list[int] = []
    for index, f in enumerate(findings):
        owner = owners.get(f.follows) if f.follows else None
        if owner is not None and owner != index:
            attached.setdefault(owner, []).append(_once(f))
        else:
            kept.append(index)
    result = []
    for index in kept:
        f = _once(findings[index])
        more = sorted(attached.get(index, ()), key=_order)
        if more:
            # the root is as serious as the worst of what it causes
            worst = max([f.severity, *(c.severity for c in more)], key=lambda s: s.rank)
            f = evolve(f, severity=worst, consequences=[*f.consequences, *more])
        result.append(f)
    return result


def _once(finding: Finding) -> Finding:
    """*finding* with each of its locations listed once, in order."""
    unique = tuple(dict.fromkeys(finding.locations))
    return finding if unique == finding.locations else evolve(finding, locations=unique)


def _order(finding: Finding) -> tuple[int, int, str]:
    first: Location | None = finding.locations[0] if finding.locations else None
    line = first.line if first is not None and first.line is not None else 10**9
    return (line, -finding.severity.rank, finding.rule)
