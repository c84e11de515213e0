"""The fitscope command, run as a real subprocess."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The demo's sessions are named after the network and the time they started.
DEMO_NAME = re.compile(r"^digits-(mlp|cnn) \d{4}-\d\d-\d\d \d\d:\d\d:\d\d$")


def fitscope(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fitscope", *args], capture_output=True, text=True, cwd=cwd, timeout=600
    )


@pytest.mark.slow
def test_demo_writes_a_file_that_info_reads_back(tmp_path: Path) -> None:
    out = tmp_path / "runs" / "demo.fitscope"
    result = fitscope("demo", "--out", str(out), "--epochs", "2", "--quiet")
    assert result.returncode == 0, result.stderr
    assert "digits-mlp " in result.stdout and "digits-cnn " in result.stdout
    info = fitscope("info", str(out), "--json")
    assert info.returncode == 0, info.stderr
    data = json.loads(info.stdout)
    names = sorted(s["session_name"] for s in data["sessions"])
    assert [DEMO_NAME.match(n).group(1) for n in names if DEMO_NAME.match(n)] == ["cnn", "mlp"], names
    for s in data["sessions"]:
        (worker,) = s["workers"]
        # 1437 training images / 32 per batch = 45 steps per epoch, 2 epochs
        assert worker["last_iteration"] == 90 and worker["reports"] == 9 and worker["epochs"] == 2
        assert isinstance(worker["last_score"], float)
        # The writer kept the run's findings in the file: what a fresh diagnosis finds.
        from fitscope.diagnostics import diagnose_stream
        from fitscope.storage import FileStatsStorage

        with FileStatsStorage(out, read_only=True) as storage:
            fresh = diagnose_stream(storage, s["session_id"], worker["worker_id"])
        want = {sev: sum(f.severity == sev for f in fresh) for sev in ("error", "warning", "info")}
        assert worker["findings"] == {**want, "through": 90}
    text = fitscope("info", str(out))
    assert text.returncode == 0 and "digits-cnn" in text.stdout and "last score" in text.stdout


def test_info_on_bad_input_exits_2_and_leaves_the_file_alone(tmp_path: Path) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("hello, this is not a database\n")
    before = bad.read_bytes()
    result = fitscope("info", str(bad))
    assert result.returncode == 2
    assert str(bad) in result.stderr and "Traceback" not in result.stderr
    assert bad.read_bytes() == before
    missing = fitscope("info", str(tmp_path / "nope.fitscope"))
    assert missing.returncode == 2 and "nope.fitscope" in missing.stderr
    assert not (tmp_path / "nope.fitscope").exists()


def test_bad_arguments_exit_2() -> None:
    assert fitscope("demo", "--model", "resnet").returncode == 2
    assert fitscope().returncode == 2


def test_version() -> None:
    result = fitscope("--version")
    assert result.returncode == 0 and result.stdout.startswith("fitscope ")


# ---------------------------------------------------------------------------------------- serve and demo --serve

FITSCOPE = str(Path(sys.executable).parent / "fitscope")  # the installed command (.venv/bin/fitscope)
URL_LINE = re.compile(r"^fitscope UI: (http://127\.0\.0\.1:(\d+))/train/overview$")


def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    req = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(req, timeout=30) as resp:
        return resp.status, dict(resp.headers), resp.read()


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The installed ``fitscope`` command, from a folder that is not the checkout."""
    return subprocess.run([FITSCOPE, *args], capture_output=True, text=True, cwd=cwd, timeout=120)


