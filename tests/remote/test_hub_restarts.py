"""The hub is killed (SIGKILL) and restarted three times while 4 workers post 500 reports each:
afterwards every report is stored exactly once, equal to what was sent."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from fitscope import FileStatsStorage
from fitscope.exporters import RemoteStatsRouter
from fitscope.record_json import to_json_dict

from .conftest import TOKEN, free_port, report, static, wait_for

WORKERS = 4
REPORTS = 500
KILLS = 3


def _start_hub(store: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    start = log.stat().st_size if log.exists() else 0
    out = open(log, "ab")  # noqa: SIM115 - the child holds it; closed below
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "fitscope", "serve", "--remote", "--store", str(store), "--port", str(port)],
            env={**os.environ, "FITSCOPE_TOKEN": TOKEN},
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    finally:
        out.close()
    start = log.stat().st_size if log.exists() else 0
    wait_for(
        lambda: b"remote listener on" in log.read_bytes()[start - 1 if start else 0 :] or process.poll() is not None,
        timeout=60,
        what="the hub to listen",
    )
    assert process.poll() is None, log.read_text()
    return process


@pytest.mark.timeout(600)
def test_every_report_is_stored_exactly_once_across_three_hub_kills(tmp_path: Path) -> None:
    store, log, port = tmp_path / "hub.fitscope", tmp_path / "hub.log", free_port()
    hub = _start_hub(store, port, log)
    routers = [
        RemoteStatsRouter(
            f"http://127.0.0.1:{port}",
            token=TOKEN,
            spool_dir=tmp_path / "spool",
            max_batch_records=25,
            max_delay_s=0.05,
            retry_base_s=0.05,
            retry_max_s=0.5,
            timeout_s=5,
        )
        for _ in range(WORKERS)
    ]

    def work(n: int) -> None:
        router = routers[n]
        router.put_static_info(static("job", f"rank{n}"))
        for it in range(1, REPORTS + 1):
            router.put_update(report("job", f"rank{n}", it))
            time.sleep(0.02)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(WORKERS)]
    for t in threads:
        t.start()
    kills = 0
    killed_while_posting = 0
    try:
        while kills < KILLS:
            time.sleep(1.2)
            killed_while_posting += any(t.is_alive() for t in threads)
            hub.send_signal(signal.SIGKILL)
            hub.wait(30)
            kills += 1
            time.sleep(0.3)  # workers find it gone meanwhile
            hub = _start_hub(store, port, log)
        for t in threads:
            t.join(120)
        statuses = [r.close(120) for r in routers]
    finally:
        hub.terminate()
        hub.wait(30)
    assert kills == killed_while_posting == KILLS
    assert all(s.pending_batches == 0 and s.rejected_batches == 0 and s.dropped_records == 0 for s in statuses)
    assert sum(s.sent_records for s in statuses) >= WORKERS * (REPORTS + 1)  # some batches were sent twice
    with FileStatsStorage(store, read_only=True) as kept:
        assert kept.list_workers("job") == [f"rank{n}" for n in range(WORKERS)]
        for n in range(WORKERS):
            stored = [to_json_dict(r) for r in kept.iter_updates("job", f"rank{n}")]
            assert [r["iteration"] for r in stored] == list(range(1, REPORTS + 1))
            assert stored == [to_json_dict(report("job", f"rank{n}", it)) for it in range(1, REPORTS + 1)]
            assert kept.get_static_info("job", f"rank{n}") == static("job", f"rank{n}")
