"""The JSON bodies of the sessions, overview, system and metrics routes (blocking; run off the loop).

Each view reads through a :class:`~fitscope.server.reader.Reader` and returns plain JSON values
and numpy arrays (serialised by orjson). Scalars that may be non-finite go through
:func:`~fitscope.encoding.encode_optional_float`; series through
:func:`~fitscope.server.columns.column_json`.
"""

from __future__ import annotations

from typing import Any

from fitscope.encoding import encode_optional_float
from fitscope.record_json import to_json_dict
from fitscope.records import EpochRecord, StaticInfo, StatsReport
from fitscope.server.cache import Cache
from fitscope.server.columns import log10, ratio
from fitscope.server.layers import parameters, series
from fitscope.server.reader import Reader, session_entries
from fitscope.server.storages import StorageSet

__all__ = ["metrics_view", "overview_view", "sessions_view", "system_view"]

_MEMORY_FIELDS = ("process_rss_bytes", "system_total_bytes", "system_available_bytes")
_DEVICE_FIELDS = ("current_bytes", "max_bytes", "total_bytes")
_PERFORMANCE_FIELDS = ("examples_per_second", "minibatches_per_second")


def sessions_view(storages: StorageSet, cache: Cache) -> dict[str, Any]:
    """``GET /api/v1/sessions``: every session of every attached storage, oldest first."""
    out = []
    for entry in session_entries(storages, cache):
        info = entry.info
        static: StaticInfo | None = None
        iteration: int | None = None
        for worker in info.workers:
            reader = Reader(cache, entry.attached, info.session_id, worker)
            static = static or reader.static_info()
            latest = reader.latest()
            if latest is not None and (iteration is None or latest.iteration > iteration):
                iteration = latest.iteration
        model = None if static is None else static.model
        out.append(
            {
                "session_id": info.session_id,
                "name": info.session_name,
                "workers": list(info.workers),
                "model_type": None if model is None else model.class_name,
                "num_layers": None if model is None else model.num_layers,
                "num_params": None if model is None else model.num_params,
                "start_ms": info.start_ms,
                "last_update_ms": info.last_update_ms,
                "num_reports": info.num_reports,
                "iteration": iteration,
            }
        )
    return {"sessions": out}


def _epochs(epochs: list[EpochRecord]) -> list[dict[str, int]]:
    return [{"epoch": e.epoch, "iteration": e.iteration, "timestamp_ms": e.timestamp_ms} for e in epochs]


def _info(reader: Reader, static: StaticInfo | None, latest: StatsReport | None) -> dict[str, Any]:
    model = None if static is None else static.model
    perf = None if latest is None else latest.performance
    return {
        "session_name": None if static is None else static.session_name,
        "model_type": None if model is None else model.class_name,
        "num_layers": None if model is None else model.num_layers,
        "num_params": None if model is None else model.num_params,
        "start_ms": None if static is None else static.timestamp_ms,
        "last_update_ms": None if latest is None else latest.timestamp_ms,
        "total_runtime_ms": None if perf is None else encode_optional_float(perf.total_runtime_ms),
        "iterations": None if latest is None else latest.iteration,
        "epoch": None if latest is None else latest.epoch,
        "num_reports": reader.num_reports(),
        "total_examples": None if perf is None else perf.total_examples,
        "total_minibatches": None if perf is None else perf.total_minibatches,
        "updates_per_second": None if perf is None else encode_optional_float(perf.minibatches_per_second),
        "examples_per_second": None if perf is None else encode_optional_float(perf.examples_per_second),
        "frequency": None if static is None or static.listener is None else static.listener.frequency,
        "tags": {} if static is None else dict(static.tags),
        "hyperparameters": {} if static is None else to_json_dict(static)["hyperparameters"],
    }


def _metric_keys(reader: Reader) -> list[str]:
    return [f"metrics/{name}" for name in reader.metric_names()]


def _metric_series(reader: Reader, max_points: int) -> dict[str, Any]:
    return {name: series(reader.column(f"metrics/{name}"), max_points) for name in reader.metric_names()}


