"""`fitscope export` backfills TensorBoard and MLflow from a stored run, as a real subprocess."""

from __future__ import annotations

import math
import subprocess
import sys
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
