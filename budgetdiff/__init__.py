"""
budgetdiff: compare a budget unit's annual budget across years, check what it
publishes, and draft the 情况说明.

Everything public is importable from here; the names load on first use, so
``import budgetdiff`` stays fast and loads no plugin.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._budget import Budget, BudgetKind, Scope
    from ._catalog import Catalog, default_catalog, load_catalog
    from ._changes import Change, Direction, Driver, Link, Subject
    from ._codes import EconomicCode, FunctionCode, Level
    from ._comparing import Comparator, CompareContext, CompareOptions, Comparison, compare
    from ._draft_model import Draft
    from ._drafting import draft
    from ._files import Format, dump, dumps, load, loads
    from ._findings import Finding, Location, Severity
    from ._funds import EconomicLine, ExpenditureLine, Funds, FundSource
    from ._matters import Assets, PerformanceSummary, Procurement, ThreePublic, VehicleHolding
    from ._money import Money, Presentation, Unit
    from ._profile import Headcount, Profile, Staffing, StaffKind
    from ._projects import EconomicAmount, FundingItem, Indicator, PerformanceTargets, Project
    from ._tables import Table, TableRole, derive_tables
    from ._validate import validate
    from .hookspecs import hookimpl

_EXPORTS = {
    "Assets": "._matters",
    "Budget": "._budget",
    "BudgetKind": "._budget",
    "Catalog": "._catalog",
    "Change": "._changes",
    "Comparator": "._comparing",
    "CompareContext": "._comparing",
    "CompareOptions": "._comparing",
    "Comparison": "._comparing",
    "Direction": "._changes",
    "Draft": "._draft_model",
    "Driver": "._changes",
    "EconomicAmount": "._projects",
    "EconomicCode": "._codes",
    "EconomicLine": "._funds",
    "ExpenditureLine": "._funds",
    "Finding": "._findings",
    "Format": "._files",
    "FunctionCode": "._codes",
    "FundSource": "._funds",
    "FundingItem": "._projects",
    "Funds": "._funds",
    "Headcount": "._profile",
    "Indicator": "._projects",
    "Level": "._codes",
    "Link": "._changes",
    "Location": "._findings",
    "Money": "._money",
    "PerformanceSummary": "._matters",
    "PerformanceTargets": "._projects",
    "Presentation": "._money",
    "Procurement": "._matters",
    "Profile": "._profile",
    "Project": "._projects",
    "Scope": "._budget",
    "Severity": "._findings",
    "StaffKind": "._profile",
    "Staffing": "._profile",
    "Subject": "._changes",
    "Table": "._tables",
    "TableRole": "._tables",
    "ThreePublic": "._matters",
    "Unit": "._money",
    "VehicleHolding": "._matters",
    "compare": "._comparing",
    "default_catalog": "._catalog",
    "derive_tables": "._tables",
    "draft": "._drafting",
    "dump": "._files",
    "dumps": "._files",
    "hookimpl": ".hookspecs",
    "load": "._files",
    "load_catalog": "._catalog",
    "loads": "._files",
    "validate": "._validate",
}

__all__ = [
    "Assets",
    "Budget",
    "BudgetKind",
    "Catalog",
    "Change",
    "Comparator",
    "CompareContext",
    "CompareOptions",
    "Comparison",
    "Direction",
    "Draft",
    "Driver",
    "EconomicAmount",
    "EconomicCode",
    "EconomicLine",
    "ExpenditureLine",
    "Finding",
    "Format",
    "FunctionCode",
    "FundSource",
    "FundingItem",
    "Funds",
    "Headcount",
    "Indicator",
    "Level",
    "Link",
    "Location",
    "Money",
    "PerformanceSummary",
    "PerformanceTargets",
    "Presentation",
    "Procurement",
    "Profile",
    "Project",
    "Scope",
    "Severity",
    "StaffKind",
    "Staffing",
    "Subject",
    "Table",
    "TableRole",
    "ThreePublic",
    "Unit",
    "VehicleHolding",
    "__version__",
    "compare",
    "default_catalog",
    "derive_tables",
    "draft",
    "dump",
    "dumps",
    "hookimpl",
    "load",
    "load_catalog",
    "loads",
    "validate",
]


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import version

        return version("budgetdiff")
    module = _EXPORTS.get(name)
    if module is None:
        msg = f"module {__name__!r} has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
