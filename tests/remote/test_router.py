"""RemoteStatsRouter against a real hub: exact round trips, batching, the spool, retries, refusals."""

from __future__ import annotations

import gzip
import json
import logging
import os
import subprocess
import sys
import textwrap
import urllib.request
from pathlib import Path

import pytest
import torch

from fitscope import FileStatsStorage, StatsListener
from fitscope.exporters import RemoteStatsRouter
from fitscope.record_json import to_json_dict
from fitscope.records import StaticInfo
from fitscope.server import UIServer

from .conftest import TOKEN, Hub, free_port, put, records, report, sent_json, static, stored_json, wait_for


def _router(url: str, spool: Path, **kwargs: object) -> RemoteStatsRouter:
    options: dict[str, object] = {"token": TOKEN, "spool_dir": spool, "max_delay_s": 0.05, "retry_max_s": 0.5}
    options.update(kwargs)
    return RemoteStatsRouter(url, **options)  # type: ignore[arg-type]


def _spooled(spool: Path) -> list[Path]:
    return sorted(p for p in spool.rglob("*.json.gz") if "rejected" not in p.parts)


def test_every_record_arrives_exactly_as_sent_non_finite_values_included(hub: Hub, tmp_path: Path) -> None:
    sent = records("s", "w0", 120)
    router = _router(hub.url, tmp_path / "spool", max_batch_records=25)
    for record in sent:
        put(router, record)
    status = router.close(30)
    assert status.pending_batches == 0 and status.pending_records == 0
    assert status.sent_records == len(sent)
    assert status.sent_batches >= len(sent) // 25
    assert stored_json(hub.storage, "s", "w0") == sent_json(sent)
    assert not _spooled(tmp_path / "spool")  # nothing left on disk, the router's folder removed
    assert not any((tmp_path / "spool").iterdir())


def test_a_batch_is_sealed_by_count_by_bytes_and_by_time(hub: Hub, tmp_path: Path) -> None:
    by_count = _router(hub.url, tmp_path / "a", max_batch_records=10, max_delay_s=60)
    for it in range(1, 31):
        by_count.put_update(report("count", "w", it))
    wait_for(lambda: by_count.status().sent_batches == 3, what="three batches of ten")
    assert by_count.status().sent_records == 30
    by_count.close()

    size = len(json.dumps(to_json_dict(report("bytes", "w", 1))))
    by_bytes = _router(hub.url, tmp_path / "b", max_batch_bytes=size * 4 + 10, max_delay_s=60)
    for it in range(1, 9):
        by_bytes.put_update(report("bytes", "w", it))
    wait_for(lambda: by_bytes.status().sent_records >= 8 - 4, what="the batches sealed by size")
    assert by_bytes.status().pending_records == 8 - by_bytes.status().sent_records
    by_bytes.close()

    by_time = _router(hub.url, tmp_path / "c", max_delay_s=0.2)
    by_time.put_update(report("time", "w", 1))
    wait_for(lambda: hub.storage.count_updates("time", "w") == 1, timeout=10, what="a lone record sent by time")
    by_time.close()


def test_records_wait_on_disk_while_the_hub_is_down_and_arrive_in_order_when_it_is_up(tmp_path: Path) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    sent = records("late", "w0", 80)
    router = _router(url, tmp_path / "spool", max_batch_records=20)
    for record in sent:
        put(router, record)
    wait_for(lambda: router.status().last_error is not None, what="a failed attempt")
    assert "cannot reach" in (router.status().last_error or "")
    assert len(_spooled(tmp_path / "spool")) == router.status().pending_batches >= 4
    storage = FileStatsStorage(tmp_path / "hub.fitscope")
    server = UIServer(port=port)
    server.enable_remote_listener(storage, token=TOKEN)
    with server:
        status = router.close(30)
        assert status.pending_batches == 0 and status.sent_records == len(sent)
        assert stored_json(storage, "late", "w0") == sent_json(sent)
    storage.close()


def test_batches_left_by_a_closed_router_are_sent_by_the_next_one_with_the_same_url(tmp_path: Path) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    spool = tmp_path / "spool"
    first = _router(url, spool, max_batch_records=10)
    sent = records("left", "w0", 40)
    for record in sent:
        put(first, record)
    status = first.close(0.5)
    assert status.pending_records == len(sent) and status.sent_records == 0
    assert status.spool_dir.is_dir()

    other_url = _router(f"http://127.0.0.1:{free_port()}", spool)  # another hub: leaves them alone
    assert other_url.status().pending_batches == 0
    other_url.close(0.1)

    storage = FileStatsStorage(tmp_path / "hub.fitscope")
    server = UIServer(port=port)
    server.enable_remote_listener(storage, token=TOKEN)
    with server:
        second = _router(url, spool)
        assert second.status().pending_records == len(sent)
        second.put_update(report("left", "w0", 41))  # its own record goes after the adopted ones
        final = second.close(30)
        assert final.pending_batches == 0
        assert stored_json(storage, "left", "w0") == sent_json([*sent, report("left", "w0", 41)])
    assert not status.spool_dir.exists()
    storage.close()


