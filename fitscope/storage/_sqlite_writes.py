"""The statements of one write transaction of a FileStatsStorage.

A :class:`Transaction` interns (session, worker) streams and (kind, name) names as it goes;
the ids it creates become visible to the storage's caches only through :meth:`publish`, once
the transaction committed, so a rolled-back put never leaves a cached id that does not exist.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping

from fitscope.encoding import to_sql
from fitscope.errors import RecordError
from fitscope.record_json import to_json_dict
from fitscope.records import EpochRecord, MetricsRecord, StaticInfo, StatsReport
from fitscope.storage import _sqlite_blocks as blocks
from fitscope.storage import _sqlite_rows as rows

__all__ = ["Transaction"]

_SUMMARY_MARKS = ",".join("?" * (4 + rows.SUMMARY_STAT_COUNT))
_SUMMARY_INSERT = f"INSERT OR REPLACE INTO summaries ({rows.SUMMARY_COLUMNS}) VALUES ({_SUMMARY_MARKS})"
_HISTOGRAM_INSERT = f"INSERT OR REPLACE INTO histograms ({rows.HISTOGRAM_COLUMNS}) VALUES ({','.join('?' * 7)})"


class Transaction:
    """Writes records inside a transaction that the caller has begun and will commit.

    Args:
        conn: The write connection, inside ``BEGIN IMMEDIATE``.
        streams: The committed (session, worker) -> stream id cache (read only here).
        name_ids: The committed (kind, name) -> name id cache (read only here).
    """

    def __init__(
        self, conn: sqlite3.Connection, streams: Mapping[tuple[str, str], int], name_ids: Mapping[tuple[str, str], int]
    ) -> None:
        self._conn = conn
        self._streams = streams
        self._name_ids = name_ids
        self._new_streams: dict[tuple[str, str], int] = {}
        self._new_names: dict[tuple[str, str], int] = {}
        #: The reports stored, per stream in the order stored, and the streams given static info;
        #: a report stored again exactly as it was (a batch sent twice) is not among them.
        self.reports: dict[int, list[StatsReport]] = {}
        self.static_streams: set[int] = set()

    def publish(
        self,
        streams: dict[tuple[str, str], int],
        stream_keys: dict[int, tuple[str, str]],
        name_ids: dict[tuple[str, str], int],
        names: dict[int, tuple[str, str]],
    ) -> None:
        """Adds the ids this (committed) transaction interned to the storage's caches."""
        for key, stream in self._new_streams.items():
            streams[key] = stream
            stream_keys[stream] = key
        for key, name_id in self._new_names.items():
            name_ids[key] = name_id
            names[name_id] = key

    def stream(self, session_id: str, worker_id: str) -> int:
        """Returns the id of a (session, worker) stream, creating it if needed."""
        key = (session_id, worker_id)
        found = self._streams.get(key) or self._new_streams.get(key)
        if found is not None:
            return found
        row = self._conn.execute(
            "SELECT id FROM streams WHERE session_id = ? AND worker_id = ?", (session_id, worker_id)
        ).fetchone()
        if row is None:
            cur = self._conn.execute("INSERT INTO streams (session_id, worker_id) VALUES (?, ?)", key)
            assert cur.lastrowid is not None
            stream = cur.lastrowid
        else:
            stream = int(row[0])
        self._new_streams[key] = stream
        return stream

    def name(self, kind: str, name: str) -> int:
        """Returns the id of a (kind, name) pair, creating it if needed."""
        key = (kind, name)
        found = self._name_ids.get(key) or self._new_names.get(key)
        if found is not None:
            return found
        row = self._conn.execute("SELECT id FROM names WHERE kind = ? AND name = ?", key).fetchone()
        if row is None:
            cur = self._conn.execute("INSERT INTO names (kind, name) VALUES (?, ?)", key)
            assert cur.lastrowid is not None
            name_id = cur.lastrowid
        else:
            name_id = int(row[0])
        self._new_names[key] = name_id
        return name_id

    def put_static_info(self, info: StaticInfo) -> None:
        """Stores (or replaces) the static info of a stream."""
        stream = self.stream(info.session_id, info.worker_id)
        doc = to_json_dict(info)
        for redundant in ("record", "session_id", "worker_id"):  # kept in other columns / implied
            doc.pop(redundant, None)
        try:
            text = json.dumps(doc, allow_nan=False, separators=(",", ":"))
        except (TypeError, ValueError) as exc:
            raise RecordError(
                f"The StaticInfo of session {info.session_id!r}, worker {info.worker_id!r} holds a value JSON "
                f"cannot represent ({exc}); pass plain str/int/float/bool/list/dict values in hyperparameters "
                "and model config."
            ) from exc
        self._conn.execute(
            "INSERT OR REPLACE INTO static_info (stream, timestamp_ms, json) VALUES (?, ?, ?)",
            (stream, info.timestamp_ms, text),
        )
        self.static_streams.add(stream)

    def put_update(self, report: StatsReport) -> None:
        """Stores a report with its summaries, histograms and scores, replacing one at the same iteration.

        Then keeps the stream's blocks true (see :mod:`._sqlite_blocks`).
        """
        conn = self._conn
        stream = self.stream(report.session_id, report.worker_id)
        old = conn.execute(
            "SELECT id FROM reports WHERE stream = ? AND iteration = ?", (stream, report.iteration)
        ).fetchone()
        unchanged = old is not None and self._as_stored(report, stream, int(old[0]))
        if old is not None:
            conn.execute("DELETE FROM summaries WHERE report = ?", old)
            conn.execute("DELETE FROM histograms WHERE report = ?", old)
            conn.execute("DELETE FROM reports WHERE id = ?", old)
        window = report.scores.iterations
        cur = conn.execute(
            "INSERT INTO reports (stream, iteration, epoch, timestamp_ms, score, collection_ms, window_first, "
            "window_last, fields) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                stream,
                report.iteration,
                report.epoch,
                report.timestamp_ms,
                to_sql(report.score),
                to_sql(report.collection_ms),
                min(window) if window else None,
                max(window) if window else None,
                rows.encode_fields(report),
            ),
        )
        assert cur.lastrowid is not None
        summary_rows, histogram_rows = rows.summary_rows(report, stream, cur.lastrowid, self.name)
        if summary_rows:
            conn.executemany(_SUMMARY_INSERT, summary_rows)
        if histogram_rows:
            conn.executemany(_HISTOGRAM_INSERT, histogram_rows)
        score_rows = rows.score_rows(report, stream)
        if score_rows:
            conn.executemany(
                "INSERT OR REPLACE INTO scores (stream, iteration, value, timestamp_ms) VALUES (?, ?, ?, ?)", score_rows
            )
        conn.execute(
            "UPDATE streams SET last_report_ms = max(coalesce(last_report_ms, ?1), ?1) WHERE id = ?2",
            (report.timestamp_ms, stream),
        )
        blocks.after_update(conn, stream, min((report.iteration, *window)))
        if not unchanged:
            self.reports.setdefault(stream, []).append(report)

    def _as_stored(self, report: StatsReport, stream: int, old: int) -> bool:
        """Whether ``report`` is exactly the one stored as report ``old`` (its row, summaries,
        histograms and score window): what a batch sent twice stores again."""
        conn = self._conn
        window = report.scores.iterations
        row = conn.execute(
            "SELECT epoch, timestamp_ms, score, collection_ms, window_first, window_last, fields FROM reports "
            "WHERE id = ?",
            (old,),
        ).fetchone()
        fields = (
            report.epoch,
            report.timestamp_ms,
            to_sql(report.score),
            to_sql(report.collection_ms),
            min(window) if window else None,
            max(window) if window else None,
            rows.encode_fields(report),
        )
        if row is None or tuple(row) != fields:
            return False
        summary_rows, histogram_rows = rows.summary_rows(report, stream, old, self.name)
        stored = conn.execute(f"SELECT {rows.SUMMARY_COLUMNS} FROM summaries WHERE report = ?", (old,)).fetchall()
        if sorted(stored) != sorted(summary_rows):
            return False
        stored_hist = conn.execute(
            f"SELECT {rows.HISTOGRAM_COLUMNS} FROM histograms WHERE report = ?", (old,)
        ).fetchall()
        if sorted(stored_hist) != sorted(histogram_rows):
            return False
        if not window:
            return True
        scores = conn.execute(
            "SELECT stream, iteration, value, timestamp_ms FROM scores WHERE stream = ? AND iteration BETWEEN ? AND ? "
            "ORDER BY iteration",
            (stream, min(window), max(window)),
        ).fetchall()
        return [tuple(r) for r in scores] == sorted(rows.score_rows(report, stream))

    def put_metrics(self, record: MetricsRecord) -> None:
        """Stores metric values, one row per name; a name already stored at the iteration is replaced."""
        stream = self.stream(record.session_id, record.worker_id)
        self._conn.executemany(
            "INSERT OR REPLACE INTO metrics (stream, name, iteration, value, epoch, timestamp_ms) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [
                (stream, self.name("metric", name), record.iteration, to_sql(value), record.epoch, record.timestamp_ms)
                for name, value in record.values.items()
            ],
        )

    def put_epoch(self, record: EpochRecord) -> None:
        """Stores (or replaces) the end of an epoch."""
        stream = self.stream(record.session_id, record.worker_id)
        self._conn.execute(
            "INSERT OR REPLACE INTO epochs (stream, epoch, iteration, timestamp_ms) VALUES (?, ?, ?, ?)",
            (stream, record.epoch, record.iteration, record.timestamp_ms),
        )
