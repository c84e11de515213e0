"""InMemoryStatsStorage: a bounded, thread-safe storage that lives as long as the process.

Each (session, worker) keeps at most ``max_reports`` reports and ``max_scores`` score points,
metric iterations and epochs. Past the bound, history thins out evenly over the whole run
(every other ordinary entry goes) while the first entry, the latest entry and the entries
holding non-finite values stay: a chart of a long run keeps its shape and the iteration where
it diverged. When non-finite entries alone exceed the bound (a run that diverged early and kept
going), they thin too, keeping the first one. See :mod:`fitscope.storage._thinning`. Memory
therefore never grows without bound (the number of sessions and workers is the caller's).
"""

from __future__ import annotations

import math
import queue
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from fitscope.errors import StorageClosedError, StorageError, UnknownSessionError
from fitscope.records import (
    OPTIONAL_STATS,
    SUMMARY_KINDS,
    EpochRecord,
    Histogram,
    MetricsRecord,
    StaticInfo,
    StatsReport,
)
from fitscope.storage._subscribers import Subscribers, SubscriptionHandle
from fitscope.storage._thinning import BoundedHistory
from fitscope.storage.base import (
    FirstNonFinite,
    Series,
    SeriesKey,
    SessionInfo,
    StorageEvent,
    nonfinite_name,
    parse_series_key,
    spread,
)

__all__ = ["InMemoryStatsStorage"]

_MIN_BOUND = 4


def _nonfinite_value(x: float) -> bool:
    return not math.isfinite(x)


def _nonfinite_metrics(record: MetricsRecord) -> bool:
    return any(not math.isfinite(v) for v in record.values.values())


def _never(_: EpochRecord) -> bool:
    return False


@dataclass
class _Stream:
    """Everything stored for one (session, worker)."""

    reports: BoundedHistory[StatsReport]
    scores: BoundedHistory[float]
    metrics: BoundedHistory[MetricsRecord]
    epochs: BoundedHistory[EpochRecord]
    static_info: StaticInfo | None = None
    last_report_ms: int | None = None
    #: Bumped by every stored report: the key of the cached answers below.
    version: int = 0
    names_cache: tuple[int, dict[str, list[str]]] | None = None
    nonfinite_cache: tuple[int, FirstNonFinite | None] | None = None


