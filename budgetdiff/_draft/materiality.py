"""
Which changes a draft asks a reason for: those above a materiality threshold.

By default a change is material when it moves by at least 10% or by at least a
unit-size-aware amount (0.5% of this year's total spending), and every change from or
to a zero base is.  Thresholds given to `compare` (``CompareOptions``, the command
line's ``--min-amount``/``--min-percent``) are the same thresholds: when the comparison
was made with them, the draft uses them.
"""

from __future__ import annotations

from decimal import Decimal

from attrs import frozen

from budgetdiff._engine.changes import Change
from budgetdiff._engine.compare import Comparison
from budgetdiff._model.money import ZERO, Money

DEFAULT_PERCENT = Decimal(10)
DEFAULT_SHARE_OF_TOTAL = Decimal("0.005")  # of this year's total spending


@frozen(kw_only=True)
class Materiality:
    """A change is material when it moves by ``min_percent`` or by ``min_amount``."""

    min_percent: Decimal = DEFAULT_PERCENT
    min_amount: Money = ZERO

    @classmethod
    def of(cls, comparison: Comparison) -> Materiality:
        """The comparison's own thresholds if it was given any, else the defaults."""
        options = comparison.options
        if options.min_amount or options.min_percent:
            return cls(min_percent=options.min_percent, min_amount=options.min_amount)
        size = comparison.new.expenditure_total
        amount = Money(abs(size.yuan) * DEFAULT_SHARE_OF_TOTAL)
        return cls(min_amount=amount)

    def material(self, change: Change) -> bool:
        delta = change.delta
        if not isinstance(delta, Money):
            return True  # a count of staff, a text: always worth a word
        if delta == ZERO:
            return False
        old = change.old
        if old is None or (isinstance(old, Money) and old == ZERO) or change.new in (None, ZERO):
            return True  # from or to a zero base
        if self.min_amount and abs(delta) >= self.min_amount:
            return True
        growth = change.growth
        return growth is not None and bool(self.min_percent) and abs(growth) >= self.min_percent
