"""Non-finite values: a NaN or infinite score, or tensors holding NaN/Inf (errors, from the first report).

No warm-up and no persistence: one NaN is enough, and it spreads to the whole network within
steps. The score's finding starts at the exact iteration (every iteration's score is stored);
a tensor's at the report that first held one. One finding for the score and one per kind of
tensor (parameters, gradients, updates, activations), naming the first tensor seen.
"""

from __future__ import annotations

import math

from fitscope.diagnostics.conditions import Recorder
from fitscope.diagnostics.model import layer_of
from fitscope.records import StatsReport

__all__ = ["NonFiniteRules", "score_points"]


def score_points(report: StatsReport) -> list[tuple[int, float]]:
    """The report's (iteration, score) pairs: every iteration's when stored, else the report's own."""
    scores = report.scores
    if scores.iterations:
        return list(zip(scores.iterations, scores.values, strict=False))
    return [(report.iteration, report.score)] if report.score is not None else []


def _shown(value: float) -> str:
    return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")


class NonFiniteRules:
    """``score_nonfinite`` and ``tensor_nonfinite`` (category ``nonfinite``, severity error)."""

    def __init__(self, recorder: Recorder) -> None:
        self.recorder = recorder

    def observe(self, report: StatsReport, points: list[tuple[int, float]]) -> None:
        """Checks the report's scores and summaries."""
        rec, it = self.recorder, report.iteration
        bad = next(((i, v) for i, v in points if not math.isfinite(v)), None)
        if bad is not None:
            rec.record("score_nonfinite", "nonfinite", 3, bad[0], it, {"value": _shown(bad[1])}, subject="score")
        for kind, tensors in report.summaries.items():
            if rec.has("tensor_nonfinite", kind):
                if any(s.nonfinite_count for s in tensors.values()):
                    rec.extend("tensor_nonfinite", kind, it)
                continue
            for name, summary in tensors.items():
                if summary.nonfinite_count > 0:
                    values = {
                        "kind": kind,
                        "parameter": name,
                        "count": summary.nonfinite_count,
                        "total": summary.count,
                    }
                    layer = name if kind == "activations" else layer_of(name)
                    rec.record(
                        "tensor_nonfinite", "nonfinite", 3, it, it, values, layer=layer, parameter=name, subject=kind
                    )
                    break
