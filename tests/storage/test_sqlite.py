"""FileStatsStorage: the storage contract, the file format, bad files, and other processes."""

from __future__ import annotations

import dataclasses
import json
import math
import os
import pwd
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from fitscope.errors import (
    CorruptFileError,
    NotAFitscopeFileError,
    RecordError,
    SchemaVersionError,
    StorageClosedError,
    StorageError,
    StorageFileError,
)
from fitscope.records import ScoreSeries, StatsReport
from fitscope.storage import FileStatsStorage, StatsStorage, StorageEvent, parse_series_key
from fitscope.storage._sqlite_reads import series_query
from fitscope.storage.base import FirstNonFinite

from . import factories as f
from .contract import StorageContract, wait_for

TESTS_DIR = Path(__file__).resolve().parents[1]


class TestFileContract(StorageContract):
    @pytest.fixture
    def storage(self, tmp_path: Path) -> Iterator[StatsStorage]:
        s = FileStatsStorage(tmp_path / "nested" / "dirs" / "run.fitscope")
        yield s
        s.close()


def run_python(code: str, *args: str) -> subprocess.Popen[str]:
    """Starts ``python -c code args...`` able to import the tests' factories."""
    env = {**os.environ, "PYTHONPATH": str(TESTS_DIR)}
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


# ---------------------------------------------------------------------- the file


def test_reopening_appends_and_keeps_several_sessions_and_workers(tmp_path: Path) -> None:
    path = tmp_path / "run.fitscope"
    with FileStatsStorage(path) as s:
        s.put_static_info(f.static_info("a", "w0"))
        s.put_update(f.report(1, "a", "w0"))
        s.put_update(f.report(1, "a", "w1"))
    with FileStatsStorage(path) as s:
        s.put_update(f.report(2, "a", "w0"))
        s.put_update(f.report(1, "b", "w0"))
    with FileStatsStorage(path, read_only=True) as s:
        assert s.list_sessions() == ["a", "b"]
        assert s.list_workers("a") == ["w0", "w1"]
        assert [r.iteration for r in s.iter_updates("a", "w0")] == [1, 2]
        assert s.get_static_info("a", "w0") == f.static_info("a", "w0")


def test_a_path_with_spaces_and_uri_characters(tmp_path: Path) -> None:
    path = tmp_path / "my runs" / "a#b?c%20d.fitscope"
    with FileStatsStorage(path) as s:
        s.put_update(f.report(1))
        seen: list[StorageEvent] = []
        s.subscribe(seen.append)
        s.put_update(f.report(2))
        assert wait_for(lambda: len(seen) == 1)
    with FileStatsStorage(str(path), read_only=True) as s:
        assert s.count_updates(f.SESSION, f.WORKER) == 2
    # The same file, not one named after a mangled URI (a read-only connection leaves SQLite's
    # -wal/-shm beside a WAL file: only a read-write connection may remove them).
    assert {p.name for p in path.parent.iterdir()} <= {path.name, path.name + "-wal", path.name + "-shm"}


def test_static_info_that_json_cannot_hold_is_a_record_error(tmp_path: Path) -> None:
    with FileStatsStorage(tmp_path / "run.fitscope") as s:
        bad = dataclasses.replace(f.static_info(), hyperparameters={"device": object()})
        with pytest.raises(RecordError, match="hyperparameters"):
            s.put_static_info(bad)
        assert s.get_static_info(f.SESSION, f.WORKER) is None
        s.put_static_info(f.static_info())
        assert s.get_static_info(f.SESSION, f.WORKER) == f.static_info()


def test_an_empty_file_is_treated_as_new(tmp_path: Path) -> None:
    path = tmp_path / "empty.fitscope"
    path.touch()
    with FileStatsStorage(path) as s:
        s.put_update(f.report(1))
    with FileStatsStorage(path) as s:
        assert s.count_updates(f.SESSION, f.WORKER) == 1


def test_the_file_is_wal_mode_sqlite_with_a_meta_table(tmp_path: Path) -> None:
    path = tmp_path / "run.fitscope"
    FileStatsStorage(path).close()
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert dict(conn.execute("SELECT key, value FROM meta")) == {"format": "fitscope", "schema_version": "3"}
    finally:
        conn.close()


