"""
The claims a narrative states (from `budgetdiff.claims`): amounts, changes,
percentages, counts, lists and reasons, each located in the text.
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
]
