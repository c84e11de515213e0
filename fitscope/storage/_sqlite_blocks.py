"""Blocks: the score and the overview's statistics of a FileStatsStorage, packed per block of reports.

Rows are the truth, and one statistic of one tensor over a long run is one index range scan of
``summaries``. But those rows lie scattered over the file (each report appends to every tensor's
range), so the first read of a long series is ~100,000 random page reads, and each row becomes a
Python tuple: ~150 ms per series from disk, and the overview charts about 50 of them. So the
writer also packs the score and :data:`BLOCK_STATS` into blocks of :data:`BLOCK_REPORTS` reports
(little-endian int64 iterations, float64 values, an absent flag per point when any is absent),
and reads of those series take the blocks up to the stream's ``sealed.through`` and the rows after
it.

Invariant, per stream, after every committed transaction: ``sealed.through`` is absent or the
``through`` of a block; every block lies at or below it and holds exactly the rows (of its name, in
``[first, through]``) that its tables hold. Kept by :func:`after_update`, which every stored report
passes through in its own transaction:

* a report touching an iteration at or below ``through`` (a rewrite, an out-of-order report, a
  score window reaching back) drops the blocks from there on, and ``through`` falls back to the
  last block left (their rows are read instead, and blocked again later);
* then, when :data:`BLOCK_REPORTS` reports lie past ``through``, the first that many become one
  block per tensor (and one of scores). A put makes one such block at most, so a file migrated
  from version 1 (or a rewrite early in a long run) catches up gradually and no put waits long.

Values decode exactly as the row reads decode them (``'NaN'`` text, NULL absent), so a series
read from blocks equals the same series read from rows.
"""

from __future__ import annotations

import itertools
import operator
import sqlite3
from collections.abc import Collection
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from fitscope.storage import _sqlite_rows as rows
from fitscope.storage.base import SeriesKey

__all__ = [
    "BLOCK_REPORTS",
    "BLOCK_STATS",
    "after_update",
    "blocked",
    "column_arrays",
    "join",
    "read_score_blocks",
    "read_summary_blocks",
    "sealed_through",
]

#: Reports per block. A block of a tensor is then ~12 KiB, of scores ~80 KiB at 10 scores a report.
BLOCK_REPORTS: Final = 512
#: The statistics kept in blocks: those the overview charts for every tensor.
BLOCK_STATS: Final = ("mean_magnitude", "stdev")

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]
Mask = npt.NDArray[np.bool_]
Arrays = tuple[Ints, Floats, Mask | None]
Row = tuple[Any, ...]

I64_MIN: Final = -(2**63)

_I64: Final = np.dtype("<i8")
_F64: Final = np.dtype("<f8")
_SUMMARY_BLOCK_INSERT: Final = (
    "INSERT INTO summary_blocks (name, stream, first, through, iterations, mean_magnitude, stdev, "
    "mean_magnitude_absent, stdev_absent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_SCORE_BLOCK_INSERT: Final = (
    'INSERT INTO score_blocks (stream, first, through, iterations, "values", absent) VALUES (?, ?, ?, ?, ?, ?)'
)


def column_arrays(iterations: list[int], values: list[Any]) -> Arrays:
    """Turns (iteration, stored value) columns into arrays: NaN and an absent flag where a value is NULL.

    Decodes the values as ``series_from_rows`` does, and converts them as the server converts a
    :class:`~fitscope.storage.base.Series`; the absent mask is None when nothing is absent.
    """
    if str in set(map(type, values)):
        values = [rows.decode_value(v) for v in values]
    its = np.array(iterations, dtype=np.int64)
    vals = np.array(values, dtype=np.float64)
    absent: Mask | None = None
    if np.isnan(vals).any():
        mask = np.fromiter((v is None for v in values), dtype=np.bool_, count=len(values))
        absent = mask if mask.any() else None
    return its, vals, absent


def _pack(values: Floats, absent: Mask | None) -> tuple[bytes, bytes | None]:
    return values.astype(_F64).tobytes(), None if absent is None else absent.astype(np.uint8).tobytes()


def _pack_iterations(iterations: list[int]) -> bytes:
    return np.array(iterations, dtype=_I64).tobytes()


def sealed_through(conn: sqlite3.Connection, stream: int) -> int | None:
    """The last iteration the blocks of ``stream`` cover (rows hold the ones after it), or None."""
    row = conn.execute("SELECT through FROM sealed WHERE stream = ?", (stream,)).fetchone()
    return None if row is None else int(row[0])


