"""FileStatsStorage's blocks: series read from blocks equal the same series read from rows.

The oracle is the rows themselves (the version-1 read path, :func:`series_query`), so every
test compares a storage that uses blocks with what its file's rows say.
"""

from __future__ import annotations

import math
import random
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from fitscope.records import ScoreSeries, StatsReport, Summary
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


def _report(rng: random.Random, iteration: int, worker: str = f.WORKER) -> StatsReport:
    """A report of random tensors (some missing), random special values and a score window reaching back."""
    summaries: dict[str, dict[str, Summary]] = {}
    for kind in ("parameters", "gradients", "updates", "activations"):
        by_name = {
            name: Summary(4, mean=_value(rng), stdev=_value(rng), mean_magnitude=_value(rng))
            for name in ("a", "b", "c")
            if rng.random() < 0.8
        }
        if by_name:
            summaries[kind] = by_name
    window = tuple(range(max(1, iteration - rng.choice((0, 1, 2, 12))), iteration + 1))
    scores = tuple(rng.choice((math.nan, math.inf, 1.0 / it)) if rng.random() < 0.1 else 1.0 / it for it in window)
    return StatsReport(
        f.SESSION, worker, f.T0 + iteration, iteration, score=scores[-1], scores=ScoreSeries(window, scores),
        summaries=summaries,
    )  # fmt: skip


def _keys() -> list[str]:
    keys = ["score"]
    for kind in ("parameters", "gradients", "updates", "activations"):
        for name in ("a", "b", "c", "never-stored"):
            keys += [f"{kind}/{name}/{stat}" for stat in blocks.BLOCK_STATS]
    return keys


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


def _block_count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM summary_blocks").fetchone()[0])
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
        assert _block_count(path) > 0
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
        plan = conn.execute(
            "EXPLAIN QUERY PLAN SELECT iterations, stdev, stdev_absent FROM summary_blocks "
            "WHERE name = 1 AND stream = 1 AND through >= 0 AND first <= 10 ORDER BY through"
        ).fetchall()
        assert len(plan) == 1 and plan[0][3].startswith("SEARCH") and "TEMP B-TREE" not in plan[0][3]
    finally:
        conn.close()
    with FileStatsStorage(path, read_only=True) as s:
        _assert_reads_equal_rows(s, random.Random(0))


def _downgrade_to_version_1(path: Path) -> None:
    """Makes ``path`` what fitscope's schema version 1 wrote: the same tables, without the blocks."""
    conn = sqlite3.connect(path)
    try:
        for table in ("sealed", "summary_blocks", "score_blocks"):
            conn.execute(f"DROP TABLE {table}")
        conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
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
            assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == ("2",)
        finally:
            conn.close()
        _assert_reads_equal_rows(s, rng)
        for it in range(31, 41):
            s.put_update(_report(rng, it * 10))
            _assert_reads_equal_rows(s, rng)
        assert _block_count(path) > 0


def test_a_stored_value_that_is_no_number_never_blocks_a_put(tmp_path: Path, small_blocks: int) -> None:
    path = tmp_path / "run.fitscope"
    with FileStatsStorage(path) as s:
        s.put_update(f.report(1))
    conn = sqlite3.connect(path)
    try:  # not something fitscope writes: text that is no number
        conn.execute("UPDATE summaries SET stdev = 'garbage' WHERE iteration = 1")
        conn.execute("DELETE FROM summary_blocks")
        conn.execute("DELETE FROM score_blocks")
        conn.execute("DELETE FROM sealed")
        conn.commit()
    finally:
        conn.close()
    with FileStatsStorage(path) as s:
        for it in range(2, 8):
            s.put_update(f.report(it))
        assert s.count_updates(f.SESSION, f.WORKER) == 7
        assert s.read_series(f.SESSION, f.WORKER, "score").iterations == list(range(1, 8))
        with pytest.raises(ValueError, match="garbage"):  # read as the rows read it
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
