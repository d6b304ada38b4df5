"""
What a plugin author needs: the ``hookimpl`` marker, the `Comparator` and `Check`
protocols and what they receive and return.  See docs/plugins.md.
"""

from __future__ import annotations

from ._engine.changes import Change, Direction, Driver, Link, Subject
from ._engine.check import Report
from ._engine.compare import Comparison
from ._engine.contracts import Check, Comparator, CompareContext, CompareOptions
from ._engine.hookspecs import hookimpl
from ._engine.subject import CheckSubject
from ._model.findings import Finding, Location, Severity
from ._words import Messages

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
