"""What the routes say is what the storages hold: series, ratios, layers, system, metrics, sessions."""

from __future__ import annotations

import contextlib
import dataclasses
import math
import random
import sqlite3
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from fitscope import FileStatsStorage, InMemoryStatsStorage
from fitscope.encoding import encode_float
from fitscope.records import (
    DeviceMemory,
    LayerInfo,
    Memory,
    MetricsRecord,
    ModelInfo,
    Performance,
    Record,
    ScoreSeries,
    StaticInfo,
    StatsReport,
    Summary,
)
from fitscope.server import UIServer
from fitscope.storage import _sqlite_blocks as blocks
from fitscope.storage.base import StatsStorage

from .conftest import FILE_SESSION, MEMORY_SESSION, NAN_SCORE_AT, POISON_AT, Runs
from .helpers import encoded, request


def get(server: UIServer, path: str) -> Any:
    answer = request(server.url + path)
    assert answer.status == 200, answer.body
    return answer.json()


def as_json(storage: StatsStorage, session: str, worker: str, key: str) -> dict[str, Any]:
    series = storage.read_series(session, worker, key)
    return {"iterations": series.iterations, "values": encoded(series.values)}


def log10_ratio(storage: StatsStorage, session: str, worker: str, param: str) -> dict[str, Any]:
    """log10(updates mm / parameters mm), computed with numpy from the stored summaries.

    A statistic that is absent (None: no finite value, as in an all-NaN update) leaves a gap.
    """
    upd = storage.read_series(session, worker, f"updates/{param}/mean_magnitude")
    par = storage.read_series(session, worker, f"parameters/{param}/mean_magnitude")
    common = sorted(set(upd.iterations) & set(par.iterations))
    u = [upd.values[upd.iterations.index(i)] for i in common]
    p = [par.values[par.iterations.index(i)] for i in common]
    with np.errstate(divide="ignore", invalid="ignore"):
        values = np.log10(np.array(u, dtype=np.float64) / np.array(p, dtype=np.float64))
    gaps = [a is None or b is None for a, b in zip(u, p, strict=True)]
    return {
        "iterations": common,
        "values": [None if gap else encode_float(float(v)) for v, gap in zip(values, gaps, strict=True)],
    }


@pytest.mark.parametrize(("session", "worker"), [(FILE_SESSION, "w0"), (FILE_SESSION, "w1"), (MEMORY_SESSION, "m0")])
def test_overview_series_equal_the_storage(server: UIServer, runs: Runs, session: str, worker: str) -> None:
    storage: StatsStorage = runs.memory if session == MEMORY_SESSION else runs.file
    doc = get(server, f"/api/v1/overview?session={session}&worker={worker}")
    assert doc["score"] == as_json(storage, session, worker, "score")
    static = storage.get_static_info(session, worker)
    assert static is not None and static.model is not None
    weights = static.model.weight_names()
    assert weights == ["0.weight", "2.weight"]
    assert [p["name"] for p in doc["parameters"] if p["is_weight"]] == weights
    assert sorted(doc["ratios"]) == sorted(weights)
    for w in weights:
        assert doc["ratios"][w] == log10_ratio(storage, session, worker, w)
        for kind in ("gradients", "updates"):
            stdev = storage.read_series(session, worker, f"{kind}/{w}/stdev")
            with np.errstate(divide="ignore"):
                logs = np.log10(np.array(stdev.values, dtype=np.float64))
            expected = [None if v is None else encode_float(float(x)) for v, x in zip(stdev.values, logs, strict=True)]
            assert doc["stdev"][kind][w] == {"iterations": stdev.iterations, "values": expected}
    assert sorted(doc["stdev"]["activations"]) == ["0", "1", "2"]
    for name, values in {"val_loss": 1, "val_acc": 1}.items():
        assert values and doc["metrics"][name] == as_json(storage, session, worker, f"metrics/{name}")
    latest = storage.get_latest_update(session, worker)
    assert latest is not None and latest.performance is not None
    info = doc["info"]
    assert info["iterations"] == latest.iteration == info["total_minibatches"]
    assert info["last_update_ms"] == latest.timestamp_ms
    assert info["model_type"] == "Sequential" and info["num_params"] == 4 * 8 + 8 + 8 * 2 + 2
    assert info["updates_per_second"] == encode_float(latest.performance.minibatches_per_second)
    assert info["start_ms"] == static.timestamp_ms and info["hyperparameters"] == {"lr": 0.05}
    assert doc["epochs"] == [
        {"epoch": e.epoch, "iteration": e.iteration, "timestamp_ms": e.timestamp_ms}
        for e in storage.read_epochs(session, worker)
    ]


