"""``fitscope demo``: trains two small real networks on scikit-learn's bundled digits.

An MLP and a small CNN learn the 8x8 digits (1,797 images shipped with scikit-learn, so
nothing is downloaded), each as its own session in one FileStatsStorage, with validation
loss and accuracy logged as user metrics at every epoch end. Each session is named after its
network and the local time it started (``digits-mlp 2026-12-02 12:30:05``), so runs appended to
the same file stay apart in the UI's session menu.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from fitscope.errors import MissingDependencyError
from fitscope.storage.base import StatsStorage

__all__ = ["DemoResult", "run_demo", "session_name"]


@dataclass(frozen=True, slots=True)
class DemoResult:
    """What one demo session trained."""

    session_id: str
    session_name: str
    iterations: int
    final_loss: float
    val_accuracy: float


def session_name(model: str, started: datetime | None = None) -> str:
    """The name of a demo session: the network and the local time it started, to the second."""
    return f"digits-{model} {(started or datetime.now()).strftime('%Y-%m-%d %H:%M:%S')}"


def _require() -> tuple[Any, Any, Any]:
    try:
        import torch
    except ImportError as exc:
        raise MissingDependencyError("fitscope demo", "demo", "torch") from exc
    try:
        from sklearn.datasets import load_digits
    except ImportError as exc:
        raise MissingDependencyError("fitscope demo", "demo", "scikit-learn") from exc
    from tqdm import tqdm

    return torch, load_digits, tqdm


def _models(torch: Any) -> dict[str, Callable[[], Any]]:
    nn = torch.nn

    def mlp() -> Any:
        return nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(), nn.Linear(64, 10))

    def cnn() -> Any:
        return nn.Sequential(
            nn.Conv2d(1, 16, 3, padding=1),
            nn.BatchNorm2d(16),
            nn.ReLU(),
            nn.Conv2d(16, 32, 3, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Flatten(),
            nn.Linear(32 * 4 * 4, 64),
            nn.ReLU(),
            nn.Linear(64, 10),
        )

    return {"mlp": mlp, "cnn": cnn}


def run_demo(
    path: str | StatsStorage,
    *,
    models: tuple[str, ...] = ("mlp", "cnn"),
    epochs: int = 8,
    batch_size: int = 32,
    frequency: int = 10,
    seed: int = 0,
    progress: bool = True,
    step_delay: float = 0.0,
) -> list[DemoResult]:
    """Trains the demo networks, recording each run into the FileStatsStorage at ``path``.

    Args:
        path: The ``.fitscope`` file to write (appended to when it exists: each run adds sessions
            of its own, named with their start time), or an open storage
            to record into, left open (``fitscope demo --serve`` passes the FileStatsStorage its
            UI server shows, so training is watched live).
        models: Which networks to train: ``"mlp"`` and/or ``"cnn"``.
        epochs: Passes over the training split.
        batch_size: Minibatch size.
        frequency: Report every N iterations.
        seed: Random seed (data split, initialisation, shuffling).
        progress: Show a progress bar on stderr.
        step_delay: Seconds to sleep after each step, so that a person watching the UI sees the
            training happen (``fitscope demo --serve`` uses 0.05 s: about 40 s for both models).

    Returns:
        One result per trained network.
    """
    torch, load_digits, tqdm = _require()
    from fitscope.listener import StatsListener
    from fitscope.storage.sqlite import FileStatsStorage

    builders = _models(torch)
    unknown = [m for m in models if m not in builders]
    if unknown:
        raise ValueError(f"Unknown demo model(s) {unknown}; choose from {sorted(builders)}.")
    digits = load_digits()
    gen = torch.Generator().manual_seed(seed)
    x_all = torch.tensor(digits.images, dtype=torch.float32).unsqueeze(1) / 16.0
    y_all = torch.tensor(digits.target, dtype=torch.long)
    order = torch.randperm(len(y_all), generator=gen)
    split = int(0.8 * len(order))
    train_idx, val_idx = order[:split], order[split:]
    results = []
    for name in models:
        torch.manual_seed(seed)
        model = builders[name]()
        flat = name == "mlp"
        optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
        scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=max(1, epochs // 2), gamma=0.5)
        loss_fn = torch.nn.CrossEntropyLoss()
        name_of_run = session_name(name)
        listener = StatsListener(
            path if isinstance(path, StatsStorage) else FileStatsStorage(path),
            frequency=frequency,
            session_name=name_of_run,
            tags={"dataset": "sklearn digits", "model": name},
            hyperparameters={"lr": 0.05, "momentum": 0.9, "batch_size": batch_size, "epochs": epochs},
            close_sinks=not isinstance(path, StatsStorage),
        )

        def prepare(x: Any, flat: bool = flat) -> Any:
            return x.flatten(1) if flat else x

        listener.attach(model, optimizer, example_input=prepare(x_all[:batch_size]))
        steps_per_epoch = (split + batch_size - 1) // batch_size
        bar = tqdm(total=epochs * steps_per_epoch, desc=f"digits-{name}", unit="step", disable=not progress)
        try:
            loss = torch.tensor(float("nan"))
            for _ in range(epochs):
                model.train()
                perm = train_idx[torch.randperm(split, generator=gen)]
                for start in range(0, split, batch_size):
                    idx = perm[start : start + batch_size]
                    optimizer.zero_grad()
                    loss = loss_fn(model(prepare(x_all[idx])), y_all[idx])
                    loss.backward()
                    optimizer.step()
                    listener.iteration_done(loss, batch_size=len(idx))
                    bar.update(1)
                    if step_delay > 0:
                        time.sleep(step_delay)
                scheduler.step()
                model.eval()
                with torch.no_grad():
                    logits = model(prepare(x_all[val_idx]))
                    val_loss = float(loss_fn(logits, y_all[val_idx]))
                    val_acc = float((logits.argmax(1) == y_all[val_idx]).float().mean())
                listener.log_metrics({"val_loss": val_loss, "val_acc": val_acc})
                listener.epoch_done()
                bar.set_postfix(loss=f"{loss.item():.3f}", val_acc=f"{val_acc:.3f}")
        finally:  # also on Ctrl-C: what was recorded is flushed
            bar.close()
            listener.close()
        results.append(DemoResult(listener.session_id, name_of_run, listener.iteration, loss.item(), val_acc))
    return results
