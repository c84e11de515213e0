"""The :class:`StatsListener`: collects training statistics and feeds them to sinks.

The listener itself is framework-neutral (counters, score window, reports, sinks); what
touches PyTorch lives in :mod:`fitscope.torch_collector` and is imported by :meth:`attach`,
so ``import fitscope`` never imports torch or a web framework.

Counting: ``iteration`` counts completed optimizer steps from 1 (one ``iteration_done`` call
per step). A report is made when ``iteration % frequency == 0``; ``close()`` writes a final
report for a partial window. Every statistic of a report comes from the same step.
"""

from __future__ import annotations

import atexit
import dataclasses
import logging
import math
import os
import time
import weakref
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from fitscope.config import StatsConfig
from fitscope.distributed import default_session_id, default_worker_id
from fitscope.encoding import encode_float
from fitscope.errors import ListenerError, RecordError
from fitscope.overhead_budget import OverheadBudget, check_max_overhead
from fitscope.records import (
    SUMMARY_KINDS,
    TYPE_ID,
    EpochRecord,
    ListenerConfigInfo,
    MetricsRecord,
    ModelInfo,
    Performance,
    Record,
    ScoreSeries,
    Software,
    StaticInfo,
    StatsReport,
)
from fitscope.sink_writer import SinkStatus, SinkWriter
from fitscope.storage.base import StatsSink
from fitscope.system_info import collect_hardware, collect_software, read_memory

if TYPE_CHECKING:
    from fitscope.onnx_graph.capture import GraphSource
    from fitscope.onnx_graph.reading import OnnxGraph
    from fitscope.torch_collector import LearningRateSource, NamedModules, NamedTensors, TorchCollector

__all__ = ["StatsListener", "check_frequency"]

JSONValue = Any

logger = logging.getLogger("fitscope")


def _now_ms() -> int:
    """Wall time in ms since the epoch: one host clock read, no device synchronisation."""
    return time.time_ns() // 1_000_000


def check_frequency(frequency: Any, unit: str = "iterations") -> None:
    """Raises ValueError unless ``frequency`` is a positive integer (callbacks check it at construction)."""
    if isinstance(frequency, bool) or not isinstance(frequency, int) or frequency < 1:
        raise ValueError(f"frequency must be a positive integer (report every N {unit}), got {frequency!r}.")


def _as_float(value: Any, what: str) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        raise RecordError(f"{what} must be a number (or a one-element tensor), got {value!r}.") from None


