"""What a diagnostic rule reports (:class:`Finding`) and the thresholds the rules read (:class:`DiagnosticsConfig`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Final, Literal, get_args

from fitscope.encoding import encode_float

__all__ = ["CATEGORIES", "SEVERITIES", "Category", "DiagnosticsConfig", "Finding", "Severity"]

Severity = Literal["info", "warning", "error"]
SEVERITIES: Final[tuple[Severity, ...]] = get_args(Severity)
Category = Literal[
    "divergence",
    "stagnation",
    "noisy_score",
    "ratio_high",
    "ratio_low",
    "ratio_spike",
    "activations",
    "dead_units",
    "nonfinite",
    "param_growth",
    "bias_large",
]
#: Every category a finding can have.
CATEGORIES: Final[tuple[Category, ...]] = get_args(Category)


def _jsonable(value: Any) -> Any:
    if isinstance(value, float):
        return encode_float(value)
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


@dataclass(frozen=True)
class Finding:
    """One symptom the debugging guide describes, found in a run.

    Attributes:
        rule: The rule's stable id (``score_rising``, ``ratio_high``...).
        category: One of :data:`CATEGORIES`.
        severity: ``info``, ``warning`` or ``error``; the worst the symptom reached.
        first_iteration: When the symptom began (not when it was noticed).
        last_iteration: The last reported iteration where it still held.
        noticed_iteration: The report at which the finding reached its severity (when it was flagged).
        message: What was seen, in English.
        advice: What to do about it, citing the debugging guide, in English.
        layer: The layer it concerns, if any (the parameter's module, or the layer whose outputs it is).
        parameter: The parameter (or layer output) it concerns, if any.
        evidence: The values and thresholds behind it.
        translations: ``{"zh": {"message": ..., "advice": ...}}``.
    """

    rule: str
    category: Category
    severity: Severity
    first_iteration: int
    last_iteration: int
    noticed_iteration: int
    message: str
    advice: str
    layer: str | None = None
    parameter: str | None = None
    evidence: dict[str, Any] = field(default_factory=dict)
    translations: dict[str, dict[str, str]] = field(default_factory=dict)

    def text(self, lang: str = "en") -> tuple[str, str]:
        """The (message, advice) in ``lang`` (``en`` or a key of ``translations``; English when missing)."""
        other = self.translations.get(lang) if lang != "en" else None
        if other is None:
            return self.message, self.advice
        return other.get("message", self.message), other.get("advice", self.advice)

    def to_json(self, lang: str = "en") -> dict[str, Any]:
        """The JSON form (``fitscope diagnose --json``): message and advice in ``lang``; non-finite
        evidence as the strings "NaN", "Infinity", "-Infinity"."""
        message, advice = self.text(lang)
        return {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "first_iteration": self.first_iteration,
            "last_iteration": self.last_iteration,
            "noticed_iteration": self.noticed_iteration,
            "layer": self.layer,
            "parameter": self.parameter,
            "message": message,
            "advice": advice,
            "evidence": _jsonable(self.evidence),
        }


@dataclass(frozen=True)
class DiagnosticsConfig:
    """The rules' thresholds: the debugging guide's numbers, and how far past them a symptom must go.

    Per-report values (ratios, activation stdevs) are smoothed over about three reports at
    ``frequency=10`` (the weight of a new report grows with the iterations it covers). A
    condition is a finding once it held ``persistence`` reports in a row; it then stays one
    finding until the value is back past the exit threshold (hysteresis).

    Attributes:
        warmup_iterations: No rule but the non-finite ones makes a finding before this iteration,
            and reports before it do not count towards a warning (conditions are still followed
            from the first report, so ``first_iteration`` can be earlier).
        persistence: Reports in a row a condition must hold before it is a finding.
        ratio_high: log10 update:parameter ratio above which updates are large (guide: -2): info.
        ratio_high_warning: ... and above which they are a warning.
        ratio_low: log10 ratio below which updates are small (guide: -4): info.
        ratio_low_warning: ... and below which they are a warning (not while a schedule moves the
            rate, once the score has converged, nor for embedding tables).
        ratio_hysteresis: Decades back inside the limit before a ratio finding ends.
        ratio_spike: A report's log10 ratio this many decades above its smoothed level is a spike...
        ratio_spike_unusual: ... when that is also this many times the weight's usual move between reports...
        ratio_spike_floor: ... and the new ratio is above this (a jump towards unstable updates).
        activation_low: Activation stdev below which activations are small (guide: 0.5): info.
        activation_high: Activation stdev above which they are large (guide: 2.0): info.
        activation_margin: How many times outside [low, high] a stdev must be for a warning.
        activation_hysteresis: Factor back inside the range before an activation finding ends.
        score_smoothing: Iterations over which the score is smoothed (exponential moving average).
        score_rise: The smoothed score this fraction of its progress (start - best) above its best is divergence.
        score_explode: The smoothed score this many times its start is an error.
        stagnation_window: Iterations over which a flat score is judged.
        stagnation_gain: Relative improvement over the window below which the score is flat...
        stagnation_progress: ... when it also came down less than this fraction since the start.
        noise_window: Iterations whose jumps judge the score's noise.
        noise: The median jump between consecutive iterations' scores, as a fraction of the
            score's progress (or of its level, whichever is larger), above which it is noisy.
        small_batch: Minibatches of fewer examples than this are very small: a noisy score is a
            warning with them, info otherwise.
        growth: A weight's mean magnitude this many times its start is drifting away.
        collapse: A weight's mean magnitude below this fraction of its start has collapsed.
        bias_large: The output bias's largest magnitude above this is large.
        dead_units: The fraction of a ReLU-family layer's units never active in a batch above
            which they are many (info)...
        dead_units_warning: ... and above which they are most (warning).
        dead_units_hysteresis: How far below ``dead_units`` the fraction must come back before a
            dead-units finding ends.
        dead_units_min_examples: Batches with fewer values per unit than this (examples times
            positions) are not judged: a unit is 0 over one example as often as not.
    """

    warmup_iterations: int = 50
    persistence: int = 3
    ratio_high: float = -2.0
    ratio_high_warning: float = -1.25
    ratio_low: float = -4.0
    ratio_low_warning: float = -5.0
    ratio_hysteresis: float = 0.25
    ratio_spike: float = 1.0
    ratio_spike_unusual: float = 4.0
    ratio_spike_floor: float = -3.0
    activation_low: float = 0.5
    activation_high: float = 2.0
    activation_margin: float = 4.0
    activation_hysteresis: float = 1.25
    score_smoothing: int = 10
    score_rise: float = 0.5
    score_explode: float = 100.0
    stagnation_window: int = 200
    stagnation_gain: float = 0.01
    stagnation_progress: float = 0.2
    noise_window: int = 100
    noise: float = 0.2
    small_batch: float = 8.0
    growth: float = 50.0
    collapse: float = 0.02
    bias_large: float = 10.0
    dead_units: float = 0.25
    dead_units_warning: float = 0.5
    dead_units_hysteresis: float = 0.05
    dead_units_min_examples: int = 16
