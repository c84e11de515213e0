"""Fixtures: the run library's runs, each trained once per test session and diagnosed once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from fitscope.diagnostics import Finding, diagnose

from .runs import Run, run

#: The keys of a finding's JSON form (``fitscope diagnose --json``, ``Finding.to_json``).
FINDING_KEYS = {
    "rule",
    "category",
    "severity",
    "first_iteration",
    "last_iteration",
    "noticed_iteration",
    "layer",
    "parameter",
    "message",
    "advice",
    "evidence",
}


@dataclass(frozen=True)
class Diagnosed:
    """A run and its findings."""

    run: Run
    findings: list[Finding]

    def alarms(self) -> list[Finding]:
        """Findings of warning or worse."""
        return [f for f in self.findings if f.severity in ("warning", "error")]


@pytest.fixture(scope="session")
def diagnosed() -> Callable[[str], Diagnosed]:
    """``diagnosed(name)``: the run called ``name`` (its own seed), trained on first use and kept for
    the session, with the findings of :func:`fitscope.diagnostics.diagnose`."""
    cache: dict[str, Diagnosed] = {}

    def get(name: str) -> Diagnosed:
        if name not in cache:
            r = run(name)
            cache[name] = Diagnosed(r, diagnose(r.storage))
        return cache[name]

    return get
