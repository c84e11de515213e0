"""Parameters: weights drifting towards +/- infinity or collapsing to 0, and a very large output bias.

The guide: parameters drifting to +/- infinity mean too high a learning rate or too little
regularisation (try L2); very large biases can happen in a classification output layer when
classes are very unbalanced. A weight's mean magnitude is compared with its first report's;
shrinking to a small fraction of it is the other face of too much regularisation (weight decay
pulling every weight to 0), which the activation rules then see vanish. Which parameters are
weights is settled once per name, at the first report that has it.
"""

from __future__ import annotations

import math

from fitscope.diagnostics.conditions import Condition, Recorder
from fitscope.diagnostics.findings import DiagnosticsConfig
from fitscope.diagnostics.model import ModelFacts, layer_of
from fitscope.records import StatsReport

__all__ = ["ParameterRules"]


class _Weight:
    """One weight's first mean magnitude (once over 1e-8) and its conditions."""

    __slots__ = ("grow", "layer", "shrink", "start")

    def __init__(self, layer: str, grow: Condition, shrink: Condition) -> None:
        self.layer = layer
        self.start: float | None = None
        self.grow = grow
        self.shrink = shrink  # judges start / now: larger is worse


class ParameterRules:
    """``param_growth``, ``param_collapse`` (category ``param_growth``) and ``bias_large``."""

    def __init__(self, config: DiagnosticsConfig, facts: ModelFacts, recorder: Recorder) -> None:
        c = self.config = config
        self.facts = facts
        self.recorder = recorder
        self._weights: dict[str, _Weight | None] = {}  # None: not a weight
        self._bias = Condition(c.bias_large, c.bias_large, c.bias_large * 0.8, c.persistence)
        self._collapse = 1.0 / max(c.collapse, 1e-30)

    def _plan(self, name: str) -> _Weight | None:
        """The state of parameter ``name``, or None when it is not a weight."""
        if not self.facts.is_weight(name):
            return None
        c, collapse = self.config, self._collapse
        return _Weight(
            layer_of(name),
            Condition(c.growth, c.growth, c.growth / 2, c.persistence),
            Condition(collapse, collapse, collapse / 2, c.persistence),
        )

    def observe(self, report: StatsReport, warm: bool) -> None:
        """Judges every parameter in the report."""
        params = report.summaries.get("parameters")
        if not params:
            return
        it, weights, output_bias, isfinite = report.iteration, self._weights, self.facts.output_bias, math.isfinite
        for name, summary in params.items():
            if name == output_bias:
                self._output_bias(name, summary.min, summary.max, it, warm)
            try:
                state = weights[name]
            except KeyError:
                state = weights[name] = self._plan(name)
            if state is None:
                continue
            mag = summary.mean_magnitude
            if mag is None or not isfinite(mag):
                continue
            if state.start is None:
                if mag > 1e-8:
                    state.start = mag
                continue
            times = mag / state.start
            grow, shrink = state.grow, state.shrink
            growing = grow.update(times, it) if times > grow.info or grow.count else 0
            if growing and warm and not grow.recorded(2, it):
                self._record("param_growth", name, state, mag, grow, it)
            shrunk = 1.0 / (times if times >= 1e-30 else 1e-30)
            shrinking = shrink.update(shrunk, it) if shrunk > shrink.info or shrink.count else 0
            if shrinking and warm and not shrink.recorded(2, it):
                self._record("param_collapse", name, state, mag, shrink, it)

    def _record(self, rule: str, name: str, state: _Weight, mag: float, condition: Condition, it: int) -> None:
        """Makes the ``param_growth`` or ``param_collapse`` finding of ``condition``."""
        assert state.start is not None
        values = {"parameter": name, "now": mag, "start": state.start, "times": mag / state.start}
        since = condition.since or it
        condition.entry = self.recorder.record(
            rule, "param_growth", 2, since, it, values, layer=state.layer, parameter=name
        )

    def _output_bias(self, name: str, low: float | None, high: float | None, it: int, warm: bool) -> None:
        c = self.config
        if low is None or high is None or not (math.isfinite(low) and math.isfinite(high)):
            return
        peak = max(abs(low), abs(high))
        bias = self._bias
        held = bias.update(peak, it) if peak > bias.info or bias.count else 0
        if held and warm and not bias.recorded(2, it):
            values = {"parameter": name, "peak": peak, "limit": c.bias_large}
            bias.entry = self.recorder.record(
                "bias_large", "bias_large", 2, bias.since or it, it, values, layer=layer_of(name), parameter=name
            )
