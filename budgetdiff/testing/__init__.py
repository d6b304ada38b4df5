"""
Test helpers for budgetdiff and its plugins.

``budgetdiff.testing.strategies`` holds the public Hypothesis strategies
(it needs the ``testing`` extra).
"""

from __future__ import annotations


def _hypothesis_setup_hook() -> None:
    """
    Registered through the ``hypothesis`` entry point, so ``st.from_type(Budget)``
    works.  It runs while hypothesis itself is imported, so the strategies are
    deferred: this module must not import them (or hypothesis) at import time.
    """
    from hypothesis import strategies as st

    from budgetdiff._model.budget import Budget
    from budgetdiff._model.codes import EconomicCode, FunctionCode
    from budgetdiff._model.money import Money

    def ours() -> object:
        from . import strategies

        return strategies

    st.register_type_strategy(Money, st.deferred(lambda: ours().money()))  # type: ignore[attr-defined]
    st.register_type_strategy(FunctionCode, st.deferred(lambda: ours().function_codes()))  # type: ignore[attr-defined]
    st.register_type_strategy(EconomicCode, st.deferred(lambda: ours().economic_codes()))  # type: ignore[attr-defined]
    st.register_type_strategy(Budget, st.deferred(lambda: ours().budgets()))  # type: ignore[attr-defined]
