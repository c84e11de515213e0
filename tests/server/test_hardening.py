"""What a user hits first, with real runs, a real server and real files (issue 8).

* a final partial report (``frequency=7`` for 90 iterations) keeps the run's history in the views;
* a storage closed by its listener stays shown, and its sessions say they ended;
* the overview names the first non-finite value;
* a damaged session is listed with an error and its views answer an error object, the other
  sessions unaffected;
* numbers in parameters and ``Last-Event-ID`` are parsed strictly;
* security headers, the Host check of a loopback server, and a timeout for half-sent requests.
"""

from __future__ import annotations

import socket
import sqlite3
import time
import urllib.parse
from pathlib import Path
from typing import Any

import pytest
import torch

from fitscope import FileStatsStorage, InMemoryStatsStorage, StatsListener
from fitscope.records import StaticInfo, StatsReport
from fitscope.server import UIServer
from fitscope.storage.base import StatsStorage

from .conftest import FILE_SESSION, NAN_SCORE_AT, model
from .helpers import SseClient, request, validate_answer, validate_component

FREQUENCY, STEPS = 7, 90
LAST_FULL = STEPS // FREQUENCY * FREQUENCY  # 84: the last report of a full window


def get(ui: UIServer, path: str, status: int = 200) -> Any:
    answer = request(ui.url + path)
    assert answer.status == status, answer.body
    return validate_answer(path.partition("?")[0], answer)


def train_partial(storage: StatsStorage, session: str, *, close_sinks: bool = True) -> None:
    """``frequency=7`` for 90 iterations: 12 full reports, then close() writes a partial one at 90."""
    torch.manual_seed(0)
    net = model()
    opt = torch.optim.SGD(net.parameters(), lr=0.05)
    listener = StatsListener(
        storage, frequency=FREQUENCY, session_id=session, worker_id="w", close_sinks=close_sinks, max_overhead=None
    )
    listener.attach(net, opt, example_input=torch.randn(3, 4))
    for _ in range(STEPS):
        opt.zero_grad()
        loss = net(torch.randn(3, 4)).pow(2).mean()
        loss.backward()
        opt.step()
        listener.iteration_done(loss, batch_size=3)
    listener.close()


def sessions(ui: UIServer) -> dict[str, dict[str, Any]]:
    return {s["session_id"]: s for s in get(ui, "/api/v1/sessions")["sessions"]}


@pytest.mark.parametrize("kind", ["file", "memory"])
def test_a_final_partial_report_keeps_the_history_in_the_views(tmp_path: Path, kind: str) -> None:
    storage: StatsStorage = FileStatsStorage(tmp_path / "run.fitscope") if kind == "file" else InMemoryStatsStorage()
    with UIServer(port=0) as ui:
        ui.attach(storage)
        train_partial(storage, "partial")  # closes the storage, as the README's example does
        with FileStatsStorage(tmp_path / "run.fitscope", read_only=True) if kind == "file" else storage as check:
            latest = check.get_latest_update("partial", "w")
        assert latest is not None and latest.iteration == STEPS
        assert "updates" not in latest.summaries  # the partial window has no update: fine, but not a reason to forget

        overview = get(ui, "/api/v1/overview?session=partial")
        weights = ["0.weight", "2.weight"]
        assert sorted(overview["ratios"]) == weights
        assert overview["ratios"]["0.weight"]["iterations"][-1] == LAST_FULL
        assert sorted(overview["stdev"]["updates"]) == weights
        assert sorted(overview["stdev"]["gradients"]) == weights
        assert sorted(overview["stdev"]["activations"]) == ["0", "1", "2"]

        layer = get(ui, "/api/v1/layer?session=partial&layer=0")
        assert sorted(layer["mean_magnitudes"]["updates"]) == ["0.bias", "0.weight"]
        assert sorted(layer["mean_magnitudes"]["ratios"]) == ["0.bias", "0.weight"]
        assert layer["activations"] is not None
        shown = layer["latest"]
        assert shown["iteration"] == STEPS
        assert shown["summary_iterations"] == {
            "parameters": STEPS,
            "gradients": STEPS,
            "updates": LAST_FULL,  # the latest report that has them, and it says which
            "activations": LAST_FULL,
        }
        assert sorted(shown["updates"]) == ["0.bias", "0.weight"]
        assert shown["updates"]["0.weight"]["histogram"] is not None
        assert shown["activations"]["histogram"] is not None


