"""
`CheckSubject`: what a check looks at — the disclosure as printed, and what is
derived from it once and shared by every check (the normalized budget, the
narrative's claims, the catalog); and, when given, last year's published
disclosure of the same unit (``prior``), itself a subject (``prior_subject``).

The normalizer and the claims extractor are imported when a check first asks for
the budget or the claims, not with this module: `budgetdiff.plugin` exports the
subject, and a comparator plugin importing it must not load the reading stages.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from budgetdiff._model.budget import Budget
from budgetdiff._model.catalog import Catalog, default_catalog

if TYPE_CHECKING:
    from budgetdiff._narrative.claims import Claim
    from budgetdiff._normalize.normalized import Normalized
    from budgetdiff._read.disclosure import Disclosure


class CheckSubject:
    """
    What a check looks at: the disclosure, and what is derived from it (computed
    once, on first use, and shared by every check).
    """

    def __init__(
        self,
        disclosure: Disclosure,
        *,
        catalog: Catalog | None = None,
        prior: Disclosure | None = None,
    ) -> None:
        self.disclosure = disclosure
        self.catalog = catalog or default_catalog()
        self.prior = prior  # last year's published disclosure of the same unit, when given
        self.normalize_error = ""  # why normalizing failed, when it did

    @functools.cached_property
    def prior_subject(self) -> CheckSubject | None:
        """
        Last year's disclosure as a subject of its own (its budget and claims derived
        once, on first use, with the same catalog); None when no prior was given.

        .. versionadded:: 0.2.0
        """
        if self.prior is None:
            return None
        return CheckSubject(self.prior, catalog=self.catalog)

    @functools.cached_property
    def normalized(self) -> Normalized | None:
        """The disclosure normalized into a `Budget` (None when it holds no tables)."""
        from budgetdiff._normalize.normalize import normalize  # on first use: see the module

        if not self.disclosure.tables:
            return None
        try:
            return normalize(self.disclosure, catalog=self.catalog)
        except Exception as exc:  # still checked table by table; the failure is reported
            self.normalize_error = f"{type(exc).__name__}: {exc}"
            return None

    @property
    def budget(self) -> Budget | None:
        """The normalized budget; None when the disclosure has no tables or fails to normalize."""
        normalized = self.normalized
        return None if normalized is None else normalized.budget

    @functools.cached_property
    def narrative_text(self) -> str:
        """The narrative as printed, headings included, one line per file line (numbers kept)."""
        lines = [""] * self.disclosure.line_count
        for section in self.disclosure.narrative():
            if 0 < section.line <= len(lines) and section.title:  # headings bound lists and years
                lines[section.line - 1] = section.title
            for line in section.lines:
                if 0 < line.number <= len(lines):
                    lines[line.number - 1] = line.text
        return "\n".join(lines)

    @functools.cached_property
    def claims(self) -> tuple[Claim, ...]:
        """Every numeric claim of the narrative (`budgetdiff.claims`)."""
        from budgetdiff._narrative.extract import claims  # on first use: see the module

        return claims(self.narrative_text, source=self.disclosure.source)
