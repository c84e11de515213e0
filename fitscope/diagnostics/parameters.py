"""Parameters: weights drifting towards +/- infinity or collapsing to 0, and a very large output bias.

The guide: parameters drifting to +/- infinity mean too high a learning rate or too little
regularisation (try L2); very large biases can happen in a classification output layer when
classes are very unbalanced. A weight's mean magnitude is compared with its first report's;
shrinking to a small fraction of it is the other face of too much regularisation (weight decay
pulling every weight to 0), which the activation rules then see vanish.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from fitscope.diagnostics.conditions import Condition, Recorder
from fitscope.diagnostics.findings import DiagnosticsConfig
from fitscope.diagnostics.model import ModelFacts, layer_of
from fitscope.records import StatsReport

__all__ = ["ParameterRules"]


@dataclass
class _Weight:
    start: float
    grow: Condition = field(default_factory=Condition)
    shrink: Condition = field(default_factory=Condition)


class ParameterRules:
    """``param_growth``, ``param_collapse`` (category ``param_growth``) and ``bias_large``."""

    def __init__(self, config: DiagnosticsConfig, facts: ModelFacts, recorder: Recorder) -> None:
        self.config = config
        self.facts = facts
        self.recorder = recorder
        self._weights: dict[str, _Weight] = {}
        self._bias = Condition()

    def observe(self, report: StatsReport, warm: bool) -> None:
        """Judges every parameter in the report."""
        c, it = self.config, report.iteration
        for name, summary in report.summaries.get("parameters", {}).items():
            if name == self.facts.output_bias:
                self._output_bias(name, summary.min, summary.max, it, warm)
            mag = summary.mean_magnitude
            if mag is None or not math.isfinite(mag) or not self.facts.is_weight(name):
                continue
            state = self._weights.get(name)
            if state is None:
                if mag > 1e-8:
                    self._weights[name] = _Weight(mag)
                continue
            times = mag / state.start
            values = {"parameter": name, "now": mag, "start": state.start, "times": times}
            layer = layer_of(name)
            if state.grow.update(times, c.growth, c.growth, c.growth / 2, it, c.persistence) and warm:
                since = state.grow.since or it
                self.recorder.record("param_growth", "param_growth", 2, since, it, values, layer=layer, parameter=name)
            collapse = 1.0 / max(c.collapse, 1e-30)
            if (
                state.shrink.update(1.0 / max(times, 1e-30), collapse, collapse, collapse / 2, it, c.persistence)
                and warm
            ):
                since = state.shrink.since or it
                self.recorder.record(
                    "param_collapse", "param_growth", 2, since, it, values, layer=layer, parameter=name
                )

    def _output_bias(self, name: str, low: float | None, high: float | None, it: int, warm: bool) -> None:
        c = self.config
        if low is None or high is None or not (math.isfinite(low) and math.isfinite(high)):
            return
        peak = max(abs(low), abs(high))
        if self._bias.update(peak, c.bias_large, c.bias_large, c.bias_large * 0.8, it, c.persistence) and warm:
            values = {"parameter": name, "peak": peak, "limit": c.bias_large}
            self.recorder.record(
                "bias_large", "bias_large", 2, self._bias.since or it, it, values, layer=layer_of(name), parameter=name
            )
