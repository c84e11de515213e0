"""A library of small, deterministic PyTorch runs, healthy and broken, recorded by a real StatsListener.

Each run trains for a few hundred iterations on CPU (seconds), reports every 10 iterations into an
``InMemoryStatsStorage`` and returns a :class:`Run`: the storage, the categories of finding a
diagnosis should make (none for a healthy run), the iteration where the fault began, and a check
of the fault's symptom made from the run's own numbers (the losses and gradient norms the loop
saw, the stored statistics), never from the rules under test.

Data is synthetic or bundled: scikit-learn's digits (8x8 images, 10 classes), Gaussian blobs,
generated sequences. ``seed`` changes the data order, the initialisation and the generated data,
so other seeds make runs no rule was tuned on (``benchmarks/diagnostics.py --extra-seeds``).
"""

from __future__ import annotations

import itertools
import math
import statistics
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache

import numpy as np
import torch
from torch import nn

from fitscope import InMemoryStatsStorage, StatsListener
from fitscope.records import StatsReport

__all__ = [
    "BROKEN",
    "HEALTHY",
    "RUNS",
    "Run",
    "Trace",
    "batches",
    "blobs",
    "digits",
    "mlp",
    "naive_bce",
    "reports",
    "run",
    "sequences",
    "stat",
    "train",
]

FREQUENCY = 10


@dataclass
class Trace:
    """What the training loop itself saw, every iteration (from 1)."""

    losses: list[float] = field(default_factory=list)
    grad_norms: list[float] = field(default_factory=list)

    def mean_loss(self, first: int, last: int) -> float:
        """The mean finite loss of iterations ``first`` to ``last`` (from 1, inclusive)."""
        values = [v for v in self.losses[first - 1 : last] if math.isfinite(v)]
        return statistics.fmean(values) if values else math.nan


@dataclass
class Run:
    """One recorded run and what a diagnosis of it should say.

    Attributes:
        name: The run's name (``lr_too_high``...).
        seed: The seed it was made with.
        storage: The stored run (one session, one worker).
        expected: Categories a right finding has; empty for a healthy run.
        onset: The iteration where the fault began (0: from the start); None when healthy.
        symptom: What the check below measured, in words.
        confirmed: Whether the run's own numbers show the fault's symptom (always True when healthy).
        trace: The losses and gradient norms of every iteration.
        seconds: How long it took to train.
    """

    name: str
    seed: int
    storage: InMemoryStatsStorage
    expected: frozenset[str]
    onset: int | None
    symptom: str
    confirmed: bool
    trace: Trace
    seconds: float

    @property
    def healthy(self) -> bool:
        """True for a run without a fault."""
        return not self.expected


# --------------------------------------------------------------------------- data


@cache
def _digits_raw() -> tuple[np.ndarray, np.ndarray]:
    from sklearn.datasets import load_digits

    data = load_digits()
    return data.data.astype(np.float32), data.target.astype(np.int64)


def digits(scale: str = "standard") -> tuple[torch.Tensor, torch.Tensor]:
    """The digits: ``standard`` (each feature mean 0, stdev 1), or ``raw`` (pixels 0..16 times 16, like 0..255)."""
    x, y = _digits_raw()
    x = (x - x.mean(0)) / (x.std(0) + 1e-06) if scale == "standard" else x * 16.0
    return torch.from_numpy(x.copy()), torch.from_numpy(y.copy())


def sequences(seed: int, n: int = 1024, length: int = 20, features: int = 3) -> tuple[torch.Tensor, torch.Tensor]:
    """Gaussian noise around a level that tells the class (4 classes), ``length`` steps of ``features``."""
    g = torch.Generator().manual_seed(1000 + seed)
    y = torch.randint(0, 4, (n,), generator=g)
    x = 0.4 * (y[:, None, None].float() - 1.5) + torch.randn(n, length, features, generator=g)
    return x, y


def blobs(seed: int, n: int = 1024, features: int = 16, classes: int = 5) -> tuple[torch.Tensor, torch.Tensor]:
    """Gaussian blobs: ``classes`` centres at distance about 2 from each other, unit noise."""
    g = torch.Generator().manual_seed(2000 + seed)
    centres = 1.5 * torch.randn(classes, features, generator=g)
    y = torch.randint(0, classes, (n,), generator=g)
    return centres[y] + torch.randn(n, features, generator=g), y


