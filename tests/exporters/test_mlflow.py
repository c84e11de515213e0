"""MLflowExporter against MLflow itself: a real ``mlflow server`` process and a ``sqlite:///`` store.

Every metric point read back with ``MlflowClient.get_metric_history`` must equal, step for step
and value for value, what an InMemoryStatsStorage fed by the same listener holds (with MLflow's
documented mapping of +/-Inf to +/-1.797e308).
"""

from __future__ import annotations

import json
import logging
import math
import subprocess
import sys
import time
import uuid
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import pytest
import torch
from mlflow import MlflowClient

from fitscope import FileStatsStorage, InMemoryStatsStorage, StatsListener
from fitscope.exporters import MLflowExporter
from fitscope.exporters._mlflow_metrics import ReportConverter, epoch_points, metric_key, metrics_points
from fitscope.exporters._mlflow_runs import file_name
from fitscope.record_json import to_json_dict
from fitscope.records import ScoreSeries, StaticInfo, StatsReport, Summary

from .conftest import MlflowServer, free_port

pytestmark = [
    pytest.mark.slow,
    # MLflow's SQL store (mlflow/store/tracking/sqlalchemy_store.py) uses a loader SQLAlchemy 2.1 deprecates.
    pytest.mark.filterwarnings("ignore:The ``noload`` loader strategy is deprecated:DeprecationWarning"),
]

MAX_FLOAT = 1.7976931348623157e308  # what MLflow's SQL store keeps of +Inf


# --------------------------------------------------------------------------- training


class Probe(torch.nn.Module):
    """Passes a copy of its input on; when ``spike`` is set, its output holds one +Inf."""

    def __init__(self) -> None:
        super().__init__()
        self.spike = False

    def forward(self, h: torch.Tensor) -> torch.Tensor:
        out = h.detach().clone()
        if self.spike:
            out[0, 0] = math.inf
        return out


