"""
Verdicts that persist: a reviewer's word on each finding, kept in a file beside the
documents and matched to the findings of every later run by a stable fingerprint.

A finding's fingerprint hashes what stays true of it when the document is re-run or
republished with lines moved: the rule, the document (its unit, year, kind and scope as
it states them, not its file name), every location's table, row and column labels (never
its line, page or cell), and its figures (expected and actual; the inputs' values when it
has neither).  Two findings of one report that would share a fingerprint are told apart
by their order (``#2``, ``#3``), which a line inserted above both does not change.
See docs/review.md.
"""

from __future__ import annotations

import csv
import enum
import hashlib
import io
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol

from attrs import field, frozen

from budgetdiff._model.budget import BudgetKind, Scope
from budgetdiff._model.fields import tuple_of
from budgetdiff._model.findings import Finding, Location, Severity
from budgetdiff._model.money import Money, Value, plain
from budgetdiff.exceptions import InvalidFileError

from .report import Report

VERDICTS_FILE = "budgetdiff-verdicts.yaml"
"""The verdicts file `budgetdiff check` reads beside the documents when none is named."""


class Verdict(enum.Enum):
    """A reviewer's word on a finding; only ``OPEN`` findings are counted and fail a run."""

    OPEN = "open"  # not reviewed yet
    CONFIRMED = "confirmed"  # the document is wrong, as the finding says
    ACCEPTED = "accepted"  # explained by the unit: the figures stand
    FALSE = "false"  # the finding is wrong (a false positive)


class Document(Protocol):
    """What a fingerprint takes of a document: a `Report` or a `Disclosure`."""

    @property
    def source(self) -> str: ...
    @property
    def unit_name(self) -> str: ...
    @property
    def year(self) -> int | None: ...
    @property
    def kind(self) -> BudgetKind: ...
    @property
    def scope(self) -> Scope | None: ...


@frozen(kw_only=True)
class Marked:
    """One entry of a verdicts file: a fingerprint, its verdict, the reviewer's note."""

    fingerprint: str
    verdict: Verdict
    note: str = ""
    line: int | None = None  # where the entry starts in its file


@frozen(kw_only=True)
class Verdicts:
    """The verdicts of a file (or several), by fingerprint."""

    entries: Mapping[str, Marked] = field(factory=dict)
    sources: tuple[str, ...] = field(default=(), converter=tuple_of)

    def of(self, fingerprint: str) -> Verdict:
        entry = self.entries.get(fingerprint)
        return Verdict.OPEN if entry is None else entry.verdict

    def merged(self, other: Verdicts) -> Verdicts:
        """These verdicts and *other*'s; where both mark a finding, these win."""
        return Verdicts(
            entries={**other.entries, **self.entries}, sources=(*self.sources, *other.sources)
        )


@frozen(kw_only=True)
class Reviewed:
    """A `Report` with a verdict for each of its findings (failures are always open)."""

    report: Report
    fingerprints: tuple[str, ...] = field(converter=tuple_of)  # one per finding, in order
    verdicts: tuple[Verdict, ...] = field(converter=tuple_of)
    notes: tuple[str, ...] = field(converter=tuple_of)

    def verdict(self, finding: Finding) -> Verdict:
        return self.verdicts[self._index(finding)]

    def fingerprint(self, finding: Finding) -> str:
        return self.fingerprints[self._index(finding)]

    def note(self, finding: Finding) -> str:
        return self.notes[self._index(finding)]

    def _index(self, finding: Finding) -> int:
        return next(i for i, f in enumerate(self.report.findings) if f is finding)

    @property
    def open(self) -> tuple[Finding, ...]:
        """The findings no verdict closes."""
        return tuple(
            f for f, v in zip(self.report.findings, self.verdicts, strict=True) if v is Verdict.OPEN
        )

    def at_least(self, severity: Severity) -> tuple[Finding, ...]:
        """Open findings (and failures) of *severity* or worse, not-checked notes excluded."""
        return tuple(
            f
            for f in (*self.open, *self.report.failures)
            if f.severity.at_least(severity) and not f.rule.endswith(".not_checked")
        )

    def counts(self) -> Mapping[str, int]:
        """How many open findings (and failures) of each severity."""
        out = {s.value: 0 for s in Severity}
        for f in (*self.open, *self.report.failures):
            out[f.severity.value] += 1
        return out

    def tally(self) -> Mapping[str, int]:
        """How many findings each verdict has (``open`` included)."""
        out = {v.value: 0 for v in Verdict}
        for v in self.verdicts:
            out[v.value] += 1
        return out