def test_nan_score_and_poisoned_weight_travel_as_strings(server: UIServer, runs: Runs) -> None:
    doc = get(server, f"/api/v1/overview?session={FILE_SESSION}&worker=w0")
    score = dict(zip(doc["score"]["iterations"], doc["score"]["values"], strict=True))
    assert score[NAN_SCORE_AT] == "NaN" and isinstance(score[NAN_SCORE_AT - 1], float)
    layer = get(server, f"/api/v1/layer?session={FILE_SESSION}&worker=w0&layer=2")
    nonfinite = dict(zip(*layer["nonfinite"]["parameters"]["2.weight"].values(), strict=True))
    assert nonfinite[POISON_AT - 1] == 0 and nonfinite[POISON_AT] == 2
    summary = layer["latest"]["parameters"]["2.weight"]
    assert (summary["nan_count"], summary["posinf_count"]) == (1, 1)
    assert summary["histogram"] is not None and sum(summary["histogram"]["counts"]) == summary["count"] - 2


def test_layer_page_equals_the_storage(server: UIServer, runs: Runs) -> None:
    s, w, storage = FILE_SESSION, "w1", runs.file
    doc = get(server, f"/api/v1/layer?session={s}&worker={w}&layer=0")
    assert doc["layer"]["type"] == "Linear" and doc["layer"]["params"] == ["0.weight", "0.bias"]
    assert [(p["name"], p["is_weight"]) for p in doc["parameters"]] == [("0.weight", True), ("0.bias", False)]
    for p in ("0.weight", "0.bias"):
        assert doc["mean_magnitudes"]["parameters"][p] == as_json(storage, s, w, f"parameters/{p}/mean_magnitude")
        assert doc["mean_magnitudes"]["updates"][p] == as_json(storage, s, w, f"updates/{p}/mean_magnitude")
        assert doc["mean_magnitudes"]["ratios"][p] == log10_ratio(storage, s, w, p)
        assert doc["learning_rates"][p] == as_json(storage, s, w, f"learning_rates/{p}")
    mean = storage.read_series(s, w, "activations/0/mean")
    stdev = storage.read_series(s, w, "activations/0/stdev")
    act = doc["activations"]
    assert act["mean"] == as_json(storage, s, w, "activations/0/mean")
    assert act["stdev"]["iterations"] == mean.iterations
    plus = [m + 2 * d for m, d in zip(mean.values, stdev.values, strict=True)]  # type: ignore[operator]
    assert act["mean_plus_2_stdev"]["values"] == pytest.approx(plus, rel=1e-15)
    latest = storage.get_latest_update(s, w)
    assert latest is not None
    assert doc["latest"]["iteration"] == latest.iteration
    assert doc["latest"]["updates"]["0.weight"] == latest.summaries["updates"]["0.weight"].to_json()
    assert doc["latest"]["activations"] == latest.summaries["activations"]["0"].to_json()


def test_report_times_are_the_stored_report_timestamps(server: UIServer, runs: Runs) -> None:
    s, w, storage = FILE_SESSION, "w1", runs.file
    want = {"iterations": [r.iteration for r in storage.iter_updates(s, w)]}
    want["values"] = [r.timestamp_ms for r in storage.iter_updates(s, w)]
    for path in (
        f"overview?session={s}&worker={w}",
        f"layer?session={s}&worker={w}&layer=0",
        f"system?session={s}&worker={w}",
    ):
        doc = get(server, f"/api/v1/{path}")
        assert doc["report_times"] == want, path


def test_layer_dead_units_are_the_stored_counts_divided(server: UIServer, runs: Runs) -> None:
    s, w, storage = FILE_SESSION, "w1", runs.file
    for layer in ("0", "1", "2"):
        doc = get(server, f"/api/v1/layer?session={s}&worker={w}&layer={layer}")
        units = storage.read_series(s, w, f"activations/{layer}/unit_count")
        dead = storage.read_series(s, w, f"activations/{layer}/dead_unit_count")
        assert units.iterations and units.iterations == dead.iterations
        assert doc["dead_units"]["iterations"] == units.iterations
        want = [d / u for d, u in zip(dead.values, units.values, strict=True)]  # type: ignore[operator]
        assert doc["dead_units"]["values"] == want


def test_a_layer_without_parameters_or_activations(server: UIServer) -> None:
    doc = get(server, f"/api/v1/layer?session={FILE_SESSION}&layer=1")  # the ReLU
    assert doc["parameters"] == [] and doc["mean_magnitudes"]["ratios"] == {}
    assert doc["activations"] is not None and doc["latest"]["parameters"] == {}


