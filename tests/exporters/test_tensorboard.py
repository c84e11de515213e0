"""TensorBoardExporter against TensorBoard itself: its event reader and a real ``tensorboard`` server.

Every scalar and histogram read back must equal what an InMemoryStatsStorage fed by the same
listener holds (scalars at float32, TensorBoard's scalar type; histograms exactly).
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
import subprocess
import sys
import textwrap
import time
import urllib.parse
import urllib.request
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import torch
from storage import factories as f
from tensorboard.backend.event_processing import (  # type: ignore[import-untyped, unused-ignore]
    event_accumulator as ea,
)

from fitscope import InMemoryStatsStorage, StatsListener, StatsSink
from fitscope.errors import ExportError, MissingDependencyError, StorageClosedError
from fitscope.exporters import TensorBoardExporter
from fitscope.exporters._mlflow_metrics import ReportConverter
from fitscope.exporters.tensorboard import run_path_segment
from fitscope.records import StaticInfo, Summary

Points = list[tuple[int, float]]
KEEP_ALL = {ea.SCALARS: 0, ea.HISTOGRAMS: 0, ea.TENSORS: 0}
SESSION_NAME = "tb round trip"
WORKER = "host:rank0"


@dataclass
class TrainedRun:
    """A finished listener run fed to both an InMemoryStatsStorage and a TensorBoardExporter."""

    storage: InMemoryStatsStorage
    exporter: TensorBoardExporter
    session_id: str
    worker_id: str

    @property
    def run_dir(self) -> Path:
        """The exporter's run directory of this run."""
        return Path(self.exporter.run_directory(self.session_id, self.worker_id))

    @property
    def run_name(self) -> str:
        """TensorBoard's name of the run: its path under the logdir."""
        return Path(os.path.relpath(self.run_dir, self.exporter.logdir)).as_posix()


def train(logdir: Path, max_overhead: float | None = None) -> TrainedRun:
    """Trains a small MLP for 2 epochs of 6 steps, reporting every 2, with NaN and Inf along the way.

    ``max_overhead=None`` (the default here): every histogram in every report.

    ``broken`` (unused by forward) holds NaN/+Inf/-Inf from iteration 4 to 8; ``dead`` is all NaN
    (no finite value: no statistics, no histogram). Scores 5 and 6 are NaN, 7 is +Inf.
    """
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.ReLU(), torch.nn.Linear(8, 1))
    broken = torch.nn.Parameter(torch.ones(3, 3))
    model.register_parameter("broken", broken)
    model.register_parameter("dead", torch.nn.Parameter(torch.full((2,), math.nan)))
    opt = torch.optim.SGD(model.parameters(), lr=0.05)
    storage = InMemoryStatsStorage()
    exporter = TensorBoardExporter(logdir)
    listener = StatsListener(
        [storage, exporter],
        frequency=2,
        worker_id=WORKER,
        session_name=SESSION_NAME,
        hyperparameters={"lr": 0.05, "batch_size": 8},
        close_sinks=True,
        max_overhead=max_overhead,
    )
    listener.attach(model, opt, example_input=torch.randn(8, 4))
    for epoch in range(2):
        for _ in range(6):
            iteration = listener.iteration + 1
            x = torch.randn(8, 4)
            loss = torch.nn.functional.mse_loss(model(x), x.sum(1, keepdim=True))
            opt.zero_grad()
            torch.autograd.backward(loss)
            opt.step()
            with torch.no_grad():
                if iteration == 4:
                    broken[0, 0], broken[1, 1], broken[2, 2] = math.nan, math.inf, -math.inf
                if iteration == 9:
                    broken.fill_(0.5)
            score: Any = {5: math.nan, 6: math.nan, 7: math.inf}.get(iteration, loss)
            listener.iteration_done(score, batch_size=8)
        listener.log_metrics({"val_loss": 1.0 / (epoch + 1), "val_acc": math.nan if epoch == 0 else 0.9})
        listener.epoch_done()
    listener.close()
    assert [s.errors for s in listener.sink_status()] == [0, 0]
    return TrainedRun(storage, exporter, listener.session_id, listener.worker_id)


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> TrainedRun:
    """One trained run shared by the read-back tests (its storage stays readable after close)."""
    return train(tmp_path_factory.mktemp("tb"))


