"""The SQLite schema of a fitscope file, and opening a file safely.

A file is checked *before* anything opens it read-write, through a read-only connection (see
:func:`open_read_only`: ``immutable=1`` unless a writer may be live, so no ``-wal``/``-shm`` is
created beside it), so
a path that holds something else (a text file, another application's database, a file from a
newer fitscope, a damaged file) is reported and left byte-for-byte as it was.

Layout (schema version 3):

* ``meta(key, value)``: ``format = 'fitscope'``, ``schema_version = 3``.
* ``streams(id, session_id, worker_id, last_report_ms)`` and ``names(id, kind, name)`` intern
  the (session, worker) pairs and the (summary kind | 'metric', name) pairs into small ids.
* ``static_info(id, stream, timestamp_ms, json)``: one row per stream.
* ``reports(id, stream, iteration, epoch, timestamp_ms, score, collection_ms, window_first,
  window_last, fields)``: ``fields`` is a small JSON text (learning rates, performance,
  memory); ``window_*`` bound the report's score window, which lives in ``scores``.
* ``summaries(name, stream, iteration, report, <one column per statistic>)``: keyed by (name,
  stream, iteration) so one statistic of one tensor over many iterations is a single range scan;
  ``report`` (indexed) finds a report's summaries.
* ``histograms(name, stream, iteration, report, hist_min, hist_max, hist_counts)``: the
  histogram of a summary that has one, keyed and indexed like ``summaries``. Kept apart so that
  a series scan over ``summaries`` does not read the histograms' ~200 bytes a row.
* ``scores(stream, iteration, value, timestamp_ms)``: the loss of every iteration, and the wall
  time at which it ended (NULL: unknown; the column came later in version 3, see below).
* ``metrics(id, stream, name, iteration, value, epoch, timestamp_ms)`` and
  ``epochs(id, stream, epoch, iteration, timestamp_ms)``.
* ``sealed(stream, through)``, ``score_blocks(...)``, ``summary_blocks(...)`` and
  ``field_blocks(...)``: every charted series (the score, four statistics of every tensor, the
  report fields) packed per block of reports, a copy of rows kept beside them for fast reads of
  long series (see :mod:`._sqlite_blocks`).

Version 2 had blocks of the score and of two statistics only (``summary_blocks`` without the
``mean`` and ``nonfinite_count`` columns, no ``field_blocks``); version 1 had none. An older file
opened for writing is migrated to version 3: its block tables are (re)created empty and its blocks
then built a block per report stored, after which a fitscope that reads up to version 2 refuses
it (it would not keep the new blocks true). Read-only, a version-2 file is read from its blocks
where it has them and from rows otherwise, a version-1 file from its rows.

Later additions to version 3, which a version-3 reader ignores and a version-3 writer keeps true
(so the version did not change): ``scores.timestamp_ms``, the columns ``zero_count``,
``unit_count`` and ``dead_unit_count`` of ``summaries`` (NULL in rows written before them), the
``findings`` table (see :mod:`._sqlite_findings`), and the partial indexes
``summaries_nonfinite`` and ``scores_nonfinite`` (the rows holding a non-finite value, which make
``first_nonfinite`` one index lookup). A writer adds them to a file that lacks them (building the
indexes reads the summaries once); read-only, such a file reads the same, with empty score times
and a slower ``first_nonfinite`` (a scan).

NaN is stored as the text ``'NaN'`` (SQLite would turn it into NULL, which means *absent*).
Tables that produce events use ``AUTOINCREMENT`` ids, so a replaced row gets a new, larger id
and a watcher that remembers the largest id it saw never misses one.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from pathlib import Path
from typing import Final

from fitscope.errors import (
    CorruptFileError,
    NotAFitscopeFileError,
    SchemaVersionError,
    StorageError,
    StorageFileError,
)
from fitscope.records import OPTIONAL_STATS
from fitscope.storage.base import EventKind

__all__ = [
    "EVENT_TABLES",
    "FORMAT",
    "Reader",
    "SCHEMA_VERSION",
    "SCORE_NONFINITE",
    "SUMMARY_NONFINITE",
    "UNIT_STAT_COLUMNS",
    "connect_reader",
    "connect_writer",
    "database_error",
    "file_uri",
    "has_score_times",
    "has_unit_stats",
    "open_read_only",
    "schema_version",
    "validate_file",
]

_log = logging.getLogger("fitscope.storage")

FORMAT: Final = "fitscope"
SCHEMA_VERSION: Final = 3
_MAGIC: Final = b"SQLite format 3\x00"
_BUSY_TIMEOUT_S: Final = 30.0

_TABLES: Final = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS streams (
    id INTEGER PRIMARY KEY, session_id TEXT NOT NULL, worker_id TEXT NOT NULL, last_report_ms INTEGER,
    UNIQUE (session_id, worker_id));
CREATE TABLE IF NOT EXISTS names (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, UNIQUE (kind, name));
CREATE TABLE IF NOT EXISTS static_info (
    id INTEGER PRIMARY KEY AUTOINCREMENT, stream INTEGER NOT NULL UNIQUE, timestamp_ms INTEGER NOT NULL,
    json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS reports (
    id INTEGER PRIMARY KEY AUTOINCREMENT, stream INTEGER NOT NULL, iteration INTEGER NOT NULL,
    epoch INTEGER NOT NULL, timestamp_ms INTEGER NOT NULL, score REAL, collection_ms REAL,
    window_first INTEGER, window_last INTEGER, fields TEXT,
    UNIQUE (stream, iteration));
CREATE TABLE IF NOT EXISTS summaries (
    name INTEGER NOT NULL, stream INTEGER NOT NULL, iteration INTEGER NOT NULL, report INTEGER NOT NULL,
    count INTEGER NOT NULL, nonfinite_count INTEGER NOT NULL, nan_count INTEGER NOT NULL,
    posinf_count INTEGER NOT NULL, neginf_count INTEGER NOT NULL,
    mean REAL, stdev REAL, mean_magnitude REAL, "min" REAL, "max" REAL, "sum" REAL, sum_squares REAL,
    zero_count INTEGER, unit_count INTEGER, dead_unit_count INTEGER,
    PRIMARY KEY (name, stream, iteration)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS summaries_by_report ON summaries (report);
CREATE TABLE IF NOT EXISTS histograms (
    name INTEGER NOT NULL, stream INTEGER NOT NULL, iteration INTEGER NOT NULL, report INTEGER NOT NULL,
    hist_min REAL, hist_max REAL, hist_counts BLOB NOT NULL,
    PRIMARY KEY (name, stream, iteration)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS histograms_by_report ON histograms (report);
CREATE TABLE IF NOT EXISTS scores (
    stream INTEGER NOT NULL, iteration INTEGER NOT NULL, value REAL, timestamp_ms INTEGER,
    PRIMARY KEY (stream, iteration)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS metrics (
    id INTEGER PRIMARY KEY AUTOINCREMENT, stream INTEGER NOT NULL, name INTEGER NOT NULL,
    iteration INTEGER NOT NULL, value REAL, epoch INTEGER NOT NULL, timestamp_ms INTEGER NOT NULL,
    UNIQUE (stream, name, iteration));
CREATE TABLE IF NOT EXISTS epochs (
    id INTEGER PRIMARY KEY AUTOINCREMENT, stream INTEGER NOT NULL, epoch INTEGER NOT NULL,
    iteration INTEGER NOT NULL, timestamp_ms INTEGER NOT NULL,
    UNIQUE (stream, epoch))
"""
# The blocks of version 3; also run on an older file opened for writing (its migration), after
# dropping the block tables of version 2. summary_blocks keeps the overview's two statistics
# first: reading them reads the start of a row only (a row spans several pages).
_BLOCK_TABLES: Final = """
CREATE TABLE IF NOT EXISTS sealed (stream INTEGER PRIMARY KEY, through INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS summary_blocks (
    id INTEGER PRIMARY KEY, name INTEGER NOT NULL, stream INTEGER NOT NULL, first INTEGER NOT NULL,
    through INTEGER NOT NULL, iterations BLOB NOT NULL,
    mean_magnitude BLOB, mean_magnitude_absent BLOB, stdev BLOB, stdev_absent BLOB,
    mean BLOB, mean_absent BLOB, nonfinite_count BLOB, nonfinite_count_absent BLOB,
    UNIQUE (name, stream, through));
CREATE INDEX IF NOT EXISTS summary_blocks_by_stream ON summary_blocks (stream, through);
CREATE TABLE IF NOT EXISTS score_blocks (
    id INTEGER PRIMARY KEY, stream INTEGER NOT NULL, first INTEGER NOT NULL, through INTEGER NOT NULL,
    iterations BLOB NOT NULL, "values" BLOB, absent BLOB,
    UNIQUE (stream, through));
CREATE TABLE IF NOT EXISTS field_blocks (
    id INTEGER PRIMARY KEY, stream INTEGER NOT NULL, key TEXT NOT NULL, first INTEGER NOT NULL,
    through INTEGER NOT NULL, iterations BLOB NOT NULL, "values" BLOB, absent BLOB,
    UNIQUE (stream, key, through));
CREATE INDEX IF NOT EXISTS field_blocks_by_stream ON field_blocks (stream, through)
"""
#: Columns of ``summaries`` added within version 3 (NULL in rows written before them: not counted).
UNIT_STAT_COLUMNS: Final = OPTIONAL_STATS
#: Which summary rows hold a non-finite value: the condition of the partial index ``summaries_nonfinite``
#: (a query must repeat it word for word for SQLite to use the index).
SUMMARY_NONFINITE: Final = "nonfinite_count > 0"
#: Which score rows are non-finite ('NaN' text, +/-Inf; also text fitscope never writes, which a
#: read then reports as damage): the condition of the partial index ``scores_nonfinite``.
SCORE_NONFINITE: Final = "(typeof(value) = 'text' OR abs(value) > 1.7976931348623157e308)"
# Added within schema version 3 (readers of version 3 ignore them, writers of version 3 keep them
# true: SQLite maintains indexes, and a score row without a time means "unknown"). A writer adds
# them to a file that lacks them; read-only, a file without them reads the same, only slower
# (first_nonfinite scans) and without score times.
_ADDITIONS: Final = (
    f"CREATE INDEX IF NOT EXISTS summaries_nonfinite ON summaries (stream, iteration) WHERE {SUMMARY_NONFINITE}",
    f"CREATE INDEX IF NOT EXISTS scores_nonfinite ON scores (stream, iteration) WHERE {SCORE_NONFINITE}",
    "CREATE TABLE IF NOT EXISTS findings (id INTEGER PRIMARY KEY AUTOINCREMENT, stream INTEGER NOT NULL, "
    "key TEXT NOT NULL, json TEXT NOT NULL, UNIQUE (stream, key))",
    "CREATE TABLE IF NOT EXISTS diagnosed (stream INTEGER PRIMARY KEY, through INTEGER NOT NULL, rules TEXT NOT NULL)",
)
#: The block tables of each schema version that has blocks.
_BLOCK_TABLE_NAMES: Final = {
    2: ("sealed", "summary_blocks", "score_blocks"),
    3: ("sealed", "summary_blocks", "score_blocks", "field_blocks"),
}
_TABLE_NAMES: Final = (
    "streams",
    "names",
    "static_info",
    "reports",
    "summaries",
    "histograms",
    "scores",
    "metrics",
    "epochs",
)

