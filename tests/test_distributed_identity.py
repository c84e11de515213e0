"""Rank-aware identity: the session id every rank of a job shares, and rank worker ids."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import textwrap
import uuid
from pathlib import Path

import pytest
import torch.distributed as dist

from fitscope import InMemoryStatsStorage, StatsListener
from fitscope.distributed import default_session_id, default_worker_id


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("FITSCOPE_SESSION_ID", "TORCHELASTIC_RUN_ID", "RANK"):
        monkeypatch.delenv(name, raising=False)


def _is_uuid(text: str) -> bool:
    try:
        return str(uuid.UUID(text)) == text
    except ValueError:
        return False


def test_without_a_job_each_listener_gets_a_new_uuid_and_a_pid_worker_id() -> None:
    a, b = StatsListener(InMemoryStatsStorage()), StatsListener(InMemoryStatsStorage())
    assert _is_uuid(a.session_id) and _is_uuid(b.session_id) and a.session_id != b.session_id
    assert a.session_id == a.session_id  # resolved once
    assert a.worker_id == f"{socket.gethostname()}:{os.getpid()}"
    a.close()
    b.close()


def test_the_environment_names_the_session_and_an_explicit_id_beats_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TORCHELASTIC_RUN_ID", "elastic-7")
    assert default_session_id() == "elastic-7"
    monkeypatch.setenv("FITSCOPE_SESSION_ID", "named-run")
    assert StatsListener(InMemoryStatsStorage()).session_id == "named-run"
    assert StatsListener(InMemoryStatsStorage(), session_id="given").session_id == "given"


def test_torchruns_default_run_id_none_is_not_a_session(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TORCHELASTIC_RUN_ID", "none")
    assert _is_uuid(default_session_id())


def test_the_rank_variable_names_the_worker_before_the_process_group_exists(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RANK", "3")
    assert default_worker_id() == f"{socket.gethostname()}:rank3"
    monkeypatch.setenv("RANK", "three")
    assert default_worker_id() == f"{socket.gethostname()}:{os.getpid()}"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_in_a_process_group_the_session_is_agreed_over_its_store_one_per_listener() -> None:
    dist.init_process_group("gloo", init_method=f"tcp://127.0.0.1:{_free_port()}", rank=0, world_size=1)
    try:
        first, second = StatsListener(InMemoryStatsStorage()), StatsListener(InMemoryStatsStorage())
        assert _is_uuid(first.session_id) and _is_uuid(second.session_id)
        assert first.session_id != second.session_id  # the n-th listener of each rank: its own key
        assert first.worker_id == f"{socket.gethostname()}:rank0"
        first.close()
        second.close()
    finally:
        dist.destroy_process_group()


SCRIPT = textwrap.dedent(
    """
    import json, sys
    import torch.distributed as dist
    from fitscope import InMemoryStatsStorage, StatsListener

    dist.init_process_group("gloo")
    rank = dist.get_rank()
    out = {"rank": rank, "sessions": []}
    if rank == 0 or sys.argv[2] == "all":  # "rank0": only rank 0 makes listeners (must not hang)
        for _ in range(2):
            listener = StatsListener(InMemoryStatsStorage())
            out["sessions"].append(listener.session_id)
            out["worker"] = listener.worker_id
            listener.close()
    with open(f"{sys.argv[1]}/rank{rank}.json", "w") as f:
        json.dump(out, f)
    dist.barrier()
    dist.destroy_process_group()
    """
)


def _torchrun(tmp_path: Path, who: str) -> list[dict[str, object]]:
    script = tmp_path / "ids.py"
    script.write_text(SCRIPT)
    env = {k: v for k, v in os.environ.items() if k not in ("FITSCOPE_SESSION_ID", "TORCHELASTIC_RUN_ID", "RANK")}
    launch = [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc_per_node=2"]
    done = subprocess.run(
        [*launch, str(script), str(tmp_path), who],
        env={**env, "OMP_NUM_THREADS": "1"},
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return [json.loads((tmp_path / f"rank{r}.json").read_text()) for r in range(2)]


@pytest.mark.timeout(240)
def test_torchrun_ranks_share_each_listeners_session_and_a_lone_rank_never_waits(tmp_path: Path) -> None:
    both = _torchrun(tmp_path, "all")
    assert both[0]["sessions"] == both[1]["sessions"]
    sessions = both[0]["sessions"]
    assert isinstance(sessions, list) and len(set(sessions)) == 2
    assert [r["worker"] for r in both] == [f"{socket.gethostname()}:rank{r}" for r in range(2)]
    alone = _torchrun(tmp_path, "rank0")
    assert len(alone[0]["sessions"]) == 2 and alone[1]["sessions"] == []  # type: ignore[arg-type]
