"""Blocks: the charted series of a FileStatsStorage, packed per block of reports.

Rows are the truth, and one statistic of one tensor over a long run is one index range scan of
``summaries`` (a report field, one scan of ``reports`` through ``json_extract``). But those rows
lie scattered over the file (each report appends to every tensor's range), so the first read of a
long series is ~100,000 random page reads, and each row becomes a Python tuple (a report field
also a JSON parse): 0.15 to 1.5 s per series from disk, and a page charts 10 to 50 of them. So the
writer also packs every series the overview, layer and system pages chart into blocks of
:data:`BLOCK_REPORTS` reports (little-endian int64 iterations, float64 values, an absent flag per
point when any is absent), and reads of those series take the blocks up to the stream's
``sealed.through`` and the rows after it. Blocked (schema version 3, :func:`blocked`):

* the score (``score_blocks``, one row per block);
* the :data:`BLOCK_STATS` of every tensor (``summary_blocks``, one row per tensor and block, its
  iterations shared by the statistics; the overview's two come first, so that reading them reads
  only the start of a row);
* the report fields: ``collection_ms``, ``performance/*``, ``memory/*``, every learning rate and
  device memory field (``field_blocks``, one row per series and block), except those whose name
  JSON escapes (see :func:`field_blocked`).

A version-2 file, read-only, has blocks of the score, ``mean_magnitude`` and ``stdev`` only
(:data:`VERSION_2_STATS`); its other series are read from rows.

Invariant, per stream, after every committed transaction: ``sealed.through`` is absent or the
``through`` of a block; every block lies at or below it and holds exactly the rows (of its series,
in ``[first, through]``) that the row reads return. Kept by :func:`after_update`, which every
stored report passes through in its own transaction:

* a report touching an iteration at or below ``through`` (a rewrite, an out-of-order report, a
  score window reaching back) drops the blocks from there on, and ``through`` falls back to the
  last block left (their rows are read instead, and blocked again later);
* then, when :data:`BLOCK_REPORTS` reports lie past ``through``, the first that many become one
  block per series. A put makes one such block at most, so a file migrated from an older version
  (or a rewrite early in a long run) catches up gradually and no put waits long.

Values decode exactly as the row reads decode them (``'NaN'`` text, NULL absent, report fields
through SQLite's own JSON functions), so a series read from blocks equals the same series read
from rows. Rows that fitscope does not write (a value that is no number, JSON that is not valid
or not as fitscope writes it) are never blocked: reads keep reading them from rows.
"""

from __future__ import annotations

import dataclasses
import itertools
import operator
import sqlite3
from collections.abc import Collection, Iterable, Mapping
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from fitscope.records import DeviceMemory, Memory, Performance
from fitscope.storage import _sqlite_checks as check
from fitscope.storage import _sqlite_rows as rows
from fitscope.storage.base import SeriesKey

__all__ = [
    "BLOCK_REPORTS",
    "BLOCK_STATS",
    "VERSION_2_STATS",
    "after_update",
    "blocked",
    "column_arrays",
    "field_blocked",
    "holds_floats",
    "join",
    "read_field_blocks",
    "read_score_blocks",
    "read_summary_blocks",
    "sealed_through",
]

#: Reports per block. A block of a tensor is then ~20 KiB, of a report field ~8 KiB, of scores
#: ~80 KiB at 10 scores a report.
BLOCK_REPORTS: Final = 512
#: The statistics kept in blocks (version 3), in their column order: the overview's first.
BLOCK_STATS: Final = ("mean_magnitude", "stdev", "mean", "nonfinite_count")
#: The statistics a version-2 file keeps in blocks.
VERSION_2_STATS: Final = ("mean_magnitude", "stdev")
_REAL_STATS: Final = ("mean_magnitude", "stdev", "mean")

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]
Mask = npt.NDArray[np.bool_]
Arrays = tuple[Ints, Floats, Mask | None]
Row = tuple[Any, ...]

I64_MIN: Final = -(2**63)

