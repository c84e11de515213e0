"""FileStatsStorage: fitscope's embedded default, one SQLite file that other processes can read live.

Every put is its own committed transaction (WAL journal, ``synchronous=NORMAL``): a writer that
is killed loses nothing it already put, and readers in other processes see each report as soon
as it is committed. The layout is described in :mod:`fitscope.storage._sqlite_schema`.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import struct
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Final

from fitscope.diagnostics.findings import DiagnosticsConfig
from fitscope.errors import (
    CorruptFileError,
    NotAFitscopeFileError,
    RecordError,
    StorageClosedError,
    StorageError,
    StorageFileError,
    UnknownSessionError,
)
from fitscope.record_json import from_json_dict
from fitscope.records import (
    SUMMARY_KINDS,
    EpochRecord,
    Histogram,
    MetricsRecord,
    Record,
    StaticInfo,
    StatsReport,
)
from fitscope.storage import _sqlite_checks as check
from fitscope.storage import _sqlite_rows as rows
from fitscope.storage._sqlite_blocks import blocked, holds_floats
from fitscope.storage._sqlite_findings import FindingsKeeper, StoredFindings, read_stored
from fitscope.storage._sqlite_histograms import histogram_near, histograms_over
from fitscope.storage._sqlite_reads import (
    I64_MAX,
    I64_MIN,
    SeriesArrays,
    empty_arrays,
    load_reports,
    metrics_from_rows,
    read_arrays,
    series_from_arrays,
    series_from_rows,
    series_query,
)
from fitscope.storage._sqlite_schema import (
    SCORE_NONFINITE,
    SUMMARY_NONFINITE,
    UNIT_STAT_COLUMNS,
    Reader,
    connect_writer,
    database_error,
    has_score_times,
    has_unit_stats,
    schema_version,
    validate_file,
)
from fitscope.storage._sqlite_watcher import Watcher
from fitscope.storage._sqlite_writes import Transaction
from fitscope.storage._subscribers import Subscribers, SubscriptionHandle
from fitscope.storage.base import (
    FirstNonFinite,
    Series,
    SeriesKey,
    SessionInfo,
    StorageEvent,
    nonfinite_name,
    parse_series_key,
)

__all__ = ["FileStatsStorage", "SeriesArrays"]

_CHUNK: Final = 128  # reports per query while iterating
#: What decoding a row fitscope did not write can raise, besides check.Damaged: turned into CorruptFileError.
_DECODE_ERRORS: Final = (
    TypeError,
    ValueError,
    KeyError,
    IndexError,
    AttributeError,
    OverflowError,
    RecursionError,
    UnicodeError,
    struct.error,
)


class FileStatsStorage:
    """A :class:`~fitscope.storage.base.StatsStorage` in one SQLite file.

    Several sessions and workers share a file; reopening it appends. Thread-safe: one write
    connection behind a lock, one read connection behind another. :meth:`subscribe` also
    reports records that other processes write to the same file.

    Args:
        path: The file. Missing or empty: created (with its parent directories).
        read_only: Open with ``mode=ro``; nothing is ever written and puts raise StorageError.
        diagnostics: A writer runs the automatic diagnostics on the reports it stores and keeps
            their findings in the file (:meth:`stored_findings`, docs/diagnostics.md): True (the
            guide's thresholds), a :class:`~fitscope.diagnostics.DiagnosticsConfig`, or False.

    Raises:
        NotAFitscopeFileError: ``path`` is not SQLite, or SQLite without fitscope's tables.
        SchemaVersionError: ``path`` was written by a newer fitscope.
        CorruptFileError: SQLite reports ``path`` as damaged.
        StorageFileError: ``path`` is a directory, or missing while ``read_only``.

    A file that fails these checks is never modified. Every read checks what it decodes: a row
    that fitscope did not write (a histogram of the wrong length, text where a number belongs,
    JSON that is not as fitscope writes it, a timestamp out of range) raises
    :class:`~fitscope.errors.CorruptFileError` naming the file, the session, worker and iteration;
    reads of other sessions and workers are unaffected.
    """

    def __init__(
        self, path: str | os.PathLike[str], *, read_only: bool = False, diagnostics: bool | DiagnosticsConfig = True
    ) -> None:
        self._path = Path(path)
        self._closed = False
        self._write_lock = threading.Lock()
        self._read_lock = threading.Lock()
        self._watch_lock = threading.Lock()
        self._subscribers = Subscribers(on_empty=self._on_no_subscribers)
        self._watcher: Watcher | None = None
        self._streams: dict[tuple[str, str], int] = {}
        self._stream_keys: dict[int, tuple[str, str]] = {}
        self._name_ids: dict[tuple[str, str], int] = {}
        self._names: dict[int, tuple[str, str]] = {}
        exists = validate_file(self._path)
        if read_only and not exists:
            if self._path.exists():
                raise NotAFitscopeFileError(
                    f"{self._path} is empty: no fitscope writer has created it yet. Open it once a run has "
                    "started writing to it, or open it without read_only to create it.",
                    str(self._path),
                )
            raise StorageFileError(
                f"{self._path} does not exist, so it cannot be opened read-only. Check the path, or open it "
                "without read_only to create it.",
                str(self._path),
            )
        self._writer = None if read_only else connect_writer(self._path)
        reader = None
        try:
            reader = Reader(self._path)
            # What the file keeps in blocks depends on its version (read-only, an older file keeps
            # its version; a writer migrates it): see _sqlite_blocks.blocked.
            self._version = schema_version(reader.connection)
        except BaseException as exc:
            if reader is not None:
                reader.close()
            if self._writer is not None:
                self._writer.close()
            if isinstance(exc, sqlite3.Error):
                raise database_error(exc, self._path, "open for reading") from exc
            raise
        self._reader = reader
        self._score_times = False
        self._unit_stats = False
        self._nonfinite_cache: dict[int, tuple[Any, FirstNonFinite | None]] = {}
        self._session_names: dict[int, str | None] = {}
        self._findings: FindingsKeeper | None = None
        if self._writer is not None and diagnostics is not False:
            config = diagnostics if isinstance(diagnostics, DiagnosticsConfig) else DiagnosticsConfig()
            self._findings = FindingsKeeper(config, self._diagnosis_input, self._write_findings)

    @property
    def closed(self) -> bool:
        """True once :meth:`close` was called; every method then raises StorageClosedError."""
        return self._closed

    @property
    def path(self) -> Path:
        """The file this storage reads and writes."""
        return self._path

    @property
    def read_only(self) -> bool:
        """True when opened with ``read_only=True``: puts raise StorageError."""
        return self._writer is None

    # ------------------------------------------------------------------ writing

    def _write(self, what: str, body: Callable[[Transaction], None]) -> None:
        with self._write_lock:
            if self._closed:
                raise StorageClosedError(f"Cannot {what}: the FileStatsStorage of {self._path} was closed.")
            if self._writer is None:
                raise StorageError(f"Cannot {what}: {self._path} was opened read-only (read_only=True).")
            tx = Transaction(self._writer, self._streams, self._name_ids)
            findings = self._findings
            try:
                self._writer.execute("BEGIN IMMEDIATE")
                body(tx)
                if findings is not None and (tx.reports or tx.static_streams):
                    findings.within(self._writer, tx.reports, tx.static_streams)
                self._writer.execute("COMMIT")
            except BaseException as exc:
                if self._writer.in_transaction:
                    with contextlib.suppress(sqlite3.Error):  # the original error says more
                        self._writer.execute("ROLLBACK")
                if findings is not None:
                    findings.rolled_back(tx.reports)
                if isinstance(exc, sqlite3.Error):
                    raise database_error(exc, self._path, what) from exc
                raise
            tx.publish(self._streams, self._stream_keys, self._name_ids, self._names)
        if findings is not None:
            findings.committed()

    def _write_findings(self, body: Callable[[sqlite3.Connection], None]) -> bool:
        """Runs the findings keeper's ``body`` in a write transaction; False once closed."""
        with self._write_lock:
            if self._closed or self._writer is None:
                return False
            try:
                self._writer.execute("BEGIN IMMEDIATE")
                body(self._writer)
                self._writer.execute("COMMIT")
            except BaseException:
                if self._writer.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        self._writer.execute("ROLLBACK")
                raise
            return True

    def _diagnosis_input(self, stream: int, start: int | None) -> tuple[StaticInfo | None, Iterator[StatsReport]]:
        """A stream's static info and its stored reports from ``start`` (for the findings keeper)."""
        with self._reading() as conn:
            row = conn.execute("SELECT session_id, worker_id FROM streams WHERE id = ?", (stream,)).fetchone()
        if row is None:
            return None, iter(())
        session_id, worker_id = row
        # The rules read no histogram: the reports come without them (a third of the reading).
        reports = self._iter_reports(session_id, worker_id, start, None, histograms=False)
        return self.get_static_info(session_id, worker_id), reports

    def stored_findings(self, session_id: str, worker_id: str) -> StoredFindings | None:
        """The findings the file holds for a worker's run, or None (none stored, or a file from before them).

        They cover its reports up to ``through``, made by the rules and thresholds ``rules``
        (:func:`fitscope.storage._sqlite_findings.rules_text`); a writer keeps them current (see
        docs/diagnostics.md). :func:`fitscope.diagnostics.diagnose` uses them when they are.

        Raises:
            CorruptFileError: A stored finding is damaged.
        """
        with self._reading(session_id, worker_id) as conn:
            stream = self._stream_id(conn, session_id, worker_id)
            if stream is None:
                return None
            try:
                return read_stored(conn, stream)
            except ValueError as exc:
                raise self._damaged(str(exc), session_id, worker_id, None) from None

    def put_static_info(self, info: StaticInfo) -> None:
        """Stores static info; a second put for the same (session, worker) replaces it."""
        self._write("store static info", lambda tx: tx.put_static_info(info))

    def put_update(self, report: StatsReport) -> None:
        """Stores a report, keyed by (session, worker, iteration); an equal key replaces it."""
        self._write("store a report", lambda tx: tx.put_update(report))

    def put_metrics(self, record: MetricsRecord) -> None:
        """Stores user metrics at an iteration; values merge with earlier ones there.

        A record without values stores nothing.
        """
        if record.values:
            self._write("store metrics", lambda tx: tx.put_metrics(record))
        elif self._closed:
            raise StorageClosedError(f"Cannot store metrics: the FileStatsStorage of {self._path} was closed.")

    def put_epoch(self, record: EpochRecord) -> None:
        """Stores the end of an epoch; a second put of the same epoch replaces it."""
        self._write("store an epoch", lambda tx: tx.put_epoch(record))

    def put_batch(self, records: Sequence[Record]) -> None:
        """Stores several records in one transaction: all of them, or none when one fails.

        Each record keeps the meaning of its own put (a report replaces one at the same
        iteration, ...), so storing the same batch twice stores it once: what the remote
        listener relies on when a worker sends a batch again after a lost answer.

        Raises:
            RecordError: A record cannot be stored (nothing of the batch is then).
            TypeError: An element is not a fitscope record.
        """
        for record in records:
            if not isinstance(record, (StaticInfo, StatsReport, MetricsRecord, EpochRecord)):
                raise TypeError(f"put_batch stores fitscope records, not {type(record).__name__}.")

        def body(tx: Transaction) -> None:
            for record in records:
                if isinstance(record, StatsReport):
                    tx.put_update(record)
                elif isinstance(record, StaticInfo):
                    tx.put_static_info(record)
                elif isinstance(record, MetricsRecord):
                    if record.values:
                        tx.put_metrics(record)
                else:
                    tx.put_epoch(record)

        self._write(f"store a batch of {len(records)} records", body)

    # ------------------------------------------------------------------ reading

    @contextmanager
    def _reading(self, session_id: str | None = None, worker_id: str | None = None) -> Iterator[sqlite3.Connection]:
        with self._read_lock:
            if self._closed:
                raise StorageClosedError(f"Cannot read: the FileStatsStorage of {self._path} was closed.")
            try:
                yield self._reader.fresh()
            except sqlite3.Error as exc:
                if "Could not decode to UTF-8" in str(exc):  # text that is no UTF-8: a damaged row
                    raise self._damaged("a text column is not UTF-8", session_id, worker_id, None) from exc
                raise database_error(exc, self._path, "read") from exc
            except check.Damaged as exc:
                raise self._damaged(exc.detail, session_id, worker_id, exc.iteration) from exc
            except _DECODE_ERRORS as exc:
                detail = " ".join(f"{type(exc).__name__}: {exc}".split())
                raise self._damaged(detail[:200], session_id, worker_id, None) from exc

    def _damaged(
        self, detail: str, session_id: str | None, worker_id: str | None, iteration: int | None
    ) -> CorruptFileError:
        where = ""
        if session_id is not None:
            where = f" in session {session_id!r}, worker {worker_id!r}"
            if iteration is not None:
                where += f", iteration {iteration}"
        return CorruptFileError(
            f"{self._path} is damaged{where}: {detail}. fitscope did not modify it; its other sessions "
            "stay readable. Restore it from a backup, or write to a new file.",
            str(self._path),
        )

    def _stream_id(self, conn: sqlite3.Connection, session_id: str, worker_id: str) -> int | None:
        key = (session_id, worker_id)
        stream = self._streams.get(key)
        if stream is None:
            row = conn.execute(
                "SELECT id FROM streams WHERE session_id = ? AND worker_id = ?", (session_id, worker_id)
            ).fetchone()
            if row is None:
                return None
            stream = self._streams[key] = check.integer(row[0], "a stream id")
            self._stream_keys[stream] = key
        return stream

    def _name(self, conn: sqlite3.Connection, name_id: int) -> tuple[str, str]:
        key = self._names.get(name_id)
        if key is None:
            row = conn.execute("SELECT kind, name FROM names WHERE id = ?", (name_id,)).fetchone()
            if row is None:
                raise check.Damaged(f"a summary names the missing name id {name_id!r}")
            key = self._names[name_id] = (check.text(row[0], "a name's kind"), check.text(row[1], "a name"))
            self._name_ids[key] = name_id
        return key

    def _name_id(self, conn: sqlite3.Connection, kind: str, name: str) -> int | None:
        name_id = self._name_ids.get((kind, name))
        if name_id is None:
            row = conn.execute("SELECT id FROM names WHERE kind = ? AND name = ?", (kind, name)).fetchone()
            if row is None:
                return None
            name_id = int(row[0])
            self._name_ids[(kind, name)] = name_id
            self._names[name_id] = (kind, name)
        return name_id

    def list_sessions(self) -> list[str]:
        """Returns the session ids in the order they first appeared in the file."""
        with self._reading() as conn:
            found = conn.execute("SELECT session_id FROM streams GROUP BY session_id ORDER BY min(id)").fetchall()
            return [check.text(r[0], "a session id") for r in found]

    def list_workers(self, session_id: str) -> list[str]:
        """Returns the worker ids of a session, sorted.

        Raises:
            UnknownSessionError: No record of ``session_id`` is in the file.
        """
        with self._reading(session_id) as conn:
            workers = sorted(
                check.text(r[0], "a worker id")
                for r in conn.execute("SELECT worker_id FROM streams WHERE session_id = ?", (session_id,))
            )
        if not workers:
            raise UnknownSessionError(f"Session {session_id!r} is not in {self._path}.")
        return workers

    def session_info(self, session_id: str) -> SessionInfo:
        """Summarises one session.

        Raises:
            UnknownSessionError: No record of ``session_id`` is in the file.
        """
        with self._reading(session_id) as conn:
            found = conn.execute(
                "SELECT s.worker_id, s.last_report_ms, i.timestamp_ms, i.id, "
                "(SELECT count(*) FROM reports r WHERE r.stream = s.id) "
                "FROM streams s LEFT JOIN static_info i ON i.stream = s.id WHERE s.session_id = ?",
                (session_id,),
            ).fetchall()
            if not found:
                raise UnknownSessionError(f"Session {session_id!r} is not in {self._path}.")
            workers = []
            for worker_id, last_ms, start_ms, info_id, count in found:
                worker_id = check.text(worker_id, "a worker id")
                name = None
                if info_id is not None:
                    # Checked once per stored static info (a replaced one gets a new id).
                    if info_id not in self._session_names:
                        doc = conn.execute("SELECT json FROM static_info WHERE id = ?", (info_id,)).fetchone()[0]
                        try:
                            info = self._static_info(doc, session_id, worker_id)
                        except check.Damaged as exc:
                            raise self._damaged(exc.detail, session_id, worker_id, None) from exc
                        self._session_names[info_id] = info.session_name
                    name = self._session_names[info_id]
                last_ms = check.optional_timestamp(last_ms, "the time of the last report")
                start_ms = check.optional_timestamp(start_ms, "the static info's timestamp_ms")
                workers.append((worker_id, last_ms, start_ms, name, check.integer(count, "a report count")))
        workers.sort(key=lambda r: r[0])
        return SessionInfo(
            session_id=session_id,
            workers=tuple(r[0] for r in workers),
            session_name=next((r[3] for r in workers if r[3] is not None), None),
            start_ms=min((r[2] for r in workers if r[2] is not None), default=None),
            last_update_ms=max((r[1] for r in workers if r[1] is not None), default=None),
            num_reports=sum(r[4] for r in workers),
        )

    @staticmethod
    def _static_info(doc: Any, session_id: str, worker_id: str) -> StaticInfo:
        value = check.json_value(doc, "the static info")
        if not isinstance(value, dict):
            raise check.Damaged(f"the static info is {type(value).__name__}, not an object")
        try:
            info = from_json_dict({**value, "record": "static_info", "session_id": session_id, "worker_id": worker_id})
        except RecordError as exc:
            raise check.Damaged(f"the static info is not as fitscope writes it ({exc})") from None
        assert isinstance(info, StaticInfo)
        check.timestamp(info.timestamp_ms, "the static info's timestamp_ms")
        check.check_record(info, "the static info")
        return info

    def get_static_info(self, session_id: str, worker_id: str) -> StaticInfo | None:
        """Returns the StaticInfo of a worker, or None if it never sent one."""
        with self._reading(session_id, worker_id) as conn:
            stream = self._stream_id(conn, session_id, worker_id)
            row = None
            if stream is not None:
                row = conn.execute("SELECT json FROM static_info WHERE stream = ?", (stream,)).fetchone()
            return None if row is None else self._static_info(row[0], session_id, worker_id)

    def _load(
        self,
        conn: sqlite3.Connection,
        stream: int,
        found: list[Any],
        session_id: str,
        worker_id: str,
        histograms: bool = True,
    ) -> list[StatsReport]:
        if not self._score_times:  # a writer may add the column while this storage reads
            self._score_times = has_score_times(conn)
        if not self._unit_stats:
            self._unit_stats = has_unit_stats(conn)
        for r in found:
            check.integer(r[1], "a report's iteration")
        return load_reports(
            conn,
            stream,
            found,
            session_id,
            worker_id,
            lambda name_id: self._name(conn, name_id),
            score_times=self._score_times,
            unit_stats=self._unit_stats,
            histograms=histograms,
        )

    def iter_updates(
        self, session_id: str, worker_id: str, start: int | None = None, end: int | None = None
    ) -> Iterator[StatsReport]:
        """Yields reports in iteration order with ``start <= iteration <= end``, a chunk per query."""
        return self._iter_reports(session_id, worker_id, start, end, histograms=True)

    def _iter_reports(
        self, session_id: str, worker_id: str, start: int | None, end: int | None, *, histograms: bool
    ) -> Iterator[StatsReport]:
        lo = I64_MIN if start is None else start
        hi = I64_MAX if end is None else end
        while lo <= hi:
            with self._reading(session_id, worker_id) as conn:
                stream = self._stream_id(conn, session_id, worker_id)
                if stream is None:
                    return
                found = conn.execute(
                    f"SELECT {rows.REPORT_COLUMNS} FROM reports WHERE stream = ? AND iteration BETWEEN ? AND ? "
                    "ORDER BY iteration LIMIT ?",
                    (stream, lo, hi, _CHUNK),
                ).fetchall()
                chunk = self._load(conn, stream, found, session_id, worker_id, histograms)
            yield from chunk
            if len(found) < _CHUNK:
                return
            lo = found[-1][1] + 1

    def get_latest_update(self, session_id: str, worker_id: str) -> StatsReport | None:
        """Returns the report with the highest iteration, or None."""
        with self._reading(session_id, worker_id) as conn:
            stream = self._stream_id(conn, session_id, worker_id)
            if stream is None:
                return None
            found = conn.execute(
                f"SELECT {rows.REPORT_COLUMNS} FROM reports WHERE stream = ? ORDER BY iteration DESC LIMIT 1", (stream,)
            ).fetchall()
            reports = self._load(conn, stream, found, session_id, worker_id)
        return reports[0] if reports else None

    def count_updates(self, session_id: str, worker_id: str) -> int:
        """Returns the number of stored reports of a worker."""
        with self._reading(session_id, worker_id) as conn:
            stream = self._stream_id(conn, session_id, worker_id)
            if stream is None:
                return 0
            return int(conn.execute("SELECT count(*) FROM reports WHERE stream = ?", (stream,)).fetchone()[0])

    def read_series(
        self, session_id: str, worker_id: str, key: str, start: int | None = None, end: int | None = None
    ) -> Series:
        """Returns one quantity over iterations (see :func:`~fitscope.storage.base.parse_series_key`).

        Each form of key is one indexed query.

        Raises:
            RecordError: ``key`` is not a series key.
        """
        parsed = parse_series_key(key)
        if blocked(parsed, self._version) and holds_floats(parsed):  # else rows: ints stay ints
            return series_from_arrays(self._read_arrays([parsed], session_id, worker_id, start, end)[0])
        with self._reading(session_id, worker_id) as conn:
            stream = self._stream_id(conn, session_id, worker_id)
            if stream is None:
                return Series([], [])
            if not self._unit_stats and parsed.stat in UNIT_STAT_COLUMNS:
                self._unit_stats = has_unit_stats(conn)
            query = series_query(parsed, stream, self._series_name_id(conn, parsed), start, end, self._unit_stats)
            found = [] if query is None else conn.execute(*query).fetchall()
            return series_from_rows(found)

    def read_series_arrays(
        self, session_id: str, worker_id: str, key: str, start: int | None = None, end: int | None = None
    ) -> SeriesArrays:
        """Like :meth:`read_series`, as numpy arrays: no Python object per point.

        The series the pages chart (the score, four statistics of every tensor, the report
        fields) come mostly from blocks of packed values (see ``docs/storage.md``); both forms
        read the same values.

        Raises:
            RecordError: ``key`` is not a series key.
        """
        return self._read_arrays([parse_series_key(key)], session_id, worker_id, start, end)[0]

    def read_many_series_arrays(
        self, session_id: str, worker_id: str, keys: Sequence[str], start: int | None = None, end: int | None = None
    ) -> list[SeriesArrays]:
        """Like :meth:`read_series_arrays` for several keys at once (faster than one by one), in their order.

        The series are read in one transaction (one state of the file) and in the order they lie
        in the file, which matters most when the file is not in the OS page cache yet.

        Raises:
            RecordError: A key is not a series key.
        """
        return self._read_arrays([parse_series_key(k) for k in keys], session_id, worker_id, start, end)

    def _series_name_id(self, conn: sqlite3.Connection, key: SeriesKey) -> int | None:
        if key.source not in ("metric", "summary"):
            return None
        return self._name_id(conn, "metric" if key.source == "metric" else key.kind, key.name)

    def _read_arrays(
        self, keys: list[SeriesKey], session_id: str, worker_id: str, start: int | None, end: int | None
    ) -> list[SeriesArrays]:
        with self._reading(session_id, worker_id) as conn:
            stream = self._stream_id(conn, session_id, worker_id)
            if stream is None:
                return [empty_arrays() for _ in keys]
            name_ids = [self._series_name_id(conn, key) for key in keys]
            return read_arrays(conn, keys, stream, name_ids, start, end, version=self._version)

    def summary_names(self, session_id: str, worker_id: str) -> dict[str, list[str]]:
        """Returns, per summary kind, every name a stored report of the worker holds.

        Kinds in :data:`~fitscope.records.SUMMARY_KINDS` order (then any other kind), names in
        order of first appearance; a kind without names is absent. One index seek per name.
        """
        with self._reading(session_id, worker_id) as conn:
            stream = self._stream_id(conn, session_id, worker_id)
            if stream is None:
                return {}
            found = conn.execute(
                "SELECT n.id, n.kind, n.name, (SELECT min(s.iteration) FROM summaries AS s "
                "WHERE s.name = n.id AND s.stream = ?) FROM names AS n WHERE n.kind <> 'metric'",
                (stream,),
            ).fetchall()
            held = sorted(
                (
                    check.integer(first, "a summary's iteration"),
                    check.integer(name_id, "a name id"),
                    check.text(kind, "a name's kind"),
                    check.text(name, "a name"),
                )
                for name_id, kind, name, first in found
                if first is not None
            )
        by_kind: dict[str, list[str]] = {}
        for _, _, kind, name in held:
            by_kind.setdefault(kind, []).append(name)
        order = [k for k in SUMMARY_KINDS if k in by_kind] + [k for k in by_kind if k not in SUMMARY_KINDS]
        return {kind: by_kind[kind] for kind in order}

    def _tensor_ids(
        self, conn: sqlite3.Connection, session_id: str, worker_id: str, kind: str, name: str
    ) -> tuple[int | None, int | None]:
        """The stream id of a worker and the name id of one of its tensors (None: never stored)."""
        stream = self._stream_id(conn, session_id, worker_id)
        return stream, None if stream is None else self._name_id(conn, kind, name)

    def latest_histogram_iteration(
        self, session_id: str, worker_id: str, kind: str, name: str, end: int | None = None
    ) -> int | None:
        """Returns the highest iteration ``<= end`` whose report holds a histogram of ``kind``/``name``.

        One seek in the histograms' primary key (name, stream, iteration).
        """
        with self._reading(session_id, worker_id) as conn:
            stream, name_id = self._tensor_ids(conn, session_id, worker_id, kind, name)
            if stream is None or name_id is None:
                return None
            row = conn.execute(
                "SELECT max(iteration) FROM histograms WHERE name = ? AND stream = ? AND iteration <= ?",
                (name_id, stream, I64_MAX if end is None else end),
            ).fetchone()
        return None if row is None or row[0] is None else check.integer(row[0], "a histogram's iteration")

    def histogram_at(
        self, session_id: str, worker_id: str, kind: str, name: str, iteration: int, *, after: bool = False
    ) -> tuple[int, Histogram] | None:
        """Returns the newest histogram of ``kind``/``name`` at or before ``iteration`` (``after``:
        the oldest after it); one seek in the histograms' primary key."""
        with self._reading(session_id, worker_id) as conn:
            stream, name_id = self._tensor_ids(conn, session_id, worker_id, kind, name)
            if stream is None or name_id is None:
                return None
            try:
                return histogram_near(conn, stream, name_id, iteration, after)
            except check.Damaged as exc:
                raise self._damaged(f"{kind} {name!r}: {exc.detail}", session_id, worker_id, None) from None

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
        """Returns at most ``max_count`` histograms of ``kind``/``name`` in ``[start, end]``, spread
        evenly by iteration: about one seek each, however long the run (see :mod:`._sqlite_histograms`)."""
        with self._reading(session_id, worker_id) as conn:
            stream, name_id = self._tensor_ids(conn, session_id, worker_id, kind, name)
            if stream is None or name_id is None:
                return []
            lo, hi = I64_MIN if start is None else start, I64_MAX if end is None else end
            try:
                return histograms_over(conn, stream, name_id, lo, hi, max_count)
            except check.Damaged as exc:
                raise self._damaged(f"{kind} {name!r}: {exc.detail}", session_id, worker_id, None) from None

    def first_nonfinite(self, session_id: str, worker_id: str) -> FirstNonFinite | None:
        """Returns where the worker's first non-finite score or summary value was, or None.

        Two lookups in partial indexes of the non-finite rows (a file from before those indexes,
        opened read-only, is scanned instead; the answer is kept until the next report).
        """
        with self._reading(session_id, worker_id) as conn:
            stream = self._stream_id(conn, session_id, worker_id)
            if stream is None:
                return None
            conn.execute("BEGIN")
            try:
                mark = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'reports'").fetchone()
                cached = self._nonfinite_cache.get(stream)
                if cached is not None and cached[0] == mark:
                    return cached[1]
                found = self._first_nonfinite(conn, stream)
            finally:
                conn.execute("COMMIT")
            self._nonfinite_cache[stream] = (mark, found)
            return found

    def _first_nonfinite(self, conn: sqlite3.Connection, stream: int) -> FirstNonFinite | None:
        indexes = {
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'index' "
                "AND name IN ('scores_nonfinite', 'summaries_nonfinite')"
            )
        }
        # Without the hint SQLite may walk the primary key in iteration order (all of it, when no score is non-finite).
        hint = "INDEXED BY scores_nonfinite" if "scores_nonfinite" in indexes else ""
        score = conn.execute(
            f"SELECT iteration, value FROM scores {hint} WHERE stream = ? AND {SCORE_NONFINITE} "
            "ORDER BY iteration LIMIT 1",
            (stream,),
        ).fetchone()
        hint = "INDEXED BY summaries_nonfinite" if "summaries_nonfinite" in indexes else ""
        first = conn.execute(
            f"SELECT min(iteration) FROM summaries {hint} WHERE stream = ? AND {SUMMARY_NONFINITE}", (stream,)
        ).fetchone()[0]
        if score is not None:
            it = check.integer(score[0], "a score's iteration")
            try:
                value = check.real(score[1], "a score")
            except check.Damaged as exc:
                raise check.Damaged(exc.detail, it) from None
            if first is None or it <= first:
                return FirstNonFinite(it, "score", None, nonfinite_name(int(value != value), int(value > 0)))
        if first is None:
            return None
        first = check.integer(first, "a summary's iteration")
        hits = []
        for name_id, nan, posinf, neginf in conn.execute(
            "SELECT name, nan_count, posinf_count, neginf_count FROM summaries "
            f"WHERE stream = ? AND iteration = ? AND {SUMMARY_NONFINITE}",
            (stream, first),
        ):
            try:
                kind, name = self._name(conn, name_id)
                counts = [check.integer(c, "a summary's count") for c in (nan, posinf, neginf)]
            except check.Damaged as exc:
                raise check.Damaged(exc.detail, first) from None
            appeared = conn.execute(
                "SELECT min(iteration) FROM summaries WHERE name = ? AND stream = ?", (name_id, stream)
            ).fetchone()[0]
            rank = SUMMARY_KINDS.index(kind) if kind in SUMMARY_KINDS else len(SUMMARY_KINDS)
            hits.append(((rank, appeared, name_id), kind, name, counts))
        if not hits:
            return None
        _, kind, name, (nan, posinf, _) = min(hits, key=lambda h: h[0])
        return FirstNonFinite(first, kind, name, nonfinite_name(nan, posinf))

    def read_metrics(self, session_id: str, worker_id: str) -> list[MetricsRecord]:
        """Returns the user metrics of a worker in iteration order, merged per iteration."""
        with self._reading(session_id, worker_id) as conn:
            stream = self._stream_id(conn, session_id, worker_id)
            if stream is None:
                return []
            found = conn.execute(
                "SELECT m.iteration, m.epoch, m.timestamp_ms, n.name, m.value FROM metrics m "
                "JOIN names n ON n.id = m.name WHERE m.stream = ? ORDER BY m.iteration, m.id",
                (stream,),
            ).fetchall()
            return metrics_from_rows(found, session_id, worker_id)

    def read_epochs(self, session_id: str, worker_id: str) -> list[EpochRecord]:
        """Returns the epoch ends of a worker in epoch order."""
        with self._reading(session_id, worker_id) as conn:
            stream = self._stream_id(conn, session_id, worker_id)
            if stream is None:
                return []
            found = conn.execute(
                "SELECT epoch, iteration, timestamp_ms FROM epochs WHERE stream = ? ORDER BY epoch", (stream,)
            ).fetchall()
            return [
                EpochRecord(
                    session_id,
                    worker_id,
                    check.timestamp(ts, "an epoch's timestamp_ms"),
                    check.integer(epoch, "an epoch number"),
                    check.integer(it, "an epoch's iteration"),
                )
                for epoch, it, ts in found
            ]

    # ------------------------------------------------------------------ events and lifetime

    def subscribe(self, callback: Callable[[StorageEvent], None]) -> SubscriptionHandle:
        """Calls ``callback`` on a watcher thread for every record committed from now on.

        Records written by other processes arrive the same way, within about 50 ms.

        Raises:
            StorageClosedError: The storage was closed.
        """
        with self._watch_lock:
            if self._closed:
                raise StorageClosedError(f"Cannot subscribe: the FileStatsStorage of {self._path} was closed.")
            if self._watcher is None:
                try:
                    self._watcher = Watcher(lambda: Reader(self._path), self._subscribers.emit)
                except sqlite3.Error as exc:
                    raise database_error(exc, self._path, "watch") from exc
            return self._subscribers.add(callback)

    def _on_no_subscribers(self) -> None:
        with self._watch_lock:
            watcher = None if len(self._subscribers) else self._watcher
            if watcher is not None:
                self._watcher = None
        if watcher is not None:
            watcher.stop()

    def close(self) -> None:
        """Stops subscriptions and closes the file. Idempotent; other methods then raise StorageClosedError.

        A rediagnosis of a stream in progress (see :meth:`stored_findings`) gets up to 10 s to finish.

        A server showing this storage keeps showing it by opening its own read-only
        FileStatsStorage on :attr:`path`.
        """
        if self._findings is not None and not self._closed:
            self._findings.close()  # before the storage closes: a rebuild in progress reads and writes it
        with self._watch_lock:
            if self._closed:
                return
            self._closed = True
            watcher, self._watcher = self._watcher, None
        self._subscribers.close_all()
        if watcher is not None:
            watcher.stop()
        with self._read_lock:
            self._reader.close()
        with self._write_lock:
            if self._writer is not None:
                self._writer.close()

    def __enter__(self) -> FileStatsStorage:
        """Returns the storage itself."""
        return self

    def __exit__(self, *exc: object) -> None:
        """Closes the storage."""
        self.close()
