"""Small factories of real records for the storage tests, and a NaN-aware equality check.

Every factory is deterministic: the same arguments build an equal record, so a test (or a
subprocess) can rebuild what it expects to read back.
"""

from __future__ import annotations

import math
from typing import Any

from fitscope.record_json import to_json_dict
from fitscope.records import (
    DeviceInfo,
    DeviceMemory,
    EpochRecord,
    Hardware,
    Histogram,
    LayerInfo,
    ListenerConfigInfo,
    Memory,
    MetricsRecord,
    ModelInfo,
    Performance,
    Record,
    ScoreSeries,
    Software,
    StaticInfo,
    StatsReport,
    Summary,
)

SESSION = "session-1"
WORKER = "worker-0"
T0 = 1_700_000_000_000


def same(a: Record | None, b: Record | None) -> bool:
    """True when two records are equal, NaN matching NaN (records compare with ``==`` otherwise)."""
    if a is None or b is None:
        return a is b
    return to_json_dict(a) == to_json_dict(b)


def static_info(
    session: str = SESSION, worker: str = WORKER, *, name: str | None = "demo run", ts: int = T0
) -> StaticInfo:
    """A StaticInfo with every part filled in."""
    layers = (
        LayerInfo("fc1", "Linear", 20, ("fc1.weight", "fc1.bias"), (), (None, 4), (None, 4), None),
        LayerInfo("act", "ReLU", 0, (), ("fc1",), (None, 4), (None, 4), "relu"),
    )
    return StaticInfo(
        session_id=session,
        worker_id=worker,
        timestamp_ms=ts,
        session_name=name,
        tags={"team": "vision"},
        hyperparameters={"lr": 0.01, "batch": 32, "schedule": [1, 2, 3]},
        software=Software(os="Linux", python="3.11.7", framework="torch", fitscope_version="0.1.0"),
        hardware=Hardware(cpu_count=16, memory_total_bytes=2**36, devices=(DeviceInfo("cuda:0", 2**34),)),
        model=ModelInfo(
            class_name="Net",
            num_layers=2,
            num_params=20,
            param_names=("fc1.weight", "fc1.bias"),
            param_shapes={"fc1.weight": (4, 4), "fc1.bias": (4,)},
            layers=layers,
            config={"hidden": 4},
            graph_source="fx",
        ),
        listener=ListenerConfigInfo(frequency=10, histogram_bins=5, collect={"histograms": True}),
    )


def summary(seed: float, *, nan: int = 0, histogram: bool = True, bins: int = 5) -> Summary:
    """A Summary whose statistics derive from ``seed``; ``nan`` NaN elements make it non-finite."""
    count = 100 + nan
    return Summary(
        count=count,
        nonfinite_count=nan,
        nan_count=nan,
        mean=seed,
        stdev=abs(seed) / 2 + 0.1,
        mean_magnitude=abs(seed),
        min=seed - 1.0,
        max=seed + 1.0,
        sum=seed * 100,
        sum_squares=seed * seed * 100 + 1.0,
        histogram=Histogram(seed - 1.0, seed + 1.0, tuple(range(10, 10 + bins))) if histogram else None,
        zero_count=int(abs(seed) * 10) % count,
    )


def report(
    iteration: int,
    session: str = SESSION,
    worker: str = WORKER,
    *,
    score: float | None = None,
    window: int = 1,
    nan: bool = False,
    params: tuple[str, ...] = ("fc1.weight", "fc1.bias"),
    bins: int = 5,
    full: bool = True,
    ts: int | None = None,
) -> StatsReport:
    """A StatsReport at ``iteration`` whose score window covers the ``window`` iterations up to it.

    ``nan=True`` makes the score NaN and one gradient summary non-finite.
    """
    base = 1.0 / iteration
    value = math.nan if nan else (base if score is None else score)
    its = tuple(range(max(1, iteration - window + 1), iteration + 1))
    values = tuple(value if it == iteration else 1.0 / it for it in its)
    summaries: dict[str, dict[str, Summary]] = {
        "parameters": {p: summary(base + i, bins=bins) for i, p in enumerate(params)},
        "gradients": {p: summary(-base - i, nan=3 if nan and i == 0 else 0, bins=bins) for i, p in enumerate(params)},
    }
    if full:
        summaries["updates"] = {p: summary(base / 10, histogram=False) for p in params}
        summaries["activations"] = {"act": Summary(count=0)}
    return StatsReport(
        session_id=session,
        worker_id=worker,
        timestamp_ms=T0 + iteration * 1000 if ts is None else ts,
        iteration=iteration,
        epoch=iteration // 100,
        score=value,
        scores=ScoreSeries(its, values),
        learning_rates={p: 0.01 for p in params} if full else {},
        performance=Performance(iteration * 12.5, iteration * 32, iteration, 256.0, 8.0) if full else None,
        memory=Memory(
            process_rss_bytes=2**30 + iteration,
            system_total_bytes=2**36,
            system_available_bytes=None,
            devices=(DeviceMemory("cuda:0", 2**20 * iteration, 2**21 * iteration, 2**34),),
        )
        if full
        else None,
        collection_ms=0.5 if full else None,
        summaries=summaries,
    )


def model_report(iteration: int, layers: int = 20, bins: int = 20) -> StatsReport:
    """A report like the listener's for a ``layers``-layer MLP: weight+bias, every kind, histograms."""
    params = tuple(f"layers.{i}.{p}" for i in range(layers) for p in ("weight", "bias"))
    r = report(iteration, params=params, bins=bins)
    activations = {f"layers.{i}": summary(0.5 + i, bins=bins) for i in range(layers)}
    updates = {p: summary(1e-3 * (i + 1), bins=bins) for i, p in enumerate(params)}
    summaries = {**r.summaries, "updates": updates, "activations": activations}
    return StatsReport(**{**fields(r), "summaries": summaries})


def fields(r: StatsReport) -> dict[str, Any]:
    """The fields of a report, to build a changed copy: ``StatsReport(**{**fields(r), ...})``."""
    return {name: getattr(r, name) for name in StatsReport.__dataclass_fields__}


def metrics(iteration: int, values: dict[str, float], *, epoch: int = 0, ts: int | None = None) -> MetricsRecord:
    """User metrics at ``iteration``."""
    return MetricsRecord(SESSION, WORKER, T0 + iteration * 1000 if ts is None else ts, iteration, epoch, values=values)


def epoch(number: int, iteration: int) -> EpochRecord:
    """The end of epoch ``number`` after ``iteration``."""
    return EpochRecord(SESSION, WORKER, T0 + iteration * 1000, number, iteration)