_I64: Final = np.dtype("<i8")
_F64: Final = np.dtype("<f8")
_DEVICE_FIELDS: Final = tuple(f.name for f in dataclasses.fields(DeviceMemory) if f.name != "name")
#: The report fields every report may have, by series key.
_FIXED_FIELDS: Final = frozenset(
    (
        "collection_ms",
        *(f"performance/{f.name}" for f in dataclasses.fields(Performance)),
        *(f"memory/{f.name}" for f in dataclasses.fields(Memory) if f.name != "devices"),
    )
)
#: Result columns per report-field query: SQLite allows 2000, and each field takes two.
_FIELDS_PER_QUERY: Final = 200
_SUMMARY_BLOCK_INSERT: Final = (
    f"INSERT INTO summary_blocks (name, stream, first, through, iterations, "
    f"{', '.join(f'{s}, {s}_absent' for s in BLOCK_STATS)}) VALUES ({', '.join('?' * (5 + 2 * len(BLOCK_STATS)))})"
)
_SCORE_BLOCK_INSERT: Final = (
    'INSERT INTO score_blocks (stream, first, through, iterations, "values", absent) VALUES (?, ?, ?, ?, ?, ?)'
)
_FIELD_BLOCK_INSERT: Final = (
    'INSERT INTO field_blocks (stream, key, first, through, iterations, "values", absent) VALUES (?, ?, ?, ?, ?, ?, ?)'
)
_REPORTS_IN_BLOCK: Final = "r.stream = ? AND r.iteration BETWEEN ? AND ?"


class _NotAsWritten(Exception):
    """Rows that fitscope did not write this way: they stay unblocked."""


def column_arrays(iterations: list[int], values: list[Any]) -> Arrays:
    """Turns (iteration, stored value) columns into arrays: NaN and an absent flag where a value is NULL.

    Decodes the values as ``series_from_rows`` does, and converts them as the server converts a
    :class:`~fitscope.storage.base.Series`; the absent mask is None when nothing is absent.
    """
    if not set(map(type, values)) <= {int, float, type(None)}:  # 'NaN' text is rare: check only then
        values = [check.series_value(v, "a series point") for v in values]
    its = np.array(iterations, dtype=np.int64)
    vals = np.array(values, dtype=np.float64)
    absent: Mask | None = None
    if np.isnan(vals).any():
        mask = np.fromiter((v is None for v in values), dtype=np.bool_, count=len(values))
        absent = mask if mask.any() else None
    return its, vals, absent


def _pack(values: Floats, absent: Mask | None) -> tuple[bytes | None, bytes | None]:
    """The (values, absent) blobs: values None when all are +0.0 (most counts), absent None when none is."""
    data = values.astype(_F64).tobytes()
    return None if data.count(0) == len(data) else data, None if absent is None else absent.astype(np.uint8).tobytes()


def _pack_iterations(iterations: list[int]) -> bytes:
    return np.array(iterations, dtype=_I64).tobytes()


def _canonical(label: str) -> bool:
    """True when JSON writes ``label`` as it is (no escape), as every such name is found by its path."""
    return bool(label) and rows.written_as_is(label)


def field_blocked(key: str) -> bool:
    """True when blocks (version 3) hold the report-field series ``key`` (a valid series key).

    Every report field is, except a learning rate or device whose name JSON escapes (a quote, a
    backslash, a control or non-ASCII character): SQLite's path lookups compare the escaped text,
    so which key finds such a name depends on how it was written; those keys read rows.
    """
    if key in _FIXED_FIELDS:
        return True
    head, _, rest = key.partition("/")
    if head == "learning_rates":
        return _canonical(rest)
    if head == "memory" and rest.startswith("devices/"):
        device, _, fld = rest[len("devices/") :].rpartition("/")
        return fld in _DEVICE_FIELDS and _canonical(device)
    return False


def blocked(key: SeriesKey, version: int) -> bool:
    """True when blocks of a file of schema ``version`` hold the series of ``key``.

    Version 2: the score and :data:`VERSION_2_STATS`; version 3: also the rest of
    :data:`BLOCK_STATS` and the report fields of :func:`field_blocked`.
    """
    if version < 2:
        return False
    if key.source == "score":
        return True
    if key.source == "summary":
        return key.stat in (VERSION_2_STATS if version == 2 else BLOCK_STATS)
    return key.source == "report" and version >= 3 and field_blocked(key.name)


def holds_floats(key: SeriesKey) -> bool:
    """True when the rows of ``key`` hold floats only (REAL columns), never integers.

    Blocks hold float64s, so a :class:`~fitscope.storage.base.Series` (Python values) read from
    blocks equals the one read from rows only for such keys: the score and the statistics but
    ``nonfinite_count``. Counts and report fields (JSON numbers) may be integers.
    """
    return key.source == "score" or (key.source == "summary" and key.stat in _REAL_STATS)


