"""Non-finite values: a NaN or infinite score, or tensors holding NaN/Inf (errors, from the first report).

No warm-up and no persistence: one NaN is enough, and it spreads to the whole network within
steps. The score's finding starts at the exact iteration (every iteration's score is stored);
a tensor's at the report that first held one. One finding for the score and one per kind of
tensor (parameters, gradients, updates, activations), naming the first tensor seen.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from fitscope.diagnostics.conditions import Recorder
from fitscope.diagnostics.model import layer_of
from fitscope.records import StatsReport

__all__ = ["NonFiniteRules", "score_series"]


def score_series(report: StatsReport) -> tuple[Sequence[int], Sequence[float], bool]:
    """The report's iterations and scores (every iteration's when stored, else the report's own),
    and whether they are all finite."""
    scores = report.scores
    if scores.iterations:
        return scores.iterations, scores.values, all(map(math.isfinite, scores.values))
    if report.score is None:
        return (), (), True
    return (report.iteration,), (report.score,), math.isfinite(report.score)


def _shown(value: float) -> str:
    return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")


class NonFiniteRules:
    """``score_nonfinite`` and ``tensor_nonfinite`` (category ``nonfinite``, severity error)."""

    def __init__(self, recorder: Recorder) -> None:
        self.recorder = recorder

    def observe(self, report: StatsReport, iterations: Sequence[int], scores: Sequence[float], finite: bool) -> None:
        """Checks the report's scores (``finite``: they all are) and summaries."""
        rec, it = self.recorder, report.iteration
        if not finite:
            bad = next((i, v) for i, v in zip(iterations, scores, strict=True) if not math.isfinite(v))
            rec.record("score_nonfinite", "nonfinite", 3, bad[0], it, {"value": _shown(bad[1])}, subject="score")
        for kind, tensors in report.summaries.items():
            for summary in tensors.values():
                if summary.nonfinite_count:
                    break
            else:
                continue  # the common case: nothing non-finite of this kind
            if rec.has("tensor_nonfinite", kind):
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