#: (event kind, table, iteration column) of the tables a watcher follows, in delivery order.
EVENT_TABLES: Final[tuple[tuple[EventKind, str, str], ...]] = (
    ("static_info", "static_info", "NULL"),
    ("update", "reports", "iteration"),
    ("metrics", "metrics", "iteration"),
    ("epoch", "epochs", "iteration"),
)


def file_uri(path: Path, *, read_only: bool) -> str:
    """Returns the SQLite URI of ``path`` (``mode=ro`` when ``read_only``)."""
    uri = path.resolve().as_uri()
    return uri + "?mode=ro" if read_only else uri


def database_error(exc: sqlite3.Error, path: Path, doing: str) -> StorageError:
    """Turns an sqlite3 error met while ``doing`` something to ``path`` into a fitscope error."""
    name = getattr(exc, "sqlite_errorname", "")
    text = str(exc)
    if name in ("SQLITE_CORRUPT", "SQLITE_NOTADB") or "malformed" in text or "not a database" in text:
        return CorruptFileError(
            f"{path} is damaged: SQLite reported {text!r} while fitscope tried to {doing}. Restore it "
            "from a backup, or write to a new file.",
            str(path),
        )
    if name == "SQLITE_BUSY":
        return StorageError(
            f"Could not {doing} ({path}): another connection held the file locked for more than "
            f"{_BUSY_TIMEOUT_S:.0f} s. Try again once the other writer is done."
        )
    return StorageError(f"Could not {doing} ({path}): SQLite reported {text!r}.")