def document_key(document: Document) -> str:
    """
    Which document, as it states itself: unit name, year, kind and scope; its file's
    name only when it names neither its unit nor its year.
    """
    name = _label(document.unit_name)
    if not name and document.year is None:
        name = Path(document.source).name
    scope = document.scope.value if document.scope is not None else ""
    return f"{name}|{document.year or ''}|{document.kind.value}|{scope}"


def fingerprint(finding: Finding, document: Document) -> str:
    """
    *finding*'s stable fingerprint in *document* (a `Report` or a `Disclosure`): 16 hex
    digits of a SHA-256 over its rule, the document, its locations' labels and its figures.
    """
    places = [_place(loc, document.source) for loc in finding.locations]
    figures = [_figure(finding.expected), _figure(finding.actual)]
    if finding.expected is None and finding.actual is None:
        figures = [_figure(value) for _, value in finding.inputs]
    material = json.dumps(
        [finding.rule, document_key(document), places, figures], ensure_ascii=False
    )
    return hashlib.sha256(material.encode()).hexdigest()[:16]


def fingerprints(report: Report) -> tuple[str, ...]:
    """The fingerprint of each finding of *report*, the second of a pair marked ``#2``."""
    seen: dict[str, int] = {}
    out = []
    for finding in report.findings:
        base = fingerprint(finding, report)
        seen[base] = seen.get(base, 0) + 1
        out.append(base if seen[base] == 1 else f"{base}#{seen[base]}")
    return tuple(out)


def review(report: Report, verdicts: Verdicts | None = None) -> Reviewed:
    """*report*'s findings with their verdicts (all open when *verdicts* is None)."""
    keys = fingerprints(report)
    verdicts = verdicts or Verdicts()
    notes = [verdicts.entries[k].note if k in verdicts.entries else "" for k in keys]
    return Reviewed(
        report=report, fingerprints=keys, verdicts=[verdicts.of(k) for k in keys], notes=notes
    )


def _label(text: str) -> str:
    """A label as the document means it: no spaces (总  计 is 总计), full-width brackets."""
    return re.sub(r"\s+", "", text).replace("(", "（").replace(")", "）")


def _place(location: Location, source: str) -> list[str]:
    other = "" if location.source in ("", source) else Path(location.source).name
    return [other, _label(location.table), _label(location.row), _label(location.column)]


def _figure(value: Value | None) -> str:
    if value is None:
        return ""
    if isinstance(value, Money):
        return f"{plain(value.yuan)}元"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return f"{value}#"
    if isinstance(value, Decimal):
        return f"{plain(value)}%"
    return _label(value)


# the file


def load_verdicts(path: str | Path) -> Verdicts:
    """
    The verdicts in *path* (YAML, or CSV when it ends in ``.csv``).  A malformed file
    raises `InvalidFileError` naming the file and the line.
    """
    path = Path(path)
    source = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InvalidFileError(source, ["no such verdicts file"]) from None
    except (OSError, UnicodeDecodeError) as exc:
        problem = exc.strerror if isinstance(exc, OSError) else f"not UTF-8 text ({exc.reason})"
        raise InvalidFileError(source, [f"cannot read the verdicts: {problem}"]) from None
    rows = _csv_rows(text) if path.suffix.lower() == ".csv" else _yaml_rows(text, source)
    entries: dict[str, Marked] = {}
    for line, row in rows:
        entry = _entry(row, line, source)
        earlier = entries.get(entry.fingerprint)
        if earlier is not None and earlier.verdict is not entry.verdict:
            problem = f"{entry.fingerprint} is marked already, on line {earlier.line}"
            raise InvalidFileError(source, [f"line {line}: {problem}"])
        entries[entry.fingerprint] = entry
    return Verdicts(entries=entries, sources=[source])


