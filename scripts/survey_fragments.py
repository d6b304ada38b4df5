"""Survey the narrative checks on the fragment corpus: every error and warning.

Run from the repository root with ../shared present::

    python scripts/survey_fragments.py            # one line per finding, then the counts
    python scripts/survey_fragments.py --toml     # the same findings as golden entries

Each fragment's body (the text after its header's ``---`` line) is written to a temporary
folder and checked through ``budgetdiff.check``, as a user of the command line gets it.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

import budgetdiff as bd

FRAGMENTS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "fragments"


def body(path: Path) -> str:
    """The fragment's text after its header's ``---`` line."""
    text = path.read_text(encoding="utf-8")
    _, _, rest = text.partition("\n---\n")
    return rest


def findings(folder: Path = FRAGMENTS) -> list[tuple[str, str, str, int | None, str]]:
    """(fragment, severity, rule, line, message) of every error and warning."""
    rows: list[tuple[str, str, str, int | None, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for path in sorted(folder.glob("*.txt")):
            target = Path(tmp) / path.name
            target.write_text(body(path), encoding="utf-8")
            report = bd.check(target)
            for finding in report.at_least(bd.Severity.WARNING):
                lines = [loc.line for loc in finding.locations if loc.line is not None]
                rows.append(
                    (
                        path.name[:3],
                        finding.severity.value,
                        finding.rule,
                        min(lines) if lines else None,
                        finding.message.replace(f"{tmp}/", ""),
                    )
                )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--toml", action="store_true", help="print golden entries")
    args = parser.parse_args(argv)
    if not FRAGMENTS.is_dir():
        print(f"{FRAGMENTS} is not present", file=sys.stderr)
        return 2
    rows = findings()
    for fragment, severity, rule, line, message in rows:
        if args.toml:
            print(
                f'[[finding]]\nfragment = "{fragment}"\nrule = "{rule}"\n'
                f'severity = "{severity}"\nline = {line if line is not None else -1}\n'
                f"message = {message!r}\n"
            )
        else:
            print(f"{fragment} {severity:7} {rule:32} L{line} {message}")
    counts = Counter(severity for _, severity, _, _, _ in rows)
    print(f"errors {counts['error']}, warnings {counts['warning']}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
