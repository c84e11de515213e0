"""The engine: :class:`Diagnoser` runs every family of rules on one stream's reports, one at a time.

Each report is seen once, in iteration order; the state kept is a few numbers per rule and
tensor (smoothed levels, counters, start values) plus two bounded windows of the score, so a
report costs O(tensors) however long the run, and the run is never rescanned. The families:

* :mod:`~fitscope.diagnostics.nonfinite`: NaN/Inf in the score or a tensor (errors, at once);
* :mod:`~fitscope.diagnostics.score`: rising, exploding, flat, noisy score;
* :mod:`~fitscope.diagnostics.updates`: update:parameter ratio high, low, spiking;
* :mod:`~fitscope.diagnostics.activations`: vanishing, exploding activations;
* :mod:`~fitscope.diagnostics.parameters`: weights growing or collapsing, a large output bias;
* :mod:`~fitscope.diagnostics.units`: most units of a ReLU-family layer never active.

Only the non-finite rules speak before ``warmup_iterations``.

The rules run on every stored report, so each family settles once, at the first report that
has a tensor, whether and how it judges it (its *plan*: a state, or None to skip it), and keeps
the hot path to plain floats; evidence and messages are built only when a finding is made or
gets worse (``benchmarks/diagnostics.py`` measures the cost against the listener's own).
A new family is a class with ``observe(report, warm)``, built in :meth:`Diagnoser._build` and
called from :meth:`Diagnoser.observe`.
"""

from __future__ import annotations

from fitscope.diagnostics.activations import ActivationRules
from fitscope.diagnostics.conditions import Recorder
from fitscope.diagnostics.findings import DiagnosticsConfig, Finding
from fitscope.diagnostics.model import ModelFacts
from fitscope.diagnostics.nonfinite import NonFiniteRules, score_series
from fitscope.diagnostics.parameters import ParameterRules
from fitscope.diagnostics.score import ScoreRules
from fitscope.diagnostics.units import UnitRules
from fitscope.diagnostics.updates import UpdateRules
from fitscope.records import StaticInfo, StatsReport

__all__ = ["Diagnoser"]


class Diagnoser:
    """Runs every rule on one stream's reports, in iteration order.

    Args:
        config: Thresholds; the guide's by default.
        static_info: The stream's static info (tells the output layer, the weights, the layer types).
            Without it, parameter names decide (see :mod:`fitscope.diagnostics.model`).

    Example::

        diagnoser = Diagnoser(static_info=storage.get_static_info(session, worker))
        for report in storage.iter_updates(session, worker):
            for finding in diagnoser.observe(report):
                print(finding.severity, finding.message)
    """

    def __init__(self, config: DiagnosticsConfig | None = None, static_info: StaticInfo | None = None) -> None:
        self.config = config or DiagnosticsConfig()
        self._recorder = Recorder()
        self._build(ModelFacts(static_info), static_info)

    def _build(self, facts: ModelFacts, info: StaticInfo | None) -> None:
        c, rec = self.config, self._recorder
        self._facts = facts
        self._nonfinite = NonFiniteRules(rec)
        self._score = ScoreRules(c, rec)
        self._updates = UpdateRules(c, facts, rec)
        self._activations = ActivationRules(c, facts, rec)
        self._parameters = ParameterRules(c, facts, rec)
        self._units = UnitRules(c, info, rec)

    def set_static_info(self, info: StaticInfo) -> None:
        """Learns the model from its static info (call it before the first report: the rules start over)."""
        self._build(ModelFacts(info), info)

    @property
    def findings(self) -> list[Finding]:
        """Every finding so far, in the order they were first made, each as it stands now."""
        return self._recorder.findings

    def observe(self, report: StatsReport) -> list[Finding]:
        """Runs the rules on the next report; returns the findings it made or raised to a worse severity."""
        changed: list[Finding] = []
        self._recorder.changed = changed
        iterations, scores, finite = score_series(report)
        warm = report.iteration >= self.config.warmup_iterations
        self._nonfinite.observe(report, iterations, scores, finite)
        perf = report.performance
        batch = perf.total_examples / perf.total_minibatches if perf and perf.total_examples > 0 else None
        self._score.observe(report.iteration, iterations, scores, finite, warm, batch)
        self._updates.observe(report, warm, self._score.converged)
        self._activations.observe(report, warm)
        self._parameters.observe(report, warm)
        self._units.observe(report, warm)
        return changed
