"""Finding the session and worker a request asks for, and reading them through the cache.

``session`` and ``worker`` are request parameters. Without ``session`` the newest session is
shown (latest start, as the original chose); without ``worker`` its first worker (in natural
order: ``rank2`` before ``rank10``).

A session id held by several attached storages (``fitscope serve job-0.fitscope job-1.fitscope``:
one file per rank of a distributed run) is one session: its workers are those of every holder,
and each worker is read from the first attached storage that holds it.

Finding a session costs a few small queries (session ids, worker ids), cached until the next
event; no per-session summary (a count over every report) is computed for it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import Any, Final, TypeVar

from fitscope.errors import FitscopeError, UnknownSessionError
from fitscope.records import SUMMARY_KINDS, EpochRecord, Histogram, StaticInfo, StatsReport
from fitscope.server.cache import ALL_KINDS, Cache
from fitscope.server.columns import Column, nonfinite_where_absent
from fitscope.server.errors import ApiError
from fitscope.server.storages import Attached, StorageSet
from fitscope.storage.base import EventKind, FirstNonFinite, SessionInfo

__all__ = ["Reader", "SessionEntry", "find", "natural_key", "session_entries"]

_log = logging.getLogger("fitscope.server")

T = TypeVar("T")

#: Summary statistics over the finite values: undefined (absent) when no value is finite.
_UNDEFINED_BY_NONFINITE: Final = ("/mean", "/stdev", "/mean_magnitude", "/min", "/max", "/sum", "/sum_squares")
_STATIC_INFO: Final[frozenset[EventKind]] = frozenset({"static_info"})
_UPDATE: Final[frozenset[EventKind]] = frozenset({"update"})
_EPOCH: Final[frozenset[EventKind]] = frozenset({"epoch"})
_METRICS: Final[frozenset[EventKind]] = frozenset({"metrics"})
_CHUNK: Final = re.compile(r"([^0-9]*)([0-9]*)")


def natural_key(name: str) -> tuple[tuple[tuple[str, int], ...], str]:
    """Sorts names with their runs of ASCII digits compared as numbers: ``rank2`` before ``rank10``.

    Names that differ only in leading zeros (``w01``, ``w1``) keep their plain order.
    """
    chunks = tuple((text, int(digits) if digits else -1) for text, digits in _CHUNK.findall(name) if text or digits)
    return chunks, name


@dataclass(frozen=True, slots=True)
class SessionEntry:
    """One session, as the sessions route lists it.

    Attributes:
        attached: The first attached storage holding it.
        session_id: The session.
        info: Its summary over every holder (workers in natural order); None when reading it
            failed (see ``error``).
        error: Why the session cannot be read (a damaged file), else None.
        holders: Every attached storage holding the session, in attach order (``attached`` first).
        routes: Each worker's storage: the first holder that holds it (empty with an error).
    """

    attached: Attached
    session_id: str
    info: SessionInfo | None
    error: FitscopeError | None
    holders: tuple[Attached, ...]
    routes: Mapping[str, Attached]


def session_entries(storages: StorageSet, cache: Cache) -> list[SessionEntry]:
    """Every session of every attached storage with its summary, in storage order (for the sessions route).

    A session whose summary cannot be read (a damaged row, in any of its storages) is listed
    with its error; the others are not affected.
    """

    def load() -> list[SessionEntry]:
        out: list[SessionEntry] = []
        for found, session_id in _session_ids(storages, cache):
            routes: Mapping[str, Attached] = {}
            try:
                routes = _routes(cache, found, session_id)
                if not routes:  # listed, then gone: not a session any more
                    continue
                info: SessionInfo | None = _merged_info(found, session_id, routes)
                error: FitscopeError | None = None
            except FitscopeError as exc:
                info, error, routes = None, exc, {}
            out.append(SessionEntry(found[0], session_id, info, error, found, routes))
        return out

    return cache.global_value("session_entries", load)


def _merged_info(holders: tuple[Attached, ...], session_id: str, routes: Mapping[str, Attached]) -> SessionInfo:
    """The summary of a session over its holders, each worker counted from the storage it is read from.

    A holder whose workers are all read from it gives its own summary; a worker held by an
    earlier storage too (the same rank in two files) is counted once, from the earlier one.
    """
    starts: list[int] = []
    lasts: list[int] = []
    reports = 0
    name: str | None = None
    for attached in holders:
        storage = attached.storage
        try:
            info = storage.session_info(session_id)
        except UnknownSessionError:  # listed, then gone from this storage
            continue
        mine = [w for w in info.workers if routes.get(w) is attached]
        if name is None:
            name = info.session_name
        if len(mine) == len(info.workers):
            starts.extend(() if info.start_ms is None else (info.start_ms,))
            lasts.extend(() if info.last_update_ms is None else (info.last_update_ms,))
            reports += info.num_reports
            continue
        for worker in mine:  # rare: count only the workers read from this storage
            static = storage.get_static_info(session_id, worker)
            latest = storage.get_latest_update(session_id, worker)
            starts.extend(() if static is None else (static.timestamp_ms,))
            lasts.extend(() if latest is None else (latest.timestamp_ms,))
            reports += storage.count_updates(session_id, worker)
    return SessionInfo(
        session_id=session_id,
        workers=tuple(routes),
        session_name=name,
        start_ms=min(starts, default=None),
        last_update_ms=max(lasts, default=None),
        num_reports=reports,
    )


def _all_session_ids(storages: StorageSet, cache: Cache) -> list[tuple[Attached, str]]:
    """(storage, session id) of every session of every storage, in attach order then oldest first.

    A storage that cannot even list its sessions (a damaged file) is logged and shows none.
    """

    def load() -> list[tuple[Attached, str]]:
        out: list[tuple[Attached, str]] = []
        for attached in storages.attached():
            try:
                ids = attached.storage.list_sessions()
            except FitscopeError as exc:
                _log.warning("Cannot list the sessions of %s: %s", attached.label, exc)
                continue
            out.extend((attached, session_id) for session_id in ids)
        return out

    # Cheap queries, so kept only until the next event: every request finds sessions this way.
    return cache.global_value("all_session_ids", load)


def _session_ids(storages: StorageSet, cache: Cache) -> list[tuple[tuple[Attached, ...], str]]:
    """(holders, session id) of every session, in the order of the first storage holding each id.

    The holders are every storage holding the id, in attach order.
    """

    def load() -> list[tuple[tuple[Attached, ...], str]]:
        holders: dict[str, list[Attached]] = {}
        for attached, session_id in _all_session_ids(storages, cache):
            holders.setdefault(session_id, []).append(attached)
        return [(tuple(found), session_id) for session_id, found in holders.items()]

    return cache.global_value("session_ids", load)


def _routes(cache: Cache, holders: tuple[Attached, ...], session_id: str) -> Mapping[str, Attached]:
    """Every worker of a session (natural order) with the storage it is read from: the first holding it."""

    def load() -> Mapping[str, Attached]:
        routes: dict[str, Attached] = {}
        for attached in holders:
            try:
                workers = attached.storage.list_workers(session_id)
            except UnknownSessionError:  # listed, then gone
                continue
            for worker in workers:
                routes.setdefault(worker, attached)
        return {worker: routes[worker] for worker in sorted(routes, key=natural_key)}

    return cache.global_value(("workers", tuple(a.slot for a in holders), session_id), load)


def _start_ms(cache: Cache, holders: tuple[Attached, ...], session_id: str) -> int:
    """When a session started: its workers' earliest StaticInfo (else its latest report; -1 if neither)."""
    try:
        routes = _routes(cache, holders, session_id)
        starts = [
            static.timestamp_ms
            for worker, attached in routes.items()
            if (static := Reader(cache, attached, session_id, worker).static_info()) is not None
        ]
        if starts:
            return min(starts)
        used = {attached.slot: attached for attached in routes.values()}.values()
        lasts = [
            info.last_update_ms
            for attached in used
            if (info := attached.storage.session_info(session_id)).last_update_ms is not None
        ]
    except FitscopeError:  # unknown by now, or damaged: never the default while another can be shown
        return -1
    return max(lasts, default=-1)


