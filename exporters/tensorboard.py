"""TensorBoardExporter: a write-only sink that writes TensorBoard event files, without TensorFlow.

Feed it beside a storage and open the log directory with TensorBoard::

    listener = StatsListener([FileStatsStorage("runs/a.fitscope"), TensorBoardExporter("tb/")])
    ...
    # tensorboard --logdir tb/

Each (session, worker) gets one run directory, ``<logdir>/<session>/<worker>``, holding one
event file; the tag layout and the handling of NaN and infinities are in ``docs/exporters.md``.
Only the ``tensorboard`` package is needed (``pip install "fitscope[tensorboard]"``); it is
imported when an exporter is built, so importing this module costs nothing without it.
"""

from __future__ import annotations

import logging
import math
import os
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from fitscope.errors import ExportError, MissingDependencyError, StorageClosedError
from fitscope.exporters._findings import FindingsFeed
from fitscope.exporters._mlflow_metrics import ReportConverter
from fitscope.records import EpochRecord, MetricsRecord, StaticInfo, StatsReport

if TYPE_CHECKING:
    from fitscope.exporters._event_file import EventFile

__all__ = ["LogdirError", "TensorBoardExporter", "run_path_segment"]

logger = logging.getLogger("fitscope")


class LogdirError(ExportError, OSError):
    """The TensorBoard log directory is not a directory fitscope can write into.

    Its instances are a :class:`NotADirectoryError` (a file stands in the way) or a
    :class:`PermissionError` as well, so code written for those keeps working.
    """


class _NotADirectory(LogdirError, NotADirectoryError):
    pass


class _NoPermission(LogdirError, PermissionError):
    pass


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")
_MAX_SEGMENT = 100


def run_path_segment(name: str) -> str:
    """Returns ``name`` as one safe directory name: ``[A-Za-z0-9._-]`` kept, anything else ``_``.

    A leading ``.`` becomes ``_`` (no hidden, ``.`` or ``..`` directories), an empty name is
    ``_``, and the result is cut to 100 characters. The mapping is deterministic, so the same
    session and worker always land in the same run directory.
    """
    safe = _UNSAFE.sub("_", name)[:_MAX_SEGMENT]
    if safe.startswith("."):
        safe = "_" + safe[1:]
    return safe or "_"


@dataclass
class _Run:
    """What is open for one (session, worker)."""

    file: EventFile
    converter: ReportConverter
    hparams: bool = False  # the HParams plugin's session start was written: its end is written at close
    last_step: int = 0
    last_wall: float = 0.0

    def saw(self, step: int, wall: float) -> None:
        self.last_step, self.last_wall = max(self.last_step, step), max(self.last_wall, wall)


