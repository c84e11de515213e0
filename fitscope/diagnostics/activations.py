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
:mod:`fitscope.diagnostics.model`).
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass, field

from fitscope.diagnostics.conditions import Condition, Recorder, smoothed
from fitscope.diagnostics.findings import DiagnosticsConfig
from fitscope.diagnostics.model import ModelFacts
from fitscope.records import StatsReport

__all__ = ["ActivationRules"]


@dataclass
class _Layer:
    level: float | None = None
    iteration: int = 0
    low: Condition = field(default_factory=Condition)
    high: Condition = field(default_factory=Condition)
    scale: float | None = None  # log10 stdev judged for exploding (see _RELU_PASSES)
    history: deque[tuple[float, float]] = field(default_factory=deque)


#: How far (decades) a stdev must have moved towards the range to count as recovering.
_RECOVERING = 0.1
#: A ReLU's output stdev over its input's, for a centred Gaussian input: sqrt((1 - 1/pi) / 2).
_RELU_PASSES = math.sqrt((1.0 - 1.0 / math.pi) / 2.0)


class ActivationRules:
    """``activations_vanishing`` and ``activations_exploding`` (category ``activations``), per layer."""

    def __init__(self, config: DiagnosticsConfig, facts: ModelFacts, recorder: Recorder) -> None:
        self.config = config
        self.facts = facts
        self.recorder = recorder
        self._layers: dict[str, _Layer] = {}

    def observe(self, report: StatsReport, warm: bool) -> None:
        """Judges every layer's outputs in the report."""
        activations = report.summaries.get("activations", {})
        for name, summary in activations.items():
            stdev = summary.stdev
            if stdev is None or not math.isfinite(stdev) or not self.facts.judges_activation(name):
                continue
            pre_name = self.facts.pre_activation.get(name)
            pre = activations.get(pre_name) if pre_name is not None else None
            pre_stdev = pre.stdev if pre is not None and pre.stdev is not None and math.isfinite(pre.stdev) else None
            self._judge(name, stdev, pre_name, pre_stdev, report.iteration, warm)

    def _judge(
        self, name: str, stdev: float, pre_name: str | None, pre_stdev: float | None, it: int, warm: bool
    ) -> None:
        c = self.config
        state = self._layers.setdefault(name, _Layer())
        # smoothed in log space: a stdev is a scale, and 0 must stay far below 1e-3
        log_sd = math.log10(max(stdev, 1e-12))
        scale = log_sd
        if pre_stdev is not None and pre_stdev > 0.0:
            scale = max(log_sd, math.log10(_RELU_PASSES * pre_stdev))
        dt = it - state.iteration if state.iteration else 10
        state.level = smoothed(state.level, log_sd, dt)
        state.scale = smoothed(state.scale, scale, dt)
        state.iteration = it
        state.history.append((state.level, state.scale))
        if len(state.history) > c.persistence + 1:
            state.history.popleft()
        level, high_level = state.level, state.scale
        # how far each moved over the last `persistence` reports (a warning waits until that is known)
        known = warm and len(state.history) > c.persistence
        moved, moved_high = level - state.history[0][0], high_level - state.history[0][1]
        m, h = math.log10(c.activation_margin), math.log10(c.activation_hysteresis)
        lo, hi = math.log10(c.activation_low), math.log10(c.activation_high)
        low = state.low.update(
            -level, -lo, -(lo - m), -(lo + h), it, c.persistence, may_warn=known and moved < _RECOVERING
        )
        high = state.high.update(
            high_level, hi, hi + m, hi - h, it, c.persistence, may_warn=known and moved_high > -_RECOVERING
        )
        if not warm or not (low or high):
            return
        values: dict[str, object] = {
            "layer": name,
            "stdev": 10.0**level,
            "low": c.activation_low,
            "high": c.activation_high,
        }
        if low:
            since = state.low.since or it
            self.recorder.record(
                "activations_vanishing", "activations", low, since, it, values, layer=name, parameter=name
            )
        if high:
            text = "activations_exploding"
            if high_level > level + 0.05 and pre_name is not None:
                # the live ReLU units understate it: say what the layer feeding them does
                text = "activations_exploding_pre"
                values = {**values, "pre": pre_name, "pre_stdev": 10.0**high_level / _RELU_PASSES}
            since = state.high.since or it
            self.recorder.record(
                "activations_exploding", "activations", high, since, it, values, layer=name, parameter=name, text=text
            )