def sealed_through(conn: sqlite3.Connection, stream: int) -> int | None:
    """The last iteration the blocks of ``stream`` cover (rows hold the ones after it), or None."""
    row = conn.execute("SELECT through FROM sealed WHERE stream = ?", (stream,)).fetchone()
    return None if row is None else int(row[0])


def _drop_from(conn: sqlite3.Connection, stream: int, iteration: int) -> int | None:
    """Drops the blocks of ``stream`` reaching ``iteration`` or later; returns the new ``through``."""
    for table in ("summary_blocks", "score_blocks", "field_blocks"):
        conn.execute(f"DELETE FROM {table} WHERE stream = ? AND through >= ?", (stream, iteration))
    row = conn.execute(
        "SELECT max(t) FROM (SELECT max(through) AS t FROM summary_blocks WHERE stream = ?1 "
        "UNION ALL SELECT max(through) FROM score_blocks WHERE stream = ?1 "
        "UNION ALL SELECT max(through) FROM field_blocks WHERE stream = ?1)",
        (stream,),
    ).fetchone()
    if row[0] is None:
        conn.execute("DELETE FROM sealed WHERE stream = ?", (stream,))
        return None
    conn.execute("UPDATE sealed SET through = ? WHERE stream = ?", (row[0], stream))
    return int(row[0])


def _summary_blocks(conn: sqlite3.Connection, stream: int, first: int, through: int) -> list[Row]:
    """The ``summary_blocks`` rows of ``stream`` over ``[first, through]``."""
    stats = ", ".join(f'"{s}"' for s in BLOCK_STATS)
    # Walked as SQLite yields it, one tensor's rows at a time: a block of a many-tensor report
    # (512 reports x 70 tensors) fetched whole would be a peak of megabytes of tuples each seal.
    found = conn.execute(
        f"SELECT name, iteration, {stats} FROM summaries WHERE name IN "
        "(SELECT id FROM names WHERE kind <> 'metric') AND stream = ? AND iteration BETWEEN ? AND ? "
        "ORDER BY name, iteration",
        (stream, first, through),
    )
    out: list[Row] = []
    for name, grouped in itertools.groupby(found, key=operator.itemgetter(0)):
        group = list(grouped)
        its = [r[1] for r in group]
        packed = [_pack(*column_arrays(its, [r[2 + i] for r in group])[1:]) for i in range(len(BLOCK_STATS))]
        out.append((name, stream, first, through, _pack_iterations(its), *itertools.chain.from_iterable(packed)))
    return out


def _score_block(conn: sqlite3.Connection, stream: int, first: int, through: int) -> Row | None:
    """The ``score_blocks`` row of ``stream`` over ``[first, through]`` (None without scores)."""
    scores = conn.execute(
        "SELECT iteration, value FROM scores WHERE stream = ? AND iteration BETWEEN ? AND ? ORDER BY iteration",
        (stream, first, through),
    ).fetchall()
    if not scores:
        return None
    its = [r[0] for r in scores]
    values, flags = _pack(*column_arrays(its, [r[1] for r in scores])[1:])
    return stream, first, through, _pack_iterations(its), values, flags


def _learning_rates(conn: sqlite3.Connection, bounds: tuple[int, int, int]) -> dict[str, tuple[list[int], list[Any]]]:
    """Every learning-rate series of :func:`field_blocked` names over a block, from one pass over the reports.

    ``json_each`` yields what ``json_extract`` of the member's path yields, once its label is
    known to be written as it reads (its ``fullkey``) and to be there once.
    """
    out: dict[str, tuple[list[int], list[Any]]] = {}
    # Per label: the fullkeys it has when written as it reads, None when its key reads rows.
    fullkeys: dict[Any, tuple[str, str] | None] = {}
    for it, label, value, fullkey in conn.execute(
        "SELECT r.iteration, e.key, e.value, e.fullkey FROM reports AS r, json_each(r.fields, '$.learning_rates') "
        f"AS e WHERE {_REPORTS_IN_BLOCK} ORDER BY r.iteration",
        bounds,
    ):
        if label not in fullkeys:
            canonical = isinstance(label, str) and _canonical(label)  # else no object member, or not blocked
            fullkeys[label] = (f"$.learning_rates.{label}", f'$.learning_rates."{label}"') if canonical else None
        expected = fullkeys[label]
        if expected is None:
            continue
        if fullkey not in expected:
            raise _NotAsWritten(f"learning rate {label!r} is written as {fullkey!r}")
        its, values = out.setdefault(f"learning_rates/{label}", ([], []))
        if its and its[-1] == it:
            raise _NotAsWritten(f"learning rate {label!r} appears twice at iteration {it}")
        its.append(it)
        values.append(value)
    return out