@pytest.fixture(scope="module")
def run_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A file a real StatsListener wrote: 6 iterations of a small network, session ``cli-run``."""
    import torch

    from fitscope import FileStatsStorage, StatsListener

    path = tmp_path_factory.mktemp("run") / "run.fitscope"
    torch.manual_seed(0)
    net = torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.ReLU(), torch.nn.Linear(8, 2))
    opt = torch.optim.SGD(net.parameters(), lr=0.1)
    listener = StatsListener(FileStatsStorage(path), frequency=1, session_id="cli-run")
    listener.attach(net, opt, example_input=torch.randn(3, 4))
    for _ in range(6):
        opt.zero_grad()
        loss = net(torch.randn(3, 4)).pow(2).mean()
        loss.backward()
        opt.step()
        listener.iteration_done(loss, batch_size=3)
    listener.close()
    return path


def restore_sigint() -> None:
    """``preexec_fn`` of a child that a test stops with Ctrl-C (SIGINT).

    A shell starts a background job (``make test > log 2>&1 &``) with SIGINT ignored, and a child
    inherits an ignored signal: Python then installs no KeyboardInterrupt handler and the SIGINT
    the test sends does nothing. The child restores the default first, so the test does not
    depend on how the suite was started.
    """
    signal.signal(signal.SIGINT, signal.SIG_DFL)


class Running:
    """A ``fitscope`` command running in the background; its first stdout line must be the UI's URL."""

    def __init__(
        self, args: list[str], cwd: Path, command: Sequence[str] = (FITSCOPE,), logs: Path | None = None
    ) -> None:
        self.stderr_path = (logs or cwd) / "stderr.txt"
        self._stderr = self.stderr_path.open("w")  # a file, not a pipe: the progress bar never blocks on it
        self.proc = subprocess.Popen(
            [*command, *args],
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            text=True,
            cwd=cwd,
            preexec_fn=restore_sigint,
        )
        assert self.proc.stdout is not None
        self.stdout = self.proc.stdout
        line = self.stdout.readline().strip()
        match = URL_LINE.match(line)
        assert match, f"first line {line!r}; stderr: {self.stderr_path.read_text()}"
        self.base, self.port = match.group(1), int(match.group(2))
        assert self.port != 0

    def interrupt(self, within: float = 60.0) -> int:
        """Ctrl-C; the exit code, which must come within ``within`` seconds."""
        self.proc.send_signal(signal.SIGINT)
        start = time.monotonic()
        code = self.proc.wait(within)
        assert time.monotonic() - start < within
        return code

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.communicate()
        self._stderr.close()


def sessions(base: str) -> list[dict[str, Any]]:
    status, _, body = get(base + "/api/v1/sessions")
    assert status == 200
    result: list[dict[str, Any]] = json.loads(body)["sessions"]
    return result


@pytest.mark.slow
def test_serve_shows_files_in_the_ui_until_ctrl_c(run_file: Path, tmp_path: Path) -> None:
    portal = "https://portal.example"
    running = Running(
        ["serve", str(run_file), "--port", "0", "--cors-origin", portal, "--cors-origin", "https://b.example"],
        tmp_path,
    )
    try:
        status, headers, body = get(running.base + "/train/overview")
        assert status == 200 and headers["Content-Type"].startswith("text/html")
        assert b'<train-app page="overview"></train-app>' in body
        assert [s["session_id"] for s in sessions(running.base)] == ["cli-run"]
        assert sessions(running.base)[0]["iteration"] == 6
        for origin in (portal, "https://b.example"):
            _, headers, _ = get(running.base + "/api/v1/sessions", {"Origin": origin})
            assert headers["Access-Control-Allow-Origin"] == origin
        assert running.interrupt() == 0
    finally:
        running.close()