def batches(
    x: torch.Tensor, y: torch.Tensor, size: int, seed: int, shuffle: bool = True
) -> Iterator[tuple[torch.Tensor, torch.Tensor]]:
    """Minibatches forever: a new permutation each epoch, or (``shuffle=False``) the data's order every time."""
    g = torch.Generator().manual_seed(seed)
    n = len(x)
    while True:
        order = torch.randperm(n, generator=g) if shuffle else torch.arange(n)
        for i in range(0, n - size + 1, size):
            idx = order[i : i + size]
            yield x[idx], y[idx]


# --------------------------------------------------------------------------- training


def train(
    model: nn.Module,
    optimizer: torch.optim.Optimizer,
    data: Iterator[tuple[torch.Tensor, torch.Tensor]],
    steps: int,
    loss_fn: Callable[[torch.Tensor, torch.Tensor], torch.Tensor] = nn.functional.cross_entropy,
    *,
    clip: float | None = None,
    before_step: Callable[[int], None] | None = None,
) -> tuple[InMemoryStatsStorage, Trace]:
    """Trains ``steps`` iterations under a StatsListener reporting every 10; returns the storage and the trace.

    Runs on one thread (small models are faster so, and the numbers do not depend on the machine's cores).
    """
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        return _train(model, optimizer, data, steps, loss_fn, clip, before_step)
    finally:
        torch.set_num_threads(threads)


def _train(
    model: nn.Module,
    optimizer: torch.optim.Optimizer,
    data: Iterator[tuple[torch.Tensor, torch.Tensor]],
    steps: int,
    loss_fn: Callable[[torch.Tensor, torch.Tensor], torch.Tensor],
    clip: float | None,
    before_step: Callable[[int], None] | None,
) -> tuple[InMemoryStatsStorage, Trace]:
    storage = InMemoryStatsStorage()
    listener = StatsListener(storage, frequency=FREQUENCY, max_overhead=None, close_sinks=False)
    listener.attach(model, optimizer)
    trace = Trace()
    for iteration in range(1, steps + 1):
        if before_step is not None:
            before_step(iteration)
        x, y = next(data)
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        if clip is not None:
            torch.nn.utils.clip_grad_norm_(model.parameters(), clip)
        with torch.no_grad():
            norms = [p.grad.detach().norm() for p in model.parameters() if p.grad is not None]
            trace.grad_norms.append(float(torch.stack(norms).norm()) if norms else 0.0)
        optimizer.step()
        trace.losses.append(float(loss.detach()))
        listener.iteration_done(loss, batch_size=len(x))
    listener.close()
    return storage, trace


# --------------------------------------------------------------------------- models


def mlp(seed: int, widths: tuple[int, ...] = (64, 64, 32, 10), act: type[nn.Module] = nn.ReLU) -> nn.Sequential:
    """Linear layers of ``widths`` with ``act`` between them (PyTorch's default initialisation)."""
    torch.manual_seed(seed)
    layers: list[nn.Module] = []
    for i, (a, b) in enumerate(itertools.pairwise(widths)):
        layers.append(nn.Linear(a, b))
        if i < len(widths) - 2:
            layers.append(act())
    return nn.Sequential(*layers)


class ConvNet(nn.Module):
    """Two 3x3 convolutions and a linear head, for the 8x8 digits."""

    def __init__(self, seed: int, batch_norm: bool = False) -> None:
        super().__init__()
        torch.manual_seed(seed)
        self.body = nn.Sequential(
            nn.Conv2d(1, 8, 3, padding=1),
            nn.BatchNorm2d(8) if batch_norm else nn.Identity(),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Conv2d(8, 16, 3, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Flatten(),
        )
        self.head = nn.Linear(16 * 2 * 2, 10)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.body(x.view(-1, 1, 8, 8)))