def test_nan_is_stored_as_text_and_null_means_absent(tmp_path: Path) -> None:
    path = tmp_path / "run.fitscope"
    with FileStatsStorage(path) as s:
        s.put_update(StatsReport(f.SESSION, f.WORKER, f.T0, 1, score=math.nan, scores=ScoreSeries((1,), (math.nan,))))
        s.put_update(StatsReport(f.SESSION, f.WORKER, f.T0, 2, score=None))
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT score, typeof(score) FROM reports ORDER BY iteration").fetchall() == [
            ("NaN", "text"),
            (None, "null"),
        ]
        assert conn.execute("SELECT value FROM scores").fetchall() == [("NaN",)]
    finally:
        conn.close()


def test_histograms_live_in_their_own_table_and_are_replaced_with_their_report(tmp_path: Path) -> None:
    path = tmp_path / "run.fitscope"
    first = f.report(7)
    without = dataclasses.replace(
        first,
        summaries={
            kind: {n: dataclasses.replace(s, histogram=None) for n, s in by_name.items()}
            for kind, by_name in first.summaries.items()
        },
    )
    with FileStatsStorage(path) as s:
        s.put_update(first)
        conn = sqlite3.connect(path)
        try:
            columns = [r[1] for r in conn.execute("PRAGMA table_info(summaries)")]
            assert not [c for c in columns if c.startswith("hist")], columns
            # fc1.weight and fc1.bias have histograms in parameters and gradients; updates have none.
            assert conn.execute("SELECT count(*) FROM histograms").fetchone() == (4,)
            s.put_update(without)
            assert conn.execute("SELECT count(*) FROM histograms").fetchone() == (0,)
        finally:
            conn.close()
        got = s.get_latest_update(f.SESSION, f.WORKER)
        assert got is not None and f.same(got, without)
        assert got.summaries["parameters"]["fc1.weight"].histogram is None
        s.put_update(first)
        assert f.same(s.get_latest_update(f.SESSION, f.WORKER), first)


def test_a_model_report_stays_small(tmp_path: Path) -> None:
    path = tmp_path / "run.fitscope"
    with FileStatsStorage(path) as s:
        s.put_update(f.model_report(1))
        for it in range(2, 52):
            s.put_update(f.model_report(it))
        s.put_update(f.model_report(52))
    conn = sqlite3.connect(path)
    try:
        pages = conn.execute("PRAGMA page_count").fetchone()[0] * conn.execute("PRAGMA page_size").fetchone()[0]
    finally:
        conn.close()
    per_report = pages / 52
    # 140 summaries (20 layers: weight and bias x 3 kinds, plus 20 activations) of 20-bin histograms.
    assert per_report < 64_000, per_report
    with FileStatsStorage(path, read_only=True) as s:
        assert f.same(s.get_latest_update(f.SESSION, f.WORKER), f.model_report(52))


def test_series_of_100k_scores_read_back_exactly(tmp_path: Path) -> None:
    path = tmp_path / "run.fitscope"
    n, window = 100_000, 1000
    with FileStatsStorage(path) as s:
        for end in range(window, n + 1, window):
            its = tuple(range(end - window + 1, end + 1))
            values = tuple(math.nan if it % 9973 == 0 else 1.0 / it for it in its)
            s.put_update(StatsReport(f.SESSION, f.WORKER, f.T0, end, score=values[-1], scores=ScoreSeries(its, values)))
        started = time.perf_counter()
        series = s.read_series(f.SESSION, f.WORKER, "score")
        elapsed = time.perf_counter() - started
    assert series.iterations == list(range(1, n + 1))
    for it, v in zip(series.iterations, series.values, strict=True):
        assert (v is not None and math.isnan(v)) if it % 9973 == 0 else v == 1.0 / it
    print(f"read_series('score') of {n} points: {elapsed * 1000:.1f} ms")


