"""Training-step overhead of StatsListener, as ratios against the same loop without it.

    .venv/bin/python benchmarks/listener_overhead.py [--steps 120] [--rounds 5] [--frequency 10]
        [--models mlp,cnn,tiny,transformer,many] [--json PATH]

Models (``--models``, default mlp,cnn,tiny): an MLP and a CNN whose plain step takes >= 20 ms
here, a tiny MLP, a small Transformer encoder (``transformer``: embedding, 4 layers of d_model 256,
4 heads, feed-forward 512, on 8 sequences of 32 tokens, mean-pooled into a classification head)
and ``many``: 100 Linear(64, 64) layers with ReLU between them on a batch of 64, the
many-small-tensors case (its logits are the last layer's 64 outputs). For each model the script
alternates, round after round, the same training loop:
  * plain: no listener;
  * fitscope: StatsListener(FileStatsStorage, frequency=N, max_overhead=None), every statistic and
    histogram on, every report;
  * budget: the same with the default overhead budget (max_overhead=0.03): every statistic every
    report, histograms spread over reports when the listener measures itself over 3 % (the line
    gives the strides of the last report, activations/parameters/updates/gradients);
  * tensorboard: torch.utils.tensorboard.SummaryWriter.add_histogram of the same tensors
    (parameters, gradients, updates, activations) every report, what a user would otherwise write;
  * wandb: ``wandb.watch(model, log="all", log_freq=N)`` in offline mode (a temporary directory)
    and ``wandb.log`` of the score every report, only when wandb is importable (the run says
    when it was skipped). It histograms parameters and gradients only: less than the others.
It prints the median step time of each and the overhead ratio (median / plain median - 1),
and fitscope's own per-report collection cost (``StatsReport.collection_ms``), and what the
diagnostics rules cost per report (``Diagnoser.observe`` over the stored reports, the work a
``FileStatsStorage`` writer does for each report it stores) as a share of that collection cost.

The per-element line divides that collection cost by the elements a report summarises (the
``count`` of every summary in the stored report: parameters, gradients, updates, activations) and
sets it next to the memory floor measured in the same process right after each fitscope run: the
time of ``torch.cat(tensors, out=buffer)`` of float32 tensors of the same sizes (one tensor per
summary), i.e. one read and one write of every element in a single op.

The Lightning row trains the same model, data and optimizer through ``lightning.pytorch.Trainer.fit``,
alternated in the same rounds:
  * lightning: fit without fitscope (the row's baseline);
  * lightning+fitscope: fit with ``FitscopeCallback(FileStatsStorage, frequency=N)``, everything on,
    with the default budget (max_overhead=0.03).
A step there is the time between two ``on_train_batch_start`` calls (Lightning's whole loop: data,
hooks, step, callbacks). ``--no-lightning`` leaves the row out.
Absolute times depend on the machine; compare ratios measured in one run. ``--json PATH`` also
writes every figure (each round's values included) to PATH, for the README's table.
"""

from __future__ import annotations

import argparse
import json
import logging
import math
import os
import statistics
import tempfile
import time
import warnings
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import torch
from torch import nn

from fitscope import FileStatsStorage, KindConfig, StatsConfig, StatsListener

STRIDE_ORDER = ("activations", "parameters", "updates", "gradients")


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


class Transformer(nn.Module):
    """A small Transformer encoder classifier: token embedding, encoder, mean pool, linear head."""

    def __init__(self, vocab: int = 1000, d_model: int = 256, layers: int = 4) -> None:
        super().__init__()
        self.embedding = nn.Embedding(vocab, d_model)
        layer = nn.TransformerEncoderLayer(d_model, nhead=4, dim_feedforward=512, batch_first=True)
        self.encoder = nn.TransformerEncoder(layer, layers)
        self.head = nn.Linear(d_model, 10)

    def forward(self, tokens: torch.Tensor) -> torch.Tensor:
        out: torch.Tensor = self.head(self.encoder(self.embedding(tokens)).mean(dim=1))
        return out


