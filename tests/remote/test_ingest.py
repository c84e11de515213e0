"""POST /api/v1/ingest over real HTTP: off by default, the token, limits, validation, all or nothing."""

from __future__ import annotations

import gzip
import http.client
import json
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import zlib
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from fitscope import FileStatsStorage, InMemoryStatsStorage
from fitscope.exporters import RemoteStatsRouter
from fitscope.record_json import to_json_dict
from fitscope.server import UIServer
from fitscope.server.errors import ServerError
from fitscope.server.ingest import compile_validators
from fitscope.server.schemas import load_documents

from .conftest import (
    OPENAPI,
    REGISTRY,
    TOKEN,
    Answer,
    Hub,
    free_port,
    records,
    report,
    sent_json,
    static,
    stored_json,
    wait_for,
)


def request(url: str, data: bytes | None = None, headers: dict[str, str] | None = None, method: str = "GET") -> Answer:
    """One request; HTTP errors are answers too."""
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=60) as resp:
            return Answer(resp.status, dict(resp.headers), resp.read())
    except urllib.error.HTTPError as exc:
        return Answer(exc.code, dict(exc.headers), exc.read())


def post(url: str, body: bytes | dict[str, Any], *, token: str | None = TOKEN, **headers: str) -> Answer:
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    all_headers = {"Content-Type": "application/json", **headers}
    if token is not None:
        all_headers["Authorization"] = f"Bearer {token}"
    return request(url + "/api/v1/ingest", data=data, headers=all_headers, method="POST")


def batch(recs: list[Any]) -> dict[str, Any]:
    return {"records": [r if isinstance(r, dict) else to_json_dict(r) for r in recs]}


def _error(answer: Answer, status: int, code: str) -> str:
    assert answer.status == status, (answer.status, answer.body[:300])
    doc = answer.json()
    jsonschema.Draft202012Validator(
        {"$ref": "https://fitscope.invalid/schemas/v1/openapi.json#/components/schemas/Error"}, registry=REGISTRY
    ).validate(doc)
    assert doc["error"]["code"] == code and doc["error"]["status"] == status
    assert str(status) in OPENAPI["paths"]["/api/v1/ingest"]["post"]["responses"]
    message: str = doc["error"]["message"]
    return message


def test_the_remote_listener_is_off_by_default_and_says_how_to_turn_it_on(tmp_path: Path) -> None:
    with UIServer(port=0) as server:
        message = _error(post(server.url, batch([static("s", "w")])), 403, "remote_disabled")
    assert "--remote" in message and "enable_remote_listener" in message
    assert "/api/v1/ingest" in OPENAPI["paths"]


def test_a_stored_batch_answers_what_openapi_describes_and_is_shown_live(hub: Hub) -> None:
    storage = hub.server.remote_storage
    assert storage is hub.storage
    seen: list[str] = []
    sessions = request(hub.url + "/api/v1/sessions").json()
    assert sessions["sessions"] == []
    answer = post(hub.url, batch(records("live", "w0", 15)))
    assert answer.status == 200
    doc = answer.json()
    jsonschema.Draft202012Validator(
        {"$ref": "https://fitscope.invalid/schemas/v1/openapi.json#/components/schemas/IngestResult"},
        registry=REGISTRY,
    ).validate(doc)
    assert doc == {"stored": 17}

    def listed() -> bool:
        found = request(hub.url + "/api/v1/sessions").json()["sessions"]
        seen[:] = [s["session_id"] for s in found]
        return seen == ["live"]

    wait_for(listed, what="the session in the sessions route")
    overview = request(hub.url + "/api/v1/overview?session=live").json()
    assert overview["score"]["iterations"] == list(range(1, 16))


def test_the_token_is_required_and_compared(hub: Hub) -> None:
    missing = post(hub.url, batch([static("s", "w")]), token=None)
    assert "FITSCOPE_TOKEN" in _error(missing, 401, "unauthorized")
    assert missing.headers.get("WWW-Authenticate", "").startswith("Bearer")
    assert "not this hub's" in _error(post(hub.url, batch([static("s", "w")]), token="guess"), 401, "unauthorized")
    basic = post(hub.url, batch([static("s", "w")]), token=None, Authorization="Basic dXNlcjpwYXNz")
    _error(basic, 401, "unauthorized")
    assert hub.storage.list_sessions() == []


