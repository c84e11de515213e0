"""What a diagnostic rule reports: a :class:`Finding`, and the thresholds rules read (:class:`DiagnosticsConfig`)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Any, Final, Literal

__all__ = ["CATEGORIES", "SEVERITIES", "Category", "DiagnosticsConfig", "Finding", "Severity"]

Severity = Literal["info", "warning", "error"]
SEVERITIES: Final[tuple[Severity, ...]] = ("info", "warning", "error")
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
CATEGORIES: Final[tuple[Category, ...]] = (
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
)


def _jsonable(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
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
        severity: ``info``, ``warning`` or ``error``.
        first_iteration: When the symptom began (not when it was noticed).
        last_iteration: The last iteration where it still held.
        noticed_iteration: The report at which the rule fired.
        layer: The layer it concerns, if any (the parameter's module).
        parameter: The parameter (or activation) it concerns, if any.
        evidence: The values and thresholds that fired it.
        message: What was seen, in plain English.
        advice: What to do about it, citing the guide.
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

    def to_json(self) -> dict[str, Any]:
        """The JSON form (``fitscope diagnose --json``); non-finite evidence as "NaN"/"Infinity" strings."""
        return {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "first_iteration": self.first_iteration,
            "last_iteration": self.last_iteration,
            "noticed_iteration": self.noticed_iteration,
            "layer": self.layer,
            "parameter": self.parameter,
            "message": self.message,
            "advice": self.advice,
            "evidence": _jsonable(self.evidence),
            "translations": self.translations,
        }

    def extended(self, iteration: int) -> Finding:
        """The same finding, still holding at ``iteration``."""
        return replace(self, last_iteration=max(self.last_iteration, iteration))

    @property
    def key(self) -> tuple[str, str | None]:
        """What makes two findings the same symptom: the rule and the parameter."""
        return (self.rule, self.parameter)


@dataclass(frozen=True)
class DiagnosticsConfig:
    """The rules' thresholds (the guide's numbers by default).

    Attributes:
        warmup_iterations: No rule but ``nonfinite`` speaks before this iteration.
        persistence: Reports in a row a condition must hold before it is a finding.
        ratio_low: log10 update:parameter ratio below which updates are too small (guide: -4).
        ratio_high: log10 ratio above which updates are too large (guide: -2).
        ratio_spike: A rise of the log10 ratio this far above its recent level is a spike.
        activation_low: Activation stdev below which activations vanish (guide: 0.5).
        activation_high: Activation stdev above which they explode (guide: 2.0).
        activation_margin: How many times outside [low, high] a stdev must be to warn (less: info).
        score_rise: The smoothed score rising this fraction of its range above its best is divergence.
        score_explode: The smoothed score this many times its start (or non-finite) is an error.
        stagnation_window: Iterations over which a flat score is judged.
        stagnation_gain: Relative improvement of the score over that window below which it is flat.
        noise: Median relative jump between consecutive iterations' scores above which it is noisy.
        growth: A parameter's mean magnitude this many times its start is drifting away.
        collapse: A parameter's mean magnitude below this fraction of its start has collapsed.
        bias_large: An output bias's largest magnitude above this is large.
    """

    warmup_iterations: int = 100
    persistence: int = 3
    ratio_low: float = -4.0
    ratio_high: float = -2.0
    ratio_spike: float = 1.5
    activation_low: float = 0.5
    activation_high: float = 2.0
    activation_margin: float = 4.0
    score_rise: float = 0.5
    score_explode: float = 100.0
    stagnation_window: int = 500
    stagnation_gain: float = 0.01
    noise: float = 0.5
    growth: float = 50.0
    collapse: float = 0.02
    bias_large: float = 10.0
