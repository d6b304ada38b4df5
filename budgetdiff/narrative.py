"""
The claims a narrative states (from `budgetdiff.claims`): amounts, changes,
percentages, counts, lists and reasons, each located in the text; and the
years it names that do not fit the year a document is about (`wrong_years`).
"""

from __future__ import annotations

from ._narrative.claims import (
    AmountClaim,
    ChangeClaim,
    Claim,
    ClaimKind,
    CountClaim,
    ListClaim,
    PercentClaim,
    PercentRole,
    Period,
    QuantityClaim,
    ReasonClaim,
    ResidueClaim,
    YearClaim,
    YearRole,
)
from ._narrative.years import wrong_years

__all__ = [
    "AmountClaim",
    "ChangeClaim",
    "Claim",
    "ClaimKind",
    "CountClaim",
    "ListClaim",
    "PercentClaim",
    "PercentRole",
    "Period",
    "QuantityClaim",
    "ReasonClaim",
    "ResidueClaim",
    "YearClaim",
    "YearRole",
    "wrong_years",
]
