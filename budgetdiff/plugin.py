"""
What a plugin author needs: the ``hookimpl`` marker, the `Comparator` and `Check`
protocols and what they receive and return.  See docs/plugins.md.
"""

from __future__ import annotations

from ._changes import Change, Direction, Driver, Link, Subject
from ._checking import Check, CheckSubject, Report
from ._comparing import Comparator, CompareContext, CompareOptions, Comparison
from ._findings import Finding, Location, Severity
from ._text import Messages
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
