"""
Template residue in every form (the rule ``narrative.residue``): a placeholder never
replaced ("XX", "××", "待填写"), a direction never chosen ("增加（减少）", "下降（增长）",
"(减少)"), a figure never filled in ("占基本支出预算%", "在职人员人"), a reason never
written ("主要原因是。", "主要原因是123。"), the template's words to the preparer
("对本单位的…进行说明。"), a section whose body is another section's, copied — and a
year run into the figure after it ("比201423.45万元"), which is read as no figure.

The forms a pattern finds are `ResidueClaim`s (`patterns.PLACEHOLDER`, one named group
per form); the others are read off the claims: a change or a rate whose direction is
`Direction.UNCLEAR`, a reason with nothing in it, two sections opening alike.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from budgetdiff._model.findings import Finding, Severity

from . import patterns as pat
from .book import Book
from .claims import (
    AmountClaim,
    ChangeClaim,
    Claim,
    Direction,
    PercentClaim,
    ReasonClaim,
    ResidueClaim,
)

_FORMS = {"pair": "direction", "number": "number", "instruction": "instruction"}
_FILLER = re.compile(r"[\s，,。；;：:、.．!！?？]")
_STUB = re.compile(r"[A-Za-z0-9]{1,3}")
"""What a reason of a few letters or digits is: typing a template's blank was filled with."""
_SAME = re.compile(r"[\s“”\"]")


def _form(claim: ResidueClaim) -> str:
    """Which form of residue a placeholder claim is (the group of `PLACEHOLDER` it matched)."""
    for found in pat.PLACEHOLDER.finditer(claim.sentence):
        if found.group() == claim.placeholder:
            return _FORMS.get(found.lastgroup or "", "placeholder")
    return "placeholder"


def _unwritten(reason: ReasonClaim) -> bool:
    """
    A reason never written: "主要原因是。" (read as ``empty``), or a stub of a few letters
    or digits in its place ("主要原因是123。", "主要原因是：xx。").
    """
    if reason.empty:
        return True
    lead = pat.REASON.match(reason.text)
    if lead is None or not re.search(r"[。；;]\s*$", reason.text):
        return False  # a reason the text stops in is cut, not unwritten
    return bool(_STUB.fullmatch(_FILLER.sub("", reason.text[lead.end() :])))


def _residue(book: Book) -> Iterator[Finding]:
    """Template residue: placeholders, directions and figures never chosen, empty reasons."""
    for claim in book.claims:
        kind, text = "", ""
        if isinstance(claim, ResidueClaim):
            kind, text = claim.form or _form(claim), claim.placeholder
        elif isinstance(claim, ChangeClaim | PercentClaim) and claim.direction is Direction.UNCLEAR:
            kind, text = "direction", claim.text
        elif isinstance(claim, ReasonClaim) and _unwritten(claim):
            kind, text = "reason", claim.text
        if kind:
            residue = claim if isinstance(claim, ResidueClaim) else None
            yield book.finding(
                "narrative.residue",
                Severity.WARNING,
                [claim],
                kind=kind,
                text=text,
                year=residue.year if residue else None,
                suggestion=residue.suggestion if residue else "",
            )
    yield from _repeated(book)


def _opening(book: Book) -> dict[str, Claim]:
    """Each section's first figure (its body's first sentence), in reading order."""
    first: dict[str, Claim] = {}
    for claim in book.claims:
        if claim.section and isinstance(claim, AmountClaim | ChangeClaim):
            first.setdefault(claim.section, claim)
    return first


def _repeated(book: Book) -> Iterator[Finding]:
    """
    A section opening with another section's sentence, word for word ("（一）收入预算⏎
    2024年收入预算500万元…" and "（二）支出预算⏎2024年收入预算500万元…"): the body
    was copied and never rewritten.  Only sentences that state figures count — "本单位
    无政府性基金预算" may truly hold for two sections.
    """
    seen: dict[str, Claim] = {}
    for section, claim in _opening(book).items():
        sentence = _SAME.sub("", claim.sentence)
        if len(sentence) < 10:
            continue
        other = seen.get(sentence)
        if other is None:
            seen[sentence] = claim
        elif pat.clean(other.section) != pat.clean(section):
            yield book.finding(
                "narrative.residue",
                Severity.WARNING,
                [claim, other],
                kind="repeated",
                text=claim.sentence.strip(),
                section=pat.clean(section),
                other=pat.clean(other.section),
                other_line=other.line,
            )


RESIDUE_RULES: tuple[Callable[[Book], Iterator[Finding]], ...] = (_residue,)
