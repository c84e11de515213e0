"""The bookkeeping every rule shares: a symptom followed over reports (:class:`Condition`), the
findings made so far (:class:`Recorder`), and report-to-report smoothing.

A condition counts the reports in a row where a value is past a threshold; it becomes a finding
after ``persistence`` of them, and past the warm-up. Once it is one, it holds until the value is
back past an exit threshold nearer the healthy side (hysteresis), so a value hovering at the
limit makes one finding, not one per crossing. Each (rule, subject) makes at most one finding
per run: its ``last_iteration`` follows the symptom and its severity is the worst it reached.

The rules run on every tensor of every report, so this is built to cost little on the common
path: a condition keeps its thresholds and changes nothing while it is idle and its value is not
past ``info`` (the rules test that before calling :meth:`Condition.update`), smoothing weights
are computed once per report span (:class:`SpanWeights`), and a condition keeps the
:class:`Entry` of the finding it became, so extending that finding report after report
(:meth:`Condition.recorded`) builds neither its evidence nor a key.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

from fitscope.diagnostics.findings import Category, Finding, Severity
from fitscope.diagnostics.texts import render

__all__ = ["Condition", "Entry", "Recorder", "SpanWeights", "smoothing_weight"]

_LEVELS: dict[int, Severity] = {1: "info", 2: "warning", 3: "error"}


def smoothing_weight(iterations: int, weight: float = 0.3) -> float:
    """The weight an exponential moving average gives a report covering ``iterations`` iterations:
    what a 10-iteration report gets with ``weight`` (so smoothing does not depend on the frequency).
    The average moves as ``previous + w * (value - previous)``."""
    return 1.0 - math.pow(1.0 - weight, max(iterations, 1) / 10.0)


class SpanWeights(dict[int, float]):
    """``weights[span]``: :func:`smoothing_weight` of ``span`` iterations, computed once per span
    (a stream's reports mostly cover the same number of iterations)."""

    def __init__(self, weight: float = 0.3) -> None:
        super().__init__()
        self.weight = weight

    def __missing__(self, span: int) -> float:
        if len(self) >= 64:  # irregular reports: stay bounded
            self.clear()
        w = self[span] = smoothing_weight(span, self.weight)
        return w


class Entry:
    """One finding as the :class:`Recorder` keeps it: as made (at its severity level), and the
    last iteration its symptom held (kept apart: extending a finding every report must not
    rebuild it, a frozen dataclass, every report)."""

    __slots__ = ("finding", "last", "level")

    def __init__(self, finding: Finding, level: int) -> None:
        self.finding = finding
        self.level = level
        self.last = finding.last_iteration

    def extend(self, level: int, now: int) -> bool:
        """Moves ``last`` to ``now``; returns False when ``level`` is worse than the finding's
        (it must be recorded again, at that level)."""
        if level > self.level:
            return False
        if now > self.last:
            self.last = now
        return True


class Condition:
    """A symptom measured by one number per report, larger meaning worse.

    ``update`` returns the severity level the symptom has earned (0 none, 1 info, 2 warning):
    info once the value was past ``info`` for ``persistence`` reports in a row, warning once
    past ``warning`` as long. Once earned, it holds while the value stays past ``exit``.

    It holds while ``count`` > 0. While it does not (it is idle), a value not past ``info``
    changes nothing, so callers on a hot path skip the call then:
    ``c.update(v, it) if v > c.info or c.count else 0``.
    ``entry`` is the finding the condition became (the rule sets it from :meth:`Recorder.record`).
    """

    __slots__ = ("count", "entry", "exit", "info", "level", "persistence", "since", "warn_count", "warning")

    def __init__(self, info: float, warning: float, exit: float, persistence: int) -> None:
        self.info = info
        self.warning = warning
        self.exit = exit
        self.persistence = persistence
        self.count = 0
        self.warn_count = 0
        self.since: int | None = None
        self.level = 0
        self.entry: Entry | None = None

    def update(self, value: float, iteration: int, *, may_warn: bool = True) -> int:
        """Follows the symptom to ``iteration``; returns the level it has (0 when it does not hold).

        With ``may_warn`` false this report does not count towards a warning (still in the
        warm-up, or the value is recovering on its own); a warning already earned stays.
        """
        if value > self.info or (self.level and value > self.exit):
            if self.since is None:
                self.since = iteration
            self.count += 1
            self.warn_count = self.warn_count + 1 if value > self.warning and may_warn else 0
            if self.count >= self.persistence:
                self.level = max(self.level, 1)
            if self.warn_count >= self.persistence:
                self.level = 2
            return self.level
        if self.count:
            self.count, self.warn_count, self.since, self.level = 0, 0, None, 0
        return 0

    def recorded(self, level: int, now: int) -> bool:
        """True when the finding this condition became is at ``level`` or worse: it is extended to
        ``now`` and there is nothing to record (its evidence need not be built)."""
        entry = self.entry
        return entry is not None and entry.extend(level, now)


class Recorder:
    """The findings of one stream, one per (rule, subject), in the order they were first made."""

    def __init__(self) -> None:
        self._entries: dict[tuple[str, str | None], Entry] = {}
        self.changed: list[Finding] = []

    @property
    def findings(self) -> list[Finding]:
        """Every finding so far, in the order they were first made, each up to date."""
        out = []
        for entry in self._entries.values():
            if entry.last != entry.finding.last_iteration:
                entry.finding = replace(entry.finding, last_iteration=entry.last)
            out.append(entry.finding)
        return out

    def has(self, rule: str, subject: str | None = None) -> bool:
        """True when ``rule`` already made a finding about ``subject``."""
        return (rule, subject) in self._entries

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
    ) -> Entry:
        """Makes the finding, or extends the one ``rule`` made about ``subject`` (default: ``parameter``)
        to ``now``, raising its severity to ``level`` (1 info, 2 warning, 3 error) when that is worse.
        ``text`` names the words in :mod:`~fitscope.diagnostics.texts` (default: ``rule``).
        Returns the finding's entry."""
        key = (rule, subject if subject is not None else parameter)
        known = self._entries.get(key)
        if known is not None:
            if known.extend(level, now):
                return known
            first = known.finding.first_iteration
        values = {**values, "first": first}
        message, advice = render(text or rule, values, "en")
        zh_message, zh_advice = render(text or rule, values, "zh")
        finding = Finding(
            rule=rule,
            category=category,
            severity=_LEVELS[level],
            first_iteration=first,
            last_iteration=max(now, known.last) if known is not None else now,
            noticed_iteration=now,
            message=message,
            advice=advice,
            layer=layer,
            parameter=parameter,
            evidence={k: _plain(v) for k, v in values.items() if k not in ("parameter", "layer")},
            translations={"zh": {"message": zh_message, "advice": zh_advice}},
        )
        self.changed.append(finding)
        if known is None:
            known = self._entries[key] = Entry(finding, level)
        else:  # raised: the same entry, which its condition may hold
            known.finding, known.level, known.last = finding, level, finding.last_iteration
        return known

    def extend(self, rule: str, subject: str | None, now: int) -> None:
        """Moves the ``last_iteration`` of the finding of (``rule``, ``subject``), if there is one, to ``now``."""
        entry = self._entries.get((rule, subject))
        if entry is not None and now > entry.last:
            entry.last = now


def _plain(value: Any) -> Any:
    """Evidence rounded to what a reader needs (4 significant digits)."""
    if isinstance(value, float) and math.isfinite(value) and value != 0.0:
        return float(f"{value:.4g}")
    return value