class TensorBoardExporter:
    """Writes a listener's records as TensorBoard scalars, histograms and text.

    Per report, one ``Event`` at step = iteration holds every tag (and one small event per
    score of the report's window, at that iteration's wall time); the names are the scheme both
    exporters share (``docs/exporters.md``). Static info is a Markdown text at step 0. Writing is
    synchronous on the calling thread, which under a :class:`~fitscope.StatsListener` is the
    exporter's own writer thread.

    Args:
        logdir: Directory for the run directories (created when missing); what
            ``tensorboard --logdir`` is pointed at.
        flush_secs: Longest time, in seconds, an event waits in memory before it is written;
            ``0`` writes at every record. Static info, epoch ends, :meth:`flush` and
            :meth:`close` write at once.
        histograms: Whether to write parameter, gradient, update and activation histograms.
        detail: Also write mean, stdev, mean magnitude, min and max of every tensor
            (``<kind>/<name>/<stat>``), as the MLflow exporter's ``detail=True`` does.
        diagnostics: Run the diagnostics' rules on the reports (in the exporter's thread) and
            write each finding as Markdown text, tag ``diagnostics/<rule>``, at the iteration where
            its symptom began (again when it gets worse). See docs/diagnostics.md.

    Raises:
        MissingDependencyError: The ``tensorboard`` package is not installed.
        LogdirError: ``logdir`` (or a parent) is a file (also a ``NotADirectoryError``), or
            cannot be written (also a ``PermissionError``).
        ValueError: ``flush_secs`` is negative or not finite.
    """

    def __init__(
        self,
        logdir: str | os.PathLike[str],
        *,
        flush_secs: float = 10.0,
        histograms: bool = True,
        detail: bool = False,
        diagnostics: bool = True,
    ) -> None:
        self._events, self._event_file = _load_backend()
        if isinstance(flush_secs, bool) or not isinstance(flush_secs, (int, float)) or not math.isfinite(flush_secs):
            raise ValueError(f"flush_secs must be a finite number of seconds, got {flush_secs!r}.")
        if flush_secs < 0:
            raise ValueError(f"flush_secs must be 0 or more, got {flush_secs!r}.")
        self.logdir = os.path.abspath(os.fspath(logdir))
        self.flush_secs = float(flush_secs)
        self.histograms = histograms
        self.detail = detail
        self._findings = FindingsFeed() if diagnostics else None
        _prepare_logdir(self.logdir)
        self._runs: dict[tuple[str, str], _Run] = {}
        self._session_names: dict[str, str] = {}
        self._lock = threading.Lock()
        self._closed = False

    def __repr__(self) -> str:
        return f"TensorBoardExporter({self.logdir!r})"

    def run_directory(self, session_id: str, worker_id: str, *, session_name: str | None = None) -> str:
        """Returns the run directory of a (session, worker): ``<logdir>/<session>/<worker>``.

        ``<session>`` is the session name from its StaticInfo when it has one (or
        ``session_name``, for a run not seen yet), else the session id; both parts pass through
        :func:`run_path_segment`. A run keeps the directory it opened first.
        """
        run = self._runs.get((session_id, worker_id))
        if run is not None:
            return run.file.directory
        session = self._session_names.get(session_id) or session_name or session_id
        return os.path.join(self.logdir, run_path_segment(session), run_path_segment(worker_id))

    # ------------------------------------------------------------------ StatsSink

    def put_static_info(self, info: StaticInfo) -> None:
        """Writes static info and hyperparameters as Markdown text at step 0, at once."""
        with self._lock:
            self._check_open()
            if info.session_name:
                self._session_names.setdefault(info.session_id, info.session_name)
            run = self._run(info.session_id, info.worker_id, info)
            run.file.add(self._events.static_info_events(info))
            if self._findings is not None:
                self._findings.static(info)
            run.hparams = run.hparams or bool(info.hyperparameters)
            run.saw(0, info.timestamp_ms / 1000.0)
            run.file.write(force=True)

    def put_update(self, report: StatsReport) -> None:
        """Writes a report's scalars and histograms at step = iteration."""
        with self._lock:
            self._check_open()
            run = self._run(report.session_id, report.worker_id)
            run.saw(report.iteration, report.timestamp_ms / 1000.0)
            run.file.add(self._events.report_events(report, histograms=self.histograms, converter=run.converter))
            if self._findings is not None and (found := self._findings.update(report)):
                run.file.add(self._events.findings_events(found, report.timestamp_ms / 1000.0))
            run.file.write()

    def put_metrics(self, record: MetricsRecord) -> None:
        """Writes user metrics as ``metrics/<name>`` at the record's iteration."""
        with self._lock:
            self._check_open()
            run = self._run(record.session_id, record.worker_id)
            run.saw(record.iteration, record.timestamp_ms / 1000.0)
            run.file.add([self._events.metrics_event(record)])
            run.file.write()

    def put_epoch(self, record: EpochRecord) -> None:
        """Writes the ``epoch`` scalar at the iteration the epoch ended after, and everything buffered."""
        with self._lock:
            self._check_open()
            run = self._run(record.session_id, record.worker_id)
            run.saw(record.iteration, record.timestamp_ms / 1000.0)
            run.file.add([self._events.epoch_event(record)])
            run.file.write(force=True)

    def flush(self) -> None:
        """Writes every buffered event to its file."""
        with self._lock:
            self._check_open()
            _for_each(self._runs.values(), lambda run: run.file.write(force=True))

    def close(self) -> None:
        """Writes what is buffered and closes every event file. Idempotent.

        A run with hyperparameters gets the HParams plugin's session end info (status success),
        at its last step and record time.

        Raises:
            OSError: A file could not be written; every file is closed all the same.
        """
        with self._lock:
            if self._closed:
                return
            self._closed = True
            for run in self._runs.values():
                if run.hparams:
                    run.file.add([self._events.hparams_end_event(run.last_step, run.last_wall)])
            _for_each(self._runs.values(), lambda run: run.file.close())

    # ------------------------------------------------------------------ internals

    def _check_open(self) -> None:
        if self._closed:
            raise StorageClosedError(f"{self!r} is closed; create a new exporter to keep writing.")

    def _run(self, session_id: str, worker_id: str, info: StaticInfo | None = None) -> _Run:
        key = (session_id, worker_id)
        run = self._runs.get(key)
        if run is None:
            directory = self.run_directory(session_id, worker_id)
            _warn_if_reused(directory)
            file = self._event_file.EventFile(directory, self.flush_secs, _version_event(self._events))
            run = _Run(file, ReportConverter(info, detail=self.detail))
            self._runs[key] = run
        return run


