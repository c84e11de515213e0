"""The two storage protocols, the event and series types they share, and series keys.

* :class:`StatsSink` is write-only: what a listener feeds and what exporters implement.
* :class:`StatsStorage` is a sink that can also be read and subscribed to.

Every implementation passes the one contract suite in ``tests/storage/contract.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal, Protocol, runtime_checkable

from fitscope.errors import RecordError
from fitscope.records import (
    SUMMARY_KINDS,
    SUMMARY_STATS,
    EpochRecord,
    Histogram,
    MetricsRecord,
    StaticInfo,
    StatsReport,
)

__all__ = [
    "spread",
    "EventKind",
    "FirstNonFinite",
    "Series",
    "SeriesKey",
    "SessionInfo",
    "StatsSink",
    "StatsStorage",
    "StorageEvent",
    "Subscription",
    "nonfinite_name",
    "parse_series_key",
]

EventKind = Literal["static_info", "update", "metrics", "epoch"]


@dataclass(frozen=True, slots=True)
class StorageEvent:
    """A record was stored.

    Attributes:
        kind: Which record: ``"static_info"``, ``"update"`` (a StatsReport), ``"metrics"`` or
            ``"epoch"``.
        session_id: Session of the record.
        worker_id: Worker of the record.
        iteration: The record's iteration (``None`` for static info).
    """

    kind: EventKind
    session_id: str
    worker_id: str
    iteration: int | None = None


@dataclass(frozen=True, slots=True)
class Series:
    """One quantity over iterations, columnar: ``values[i]`` was recorded at ``iterations[i]``.

    ``None`` in ``values`` means absent at that iteration (a gap); NaN and +/-Inf are kept.
    """

    iterations: list[int]
    values: list[float | None]


@dataclass(frozen=True, slots=True)
class SessionInfo:
    """What a storage knows about one session.

    Attributes:
        session_id: The session.
        workers: Its worker ids, sorted.
        session_name: The name given in StaticInfo, if any.
        start_ms: Earliest StaticInfo timestamp of its workers (None when none was stored).
        last_update_ms: Latest report timestamp (None before the first report).
        num_reports: Number of stored reports over all workers.
    """

    session_id: str
    workers: tuple[str, ...]
    session_name: str | None
    start_ms: int | None
    last_update_ms: int | None
    num_reports: int


@dataclass(frozen=True, slots=True)
class FirstNonFinite:
    """Where a worker's first non-finite value (NaN, +Inf, -Inf) was collected.

    Attributes:
        iteration: The earliest iteration holding one (the score of that iteration, or a
            summary of the report at that iteration).
        kind: ``"score"``, or the summary kind (parameters | gradients | updates | activations).
        name: The parameter or module name for a summary; ``None`` for the score.
        value: ``"NaN"``, ``"Infinity"`` or ``"-Infinity"``: the score's value, or for a summary
            the first of NaN, +Inf, -Inf that it counted.
    """

    iteration: int
    kind: str
    name: str | None
    value: str


def nonfinite_name(nan_count: int, posinf_count: int) -> str:
    """The :attr:`FirstNonFinite.value` of a summary (or score) with these counts: NaN first, then +Inf."""
    if nan_count:
        return "NaN"
    return "Infinity" if posinf_count else "-Infinity"


@dataclass(frozen=True, slots=True)
class SeriesKey:
    """A parsed series key (see :func:`parse_series_key`)."""

    source: Literal["score", "metric", "summary", "report"]
    name: str = ""
    kind: str = ""
    stat: str = ""


_REPORT_FIELDS = (
    "collection_ms",
    "timestamp_ms",
    "performance/total_runtime_ms",
    "performance/total_examples",
    "performance/total_minibatches",
    "performance/examples_per_second",
    "performance/minibatches_per_second",
    "memory/process_rss_bytes",
    "memory/system_total_bytes",
    "memory/system_available_bytes",
)


def parse_series_key(key: str) -> SeriesKey:
    """Parses the key of a series, as accepted by :meth:`StatsStorage.read_series`.

    Keys:
        ``score``: the loss of every iteration (not only reported ones).
        ``metrics/<name>``: a user metric (``<name>`` may itself contain ``/``).
        ``<kind>/<name>/<stat>``: a summary statistic, kind in parameters | gradients |
            updates | activations, stat one of :data:`~fitscope.records.SUMMARY_STATS`.
        ``learning_rates/<param>``: the learning rate of one parameter.
        ``memory/devices/<device>/<current_bytes|max_bytes|total_bytes>``: device memory.
        ``collection_ms``, ``performance/<field>``, ``memory/<field>``: report fields.

    Raises:
        RecordError: the key matches none of these forms.
    """
    if key == "score":
        return SeriesKey("score")
    head, _, rest = key.partition("/")
    if head == "metrics" and rest:
        return SeriesKey("metric", name=rest)
    if head in SUMMARY_KINDS:
        name, _, stat = rest.rpartition("/")
        if name and stat in SUMMARY_STATS:
            return SeriesKey("summary", name=name, kind=head, stat=stat)
    if head == "learning_rates" and rest:
        return SeriesKey("report", name=key)
    if head == "memory" and rest.startswith("devices/"):
        device, _, fld = rest[len("devices/") :].rpartition("/")
        if device and fld in ("current_bytes", "max_bytes", "total_bytes"):
            return SeriesKey("report", name=key)
    if key in _REPORT_FIELDS:
        return SeriesKey("report", name=key)
    raise RecordError(
        f"Unknown series key {key!r}. Use 'score', 'metrics/<name>', '<kind>/<name>/<stat>' "
        f"(kind: {', '.join(SUMMARY_KINDS)}; stat: {', '.join(SUMMARY_STATS)}), "
        f"'learning_rates/<param>', 'memory/devices/<device>/<current_bytes|max_bytes|total_bytes>', "
        f"or one of: {', '.join(_REPORT_FIELDS)}."
    )


@runtime_checkable
class Subscription(Protocol):
    """Handle returned by :meth:`StatsStorage.subscribe`; ``close()`` stops the callbacks."""

    def close(self) -> None:
        """Stops delivering events to this subscriber. Idempotent."""


@runtime_checkable
class StatsSink(Protocol):
    """Write-only destination of records: what a listener feeds, what exporters implement.

    Calls come from one thread at a time (the listener's writer thread for that sink).
    """

    def put_static_info(self, info: StaticInfo) -> None:
        """Stores static info; a second put for the same (session, worker) replaces it."""

    def put_update(self, report: StatsReport) -> None:
        """Stores a report, keyed by (session, worker, iteration); an equal key replaces it."""

    def put_metrics(self, record: MetricsRecord) -> None:
        """Stores user metrics at an iteration; values merge with earlier ones there."""

    def put_epoch(self, record: EpochRecord) -> None:
        """Stores the end of an epoch."""

    def close(self) -> None:
        """Flushes and releases resources. Idempotent."""


@runtime_checkable
class StatsStorage(StatsSink, Protocol):
    """A sink that can be read back and watched."""

    def list_sessions(self) -> list[str]:
        """Returns the session ids, oldest first (by first StaticInfo or report)."""

    def list_workers(self, session_id: str) -> list[str]:
        """Returns the worker ids of a session, sorted; raises UnknownSessionError if none."""

    def session_info(self, session_id: str) -> SessionInfo:
        """Summarises one session; raises UnknownSessionError if absent."""

    def get_static_info(self, session_id: str, worker_id: str) -> StaticInfo | None:
        """Returns the StaticInfo of a worker, or None if it never sent one."""

    def iter_updates(
        self, session_id: str, worker_id: str, start: int | None = None, end: int | None = None
    ) -> Iterator[StatsReport]:
        """Yields reports in iteration order with ``start <= iteration <= end``."""

    def get_latest_update(self, session_id: str, worker_id: str) -> StatsReport | None:
        """Returns the report with the highest iteration, or None."""

    def count_updates(self, session_id: str, worker_id: str) -> int:
        """Returns the number of stored reports of a worker."""

    def read_series(
        self, session_id: str, worker_id: str, key: str, start: int | None = None, end: int | None = None
    ) -> Series:
        """Returns one quantity over iterations (see :func:`parse_series_key` for keys)."""

    def summary_names(self, session_id: str, worker_id: str) -> dict[str, list[str]]:
        """Returns, per summary kind, every name any stored report of the worker holds.

        Kinds are in :data:`SUMMARY_KINDS` order (then any other kind), names in order of first
        appearance (the iteration of the first report holding it); a kind no report holds a name
        of is absent. This, not
        the latest report (a final partial report may lack gradients and updates), decides
        which series a view offers.
        """

    def first_nonfinite(self, session_id: str, worker_id: str) -> FirstNonFinite | None:
        """Returns where the worker's first non-finite score or summary value was, or None.

        Ties at one iteration go to the score, then kinds in :data:`SUMMARY_KINDS` order, then
        names in order of first appearance.
        """

    def latest_histogram_iteration(
        self, session_id: str, worker_id: str, kind: str, name: str, end: int | None = None
    ) -> int | None:
        """Returns the highest iteration ``<= end`` whose report holds a histogram of ``kind``/``name``.

        None when no stored report does. An overhead budget (``StatsListener(max_overhead=...)``)
        leaves some histograms out of a report; this finds the newest one a view can show instead.
        """

    def histogram_at(
        self, session_id: str, worker_id: str, kind: str, name: str, iteration: int, *, after: bool = False
    ) -> tuple[int, Histogram] | None:
        """Returns ``(iteration, histogram)`` of ``kind``/``name``: the newest stored at or before
        ``iteration``, or with ``after`` the oldest stored after it; None when there is none."""

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
        """Returns the histograms of ``kind``/``name`` with ``start <= iteration <= end``, in iteration order.

        At most ``max_count`` (at least 2): when more are stored, ``max_count`` spread evenly by
        iteration, the first and the last among them; a long run is never read whole.
        """

    def read_metrics(self, session_id: str, worker_id: str) -> list[MetricsRecord]:
        """Returns the user metrics of a worker in iteration order."""

    def read_epochs(self, session_id: str, worker_id: str) -> list[EpochRecord]:
        """Returns the epoch ends of a worker in epoch order."""

    @property
    def closed(self) -> bool:
        """True once :meth:`close` was called (an InMemoryStatsStorage stays readable then)."""

    def subscribe(self, callback: Callable[[StorageEvent], None]) -> Subscription:
        """Calls ``callback`` (on a storage thread) for every record stored from now on.

        For a FileStatsStorage this includes records written by other processes.
        """

    def __enter__(self) -> StatsStorage: ...

    def __exit__(self, *exc: object) -> None: ...


def spread(items: list[tuple[int, Histogram]], count: int) -> list[tuple[int, Histogram]]:
    """At most ``count`` (at least 2) of ``items`` (in iteration order): all, or ``count`` spread
    evenly by iteration, the first and the last among them (what ``read_histograms`` returns)."""
    count = max(count, 2)
    if len(items) <= count:
        return items
    first, last = items[0][0], items[-1][0]
    step = (last - first) / (count - 1)
    out: list[tuple[int, Histogram]] = []
    i = 0
    for k in range(count):
        target = first + round(k * step)
        while i < len(items) - 1 and items[i][0] < target:
            i += 1
        if not out or items[i][0] != out[-1][0]:
            out.append(items[i])
    if out[-1][0] != last:
        out[-1] = items[-1]
    return out
