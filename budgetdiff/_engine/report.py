"""`Report`: the findings of `check` on one disclosure, and the checks that ran."""

from __future__ import annotations

from collections.abc import Mapping

from attrs import field, frozen

from budgetdiff._model.budget import BudgetKind, Scope
from budgetdiff._model.fields import tuple_of
from budgetdiff._model.findings import Finding, Severity


@frozen(kw_only=True)
class Report:
    """The findings of `check` on one disclosure."""

    source: str
    findings: tuple[Finding, ...] = field(converter=tuple_of)
    checks: tuple[str, ...] = field(default=(), converter=tuple_of)
    failures: tuple[Finding, ...] = field(default=(), converter=tuple_of)
    unit_name: str = ""  # as the document names its unit
    year: int | None = None
    kind: BudgetKind = BudgetKind.BUDGET  # as the document states what its figures are
    scope: Scope | None = None  # 部门 or 单位, when the document says
    lacks: str = ""  # "tables" or "narrative" when the document printed only the other

    @property
    def partial(self) -> bool:
        """Whether the document is one part of a disclosure (its tables, or its narrative)."""
        return bool(self.lacks)

    @property
    def not_checked(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.rule.endswith(".not_checked"))

    def at_least(self, severity: Severity) -> tuple[Finding, ...]:
        """Findings of *severity* or worse (not-checked notes excluded)."""
        return tuple(
            f
            for f in (*self.findings, *self.failures)
            if f.severity.at_least(severity) and not f.rule.endswith(".not_checked")
        )

    def counts(self) -> Mapping[str, int]:
        """How many findings of each severity."""
        out = {s.value: 0 for s in Severity}
        for f in (*self.findings, *self.failures):
            out[f.severity.value] += 1
        return out
