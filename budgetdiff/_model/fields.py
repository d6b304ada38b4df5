"""Field converters shared by the frozen models."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def tuple_of(items: Iterable[Any]) -> tuple[Any, ...]:
    """Converter: any iterable becomes an immutable tuple (mypy checks the field's own type)."""
    return tuple(items)
