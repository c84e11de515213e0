"""The read queries of a FileStatsStorage, and the records and series built from their rows.

Each series key form is one query over one index: ``scores`` and ``summaries`` are keyed so
that a series is a single range scan, already in iteration order; report fields come from
``json_extract`` over the ``reports`` rows of the stream. The series the file keeps in blocks
(:func:`~._sqlite_blocks.blocked`) are read from their blocks first (:func:`read_arrays`).
"""

from __future__ import annotations

import bisect
import contextlib
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any, Final, NamedTuple

import numpy as np
import numpy.typing as npt

from fitscope.records import MetricsRecord, ScoreSeries, StatsReport, Summary
from fitscope.storage import _sqlite_blocks as blocks
from fitscope.storage import _sqlite_checks as check
from fitscope.storage import _sqlite_rows as rows
from fitscope.storage._sqlite_schema import UNIT_STAT_COLUMNS, has_unit_stats
from fitscope.storage.base import Series, SeriesKey

__all__ = [
    "I64_MAX",
    "I64_MIN",
    "SeriesArrays",
    "empty_arrays",
    "load_reports",
    "metrics_from_rows",
    "read_arrays",
    "series_from_arrays",
    "series_from_rows",
    "series_query",
]

I64_MIN: Final = -(2**63)
I64_MAX: Final = 2**63 - 1

Row = tuple[Any, ...]


def load_reports(
    conn: sqlite3.Connection,
    stream: int,
    found: list[Row],
    session_id: str,
    worker_id: str,
    name_of: Callable[[int], tuple[str, str]],
    *,
    score_times: bool = False,
    unit_stats: bool = False,
    histograms: bool = True,
) -> list[StatsReport]:
    """Builds full reports from ``reports`` rows (:data:`~._sqlite_rows.REPORT_COLUMNS`).

    Two more queries fetch the summaries of all of them (with their histograms) and the scores
    their windows span.

    Args:
        conn: A read connection.
        stream: The stream the rows belong to.
        found: The rows, in iteration order.
        session_id: Their session.
        worker_id: Their worker.
        name_of: Maps a name id to its (kind, name).
        score_times: The file's ``scores`` has the ``timestamp_ms`` column.
        unit_stats: The file's ``summaries`` has the zero and unit counts.
        histograms: Read the histograms too (False: the summaries come without them, a cheaper read).

    Raises:
        Damaged: A row holds what fitscope does not write (with the iteration of its report).
    """
    if not found:
        return []
    ids = [r[0] for r in found]
    iteration_of = {r[0]: r[1] for r in found}
    summaries: dict[int, dict[str, dict[str, Summary]]] = defaultdict(dict)
    marks = ",".join("?" * len(ids))
    if histograms:
        summary_sql = (
            f"SELECT {rows.summary_read_columns(unit_stats)} FROM summaries AS s LEFT JOIN histograms AS h "
            f"ON h.name = s.name AND h.stream = s.stream AND h.iteration = s.iteration WHERE s.report IN ({marks})"
        )
    else:
        summary_sql = (
            f"SELECT {rows.summary_read_columns(unit_stats, histograms=False)} FROM summaries AS s "
            f"WHERE s.report IN ({marks})"
        )
    for r in conn.execute(summary_sql, ids):
        kind, name = name_of(r[0])
        try:
            summary = rows.summary_from_row(r[4:])
        except check.Damaged as exc:
            raise check.Damaged(f"{kind} {name!r}: {exc.detail}", iteration_of.get(r[3])) from None
        summaries[r[3]].setdefault(kind, {})[name] = summary
    spans = [(r[6], r[7]) for r in found if r[6] is not None]
    score_its: list[int] = []
    score_values: list[float] = []
    score_ts: list[int | None] = []
    if spans:
        try:
            lo = min(check.integer(s[0], "a score window's start") for s in spans)
            hi = max(check.integer(s[1], "a score window's end") for s in spans)
        except check.Damaged as exc:
            raise check.Damaged(exc.detail, found[0][1]) from None
        ts_column = "timestamp_ms" if score_times else "NULL"
        for it, v, ts in conn.execute(
            f"SELECT iteration, value, {ts_column} FROM scores WHERE stream = ? AND iteration BETWEEN ? AND ? "
            "ORDER BY iteration",
            (stream, lo, hi),
        ):
            try:
                score_its.append(check.integer(it, "a score's iteration"))
                score_values.append(check.real(v, "a score"))
                score_ts.append(check.optional_timestamp(ts, "a score's timestamp_ms"))
            except check.Damaged as exc:
                raise check.Damaged(exc.detail, it if type(it) is int else None) from None
    out = []
    for r in found:
        try:
            window = ScoreSeries()
            if r[6] is not None:
                lo, hi = bisect.bisect_left(score_its, r[6]), bisect.bisect_right(score_its, r[7])
                times = score_ts[lo:hi]
                window = ScoreSeries(
                    tuple(score_its[lo:hi]),
                    tuple(score_values[lo:hi]),
                    () if None in times else tuple(t for t in times if t is not None),
                )
            out.append(rows.report_from_row(r, session_id, worker_id, summaries.get(r[0], {}), window))
        except check.Damaged as exc:
            raise check.Damaged(exc.detail, exc.iteration if exc.iteration is not None else r[1]) from None
    return out