class StatsListener:
    """Collects score, learning rates, per-parameter statistics, activations, throughput and memory.

    Example::

        storage = FileStatsStorage("runs/demo.fitscope")
        listener = StatsListener(storage, frequency=10)
        listener.attach(model, optimizer)
        for x, y in loader:
            optimizer.zero_grad(); loss = loss_fn(model(x), y); loss.backward(); optimizer.step()
            listener.iteration_done(loss, batch_size=len(x))
        listener.epoch_done()
        listener.close()

    Args:
        sinks: One sink or a list (storages and exporters); each is fed from its own thread.
        frequency: Report every ``frequency`` iterations (the original's default, 10).
        config: What to collect; everything by default.
        session_id: Identifies the run. By default ``FITSCOPE_SESSION_ID``, else under
            torch.distributed an id every rank of the job shares (agreed over the process
            group's store, or torchrun's run id), else a new uuid4: N ranks of one job form one
            session with N workers (:mod:`fitscope.distributed`).
        worker_id: Identifies this process within the run; ``host:pid`` by default
            (``host:rank<N>`` under torch.distributed or with the ``RANK`` variable set).
        session_name: A human name for the run.
        tags: String tags of the run.
        hyperparameters: JSON values describing the run (learning rate, batch size...).
        max_queue: Records that may wait for each sink before its oldest reports are dropped.
        close_sinks: Whether :meth:`close` also closes the sinks (so exporters flush their files).
        start_iteration: Optimizer steps already done (a run resumed from a checkpoint): the
            next ``iteration_done`` is step ``start_iteration + 1``, and reports stay on the
            multiples of ``frequency``.
        start_epoch: Epochs already done: the next ``epoch_done`` records this epoch number.
        max_overhead: The most the listener may add to training, as a fraction of the training
            time (0.03 = 3 %, the default). The listener measures its own cost at every report
            (collection, hooks, and its sink threads' CPU time) and, over budget, keeps every
            scalar statistic but spreads histograms over several reports (activations first,
            then parameters, updates, gradients); each report's ``budget`` says which it holds
            (see :mod:`fitscope.overhead_budget`). ``None`` collects everything every report.
    """

    def __init__(
        self,
        sinks: StatsSink | Sequence[StatsSink],
        frequency: int = 10,
        *,
        config: StatsConfig | None = None,
        session_id: str | None = None,
        worker_id: str | None = None,
        session_name: str | None = None,
        tags: Mapping[str, str] | None = None,
        hyperparameters: Mapping[str, JSONValue] | None = None,
        max_queue: int = 1024,
        close_sinks: bool = True,
        start_iteration: int = 0,
        start_epoch: int = 0,
        max_overhead: float | None = 0.03,
    ) -> None:
        check_frequency(frequency)
        budget_fraction = check_max_overhead(max_overhead)
        sink_list = list(sinks) if isinstance(sinks, Sequence) else [sinks]
        if not sink_list:
            raise ValueError("StatsListener needs at least one sink (a storage or an exporter).")
        for sink in sink_list:
            if not isinstance(sink, StatsSink):
                raise TypeError(
                    f"{sink!r} is not a StatsSink: it needs put_static_info, put_update, put_metrics, "
                    "put_epoch and close."
                )
        for name, start in (("start_iteration", start_iteration), ("start_epoch", start_epoch)):
            if isinstance(start, bool) or not isinstance(start, int) or start < 0:
                raise ValueError(f"{name} must be a non-negative integer, got {start!r}.")
        for name, ident in (("session_id", session_id), ("worker_id", worker_id)):
            if ident is not None and (not isinstance(ident, str) or not ident):
                raise ValueError(f"{name} must be a non-empty string, got {ident!r}.")
        self.frequency = frequency
        self.config = config or StatsConfig()
        self.max_overhead = budget_fraction
        self._budget = (
            None
            if budget_fraction is None
            else OverheadBudget(
                budget_fraction,
                [k for k in SUMMARY_KINDS if self.config.kind(k).enabled and self.config.kind(k).histogram],
            )
        )
        self._session_id = session_id
        self._worker_id = worker_id
        self.session_name = session_name
        self.tags = {str(k): str(v) for k, v in (tags or {}).items()}
        self.hyperparameters = dict(hyperparameters or {})
        _check_json(self.hyperparameters, "hyperparameters")
        self._close_sinks = close_sinks
        self._writers = [SinkWriter(s, max_queue=max_queue) for s in sink_list]
        self._collector: TorchCollector | None = None
        self._graph_source: GraphSource | None = None
        self._pending_static: tuple[ModelInfo | None, Software | None] | None = None
        self._static_sent = False
        self._closed = False
        self.iteration = start_iteration
        self.epoch = start_epoch
        self._last_report_iteration = start_iteration
        self._total_examples = 0
        self._total_minibatches = 0
        self._window_examples = 0
        self._window_minibatches = 0
        self._window_iterations: list[int] = []
        self._window_losses: list[Any] = []
        self._window_times: list[int] = []
        self._nonfinite_logged = False
        self._start = time.perf_counter()
        self._last_report_time = self._start
        self._window_start = self._start  # where the overhead budget's window starts
        self._atexit = _register_atexit(self)

    # ------------------------------------------------------------------ identity

    @property
    def session_id(self) -> str:
        """The run's id (resolved at first use, so that every rank of a distributed job shares it).

        Given, it is that; else ``FITSCOPE_SESSION_ID``, else (under torch.distributed) one agreed by
        all ranks, else torchrun's run id, else a new uuid4 (see :mod:`fitscope.distributed`).
        """
        if self._session_id is None:
            self._session_id = default_session_id()
        return self._session_id

    @property
    def worker_id(self) -> str:
        """This process's worker id (resolved at first use, so torch.distributed ranks are seen)."""
        if self._worker_id is None:
            self._worker_id = default_worker_id()
        return self._worker_id

    # ------------------------------------------------------------------ public API

    def attach(
        self,
        model: Any,
        optimizer: Any = None,
        *,
        example_input: Any = None,
        parameters: NamedTensors | None = None,
        learning_rate: LearningRateSource | None = None,
        layers: NamedModules | None = None,
        model_info: ModelInfo | None = None,
        graph: str | os.PathLike[str] | bytes | OnnxGraph | None = None,
        export_onnx: bool = False,
    ) -> StatsListener:
        """Starts collecting from a PyTorch model (and its optimizer) and writes StaticInfo.

        Args:
            model: A ``torch.nn.Module``; torch.compile and DistributedDataParallel wrappers are
                looked through, and their name prefixes dropped.
            optimizer: The ``torch.optim.Optimizer`` stepping the model, or a well-known wrapper
                of one (Lightning's ``LightningOptimizer``, Accelerate's ``AcceleratedOptimizer``),
                which is looked through. Its steps are hooked, ``step(closure)`` included (LBFGS).
                Without it there are no updates and no learning rates (unless
                :meth:`step_started` / :meth:`step_finished` bracket the steps), and gradients are
                read at ``iteration_done``.
            example_input: An input batch (tensor or tuple). When given, layer input/output
                shapes are found by one forward pass on meta tensors (no computation, no change
                to the model).
            parameters: The tensors to watch, with their names: a mapping or ``(name, tensor)``
                pairs. ``model.named_parameters()`` by default (wrapper prefixes dropped).
            learning_rate: For an optimizer fitscope cannot hook (not a torch optimizer): a
                callable returning the learning rate (one number for every parameter, or a
                mapping of parameter name to number), called on reporting iterations.
            layers: The modules whose outputs are the activations, with their names: a mapping
                or ``(name, module)`` pairs. The model's leaf modules by default.
            model_info: The model section of StaticInfo, when the caller describes the model
                better than its torch modules do (the Keras callback); ``example_input`` is
                then not used.
            graph: The model's ONNX graph (a path, its bytes, or a
                :class:`~fitscope.onnx_graph.OnnxGraph`), stored with the session (structure
                and shapes, never the weights) so the model page shows it grouped into the
                model's modules. Needs the ``onnx`` extra.
            export_onnx: Export the model with ``torch.onnx.export`` instead: at attach from
                ``example_input`` when given, else from the first batch's forward pass (StaticInfo
                is then written when the first iteration ends). An export that fails is logged
                and the session keeps fitscope's layer graph. Needs the ``onnx`` extra.

        Returns:
            The listener, for chaining.

        Raises:
            ListenerError: A model or optimizer fitscope cannot read (the message says what to
                pass instead), or sharded parameters (FSDP, ZeRO-3), whose statistics would be
                per shard; ``graph`` with ``export_onnx``, or either with model info switched off.
            GraphError: ``graph`` is not a usable ONNX model (the message names the file).
        """
        self._check_open()
        if self._collector is not None:
            raise ListenerError("This StatsListener is already attached to a model; use one listener per model.")
        if self._static_sent:
            raise ListenerError(
                "attach() must come before the first iteration_done(), log_metrics() or epoch_done(): "
                "StaticInfo is written once, at attach."
            )
        if model_info is not None and not isinstance(model_info, ModelInfo):
            raise ListenerError(f"model_info must be a fitscope.records.ModelInfo, got {type(model_info).__name__}.")
        if graph is not None and export_onnx:
            raise ListenerError("Pass graph= or export_onnx=True to attach, not both.")
        if (graph is not None or export_onnx) and not self.config.model_info:
            raise ListenerError("graph= and export_onnx=True need model info (StatsConfig.model_info) switched on.")
        from fitscope.onnx_graph.capture import GraphSource
        from fitscope.torch_collector import TorchCollector

        source = GraphSource(None, graph, False) if graph is not None else None
        self._collector = TorchCollector(
            model, optimizer, self.config, parameters=parameters, learning_rate=learning_rate, layers=layers
        )
        self._collector.arm(self._is_reporting(self.iteration + 1))
        if not self.config.model_info:
            model_info = None
        elif model_info is None:
            model_info = self._collector.describe(example_input)
        software = collect_software(self._collector.model) if self.config.software_info else None
        if export_onnx:
            source = GraphSource(self._collector.model, None, True)
            source.start(example_input)
        self._graph_source = source
        if source is not None and source.waiting:
            self._pending_static = (model_info, software)  # sent when the first iteration ends
        else:
            self._send_static_info(self._with_graph(model_info), software)
        self._start = self._last_report_time = self._window_start = time.perf_counter()
        for writer in self._writers:
            writer.take_cpu_seconds()  # writing StaticInfo is not part of a training window
        return self

    @property
    def will_report(self) -> bool:
        """Whether the next :meth:`iteration_done` writes a report (the hooks are armed for it).

        Integrations use it to do per-step work only on reporting iterations.
        """
        return self._is_reporting(self.iteration + 1)

    def step_started(self) -> None:
        """Call right before an optimizer step that fitscope cannot hook (e.g. a Keras optimizer).

        On a reporting iteration it copies the watched parameters (for updates) and reads the
        learning rates; on other iterations it does nothing. Gradients are not read here: they
        are read from ``.grad`` at :meth:`iteration_done`. A torch optimizer passed to
        :meth:`attach` needs neither call: its steps are hooked.
        """
        self._external_collector().begin_step()

    def step_finished(self) -> None:
        """Call right after the step :meth:`step_started` announced: updates are computed here."""
        self._external_collector().end_step()

    def iteration_done(self, loss: Any = None, batch_size: int | None = None) -> None:
        """Marks one optimizer step as done; reports when ``iteration % frequency == 0``.

        Args:
            loss: The step's loss: a scalar tensor (kept on its device until the next report,
                so no synchronisation per step) or a number. NaN and Inf are recorded as such.
            batch_size: Examples in this step's minibatch (for examples/s).
        """
        self._check_open()
        if batch_size is not None and (
            isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 0
        ):
            raise ValueError(f"batch_size must be a non-negative integer, got {batch_size!r}.")
        kept = None if loss is None else _detach_loss(loss)
        self._ensure_static_info()
        self.iteration += 1
        self._total_minibatches += 1
        self._window_minibatches += 1
        if batch_size is not None:
            self._total_examples += batch_size
            self._window_examples += batch_size
        if kept is not None:
            self._window_iterations.append(self.iteration)
            self._window_losses.append(kept)
            self._window_times.append(_now_ms())
        if self.iteration % self.frequency == 0:
            self._report()
        if self._collector is not None:
            self._collector.arm(self._is_reporting(self.iteration + 1))

    def epoch_done(self) -> None:
        """Marks the end of an epoch (recorded as an EpochRecord; reports count epochs)."""
        self._check_open()
        self._ensure_static_info()
        self._submit(
            EpochRecord(
                session_id=self.session_id,
                worker_id=self.worker_id,
                timestamp_ms=_now_ms(),
                epoch=self.epoch,
                iteration=self.iteration,
            )
        )
        self.epoch += 1

    def log_metrics(self, values: Mapping[str, Any], *, iteration: int | None = None) -> None:
        """Records user metrics, e.g. ``{"val_loss": 0.31, "val_acc": 0.92}``.

        Args:
            values: Metric name to number (or one-element tensor; this synchronises it).
            iteration: Where to place them; the current iteration by default.
        """
        self._check_open()
        if not isinstance(values, Mapping) or not values:
            raise RecordError("log_metrics needs a non-empty mapping of metric name to number.")
        clean: dict[str, float] = {}
        for name, value in values.items():
            if not isinstance(name, str) or not name:
                raise RecordError(f"Metric names must be non-empty strings, got {name!r}.")
            clean[name] = _as_float(value, f"Metric {name!r}")
        if iteration is not None and (isinstance(iteration, bool) or not isinstance(iteration, int) or iteration < 0):
            raise RecordError(f"iteration must be a non-negative integer, got {iteration!r}.")
        self._ensure_static_info()
        self._submit(
            MetricsRecord(
                session_id=self.session_id,
                worker_id=self.worker_id,
                timestamp_ms=_now_ms(),
                iteration=self.iteration if iteration is None else iteration,
                epoch=self.epoch,
                values=clean,
            )
        )

    def flush(self, timeout: float | None = None) -> bool:
        """Waits until every sink has received every queued record; False on timeout."""
        return all([w.flush(timeout) for w in self._writers])

    def close(self, timeout: float | None = 60.0) -> None:
        """Writes a final report for a partial window, removes hooks, flushes and closes sinks.

        Idempotent. Sinks are closed unless the listener was built with ``close_sinks=False``.
        """
        if self._closed:
            return
        try:
            if self._pending_static is not None:
                self._ensure_static_info()
            if self._static_sent and self.iteration > self._last_report_iteration:
                self._report(final=True)
        finally:
            self._closed = True
            if self._collector is not None:
                self._collector.detach()
            if self._graph_source is not None:
                self._graph_source.close()
            for writer in self._writers:
                writer.close(timeout, close_sink=self._close_sinks)
            atexit.unregister(self._atexit)

    def sink_status(self) -> list[SinkStatus]:
        """Returns per-sink counters: written, dropped, errors, pending."""
        return [w.status() for w in self._writers]

    def __enter__(self) -> StatsListener:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return (
            f"StatsListener(session_id={self.session_id!r}, frequency={self.frequency}, "
            f"iteration={self.iteration}, sinks={len(self._writers)})"
        )

    # ------------------------------------------------------------------ internals

    def _check_open(self) -> None:
        if self._closed:
            raise ListenerError("This StatsListener is closed; create a new one to keep recording.")

    def _external_collector(self) -> TorchCollector:
        self._check_open()
        if self._collector is None:
            raise ListenerError("step_started() and step_finished() need attach(model) first.")
        if self._collector.hooks_optimizer:
            raise ListenerError(
                "step_started() and step_finished() are for optimizers fitscope cannot hook; the torch optimizer "
                "given to attach() is hooked already, so its steps need no bracketing."
            )
        return self._collector

    def _is_reporting(self, iteration: int) -> bool:
        return iteration % self.frequency == 0

    def _submit(self, record: Record) -> None:
        for writer in self._writers:
            writer.submit(record)

    def _ensure_static_info(self) -> None:
        """Sends StaticInfo: the one waiting for the first batch's ONNX export, or one without a
        model when records start before (or without) attach."""
        if self._static_sent:
            return
        if self._pending_static is not None:
            model_info, software = self._pending_static
            self._pending_static = None
            source = self._graph_source
            if source is not None:
                source.finish()
                # The export is not training time: the first window starts after it.
                for name in ("_start", "_last_report_time", "_window_start"):
                    setattr(self, name, getattr(self, name) + source.export_seconds)
            self._send_static_info(self._with_graph(model_info), software)
            for writer in self._writers:
                writer.take_cpu_seconds()
            return
        self._send_static_info(None, collect_software() if self.config.software_info else None)

    def _with_graph(self, model_info: ModelInfo | None) -> ModelInfo | None:
        source = self._graph_source
        graph = None if source is None else source.json()
        if model_info is None or graph is None:
            return model_info
        return dataclasses.replace(model_info, onnx=graph)

    def _send_static_info(self, model_info: ModelInfo | None, software: Software | None) -> None:
        self._static_sent = True
        self._submit(
            StaticInfo(
                session_id=self.session_id,
                worker_id=self.worker_id,
                timestamp_ms=_now_ms(),
                type_id=TYPE_ID,
                session_name=self.session_name,
                tags=self.tags,
                hyperparameters=self.hyperparameters,
                software=software,
                hardware=collect_hardware() if self.config.hardware_info else None,
                model=model_info,
                listener=ListenerConfigInfo(
                    frequency=self.frequency,
                    histogram_bins=self.config.histogram_bins,
                    collect=self.config.switches(),
                ),
            )
        )

    def _report(self, *, final: bool = False) -> None:
        """Builds and submits the report of the current iteration.

        Args:
            final: The partial-window report of :meth:`close`. Hooks capture only on scheduled
                reporting iterations, which this iteration is not, so whatever they hold belongs
                to a step that never completed: it is dropped, and the report carries parameters
                and gradients (``.grad`` as it is now) but no updates and no activations.
        """
        t0 = time.perf_counter()
        collector = self._collector
        spread = self._budget.histogram_filter() if self._budget is not None else None
        summaries = collector.collect(step_state=not final, spread=spread) if collector is not None else {}
        losses = _host_floats(self._window_losses)
        scores = ScoreSeries(
            iterations=tuple(self._window_iterations), values=tuple(losses), timestamps_ms=tuple(self._window_times)
        )
        score = losses[-1] if self._window_iterations and self._window_iterations[-1] == self.iteration else None
        now = time.perf_counter()
        performance = None
        if self.config.performance:
            window_s = now - self._last_report_time
            performance = Performance(
                total_runtime_ms=(now - self._start) * 1000.0,
                total_examples=self._total_examples,
                total_minibatches=self._total_minibatches,
                examples_per_second=self._window_examples / window_s if window_s > 0 else math.nan,
                minibatches_per_second=self._window_minibatches / window_s if window_s > 0 else math.nan,
            )
        learning_rates = collector.learning_rates() if collector is not None and self.config.learning_rates else {}
        memory = (
            read_memory(collector.device_names() if collector is not None else None) if self.config.memory else None
        )
        hook_ms = collector.take_hook_ms() if collector is not None else 0.0
        t_end = time.perf_counter()
        collection_ms = (t_end - t0) * 1000.0 + hook_ms
        budget = None
        if self._budget is not None:
            # The window's training time: its wall time less what the listener spent in it.
            sink_s = sum(w.take_cpu_seconds() for w in self._writers)
            train_s = (t_end - self._window_start) - collection_ms / 1000.0
            if train_s > 0:
                budget = self._budget.record((collection_ms / 1000.0 + sink_s) / train_s, sink_s / train_s)
            else:
                budget = self._budget.record(None)
        self._window_start = t_end
        report = StatsReport(
            session_id=self.session_id,
            worker_id=self.worker_id,
            timestamp_ms=_now_ms(),
            iteration=self.iteration,
            epoch=self.epoch,
            score=score,
            scores=scores,
            learning_rates=learning_rates,
            performance=performance,
            memory=memory,
            collection_ms=collection_ms,
            summaries=summaries,
            budget=budget,
        )
        self._submit(report)
        if not self._nonfinite_logged:
            self._warn_nonfinite(report)
        self._last_report_iteration = self.iteration
        self._last_report_time = now
        self._window_examples = self._window_minibatches = 0
        self._window_iterations = []
        self._window_losses = []
        self._window_times = []

    def _warn_nonfinite(self, report: StatsReport) -> None:
        """Logs one warning, the first time a collected value is NaN or infinite (host values only)."""
        found = _first_nonfinite(report)
        if found is None:
            return
        self._nonfinite_logged = True
        iteration, what = found
        logger.warning(
            "fitscope: the first non-finite value of session %s (worker %s) was collected at iteration %d: %s. "
            "Later ones are not logged again; they are kept in the records (see docs/non-finite.md).",
            self.session_id,
            self.worker_id,
            iteration,
            what,
        )


