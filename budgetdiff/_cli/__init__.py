"""The ``budgetdiff`` command line and what it prints (``budgetdiff._cli:main`` is the script)."""

from .main import main

__all__ = ["main"]