def transformer() -> tuple[nn.Module, Callable[[], torch.Tensor], int]:
    # seq 64 x batch 16 (the example) steps 4-5x slower than the MLP here: 32 x 8 keeps
    # the step in the MLP's and CNN's range on this 2-core CPU.
    return Transformer(), lambda: torch.randint(0, 1000, (8, 32)), 8


def many() -> tuple[nn.Module, Callable[[], torch.Tensor], int]:
    layers: list[nn.Module] = []
    for i in range(100):
        layers += [nn.Linear(64, 64)] + ([nn.ReLU()] if i < 99 else [])
    return nn.Sequential(*layers), lambda: torch.randn(64, 64), 64


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


@dataclass
class Measurement:
    """One run of one mode: mean step time, and for fitscope what a report cost and its size."""

    step_ms: float
    collection_ms: float = float("nan")
    elements: int = 0
    floor_ms: float = float("nan")
    strides: dict[str, int] | None = None  # the last report's histogram strides (budget mode)
    rules_ms: float = float("nan")  # the diagnostics rules' median time per report


def collection(storage: FileStatsStorage, listener: StatsListener) -> tuple[float, list[int]]:
    """Median collection_ms of the stored reports, and the ``count`` of every summary of the last one."""
    reports = list(storage.iter_updates(listener.session_id, listener.worker_id))
    costs = [r.collection_ms for r in reports if r.collection_ms is not None]
    return statistics.median(costs), [s.count for by_name in reports[-1].summaries.values() for s in by_name.values()]


def rules_cost(storage: FileStatsStorage, listener: StatsListener, repeats: int = 5) -> float:
    """Median ms per report of the diagnostics rules (``Diagnoser.observe``) over the stored reports.

    What the storage's writer spends on them for each report it stores (on its own thread, not
    the training loop's), timed on the reports already read, best of ``repeats`` passes.
    """
    from fitscope.diagnostics import Diagnoser

    reports = list(storage.iter_updates(listener.session_id, listener.worker_id))
    info = storage.get_static_info(listener.session_id, listener.worker_id)
    best = math.inf
    for _ in range(repeats):
        diagnoser = Diagnoser(static_info=info)
        t0 = time.perf_counter()
        for r in reports:
            diagnoser.observe(r)
        best = min(best, (time.perf_counter() - t0) / len(reports))
    return best * 1000.0


def copy_floor(sizes: list[int], repeats: int = 7) -> float:
    """Median ms of one torch.cat, into a preallocated buffer, of float32 tensors of these sizes."""
    tensors = [torch.randn(n) for n in sizes]
    buffer = torch.empty(sum(sizes))
    torch.cat(tensors, out=buffer)  # touch the buffer's pages once before timing
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        torch.cat(tensors, out=buffer)
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000.0


def wandb_available() -> bool:
    """True when ``import wandb`` works (the peer row is skipped otherwise; it is never installed here)."""
    try:
        import wandb  # noqa: F401
    except ImportError:
        return False
    return True


