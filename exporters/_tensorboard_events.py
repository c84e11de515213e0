"""Turns fitscope records into TensorBoard ``Event`` protos (the tag layout of ``docs/exporters.md``).

Only the ``tensorboard`` package is used (its protos and the text plugin's metadata), never
TensorFlow. Scalars are ``simple_value`` (float32: the Rust data server drops float64 tensors);
histograms are the legacy ``HistogramProto`` with fitscope's own buckets; static info is a
Markdown text summary. Every tag of one report shares one ``Event`` (scores: one each, at
their own iteration and time). Scalar names and values come from
:class:`~fitscope.exporters._mlflow_metrics.ReportConverter`, shared with the MLflow exporter.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping, Sequence
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
from tensorboard.plugins.hparams import (  # type: ignore[import-untyped, unused-ignore]
    api_pb2 as hparams_api_pb2,
)
from tensorboard.plugins.hparams import (  # type: ignore[import-untyped, unused-ignore]
    metadata as hparams_metadata,
)
from tensorboard.plugins.hparams import (  # type: ignore[import-untyped, unused-ignore]
    plugin_data_pb2 as hparams_plugin_data_pb2,
)
from tensorboard.plugins.text import metadata as text_metadata  # type: ignore[import-untyped, unused-ignore]

from fitscope.exporters._findings import finding_markdown
from fitscope.exporters._mlflow_metrics import ReportConverter
from fitscope.records import EpochRecord, MetricsRecord, StaticInfo, StatsReport, Summary

__all__ = [
    "epoch_event",
    "flat_hyperparameters",
    "hparams_end_event",
    "metrics_event",
    "report_events",
    "static_info_events",
    "version_event",
]

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


def report_events(report: StatsReport, *, histograms: bool, converter: ReportConverter | None = None) -> list[Event]:
    """Returns the events of one report: one per score of its window, then one with every other tag.

    The scalars are the names and values of :class:`ReportConverter` (the naming scheme both
    exporters share, ``docs/exporters.md``); each score has its iteration's own step and wall
    time (the report's when the report carries no score times), every other tag the report's.

    Args:
        report: The report.
        histograms: Whether to write the histograms (``histogram/<kind>/<name>``).
        converter: The run's converter (it keeps learning-rate groups and weights stable
            across reports); a fresh one without StaticInfo when None.
    """
    converter = converter or ReportConverter(None)
    events: list[Event] = []
    values: list[Any] = []
    for key, value, timestamp_ms, step in converter.convert(report):
        if key == "score":
            events.append(_event(step, timestamp_ms / 1000.0, [_scalar("score", value)]))
        else:
            values.append(_scalar(key, value))
    if histograms:
        for kind, by_name in report.summaries.items():
            for name, s in by_name.items():
                if s.histogram is not None:
                    values.append(_histogram(f"histogram/{kind}/{name}", s))
    events.append(_event(report.iteration, report.timestamp_ms / 1000.0, values))
    return events


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


def findings_events(findings: Sequence[Any], wall_time: float) -> list[Event]:
    """One text event per finding, tag ``diagnostics/<rule>``, at the iteration where the symptom began."""
    return [
        _event(f.first_iteration, wall_time, [_text(f"diagnostics/{f.rule}", finding_markdown(f))]) for f in findings
    ]


def static_info_events(info: StaticInfo) -> list[Event]:
    """Returns one event at step 0: ``static_info`` (Markdown) and, when any, ``hyperparameters``.

    Hyperparameters also go to TensorBoard's HParams plugin, as ``SummaryWriter.add_hparams``
    writes them: an experiment summary naming them and the ``score`` metric, and the run's
    session start info with their values (the session end info is written at close).
    """
    values = [_text("static_info", static_info_markdown(info))]
    if info.hyperparameters:
        rows = [(name, json.dumps(value, sort_keys=True)) for name, value in info.hyperparameters.items()]
        values.append(_text("hyperparameters", _table(("hyperparameter", "value"), rows)))
        values.extend(_hparams_values(info))
    return [_event(0, info.timestamp_ms / 1000.0, values)]


def flat_hyperparameters(hyperparameters: Mapping[str, Any]) -> dict[str, Any]:
    """Flattens nested mappings with ``.`` (``optimizer.lr``), as the MLflow params are named."""
    out: dict[str, Any] = {}
    for name, value in hyperparameters.items():
        if isinstance(value, Mapping) and value:
            out.update({f"{name}.{k}": v for k, v in flat_hyperparameters(value).items()})
        else:
            out[name] = value
    return out


def _hparams_summary(tag: str, data: Any) -> Any:
    metadata = hparams_metadata.create_summary_metadata(data)
    return _Value(tag=tag, metadata=metadata, tensor=hparams_metadata.NULL_TENSOR)


def _hparams_values(info: StaticInfo) -> list[Any]:
    """The HParams plugin's experiment and session start summaries of a run's hyperparameters."""
    api = hparams_api_pb2
    start = hparams_plugin_data_pb2.SessionStartInfo(start_time_secs=info.timestamp_ms / 1000.0)
    infos = []
    for name, value in flat_hyperparameters(info.hyperparameters).items():
        if value is None:
            continue
        slot = start.hparams[name]
        if isinstance(value, bool):  # before int: bool is an int
            slot.bool_value, kind = value, api.DATA_TYPE_BOOL
        elif isinstance(value, (int, float)):
            slot.number_value, kind = float(value), api.DATA_TYPE_FLOAT64
        elif isinstance(value, str):
            slot.string_value, kind = value, api.DATA_TYPE_STRING
        else:  # lists and empty mappings: their compact JSON
            slot.string_value, kind = json.dumps(value, sort_keys=True, separators=(",", ":")), api.DATA_TYPE_STRING
        infos.append(api.HParamInfo(name=name, type=kind))
    version = hparams_metadata.PLUGIN_DATA_VERSION
    experiment = api.Experiment(
        hparam_infos=infos,
        metric_infos=[api.MetricInfo(name=api.MetricName(tag="score"), display_name="score")],
        time_created_secs=info.timestamp_ms / 1000.0,
    )
    plugin_data = hparams_plugin_data_pb2.HParamsPluginData
    return [
        _hparams_summary(hparams_metadata.EXPERIMENT_TAG, plugin_data(experiment=experiment, version=version)),
        _hparams_summary(
            hparams_metadata.SESSION_START_INFO_TAG, plugin_data(session_start_info=start, version=version)
        ),
    ]


def hparams_end_event(step: int, wall_time: float) -> Event:
    """Returns the HParams plugin's session end info (status success) at a run's last step and time."""
    end = hparams_plugin_data_pb2.SessionEndInfo(status=hparams_api_pb2.STATUS_SUCCESS, end_time_secs=wall_time)
    data = hparams_plugin_data_pb2.HParamsPluginData(session_end_info=end, version=hparams_metadata.PLUGIN_DATA_VERSION)
    return _event(step, wall_time, [_hparams_summary(hparams_metadata.SESSION_END_INFO_TAG, data)])


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
        skip = {"layers", "param_names", "param_shapes", "config", "onnx"}
        fields = _field_rows(model, skip)
        if isinstance(model.onnx, Mapping):
            fields.append(("onnx graph", _onnx_line(model.onnx)))
        parts += ["### Model", _table(("field", "value"), fields)]
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


def _onnx_line(graph: Mapping[str, Any]) -> str:
    """One line about a stored ONNX graph (the graph itself is in the fitscope file, not in TensorBoard)."""
    opsets = ", ".join(f"{d or 'ai.onnx'} {v}" for d, v in dict(graph.get("opsets", {})).items())
    nodes = len(graph.get("nodes", ()))
    return f"{nodes} nodes, opset {opsets or '?'}, from {graph.get('source') or 'an ONNX file'}"


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