@pytest.mark.parametrize(
    "key",
    [
        "score",
        "metrics/val/loss",
        "gradients/fc1.weight/mean_magnitude",
        "learning_rates/fc1.weight",
        "memory/devices/cuda:0/max_bytes",
        "performance/examples_per_second",
        "collection_ms",
    ],
)
def test_every_series_is_one_index_search_without_sorting(tmp_path: Path, key: str) -> None:
    path = tmp_path / "run.fitscope"
    with FileStatsStorage(path) as s:
        s.put_update(f.report(1))
        s.put_metrics(f.metrics(1, {"val/loss": 1.0}))
    query = series_query(parse_series_key(key), 1, 1, None, None)
    assert query is not None
    conn = sqlite3.connect(path)
    try:
        plan = [row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + query[0], query[1])]
    finally:
        conn.close()
    assert len(plan) == 1 and plan[0].startswith("SEARCH"), plan
    assert "TEMP B-TREE" not in plan[0]


def test_reads_from_another_thread_while_writing(tmp_path: Path) -> None:
    path = tmp_path / "run.fitscope"
    errors: list[BaseException] = []
    with FileStatsStorage(path) as s:
        s.put_update(f.report(1))
        done = threading.Event()

        def read() -> None:
            try:
                while not done.is_set():
                    assert s.count_updates(f.SESSION, f.WORKER) >= 1
                    s.read_series(f.SESSION, f.WORKER, "parameters/fc1.weight/mean")
                    list(s.iter_updates(f.SESSION, f.WORKER, start=1, end=5))
            except BaseException as exc:
                errors.append(exc)

        reader = threading.Thread(target=read)
        reader.start()
        for it in range(2, 200):
            s.put_update(f.report(it))
        done.set()
        reader.join()
        assert not errors
        assert s.count_updates(f.SESSION, f.WORKER) == 199


def test_iter_updates_pages_through_many_reports(tmp_path: Path) -> None:
    with FileStatsStorage(tmp_path / "run.fitscope") as s:
        for it in range(1, 301):
            s.put_update(f.report(it, full=False))
        assert [r.iteration for r in s.iter_updates(f.SESSION, f.WORKER)] == list(range(1, 301))
        assert [r.iteration for r in s.iter_updates(f.SESSION, f.WORKER, start=120, end=260)] == list(range(120, 261))


def test_every_method_raises_after_close(tmp_path: Path) -> None:
    s = FileStatsStorage(tmp_path / "run.fitscope")
    s.put_update(f.report(1))
    s.close()
    calls: list[Callable[[], object]] = [
        s.list_sessions,
        lambda: s.list_workers(f.SESSION),
        lambda: s.session_info(f.SESSION),
        lambda: s.get_static_info(f.SESSION, f.WORKER),
        lambda: list(s.iter_updates(f.SESSION, f.WORKER)),
        lambda: s.get_latest_update(f.SESSION, f.WORKER),
        lambda: s.count_updates(f.SESSION, f.WORKER),
        lambda: s.read_series(f.SESSION, f.WORKER, "score"),
        lambda: s.read_metrics(f.SESSION, f.WORKER),
        lambda: s.read_epochs(f.SESSION, f.WORKER),
        lambda: s.summary_names(f.SESSION, f.WORKER),
        lambda: s.first_nonfinite(f.SESSION, f.WORKER),
        lambda: s.put_metrics(f.metrics(1, {})),
    ]
    for call in calls:
        with pytest.raises(StorageClosedError, match=r"run\.fitscope"):
            call()


# ---------------------------------------------------------------------- read-only


def test_read_only_reads_and_refuses_to_write(tmp_path: Path) -> None:
    path = tmp_path / "run.fitscope"
    with FileStatsStorage(path) as s:
        s.put_update(f.report(1))
    before = path.read_bytes()
    with FileStatsStorage(path, read_only=True) as s:
        assert s.count_updates(f.SESSION, f.WORKER) == 1
        with pytest.raises(StorageError, match="read-only"):
            s.put_update(f.report(2))
        with pytest.raises(StorageError, match="read-only"):
            s.put_static_info(f.static_info())
    assert path.read_bytes() == before


def test_read_only_needs_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "missing.fitscope"
    with pytest.raises(StorageFileError, match="does not exist"):
        FileStatsStorage(path, read_only=True)
    assert not path.exists()


