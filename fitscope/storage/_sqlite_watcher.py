"""The thread that turns commits to a fitscope file into StorageEvents, from any process.

It polls ``PRAGMA data_version`` on its own connection (the value changes whenever another
connection, in this process or another, commits). On a change it reads the rows whose id is
larger than the largest it saw in each followed table: the ids of those tables only grow (see
:mod:`fitscope.storage._sqlite_schema`), and SQLite serialises writers, so a row committed later
always has a larger id than every row committed before it.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable
from typing import Final

from fitscope.storage._sqlite_schema import EVENT_TABLES, Reader
from fitscope.storage.base import EventKind, StorageEvent

__all__ = ["POLL_INTERVAL_S", "Watcher"]

_log = logging.getLogger("fitscope.storage")

#: How often the watcher looks at ``PRAGMA data_version``.
POLL_INTERVAL_S: Final = 0.05


class Watcher:
    """Follows a fitscope file on a daemon thread and calls ``emit`` for each new record.

    The starting point is taken in the constructor: records committed after it returns are
    delivered, earlier ones are not.

    Args:
        connect: Opens the watcher's own read-only connection.
        emit: Called on the watcher thread with each event, in commit order per table.
        interval: Seconds between two looks at ``PRAGMA data_version``.
    """

    def __init__(
        self,
        connect: Callable[[], Reader],
        emit: Callable[[StorageEvent], None],
        interval: float = POLL_INTERVAL_S,
    ) -> None:
        self._reader = connect()
        self._conn = self._reader.connection
        self._emit = emit
        self._interval = interval
        self._streams: dict[int, tuple[str, str]] = {}
        self._stop = threading.Event()
        try:
            self._version = self._data_version()
            self._last = {table: self._max_id(table) for _, table, _ in EVENT_TABLES}
        except sqlite3.Error:
            self._reader.close()
            raise
        self._thread = threading.Thread(target=self._run, name="fitscope-sqlite-watcher", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stops the thread (waiting for it unless called from it). Idempotent."""
        self._stop.set()
        if self._thread is not threading.current_thread():
            self._thread.join(timeout=5.0)

    def _data_version(self) -> int:
        row = self._conn.execute("PRAGMA data_version").fetchone()
        return int(row[0])

    def _max_id(self, table: str) -> int:
        row = self._conn.execute(f"SELECT max(id) FROM {table}").fetchone()
        return int(row[0] or 0)

    def _run(self) -> None:
        failing = False
        try:
            while not self._stop.wait(self._interval):
                try:
                    self._poll()
                    failing = False
                except sqlite3.Error as exc:
                    if not failing:  # one line per outage, not one every poll
                        _log.warning("The fitscope file watcher could not read new records: %s", exc)
                    failing = True
        finally:
            self._reader.close()

    def _stream(self, stream_id: int) -> tuple[str, str]:
        key = self._streams.get(stream_id)
        if key is None:
            row = self._conn.execute("SELECT session_id, worker_id FROM streams WHERE id = ?", (stream_id,)).fetchone()
            key = (str(row[0]), str(row[1])) if row else ("", "")
            self._streams[stream_id] = key
        return key

    def _poll(self) -> None:
        conn = self._reader.fresh()  # an immutable connection is reopened once the file changed
        reopened = conn is not self._conn
        self._conn = conn
        version = self._data_version()
        if version == self._version and not reopened:
            return
        self._version = version
        for kind, table, iteration in EVENT_TABLES:
            rows = self._conn.execute(
                f"SELECT id, stream, {iteration} FROM {table} WHERE id > ? ORDER BY id", (self._last[table],)
            ).fetchall()
            if not rows:
                continue
            self._last[table] = rows[-1][0]
            self._deliver(kind, rows)

    def _deliver(self, kind: EventKind, rows: list[tuple[int, int, int | None]]) -> None:
        previous: tuple[int, int | None] | None = None
        for _, stream_id, iteration in rows:
            if kind == "metrics" and previous == (stream_id, iteration):
                continue  # one put_metrics writes one row per metric name
            previous = (stream_id, iteration)
            if self._stop.is_set():
                return
            session_id, worker_id = self._stream(stream_id)
            self._emit(StorageEvent(kind, session_id, worker_id, iteration))