def _truncation(path: Path, head: bytes, size: int) -> str | None:
    """Returns why the file is cut short, judging by its header, or None."""
    if len(head) < 100:
        return f"it holds {size} bytes, less than the 100-byte SQLite header"
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return None  # the header on disk may lag behind the write-ahead log
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    header_valid = pages > 0 and head[24:28] == head[92:96]
    if header_valid and size < pages * page_size:
        return f"its header announces {pages * page_size} bytes but it holds {size}"
    return None


def _check_contents(conn: sqlite3.Connection, path: Path) -> None:
    has_meta = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone()
    meta = dict(conn.execute("SELECT key, value FROM meta").fetchall()) if has_meta else {}
    if meta.get("format") != FORMAT:
        raise NotAFitscopeFileError(
            f"{path} is an SQLite database but not a fitscope file (it has no fitscope 'meta' table). "
            "fitscope left it untouched; pass a new path to create a fitscope file.",
            str(path),
        )
    try:
        version = int(meta.get("schema_version", ""))
    except ValueError:
        version = 0
    if version < 1:
        raise CorruptFileError(
            f"{path} has an unreadable schema_version {meta.get('schema_version')!r} in its 'meta' table. "
            "fitscope did not modify it; restore it from a backup, or write to a new file.",
            str(path),
        )
    if version > SCHEMA_VERSION:
        raise SchemaVersionError(
            f"{path} was written by a newer fitscope (schema version {version}; this fitscope reads up to "
            f"{SCHEMA_VERSION}). Upgrade fitscope with: pip install --upgrade fitscope",
            str(path),
        )
    for table in _TABLE_NAMES + _BLOCK_TABLE_NAMES.get(version, ()):
        # Reading each table's root page catches much of the damage cheaply.
        conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchall()


