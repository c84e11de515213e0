"""The update:parameter ratio of each weight: too high, too low, or a sudden spike.

The guide: about 1:1000 (log10 -3) is a healthy starting point; far from it (above -2, below
-4) the parameters are too unstable, or change too slowly to learn. A sudden, unusual rise can
mean exploding gradients: a report's ratio ``ratio_spike`` decades above the smoothed level (and
``ratio_spike_unusual`` times more than this weight's ratio usually moves between reports) is a
spike, when it lands above ``ratio_spike_floor``. The ratio is log10(mean|update| / mean|parameter|) of weights
(parameters of 2+ dimensions, as on the ratio charts); biases are left out.

Past the guide's limits a smoothed ratio is an *info* finding: small models trained with Adam
sit near -2 and learn well. It is a *warning* further out (``ratio_high_warning``,
``ratio_low_warning``). A low ratio stays info while a schedule has lowered the learning rate
(to under half the highest seen) or is raising it (a warm-up), while the score has converged
(it came down by half or more and sits near its best: little is left to learn, gradients are
small), and for embedding tables, whose updates touch only the rows a batch uses. A weight
that received a gradient but did not move at all (a dead layer) counts as a ratio of 10^-12;
one without gradient (frozen) is skipped.

Each parameter name is looked at once, at the first report that has it: biases and the like
are skipped from then on at the cost of one dict lookup.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from fitscope.diagnostics.conditions import Condition, Recorder, SpanWeights, smoothing_weight
from fitscope.diagnostics.findings import DiagnosticsConfig
from fitscope.diagnostics.model import ModelFacts, layer_of
from fitscope.records import StatsReport, Summary

__all__ = ["FLOOR", "UpdateRules"]

#: The log10 ratio given to a weight that got a gradient but no update.
FLOOR = -12.0
#: The smoothing weight of how much a ratio usually moves between reports (per report, not per iteration).
_CHANGE_WEIGHT = smoothing_weight(10, 0.1)
_NONE: Mapping[str, Summary] = {}
_INF = math.inf


class _Weight:
    """One weight's smoothed ratio, how much it usually moves, its learning rates and its conditions."""

    __slots__ = ("change", "embedding", "high", "iteration", "layer", "level", "low", "lr_max", "lr_previous")

    def __init__(self, layer: str, embedding: bool, config: DiagnosticsConfig) -> None:
        c = config
        self.layer = layer
        self.embedding = embedding
        self.level: float | None = None
        self.change: float | None = None  # smoothed |ratio - level|: how much this weight's ratio usually moves
        self.iteration = 0
        self.lr_max = 0.0
        self.lr_previous: float | None = None
        self.high = Condition(c.ratio_high, c.ratio_high_warning, c.ratio_high - c.ratio_hysteresis, c.persistence)
        # the low ratio negated: larger is worse
        self.low = Condition(-c.ratio_low, -c.ratio_low_warning, -(c.ratio_low + c.ratio_hysteresis), c.persistence)


