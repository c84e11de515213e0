"""Real training runs for the browser tests: small torch models recorded by the real StatsListener.

* :func:`train_mlp`: an MLP learns three Gaussian blobs; validation loss and accuracy at each
  epoch end (three epochs of 12 iterations).
* :func:`train_diverging`: the same MLP meets a corrupted batch (one NaN feature) at iteration
  ``NAN_FROM``; the NaN reaches the weights through the gradients, so the score is NaN from
  there on, as in a real divergence.
* :func:`train_markup`: a model one of whose layers is named ``MARKUP`` (torch only forbids ``.``
  and empty names), and whose session name is markup too.
* :func:`train_sequential`: a 10-layer ``nn.Sequential`` (layers named ``0`` .. ``9``), with tags.
* :func:`train_bidi`: a session and a layer whose names hold U+202E RIGHT-TO-LEFT OVERRIDE.

Run as a script (``python tests/browser/runs.py live PATH``), it is a training process writing a
FileStatsStorage slowly, one report per iteration, printing each iteration once it is reported.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from typing import Any

import torch

from fitscope import FileStatsStorage, StatsListener
from fitscope.storage.base import StatsStorage

MARKUP = "<img src=x onerror=alert(1)>"
MARKUP_SESSION_NAME = "<img src=y onerror=alert(2)>"
BIDI = "\u202egnp_exe"
BIDI_SESSION_NAME = "report\u202etxt.exe"
NAN_FROM = 20
MLP_SESSION = "mlp"
DIVERGING_SESSION = "diverging"
MARKUP_SESSION = "markup"
SEQUENTIAL_SESSION = "sequential"
BIDI_SESSION = "bidi"
SEQUENTIAL_TAGS = {"team": "vision", "dataset": "blobs"}
FEATURES = 16
CLASSES = 3


class BrowserMLP(torch.nn.Module):
    """16 -> 48 -> 24 -> 3 with ReLU modules, so the layer graph has named, distinct nodes."""

    def __init__(self) -> None:
        super().__init__()
        self.inp = torch.nn.Linear(FEATURES, 48)
        self.act1 = torch.nn.ReLU()
        self.hidden = torch.nn.Linear(48, 24)
        self.act2 = torch.nn.ReLU()
        self.out = torch.nn.Linear(24, CLASSES)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.out(self.act2(self.hidden(self.act1(self.inp(x)))))


class MarkupNet(torch.nn.Module):
    """Linear -> ReLU -> a Linear registered under the name ``MARKUP``."""

    def __init__(self) -> None:
        super().__init__()
        self.inp = torch.nn.Linear(FEATURES, 8)
        self.add_module(MARKUP, torch.nn.Linear(8, CLASSES))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        head: torch.nn.Module = getattr(self, MARKUP)
        out: torch.Tensor = head(torch.relu(self.inp(x)))
        return out


def sequential_model() -> torch.nn.Sequential:
    """Ten layers, named by index as nn.Sequential does: Linear, ReLU, Linear, ReLU, ..."""
    return torch.nn.Sequential(
        torch.nn.Linear(FEATURES, 32),
        torch.nn.ReLU(),
        torch.nn.Linear(32, 32),
        torch.nn.ReLU(),
        torch.nn.Dropout(0.1),
        torch.nn.Linear(32, 16),
        torch.nn.Tanh(),
        torch.nn.Linear(16, 16),
        torch.nn.ReLU(),
        torch.nn.Linear(16, CLASSES),
    )


class BidiNet(torch.nn.Module):
    """Linear -> ReLU -> a Linear registered under the name ``BIDI``."""

    def __init__(self) -> None:
        super().__init__()
        self.inp = torch.nn.Linear(FEATURES, 8)
        self.add_module(BIDI, torch.nn.Linear(8, CLASSES))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        head: torch.nn.Module = getattr(self, BIDI)
        out: torch.Tensor = head(torch.relu(self.inp(x)))
        return out


@dataclass(frozen=True)
class TrainedRun:
    """What a run trained, computed from the torch model itself (not read back from fitscope)."""

    session_id: str
    worker_id: str
    model_type: str
    num_params: int
    layers_with_params: tuple[str, ...]
    iterations: int
    epochs: int
    first_nan_iteration: int | None = None


def blobs(n: int, centres: torch.Tensor, generator: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """``n`` points around ``centres`` (one Gaussian blob per class), and their labels."""
    y = torch.randint(0, CLASSES, (n,), generator=generator)
    x = centres[y] + torch.randn(n, FEATURES, generator=generator)
    return x, y


def _param_layers(model: torch.nn.Module) -> tuple[str, ...]:
    return tuple(name for name, m in model.named_modules() if name and any(True for _ in m.parameters(False)))


def _train(
    storage: StatsStorage,
    model: torch.nn.Module,
    *,
    session_id: str,
    session_name: str,
    epochs: int,
    batches: int,
    nan_from: int | None = None,
    sleep_s: float = 0.0,
    announce: bool = False,
    tags: dict[str, str] | None = None,
) -> TrainedRun:
    gen = torch.Generator().manual_seed(0)
    batch = 20
    centres = torch.randn(CLASSES, FEATURES, generator=gen) * 0.5
    x_train, y_train = blobs(batches * batch, centres, gen)
    x_val, y_val = blobs(60, centres, gen)
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    loss_fn = torch.nn.CrossEntropyLoss()
    listener = StatsListener(
        storage,
        frequency=1,
        session_id=session_id,
        worker_id="worker-0",
        session_name=session_name,
        hyperparameters={"lr": 0.1, "momentum": 0.9, "batch_size": batch},
        tags=tags,
        close_sinks=False,
        max_overhead=None,  # every histogram in every report: the pages are checked report by report
    )
    listener.attach(model, opt, example_input=x_train[:batch])
    iteration = 0
    for _ in range(epochs):
        model.train()
        for b in range(batches):
            iteration += 1
            x = x_train[b * batch : (b + 1) * batch].clone()
            if nan_from is not None and iteration == nan_from:
                x[0, 0] = float("nan")  # a corrupted sample: the NaN flows into the loss and the weights
            opt.zero_grad()
            loss = loss_fn(model(x), y_train[b * batch : (b + 1) * batch])
            loss.backward()
            opt.step()
            listener.iteration_done(loss, batch_size=len(x))
            if announce:
                listener.flush()
                print(iteration, flush=True)
            if sleep_s:
                time.sleep(sleep_s)
        model.eval()
        with torch.no_grad():
            logits = model(x_val)
            val_loss = float(loss_fn(logits, y_val))
            val_acc = float((logits.argmax(1) == y_val).float().mean())
        listener.log_metrics({"val_loss": val_loss, "val_acc": val_acc})
        listener.epoch_done()
    listener.close()
    return TrainedRun(
        session_id=session_id,
        worker_id="worker-0",
        model_type=type(model).__name__,
        num_params=sum(p.numel() for p in model.parameters()),
        layers_with_params=_param_layers(model),
        iterations=iteration,
        epochs=epochs,
        first_nan_iteration=nan_from,
    )


def train_mlp(storage: StatsStorage, session_id: str = MLP_SESSION) -> TrainedRun:
    """Three epochs of 12 iterations of :class:`BrowserMLP`, validated at each epoch end."""
    torch.manual_seed(0)
    return _train(storage, BrowserMLP(), session_id=session_id, session_name="blobs-mlp", epochs=3, batches=12)


def train_diverging(storage: StatsStorage, session_id: str = DIVERGING_SESSION) -> TrainedRun:
    """:class:`BrowserMLP` fed a NaN at iteration ``NAN_FROM``: its score is NaN from there on."""
    torch.manual_seed(0)
    return _train(
        storage, BrowserMLP(), session_id=session_id, session_name="diverging", epochs=2, batches=14, nan_from=NAN_FROM
    )


def train_markup(storage: StatsStorage, session_id: str = MARKUP_SESSION) -> TrainedRun:
    """:class:`MarkupNet` (a layer named ``MARKUP``), 10 iterations, session named with markup too."""
    torch.manual_seed(0)
    return _train(storage, MarkupNet(), session_id=session_id, session_name=MARKUP_SESSION_NAME, epochs=1, batches=10)


def train_sequential(storage: StatsStorage, session_id: str = SEQUENTIAL_SESSION) -> TrainedRun:
    """:func:`sequential_model`, 6 iterations, tagged with ``SEQUENTIAL_TAGS``."""
    torch.manual_seed(0)
    return _train(
        storage,
        sequential_model(),
        session_id=session_id,
        session_name="sequential",
        epochs=1,
        batches=6,
        tags=SEQUENTIAL_TAGS,
    )


def train_bidi(storage: StatsStorage, session_id: str = BIDI_SESSION) -> TrainedRun:
    """:class:`BidiNet`, 4 iterations, in a session named ``BIDI_SESSION_NAME``."""
    torch.manual_seed(0)
    return _train(storage, BidiNet(), session_id=session_id, session_name=BIDI_SESSION_NAME, epochs=1, batches=4)


def main(argv: list[str] | None = None) -> None:
    """``live PATH [--epochs N] [--sleep S]``: trains BrowserMLP slowly into the file at PATH."""
    parser = argparse.ArgumentParser(description="A slow training process for the live browser test.")
    parser.add_argument("mode", choices=["live"])
    parser.add_argument("path")
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--sleep", type=float, default=0.2)
    args = parser.parse_args(argv)
    torch.manual_seed(0)
    storage: Any = FileStatsStorage(args.path)
    try:
        _train(
            storage,
            BrowserMLP(),
            session_id="live",
            session_name="live",
            epochs=args.epochs,
            batches=12,
            sleep_s=args.sleep,
            announce=True,
        )
    finally:
        storage.close()


if __name__ == "__main__":
    sys.exit(main())
