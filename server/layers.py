"""The model's structure: parameters and which are weights, the layer graph, and the layer page.

Which parameters are *weights* (what the overview's update:parameter ratio and its gradient and
update stdev charts show, as the original showed its ``W``/``RW`` parameters only):

* a parameter whose shape ``StaticInfo.model.param_shapes`` gives is a weight when it has two
  or more dimensions (:meth:`~fitscope.records.ModelInfo.weight_names`);
* a parameter without a known shape (a lazy one, a file written before shapes were recorded)
  falls back on PyTorch's naming: its own name (after the last dot) contains ``weight``
  (``weight``, ``weight_ih_l0``, ``in_proj_weight``), unless its layer is a normalisation layer
  (type name containing ``Norm``: there ``weight`` is a 1-D scale).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from fitscope.encoding import encode_optional_float
from fitscope.errors import GraphError
from fitscope.onnx_graph.reading import OnnxGraph
from fitscope.onnx_graph.view import onnx_view
from fitscope.records import LayerInfo, ModelInfo, StaticInfo, StatsReport
from fitscope.server.columns import Column, align, column_json, log10, ratio
from fitscope.server.downsample import downsample, downsample_together
from fitscope.server.errors import ApiError
from fitscope.server.reader import Reader

__all__ = [
    "Names",
    "Param",
    "graph_view",
    "is_weight",
    "layer_json",
    "layer_view",
    "parameters",
    "series",
    "summary_sets",
]


_ACTIVATION_SERIES = ("mean", "stdev", "mean_plus_2_stdev", "mean_minus_2_stdev")
_NONFINITE_KINDS = ("parameters", "gradients", "updates")


@dataclass(frozen=True, slots=True)
class Param:
    """A parameter of the model.

    Attributes:
        name: Its name, as in reports.
        layer: The layer owning it (None when unknown).
        is_weight: Whether it counts as a weight (see the module docs).
    """

    name: str
    layer: str | None
    is_weight: bool

    def json(self) -> dict[str, Any]:
        """The JSON form (``Parameter`` in ``schemas/openapi.json``)."""
        return {"name": self.name, "layer": self.layer, "is_weight": self.is_weight}


def is_weight(name: str, layer_type: str | None, shape: Sequence[int | None] | None = None) -> bool:
    """Whether a parameter counts as a weight (see the module docs)."""
    if shape is not None:
        return len(shape) >= 2
    own = name.rpartition(".")[2]
    return "weight" in own and not (layer_type is not None and "Norm" in layer_type)


def _layers(static: StaticInfo | None) -> tuple[LayerInfo, ...]:
    return () if static is None or static.model is None else static.model.layers


def parameters(static: StaticInfo | None, summary_names: Mapping[str, Sequence[str]]) -> list[Param]:
    """The model's parameters in model order, with those only reports know about after them.

    Args:
        static: The worker's StaticInfo.
        summary_names: Per summary kind, every name a stored report holds
            (:meth:`~fitscope.server.reader.Reader.summary_names`).
    """
    model = None if static is None else static.model
    shapes: Mapping[str, Sequence[int]] = {} if model is None else model.param_shapes
    owner: dict[str, LayerInfo] = {}
    for layer in _layers(static):
        for p in layer.params:
            owner.setdefault(p, layer)
    names = dict.fromkeys(model.param_names if model is not None else ())
    names.update(dict.fromkeys(owner))
    for kind in ("parameters", "gradients", "updates"):
        names.update(dict.fromkeys(summary_names.get(kind, ())))
    out = []
    for name in names:
        found = owner.get(name)
        layer_name = found.name if found is not None else (name.rpartition(".")[0] or None)
        out.append(Param(name, layer_name, is_weight(name, None if found is None else found.type, shapes.get(name))))
    return out


def series(column: Column, max_points: int) -> dict[str, Any]:
    """A column downsampled to ``max_points`` in its JSON form."""
    return column_json(downsample(column, max_points))


#: Per summary kind, the names any stored report holds (sets: membership tests).
Names = Mapping[str, Collection[str]]


def summary_sets(reader: Reader) -> dict[str, set[str]]:
    """:meth:`Reader.summary_names` as sets."""
    return {kind: set(found) for kind, found in reader.summary_names().items()}


def _has(names: Names, kind: str, name: str) -> bool:
    return name in names.get(kind, ())


def _onnx_graph(reader: Reader, model: ModelInfo | None, graphs: Mapping[str, OnnxGraph]) -> OnnxGraph | None:
    """The session's ONNX graph: one the server was given for it, else the one stored with it."""
    given = graphs.get(reader.session_id) or graphs.get("*")
    if given is not None:
        return given
    if model is None or model.onnx is None:
        return None
    try:
        return OnnxGraph.from_json(model.onnx)
    except GraphError as exc:
        raise ApiError(
            422,
            "bad_graph",
            f"The ONNX graph stored with worker {reader.worker_id!r} of session {reader.session_id!r} "
            f"is unusable: {exc}",
        ) from None


