"""
What a plugin author needs: the ``hookimpl`` marker, the `Comparator` and `Check`
protocols and what they receive and return, the message catalogs and number
filters findings are written with, the rounding arithmetic that decides whether
printed figures agree, and what is installed.  See docs/plugins.md.

A plugin imports only ``budgetdiff`` and its public modules (``model``,
``disclosure``, ``narrative``, ``plugin``, ``exceptions``, and ``testing`` in its
tests) — budgetdiff's own first-party plugins included.
"""

from __future__ import annotations

from ._engine.changes import Change, Direction, Driver, Fact, Link, Subject
from ._engine.compare import Comparison
from ._engine.contracts import Check, Comparator, CompareContext, CompareOptions
from ._engine.hookspecs import hookimpl
from ._engine.registry import LoadFailure, PluginInfo, Registered, Registry, installed
from ._engine.report import Report
from ._engine.subject import CheckSubject
from ._model.findings import Finding, Location, Severity
from ._model.rounding import (
    Interval,
    PercentFit,
    SumCheck,
    SumVerdict,
    check_sum,
    fit_percent,
    half_step,
    implied_share,
    nearest,
    places_of,
)
from ._words import Messages, NumberStyle, install_filters

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
    "Fact",
    "Finding",
    "Interval",
    "Link",
    "LoadFailure",
    "Location",
    "Messages",
    "NumberStyle",
    "PercentFit",
    "PluginInfo",
    "Registered",
    "Registry",
    "Report",
    "Severity",
    "Subject",
    "SumCheck",
    "SumVerdict",
    "check_sum",
    "fit_percent",
    "half_step",
    "hookimpl",
    "implied_share",
    "install_filters",
    "installed",
    "nearest",
    "places_of",
]
