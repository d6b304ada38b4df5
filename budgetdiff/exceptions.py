"""The errors budgetdiff raises on purpose; catch `BudgetDiffError` for all of them."""

from __future__ import annotations


class BudgetDiffError(Exception):
    """Base class of every error budgetdiff raises on purpose."""


class InvalidFileError(BudgetDiffError, ValueError):
    """
    A structured file (YAML, JSON, TOML) cannot be turned into a model.

    ``str(error)`` is one line per problem, each naming the file and the path
    inside it: ``2021.yaml: expenditure[3].basic.general_public: '433..34' is not an amount``.
    """

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = tuple(problems)
        super().__init__("\n".join(f"{source}: {p}" for p in problems))


class ReadError(BudgetDiffError, ValueError):
    """A document cannot be read at all (not text, unknown encoding, no budget in it)."""

    def __init__(self, source: str, message: str, *, line: int | None = None) -> None:
        self.source = source
        self.line = line
        where = source if line is None else f"{source}:{line}"
        super().__init__(f"{where}: {message}")


class PluginError(BudgetDiffError):
    """A plugin is broken: a bad registration, a misspelled hook, a duplicate name."""


class TemplateError(BudgetDiffError):
    """A narrative template is missing or fails; the message names the file and line."""


class SelfCheckError(BudgetDiffError, AssertionError):
    """A generated draft states a number its own budgets contradict (a bug)."""


__all__ = [
    "BudgetDiffError",
    "InvalidFileError",
    "PluginError",
    "ReadError",
    "SelfCheckError",
    "TemplateError",
]
