"""Finding the session and worker a request asks for, and reading them through the cache.

``session`` and ``worker`` are request parameters. Without ``session`` the newest session is
shown (latest start, as the original chose); without ``worker`` its first worker (sorted).
A session id held by two attached storages is read from the one attached first.

Finding a session costs two small queries (session ids, worker ids), cached until the next event;
no per-session summary (a count over every report) is computed for it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any, Final, TypeVar

from fitscope.errors import FitscopeError, UnknownSessionError
from fitscope.records import SUMMARY_KINDS, EpochRecord, StaticInfo, StatsReport
from fitscope.server.cache import ALL_KINDS, Cache
from fitscope.server.columns import Column, nonfinite_where_absent
from fitscope.server.errors import ApiError
from fitscope.server.storages import Attached, StorageSet
from fitscope.storage.base import EventKind, FirstNonFinite, SessionInfo

__all__ = ["Reader", "SessionEntry", "find", "session_entries"]

_log = logging.getLogger("fitscope.server")

T = TypeVar("T")

#: Summary statistics over the finite values: undefined (absent) when no value is finite.
_UNDEFINED_BY_NONFINITE: Final = ("/mean", "/stdev", "/mean_magnitude", "/min", "/max", "/sum", "/sum_squares")
_STATIC_INFO: Final[frozenset[EventKind]] = frozenset({"static_info"})
_UPDATE: Final[frozenset[EventKind]] = frozenset({"update"})
_EPOCH: Final[frozenset[EventKind]] = frozenset({"epoch"})
_METRICS: Final[frozenset[EventKind]] = frozenset({"metrics"})


@dataclass(frozen=True, slots=True)
class SessionEntry:
    """One session, as the sessions route lists it.

    Attributes:
        attached: The storage its views read (the first attached one holding it).
        session_id: The session.
        info: Its summary; None when reading it failed (see ``error``).
        error: Why the session cannot be read (a damaged file), else None.
        holders: Every attached storage holding the session, in attach order (``attached`` first).
    """

    attached: Attached
    session_id: str
    info: SessionInfo | None
    error: FitscopeError | None
    holders: tuple[Attached, ...]


def session_entries(storages: StorageSet, cache: Cache) -> list[SessionEntry]:
    """Every session of every attached storage with its summary, in storage order (for the sessions route).

    A session whose summary cannot be read (a damaged row) is listed with its error; the others
    are not affected.
    """

    def load() -> list[SessionEntry]:
        holders: dict[str, list[Attached]] = {}
        for attached, session_id in _all_session_ids(storages, cache):
            holders.setdefault(session_id, []).append(attached)
        out: list[SessionEntry] = []
        for session_id, found in holders.items():
            attached = found[0]
            try:
                info: SessionInfo | None = attached.storage.session_info(session_id)
                error: FitscopeError | None = None
            except UnknownSessionError:  # listed, then gone: not a session any more
                continue
            except FitscopeError as exc:
                info, error = None, exc
            out.append(SessionEntry(attached, session_id, info, error, tuple(found)))
        return out

    return cache.global_value("session_entries", load)


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


def _session_ids(storages: StorageSet, cache: Cache) -> list[tuple[Attached, str]]:
    """(storage, session id) of every session, oldest first; the first storage holding an id wins."""

    def load() -> list[tuple[Attached, str]]:
        seen: set[str] = set()
        out: list[tuple[Attached, str]] = []
        for attached, session_id in _all_session_ids(storages, cache):
            if session_id not in seen:
                seen.add(session_id)
                out.append((attached, session_id))
        return out

    return cache.global_value("session_ids", load)


def _workers(cache: Cache, attached: Attached, session_id: str) -> tuple[str, ...]:
    def load() -> tuple[str, ...]:
        try:
            return tuple(attached.storage.list_workers(session_id))
        except UnknownSessionError:
            return ()

    return cache.global_value(("workers", attached.slot, session_id), load)


def _start_ms(cache: Cache, attached: Attached, session_id: str) -> int:
    """When a session started: its workers' earliest StaticInfo (else its latest report; -1 if neither)."""
    try:
        starts = [
            static.timestamp_ms
            for worker in _workers(cache, attached, session_id)
            if (static := Reader(cache, attached, session_id, worker).static_info()) is not None
        ]
        if starts:
            return min(starts)
        info = attached.storage.session_info(session_id)
    except FitscopeError:  # unknown by now, or damaged: never the default while another can be shown
        return -1
    return info.last_update_ms if info.last_update_ms is not None else -1


def _readable(cache: Cache, attached: Attached, session_id: str) -> bool:
    """False when the latest report of one of the session's workers cannot be read (a damaged file)."""
    try:
        for worker in _workers(cache, attached, session_id):
            Reader(cache, attached, session_id, worker).latest()
    except FitscopeError:
        return False
    return True


def find(storages: StorageSet, cache: Cache, session_id: str | None, worker_id: str | None) -> Reader:
    """The reader of the requested (or default) session and worker.

    The default session is the readable one that started last (ties: the one listed last).

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
        attached, session_id = max(
            enumerate(sessions),
            key=lambda item: (_readable(cache, *item[1]), _start_ms(cache, item[1][0], item[1][1]), item[0]),
        )[1]
    else:
        found = next((a for a, s in sessions if s == session_id), None)
        if found is None:
            raise ApiError(404, "unknown_session", f"Session {session_id!r} is not in any attached storage.")
        attached = found
    workers = _workers(cache, attached, session_id)
    if worker_id is None:
        if not workers:
            raise ApiError(404, "unknown_worker", f"Session {session_id!r} has no worker yet.")
        worker_id = workers[0]
    elif worker_id not in workers:
        raise ApiError(
            404,
            "unknown_worker",
            f"Worker {worker_id!r} is not in session {session_id!r}; its workers are: {', '.join(workers)}.",
        )
    return Reader(cache, attached, session_id, worker_id)


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
