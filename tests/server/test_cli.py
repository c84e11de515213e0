"""``fitscope.server.cli.serve``: files opened read-only, the URL printed, served until Ctrl-C."""

from __future__ import annotations

import hashlib
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from fitscope.errors import NotAFitscopeFileError, StorageFileError
from fitscope.server.cli import serve
from fitscope.storage.snapshot import snapshot

from .conftest import FILE_SESSION, Runs
from .helpers import request

SERVE = "import sys; from fitscope.server.cli import serve; sys.exit(serve(sys.argv[1:], '127.0.0.1', 0, []))"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.slow
def test_serve_prints_the_url_and_stops_on_ctrl_c(runs: Runs, tmp_path: Path) -> None:
    copy = tmp_path / "copy.fitscope"
    snapshot(runs.path, copy)  # a self-contained copy: no WAL, so its bytes say whether anything wrote
    before = digest(copy)
    proc = subprocess.Popen(
        [sys.executable, "-c", SERVE, str(copy)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,  # not the checkout: its ./fitscope would hide the installed fitscope.server
        # A suite run as a background job ignores SIGINT, and children inherit that: restore it.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        assert line.startswith("fitscope UI: http://127.0.0.1:") and line.endswith("/train/overview"), line
        base = line.removeprefix("fitscope UI: ").removesuffix("/train/overview")
        sessions = request(base + "/api/v1/sessions").json()["sessions"]
        assert [s["session_id"] for s in sessions] == [FILE_SESSION]
        assert request(base + "/api/v1/overview").status == 200
        proc.send_signal(signal.SIGINT)
        assert proc.wait(60) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate()
    assert digest(copy) == before  # read-only: the file was never written


def test_serve_raises_the_storages_own_error_for_a_bad_file(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("not a fitscope file")
    with pytest.raises(NotAFitscopeFileError):
        serve([str(text)], "127.0.0.1", 0, [])
    with pytest.raises(StorageFileError):
        serve([str(tmp_path / "missing.fitscope")], "127.0.0.1", 0, [])
