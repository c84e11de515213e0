"""Real MLflow tracking stores for the exporter tests: ``mlflow server`` processes and a SQLite file.

Starting a server or migrating a fresh MLflow database costs seconds, so the shared ones are
session-scoped; tests that kill a server start their own with :func:`start_mlflow_server`.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

SERVER_START_TIMEOUT_S = 120.0


def free_port() -> int:
    """Returns a TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class MlflowServer:
    """A real ``mlflow server`` on 127.0.0.1 with a SQLite backend, serving artifacts over HTTP.

    The server runs in its own process group (it starts uvicorn workers), so :meth:`kill` and
    :meth:`stop` reach every process of it. :meth:`start` again reuses the port and database.

    Args:
        root: Folder for the database, the artifacts and the server's log.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        """Starts the server and waits until ``/health`` answers."""
        self.root.mkdir(parents=True, exist_ok=True)
        cmd = [
            sys.executable,
            "-m",
            "mlflow",
            "server",
            "--backend-store-uri",
            f"sqlite:///{self.root / 'mlflow.db'}",
            "--serve-artifacts",
            "--artifacts-destination",
            str(self.root / "artifacts"),
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--workers",
            "1",
        ]
        # The server's background job runner (huey) is not needed and costs seconds at start.
        env = {**os.environ, "MLFLOW_SERVER_ENABLE_JOB_EXECUTION": "false"}
        with open(self.root / "server.log", "ab") as log:
            self.proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
        deadline = time.monotonic() + SERVER_START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"mlflow server exited with {self.proc.returncode}:\n{self.log_tail()}")
            with contextlib.suppress(OSError), urllib.request.urlopen(f"{self.url}/health", timeout=2) as response:
                if response.status == 200:
                    return
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"mlflow server did not answer /health in {SERVER_START_TIMEOUT_S} s:\n{self.log_tail()}")

    def kill(self) -> None:
        """Kills every process of the server at once (SIGKILL), as a crash would."""
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)
        self.proc = None

    def stop(self) -> None:
        """Asks the server to stop (SIGTERM), killing it after 15 s."""
        proc, self.proc = self.proc, None
        if proc is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(15)
        with contextlib.suppress(ProcessLookupError):  # whatever is left of the group
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(10)

    def log_tail(self, n: int = 4000) -> str:
        """Returns the end of the server's log."""
        path = self.root / "server.log"
        return path.read_text(errors="replace")[-n:] if path.exists() else ""


@pytest.fixture(scope="session")
def mlflow_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MlflowServer]:
    """One ``mlflow server`` shared by the whole session (SQLite backend, served artifacts)."""
    server = MlflowServer(tmp_path_factory.mktemp("mlflow-server"))
    server.start()
    yield server
    server.stop()


@pytest.fixture
def start_mlflow_server(tmp_path: Path) -> Iterator[Callable[[], MlflowServer]]:
    """Starts a server of the test's own (one the test may kill); stopped at the end of the test."""
    servers: list[MlflowServer] = []

    def start() -> MlflowServer:
        server = MlflowServer(tmp_path / f"mlflow-server-{len(servers)}")
        servers.append(server)
        server.start()
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture(scope="session")
def mlflow_sqlite_uri(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A ``sqlite:///`` tracking URI whose database was created and migrated once for the session."""
    from mlflow import MlflowClient

    uri = f"sqlite:///{tmp_path_factory.mktemp('mlflow-sqlite') / 'mlflow.db'}"
    MlflowClient(uri).search_experiments()  # creates and migrates the database
    return uri
