"""The JSON bodies of the sessions, overview, system and metrics routes (blocking; run off the loop).

Each view reads through a :class:`~fitscope.server.reader.Reader` and returns plain JSON values
and numpy arrays (serialised by orjson). Scalars that may be non-finite go through
:func:`~fitscope.encoding.encode_optional_float`; series through
:func:`~fitscope.server.columns.column_json`.
"""

from __future__ import annotations

import time
from typing import Any, Final

from fitscope.encoding import encode_optional_float
from fitscope.errors import CorruptFileError, FitscopeError
from fitscope.record_json import to_json_dict
from fitscope.records import EpochRecord, StaticInfo, StatsReport
from fitscope.server.cache import Cache
from fitscope.server.columns import log10, ratio
from fitscope.server.layers import parameters, series, summary_sets
from fitscope.server.reader import Reader, SessionEntry, session_entries
from fitscope.server.storages import StorageSet
from fitscope.storage.base import FirstNonFinite, SessionInfo

__all__ = [
    "LIVE_MIN_MS",
    "error_json",
    "metrics_view",
    "overview_view",
    "session_states",
    "sessions_view",
    "system_view",
]

_MEMORY_FIELDS = ("process_rss_bytes", "system_total_bytes", "system_available_bytes")
_DEVICE_FIELDS = ("current_bytes", "max_bytes", "total_bytes")
_PERFORMANCE_FIELDS = ("examples_per_second", "minibatches_per_second")


LIVE_MIN_MS: Final = 30_000
"""A session is live while its latest report is at most this old (or 5 typical report intervals)."""


def error_json(exc: FitscopeError) -> dict[str, str]:
    """The ``{code, message}`` of a session that cannot be read."""
    code = "corrupt_file" if isinstance(exc, CorruptFileError) else "storage_error"
    return {"code": code, "message": str(exc)}


def _state(entry: SessionEntry, info: SessionInfo, now_ms: int) -> str:
    """``live``, ``stalled`` or ``ended`` (see ``docs/http-api.md``: what the server can and cannot know)."""
    if any(a.writer_closed for a in entry.holders):
        return "ended"
    last = info.last_update_ms if info.last_update_ms is not None else info.start_ms
    threshold = LIVE_MIN_MS
    if info.start_ms is not None and info.last_update_ms is not None and info.num_reports > len(info.workers):
        # The typical interval between two reports of one worker.
        interval = (info.last_update_ms - info.start_ms) * len(info.workers) / info.num_reports
        threshold = max(LIVE_MIN_MS, int(5 * interval))
    if last is not None and now_ms - last <= threshold:
        return "live"
    if any(a.writable_here or entry.session_id in a.seen_updates for a in entry.holders):
        return "stalled"
    return "ended"  # read from a file, silent since before the server attached it


def _session_json(entry: SessionEntry, cache: Cache, now_ms: int) -> dict[str, Any]:
    info = entry.info
    out: dict[str, Any] = {
        "session_id": entry.session_id,
        "name": None,
        "workers": [],
        "model_type": None,
        "num_layers": None,
        "num_params": None,
        "start_ms": None,
        "last_update_ms": None,
        "num_reports": 0,
        "iteration": None,
        "state": "error",
        "error": None,
        "sources": [a.label for a in entry.holders],
    }
    if info is None:
        assert entry.error is not None
        out["error"] = error_json(entry.error)
        return out
    out.update(
        name=info.session_name,
        workers=list(info.workers),
        start_ms=info.start_ms,
        last_update_ms=info.last_update_ms,
        num_reports=info.num_reports,
    )
    try:
        static: StaticInfo | None = None
        iteration: int | None = None
        for worker in info.workers:
            reader = Reader(cache, entry.routes[worker], info.session_id, worker)
            static = static or reader.static_info()
            latest = reader.latest()
            if latest is not None and (iteration is None or latest.iteration > iteration):
                iteration = latest.iteration
    except FitscopeError as exc:  # a damaged row of this session: the others are not affected
        out["error"] = error_json(exc)
        return out
    model = None if static is None else static.model
    out.update(
        model_type=None if model is None else model.class_name,
        num_layers=None if model is None else model.num_layers,
        num_params=None if model is None else model.num_params,
        iteration=iteration,
        state=_state(entry, info, now_ms),
    )
    return out


def _newest_first(session: dict[str, Any]) -> int:
    start = session["start_ms"] if session["start_ms"] is not None else session["last_update_ms"]
    return -(start if start is not None else -1)


def session_states(storages: StorageSet, cache: Cache) -> dict[str, str]:
    """The state of every session, from the session summaries only (no report is read).

    What the server's state watcher polls: it must not load (and so cache) the latest reports,
    which a request right after a commit would then be answered from until the commit's event.
    A session whose reports alone are damaged reads ``error`` in the sessions route only.
    """
    now_ms = time.time_ns() // 1_000_000
    return {
        entry.session_id: "error" if entry.info is None else _state(entry, entry.info, now_ms)
        for entry in session_entries(storages, cache)
    }


def sessions_view(storages: StorageSet, cache: Cache) -> dict[str, Any]:
    """``GET /api/v1/sessions``: every session of every attached storage, newest (latest start) first.

    A session held by several storages (one file per rank of a distributed run) is listed once,
    with every one of them in ``sources``, the workers of all of them, and a summary (start, last
    update, reports) over all of them.
    """
    now_ms = time.time_ns() // 1_000_000
    out = [_session_json(entry, cache, now_ms) for entry in session_entries(storages, cache)]
    out.sort(key=_newest_first)  # stable: ties keep storage order
    return {"sessions": out}


def _epochs(epochs: list[EpochRecord]) -> list[dict[str, int]]:
    return [{"epoch": e.epoch, "iteration": e.iteration, "timestamp_ms": e.timestamp_ms} for e in epochs]


def _first_nonfinite_json(found: FirstNonFinite | None) -> dict[str, Any] | None:
    if found is None:
        return None
    return {"iteration": found.iteration, "kind": found.kind, "name": found.name, "value": found.value}


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
        "first_nonfinite": _first_nonfinite_json(reader.first_nonfinite()),
    }


def _metric_keys(reader: Reader) -> list[str]:
    return [f"metrics/{name}" for name in reader.metric_names()]


def _metric_series(reader: Reader, max_points: int) -> dict[str, Any]:
    return {name: series(reader.column(f"metrics/{name}"), max_points) for name in reader.metric_names()}


def overview_view(reader: Reader, max_points: int) -> dict[str, Any]:
    """``GET /api/v1/overview``: score, metrics, model and training info, ratios and stdevs of weights."""
    static = reader.static_info()
    latest = reader.latest()
    # Which series exist: every name any report holds, not the latest report's (a final partial
    # report may lack gradients and updates).
    names = reader.summary_names()
    summaries = summary_sets(reader)
    params = parameters(static, names)
    weights = [p.name for p in params if p.is_weight]
    ratio_weights = [w for w in weights if w in summaries.get("updates", {}) and w in summaries.get("parameters", {})]
    layer_order = {
        layer.name: i for i, layer in enumerate(() if static is None or static.model is None else static.model.layers)
    }
    activations = sorted(names.get("activations", []), key=lambda n: layer_order.get(n, len(layer_order)))
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
            "timestamp_ms",
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
        "report_times": series(col("timestamp_ms"), max_points),
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
            "timestamp_ms",
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
        "report_times": series(col("timestamp_ms"), max_points),
        "hardware": None if doc is None else doc["hardware"],
        "software": None if doc is None else doc["software"],
    }
