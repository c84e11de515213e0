"""The findings of the automatic diagnostics, kept in a fitscope file by the storage that writes it.

A :class:`FindingsKeeper` runs a :class:`~fitscope.diagnostics.Diagnoser` per stream on the
reports its :class:`~fitscope.storage.FileStatsStorage` stores, inside the transaction that
stores them, so a stream's findings in the file are those of its reports up to
``diagnosed.through``. Two tables (added within schema version 3):

* ``findings(id, stream, key, json)``: a stream's findings in the order they were made (``key``
  is that position), each as :func:`finding_to_stored` writes it (the JSON of ``fitscope
  diagnose --json`` plus ``translations``);
* ``diagnosed(stream, through, rules)``: the last report iteration the findings cover, and the
  rules and thresholds that made them (:func:`rules_text`).

A stream the keeper has no state for yet (the first write of a storage to an existing run), or
one whose report arrives out of order (an earlier iteration, a replaced report, a new static
info), is diagnosed again from its stored reports by a background thread, which then catches up
with what was stored meanwhile under the storage's write lock; writes never wait for it. A
reader knows the stored findings are current when ``through`` is the stream's last report and
``rules`` matches its own (see :func:`read_stored`).
"""

from __future__ import annotations

import dataclasses
import json
import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final, NamedTuple

from fitscope.diagnostics.engine import Diagnoser
from fitscope.diagnostics.findings import DiagnosticsConfig, Finding
from fitscope.encoding import decode_float
from fitscope.records import StaticInfo, StatsReport
from fitscope.storage._sqlite_reads import I64_MAX, I64_MIN

__all__ = ["RULES_VERSION", "FindingsKeeper", "StoredFindings", "finding_from_stored", "read_stored", "rules_text"]

_log = logging.getLogger("fitscope.storage")

#: Bumped when the rules change what they find: stored findings of other rules are not current.
RULES_VERSION: Final = 2
_NONFINITE_TEXT: Final = frozenset({"NaN", "Infinity", "-Infinity"})
# A rebuild pauses this long after every so many reports: it shares the interpreter (the GIL)
# with the training loop and a server in the same process, so it takes at most about half.
_YIELD_EVERY: Final = 32
_YIELD_S: Final = 0.005


class StoredFindings(NamedTuple):
    """A stream's findings as the file holds them.

    Attributes:
        findings: In the order they were made.
        through: The last report iteration they cover.
        rules: The rules and thresholds that made them (:func:`rules_text`).
    """

    findings: list[Finding]
    through: int
    rules: str


def rules_text(config: DiagnosticsConfig) -> str:
    """The rules version and every threshold, as one canonical JSON text."""
    return json.dumps({"rules": RULES_VERSION, "config": dataclasses.asdict(config)}, sort_keys=True)


def finding_to_stored(finding: Finding) -> str:
    """A finding's stored JSON text: its ``to_json()`` (English) plus every translation."""
    return json.dumps({**finding.to_json(), "translations": finding.translations}, allow_nan=False)


def _decoded(value: Any) -> Any:
    if isinstance(value, str) and value in _NONFINITE_TEXT:
        return decode_float(value)
    if isinstance(value, dict):
        return {k: _decoded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decoded(v) for v in value]
    return value


def finding_from_stored(text: str) -> Finding:
    """The finding :func:`finding_to_stored` wrote.

    Raises:
        ValueError: ``text`` is not what it writes (KeyError and TypeError included as ValueError).
    """
    try:
        d = json.loads(text)
        return Finding(
            rule=str(d["rule"]),
            category=d["category"],
            severity=d["severity"],
            first_iteration=int(d["first_iteration"]),
            last_iteration=int(d["last_iteration"]),
            noticed_iteration=int(d["noticed_iteration"]),
            message=str(d["message"]),
            advice=str(d["advice"]),
            layer=d["layer"],
            parameter=d["parameter"],
            evidence=_decoded(d["evidence"]),
            translations={str(k): dict(v) for k, v in d.get("translations", {}).items()},
        )
    except (KeyError, TypeError, AttributeError, json.JSONDecodeError) as exc:
        raise ValueError(f"a stored finding is not as fitscope writes it ({exc})") from None