def graph_view(reader: Reader, graphs: Mapping[str, OnnxGraph] | None = None) -> dict[str, Any]:
    """``GET /api/v1/graph``: the layers and the edges between them, and the ONNX graph when there is one.

    Args:
        reader: The worker.
        graphs: Graphs the server was given, by session id (``"*"``: any session); they win over
            a graph stored with the session.
    """
    static = reader.static_info()
    model = None if static is None else static.model
    graph = _onnx_graph(reader, model, graphs or {})
    layers = [layer_json(layer) for layer in _layers(static)]
    edges = [{"source": src, "target": layer.name} for layer in _layers(static) for src in layer.inputs]
    return {
        "session_id": reader.session_id,
        "worker_id": reader.worker_id,
        "model_type": None if model is None else model.class_name,
        "graph_source": None if model is None else model.graph_source,
        "layers": layers,
        "edges": edges,
        "onnx": None if graph is None else onnx_view(graph, model),
    }


def _find_layer(reader: Reader, static: StaticInfo | None, name: str) -> LayerInfo:
    layers = _layers(static)
    for layer in layers:
        if layer.name == name:
            return layer
    if not layers:
        raise ApiError(
            404,
            "unknown_layer",
            f"Layer {name!r} is unknown: worker {reader.worker_id!r} of session {reader.session_id!r} stored no "
            "model description (StaticInfo.model).",
        )
    known = ", ".join(repr(x.name) for x in layers[:20]) + (", ..." if len(layers) > 20 else "")
    raise ApiError(
        404,
        "unknown_layer",
        f"Layer {name!r} is not in the model of session {reader.session_id!r}; its layers are: {known}.",
    )


def _summary_json(report: StatsReport, kind: str, name: str) -> dict[str, Any] | None:
    s = report.summaries.get(kind, {}).get(name)
    return None if s is None else s.to_json()


def _layer_keys(names: Names, latest: StatsReport | None, layer: str, params: Sequence[str]) -> list[str]:
    """The series keys :func:`layer_view` reads for ``layer`` and its ``params``, in the order it reads them."""
    keys: list[str] = []
    for p in params:
        keys += [f"{kind}/{p}/mean_magnitude" for kind in ("parameters", "updates") if _has(names, kind, p)]
        keys += [f"{kind}/{p}/nonfinite_count" for kind in _NONFINITE_KINDS if _has(names, kind, p)]
        if latest is not None and p in latest.learning_rates:
            keys.append(f"learning_rates/{p}")
    if _has(names, "activations", layer):
        stats = ("mean", "stdev", "nonfinite_count", "unit_count", "dead_unit_count")
        keys += [f"activations/{layer}/{stat}" for stat in stats]
    keys.append("timestamp_ms")
    return keys


def layer_view(reader: Reader, name: str, max_points: int) -> dict[str, Any]:
    """``GET /api/v1/layer``: one layer's table, mean magnitudes, activations, learning rates, histograms.

    Which series exist is decided by every stored report (:meth:`Reader.summary_names`), not the
    latest one; the ``latest`` summaries of a kind the latest report lacks (a final partial
    report) come from the latest report that has them (``latest.summary_iterations`` says which).
    A summary whose histogram the overhead budget left out has the newest earlier one beside it
    (``latest.earlier_histograms``).
    """
    static = reader.static_info()
    layer = _find_layer(reader, static, name)
    latest = reader.latest()
    names = summary_sets(reader)
    params = [p for p in parameters(static, reader.summary_names()) if p.name in layer.params]
    # Every series of the page in one read, as the overview does (see _layer_keys).
    reader.prefetch(_layer_keys(names, latest, name, [p.name for p in params]))
    col = reader.column
    mm: dict[str, dict[str, Any]] = {"parameters": {}, "updates": {}, "ratios": {}}
    nonfinite: dict[str, Any] = {"parameters": {}, "gradients": {}, "updates": {}, "activations": None}
    learning_rates: dict[str, Any] = {}
    for p in params:
        param_mm = col(f"parameters/{p.name}/mean_magnitude") if _has(names, "parameters", p.name) else None
        update_mm = col(f"updates/{p.name}/mean_magnitude") if _has(names, "updates", p.name) else None
        if param_mm is not None:
            mm["parameters"][p.name] = series(param_mm, max_points)
        if update_mm is not None:
            mm["updates"][p.name] = series(update_mm, max_points)
        if param_mm is not None and update_mm is not None:
            mm["ratios"][p.name] = series(log10(ratio(update_mm, param_mm)), max_points)
        for kind in _NONFINITE_KINDS:
            if _has(names, kind, p.name):
                nonfinite[kind][p.name] = series(col(f"{kind}/{p.name}/nonfinite_count"), max_points)
        if latest is not None and p.name in latest.learning_rates:
            learning_rates[p.name] = series(col(f"learning_rates/{p.name}"), max_points)
    activations = None
    if _has(names, "activations", name):
        mean, stdev = align(col(f"activations/{name}/mean"), col(f"activations/{name}/stdev"))
        # IEEE results past the float range (+/-Infinity), as everywhere else; not a warning.
        with np.errstate(over="ignore", invalid="ignore"):
            plus = Column(mean.iterations, mean.values + 2 * stdev.values, _either(mean, stdev))
            minus = Column(mean.iterations, mean.values - 2 * stdev.values, _either(mean, stdev))
        cols = downsample_together([mean, stdev, plus, minus], max_points)
        activations = dict(zip(_ACTIVATION_SERIES, map(column_json, cols), strict=True))
        nonfinite["activations"] = series(col(f"activations/{name}/nonfinite_count"), max_points)
    dead_units = None
    if _has(names, "activations", name):
        units = col(f"activations/{name}/unit_count")
        if units.iterations.size:
            dead_units = series(ratio(col(f"activations/{name}/dead_unit_count"), units), max_points)
    return {
        "session_id": reader.session_id,
        "worker_id": reader.worker_id,
        "max_points": max_points,
        "layer": layer_json(layer),
        "parameters": [p.json() for p in params],
        "mean_magnitudes": mm,
        "activations": activations,
        "dead_units": dead_units,
        "learning_rates": learning_rates,
        "report_times": series(col("timestamp_ms"), max_points),
        "nonfinite": nonfinite,
        "latest": None if latest is None else _latest_json(reader, names, latest, name, [p.name for p in params]),
    }


