"""What :class:`~fitscope.exporters.mlflow.MLflowExporter` logs: metric points, params, tags, histogram lines.

Pure conversions from fitscope records, with no MLflow import, so they are cheap to test and
to time. :class:`ReportConverter` is also the TensorBoard exporter's: both exporters name every
statistic the same way. The names and rules are documented in ``docs/exporters.md`` (section
"One naming scheme").
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Iterable, Mapping
from typing import Any, Final

from fitscope.encoding import encode_float, encode_optional_float
from fitscope.records import EpochRecord, MetricsRecord, StaticInfo, StatsReport, Summary

__all__ = [
    "DETAIL_STATS",
    "MAX_KEY_LENGTH",
    "MAX_PARAM_LENGTH",
    "MAX_TAG_LENGTH",
    "Point",
    "ReportConverter",
    "epoch_points",
    "histogram_lines",
    "metric_key",
    "metrics_points",
    "static_params",
    "static_tags",
]

#: One metric point: (key, value, timestamp in ms, step).
Point = tuple[str, float, int, int]

#: MLflow's limits (``mlflow/utils/validation.py``): key length, param and tag value lengths.
MAX_KEY_LENGTH: Final = 250
MAX_PARAM_LENGTH: Final = 6000
MAX_TAG_LENGTH: Final = 8000
#: The per-tensor statistics ``detail=True`` adds, as ``<kind>/<name>/<stat>`` (``zero_fraction``:
#: the fraction of elements exactly 0, from ``Summary.zero_count``).
DETAIL_STATS: Final = ("mean", "stdev", "mean_magnitude", "min", "max", "zero_fraction")

_INVALID = re.compile(r"[^A-Za-z0-9_\-. /]")
_ENCODE = json.JSONEncoder(separators=(",", ":"), allow_nan=False).encode
_PARAM_KINDS: Final = ("parameters", "gradients", "updates")
_ROOT: Final = "(root)"


def metric_key(name: str) -> str:
    """Returns ``name`` as a key MLflow accepts on every platform, deterministically.

    Characters other than ASCII letters, digits, ``_ - . /`` and space become ``_``; empty
    path segments are dropped, ``.``/``..`` segments and a leading ``.`` become ``_`` (MLflow
    rejects keys that are not normalised paths). A key past 250 characters is cut to 241
    plus ``-`` and 8 hex digits of the SHA-1 of the original name, so long names stay distinct.
    """
    parts = [p for p in _INVALID.sub("_", name).split("/") if p]
    key = "/".join("_" * len(p) if p in (".", "..") else p for p in parts) or "_"
    if key.startswith("."):
        key = "_" + key[1:]
    if len(key) > MAX_KEY_LENGTH:
        digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
        key = f"{key[: MAX_KEY_LENGTH - 9]}-{digest}"
    return key


def _layer_of(param: str) -> str:
    layer, dot, _ = param.rpartition(".")
    return layer if dot else _ROOT


class _LearningRateGroups:
    """Parameters grouped by learning rate, numbered stably (``lr/group<i>``).

    The optimizer's param groups are not in the records, so a group is a set of parameters that
    shared one learning rate at the first report. When members of a group later differ, the
    part holding the group's first parameter keeps its number and the others get new numbers.
    """

    def __init__(self) -> None:
        self._groups: list[list[str]] = []
        self._known: set[str] = set()

    def points(self, lrs: Mapping[str, float]) -> list[tuple[str, float]]:
        """Returns ``(key, value)`` per group present in ``lrs``, splitting groups that diverged."""
        fresh = [name for name in lrs if name not in self._known]
        if fresh:
            self._groups.extend(_partition(fresh, lrs))
            self._known.update(fresh)
        out: list[tuple[str, float]] = []
        for i in range(len(self._groups)):  # groups appended while iterating are new splits
            present = [name for name in self._groups[i] if name in lrs]
            if not present:
                continue
            parts = _partition(present, lrs)
            if len(parts) > 1:
                absent = [name for name in self._groups[i] if name not in lrs]
                self._groups[i] = parts[0] + absent
                self._groups.extend(parts[1:])
            out.append((f"lr/group{i}", lrs[parts[0][0]]))
        return out


def _partition(names: list[str], lrs: Mapping[str, float]) -> list[list[str]]:
    groups: dict[object, list[str]] = {}
    for name in names:
        value = lrs[name]
        groups.setdefault("nan" if math.isnan(value) else value, []).append(name)
    return list(groups.values())


def _pooled_stdev(summaries: Iterable[Summary]) -> float | None:
    """Sample stdev over the finite values of several tensors, from their counts, means and stdevs."""
    parts: list[tuple[int, float, float]] = []
    for s in summaries:
        n = s.finite_count
        if n == 0:
            continue
        if s.mean is None or (n > 1 and s.stdev is None):
            return None
        parts.append((n, s.mean, (s.stdev or 0.0) ** 2 * (n - 1)))
    total = sum(n for n, _, _ in parts)
    if total < 2:
        return None
    mean = sum(n * m for n, m, _ in parts) / total
    m2 = sum(m2 + n * (m - mean) ** 2 for n, m, m2 in parts)
    return math.sqrt(max(m2, 0.0) / (total - 1))


class ReportConverter:
    """Turns one worker's reports into metric points; keeps what must stay stable across reports.

    Args:
        info: The worker's StaticInfo (its model layers map parameters to layers), if known.
        detail: Add ``<kind>/<name>/<stat>`` for every tensor and :data:`DETAIL_STATS`.
    """

    def __init__(self, info: StaticInfo | None, *, detail: bool = False) -> None:
        self.detail = detail
        self._lr_groups = _LearningRateGroups()
        self._layer: dict[str, str] = {}
        self._weights: dict[str, bool] = {}
        if info is not None and info.model is not None:
            if info.model.param_shapes:
                weights = set(info.model.weight_names())
                self._weights = {name: name in weights for name in info.model.param_shapes}
            for layer in info.model.layers:
                for param in layer.params:
                    self._layer[param] = layer.name

    def layer_of(self, param: str) -> str:
        """Returns the layer owning ``param``: from the model info, else the name before the last dot."""
        return self._layer.get(param) or _layer_of(param)

    def is_weight(self, param: str, counts: Mapping[str, int]) -> bool:
        """Whether ``param`` gets an update:parameter ratio (a weight, not a bias or a norm scale).

        Weights are the parameters with 2+ dimensions (``ModelInfo.weight_names``) when StaticInfo
        carries parameter shapes. Without shapes (no StaticInfo), a guess: a leaf name containing
        ``bias`` is not a weight; else a parameter is a weight when it is its layer's only
        parameter or holds more elements than the smallest other parameter of its layer (so
        BatchNorm/LayerNorm scales, as large as their bias, are left out). Decided once per
        parameter.
        """
        known = self._weights.get(param)
        if known is not None:
            return known
        if "bias" in param.rpartition(".")[2] or param not in counts:
            result = False
        else:
            layer = self.layer_of(param)
            others = [c for p, c in counts.items() if p != param and self.layer_of(p) == layer]
            result = not others or counts[param] > min(others)
        self._weights[param] = result
        return result

    def convert(self, report: StatsReport) -> list[Point]:
        """Returns the points of one report, every one at step = its iteration (scores at theirs).

        Every point has the report's timestamp, but scores have their iteration's own
        (``ScoreSeries.timestamps_ms``) when the report carries them.
        """
        ts, step = report.timestamp_ms, report.iteration
        scores = report.scores
        times = scores.timestamps_ms or (ts,) * len(scores.iterations)  # each iteration's own end, when recorded
        out: list[Point] = [
            ("score", v, t, it) for it, v, t in zip(scores.iterations, scores.values, times, strict=True)
        ]
        if report.score is not None and step not in report.scores.iterations:
            out.append(("score", report.score, ts, step))
        values: list[tuple[str, float | None]] = []
        values.extend(self._lr_groups.points(report.learning_rates))
        summaries = report.summaries
        values.extend(self._ratios(summaries))
        values.extend(self._stdevs(summaries))
        values.extend(
            (f"dead_units/{name}", s.dead_fraction)
            for name, s in summaries.get("activations", {}).items()
            if s.unit_count is not None
        )
        gradients = summaries.get("gradients")
        if gradients:
            squares = [s.sum_squares for s in gradients.values()]
            values.append(("grad_norm", None if None in squares else math.sqrt(sum(q or 0.0 for q in squares))))
        values.extend(_report_fields(report))
        for kind, by_name in summaries.items():
            values.append((f"nonfinite/{kind}", float(sum(s.nonfinite_count for s in by_name.values()))))
        if report.scores.values or report.score is not None:
            window = report.scores.values or (report.score,)
            values.append(("nonfinite/score", float(sum(1 for v in window if v is not None and not math.isfinite(v)))))
        if self.detail:
            for kind, by_name in summaries.items():
                for name, s in by_name.items():
                    values.extend((f"{kind}/{name}/{stat}", getattr(s, stat)) for stat in DETAIL_STATS)
        out.extend((metric_key(k), float(v), ts, step) for k, v in values if v is not None)
        return out

    def _ratios(self, summaries: Mapping[str, Mapping[str, Summary]]) -> list[tuple[str, float | None]]:
        params, updates = summaries.get("parameters", {}), summaries.get("updates", {})
        if not updates:
            return []
        counts = {name: s.count for name, s in (params or updates).items()}
        out: list[tuple[str, float | None]] = []
        for name, update in updates.items():
            param = params.get(name)
            if param is None or not self.is_weight(name, counts):
                continue
            u, p = update.mean_magnitude, param.mean_magnitude
            ratio = None if u is None or p is None or u <= 0.0 or p <= 0.0 else math.log10(u / p)
            out.append((f"ratio/{name}", ratio))
        return out

    def _stdevs(self, summaries: Mapping[str, Mapping[str, Summary]]) -> list[tuple[str, float | None]]:
        out: list[tuple[str, float | None]] = []
        for kind, by_name in summaries.items():
            if kind not in _PARAM_KINDS:
                out.extend((f"stdev/{kind}/{name}", s.stdev) for name, s in by_name.items())
                continue
            layers: dict[str, list[Summary]] = {}
            for name, s in by_name.items():
                layers.setdefault(self.layer_of(name), []).append(s)
            out.extend((f"stdev/{kind}/{layer}", _pooled_stdev(group)) for layer, group in layers.items())
        return out


def _report_fields(report: StatsReport) -> list[tuple[str, float | None]]:
    out: list[tuple[str, float | None]] = []
    perf = report.performance
    if perf is not None:
        out += [
            ("performance/total_runtime_ms", perf.total_runtime_ms),
            ("performance/total_examples", float(perf.total_examples)),
            ("performance/total_minibatches", float(perf.total_minibatches)),
            ("performance/examples_per_second", perf.examples_per_second),
            ("performance/minibatches_per_second", perf.minibatches_per_second),
        ]
    if report.collection_ms is not None:
        out.append(("performance/collection_ms", report.collection_ms))
    budget = report.budget
    if budget is not None:
        # The overhead budget: its measured cost, and how widely each kind's histograms are spread.
        out.append(("performance/overhead", budget.overhead))
        out += [(f"performance/histogram_stride/{kind}", float(s)) for kind, s in budget.histogram_strides.items()]
    mem = report.memory
    if mem is not None:
        out += [
            ("memory/process_rss_bytes", _opt(mem.process_rss_bytes)),
            ("memory/system_total_bytes", _opt(mem.system_total_bytes)),
            ("memory/system_available_bytes", _opt(mem.system_available_bytes)),
        ]
        for dev in mem.devices:
            out += [
                (f"memory/{dev.name}/current_bytes", _opt(dev.current_bytes)),
                (f"memory/{dev.name}/max_bytes", _opt(dev.max_bytes)),
                (f"memory/{dev.name}/total_bytes", _opt(dev.total_bytes)),
            ]
    return out


def _opt(v: int | None) -> float | None:
    return None if v is None else float(v)


def metrics_points(record: MetricsRecord) -> list[Point]:
    """Returns ``metrics/<name>`` per user metric, at step = the record's iteration."""
    return [(metric_key(f"metrics/{k}"), v, record.timestamp_ms, record.iteration) for k, v in record.values.items()]


