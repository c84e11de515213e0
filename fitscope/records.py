"""The records fitscope stores and sends, following the JSON Schemas in ``schemas/``.

Four record types travel from a listener to its sinks:

* :class:`StaticInfo`: once per (session, worker): software, hardware, model, run metadata.
* :class:`StatsReport`: one per reported iteration: score, learning rates, performance,
  memory and per-tensor :class:`Summary` statistics.
* :class:`MetricsRecord`: user metrics (validation loss, accuracy, ...).
* :class:`EpochRecord`: the end of an epoch.

Records are frozen dataclasses. :func:`to_json_dict` / ``from_json_dict`` convert them to and
from the JSON form of ``schemas/`` (non-finite floats as the strings ``"NaN"``,
``"Infinity"``, ``"-Infinity"``; ``None`` as ``null`` meaning *absent*).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final, Literal, Union

from fitscope.encoding import decode_float, decode_optional_float, encode_float, encode_optional_float
from fitscope.errors import RecordError

__all__ = [
    "SUMMARY_KINDS",
    "SUMMARY_STATS",
    "TYPE_ID",
    "DeviceInfo",
    "DeviceMemory",
    "EpochRecord",
    "Hardware",
    "Histogram",
    "LayerInfo",
    "ListenerConfigInfo",
    "Memory",
    "MetricsRecord",
    "ModelInfo",
    "Performance",
    "Record",
    "ScoreSeries",
    "Software",
    "StaticInfo",
    "StatsReport",
    "Summary",
    "from_json_dict",
    "to_json_dict",
]

TYPE_ID: Final = "StatsListener"
SummaryKind = Literal["parameters", "gradients", "updates", "activations"]
SUMMARY_KINDS: Final[tuple[SummaryKind, ...]] = ("parameters", "gradients", "updates", "activations")
#: The scalar statistics of a :class:`Summary` that can be read as a series.
SUMMARY_STATS: Final = (
    "mean",
    "stdev",
    "mean_magnitude",
    "min",
    "max",
    "sum",
    "sum_squares",
    "count",
    "nonfinite_count",
    "nan_count",
    "posinf_count",
    "neginf_count",
)

JSON = Any  # a JSON-compatible value (dict / list / str / int / float / bool / None)


def _req(d: Mapping[str, Any], key: str, where: str) -> Any:
    try:
        return d[key]
    except (KeyError, TypeError):
        raise RecordError(f"{where} is missing the required field {key!r}.") from None


# --------------------------------------------------------------------------- summaries


@dataclass(frozen=True, slots=True)
class Histogram:
    """Equal-width histogram of the finite values of a tensor, binned like ``np.histogram``.

    Attributes:
        min: Left edge of the first bin (the smallest finite value).
        max: Right edge of the last bin (the largest finite value).
        counts: Number of values per bin. ``min == max`` gives one bin holding every value.
    """

    min: float
    max: float
    counts: tuple[int, ...]

    def edges(self) -> list[float]:
        """Returns the ``len(counts) + 1`` bin edges, as ``np.linspace(min, max, n + 1)``."""
        n = len(self.counts)
        if n == 1:
            return [self.min, self.max]
        step = (self.max - self.min) / n
        out = [i * step + self.min for i in range(n)]
        out.append(self.max)
        return out

    def to_json(self) -> dict[str, JSON]:
        """Returns the JSON form (``schemas/common.schema.json#/$defs/histogram``)."""
        return {"min": encode_float(self.min), "max": encode_float(self.max), "counts": list(self.counts)}

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> Histogram:
        """Builds a histogram from its JSON form."""
        return cls(
            min=decode_float(_req(d, "min", "histogram")),
            max=decode_float(_req(d, "max", "histogram")),
            counts=tuple(int(c) for c in _req(d, "counts", "histogram")),
        )


@dataclass(frozen=True, slots=True)
class Summary:
    """Statistics of one tensor (a parameter, its gradient, its update, or a layer's output).

    Every statistic is computed over the *finite* values; the non-finite ones are counted
    beside them. A statistic is ``None`` when it was switched off, or when it is undefined
    (``stdev`` below two finite values; every statistic when no value is finite).

    Attributes:
        count: Number of elements in the tensor, finite or not.
        nonfinite_count: Number of NaN, +Inf and -Inf elements (``nan + posinf + neginf``).
        nan_count: Number of NaN elements.
        posinf_count: Number of +Inf elements.
        neginf_count: Number of -Inf elements.
        mean: Mean of the finite values.
        stdev: Sample standard deviation (N-1) of the finite values.
        mean_magnitude: Mean of ``|x|`` over the finite values.
        min: Smallest finite value.
        max: Largest finite value.
        sum: Sum of the finite values.
        sum_squares: Sum of squares of the finite values (L2 norm = ``sqrt(sum_squares)``).
        histogram: Histogram of the finite values.
    """

    count: int
    nonfinite_count: int = 0
    nan_count: int = 0
    posinf_count: int = 0
    neginf_count: int = 0
    mean: float | None = None
    stdev: float | None = None
    mean_magnitude: float | None = None
    min: float | None = None
    max: float | None = None
    sum: float | None = None
    sum_squares: float | None = None
    histogram: Histogram | None = None

    @property
    def finite_count(self) -> int:
        """Number of finite elements."""
        return self.count - self.nonfinite_count

    def stat(self, name: str) -> float | int | None:
        """Returns the statistic called ``name`` (one of :data:`SUMMARY_STATS`)."""
        if name not in SUMMARY_STATS:
            raise RecordError(f"Unknown summary statistic {name!r}; expected one of {', '.join(SUMMARY_STATS)}.")
        value: float | int | None = getattr(self, name)
        return value

    def to_json(self) -> dict[str, JSON]:
        """Returns the JSON form (``schemas/common.schema.json#/$defs/summary``)."""
        return {
            "count": self.count,
            "nonfinite_count": self.nonfinite_count,
            "nan_count": self.nan_count,
            "posinf_count": self.posinf_count,
            "neginf_count": self.neginf_count,
            "mean": encode_optional_float(self.mean),
            "stdev": encode_optional_float(self.stdev),
            "mean_magnitude": encode_optional_float(self.mean_magnitude),
            "min": encode_optional_float(self.min),
            "max": encode_optional_float(self.max),
            "sum": encode_optional_float(self.sum),
            "sum_squares": encode_optional_float(self.sum_squares),
            "histogram": None if self.histogram is None else self.histogram.to_json(),
        }

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> Summary:
        """Builds a summary from its JSON form."""
        h = d.get("histogram")
        return cls(
            count=int(_req(d, "count", "summary")),
            nonfinite_count=int(d.get("nonfinite_count", 0)),
            nan_count=int(d.get("nan_count", 0)),
            posinf_count=int(d.get("posinf_count", 0)),
            neginf_count=int(d.get("neginf_count", 0)),
            mean=decode_optional_float(d.get("mean")),
            stdev=decode_optional_float(d.get("stdev")),
            mean_magnitude=decode_optional_float(d.get("mean_magnitude")),
            min=decode_optional_float(d.get("min")),
            max=decode_optional_float(d.get("max")),
            sum=decode_optional_float(d.get("sum")),
            sum_squares=decode_optional_float(d.get("sum_squares")),
            histogram=None if h is None else Histogram.from_json(h),
        )


# --------------------------------------------------------------------------- static info


@dataclass(frozen=True, slots=True)
class Software:
    """Software the run used. Unknown fields are ``None``."""

    os: str | None = None
    os_version: str | None = None
    arch: str | None = None
    python: str | None = None
    framework: str | None = None
    framework_version: str | None = None
    backend: str | None = None
    device: str | None = None
    dtype: str | None = None
    hostname: str | None = None
    fitscope_version: str | None = None


@dataclass(frozen=True, slots=True)
class DeviceInfo:
    """One accelerator (``cuda:0``, ``mps``...)."""

    name: str
    memory_total_bytes: int | None = None


@dataclass(frozen=True, slots=True)
class Hardware:
    """The machine the run used."""

    cpu_count: int | None = None
    memory_total_bytes: int | None = None
    devices: tuple[DeviceInfo, ...] = ()


@dataclass(frozen=True, slots=True)
class LayerInfo:
    """One layer: a module that owns parameters directly, or a leaf module.

    Attributes:
        name: Qualified module name (``"features.0"``); ``"(root)"`` for parameters owned by
            the model itself.
        type: Module class name (``"Linear"``).
        num_params: Number of scalar parameters the module owns directly.
        params: Names of those parameters, as in the listener's reports.
        inputs: Names of the layers whose outputs feed this one; empty for layers fed by the
            model's input.
        input_shape: Shape of the first input tensor, when known (``None`` entries are
            unknown dimensions).
        output_shape: Shape of the output tensor, when known.
        activation: Activation function, when the layer is one or names one.
    """

    name: str
    type: str
    num_params: int = 0
    params: tuple[str, ...] = ()
    inputs: tuple[str, ...] = ()
    input_shape: tuple[int | None, ...] | None = None
    output_shape: tuple[int | None, ...] | None = None
    activation: str | None = None


@dataclass(frozen=True, slots=True)
class ModelInfo:
    """The model being trained.

    Attributes:
        graph_source: How ``LayerInfo.inputs`` was found: ``"fx"`` (a torch.fx trace),
            ``"execution_order"`` (one forward pass on meta tensors) or ``"module_order"``
            (registration order, a guess used when neither worked).
    """

    class_name: str
    num_layers: int
    num_params: int
    param_names: tuple[str, ...] = ()
    layers: tuple[LayerInfo, ...] = ()
    config: JSON = None
    graph_source: str = "module_order"


@dataclass(frozen=True, slots=True)
class ListenerConfigInfo:
    """How the listener was configured, so a viewer knows what to expect."""

    frequency: int
    histogram_bins: int
    collect: Mapping[str, bool] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class StaticInfo:
    """Written once per (session, worker) when a listener attaches."""

    session_id: str
    worker_id: str
    timestamp_ms: int
    type_id: str = TYPE_ID
    session_name: str | None = None
    tags: Mapping[str, str] = field(default_factory=dict)
    hyperparameters: Mapping[str, JSON] = field(default_factory=dict)
    software: Software | None = None
    hardware: Hardware | None = None
    model: ModelInfo | None = None
    listener: ListenerConfigInfo | None = None


# --------------------------------------------------------------------------- updates


@dataclass(frozen=True, slots=True)
class ScoreSeries:
    """The score of every iteration in a window, columnar (``values[i]`` at ``iterations[i]``)."""

    iterations: tuple[int, ...] = ()
    values: tuple[float, ...] = ()

    def __post_init__(self) -> None:
        if len(self.iterations) != len(self.values):
            raise RecordError(
                f"A score series needs as many values as iterations; got {len(self.iterations)} "
                f"iterations and {len(self.values)} values."
            )


@dataclass(frozen=True, slots=True)
class Performance:
    """Throughput; rates are over the window since the previous report (0 on the first)."""

    total_runtime_ms: float
    total_examples: int
    total_minibatches: int
    examples_per_second: float
    minibatches_per_second: float


@dataclass(frozen=True, slots=True)
class DeviceMemory:
    """Memory of one accelerator: allocated now, the peak allocation, and capacity."""

    name: str
    current_bytes: int | None = None
    max_bytes: int | None = None
    total_bytes: int | None = None


@dataclass(frozen=True, slots=True)
class Memory:
    """Memory use at a report. Unknown fields are ``None``."""

    process_rss_bytes: int | None = None
    system_total_bytes: int | None = None
    system_available_bytes: int | None = None
    devices: tuple[DeviceMemory, ...] = ()


@dataclass(frozen=True, slots=True)
class StatsReport:
    """One reported iteration.

    Attributes:
        iteration: Completed optimizer steps, counted from 1.
        epoch: Epochs completed before this iteration (0 during the first epoch).
        score: Loss at this iteration (may be NaN or infinite: that is data).
        scores: Loss of every iteration since the previous report, this one included.
        learning_rates: Learning rate per parameter name.
        collection_ms: What collecting this report cost the training thread, in ms.
        summaries: ``summaries[kind][name]`` for kind in :data:`SUMMARY_KINDS`; parameter
            names for parameters/gradients/updates, module names for activations.
    """

    session_id: str
    worker_id: str
    timestamp_ms: int
    iteration: int
    epoch: int = 0
    type_id: str = TYPE_ID
    score: float | None = None
    scores: ScoreSeries = field(default_factory=ScoreSeries)
    learning_rates: Mapping[str, float] = field(default_factory=dict)
    performance: Performance | None = None
    memory: Memory | None = None
    collection_ms: float | None = None
    summaries: Mapping[str, Mapping[str, Summary]] = field(default_factory=dict)

    def has_nonfinite(self) -> bool:
        """True when the score, a score in the window or any summary holds a non-finite value."""
        if self.score is not None and not _finite(self.score):
            return True
        if any(not _finite(v) for v in self.scores.values):
            return True
        return any(s.nonfinite_count for by_name in self.summaries.values() for s in by_name.values())


@dataclass(frozen=True, slots=True)
class MetricsRecord:
    """User metrics logged with ``StatsListener.log_metrics`` (e.g. validation loss)."""

    session_id: str
    worker_id: str
    timestamp_ms: int
    iteration: int
    epoch: int = 0
    type_id: str = TYPE_ID
    values: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class EpochRecord:
    """The end of an epoch: ``epoch`` (counted from 0) ended after ``iteration``."""

    session_id: str
    worker_id: str
    timestamp_ms: int
    epoch: int
    iteration: int
    type_id: str = TYPE_ID


Record = Union[StaticInfo, StatsReport, MetricsRecord, EpochRecord]


def _finite(x: float) -> bool:
    return x - x == 0.0


# --------------------------------------------------------------------------- JSON conversion


def _plain(obj: Any) -> JSON:
    """Converts nested records to JSON values; floats keep their value (encoded later)."""
    if isinstance(obj, float):
        return encode_float(obj)
    if isinstance(obj, (Summary, Histogram)):
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
    devices = tuple(DeviceInfo(name=x["name"], memory_total_bytes=x.get("memory_total_bytes")) for x in d.get("devices", ()))
    return Hardware(cpu_count=d.get("cpu_count"), memory_total_bytes=d.get("memory_total_bytes"), devices=devices)


def _shape(s: Sequence[int | None] | None) -> tuple[int | None, ...] | None:
    return None if s is None else tuple(s)


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
        )
        for x in d.get("layers", ())
    )
    return ModelInfo(
        class_name=_req(d, "class_name", "model"),
        num_layers=int(_req(d, "num_layers", "model")),
        num_params=int(_req(d, "num_params", "model")),
        param_names=tuple(d.get("param_names", ())),
        layers=layers,
        config=d.get("config"),
        graph_source=d.get("graph_source", "module_order"),
    )