class Recurrent(nn.Module):
    """An LSTM, GRU or plain RNN over the sequence, classified from its last step."""

    def __init__(self, seed: int, kind: str = "lstm", features: int = 3, hidden: int = 32, classes: int = 4) -> None:
        super().__init__()
        torch.manual_seed(seed)
        cell = {"lstm": nn.LSTM, "gru": nn.GRU, "rnn": nn.RNN}[kind]
        self.rnn = cell(features, hidden, batch_first=True)
        self.head = nn.Linear(hidden, classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out, _ = self.rnn(x)
        return self.head(out[:, -1])


def init_linear(
    model: nn.Module, *, std: float | None = None, gain: float | None = None, bias: float | None = None
) -> nn.Module:
    """Re-initialises every Linear layer: weights N(0, std) or N(0, gain / sqrt(fan_in)); biases to ``bias``."""
    for module in model.modules():
        if isinstance(module, nn.Linear):
            if std is not None:
                nn.init.normal_(module.weight, 0.0, std)
            if gain is not None:
                nn.init.normal_(module.weight, 0.0, gain / module.in_features**0.5)
            if bias is not None:
                nn.init.constant_(module.bias, bias)
    return model


# --------------------------------------------------------------------------- reading a run's own numbers


def reports(storage: InMemoryStatsStorage) -> list[StatsReport]:
    """Every stored report of the run's one stream."""
    session = storage.list_sessions()[0]
    return list(storage.iter_updates(session, storage.list_workers(session)[0]))


def stat(storage: InMemoryStatsStorage, kind: str, name: str, statistic: str) -> list[float]:
    """One statistic of one tensor over the reports that hold it (non-finite and missing values left out)."""
    out = []
    for report in reports(storage):
        summary = report.summaries.get(kind, {}).get(name)
        value = None if summary is None else summary.stat(statistic)
        if value is not None and math.isfinite(value):
            out.append(float(value))
    return out


def first_nonfinite(values: list[float]) -> int | None:
    """The iteration (from 1) of the first non-finite value, if any."""
    return next((i + 1 for i, v in enumerate(values) if not math.isfinite(v)), None)


def ratio(storage: InMemoryStatsStorage, name: str, index: int = 0) -> float:
    """log10 of mean|update| / mean|parameter| of ``name`` in report ``index``."""
    report = reports(storage)[index]
    update, param = report.summaries["updates"][name], report.summaries["parameters"][name]
    assert update.mean_magnitude is not None and param.mean_magnitude is not None
    return math.log10(max(update.mean_magnitude, 1e-30) / param.mean_magnitude)


# --------------------------------------------------------------------------- the runs

RunFn = Callable[[int], Run]
BROKEN: dict[str, RunFn] = {}
HEALTHY: dict[str, RunFn] = {}


def _register(table: dict[str, RunFn]) -> Callable[[Callable[..., Run]], Callable[..., Run]]:
    def add(fn: Callable[..., Run]) -> Callable[..., Run]:
        table[fn.__name__] = fn
        return fn

    return add


def _made(
    name: str,
    seed: int,
    started: float,
    result: tuple[InMemoryStatsStorage, Trace],
    expected: set[str] | None = None,
    onset: int | None = None,
    symptom: str = "healthy",
    confirmed: bool = True,
) -> Run:
    storage, trace = result
    return Run(
        name=name,
        seed=seed,
        storage=storage,
        expected=frozenset(expected or ()),
        onset=onset,
        symptom=symptom,
        confirmed=confirmed,
        trace=trace,
        seconds=time.perf_counter() - started,
    )


def _sgd(model: nn.Module, lr: float, momentum: float = 0.9, **kw: float) -> torch.optim.SGD:
    return torch.optim.SGD(model.parameters(), lr=lr, momentum=momentum, **kw)


# -- broken -----------------------------------------------------------------------------------------------
#
# ``expected`` holds the categories the guide ties to the fault's cause: a finding of any of them is a right
# diagnosis. Too high a learning rate shows as large ratios, a rising or jumping score, exploding activations,
# drifting parameters, NaN; bad initialisation as activations far from 0.5..2 and ratios far from -3 ("adjust
# the learning rate (sometimes the initialization)"); and so on, one docstring per run.


@_register(BROKEN)
def lr_too_high(seed: int = 0) -> Run:
    """Plain SGD at lr 1.0 on an MLP: each step moves the weights by a tenth (the guide: a thousandth); the
    loss jumps about and, for some seeds, climbs back up."""
    t0 = time.perf_counter()
    x, y = digits()
    model = mlp(seed)
    result = train(model, _sgd(model, 1.0, momentum=0.0), batches(x, y, 32, seed), 400)
    trace = result[1]
    means = [trace.mean_loss(i, i + 19) for i in range(1, 381, 10)]
    best = min(means)
    peak = max(means[means.index(best) :])
    r0 = ratio(result[0], "0.weight")
    return _made(
        "lr_too_high", seed, t0, result,
        {"ratio_high", "divergence", "noisy_score", "ratio_spike", "activations", "param_growth", "nonfinite"}, 0,
        f"update:parameter ratio 10^{r0:.2f} at the first report (the guide's rule of thumb: 10^-3, too unstable "
        f"above 10^-2); the loss fell to {best:.3g} (20-iteration mean), then went up to {peak:.3g}",
        r0 > -1.5,
    )  # fmt: skip


@_register(BROKEN)
def lr_too_low(seed: int = 0) -> Run:
    """Plain SGD at lr 1e-4: updates a hundred times smaller than the guide's 1:1000, the loss barely moves."""
    t0 = time.perf_counter()
    x, y = digits()
    model = mlp(seed)
    result = train(model, _sgd(model, 1e-4, momentum=0.0), batches(x, y, 32, seed), 400)
    start, end = result[1].mean_loss(1, 20), result[1].mean_loss(351, 400)
    r0 = ratio(result[0], "0.weight")
    return _made(
        "lr_too_low", seed, t0, result, {"ratio_low", "stagnation"}, 0,
        f"update:parameter ratio 10^{r0:.2f}; the loss went from {start:.4g} to {end:.4g} in 400 iterations",
        r0 < -4.5 and end > 0.97 * start,
    )  # fmt: skip


@_register(BROKEN)
def bad_initialisation(seed: int = 0) -> Run:
    """A ReLU MLP with weights drawn from N(0, 1) (He would be N(0, 2/64)): activations in the tens and hundreds."""
    t0 = time.perf_counter()
    x, y = digits()
    model = init_linear(mlp(seed), std=1.0)
    result = train(model, _sgd(model, 0.05), batches(x, y, 32, seed), 400)
    stdev = stat(result[0], "activations", "2", "stdev")[0]
    return _made(
        "bad_initialisation", seed, t0, result,
        {"activations", "divergence", "stagnation", "ratio_high", "ratio_low", "noisy_score", "nonfinite"}, 0,
        f"the second layer's outputs have stdev {stdev:.3g} at the first report (guide: 0.5 to 2)",
        stdev > 20,
    )  # fmt: skip


@_register(BROKEN)
def unnormalised_inputs(seed: int = 0) -> Run:
    """The digits' pixels as 0..256 instead of standardised: huge first-layer outputs, the loss stuck."""
    t0 = time.perf_counter()
    x, y = digits("raw")
    model = mlp(seed)
    result = train(model, _sgd(model, 0.01), batches(x, y, 32, seed), 400)
    stdev = stat(result[0], "activations", "0", "stdev")[0]
    end = result[1].mean_loss(301, 400)
    return _made(
        "unnormalised_inputs", seed, t0, result,
        {"activations", "divergence", "noisy_score", "ratio_high", "stagnation", "nonfinite"}, 0,
        f"inputs' stdev {float(x.std()):.3g}; first layer's outputs stdev {stdev:.3g}; the loss ends at {end:.3g} "
        f"(chance: {math.log(10):.3g})",
        float(x.std()) > 50 and stdev > 50 and end > 0.9 * math.log(10),
    )  # fmt: skip


@_register(BROKEN)
def unshuffled_labels(seed: int = 0) -> Run:
    """The digits sorted by class, never shuffled: each minibatch holds one class, the loss swings and never falls."""
    t0 = time.perf_counter()
    x, y = digits()
    g = torch.Generator().manual_seed(seed)
    order = torch.randperm(len(y), generator=g)
    order = order[torch.argsort(y[order], stable=True)]
    model = mlp(seed)
    result = train(model, _sgd(model, 0.05), batches(x[order], y[order], 32, seed, shuffle=False), 400)
    trace = result[1]
    one_class = all(len(set(y[order][i : i + 32].tolist())) <= 2 for i in range(0, len(y) - 31, 32))
    start, end = trace.mean_loss(1, 20), trace.mean_loss(201, 400)
    return _made(
        "unshuffled_labels", seed, t0, result, {"noisy_score", "divergence", "stagnation"}, 0,
        f"every minibatch holds at most two classes; the loss went from {start:.3g} to {end:.3g} (mean of 201-400)",
        one_class and end > 0.9 * start,
    )  # fmt: skip


@_register(BROKEN)
def vanishing_stack(seed: int = 0) -> Run:
    """12 tanh layers initialised with weights N(0, 0.25/fan_in): each layer halves the signal."""
    t0 = time.perf_counter()
    x, y = digits()
    model = init_linear(mlp(seed, (64,) + (64,) * 11 + (10,), act=nn.Tanh), gain=0.5)
    result = train(model, _sgd(model, 0.05), batches(x, y, 32, seed), 400)
    first, deep = stat(result[0], "activations", "0", "stdev")[0], stat(result[0], "activations", "20", "stdev")[0]
    r0 = ratio(result[0], "0.weight")
    start, end = result[1].mean_loss(1, 20), result[1].mean_loss(351, 400)
    return _made(
        "vanishing_stack", seed, t0, result, {"activations", "ratio_low", "stagnation"}, 0,
        f"outputs' stdev {first:.3g} after the first layer, {deep:.3g} after the 11th; first layer's "
        f"update:parameter ratio 10^{r0:.2f}; loss {start:.4g} -> {end:.4g}",
        deep < 0.1 and r0 < -4 and end > 0.9 * start,
    )  # fmt: skip


@_register(BROKEN)
def exploding_stack(seed: int = 0) -> Run:
    """12 ReLU layers initialised with weights N(0, 6.25/fan_in) (He: 2/fan_in), Adam lr 1e-3: each layer
    amplifies the signal."""
    t0 = time.perf_counter()
    x, y = digits()
    model = init_linear(mlp(seed, (64,) + (64,) * 11 + (10,)), gain=2.5)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    result = train(model, opt, batches(x, y, 32, seed), 300)
    first, deep = stat(result[0], "activations", "1", "stdev")[-1], stat(result[0], "activations", "21", "stdev")[-1]
    return _made(
        "exploding_stack", seed, t0, result,
        {"activations", "divergence", "nonfinite", "ratio_high", "ratio_spike", "noisy_score"}, 0,
        f"ReLU outputs' stdev {first:.3g} after the first layer, {deep:.3g} after the 11th (last report)",
        deep > 5 * first and deep > 10,
    )  # fmt: skip


@_register(BROKEN)
def dying_relu(seed: int = 0) -> Run:
    """ReLU MLP with biases initialised to -2: nearly every unit outputs 0 and gets no gradient."""
    t0 = time.perf_counter()
    x, y = digits()
    model = init_linear(mlp(seed), bias=-2.0)
    result = train(model, _sgd(model, 0.05), batches(x, y, 32, seed), 400)
    peaks = stat(result[0], "activations", "3", "max")
    dead = sum(p == 0.0 for p in peaks) / len(peaks)
    start, end = result[1].mean_loss(1, 20), result[1].mean_loss(351, 400)
    return _made(
        "dying_relu", seed, t0, result, {"dead_units", "activations", "ratio_low", "stagnation"}, 0,
        f"the second ReLU outputs only zeros in {100 * dead:.0f} % of reports; loss {start:.4g} -> {end:.4g}",
        dead > 0.8 and end > 0.97 * start,
    )  # fmt: skip


def naive_bce(logits: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    """Binary cross-entropy written by hand (is it a 0?): ``0 * log(0)`` is NaN once a sigmoid rounds to 1."""
    p = torch.sigmoid(logits.squeeze(1))
    t = (labels == 0).float()
    return -(t * torch.log(p) + (1 - t) * torch.log(1 - p)).mean()


@_register(BROKEN)
def nan_loss(seed: int = 0) -> Run:
    """A hand-written BCE: fine until the model is confident, then ``0 * log(0)`` makes the loss NaN."""
    t0 = time.perf_counter()
    x, y = digits()
    model = mlp(seed, (64, 32, 1))
    result = train(model, _sgd(model, 0.25), batches(x, y, 32, seed), 300, naive_bce)
    onset = first_nonfinite(result[1].losses)
    return _made(
        "nan_loss", seed, t0, result, {"nonfinite"}, onset,
        f"the loss the loop computed is first NaN at iteration {onset}", onset is not None,
    )  # fmt: skip


@_register(BROKEN)
def over_regularisation(seed: int = 0) -> Run:
    """SGD with weight decay 0.2: the weights shrink towards 0 faster than the data can grow them."""
    t0 = time.perf_counter()
    x, y = digits()
    model = mlp(seed)
    result = train(model, _sgd(model, 0.05, weight_decay=0.2), batches(x, y, 32, seed), 400)
    mags = stat(result[0], "parameters", "0.weight", "mean_magnitude")
    end = result[1].mean_loss(301, 400)
    return _made(
        "over_regularisation", seed, t0, result, {"param_growth", "activations", "stagnation", "ratio_high"}, 0,
        f"first layer's mean |weight| {mags[0]:.3g} -> {mags[-1]:.3g}; the loss ends at {end:.3g} "
        f"(chance: {math.log(10):.3g})",
        mags[-1] < 0.05 * mags[0] and end > 0.9 * math.log(10),
    )  # fmt: skip


@_register(BROKEN)
def lr_jump(seed: int = 0) -> Run:
    """A healthy SGD run whose learning rate jumps from 0.05 to 1.5 at iteration 201."""
    t0 = time.perf_counter()
    x, y = digits()
    model = mlp(seed)
    optimizer = _sgd(model, 0.05)

    def jump(iteration: int) -> None:
        if iteration == 201:
            for group in optimizer.param_groups:
                group["lr"] = 1.5

    result = train(model, optimizer, batches(x, y, 32, seed), 400, before_step=jump)
    before, after = result[1].mean_loss(181, 200), max(result[1].mean_loss(i, i + 9) for i in range(201, 391))
    return _made(
        "lr_jump", seed, t0, result,
        {"ratio_spike", "ratio_high", "divergence", "nonfinite", "noisy_score", "activations"}, 201,
        f"mean loss {before:.3g} over 181-200, up to {after:.3g} (10-iteration mean) after the jump",
        after > 10 * before,
    )  # fmt: skip


@_register(BROKEN)
def relu_killed_by_a_step(seed: int = 0) -> Run:
    """A healthy SGD run given one step at lr 20 at iteration 151 (then 0.05 again): the step drives
    most of a ReLU layer's units negative for every input, and they never come back."""
    t0 = time.perf_counter()
    x, y = digits()
    model = mlp(seed)
    optimizer = _sgd(model, 0.05)

    def one_large_step(iteration: int) -> None:
        for group in optimizer.param_groups:
            group["lr"] = 20.0 if iteration == 151 else 0.05

    result = train(model, optimizer, batches(x, y, 32, seed), 300, before_step=one_large_step)
    relus = [n for n, m in model.named_children() if isinstance(m, nn.ReLU)]
    before = max(_dead_fraction(result[0], n, 150) for n in relus)
    after = max(_dead_fraction(result[0], n, 300) for n in relus)
    return _made(
        "relu_killed_by_a_step", seed, t0, result, {"dead_units", "ratio_spike", "divergence", "activations"}, 151,
        f"the most dead units of a ReLU layer: {100 * before:.0f} % at iteration 150, {100 * after:.0f} % at 300",
        before < 0.15 and after > 0.5,
    )  # fmt: skip


def _dead_fraction(storage: InMemoryStatsStorage, layer: str, iteration: int) -> float:
    """The fraction of ``layer``'s units the listener counted dead in the report at ``iteration``."""
    (report,) = [r for r in reports(storage) if r.iteration == iteration]
    s = report.summaries["activations"][layer]
    assert s.unit_count and s.dead_unit_count is not None
    return s.dead_unit_count / s.unit_count


@_register(BROKEN)
def tiny_batches(seed: int = 0) -> Run:
    """Minibatches of 2 examples with the lr and momentum of batches of 32: the loss jumps from step to step."""
    t0 = time.perf_counter()
    x, y = digits()
    model = mlp(seed)
    result = train(model, _sgd(model, 0.02), batches(x, y, 2, seed), 400)
    twin = mlp(seed)  # the same run with batches of 32, to compare the step-to-step noise with
    _, twin_trace = train(twin, _sgd(twin, 0.02), batches(x, y, 32, seed), 400)
    noise, twin_noise = _median_jump(result[1].losses[50:]), _median_jump(twin_trace.losses[50:])
    return _made(
        "tiny_batches", seed, t0, result, {"noisy_score"}, 0,
        f"the loss changes by {noise:.3g} from one iteration to the next (median over 51-400); "
        f"with batches of 32, by {twin_noise:.3g}",
        noise > 3 * twin_noise,
    )  # fmt: skip


def _median_jump(losses: list[float]) -> float:
    return statistics.median(abs(b - a) for a, b in itertools.pairwise(losses))


@_register(BROKEN)
def rnn_without_clipping(seed: int = 0) -> Run:
    """A plain tanh RNN over 40 steps, SGD lr 0.05 with momentum and no gradient clipping: its gradients explode."""
    t0 = time.perf_counter()
    x, y = sequences(seed, length=40)
    model = Recurrent(seed, "rnn", hidden=64)
    result = train(model, _sgd(model, 0.05), batches(x, y, 32, seed), 250)
    trace = result[1]
    norms = trace.grad_norms
    start = statistics.median(norms[:20])
    # the first explosion that hurt: a gradient norm over 20 times the first iterations' median, with the
    # loss of the 10 iterations after it 1.5 times the loss of the 10 before
    onset = next(
        (
            i
            for i in range(21, len(norms) - 10)
            if norms[i - 1] > 20 * start and trace.mean_loss(i + 1, i + 10) > 1.5 * trace.mean_loss(i - 10, i - 1)
        ),
        None,
    )
    return _made(
        "rnn_without_clipping", seed, t0, result,
        {"ratio_spike", "ratio_high", "divergence", "nonfinite", "noisy_score"}, onset,
        f"at iteration {onset} the gradient norm exceeds 20 times its median of the first 20 iterations "
        f"({start:.3g}) and the loss rises by half; the norm peaks at {max(norms):.3g}",
        onset is not None,
    )  # fmt: skip


# -- healthy ----------------------------------------------------------------------------------------------


@_register(HEALTHY)
def mlp_sgd_momentum(seed: int = 1) -> Run:
    """The digits MLP, SGD lr 0.05 with momentum 0.9, batches of 32."""
    t0 = time.perf_counter()
    x, y = digits()
    model = mlp(seed)
    return _made("mlp_sgd_momentum", seed, t0, train(model, _sgd(model, 0.05), batches(x, y, 32, seed), 400))


@_register(HEALTHY)
def mlp_adam(seed: int = 2) -> Run:
    """The digits MLP, Adam lr 1e-3."""
    t0 = time.perf_counter()
    x, y = digits()
    model = mlp(seed)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    return _made("mlp_adam", seed, t0, train(model, opt, batches(x, y, 32, seed), 400))


@_register(HEALTHY)
def mlp_rmsprop_wide(seed: int = 3) -> Run:
    """A wider, deeper MLP (64-128-128-64-10), RMSprop lr 3e-4."""
    t0 = time.perf_counter()
    x, y = digits()
    model = mlp(seed, (64, 128, 128, 64, 10))
    opt = torch.optim.RMSprop(model.parameters(), lr=3e-4)
    return _made("mlp_rmsprop_wide", seed, t0, train(model, opt, batches(x, y, 32, seed), 400))


@_register(HEALTHY)
def mlp_tanh_adamw(seed: int = 4) -> Run:
    """A tanh MLP, AdamW lr 1e-3 with weight decay 0.01, batches of 64."""
    t0 = time.perf_counter()
    x, y = digits()
    model = mlp(seed, act=nn.Tanh)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=0.01)
    return _made("mlp_tanh_adamw", seed, t0, train(model, opt, batches(x, y, 64, seed), 400))


@_register(HEALTHY)
def mlp_nesterov_small_batches(seed: int = 5) -> Run:
    """The digits MLP, Nesterov SGD lr 0.01, batches of 8 (small, but with a learning rate to match)."""
    t0 = time.perf_counter()
    x, y = digits()
    model = mlp(seed)
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, nesterov=True)
    return _made("mlp_nesterov_small_batches", seed, t0, train(model, opt, batches(x, y, 8, seed), 400))


