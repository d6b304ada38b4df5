"""`Rule`: a check of one rule, the unit a plugin registers and a user selects or blocks."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from attrs import frozen

from budgetdiff import Finding
from budgetdiff.plugin import CheckSubject


@frozen
class Rule:
    """A check of one rule: its id is its name, and ``run`` finds its findings."""

    name: str
    run: Callable[[CheckSubject], Iterator[Finding]]

    def check(self, subject: CheckSubject) -> Iterator[Finding]:
        return self.run(subject)