def _entry(row: Mapping[str, str], line: int, source: str) -> Marked:
    key = row.get("fingerprint", "").strip()
    if not re.fullmatch(r"[0-9a-f]{16}(#[0-9]+)?", key):
        problem = f"fingerprint {key!r} is not 16 hex digits (as --format verdicts writes it)"
        raise InvalidFileError(source, [f"line {line}: {problem}"])
    word = row.get("verdict", "").strip().lower()
    try:
        verdict = Verdict(word)
    except ValueError:
        choices = ", ".join(v.value for v in Verdict)
        problem = f"verdict {word!r} is not one of {choices}"
        raise InvalidFileError(source, [f"line {line}: {problem}"]) from None
    return Marked(fingerprint=key, verdict=verdict, note=row.get("note", "").strip(), line=line)


def _csv_rows(text: str) -> list[tuple[int, dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text))
    return [(reader.line_num, {k or "": v or "" for k, v in row.items()}) for row in reader]


def _yaml_rows(text: str, source: str) -> list[tuple[int, dict[str, str]]]:
    import yaml

    def fail(node: Any, problem: str) -> InvalidFileError:
        return InvalidFileError(source, [f"line {node.start_mark.line + 1}: {problem}"])

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise InvalidFileError(source, [f"{where}not valid YAML: {problem}"]) from None
    if root is None:
        return []
    if not isinstance(root, yaml.MappingNode):
        raise fail(root, "expected 'verdicts:' and a list of entries")
    items = [value for key, value in root.value if key.value == "verdicts"]
    if not items or (isinstance(items[0], yaml.ScalarNode) and items[0].value in ("", "null")):
        return []
    if not isinstance(items[0], yaml.SequenceNode):
        raise fail(items[0], "'verdicts:' should be a list of entries (each '- fingerprint: …')")
    rows = []
    for item in items[0].value:
        if not isinstance(item, yaml.MappingNode):
            raise fail(item, "an entry should be 'fingerprint: …' and 'verdict: …'")
        row: dict[str, str] = {}
        for key, value in item.value:
            if not isinstance(value, yaml.ScalarNode):
                raise fail(value, f"{key.value}: expected a single value")
            row[str(key.value)] = "" if value.value is None else str(value.value)
        rows.append((item.start_mark.line + 1, row))
    return rows


# the skeleton a reviewer edits

_HEADER = """\
# budgetdiff verdicts: a reviewer's word on each finding, kept beside the documents.
# Set each verdict to one of: open (not reviewed), confirmed (the document is wrong),
# accepted (explained by the unit), false (the finding is wrong); add a note if you like.
# The fingerprint matches the finding in later runs and later versions of the document
# (rule, document, table/row/column, figures; not the line). rule and where are for you.
verdicts:
"""


def verdicts_yaml(reviewed: Iterable[Reviewed]) -> str:
    """A verdicts file for every finding of *reviewed*, each with its verdict so far."""
    out = [_HEADER]
    for item in reviewed:
        report = item.report
        out.append(f"# {report.source}\n")
        for finding, key, verdict, note in zip(
            report.findings, item.fingerprints, item.verdicts, item.notes, strict=True
        ):
            where = str(finding.locations[0]) if finding.locations else ""
            out.append(f"- fingerprint: {json.dumps(key)}\n")
            out.append(f"  verdict: {verdict.value}\n")
            out.append(f"  rule: {json.dumps(finding.rule)}\n")
            out.append(f"  where: {json.dumps(where, ensure_ascii=False)}\n")
            out.append(f"  note: {json.dumps(note, ensure_ascii=False)}\n")
            message = " ".join(finding.message.split())
            out.append(f"  # [{finding.severity.value}] {message}\n")
    return "".join(out)


def verdicts_csv(reviewed: Iterable[Reviewed]) -> str:
    """The same as `verdicts_yaml`, one row per finding (a spreadsheet's way)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["fingerprint", "verdict", "note", "source", "rule", "where", "message"])
    for item in reviewed:
        for finding, key, verdict, note in zip(
            item.report.findings, item.fingerprints, item.verdicts, item.notes, strict=True
        ):
            where = str(finding.locations[0]) if finding.locations else ""
            writer.writerow(
                [key, verdict.value, note, item.report.source, finding.rule, where, finding.message]
            )
    return out.getvalue()


def verdicts_beside(paths: Sequence[Path]) -> Verdicts:
    """The verdicts files found beside *paths* (in each folder, or each file's folder)."""
    found = Verdicts()
    for folder in dict.fromkeys(p if p.is_dir() else p.parent for p in paths):
        candidate = folder / VERDICTS_FILE
        if candidate.is_file():
            found = found.merged(load_verdicts(candidate))
    return found