@_register(HEALTHY)
def mlp_cosine_schedule(seed: int = 6) -> Run:
    """The digits MLP, SGD lr 0.1 with momentum, annealed to 0 by a cosine schedule over the run."""
    t0 = time.perf_counter()
    x, y = digits()
    model = mlp(seed)
    opt = _sgd(model, 0.1)
    schedule = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=400)
    result = train(model, opt, batches(x, y, 32, seed), 400, before_step=lambda i: schedule.step() if i > 1 else None)
    return _made("mlp_cosine_schedule", seed, t0, result)


@_register(HEALTHY)
def cnn_sgd(seed: int = 7) -> Run:
    """A small CNN on the 8x8 digits, SGD lr 0.05 with momentum."""
    t0 = time.perf_counter()
    x, y = digits()
    model = ConvNet(seed)
    return _made("cnn_sgd", seed, t0, train(model, _sgd(model, 0.05), batches(x, y, 32, seed), 300))


@_register(HEALTHY)
def cnn_batchnorm_adam(seed: int = 8) -> Run:
    """The CNN with batch normalisation, Adam lr 1e-3."""
    t0 = time.perf_counter()
    x, y = digits()
    model = ConvNet(seed, batch_norm=True)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    return _made("cnn_batchnorm_adam", seed, t0, train(model, opt, batches(x, y, 32, seed), 300))