# ---------------------------------------------------------------------- bad files


def _other_app(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO customers (name) VALUES ('ada')")
    conn.commit()
    conn.close()


def _fitscope_file(path: Path, reports: int = 200) -> None:
    with FileStatsStorage(path) as s:
        for it in range(1, reports + 1):
            s.put_update(f.report(it))


def _newer_schema(path: Path) -> None:
    _fitscope_file(path, reports=1)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()


def _truncated(path: Path) -> None:
    _fitscope_file(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _damaged_schema(path: Path) -> None:
    _fitscope_file(path)
    data = bytearray(path.read_bytes())
    data[100:4096] = random.Random(1).randbytes(3996)
    path.write_bytes(bytes(data))


BAD_FILES: dict[str, tuple[Callable[[Path], None], type[StorageFileError], str]] = {
    "text": (lambda p: p.write_text("epoch,loss\n1,0.5\n"), NotAFitscopeFileError, "not an SQLite database"),
    "random bytes": (lambda p: p.write_bytes(random.Random(0).randbytes(5000)), NotAFitscopeFileError, "not an SQLite"),
    "sqlite of another app": (_other_app, NotAFitscopeFileError, "not a fitscope file"),
    "newer schema": (_newer_schema, SchemaVersionError, "newer fitscope"),
    "truncated": (_truncated, CorruptFileError, "truncated"),
    "damaged schema page": (_damaged_schema, CorruptFileError, "damaged"),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
@pytest.mark.parametrize("read_only", [False, True])
def test_a_bad_file_is_reported_and_left_untouched(tmp_path: Path, case: str, read_only: bool) -> None:
    make, error, words = BAD_FILES[case]
    path = tmp_path / "input.fitscope"
    make(path)
    before = path.read_bytes()
    listing = sorted(os.listdir(tmp_path))
    with pytest.raises(error, match=words) as info:
        FileStatsStorage(path, read_only=read_only)
    assert str(path) in str(info.value)
    assert info.value.path == str(path)
    assert path.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == listing


def test_damage_found_while_reading_is_a_corrupt_file_error(tmp_path: Path) -> None:
    path = tmp_path / "run.fitscope"
    _fitscope_file(path, reports=400)
    data = bytearray(path.read_bytes())
    half = len(data) // 2
    data[half:] = random.Random(2).randbytes(len(data) - half)
    path.write_bytes(bytes(data))
    with pytest.raises(CorruptFileError, match="damaged"), FileStatsStorage(path, read_only=True) as s:
        list(s.iter_updates(f.SESSION, f.WORKER))
        s.read_series(f.SESSION, f.WORKER, "parameters/fc1.weight/mean")


def test_a_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StorageFileError, match="is a directory"):
        FileStatsStorage(tmp_path)


# ---------------------------------------------------------------------- other processes

WRITER = """
import sys
from fitscope.storage import FileStatsStorage
from storage import factories as f

path, count = sys.argv[1], int(sys.argv[2])
with FileStatsStorage(path) as s:
    s.put_static_info(f.static_info(worker="child"))
    print("ready", flush=True)
    for it in range(1, count + 1):
        s.put_update(f.report(it, worker="child"))
        print("committed", it, flush=True)
"""


def test_another_process_reads_the_file_while_this_one_writes(tmp_path: Path) -> None:
    path = tmp_path / "run.fitscope"
    with FileStatsStorage(path) as s:
        s.put_update(f.report(1))
        reader = run_python(
            """
            import sys, time
            from fitscope.storage import FileStatsStorage
            with FileStatsStorage(sys.argv[1], read_only=True) as s:
                print("open", flush=True)
                deadline = time.monotonic() + 20
                while time.monotonic() < deadline:
                    latest = s.get_latest_update("session-1", "worker-0")
                    if latest is not None and latest.iteration == 50:
                        print("saw", s.count_updates("session-1", "worker-0"), flush=True)
                        break
                    time.sleep(0.01)
            """,
            str(path),
        )
        assert reader.stdout is not None
        assert reader.stdout.readline().strip() == "open"
        for it in range(2, 51):
            s.put_update(f.report(it))
        out, err = reader.communicate(timeout=30)
    assert reader.returncode == 0, err
    assert out.strip() == "saw 50"


def test_a_subscriber_hears_reports_another_process_writes(tmp_path: Path) -> None:
    path = tmp_path / "run.fitscope"
    arrived: dict[int, float] = {}
    with FileStatsStorage(path) as s:

        def on_event(event: StorageEvent) -> None:
            if event.kind == "update" and event.worker_id == "child" and event.iteration is not None:
                arrived[event.iteration] = time.monotonic()

        s.subscribe(on_event)
        writer = run_python(WRITER, str(path), "20")
        assert writer.stdout is not None
        committed: dict[int, float] = {}
        for line in writer.stdout:
            if line.startswith("committed"):
                committed[int(line.split()[1])] = time.monotonic()
        _, err = writer.communicate(timeout=30)
        assert writer.returncode == 0, err
        assert wait_for(lambda: len(arrived) == 20)
    assert sorted(arrived) == list(range(1, 21))
    # Events can arrive a hair before the child's "committed" line is read here, never much after.
    assert max(arrived[it] - committed[it] for it in arrived) < 5.0


def test_reports_announced_before_sigkill_survive(tmp_path: Path) -> None:
    path = tmp_path / "run.fitscope"
    writer = run_python(WRITER, str(path), "1000000")
    assert writer.stdout is not None
    announced = 0
    for line in writer.stdout:
        if line.startswith("committed"):
            announced = int(line.split()[1])
            if announced >= 200:
                break
    writer.send_signal(signal.SIGKILL)
    writer.communicate(timeout=30)
    assert writer.returncode == -signal.SIGKILL
    with FileStatsStorage(path) as s:
        got = {r.iteration: r for r in s.iter_updates(f.SESSION, "child")}
        assert set(range(1, announced + 1)) <= set(got)
        for it in range(1, announced + 1):
            assert f.same(got[it], f.report(it, worker="child")), it
        assert s.get_static_info(f.SESSION, "child") == f.static_info(worker="child")
        s.put_update(f.report(announced + 10**6, worker="child"))


def test_the_watcher_thread_stops_with_the_last_subscriber(tmp_path: Path) -> None:
    with FileStatsStorage(tmp_path / "run.fitscope") as s:
        first = s.subscribe(lambda _: None)
        second = s.subscribe(lambda _: None)
        watcher = s._watcher
        assert watcher is not None
        first.close()
        assert s._watcher is watcher
        second.close()
        assert s._watcher is None
        assert not watcher._thread.is_alive()


def test_static_info_json_is_compact(tmp_path: Path) -> None:
    path = tmp_path / "run.fitscope"
    with FileStatsStorage(path) as s:
        s.put_static_info(f.static_info())
    conn = sqlite3.connect(path)
    try:
        text = conn.execute("SELECT json FROM static_info").fetchone()[0]
    finally:
        conn.close()
    assert "session_id" not in json.loads(text)


# ---------------------------------------------------------------------- score times and non-finite lookups


def _timed(iteration: int) -> StatsReport:
    r = f.report(iteration, window=2, nan=iteration == 3)
    times = tuple(f.T0 + 10 * it for it in r.scores.iterations)
    return dataclasses.replace(r, scores=ScoreSeries(r.scores.iterations, r.scores.values, times))


def _as_before_score_times(path: Path) -> None:
    """Makes ``path`` a version-3 file from before score times and the non-finite indexes."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("DROP INDEX scores_nonfinite")
        conn.execute("DROP INDEX summaries_nonfinite")
        conn.execute("ALTER TABLE scores DROP COLUMN timestamp_ms")
        conn.commit()
    finally:
        conn.close()


def test_a_file_from_before_score_times_reads_them_empty_and_a_writer_adds_them(tmp_path: Path) -> None:
    path = tmp_path / "old.fitscope"
    with FileStatsStorage(path) as s:
        for it in (1, 2, 3):
            s.put_update(_timed(it))
    _as_before_score_times(path)
    before = path.read_bytes()
    with FileStatsStorage(path, read_only=True) as s:
        assert [r.scores.timestamps_ms for r in s.iter_updates(f.SESSION, f.WORKER)] == [(), (), ()]
        assert s.first_nonfinite(f.SESSION, f.WORKER) == FirstNonFinite(3, "score", None, "NaN")
    assert path.read_bytes() == before
    with FileStatsStorage(path) as s:
        s.put_update(_timed(4))
        got = list(s.iter_updates(f.SESSION, f.WORKER))
        assert [r.scores.timestamps_ms for r in got] == [(), (), (), (f.T0 + 30, f.T0 + 40)]
        # Report 4's window replaced the NaN score of iteration 3; its gradient stays.
        assert s.first_nonfinite(f.SESSION, f.WORKER) == FirstNonFinite(3, "gradients", "fc1.weight", "NaN")
    assert {"scores_nonfinite", "summaries_nonfinite"} <= {
        r[0] for r in _query(path, "SELECT name FROM sqlite_master WHERE type = 'index'")
    }


def test_a_file_from_before_zero_and_unit_counts_reads_them_as_not_counted_and_a_writer_adds_them(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.fitscope"
    with FileStatsStorage(path) as s:
        for it in (1, 2):
            s.put_update(f.report(it))
    conn = sqlite3.connect(path)
    try:
        for column in ("zero_count", "unit_count", "dead_unit_count"):
            conn.execute(f"ALTER TABLE summaries DROP COLUMN {column}")
        conn.commit()
    finally:
        conn.close()
    before = path.read_bytes()
    key = "parameters/fc1.weight/zero_count"
    with FileStatsStorage(path, read_only=True) as s:
        got = list(s.iter_updates(f.SESSION, f.WORKER))
        assert {r.summaries["parameters"]["fc1.weight"].zero_count for r in got} == {None}
        assert s.read_series(f.SESSION, f.WORKER, key).iterations == []
        assert s.read_series(f.SESSION, f.WORKER, "parameters/fc1.weight/mean").iterations == [1, 2]
    assert path.read_bytes() == before
    with FileStatsStorage(path) as s:
        s.put_update(f.report(3))
        assert s.read_series(f.SESSION, f.WORKER, key).iterations == [3]
        (last,) = s.iter_updates(f.SESSION, f.WORKER, start=3)
        assert last.summaries["parameters"]["fc1.weight"].zero_count == f.summary(1 / 3).zero_count


def _query(path: Path, sql: str, *params: object) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def test_first_nonfinite_is_a_lookup_in_partial_indexes(tmp_path: Path) -> None:
    from fitscope.storage._sqlite_schema import SCORE_NONFINITE, SUMMARY_NONFINITE

    path = tmp_path / "run.fitscope"
    with FileStatsStorage(path) as s:
        for it in range(1, 30):
            s.put_update(f.report(it, window=3, nan=it == 29))
        assert s.first_nonfinite(f.SESSION, f.WORKER) == FirstNonFinite(29, "score", None, "NaN")
    plans = {
        "scores": _query(
            path,
            f"EXPLAIN QUERY PLAN SELECT iteration, value FROM scores INDEXED BY scores_nonfinite WHERE stream = 1 "
            f"AND {SCORE_NONFINITE} "
            "ORDER BY iteration LIMIT 1",
        ),
        "summaries": _query(
            path,
            f"EXPLAIN QUERY PLAN SELECT min(iteration) FROM summaries INDEXED BY summaries_nonfinite "
            f"WHERE stream = 1 AND {SUMMARY_NONFINITE}",
        ),
    }
    assert "scores_nonfinite" in str(plans["scores"]), plans
    assert "summaries_nonfinite" in str(plans["summaries"]), plans
    # The indexes hold the non-finite rows only.
    assert _query(path, "SELECT count(*) FROM scores INDEXED BY scores_nonfinite WHERE " + SCORE_NONFINITE) == [(1,)]
    assert _query(path, "SELECT count(*) FROM summaries INDEXED BY summaries_nonfinite WHERE " + SUMMARY_NONFINITE) == [
        (1,)
    ]


# ---------------------------------------------------------------------- read-only where nothing may be written

_READ_ONLY_READER = """
import json, os, sys
from pathlib import Path
from fitscope.storage import FileStatsStorage  # imported first: the interpreter may lie where the user cannot read
if len(sys.argv) > 2:
    os.setuid(int(sys.argv[2]))  # root: become a user the directory's permissions bind
path = Path(sys.argv[1])
try:
    (path.parent / "probe").write_text("x")
    writable = True
except PermissionError:
    writable = False
with FileStatsStorage(path, read_only=True) as s:
    count = s.count_updates("session-1", "worker-0")
    latest = s.get_latest_update("session-1", "worker-0")
print(json.dumps({"writable": writable, "count": count, "latest": latest and latest.iteration}))
"""


def _copy_with_sidecars(src: Path, dest: Path, suffixes: tuple[str, ...]) -> None:
    for suffix in ("", *suffixes):
        dest.with_name(dest.name + suffix).write_bytes(src.with_name(src.name + suffix).read_bytes())


@pytest.mark.parametrize("sidecars", ["none", "wal and shm of a live writer", "wal without shm"])
def test_read_only_in_a_directory_the_user_cannot_write(tmp_path: Path, sidecars: str) -> None:
    base = Path(tempfile.mkdtemp(dir="/tmp", prefix="fitscope-ro-"))
    writer = None
    try:
        base.chmod(0o755)
        data = base / "ro"
        data.mkdir()
        path = data / "run.fitscope"
        with FileStatsStorage(path) as s:
            for it in (1, 2, 3):
                s.put_update(f.report(it))
        expected = (3, 3)
        if sidecars == "wal and shm of a live writer":
            writer = FileStatsStorage(path)
            writer.put_update(f.report(4))
            expected = (4, 4)
        elif sidecars == "wal without shm":
            source = tmp_path / "live.fitscope"
            _copy_with_sidecars(path, source, ())
            writer = FileStatsStorage(source)
            writer.put_update(f.report(4))  # committed to the -wal only (no checkpoint yet)
            path.unlink()
            _copy_with_sidecars(source, path, ("-wal",))
        for p in data.iterdir():
            p.chmod(0o644)
        data.chmod(0o555)
        before = sorted(os.listdir(data))
        user = [] if os.geteuid() != 0 else [str(pwd.getpwnam("nobody").pw_uid)]
        proc = run_python(_READ_ONLY_READER, str(path), *user)
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        got = json.loads(out)
        assert got["writable"] is False  # the permissions do bind the reader
        if sidecars == "wal without shm":
            # Opened immutable: what the file itself holds, not the commits still in the -wal.
            assert (got["count"], got["latest"]) == (3, 3)
            assert "not shown" in err
        else:
            assert (got["count"], got["latest"]) == expected
        assert sorted(os.listdir(data)) == before
    finally:
        if writer is not None:
            writer.close()
        (base / "ro").chmod(0o755)
        shutil.rmtree(base)


def test_a_read_only_open_leaves_no_sidecar_files_and_follows_a_writer_that_starts_later(tmp_path: Path) -> None:
    path = tmp_path / "run.fitscope"
    with FileStatsStorage(path) as s:
        s.put_update(f.report(1))
    assert os.listdir(tmp_path) == ["run.fitscope"]
    with FileStatsStorage(path, read_only=True) as r:
        assert r.count_updates(f.SESSION, f.WORKER) == 1
        assert os.listdir(tmp_path) == ["run.fitscope"]
        seen: list[StorageEvent] = []
        r.subscribe(seen.append)
        with FileStatsStorage(path) as w:  # a writer appears: the reader reopens and follows it
            w.put_update(f.report(2))
            assert r.count_updates(f.SESSION, f.WORKER) == 2
            assert wait_for(lambda: any(e.iteration == 2 for e in seen), timeout=5.0), seen
            w.put_update(f.report(3))
            assert r.count_updates(f.SESSION, f.WORKER) == 3
    with FileStatsStorage(path, read_only=True) as r:
        assert r.count_updates(f.SESSION, f.WORKER) == 3
    assert sorted(os.listdir(tmp_path)) in (["run.fitscope"], ["run.fitscope", "run.fitscope-shm", "run.fitscope-wal"])