def _other_fields(conn: sqlite3.Connection, bounds: tuple[int, int, int]) -> dict[str, tuple[list[int], list[Any]]]:
    """The fixed report fields and device memory fields over a block, with the row reads' own SQL."""
    devices = {
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT d.key FROM reports AS r, json_each(r.fields, '$.memory.devices') AS d "
            f"WHERE {_REPORTS_IN_BLOCK}",
            bounds,
        )
        if isinstance(r[0], str) and _canonical(r[0])
    }
    keys = sorted(_FIXED_FIELDS) + [f"memory/devices/{d}/{f}" for d in sorted(devices) for f in _DEVICE_FIELDS]
    out: dict[str, tuple[list[int], list[Any]]] = {}
    for start in range(0, len(keys), _FIELDS_PER_QUERY):
        chunk = keys[start : start + _FIELDS_PER_QUERY]
        columns: list[str] = []
        params: list[Any] = []
        for key in chunk:
            value, present, extra = rows.report_field_sql(key)
            columns += [value, present]
            params += extra  # the value's placeholders, then the condition's: the order of the columns
        for it, *found in conn.execute(
            f"SELECT r.iteration, {', '.join(columns)} FROM reports AS r WHERE {_REPORTS_IN_BLOCK} "
            "ORDER BY r.iteration",
            (*params, *bounds),
        ):
            for key, value, present in zip(chunk, found[::2], found[1::2], strict=True):
                if present:
                    its, values = out.setdefault(key, ([], []))
                    its.append(it)
                    values.append(value)
    return out


def _field_blocks(conn: sqlite3.Connection, stream: int, first: int, through: int) -> list[Row]:
    """The ``field_blocks`` rows of ``stream`` over ``[first, through]``: one per report field with points."""
    bounds = (stream, first, through)
    if conn.execute(
        f"SELECT 1 FROM reports AS r WHERE {_REPORTS_IN_BLOCK} AND r.fields IS NOT NULL AND NOT json_valid(r.fields) "
        "LIMIT 1",
        bounds,
    ).fetchone():
        raise _NotAsWritten("a report's fields are not valid JSON")
    series = _learning_rates(conn, bounds) | _other_fields(conn, bounds)
    out: list[Row] = []
    for key, (its, values) in sorted(series.items()):
        packed = _pack(*column_arrays(its, values)[1:])
        out.append((stream, key, first, through, _pack_iterations(its), *packed))
    return out


def after_update(conn: sqlite3.Connection, stream: int, touched: int) -> None:
    """Keeps the blocks of ``stream`` true after a report was stored in this transaction.

    Args:
        conn: The write connection, inside the report's transaction.
        stream: The report's stream.
        touched: The lowest iteration whose rows the report wrote (its iteration, or the start
            of its score window when that is lower).
    """
    mark = sealed_through(conn, stream)
    if mark is not None and touched <= mark:
        mark = _drop_from(conn, stream, touched)
    first = I64_MIN if mark is None else mark + 1
    row = conn.execute(
        "SELECT iteration FROM reports WHERE stream = ? AND iteration >= ? ORDER BY iteration LIMIT 1 OFFSET ?",
        (stream, first, BLOCK_REPORTS - 1),
    ).fetchone()
    if row is None:
        return
    through = int(row[0])
    try:
        summary_blocks = _summary_blocks(conn, stream, first, through)
        score_block = _score_block(conn, stream, first, through)
        field_blocks = _field_blocks(conn, stream, first, through)
    except (ValueError, TypeError, _NotAsWritten):
        # Rows fitscope did not write (a value that is no number, say): they stay unblocked, so
        # reads report them as they always did, and the report being stored is not lost over it.
        return
    if summary_blocks:
        conn.executemany(_SUMMARY_BLOCK_INSERT, summary_blocks)
    if score_block is not None:
        conn.execute(_SCORE_BLOCK_INSERT, score_block)
    if field_blocks:
        conn.executemany(_FIELD_BLOCK_INSERT, field_blocks)
    conn.execute("INSERT OR REPLACE INTO sealed (stream, through) VALUES (?, ?)", (stream, through))