def read_stored(conn: sqlite3.Connection, stream: int) -> StoredFindings | None:
    """The findings stored for ``stream``, or None when the file holds none (or predates them).

    Raises:
        ValueError: A stored finding is damaged.
    """
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'diagnosed'").fetchone():
        return None
    row = conn.execute("SELECT through, rules FROM diagnosed WHERE stream = ?", (stream,)).fetchone()
    if row is None:
        return None
    found = conn.execute("SELECT json FROM findings WHERE stream = ? ORDER BY CAST(key AS INTEGER)", (stream,))
    return StoredFindings([finding_from_stored(r[0]) for r in found], int(row[0]), str(row[1]))


def _write(conn: sqlite3.Connection, stream: int, diagnoser: Diagnoser, through: int, rules: str) -> None:
    conn.execute("DELETE FROM findings WHERE stream = ?", (stream,))
    conn.executemany(
        "INSERT INTO findings (stream, key, json) VALUES (?, ?, ?)",
        [(stream, str(i), finding_to_stored(f)) for i, f in enumerate(diagnoser.findings)],
    )
    conn.execute("INSERT OR REPLACE INTO diagnosed (stream, through, rules) VALUES (?, ?, ?)", (stream, through, rules))


def _in_order(through: int | None, batch: list[StatsReport]) -> bool:
    """Whether ``batch`` continues a stream diagnosed up to ``through``, iterations increasing."""
    last = through
    for r in batch:
        if last is not None and r.iteration <= last:
            return False
        last = r.iteration
    return True


@dataclasses.dataclass
class _Stream:
    diagnoser: Diagnoser
    through: int | None
    written: list[Finding] | None = None


