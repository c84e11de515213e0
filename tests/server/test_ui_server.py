"""UIServer: a background thread with its own loop, port 0, a clear error for a port in use, attach/detach."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from fitscope import InMemoryStatsStorage
from fitscope.errors import FitscopeError
from fitscope.records import StaticInfo
from fitscope.server import ServerError, UIServer

from .helpers import request


def sessions(ui: UIServer) -> list[str]:
    return [s["session_id"] for s in request(ui.url + "/api/v1/sessions").json()["sessions"]]


def test_start_in_the_background_on_a_free_port_and_stop() -> None:
    ui = UIServer(port=0)
    assert not ui.is_running
    assert ui.start() is ui and ui.is_running
    assert ui.port != 0 and ui.url == f"http://127.0.0.1:{ui.port}"
    assert any(t.name.startswith("fitscope-ui") for t in threading.enumerate())
    assert request(ui.url + "/api/v1/sessions").json() == {"sessions": []}
    ui.start()  # idempotent
    ui.stop()
    assert not ui.is_running
    ui.stop()  # idempotent
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", ui.port), timeout=1).close()


def test_a_port_in_use_is_one_clear_line() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        ui = UIServer(port=port)
        with pytest.raises(ServerError) as info:
            ui.start()
    message = str(info.value)
    assert isinstance(info.value, FitscopeError)
    assert "\n" not in message and str(port) in message and "in use" in message and "port=0" in message
    assert not ui.is_running


def test_bad_port_is_refused() -> None:
    with pytest.raises(ValueError, match="65535"):
        UIServer(port=70000)


def test_attach_before_and_after_start_and_detach() -> None:
    early, late = InMemoryStatsStorage(), InMemoryStatsStorage()
    early.put_static_info(StaticInfo("early", "w", 1))
    late.put_static_info(StaticInfo("late", "w", 2))
    with UIServer(port=0) as ui:
        ui.attach(early)
        ui.attach(early)  # once is enough
        assert sessions(ui) == ["early"]
        ui.attach(late)
        assert sessions(ui) == ["late", "early"]  # newest first
        assert request(ui.url + "/api/v1/overview").json()["session_id"] == "late"  # the newest
        ui.detach(early)
        assert sessions(ui) == ["late"] and ui.storages == (late,)
    with UIServer(port=0) as again:  # a new server: the storages were left open and readable
        again.attach(early)
        assert sessions(again) == ["early"]
    early.close()
    late.close()


def test_not_a_storage_is_refused() -> None:
    with pytest.raises(TypeError, match="StatsStorage"):
        UIServer(port=0).attach(object())  # type: ignore[arg-type]


def test_runs_beside_the_callers_event_loop() -> None:
    async def main() -> int:
        with UIServer(port=0) as ui:
            loop = asyncio.get_running_loop()
            answer = await loop.run_in_executor(None, request, ui.url + "/api/v1/sessions")
            return answer.status

    assert asyncio.run(main()) == 200


def test_get_instance_is_a_started_singleton(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(UIServer, "_instance", None)
    ui = UIServer.get_instance(port=0)
    try:
        assert ui.is_running and UIServer.get_instance() is ui
    finally:
        ui.stop()


def test_a_missing_dependency_names_the_extra(tmp_path: Path) -> None:
    code = "import sys; sys.modules['tsdownsample'] = None; import fitscope.server"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert out.returncode == 1
    assert "MissingDependencyError" in out.stderr and 'pip install "fitscope[server]"' in out.stderr
