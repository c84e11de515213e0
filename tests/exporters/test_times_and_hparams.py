"""Wall times of scores and runs, and hyperparameters in TensorBoard's HParams plugin, read back by the tools.

Reports are built by hand with distinct timestamps per score so that a shared timestamp (the
report's) cannot pass for each iteration's own.
"""

from __future__ import annotations

import dataclasses
import logging
import socket
from pathlib import Path

import pytest
from mlflow.tracking import MlflowClient
from storage import factories as f
from tensorboard.backend.event_processing import (  # type: ignore[import-untyped, unused-ignore]
    event_accumulator as ea,
)
from tensorboard.plugins.hparams import (  # type: ignore[import-untyped, unused-ignore]
    plugin_data_pb2,
)

from fitscope.exporters import MLflowExporter, TensorBoardExporter
from fitscope.records import EpochRecord, ScoreSeries, StatsReport

pytestmark = [
    pytest.mark.filterwarnings("ignore:The ``noload`` loader strategy is deprecated:DeprecationWarning"),
]

KEEP_ALL = {ea.SCALARS: 0, ea.HISTOGRAMS: 0, ea.TENSORS: 0}
START_MS = 1_700_000_000_000  # StaticInfo: the run starts here


def timed_reports(*, with_times: bool = True) -> list[StatsReport]:
    """3 reports of a 4-iteration window each; iteration i ended at START_MS + 1000 * i + 7 (ms)."""
    out = []
    for n in (4, 8, 12):
        base = f.report(n, window=4, ts=START_MS + 1000 * n + 500)  # the report is built after its iteration
        times = tuple(START_MS + 1000 * it + 7 for it in base.scores.iterations) if with_times else ()
        out.append(dataclasses.replace(base, scores=ScoreSeries(base.scores.iterations, base.scores.values, times)))
    return out


def static() -> object:
    return dataclasses.replace(
        f.static_info(ts=START_MS),
        hyperparameters={"lr": 0.01, "batch": 32, "schedule": [1, 2, 3], "amp": True, "opt": {"name": "adam"}},
    )


def feed(sink: object, reports: list[StatsReport]) -> None:
    sink.put_static_info(static())  # type: ignore[attr-defined]
    for r in reports:
        sink.put_update(r)  # type: ignore[attr-defined]
    last = reports[-1]
    sink.put_epoch(EpochRecord(last.session_id, last.worker_id, START_MS + 60_000, last.iteration, 0))  # type: ignore[attr-defined]
    sink.close()  # type: ignore[attr-defined]


def tensorboard_run(tmp_path: Path, reports: list[StatsReport]) -> ea.EventAccumulator:
    exporter = TensorBoardExporter(tmp_path / "tb", flush_secs=0)
    feed(exporter, reports)
    (run,) = {p.parent for p in (tmp_path / "tb").rglob("events.out.tfevents.*")}
    return ea.EventAccumulator(str(run), size_guidance=KEEP_ALL).Reload()


def test_tensorboard_score_points_carry_their_own_wall_time(tmp_path: Path) -> None:
    acc = tensorboard_run(tmp_path, timed_reports())
    got = [(e.step, round(e.wall_time * 1000)) for e in acc.Scalars("score")]
    assert got == [(it, START_MS + 1000 * it + 7) for it in range(1, 13)]
    # Other tags keep the report's time.
    assert {round(e.wall_time * 1000) for e in acc.Scalars("performance/total_runtime_ms")} == {
        START_MS + 1000 * n + 500 for n in (4, 8, 12)
    }


def test_tensorboard_score_without_times_falls_back_on_the_report_time(tmp_path: Path) -> None:
    acc = tensorboard_run(tmp_path, timed_reports(with_times=False))
    got = [(e.step, round(e.wall_time * 1000)) for e in acc.Scalars("score")]
    assert got == [(it, START_MS + 1000 * (4 * ((it + 3) // 4)) + 500) for it in range(1, 13)]


def test_mlflow_score_points_carry_their_own_timestamp_and_the_run_spans_the_training(mlflow_sqlite_uri: str) -> None:
    exporter = MLflowExporter(mlflow_sqlite_uri, experiment="issue8-times", send_interval_s=0)
    feed(exporter, timed_reports())
    run_id = exporter.run_id(f.SESSION, f.WORKER)
    assert run_id is not None and exporter.records_lost == 0
    client = MlflowClient(mlflow_sqlite_uri)
    history = sorted((m.step, m.timestamp) for m in client.get_metric_history(run_id, "score"))
    assert history == [(it, START_MS + 1000 * it + 7) for it in range(1, 13)]
    ratio = {m.timestamp for m in client.get_metric_history(run_id, "performance/total_runtime_ms")}
    assert ratio == {START_MS + 1000 * n + 500 for n in (4, 8, 12)}
    info = client.get_run(run_id).info
    assert (info.start_time, info.end_time, info.status) == (START_MS, START_MS + 60_000, "FINISHED")


def test_mlflow_score_without_times_falls_back_on_the_report_time(mlflow_sqlite_uri: str) -> None:
    exporter = MLflowExporter(mlflow_sqlite_uri, experiment="issue8-no-times", send_interval_s=0)
    feed(exporter, timed_reports(with_times=False))
    run_id = exporter.run_id(f.SESSION, f.WORKER)
    assert run_id is not None
    history = sorted((m.step, m.timestamp) for m in MlflowClient(mlflow_sqlite_uri).get_metric_history(run_id, "score"))
    assert history == [(it, START_MS + 1000 * (4 * ((it + 3) // 4)) + 500) for it in range(1, 13)]


def test_hyperparameters_reach_the_hparams_plugin_next_to_the_score(tmp_path: Path) -> None:
    acc = tensorboard_run(tmp_path, timed_reports())
    content = acc.PluginTagToContent("hparams")
    assert set(content) == {"_hparams_/experiment", "_hparams_/session_start_info", "_hparams_/session_end_info"}
    experiment = plugin_data_pb2.HParamsPluginData.FromString(content["_hparams_/experiment"]).experiment
    assert [m.name.tag for m in experiment.metric_infos] == ["score"]
    assert {h.name for h in experiment.hparam_infos} == {"lr", "batch", "schedule", "amp", "opt.name"}
    start = plugin_data_pb2.HParamsPluginData.FromString(content["_hparams_/session_start_info"]).session_start_info
    hp = start.hparams
    assert (hp["lr"].number_value, hp["batch"].number_value) == (0.01, 32.0)
    assert (hp["amp"].bool_value, hp["schedule"].string_value, hp["opt.name"].string_value) == (True, "[1,2,3]", "adam")
    assert start.start_time_secs == START_MS / 1000
    end = plugin_data_pb2.HParamsPluginData.FromString(content["_hparams_/session_end_info"]).session_end_info
    assert end.status == 1 and end.end_time_secs == (START_MS + 60_000) / 1000  # STATUS_SUCCESS
    assert acc.Scalars("score")[-1].step == 12  # the metric the HPARAMS tab shows: the final score


def test_an_exporter_that_could_not_deliver_says_so_in_the_log(caplog: pytest.LogCaptureFixture) -> None:
    """Under a listener nothing is raised into training: close() logs how many records did not arrive."""
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{s.getsockname()[1]}"
    exporter = MLflowExporter(url, timeout_s=1, max_retries=0)
    caplog.set_level(logging.WARNING, logger="fitscope")
    feed(exporter, timed_reports())
    assert exporter.records_lost == 5  # StaticInfo, 3 reports, the epoch end
    (warning,) = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert "5 records" in warning.getMessage() and "not delivered" in warning.getMessage()
