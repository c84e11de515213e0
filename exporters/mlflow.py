"""MLflowExporter: a write-only sink that logs a listener's statistics to an MLflow tracking store.

Feed it beside a storage::

    listener = StatsListener([FileStatsStorage("runs/a.fitscope"), MLflowExporter("http://mlflow:5000")])

Metrics go through batched ``log_batch`` calls (at most 1000 points each) from the exporter's
writer thread, so training never waits on the tracking server. Each (session, worker) logs into
one MLflow run: the run active on the thread that built the exporter, or ``run_id``, for the
first worker; a run created from its StaticInfo otherwise. Metric names, params, tags, the
histogram artifact and the handling of NaN and infinities are in ``docs/exporters.md``.

When the tracking store fails (a server down or overloaded), the exporter logs one error,
keeps the unsent points in a bounded buffer (past it the oldest reports are dropped, counted
and warned about once) and retries with a growing delay, sending every point once and in
order. Only ``mlflow`` is needed (``pip install "fitscope[mlflow]"``); it is imported when an
exporter is built.
"""

from __future__ import annotations

import json
import logging
import math
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from typing import Any, Final

from fitscope.errors import MissingDependencyError, StorageClosedError
from fitscope.exporters._findings import FindingsFeed, rule_tags
from fitscope.exporters._mlflow_metrics import (
    ReportConverter,
    epoch_points,
    histogram_lines,
    metrics_points,
    static_params,
    static_tags,
)
from fitscope.exporters._mlflow_runs import RunState
from fitscope.record_json import to_json_dict
from fitscope.records import EpochRecord, MetricsRecord, StaticInfo, StatsReport

__all__ = ["MLflowExporter"]

logger = logging.getLogger("fitscope")

_MAX_METRICS: Final = 1000  # MLflow's MAX_METRICS_PER_BATCH
_MAX_PARAMS_TAGS: Final = 100  # MLflow's MAX_PARAMS_TAGS_PER_BATCH
_FIRST_RETRY_S: Final = 1.0
_LAST_RETRY_S: Final = 30.0


class _Transient(Exception):
    """An MLflow call failed in a way that retrying later may fix."""


