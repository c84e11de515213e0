"""The bookkeeping every rule shares: a symptom followed over reports (:class:`Condition`), the
findings made so far (:class:`Recorder`), and report-to-report smoothing.

A condition counts the reports in a row where a value is past a threshold; it becomes a finding
after ``persistence`` of them, and past the warm-up. Once it is one, it holds until the value is
back past an exit threshold nearer the healthy side (hysteresis), so a value hovering at the
limit makes one finding, not one per crossing. Each (rule, subject) makes at most one finding
per run: its ``last_iteration`` follows the symptom and its severity is the worst it reached.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any

from fitscope.diagnostics.findings import Category, Finding, Severity
from fitscope.diagnostics.texts import render

__all__ = ["Condition", "Recorder", "smoothed"]

_LEVELS: dict[int, Severity] = {1: "info", 2: "warning", 3: "error"}
_RANK: dict[str, int] = {"info": 1, "warning": 2, "error": 3}


def smoothed(previous: float | None, value: float, iterations: int, weight: float = 0.3) -> float:
    """An exponential moving average that gives a report covering ``iterations`` iterations the
    weight a 10-iteration report gets with ``weight`` (so smoothing does not depend on the frequency)."""
    if previous is None:
        return value
    w = 1.0 - math.pow(1.0 - weight, max(iterations, 1) / 10.0)
    return previous + w * (value - previous)


@dataclass
class Condition:
    """A symptom measured by one number per report, larger meaning worse.

    ``update`` returns the severity level the symptom has earned (0 none, 1 info, 2 warning):
    info once the value was past ``info`` for ``persistence`` reports in a row, warning once
    past ``warning`` as long. Once earned, it holds while the value stays past ``exit``.
    """

    count: int = 0
    warn_count: int = 0
    since: int | None = None
    level: int = 0

    def update(
        self,
        value: float,
        info: float,
        warning: float,
        exit: float,
        iteration: int,
        persistence: int,
        *,
        may_warn: bool = True,
    ) -> int:
        """Follows the symptom to ``iteration``; returns the level it has (0 when it does not hold).

        With ``may_warn`` false this report does not count towards a warning (still in the
        warm-up, or the value is recovering on its own); a warning already earned stays.
        """
        if value > info or (self.level and value > exit):
            if self.since is None:
                self.since = iteration
            self.count += 1
            self.warn_count = self.warn_count + 1 if value > warning and may_warn else 0
            if self.count >= persistence:
                self.level = max(self.level, 1)
            if self.warn_count >= persistence:
                self.level = 2
            return self.level
        self.count, self.warn_count, self.since, self.level = 0, 0, None, 0
        return 0

    @property
    def holds(self) -> bool:
        """True while the symptom holds (past its threshold, or inside its hysteresis)."""
        return self.count > 0


class Recorder:
    """The findings of one stream, one per (rule, subject), in the order they were first made."""

    def __init__(self) -> None:
        self._findings: dict[tuple[str, str | None], Finding] = {}
        # the last iteration each symptom held, kept apart: extending a finding every report
        # must not rebuild it (a frozen dataclass) every report
        self._last: dict[tuple[str, str | None], int] = {}
        self.changed: list[Finding] = []

    @property
    def findings(self) -> list[Finding]:
        """Every finding so far, in the order they were first made, each up to date."""
        out = []
        for key, finding in self._findings.items():
            last = self._last[key]
            if last != finding.last_iteration:
                finding = self._findings[key] = replace(finding, last_iteration=last)
            out.append(finding)
        return out

    def has(self, rule: str, subject: str | None = None) -> bool:
        """True when ``rule`` already made a finding about ``subject``."""
        return (rule, subject) in self._findings

    def record(
        self,
        rule: str,
        category: Category,
        level: int,
        first: int,
        now: int,
        values: dict[str, Any],
        *,
        layer: str | None = None,
        parameter: str | None = None,
        subject: str | None = None,
        text: str | None = None,
    ) -> None:
        """Makes the finding, or extends the one ``rule`` made about ``subject`` (default: ``parameter``)
        to ``now``, raising its severity to ``level`` (1 info, 2 warning, 3 error) when that is worse.
        ``text`` names the words in :mod:`~fitscope.diagnostics.texts` (default: ``rule``)."""
        key = (rule, subject if subject is not None else parameter)
        severity = _LEVELS[level]
        known = self._findings.get(key)
        if known is not None:
            self._last[key] = max(self._last[key], now)
            if _RANK[severity] <= _RANK[known.severity]:
                return
            first = known.first_iteration
        values = {**values, "first": first}
        message, advice = render(text or rule, values, "en")
        zh_message, zh_advice = render(text or rule, values, "zh")
        finding = Finding(
            rule=rule,
            category=category,
            severity=severity,
            first_iteration=first,
            last_iteration=max(now, self._last.get(key, now)),
            noticed_iteration=now,
            message=message,
            advice=advice,
            layer=layer,
            parameter=parameter,
            evidence={k: _plain(v) for k, v in values.items() if k not in ("parameter", "layer")},
            translations={"zh": {"message": zh_message, "advice": zh_advice}},
        )
        self._findings[key] = finding
        self._last[key] = finding.last_iteration
        self.changed.append(finding)

    def extend(self, rule: str, subject: str | None, now: int) -> None:
        """Moves the ``last_iteration`` of the finding of (``rule``, ``subject``), if there is one, to ``now``."""
        key = (rule, subject)
        if key in self._last:
            self._last[key] = max(self._last[key], now)


def _plain(value: Any) -> Any:
    """Evidence rounded to what a reader needs (4 significant digits)."""
    if isinstance(value, float) and math.isfinite(value) and value != 0.0:
        return float(f"{value:.4g}")
    return value