class _Dispatcher:
    """Delivers events on one dedicated thread, in the order they were posted."""

    def __init__(self, subscribers: Subscribers) -> None:
        self._subscribers = subscribers
        self._lock = threading.Lock()
        self._queue: queue.SimpleQueue[StorageEvent | None] | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Starts the thread unless it runs."""
        with self._lock:
            if self._thread is not None:
                return
            q: queue.SimpleQueue[StorageEvent | None] = queue.SimpleQueue()
            self._queue = q
            self._thread = threading.Thread(target=self._run, args=(q,), name="fitscope-memory-events", daemon=True)
            self._thread.start()

    def post(self, event: StorageEvent) -> None:
        """Queues ``event`` for delivery; dropped when no thread runs (nobody subscribed)."""
        q = self._queue
        if q is not None:
            q.put(event)

    def detach(self) -> threading.Thread | None:
        """Stops accepting events and tells the thread to finish; returns it for :meth:`join`."""
        with self._lock:
            q, thread = self._queue, self._thread
            self._queue = self._thread = None
        if q is not None:
            q.put(None)
        return thread

    @staticmethod
    def join(thread: threading.Thread | None) -> None:
        # A subscriber may close its subscription (or the storage) from its own callback.
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=5.0)

    def _run(self, q: queue.SimpleQueue[StorageEvent | None]) -> None:
        while (event := q.get()) is not None:
            self._subscribers.emit(event)


def _report_field(report: StatsReport, key: str) -> tuple[bool, float | None]:
    """Returns (present, value) of a report-field series key at one report."""
    if key == "collection_ms":
        return True, report.collection_ms
    if key == "timestamp_ms":
        return True, report.timestamp_ms
    head, _, rest = key.partition("/")
    if head == "learning_rates":
        lr = report.learning_rates.get(rest)
        return lr is not None, lr
    if head == "performance":
        perf = report.performance
        return (False, None) if perf is None else (True, getattr(perf, rest))
    mem = report.memory
    if mem is None:
        return False, None
    if rest.startswith("devices/"):
        device, _, fld = rest[len("devices/") :].rpartition("/")
        for d in reversed(mem.devices):  # like the file storage: a repeated device name, the last wins
            if d.name == device:
                return True, getattr(d, fld)
        return False, None
    return True, getattr(mem, rest)


class InMemoryStatsStorage:
    """A :class:`~fitscope.storage.base.StatsStorage` held in memory, bounded per worker.

    Thread-safe. After :meth:`close`, writes and :meth:`subscribe` raise
    :class:`~fitscope.errors.StorageClosedError` while reads keep working, so a UI can still show
    a finished run. Subscribers are called on one dedicated thread, after the record is stored.

    Args:
        max_reports: Most reports kept per (session, worker); at least 4. A report of a 20-layer
            model with every statistic on takes about 94 KB here, so the default bounds such a
            worker at about 190 MB.
        max_scores: Most score points, metric iterations and epochs kept per (session, worker);
            at least 4.

    Raises:
        StorageError: A bound is below 4.
    """

    def __init__(self, max_reports: int = 2_000, max_scores: int = 200_000) -> None:
        for name, value in (("max_reports", max_reports), ("max_scores", max_scores)):
            if value < _MIN_BOUND:
                raise StorageError(
                    f"InMemoryStatsStorage needs {name} >= {_MIN_BOUND} (room for the first, the latest and "
                    f"the first non-finite entry); got {value}."
                )
        self._max_reports = max_reports
        self._max_scores = max_scores
        self._lock = threading.Lock()
        self._sessions: dict[str, dict[str, _Stream]] = {}
        self._closed = False
        self._subscribers = Subscribers(on_empty=self._on_no_subscribers)
        self._dispatcher = _Dispatcher(self._subscribers)

    # ------------------------------------------------------------------ writing

    def _check_writable(self, what: str) -> None:
        if self._closed:
            raise StorageClosedError(f"Cannot {what}: this InMemoryStatsStorage was closed.")

    def _stream(self, session_id: str, worker_id: str) -> _Stream:
        workers = self._sessions.setdefault(session_id, {})
        stream = workers.get(worker_id)
        if stream is None:
            stream = _Stream(
                reports=BoundedHistory(self._max_reports, StatsReport.has_nonfinite),
                scores=BoundedHistory(self._max_scores, _nonfinite_value),
                metrics=BoundedHistory(self._max_scores, _nonfinite_metrics),
                epochs=BoundedHistory(self._max_scores, _never),
            )
            workers[worker_id] = stream
        return stream

    def put_static_info(self, info: StaticInfo) -> None:
        """Stores static info; a second put for the same (session, worker) replaces it."""
        with self._lock:
            self._check_writable("store static info")
            self._stream(info.session_id, info.worker_id).static_info = info
            self._dispatcher.post(StorageEvent("static_info", info.session_id, info.worker_id))

    def put_update(self, report: StatsReport) -> None:
        """Stores a report, keyed by (session, worker, iteration); an equal key replaces it."""
        with self._lock:
            self._check_writable("store a report")
            stream = self._stream(report.session_id, report.worker_id)
            stream.reports.put(report.iteration, report)
            window = report.scores
            for it, value in zip(window.iterations, window.values, strict=True):
                stream.scores.put(it, value)
            if report.score is not None and report.iteration not in window.iterations:
                stream.scores.put(report.iteration, report.score)
            if stream.last_report_ms is None or report.timestamp_ms > stream.last_report_ms:
                stream.last_report_ms = report.timestamp_ms
            stream.version += 1
            self._dispatcher.post(StorageEvent("update", report.session_id, report.worker_id, report.iteration))

    def put_metrics(self, record: MetricsRecord) -> None:
        """Stores user metrics at an iteration; values merge with earlier ones there.

        A record without values stores nothing.
        """
        with self._lock:
            self._check_writable("store metrics")
            if not record.values:
                return
            stream = self._stream(record.session_id, record.worker_id)
            earlier = stream.metrics.get(record.iteration)
            if earlier is not None:
                record = MetricsRecord(
                    session_id=record.session_id,
                    worker_id=record.worker_id,
                    timestamp_ms=record.timestamp_ms,
                    iteration=record.iteration,
                    epoch=record.epoch,
                    type_id=record.type_id,
                    values={**earlier.values, **record.values},
                )
            stream.metrics.put(record.iteration, record)
            self._dispatcher.post(StorageEvent("metrics", record.session_id, record.worker_id, record.iteration))

    def put_epoch(self, record: EpochRecord) -> None:
        """Stores the end of an epoch; a second put of the same epoch replaces it."""
        with self._lock:
            self._check_writable("store an epoch")
            self._stream(record.session_id, record.worker_id).epochs.put(record.epoch, record)
            self._dispatcher.post(StorageEvent("epoch", record.session_id, record.worker_id, record.iteration))

    # ------------------------------------------------------------------ reading

    def _find(self, session_id: str, worker_id: str) -> _Stream | None:
        return self._sessions.get(session_id, {}).get(worker_id)

    def list_sessions(self) -> list[str]:
        """Returns the session ids in the order they first appeared."""
        with self._lock:
            return list(self._sessions)

    def list_workers(self, session_id: str) -> list[str]:
        """Returns the worker ids of a session, sorted.

        Raises:
            UnknownSessionError: No record of ``session_id`` was stored.
        """
        with self._lock:
            return sorted(self._workers(session_id))

    def _workers(self, session_id: str) -> dict[str, _Stream]:
        workers = self._sessions.get(session_id)
        if not workers:
            raise UnknownSessionError(f"Session {session_id!r} is not in this InMemoryStatsStorage.")
        return workers

    def session_info(self, session_id: str) -> SessionInfo:
        """Summarises one session.

        Raises:
            UnknownSessionError: No record of ``session_id`` was stored.
        """
        with self._lock:
            workers = self._workers(session_id)
            names = sorted(workers)
            infos = [s.static_info for w in names if (s := workers[w]).static_info is not None]
            last = [s.last_report_ms for s in workers.values() if s.last_report_ms is not None]
            return SessionInfo(
                session_id=session_id,
                workers=tuple(names),
                session_name=next((i.session_name for i in infos if i.session_name is not None), None),
                start_ms=min((i.timestamp_ms for i in infos), default=None),
                last_update_ms=max(last, default=None),
                num_reports=sum(len(s.reports) for s in workers.values()),
            )

    def get_static_info(self, session_id: str, worker_id: str) -> StaticInfo | None:
        """Returns the StaticInfo of a worker, or None if it never sent one."""
        with self._lock:
            stream = self._find(session_id, worker_id)
            return None if stream is None else stream.static_info

    def iter_updates(
        self, session_id: str, worker_id: str, start: int | None = None, end: int | None = None
    ) -> Iterator[StatsReport]:
        """Yields the kept reports in iteration order with ``start <= iteration <= end``."""
        with self._lock:
            stream = self._find(session_id, worker_id)
            items = [] if stream is None else stream.reports.items(start, end)
        return iter([report for _, report in items])

    def get_latest_update(self, session_id: str, worker_id: str) -> StatsReport | None:
        """Returns the report with the highest iteration, or None."""
        with self._lock:
            stream = self._find(session_id, worker_id)
            return None if stream is None else stream.reports.last()

    def count_updates(self, session_id: str, worker_id: str) -> int:
        """Returns the number of kept reports of a worker."""
        with self._lock:
            stream = self._find(session_id, worker_id)
            return 0 if stream is None else len(stream.reports)

    def read_series(
        self, session_id: str, worker_id: str, key: str, start: int | None = None, end: int | None = None
    ) -> Series:
        """Returns one quantity over iterations (see :func:`~fitscope.storage.base.parse_series_key`).

        Raises:
            RecordError: ``key`` is not a series key.
        """
        parsed = parse_series_key(key)
        with self._lock:
            stream = self._find(session_id, worker_id)
            if stream is None:
                return Series([], [])
            return _series(stream, parsed, start, end)

    def summary_names(self, session_id: str, worker_id: str) -> dict[str, list[str]]:
        """Returns, per summary kind, every name a kept report of the worker holds.

        Kinds in :data:`~fitscope.records.SUMMARY_KINDS` order (then any other kind), names in
        order of first appearance; a kind without names is absent.
        """
        with self._lock:
            stream = self._find(session_id, worker_id)
            if stream is None:
                return {}
            if stream.names_cache is None or stream.names_cache[0] != stream.version:
                stream.names_cache = (stream.version, _summary_names(stream))
            return {kind: list(names) for kind, names in stream.names_cache[1].items()}

    def latest_histogram_iteration(
        self, session_id: str, worker_id: str, kind: str, name: str, end: int | None = None
    ) -> int | None:
        """Returns the highest iteration ``<= end`` whose kept report holds a histogram of ``kind``/``name``.

        Walks the kept reports back from ``end``: a budget spreads a tensor's histograms at most
        a few dozen reports apart, and the walk stops at the first report with one.
        """
        with self._lock:
            stream = self._find(session_id, worker_id)
            items = [] if stream is None else stream.reports.items(None, end)
        for iteration, report in reversed(items):
            summary = report.summaries.get(kind, {}).get(name)
            if summary is not None and summary.histogram is not None:
                return iteration
        return None

    def _histograms(
        self, session_id: str, worker_id: str, kind: str, name: str, start: int | None, end: int | None
    ) -> list[tuple[int, Histogram]]:
        with self._lock:
            stream = self._find(session_id, worker_id)
            items = [] if stream is None else stream.reports.items(start, end)
        out = []
        for iteration, report in items:
            summary = report.summaries.get(kind, {}).get(name)
            if summary is not None and summary.histogram is not None:
                out.append((iteration, summary.histogram))
        return out

    def histogram_at(
        self, session_id: str, worker_id: str, kind: str, name: str, iteration: int, *, after: bool = False
    ) -> tuple[int, Histogram] | None:
        """Returns the newest kept histogram of ``kind``/``name`` at or before ``iteration``.

        With ``after``, the oldest kept after it.
        """
        if after:
            found = self._histograms(session_id, worker_id, kind, name, iteration + 1, None)
            return found[0] if found else None
        found = self._histograms(session_id, worker_id, kind, name, None, iteration)
        return found[-1] if found else None

    def read_histograms(
        self,
        session_id: str,
        worker_id: str,
        kind: str,
        name: str,
        start: int | None = None,
        end: int | None = None,
        max_count: int = 200,
    ) -> list[tuple[int, Histogram]]:
        """Returns the kept histograms of ``kind``/``name`` in ``[start, end]``, at most ``max_count`` spread evenly."""
        return spread(self._histograms(session_id, worker_id, kind, name, start, end), max_count)

    def first_nonfinite(self, session_id: str, worker_id: str) -> FirstNonFinite | None:
        """Returns where the worker's first non-finite score or summary value was, or None.

        Looks at the kept score points and reports (thinning keeps the first non-finite ones).
        """
        with self._lock:
            stream = self._find(session_id, worker_id)
            if stream is None:
                return None
            if stream.nonfinite_cache is None or stream.nonfinite_cache[0] != stream.version:
                stream.nonfinite_cache = (stream.version, _first_nonfinite(stream))
            return stream.nonfinite_cache[1]

    def read_metrics(self, session_id: str, worker_id: str) -> list[MetricsRecord]:
        """Returns the user metrics of a worker in iteration order, merged per iteration."""
        with self._lock:
            stream = self._find(session_id, worker_id)
            return [] if stream is None else [m for _, m in stream.metrics.items()]

    def read_epochs(self, session_id: str, worker_id: str) -> list[EpochRecord]:
        """Returns the epoch ends of a worker in epoch order."""
        with self._lock:
            stream = self._find(session_id, worker_id)
            return [] if stream is None else [e for _, e in stream.epochs.items()]

    # ------------------------------------------------------------------ events and lifetime

    @property
    def closed(self) -> bool:
        """True once :meth:`close` was called (reads keep working; writes raise)."""
        return self._closed

    def subscribe(self, callback: Callable[[StorageEvent], None]) -> SubscriptionHandle:
        """Calls ``callback`` on a dedicated thread for every record stored from now on.

        Raises:
            StorageClosedError: The storage was closed.
        """
        with self._lock:
            self._check_writable("subscribe")
            self._dispatcher.start()
            return self._subscribers.add(callback)

    def close(self) -> None:
        """Stops subscriptions and further writes; reads keep working. Idempotent."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
        self._subscribers.close_all()
        _Dispatcher.join(self._dispatcher.detach())

    def _on_no_subscribers(self) -> None:
        with self._lock:
            # A subscribe() may have slipped in since the last subscriber left.
            thread = None if len(self._subscribers) else self._dispatcher.detach()
        _Dispatcher.join(thread)

    def __enter__(self) -> InMemoryStatsStorage:
        """Returns the storage itself."""
        return self

    def __exit__(self, *exc: object) -> None:
        """Closes the storage."""
        self.close()