def test_the_readme_example_keeps_showing_a_run_after_listener_close(tmp_path: Path) -> None:
    path = tmp_path / "runs" / "demo.fitscope"
    storage = FileStatsStorage(path)
    with UIServer(port=0) as ui:
        ui.attach(storage)
        torch.manual_seed(0)
        net = model()
        opt = torch.optim.SGD(net.parameters(), lr=0.05)
        listener = StatsListener(storage, frequency=1, session_id="readme", worker_id="w")  # close_sinks=True
        listener.attach(net, opt, example_input=torch.randn(3, 4))
        for _ in range(5):
            opt.zero_grad()
            net(torch.randn(3, 4)).pow(2).mean().backward()
            opt.step()
            listener.iteration_done(net(torch.randn(3, 4)).pow(2).mean().detach(), batch_size=3)
        listener.flush()
        deadline = time.monotonic() + 10
        while sessions(ui).get("readme", {}).get("num_reports") != 5 and time.monotonic() < deadline:
            time.sleep(0.05)
        live = sessions(ui)["readme"]
        assert (live["state"], live["error"], live["sources"]) == ("live", None, [str(path)])

        listener.close()
        assert storage.closed
        ended = sessions(ui)["readme"]
        assert ended["state"] == "ended" and ended["num_reports"] == 5
        for route in ("overview", "graph", "layer", "system", "metrics"):
            extra = "&layer=0" if route == "layer" else ""
            get(ui, f"/api/v1/{route}?session=readme{extra}")
        assert get(ui, "/api/v1/overview?session=readme")["info"]["iterations"] == 5


def test_states_of_memory_sessions_and_sessions_newest_first() -> None:
    old, new = InMemoryStatsStorage(), InMemoryStatsStorage()
    now = time.time_ns() // 1_000_000
    old.put_static_info(StaticInfo("old", "w", now - 3_600_000))
    old.put_update(StatsReport("old", "w", now - 3_500_000, 1, score=1.0))
    new.put_static_info(StaticInfo("new", "w", now))
    new.put_update(StatsReport("new", "w", now, 1, score=1.0))
    with UIServer(port=0) as ui:
        ui.attach(old)
        ui.attach(new)
        listed = get(ui, "/api/v1/sessions")["sessions"]
        assert [(s["session_id"], s["state"]) for s in listed] == [("new", "live"), ("old", "stalled")]
        assert listed[0]["sources"] == ["memory #2"]
        new.close()  # its writer closed in this process: ended, and still readable
        assert sessions(ui)["new"]["state"] == "ended"
        get(ui, "/api/v1/overview?session=new")
    old.close()


def test_two_files_holding_one_session_are_merged_visibly(tmp_path: Path) -> None:
    a, b = tmp_path / "a.fitscope", tmp_path / "b.fitscope"
    for path in (a, b):
        with FileStatsStorage(path) as storage:
            storage.put_static_info(StaticInfo("same", "w", 1_700_000_000_000))
    with FileStatsStorage(a, read_only=True) as ra, FileStatsStorage(b, read_only=True) as rb, UIServer(port=0) as ui:
        ui.attach(ra)
        ui.attach(rb)
        listed = get(ui, "/api/v1/sessions")["sessions"]
        assert len(listed) == 1
        assert listed[0]["sources"] == [str(a), str(b)]
        assert listed[0]["state"] == "ended"  # files nothing wrote since the server opened them


def test_overview_names_the_first_non_finite_value(server: UIServer) -> None:
    info = get(server, f"/api/v1/overview?session={FILE_SESSION}&worker=w0")["info"]
    assert info["first_nonfinite"] == {"iteration": NAN_SCORE_AT, "kind": "score", "name": None, "value": "NaN"}
    clean = InMemoryStatsStorage()
    clean.put_update(StatsReport("clean", "w", 1, 1, score=1.0))
    with UIServer(port=0) as ui:
        ui.attach(clean)
        assert get(ui, "/api/v1/overview")["info"]["first_nonfinite"] is None
    clean.close()


def test_a_damaged_session_is_listed_with_its_error_and_the_others_work(tmp_path: Path) -> None:
    path = tmp_path / "damaged.fitscope"
    with FileStatsStorage(path) as storage:
        train_partial(storage, "good", close_sinks=False)
        train_partial(storage, "bad", close_sinks=False)
    with sqlite3.connect(path) as conn:  # one damaged row: a report's fields column holds garbage
        conn.execute(
            "UPDATE reports SET fields = '{not json' WHERE stream = (SELECT id FROM streams WHERE session_id = 'bad')"
        )
    with FileStatsStorage(path, read_only=True) as reader, UIServer(port=0) as ui:
        ui.attach(reader)
        listed = sessions(ui)
        assert listed["good"]["state"] == "live" and listed["good"]["error"] is None  # written just now
        bad = listed["bad"]
        assert bad["state"] == "error" and bad["error"]["code"] == "corrupt_file"
        assert str(path) in bad["error"]["message"]
        for route in ("overview", "layer", "system"):
            extra = "&layer=0" if route == "layer" else ""
            answer = request(f"{ui.url}/api/v1/{route}?session=bad{extra}")
            assert answer.status == 500
            error = validate_answer(f"/api/v1/{route}", answer)["error"]
            assert error["code"] == "corrupt_file" and str(path) in error["message"]
            get(ui, f"/api/v1/{route}?session=good{extra}")
        assert get(ui, "/api/v1/overview")["session_id"] == "good"  # the default skips the damaged one


