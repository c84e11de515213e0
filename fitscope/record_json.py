"""JSON form of the records: :func:`to_json_dict` and its inverse :func:`from_json_dict`.

The JSON form is what ``schemas/`` describes: non-finite floats are the strings ``"NaN"``,
``"Infinity"``, ``"-Infinity"``, ``null`` means absent, and every document names its record
type in ``"record"`` (``static_info``, ``stats_report``, ``metrics``, ``epoch``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from fitscope.encoding import decode_float, decode_optional_float, encode_float
from fitscope.errors import RecordError
from fitscope.records import (
    JSON,
    TYPE_ID,
    Budget,
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
    required_field,
)

__all__ = ["from_json_dict", "to_json_dict"]


def _plain(obj: Any) -> JSON:
    """Converts nested records to JSON values; floats keep their value (encoded later)."""
    if isinstance(obj, float):
        return encode_float(obj)
    if isinstance(obj, (Summary, Histogram, Budget)):
        return obj.to_json()
    if hasattr(obj, "__dataclass_fields__"):
        return {name: _plain(getattr(obj, name)) for name in obj.__dataclass_fields__}
    if isinstance(obj, Mapping):
        return {str(k): _plain(v) for k, v in obj.items()}
    if isinstance(obj, (tuple, list)):
        return [_plain(v) for v in obj]
    return obj


_KIND_OF = {StaticInfo: "static_info", StatsReport: "stats_report", MetricsRecord: "metrics", EpochRecord: "epoch"}


def to_json_dict(record: Record) -> dict[str, JSON]:
    """Returns the JSON form of a record, as described by its schema in ``schemas/``.

    The result contains only JSON types; ``json.dumps(..., allow_nan=False)`` accepts it.
    """
    out = _plain(record)
    assert isinstance(out, dict)
    out["record"] = _KIND_OF[type(record)]
    return out


def _str_map(d: Any, where: str) -> dict[str, str]:
    if d is None:
        return {}
    if not isinstance(d, Mapping):
        raise RecordError(f"{where} must be an object.")
    return {str(k): str(v) for k, v in d.items()}


def _software(d: Mapping[str, Any] | None) -> Software | None:
    if d is None:
        return None
    return Software(**{k: d.get(k) for k in Software.__dataclass_fields__})


def _hardware(d: Mapping[str, Any] | None) -> Hardware | None:
    if d is None:
        return None
    devices = tuple(
        DeviceInfo(name=x["name"], memory_total_bytes=x.get("memory_total_bytes")) for x in d.get("devices", ())
    )
    return Hardware(cpu_count=d.get("cpu_count"), memory_total_bytes=d.get("memory_total_bytes"), devices=devices)


def _shape(s: Sequence[int | None] | None) -> tuple[int | None, ...] | None:
    return None if s is None else tuple(s)


def _attributes(d: Any) -> dict[str, JSON]:
    """A layer's attributes; absent (older files) or null reads as none."""
    if d is None:
        return {}
    if not isinstance(d, Mapping):
        raise RecordError(f"A layer's attributes must be an object, got {type(d).__name__}.")
    return {str(k): v for k, v in d.items()}


def _model(d: Mapping[str, Any] | None) -> ModelInfo | None:
    if d is None:
        return None
    layers = tuple(
        LayerInfo(
            name=x["name"],
            type=x["type"],
            num_params=int(x.get("num_params", 0)),
            params=tuple(x.get("params", ())),
            inputs=tuple(x.get("inputs", ())),
            input_shape=_shape(x.get("input_shape")),
            output_shape=_shape(x.get("output_shape")),
            activation=x.get("activation"),
            attributes=_attributes(x.get("attributes")),
        )
        for x in d.get("layers", ())
    )
    return ModelInfo(
        class_name=required_field(d, "class_name", "model"),
        num_layers=int(required_field(d, "num_layers", "model")),
        num_params=int(required_field(d, "num_params", "model")),
        param_names=tuple(d.get("param_names", ())),
        param_shapes={str(k): tuple(int(x) for x in v) for k, v in (d.get("param_shapes") or {}).items()},
        layers=layers,
        config=d.get("config"),
        graph_source=d.get("graph_source", "module_order"),
        onnx=d.get("onnx"),
    )


def _static_info(d: Mapping[str, Any]) -> StaticInfo:
    lc = d.get("listener")
    return StaticInfo(
        session_id=required_field(d, "session_id", "static_info"),
        worker_id=required_field(d, "worker_id", "static_info"),
        timestamp_ms=int(required_field(d, "timestamp_ms", "static_info")),
        type_id=d.get("type_id", TYPE_ID),
        session_name=d.get("session_name"),
        tags=_str_map(d.get("tags"), "tags"),
        hyperparameters=dict(d.get("hyperparameters") or {}),
        software=_software(d.get("software")),
        hardware=_hardware(d.get("hardware")),
        model=_model(d.get("model")),
        listener=None
        if lc is None
        else ListenerConfigInfo(
            frequency=int(lc["frequency"]),
            histogram_bins=int(lc["histogram_bins"]),
            collect=dict(lc.get("collect", {})),
        ),
    )