@_register(HEALTHY)
def lstm_adam(seed: int = 9) -> Run:
    """An LSTM classifying generated sequences, Adam lr 3e-3."""
    t0 = time.perf_counter()
    x, y = sequences(seed)
    model = Recurrent(seed, "lstm")
    opt = torch.optim.Adam(model.parameters(), lr=3e-3)
    return _made("lstm_adam", seed, t0, train(model, opt, batches(x, y, 32, seed), 300))


@_register(HEALTHY)
def rnn_clipped(seed: int = 10) -> Run:
    """The run of ``rnn_without_clipping``, with gradients clipped to norm 0.5."""
    t0 = time.perf_counter()
    x, y = sequences(seed, length=40)
    model = Recurrent(seed, "rnn", hidden=64)
    return _made("rnn_clipped", seed, t0, train(model, _sgd(model, 0.05), batches(x, y, 32, seed), 250, clip=0.5))


@_register(HEALTHY)
def softmax_regression_adagrad(seed: int = 11) -> Run:
    """One linear layer on Gaussian blobs, Adagrad lr 0.1."""
    t0 = time.perf_counter()
    x, y = blobs(seed)
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(16, 5))
    opt = torch.optim.Adagrad(model.parameters(), lr=0.1)
    return _made("softmax_regression_adagrad", seed, t0, train(model, opt, batches(x, y, 32, seed), 300))