def _readable(cache: Cache, holders: tuple[Attached, ...], session_id: str) -> bool:
    """False when the latest report of one of the session's workers cannot be read (a damaged file)."""
    try:
        for worker, attached in _routes(cache, holders, session_id).items():
            Reader(cache, attached, session_id, worker).latest()
    except FitscopeError:
        return False
    return True


def find(storages: StorageSet, cache: Cache, session_id: str | None, worker_id: str | None) -> Reader:
    """The reader of the requested (or default) session and worker.

    The default session is the readable one that started last (ties: the one listed last); the
    default worker its first in natural order. The reader reads the first attached storage
    holding that worker.

    Raises:
        ApiError: 404 ``unknown_session``, ``unknown_worker`` or ``no_session``.
    """
    sessions = _session_ids(storages, cache)
    if session_id is None:
        if not sessions:
            raise ApiError(
                404,
                "no_session",
                "No session to show yet: no attached storage holds a training session. Start a run "
                "with a StatsListener writing to an attached storage.",
            )
        holders, session_id = max(
            enumerate(sessions),
            key=lambda item: (_readable(cache, *item[1]), _start_ms(cache, *item[1]), item[0]),
        )[1]
    else:
        found = next((h for h, s in sessions if s == session_id), None)
        if found is None:
            raise ApiError(404, "unknown_session", f"Session {session_id!r} is not in any attached storage.")
        holders = found
    routes = _routes(cache, holders, session_id)
    if worker_id is None:
        if not routes:
            raise ApiError(404, "unknown_worker", f"Session {session_id!r} has no worker yet.")
        worker_id = next(iter(routes))
    elif worker_id not in routes:
        raise ApiError(
            404,
            "unknown_worker",
            f"Worker {worker_id!r} is not in session {session_id!r}; its workers are: {', '.join(routes)}.",
        )
    return Reader(cache, routes[worker_id], session_id, worker_id)


