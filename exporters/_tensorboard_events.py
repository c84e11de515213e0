"""Turns fitscope records into TensorBoard ``Event`` protos (the tag layout of ``docs/exporters.md``).

Only the ``tensorboard`` package is used (its protos and the text plugin's metadata), never
TensorFlow. Scalars are ``simple_value`` (float32: the Rust data server drops float64 tensors);
histograms are the legacy ``HistogramProto`` with fitscope's own buckets; static info is a
Markdown text summary. Every tag of one report shares one ``Event``.
"""

from __future__ import annotations

import dataclasses
import json
import math
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime, timezone
from typing import Any

# tensorboard ships no type information (no py.typed): its protos are Any here.
from tensorboard.compat.proto import (  # type: ignore[import-untyped, unused-ignore]
    event_pb2,
    summary_pb2,
    tensor_pb2,
    tensor_shape_pb2,
    types_pb2,
)
from tensorboard.plugins.text import metadata as text_metadata  # type: ignore[import-untyped, unused-ignore]

from fitscope.records import EpochRecord, MetricsRecord, StaticInfo, StatsReport, Summary

__all__ = ["epoch_event", "metrics_event", "report_events", "static_info_events", "version_event"]

Event = Any  # tensorboard.compat.proto.event_pb2.Event (generated, untyped)
_Value = summary_pb2.Summary.Value


def version_event(wall_time: float) -> bytes:
    """Returns the serialized ``file_version`` event that starts an event file."""
    event = event_pb2.Event(wall_time=wall_time, file_version="brain.Event:2")
    data: bytes = event.SerializeToString()
    return data


def _event(step: int, wall_time: float, values: list[Any]) -> Event:
    return event_pb2.Event(wall_time=wall_time, step=step, summary=summary_pb2.Summary(value=values))


def _scalar(tag: str, value: float) -> Any:
    # simple_value is float32: NaN and +/-Inf stay as they are, |x| > 3.4e38 becomes +/-Inf.
    return _Value(tag=tag, simple_value=value)


def _histogram(tag: str, s: Summary) -> Any:
    h = s.histogram
    assert h is not None
    proto = summary_pb2.HistogramProto(
        min=h.min,
        max=h.max,
        num=float(s.finite_count),
        sum=0.0 if s.sum is None else s.sum,
        sum_squares=0.0 if s.sum_squares is None else s.sum_squares,
        # bucket_limit[i] is the right edge of bucket i; TensorBoard takes min as the first left edge.
        bucket_limit=h.edges()[1:],
        bucket=[float(c) for c in h.counts],
    )
    return _Value(tag=tag, histo=proto)


def update_ratio(update: Summary | None, parameter: Summary | None) -> float | None:
    """Returns ``log10(mean|update| / mean|parameter|)``, or None when a magnitude is absent or zero."""
    if update is None or parameter is None:
        return None
    u, p = update.mean_magnitude, parameter.mean_magnitude
    if u is None or p is None or not (u > 0 and p > 0) or math.isinf(u) or math.isinf(p):
        return None
    return math.log10(u / p)


def report_events(report: StatsReport, *, histograms: bool, nonfinite_seen: set[str]) -> list[Event]:
    """Returns the events of one report: one per earlier score of its window, then one with every tag.

    Args:
        report: The report.
        histograms: Whether to write the histograms.
        nonfinite_seen: ``"<kind>/<name>"`` of the tensors that held a non-finite value in an
            earlier report of this run; updated here. Their ``nonfinite/...`` series is written
            from their first non-finite value on, zeros included.
    """
    wall = report.timestamp_ms / 1000.0
    events: list[Event] = []
    own_score = report.score
    for iteration, value in zip(report.scores.iterations, report.scores.values, strict=True):
        if iteration == report.iteration:
            own_score = value if own_score is None else own_score
        else:
            events.append(_event(iteration, wall, [_scalar("score", value)]))
    values: list[Any] = []
    if own_score is not None:
        values.append(_scalar("score", own_score))
    values.extend(_scalar(f"learning_rate/{name}", lr) for name, lr in report.learning_rates.items())
    updates, parameters = report.summaries.get("updates", {}), report.summaries.get("parameters", {})
    for name, update in updates.items():
        ratio = update_ratio(update, parameters.get(name))
        if ratio is not None:
            values.append(_scalar(f"ratio/{name}", ratio))
    values.extend(_summary_values(report.summaries, histograms=histograms, nonfinite_seen=nonfinite_seen))
    values.extend(_scalar(tag, v) for tag, v in _report_fields(report))
    events.append(_event(report.iteration, wall, values))
    return events


def _summary_values(
    summaries: Mapping[str, Mapping[str, Summary]], *, histograms: bool, nonfinite_seen: set[str]
) -> Iterator[Any]:
    total = 0
    for kind, by_name in summaries.items():
        for name, s in by_name.items():
            key = f"{kind}/{name}"
            if s.mean_magnitude is not None:
                yield _scalar(f"mean_magnitude/{key}", s.mean_magnitude)
            if s.stdev is not None:
                yield _scalar(f"stdev/{key}", s.stdev)
            if s.nonfinite_count:
                nonfinite_seen.add(key)
                total += s.nonfinite_count
            if key in nonfinite_seen:
                yield _scalar(f"nonfinite/{key}", s.nonfinite_count)
            if histograms and s.histogram is not None:
                yield _histogram(f"histogram/{key}", s)
    if summaries:
        yield _scalar("nonfinite/total", total)


