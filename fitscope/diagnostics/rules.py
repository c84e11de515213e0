"""The debugging guide's rules, evaluated incrementally: :class:`Diagnoser` sees each report once.

State is a few numbers per rule and tensor (smoothed levels, counters, the start values), so
a report costs O(tensors) and the run is never rescanned. A condition becomes a finding only
after ``warmup_iterations`` and once it held for ``persistence`` reports in a row; a finding then
stays one finding (its ``last_iteration`` follows the symptom) instead of repeating.

Rules (rule id -> category):

* ``score_nonfinite``, ``tensor_nonfinite`` -> ``nonfinite`` (error, from the first report).
* ``score_rising``, ``score_exploding`` -> ``divergence``.
* ``score_flat`` -> ``stagnation``; ``score_noisy`` -> ``noisy_score``.
* ``ratio_high``, ``ratio_low``, ``ratio_spike``: log10 of mean|update| / mean|parameter|.
* ``activations_vanishing``, ``activations_exploding`` -> ``activations`` (stdev outside
  [0.5, 2.0], the model's output layer excepted: logits are not activations to normalise).
* ``param_growth``, ``param_collapse`` -> ``param_growth``; ``bias_large``.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from fitscope.diagnostics.findings import Category, DiagnosticsConfig, Finding, Severity
from fitscope.diagnostics.texts import render
from fitscope.records import StaticInfo, StatsReport

__all__ = ["Diagnoser"]

_TINY = 1e-30


def _layer_of(name: str) -> str:
    return name.rsplit(".", 1)[0] if "." in name else name


def _finite(x: float | None) -> bool:
    return x is not None and math.isfinite(x)


@dataclass
class _Streak:
    """How many reports in a row a condition held, and since when."""

    count: int = 0
    since: int | None = None

    def see(self, holds: bool, iteration: int) -> int:
        if holds:
            if self.count == 0:
                self.since = iteration
            self.count += 1
        else:
            self.count, self.since = 0, None
        return self.count


@dataclass
class _Ratio:
    level: float | None = None
    high: _Streak = field(default_factory=_Streak)
    low: _Streak = field(default_factory=_Streak)


@dataclass
class _Param:
    start: float | None = None
    grow: _Streak = field(default_factory=_Streak)
    shrink: _Streak = field(default_factory=_Streak)


class Diagnoser:
    """Runs every rule on one stream's reports, in iteration order.

    Args:
        config: Thresholds; the guide's by default.
        static_info: The stream's static info (tells the output layer and the optimizer).
    """

    def __init__(self, config: DiagnosticsConfig | None = None, static_info: StaticInfo | None = None) -> None:
        self.config = config or DiagnosticsConfig()
        self._findings: dict[tuple[str, str | None], Finding] = {}
        self._order: list[tuple[str, str | None]] = []
        self._output_layer: str | None = None
        self._output_bias: str | None = None
        if static_info is not None:
            self.set_static_info(static_info)
        # score state
        self._level: float | None = None
        self._start: float | None = None
        self._start_iteration = 0
        self._best: float | None = None
        self._best_iteration = 0
        self._history: deque[tuple[int, float]] = deque()
        self._jumps: deque[float] = deque(maxlen=200)
        self._last_score: float | None = None
        self._rising = _Streak()
        self._noisy = _Streak()
        self._ratios: dict[str, _Ratio] = {}
        self._params: dict[str, _Param] = {}
        self._acts: dict[str, tuple[_Streak, _Streak]] = {}
        self._acts_level: dict[str, float] = {}

    def set_static_info(self, info: StaticInfo) -> None:
        """Learns the output layer (the last with parameters) from the model's description."""
        model = info.model
        if model is None:
            return
        with_params = [layer for layer in model.layers if layer.params]
        if with_params:
            self._output_layer = with_params[-1].name
            biases = [p for p in with_params[-1].params if p.endswith("bias")]
            self._output_bias = biases[-1] if biases else None
        elif model.param_names:
            self._output_layer = _layer_of(model.param_names[-1])
            biases = [p for p in model.param_names if p.endswith("bias") and _layer_of(p) == self._output_layer]
            self._output_bias = biases[-1] if biases else None

    @property
    def findings(self) -> list[Finding]:
        """Every finding so far, in the order they were first made."""
        return [self._findings[k] for k in self._order]

    # ------------------------------------------------------------------ bookkeeping

    def _emit(
        self,
        rule: str,
        category: Category,
        severity: Severity,
        first: int,
        now: int,
        values: dict[str, Any],
        *,
        layer: str | None = None,
        parameter: str | None = None,
        out: list[Finding],
    ) -> None:
        key = (rule, parameter)
        known = self._findings.get(key)
        if known is not None:
            self._findings[key] = known.extended(now)
            return
        message, advice = render(rule, values, "en")
        zh_message, zh_advice = render(rule, values, "zh")
        finding = Finding(
            rule=rule,
            category=category,
            severity=severity,
            first_iteration=first,
            last_iteration=now,
            noticed_iteration=now,
            message=message,
            advice=advice,
            layer=layer,
            parameter=parameter,
            evidence={k: v for k, v in values.items() if k not in ("parameter", "layer")},
            translations={"zh": {"message": zh_message, "advice": zh_advice}},
        )
        self._findings[key] = finding
        self._order.append(key)
        out.append(finding)

    # ------------------------------------------------------------------ the rules

    def observe(self, report: StatsReport) -> list[Finding]:
        """Runs the rules on the next report; returns the findings it made (not those it extended)."""
        out: list[Finding] = []
        self._nonfinite(report, out)
        self._score(report, out)
        warm = report.iteration >= self.config.warmup_iterations
        self._updates(report, warm, out)
        self._activations(report, warm, out)
        self._parameters(report, warm, out)
        return out

    def _nonfinite(self, report: StatsReport, out: list[Finding]) -> None:
        scores = list(zip(report.scores.iterations, report.scores.values, strict=False)) or (
            [(report.iteration, report.score)] if report.score is not None else []
        )
        for iteration, value in scores:
            if value is not None and not math.isfinite(value):
                shown = "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
                self._emit(
                    "score_nonfinite",
                    "nonfinite",
                    "error",
                    iteration,
                    report.iteration,
                    {"value": shown, "first": iteration},
                    out=out,
                )
                break
        for kind, tensors in report.summaries.items():
            for name, summary in tensors.items():
                if summary.nonfinite_count > 0:
                    values = {
                        "kind": kind.capitalize(),
                        "parameter": name,
                        "count": summary.nonfinite_count,
                        "first": report.iteration,
                    }
                    self._emit(
                        "tensor_nonfinite", "nonfinite", "error", report.iteration, report.iteration, values,
                        layer=_layer_of(name) if kind != "activations" else name, parameter=f"{kind}:{name}", out=out,
                    )  # fmt: skip
                    break  # one per kind and report is enough to say where it started

    def _score(self, report: StatsReport, out: list[Finding]) -> None:
        c = self.config
        pairs = list(zip(report.scores.iterations, report.scores.values, strict=False))
        if not pairs and report.score is not None:
            pairs = [(report.iteration, report.score)]
        finite = [(i, v) for i, v in pairs if v is not None and math.isfinite(v)]
        if not finite:
            return
        alpha = 0.1
        for iteration, value in finite:
            if self._last_score is not None:
                self._jumps.append(abs(value - self._last_score))
            self._last_score = value
            self._level = value if self._level is None else self._level + alpha * (value - self._level)
            if iteration >= c.warmup_iterations // 2 and self._start is None:
                self._start, self._start_iteration = self._level, iteration
            if self._start is not None and (self._best is None or self._level < self._best):
                self._best, self._best_iteration = self._level, iteration
        level = self._level
        assert level is not None
        it = report.iteration
        self._history.append((it, level))
        while len(self._history) > 2 and self._history[1][0] <= it - c.stagnation_window:
            self._history.popleft()
        if self._start is None or self._best is None or it < c.warmup_iterations:
            return
        start, best = self._start, self._best
        scale = max(abs(start - best), abs(best) * 0.05, _TINY)
        if self._rising.see(level - best > c.score_rise * scale, it) >= c.persistence:
            self._emit(
                "score_rising",
                "divergence",
                "warning",
                self._best_iteration,
                it,
                {"best": best, "level": level, "first": self._best_iteration},
                out=out,
            )
        if abs(start) > _TINY and level / abs(start) > c.score_explode:
            self._emit(
                "score_exploding",
                "divergence",
                "error",
                self._best_iteration,
                it,
                {"level": level, "start": start, "times": level / abs(start)},
                out=out,
            )
        then_it, then = self._history[0]
        span = it - then_it
        if span >= c.stagnation_window and then_it >= self._start_iteration:
            total_gain = (start - level) / max(abs(start), _TINY)
            gain = (then - level) / max(abs(then), _TINY)
            if total_gain < 0.1 and gain < c.stagnation_gain:
                values = {"gain_pct": 100 * gain, "first": then_it, "span": span, "start": then, "level": level}
                self._emit("score_flat", "stagnation", "warning", then_it, it, values, out=out)
        if len(self._jumps) >= 20:
            # relative to how far the score came down (a converged loss near 0 jumps by a lot of itself)
            noise = sorted(self._jumps)[len(self._jumps) // 2] / max(start - best, abs(level), _TINY)
            if self._noisy.see(noise > c.noise, it) >= c.persistence:
                self._emit(
                    "score_noisy",
                    "noisy_score",
                    "warning",
                    self._noisy.since or it,
                    it,
                    {"noise_pct": 100 * noise},
                    out=out,
                )

    def _updates(self, report: StatsReport, warm: bool, out: list[Finding]) -> None:
        c = self.config
        params = report.summaries.get("parameters", {})
        it = report.iteration
        for name, update in report.summaries.get("updates", {}).items():
            param = params.get(name)
            if param is None or not _finite(update.mean_magnitude) or not _finite(param.mean_magnitude):
                continue
            assert update.mean_magnitude is not None and param.mean_magnitude is not None
            if update.mean_magnitude <= 0 or param.mean_magnitude <= 0:
                continue
            ratio = math.log10(update.mean_magnitude / param.mean_magnitude)
            state = self._ratios.setdefault(name, _Ratio())
            previous = state.level
            state.level = ratio if previous is None else previous + 0.3 * (ratio - previous)
            if not warm or name.endswith("bias"):
                continue
            layer = _layer_of(name)
            if previous is not None and ratio - previous > c.ratio_spike:
                values = {"parameter": name, "jump": ratio - previous, "ratio": ratio, "first": it}
                self._emit(
                    "ratio_spike", "ratio_spike", "warning", it, it, values, layer=layer, parameter=name, out=out
                )
            if state.high.see(state.level > c.ratio_high, it) >= c.persistence:
                severity: Severity = "warning" if state.level > c.ratio_high + 0.5 else "info"
                values = {"parameter": name, "ratio": state.level, "limit": c.ratio_high, "first": state.high.since}
                self._emit(
                    "ratio_high",
                    "ratio_high",
                    severity,
                    state.high.since or it,
                    it,
                    values,
                    layer=layer,
                    parameter=name,
                    out=out,
                )
            if state.low.see(state.level < c.ratio_low, it) >= c.persistence:
                severity = "warning" if state.level < c.ratio_low - 0.5 else "info"
                values = {"parameter": name, "ratio": state.level, "limit": c.ratio_low, "first": state.low.since}
                self._emit(
                    "ratio_low",
                    "ratio_low",
                    severity,
                    state.low.since or it,
                    it,
                    values,
                    layer=layer,
                    parameter=name,
                    out=out,
                )

    def _activations(self, report: StatsReport, warm: bool, out: list[Finding]) -> None:
        c = self.config
        it = report.iteration
        for name, summary in report.summaries.get("activations", {}).items():
            if not _finite(summary.stdev) or name == self._output_layer:
                continue
            assert summary.stdev is not None
            previous = self._acts_level.get(name)
            level = summary.stdev if previous is None else previous + 0.3 * (summary.stdev - previous)
            self._acts_level[name] = level
            low, high = self._acts.setdefault(name, (_Streak(), _Streak()))
            if not warm:
                continue
            values = {"layer": name, "stdev": level, "low": c.activation_low, "high": c.activation_high}
            if low.see(level < c.activation_low, it) >= c.persistence:
                severity: Severity = "warning" if level < c.activation_low / c.activation_margin else "info"
                values["first"] = low.since
                self._emit(
                    "activations_vanishing",
                    "activations",
                    severity,
                    low.since or it,
                    it,
                    values,
                    layer=name,
                    parameter=name,
                    out=out,
                )
            if high.see(level > c.activation_high, it) >= c.persistence:
                severity = "warning" if level > c.activation_high * c.activation_margin else "info"
                values["first"] = high.since
                self._emit(
                    "activations_exploding",
                    "activations",
                    severity,
                    high.since or it,
                    it,
                    values,
                    layer=name,
                    parameter=name,
                    out=out,
                )

    def _parameters(self, report: StatsReport, warm: bool, out: list[Finding]) -> None:
        c = self.config
        it = report.iteration
        for name, summary in report.summaries.get("parameters", {}).items():
            if not _finite(summary.mean_magnitude):
                continue
            assert summary.mean_magnitude is not None
            state = self._params.setdefault(name, _Param())
            if state.start is None:
                state.start = summary.mean_magnitude
            if name == self._output_bias and warm and _finite(summary.min) and _finite(summary.max):
                assert summary.min is not None and summary.max is not None
                peak = max(abs(summary.min), abs(summary.max))
                if peak > c.bias_large:
                    self._emit(
                        "bias_large",
                        "bias_large",
                        "warning",
                        it,
                        it,
                        {"parameter": name, "peak": peak, "limit": c.bias_large},
                        layer=_layer_of(name),
                        parameter=name,
                        out=out,
                    )
            if not warm or name.endswith("bias") or state.start <= 1e-8:
                continue
            times = summary.mean_magnitude / state.start
            values = {"parameter": name, "now": summary.mean_magnitude, "start": state.start, "times": times}
            if state.grow.see(times > c.growth, it) >= c.persistence:
                self._emit(
                    "param_growth",
                    "param_growth",
                    "warning",
                    state.grow.since or it,
                    it,
                    values,
                    layer=_layer_of(name),
                    parameter=name,
                    out=out,
                )
            if state.shrink.see(times < c.collapse, it) >= c.persistence:
                self._emit(
                    "param_collapse",
                    "param_growth",
                    "warning",
                    state.shrink.since or it,
                    it,
                    values,
                    layer=_layer_of(name),
                    parameter=name,
                    out=out,
                )