def _static_info(d: Mapping[str, Any]) -> StaticInfo:
    lc = d.get("listener")
    return StaticInfo(
        session_id=_req(d, "session_id", "static_info"),
        worker_id=_req(d, "worker_id", "static_info"),
        timestamp_ms=int(_req(d, "timestamp_ms", "static_info")),
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
            frequency=int(lc["frequency"]), histogram_bins=int(lc["histogram_bins"]), collect=dict(lc.get("collect", {}))
        ),
    )


def _float_map(d: Any) -> dict[str, float]:
    return {str(k): decode_float(v) for k, v in (d or {}).items()}


def _stats_report(d: Mapping[str, Any]) -> StatsReport:
    perf = d.get("performance")
    mem = d.get("memory")
    sc = d.get("scores") or {}
    return StatsReport(
        session_id=_req(d, "session_id", "stats_report"),
        worker_id=_req(d, "worker_id", "stats_report"),
        timestamp_ms=int(_req(d, "timestamp_ms", "stats_report")),
        iteration=int(_req(d, "iteration", "stats_report")),
        epoch=int(d.get("epoch", 0)),
        type_id=d.get("type_id", TYPE_ID),
        score=decode_optional_float(d.get("score")),
        scores=ScoreSeries(
            iterations=tuple(int(i) for i in sc.get("iterations", ())),
            values=tuple(decode_float(v) for v in sc.get("values", ())),
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
    )


def _metrics(d: Mapping[str, Any]) -> MetricsRecord:
    return MetricsRecord(
        session_id=_req(d, "session_id", "metrics"),
        worker_id=_req(d, "worker_id", "metrics"),
        timestamp_ms=int(_req(d, "timestamp_ms", "metrics")),
        iteration=int(_req(d, "iteration", "metrics")),
        epoch=int(d.get("epoch", 0)),
        type_id=d.get("type_id", TYPE_ID),
        values=_float_map(d.get("values")),
    )


def _epoch(d: Mapping[str, Any]) -> EpochRecord:
    return EpochRecord(
        session_id=_req(d, "session_id", "epoch"),
        worker_id=_req(d, "worker_id", "epoch"),
        timestamp_ms=int(_req(d, "timestamp_ms", "epoch")),
        epoch=int(_req(d, "epoch", "epoch")),
        iteration=int(_req(d, "iteration", "epoch")),
        type_id=d.get("type_id", TYPE_ID),
    )


_DECODERS = {"static_info": _static_info, "stats_report": _stats_report, "metrics": _metrics, "epoch": _epoch}


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