def test_a_crashed_process_loses_nothing_it_spooled(tmp_path: Path) -> None:
    """A training process killed without closing its router: the next router sends what it spooled."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    spool = tmp_path / "spool"
    script = textwrap.dedent(
        f"""
        import os, sys, time
        sys.path.insert(0, {str(Path(__file__).resolve().parents[2])!r})
        from fitscope.exporters import RemoteStatsRouter
        from tests.remote.conftest import put, records
        router = RemoteStatsRouter({url!r}, token="x", spool_dir={str(spool)!r}, max_batch_records=10, max_delay_s=600)
        for record in records("crash", "w0", 50):  # 56 records: 5 batches of 10 on disk, 6 in memory
            put(router, record)
        while router.status().pending_batches < 5:
            time.sleep(0.01)
        os._exit(1)
        """
    )
    sealed = subprocess.run([sys.executable, "-c", script], timeout=120, capture_output=True, text=True)
    assert sealed.returncode == 1, sealed.stderr
    assert len(_spooled(spool)) == 5
    storage = FileStatsStorage(tmp_path / "hub.fitscope")
    server = UIServer(port=port)
    server.enable_remote_listener(storage, token="x")
    with server:
        router = _router(url, spool, token="x")
        assert router.status().pending_records == 50
        assert router.close(30).pending_batches == 0
    # what was on disk arrived; only the 6 records of the unsealed batch died with the process
    assert stored_json(storage, "crash", "w0") == sent_json(records("crash", "w0", 50)[:50])
    storage.close()


def test_a_batch_over_the_hubs_limit_is_split_and_a_record_alone_over_it_is_set_aside(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    storage = FileStatsStorage(tmp_path / "hub.fitscope")
    one = len(json.dumps(to_json_dict(report("big", "w", 1))))
    server = UIServer(port=0)
    server.enable_remote_listener(storage, token=TOKEN, max_body_bytes=one * 3)
    huge = StaticInfo("big", "w", 1, hyperparameters={"blob": "x" * (one * 4)})
    with server, caplog.at_level(logging.ERROR, logger="fitscope"):
        router = _router(server.url, tmp_path / "spool", max_batch_records=16, max_delay_s=60)
        sent = [report("big", "w", it) for it in range(1, 33)]
        for r in sent:
            router.put_update(r)
        router.put_static_info(huge)
        status = router.close(60)
    assert status.pending_batches == 0 and status.rejected_batches == 1
    assert [to_json_dict(r) for r in storage.iter_updates("big", "w")] == [to_json_dict(r) for r in sent]
    assert storage.get_static_info("big", "w") is None
    rejected = list((tmp_path / "spool" / "rejected").iterdir())
    assert len(rejected) == 1
    assert json.loads(gzip.decompress(rejected[0].read_bytes()))["records"] == [to_json_dict(huge)]
    assert "larger than the hub's body limit" in caplog.text and "kept in" in caplog.text
    storage.close()


def test_a_wrong_token_is_said_once_and_the_batches_stay_for_a_router_with_the_right_one(
    hub: Hub, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    spool = tmp_path / "spool"
    with caplog.at_level(logging.ERROR, logger="fitscope"):
        wrong = _router(hub.url, spool, token="not-it")
        sent = records("tok", "w0", 30)
        for record in sent:
            put(wrong, record)
        wait_for(lambda: wrong.status().paused, what="the refusal")
        status = wrong.close(0.5)
    assert status.paused and "HTTP 401" in (status.last_error or "")
    assert status.pending_records == len(sent)
    assert hub.storage.list_sessions() == []
    refusals = [r for r in caplog.records if "refused the batches" in r.getMessage()]
    assert len(refusals) == 1 and "FITSCOPE_TOKEN" in refusals[0].getMessage()
    right = _router(hub.url, spool)
    assert right.close(30).pending_batches == 0
    assert stored_json(hub.storage, "tok", "w0") == sent_json(sent)


def test_the_token_comes_from_the_environment(hub: Hub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FITSCOPE_TOKEN", TOKEN)
    router = RemoteStatsRouter(hub.url, spool_dir=tmp_path / "spool", max_delay_s=0.05)
    router.put_static_info(static("env", "w"))
    assert router.close(30).sent_records == 1
    assert hub.storage.get_static_info("env", "w") is not None


def test_a_hub_that_cannot_store_now_is_retried_until_it_can(hub: Hub, tmp_path: Path) -> None:
    """503 (the hub's storage is closed): retried with backoff, then stored once a storage is back."""
    hub.storage.close()
    router = _router(hub.url, tmp_path / "spool")
    sent = records("retry", "w0", 20)
    for record in sent:
        put(router, record)
    wait_for(lambda: "HTTP 503" in (router.status().last_error or ""), what="a 503")
    assert not router.status().paused
    fresh = FileStatsStorage(tmp_path / "hub2.fitscope")
    hub.server.enable_remote_listener(fresh, token=TOKEN)
    assert router.close(30).pending_batches == 0
    assert stored_json(fresh, "retry", "w0") == sent_json(sent)
    fresh.close()


def test_a_batch_sent_twice_is_stored_once(hub: Hub, tmp_path: Path) -> None:
    sent = records("twice", "w0", 30)
    body = gzip.compress(json.dumps({"records": [to_json_dict(r) for r in sent]}).encode())
    for _ in range(2):
        request = urllib.request.Request(
            hub.url + "/api/v1/ingest",
            data=body,
            headers={
                "Content-Type": "application/json",
                "Content-Encoding": "gzip",
                "Authorization": f"Bearer {TOKEN}",
            },
        )
        with urllib.request.urlopen(request, timeout=30) as answer:
            assert json.loads(answer.read()) == {"stored": len(sent)}
    assert stored_json(hub.storage, "twice", "w0") == sent_json(sent)
    assert hub.storage.count_updates("twice", "w0") == 30


def test_a_full_spool_drops_new_records_counts_them_and_says_so(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    with caplog.at_level(logging.ERROR, logger="fitscope"):
        router = _router(url, tmp_path / "spool", max_batch_records=1, max_spool_bytes=6000)
        for it in range(1, 41):
            router.put_update(report("full", "w", it))
        status = router.close(0.2)
    assert status.dropped_records > 0
    assert status.dropped_records + status.pending_records == 40
    assert sum(p.stat().st_size for p in _spooled(tmp_path / "spool")) <= 6000
    assert sum("is full" in r.getMessage() for r in caplog.records) == 1


def test_bad_arguments_are_refused_clearly(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="http"):
        RemoteStatsRouter("hub:9000", spool_dir=tmp_path)
    with pytest.raises(ValueError, match="max_batch_records"):
        RemoteStatsRouter("http://127.0.0.1:1", spool_dir=tmp_path, max_batch_records=0)
    with pytest.raises(ValueError, match="token"):
        RemoteStatsRouter("http://127.0.0.1:1", spool_dir=tmp_path, token=" ")
    router = RemoteStatsRouter("http://127.0.0.1:1/tools/fitscope/", spool_dir=tmp_path)
    assert router.url == "http://127.0.0.1:1/tools/fitscope/api/v1/ingest"
    router.close(0.1)
    with pytest.raises(RuntimeError, match="closed"):
        router.put_static_info(static("x", "y"))


def test_a_listener_posting_to_a_hub_stores_what_a_local_file_stores(hub: Hub, tmp_path: Path) -> None:
    torch.manual_seed(0)
    net = torch.nn.Sequential(torch.nn.Linear(6, 16), torch.nn.Tanh(), torch.nn.Linear(16, 3))
    opt = torch.optim.Adam(net.parameters(), lr=0.01)
    local = FileStatsStorage(tmp_path / "local.fitscope")
    router = _router(hub.url, tmp_path / "spool")
    listener = StatsListener([local, router], frequency=5, session_id="both", worker_id="w0", max_overhead=None)
    listener.attach(net, opt)
    for _ in range(60):
        opt.zero_grad()
        loss = torch.nn.functional.cross_entropy(net(torch.randn(8, 6)), torch.randint(0, 3, (8,)))
        loss.backward()
        opt.step()
        listener.iteration_done(loss, batch_size=8)
        if listener.iteration % 20 == 0:
            listener.log_metrics({"val": loss.item()})
            listener.epoch_done()
    listener.close()  # closes both sinks: the router sends what is left first
    assert router.status().pending_batches == 0
    with FileStatsStorage(tmp_path / "local.fitscope", read_only=True) as written:
        assert stored_json(hub.storage, "both", "w0") == stored_json(written, "both", "w0")
    assert hub.storage.count_updates("both", "w0") == 12
    assert os.listdir(tmp_path / "spool") == []


def test_live_routers_sharing_a_spool_never_take_each_others_batches(tmp_path: Path) -> None:
    """Ranks on one machine share the default spool folder: a live router's folder is locked."""
    url = f"http://127.0.0.1:{free_port()}"
    spool = tmp_path / "spool"
    first = _router(url, spool, max_batch_records=5)
    for it in range(1, 11):
        first.put_update(report("shared", "rank0", it))
    wait_for(lambda: first.status().pending_batches == 2, what="two sealed batches")
    second = _router(url, spool)
    assert second.status().pending_batches == 0  # the first is alive: its folder stays its own
    assert second.spool_dir != first.spool_dir
    second.close(0.1)
    assert first.status().pending_records == 10
    first.close(0.1)
