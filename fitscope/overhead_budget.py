"""The listener's overhead budget: which histograms a report holds so that collecting stays cheap.

``StatsListener(max_overhead=0.03)`` (the default) measures, at every report, what the listener
cost over the window the report closes: the report's collection and the hooks (``collection_ms``)
plus the CPU time its sink threads spent since the previous report, against the window's
training time (wall time minus the collection). When that exceeds the budget, the next reports
keep every scalar statistic but spread histograms over several reports, kind by kind in
:data:`~fitscope.records.HISTOGRAM_SPREAD_ORDER` (activations first, then parameters, updates and
gradients): a stride ``s`` gives tensor ``j`` of the kind its histogram on the ``r``-th report when
``(j + r) % s == 0``, so each report holds about ``1/s`` of them and the work stays even from
report to report.

The strides climb one level per report over budget (2, 4, 8 then :data:`MAX_STRIDE` for a kind
before the next kind starts), and come down one level after :data:`CALM_REPORTS` reports in a row
under half the budget. A level that was left and then proved too costly is not tried again for a
while (:data:`HOLD_REPORTS`, doubled each time), so the strides do not flap between two levels.
The first report holds everything. When every kind is at :data:`MAX_STRIDE` and the budget is
still exceeded, the scalar statistics alone cost more than the budget: one warning says so.

This module is framework-neutral (no torch).
"""

from __future__ import annotations

import logging
import math
from collections.abc import Mapping, Sequence
from typing import Final

from fitscope.records import HISTOGRAM_SPREAD_ORDER, Budget

__all__ = ["CALM_REPORTS", "HOLD_REPORTS", "MAX_STRIDE", "OverheadBudget", "check_max_overhead", "wants_histogram"]

logger = logging.getLogger("fitscope")

#: The widest spread: every tensor still has a histogram at least every MAX_STRIDE reports.
MAX_STRIDE: Final = 16
_STEPS: Final = (2, 4, 8, MAX_STRIDE)
#: Reports in a row under half the budget before histograms are gathered one level back.
CALM_REPORTS: Final = 3
#: Reports during which a level that proved too costly is not tried again (doubled each time).
HOLD_REPORTS: Final = 32


def check_max_overhead(value: object) -> float | None:
    """The ``max_overhead`` argument as a float, or None; raises ValueError for anything else."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value <= 0:
        raise ValueError(
            f"max_overhead must be a positive fraction of the step time (0.03 = 3 %) or None, got {value!r}."
        )
    return float(value)


class OverheadBudget:
    """Chooses each report's histograms from the overhead measured at the previous ones.

    Args:
        max_overhead: The budget, a fraction of the training time.
        kinds: The kinds whose histograms are switched on; they are spread in
            :data:`~fitscope.records.HISTOGRAM_SPREAD_ORDER` whatever order they come in.
    """

    def __init__(self, max_overhead: float, kinds: Sequence[str]) -> None:
        self.max_overhead = max_overhead
        self.kinds = tuple(k for k in HISTOGRAM_SPREAD_ORDER if k in kinds)
        self.level = 0
        self.reports = 0  # reports made so far; the next one is report number `reports`
        self._calm = 0
        self._held_until: dict[int, int] = {}  # level -> report before which it is not gone below
        self._hold = HOLD_REPORTS
        self._came_down_from: int | None = None
        self._warned = False

    @property
    def max_level(self) -> int:
        """The level at which every kind's stride is :data:`MAX_STRIDE`."""
        return len(_STEPS) * len(self.kinds)

    def strides(self) -> dict[str, int]:
        """The stride of each kind at the current level (1: every histogram in every report)."""
        out: dict[str, int] = {}
        for i, kind in enumerate(self.kinds):
            steps = self.level - i * len(_STEPS)
            out[kind] = 1 if steps <= 0 else _STEPS[min(steps, len(_STEPS)) - 1]
        return out

    def histogram_filter(self) -> dict[str, tuple[int, int]]:
        """For the next report: ``kind -> (stride, report number)`` of the kinds being spread.

        Tensor ``j`` of such a kind gets its histogram when ``(j + report) % stride == 0``.
        """
        return {k: (s, self.reports) for k, s in self.strides().items() if s > 1}

    def record(self, overhead: float | None, sinks: float | None = None) -> Budget:
        """The budget section of the report being made, whose window cost ``overhead``.

        ``sinks`` is the part of ``overhead`` the sinks' threads spent (for the warning). Then
        moves the level for the next report (see the module docstring).
        """
        budget = Budget(max_overhead=self.max_overhead, overhead=overhead, histogram_strides=self.strides())
        self.reports += 1
        if overhead is not None:
            self._adjust(overhead, sinks)
        return budget

    def _adjust(self, overhead: float, sinks: float | None) -> None:
        if overhead > self.max_overhead:
            self._calm = 0
            if self.level < self.max_level:
                if self._came_down_from == self.level + 1:
                    # Coming down from level + 1 cost too much: stay there for a while.
                    self._held_until[self.level + 1] = self.reports + self._hold
                    self._hold *= 2
                self._came_down_from = None
                self.level += 1
            elif not self._warned:
                self._warned = True
                part = "" if sinks is None else f" ({sinks * 100.0:.1f} % of it the sinks' threads writing)"
                logger.warning(
                    "fitscope: collecting the scalar statistics alone costs %.1f %% of the training time%s, above "
                    "max_overhead=%g, with every histogram already spread over %d reports. Report less often "
                    "(a larger frequency), switch kinds or statistics off in StatsConfig, use fewer or lighter "
                    "sinks, or raise max_overhead.",
                    overhead * 100.0,
                    part,
                    self.max_overhead,
                    MAX_STRIDE,
                )
            return
        if overhead < self.max_overhead / 2 and self.level > 0:
            self._calm += 1
            if self._calm >= CALM_REPORTS and self.reports >= self._held_until.get(self.level, 0):
                self._came_down_from = self.level
                self.level -= 1
                self._calm = 0
        else:
            self._calm = 0


def wants_histogram(spread: Mapping[str, tuple[int, int]], kind: str, position: int) -> bool:
    """Whether tensor ``position`` of ``kind`` gets its histogram under ``spread``.

    ``spread`` is :meth:`OverheadBudget.histogram_filter`'s answer; a kind it lacks gets them all.
    """
    entry = spread.get(kind)
    if entry is None:
        return True
    stride, report = entry
    return (position + report) % stride == 0
