"""Helpers of the launcher tests: run an example of ``examples/`` for real and read what it stored."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from fitscope import FileStatsStorage, StatsStorage

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
STEPS = 40
FREQUENCY = 5
#: Variables a launcher sets for its ranks: one left over from an outer job must not leak in.
_JOB_VARIABLES = (
    "FITSCOPE_SESSION_ID",
    "FITSCOPE_TOKEN",
    "TORCHELASTIC_RUN_ID",
    "RANK",
    "LOCAL_RANK",
    "WORLD_SIZE",
    "LOCAL_WORLD_SIZE",
    "MASTER_ADDR",
    "MASTER_PORT",
)


def run_example(command: Sequence[str], tmp_path: Path, timeout: float) -> float:
    """Runs an example to its end (failing the test with its output's tail otherwise); returns its wall time."""
    env = {k: v for k, v in os.environ.items() if k not in _JOB_VARIABLES}
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")  # the router's spool, not the user's cache
    env["OMP_NUM_THREADS"] = "1"
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, *command, "--steps", str(STEPS), "--frequency", str(FREQUENCY)],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )
    took = time.monotonic() - started
    assert done.returncode == 0, f"exit {done.returncode}\n{done.stdout[-4000:]}\n{done.stderr[-4000:]}"
    assert "fitscope: session " in done.stdout, done.stdout[-4000:]
    return took


def assert_one_session_of_every_rank(storages: Sequence[StatsStorage], world: int = 2) -> str:
    """One session across ``storages``, ``world`` workers ``host:rank<N>``, and every report of each."""
    sessions = {session for storage in storages for session in storage.list_sessions()}
    assert len(sessions) == 1, sessions
    (session,) = sessions
    workers = [worker for storage in storages for worker in storage.list_workers(session)]
    host = socket.gethostname()
    assert sorted(workers) == [f"{host}:rank{rank}" for rank in range(world)]
    for storage in storages:
        for worker in storage.list_workers(session):
            iterations = [report.iteration for report in storage.iter_updates(session, worker)]
            assert iterations == list(range(FREQUENCY, STEPS + 1, FREQUENCY)), (worker, iterations)
            scores = storage.read_series(session, worker, "score")
            assert scores.iterations == list(range(1, STEPS + 1)), (worker, scores.iterations)
            static = storage.get_static_info(session, worker)
            assert static is not None and static.model is not None
    return session


def assert_files_hold_one_session(folder: Path, world: int = 2) -> str:
    """The files ``job-{rank}.fitscope`` of a run: one worker each, together one session of every rank."""
    paths = sorted(folder.glob("job-*.fitscope"))
    assert [p.name for p in paths] == [f"job-{rank}.fitscope" for rank in range(world)]
    storages = [FileStatsStorage(path, read_only=True) for path in paths]
    try:
        for rank, storage in enumerate(storages):
            (session,) = storage.list_sessions()
            assert [w.rsplit(":", 1)[1] for w in storage.list_workers(session)] == [f"rank{rank}"]
        return assert_one_session_of_every_rank(storages, world)
    finally:
        for storage in storages:
            storage.close()
