"""``GET /api/v1/findings``: the diagnostics of a stored run, served and kept up to date as reports arrive."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import torch

from fitscope import FileStatsStorage, InMemoryStatsStorage, StatsListener
from fitscope.diagnostics import diagnose_stream
from fitscope.server import UIServer

from .helpers import SseClient, request, validate_answer, validate_component


def _train(listener: StatsListener, model: torch.nn.Module, opt: torch.optim.Optimizer, steps: int) -> None:
    for _ in range(steps):
        x = torch.randn(16, 8)
        loss = model(x).pow(2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
        listener.iteration_done(loss, batch_size=16)


def _findings(url: str, **params: str) -> dict:
    query = "&".join(f"{k}={v}" for k, v in {"session": "diverging", **params}.items())
    answer = request(f"{url}/api/v1/findings?{query}")
    assert answer.status == 200, answer.body
    doc: dict = validate_answer("/api/v1/findings", answer)
    return doc


def _expected(storage: InMemoryStatsStorage, lang: str = "en") -> list[dict]:
    found = diagnose_stream(storage, "diverging", storage.list_workers("diverging")[0])
    order = {"error": 0, "warning": 1, "info": 2}
    found.sort(key=lambda f: (order[f.severity], f.first_iteration, f.rule))
    return [f.to_json(lang) for f in found]


def test_findings_follow_the_run_as_it_is_stored() -> None:
    torch.manual_seed(0)
    storage = InMemoryStatsStorage()
    model = torch.nn.Sequential(torch.nn.Linear(8, 32), torch.nn.ReLU(), torch.nn.Linear(32, 1))
    opt = torch.optim.SGD(model.parameters(), lr=0.5)  # far too high: updates far above 1e-3 of the weights
    listener = StatsListener(storage, frequency=5, session_id="diverging", close_sinks=False)
    listener.attach(model, opt)
    server = UIServer(port=0)
    server.attach(storage)
    server.start()
    try:
        _train(listener, model, opt, 10)
        time.sleep(0.2)
        early = _findings(server.url)
        _train(listener, model, opt, 190)
        listener.close()
        deadline = time.monotonic() + 20
        while _findings(server.url)["reports_seen"] < 40 and time.monotonic() < deadline:
            time.sleep(0.05)
        late = _findings(server.url)
        zh = _findings(server.url, lang="zh")
        bad = request(f"{server.url}/api/v1/findings?session=diverging&lang=fr")
    finally:
        server.stop()
    assert late["reports_seen"] == 40
    assert early["reports_seen"] <= 2
    # The incremental answer equals diagnosing the whole stored run in one go.
    assert late["findings"] == _expected(storage)
    assert late["findings"], "a learning rate of 0.5 on this net diverges: the guide has something to say"
    assert late["counts"]["warning"] + late["counts"]["error"] > 0
    assert late["counts"] == {
        s: sum(f["severity"] == s for f in late["findings"]) for s in ("error", "warning", "info")
    }
    assert zh["findings"] == _expected(storage, "zh")
    assert zh["findings"][0]["message"] != late["findings"][0]["message"]
    assert bad.status == 400 and bad.json()["error"]["code"] == "bad_parameter"


def test_a_healthy_run_has_no_warning() -> None:
    torch.manual_seed(1)
    storage = InMemoryStatsStorage()
    model = torch.nn.Sequential(torch.nn.Linear(8, 16), torch.nn.Tanh(), torch.nn.Linear(16, 1))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    listener = StatsListener(storage, frequency=5, session_id="diverging")
    listener.attach(model, opt)
    _train(listener, model, opt, 60)
    listener.close()
    server = UIServer(port=0)
    server.attach(storage)
    server.start()
    try:
        doc = _findings(server.url)
    finally:
        server.stop()
    assert doc["reports_seen"] == 12
    assert doc["counts"]["warning"] == doc["counts"]["error"] == 0
    assert doc["findings"] == _expected(storage)


def test_the_event_stream_says_when_findings_change() -> None:
    torch.manual_seed(0)
    storage = InMemoryStatsStorage()
    model = torch.nn.Sequential(torch.nn.Linear(8, 32), torch.nn.ReLU(), torch.nn.Linear(32, 1))
    opt = torch.optim.SGD(model.parameters(), lr=0.5)
    listener = StatsListener(storage, frequency=5, session_id="diverging", close_sinks=False)
    listener.attach(model, opt)
    with UIServer(port=0) as server:
        server.attach(storage)
        time.sleep(1.5)  # the watcher has polled once: it reports what changes from now on
        with SseClient(server.url, "/api/v1/events?session=diverging", timeout=20) as client:
            _train(listener, model, opt, 200)
            listener.close()
            events = []
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:
                event = client.next()
                if event.event == "findings":
                    events.append(event.json())
                    now = _findings(server.url)
                    if event.json()["total"] == len(now["findings"]) and now["reports_seen"] == 40:
                        break
    assert events, "no findings event came"
    for body in events:
        validate_component("FindingsEvent", body)
        assert body["session_id"] == "diverging" and body["worker_id"] == storage.list_workers("diverging")[0]
    last = events[-1]
    assert last["total"] == len(_expected(storage))
    assert last["counts"]["warning"] + last["counts"]["error"] > 0


def _file_run(path: Path, **kw: object) -> FileStatsStorage:
    torch.manual_seed(0)
    storage = FileStatsStorage(path, **kw)  # type: ignore[arg-type]
    model = torch.nn.Sequential(torch.nn.Linear(8, 32), torch.nn.ReLU(), torch.nn.Linear(32, 1))
    opt = torch.optim.SGD(model.parameters(), lr=0.5)
    listener = StatsListener(storage, frequency=5, session_id="diverging")
    listener.attach(model, opt)
    _train(listener, model, opt, 100)
    listener.close()  # closes the storage: its findings are in the file
    return storage


def test_a_file_with_current_stored_findings_is_answered_from_them(tmp_path: Path) -> None:
    path = tmp_path / "run.fitscope"
    _file_run(path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE findings SET json = json_set(json, '$.message', 'as stored')")
    conn.commit()
    conn.close()
    with FileStatsStorage(path, read_only=True) as storage, UIServer(port=0) as server:
        server.attach(storage)
        doc = _findings(server.url)
        assert doc["findings"] and {f["message"] for f in doc["findings"]} == {"as stored"}
        assert doc["reports_seen"] == 20


def test_a_file_without_stored_findings_is_diagnosed_by_the_server(tmp_path: Path) -> None:
    path = tmp_path / "run.fitscope"
    _file_run(path, diagnostics=False)
    with FileStatsStorage(path, read_only=True) as storage, UIServer(port=0) as server:
        server.attach(storage)
        doc = _findings(server.url)
        assert doc["findings"] and doc["reports_seen"] == 20
        found = diagnose_stream(storage, "diverging", storage.list_workers("diverging")[0])
        order = {"error": 0, "warning": 1, "info": 2}
        found.sort(key=lambda f: (order[f.severity], f.first_iteration, f.rule))
        assert doc["findings"] == [f.to_json() for f in found]