def validate_file(path: Path) -> bool:
    """Checks, without writing to it, that ``path`` is a fitscope file this version can read.

    Returns:
        False when the file is missing or empty (a new file), True when it is a fitscope file.

    Raises:
        NotAFitscopeFileError: Not SQLite, or SQLite without fitscope's tables.
        SchemaVersionError: Written by a newer fitscope.
        CorruptFileError: SQLite reports damage, or the file is truncated.
        StorageFileError: The path is a directory or cannot be read.
    """
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise StorageFileError(f"{path} is a directory; pass the path of a fitscope file inside it.", str(path))
        if size == 0:
            return False
        with path.open("rb") as f:
            head = f.read(100)
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise StorageFileError(f"Could not read {path}: {exc.strerror or exc}.", str(path)) from exc
    if not head.startswith(_MAGIC):
        raise NotAFitscopeFileError(
            f"{path} is not a fitscope file: it is not an SQLite database (it starts with {head[:16]!r}). "
            "fitscope left it untouched; pass the path of a fitscope file, or a new path to create one.",
            str(path),
        )
    cut = _truncation(path, head, size)
    if cut is not None:
        raise CorruptFileError(
            f"{path} is truncated: {cut}. It was probably cut short by a copy or a full disk; fitscope did not "
            "modify it. Restore it from a backup, or write to a new file.",
            str(path),
        )
    sidecars = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    existed = [s.exists() for s in sidecars]
    try:
        conn, _ = open_read_only(path)
        try:
            _check_contents(conn, path)
        finally:
            conn.close()
    except (StorageFileError, sqlite3.Error) as exc:
        _remove_created_sidecars(sidecars, existed)
        if isinstance(exc, sqlite3.Error):
            err = database_error(exc, path, "open it")
            if not isinstance(err, StorageFileError):
                err = StorageFileError(str(err), str(path))
            raise err from exc
        raise
    return True


