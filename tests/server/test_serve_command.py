"""``fitscope serve`` as a user runs it: a subprocess, its stdout and stderr, a real server and files."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from fitscope import FileStatsStorage
from fitscope.records import StaticInfo, StatsReport

from .helpers import request

pytestmark = pytest.mark.slow


def _sigint_default() -> None:  # a test run as a background job ignores SIGINT: its children must not
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def fitscope(*args: str, cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "fitscope", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=cwd,  # not the checkout: its ./fitscope would hide the installed fitscope.server
        preexec_fn=_sigint_default,
    )


@contextmanager
def serving(*args: str, cwd: Path) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """``fitscope serve ARGS --port 0``: the process and its base URL; stopped with Ctrl-C (exit 0)."""
    proc = fitscope("serve", *args, "--port", "0", cwd=cwd)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        assert line.startswith("fitscope UI: http://127.0.0.1:"), (line, proc.stderr.read() if proc.stderr else "")
        yield proc, line.removeprefix("fitscope UI: ").removesuffix("/train/overview")
        proc.send_signal(signal.SIGINT)
        assert proc.wait(20) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate()


def session_ids(base: str) -> list[str]:
    return [s["session_id"] for s in request(base + "/api/v1/sessions").json()["sessions"]]


def write_session(path: Path, session: str) -> None:
    with FileStatsStorage(path) as storage:
        storage.put_static_info(StaticInfo(session, "w", 1_700_000_000_000))
        storage.put_update(StatsReport(session, "w", 1_700_000_000_001, 1, score=1.0))


def wait_for_sessions(base: str, expected: list[str]) -> None:
    deadline = time.monotonic() + 10
    while session_ids(base) != expected and time.monotonic() < deadline:
        time.sleep(0.1)
    assert session_ids(base) == expected


def test_help_says_what_happens_to_a_missing_file(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "fitscope", "serve", "--help"], capture_output=True, text=True, cwd=tmp_path, check=True
    ).stdout
    flat = " ".join(out.split())
    assert "does not exist yet" in flat and "waited for" in flat
    for option in ("--create", "--no-wait", "--frame-ancestor", "--allow-host", "0 picks a free one"):
        assert option in flat


def test_serve_waits_for_a_file_that_does_not_exist_yet(tmp_path: Path) -> None:
    path = tmp_path / "runs" / "later.fitscope"
    with serving(str(path), cwd=tmp_path) as (proc, base):
        assert proc.stdout is not None
        waiting = proc.stdout.readline().strip()
        assert waiting.startswith(f"fitscope: waiting for {path} to appear"), waiting
        assert session_ids(base) == []
        write_session(path, "late-run")  # training starts after the UI
        assert proc.stdout.readline().strip() == f"fitscope: {path} appeared: showing it"
        wait_for_sessions(base, ["late-run"])
        assert request(base + "/api/v1/overview").json()["session_id"] == "late-run"


def test_create_makes_an_empty_file_that_training_appends_to(tmp_path: Path) -> None:
    path = tmp_path / "new.fitscope"
    with serving(str(path), "--create", cwd=tmp_path) as (_, base):
        assert path.is_file() and session_ids(base) == []
        write_session(path, "appended")
        wait_for_sessions(base, ["appended"])


def test_no_wait_refuses_a_missing_file_in_one_line(tmp_path: Path) -> None:
    proc = fitscope("serve", str(tmp_path / "missing.fitscope"), "--no-wait", "--port", "0", cwd=tmp_path)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 2, (out, err)
    assert err.startswith("fitscope: error: ") and err.count("\n") == 1, err
    assert "missing.fitscope" in err and "Traceback" not in err
    assert "--create" in err and "read_only" not in err  # the CLI's words, not the Python API's


def test_two_files_holding_one_session_are_merged_visibly(tmp_path: Path) -> None:
    a, b = tmp_path / "a.fitscope", tmp_path / "b.fitscope"
    write_session(a, "same")
    write_session(b, "same")
    with serving(str(a), str(b), cwd=tmp_path) as (proc, base):
        assert proc.stdout is not None
        note = proc.stdout.readline().strip()
        assert note.startswith("fitscope: session 'same' is in 2 files") and str(a) in note and str(b) in note, note
        (session,) = request(base + "/api/v1/sessions").json()["sessions"]
        assert session["sources"] == [str(a), str(b)]


def test_a_port_in_use_speaks_the_clis_language(tmp_path: Path) -> None:
    path = tmp_path / "run.fitscope"
    write_session(path, "run")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        proc = fitscope("serve", str(path), "--port", str(port), cwd=tmp_path)
        out, err = proc.communicate(timeout=60)
    assert proc.returncode == 2, (out, err)
    assert f"port {port} is already in use" in err and "--port 0 picks a free one" in err, err
    assert "port=0" not in err and err.count("\n") == 1


def test_frame_ancestor_and_allow_host(tmp_path: Path) -> None:
    path = tmp_path / "run.fitscope"
    write_session(path, "run")
    with serving(str(path), "--frame-ancestor", "https://portal.example", "--allow-host", "box.lan", cwd=tmp_path) as (
        _,
        base,
    ):
        page = request(base + "/train/overview")
        assert page.headers["Content-Security-Policy"].endswith("frame-ancestors 'self' https://portal.example")
        assert request(base + "/api/v1/sessions", headers={"Host": "box.lan:9000"}).status == 200
        refused = request(base + "/api/v1/sessions", headers={"Host": "evil.example"})
        assert refused.status == 403 and refused.json()["error"]["code"] == "host_not_allowed"


def test_a_folder_shows_every_file_under_it_and_new_ones(tmp_path: Path) -> None:
    runs = tmp_path / "runs"
    (runs / "nested").mkdir(parents=True)
    write_session(runs / "a.fitscope", "run-a")
    write_session(runs / "nested" / "b.fitscope", "run-b")
    (runs / "notes.txt").write_text("not a run")
    (runs / "junk.fitscope").write_bytes(b"this is not SQLite" * 10)
    with serving(str(runs), cwd=tmp_path) as (proc, base):
        assert proc.stdout is not None and proc.stderr is not None
        assert proc.stdout.readline().strip() == (
            f"fitscope: showing the 3 fitscope file(s) under {runs}; new ones are shown as they appear"
        )
        junk = proc.stderr.readline()
        assert junk.startswith("fitscope: error: ") and "junk.fitscope" in junk
        assert sorted(session_ids(base)) == ["run-a", "run-b"]
        later = runs / "nested" / "deeper" / "c.fitscope"
        later.parent.mkdir()
        write_session(later, "run-c")  # a run started after the UI, in a new subfolder
        assert proc.stdout.readline().strip() == f"fitscope: {later} appeared: showing it"
        deadline = time.monotonic() + 10
        while sorted(session_ids(base)) != ["run-a", "run-b", "run-c"] and time.monotonic() < deadline:
            time.sleep(0.1)
        assert sorted(session_ids(base)) == ["run-a", "run-b", "run-c"]
