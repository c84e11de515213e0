"""Replaying a stored run into a sink, and consistent snapshots of a file being written."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import torch

from fitscope import FileStatsStorage, InMemoryStatsStorage, StatsListener
from fitscope.errors import StorageError
from fitscope.record_json import to_json_dict
from fitscope.storage.replay import count_records, iter_records, replay
from fitscope.storage.snapshot import copy_to, snapshot


def write_run(path: Path, steps: int = 7) -> StatsListener:
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.Tanh(), torch.nn.Linear(4, 1))
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    listener = StatsListener(FileStatsStorage(path), frequency=2, session_id="s", worker_id="w")
    listener.attach(model, opt)
    for i in range(steps):
        opt.zero_grad()
        loss = model(torch.randn(5, 3)).pow(2).mean()
        loss.backward()
        opt.step()
        listener.iteration_done(loss, batch_size=5)
        if i % 3 == 2:
            listener.log_metrics({"val_loss": float(i)})
            listener.epoch_done()
    listener.close()
    return listener


def dump(storage: FileStatsStorage | InMemoryStatsStorage) -> list[str]:
    return [json.dumps(to_json_dict(r), sort_keys=True) for r in iter_records(storage, "s", "w")]


def test_replay_sends_every_record_in_listener_order(tmp_path: Path) -> None:
    path = tmp_path / "run.fitscope"
    write_run(path)
    target = InMemoryStatsStorage()
    with FileStatsStorage(path, read_only=True) as storage:
        total = count_records(storage)
        counts = replay(storage, target)
        original = dump(storage)
    assert (counts.static_info, counts.reports, counts.metrics, counts.epochs) == (1, 4, 2, 2)
    assert counts.total == total == 9
    assert dump(target) == original
    kinds = [json.loads(r)["record"] for r in original]
    iterations = [json.loads(r).get("iteration") for r in original]
    assert kinds[0] == "static_info"
    # reports, then metrics, then the epoch end at one iteration (3 and 6 carry all three kinds)
    assert list(zip(iterations[1:], kinds[1:], strict=True)) == [
        (2, "stats_report"),
        (3, "metrics"),
        (3, "epoch"),
        (4, "stats_report"),
        (6, "stats_report"),
        (6, "metrics"),
        (6, "epoch"),
        (7, "stats_report"),
    ]


SLOW_WRITER = textwrap.dedent(
    """
    import sys, time
    from fitscope import FileStatsStorage, StatsListener
    listener = StatsListener(FileStatsStorage(sys.argv[1]), frequency=1, session_id="s", worker_id="w")
    i = 0
    while True:
        listener.iteration_done(float(i))
        listener.flush()
        i += 1
        print(i, flush=True)
        time.sleep(0.002)
    """
)


def test_snapshot_while_another_process_writes_is_consistent(tmp_path: Path) -> None:
    path = tmp_path / "live.fitscope"
    errors = (tmp_path / "stderr.txt").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-c", SLOW_WRITER, str(path)], stdout=subprocess.PIPE, stderr=errors, text=True
    )
    assert proc.stdout is not None
    try:
        while int(proc.stdout.readline() or -1) < 20:
            assert proc.poll() is None, (tmp_path / "stderr.txt").read_text()
        copies = [snapshot(path, tmp_path / f"copy{n}.fitscope") for n in range(3)]
    finally:
        proc.kill()
        proc.wait()
        proc.stdout.close()
        errors.close()
    for copy in copies:
        assert not Path(f"{copy}-wal").exists()
        conn = sqlite3.connect(copy)
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
        with FileStatsStorage(copy, read_only=True) as storage:
            reports = list(storage.iter_updates("s", "w"))
            score = storage.read_series("s", "w", "score")
        n = len(reports)
        assert n >= 20
        assert [r.iteration for r in reports] == list(range(1, n + 1))
        assert score.iterations == list(range(1, n + 1)) and score.values == [float(i) for i in range(n)]


def test_copy_to_a_path_and_an_fsspec_url(tmp_path: Path) -> None:
    path = tmp_path / "run.fitscope"
    write_run(path)
    plain = copy_to(path, str(tmp_path / "shared" / "a.fitscope"))
    url = copy_to(path, f"file://{tmp_path}/shared/b.fitscope")
    assert url.startswith("file://")
    with FileStatsStorage(path, read_only=True) as original:
        want = dump(original)
    for copy in (plain, str(tmp_path / "shared" / "b.fitscope")):
        with FileStatsStorage(copy, read_only=True) as storage:
            assert dump(storage) == want
    with pytest.raises(StorageError, match="already exists"):
        copy_to(path, plain)
    with pytest.raises(StorageError, match="already exists"):
        copy_to(path, f"file://{tmp_path}/shared/b.fitscope")


def test_export_to_from_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "run.fitscope"
    write_run(path)
    dest = tmp_path / "out" / "copy.fitscope"
    result = subprocess.run(
        [sys.executable, "-m", "fitscope", "export", str(path), "--to", str(dest)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    info = subprocess.run(
        [sys.executable, "-m", "fitscope", "info", str(dest), "--json"], capture_output=True, text=True
    )
    assert info.returncode == 0 and json.loads(info.stdout)["sessions"][0]["workers"][0]["last_iteration"] == 7
    again = subprocess.run(
        [sys.executable, "-m", "fitscope", "export", str(path), "--to", str(dest)], capture_output=True, text=True
    )
    assert again.returncode == 2 and "already exists" in again.stderr
    nothing = subprocess.run([sys.executable, "-m", "fitscope", "export", str(path)], capture_output=True, text=True)
    assert nothing.returncode == 2 and "needs a destination" in nothing.stderr