def accumulator(path: Path) -> ea.EventAccumulator:
    """TensorBoard's reader over ``path``, keeping every point."""
    acc = ea.EventAccumulator(str(path), size_guidance=KEEP_ALL)
    acc.Reload()
    return acc


def same_f32(a: float, b: float) -> bool:
    """Equal as float32 (TensorBoard's scalar type), NaN matching NaN."""
    x, y = np.float32(a), np.float32(b)
    return bool((np.isnan(x) and np.isnan(y)) or x == y)


def assert_same_points(actual: Points, expected: Points, tag: str) -> None:
    assert [s for s, _ in actual] == [s for s, _ in expected], tag
    bad = [(s, a, e) for (s, a), (_, e) in zip(actual, expected, strict=True) if not same_f32(a, e)]
    assert not bad, f"{tag}: (step, exported, stored) differ: {bad}"


# --------------------------------------------------------------------------- expected, from the storage


def expected_scalars(run: TrainedRun) -> dict[str, Points]:
    """Every scalar series the exporter should have written: the shared naming scheme of both exporters.

    The names and values are those of ``ReportConverter`` (what the MLflow exporter logs too);
    ``test_the_scalars_mean_what_the_docs_say`` checks what they mean against the storage.
    """
    st, sid, wid = run.storage, run.session_id, run.worker_id
    converter = ReportConverter(st.get_static_info(sid, wid))
    out: dict[str, Points] = defaultdict(list)
    for report in st.iter_updates(sid, wid):
        for key, value, _, step in converter.convert(report):
            out[key].append((step, value))
    for record in st.read_metrics(sid, wid):
        for name, v in record.values.items():
            out[f"metrics/{name}"].append((record.iteration, v))
    out["epoch"] = [(e.iteration, float(e.epoch)) for e in st.read_epochs(sid, wid)]
    return {tag: sorted(points, key=lambda p: p[0]) for tag, points in out.items()}


def expected_histograms(run: TrainedRun) -> dict[str, list[tuple[int, Summary]]]:
    """Every histogram the exporter should have written: the summaries that have one."""
    out: dict[str, list[tuple[int, Summary]]] = defaultdict(list)
    for report in run.storage.iter_updates(run.session_id, run.worker_id):
        for kind, by_name in report.summaries.items():
            for name, s in by_name.items():
                if s.histogram is not None:
                    out[f"histogram/{kind}/{name}"].append((report.iteration, s))
    return out


# --------------------------------------------------------------------------- round trip through the reader


def test_the_run_lands_in_one_deterministic_run_directory(trained: TrainedRun) -> None:
    assert trained.run_dir == Path(trained.exporter.logdir) / "tb_round_trip" / "host_rank0"
    files = list(trained.run_dir.iterdir())
    assert len(files) == 1 and files[0].name.startswith("events.out.tfevents.")


def test_every_scalar_equals_the_storage(trained: TrainedRun) -> None:
    acc = accumulator(trained.run_dir)
    actual = {tag: [(e.step, e.value) for e in acc.Scalars(tag)] for tag in acc.Tags()["scalars"]}
    expected = expected_scalars(trained)
    assert sorted(actual) == sorted(expected)
    for tag, points in expected.items():
        assert_same_points(actual[tag], points, tag)


def test_the_scalars_mean_what_the_docs_say(trained: TrainedRun) -> None:
    acc = accumulator(trained.run_dir)
    st, sid, wid = trained.storage, trained.session_id, trained.worker_id

    def stored(key: str) -> Points:
        s = st.read_series(sid, wid, key)
        return [(i, v) for i, v in zip(s.iterations, s.values, strict=True) if v is not None]

    def exported(tag: str) -> Points:
        return [(e.step, e.value) for e in acc.Scalars(tag)]

    assert_same_points(exported("score"), stored("score"), "score")
    assert_same_points(exported("lr/group0"), stored("learning_rates/0.weight"), "lr/group0")
    tags = set(acc.Tags()["scalars"])
    # Ratios for the weights (2+ dimensions) only; stdev per layer; no per-parameter learning rate.
    assert {t for t in tags if t.startswith("ratio/")} == {"ratio/0.weight", "ratio/2.weight"}
    assert {t for t in tags if t.startswith("stdev/parameters/")} == {
        "stdev/parameters/0",
        "stdev/parameters/2",
        "stdev/parameters/_root_",
    }
    magnitudes = dict(stored("parameters/0.weight/mean_magnitude"))
    ratios = [(i, math.log10(u / magnitudes[i])) for i, u in stored("updates/0.weight/mean_magnitude")]
    assert_same_points(exported("ratio/0.weight"), ratios, "ratio/0.weight")
    reports = list(st.iter_updates(sid, wid))
    norms = [
        (r.iteration, math.sqrt(sum(s.sum_squares or 0.0 for s in r.summaries["gradients"].values()))) for r in reports
    ]
    assert_same_points(exported("grad_norm"), norms, "grad_norm")