class UpdateRules:
    """``ratio_high``, ``ratio_low`` and ``ratio_spike``, per weight."""

    def __init__(self, config: DiagnosticsConfig, facts: ModelFacts, recorder: Recorder) -> None:
        self.config = config
        self.facts = facts
        self.recorder = recorder
        self._weights: dict[str, _Weight | None] = {}  # None: not a weight
        self._spans = SpanWeights()

    def _plan(self, name: str) -> _Weight | None:
        """The state of parameter ``name``, or None when it is not judged (not a weight)."""
        if not self.facts.is_weight(name):
            return None
        return _Weight(layer_of(name), name in self.facts.embeddings, self.config)

    def observe(self, report: StatsReport, warm: bool, converged: bool = False) -> None:
        """Judges every weight's update in the report (``converged``: the score has, see
        :attr:`~fitscope.diagnostics.score.ScoreRules.converged`)."""
        summaries = report.summaries
        updates = summaries.get("updates")
        if not updates:
            return
        params = summaries.get("parameters", _NONE)
        gradients = summaries.get("gradients", _NONE)
        rates, it, weights, spans = report.learning_rates, report.iteration, self._weights, self._spans
        spike = self.config.ratio_spike
        for name, update in updates.items():
            try:
                state = weights[name]
            except KeyError:
                state = weights[name] = self._plan(name)
            if state is None:
                continue
            param = params.get(name)
            if param is None:
                continue
            u, p = update.mean_magnitude, param.mean_magnitude
            if u is None or p is None or not (-_INF < u < _INF and 0.0 < p < _INF):
                continue  # unknown, non-finite, or nothing to compare with
            if u == 0.0 and name not in gradients:
                continue  # frozen: nothing asked it to move
            ratio = math.log10(u / p) if u > 0.0 else FLOOR
            if ratio < FLOOR:
                ratio = FLOOR
            # follow the learning rate: is a schedule lowering or raising it?
            lr, lr_before, scheduled = rates.get(name), None, False
            if lr is not None and -_INF < lr < _INF:
                lr_before = state.lr_previous
                if lr > state.lr_max:
                    state.lr_max = lr
                state.lr_previous = lr
                scheduled = lr < 0.5 * state.lr_max or (lr_before is not None and lr > 1.05 * lr_before)
            previous = state.level
            if previous is None:
                level = ratio
            else:
                level = previous + spans[it - state.iteration if state.iteration else 10] * (ratio - previous)
                usual, moved = state.change, abs(ratio - previous)
                state.change = moved if usual is None else usual + _CHANGE_WEIGHT * (moved - usual)
                if warm and usual is not None and ratio - previous > spike:
                    self._spike(name, state, ratio, previous, usual, lr_before, lr, it)
            state.level, state.iteration = level, it
            # the limits (the low side negated: larger is worse), each skipped while idle and inside it
            high, low = state.high, state.low
            if level > high.info or high.count:
                earned = high.update(level, it, may_warn=warm)
                if earned and warm and not high.recorded(earned, it):
                    self._record_high(name, state, earned, it)
            if -level > low.info or low.count:
                quiet = scheduled or converged or state.embedding
                earned = low.update(-level, it, may_warn=warm and not quiet)
                if earned and warm and not low.recorded(earned, it):
                    self._record_low(name, state, earned, scheduled, it)

    def _record_high(self, name: str, state: _Weight, level: int, it: int) -> None:
        """Makes the ``ratio_high`` finding, or raises it to ``level``."""
        values = {"parameter": name, "ratio": state.level, "limit": self.config.ratio_high}
        state.high.entry = self.recorder.record(
            "ratio_high", "ratio_high", level, state.high.since or it, it, values, layer=state.layer, parameter=name
        )

    def _record_low(self, name: str, state: _Weight, level: int, scheduled: bool, it: int) -> None:
        """Makes the ``ratio_low`` finding, or raises it to ``level``."""
        values = {"parameter": name, "ratio": state.level, "limit": self.config.ratio_low, "scheduled": scheduled}
        state.low.entry = self.recorder.record(
            "ratio_low", "ratio_low", level, state.low.since or it, it, values, layer=state.layer, parameter=name
        )

    def _spike(
        self,
        name: str,
        state: _Weight,
        ratio: float,
        previous: float,
        usual: float,
        lr_before: float | None,
        lr: float | None,
        it: int,
    ) -> None:
        c = self.config
        jump = ratio - previous
        if (
            previous <= FLOOR + 1.0  # coming back from no updates at all is not a spike
            or jump <= max(c.ratio_spike, c.ratio_spike_unusual * usual)
            or ratio <= c.ratio_spike_floor
            or self.recorder.has("ratio_spike", name)
        ):
            return
        values: dict[str, object] = {"parameter": name, "jump": jump, "ratio": ratio}
        text = "ratio_spike"
        if lr is not None and lr_before is not None and lr > 3.0 * lr_before:
            values.update(lr_before=lr_before, lr=lr)
            text = "ratio_spike_lr"
        self.recorder.record(
            "ratio_spike", "ratio_spike", 2, it, it, values, layer=state.layer, parameter=name, text=text
        )