def _cut(blob_its: bytes, blob_values: bytes | None, blob_absent: bytes | None, start: int, end: int) -> Arrays:
    its = np.frombuffer(blob_its, dtype=_I64)
    values = np.zeros(len(its), dtype=np.float64) if blob_values is None else np.frombuffer(blob_values, dtype=_F64)
    absent = None if blob_absent is None else np.frombuffer(blob_absent, dtype=np.uint8).astype(np.bool_)
    if len(values) != len(its) or (absent is not None and len(absent) != len(its)):
        raise ValueError(f"a block holds {len(its)} iterations but {len(values)} values")
    if len(its) and (its[0] < start or its[-1] > end):
        lo, hi = int(np.searchsorted(its, start, side="left")), int(np.searchsorted(its, end, side="right"))
        its, values = its[lo:hi], values[lo:hi]
        absent = None if absent is None else absent[lo:hi]
    return its, values, absent


def read_score_blocks(conn: sqlite3.Connection, stream: int, start: int, end: int) -> list[Arrays]:
    """The parts of the score in ``[start, end]`` that blocks hold, in iteration order."""
    found = conn.execute(
        'SELECT iterations, "values", absent FROM score_blocks WHERE stream = ? AND through >= ? AND first <= ? '
        "ORDER BY through",
        (stream, start, end),
    )
    return [_cut(its, values, absent, start, end) for its, values, absent in found]


def read_summary_blocks(
    conn: sqlite3.Connection, stream: int, wanted: Mapping[int, Collection[str]], start: int, end: int
) -> dict[tuple[int, str], list[Arrays]]:
    """The parts of the blocked statistics of tensors in ``[start, end]`` that blocks hold.

    One query for all of them, tensor by tensor: a tensor's blocks lie forward through the file,
    so a cold read mostly runs ahead of itself (much faster than in any other order). Only the
    columns of the statistics asked for are read (the overview's two: the start of each row).

    Args:
        conn: A read connection.
        stream: The stream.
        wanted: The statistics to read, by name id.
        start: Lowest iteration.
        end: Highest iteration.

    Returns:
        Parts in iteration order, by (name id, statistic).
    """
    out: dict[tuple[int, str], list[Arrays]] = {}
    asked = {s for stats in wanted.values() for s in stats}
    stats = [s for s in BLOCK_STATS if s in asked]
    if not stats:
        return out
    marks = ",".join("?" * len(wanted))
    found = conn.execute(
        f"SELECT name, iterations, {', '.join(f'{s}, {s}_absent' for s in stats)} FROM summary_blocks "
        f"WHERE name IN ({marks}) AND stream = ? AND through >= ? AND first <= ? ORDER BY name, through",
        (*sorted(wanted), stream, start, end),
    )
    for name, its, *blobs in found:
        for i, stat in enumerate(stats):
            out.setdefault((name, stat), []).append(_cut(its, blobs[2 * i], blobs[2 * i + 1], start, end))
    return out


def read_field_blocks(
    conn: sqlite3.Connection, stream: int, keys: Iterable[str], start: int, end: int
) -> dict[str, list[Arrays]]:
    """The parts of report-field series (by series key) in ``[start, end]`` that blocks hold, series by series."""
    out: dict[str, list[Arrays]] = {}
    ordered = sorted(set(keys))
    if not ordered:
        return out
    found = conn.execute(
        'SELECT key, iterations, "values", absent FROM field_blocks WHERE stream = ? '
        f"AND key IN ({','.join('?' * len(ordered))}) AND through >= ? AND first <= ? ORDER BY key, through",
        (stream, *ordered, start, end),
    )
    for key, its, values, absent in found:
        out.setdefault(key, []).append(_cut(its, values, absent, start, end))
    return out


def join(parts: list[Arrays]) -> Arrays:
    """Concatenates parts of a series into new (writable, native-endian) arrays."""
    if not parts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64), None
    its = np.concatenate([p[0] for p in parts]).astype(np.int64, copy=False)
    values = np.concatenate([p[1] for p in parts]).astype(np.float64, copy=False)
    absent: Mask | None = None
    if any(p[2] is not None for p in parts):
        mask = np.concatenate([np.zeros(len(p[0]), dtype=np.bool_) if p[2] is None else p[2] for p in parts])
        absent = mask if mask.any() else None
    return its, values, absent
