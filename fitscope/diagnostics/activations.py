"""Layer activations over time: vanishing or exploding.

The guide: a good activation standard deviation is roughly 0.5 to 2.0; far outside that points
to bad weight initialisation, too much regularisation, unnormalised data or too high a learning
rate. Activations ideally stabilise after a few hundred iterations.

A smoothed stdev outside [0.5, 2.0] is an *info* finding (PyTorch's default initialisation
makes deeper layers' outputs start near 0.2, and training usually brings them into the range);
``activation_margin`` times outside (below 0.125, above 8 by default) it is a *warning*, unless
it is still moving towards the range (by a tenth of a decade or more over the last
``persistence`` reports): activations ideally stabilise after a few hundred iterations, and
one on its way there is not stuck. A layer whose outputs are all equal (stdev 0, e.g. every
ReLU unit dead) is as vanished as it gets.
The output layer, what it feeds, and layers bounded by construction are not judged (see
:mod:`fitscope.diagnostics.model`); which layers those are is settled once per layer name, at
the first report that has it.
"""

from __future__ import annotations

import math
from collections import deque

from fitscope.diagnostics.conditions import Condition, Recorder, SpanWeights
from fitscope.diagnostics.findings import DiagnosticsConfig
from fitscope.diagnostics.model import ModelFacts
from fitscope.records import StatsReport

__all__ = ["ActivationRules"]

#: How far (decades) a stdev must have moved towards the range to count as recovering.
_RECOVERING = 0.1
#: A ReLU's output stdev over its input's, for a centred Gaussian input: sqrt((1 - 1/pi) / 2).
_RELU_PASSES = math.sqrt((1.0 - 1.0 / math.pi) / 2.0)


class _Layer:
    """One judged layer: its smoothed log10 stdevs, their last few values, and its conditions."""

    __slots__ = ("high", "history", "iteration", "level", "low", "pre", "scale")

    def __init__(self, pre: str | None, low: Condition, high: Condition, persistence: int) -> None:
        self.pre = pre  # the layer feeding this ReLU-like activation (its pre-activation), if any
        self.level: float | None = None
        self.scale: float | None = None  # log10 stdev judged for exploding (see _RELU_PASSES)
        self.iteration = 0
        self.low = low
        self.high = high
        # (level, scale) over the last `persistence` reports and the one before them
        self.history: deque[tuple[float, float]] = deque(maxlen=persistence + 1)


class ActivationRules:
    """``activations_vanishing`` and ``activations_exploding`` (category ``activations``), per layer."""

    def __init__(self, config: DiagnosticsConfig, facts: ModelFacts, recorder: Recorder) -> None:
        c = self.config = config
        self.facts = facts
        self.recorder = recorder
        self._layers: dict[str, _Layer | None] = {}  # None: not judged
        self._spans = SpanWeights()
        # the thresholds, in log10 stdev (the vanishing side negated: larger is worse)
        m, h = math.log10(c.activation_margin), math.log10(c.activation_hysteresis)
        lo, hi = math.log10(c.activation_low), math.log10(c.activation_high)
        self._low = (-lo, -(lo - m), -(lo + h))
        self._high = (hi, hi + m, hi - h)

    def _plan(self, name: str) -> _Layer | None:
        """The state of layer ``name``, or None when its outputs are not judged."""
        if not self.facts.judges_activation(name):
            return None
        p = self.config.persistence
        return _Layer(self.facts.pre_activation.get(name), Condition(*self._low, p), Condition(*self._high, p), p)

    def observe(self, report: StatsReport, warm: bool) -> None:
        """Judges every layer's outputs in the report."""
        activations = report.summaries.get("activations")
        if not activations:
            return
        it, layers, spans, isfinite, log10 = report.iteration, self._layers, self._spans, math.isfinite, math.log10
        # a warning waits until it is known how far the value moved over the last `persistence`
        # reports (its history is full; never in the warm-up), and not while it moves towards the
        # range by _RECOVERING or more
        full = self.config.persistence + 1 if warm else -1
        for name, summary in activations.items():
            try:
                state = layers[name]
            except KeyError:
                state = layers[name] = self._plan(name)
            if state is None:
                continue
            stdev = summary.stdev
            if stdev is None or not isfinite(stdev):
                continue
            # smoothed in log space: a stdev is a scale, and 0 must stay far below 1e-3
            log_sd = log10(stdev if stdev >= 1e-12 else 1e-12)
            log_scale = log_sd
            if state.pre is not None:
                pre = activations.get(state.pre)
                pre_stdev = pre.stdev if pre is not None else None
                if pre_stdev is not None and isfinite(pre_stdev) and pre_stdev > 0.0:
                    log_pre = log10(_RELU_PASSES * pre_stdev)
                    if log_pre > log_sd:
                        log_scale = log_pre
            if state.level is None or state.scale is None:
                level, scale = log_sd, log_scale
            else:
                w = spans[it - state.iteration if state.iteration else 10]
                level = state.level + w * (log_sd - state.level)
                scale = state.scale + w * (log_scale - state.scale)
            state.level, state.scale, state.iteration = level, scale, it
            history = state.history
            history.append((level, scale))
            low, high = state.low, state.high
            if -level > low.info or low.count:
                may_warn = len(history) == full and level - history[0][0] < _RECOVERING
                earned = low.update(-level, it, may_warn=may_warn)
                if earned and warm and not low.recorded(earned, it):
                    self._record_vanishing(name, state, earned, it)
            if scale > high.info or high.count:
                may_warn = len(history) == full and scale - history[0][1] > -_RECOVERING
                earned = high.update(scale, it, may_warn=may_warn)
                if earned and warm and not high.recorded(earned, it):
                    self._record_exploding(name, state, earned, it)

    def _evidence(self, name: str, state: _Layer) -> dict[str, object]:
        """What both findings show: the smoothed stdev against the guide's range."""
        assert state.level is not None
        c = self.config
        return {"layer": name, "stdev": 10.0**state.level, "low": c.activation_low, "high": c.activation_high}

    def _record_vanishing(self, name: str, state: _Layer, level: int, it: int) -> None:
        """Makes the ``activations_vanishing`` finding, or raises it to ``level``."""
        values = self._evidence(name, state)
        since = state.low.since or it
        state.low.entry = self.recorder.record(
            "activations_vanishing", "activations", level, since, it, values, layer=name, parameter=name
        )

    def _record_exploding(self, name: str, state: _Layer, level: int, it: int) -> None:
        """Makes the ``activations_exploding`` finding, or raises it to ``level``."""
        values = self._evidence(name, state)
        text = "activations_exploding"
        assert state.level is not None and state.scale is not None
        if state.scale > state.level + 0.05 and state.pre is not None:
            # the live ReLU units understate it: say what the layer feeding them does
            text = "activations_exploding_pre"
            values.update(pre=state.pre, pre_stdev=10.0**state.scale / _RELU_PASSES)
        since = state.high.since or it
        state.high.entry = self.recorder.record(
            "activations_exploding", "activations", level, since, it, values, layer=name, parameter=name, text=text
        )
