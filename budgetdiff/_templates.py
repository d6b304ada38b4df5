"""The jinja2 environments that turn results into words (templates live in ``templates/``)."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ._words import install_filters

if TYPE_CHECKING:
    import jinja2


@functools.cache
def builtin_environment() -> jinja2.Environment:
    """The environment of budgetdiff's own report templates (not user-overridable)."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("budgetdiff", "templates"),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    install_filters(env)
    return env
