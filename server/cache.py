"""Caches that the storage events keep true: series columns, small values and whole responses.

Reading a long run is the expensive part of a request (one SQLite range scan per series), and
a live run only ever adds a little at the end. So a cached column remembers the number of the
last event it had seen; on the next use the events of its stream since then say what changed:

* nothing relevant (no report for a report series, no metrics for a metric): used as it is;
* in an append-only storage, events of iterations past its end, or of iterations it holds
  (a record announced after the read that saw it, or a rewrite): the tail from there is read
  again and spliced on (see :meth:`Cache._tail_start`);
* anything else (a storage that thins, events dropped from the log): read again whole.

The event number is taken *before* reading, so a record committed during the read is seen
again at the next use rather than missed. Columns are kept in LRU order within a byte budget;
values (static info, the latest report, encoded responses) in LRU order within a count.

A view that needs many columns names them first (:meth:`Cache.prefetch`): those not cached yet
are read in one storage call where the storage can (a FileStatsStorage reads them in file
order, straight into arrays), which is what makes the first request of a long run fast.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any, Final, TypeVar

from fitscope.server.columns import ArraySeriesReader, Column, read_column, read_columns, splice
from fitscope.server.events import EventLog, StreamKey
from fitscope.server.storages import Attached
from fitscope.storage.base import EventKind

__all__ = ["ALL_KINDS", "DEFAULT_CACHE_BYTES", "Cache"]

T = TypeVar("T")

DEFAULT_CACHE_BYTES: Final = 512 * 2**20
_MAX_VALUES: Final = 2048
ALL_KINDS: Final[frozenset[EventKind]] = frozenset({"static_info", "update", "metrics", "epoch"})
_UPDATE: Final[frozenset[EventKind]] = frozenset({"update"})
_METRICS: Final[frozenset[EventKind]] = frozenset({"metrics"})


@dataclass(slots=True)
class _Entry:
    value: Any
    mark: int
    nbytes: int = 0


def _kinds_of(key: str) -> frozenset[EventKind]:
    return _METRICS if key.startswith("metrics/") else _UPDATE


class Cache:
    """Series columns and values of the attached storages, kept true by their events.

    Args:
        log: The event log the attached storages feed.
        max_bytes: Memory budget of the cached columns.
    """

    def __init__(self, log: EventLog, max_bytes: int = DEFAULT_CACHE_BYTES) -> None:
        self._log = log
        self._max_bytes = max_bytes
        self._lock = threading.Lock()
        self._columns: OrderedDict[tuple[StreamKey, str], _Entry] = OrderedDict()
        self._values: OrderedDict[tuple[StreamKey | None, Any], _Entry] = OrderedDict()
        self._flights: dict[tuple[StreamKey, str], threading.Lock] = {}
        self._bytes = 0

    @property
    def column_bytes(self) -> int:
        """Memory held by the cached columns."""
        with self._lock:
            return self._bytes

    def column(self, attached: Attached, session_id: str, worker_id: str, key: str) -> Column:
        """One series of a worker (a :meth:`~fitscope.storage.base.StatsStorage.read_series` key).

        Requests needing the same column at once read it once: the others wait for that read.
        """
        stream: StreamKey = (attached.slot, session_id, worker_id)
        with self._lock:
            flight = self._flights.setdefault((stream, key), threading.Lock())
        with flight:
            return self._column(attached, stream, key)

    def prefetch(self, attached: Attached, session_id: str, worker_id: str, keys: Collection[str]) -> None:
        """Reads the columns of ``keys`` that are not cached yet, all at once, where the storage can.

        A storage reading many series at once (:class:`~fitscope.server.columns.ArraySeriesReader`)
        reads them in one pass in file order: several times faster than one by one when the
        file is not in the OS page cache (the first request of a long run). Columns already
        cached are left to :meth:`column`, which brings them up to date; so is everything when
        the storage cannot read many series at once.
        """
        storage = attached.storage
        if not isinstance(storage, ArraySeriesReader):
            return
        stream: StreamKey = (attached.slot, session_id, worker_id)
        with self._lock:
            missing = [key for key in dict.fromkeys(keys) if (stream, key) not in self._columns]
        if len(missing) < 2:
            return
        mark = self._log.last_number  # before reading, as in _column
        for key, column in zip(missing, read_columns(storage, session_id, worker_id, missing), strict=True):
            self._store_column(stream, key, column, mark)

    def _column(self, attached: Attached, stream: StreamKey, key: str) -> Column:
        _, session_id, worker_id = stream
        with self._lock:
            entry = self._columns.get((stream, key))
            if entry is not None:
                self._columns.move_to_end((stream, key))
        mark = self._log.last_number
        storage = attached.storage
        if entry is not None:
            events = self._log.stream_since(stream, entry.mark)
            if events is not None:
                cached: Column = entry.value
                iterations = [e.iteration for e in events if e.kind in _kinds_of(key) and e.iteration is not None]
                if not iterations:
                    entry.mark = max(entry.mark, mark)
                    return cached
                start = self._tail_start(attached, stream, key, cached.last_iteration, min(iterations))
                if start is not None:
                    tail = read_column(storage, session_id, worker_id, key, start=start)
                    column = splice(cached, tail, start)
                    self._store_column(stream, key, column, mark)
                    return column
        column = read_column(storage, session_id, worker_id, key)
        self._store_column(stream, key, column, mark)
        return column

    def _tail_start(self, attached: Attached, stream: StreamKey, key: str, last: int | None, first: int) -> int | None:
        """Where to re-read a cached column from after events from iteration ``first`` on; None: whole.

        Past the column's end, the new points are read. At or before it, either a record already
        read is announced late (its event comes after the read saw it: common while training
        writes) or a stored iteration was rewritten (rare); both re-read from that iteration.
        A report rewrites the scores of its whole window, which starts after the previous
        report: that one is looked up among the logged events.
        """
        if not attached.append_only or last is None:
            return None
        if first > last:
            return last + 1
        if key != "score" or first == last:
            return first
        previous = self._log.previous_update(stream, first)
        return None if previous is None else previous + 1

    def value(
        self,
        attached: Attached,
        session_id: str,
        worker_id: str,
        name: Any,
        kinds: Collection[EventKind],
        load: Callable[[], T],
    ) -> T:
        """A value of one worker, loaded again after an event of one of ``kinds`` for it.

        Args:
            attached: The storage.
            session_id: The session.
            worker_id: The worker.
            name: What the value is (any hashable, unique per kind of value).
            kinds: The event kinds that change it.
            load: Loads it (blocking).
        """
        stream: StreamKey = (attached.slot, session_id, worker_id)
        with self._lock:
            entry = self._values.get((stream, name))
            if entry is not None:
                self._values.move_to_end((stream, name))
        mark = self._log.last_number
        if entry is not None:
            events = self._log.stream_since(stream, entry.mark)
            if events is not None and not any(e.kind in kinds for e in events):
                entry.mark = max(entry.mark, mark)
                found: T = entry.value
                return found
        value = load()
        self._store_value((stream, name), value, mark)
        return value

    def global_value(self, name: Any, load: Callable[[], T]) -> T:
        """A value depending on every attached storage: loaded again after any event, attach or detach."""
        generation = self._log.generation
        with self._lock:
            entry = self._values.get((None, name))
        if entry is not None and entry.mark == generation:
            found: T = entry.value
            return found
        value = load()
        self._store_value((None, name), value, generation)
        return value

    def _store_column(self, stream: StreamKey, key: str, column: Column, mark: int) -> None:
        with self._lock:
            old = self._columns.pop((stream, key), None)
            if old is not None:
                self._bytes -= old.nbytes
            self._columns[(stream, key)] = _Entry(column, mark, column.nbytes)
            self._bytes += column.nbytes
            while self._bytes > self._max_bytes and len(self._columns) > 1:
                _, evicted = self._columns.popitem(last=False)
                self._bytes -= evicted.nbytes

    def _store_value(self, key: tuple[StreamKey | None, Any], value: Any, mark: int) -> None:
        with self._lock:
            self._values.pop(key, None)
            self._values[key] = _Entry(value, mark)
            while len(self._values) > _MAX_VALUES:
                self._values.popitem(last=False)