def _either(a: Column, b: Column) -> Any:
    if a.absent is None and b.absent is None:
        return None
    return a.absent_mask() | b.absent_mask()


def _shape(shape: Sequence[int | None] | None) -> list[int | None] | None:
    return None if shape is None else list(shape)


def layer_json(layer: LayerInfo) -> dict[str, Any]:
    """The JSON form of a layer, as in ``static_info.schema.json`` (``model.layers[]``)."""
    return {
        "name": layer.name,
        "type": layer.type,
        "num_params": layer.num_params,
        "params": list(layer.params),
        "inputs": list(layer.inputs),
        "input_shape": _shape(layer.input_shape),
        "output_shape": _shape(layer.output_shape),
        "activation": layer.activation,
        "attributes": dict(layer.attributes),
    }


def _last_present(column: Column) -> int | None:
    present = column.iterations if column.absent is None else column.iterations[~column.absent]
    return None if len(present) == 0 else int(present[-1])


def _report_with(reader: Reader, latest: StatsReport, kind: str, names: Sequence[str]) -> StatsReport | None:
    """The latest report holding a ``kind`` summary of one of ``names``: ``latest`` itself, or an earlier one."""
    held = latest.summaries.get(kind, {})
    if any(n in held for n in names):
        return latest
    # nonfinite_count is stored for every summary, so its column says where the summaries are.
    found = [it for n in names if (it := _last_present(reader.column(f"{kind}/{n}/nonfinite_count"))) is not None]
    return reader.report_at(max(found)) if found else None


def _latest_json(reader: Reader, names: Names, latest: StatsReport, layer: str, params: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "iteration": latest.iteration,
        "timestamp_ms": latest.timestamp_ms,
        "learning_rates": {p: encode_optional_float(latest.learning_rates.get(p)) for p in params},
        "parameters": {},
        "gradients": {},
        "updates": {},
        "activations": None,
        "summary_iterations": dict.fromkeys(("parameters", "gradients", "updates", "activations")),
        "earlier_histograms": {"parameters": {}, "gradients": {}, "updates": {}, "activations": None},
    }
    earlier = out["earlier_histograms"]
    for kind in _NONFINITE_KINDS:
        wanted = [p for p in params if _has(names, kind, p)]
        report = _report_with(reader, latest, kind, wanted) if wanted else None
        if report is not None:
            out[kind] = {p: _summary_json(report, kind, p) for p in wanted if p in report.summaries.get(kind, {})}
            out["summary_iterations"][kind] = report.iteration
            for p in out[kind]:
                if (found := _earlier_histogram(reader, report, kind, p)) is not None:
                    earlier[kind][p] = found
    if _has(names, "activations", layer):
        report = _report_with(reader, latest, "activations", [layer])
        if report is not None:
            out["activations"] = _summary_json(report, "activations", layer)
            out["summary_iterations"]["activations"] = report.iteration
            earlier["activations"] = _earlier_histogram(reader, report, "activations", layer)
    return out


def _earlier_histogram(reader: Reader, report: StatsReport, kind: str, name: str) -> dict[str, Any] | None:
    """The newest earlier summary of ``kind``/``name`` with a histogram, when ``report``'s budget left it out.

    Only a histogram the overhead budget spread (``report.budget`` gives the kind a stride above
    1) is looked for: one switched off, or missing because every value was non-finite, is not
    replaced by an older one.
    """
    summary = report.summaries.get(kind, {}).get(name)
    budget = report.budget
    if (
        summary is None
        or summary.histogram is not None
        or summary.count - summary.nonfinite_count == 0
        or budget is None
        or budget.histogram_strides.get(kind, 1) <= 1
    ):
        return None
    at = reader.latest_histogram_iteration(kind, name, report.iteration - 1)
    held = None if at is None else reader.report_at(at)
    found = None if held is None else held.summaries.get(kind, {}).get(name)
    if held is None or found is None or found.histogram is None:
        return None
    return {"iteration": held.iteration, "summary": found.to_json()}
