"""
The hooks a budgetdiff plugin can implement (the public face is `budgetdiff.hookspecs`).

Every hook is called with keyword arguments and hands the plugin a ``register``
callback; an implementation may accept fewer arguments than the spec lists, so
a hook can grow an argument without breaking plugins.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:  # `from budgetdiff import hookimpl` loads pluggy, not the engine
    from .contracts import Check, Comparator

PROJECT = "budgetdiff"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)
"""The marker of a hook implementation: ``@hookimpl def register_checks(register): …``."""


@hookspec
def register_comparators(register: Callable[[Comparator], None]) -> None:
    """
    Register comparators by calling ``register(comparator)`` once for each.

    A comparator has a unique dotted ``name`` and a ``compare(old, new, context)``
    method returning `Change` objects.  Two comparators with the same name are
    an error that names both plugins.

    .. versionadded:: 0.1.0
    """


@hookspec
def register_checks(register: Callable[[Check], None]) -> None:
    """
    Register checks of published disclosures by calling ``register(check)`` once for each.

    A check has a unique dotted ``name`` and a ``check(subject)`` method returning
    `Finding` objects.  Two checks with the same name are an error.

    .. versionadded:: 0.1.0
    """


@hookspec
def register_template_dirs(register: Callable[[Path], None]) -> None:
    """
    Contribute folders of draft templates by calling ``register(path)``.

    Plugin folders are searched after the user's ``--templates`` folder and
    before the built-in templates, so a plugin can replace a section's wording.

    .. versionadded:: 0.1.0
    """
