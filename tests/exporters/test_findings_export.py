"""The diagnostics' findings in the exporters: MLflow tags ``fitscope.finding.<rule>`` and
TensorBoard text ``diagnostics/<rule>`` at the iteration where the symptom began."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
import torch
from mlflow import MlflowClient
from tensorboard.backend.event_processing import event_accumulator as ea

from fitscope import InMemoryStatsStorage, StatsListener
from fitscope.diagnostics import Finding, diagnose_stream
from fitscope.exporters import MLflowExporter, TensorBoardExporter
from fitscope.exporters._findings import rule_tags

# MLflow's SQLite store uses a loader strategy SQLAlchemy 2.1 deprecates (MLflow's, not fitscope's).
pytestmark = pytest.mark.filterwarnings("ignore:The ``noload`` loader strategy is deprecated:DeprecationWarning")


def _train(sinks: list[object], session: str, *, lr: float, steps: int = 200) -> InMemoryStatsStorage:
    """A small MLP at frequency 5; lr=0.5 drives its updates far above 1e-3 of the weights."""
    torch.manual_seed(0)
    memory = InMemoryStatsStorage()
    model = torch.nn.Sequential(torch.nn.Linear(8, 32), torch.nn.ReLU(), torch.nn.Linear(32, 1))
    opt = torch.optim.SGD(model.parameters(), lr=lr)
    listener = StatsListener([memory, *sinks], frequency=5, session_id=session, worker_id="w0")
    listener.attach(model, opt)
    for _ in range(steps):
        loss = model(torch.randn(16, 8)).pow(2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
        listener.iteration_done(loss, batch_size=16)
    listener.close()
    return memory


def _findings(memory: InMemoryStatsStorage, session: str) -> list[Finding]:
    return diagnose_stream(memory, session, "w0")


def test_tensorboard_text_at_the_iteration_where_each_finding_began(tmp_path: Path) -> None:
    session = "tb-findings"
    exporter = TensorBoardExporter(tmp_path / "tb")
    memory = _train([exporter], session, lr=0.5)
    expected = _findings(memory, session)
    assert any(f.severity == "warning" for f in expected)
    run = next((tmp_path / "tb").rglob("events.out.tfevents.*")).parent
    acc = ea.EventAccumulator(str(run), size_guidance={ea.TENSORS: 0}).Reload()
    tags = [t for t in acc.Tags()["tensors"] if t.startswith("diagnostics/")]
    assert sorted(tags) == sorted({f"diagnostics/{f.rule}" for f in expected})
    texts = {(tag, e.step, e.tensor_proto.string_val[0].decode()) for tag in tags for e in acc.Tensors(tag)}
    for f in expected:  # each finding, as it stands at the end, was written at its first iteration
        assert any(
            tag == f"diagnostics/{f.rule}" and step == f.first_iteration and f.message in text
            for tag, step, text in texts
        ), f


def test_tensorboard_without_diagnostics_writes_none(tmp_path: Path) -> None:
    exporter = TensorBoardExporter(tmp_path / "tb", diagnostics=False)
    _train([exporter], "quiet", lr=0.5, steps=60)
    run = next((tmp_path / "tb").rglob("events.out.tfevents.*")).parent
    acc = ea.EventAccumulator(str(run), size_guidance={ea.TENSORS: 0}).Reload()
    assert not [t for t in acc.Tags()["tensors"] if t.startswith("diagnostics/")]


def test_mlflow_tags_per_rule(mlflow_sqlite_uri: str) -> None:
    session = str(uuid.uuid4())
    exporter = MLflowExporter(mlflow_sqlite_uri, experiment=f"findings-{session}")
    memory = _train([exporter], session, lr=0.5)
    run_id = exporter.run_id(session, "w0")
    assert run_id is not None
    expected = rule_tags(_findings(memory, session))
    assert expected
    tags = MlflowClient(mlflow_sqlite_uri).get_run(run_id).data.tags
    got = {k: v for k, v in tags.items() if k.startswith("fitscope.finding.")}
    assert got == expected
    assert all(v.split(" ")[0] in ("info", "warning", "error") for v in got.values())


def test_a_healthy_run_gets_no_warning_tag(mlflow_sqlite_uri: str) -> None:
    session = str(uuid.uuid4())
    exporter = MLflowExporter(mlflow_sqlite_uri, experiment=f"healthy-{session}")
    _train([exporter], session, lr=0.01, steps=60)
    run_id = exporter.run_id(session, "w0")
    assert run_id is not None
    tags = MlflowClient(mlflow_sqlite_uri).get_run(run_id).data.tags
    assert not [v for k, v in tags.items() if k.startswith("fitscope.finding.") and not v.startswith("info")]
