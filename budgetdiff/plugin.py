"""
What a plugin author needs: the ``hookimpl`` marker, the `Comparator` and `Check`
protocols and what they receive and return.  See docs/plugins.md.
"""

from __future__ import annotations

from ._engine.changes import Change, Direction, Driver, Link, Subject
from ._engine.check import Check, CheckSubject, Report
from ._engine.compare import Comparator, CompareContext, CompareOptions, Comparison
from ._model.findings import Finding, Location, Severity
from ._words import Messages
from .hookspecs import hookimpl

__all__ = [
    "Change",
    "Check",
    "CheckSubject",
    "Comparator",
    "CompareContext",
    "CompareOptions",
    "Comparison",
    "Direction",
    "Driver",
    "Finding",
    "Link",
    "Location",
    "Messages",
    "Report",
    "Severity",
    "Subject",
    "hookimpl",
]