def run(
    frequency: int,
    config: StatsConfig,
    factory: Callable[[], tuple[nn.Module, Callable[[], torch.Tensor], int]],
    mode: str,
    steps: int,
    tmp: Path,
) -> Measurement:
    torch.manual_seed(0)
    model, batch, size = factory()
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    loss_fn = nn.CrossEntropyLoss()
    data = [batch() for _ in range(4)]
    target = torch.randint(0, 10, (size,))
    listener = None
    tb = None
    path = tmp / f"{time.monotonic_ns()}.fitscope"
    if mode in ("fitscope", "budget"):
        budget = 0.03 if mode == "budget" else None
        listener = StatsListener(FileStatsStorage(path), frequency=frequency, config=config, max_overhead=budget)
        listener.attach(model, opt)
    elif mode == "tensorboard":
        tb = HistogramWriter(str(tmp / f"tb{time.monotonic_ns()}"), model)
    wb = None
    if mode == "wandb":
        import wandb

        # Offline: the run is written under tmp and nothing leaves the machine.
        os.environ["WANDB_MODE"] = "offline"
        os.environ["WANDB_SILENT"] = "true"
        wandb_dir = tmp / f"wandb{time.monotonic_ns()}"
        wandb_dir.mkdir()
        wb = wandb.init(mode="offline", dir=str(wandb_dir), project="fitscope-listener-overhead")
        wandb.watch(model, log="all", log_freq=frequency)
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
        if wb is not None and reporting:
            # wandb.watch's histograms are committed with the next wandb.log call.
            wb.log({"score": float(loss.detach())}, step=i)
        times.append(time.perf_counter() - t0)
    # Drop warm-up steps; the mean over whole report windows counts the reporting steps fairly.
    warm = frequency * 2
    window = times[warm : warm + ((len(times) - warm) // frequency) * frequency]
    result = Measurement(statistics.fmean(window) * 1000.0)
    if listener is not None:
        listener.flush()
        storage = FileStatsStorage(path, read_only=True)
        result.collection_ms, sizes = collection(storage, listener)
        result.rules_ms = rules_cost(storage, listener)
        last = storage.get_latest_update(listener.session_id, listener.worker_id)
        result.strides = None if last is None or last.budget is None else dict(last.budget.histogram_strides)
        storage.close()
        listener.close()
        result.elements, result.floor_ms = sum(sizes), copy_floor(sizes)
    if tb is not None:
        tb.writer.close()
    if wb is not None:
        import wandb

        wandb.unwatch(model)
        wb.finish()
    return result


def run_lightning(
    frequency: int,
    config: StatsConfig,
    factory: Callable[[], tuple[nn.Module, Callable[[], torch.Tensor], int]],
    mode: str,
    steps: int,
    tmp: Path,
) -> Measurement:
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
    warm = frequency * 2
    window = times[warm : warm + ((len(times) - warm) // frequency) * frequency]
    result = Measurement(statistics.fmean(window) * 1000.0)
    if fitscope_cb is not None and fitscope_cb.listener is not None:
        storage = FileStatsStorage(path, read_only=True)
        result.collection_ms, sizes = collection(storage, fitscope_cb.listener)
        result.elements = sum(sizes)
        storage.close()
    return result


def ratio(value: float, base: float) -> float:
    """The overhead of value over base, as a fraction (0.03 is +3 %)."""
    return value / base - 1


def without_nan(value: Any) -> Any:
    """value with every NaN float (no collection in that mode) as None: JSON has no NaN."""
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, dict):
        return {k: without_nan(v) for k, v in value.items()}
    if isinstance(value, list):
        return [without_nan(v) for v in value]
    return value


def per_element(runs: list[Measurement]) -> dict[str, float]:
    """Median ns per summarised element of collection and of the copy floor, over the rounds."""
    ns = statistics.median(m.collection_ms * 1e6 / m.elements for m in runs)
    floor = statistics.median(m.floor_ms * 1e6 / m.elements for m in runs)
    return {"elements": runs[-1].elements, "ns_per_element": ns, "floor_ns_per_element": floor, "x_floor": ns / floor}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--steps", type=int, default=120, help="steps per measurement (default 120)")
    parser.add_argument("--rounds", type=int, default=5, help="alternating rounds per mode (default 5)")
    parser.add_argument("--frequency", type=int, default=10, help="report every N steps (default 10)")
    factories = {"mlp": mlp, "cnn": cnn, "tiny": tiny, "transformer": transformer, "many": many}
    parser.add_argument("--models", default="mlp,cnn,tiny", help=f"comma-separated, of {', '.join(factories)}")
    parser.add_argument("--no-histograms", action="store_true", help="fitscope without histograms (all else on)")
    parser.add_argument("--no-tensorboard", action="store_true")
    parser.add_argument("--no-wandb", action="store_true", help="leave out wandb.watch even when installed")
    parser.add_argument("--no-lightning", action="store_true", help="leave out the Lightning row")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write every figure to PATH as JSON")
    args = parser.parse_args()
    names = args.models.split(",")
    unknown = [n for n in names if n not in factories]
    if unknown:
        parser.error(f"unknown model(s) {', '.join(unknown)}; choose from {', '.join(factories)}.")
    kind = KindConfig(histogram=not args.no_histograms)
    config = StatsConfig(parameters=kind, gradients=kind, updates=kind, activations=kind)
    modes = ["plain", "fitscope", "budget"] + ([] if args.no_tensorboard else ["tensorboard"])
    wandb_note = "off (--no-wandb)" if args.no_wandb else "on"
    if not args.no_wandb:
        if wandb_available():
            modes.append("wandb")
        else:
            wandb_note = "skipped: wandb is not importable"
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
    print(f"wandb.watch peer: {wandb_note}")
    figures: dict[str, Any] = {
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
        "frequency": args.frequency,
        "histograms": not args.no_histograms,
        "steps": args.steps,
        "rounds": args.rounds,
        "wandb": wandb_note,
        "models": {},
    }
    width = max(5, *(len(n) for n in names))
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        for name in names:
            results: dict[str, list[Measurement]] = {m: [] for m in modes + lightning_modes}
            for _ in range(args.rounds):
                for mode in modes + lightning_modes:
                    runner = run_lightning if mode in lightning_modes else run
                    results[mode].append(runner(args.frequency, config, factories[name], mode, args.steps, tmp))
            medians = {mode: statistics.median(m.step_ms for m in runs) for mode, runs in results.items()}
            collection_ms = statistics.median(m.collection_ms for m in results["fitscope"])
            plain = medians["plain"]
            line = f"{name:{width}s} plain step {plain:8.2f} ms"
            for mode in modes[1:]:
                line += f" | {mode} {medians[mode]:8.2f} ms, overhead {100 * ratio(medians[mode], plain):+6.2f}%"
            line += f" | fitscope per-report collection {collection_ms:.2f} ms"
            print(line, flush=True)
            budget_ms = statistics.median(m.collection_ms for m in results["budget"])
            strides = [m.strides or {} for m in results["budget"]]
            shown = " ".join("/".join(str(s.get(k, "-")) for k in STRIDE_ORDER) for s in strides)
            print(
                f"{name:{width}s} budget: per-report collection {budget_ms:.2f} ms | last report's strides "
                f"(act/param/upd/grad) per round: {shown}",
                flush=True,
            )
            elems = per_element(results["fitscope"])
            rules_ms = statistics.median(m.rules_ms for m in results["fitscope"])
            print(
                f"{name:{width}s} diagnostics rules {1000 * rules_ms:.0f} us per report = "
                f"{100 * rules_ms / collection_ms:.2f} % of its collection (goal < 1 %)",
                flush=True,
            )
            print(
                f"{name:{width}s} per report {elems['elements'] / 1e6:.3f} M elements | collection "
                f"{elems['ns_per_element']:.2f} ns/element | copy floor {elems['floor_ns_per_element']:.2f} "
                f"ns/element | {elems['x_floor']:.1f}x the floor",
                flush=True,
            )
            model: dict[str, Any] = {
                "step_ms": {mode: medians[mode] for mode in modes},
                "overhead": {mode: ratio(medians[mode], plain) for mode in modes[1:]},
                "collection_ms": collection_ms,
                "rules_ms": rules_ms,
                "budget_collection_ms": budget_ms,
                "budget_strides": strides,
                **elems,
                "rounds": {mode: [asdict(m) for m in results[mode]] for mode in modes},
            }
            if lightning_modes:
                base = medians["lightning"]
                med = medians["lightning+fitscope"]
                lightning_ms = statistics.median(m.collection_ms for m in results["lightning+fitscope"])
                print(
                    f"{name:{width}s} lightning step {base:8.2f} ms | lightning+fitscope {med:8.2f} ms, "
                    f"overhead {100 * ratio(med, base):+6.2f}% | fitscope per-report collection "
                    f"{lightning_ms:.2f} ms",
                    flush=True,
                )
                model["lightning"] = {
                    "step_ms": {mode: medians[mode] for mode in lightning_modes},
                    "overhead": ratio(med, base),
                    "collection_ms": lightning_ms,
                    "rounds": {mode: [asdict(m) for m in results[mode]] for mode in lightning_modes},
                }
            figures["models"][name] = model
    if args.json is not None:
        args.json.write_text(json.dumps(without_nan(figures), indent=2, allow_nan=False) + "\n")
        print(f"figures written to {args.json}")


if __name__ == "__main__":
    main()