class FindingsKeeper:
    """Keeps the findings of the streams one storage writes (see the module's docstring).

    Args:
        config: The rules' thresholds.
        load: ``load(stream, start)``: the stream's static info and its stored reports from
            iteration ``start`` (None: all), read from committed data.
        write: ``write(body)``: runs ``body(conn)`` in a write transaction under the storage's
            write lock; returns False (running nothing) once the storage is closed.
    """

    def __init__(
        self,
        config: DiagnosticsConfig,
        load: Callable[[int, int | None], tuple[StaticInfo | None, Iterable[StatsReport]]],
        write: Callable[[Callable[[sqlite3.Connection], None]], bool],
    ) -> None:
        self.config = config
        self.rules = rules_text(config)
        self._load = load
        self._write = write
        self._streams: dict[int, _Stream] = {}
        self._stale: set[int] = set()
        # streams being rebuilt -> the earliest iteration stored for them meanwhile
        self._rebuilding: dict[int, int] = {}
        self._lock = threading.Lock()  # guards _stale, _rebuilding and _thread
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()

    def within(self, conn: sqlite3.Connection, reports: Mapping[int, list[StatsReport]], static: Iterable[int]) -> None:
        """Observes a transaction's reports (per stream, in the order stored) before it commits."""
        stale = set(static)
        with self._lock:
            for stream, batch in reports.items():
                if stream in self._rebuilding:  # its rebuild reads these; an earlier one spoils it
                    first = min(r.iteration for r in batch)
                    self._rebuilding[stream] = min(self._rebuilding[stream], first)
            for stream in stale & self._rebuilding.keys():
                self._rebuilding[stream] = I64_MIN
            skip = self._rebuilding.keys() | self._stale
        for stream, batch in reports.items():
            state = self._streams.get(stream)
            if stream in skip:
                continue
            if state is None or stream in stale or not _in_order(state.through, batch):
                stale.add(stream)
                continue
            try:
                for r in batch:
                    state.diagnoser.observe(r)
            except Exception:  # a rule's bug must never lose a report
                _log.exception("fitscope: the diagnostics failed on stream %d; its findings are rebuilt", stream)
                stale.add(stream)
                continue
            state.through = batch[-1].iteration
            self._store(conn, stream, state)
        for stream in stale:
            self._streams.pop(stream, None)
        if stale:
            with self._lock:
                self._stale |= stale - self._rebuilding.keys()

    def rolled_back(self, streams: Iterable[int]) -> None:
        """The transaction :meth:`within` observed did not commit: those streams start over."""
        with self._lock:
            for stream in streams:
                if self._streams.pop(stream, None) is not None:
                    self._stale.add(stream)

    def committed(self) -> None:
        """After a commit: starts the background rebuild of stale streams, if any."""
        with self._lock:
            if self._stale and (self._thread is None or not self._thread.is_alive()) and not self._stop.is_set():
                self._thread = threading.Thread(target=self._rebuild_all, name="fitscope-findings", daemon=True)
                self._thread.start()

    def wait_idle(self, timeout: float) -> bool:
        """Waits up to ``timeout`` s for the background rebuilds to end; True when none is left."""
        with self._lock:
            thread = self._thread
        if thread is not None:
            thread.join(timeout)
        with self._lock:
            return self._thread is None and not self._stale

    def close(self, timeout: float = 10.0) -> None:
        """Lets a background rebuild finish for up to ``timeout`` s, then stops it (a stream it did
        not finish keeps the findings stored before, which say how far they go)."""
        with self._lock:
            thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)
        self._stop.set()
        if thread is not None and thread is not threading.current_thread():
            thread.join(1.0)

    def _store(self, conn: sqlite3.Connection, stream: int, state: _Stream) -> None:
        if state.through is None:
            return
        findings = state.diagnoser.findings
        if findings != state.written:
            _write(conn, stream, state.diagnoser, state.through, self.rules)
            state.written = findings
        else:
            conn.execute("UPDATE diagnosed SET through = ? WHERE stream = ?", (state.through, stream))

    def _rebuild_all(self) -> None:
        while not self._stop.is_set():
            with self._lock:
                if not self._stale:
                    self._thread = None
                    return
                stream = min(self._stale)
                self._stale.discard(stream)
                self._rebuilding[stream] = I64_MAX
            try:
                self._rebuild(stream)
            except Exception:
                if not self._stop.is_set():  # a closing storage stops its reads: not an error
                    _log.exception(
                        "fitscope: could not diagnose stream %d again; its stored findings may be behind", stream
                    )
            finally:
                with self._lock:
                    self._rebuilding.pop(stream, None)

    def _rebuild(self, stream: int) -> None:
        """Diagnoses ``stream`` from its stored reports, then catches up under the write lock."""
        static, reports = self._load(stream, None)
        state = _Stream(Diagnoser(self.config, static), None)
        for n, r in enumerate(reports, 1):  # without the write lock: writes go on meanwhile
            if self._stop.is_set():
                return
            state.diagnoser.observe(r)
            state.through = r.iteration
            if n % _YIELD_EVERY == 0:
                time.sleep(_YIELD_S)  # a long run: leave the interpreter to the training and the server

        def catch_up(conn: sqlite3.Connection) -> None:
            with self._lock:
                earliest = self._rebuilding.get(stream, I64_MIN)
                if state.through is not None and earliest <= state.through:
                    self._stale.add(stream)  # a report it read was replaced meanwhile: again
                    return
            now_static, newer = self._load(stream, None if state.through is None else state.through + 1)
            if now_static != static:
                with self._lock:
                    self._stale.add(stream)
                return
            for r in newer:
                state.diagnoser.observe(r)
                state.through = r.iteration
            self._store(conn, stream, state)
            self._streams[stream] = state

        self._write(catch_up)
