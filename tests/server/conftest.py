"""Fixtures of the server tests: real runs written by the real StatsListener, and a real server.

The runs (built once per test session):

* ``FILE_SESSION`` in a FileStatsStorage, two workers: ``w0`` trains 12 iterations (a NaN
  loss at iteration 4; at the last one, a weight holding one NaN and one +Inf; validation
  metrics and an epoch end every 5 iterations) and ``w1`` trains 6.
* ``MEMORY_SESSION`` in an InMemoryStatsStorage, started last, so the default (newest) session.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import torch

from fitscope import FileStatsStorage, InMemoryStatsStorage, StatsListener
from fitscope.server import UIServer
from fitscope.storage.base import StatsStorage

FILE_SESSION = "run-file"
MEMORY_SESSION = "run-memory"
NAN_SCORE_AT = 4
POISON_AT = 12


def model() -> torch.nn.Module:
    """The small model every run trains: Linear(4, 8) -> ReLU -> Linear(8, 2)."""
    return torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.ReLU(), torch.nn.Linear(8, 2))


def train(storage: StatsStorage, session: str, worker: str, steps: int, *, seed: int, poison: bool = False) -> None:
    """Trains ``model()`` for ``steps`` iterations with a StatsListener reporting every iteration."""
    torch.manual_seed(seed)
    net = model()
    opt = torch.optim.SGD(net.parameters(), lr=0.05)
    listener = StatsListener(
        storage,
        frequency=1,
        session_id=session,
        worker_id=worker,
        session_name=f"{session} name",
        hyperparameters={"lr": 0.05},
        close_sinks=False,
        max_overhead=None,  # every histogram in every report: the views are checked report by report
    )
    listener.attach(net, opt, example_input=torch.randn(3, 4))
    for i in range(1, steps + 1):
        opt.zero_grad()
        loss = net(torch.randn(3, 4)).pow(2).mean()
        loss.backward()
        opt.step()
        if poison and i == POISON_AT:
            with torch.no_grad():
                net[2].weight[0, 0] = math.nan
                net[2].weight[0, 1] = math.inf
        listener.iteration_done(torch.tensor(math.nan) if i == NAN_SCORE_AT else loss, batch_size=3)
        if i % 5 == 0:
            listener.log_metrics({"val_loss": 1.0 / i, "val_acc": 0.1 * i})
            listener.epoch_done()
    listener.close()


@dataclass
class Runs:
    """The stored runs."""

    path: Path
    file: FileStatsStorage
    memory: InMemoryStatsStorage


@pytest.fixture(scope="session")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Runs]:
    """Both runs, written once; the storages stay open for the whole session."""
    path = tmp_path_factory.mktemp("runs") / "runs.fitscope"
    file = FileStatsStorage(path)
    memory = InMemoryStatsStorage()
    train(file, FILE_SESSION, "w0", 12, seed=0, poison=True)
    train(file, FILE_SESSION, "w1", 6, seed=1)
    time.sleep(0.01)  # the memory session starts strictly later: it is the newest
    train(memory, MEMORY_SESSION, "m0", 8, seed=2)
    yield Runs(path, file, memory)
    file.close()
    memory.close()


@pytest.fixture(scope="session")
def server(runs: Runs) -> Iterator[UIServer]:
    """A UIServer on a free port showing both runs."""
    with UIServer(port=0) as ui:
        ui.attach(runs.file)
        ui.attach(runs.memory)
        yield ui
