"""
The budget model: a `Budget` and everything in it, exact money and classification codes.

Build budgets in code from these; read and write them with `budgetdiff.load` /
`budgetdiff.dump`.
"""

from __future__ import annotations

from ._model.budget import Budget, BudgetKind, Scope
from ._model.catalog import Catalog, default_catalog, load_catalog
from ._model.codes import EconomicCode, FunctionCode, Level
from ._model.funds import EconomicLine, ExpenditureLine, Funds, FundSource
from ._model.matters import Assets, PerformanceSummary, Procurement, ThreePublic, VehicleHolding
from ._model.money import Money, Presentation, Unit
from ._model.profile import Headcount, Profile, Staffing, StaffKind
from ._model.projects import EconomicAmount, FundingItem, Indicator, PerformanceTargets, Project
from ._model.tables import Table, TableRole

__all__ = [
    "Assets",
    "Budget",
    "BudgetKind",
    "Catalog",
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
    "Scope",
    "StaffKind",
    "Staffing",
    "Table",
    "TableRole",
    "ThreePublic",
    "Unit",
    "VehicleHolding",
    "default_catalog",
    "load_catalog",
]
