"""Field converters shared by the checks' frozen models."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def tuple_of(items: Iterable[Any]) -> tuple[Any, ...]:
    """attrs converter: any iterable becomes a tuple (mypy checks the field's own type)."""
    return tuple(items)