def _float_map(d: Any) -> dict[str, float]:
    return {str(k): decode_float(v) for k, v in (d or {}).items()}


def _stats_report(d: Mapping[str, Any]) -> StatsReport:
    perf = d.get("performance")
    mem = d.get("memory")
    sc = d.get("scores") or {}
    return StatsReport(
        session_id=required_field(d, "session_id", "stats_report"),
        worker_id=required_field(d, "worker_id", "stats_report"),
        timestamp_ms=int(required_field(d, "timestamp_ms", "stats_report")),
        iteration=int(required_field(d, "iteration", "stats_report")),
        epoch=int(d.get("epoch", 0)),
        type_id=d.get("type_id", TYPE_ID),
        score=decode_optional_float(d.get("score")),
        scores=ScoreSeries(
            iterations=tuple(int(i) for i in sc.get("iterations", ())),
            values=tuple(decode_float(v) for v in sc.get("values", ())),
            timestamps_ms=tuple(int(t) for t in sc.get("timestamps_ms") or ()),
        ),
        learning_rates=_float_map(d.get("learning_rates")),
        performance=None
        if perf is None
        else Performance(
            total_runtime_ms=decode_float(perf["total_runtime_ms"]),
            total_examples=int(perf["total_examples"]),
            total_minibatches=int(perf["total_minibatches"]),
            examples_per_second=decode_float(perf["examples_per_second"]),
            minibatches_per_second=decode_float(perf["minibatches_per_second"]),
        ),
        memory=None
        if mem is None
        else Memory(
            process_rss_bytes=mem.get("process_rss_bytes"),
            system_total_bytes=mem.get("system_total_bytes"),
            system_available_bytes=mem.get("system_available_bytes"),
            devices=tuple(
                DeviceMemory(
                    name=x["name"],
                    current_bytes=x.get("current_bytes"),
                    max_bytes=x.get("max_bytes"),
                    total_bytes=x.get("total_bytes"),
                )
                for x in mem.get("devices", ())
            ),
        ),
        collection_ms=decode_optional_float(d.get("collection_ms")),
        summaries={
            str(kind): {str(name): Summary.from_json(s) for name, s in by_name.items()}
            for kind, by_name in (d.get("summaries") or {}).items()
        },
        budget=None if d.get("budget") is None else Budget.from_json(d["budget"]),
    )


def _metrics(d: Mapping[str, Any]) -> MetricsRecord:
    return MetricsRecord(
        session_id=required_field(d, "session_id", "metrics"),
        worker_id=required_field(d, "worker_id", "metrics"),
        timestamp_ms=int(required_field(d, "timestamp_ms", "metrics")),
        iteration=int(required_field(d, "iteration", "metrics")),
        epoch=int(d.get("epoch", 0)),
        type_id=d.get("type_id", TYPE_ID),
        values=_float_map(d.get("values")),
    )


def _epoch(d: Mapping[str, Any]) -> EpochRecord:
    return EpochRecord(
        session_id=required_field(d, "session_id", "epoch"),
        worker_id=required_field(d, "worker_id", "epoch"),
        timestamp_ms=int(required_field(d, "timestamp_ms", "epoch")),
        epoch=int(required_field(d, "epoch", "epoch")),
        iteration=int(required_field(d, "iteration", "epoch")),
        type_id=d.get("type_id", TYPE_ID),
    )


_DECODERS: dict[str, Callable[[Mapping[str, Any]], Record]] = {
    "static_info": _static_info,
    "stats_report": _stats_report,
    "metrics": _metrics,
    "epoch": _epoch,
}


def from_json_dict(d: Mapping[str, Any]) -> Record:
    """Builds a record from its JSON form (the inverse of :func:`to_json_dict`).

    Raises:
        RecordError: ``d`` is not a record, or a required field is missing or malformed.
    """
    kind = d.get("record") if isinstance(d, Mapping) else None
    decoder = _DECODERS.get(kind) if isinstance(kind, str) else None
    if decoder is None:
        raise RecordError(f"Not a fitscope record: 'record' must be one of {', '.join(_DECODERS)}, got {kind!r}.")
    try:
        return decoder(d)
    except RecordError:
        raise
    except (KeyError, TypeError, ValueError) as exc:
        raise RecordError(f"Malformed {kind} record: {exc!r}.") from exc
