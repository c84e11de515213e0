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

The Lightning row trains the same model, data and optimizer through ``lightning.pytorch.Trainer.fit``,
alternated in the same rounds:
  * lightning: fit without fitscope (the row's baseline);
  * lightning+fitscope: fit with ``FitscopeCallback(FileStatsStorage, frequency=N)``, everything on.
A step there is the time between two ``on_train_batch_start`` calls (Lightning's whole loop: data,
hooks, step, callbacks). ``--no-lightning`` leaves the row out.
Absolute times depend on the machine; compare ratios measured in one run.
"""

from __future__ import annotations

import argparse
import logging
import statistics
import tempfile
import time
import warnings
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


def run_lightning(
    frequency: int,
    config: StatsConfig,
    factory: Callable[[], tuple[nn.Module, Callable[[], torch.Tensor], int]],
    mode: str,
    steps: int,
    tmp: Path,
) -> tuple[float, float]:
    """The same training as :func:`run`, through Lightning's Trainer.fit (with or without fitscope)."""
    import lightning.pytorch as pl

    from fitscope.integrations.lightning import FitscopeCallback

    torch.manual_seed(0)
    model, batch, size = factory()
    data = [batch() for _ in range(4)]
    target = torch.randint(0, 10, (size,))

    class Module(pl.LightningModule):
        def __init__(self) -> None:
            super().__init__()
            self.model = model
            self.loss_fn = nn.CrossEntropyLoss()

        def training_step(self, b: tuple[torch.Tensor, torch.Tensor], batch_idx: int) -> torch.Tensor:
            loss: torch.Tensor = self.loss_fn(self.model(b[0]), b[1])
            return loss

        def configure_optimizers(self) -> torch.optim.Optimizer:
            return torch.optim.SGD(self.parameters(), lr=0.01, momentum=0.9)

    class Batches(torch.utils.data.Dataset[tuple[torch.Tensor, torch.Tensor]]):
        def __len__(self) -> int:
            return steps

        def __getitem__(self, i: int) -> tuple[torch.Tensor, torch.Tensor]:
            return data[i % 4], target

    class Clock(pl.Callback):
        def __init__(self) -> None:
            self.starts: list[float] = []

        def on_train_batch_start(self, *args: Any) -> None:
            self.starts.append(time.perf_counter())

        def on_train_end(self, *args: Any) -> None:
            self.starts.append(time.perf_counter())

    clock = Clock()
    callbacks: list[pl.Callback] = [clock]
    fitscope_cb = None
    path = tmp / f"{time.monotonic_ns()}.fitscope"
    if mode == "lightning+fitscope":
        fitscope_cb = FitscopeCallback(FileStatsStorage(path), frequency=frequency, config=config)
        callbacks.insert(0, fitscope_cb)
    trainer = pl.Trainer(
        accelerator="cpu",
        max_epochs=1,
        logger=False,
        enable_checkpointing=False,
        enable_progress_bar=False,
        enable_model_summary=False,
        num_sanity_val_steps=0,
        default_root_dir=tmp,
        callbacks=callbacks,
    )
    # batch_size=None: each item is already a batch, as in the plain loop
    trainer.fit(Module(), torch.utils.data.DataLoader(Batches(), batch_size=None))
    times = [b - a for a, b in zip(clock.starts, clock.starts[1:], strict=False)]
    collection = float("nan")
    if fitscope_cb is not None and fitscope_cb.listener is not None:
        storage = FileStatsStorage(path, read_only=True)
        listener = fitscope_cb.listener
        costs = [r.collection_ms for r in storage.iter_updates(listener.session_id, listener.worker_id)]
        collection = statistics.median([c for c in costs if c is not None])
        storage.close()
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
    parser.add_argument("--no-lightning", action="store_true", help="leave out the Lightning row")
    args = parser.parse_args()
    factories = {"mlp": mlp, "cnn": cnn, "tiny": tiny}
    kind = KindConfig(histogram=not args.no_histograms)
    config = StatsConfig(parameters=kind, gradients=kind, updates=kind, activations=kind)
    modes = ["plain", "fitscope"] + ([] if args.no_tensorboard else ["tensorboard"])
    lightning_modes = [] if args.no_lightning else ["lightning", "lightning+fitscope"]
    if lightning_modes:
        # Lightning's start-up messages and its warnings about a tiny CPU run are not results
        # (imported first: importing lightning.pytorch sets its logger's level).
        import lightning.pytorch  # noqa: F401

        logging.getLogger("lightning.pytorch").setLevel(logging.WARNING)
        warnings.filterwarnings("ignore", message=r"`isinstance\(treespec, LeafSpec\)` is deprecated")
        warnings.filterwarnings("ignore", message="The 'train_dataloader' does not have many workers")
    print(
        f"torch {torch.__version__}, {torch.get_num_threads()} threads, frequency {args.frequency}, "
        f"histograms {'off' if args.no_histograms else 'on'}, "
        f"{args.steps} steps x {args.rounds} rounds per mode"
    )
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        for name in args.models.split(","):
            results: dict[str, list[float]] = {m: [] for m in modes + lightning_modes}
            costs: list[float] = []
            lightning_costs: list[float] = []
            for _ in range(args.rounds):
                for mode in modes + lightning_modes:
                    runner = run_lightning if mode in lightning_modes else run
                    step_ms, cost = runner(args.frequency, config, factories[name], mode, args.steps, tmp)
                    results[mode].append(step_ms)
                    if mode == "fitscope":
                        costs.append(cost)
                    elif mode == "lightning+fitscope":
                        lightning_costs.append(cost)
            plain = statistics.median(results["plain"])
            line = f"{name:5s} plain step {plain:8.2f} ms"
            for mode in modes[1:]:
                med = statistics.median(results[mode])
                line += f" | {mode} {med:8.2f} ms, overhead {100 * (med / plain - 1):+6.2f}%"
            line += f" | fitscope per-report collection {statistics.median(costs):.2f} ms"
            print(line, flush=True)
            if lightning_modes:
                base = statistics.median(results["lightning"])
                med = statistics.median(results["lightning+fitscope"])
                print(
                    f"{name:5s} lightning step {base:8.2f} ms | lightning+fitscope {med:8.2f} ms, "
                    f"overhead {100 * (med / base - 1):+6.2f}% | fitscope per-report collection "
                    f"{statistics.median(lightning_costs):.2f} ms",
                    flush=True,
                )


if __name__ == "__main__":
    main()