def _drop_from(conn: sqlite3.Connection, stream: int, iteration: int) -> int | None:
    """Drops the blocks of ``stream`` reaching ``iteration`` or later; returns the new ``through``."""
    conn.execute("DELETE FROM summary_blocks WHERE stream = ? AND through >= ?", (stream, iteration))
    conn.execute("DELETE FROM score_blocks WHERE stream = ? AND through >= ?", (stream, iteration))
    row = conn.execute(
        "SELECT max(t) FROM (SELECT max(through) AS t FROM summary_blocks WHERE stream = ?1 "
        "UNION ALL SELECT max(through) FROM score_blocks WHERE stream = ?1)",
        (stream,),
    ).fetchone()
    if row[0] is None:
        conn.execute("DELETE FROM sealed WHERE stream = ?", (stream,))
        return None
    conn.execute("UPDATE sealed SET through = ? WHERE stream = ?", (row[0], stream))
    return int(row[0])


def _blocks(conn: sqlite3.Connection, stream: int, first: int, through: int) -> tuple[list[Row], Row | None]:
    """The ``summary_blocks`` rows and the ``score_blocks`` row of ``stream`` over ``[first, through]``."""
    found = conn.execute(
        "SELECT name, iteration, mean_magnitude, stdev FROM summaries WHERE name IN "
        "(SELECT id FROM names WHERE kind <> 'metric') AND stream = ? AND iteration BETWEEN ? AND ? "
        "ORDER BY name, iteration",
        (stream, first, through),
    ).fetchall()
    summary_blocks: list[Row] = []
    for name, grouped in itertools.groupby(found, key=operator.itemgetter(0)):
        group = list(grouped)
        its = [r[1] for r in group]
        mm = _pack(*column_arrays(its, [r[2] for r in group])[1:])
        sd = _pack(*column_arrays(its, [r[3] for r in group])[1:])
        summary_blocks.append((name, stream, first, through, _pack_iterations(its), mm[0], sd[0], mm[1], sd[1]))
    scores = conn.execute(
        "SELECT iteration, value FROM scores WHERE stream = ? AND iteration BETWEEN ? AND ? ORDER BY iteration",
        (stream, first, through),
    ).fetchall()
    score_block = None
    if scores:
        its = [r[0] for r in scores]
        values, flags = _pack(*column_arrays(its, [r[1] for r in scores])[1:])
        score_block = (stream, first, through, _pack_iterations(its), values, flags)
    return summary_blocks, score_block


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
        summary_blocks, score_block = _blocks(conn, stream, first, through)
    except (ValueError, TypeError):
        # A stored value that is no number (not written by fitscope): these rows stay unblocked, so
        # reads report it as they always did, and the report being stored is not lost over it.
        return
    if summary_blocks:
        conn.executemany(_SUMMARY_BLOCK_INSERT, summary_blocks)
    if score_block is not None:
        conn.execute(_SCORE_BLOCK_INSERT, score_block)
    conn.execute("INSERT OR REPLACE INTO sealed (stream, through) VALUES (?, ?)", (stream, through))


def _cut(blob_its: bytes, blob_values: bytes, blob_absent: bytes | None, start: int, end: int) -> Arrays:
    its = np.frombuffer(blob_its, dtype=_I64)
    values = np.frombuffer(blob_values, dtype=_F64)
    absent = None if blob_absent is None else np.frombuffer(blob_absent, dtype=np.uint8).astype(np.bool_)
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
    conn: sqlite3.Connection, stream: int, name_ids: Collection[int], start: int, end: int
) -> dict[tuple[int, str], list[Arrays]]:
    """The parts of the :data:`BLOCK_STATS` series of tensors in ``[start, end]`` that blocks hold.

    One query for all of them, tensor by tensor: a tensor's blocks lie forward through the file,
    so a cold read mostly runs ahead of itself (much faster than in any other order).

    Returns:
        Parts in iteration order, by (name id, statistic).
    """
    out: dict[tuple[int, str], list[Arrays]] = {}
    if not name_ids:
        return out
    marks = ",".join("?" * len(name_ids))
    found = conn.execute(
        "SELECT name, iterations, mean_magnitude, stdev, mean_magnitude_absent, stdev_absent FROM summary_blocks "
        f"WHERE name IN ({marks}) AND stream = ? AND through >= ? AND first <= ? ORDER BY name, through",
        (*sorted(name_ids), stream, start, end),
    )
    for name, its, mm, sd, mm_absent, sd_absent in found:
        out.setdefault((name, "mean_magnitude"), []).append(_cut(its, mm, mm_absent, start, end))
        out.setdefault((name, "stdev"), []).append(_cut(its, sd, sd_absent, start, end))
    return out


def blocked(key: SeriesKey) -> bool:
    """True when blocks hold the series of ``key``: the score, and the statistics of :data:`BLOCK_STATS`."""
    return key.source == "score" or (key.source == "summary" and key.stat in BLOCK_STATS)


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