def test_bodies_that_are_not_a_batch_get_400_and_store_nothing(hub: Hub) -> None:
    assert "not JSON" in _error(post(hub.url, b"{records: "), 400, "bad_json")
    _error(post(hub.url, b'{"records": [1, 2], "extra": 1}'), 400, "bad_batch")
    _error(post(hub.url, b"[]"), 400, "bad_batch")
    nan = b'{"records": [{"record": "metrics", "values": {"x": NaN}}]}'
    _error(post(hub.url, nan), 400, "bad_json")  # a NaN literal is not JSON: non-finite values are strings
    garbled = post(hub.url, b"\x1f\x8b\x08\x00garbage", **{"Content-Encoding": "gzip"})
    assert garbled.status == 400
    text = post(hub.url, b"hello", **{"Content-Type": "text/plain"})
    assert "application/json" in _error(text, 415, "unsupported_media_type")
    assert hub.storage.list_sessions() == []


@pytest.mark.parametrize(
    ("mutate", "field"),
    [
        (lambda d: d.update(iteration=-1), "iteration"),
        (lambda d: d.update(iteration="12"), "iteration"),
        (lambda d: d.pop("worker_id"), "worker_id"),
        (lambda d: d.update(score="nan"), "score"),
        (lambda d: d["summaries"]["parameters"]["l0.weight"].update(count=-3), "count"),
        (lambda d: d["summaries"]["parameters"]["l0.weight"].update(surprise=1), "surprise"),
        (lambda d: d["summaries"]["gradients"]["l1.weight"]["histogram"].update(counts=[1, "x"]), "histogram"),
        (lambda d: d.update(record="stats_reports"), "record"),
    ],
)
def test_an_invalid_record_is_named_with_its_field_and_nothing_of_its_batch_is_stored(
    hub: Hub, mutate: Any, field: str
) -> None:
    good = [to_json_dict(r) for r in records("bad", "w0", 5)]
    broken = to_json_dict(report("bad", "w0", 6))
    mutate(broken)
    message = _error(post(hub.url, batch([*good, broken])), 400, "invalid_record")
    assert message.startswith("Record 6 of the batch"), message
    assert field in message, message
    if "worker_id" in broken and broken.get("record") == "stats_report":
        assert "'bad'" in message and "'w0'" in message
    assert hub.storage.list_sessions() == []  # the 6 valid records before it were not stored either


def test_other_workers_are_not_affected_by_one_that_posts_badly(hub: Hub, tmp_path: Path) -> None:
    good = RemoteStatsRouter(hub.url, token=TOKEN, spool_dir=tmp_path / "a", max_delay_s=0.05)
    wrong = RemoteStatsRouter(hub.url, token="wrong", spool_dir=tmp_path / "b", max_delay_s=0.05)
    stop = threading.Event()

    def spam() -> None:
        while not stop.is_set():
            post(hub.url, b'{"records": [{"record": "epoch"}]}')
            post(hub.url, b"x" * 2000, token=None)

    thread = threading.Thread(target=spam)
    thread.start()
    sent = records("ok", "w0", 60)
    try:
        for r in sent:
            good.put_update(r) if hasattr(r, "summaries") else None
        for it in range(1, 30):
            wrong.put_update(report("ok", "intruder", it))
        assert good.close(30).pending_batches == 0
    finally:
        stop.set()
        thread.join()
    wrong.close(0.2)
    assert hub.storage.list_workers("ok") == ["w0"]
    assert stored_json(hub.storage, "ok", "w0")["reports"] == sent_json(sent)["reports"]