def test_non_finite_values_stay_visible(trained: TrainedRun) -> None:
    acc = accumulator(trained.run_dir)
    score = {e.step: e.value for e in acc.Scalars("score")}
    assert math.isnan(score[5]) and math.isnan(score[6]) and score[7] == math.inf
    # "broken" holds 3 non-finite values from iteration 4 to 8; "dead" 2 all along.
    assert [(e.step, e.value) for e in acc.Scalars("nonfinite/parameters")] == [
        (2, 2.0),
        (4, 5.0),
        (6, 5.0),
        (8, 5.0),
        (10, 2.0),
        (12, 2.0),
    ]
    assert [e.value for e in acc.Scalars("nonfinite/score")] == [0.0, 0.0, 2.0, 1.0, 0.0, 0.0]
    assert "histogram/parameters/dead" not in acc.Tags()["histograms"]
    assert math.isnan(acc.Scalars("metrics/val_acc")[0].value)


def test_every_histogram_equals_the_storage(trained: TrainedRun) -> None:
    acc = accumulator(trained.run_dir)
    expected = expected_histograms(trained)
    assert sorted(acc.Tags()["histograms"]) == sorted(expected)
    for tag, summaries in expected.items():
        events = acc.Histograms(tag)
        assert [e.step for e in events] == [i for i, _ in summaries], tag
        for event, (_, s) in zip(events, summaries, strict=True):
            h, got = s.histogram, event.histogram_value
            assert h is not None
            assert (got.min, got.max, got.num) == (h.min, h.max, s.finite_count), tag
            assert (got.sum, got.sum_squares) == (s.sum, s.sum_squares), tag
            assert list(got.bucket_limit) == h.edges()[1:], tag
            assert list(got.bucket) == list(h.counts), tag


def test_under_a_budget_each_step_holds_exactly_the_histograms_its_report_holds(tmp_path: Path) -> None:
    run = train(tmp_path, max_overhead=1e-9)  # a budget nothing meets: histograms spread at once
    reports = list(run.storage.iter_updates(run.session_id, run.worker_id))
    assert all(r.budget is not None for r in reports)
    left_out = sum(
        1 for r in reports for by_name in r.summaries.values() for s in by_name.values() if s.histogram is None
    )
    assert left_out > 2 * len(reports)  # more than the two without finite values per report
    acc = accumulator(run.run_dir)
    expected = expected_histograms(run)
    assert sorted(acc.Tags()["histograms"]) == sorted(expected)
    for tag, summaries in expected.items():
        events = acc.Histograms(tag)
        assert [e.step for e in events] == [i for i, _ in summaries], tag
        for event, (_, s) in zip(events, summaries, strict=True):
            assert s.histogram is not None and list(event.histogram_value.bucket) == list(s.histogram.counts), tag
    scalars = {tag: [(e.step, e.value) for e in acc.Scalars(tag)] for tag in acc.Tags()["scalars"]}
    overhead = [(r.iteration, r.budget.overhead) for r in reports if r.budget is not None]
    assert_same_points(scalars["performance/overhead"], overhead, "performance/overhead")  # type: ignore[arg-type]
    for kind in ("parameters", "gradients", "updates", "activations"):
        strides = [(r.iteration, float(r.budget.histogram_strides[kind])) for r in reports if r.budget is not None]
        assert strides[0][1] == 1.0  # the first report holds every histogram
        assert strides[-1][1] > 1.0 or kind in ("updates", "gradients")  # spread: activations, then parameters
        assert_same_points(scalars[f"performance/histogram_stride/{kind}"], strides, kind)


