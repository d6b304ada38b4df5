"""``budgetdiff draft``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from budgetdiff._draft.basis import CHANGES_FROM
from budgetdiff._draft.drafting import draft
from budgetdiff._draft.families import Family, built_in, choose, family
from budgetdiff._draft.word import save_docx
from budgetdiff._model.budget import Budget
from budgetdiff._read.disclosure import Disclosure
from budgetdiff._read.reader import read
from budgetdiff.exceptions import BudgetDiffError

from .args import comparison_from


def _family(args: argparse.Namespace, new: Budget) -> Family:
    """``--style``, or the family NEW looks like: its template, its table titles, its unit."""
    if args.style:
        return family(args.style)
    document = read(args.new)
    if isinstance(document, Disclosure):
        titles = [t.title for t in document.tables]
        return choose(new, template=document.template.value, titles=titles)
    return choose(new)


def run_draft(args: argparse.Namespace) -> int:
    comparison = comparison_from(args)
    chosen = _family(args, comparison.new)
    result = draft(
        comparison,
        locale=args.locale,
        templates=args.templates,
        family=chosen,
        changes_from=args.changes_from,
    )
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
    print(f"house style: {chosen.name} ({chosen.description})", file=sys.stderr)
    if result.notes:
        print(f"{len(result.notes)} self-check note(s) at the end of the draft", file=sys.stderr)
    if result.placeholders:
        mark = "[to be completed …]" if args.locale == "en" else "【…】"
        print(f"{result.placeholders} place(s) marked {mark} wait for the author", file=sys.stderr)
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
    names = ", ".join(f.name for f in built_in())
    cmd.add_argument(
        "--style",
        metavar="FAMILY",
        help=f"the house style: {names}, or a folder with family.toml "
        "(default: the one NEW looks like)",
    )
    cmd.add_argument(
        "--templates",
        type=Path,
        action="append",
        help="a folder of templates overriding the family's by name",
    )
    cmd.add_argument(
        "--locale",
        "--lang",
        choices=["zh_CN", "en"],
        default="zh_CN",
        help="the draft's language: zh_CN (default), or en, a translation of every section",
    )
    cmd.add_argument(
        "--changes-from",
        choices=list(CHANGES_FROM),
        default="exact",
        help="compute each change from the two budgets' exact amounts (default), or from "
        "last year's figures as printed (万元 to 2 places, 四舍五入), so the draft agrees "
        "with what was published; the JSON and HTML trace keep the exact figure",
    )
    cmd.add_argument(
        "--min-amount",
        default="0",
        metavar="万元",
        help="ask reasons for changes of at least this (default: 0.5%% of total spending)",
    )
    cmd.add_argument(
        "--min-percent",
        default="0",
        metavar="PCT",
        help="… or of at least this percentage (default: 10)",
    )
    cmd.set_defaults(run=run_draft)
