"""Automatic diagnostics: the seed's debugging guide (score, update:parameter ratio, activations,
parameters), applied to a run's reports.

``diagnose(storage)`` runs the rules over stored runs; :class:`Diagnoser` runs them on reports
one at a time, as they arrive. See docs/diagnostics.md.
"""

from __future__ import annotations

from fitscope.diagnostics.engine import Diagnoser
from fitscope.diagnostics.findings import CATEGORIES, SEVERITIES, DiagnosticsConfig, Finding
from fitscope.diagnostics.run import diagnose, diagnose_stream

__all__ = [
    "CATEGORIES",
    "SEVERITIES",
    "Diagnoser",
    "DiagnosticsConfig",
    "Finding",
    "diagnose",
    "diagnose_stream",
]