def test_static_info_and_hyperparameters_are_markdown_text_at_step_0(trained: TrainedRun) -> None:
    acc = accumulator(trained.run_dir)
    hparams = ["_hparams_/experiment", "_hparams_/session_end_info", "_hparams_/session_start_info"]
    # (the run's NaN score also makes a diagnostics/score_nonfinite text: tests/exporters/test_findings_export.py)
    text = [t for t in acc.Tags()["tensors"] if not t.startswith("diagnostics/")]
    assert sorted(text) == [*hparams, "hyperparameters", "static_info"]
    (static,) = acc.Tensors("static_info")
    text = static.tensor_proto.string_val[0].decode()
    assert static.step == 0
    assert SESSION_NAME in text and WORKER in text and "| class name | Sequential |" in text
    assert "#### Layers" in text and "| Linear |" in text
    (hyper,) = acc.Tensors("hyperparameters")
    assert "| batch_size | 8 |" in hyper.tensor_proto.string_val[0].decode()


def test_events_carry_the_records_wall_time(trained: TrainedRun) -> None:
    acc = accumulator(trained.run_dir)
    epochs = trained.storage.read_epochs(trained.session_id, trained.worker_id)
    assert [e.wall_time for e in acc.Scalars("epoch")] == [e.timestamp_ms / 1000.0 for e in epochs]


# --------------------------------------------------------------------------- a real tensorboard server


def data_server_available() -> bool:
    try:
        import tensorboard_data_server  # type: ignore[import-untyped, unused-ignore]
    except ImportError:
        return False
    return tensorboard_data_server.server_binary() is not None


@contextlib.contextmanager
def tensorboard_server(logdir: str, load_fast: str, log: Path) -> Iterator[str]:
    """Runs ``tensorboard --logdir LOGDIR --host 127.0.0.1 --port 0``; yields its base URL.

    Port 0 makes TensorBoard pick a free port, which it prints on stderr. The process is
    terminated (killed if it lingers) when the block ends, however it ends.
    """
    argv = [sys.executable, "-m", "tensorboard.main", "--logdir", logdir, "--host", "127.0.0.1", "--port", "0"]
    with log.open("wb") as err:
        proc = subprocess.Popen([*argv, f"--load_fast={load_fast}"], stdout=subprocess.DEVNULL, stderr=err)
    try:
        deadline = time.monotonic() + 60
        while (found := re.search(r"at (http://127\.0\.0\.1:\d+/)", log.read_text(errors="replace"))) is None:
            assert proc.poll() is None, f"tensorboard exited with {proc.returncode}: {log.read_text()}"
            assert time.monotonic() < deadline, f"tensorboard did not start in 60 s: {log.read_text()}"
            time.sleep(0.1)
        yield found.group(1)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def get_json(base: str, route: str, **params: str) -> Any:
    """GETs ``base + route`` with query ``params`` and decodes the JSON answer."""
    url = base.rstrip("/") + route + ("?" + urllib.parse.urlencode(params) if params else "")
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


def poll_json(base: str, route: str, count: int, **params: str) -> list[Any]:
    """GETs until the answer is a list of ``count`` items (the server loads in the background)."""
    deadline = time.monotonic() + 60
    while True:
        got = get_json(base, route, **params)
        if isinstance(got, list) and len(got) == count:
            return got
        assert time.monotonic() < deadline, f"{route} {params}: still {got!r} after 60 s"
        time.sleep(0.2)


@pytest.mark.slow
@pytest.mark.parametrize("load_fast", ["true", "false"])
def test_a_real_tensorboard_server_serves_the_scalars_and_histograms(
    trained: TrainedRun, tmp_path: Path, load_fast: str
) -> None:
    """``--load_fast=true`` is the Rust data server users get by default; ``false`` the Python loader."""
    if load_fast == "true" and not data_server_available():
        pytest.skip("tensorboard-data-server has no binary for this platform")
    scalars, histograms, run = expected_scalars(trained), expected_histograms(trained), trained.run_name
    with tensorboard_server(trained.exporter.logdir, load_fast, tmp_path / "tensorboard.log") as base:
        poll_json(base, "/data/plugin/scalars/scalars", len(scalars["score"]), run=run, tag="score")
        assert get_json(base, "/data/runs") == [run]
        for tag in ("score", "lr/group0", "ratio/0.weight", "nonfinite/parameters", "epoch"):
            got = get_json(base, "/data/plugin/scalars/scalars", run=run, tag=tag)
            # NaN and +/-Inf arrive as the JSON strings "NaN", "Infinity", "-Infinity": float() reads them.
            assert_same_points([(step, float(v)) for _, step, v in got], scalars[tag], tag)
        got = get_json(base, "/data/plugin/scalars/scalars", run=run, tag="metrics/val_acc")
        assert [v for _, _, v in got] == ["NaN", np.float32(0.9).item()]
        tag = "histogram/parameters/0.weight"
        served = get_json(base, "/data/plugin/histograms/histograms", run=run, tag=tag)
        assert [step for _, step, _ in served] == [i for i, _ in histograms[tag]]
        for (_, _, buckets), (_, s) in zip(served, histograms[tag], strict=True):
            assert s.histogram is not None
            edges, counts = s.histogram.edges(), s.histogram.counts
            want = [(edges[i], edges[i + 1], c) for i, c in enumerate(counts)]
            if load_fast == "false":  # the Python loader drops empty buckets at both ends
                while want and want[0][2] == 0:
                    want.pop(0)
                while want and want[-1][2] == 0:
                    want.pop()
            assert len(buckets) == len(want)
            for (left, right, count), (wl, wr, wc) in zip(buckets, want, strict=True):
                assert same_f32(left, wl) and same_f32(right, wr) and count == wc
        (text,) = get_json(base, "/data/plugin/text/text", run=run, tag="static_info")
        assert text["step"] == 0 and "<table>" in text["text"] and SESSION_NAME in text["text"]