@_register(HEALTHY)
def mlp_blobs_sgd(seed: int = 12) -> Run:
    """An MLP on Gaussian blobs, plain SGD lr 0.1, batches of 16."""
    t0 = time.perf_counter()
    x, y = blobs(seed)
    model = mlp(seed, (16, 32, 32, 5))
    return _made("mlp_blobs_sgd", seed, t0, train(model, _sgd(model, 0.1, momentum=0.0), batches(x, y, 16, seed), 300))


@_register(HEALTHY)
def mlp_wide_inputs_adam(seed: int = 13) -> Run:
    """784 inputs (as MNIST's pixels), Adam lr 1e-3 on Gaussian blobs it separates within 50 iterations."""
    t0 = time.perf_counter()
    x, y = blobs(seed, n=2048, features=784, classes=10)
    x = x / x.std()
    model = mlp(seed, (784, 128, 64, 10))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    return _made("mlp_wide_inputs_adam", seed, t0, train(model, opt, batches(x, y, 64, seed), 200))


class BagOfWords(nn.Module):
    """An EmbeddingBag (mean of 16 tokens' vectors) and a linear head."""

    def __init__(self, seed: int, vocabulary: int = 500, dim: int = 32, classes: int = 4) -> None:
        super().__init__()
        torch.manual_seed(seed)
        self.embedding = nn.EmbeddingBag(vocabulary, dim, mode="mean")
        self.head = nn.Linear(dim, classes)

    def forward(self, tokens: torch.Tensor) -> torch.Tensor:
        return self.head(self.embedding(tokens))


