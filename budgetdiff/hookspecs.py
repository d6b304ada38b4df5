"""
The hooks a budgetdiff plugin can implement.

A plugin is a module registered in the ``budgetdiff`` entry-point group; it
implements hooks with ``@budgetdiff.hookimpl``.  Hooks are always called with
keyword arguments, and an implementation may accept fewer arguments than the
spec lists (so a hook can grow an argument without breaking plugins).  Every
hook hands the plugin a ``register`` callback; call it once per thing you add.

``register_comparators(register)``, ``register_checks(register)`` and
``register_template_dirs(register)`` are documented in docs/plugins.md, one
section each.  ``hookspec`` marks budgetdiff's own specs; a plugin uses ``hookimpl``.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from ._engine.hookspecs import (
    hookimpl,
    hookspec,
    register_checks,
    register_comparators,
    register_template_dirs,
)

__all__ = [
    "hookimpl",
    "hookspec",
    "register_checks",
    "register_comparators",
    "register_template_dirs",
]