# --------------------------------------------------------------------------- the sink contract


def test_the_exporter_is_a_sink_that_accepts_every_record_and_closes_twice(tmp_path: Path) -> None:
    exporter = TensorBoardExporter(tmp_path, flush_secs=0)
    assert isinstance(exporter, StatsSink)
    exporter.put_static_info(StaticInfo(f.SESSION, f.WORKER, f.T0, session_name="demo run", tags={"team": "x"}))
    for i in range(1, 5):
        exporter.put_update(f.report(i, nan=i == 3))
    exporter.put_update(f.model_report(5))
    exporter.put_metrics(f.metrics(5, {"val_loss": 0.5, "val_acc": math.nan}))
    exporter.put_epoch(f.epoch(0, 5))
    exporter.put_update(f.report(1, worker="worker-1"))
    exporter.put_update(f.report(1, session="session/2", full=False))  # no StaticInfo: named by its id
    exporter.flush()
    exporter.close()
    exporter.close()
    with pytest.raises(StorageClosedError, match="closed"):
        exporter.put_update(f.report(6))
    runs = sorted(p.parent.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("events.out.tfevents.*"))
    assert runs == ["demo_run/worker-0", "demo_run/worker-1", "session_2/worker-0"]
    acc = accumulator(tmp_path / "demo_run" / "worker-0")
    tags = acc.Tags()
    assert [e.step for e in acc.Scalars("score")] == [1, 2, 3, 4, 5]
    assert [e.value for e in acc.Scalars("memory/cuda_0/current_bytes")] == [2**20 * i for i in range(1, 6)]
    assert "histogram/activations/layers.19" in tags["histograms"]
    assert "grad_norm" in tags["scalars"] and "epoch" in tags["scalars"]
    assert {e.step: e.value for e in acc.Scalars("nonfinite/gradients")}[3] == 3.0


