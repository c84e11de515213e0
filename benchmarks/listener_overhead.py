"""Training-step overhead of StatsListener, as ratios against the same loop without it.

    .venv/bin/python benchmarks/listener_overhead.py [--steps 120] [--rounds 5] [--frequency 10]

For each model (an MLP and a CNN whose plain step takes >= 20 ms here, and a tiny MLP) the
script alternates, round after round, the same training loop:
  * plain: no listener;
  * fitscope: StatsListener(FileStatsStorage, frequency=N), every statistic and histogram on;
  * tensorboard: torch.utils.tensorboard.SummaryWriter.add_histogram of the same tensors
    (parameters, gradients, updates, activations) every report, what a user would otherwise write.
It prints the median step time of each and the overhead ratio (median / plain median - 1),
and fitscope's own per-report collection cost (``StatsReport.collection_ms``).
Absolute times depend on the machine; compare ratios measured in one run.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import torch
from torch import nn

from fitscope import FileStatsStorage, KindConfig, StatsConfig, StatsListener


def mlp() -> tuple[nn.Module, Callable[[], torch.Tensor], int]:
    model = nn.Sequential(nn.Linear(784, 1024), nn.ReLU(), nn.Linear(1024, 1024), nn.ReLU(), nn.Linear(1024, 10))
    return model, lambda: torch.randn(512, 784), 512


def cnn() -> tuple[nn.Module, Callable[[], torch.Tensor], int]:
    model = nn.Sequential(
        nn.Conv2d(3, 32, 3, padding=1),
        nn.BatchNorm2d(32),
        nn.ReLU(),
        nn.Conv2d(32, 64, 3, padding=1),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Conv2d(64, 64, 3, padding=1),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(64 * 8 * 8, 128),
        nn.ReLU(),
        nn.Linear(128, 10),
    )
    return model, lambda: torch.randn(32, 3, 32, 32), 32


def tiny() -> tuple[nn.Module, Callable[[], torch.Tensor], int]:
    model = nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 10))
    return model, lambda: torch.randn(32, 64), 32


class HistogramWriter:
    """What a user would write by hand: SummaryWriter.add_histogram of the same tensors."""

    def __init__(self, logdir: str, model: nn.Module) -> None:
        from torch.utils.tensorboard import SummaryWriter

        self.writer = SummaryWriter(logdir)
        self.model = model
        self.acts: dict[str, torch.Tensor] = {}
        self.before: dict[str, torch.Tensor] = {}
        self.step = 0
        self.handles: list[Any] = []

    def arm(self) -> None:
        for name, m in self.model.named_modules():
            if name and not list(m.children()):
                self.handles.append(m.register_forward_hook(self._hook(name)))

    def _hook(self, name: str) -> Any:
        def hook(module: nn.Module, inputs: Any, output: torch.Tensor) -> None:
            self.acts[name] = output.detach().clone()

        return hook

    def before_step(self) -> None:
        self.before = {n: p.detach().clone() for n, p in self.model.named_parameters()}

    def after_step(self, loss: torch.Tensor) -> None:
        w, s = self.writer, self.step
        w.add_scalar("score", float(loss.detach()), s)
        for n, p in self.model.named_parameters():
            w.add_histogram(f"parameters/{n}", p.detach(), s)
            if p.grad is not None:
                w.add_histogram(f"gradients/{n}", p.grad, s)
            w.add_histogram(f"updates/{n}", p.detach() - self.before[n], s)
        for n, a in self.acts.items():
            w.add_histogram(f"activations/{n}", a, s)
        for h in self.handles:
            h.remove()
        self.handles, self.acts = [], {}


def run(
    frequency: int,
    config: StatsConfig,
    factory: Callable[[], tuple[nn.Module, Callable[[], torch.Tensor], int]],
    mode: str,
    steps: int,
    tmp: Path,
) -> tuple[float, float]:
    torch.manual_seed(0)
    model, batch, size = factory()
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    loss_fn = nn.CrossEntropyLoss()
    data = [batch() for _ in range(4)]
    target = torch.randint(0, 10, (size,))
    listener = None
    tb = None
    path = tmp / f"{time.monotonic_ns()}.fitscope"
    if mode == "fitscope":
        listener = StatsListener(FileStatsStorage(path), frequency=frequency, config=config)
        listener.attach(model, opt)
    elif mode == "tensorboard":
        tb = HistogramWriter(str(tmp / f"tb{time.monotonic_ns()}"), model)
    times = []
    for i in range(steps):
        t0 = time.perf_counter()
        reporting = (i + 1) % frequency == 0
        if tb is not None and reporting:
            tb.arm()
        opt.zero_grad()
        loss = loss_fn(model(data[i % 4]), target)
        loss.backward()
        if tb is not None and reporting:
            tb.before_step()
        opt.step()
        if listener is not None:
            listener.iteration_done(loss, batch_size=size)
        if tb is not None and reporting:
            tb.step = i
            tb.after_step(loss)
        times.append(time.perf_counter() - t0)
    collection = float("nan")
    if listener is not None:
        listener.flush()
        storage = FileStatsStorage(path, read_only=True)
        costs = [r.collection_ms for r in storage.iter_updates(listener.session_id, listener.worker_id)]
        collection = statistics.median([c for c in costs if c is not None])
        storage.close()
        listener.close()
    if tb is not None:
        tb.writer.close()
    # Drop warm-up steps; the mean over whole report windows counts the reporting steps fairly.
    warm = frequency * 2
    window = times[warm : warm + ((len(times) - warm) // frequency) * frequency]
    return statistics.fmean(window) * 1000.0, collection


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--steps", type=int, default=120, help="steps per measurement (default 120)")
    parser.add_argument("--rounds", type=int, default=5, help="alternating rounds per mode (default 5)")
    parser.add_argument("--frequency", type=int, default=10, help="report every N steps (default 10)")
    parser.add_argument("--models", default="mlp,cnn,tiny")
    parser.add_argument("--no-histograms", action="store_true", help="fitscope without histograms (all else on)")
    parser.add_argument("--no-tensorboard", action="store_true")
    args = parser.parse_args()
    factories = {"mlp": mlp, "cnn": cnn, "tiny": tiny}
    kind = KindConfig(histogram=not args.no_histograms)
    config = StatsConfig(parameters=kind, gradients=kind, updates=kind, activations=kind)
    modes = ["plain", "fitscope"] + ([] if args.no_tensorboard else ["tensorboard"])
    print(
        f"torch {torch.__version__}, {torch.get_num_threads()} threads, frequency {args.frequency}, "
        f"histograms {'off' if args.no_histograms else 'on'}, "
        f"{args.steps} steps x {args.rounds} rounds per mode"
    )
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        for name in args.models.split(","):
            results: dict[str, list[float]] = {m: [] for m in modes}
            costs: list[float] = []
            for _ in range(args.rounds):
                for mode in modes:
                    step_ms, cost = run(args.frequency, config, factories[name], mode, args.steps, tmp)
                    results[mode].append(step_ms)
                    if mode == "fitscope":
                        costs.append(cost)
            plain = statistics.median(results["plain"])
            line = f"{name:5s} plain step {plain:8.2f} ms"
            for mode in modes[1:]:
                med = statistics.median(results[mode])
                line += f" | {mode} {med:8.2f} ms, overhead {100 * (med / plain - 1):+6.2f}%"
            line += f" | fitscope per-report collection {statistics.median(costs):.2f} ms"
            print(line, flush=True)


if __name__ == "__main__":
    main()
