"""`fitscope export` backfills TensorBoard and MLflow from a stored run, as a real subprocess."""

from __future__ import annotations

import itertools
import math
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import torch
from mlflow.tracking import MlflowClient
from tensorboard.backend.event_processing import event_accumulator as ea

from fitscope import FileStatsStorage, StatsListener

pytestmark = [
    # SQLAlchemy 2.1 deprecates a loader strategy MLflow's SQL store still uses.
    pytest.mark.filterwarnings("ignore:The ``noload`` loader strategy is deprecated:DeprecationWarning"),
]


def write_run(path: Path) -> None:
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.ReLU(), torch.nn.Linear(4, 1))
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    listener = StatsListener(FileStatsStorage(path), frequency=2, session_id="s", worker_id="w", session_name="cli")
    listener.attach(model, opt)
    for i in range(6):
        opt.zero_grad()
        loss = model(torch.randn(5, 3)).pow(2).mean()
        loss.backward()
        opt.step()
        listener.iteration_done(loss if i != 3 else torch.tensor(math.nan), batch_size=5)
    listener.log_metrics({"val_loss": 0.5})
    listener.epoch_done()
    listener.close()


def fitscope(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    # The installed command: `python -m fitscope` run from the checkout's root would import ./fitscope,
    # which does not hold fitscope.exporters (installed from ./exporters).
    command = Path(sys.executable).with_name("fitscope")
    # cwd: MLflow puts a new experiment's artifacts under ./mlruns of the current folder.
    return subprocess.run([str(command), *args], capture_output=True, text=True, timeout=300, cwd=cwd)


def test_export_to_tensorboard_and_mlflow(tmp_path: Path, mlflow_sqlite_uri: str) -> None:
    path = tmp_path / "run.fitscope"
    write_run(path)
    with FileStatsStorage(path, read_only=True) as storage:
        score = storage.read_series("s", "w", "score")
    logdir = tmp_path / "tb"
    result = fitscope("export", str(path), "--tensorboard", str(logdir), "--quiet", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "3 reports, 1 metrics records, 1 epoch ends from 1 worker(s)" in result.stdout
    runs = [p.parent for p in logdir.rglob("events.out.tfevents.*")]
    assert len(runs) == 1
    acc = ea.EventAccumulator(str(runs[0]), size_guidance={ea.SCALARS: 0, ea.HISTOGRAMS: 0, ea.TENSORS: 0}).Reload()
    points = [(e.step, e.value) for e in acc.Scalars("score")]
    assert [s for s, _ in points] == score.iterations
    for (_, got), want in zip(points, score.values, strict=True):
        assert want is not None
        assert (math.isnan(got) and math.isnan(want)) or got == pytest.approx(want, rel=1e-6)

    result = fitscope(
        "export", str(path), "--mlflow", mlflow_sqlite_uri, "--experiment", "cli-export", "--quiet", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    client = MlflowClient(mlflow_sqlite_uri)
    experiment = client.get_experiment_by_name("cli-export")
    assert experiment is not None
    (run,) = client.search_runs([experiment.experiment_id])
    history = sorted((m.step, m.value) for m in client.get_metric_history(run.info.run_id, "score"))
    assert [s for s, _ in history] == score.iterations
    assert math.isnan(history[3][1])
    assert client.get_metric_history(run.info.run_id, "metrics/val_loss")[0].value == 0.5


def test_export_of_an_unknown_session_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "run.fitscope"
    write_run(path)
    result = fitscope("export", str(path), "--tensorboard", str(tmp_path / "tb"), "--session", "nope", cwd=tmp_path)
    assert result.returncode == 2 and "no session nope" in result.stderr


# ---------------------------------------------------------------- failures, refusals and what is left behind


def test_an_unreachable_mlflow_server_exits_1_and_says_how_many_records_were_lost(tmp_path: Path) -> None:
    path = tmp_path / "run.fitscope"
    write_run(path)
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{s.getsockname()[1]}"
    result = fitscope("export", str(path), "--mlflow", url, "--quiet", cwd=tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    # 1 StaticInfo + 3 reports + 1 metrics record + 1 epoch end: nothing arrived.
    assert f"fitscope: error: MLflow {url}: 6 of 6 records were not delivered" in result.stderr
    assert "3 reports" not in result.stdout  # no success line
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("where", ["file", "below a file"])
def test_an_unusable_tensorboard_directory_is_one_line_and_exit_2(tmp_path: Path, where: str) -> None:
    path = tmp_path / "run.fitscope"
    write_run(path)
    blocker = tmp_path / "blocker"
    blocker.write_text("not a directory")
    logdir = blocker if where == "file" else blocker / "tb"
    result = fitscope("export", str(path), "--tensorboard", str(logdir), "--quiet", cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("fitscope: error: ") and str(blocker) in lines[0]


def test_an_unknown_mlflow_uri_scheme_is_one_line_and_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "run.fitscope"
    write_run(path)
    result = fitscope("export", str(path), "--mlflow", "foo://somewhere", "--quiet", cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(
        "fitscope: error: MLflow has no tracking store for 'foo://somewhere'"
    )


def test_exporting_twice_into_one_tensorboard_logdir_is_refused_and_data_is_not_doubled(tmp_path: Path) -> None:
    path = tmp_path / "run.fitscope"
    write_run(path)
    logdir = tmp_path / "tb"
    assert fitscope("export", str(path), "--tensorboard", str(logdir), "--quiet", cwd=tmp_path).returncode == 0
    again = fitscope("export", str(path), "--tensorboard", str(logdir), "--quiet", cwd=tmp_path)
    assert again.returncode == 2
    assert "already hold event files" in again.stderr and str(logdir / "cli" / "w") in again.stderr
    (run,) = {p.parent for p in logdir.rglob("events.out.tfevents.*")}
    assert len(list(run.glob("events.out.tfevents.*"))) == 1
    acc = ea.EventAccumulator(str(run), size_guidance={ea.SCALARS: 0, ea.HISTOGRAMS: 0, ea.TENSORS: 0}).Reload()
    steps = [e.step for e in acc.Scalars("score")]
    assert steps == sorted(set(steps)) and len(steps) == 6  # each of the 6 iterations once


def test_export_to_a_sqlite_mlflow_store_leaves_no_mlruns_in_the_working_directory(tmp_path: Path) -> None:
    path = tmp_path / "run.fitscope"
    write_run(path)
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    db = tmp_path / "store" / "mlflow.db"
    db.parent.mkdir()
    uri = f"sqlite:///{db}"
    for experiment in ((), ("--experiment", "named")):  # MLflow's Default experiment, then a new one
        result = fitscope("export", str(path), "--mlflow", uri, *experiment, "--quiet", cwd=cwd)
        assert result.returncode == 0, result.stderr
    assert list(cwd.iterdir()) == []
    client = MlflowClient(uri)
    runs = client.search_runs([e.experiment_id for e in client.search_experiments()])
    assert len(runs) == 2
    for run in runs:
        artifacts = {a.path for a in client.list_artifacts(run.info.run_id, "fitscope")}
        assert "fitscope/static_info.json" in artifacts
        assert run.info.artifact_uri.startswith((db.parent / "mlruns").as_uri())


def test_exported_scores_carry_each_iteration_own_wall_time(tmp_path: Path) -> None:
    """Listener -> file -> `fitscope export`: TensorBoard's WALL axis shows each iteration's own end."""
    path = tmp_path / "run.fitscope"
    torch.manual_seed(0)
    model = torch.nn.Linear(3, 1)
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    listener = StatsListener(FileStatsStorage(path), frequency=4, session_id="s", worker_id="w", session_name="t")
    listener.attach(model, opt)
    for _ in range(8):
        opt.zero_grad()
        loss = model(torch.randn(5, 3)).pow(2).mean()
        loss.backward()
        opt.step()
        time.sleep(0.01)  # iterations 10 ms apart: a shared report time cannot pass for them
        listener.iteration_done(loss)
    listener.close()
    with FileStatsStorage(path, read_only=True) as storage:
        reports = list(storage.iter_updates("s", "w"))
    assert all(len(r.scores.timestamps_ms) == len(r.scores.iterations) for r in reports), "score times not stored"
    stored = [(it, t) for r in reports for it, t in zip(r.scores.iterations, r.scores.timestamps_ms, strict=True)]
    assert [it for it, _ in stored] == list(range(1, 9))
    assert all(b - a >= 10 for (_, a), (_, b) in itertools.pairwise(stored))
    logdir = tmp_path / "tb"
    result = fitscope("export", str(path), "--tensorboard", str(logdir), "--quiet", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    acc = ea.EventAccumulator(str(logdir / "t" / "w"), size_guidance={ea.SCALARS: 0}).Reload()
    assert [(e.step, round(e.wall_time * 1000)) for e in acc.Scalars("score")] == stored