def test_serve_port_in_use_is_one_line_and_exit_2(run_file: Path, tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = cli("serve", str(run_file), "--port", str(port), cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == "" and "Traceback" not in result.stderr
    # (A checkout without a frontend build also logs the missing bundle, on a line of its own.)
    (error,) = [line for line in result.stderr.splitlines() if line.startswith("fitscope: error:")]
    assert result.stderr.endswith(error + "\n") and str(port) in error and "in use" in error


def test_serve_bad_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("not a fitscope file")
    for path in (bad, tmp_path / "missing.fitscope"):
        result = cli("serve", str(path), "--port", "0", "--no-wait", cwd=tmp_path)
        assert result.returncode == 2 and result.stdout == ""
        assert result.stderr.count("\n") == 1 and str(path) in result.stderr, result.stderr
    assert not (tmp_path / "missing.fitscope").exists()
    assert cli("serve", cwd=tmp_path).returncode == 2  # a file is required


def test_serve_without_aiohttp_names_the_extra(run_file: Path, tmp_path: Path) -> None:
    code = (
        "import sys; sys.modules['aiohttp'] = None; from fitscope.cli import main; "
        f"sys.exit(main(['serve', {str(run_file)!r}, '--port', '0']))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert result.returncode == 2
    assert 'pip install "fitscope[server]"' in result.stderr and "Traceback" not in result.stderr


def test_info_and_import_load_no_web_framework(run_file: Path, tmp_path: Path) -> None:
    code = (
        "import sys, fitscope, fitscope.cli; assert 'aiohttp' not in sys.modules; "
        f"code = fitscope.cli.main(['info', {str(run_file)!r}]); "
        "print('aiohttp' in sys.modules, code)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "False 0"


def test_demo_port_needs_serve(tmp_path: Path) -> None:
    result = cli("demo", "--port", "0", "--out", str(tmp_path / "d.fitscope"), cwd=tmp_path)
    assert result.returncode == 2 and "--serve" in result.stderr
    assert not (tmp_path / "d.fitscope").exists()


@pytest.mark.parametrize("delay", ["-1", "nan", "inf", "soon"])
def test_demo_step_delay_must_be_a_finite_number_of_seconds(tmp_path: Path, delay: str) -> None:
    result = cli("demo", "--step-delay", delay, "--out", str(tmp_path / "d.fitscope"), cwd=tmp_path)
    assert result.returncode == 2 and "--step-delay" in result.stderr
    assert not (tmp_path / "d.fitscope").exists()


def test_demo_step_delay_paces_the_training(tmp_path: Path) -> None:
    out = tmp_path / "d.fitscope"
    start = time.monotonic()
    result = cli("demo", "--model", "mlp", "--epochs", "1", "--step-delay", "0.02", "--out", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - start >= 45 * 0.02  # 45 steps, each followed by the pause (a lower bound)
    assert "UserWarning" not in result.stderr


def wait_for(what: str, check: Callable[[], bool], timeout: float = 90.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.1)


@pytest.mark.slow
def test_demo_serve_shows_training_live_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    out = tmp_path / "demo.fitscope"
    # Enough epochs that training is still going when the test is done with it.
    args = ["--out", str(out), "--model", "mlp", "--epochs", "200", "--frequency", "5"]
    running = Running(["demo", "--serve", "--port", "0", *args], tmp_path)
    try:
        wait_for("a first report", lambda: bool(sessions(running.base)) and sessions(running.base)[0]["iteration"])
        first = sessions(running.base)[0]["iteration"]
        wait_for("later reports", lambda: sessions(running.base)[0]["iteration"] > first)
        assert running.proc.poll() is None  # still training: 200 epochs are far from done
        status, _, body = get(running.base + "/train/overview")
        assert status == 200 and b"<train-app" in body
        assert running.interrupt() == 0
        assert "digits-mlp" in running.stderr_path.read_text()  # the progress bar was shown
    finally:
        running.close()
    info = cli("info", str(out), "--json", cwd=tmp_path)
    assert info.returncode == 0, info.stderr
    (session,) = json.loads(info.stdout)["sessions"]
    assert DEMO_NAME.match(session["session_name"]) and session["workers"][0]["reports"] >= 2
    assert session["session_name"].startswith("digits-mlp ")


@pytest.mark.slow
def test_demo_serve_keeps_serving_after_training(tmp_path: Path) -> None:
    out = tmp_path / "demo.fitscope"
    args = ["--out", str(out), "--model", "mlp", "--epochs", "1"]
    running = Running(["demo", "--serve", "--port", "0", *args], tmp_path)
    try:
        lines = []
        while not lines or not lines[-1].startswith("Training finished"):
            line = running.stdout.readline()
            assert line, f"stdout ended after {lines}; stderr: {running.stderr_path.read_text()}"
            lines.append(line.strip())
        assert lines[-1].endswith("(press Ctrl-C to stop).") and running.base in lines[-1]
        assert any(re.match(r"digits-mlp [\d:\- ]+: 45 iterations", line) for line in lines), lines
        (session,) = sessions(running.base)
        assert DEMO_NAME.match(session["name"]) and session["iteration"] == 45
        assert running.proc.poll() is None
        assert running.interrupt() == 0
    finally:
        running.close()


@pytest.mark.slow
def test_each_demo_run_gets_sessions_of_its_own_name(tmp_path: Path) -> None:
    """``make demo`` twice appends to one file: the session menu must not show two equal names."""
    out = tmp_path / "demo.fitscope"
    for _ in range(2):
        result = cli("demo", "--model", "mlp", "--epochs", "1", "--quiet", "--out", str(out), cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        time.sleep(1.1)  # the names carry the start time to the second
    info = cli("info", str(out), "--json", cwd=tmp_path)
    names = [s["session_name"] for s in json.loads(info.stdout)["sessions"]]
    assert len(names) == 2 and len(set(names)) == 2, names
    assert all(DEMO_NAME.match(name) and name.startswith("digits-mlp ") for name in names), names


# ---------------------------------------------------------------------------------------- messages and pipes


def test_info_on_a_missing_or_empty_file_speaks_the_command_lines_language(tmp_path: Path) -> None:
    empty = tmp_path / "empty.fitscope"
    empty.touch()
    for path in (tmp_path / "missing.fitscope", empty, tmp_path):
        result = cli("info", str(path), cwd=tmp_path)
        assert result.returncode == 2 and result.stdout == ""
        assert result.stderr.count("\n") == 1 and str(path) in result.stderr, result.stderr
        assert "read_only" not in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "missing.fitscope").exists() and empty.stat().st_size == 0


def test_demo_serve_on_a_port_in_use_names_the_option(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = cli("demo", "--serve", "--port", str(port), "--out", str(tmp_path / "d.fitscope"), cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "--port 0 picks a free one" in result.stderr and "port=0" not in result.stderr
    assert cli("demo", "--serve", "--port", "70000", cwd=tmp_path).returncode == 2


@pytest.mark.parametrize("args", [["info"], ["info", "--json"], ["--help"], ["info", "--help"]])
def test_output_into_a_closed_pipe_exits_quietly(run_file: Path, tmp_path: Path, args: list[str]) -> None:
    """``fitscope info FILE | head -1``: the reader goes away; no BrokenPipeError traceback."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # every write gets EPIPE, as after `head -1` has exited
    try:
        command = [*args, str(run_file)] if args[-1] != "--help" else args
        result = subprocess.run(
            [FITSCOPE, *command], stdout=write_end, stderr=subprocess.PIPE, text=True, cwd=tmp_path, timeout=120
        )
    finally:
        os.close(write_end)
    assert result.stderr == "", result.stderr
    assert result.returncode in (0, 141)  # 141 = 128 + SIGPIPE, as a shell reports a command its reader left


def test_info_piped_into_head_prints_no_traceback(run_file: Path, tmp_path: Path) -> None:
    # Enough sessions that the output outgrows the pipe's buffer, so `head -1` really leaves early.
    many = tmp_path / "many.fitscope"
    shutil.copy(run_file, many)
    with sqlite3.connect(many) as db:
        (stream,) = db.execute("SELECT session_id, worker_id FROM streams").fetchall()
        db.executemany(
            "INSERT INTO streams (session_id, worker_id) VALUES (?, ?)",
            [(f"session-{i:05d}-{'x' * 40}", stream[1]) for i in range(3000)],
        )
    db.close()
    result = subprocess.run(
        f"{FITSCOPE} info {many} | head -1", shell=True, capture_output=True, text=True, cwd=tmp_path, timeout=120
    )
    assert result.stdout.startswith(f"{many}: ") and result.stdout.count("\n") == 1
    assert result.stderr == "", result.stderr


def damage(source: Path, target: Path, sql: str) -> Path:
    shutil.copy(source, target)
    with sqlite3.connect(target) as db:
        db.execute(sql)
    db.close()
    return target


DAMAGES = {
    "a score stored as text": "UPDATE reports SET score = 'abc'",
    "a score row stored as text": "UPDATE scores SET value = 'abc'",
    "garbage JSON": "UPDATE static_info SET json = '{garbage'",
    "JSON null": "UPDATE static_info SET json = 'null'",
    "JSON of the wrong type": "UPDATE static_info SET json = '{\"model\": 5}'",
    "deep nesting": "UPDATE static_info SET json = '" + "[" * 100_000 + "]" * 100_000 + "'",
    "1e400": "UPDATE reports SET fields = '{\"x\": 1e400}'",
    "a histogram blob of the wrong length": "UPDATE histograms SET hist_counts = x'0102'",
    "a timestamp out of range": "UPDATE reports SET timestamp_ms = 99999999999999999",
    "a last-report time out of range": "UPDATE streams SET last_report_ms = 9223372036854775807",
    "an iteration stored as text": "UPDATE reports SET iteration = 'x' WHERE iteration = 6",
    "a negative count": "UPDATE summaries SET count = -5",
    "a session id that is not text": "UPDATE streams SET session_id = x'ff00'",
}


@pytest.mark.parametrize("what", sorted(DAMAGES))
def test_info_on_a_damaged_file_is_one_line_naming_it_and_exit_2(run_file: Path, tmp_path: Path, what: str) -> None:
    path = damage(run_file, tmp_path / "damaged.fitscope", DAMAGES[what])
    before = path.read_bytes()
    for extra in ([], ["--json"]):
        result = cli("info", str(path), *extra, cwd=tmp_path)
        assert result.returncode == 2, (what, result.returncode, result.stderr)
        assert result.stdout == "" and "Traceback" not in result.stderr
        (line,) = result.stderr.splitlines()
        assert line.startswith("fitscope: error: ") and str(path) in line, line
    assert path.read_bytes() == before


def test_info_on_a_file_with_damaged_pages_is_one_line_and_exit_2(run_file: Path, tmp_path: Path) -> None:
    good = run_file.read_bytes()
    for name, data in {
        "truncated": good[: len(good) // 2],
        "zeroed": good[:4096] + bytes(4096) + good[8192:],
        "garbled": good[:12288] + bytes(range(256)) * 64 + good[12288 + 16384 :],
    }.items():
        path = tmp_path / f"{name}.fitscope"
        path.write_bytes(data)
        result = cli("info", str(path), "--json", cwd=tmp_path)
        assert result.returncode == 2 and result.stdout == "", (name, result.stderr)
        (line,) = result.stderr.splitlines()
        assert str(path) in line and "Traceback" not in result.stderr, line


@pytest.mark.slow
def test_python_m_fitscope_serve_works_from_the_checkout_root(run_file: Path, tmp_path: Path) -> None:
    """The checkout's ./fitscope shadows the installed package there; fitscope.server must still import."""
    command = (sys.executable, "-m", "fitscope")
    running = Running(["serve", str(run_file), "--port", "0"], ROOT, command=command, logs=tmp_path)
    try:
        assert [s["session_id"] for s in sessions(running.base)] == ["cli-run"]
        assert running.interrupt() == 0
    finally:
        running.close()
    code = "import fitscope.server, fitscope.exporters; print(fitscope.server.__file__, fitscope.exporters.__file__)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [str(ROOT / "server" / "__init__.py"), str(ROOT / "exporters" / "__init__.py")]


def test_export_of_a_missing_or_empty_file_speaks_the_command_lines_language(tmp_path: Path) -> None:
    empty = tmp_path / "empty.fitscope"
    empty.touch()
    for path in (tmp_path / "missing.fitscope", empty):
        result = cli("export", str(path), "--tensorboard", str(tmp_path / "tb"), cwd=tmp_path)
        assert result.returncode == 2 and "Traceback" not in result.stderr
        assert str(path) in result.stderr and "read_only" not in result.stderr, result.stderr