def _first_nonfinite(report: StatsReport) -> tuple[int, str] | None:
    """The earliest non-finite value of a report: (iteration, description), or None.

    Scores of the window come before the summaries, which all belong to the report's own
    iteration (the last of the window); kinds in :data:`SUMMARY_KINDS` order, names in order.
    """
    for iteration, value in zip(report.scores.iterations, report.scores.values, strict=True):
        if not math.isfinite(value):
            return iteration, f"the score is {encode_float(value)}"
    for kind in SUMMARY_KINDS:
        for name, s in report.summaries.get(kind, {}).items():
            if s.nonfinite_count:
                counts = ", ".join(
                    f"{n} {label}"
                    for n, label in ((s.nan_count, "NaN"), (s.posinf_count, "+Inf"), (s.neginf_count, "-Inf"))
                    if n
                )
                return report.iteration, f"{kind} {name!r} holds {counts} of {s.count} elements"
    return None


def _check_json(value: Any, where: str) -> None:
    """Rejects what JSON cannot hold, naming where it is (non-finite floats become strings)."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return
    if isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            _check_json(item, f"{where}[{i}]")
        return
    if isinstance(value, Mapping):
        for key, item in value.items():
            if not isinstance(key, str):
                raise RecordError(f"{where} has the non-string key {key!r}; JSON objects need string keys.")
            _check_json(item, f"{where}[{key!r}]")
        return
    raise RecordError(
        f"{where} is a {type(value).__name__} ({value!r}); use JSON values (str, number, bool, None, list, dict)."
    )


def _detach_loss(loss: Any) -> Any:
    """Keeps a loss without synchronising: tensors stay on their device, detached."""
    detach = getattr(loss, "detach", None)
    if detach is None:
        return _as_float(loss, "loss")
    tensor = detach()
    if tensor.numel() != 1:
        raise RecordError(f"loss must be a scalar (one element), got a tensor of shape {tuple(tensor.shape)}.")
    return tensor.reshape(())


def _host_floats(values: list[Any]) -> list[float]:
    """Moves the window's losses to the host: one transfer per device, not one per loss."""
    if not values:
        return []
    if all(isinstance(v, float) for v in values):
        return list(values)
    from fitscope.torch_collector import tensors_to_floats

    return tensors_to_floats(values)


def _register_atexit(listener: StatsListener) -> Any:
    ref = weakref.ref(listener)

    def close_at_exit() -> None:
        live = ref()
        if live is not None:
            live.close(timeout=10.0)

    atexit.register(close_at_exit)
    return close_at_exit