def series_query(
    key: SeriesKey, stream: int, name_id: int | None, start: int | None, end: int | None, unit_stats: bool = True
) -> tuple[str, list[Any]] | None:
    """Returns the (sql, parameters) reading one series, or None when it is certainly empty.

    Args:
        key: The parsed series key.
        stream: The stream to read.
        name_id: The id of the metric or summary name of ``key`` (None when never stored).
        start: Lowest iteration, or None.
        end: Highest iteration, or None.
        unit_stats: The file has the zero and unit counts. Their series hold the reports that
            counted them (a row written before the columns, or a tensor without units, is skipped).
    """
    bounds = (I64_MIN if start is None else start, I64_MAX if end is None else end)
    if key.source == "score":
        sql = "SELECT iteration, value FROM scores WHERE stream = ? AND iteration BETWEEN ? AND ? ORDER BY iteration"
        return sql, [stream, *bounds]
    if key.source in ("metric", "summary"):
        if name_id is None:
            return None
        # The statistic is one of SUMMARY_STATS (parse_series_key checked it), so quoting it is safe.
        table, column = ("metrics", "value") if key.source == "metric" else ("summaries", f'"{key.stat}"')
        counted = ""
        if key.source == "summary" and key.stat in UNIT_STAT_COLUMNS:
            if not unit_stats:
                return None
            counted = f"AND {column} IS NOT NULL "
        sql = (
            f"SELECT iteration, {column} FROM {table} WHERE stream = ? AND name = ? "
            f"AND iteration BETWEEN ? AND ? {counted}ORDER BY iteration"
        )
        return sql, [stream, name_id, *bounds]
    value, present, extra = rows.report_field_sql(key.name)
    sql = (
        f"SELECT iteration, {value} FROM reports WHERE stream = ? AND iteration BETWEEN ? AND ? "
        f"AND {present} ORDER BY iteration"
    )
    n_value = value.count("?")
    return sql, [*extra[:n_value], stream, *bounds, *extra[n_value:]]


def series_from_rows(found: list[Row]) -> Series:
    """Builds a series from (iteration, stored value) rows."""
    iterations = [r[0] for r in found]
    values = [r[1] for r in found]
    if not set(map(type, iterations)) <= {int}:
        bad = next(it for it in iterations if type(it) is not int)
        raise check.Damaged(f"a series point's iteration is {bad!r}")
    if not set(map(type, values)) <= {int, float, type(None)}:  # 'NaN' text is rare: decode only then
        values = [check.series_value(v, "a series point") for v in values]
    return Series(iterations, values)


def metrics_from_rows(found: list[Row], session_id: str, worker_id: str) -> list[MetricsRecord]:
    """Merges (iteration, epoch, timestamp_ms, name, value) rows, in iteration then put order."""
    by_iteration: dict[int, list[Row]] = {}
    for r in found:
        by_iteration.setdefault(r[0], []).append(r)
    out = []
    for iteration, group in by_iteration.items():
        latest = group[-1]  # the last put at this iteration sets its epoch and time
        try:
            values = {check.text(r[3], "a metric's name"): check.real(r[4], f"metric {r[3]!r}") for r in group}
            record = MetricsRecord(
                session_id,
                worker_id,
                check.timestamp(latest[2], "a metric's timestamp_ms"),
                check.integer(iteration, "a metric's iteration"),
                epoch=check.integer(latest[1], "a metric's epoch"),
                values=values,
            )
        except check.Damaged as exc:
            raise check.Damaged(exc.detail, iteration if type(iteration) is int else None) from None
        out.append(record)
    return out


