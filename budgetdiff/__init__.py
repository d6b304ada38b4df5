"""
budgetdiff: compare a budget unit's annual budget across years, check what it
publishes, and draft the 情况说明.

The front door: the verbs (load, read, normalize, validate, compare, check,
claims, draft) and the types you meet first.  The rest is in four public
modules: ``budgetdiff.model`` (the budget), ``budgetdiff.disclosure`` (a
document as printed), ``budgetdiff.narrative`` (claims), ``budgetdiff.plugin``
(for plugin authors), plus ``budgetdiff.exceptions`` and ``budgetdiff.testing``.
Names load on first use, so ``import budgetdiff`` stays fast and loads no plugin.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._batch import check_many, compare_many
    from ._budget import Budget
    from ._changes import Change, Direction
    from ._checking import Report, check
    from ._claim_consistency import check_claims
    from ._claims import claims
    from ._codes import EconomicCode, FunctionCode
    from ._comparing import CompareOptions, Comparison, compare
    from ._disclosure import Disclosure
    from ._draft_model import Draft
    from ._drafting import draft
    from ._files import Format, dump, dumps, load, loads
    from ._findings import Finding, Severity
    from ._money import Money, Presentation, Unit
    from ._normalize import normalize
    from ._reader import read
    from ._tables import derive_tables
    from ._validate import validate
    from .hookspecs import hookimpl

_EXPORTS = {
    "Budget": "._budget",
    "Change": "._changes",
    "CompareOptions": "._comparing",
    "Comparison": "._comparing",
    "Direction": "._changes",
    "Disclosure": "._disclosure",
    "Draft": "._draft_model",
    "EconomicCode": "._codes",
    "Finding": "._findings",
    "Format": "._files",
    "FunctionCode": "._codes",
    "Money": "._money",
    "Presentation": "._money",
    "Report": "._checking",
    "Severity": "._findings",
    "Unit": "._money",
    "check": "._checking",
    "check_many": "._batch",
    "check_claims": "._claim_consistency",
    "claims": "._claims",
    "compare": "._comparing",
    "compare_many": "._batch",
    "derive_tables": "._tables",
    "draft": "._drafting",
    "dump": "._files",
    "dumps": "._files",
    "hookimpl": ".hookspecs",
    "load": "._files",
    "loads": "._files",
    "normalize": "._normalize",
    "read": "._reader",
    "validate": "._validate",
}

__all__ = [
    "Budget",
    "Change",
    "CompareOptions",
    "Comparison",
    "Direction",
    "Disclosure",
    "Draft",
    "EconomicCode",
    "Finding",
    "Format",
    "FunctionCode",
    "Money",
    "Presentation",
    "Report",
    "Severity",
    "Unit",
    "__version__",
    "check",
    "check_claims",
    "check_many",
    "claims",
    "compare",
    "compare_many",
    "derive_tables",
    "draft",
    "dump",
    "dumps",
    "hookimpl",
    "load",
    "loads",
    "normalize",
    "read",
    "validate",
]


_SUBMODULES = frozenset(
    {"model", "disclosure", "narrative", "plugin", "exceptions", "hookspecs", "testing"}
)


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import version

        return version("budgetdiff")
    if name in _SUBMODULES:
        return importlib.import_module(f".{name}", __name__)
    module = _EXPORTS.get(name)
    if module is None:
        msg = f"module {__name__!r} has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
