"""Dead units: most units of a ReLU-family layer never active.

The guide: activations should settle with a healthy spread; a ReLU unit whose input stays
negative outputs 0 for every example, gets no gradient, and never recovers (a "dead" unit). It
follows too high a learning rate (one large update pushes the bias far negative), a strongly
negative bias initialisation, or unnormalised inputs.

The listener counts, per layer and report, the units that were exactly 0 for every example of
the batch (``Summary.dead_unit_count`` of ``unit_count``, see ``docs/records.md``). The fraction
dead past ``dead_units`` (a quarter by default) for ``persistence`` reports in a row is an *info*
finding, past ``dead_units_warning`` (half: most units) a *warning*; it ends below
``dead_units - dead_units_hysteresis``. Only layers that can output exact zeros are judged: the
modules of ReLU-family activations (ReLU, ReLU6, Hardswish, Hardsigmoid, Threshold,
Hardshrink, Softshrink) when the static info says which layers those are, every layer with
units without it. A batch of fewer than ``dead_units_min_examples`` examples per unit says too
little (one example leaves half a healthy ReLU layer at 0) and is skipped.
"""

from __future__ import annotations

from fitscope.diagnostics.conditions import Condition, Recorder
from fitscope.diagnostics.findings import DiagnosticsConfig
from fitscope.records import StaticInfo, StatsReport

__all__ = ["ZEROING_LAYERS", "UnitRules"]

#: Activation modules whose outputs are exactly 0 on a region of their input.
ZEROING_LAYERS = frozenset({"ReLU", "ReLU6", "Hardswish", "Hardsigmoid", "Threshold", "Hardshrink", "Softshrink"})


class UnitRules:
    """``dead_units`` (category ``dead_units``), per layer."""

    def __init__(self, config: DiagnosticsConfig, static_info: StaticInfo | None, recorder: Recorder) -> None:
        self.config = config
        self.recorder = recorder
        self._judged: frozenset[str] | None = None  # None: every layer with units
        model = None if static_info is None else static_info.model
        if model is not None and model.layers:
            self._judged = frozenset(layer.name for layer in model.layers if layer.type in ZEROING_LAYERS)
        self._layers: dict[str, Condition] = {}
        c = config
        self._thresholds = (c.dead_units, c.dead_units_warning, c.dead_units - c.dead_units_hysteresis)

    def observe(self, report: StatsReport, warm: bool) -> None:
        """Judges the dead units of every judged layer in the report."""
        activations = report.summaries.get("activations")
        if not activations:
            return
        it, judged, layers = report.iteration, self._judged, self._layers
        min_examples = self.config.dead_units_min_examples
        for name, summary in activations.items():
            units, dead = summary.unit_count, summary.dead_unit_count
            if units is None or dead is None or units < 2 or (judged is not None and name not in judged):
                continue
            if summary.count < min_examples * units:
                continue
            state = layers.get(name)
            if state is None:
                state = layers[name] = Condition(*self._thresholds, self.config.persistence)
            fraction = dead / units
            if not (fraction > state.info or state.count):
                continue
            earned = state.update(fraction, it, may_warn=warm)
            if earned and warm and not state.recorded(earned, it):
                values = {"layer": name, "dead": dead, "units": units, "fraction": fraction, "percent": 100 * fraction}
                values["limit"] = self.config.dead_units_warning if earned >= 2 else self.config.dead_units
                state.entry = self.recorder.record(
                    "dead_units", "dead_units", earned, state.since or it, it, values, layer=name, parameter=name
                )
