"""
One misprinted figure, one finding: when a narrative gives one subject two amounts
("第85行为56.12万元，第86行为57.80万元"), the other findings on those lines may be
nothing but that misprint's consequences (a growth rate that only fits the other figure,
a direction word the other figure would make right).

Each reading is tried: the figure is set to the value the other statement gives, and the
rules run again.  The findings that disappear under the reading that removes most of them
follow the restatement (`Finding.follows`, folded by `budgetdiff.check` into its
``consequences``); the restatement names that figure as its defect (`Claim.key`), so a
table rule reporting the same printed figure against the tables follows it too.  A finding
that stays under the correction is no consequence, and stays a finding.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from attrs import evolve

from budgetdiff._model.findings import Finding

from .book import Book
from .claims import AmountClaim, Claim

Rule = Callable[[Book], Iterator[Finding]]

RESTATED = "narrative.restated_amount"


def _signature(finding: Finding) -> tuple[str, tuple[int | None, ...]]:
    return finding.rule, tuple(location.line for location in finding.locations)


def folded(
    claims: Sequence[Claim], findings: Sequence[Finding], rules: Sequence[Rule]
) -> list[Finding]:
    """*findings* with each restated amount's consequences marked as following it."""
    out = list(findings)
    by_id = {claim.id: claim for claim in claims}
    for index, finding in enumerate(findings):
        if finding.rule != RESTATED or not finding.defect.startswith("claims:"):
            continue
        members = [by_id[int(i)] for i in finding.defect.removeprefix("claims:").split(",")]
        amounts = [m for m in members if isinstance(m, AmountClaim)]
        best: tuple[AmountClaim, set[tuple[str, tuple[int | None, ...]]]] | None = None
        for wrong in amounts:
            right = next((m for m in amounts if m.amount != wrong.amount), None)
            if right is None:
                continue
            gone = _gone_if(claims, findings, rules, wrong, right)
            if gone and (best is None or len(gone) > len(best[1])):
                best = (wrong, gone)
        if best is None:
            out[index] = evolve(finding, defect="")
            continue
        wrong, gone = best
        out[index] = evolve(finding, defect=wrong.key)
        for other, f in enumerate(out):
            if other != index and not f.follows and _signature(f) in gone:
                out[other] = evolve(f, follows=wrong.key)
    return out


def _gone_if(
    claims: Sequence[Claim],
    findings: Sequence[Finding],
    rules: Sequence[Rule],
    wrong: AmountClaim,
    right: AmountClaim,
) -> set[tuple[str, tuple[int | None, ...]]]:
    """The findings that disappear when *wrong* is printed as *right*."""
    corrected = evolve(wrong, amount=right.amount, places=right.places, printed=right.printed)
    book = Book(corrected if claim.id == wrong.id else claim for claim in claims)
    after = {_signature(f) for rule in rules for f in rule(book)}
    return {_signature(f) for f in findings if f.rule != RESTATED and _signature(f) not in after}