def _load_backend() -> tuple[Any, Any]:
    """Imports the modules that need tensorboard; raises MissingDependencyError without it."""
    try:
        from fitscope.exporters import _event_file, _tensorboard_events
    except ImportError as exc:
        if (exc.name or "").partition(".")[0] != "tensorboard":
            raise
        raise MissingDependencyError("TensorBoardExporter", "tensorboard", "tensorboard") from exc
    return _tensorboard_events, _event_file


def _version_event(events: Any) -> Callable[[], bytes]:
    def make() -> bytes:
        data: bytes = events.version_event(time.time())
        return data

    return make


def _prepare_logdir(logdir: str) -> None:
    """Creates ``logdir``; raises an OSError naming it when it is not a writable directory."""
    try:
        os.makedirs(logdir, exist_ok=True)
    except FileExistsError:
        raise _NotADirectory(
            f"TensorBoardExporter needs a directory for its event files, but {logdir!r} is a file; "
            "pass another logdir or move the file."
        ) from None
    except NotADirectoryError:
        raise _NotADirectory(
            f"TensorBoardExporter cannot create the directory {logdir!r}: a parent of it is a file."
        ) from None
    except PermissionError:
        raise _NoPermission(
            f"TensorBoardExporter cannot create the directory {logdir!r}: permission denied; "
            "pass a logdir you can write."
        ) from None
    except OSError as exc:
        reason = exc.strerror or exc
        raise LogdirError(f"TensorBoardExporter cannot create the directory {logdir!r}: {reason}.") from None
    if not os.access(logdir, os.W_OK | os.X_OK):
        raise _NoPermission(f"TensorBoardExporter cannot write into the directory {logdir!r}; pass one you can write.")


def _warn_if_reused(directory: str) -> None:
    try:
        reused = any("tfevents" in name for name in os.listdir(directory))
    except OSError:
        return
    if reused:
        logger.warning(
            "fitscope: the TensorBoard run directory %r already holds event files; TensorBoard will show "
            "both runs as one. Give each run its own session_name (or none: the session id is unique).",
            directory,
        )


def _for_each(runs: Any, action: Callable[[_Run], None]) -> None:
    """Runs ``action`` on every run, then raises the first error, if any."""
    first: OSError | None = None
    for run in list(runs):
        try:
            action(run)
        except OSError as exc:
            first = first or exc
    if first is not None:
        raise first