def test_a_body_over_the_limit_gets_413_whether_declared_or_compressed(tmp_path: Path) -> None:
    storage = InMemoryStatsStorage()
    server = UIServer(port=0)
    server.enable_remote_listener(storage, token=TOKEN, max_body_bytes=50_000)
    body = json.dumps(batch(records("big", "w", 40))).encode()
    assert len(body) > 50_000
    with server:
        assert "max_batch_bytes" in _error(post(server.url, body), 413, "body_too_large")
        packed = gzip.compress(body)
        assert len(packed) < 50_000
        _error(post(server.url, packed, **{"Content-Encoding": "gzip"}), 413, "body_too_large")
        bomb = zlib.compress(b" " * 100_000_000, 9)  # 100 MB of spaces in ~100 kB
        _error(post(server.url, bomb, **{"Content-Encoding": "deflate"}), 413, "body_too_large")
        small = records("big", "w", 3)
        ok = post(server.url, gzip.compress(json.dumps(batch(small)).encode()), **{"Content-Encoding": "gzip"})
        assert ok.status == 200 and ok.json() == {"stored": 4}
    assert storage.list_sessions() == ["big"] and storage.count_updates("big", "w") == 3


def test_a_storage_without_put_batch_is_filled_record_by_record(tmp_path: Path) -> None:
    storage = InMemoryStatsStorage()
    server = UIServer(port=0)
    server.enable_remote_listener(storage, token=TOKEN)
    sent = records("mem", "w", 20)
    with server:
        assert post(server.url, batch(sent)).json() == {"stored": len(sent)}
    assert [to_json_dict(r) for r in storage.iter_updates("mem", "w")] == sent_json(sent)["reports"]


def test_the_compiled_validators_agree_with_jsonschema_on_valid_and_broken_records() -> None:
    validators = compile_validators(load_documents())
    docs = [to_json_dict(r) for r in records("v", "w", 3)]
    cases: list[dict[str, Any]] = []
    for doc in docs:
        cases.append(doc)
        for key in list(doc):
            broken = json.loads(json.dumps(doc))
            broken.pop(key)
            cases.append(broken)
            typed = json.loads(json.dumps(doc))
            typed[key] = [] if not isinstance(doc[key], list) else "x"
            cases.append(typed)
    agreed = 0
    for case in cases:
        named = case.get("record")
        kind = named if isinstance(named, str) and named in validators else docs[0]["record"]
        schema = {"$ref": f"https://fitscope.invalid/schemas/v1/{kind}.schema.json"}
        expected = jsonschema.Draft202012Validator(schema, registry=REGISTRY).is_valid(case)
        why = validators[kind](case)
        assert (why is None) == expected, (kind, why, case)
        if why is not None:
            assert why.startswith("the record")
        agreed += 1
    assert agreed > 50