def test_graph(server: UIServer, runs: Runs) -> None:
    doc = get(server, f"/api/v1/graph?session={FILE_SESSION}")
    assert [x["name"] for x in doc["layers"]] == ["0", "1", "2"]
    assert doc["edges"] == [{"source": "0", "target": "1"}, {"source": "1", "target": "2"}]
    assert doc["model_type"] == "Sequential" and doc["graph_source"] in ("fx", "execution_order", "module_order")


def test_system(server: UIServer, runs: Runs) -> None:
    s, w, storage = FILE_SESSION, "w0", runs.file
    doc = get(server, f"/api/v1/system?session={s}&worker={w}")
    for field in ("process_rss_bytes", "system_total_bytes", "system_available_bytes"):
        assert doc["memory"][field] == as_json(storage, s, w, f"memory/{field}")
        assert all(isinstance(v, int) for v in doc["memory"][field]["values"] if v is not None)
    assert doc["collection_ms"] == as_json(storage, s, w, "collection_ms")
    assert doc["performance"]["examples_per_second"] == as_json(storage, s, w, "performance/examples_per_second")
    static = storage.get_static_info(s, w)
    assert static is not None and static.software is not None
    assert doc["software"]["python"] == static.software.python
    assert doc["hardware"]["cpu_count"] == (static.hardware.cpu_count if static.hardware else None)


def test_metrics(server: UIServer, runs: Runs) -> None:
    doc = get(server, f"/api/v1/metrics?session={FILE_SESSION}&worker=w0")
    assert doc["metrics"]["val_loss"] == as_json(runs.file, FILE_SESSION, "w0", "metrics/val_loss")
    assert doc["metrics"]["val_loss"]["iterations"] == [5, 10]
    assert [e["iteration"] for e in doc["epochs"]] == [5, 10]


def test_sessions_say_what_each_run_is(server: UIServer, runs: Runs) -> None:
    sessions = {s["session_id"]: s for s in get(server, "/api/v1/sessions")["sessions"]}
    file = sessions[FILE_SESSION]
    info = runs.file.session_info(FILE_SESSION)
    assert file["workers"] == ["w0", "w1"] and file["name"] == f"{FILE_SESSION} name"
    assert (file["start_ms"], file["last_update_ms"], file["num_reports"]) == (
        info.start_ms,
        info.last_update_ms,
        info.num_reports,
    )
    assert file["iteration"] == 12 and file["model_type"] == "Sequential" and file["num_layers"] == 3
    assert sessions[MEMORY_SESSION]["iteration"] == 8


def test_downsampled_route_series_keep_nan_first_and_last(server: UIServer) -> None:
    doc = get(server, f"/api/v1/overview?session={FILE_SESSION}&worker=w0&max_points=5")
    score = doc["score"]
    assert len(score["iterations"]) <= 5
    assert score["iterations"][0] == 1 and score["iterations"][-1] == 12
    assert NAN_SCORE_AT in score["iterations"]
    assert score["values"][score["iterations"].index(NAN_SCORE_AT)] == "NaN"
    assert all(len(s["iterations"]) <= 5 for s in doc["ratios"].values())


def test_statistics_of_a_partly_non_finite_tensor_stay_numbers(server: UIServer) -> None:
    doc = get(server, f"/api/v1/layer?session={FILE_SESSION}&worker=w0&layer=2")
    # The poisoned weight still has finite values: its statistics (over those) stay numbers.
    values = doc["mean_magnitudes"]["parameters"]["2.weight"]["values"]
    assert all(isinstance(v, float) and math.isfinite(v) for v in values)