def documents(seed: int, n: int = 2048, vocabulary: int = 500, length: int = 16) -> tuple[torch.Tensor, torch.Tensor]:
    """Token sequences whose class (of 4) sets which quarter of the vocabulary half their tokens come from."""
    g = torch.Generator().manual_seed(3000 + seed)
    y = torch.randint(0, 4, (n,), generator=g)
    topical = y[:, None] * (vocabulary // 4) + torch.randint(0, vocabulary // 4, (n, length), generator=g)
    noise = torch.randint(0, vocabulary, (n, length), generator=g)
    pick = torch.rand(n, length, generator=g) < 0.5
    return torch.where(pick, topical, noise), y


@_register(HEALTHY)
def embedding_bag_adam(seed: int = 14) -> Run:
    """A bag-of-words classifier: an EmbeddingBag (sparse updates: a batch touches few rows), Adam lr 1e-2."""
    t0 = time.perf_counter()
    x, y = documents(seed)
    model = BagOfWords(seed)
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    return _made("embedding_bag_adam", seed, t0, train(model, opt, batches(x, y, 32, seed), 300))


RUNS: dict[str, RunFn] = {**BROKEN, **HEALTHY}


def run(name: str, seed: int | None = None) -> Run:
    """Makes the run called ``name``, with its own seed or ``seed``."""
    fn = RUNS[name]
    return fn() if seed is None else fn(seed)
