"""The records fitscope stores and sends, following the JSON Schemas in ``schemas/``.

Four record types travel from a listener to its sinks:

* :class:`StaticInfo`: once per (session, worker): software, hardware, model, run metadata.
* :class:`StatsReport`: one per reported iteration: score, learning rates, performance,
  memory and per-tensor :class:`Summary` statistics.
* :class:`MetricsRecord`: user metrics (validation loss, accuracy, ...).
* :class:`EpochRecord`: the end of an epoch.

Records are frozen dataclasses. :func:`fitscope.record_json.to_json_dict` / ``from_json_dict``
convert them to and from the JSON form of ``schemas/`` (non-finite floats as the strings ``"NaN"``,
``"Infinity"``, ``"-Infinity"``; ``None`` as ``null`` meaning *absent*).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final, Literal

from fitscope.encoding import decode_float, decode_optional_float, encode_float, encode_optional_float
from fitscope.errors import RecordError

__all__ = [
    "HISTOGRAM_SPREAD_ORDER",
    "SUMMARY_KINDS",
    "SUMMARY_STATS",
    "OPTIONAL_STATS",
    "TYPE_ID",
    "Budget",
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
]

TYPE_ID: Final = "StatsListener"
SummaryKind = Literal["parameters", "gradients", "updates", "activations"]
SUMMARY_KINDS: Final[tuple[SummaryKind, ...]] = ("parameters", "gradients", "updates", "activations")
#: The order in which an overhead budget spreads histograms over reports: the first kind first.
HISTOGRAM_SPREAD_ORDER: Final[tuple[SummaryKind, ...]] = ("activations", "parameters", "updates", "gradients")
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
    "zero_count",
    "unit_count",
    "dead_unit_count",
)
#: Statistics that only some summaries have (``None`` otherwise): a series of one of them holds the
#: reports whose summary has it.
OPTIONAL_STATS: Final = ("zero_count", "unit_count", "dead_unit_count")

JSON = Any  # a JSON-compatible value (dict / list / str / int / float / bool / None)


def required_field(d: Mapping[str, Any], key: str, where: str) -> Any:
    """Returns ``d[key]``; raises RecordError naming the field and the record when absent."""
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
        counts = required_field(d, "counts", "histogram")
        return cls(
            decode_float(required_field(d, "min", "histogram")),
            decode_float(required_field(d, "max", "histogram")),
            counts if type(counts) is tuple else tuple(map(int, counts)),
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
        zero_count: Number of elements exactly 0 (``-0.0`` included); ``None`` when not counted.
        unit_count: For a layer's activations, the number of its units: the features of a
            ``(batch, ..., features)`` output, the channels of a ``(batch, channels, ...)`` one
            (convolutions, pooling, normalisation, and what follows them elementwise);
            ``None`` for other tensors and when not counted.
        dead_unit_count: Of those units, how many were exactly 0 for every example of the batch
            (and every position): units that a ReLU-family activation switched off.
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
    zero_count: int | None = None
    unit_count: int | None = None
    dead_unit_count: int | None = None

    @property
    def finite_count(self) -> int:
        """Number of finite elements."""
        return self.count - self.nonfinite_count

    @property
    def zero_fraction(self) -> float | None:
        """``zero_count / count``: the fraction of elements exactly 0 (``None`` when not counted or empty)."""
        return None if self.zero_count is None or not self.count else self.zero_count / self.count

    @property
    def dead_fraction(self) -> float | None:
        """``dead_unit_count / unit_count``: the fraction of units never active (``None`` when not counted)."""
        if self.dead_unit_count is None or not self.unit_count:
            return None
        return self.dead_unit_count / self.unit_count

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
            "zero_count": self.zero_count,
            "unit_count": self.unit_count,
            "dead_unit_count": self.dead_unit_count,
        }

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> Summary:
        """Builds a summary from its JSON form (a hot path of the remote listener: no helper per field)."""
        get = d.get
        h = get("histogram")
        opt = _decode_stat
        return cls(
            int(required_field(d, "count", "summary")),
            int(get("nonfinite_count", 0)),
            int(get("nan_count", 0)),
            int(get("posinf_count", 0)),
            int(get("neginf_count", 0)),
            opt(get("mean")),
            opt(get("stdev")),
            opt(get("mean_magnitude")),
            opt(get("min")),
            opt(get("max")),
            opt(get("sum")),
            opt(get("sum_squares")),
            None if h is None else Histogram.from_json(h),
            _optional_count(get("zero_count")),
            _optional_count(get("unit_count")),
            _optional_count(get("dead_unit_count")),
        )


def _optional_count(v: Any) -> int | None:
    """A count that older records do not have: ``None`` when absent."""
    return None if v is None else int(v)


def _decode_stat(v: Any) -> float | None:
    """:func:`decode_optional_float`, with the common case (a JSON float) first."""
    if type(v) is float:
        return v
    return decode_optional_float(v)


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
        attributes: The module's configuration read from the module itself (``in_features``,
            ``kernel_size``, ``hidden_size``, ``eps``...): JSON values by attribute name, in the
            module's own order; empty when none is known.
    """

    name: str
    type: str
    num_params: int = 0
    params: tuple[str, ...] = ()
    inputs: tuple[str, ...] = ()
    input_shape: tuple[int | None, ...] | None = None
    output_shape: tuple[int | None, ...] | None = None
    activation: str | None = None
    attributes: Mapping[str, JSON] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ModelInfo:
    """The model being trained.

    Attributes:
        param_shapes: Shape of each parameter (lazy, uninitialised ones are absent). Weights,
            for update:parameter ratio charts, are the parameters with 2+ dimensions.
        graph_source: How ``LayerInfo.inputs`` was found: ``"fx"`` (a torch.fx trace),
            ``"execution_order"`` (one forward pass on meta tensors) or ``"module_order"``
            (registration order, a guess used when neither worked).
        onnx: The model's ONNX graph in its stored JSON form (``schemas/onnx_graph.schema.json``,
            :class:`fitscope.onnx_graph.OnnxGraph`), from ``attach(graph=...)`` or
            ``attach(export_onnx=True)``; None when there is none.
    """

    class_name: str
    num_layers: int
    num_params: int
    param_names: tuple[str, ...] = ()
    param_shapes: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    layers: tuple[LayerInfo, ...] = ()
    config: JSON = None
    graph_source: str = "module_order"
    onnx: JSON = None

    def weight_names(self) -> list[str]:
        """Parameters with 2+ dimensions (the original's W and RW), in parameter order."""
        return [n for n in self.param_names if len(self.param_shapes.get(n, ())) >= 2]


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
    """The score of every iteration in a window, columnar (``values[i]`` at ``iterations[i]``).

    ``timestamps_ms[i]`` is the wall time (ms since the epoch) at which iteration
    ``iterations[i]`` ended; empty when unknown (files written before it was recorded).
    """

    iterations: tuple[int, ...] = ()
    values: tuple[float, ...] = ()
    timestamps_ms: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        if len(self.iterations) != len(self.values):
            raise RecordError(
                f"A score series needs as many values as iterations; got {len(self.iterations)} "
                f"iterations and {len(self.values)} values."
            )
        if self.timestamps_ms and len(self.timestamps_ms) != len(self.iterations):
            raise RecordError(
                f"A score series needs a timestamp per iteration or none; got {len(self.iterations)} "
                f"iterations and {len(self.timestamps_ms)} timestamps."
            )