def epoch_points(record: EpochRecord) -> list[Point]:
    """Returns ``epoch`` = the epoch (counted from 0) that ended, at step = its last iteration."""
    return [("epoch", float(record.epoch), record.timestamp_ms, record.iteration)]


def histogram_lines(report: StatsReport) -> list[str]:
    """Returns one JSON line per tensor with a histogram or without finite values (format in the docs)."""
    lines = []
    for kind, by_name in report.summaries.items():
        for name, s in by_name.items():
            h = s.histogram
            # No histogram: a line only for a tensor without finite values (its non-finite counts);
            # one whose histogram is switched off or left out by the overhead budget has none.
            if h is None and not (s.nonfinite_count and s.finite_count == 0):
                continue
            line: dict[str, Any] = {
                "iteration": report.iteration,
                "epoch": report.epoch,
                "timestamp_ms": report.timestamp_ms,
                "kind": kind,
                "name": name,
                "min": None if h is None else h.min,
                "max": None if h is None else h.max,
                "counts": [] if h is None else list(h.counts),
                "edges": [] if h is None else h.edges(),
                "count": s.count,
                "nonfinite_count": s.nonfinite_count,
                "nan_count": s.nan_count,
                "posinf_count": s.posinf_count,
                "neginf_count": s.neginf_count,
            }
            try:  # a histogram bins finite values, so its numbers are finite: the fast C encoder
                lines.append(_ENCODE(line))
            except ValueError:
                line["min"], line["max"] = encode_optional_float(line["min"]), encode_optional_float(line["max"])
                line["edges"] = [encode_float(e) for e in line["edges"]]
                lines.append(_ENCODE(line))
    return lines