def test_import_is_lazy_and_a_missing_tensorboard_names_the_pip_install(tmp_path: Path) -> None:
    code = textwrap.dedent(
        f"""
        import sys
        import fitscope.exporters
        print("tensorboard" in sys.modules)
        sys.modules["tensorboard"] = None  # blocks every import of tensorboard
        from fitscope.exporters import TensorBoardExporter
        try:
            TensorBoardExporter({str(tmp_path)!r})
        except Exception as exc:
            print(type(exc).__name__)
            print(exc)
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path)
    imported, kind, message = out.stdout.strip().split("\n")
    assert (imported, kind) == ("False", MissingDependencyError.__name__)
    assert 'pip install "fitscope[tensorboard]"' in message and "TensorBoardExporter" in message


# --------------------------------------------------------------------------- failures


def test_a_file_in_the_way_of_the_logdir_is_refused_at_construction(tmp_path: Path) -> None:
    blocker = tmp_path / "tb"
    blocker.write_text("not a directory")
    with pytest.raises(NotADirectoryError, match=re.escape(str(blocker))) as refused:
        TensorBoardExporter(blocker)
    assert isinstance(refused.value, ExportError)  # a FitscopeError: the CLI prints one line
    with pytest.raises(NotADirectoryError, match="a parent of it is a file"):
        TensorBoardExporter(blocker / "runs")
    with pytest.raises(ValueError, match="flush_secs"):
        TensorBoardExporter(tmp_path / "ok", flush_secs=-1)


def test_an_unwritable_run_directory_fails_every_put_but_not_the_training(tmp_path: Path) -> None:
    (tmp_path / "blocked").write_text("a file where the session's directory goes")
    storage, exporter = InMemoryStatsStorage(), TensorBoardExporter(tmp_path, flush_secs=0)
    listener = StatsListener([storage, exporter], frequency=2, max_overhead=None, session_name="blocked")
    model = torch.nn.Linear(3, 1)
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    listener.attach(model, opt)
    for _ in range(6):
        loss = model(torch.randn(4, 3)).pow(2).mean()
        opt.zero_grad()
        torch.autograd.backward(loss)
        opt.step()
        listener.iteration_done(loss)
    listener.epoch_done()
    listener.close()
    kept, failed = listener.sink_status()
    assert (kept.errors, kept.written) == (0, 5)
    assert (failed.errors, failed.written) == (5, 0)  # static info, 3 reports, the epoch end
    assert failed.last_error is not None and str(tmp_path / "blocked") in failed.last_error
    assert storage.count_updates(listener.session_id, listener.worker_id) == 3


FULL_DISK_SCRIPT = """
import json, math, os, resource, signal, sys
import torch
from fitscope import InMemoryStatsStorage, StatsListener
from fitscope.exporters import TensorBoardExporter

signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # over the limit, write() fails with EFBIG instead
exporter = TensorBoardExporter(sys.argv[1], flush_secs=0)
listener = StatsListener([InMemoryStatsStorage(), exporter], frequency=2, max_overhead=None, session_name="full")
model = torch.nn.Sequential(torch.nn.Linear(4, 16), torch.nn.Linear(16, 1))
opt = torch.optim.SGD(model.parameters(), lr=0.01)
listener.attach(model, opt)

def steps(n):
    for _ in range(n):
        loss = model(torch.randn(8, 4)).pow(2).mean()
        opt.zero_grad(); loss.backward(); opt.step(); listener.iteration_done(loss)
    listener.flush()

steps(4)
directory = exporter.run_directory(listener.session_id, listener.worker_id)
(name,) = os.listdir(directory)
size = os.path.getsize(os.path.join(directory, name))
resource.setrlimit(resource.RLIMIT_FSIZE, (size + 1000, resource.RLIM_INFINITY))  # "the disk is full"
steps(4)
resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))  # space is back
steps(4)
listener.close()
status = listener.sink_status()[1]
print(json.dumps({"dir": directory, "size": size, "errors": status.errors, "last_error": status.last_error}))
"""


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="uses Linux RLIMIT_FSIZE to stand in for a full disk")
def test_a_full_disk_mid_run_loses_only_the_reports_it_hit(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-c", FULL_DISK_SCRIPT, str(tmp_path)], capture_output=True, text=True, cwd=tmp_path
    )
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["errors"] == 2 and "File too large" in result["last_error"]
    (event_file,) = Path(result["dir"]).iterdir()  # the failed writes were cut back: still one whole file
    acc = accumulator(event_file.parent)
    assert [e.step for e in acc.Scalars("nonfinite/parameters")] == [2, 4, 10, 12]
    assert [e.step for e in acc.Scalars("score")] == [1, 2, 3, 4, 9, 10, 11, 12]


def test_run_path_segments_are_safe_and_deterministic() -> None:
    assert run_path_segment("host:rank0") == "host_rank0"
    assert run_path_segment("a/b\\c d") == "a_b_c_d"
    assert run_path_segment("..") == "_." and run_path_segment(".hidden") == "_hidden"
    assert run_path_segment("") == "_"
    assert len(run_path_segment("x" * 500)) == 100


def test_the_event_crc_matches_tensorboards_own() -> None:
    from tensorboard.compat.tensorflow_stub.pywrap_tensorflow import (  # type: ignore[import-untyped, unused-ignore]
        masked_crc32c as reference,
    )

    from fitscope.exporters._event_file import masked_crc32c

    data = np.random.default_rng(0).bytes(5000)
    assert [masked_crc32c(data[:n]) for n in (0, 1, 7, 4096, 5000)] == [
        reference(data[:n]) for n in (0, 1, 7, 4096, 5000)
    ]
