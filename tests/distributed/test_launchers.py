"""The examples of ``examples/`` under their launchers, for real: torchrun, Spark's TorchDistributor and Ray
Train each give one session with a worker per rank (``host:rank0``, ``host:rank1``) and every report of
each, in one file per rank or through a hub."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from fitscope import FileStatsStorage
from fitscope.server import UIServer

from .conftest import EXAMPLES, assert_files_hold_one_session, assert_one_session_of_every_rank, run_example

pytestmark = pytest.mark.slow

TORCHRUN = ["-m", "torch.distributed.run", "--standalone", "--nproc_per_node=2", str(EXAMPLES / "torchrun_ddp.py")]
TOKEN = "t"


def needs(module: str, package: str) -> None:
    """Fails, saying what to install, when a launcher the dev extra installs is missing (never a skip)."""
    try:
        importlib.import_module(module)
    except ImportError:
        pytest.fail(f"This test needs {module}: .venv/bin/pip install {package} (the dev extra has it)", pytrace=False)


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[tuple[str, FileStatsStorage]]:
    """A hub on a free loopback port that asks for :data:`TOKEN`: its URL and its storage."""
    storage = FileStatsStorage(tmp_path / "hub.fitscope")
    server = UIServer(port=0)
    server.enable_remote_listener(storage, token=TOKEN)
    server.start()
    yield server.url, storage
    server.stop()
    storage.close()


@pytest.mark.timeout(240)
def test_torchrun_writes_one_file_per_rank_holding_one_session(tmp_path: Path) -> None:
    run_example([*TORCHRUN, "--out", str(tmp_path / "runs")], tmp_path, timeout=200)
    assert_files_hold_one_session(tmp_path / "runs")


@pytest.mark.timeout(240)
def test_torchrun_ranks_post_one_session_to_a_hub(tmp_path: Path, hub: tuple[str, FileStatsStorage]) -> None:
    url, storage = hub
    run_example([*TORCHRUN, "--hub", url, "--token", TOKEN], tmp_path, timeout=200)
    # listener.close() flushed each rank's router: everything is stored when the job has ended
    assert_one_session_of_every_rank([storage])
    assert not (tmp_path / "runs").exists()


@pytest.mark.timeout(420)
def test_spark_torch_distributor_barrier_tasks_write_one_session(tmp_path: Path) -> None:
    needs("pyspark", "pyspark")
    run_example([str(EXAMPLES / "spark_torch_distributor.py"), "--out", str(tmp_path / "runs")], tmp_path, timeout=380)
    assert_files_hold_one_session(tmp_path / "runs")


@pytest.mark.timeout(480)
def test_ray_train_torch_trainer_writes_one_session(tmp_path: Path) -> None:
    needs("ray.train", '"ray[train]"')
    run_example([str(EXAMPLES / "ray_train.py"), "--out", str(tmp_path / "runs")], tmp_path, timeout=440)
    assert_files_hold_one_session(tmp_path / "runs")
