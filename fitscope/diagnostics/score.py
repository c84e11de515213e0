"""The score (loss) against iterations: rising (divergence), exploding, flat (stagnation), noisy.

The guide: the score should fall over time. Rising steadily: the learning rate is probably too
high (or the data badly normalised). Flat, or falling very slowly over hundreds of iterations:
too low a rate, or a struggling optimizer. Large jumps between iterations: learning rate,
normalisation or shuffling problems, or very small minibatches. A noisy score is a warning only
with minibatches of fewer than ``small_batch`` examples (known when the listener is given
``batch_size``): how much a minibatch's loss varies depends on the loss, and the other causes
show in the other rules.

State: the smoothed score (an exponential moving average over ``score_smoothing`` iterations),
its start (the mean of the first report's scores), its best, one smoothed value per report over
the last ``stagnation_window`` iterations and the last ``noise_window`` jumps: bounded, whatever
the run's length. *Progress* is how far the smoothed score came down from its start to its
best; rises and jumps are judged against it (or against the score's level when it is larger),
so a converged loss whose jumps are large next to its tiny level is not called noisy.
"""

from __future__ import annotations

import math
from collections import deque

from fitscope.diagnostics.conditions import Condition, Recorder
from fitscope.diagnostics.findings import DiagnosticsConfig

__all__ = ["ScoreRules"]

_TINY = 1e-12


class ScoreRules:
    """``score_rising``, ``score_exploding`` (divergence), ``score_flat`` (stagnation), ``score_noisy``."""

    def __init__(self, config: DiagnosticsConfig, recorder: Recorder) -> None:
        self.config = config
        self.recorder = recorder
        self.level: float | None = None
        self.start: float | None = None
        self.best: float | None = None
        self.best_iteration = 0
        self._last: float | None = None
        self._history: deque[tuple[int, float]] = deque()
        self._jumps: deque[float] = deque(maxlen=max(config.noise_window, 2))
        self._rising = Condition()
        self._exploding = Condition()
        self._flat = Condition()
        self._noisy = Condition()
        self._rise_from = 0

    @property
    def converged(self) -> bool:
        """True when the smoothed score came down by at least half of its start and sits near its best
        (within a tenth of that progress): a model with little left to learn."""
        if self.start is None or self.best is None or self.level is None:
            return False
        progress = self.start - self.best
        return progress >= 0.5 * abs(self.start) and self.level - self.best <= 0.1 * progress

    def observe(self, iteration: int, points: list[tuple[int, float]], warm: bool, batch: float | None = None) -> None:
        """Follows the report's finite scores; judges them once ``warm``. ``batch``: the mean
        number of examples per minibatch so far, when the listener was told them."""
        c = self.config
        finite = [(i, v) for i, v in points if math.isfinite(v)]
        if not finite:
            return
        alpha = 1.0 / max(c.score_smoothing, 1)
        if self.start is None:
            self.start = math.fsum(v for _, v in finite) / len(finite)
        for i, value in finite:
            if self._last is not None:
                self._jumps.append(abs(value - self._last))
            self._last = value
            self.level = value if self.level is None else self.level + alpha * (value - self.level)
            if self.best is None or self.level < self.best:
                self.best, self.best_iteration = self.level, i
        level, start, best = self.level, self.start, self.best
        assert level is not None and best is not None
        self._history.append((iteration, level))
        while len(self._history) > 2 and self._history[1][0] <= iteration - c.stagnation_window:
            self._history.popleft()
        progress = max(start - best, 0.0)
        scale = max(progress, 0.05 * abs(best), _TINY)
        self._rise(iteration, level, best, scale, warm)
        self._explode(iteration, level, start, warm)
        self._flat_score(iteration, level, start, warm)
        self._noise(iteration, level, progress, warm, batch)

    def _rise(self, it: int, level: float, best: float, scale: float, warm: bool) -> None:
        c = self.config
        rise = (level - best) / scale
        if not self._rising.holds:
            self._rise_from = self.best_iteration
        held = self._rising.update(rise, c.score_rise, c.score_rise, c.score_rise / 2, it, c.persistence)
        if held and warm:
            values = {"best": best, "level": level, "rise": rise}
            self.recorder.record("score_rising", "divergence", 2, self._rise_from, it, values, subject="score")

    def _explode(self, it: int, level: float, start: float, warm: bool) -> None:
        c = self.config
        times = level / max(abs(start), _TINY)
        held = self._exploding.update(times, c.score_explode, c.score_explode, c.score_explode / 10, it, 2)
        if held and warm:
            values = {"level": level, "start": start, "times": times}
            first = self._rise_from if self._rising.holds else (self._exploding.since or it)
            self.recorder.record("score_exploding", "divergence", 3, first, it, values, subject="score")

    def _flat_score(self, it: int, level: float, start: float, warm: bool) -> None:
        c = self.config
        then_it, then = self._history[0]
        if it - then_it < c.stagnation_window:
            return
        gain = (then - level) / max(abs(then), _TINY)
        progress = (start - level) / max(abs(start), _TINY)
        # flatness as a number that grows as the score gets flatter; it holds only when the
        # score also came down little since the start (a converged loss is flat too), and not
        # when it rose by more than a tenth (that is divergence, not a plateau)
        flat = progress < c.stagnation_progress and gain > -0.1
        flatness = c.stagnation_gain - gain if flat else -math.inf
        held = self._flat.update(flatness, 0.0, 0.0, -c.stagnation_gain, it, 1)
        if held and warm:
            values = {"gain_pct": 100 * gain, "span": it - then_it, "start": then, "level": level, "since": then_it}
            self.recorder.record("score_flat", "stagnation", 2, then_it, it, values, subject="score")

    def _noise(self, it: int, level: float, progress: float, warm: bool, batch: float | None) -> None:
        c = self.config
        if len(self._jumps) < max(c.noise_window // 2, 2):
            return
        # the median jump: the step-to-step change most iterations show, not the odd spike (a
        # few large jumps of a healthy run at a high learning rate are the other rules' business)
        ordered = sorted(self._jumps)
        typical = ordered[len(ordered) // 2]
        noise = typical / max(progress, abs(level), _TINY)
        # how noisy a minibatch's loss is depends on the loss (a regression's squared errors jump
        # more than a classifier's cross-entropy): alone, noise is info; with very small
        # minibatches, the cause the guide names, a warning
        small = batch is not None and batch < c.small_batch
        held = self._noisy.update(noise, c.noise, c.noise, 0.75 * c.noise, it, c.persistence, may_warn=warm and small)
        if held and warm:
            values = {"noise_pct": 100 * noise, "jump": typical, "progress": progress, "level": level}
            text = "score_noisy"
            if batch is not None and small:
                values["batch"] = batch
                text = "score_noisy_small_batches"
            first = max((self._noisy.since or it) - c.noise_window // 2, 0)
            self.recorder.record("score_noisy", "noisy_score", held, first, it, values, subject="score", text=text)
