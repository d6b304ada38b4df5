"""The ``budgetdiff`` command line: a thin layer over the library's API.

Exit status: 0 done, 1 findings at or above the chosen severity, 2 unusable input.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from budgetdiff._model.files import Format, dump, dumps
from budgetdiff._model.tables import derive_tables
from budgetdiff._normalize.inputs import budget_of
from budgetdiff._read.reader import laid_out
from budgetdiff.exceptions import BudgetDiffError

from .check import add_command as add_check
from .compare import add_commands
from .draft import add_command as add_draft
from .text import render_tables, report, title
from .workbook import needs_output, tables_workbook

EXIT_OK, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2


def _show(args: argparse.Namespace) -> int:
    budget, normalized = budget_of(args.file)
    print(title(budget), end="\n\n")
    print(render_tables(derive_tables(budget)), end="")
    if normalized is not None:
        print()
        print(report(normalized), end="")
    return EXIT_OK


def _convert(args: argparse.Namespace) -> int:
    as_text = args.format == "text" or (
        args.format is None and args.output is not None and args.output.suffix == ".txt"
    )
    if as_text:  # the layout the reader reads, so "line N" of a message is line N of it
        text = laid_out(args.file)
        if args.output is None:
            print(text, end="")
        else:
            args.output.write_text(text, encoding="utf-8")
            print(f"wrote {args.output}", file=sys.stderr)
        return EXIT_OK
    as_workbook = args.format == "xlsx" or (
        args.format is None and args.output is not None and args.output.suffix == ".xlsx"
    )
    if as_workbook:
        output = needs_output(args.output, "xlsx")  # before reading: no work thrown away
    budget, normalized = budget_of(args.file)
    if normalized is not None:
        print(report(normalized), end="", file=sys.stderr)
    if as_workbook:  # the nine tables, which budgetdiff reads back into this budget
        output.write_bytes(tables_workbook(budget))
        print(f"wrote {output}", file=sys.stderr)
        return EXIT_OK
    fmt = Format(args.format) if args.format else None
    if args.output is None:
        print(dumps(budget, fmt or Format.YAML), end="")
    else:
        dump(budget, args.output, fmt)
        print(f"wrote {args.output}", file=sys.stderr)
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="budgetdiff",
        description="Compare, check and explain Chinese budget disclosures (部门预算公开).",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    show = commands.add_parser(
        "show",
        help="print the nine standard tables of a budget",
        description="Print the nine standard tables of a budget or of a published document "
        "(normalized; what normalizing resolved is listed after the tables).",
    )
    show.add_argument(
        "file", type=Path, help="a budget (.yaml, .json, .toml) or a published .txt, .pdf, .xlsx"
    )
    show.set_defaults(run=_show)

    convert = commands.add_parser(
        "convert",
        help="a published document or a budget to YAML, JSON, TOML or a workbook of its "
        "tables; a PDF to its text",
        description="Write a budget as YAML, JSON or TOML; a published document (text, PDF, "
        "workbook) is normalized first and what it resolved is printed on stderr. With "
        "-o X.txt (or --format text) a PDF or a workbook is written as the text it is read "
        'as, so "line N" in a message is line N of that file. With -o X.xlsx (or --format '
        "xlsx) the nine standard tables are written as a workbook budgetdiff reads back.",
    )
    convert.add_argument("file", type=Path, help="a budget file or a published document")
    convert.add_argument("-o", "--output", type=Path, help="where to write (default: stdout)")
    convert.add_argument(
        "--format",
        choices=["yaml", "json", "toml", "text", "xlsx"],
        help="output format (default: by suffix)",
    )
    convert.set_defaults(run=_convert)

    add_commands(commands)
    add_check(commands)
    add_draft(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.run(args)
    except BudgetDiffError as exc:
        print(f"budgetdiff: {exc}", file=sys.stderr)
        return EXIT_UNUSABLE
    except OSError as exc:  # an output path that cannot be written, a folder that vanished
        where = exc.filename if exc.filename is not None else ""
        print(f"budgetdiff: {where}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_UNUSABLE
    except BrokenPipeError:  # `budgetdiff show … | head`
        sys.stderr.close()
        return EXIT_OK
    return status


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