def _remove_created_sidecars(sidecars: list[Path], existed: list[bool]) -> None:
    """Removes the empty -wal/-shm files a failed read-only open created beside a rejected file."""
    wal = sidecars[0]
    if existed[0] or (wal.exists() and wal.stat().st_size > 0):
        return
    for sidecar, was_there in zip(sidecars, existed, strict=True):
        if not was_there:
            # Already gone, or not ours to remove: leaving it is harmless.
            with contextlib.suppress(OSError):
                sidecar.unlink()


def connect_writer(path: Path) -> sqlite3.Connection:
    """Opens ``path`` read-write (creating it and its parent directories), with the schema in place.

    The caller has checked the file with :func:`validate_file`.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageFileError(
            f"Could not create the directory {path.parent} for {path}: {exc.strerror or exc}.", str(path)
        ) from exc
    conn = sqlite3.connect(os.fspath(path), check_same_thread=False, isolation_level=None, timeout=_BUSY_TIMEOUT_S)
    try:
        conn.execute("PRAGMA synchronous = NORMAL")
        # The schema is created before switching to WAL, in one transaction: another process that
        # opens the file meanwhile sees either an empty file or a complete fitscope file.
        conn.execute("BEGIN IMMEDIATE")
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'meta'").fetchone():
            for statement in (_TABLES + ";" + _BLOCK_TABLES).split(";"):
                conn.execute(statement)
            conn.execute(
                "INSERT OR IGNORE INTO meta VALUES ('format', ?), ('schema_version', ?)", (FORMAT, str(SCHEMA_VERSION))
            )
        elif schema_version(conn) < SCHEMA_VERSION:
            _migrate(conn)
        if not has_score_times(conn):
            conn.execute("ALTER TABLE scores ADD COLUMN timestamp_ms INTEGER")
        if not has_unit_stats(conn):
            for column in UNIT_STAT_COLUMNS:
                conn.execute(f"ALTER TABLE summaries ADD COLUMN {column} INTEGER")
        for statement in _ADDITIONS:
            conn.execute(statement)
        conn.execute("COMMIT")
        conn.execute("PRAGMA journal_mode = WAL").fetchall()
    except sqlite3.Error as exc:
        conn.close()
        raise database_error(exc, path, "open for writing") from exc
    return conn


def _migrate(conn: sqlite3.Connection) -> None:
    """Brings a version-1 or version-2 file to version 3, inside the caller's transaction.

    Version 2's blocks lack the new series, and its ``sealed`` marks say they hold them all: they
    are dropped, and every block is built again, one per report stored (as from version 1).
    """
    for table in _BLOCK_TABLE_NAMES[2]:
        conn.execute(f"DROP TABLE IF EXISTS {table}")
    for statement in _BLOCK_TABLES.split(";"):
        conn.execute(statement)
    conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION),))


def has_score_times(conn: sqlite3.Connection) -> bool:
    """True when the file's ``scores`` table has the ``timestamp_ms`` column (added within version 3)."""
    return any(row[1] == "timestamp_ms" for row in conn.execute("PRAGMA table_info(scores)"))