def _param_value(value: Any) -> str:
    if isinstance(value, (str, bool, int, float)) or value is None:
        text = str(value)  # what mlflow.log_param writes, so a user's own identical param agrees
    else:
        text = json.dumps(value, sort_keys=True, separators=(",", ":"))
    return text[:MAX_PARAM_LENGTH]


def _flatten(prefix: str, value: Any, out: dict[str, str]) -> None:
    if isinstance(value, Mapping) and value:
        for k, v in value.items():
            _flatten(f"{prefix}.{k}" if prefix else str(k), v, out)
    else:
        out[metric_key(prefix)] = _param_value(value)


def static_params(info: StaticInfo) -> dict[str, str]:
    """Returns the run's params: the hyperparameters (nested keys joined by ``.``) and ``fitscope.*``."""
    out: dict[str, str] = {}
    _flatten("", dict(info.hyperparameters), out)
    fields: dict[str, Any] = {}
    if info.model is not None:
        m = info.model
        fields |= {"model.class_name": m.class_name, "model.num_params": m.num_params, "model.num_layers": m.num_layers}
    if info.software is not None:
        sw = info.software
        for name in ("framework", "framework_version", "python", "device", "dtype", "backend", "fitscope_version"):
            fields[f"software.{name}"] = getattr(sw, name)
    if info.hardware is not None:
        fields["hardware.cpu_count"] = info.hardware.cpu_count
        fields["hardware.devices"] = ",".join(d.name for d in info.hardware.devices) or None
    if info.listener is not None:
        fields |= {
            "listener.frequency": info.listener.frequency,
            "listener.histogram_bins": info.listener.histogram_bins,
        }
    for name, value in fields.items():
        if value is not None:
            out[f"fitscope.{name}"] = _param_value(value)
    return out


def static_tags(info: StaticInfo) -> dict[str, str]:
    """Returns the run's tags: the user's tags and ``fitscope.session_id`` / ``worker_id`` / ``session_name``."""
    out = {metric_key(k): v[:MAX_TAG_LENGTH] for k, v in info.tags.items()}
    out["fitscope.session_id"] = info.session_id[:MAX_TAG_LENGTH]
    out["fitscope.worker_id"] = info.worker_id[:MAX_TAG_LENGTH]
    if info.session_name:
        out["fitscope.session_name"] = info.session_name[:MAX_TAG_LENGTH]
    if info.software is not None and info.software.hostname:
        out["fitscope.hostname"] = info.software.hostname[:MAX_TAG_LENGTH]
    return out