class Reader:
    """Reads one worker of one session through the cache (blocking: call it off the event loop).

    Attributes:
        session_id: The session.
        worker_id: The worker.
    """

    def __init__(self, cache: Cache, attached: Attached, session_id: str, worker_id: str) -> None:
        self._cache = cache
        self._attached = attached
        self.session_id = session_id
        self.worker_id = worker_id

    @property
    def attached(self) -> Attached:
        """The attached storage it reads (its ``slot`` is never reused by the server)."""
        return self._attached

    def column(self, key: str) -> Column:
        """One series (a read_series key).

        A summary statistic that is absent at a report whose tensor held non-finite values (every
        element NaN/Inf: no finite value to take a mean of) is NaN there, not a gap: the charts
        mark it as the score's NaN is marked. Absent stays absent where the tensor was finite
        (the statistic was switched off, or ``stdev`` of a single value).
        """
        column = self._cache.column(self._attached, self.session_id, self.worker_id, key)
        if column.absent is None or not key.endswith(_UNDEFINED_BY_NONFINITE):
            return column
        base = key.rpartition("/")[0]
        if base.partition("/")[0] not in SUMMARY_KINDS:
            return column
        counts = self._cache.column(self._attached, self.session_id, self.worker_id, f"{base}/nonfinite_count")
        return nonfinite_where_absent(column, counts)

    def prefetch(self, keys: Collection[str]) -> None:
        """Reads the series of ``keys`` not cached yet at once (see :meth:`Cache.prefetch`), before :meth:`column`."""
        self._cache.prefetch(self._attached, self.session_id, self.worker_id, keys)

    def value(self, name: Any, kinds: Collection[EventKind], load: Callable[[], T]) -> T:
        """A value of this worker, loaded again after an event of one of ``kinds``."""
        return self._cache.value(self._attached, self.session_id, self.worker_id, name, kinds, load)

    def response(self, name: Any, build: Callable[[], T]) -> T:
        """A whole response of this worker, built again after any event of it."""
        return self.value(("response", name), ALL_KINDS, build)

    def static_info(self) -> StaticInfo | None:
        """The worker's StaticInfo, if it sent one."""
        storage = self._attached.storage
        return self.value("static", _STATIC_INFO, lambda: storage.get_static_info(self.session_id, self.worker_id))

    def latest(self) -> StatsReport | None:
        """The worker's latest report."""
        storage = self._attached.storage
        return self.value("latest", _UPDATE, lambda: storage.get_latest_update(self.session_id, self.worker_id))

    def num_reports(self) -> int:
        """How many reports the worker stored."""
        storage = self._attached.storage
        return self.value("count", _UPDATE, lambda: storage.count_updates(self.session_id, self.worker_id))

    def summary_names(self) -> dict[str, list[str]]:
        """Per summary kind, every name any stored report of the worker holds (not only the latest)."""
        storage = self._attached.storage
        return self.value("summary_names", _UPDATE, lambda: storage.summary_names(self.session_id, self.worker_id))

    def first_nonfinite(self) -> FirstNonFinite | None:
        """Where the worker's first non-finite score or summary value was, if anywhere."""
        storage = self._attached.storage
        return self.value("first_nonfinite", _UPDATE, lambda: storage.first_nonfinite(self.session_id, self.worker_id))

    def latest_histogram_iteration(self, kind: str, name: str, end: int) -> int | None:
        """The highest iteration ``<= end`` whose report holds a histogram of ``kind``/``name``."""
        storage = self._attached.storage

        def load() -> int | None:
            return storage.latest_histogram_iteration(self.session_id, self.worker_id, kind, name, end)

        return self.value(("histogram_at", kind, name, end), _UPDATE, load)

    def histograms(
        self, kind: str, name: str, start: int | None, end: int | None, count: int
    ) -> list[tuple[int, Histogram]]:
        """At most ``count`` histograms of ``kind``/``name`` in ``[start, end]``, spread evenly by iteration."""
        storage = self._attached.storage

        def load() -> list[tuple[int, Histogram]]:
            return storage.read_histograms(self.session_id, self.worker_id, kind, name, start, end, count)

        return self.value(("histograms", kind, name, start, end, count), _UPDATE, load)

    def histogram_at(self, kind: str, name: str, iteration: int, after: bool) -> tuple[int, Histogram] | None:
        """The histogram of ``kind``/``name`` at or before ``iteration`` (``after``: the oldest after it).

        Not cached: one seek, and a slider asks for many iterations once each.
        """
        storage = self._attached.storage
        return storage.histogram_at(self.session_id, self.worker_id, kind, name, iteration, after=after)

    def report_at(self, iteration: int) -> StatsReport | None:
        """The worker's report at ``iteration``, if one is stored."""
        storage = self._attached.storage

        def load() -> StatsReport | None:
            return next(iter(storage.iter_updates(self.session_id, self.worker_id, iteration, iteration)), None)

        return self.value(("report", iteration), _UPDATE, load)

    def epochs(self) -> list[EpochRecord]:
        """The worker's epoch ends."""
        storage = self._attached.storage
        return self.value("epochs", _EPOCH, lambda: storage.read_epochs(self.session_id, self.worker_id))

    def metric_names(self) -> list[str]:
        """The names of the worker's user metrics, in order of first appearance."""
        storage = self._attached.storage

        def load() -> list[str]:
            names: dict[str, None] = {}
            for record in storage.read_metrics(self.session_id, self.worker_id):
                names.update(dict.fromkeys(record.values))
            return list(names)

        return self.value("metric_names", _METRICS, load)
