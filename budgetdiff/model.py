"""
The budget model: a `Budget` and everything in it, exact money and classification codes.

Build budgets in code from these; read and write them with `budgetdiff.load` /
`budgetdiff.dump` (or any format through `make_converter`, the cattrs converter).
Money helpers: `total` sums exactly, `percent` is None on a zero base, `half_up`
rounds 四舍五入 and `truncated` cuts, for presentation only; `plain` prints a
Decimal without exponent.
"""

from __future__ import annotations

from ._model.budget import Budget, BudgetKind, Scope
from ._model.catalog import (
    Catalog,
    CatalogEntry,
    Relation,
    default_catalog,
    load_catalog,
    names_agree,
)
from ._model.codes import EconomicCode, FunctionCode, Level
from ._model.funds import EconomicLine, ExpenditureLine, Funds, FundSource, SpendingKinds
from ._model.matters import Assets, PerformanceSummary, Procurement, ThreePublic, VehicleHolding
from ._model.money import (
    ZERO,
    Money,
    Presentation,
    Quantity,
    Unit,
    Value,
    half_up,
    percent,
    plain,
    total,
    truncated,
)
from ._model.profile import Headcount, Profile, Staffing, StaffKind
from ._model.projects import EconomicAmount, FundingItem, Indicator, PerformanceTargets, Project
from ._model.serde import make_converter
from ._model.tables import Table, TableRole

__all__ = [
    "ZERO",
    "Assets",
    "Budget",
    "BudgetKind",
    "Catalog",
    "CatalogEntry",
    "EconomicAmount",
    "EconomicCode",
    "EconomicLine",
    "ExpenditureLine",
    "FunctionCode",
    "FundSource",
    "FundingItem",
    "Funds",
    "Headcount",
    "Indicator",
    "Level",
    "Money",
    "PerformanceSummary",
    "PerformanceTargets",
    "Presentation",
    "Procurement",
    "Profile",
    "Project",
    "Quantity",
    "Relation",
    "Scope",
    "SpendingKinds",
    "StaffKind",
    "Staffing",
    "Table",
    "TableRole",
    "ThreePublic",
    "Unit",
    "Value",
    "VehicleHolding",
    "default_catalog",
    "half_up",
    "load_catalog",
    "make_converter",
    "names_agree",
    "percent",
    "plain",
    "total",
    "truncated",
]
