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
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from fitscope.diagnostics.conditions import Condition, Recorder, smoothed
from fitscope.diagnostics.findings import DiagnosticsConfig
from fitscope.diagnostics.model import ModelFacts, layer_of
from fitscope.records import StatsReport

__all__ = ["FLOOR", "UpdateRules"]

#: The log10 ratio given to a weight that got a gradient but no update.
FLOOR = -12.0


@dataclass
class _Weight:
    layer: str
    level: float | None = None
    change: float | None = None  # smoothed |ratio - level|: how much this weight's ratio usually moves
    iteration: int = 0
    lr_max: float = 0.0
    lr_previous: float | None = None
    high: Condition = field(default_factory=Condition)
    low: Condition = field(default_factory=Condition)


class UpdateRules:
    """``ratio_high``, ``ratio_low`` and ``ratio_spike``, per weight."""

    def __init__(self, config: DiagnosticsConfig, facts: ModelFacts, recorder: Recorder) -> None:
        self.config = config
        self.facts = facts
        self.recorder = recorder
        self._weights: dict[str, _Weight] = {}

    def observe(self, report: StatsReport, warm: bool, converged: bool = False) -> None:
        """Judges every weight's update in the report (``converged``: the score has, see
        :attr:`~fitscope.diagnostics.score.ScoreRules.converged`)."""
        it = report.iteration
        params = report.summaries.get("parameters", {})
        gradients = report.summaries.get("gradients", {})
        for name, update in report.summaries.get("updates", {}).items():
            param = params.get(name)
            if param is None or not self.facts.is_weight(name):
                continue
            u, p = update.mean_magnitude, param.mean_magnitude
            if u is None or p is None or not (math.isfinite(u) and math.isfinite(p)) or p <= 0.0:
                continue
            if u == 0.0 and name not in gradients:
                continue  # frozen: nothing asked it to move
            ratio = max(math.log10(u / p), FLOOR) if u > 0.0 else FLOOR
            state = self._weights.get(name)
            if state is None:
                state = self._weights[name] = _Weight(layer=layer_of(name))
            previous, usual = state.level, state.change
            state.level = smoothed(previous, ratio, it - state.iteration if state.iteration else 10)
            state.iteration = it
            if previous is not None:
                state.change = smoothed(usual, abs(ratio - previous), 10, 0.1)
            lr = report.learning_rates.get(name)
            lr_before, scheduled = self._follow_rate(state, lr)
            if warm and previous is not None and usual is not None:
                self._spike(name, state, ratio, previous, usual, lr_before, lr, it)
            self._limits(name, state, scheduled or converged or name in self.facts.embeddings, scheduled, it, warm)

    @staticmethod
    def _follow_rate(state: _Weight, lr: float | None) -> tuple[float | None, bool]:
        """Returns the previous report's learning rate, and whether a schedule is lowering or raising it."""
        if lr is None or not math.isfinite(lr):
            return None, False
        before = state.lr_previous
        state.lr_max = max(state.lr_max, lr)
        state.lr_previous = lr
        return before, lr < 0.5 * state.lr_max or (before is not None and lr > 1.05 * before)

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

    def _limits(self, name: str, state: _Weight, quiet: bool, scheduled: bool, it: int, warm: bool) -> None:
        c = self.config
        level = state.level
        assert level is not None
        high = state.high.update(
            level,
            c.ratio_high,
            c.ratio_high_warning,
            c.ratio_high - c.ratio_hysteresis,
            it,
            c.persistence,
            may_warn=warm,
        )
        low = state.low.update(
            -level,
            -c.ratio_low,
            -c.ratio_low_warning,
            -(c.ratio_low + c.ratio_hysteresis),
            it,
            c.persistence,
            may_warn=warm and not quiet,
        )
        if not warm:
            return
        if high:
            values = {"parameter": name, "ratio": level, "limit": c.ratio_high}
            since = state.high.since or it
            self.recorder.record("ratio_high", "ratio_high", high, since, it, values, layer=state.layer, parameter=name)
        if low:
            values = {"parameter": name, "ratio": level, "limit": c.ratio_low, "scheduled": scheduled}
            since = state.low.since or it
            self.recorder.record("ratio_low", "ratio_low", low, since, it, values, layer=state.layer, parameter=name)
