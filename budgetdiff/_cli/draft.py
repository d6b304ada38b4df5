"""``budgetdiff draft``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from budgetdiff._draft.drafting import draft
from budgetdiff._draft.word import save_docx
from budgetdiff.exceptions import BudgetDiffError

from .args import comparison_from


def run_draft(args: argparse.Namespace) -> int:
    comparison = comparison_from(args)
    result = draft(comparison, locale=args.locale, templates=args.templates)
    if args.format == "docx":
        if args.output is None:
            msg = "--format docx needs -o FILE.docx"
            raise BudgetDiffError(msg)
        save_docx(result, args.output)
    else:
        text = result.render(args.format)
        if args.output is None:
            sys.stdout.write(text)
        else:
            args.output.write_text(text, encoding="utf-8")
    if args.output is not None:
        print(f"wrote {args.output}", file=sys.stderr)
    if result.placeholders:
        print(f"{result.placeholders} place(s) marked 【…】 wait for the author", file=sys.stderr)
    return 0


def add_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = commands.add_parser(
        "draft",
        help="draft the 情况说明 from last year's and this year's budget",
        description="Draft the whole 情况说明 of NEW against OLD; every number traced.",
    )
    cmd.add_argument("old", type=Path, help="last year's budget")
    cmd.add_argument("new", type=Path, help="this year's budget")
    cmd.add_argument(
        "--format", choices=["text", "markdown", "html", "docx", "json"], default="text"
    )
    cmd.add_argument("-o", "--output", type=Path, help="where to write (default: stdout)")
    cmd.add_argument(
        "--templates",
        type=Path,
        action="append",
        help="a folder of templates overriding the built-in ones by name",
    )
    cmd.add_argument("--locale", choices=["zh_CN", "en"], default="zh_CN")
    cmd.set_defaults(run=run_draft)
