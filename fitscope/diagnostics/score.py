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
from collections.abc import Sequence
from itertools import compress, islice
from operator import sub

from fitscope.diagnostics.conditions import Condition, Recorder
from fitscope.diagnostics.findings import DiagnosticsConfig

__all__ = ["ScoreRules"]

_TINY = 1e-12


class ScoreRules:
    """``score_rising``, ``score_exploding`` (divergence), ``score_flat`` (stagnation), ``score_noisy``.

    Attributes:
        converged: True when the smoothed score came down by at least half of its start and sits
            near its best (within a tenth of that progress): a model with little left to learn.
    """

    def __init__(self, config: DiagnosticsConfig, recorder: Recorder) -> None:
        c = self.config = config
        self.recorder = recorder
        self.level: float | None = None
        self.start: float | None = None
        self.best: float | None = None
        self.best_iteration = 0
        self.converged = False
        self._alpha = 1.0 / max(c.score_smoothing, 1)
        self._start_scale = 1.0  # max(|start|, tiny), once the start is known
        self._last: float | None = None
        self._history: deque[tuple[int, float]] = deque()
        self._jumps: deque[float] = deque(maxlen=max(c.noise_window, 2))
        self._rising = Condition(c.score_rise, c.score_rise, c.score_rise / 2, c.persistence)
        self._exploding = Condition(c.score_explode, c.score_explode, c.score_explode / 10, 2)
        self._flat = Condition(0.0, 0.0, -c.stagnation_gain, 1)
        self._noisy = Condition(c.noise, c.noise, 0.75 * c.noise, c.persistence)
        self._rise_from = 0

    def observe(
        self,
        iteration: int,
        iterations: Sequence[int],
        scores: Sequence[float],
        finite: bool,
        warm: bool,
        batch: float | None = None,
    ) -> None:
        """Follows the report's finite scores (``scores[k]`` at ``iterations[k]``; ``finite``: they
        all are); judges them once ``warm``. ``batch``: the mean number of examples per minibatch
        so far, when the listener was told them."""
        if not finite:
            kept = list(map(math.isfinite, scores))
            iterations, scores = tuple(compress(iterations, kept)), tuple(compress(scores, kept))
        if not scores:
            return
        self._add_jumps(scores)
        if self.start is None:
            self.start = math.fsum(scores) / len(scores)
            self._start_scale = max(abs(self.start), _TINY)
            self.level = self.best = scores[0]
            self.best_iteration = iterations[0]
            iterations, scores = iterations[1:], scores[1:]
        alpha, level, best, best_iteration = self._alpha, self.level, self.best, self.best_iteration
        assert level is not None and best is not None
        # (a ScoreSeries has as many scores as iterations: strict=True would only cost a check per point)
        for i, value in zip(iterations, scores, strict=False):
            level += alpha * (value - level)
            if level < best:
                best, best_iteration = level, i
        self.level, self.best, self.best_iteration = level, best, best_iteration
        start = self.start
        history = self._history
        history.append((iteration, level))
        while len(history) > 2 and history[1][0] <= iteration - self.config.stagnation_window:
            history.popleft()
        gained = start - best
        self.converged = gained >= 0.5 * abs(start) and level - best <= 0.1 * gained
        progress = max(gained, 0.0)
        self._rise(iteration, level, best, max(progress, 0.05 * abs(best), _TINY), warm)
        self._explode(iteration, level, start, warm)
        self._flat_score(iteration, level, start, warm)
        if len(self._jumps) >= max(self.config.noise_window // 2, 2):
            self._noise(iteration, level, progress, warm, batch)

    def _add_jumps(self, scores: Sequence[float]) -> None:
        """Adds the jumps between consecutive scores (the first from the previous report's last) to the window."""
        if self._last is not None:
            self._jumps.append(abs(scores[0] - self._last))
        self._jumps.extend(map(abs, map(sub, islice(scores, 1, None), scores)))
        self._last = scores[-1]

    def _rise(self, it: int, level: float, best: float, scale: float, warm: bool) -> None:
        rise = (level - best) / scale
        rising = self._rising
        if not rising.count:
            self._rise_from = self.best_iteration
        held = rising.update(rise, it) if rise > rising.info or rising.count else 0
        if held and warm and not rising.recorded(2, it):
            values = {"best": best, "level": level, "rise": rise}
            rising.entry = self.recorder.record(
                "score_rising", "divergence", 2, self._rise_from, it, values, subject="score"
            )

    def _explode(self, it: int, level: float, start: float, warm: bool) -> None:
        times = level / self._start_scale
        exploding = self._exploding
        held = exploding.update(times, it) if times > exploding.info or exploding.count else 0
        if held and warm and not exploding.recorded(3, it):
            values = {"level": level, "start": start, "times": times}
            first = self._rise_from if self._rising.count else (exploding.since or it)
            exploding.entry = self.recorder.record(
                "score_exploding", "divergence", 3, first, it, values, subject="score"
            )

    def _flat_score(self, it: int, level: float, start: float, warm: bool) -> None:
        c = self.config
        then_it, then = self._history[0]
        if it - then_it < c.stagnation_window:
            return
        gain = (then - level) / max(abs(then), _TINY)
        progress = (start - level) / self._start_scale
        # flatness as a number that grows as the score gets flatter; it holds only when the
        # score also came down little since the start (a converged loss is flat too), and not
        # when it rose by more than a tenth (that is divergence, not a plateau)
        flat = progress < c.stagnation_progress and gain > -0.1
        flatness = c.stagnation_gain - gain if flat else -math.inf
        flat_score = self._flat
        held = flat_score.update(flatness, it) if flatness > 0.0 or flat_score.count else 0
        if held and warm and not flat_score.recorded(2, it):
            values = {"gain_pct": 100 * gain, "span": it - then_it, "start": then, "level": level, "since": then_it}
            flat_score.entry = self.recorder.record("score_flat", "stagnation", 2, then_it, it, values, subject="score")

    def _noise(self, it: int, level: float, progress: float, warm: bool, batch: float | None) -> None:
        c = self.config
        # the median jump: the step-to-step change most iterations show, not the odd spike (a
        # few large jumps of a healthy run at a high learning rate are the other rules' business)
        ordered = sorted(self._jumps)
        typical = ordered[len(ordered) // 2]
        noise = typical / max(progress, abs(level), _TINY)
        # how noisy a minibatch's loss is depends on the loss (a regression's squared errors jump
        # more than a classifier's cross-entropy): alone, noise is info; with very small
        # minibatches, the cause the guide names, a warning
        small = batch is not None and batch < c.small_batch
        noisy = self._noisy
        held = noisy.update(noise, it, may_warn=warm and small) if noise > noisy.info or noisy.count else 0
        if held and warm and not noisy.recorded(held, it):
            values = {"noise_pct": 100 * noise, "jump": typical, "progress": progress, "level": level}
            text = "score_noisy"
            if batch is not None and small:
                values["batch"] = batch
                text = "score_noisy_small_batches"
            first = max((noisy.since or it) - c.noise_window // 2, 0)
            noisy.entry = self.recorder.record(
                "score_noisy", "noisy_score", held, first, it, values, subject="score", text=text
            )
