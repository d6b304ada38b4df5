"""
`check_claims`: a narrative checked against itself, when no table is at hand.

Every figure is read as the interval it stands for (`_model.rounding`): a gap that
rounding explains is a note at most, and a percentage is compared with the
range its printed inputs allow.  The rules live in `_narrative.rates` (growth and
execution rates), `_narrative.sums` (parts and shares) and `_narrative.statements`
(figures stated twice, direction words, reasons, residue, years), `_narrative.identities`
(figures one budget's arithmetic ties together), `_narrative.breakdowns` (a change against
the parts its reason accounts for it with) and `_narrative.tallies` (counts against
the names they count).
"""

from __future__ import annotations

from collections.abc import Sequence

from budgetdiff._model.findings import Finding

from .book import Book
from .breakdowns import BREAKDOWN_RULES
from .claims import Claim
from .identities import IDENTITY_RULES
from .misprints import folded
from .rates import RATE_RULES
from .statements import STATEMENT_RULES
from .sums import SUM_RULES
from .tallies import TALLY_RULES


def check_claims(claims: Sequence[Claim]) -> tuple[Finding, ...]:
    """
    What a narrative's claims say against each other.

    Rates against the figures they are computed from, parts against their
    whole, shares against 100%, the same change or amount stated twice,
    direction words against signs, reasons against the change they explain,
    and template residue.  Rounding is arithmetic: a figure printed to 0.01
    stands for ±0.005, and only a gap no rounding explains is an error.

    .. versionadded:: 0.1.0
    """
    book = Book(claims)
    rules = (
        *RATE_RULES,
        *SUM_RULES,
        *STATEMENT_RULES,
        *IDENTITY_RULES,
        *BREAKDOWN_RULES,
        *TALLY_RULES,
    )
    findings = [finding for rule in rules for finding in rule(book)]
    return tuple(folded(book.claims, findings, rules))