def _long_run() -> list[Record]:
    """A 2-layer run of 40 reports with NaN, infinities and absent statistics and report fields, a rewrite
    and a late report."""
    rng = random.Random(3)
    layers = (LayerInfo("a", "Linear", 6, ("a.weight", "a.bias")), LayerInfo("b", "Linear", 6, ("b.weight",), ("a",)))
    names = ("a.weight", "a.bias", "b.weight")
    model = ModelInfo("Net", 2, 12, names, {n: (2, 2) if n.endswith("weight") else (2,) for n in names}, layers)
    special = (math.nan, math.inf, -math.inf, None, 0.0, 1e308, 5e-324)  # the last two overflow a ratio

    def value() -> float | None:
        return rng.choice(special) if rng.random() < 0.15 else rng.uniform(1e-4, 2.0)

    def number() -> float:
        found = value()
        return -0.0 if found is None else found

    def count() -> int | None:
        return None if rng.random() < 0.1 else rng.randrange(2**40)

    def report(it: int) -> StatsReport:
        summaries = {
            kind: {
                n: Summary(4, stdev=value(), mean_magnitude=value()) for n in names if rng.random() < 0.9 or it == 200
            }
            for kind in ("parameters", "gradients", "updates")
        }
        for kind in ("parameters", "gradients", "updates"):  # non-finite counts, in some reports only
            for n, s in list(summaries[kind].items()):
                if rng.random() < 0.2:
                    summaries[kind][n] = dataclasses.replace(s, nonfinite_count=rng.choice((1, 4)))
        summaries["activations"] = {
            "a": Summary(8, nonfinite_count=rng.choice((0, 0, 3)), mean=value(), stdev=value()),
            "b": Summary(8, mean=value(), stdev=value()),
        }
        window = tuple(range(it - 4, it + 1))
        scores = tuple(rng.choice((math.nan, 1.0 / i)) for i in window)
        t = 1_700_000_000_000 + it
        performance = None if rng.random() < 0.2 else Performance(float(it), it * 8, it, number(), number())
        memory = None
        if rng.random() < 0.8:
            devices = tuple(DeviceMemory(d, count(), count(), 2**34) for d in ("cuda:0", 'dev"1') if rng.random() < 0.8)
            memory = Memory(count(), 2**36, count(), devices)
        return StatsReport(
            "long", "w", t, it, score=scores[-1], scores=ScoreSeries(window, scores), summaries=summaries,
            learning_rates={n: number() for n in names if rng.random() < 0.9}, performance=performance,
            memory=memory, collection_ms=value(),
        )  # fmt: skip

    records: list[Record] = [StaticInfo("long", "w", 1_700_000_000_000, model=model)]
    records += [report(it) for it in range(5, 101, 5)]
    records += [report(50), report(7)]  # a rewrite, a report out of order
    records += [report(it) for it in range(105, 201, 5)]
    records += [MetricsRecord("long", "w", 1_700_000_000_000 + it, it, 0, {"val": value() or 0.5}) for it in (50, 100)]
    return records


def test_every_page_from_blocks_is_the_page_from_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A FileStatsStorage run long enough for blocks (each page's series read at once, into arrays)
    answers, byte for byte, what an InMemoryStatsStorage holding the same records answers (read one
    by one): the overview, both layers, the system and metrics pages."""
    monkeypatch.setattr(blocks, "BLOCK_REPORTS", 4)
    file, memory = FileStatsStorage(tmp_path / "run.fitscope"), InMemoryStatsStorage()
    for storage in (file, memory):
        for record in _long_run():
            if isinstance(record, StaticInfo):
                storage.put_static_info(record)
            elif isinstance(record, StatsReport):
                storage.put_update(record)
            else:
                assert isinstance(record, MetricsRecord)
                storage.put_metrics(record)
    with contextlib.closing(sqlite3.connect(file.path)) as conn:
        assert conn.execute("SELECT count(*) FROM summary_blocks").fetchone()[0] > 30
        assert conn.execute("SELECT count(DISTINCT key) FROM field_blocks").fetchone()[0] >= 15
    pages = ("overview?", "layer?layer=a&", "layer?layer=b&", "system?", "metrics?")
    with UIServer(port=0) as from_file, UIServer(port=0) as from_memory:
        from_file.attach(file)
        from_memory.attach(memory)
        for page in pages:
            for max_points in (2000, 7, 2):
                query = f"/api/v1/{page}session=long&max_points={max_points}"
                body = request(from_file.url + query).body
                assert body == request(from_memory.url + query).body, query
                if max_points == 2000 and not page.startswith("metrics"):
                    assert b'"NaN"' in body and b"null" in body and b"Infinity" in body, query
    file.close()
    memory.close()


def test_activation_bands_past_the_float_range_are_infinities(tmp_path: Path) -> None:
    """mean +/- 2 stdev beyond the float range is +/-Infinity (IEEE), not a warning or an error."""
    layers = (LayerInfo("a", "Linear", 0, ()),)
    model = ModelInfo("Net", 1, 0, (), {}, layers)
    storage = InMemoryStatsStorage()
    storage.put_static_info(StaticInfo("big", "w", 1_700_000_000_000, model=model))
    for it, (mean, stdev) in enumerate(((1.0, 0.5), (1e308, 1e308), (-1e308, 1e308), (0.0, 1e308)), start=1):
        summaries = {"activations": {"a": Summary(8, mean=mean, stdev=stdev)}}
        storage.put_update(StatsReport("big", "w", 1_700_000_000_000 + it, it, summaries=summaries))
    with UIServer(port=0) as server:
        server.attach(storage)
        doc = get(server, "/api/v1/layer?session=big&layer=a")
    # 2 * stdev overflows first, as numpy evaluates it: IEEE from there on.
    assert doc["activations"]["mean_plus_2_stdev"]["values"] == [2.0, "Infinity", "Infinity", "Infinity"]
    assert doc["activations"]["mean_minus_2_stdev"]["values"] == [0.0, "-Infinity", "-Infinity", "-Infinity"]