def _report_fields(report: StatsReport) -> Iterator[tuple[str, float]]:
    """Yields ``(tag, value)`` of the performance and memory fields that are present."""
    if report.performance is not None:
        for f in dataclasses.fields(report.performance):
            yield f"performance/{f.name}", getattr(report.performance, f.name)
    if report.collection_ms is not None:
        yield "performance/collection_ms", report.collection_ms
    memory = report.memory
    if memory is not None:
        for f in dataclasses.fields(memory):
            value = getattr(memory, f.name)
            if isinstance(value, (int, float)):
                yield f"memory/{f.name}", value
        for device in memory.devices:
            for f in dataclasses.fields(device):
                value = getattr(device, f.name)
                if f.name != "name" and isinstance(value, (int, float)):
                    yield f"memory/devices/{device.name}/{f.name}", value


def metrics_event(record: MetricsRecord) -> Event:
    """Returns the event of user metrics: ``metrics/<name>`` at the record's iteration."""
    values = [_scalar(f"metrics/{name}", v) for name, v in record.values.items()]
    return _event(record.iteration, record.timestamp_ms / 1000.0, values)


def epoch_event(record: EpochRecord) -> Event:
    """Returns the event of an epoch end: the ``epoch`` number at the iteration it ended after."""
    return _event(record.iteration, record.timestamp_ms / 1000.0, [_scalar("epoch", record.epoch)])


def _text(tag: str, markdown: str) -> Any:
    tensor = tensor_pb2.TensorProto(
        dtype=types_pb2.DT_STRING,
        string_val=[markdown.encode("utf-8")],
        # Rank 0: the text plugin renders a scalar string as Markdown, a [1] array as a table around it.
        tensor_shape=tensor_shape_pb2.TensorShapeProto(),
    )
    metadata = text_metadata.create_summary_metadata(display_name=tag, description="")
    return _Value(tag=tag, metadata=metadata, tensor=tensor)


def static_info_events(info: StaticInfo) -> list[Event]:
    """Returns one event at step 0: ``static_info`` (Markdown) and, when any, ``hyperparameters``."""
    values = [_text("static_info", static_info_markdown(info))]
    if info.hyperparameters:
        rows = [(name, json.dumps(value, sort_keys=True)) for name, value in info.hyperparameters.items()]
        values.append(_text("hyperparameters", _table(("hyperparameter", "value"), rows)))
    return [_event(0, info.timestamp_ms / 1000.0, values)]


def static_info_markdown(info: StaticInfo) -> str:
    """Renders static info as Markdown tables: session, software, hardware, model and layers, listener.

    Absent fields are left out; ``|`` and newlines inside values are escaped.
    """
    started = datetime.fromtimestamp(info.timestamp_ms / 1000.0, tz=timezone.utc).isoformat(timespec="seconds")
    session = [
        ("session id", info.session_id),
        ("session name", info.session_name),
        ("worker", info.worker_id),
        ("started (UTC)", started),
        ("tags", ", ".join(f"{k}={v}" for k, v in info.tags.items()) or None),
    ]
    parts = ["### Session", _table(("field", "value"), [(k, v) for k, v in session if v is not None])]
    for title, part in (("Software", info.software), ("Hardware", info.hardware)):
        if part is not None:
            parts += [f"### {title}", _table(("field", "value"), _field_rows(part))]
    model = info.model
    if model is not None:
        skip = {"layers", "param_names", "param_shapes", "config"}
        parts += ["### Model", _table(("field", "value"), _field_rows(model, skip))]
        if model.config is not None:
            parts.append(_table(("config",), [(json.dumps(model.config, sort_keys=True),)]))
        if model.layers:
            header = ("layer", "type", "params", "inputs", "input shape", "output shape", "activation")
            rows = [
                (
                    layer.name,
                    layer.type,
                    layer.num_params,
                    ", ".join(layer.inputs),
                    _shape(layer.input_shape),
                    _shape(layer.output_shape),
                    layer.activation,
                )
                for layer in model.layers
            ]
            parts += ["#### Layers", _table(header, rows)]
    if info.listener is not None:
        off = ", ".join(name for name, on in info.listener.collect.items() if not on)
        listener = [
            ("frequency", info.listener.frequency),
            ("histogram bins", info.listener.histogram_bins),
            ("switched off", off or "nothing"),
        ]
        parts += ["### Listener", _table(("field", "value"), listener)]
    return "\n\n".join(parts) + "\n"


def _field_rows(obj: Any, skip: frozenset[str] | set[str] = frozenset()) -> list[tuple[str, Any]]:
    rows: list[tuple[str, Any]] = []
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        if f.name in skip or value is None:
            continue
        if isinstance(value, tuple):
            value = "; ".join(_compact(v) for v in value)
        if value != "":
            rows.append((f.name.replace("_", " "), value))
    return rows


def _compact(value: Any) -> str:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = (f"{f.name}={getattr(value, f.name)}" for f in dataclasses.fields(value))
        return " ".join(fields)
    return str(value)


def _shape(shape: tuple[int | None, ...] | None) -> str | None:
    return None if shape is None else "(" + ", ".join("?" if d is None else str(d) for d in shape) + ")"


def _table(header: tuple[str, ...], rows: Sequence[tuple[Any, ...]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return str(value).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
