"""Both exporters name the same statistics the same way (the one table of ``docs/exporters.md``).

One listener feeds a TensorBoardExporter and an MLflowExporter; TensorBoard's reader and
MLflow's client must then list the same scalar names with the same steps.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
import torch
from mlflow.tracking import MlflowClient
from tensorboard.backend.event_processing import (  # type: ignore[import-untyped, unused-ignore]
    event_accumulator as ea,
)

from fitscope import StatsListener
from fitscope.exporters import MLflowExporter, TensorBoardExporter

pytestmark = [
    pytest.mark.filterwarnings("ignore:The ``noload`` loader strategy is deprecated:DeprecationWarning"),
]


class Net(torch.nn.Module):
    """Two layers, a norm (its scale is not a weight), a parameter of the model itself."""

    def __init__(self) -> None:
        super().__init__()
        self.fc1 = torch.nn.Linear(4, 8)
        self.norm = torch.nn.LayerNorm(8)
        self.fc2 = torch.nn.Linear(8, 1)
        self.scale = torch.nn.Parameter(torch.ones(1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fc2(torch.relu(self.norm(self.fc1(x)))) * self.scale


@pytest.mark.parametrize("detail", [False, True])
def test_both_exporters_emit_the_same_names_and_steps(tmp_path: Path, mlflow_sqlite_uri: str, detail: bool) -> None:
    torch.manual_seed(0)
    model = Net()
    opt = torch.optim.SGD(
        [
            {"params": [*model.fc1.parameters(), *model.norm.parameters()]},
            {"params": [*model.fc2.parameters(), model.scale], "lr": 0.01},
        ],
        lr=0.1,
    )
    tb = TensorBoardExporter(tmp_path / "tb", flush_secs=0, detail=detail)
    mlflow = MLflowExporter(mlflow_sqlite_uri, experiment=f"naming-{detail}", detail=detail, send_interval_s=0)
    listener = StatsListener([tb, mlflow], frequency=2, session_name="naming", hyperparameters={"lr": 0.1})
    listener.attach(model, opt, example_input=torch.randn(5, 4))
    for i in range(6):
        opt.zero_grad()
        loss = model(torch.randn(5, 4)).pow(2).mean()
        loss.backward()
        opt.step()
        listener.iteration_done(loss if i != 3 else torch.tensor(math.nan), batch_size=5)
    listener.log_metrics({"val/loss": 0.5})
    listener.epoch_done()
    listener.close()
    assert [s.errors for s in listener.sink_status()] == [0, 0]

    (run_dir,) = {p.parent for p in (tmp_path / "tb").rglob("events.out.tfevents.*")}
    acc = ea.EventAccumulator(str(run_dir), size_guidance={ea.SCALARS: 0, ea.TENSORS: 0}).Reload()
    tensorboard = {tag: [e.step for e in acc.Scalars(tag)] for tag in acc.Tags()["scalars"]}
    run_id = mlflow.run_id(listener.session_id, listener.worker_id)
    assert run_id is not None
    client = MlflowClient(mlflow_sqlite_uri)
    keys = client.get_run(run_id).data.metrics
    logged = {key: sorted(m.step for m in client.get_metric_history(run_id, key)) for key in keys}

    assert tensorboard == logged
    # The scheme itself: groups of learning rates, ratios of weights only, stdev per layer, one norm.
    assert {k for k in logged if k.startswith("lr/")} == {"lr/group0", "lr/group1"}
    assert {k for k in logged if k.startswith("ratio/")} == {"ratio/fc1.weight", "ratio/fc2.weight"}
    assert {k for k in logged if k.startswith("stdev/parameters/")} == {
        "stdev/parameters/fc1",
        "stdev/parameters/norm",
        "stdev/parameters/fc2",
    }  # not "(root)": the stdev of its one element is undefined
    assert "grad_norm" in logged and "nonfinite/score" in logged and "metrics/val/loss" in logged
    assert ("parameters/fc1.weight/mean_magnitude" in logged) == detail