class SeriesArrays(NamedTuple):
    """A series as numpy arrays (what :meth:`FileStatsStorage.read_series_arrays` returns).

    Attributes:
        iterations: Increasing iterations (int64).
        values: The values (float64); NaN where absent.
        absent: True where the value is absent (``None`` in a :class:`Series`); None when no value is.
    """

    iterations: npt.NDArray[np.int64]
    values: npt.NDArray[np.float64]
    absent: npt.NDArray[np.bool_] | None


def empty_arrays() -> SeriesArrays:
    """A series without points."""
    return SeriesArrays(*blocks.join([]))


def read_arrays(
    conn: sqlite3.Connection,
    keys: Sequence[SeriesKey],
    stream: int,
    name_ids: Sequence[int | None],
    start: int | None,
    end: int | None,
    *,
    version: int,
) -> list[SeriesArrays]:
    """Reads series as arrays, from their blocks (where the file has blocks of them), then from rows.

    All in one read transaction, so every series (blocks and rows) comes from one state of the
    file, and in the order of the file: the blocks of all the series (a query per block table),
    then the rows.

    Args:
        conn: A read connection.
        keys: The parsed series keys.
        stream: Their stream.
        name_ids: Per key, the id of its metric or summary name (None when never stored or not named).
        start: Lowest iteration, or None.
        end: Highest iteration, or None.
        version: The file's schema version, which says what its blocks hold (see
            :func:`~._sqlite_blocks.blocked`).

    Returns:
        One series per key, in the order of ``keys``.
    """
    lo = I64_MIN if start is None else start
    hi = I64_MAX if end is None else end
    conn.execute("BEGIN")
    try:
        mark = blocks.sealed_through(conn, stream) if version >= 2 else None
        if mark is not None and lo > mark:
            mark = None  # nothing asked for is in blocks
        in_blocks = [mark is not None and blocks.blocked(k, version) for k in keys]
        summary_parts: dict[tuple[int, str], list[blocks.Arrays]] = {}
        field_parts: dict[str, list[blocks.Arrays]] = {}
        score_parts: list[blocks.Arrays] = []
        unit_stats = not any(k.stat in UNIT_STAT_COLUMNS for k in keys) or has_unit_stats(conn)
        if mark is not None:
            wanted: dict[int, set[str]] = {}
            for key, name_id, b in zip(keys, name_ids, in_blocks, strict=True):
                if b and key.source == "summary" and name_id is not None:
                    wanted.setdefault(name_id, set()).add(key.stat)
            summary_parts = blocks.read_summary_blocks(conn, stream, wanted, lo, hi)
            fields = [k.name for k, b in zip(keys, in_blocks, strict=True) if b and k.source == "report"]
            field_parts = blocks.read_field_blocks(conn, stream, fields, lo, hi)
            if any(k.source == "score" for k in keys):
                score_parts = blocks.read_score_blocks(conn, stream, lo, hi)
        out: dict[int, SeriesArrays] = {}
        # Rows of one tensor lie together too: read them in name order.
        for i in sorted(range(len(keys)), key=lambda i: (name_ids[i] or 0, i)):
            key, name_id = keys[i], name_ids[i]
            parts: list[blocks.Arrays] = []
            rows_from = lo
            if in_blocks[i]:
                assert mark is not None
                if key.source == "score":
                    parts = list(score_parts)
                elif key.source == "report":
                    parts = list(field_parts.get(key.name, []))
                else:
                    parts = list(summary_parts.get((name_id or 0, key.stat), []))
                rows_from = mark + 1
            query = series_query(key, stream, name_id, rows_from, hi, unit_stats) if rows_from <= hi else None
            found = [] if query is None else conn.execute(*query).fetchall()
            if found or not parts:
                parts.append(blocks.column_arrays([r[0] for r in found], [r[1] for r in found]))
            out[i] = SeriesArrays(*blocks.join(parts))
    except BaseException:
        with contextlib.suppress(sqlite3.Error):  # the original error says more
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return [out[i] for i in range(len(keys))]


def series_from_arrays(arrays: SeriesArrays) -> Series:
    """The :class:`Series` of ``arrays`` (``None`` where absent)."""
    values: list[float | None] = arrays.values.tolist()
    if arrays.absent is not None:
        for i in np.flatnonzero(arrays.absent).tolist():
            values[i] = None
    return Series(arrays.iterations.tolist(), values)