def _leaves(doc: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Paths of every value inside a JSON document (containers included)."""
    out = [path]
    if isinstance(doc, dict):
        for k, v in doc.items():
            out.extend(_leaves(v, (*path, k)))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            out.extend(_leaves(v, (*path, i)))
    return out


def _replaced(doc: Any, path: tuple[Any, ...], value: Any) -> Any:
    copy = json.loads(json.dumps(doc))
    if not path:
        return value
    node = copy
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return copy


def test_the_validators_agree_with_jsonschema_at_every_field_of_every_kind() -> None:
    """Each value of each record kind, swapped for values of every JSON type: same verdict as jsonschema."""
    validators = compile_validators(load_documents())
    swaps: list[Any] = [None, "x", "NaN", "-Infinity", -1, 0, 2.5, 3.0, True, [], [1], {}, {"a": 1}]
    samples = [to_json_dict(r) for r in records("v", "w", 50) if type(r).__name__ != "StatsReport"][:4]
    samples.append(to_json_dict(report("v", "w", 17, layers=1)))  # NaN score, nan counts, histograms
    checked = rejected = 0
    for doc in samples:
        kind = doc["record"]
        check = jsonschema.Draft202012Validator(
            {"$ref": f"https://fitscope.invalid/schemas/v1/{kind}.schema.json"}, registry=REGISTRY
        )
        for path in _leaves(doc):
            for swap in swaps:
                case = _replaced(doc, path, swap)
                why = validators[kind](case)
                assert (why is None) == check.is_valid(case), (kind, path, swap, why)
                checked += 1
                rejected += why is not None
    assert checked > 1500 and 0 < rejected < checked


def test_a_hub_on_another_address_needs_a_token_or_insecure(tmp_path: Path) -> None:
    server = UIServer(port=0, host="0.0.0.0")
    with pytest.raises(ServerError, match="--insecure"):
        server.enable_remote_listener(InMemoryStatsStorage())
    assert server.enable_remote_listener(InMemoryStatsStorage(), insecure=True) is None
    local = UIServer(port=0)
    made = local.enable_remote_listener(InMemoryStatsStorage())
    assert made is not None and len(made) >= 24 and local.remote_token == made
    with pytest.raises(ValueError, match="token"):
        local.enable_remote_listener(InMemoryStatsStorage(), token="two words")


def test_an_insecure_hub_takes_posts_without_a_token(tmp_path: Path) -> None:
    storage = InMemoryStatsStorage()
    server = UIServer(port=0)
    server.enable_remote_listener(storage, insecure=True)
    with server:
        assert post(server.url, batch([static("open", "w")]), token=None).status == 200
    assert storage.list_sessions() == ["open"]


def _serve(args: list[str], cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "fitscope", "serve", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _stop(process: subprocess.Popen[str]) -> None:
    process.terminate()
    process.communicate(timeout=30)


def _lines_until(process: subprocess.Popen[str], needle: str, timeout: float = 60) -> list[str]:
    assert process.stdout is not None
    lines: list[str] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line)
        if needle in line:
            return lines
    pytest.fail(f"{needle!r} never came; output: {''.join(lines)}")


def test_serve_remote_from_the_command_line(tmp_path: Path) -> None:
    port = free_port()
    hub = _serve(["--remote", "--port", str(port)], tmp_path)
    try:
        lines = _lines_until(hub, "token (made for this run")
        token = lines[-1].rsplit(": ", 1)[1].strip()
        assert any("runs/remote.fitscope" in line for line in lines)
        url = f"http://127.0.0.1:{port}"
        assert post(url, batch(records("cli", "w", 5)), token=token).status == 200
        assert post(url, batch(records("cli", "w", 5)), token="other").status == 401
    finally:
        _stop(hub)
    with FileStatsStorage(tmp_path / "runs" / "remote.fitscope", read_only=True) as kept:
        assert kept.count_updates("cli", "w") == 5

    (tmp_path / "token").write_text("from-a-file\n")
    hub = _serve(["--remote", "--port", str(port), "--token-file", "token", "--store", "hub.fitscope"], tmp_path)
    try:
        _lines_until(hub, "remote listener on")
        assert post(f"http://127.0.0.1:{port}", batch([static("f", "w")]), token="from-a-file").status == 200
    finally:
        _stop(hub)
    assert (tmp_path / "hub.fitscope").exists()

    refused = subprocess.run(
        [sys.executable, "-m", "fitscope", "serve", "--remote", "--host", "0.0.0.0", "--port", "0"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert refused.returncode != 0 and "--insecure" in refused.stderr
    misplaced = subprocess.run(
        [sys.executable, "-m", "fitscope", "serve", "x.fitscope", "--token", "t"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert misplaced.returncode != 0 and "only apply with --remote" in misplaced.stderr


def test_received_records_reach_an_open_event_stream_as_local_ones_do(hub: Hub) -> None:
    """A page's event stream hears of posted records (the hub's store is attached like a local file)."""
    connection = http.client.HTTPConnection("127.0.0.1", int(hub.url.rsplit(":", 1)[1]), timeout=30)
    connection.request("GET", "/api/v1/events")
    stream = connection.getresponse()
    assert stream.status == 200
    assert post(hub.url, batch(records("sse", "w0", 3))).status == 200
    kinds: list[str] = []
    deadline = time.monotonic() + 30
    while not {"static_info", "update"} <= set(kinds) and time.monotonic() < deadline:
        line = stream.readline().decode()
        if line.startswith("data: "):
            event = json.loads(line[6:])
            if event.get("session_id") == "sse":
                assert event["worker_id"] == "w0"
                kinds.append(event["kind"])
    connection.close()
    assert {"static_info", "update"} <= set(kinds)
