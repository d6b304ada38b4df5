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
    from ._draft.document import Draft
    from ._draft.drafting import draft
    from ._engine.batch import check_many, compare_many
    from ._engine.changes import Change, Direction
    from ._engine.check import check
    from ._engine.checklist import checklist
    from ._engine.compare import Comparison, compare
    from ._engine.contracts import CompareOptions
    from ._engine.hookspecs import hookimpl
    from ._engine.report import Report
    from ._engine.validate import validate
    from ._engine.verdicts import Reviewed, Verdict, Verdicts, fingerprint, load_verdicts, review
    from ._model.budget import Budget
    from ._model.codes import EconomicCode, FunctionCode
    from ._model.files import Format, dump, dumps, load, loads
    from ._model.findings import Finding, Severity
    from ._model.money import Money, Presentation, Unit
    from ._model.tables import derive_tables
    from ._narrative.consistency import check_claims
    from ._narrative.extract import claims
    from ._normalize.normalize import normalize
    from ._read.disclosure import Disclosure
    from ._read.reader import read

_EXPORTS = {
    "Budget": "._model.budget",
    "Change": "._engine.changes",
    "CompareOptions": "._engine.contracts",
    "Comparison": "._engine.compare",
    "Direction": "._engine.changes",
    "Disclosure": "._read.disclosure",
    "Draft": "._draft.document",
    "EconomicCode": "._model.codes",
    "Finding": "._model.findings",
    "Format": "._model.files",
    "FunctionCode": "._model.codes",
    "Money": "._model.money",
    "Presentation": "._model.money",
    "Report": "._engine.report",
    "Reviewed": "._engine.verdicts",
    "Severity": "._model.findings",
    "Unit": "._model.money",
    "Verdict": "._engine.verdicts",
    "Verdicts": "._engine.verdicts",
    "check": "._engine.check",
    "check_many": "._engine.batch",
    "checklist": "._engine.checklist",
    "check_claims": "._narrative.consistency",
    "claims": "._narrative.extract",
    "compare": "._engine.compare",
    "compare_many": "._engine.batch",
    "derive_tables": "._model.tables",
    "draft": "._draft.drafting",
    "fingerprint": "._engine.verdicts",
    "dump": "._model.files",
    "dumps": "._model.files",
    "hookimpl": "._engine.hookspecs",
    "load": "._model.files",
    "load_verdicts": "._engine.verdicts",
    "loads": "._model.files",
    "normalize": "._normalize.normalize",
    "read": "._read.reader",
    "review": "._engine.verdicts",
    "validate": "._engine.validate",
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
    "Reviewed",
    "Severity",
    "Unit",
    "Verdict",
    "Verdicts",
    "__version__",
    "check",
    "check_claims",
    "check_many",
    "checklist",
    "claims",
    "compare",
    "compare_many",
    "derive_tables",
    "draft",
    "dump",
    "dumps",
    "fingerprint",
    "hookimpl",
    "load",
    "load_verdicts",
    "loads",
    "normalize",
    "read",
    "review",
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