def has_unit_stats(conn: sqlite3.Connection) -> bool:
    """True when the file's ``summaries`` has the zero and unit counts (columns added within version 3)."""
    return any(row[1] == "zero_count" for row in conn.execute("PRAGMA table_info(summaries)"))


def schema_version(conn: sqlite3.Connection) -> int:
    """The schema version of the (validated) fitscope file ``conn`` is open on."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0])


def _sidecar(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _signature(path: Path) -> tuple[object, ...]:
    """What changes when a writer appears or changes the file: the stat of the file and its -wal."""
    out: list[object] = []
    for p in (path, _sidecar(path, "-wal"), _sidecar(path, "-journal")):
        try:
            st = p.stat()
            out.append((st.st_ino, st.st_size, st.st_mtime_ns))
        except OSError:
            out.append(None)
    return tuple(out)


def _connect_uri(uri: str, shared: bool) -> sqlite3.Connection:
    if shared:  # a storage's connection: any thread (behind its lock), autocommit, patient with writers
        return sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None, timeout=_BUSY_TIMEOUT_S)
    return sqlite3.connect(uri, uri=True)


def open_read_only(path: Path, *, shared: bool = False) -> tuple[sqlite3.Connection, bool]:
    """Opens a read-only connection that creates no file beside ``path``; returns it and whether it is immutable.

    * No ``-wal`` (nor ``-journal``) beside the file: no connection has it open for writing, so it
      is opened ``immutable=1`` (SQLite then takes no locks and creates no ``-wal``/``-shm``, which
      a ``mode=ro`` open of a WAL-mode file leaves behind, or cannot create in a directory the user
      cannot write). :class:`Reader` reopens it once a writer appears.
    * Else (a writer may be live) ``mode=ro``, which follows the writer's commits. Where that
      fails (the directory is not writable and the ``-shm`` is missing), ``immutable=1`` again:
      it reads what is in the file itself, not the commits still only in the ``-wal``.
    """
    uri = file_uri(path, read_only=True)
    live = _sidecar(path, "-wal").exists() or _sidecar(path, "-journal").exists()
    if live:
        conn = _connect_uri(uri, shared)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn, False
        except sqlite3.OperationalError as exc:
            conn.close()
            text = str(exc)
            if "readonly" not in text and "unable to open" not in text:
                raise
            wal = _sidecar(path, "-wal")
            if wal.exists() and wal.stat().st_size > 0:
                _log.warning(
                    "%s is opened immutable (its directory is not writable and it has no -shm file): "
                    "commits still only in %s are not shown.",
                    path,
                    wal.name,
                )
    conn = _connect_uri(uri + "&immutable=1", shared)
    return conn, True


def connect_reader(path: Path) -> sqlite3.Connection:
    """Opens a read-only connection to a file that :func:`validate_file` accepted (see :func:`open_read_only`)."""
    return Reader(path).connection


class Reader:
    """A read-only connection that follows the file: an immutable one is reopened once the file changes.

    Args:
        path: A fitscope file that :func:`validate_file` accepted.
    """

    def __init__(self, path: Path) -> None:
        self._path = path
        self.connection, self.immutable = self._open()

    def _open(self) -> tuple[sqlite3.Connection, bool]:
        self._seen = _signature(self._path)
        try:
            return open_read_only(self._path, shared=True)
        except sqlite3.Error as exc:
            raise database_error(exc, self._path, "open for reading") from exc

    def fresh(self) -> sqlite3.Connection:
        """The connection, reopened first when it is immutable and a writer appeared or changed the file."""
        if self.immutable and _signature(self._path) != self._seen:
            old = self.connection
            self.connection, self.immutable = self._open()
            old.close()
        return self.connection

    def close(self) -> None:
        """Closes the connection."""
        self.connection.close()
