"""FileStatsStorage's blocks: series read from blocks equal the same series read from rows.

The oracle is the rows themselves (the version-1 read path, :func:`series_query`), so every
test compares a storage that uses blocks with what its file's rows say: the score, every
statistic, and the report fields (learning rates, performance, memory, devices, collection_ms),
with non-finite and absent values and names that JSON escapes.
"""

from __future__ import annotations

import math
import random
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from fitscope.errors import CorruptFileError, StorageError
from fitscope.records import DeviceMemory, Memory, Performance, ScoreSeries, StatsReport, Summary
from fitscope.storage import FileStatsStorage, StatsStorage, parse_series_key
from fitscope.storage import _sqlite_blocks as blocks
from fitscope.storage._sqlite_reads import series_from_rows, series_query
from fitscope.storage.base import Series

from . import factories as f
from .contract import StorageContract

_SPECIAL = (math.nan, math.inf, -math.inf, None, 0.0, -0.0, 1e308, 5e-324)


@pytest.fixture(params=[1, 3])
def small_blocks(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> int:
    """Blocks of 1 or 3 reports, so that a few reports already make blocks."""
    size: int = request.param
    monkeypatch.setattr(blocks, "BLOCK_REPORTS", size)
    return size


class TestFileContractWithSmallBlocks(StorageContract):
    """The whole storage contract, with nearly every report sealed into blocks."""

    @pytest.fixture
    def storage(self, tmp_path: Path, small_blocks: int) -> Iterator[StatsStorage]:
        s = FileStatsStorage(tmp_path / "run.fitscope")
        yield s
        s.close()


def _value(rng: random.Random) -> float | None:
    return rng.choice(_SPECIAL) if rng.random() < 0.2 else rng.uniform(-2.0, 2.0)


def _number(rng: random.Random) -> float:
    """A value of a report field: special ones included (-0.0 stays -0.0 in JSON text, unlike in a REAL column)."""
    value = _value(rng)
    return 0.25 if value is None else value


def _bytes(rng: random.Random) -> int | None:
    return None if rng.random() < 0.2 else rng.randrange(2**40)


#: Learning-rate and device names: plain ones, and ones JSON escapes (their keys read rows).
_LR_NAMES = ("a", "b.weight", 'q"x', "\u00e9t\u00e9", "back\\slash")
_DEVICES = ("cuda:0", "gpu 1", 'd"q', "\u00e9")
_FIELD_KEYS = (
    "collection_ms",
    *(f"performance/{f}" for f in ("total_runtime_ms", "total_examples", "total_minibatches")),
    *(f"performance/{f}" for f in ("examples_per_second", "minibatches_per_second")),
    *(f"memory/{f}" for f in ("process_rss_bytes", "system_total_bytes", "system_available_bytes")),
    *(f"learning_rates/{name}" for name in (*_LR_NAMES, "never-stored")),
    *(f"memory/devices/{d}/{f}" for d in (*_DEVICES, "never") for f in ("current_bytes", "max_bytes", "total_bytes")),
)


def _report(rng: random.Random, iteration: int, worker: str = f.WORKER) -> StatsReport:
    """A report of random tensors and report fields (some missing), random special values and a score
    window reaching back."""
    summaries: dict[str, dict[str, Summary]] = {}
    for kind in ("parameters", "gradients", "updates", "activations"):
        by_name = {
            name: Summary(
                4, nonfinite_count=rng.choice((0, 0, 0, 1, 4)), mean=_value(rng), stdev=_value(rng),
                mean_magnitude=_value(rng),
            )
            for name in ("a", "b", "c")
            if rng.random() < 0.8
        }  # fmt: skip
        if by_name:
            summaries[kind] = by_name
    window = tuple(range(max(1, iteration - rng.choice((0, 1, 2, 12))), iteration + 1))
    scores = tuple(rng.choice((math.nan, math.inf, 1.0 / it)) if rng.random() < 0.1 else 1.0 / it for it in window)
    performance = None
    if rng.random() < 0.8:
        performance = Performance(_number(rng), rng.randrange(10**6), iteration, _number(rng), 8.0)
    memory = None
    if rng.random() < 0.8:
        devices = tuple(DeviceMemory(d, _bytes(rng), _bytes(rng), _bytes(rng)) for d in _DEVICES if rng.random() < 0.7)
        memory = Memory(_bytes(rng), 2**36, _bytes(rng), devices)
    return StatsReport(
        f.SESSION, worker, f.T0 + iteration, iteration, score=scores[-1], scores=ScoreSeries(window, scores),
        learning_rates={n: _number(rng) for n in _LR_NAMES if rng.random() < 0.8},
        performance=performance, memory=memory, collection_ms=_value(rng), summaries=summaries,
    )  # fmt: skip


def _keys() -> list[str]:
    keys = ["score"]
    for kind in ("parameters", "gradients", "updates", "activations"):
        for name in ("a", "b", "c", "never-stored"):
            keys += [f"{kind}/{name}/{stat}" for stat in (*blocks.BLOCK_STATS, "count")]
    return keys + list(_FIELD_KEYS)


def _from_rows(path: Path, key: str, start: int | None, end: int | None, worker: str = f.WORKER) -> Series:
    """The series as the file's rows hold it (the version-1 read)."""
    parsed = parse_series_key(key)
    conn = sqlite3.connect(path)
    try:
        row = conn.execute("SELECT id FROM streams WHERE session_id = ? AND worker_id = ?", (f.SESSION, worker))
        stream = row.fetchone()[0]
        found = conn.execute("SELECT id FROM names WHERE kind = ? AND name = ?", (parsed.kind, parsed.name)).fetchone()
        query = series_query(parsed, stream, None if found is None else found[0], start, end)
        return series_from_rows([] if query is None else conn.execute(*query).fetchall())
    finally:
        conn.close()


def _assert_reads_equal_rows(storage: FileStatsStorage, rng: random.Random, worker: str = f.WORKER) -> None:
    its = storage.read_series(f.SESSION, worker, "score").iterations
    for key in _keys():
        bounds = [(None, None), (its[len(its) // 2], None), (None, its[len(its) // 3])]
        bounds += [tuple(sorted(rng.sample(its, 2))) for _ in range(2)]
        for start, end in bounds:
            expected = _from_rows(storage.path, key, start, end, worker)
            got = storage.read_series(f.SESSION, worker, key, start, end)
            assert got.iterations == expected.iterations, (key, start, end)
            assert repr(got.values) == repr(expected.values), (key, start, end)  # NaN, -0.0 and None alike
            arrays = storage.read_series_arrays(f.SESSION, worker, key, start, end)
            assert arrays.iterations.tolist() == expected.iterations
            absent = [v is None for v in expected.values]
            assert (arrays.absent is not None and arrays.absent.tolist() == absent) or (
                arrays.absent is None and not any(absent)
            )
            values = np.array(expected.values, dtype=np.float64)
            assert arrays.values.tobytes() == values.tobytes(), (key, start, end)


def _block_count(path: Path, table: str = "summary_blocks") -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


def _sql(path: Path, *statements: str) -> list[Any]:
    """Runs statements on the file (committed); returns the rows of the last."""
    conn = sqlite3.connect(path)
    try:
        found: list[Any] = []
        for statement in statements:
            found = conn.execute(statement).fetchall()
        conn.commit()
        return found
    finally:
        conn.close()


def test_reads_equal_the_rows_through_rewrites_and_out_of_order_reports(tmp_path: Path, small_blocks: int) -> None:
    rng = random.Random(small_blocks)
    path = tmp_path / "run.fitscope"
    with FileStatsStorage(path) as s:
        stored: list[int] = []
        for step in range(120):
            if stored and rng.random() < 0.15:
                iteration = rng.choice(stored)  # a rewrite
            elif stored and rng.random() < 0.1:
                iteration = rng.randrange(1, max(stored)) * 10 + 5  # between stored ones
            else:
                iteration = (max(stored, default=0) // 10 + 1) * 10
            s.put_update(_report(rng, iteration))
            s.put_update(_report(rng, iteration, worker="other"))
            stored.append(iteration)
            if step % 20 == 19:
                _assert_reads_equal_rows(s, rng)
        _assert_reads_equal_rows(s, rng, worker="other")
        assert _block_count(path) > 0 and _block_count(path, "field_blocks") > 0
    with FileStatsStorage(path, read_only=True) as s:
        _assert_reads_equal_rows(s, rng)


def test_blocks_cover_the_first_reports_and_rows_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "run.fitscope"
    n = blocks.BLOCK_REPORTS * 2 + 10
    with FileStatsStorage(path) as s:
        for it in range(1, n + 1):
            s.put_update(f.report(it))
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT through FROM sealed").fetchall() == [(blocks.BLOCK_REPORTS * 2,)]
        # One block per tensor and sealing (fc1.weight/bias x 3 kinds, plus 'act'), one of scores per sealing.
        assert conn.execute("SELECT count(*) FROM summary_blocks").fetchone()[0] == 2 * 7
        assert conn.execute("SELECT count(*) FROM score_blocks").fetchone()[0] == 2
        # Report fields: collection_ms, 5 performance, 3 memory, 2 learning rates, 3 of cuda:0.
        keys = conn.execute("SELECT key FROM field_blocks WHERE through = ?", (blocks.BLOCK_REPORTS,)).fetchall()
        assert len(keys) == 14 and ("learning_rates/fc1.weight",) in keys
        # Counts with nothing non-finite (all of them here) are all zeros: no values stored.
        assert conn.execute("SELECT count(*) FROM summary_blocks WHERE nonfinite_count IS NULL").fetchone()[0] == 14
        for query in (
            "SELECT iterations, stdev, stdev_absent FROM summary_blocks "
            "WHERE name = 1 AND stream = 1 AND through >= 0 AND first <= 10 ORDER BY through",
            'SELECT key, iterations, "values", absent FROM field_blocks WHERE stream = 1 '
            "AND key IN ('collection_ms', 'memory/system_total_bytes') AND through >= 0 AND first <= 10 "
            "ORDER BY key, through",
        ):
            plan = conn.execute(f"EXPLAIN QUERY PLAN {query}").fetchall()
            assert len(plan) == 1 and plan[0][3].startswith("SEARCH") and "TEMP B-TREE" not in plan[0][3], plan
    finally:
        conn.close()
    with FileStatsStorage(path, read_only=True) as s:
        _assert_reads_equal_rows(s, random.Random(0))


def _downgrade_to_version_1(path: Path) -> None:
    """Makes ``path`` what fitscope's schema version 1 wrote: the same tables, without the blocks."""
    conn = sqlite3.connect(path)
    try:
        for table in ("sealed", "summary_blocks", "score_blocks", "field_blocks"):
            conn.execute(f"DROP TABLE {table}")
        conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
        conn.commit()
    finally:
        conn.close()


_VERSION_2_BLOCK_TABLES = """
CREATE TABLE summary_blocks (
    id INTEGER PRIMARY KEY, name INTEGER NOT NULL, stream INTEGER NOT NULL, first INTEGER NOT NULL,
    through INTEGER NOT NULL, iterations BLOB NOT NULL, mean_magnitude BLOB NOT NULL, stdev BLOB NOT NULL,
    mean_magnitude_absent BLOB, stdev_absent BLOB,
    UNIQUE (name, stream, through));
CREATE INDEX summary_blocks_by_stream ON summary_blocks (stream, through);
CREATE TABLE score_blocks (
    id INTEGER PRIMARY KEY, stream INTEGER NOT NULL, first INTEGER NOT NULL, through INTEGER NOT NULL,
    iterations BLOB NOT NULL, "values" BLOB NOT NULL, absent BLOB,
    UNIQUE (stream, through))
"""


def _downgrade_to_version_2(path: Path) -> None:
    """Makes ``path`` what fitscope's schema version 2 wrote: blocks of the score and two statistics only.

    Version 2 stored every values blob (no NULL for all zeros) and had no field blocks.
    """

    def values(its: bytes, blob: bytes | None) -> bytes:
        return bytes(len(its)) if blob is None else blob

    conn = sqlite3.connect(path)
    try:
        summary = conn.execute(
            "SELECT id, name, stream, first, through, iterations, mean_magnitude, stdev, mean_magnitude_absent, "
            "stdev_absent FROM summary_blocks"
        ).fetchall()
        score = conn.execute(
            'SELECT id, stream, first, through, iterations, "values", absent FROM score_blocks'
        ).fetchall()
        for table in ("summary_blocks", "score_blocks", "field_blocks"):
            conn.execute(f"DROP TABLE {table}")
        for statement in _VERSION_2_BLOCK_TABLES.split(";"):
            conn.execute(statement)
        conn.executemany(
            "INSERT INTO summary_blocks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(*r[:6], values(r[5], r[6]), values(r[5], r[7]), *r[8:]) for r in summary],
        )
        conn.executemany(
            "INSERT INTO score_blocks VALUES (?, ?, ?, ?, ?, ?, ?)", [(*r[:5], values(r[4], r[5]), r[6]) for r in score]
        )
        conn.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
        conn.commit()
    finally:
        conn.close()


def test_a_version_1_file_is_read_from_rows_and_migrated_by_a_writer(tmp_path: Path, small_blocks: int) -> None:
    rng = random.Random(7)
    path = tmp_path / "old.fitscope"
    with FileStatsStorage(path) as s:
        for it in range(1, 31):
            s.put_update(_report(rng, it * 10))
    _downgrade_to_version_1(path)
    with FileStatsStorage(path, read_only=True) as s:
        _assert_reads_equal_rows(s, rng)
    with FileStatsStorage(path) as s:  # a writer migrates the file: blocks catch up, one a report
        conn = sqlite3.connect(path)
        try:
            assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == ("3",)
        finally:
            conn.close()
        _assert_reads_equal_rows(s, rng)
        for it in range(31, 41):
            s.put_update(_report(rng, it * 10))
            _assert_reads_equal_rows(s, rng)
        assert _block_count(path) > 0


def test_a_version_2_file_is_read_from_its_blocks_and_rows_and_migrated_by_a_writer(
    tmp_path: Path, small_blocks: int
) -> None:
    """A file written before the blocks held every charted series (schema version 2) reads the same;
    a writer brings it to version 3 (its blocks dropped, then built again a report at a time)."""
    rng = random.Random(8)
    path = tmp_path / "old.fitscope"
    with FileStatsStorage(path) as s:
        for it in range(1, 31):
            s.put_update(_report(rng, it * 10))
    _downgrade_to_version_2(path)
    assert _block_count(path) > 0
    with FileStatsStorage(path, read_only=True) as s:
        _assert_reads_equal_rows(s, rng)
        assert blocks.blocked(parse_series_key("parameters/a/stdev"), 2)
        assert not blocks.blocked(parse_series_key("parameters/a/mean"), 2)
        assert not blocks.blocked(parse_series_key("collection_ms"), 2)
    with FileStatsStorage(path) as s:
        assert _sql(path, "SELECT value FROM meta WHERE key = 'schema_version'") == [("3",)]
        assert _block_count(path) == 0 and _block_count(path, "field_blocks") == 0
        assert _sql(path, "SELECT count(*) FROM sealed") == [(0,)]
        _assert_reads_equal_rows(s, rng)
        for it in range(31, 41):
            s.put_update(_report(rng, it * 10))
            _assert_reads_equal_rows(s, rng)
        assert _block_count(path) > 0 and _block_count(path, "field_blocks") > 0


def _outcome(read: Any) -> Any:
    """What a read returns, or the type of what it raises (rows and blocks must agree on both)."""
    try:
        return read()
    except (StorageError, ValueError, sqlite3.Error) as exc:
        return type(exc)


@pytest.mark.parametrize(
    "fields",
    [
        '{"learning_rates":{"fc1.weight":',  # not JSON
        '{"learning_rates":{"\\u0066c1.weight":0.5}}',  # a plain name written escaped
        '{"learning_rates":{"fc1.weight":0.5,"fc1.weight":0.7}}',  # a name twice
        '{"memory":{"process_rss_bytes":"lots"}}',  # no number
        '{"learning_rates":[0.5],"performance":3,"memory":{"devices":{"cuda:0":7}}}',  # other shapes
    ],
)
def test_report_fields_that_fitscope_does_not_write_stay_unblocked(
    tmp_path: Path, small_blocks: int, fields: str
) -> None:
    """Fields not as fitscope writes them never block a put, and read as their rows read."""
    path = tmp_path / "run.fitscope"
    with FileStatsStorage(path) as s:
        s.put_update(f.report(1))
    _sql(
        path,
        "DELETE FROM summary_blocks",
        "DELETE FROM score_blocks",
        "DELETE FROM field_blocks",
        "DELETE FROM sealed",
        f"UPDATE reports SET fields = '{fields}' WHERE iteration = 1",
    )
    with FileStatsStorage(path) as s:
        for it in range(2, 8):
            s.put_update(f.report(it))
        assert s.count_updates(f.SESSION, f.WORKER) == 7
        sealed = _sql(path, "SELECT count(*) FROM sealed")[0][0]
        if "[0.5]" not in fields:  # a shape no key reads: blocked like any other
            assert sealed == 0
        keys = [*_FIELD_KEYS, "learning_rates/fc1.weight", "learning_rates/\\u0066c1.weight"]
        keys += [f"memory/devices/cuda:0/{f}" for f in ("current_bytes", "max_bytes", "total_bytes")]
        for key in keys:
            rows = _outcome(lambda key=key: _from_rows(path, key, None, None))  # type: ignore[misc]
            arrays = _outcome(lambda key=key: s.read_series_arrays(f.SESSION, f.WORKER, key))  # type: ignore[misc]
            if isinstance(rows, Series):
                assert not isinstance(arrays, type), (key, arrays)
                assert arrays.iterations.tolist() == rows.iterations, key
                assert arrays.values.tobytes() == np.array(rows.values, dtype=np.float64).tobytes(), key
            else:
                assert arrays is not None and isinstance(arrays, type), (key, rows)


def test_a_stored_value_that_is_no_number_never_blocks_a_put(tmp_path: Path, small_blocks: int) -> None:
    path = tmp_path / "run.fitscope"
    with FileStatsStorage(path) as s:
        s.put_update(f.report(1))
    conn = sqlite3.connect(path)
    try:  # not something fitscope writes: text that is no number
        conn.execute("UPDATE summaries SET stdev = 'garbage' WHERE iteration = 1")
        for table in ("summary_blocks", "score_blocks", "field_blocks", "sealed"):
            conn.execute(f"DELETE FROM {table}")
        conn.commit()
    finally:
        conn.close()
    with FileStatsStorage(path) as s:
        for it in range(2, 8):
            s.put_update(f.report(it))
        assert s.count_updates(f.SESSION, f.WORKER) == 7
        assert s.read_series(f.SESSION, f.WORKER, "score").iterations == list(range(1, 8))
        with pytest.raises(CorruptFileError, match="garbage"):  # read as the rows read it: damage
            s.read_series(f.SESSION, f.WORKER, "parameters/fc1.weight/stdev")


def test_many_series_at_once_equal_each_read_alone(tmp_path: Path, small_blocks: int) -> None:
    rng = random.Random(11)
    path = tmp_path / "run.fitscope"
    with FileStatsStorage(path) as s:
        for it in (*range(10, 200, 10), 55, 30, *range(200, 260, 10)):
            s.put_update(_report(rng, it))
            if it % 50 == 0:
                s.put_metrics(f.metrics(it, {"val/loss": _value(rng) or 0.5}))
        s.put_update(f.report(300))  # report fields: performance, memory, learning rates
        keys = [*_keys(), "metrics/val/loss", "collection_ms", "learning_rates/fc1.weight", "score", "metrics/nope"]
        for start, end in ((None, None), (25, 205), (205, None)):
            many = s.read_many_series_arrays(f.SESSION, f.WORKER, keys, start, end)
            assert len(many) == len(keys)
            for key, got in zip(keys, many, strict=True):
                alone = s.read_series_arrays(f.SESSION, f.WORKER, key, start, end)
                assert got.iterations.tolist() == alone.iterations.tolist(), key
                assert got.values.tobytes() == alone.values.tobytes(), key
                assert repr(got.absent) == repr(alone.absent), key
                series = s.read_series(f.SESSION, f.WORKER, key, start, end)
                assert got.iterations.tolist() == series.iterations
        assert s.read_many_series_arrays(f.SESSION, "no-such-worker", keys[:3])[0].iterations.tolist() == []