class MLflowExporter:
    """Logs a listener's records to MLflow: metrics, params, tags and two artifacts per run.

    Args:
        tracking_uri: Where to log (``http://host:5000``, ``sqlite:///mlflow.db``...); MLflow's
            current tracking URI by default.
        experiment: Name of the experiment for the runs it creates (created when missing). By
            default ``MLFLOW_EXPERIMENT_NAME`` / ``MLFLOW_EXPERIMENT_ID``, else the experiment of
            the run logged into, else MLflow's default experiment.
        run_id: Log the first worker into this existing run. Without it, the run active on the
            constructing thread (``mlflow.active_run()``) is used when ``tracking_uri`` is None or
            MLflow's current one. Runs given or active are never ended by the exporter.
        detail: Also log mean, stdev, mean magnitude, min and max of every tensor
            (``<kind>/<name>/<stat>``); about 800 more keys per report for a 20-layer model.
        diagnostics: Run the diagnostics' rules on the reports (in the exporter's thread) and
            tag the run ``fitscope.finding.<rule>`` with each rule's worst finding (severity, the
            iteration where it began, the message; updated when it gets worse). See docs/diagnostics.md.
        timeout_s: Seconds an HTTP request to a tracking server may wait to connect or to read.
        max_retries: HTTP-level retries of one request (connection errors, 429, 5xx).
        max_pending: Reports whose points may wait while the store is unreachable; past it the
            oldest report's points are dropped (counted in :attr:`points_lost`).
        send_interval_s: Points are sent at most this often (and whenever 1000 wait, at epoch
            ends and at close), so fast reports share one ``log_batch`` call.

    Raises:
        MissingDependencyError: ``mlflow`` is not installed.
        ExportError: ``tracking_uri`` has a scheme MLflow has no tracking store for.
        ValueError: An argument is out of range.
    """

    def __init__(
        self,
        tracking_uri: str | None = None,
        experiment: str | None = None,
        run_id: str | None = None,
        *,
        detail: bool = False,
        diagnostics: bool = True,
        timeout_s: float = 5.0,
        max_retries: int = 2,
        max_pending: int = 500,
        send_interval_s: float = 0.5,
    ) -> None:
        mlflow, self._transport = _load_mlflow()
        for name, value in (("timeout_s", timeout_s), ("send_interval_s", send_interval_s)):
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
                raise ValueError(f"{name} must be a finite number of seconds, 0 or more; got {value!r}.")
        if timeout_s <= 0:
            raise ValueError(f"timeout_s must be more than 0 seconds, got {timeout_s!r}.")
        for name, count, low in (("max_retries", max_retries, 0), ("max_pending", max_pending, 1)):
            if isinstance(count, bool) or not isinstance(count, int) or count < low:
                raise ValueError(f"{name} must be an integer of at least {low}, got {count!r}.")
        current_uri = str(mlflow.get_tracking_uri())
        self.tracking_uri = tracking_uri or current_uri
        self.experiment = experiment
        self.detail = detail
        self._findings = FindingsFeed() if diagnostics else None
        self.timeout_s = float(timeout_s)
        self.max_retries = max_retries
        self.max_pending = max_pending
        self.send_interval_s = float(send_interval_s)
        # (run id, experiment id, artifact uri) of the run given or active now: MLflow's active run is per thread.
        self._given: tuple[str, str | None, str | None] | None = None
        active = mlflow.active_run() if run_id is None and self.tracking_uri == current_uri else None
        if run_id is not None:
            self._given = (run_id, None, None)
        elif active is not None:
            self._given = (active.info.run_id, active.info.experiment_id, active.info.artifact_uri)
        self._client = self._transport.make_client(self.tracking_uri, self.timeout_s, max_retries)  # ExportError
        self._runs: dict[tuple[str, str], RunState] = {}
        self._folder = tempfile.mkdtemp(prefix="fitscope-mlflow-")
        self._experiment_id: str | None = None
        self._lock = threading.Lock()
        self._closed = False
        self._retry_at = 0.0
        self._retry_delay = _FIRST_RETRY_S
        self._last_send = 0.0
        self._failing = False
        self._reported: set[str] = set()
        self._sent = 0
        self._static_lost = 0

    def __repr__(self) -> str:
        return f"MLflowExporter({self.tracking_uri!r})"

    @property
    def points_sent(self) -> int:
        """Metric points the tracking store accepted."""
        return self._sent

    @property
    def points_lost(self) -> int:
        """Metric points dropped: past ``max_pending``, refused by the store, or unsent at close."""
        return sum(run.lost for run in list(self._runs.values()))

    @property
    def records_lost(self) -> int:
        """Records not (wholly) delivered: reports, metrics and epoch ends some of whose points were lost,
        and, once closed, StaticInfos whose run, params, tags or ``static_info.json`` did not reach the store.
        """
        return sum(run.records_lost for run in list(self._runs.values())) + self._static_lost

    def run_id(self, session_id: str, worker_id: str) -> str | None:
        """Returns the MLflow run id of a (session, worker), or None while its run is not known."""
        run = self._runs.get((session_id, worker_id))
        return None if run is None else run.run_id

    # ------------------------------------------------------------------ StatsSink

    def put_static_info(self, info: StaticInfo) -> None:
        """Queues the run's params, tags and ``fitscope/static_info.json``, and opens its run."""
        with self._lock:
            run = self._run(info.session_id, info.worker_id, info)
            run.has_static = True
            run.saw(info.timestamp_ms)
            run.tags.update(static_tags(info))
            if self._findings is not None:
                self._findings.static(info)
            run.params.update(static_params(info))
            run.static_json = json.dumps(to_json_dict(info), indent=2, sort_keys=True, allow_nan=False)
            self._pump(flush=True)

    def put_update(self, report: StatsReport) -> None:
        """Queues the report's metric points and histogram lines; sends when due."""
        with self._lock:
            run = self._run(report.session_id, report.worker_id)
            run.saw(report.timestamp_ms)
            for ts in report.scores.timestamps_ms[:1]:  # the window's first iteration ended first
                run.saw(ts)
            self._enqueue(run, run.converter.convert(report), droppable=True)
            run.add_histogram_lines(histogram_lines(report))
            if self._findings is not None and self._findings.update(report):
                run.tags.update(rule_tags(self._findings.findings(report.session_id, report.worker_id)))
            self._pump(flush=False)

    def put_metrics(self, record: MetricsRecord) -> None:
        """Queues ``metrics/<name>`` points at the record's iteration; sends when due."""
        with self._lock:
            run = self._run(record.session_id, record.worker_id)
            run.saw(record.timestamp_ms)
            self._enqueue(run, metrics_points(record), droppable=False)
            self._pump(flush=False)

    def put_epoch(self, record: EpochRecord) -> None:
        """Queues the ``epoch`` point, then sends everything waiting and uploads the histograms."""
        with self._lock:
            run = self._run(record.session_id, record.worker_id)
            run.saw(record.timestamp_ms)
            self._enqueue(run, epoch_points(record), droppable=False)
            run.write_histograms()
            self._pump(flush=True)

    def flush(self) -> bool:
        """Sends every waiting point and artifact now, unless a retry delay is running.

        Returns:
            True when nothing is left waiting.
        """
        with self._lock:
            for run in self._runs.values():
                run.write_histograms()
            return self._pump(flush=True) and not any(run.unsent() for run in self._runs.values())

    def close(self) -> None:
        """Makes one last bounded attempt to send everything and ends the runs it created. Idempotent.

        A created run ends FINISHED, or FAILED when points were lost, at the time of its last
        record (so a run exported afterwards spans the training, not the export). When the store
        cannot be reached the run stays as it is, and the unsent points are counted
        (:attr:`points_lost`, :attr:`records_lost`) and logged as a warning; close does not raise.
        """
        with self._lock:
            if self._closed:
                return
            self._closed = True
            for run in self._runs.values():
                run.write_histograms()
            self._retry_at = 0.0
            reachable = self._pump(flush=True)
            unsent = sum(run.drop_all() for run in self._runs.values())
            try:
                for run in self._runs.values():
                    if reachable and run.owned and run.run_id is not None:
                        status = "FAILED" if run.lost else "FINISHED"
                        self._call("end the run", self._client.set_terminated, run.run_id, status, run.end_ms)
            except _Transient:
                reachable = False
            self._static_lost = sum(run.static_undelivered() for run in self._runs.values())
            if unsent or not reachable or self.records_lost:
                logger.warning(
                    "fitscope: %r closed without delivering everything: %d records (%d metric points) were not "
                    "delivered to the tracking store.",
                    self,
                    self.records_lost,
                    self.points_lost,
                )
            shutil.rmtree(self._folder, ignore_errors=True)

    # ------------------------------------------------------------------ runs and buffers

    def _run(self, session_id: str, worker_id: str, info: StaticInfo | None = None) -> RunState:
        if self._closed:
            raise StorageClosedError(f"{self!r} is closed; records can no longer be exported.")
        run = self._runs.get((session_id, worker_id))
        if run is not None:
            return run
        siblings = [r for (s, _), r in self._runs.items() if s == session_id]
        for sibling in siblings:  # a second worker: every run of the session gets its worker in its name
            sibling.rename = sibling.rename or not sibling.several
            sibling.several = True
        several = bool(siblings) or _world_size() > 1
        folder = os.path.join(self._folder, str(len(self._runs)))
        os.makedirs(folder)
        base = (info.session_name if info is not None else None) or session_id
        run = RunState(worker_id, base, several, ReportConverter(info, detail=self.detail), folder)
        run.tags = {"fitscope.session_id": session_id, "fitscope.worker_id": worker_id}
        if self._given is not None and not any(r.run_id == self._given[0] for r in self._runs.values()):
            run.run_id, run.experiment_id, run.artifact_uri = self._given
        self._runs[(session_id, worker_id)] = run
        return run

    def _enqueue(self, run: RunState, points: list[Any], *, droppable: bool) -> None:
        if run.enqueue(points, droppable=droppable, max_droppable=self.max_pending):
            self._report(
                "dropped",
                "fitscope: %r holds %d unsent reports for %s; from now on the oldest waiting report is dropped "
                "for each new one (counted in points_lost).",
                self,
                self.max_pending,
                run.worker_id,
                level=logging.WARNING,
            )

    # ------------------------------------------------------------------ sending

    def _pump(self, *, flush: bool) -> bool:
        """Sends what is due for every run; False when the store could not be reached."""
        now = time.monotonic()
        if now < self._retry_at:
            return False
        due = flush or now - self._last_send >= self.send_interval_s
        try:
            for run in list(self._runs.values()):
                self._sync(run, due)
        except _Transient as exc:
            self._retry_at = time.monotonic() + self._retry_delay
            self._retry_delay = min(self._retry_delay * 2, _LAST_RETRY_S)
            if not self._failing:
                self._failing = True
                self._report(
                    "unreachable",
                    "fitscope: %r cannot reach the tracking store (%s). Training goes on; unsent points wait in a "
                    "buffer of %d reports and are retried with a growing delay.",
                    self,
                    exc,
                    self.max_pending,
                )
            return False
        if self._failing:
            self._failing = False
            logger.info("fitscope: %r reaches the tracking store again; the buffered points were sent.", self)
        self._retry_delay = _FIRST_RETRY_S
        if due:
            self._last_send = time.monotonic()
        return True

    def _sync(self, run: RunState, due: bool) -> None:
        if run.experiment_id is None or run.run_id is None:
            self._open(run)
        if run.broken or run.run_id is None:
            return
        run_id = run.run_id
        if run.rename and run.owned:
            self._call("rename the run", self._client.update_run, run_id, name=run.name)
        run.rename = False
        self._log_entities(run_id, "tags", run.tags)
        self._log_entities(run_id, "params", run.params)
        if due or run.unsent() >= _MAX_METRICS:
            while batch := run.front(_MAX_METRICS):
                refused = not self._call("log metrics", self._log_metrics, run_id, batch)
                if refused:
                    run.lost += len(batch)
                run.consume(len(batch), refused=refused)
        if run.artifact_uri is None:
            return
        # Each artifact is marked done only after its call returned: a transient failure leaves it to the retry.
        if run.static_json is not None:
            path = os.path.join(run.folder, "static_info.json")
            with open(path, "w", encoding="utf-8") as f:
                f.write(run.static_json)
            self._call("upload fitscope/static_info.json", self._upload, run.artifact_uri, path, "fitscope")
            run.static_json = None
        if due and run.histogram_dirty and run.histogram_file is not None:
            what = "upload the histograms"
            self._call(what, self._upload, run.artifact_uri, run.histogram_file, "fitscope/histograms")
            run.histogram_dirty = False

    def _open(self, run: RunState) -> None:
        """Finds the run's experiment and artifact root; creates the run when it has none."""
        if run.run_id is not None:  # the given or active run
            info = self._or_broken(run, lambda: self._client.get_run(run.run_id).info)
            if info is not None:
                run.experiment_id, run.artifact_uri = info.experiment_id, info.artifact_uri
                self._given = (info.run_id, info.experiment_id, info.artifact_uri)
            return
        experiment_id = self._experiment_id or self._or_broken(run, self._find_experiment)
        if experiment_id is None:
            return
        self._experiment_id = experiment_id
        tags = dict(run.tags)
        if self._given is not None:
            tags["mlflow.parentRunId"] = self._given[0]
        created = self._or_broken(
            run,
            lambda: self._client.create_run(experiment_id, start_time=run.start_ms, tags=tags, run_name=run.name),
        )
        if created is not None:
            run.tags.clear()
            run.run_id, run.experiment_id = created.info.run_id, created.info.experiment_id
            run.artifact_uri, run.owned, run.rename = created.info.artifact_uri, True, False

    def _find_experiment(self) -> str:
        name = self.experiment or os.environ.get("MLFLOW_EXPERIMENT_NAME")
        if name is None:
            given = self._given[1] if self._given is not None else None
            return os.environ.get("MLFLOW_EXPERIMENT_ID") or given or "0"
        found = self._client.get_experiment_by_name(name)
        if found is None:
            try:
                return str(self._client.create_experiment(name))
            except Exception:  # created meanwhile by another process: read it back
                found = self._client.get_experiment_by_name(name)
                if found is None:
                    raise
        return str(found.experiment_id)

    def _or_broken(self, run: RunState, fn: Callable[[], Any]) -> Any:
        """Returns ``fn()``; when the store refuses it for good, the run is broken and its points lost."""
        result: list[Any] = []
        if self._call("open the MLflow run", lambda: result.append(fn())):
            return result[0]
        run.broken = True
        run.drop_all()
        return None

    def _log_metrics(self, run_id: str, batch: list[Any]) -> None:
        make = self._transport.Metric
        self._client.log_batch(run_id, metrics=[make(*p) for p in batch], synchronous=True)
        self._sent += len(batch)

    def _log_entities(self, run_id: str, what: str, values: dict[str, str]) -> None:
        """Sends and removes ``values`` (params or tags), 100 per call; a refused call, one by one.

        Logging a param or tag again with the same value is harmless, so a chunk cut short by a
        transient failure is simply sent again.
        """
        make = self._transport.Param if what == "params" else self._transport.RunTag
        log = self._client.log_batch
        while values:
            keys = list(values)[:_MAX_PARAMS_TAGS]
            chunk = [make(k, values[k]) for k in keys]
            refused = []
            if not self._call(None, log, run_id, **{what: chunk}, synchronous=True):
                refused = [e.key for e in chunk if not self._call(None, log, run_id, **{what: [e]}, synchronous=True)]
            for k in keys:
                del values[k]
            if refused:
                self._report(
                    f"refused {what}",
                    "fitscope: %r: run %s refused the %s %s (an MLflow param cannot change once logged).",
                    self,
                    run_id,
                    what,
                    ", ".join(refused),
                    level=logging.WARNING,
                )

    def _upload(self, artifact_uri: str, path: str, artifact_path: str) -> None:
        self._transport.upload_artifact(
            artifact_uri, self.tracking_uri, path, artifact_path, timeout_s=self.timeout_s, max_retries=self.max_retries
        )

    def _call(self, what: str | None, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> bool:
        """Runs one MLflow call: True when it worked, False when refused for good; raises _Transient."""
        try:
            fn(*args, **kwargs)
        except Exception as exc:
            if self._transport.is_transient(exc):
                raise _Transient(f"{type(exc).__name__}: {exc}") from exc
            if what is not None:
                self._report(what, "fitscope: %r could not %s: %s", self, what, exc)
            return False
        return True

    def _report(self, key: str, message: str, *args: Any, level: int = logging.ERROR) -> None:
        """Logs a problem once per kind; later ones of that kind go to the debug log."""
        logger.log(logging.DEBUG if key in self._reported else level, message, *args)
        self._reported.add(key)


def _world_size() -> int:
    """Processes of a torch.distributed job, from ``WORLD_SIZE`` (1 when unset or not a number)."""
    try:
        return int(os.environ.get("WORLD_SIZE", "1"))
    except ValueError:
        return 1


def _load_mlflow() -> tuple[Any, Any]:
    """Imports mlflow and the exporter's transport; raises MissingDependencyError without mlflow."""
    try:
        import mlflow

        import fitscope.exporters._mlflow_transport as _mlflow_transport
    except ImportError as exc:
        raise MissingDependencyError("MLflowExporter", "mlflow", "mlflow") from exc
    transport: Any = _mlflow_transport
    return mlflow, transport
