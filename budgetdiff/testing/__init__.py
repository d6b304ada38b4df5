"""
Test helpers for budgetdiff and its plugins.

``budgetdiff.testing.strategies`` holds the public Hypothesis strategies
(it needs the ``testing`` extra).
"""
