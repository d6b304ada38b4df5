"""
The narrative checked against itself (the check ``narrative.consistency``).

Runs `budgetdiff.check_claims` inside ``budgetdiff.check``: growth and execution
rates against their figures, parts against their whole, shares against 100%,
figures and changes stated twice, direction words, reasons, template residue
and years (the findings keep check_claims's rule ids: ``narrative.delta_growth``,
``narrative.parts_sum``, …).  Changes, growth rates and prior-year figures can
only be checked this way: the tables hold one year.

The claims are read from the narrative with its headings (`_narrative_base`).
Where the tables state the year they are about, the narrative's years are
checked against it by ``narrative.document`` (``narrative.report_year``,
``narrative.base_year``, ``narrative.as_of_year``) and check_claims's own
``narrative.year`` — which can only take the narrative's word for the year — is
left out, so that a title naming the wrong year is reported once, as itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from attrs import frozen

from budgetdiff import Finding, check_claims, hookimpl
from budgetdiff.plugin import Check, CheckSubject

from ._narrative_base import narrative_claims, tables_year

NARRATIVE_YEAR = "narrative.year"


@frozen
class NarrativeConsistency:
    """The check ``narrative.consistency``: `budgetdiff.check_claims` on the narrative."""

    name: str = "narrative.consistency"

    def check(self, subject: CheckSubject) -> Iterator[Finding]:
        anchored = bool(subject.disclosure.tables) and tables_year(subject.disclosure) is not None
        for found in check_claims(narrative_claims(subject)):
            if anchored and found.rule == NARRATIVE_YEAR:
                continue
            yield found


@hookimpl
def register_checks(register: Callable[[Check], None]) -> None:
    register(NarrativeConsistency())