def overview_view(reader: Reader, max_points: int) -> dict[str, Any]:
    """``GET /api/v1/overview``: score, metrics, model and training info, ratios and stdevs of weights."""
    static = reader.static_info()
    latest = reader.latest()
    params = parameters(static, latest)
    summaries = {} if latest is None else latest.summaries
    weights = [p.name for p in params if p.is_weight]
    ratio_weights = [w for w in weights if w in summaries.get("updates", {}) and w in summaries.get("parameters", {})]
    layer_order = {
        layer.name: i for i, layer in enumerate(() if static is None or static.model is None else static.model.layers)
    }
    activations = sorted(summaries.get("activations", {}), key=lambda n: layer_order.get(n, len(layer_order)))
    stdev_keys = {
        "activations": {a: f"activations/{a}/stdev" for a in activations},
        "gradients": {w: f"gradients/{w}/stdev" for w in weights if w in summaries.get("gradients", {})},
        "updates": {w: f"updates/{w}/stdev" for w in weights if w in summaries.get("updates", {})},
    }
    # Every series of the page in one read: the first request of a long run reads ~50 of them.
    reader.prefetch(
        [
            "score",
            *_metric_keys(reader),
            *(f"{kind}/{w}/mean_magnitude" for w in ratio_weights for kind in ("updates", "parameters")),
            *(key for keys in stdev_keys.values() for key in keys.values()),
        ]
    )
    col = reader.column
    ratios = {
        w: series(log10(ratio(col(f"updates/{w}/mean_magnitude"), col(f"parameters/{w}/mean_magnitude"))), max_points)
        for w in ratio_weights
    }
    stdev = {
        group: {name: series(log10(col(key)), max_points) for name, key in keys.items()}
        for group, keys in stdev_keys.items()
    }
    return {
        "session_id": reader.session_id,
        "worker_id": reader.worker_id,
        "max_points": max_points,
        "info": _info(reader, static, latest),
        "score": series(col("score"), max_points),
        "metrics": _metric_series(reader, max_points),
        "epochs": _epochs(reader.epochs()),
        "parameters": [p.json() for p in params],
        "ratios": ratios,
        "stdev": stdev,
    }


def metrics_view(reader: Reader, max_points: int) -> dict[str, Any]:
    """``GET /api/v1/metrics``: every user metric, and the epoch ends to mark on them."""
    reader.prefetch(_metric_keys(reader))
    return {
        "session_id": reader.session_id,
        "worker_id": reader.worker_id,
        "max_points": max_points,
        "metrics": _metric_series(reader, max_points),
        "epochs": _epochs(reader.epochs()),
    }


def system_view(reader: Reader, max_points: int) -> dict[str, Any]:
    """``GET /api/v1/system``: memory and device memory over time, throughput, hardware and software."""
    static = reader.static_info()
    latest = reader.latest()
    col = reader.column
    devices: dict[str, None] = {}
    if static is not None and static.hardware is not None:
        devices.update(dict.fromkeys(d.name for d in static.hardware.devices))
    if latest is not None and latest.memory is not None:
        devices.update(dict.fromkeys(d.name for d in latest.memory.devices))
    doc = None if static is None else to_json_dict(static)
    # Every series of the page in one read, as the overview does: all of them report fields,
    # each a JSON lookup per report when read from rows.
    reader.prefetch(
        [
            *(f"memory/{f}" for f in _MEMORY_FIELDS),
            *(f"memory/devices/{d}/{f}" for d in devices for f in _DEVICE_FIELDS),
            *(f"performance/{f}" for f in _PERFORMANCE_FIELDS),
            "collection_ms",
        ]
    )
    return {
        "session_id": reader.session_id,
        "worker_id": reader.worker_id,
        "max_points": max_points,
        "memory": {f: series(col(f"memory/{f}"), max_points) for f in _MEMORY_FIELDS},
        "devices": [
            {"name": d, **{f: series(col(f"memory/devices/{d}/{f}"), max_points) for f in _DEVICE_FIELDS}}
            for d in devices
        ],
        "performance": {f: series(col(f"performance/{f}"), max_points) for f in _PERFORMANCE_FIELDS},
        "collection_ms": series(col("collection_ms"), max_points),
        "hardware": None if doc is None else doc["hardware"],
        "software": None if doc is None else doc["software"],
    }