@dataclass(frozen=True, slots=True)
class Performance:
    """Throughput; rates are over the window since the previous report (since attach for the first)."""

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
class Budget:
    """How the listener's overhead budget (``StatsListener(max_overhead=...)``) shaped a report.

    Every scalar statistic is always collected; only histograms are spread over reports, kind by
    kind in :data:`HISTOGRAM_SPREAD_ORDER`, when the measured cost exceeds the budget.

    Attributes:
        max_overhead: The budget: the most the listener may add to training, as a fraction of
            the training time (0.03 = 3 %).
        overhead: The listener's measured cost over the window this report closes (its
            collection, the hooks, and the CPU time its sink threads spent since the previous
            report), as a fraction of the window's training time; None when it could not be
            measured.
        histogram_strides: For each kind whose histograms are switched on: 1 when every tensor
            of that kind has its histogram in this report; ``s > 1`` when each tensor has one
            every ``s`` reports: tensor ``j`` of the kind (``j`` counts the model's parameters in
            ``named_parameters`` order, or its layers in module order for activations) on the
            ``r``-th report (``r`` from 0) when ``(j + r) % s == 0``, so this report holds about
            ``1/s`` of them and the others' ``histogram`` is None.
    """

    max_overhead: float
    overhead: float | None = None
    histogram_strides: Mapping[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, JSON]:
        """Returns the JSON form (``schemas/stats_report.schema.json#/properties/budget``)."""
        return {
            "max_overhead": encode_float(self.max_overhead),
            "overhead": encode_optional_float(self.overhead),
            "histogram_strides": dict(self.histogram_strides),
        }

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> Budget:
        """Builds a budget from its JSON form."""
        strides = d.get("histogram_strides") or {}
        if not isinstance(strides, Mapping):
            raise RecordError("budget.histogram_strides must be an object of kind to stride.")
        return cls(
            max_overhead=decode_float(required_field(d, "max_overhead", "budget")),
            overhead=decode_optional_float(d.get("overhead")),
            histogram_strides={str(k): int(v) for k, v in strides.items()},
        )


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
        budget: How the overhead budget shaped this report (which histograms it holds); None
            when the listener had no budget (``max_overhead=None``: everything every report).
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
    budget: Budget | None = None

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


Record = StaticInfo | StatsReport | MetricsRecord | EpochRecord


def _finite(x: float) -> bool:
    return x - x == 0.0
