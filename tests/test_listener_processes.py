"""A real training process writing a FileStatsStorage: read live by this one, then SIGKILLed."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from fitscope import FileStatsStorage
from fitscope.storage.base import StorageEvent

TRAINER = textwrap.dedent(
    """
    import sys, torch
    from fitscope import FileStatsStorage, StatsListener
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(8, 16), torch.nn.ReLU(), torch.nn.Linear(16, 1))
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    listener = StatsListener(FileStatsStorage(sys.argv[1]), frequency=1, session_id="s", worker_id="w")
    listener.attach(model, opt)
    i = 0
    while True:
        x = torch.randn(4, 8)
        opt.zero_grad(); loss = model(x).pow(2).mean(); loss.backward(); opt.step()
        listener.iteration_done(loss, batch_size=4)
        listener.flush()  # the report is committed before it is announced: no timing to guess
        i += 1
        print(i, flush=True)
    """
)


STARTUP_S = 120.0


@pytest.mark.slow
def test_live_reading_and_sigkill_of_a_training_process(tmp_path: Path) -> None:
    path = tmp_path / "run.fitscope"
    errors = (tmp_path / "stderr.txt").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-c", TRAINER, str(path)], stdout=subprocess.PIPE, stderr=errors, text=True
    )
    assert proc.stdout is not None
    try:

        def announced_iteration() -> int:
            line = proc.stdout.readline() if proc.stdout else ""
            assert line, f"the training process died: {(tmp_path / 'stderr.txt').read_text()}"
            return int(line)

        while announced_iteration() < 5:  # the file exists and holds reports
            pass
        events: list[StorageEvent] = []
        got = threading.Event()
        reader = FileStatsStorage(path, read_only=True)

        def on_event(event: StorageEvent) -> None:
            events.append(event)
            got.set()

        sub = reader.subscribe(on_event)
        # Generous: the limit only turns a hang into a failure (a loaded machine is slow, not broken).
        assert got.wait(STARTUP_S), f"no event from the training process within {STARTUP_S} s"
        assert events[0].kind == "update" and events[0].session_id == "s"
        sub.close()
        reader.close()
        # Every iteration announced before the kill was committed: it must be in the file. The
        # kill lands while the trainer goes on writing (possibly in the middle of a report).
        announced = announced_iteration()
        proc.send_signal(signal.SIGKILL)
        proc.wait(STARTUP_S)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        errors.close()
    assert proc.returncode == -signal.SIGKILL
    with FileStatsStorage(path) as storage:  # opens read-write: recovers the WAL
        iterations = [r.iteration for r in storage.iter_updates("s", "w")]
        score = storage.read_series("s", "w", "score")
        static = storage.get_static_info("s", "w")
    assert static is not None and static.model is not None
    assert iterations[:announced] == list(range(1, announced + 1))
    assert iterations == list(range(1, len(iterations) + 1))  # no hole, no torn report
    assert score.iterations == iterations