class Net(torch.nn.Module):
    """Two linear layers with a BatchNorm between (a scale as large as its bias) and a probe."""

    def __init__(self) -> None:
        super().__init__()
        self.fc1 = torch.nn.Linear(4, 8)
        self.norm = torch.nn.BatchNorm1d(8)
        self.act = torch.nn.ReLU()
        self.probe = Probe()
        self.fc2 = torch.nn.Linear(8, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.act(self.norm(self.fc1(x)))
        self.probe(h)  # its output is only observed (an activation with an Inf, not a loss with one)
        out: torch.Tensor = self.fc2(h)
        return out


def train(listener: StatsListener, *, epochs: int = 2, steps: int = 6, nan_at: int = 5, spike_at: int = 8) -> Net:
    """Trains a small net, with a NaN score at ``nan_at``, an Inf activation at ``spike_at``, user metrics."""
    torch.manual_seed(0)
    model = Net()
    groups = [
        {"params": list(model.fc1.parameters()), "lr": 0.1},
        {"params": [*model.norm.parameters(), *model.fc2.parameters()], "lr": 0.05},
    ]
    opt = torch.optim.SGD(groups, lr=0.1)
    sched = torch.optim.lr_scheduler.StepLR(opt, step_size=1, gamma=0.5)
    listener.attach(model, opt)
    for epoch in range(epochs):
        for _ in range(steps):
            it = listener.iteration + 1
            model.probe.spike = it == spike_at
            x = torch.randn(5, 4)
            opt.zero_grad()
            loss = model(x).pow(2).mean()
            loss.backward()
            opt.step()
            listener.iteration_done(loss.detach() * math.nan if it == nan_at else loss, batch_size=5)
        listener.log_metrics({"val_loss": 1.0 / (epoch + 1), "val/acc": 0.5 + epoch / 10, "overflow": math.inf})
        listener.epoch_done()
        sched.step()
    return model


# --------------------------------------------------------------------------- expectations


def stored(value: float) -> float:
    """What MLflow's SQL store (behind the server too) gives back for ``value``."""
    return math.copysign(MAX_FLOAT, value) if math.isinf(value) else value


def same(a: list[tuple[int, float]], b: list[tuple[int, float]]) -> bool:
    """Equal step for step and value for value, NaN matching NaN."""
    return len(a) == len(b) and all(
        sa == sb and (va == vb or (math.isnan(va) and math.isnan(vb))) for (sa, va), (sb, vb) in zip(a, b, strict=True)
    )


def expected_points(
    mem: InMemoryStatsStorage, session: str, worker: str, *, detail: bool = False
) -> dict[str, list[tuple[int, float]]]:
    """Every point the exporter should have logged, from what the in-memory storage holds."""
    converter = ReportConverter(mem.get_static_info(session, worker), detail=detail)
    points = [p for r in mem.iter_updates(session, worker) for p in converter.convert(r)]
    points += [p for m in mem.read_metrics(session, worker) for p in metrics_points(m)]
    points += [p for e in mem.read_epochs(session, worker) for p in epoch_points(e)]
    out: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for key, value, _, step in points:
        out[key].append((step, stored(value)))
    return {k: sorted(v, key=lambda p: p[0]) for k, v in out.items()}


def history(client: MlflowClient, run_id: str, key: str) -> list[tuple[int, float]]:
    """The metric's points as MLflow returns them, by step."""
    return sorted(((m.step, m.value) for m in client.get_metric_history(run_id, key)), key=lambda p: p[0])


def assert_all_points_logged(client: MlflowClient, run_id: str, expected: dict[str, list[tuple[int, float]]]) -> None:
    """Every key, and nothing else, with exactly the expected points."""
    assert set(client.get_run(run_id).data.metrics) == set(expected)
    for key, points in expected.items():
        got = history(client, run_id, key)
        assert same(got, points), (key, got, points)


def series(mem: InMemoryStatsStorage, session: str, worker: str, key: str) -> list[tuple[int, float]]:
    """A stored series as (iteration, MLflow value) pairs, gaps left out."""
    s = mem.read_series(session, worker, key)
    return [(i, stored(v)) for i, v in zip(s.iterations, s.values, strict=True) if v is not None]


def new_experiment(uri: str, tmp_path: Path) -> str:
    """Creates an experiment of the test's own; on a SQLite store its artifacts go under ``tmp_path``."""
    name = f"test-{uuid.uuid4().hex[:8]}"
    location = None if uri.startswith("http") else (tmp_path / "artifacts").as_uri()
    MlflowClient(uri).create_experiment(name, artifact_location=location)
    return name


@pytest.fixture(params=["server", "sqlite"])
def tracking_uri(request: pytest.FixtureRequest) -> str:
    """A real tracking store: the shared ``mlflow server``, or the shared SQLite file."""
    if request.param == "server":
        server: MlflowServer = request.getfixturevalue("mlflow_server")
        return server.url
    uri: str = request.getfixturevalue("mlflow_sqlite_uri")
    return uri


def fitscope_errors(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    """Errors the exporter logged on the ``fitscope`` logger."""
    return [r for r in caplog.records if r.name == "fitscope" and r.levelno >= logging.ERROR]


# --------------------------------------------------------------------------- round trips


def test_every_point_params_tags_and_artifacts_reach_mlflow(tracking_uri: str, tmp_path: Path) -> None:
    detail = not tracking_uri.startswith("http")  # per-tensor detail through the SQLite store
    mem = InMemoryStatsStorage()
    exporter = MLflowExporter(tracking_uri, experiment=new_experiment(tracking_uri, tmp_path), detail=detail)
    listener = StatsListener(
        [mem, exporter],
        frequency=2,
        session_name="round trip",
        tags={"team": "vision"},
        hyperparameters={"lr": 0.1, "optimizer": {"name": "sgd", "momentum": 0.0}, "layers": [4, 8, 2]},
        max_overhead=None,  # every histogram in every report: the artifacts are compared one by one
    )
    train(listener)
    listener.close()
    assert [s.errors for s in listener.sink_status()] == [0, 0]
    session, worker = listener.session_id, listener.worker_id
    run_id = exporter.run_id(session, worker)
    assert run_id is not None and exporter.points_lost == 0
    client = MlflowClient(tracking_uri)
    run = client.get_run(run_id)
    assert (run.info.status, run.info.run_name) == ("FINISHED", "round trip")

    expected = expected_points(mem, session, worker, detail=detail)
    assert_all_points_logged(client, run_id, expected)
    assert exporter.points_sent == sum(len(v) for v in expected.values())

    # What the points mean, read from the storage without the exporter's own conversion.
    assert same(history(client, run_id, "score"), series(mem, session, worker, "score"))
    assert any(math.isnan(v) for _, v in history(client, run_id, "score"))  # MLflow keeps NaN
    assert history(client, run_id, "metrics/overflow") == [(6, MAX_FLOAT), (12, MAX_FLOAT)]  # +Inf, clamped
    assert history(client, run_id, "metrics/val/acc") == [(6, 0.5), (12, 0.6)]
    assert history(client, run_id, "epoch") == [(6, 0.0), (12, 1.0)]
    assert history(client, run_id, "lr/group0") == series(mem, session, worker, "learning_rates/fc1.weight")
    assert history(client, run_id, "lr/group1") == series(mem, session, worker, "learning_rates/fc2.weight")
    assert [v for _, v in history(client, run_id, "lr/group0")] == [0.1] * 3 + [0.05] * 3
    reports = list(mem.iter_updates(session, worker))
    norms = [
        (r.iteration, math.sqrt(sum(s.sum_squares or 0.0 for s in r.summaries["gradients"].values()))) for r in reports
    ]
    assert same(history(client, run_id, "grad_norm"), norms)
    ratios = [
        (
            r.iteration,
            math.log10(
                (r.summaries["updates"]["fc1.weight"].mean_magnitude or math.nan)
                / (r.summaries["parameters"]["fc1.weight"].mean_magnitude or math.nan)
            ),
        )
        for r in reports
        if "updates" in r.summaries
    ]
    assert same(history(client, run_id, "ratio/fc1.weight"), ratios)
    assert {k for k in expected if k.startswith("ratio/")} == {"ratio/fc1.weight", "ratio/fc2.weight"}
    assert history(client, run_id, "nonfinite/activations")[3] == (8, 1.0)  # the probe's +Inf at iteration 8
    assert same(
        history(client, run_id, "stdev/activations/probe"), series(mem, session, worker, "activations/probe/stdev")
    )
    assert [m.timestamp for m in client.get_metric_history(run_id, "performance/total_examples")] == [
        r.timestamp_ms for r in reports
    ]
    if detail:
        assert same(
            history(client, run_id, "gradients/fc2.bias/max"), series(mem, session, worker, "gradients/fc2.bias/max")
        )

    params, tags = run.data.params, run.data.tags
    assert params["lr"] == "0.1" and params["optimizer.name"] == "sgd" and params["layers"] == "[4,8,2]"
    assert params["fitscope.model.class_name"] == "Net" and params["fitscope.listener.frequency"] == "2"
    assert tags["team"] == "vision" and tags["fitscope.session_id"] == session and tags["fitscope.worker_id"] == worker

    static = json.loads(Path(client.download_artifacts(run_id, "fitscope/static_info.json", str(tmp_path))).read_text())
    info = mem.get_static_info(session, worker)
    assert info is not None and static == to_json_dict(info)
    jsonl = f"fitscope/histograms/{file_name(worker)}.jsonl"
    lines = [
        json.loads(line)
        for line in Path(client.download_artifacts(run_id, jsonl, str(tmp_path))).read_text().splitlines()
    ]
    wanted = [
        (r.iteration, k, n)
        for r in reports
        for k, by in r.summaries.items()
        for n, s in by.items()
        if s.histogram or (s.nonfinite_count and s.finite_count == 0)
    ]
    assert [(line["iteration"], line["kind"], line["name"]) for line in lines] == wanted
    spike = next(
        line for line in lines if (line["iteration"], line["kind"], line["name"]) == (8, "activations", "probe")
    )
    summary = reports[3].summaries["activations"]["probe"]
    assert summary.histogram is not None
    assert spike["counts"] == list(summary.histogram.counts) and spike["edges"] == summary.histogram.edges()
    assert (spike["nonfinite_count"], spike["posinf_count"], spike["count"]) == (1, 1, 40)


def test_logs_into_the_run_active_on_the_constructing_thread(
    mlflow_sqlite_uri: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import mlflow

    caplog.set_level(logging.WARNING, logger="fitscope")
    monkeypatch.setenv("MLFLOW_TRACKING_URI", mlflow_sqlite_uri)
    experiment = new_experiment(mlflow_sqlite_uri, tmp_path)
    client = MlflowClient(mlflow_sqlite_uri)
    experiment_id = client.get_experiment_by_name(experiment).experiment_id
    with mlflow.start_run(experiment_id=experiment_id) as active:
        mlflow.log_params({"lr": 0.1, "batch": 64})  # the user's own: lr agrees, batch does not
        mem = InMemoryStatsStorage()
        exporter = MLflowExporter()
        listener = StatsListener([mem, exporter], frequency=3, hyperparameters={"lr": 0.1, "batch": 32, "seed": 7})
        train(listener, epochs=1)
        listener.close()
        assert exporter.run_id(listener.session_id, listener.worker_id) == active.info.run_id
        assert client.get_run(active.info.run_id).info.status == "RUNNING"  # the user's run is theirs to end
    expected = expected_points(mem, listener.session_id, listener.worker_id)
    assert_all_points_logged(client, active.info.run_id, expected)
    params = client.get_run(active.info.run_id).data.params
    assert params["fitscope.model.class_name"] == "Net" and params["seed"] == "7"
    assert (params["lr"], params["batch"]) == ("0.1", "64")  # MLflow params cannot change: the user's stays
    refused = [r.getMessage() for r in caplog.records if "refused the params" in r.getMessage()]
    assert len(refused) == 1 and refused[0].endswith(
        "refused the params batch (an MLflow param cannot change once logged)."
    )
    assert not fitscope_errors(caplog)


def test_one_run_per_worker_and_run_id_for_the_first(mlflow_sqlite_uri: str, tmp_path: Path) -> None:
    client = MlflowClient(mlflow_sqlite_uri)
    experiment = new_experiment(mlflow_sqlite_uri, tmp_path)
    given = client.create_run(client.get_experiment_by_name(experiment).experiment_id).info.run_id
    exporter = MLflowExporter(mlflow_sqlite_uri, experiment=experiment, run_id=given)
    session = str(uuid.uuid4())
    mems, listeners = [], []
    for worker in ("w0", "w1"):
        mem = InMemoryStatsStorage()
        listener = StatsListener(
            [mem, exporter], frequency=2, session_id=session, worker_id=worker, session_name="pair", close_sinks=False
        )
        train(listener, epochs=1)
        listener.close()
        mems.append(mem)
        listeners.append(listener)
    exporter.close()
    run_ids = [exporter.run_id(session, w) for w in ("w0", "w1")]
    assert run_ids[0] == given and run_ids[1] not in (None, given)
    second = client.get_run(str(run_ids[1]))
    assert second.info.run_name == "pair (w1)" and second.info.status == "FINISHED"
    assert second.data.tags["mlflow.parentRunId"] == given and second.data.tags["fitscope.worker_id"] == "w1"
    assert client.get_run(given).info.status == "RUNNING"
    for run_id, mem, worker in zip(run_ids, mems, ("w0", "w1"), strict=True):
        assert_all_points_logged(client, str(run_id), expected_points(mem, session, worker))


# --------------------------------------------------------------------------- failures


def test_a_killed_server_neither_stalls_nor_breaks_training(
    start_mlflow_server: Callable[[], MlflowServer], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    server = start_mlflow_server()
    caplog.set_level(logging.INFO, logger="fitscope")
    path = tmp_path / "run.fitscope"
    exporter = MLflowExporter(server.url, experiment="killed")
    listener = StatsListener([FileStatsStorage(path), exporter], frequency=1)
    start = time.monotonic()
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.ReLU(), torch.nn.Linear(8, 2))
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    listener.attach(model, opt)
    step_s = []
    for it in range(1, 61):
        if it == 21:
            assert listener.flush(30) and exporter.flush()
            assert exporter.points_sent > 0
            server.kill()
        x = torch.randn(5, 4)
        opt.zero_grad()
        loss = model(x).pow(2).mean()
        loss.backward()
        opt.step()
        t0 = time.perf_counter()
        listener.iteration_done(loss, batch_size=5)
        step_s.append(time.perf_counter() - t0)
    listener.log_metrics({"val_loss": 0.5})
    listener.epoch_done()
    listener.close()
    elapsed = time.monotonic() - start
    assert elapsed < 30, elapsed
    assert max(step_s) < 0.5, max(step_s)  # the training thread only ever enqueues
    with FileStatsStorage(path) as stored_run:
        assert stored_run.count_updates(listener.session_id, listener.worker_id) == 60
        assert len(stored_run.read_epochs(listener.session_id, listener.worker_id)) == 1
    errors = fitscope_errors(caplog)
    assert len(errors) == 1 and "cannot reach the tracking store" in errors[0].getMessage()
    assert [(s.errors, s.dropped) for s in listener.sink_status()] == [(0, 0), (0, 0)]
    assert exporter.points_lost > 0  # what was still waiting at close


def test_points_buffered_while_the_server_is_down_are_sent_once_in_order(
    start_mlflow_server: Callable[[], MlflowServer], caplog: pytest.LogCaptureFixture
) -> None:
    server = start_mlflow_server()
    caplog.set_level(logging.INFO, logger="fitscope")
    mem = InMemoryStatsStorage()
    exporter = MLflowExporter(server.url, experiment="restarted", timeout_s=2.0, max_retries=0)
    listener = StatsListener([mem, exporter], frequency=1, session_name="restarted")
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.ReLU(), torch.nn.Linear(8, 2))
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    listener.attach(model, opt)

    def steps(n: int) -> None:
        for _ in range(n):
            opt.zero_grad()
            loss = model(torch.randn(5, 4)).pow(2).mean()
            loss.backward()
            opt.step()
            listener.iteration_done(loss, batch_size=5)
        assert listener.flush(30)
        exporter.flush()

    steps(5)
    server.kill()
    steps(10)
    server.start()  # same port, same database
    steps(5)
    listener.close()
    session, worker = listener.session_id, listener.worker_id
    run_id = exporter.run_id(session, worker)
    assert run_id is not None and exporter.points_lost == 0
    client = MlflowClient(server.url)
    assert client.get_run(run_id).info.status == "FINISHED"
    assert_all_points_logged(client, run_id, expected_points(mem, session, worker))
    assert len(fitscope_errors(caplog)) == 1
    assert any("reaches the tracking store again" in r.getMessage() for r in caplog.records)


def small_report(iteration: int) -> StatsReport:
    """A report with a score and one parameter's statistics."""
    s = Summary(count=4, mean=0.5, stdev=0.1, mean_magnitude=0.5, min=0.4, max=0.6, sum=2.0, sum_squares=1.03)
    return StatsReport(
        "s",
        "w",
        1_700_000_000_000 + iteration,
        iteration,
        score=1.0 / iteration,
        scores=ScoreSeries((iteration,), (1.0 / iteration,)),
        summaries={"parameters": {"fc.weight": s}, "updates": {"fc.weight": s}},
    )


def test_an_unreachable_store_keeps_a_bounded_buffer_and_never_raises(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="fitscope")
    exporter = MLflowExporter(f"http://127.0.0.1:{free_port()}", max_pending=3, max_retries=0, timeout_s=1.0)
    start = time.monotonic()
    exporter.put_static_info(StaticInfo("s", "w", 1_700_000_000_000))
    points = 0
    for it in range(1, 11):
        report = small_report(it)
        points += len(ReportConverter(None).convert(report))
        exporter.put_update(report)
    assert exporter.points_lost == points * 7 // 10  # the 7 oldest of 10 reports, past max_pending=3
    exporter.close()
    assert exporter.points_lost == points
    assert time.monotonic() - start < 10
    assert len(fitscope_errors(caplog)) == 1
    assert sum("oldest waiting report is dropped" in r.getMessage() for r in caplog.records) == 1


# --------------------------------------------------------------------------- names and dependency


@pytest.mark.parametrize(
    "name",
    [
        "metrics/val acc!",
        "memory/cuda:0/current_bytes",
        "a//b/",
        "../up",
        "./x/./y",
        "stdev/parameters/(root)",
        "é" * 300,
    ],
)
def test_metric_keys_are_valid_for_mlflow_and_stable(name: str) -> None:
    from mlflow.utils.validation import _validate_metric_name

    key = metric_key(name)
    _validate_metric_name(key)
    assert key == metric_key(name) and len(key) <= 250
    assert key.isascii() and ":" not in key  # valid on Windows too, so runs compare across machines


def test_long_names_stay_distinct() -> None:
    assert metric_key("x" * 300 + "a") != metric_key("x" * 300 + "b")


def test_missing_mlflow_names_the_pip_install_and_import_stays_light(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "import fitscope.exporters\n"
        "from fitscope.exporters import MLflowExporter\n"
        "assert 'mlflow' not in sys.modules, 'importing the exporter imported mlflow'\n"
        "sys.modules['mlflow'] = None\n"
        "try:\n"
        "    MLflowExporter('http://127.0.0.1:1')\n"
        "except ImportError as exc:\n"
        "    print(type(exc).__name__, exc)\n"
    )
    # Run outside the checkout, whose fitscope/ folder would shadow the installed package (and its exporters).
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60, cwd=tmp_path
    )
    assert out.stdout.startswith("MissingDependencyError")
    assert 'pip install "fitscope[mlflow]"' in out.stdout


def test_is_a_stats_sink_and_refuses_records_after_close(mlflow_sqlite_uri: str) -> None:
    from fitscope import StatsSink
    from fitscope.errors import StorageClosedError

    exporter = MLflowExporter(mlflow_sqlite_uri)
    assert isinstance(exporter, StatsSink)
    exporter.close()
    exporter.close()
    with pytest.raises(StorageClosedError):
        exporter.put_update(small_report(1))


def test_bad_arguments_are_refused(mlflow_sqlite_uri: str) -> None:
    for kwargs in ({"timeout_s": 0}, {"max_retries": -1}, {"max_pending": 0}, {"send_interval_s": math.inf}):
        with pytest.raises(ValueError):
            MLflowExporter(mlflow_sqlite_uri, **kwargs)
