"""
The hooks a budgetdiff plugin can implement.

A plugin is a module registered in the ``budgetdiff`` entry-point group; it
implements hooks with ``@budgetdiff.hookimpl``.  Hooks are always called with
keyword arguments, and an implementation may accept fewer arguments than the
spec lists (so a hook can grow an argument without breaking plugins).  Every
hook hands the plugin a ``register`` callback; call it once per thing you add.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from ._engine.check import Check
    from ._engine.compare import Comparator

hookspec = pluggy.HookspecMarker("budgetdiff")
hookimpl = pluggy.HookimplMarker("budgetdiff")


@hookspec
def register_comparators(register: Callable[[Comparator], None]) -> None:
    """
    Register comparators by calling ``register(comparator)`` once for each.

    A comparator has a unique dotted ``name`` and a ``compare(old, new, context)``
    method returning `Change` objects.  Two comparators with the same name are
    an error that names both plugins.
    """


@hookspec
def register_checks(register: Callable[[Check], None]) -> None:
    """
    Register checks of published disclosures by calling ``register(check)`` once for each.

    A check has a unique dotted ``name`` and a ``check(subject)`` method returning
    `Finding` objects.  Two checks with the same name are an error.
    """


@hookspec
def register_template_dirs(register: Callable[[Path], None]) -> None:
    """
    Contribute folders of draft templates by calling ``register(path)``.

    Plugin folders are searched after the user's ``--templates`` folder and
    before the built-in templates, so a plugin can replace a section's wording.
    """