def _summary_names(stream: _Stream) -> dict[str, list[str]]:
    seen: dict[str, dict[str, None]] = {}
    for _, report in stream.reports.items():
        for kind, by_name in report.summaries.items():
            if by_name:
                seen.setdefault(kind, {}).update(dict.fromkeys(by_name))
    order = [k for k in SUMMARY_KINDS if k in seen] + [k for k in seen if k not in SUMMARY_KINDS]
    return {kind: list(seen[kind]) for kind in order}


def _first_nonfinite(stream: _Stream) -> FirstNonFinite | None:
    score = next(((it, v) for it, v in stream.scores.items() if not math.isfinite(v)), None)
    for it, report in stream.reports.items(None, None if score is None else score[0] - 1):
        hits = {
            kind: [name for name, s in by_name.items() if s.nonfinite_count]
            for kind, by_name in report.summaries.items()
        }
        hits = {kind: names for kind, names in hits.items() if names}
        if not hits:
            continue
        order = _summary_names(stream)  # ties: kinds in SUMMARY_KINDS order, names by first appearance
        kind = next(k for k in order if k in hits)
        name = min(hits[kind], key=order[kind].index)
        s = report.summaries[kind][name]
        return FirstNonFinite(it, kind, name, nonfinite_name(s.nan_count, s.posinf_count))
    if score is None:
        return None
    return FirstNonFinite(score[0], "score", None, nonfinite_name(int(math.isnan(score[1])), int(score[1] > 0)))


def _series(stream: _Stream, key: SeriesKey, start: int | None, end: int | None) -> Series:
    iterations: list[int] = []
    values: list[float | None] = []
    if key.source == "score":
        for it, score in stream.scores.items(start, end):
            iterations.append(it)
            values.append(score)
    elif key.source == "metric":
        for it, record in stream.metrics.items(start, end):
            if key.name in record.values:
                iterations.append(it)
                values.append(record.values[key.name])
    elif key.source == "summary":
        for it, report in stream.reports.items(start, end):
            summary = report.summaries.get(key.kind, {}).get(key.name)
            if summary is not None:
                value = summary.stat(key.stat)
                if value is None and key.stat in OPTIONAL_STATS:
                    continue
                iterations.append(it)
                values.append(value)
    else:
        for it, report in stream.reports.items(start, end):
            present, value = _report_field(report, key.name)
            if present:
                iterations.append(it)
                values.append(value)
    return Series(iterations, values)