@pytest.mark.parametrize("value", ["1" * 5000, "²", "٣", "+5", " 5", "5_0", "-2"])
def test_max_points_is_parsed_strictly(server: UIServer, value: str) -> None:
    answer = request(server.url + f"/api/v1/overview?max_points={urllib.parse.quote(value)}")
    assert answer.status == 400, answer.body
    assert validate_answer("/api/v1/overview", answer)["error"]["code"] == "bad_parameter"


@pytest.mark.parametrize("number", ["²", "1" * 5000, "٣", "-1"])
def test_a_malformed_last_event_id_gets_a_reset_not_an_internal_error(number: str) -> None:
    storage = InMemoryStatsStorage()
    with UIServer(port=0) as ui:
        ui.attach(storage)
        with SseClient(ui.url, "/api/v1/events") as first:
            storage.put_update(StatsReport("s", "w", 1, 1, score=1.0))
            instance = first.next().id.rpartition("-")[0]  # type: ignore[union-attr]
        last = f"{instance}-{number}".encode().decode("latin-1")  # http.client sends headers as latin-1
        with SseClient(ui.url, "/api/v1/events", headers={"Last-Event-ID": last}) as client:
            assert client.status == 200
            event = client.next()
            assert event.event == "reset" and "internal_error" not in event.data, event.data
    storage.close()


def test_security_headers_and_frame_ancestors(server: UIServer) -> None:
    answer = request(server.url + "/api/v1/sessions")
    assert answer.headers["X-Content-Type-Options"] == "nosniff"
    error = request(server.url + "/api/v1/nowhere")
    assert error.headers["X-Content-Type-Options"] == "nosniff"
    page = request(server.url + "/train/overview")
    assert "frame-ancestors 'self'" in page.headers["Content-Security-Policy"]
    with UIServer(port=0, frame_ancestors=["https://portal.example", "'self'"]) as ui:
        csp = request(ui.url + "/train/model").headers["Content-Security-Policy"]
        assert csp.endswith("; frame-ancestors https://portal.example 'self'")
    with pytest.raises(ValueError, match="frame-ancestors"):
        UIServer(port=0, frame_ancestors=["https://a.example; script-src *"])


def test_a_loopback_server_refuses_other_host_names(runs: Any) -> None:
    with UIServer(port=0, allowed_hosts=["box.lan"]) as ui:
        ui.attach(runs.memory)
        port = ui.port
        for host in ("evil.example", f"evil.example:{port}", f"127.0.0.1.nip.io:{port}", "[fe80::1]"):
            answer = request(ui.url + "/api/v1/sessions", headers={"Host": host})
            assert answer.status == 403, host
            error = validate_answer("/api/v1/sessions", answer)["error"]
            assert error["code"] == "host_not_allowed" and "--allow-host" in error["message"]
            assert request(ui.url + "/train/overview", headers={"Host": host}).status == 403
        for host in (f"127.0.0.1:{port}", f"localhost:{port}", "LOCALHOST", f"[::1]:{port}", "127.5.6.7", "box.lan:80"):
            assert request(ui.url + "/api/v1/sessions", headers={"Host": host}).status == 200, host


def test_a_half_sent_request_is_closed_after_the_header_timeout() -> None:
    with UIServer(port=0, header_timeout_s=1.0) as ui, socket.create_connection(("127.0.0.1", ui.port)) as sock:
        sock.sendall(b"GET /api/v1/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")  # never ends its headers
        sock.settimeout(10)
        started = time.monotonic()
        assert sock.recv(1024) == b""  # closed by the server, with nothing sent
        assert time.monotonic() - started < 5


def test_event_streams_say_when_a_run_ends() -> None:
    storage = InMemoryStatsStorage()
    storage.put_update(StatsReport("ending", "w", time.time_ns() // 1_000_000, 1, score=1.0))
    with UIServer(port=0) as ui:
        ui.attach(storage)
        assert sessions(ui)["ending"]["state"] == "live"
        time.sleep(1.5)  # the server has seen the live state
        with SseClient(ui.url, "/api/v1/events?session=ending", timeout=10) as client:
            storage.close()  # the writer closes: the run ended
            event = client.next()
            assert event.event == "state" and event.id is None
            assert event.json() == {"kind": "state", "session_id": "ending", "state": "ended"}
            validate_component("StateEvent", event.json())


def test_the_header_timeout_leaves_event_streams_and_whole_requests_alone() -> None:
    storage = InMemoryStatsStorage()
    with UIServer(port=0, header_timeout_s=1.0, keepalive_s=0.3) as ui:
        ui.attach(storage)
        with SseClient(ui.url, "/api/v1/events", timeout=5) as client:
            started = time.monotonic()
            keepalives = 0
            while time.monotonic() - started < 2.5:  # past the timeout: the stream stays open
                keepalives += client.next(skip_comments=False).comments.count("keep-alive")
            assert keepalives >= 5
        assert get(ui, "/api/v1/sessions") == {"sessions": []}
    storage.close()
