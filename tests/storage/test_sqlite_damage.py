"""Damaged rows: every read of a FileStatsStorage reports them as CorruptFileError, and only there.

Each case writes a real file with the storage (a healthy session and the one to damage), damages
rows of one session with sqlite3 directly, and reads everything back: every read of the damaged
session either answers or raises CorruptFileError naming the file and the session (never a
TypeError, ValueError, OverflowError, RecursionError, ...), the reads that decode the damaged
rows do raise, and the healthy session reads as before.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from fitscope.errors import CorruptFileError
from fitscope.records import ScoreSeries, StatsReport
from fitscope.storage import FileStatsStorage
from fitscope.storage import _sqlite_blocks as blocks

from . import factories as f

GOOD, BAD = "good", "bad"
DEEP = "[" * 5000 + "]" * 5000
HUGE_INT = "9" * 5000

#: Every read of one (session, worker), by name.
READS: dict[str, Callable[[FileStatsStorage, str], Any]] = {
    "session_info": lambda s, sid: s.session_info(sid),
    "list_workers": lambda s, sid: s.list_workers(sid),
    "get_static_info": lambda s, sid: s.get_static_info(sid, f.WORKER),
    "get_latest_update": lambda s, sid: s.get_latest_update(sid, f.WORKER),
    "iter_updates": lambda s, sid: list(s.iter_updates(sid, f.WORKER)),
    "count_updates": lambda s, sid: s.count_updates(sid, f.WORKER),
    "read_series": lambda s, sid: [
        s.read_series(sid, f.WORKER, key)
        for key in (
            "score",
            "parameters/fc1.weight/stdev",
            "parameters/fc1.weight/count",
            "gradients/fc1.weight/nonfinite_count",
            "learning_rates/fc1.weight",
            "memory/process_rss_bytes",
            "performance/total_examples",
            "collection_ms",
            "metrics/acc",
        )
    ],
    "read_series_arrays": lambda s, sid: s.read_many_series_arrays(
        sid, f.WORKER, ["score", "parameters/fc1.weight/stdev", "collection_ms", "memory/devices/cuda:0/max_bytes"]
    ),
    "read_metrics": lambda s, sid: s.read_metrics(sid, f.WORKER),
    "read_epochs": lambda s, sid: s.read_epochs(sid, f.WORKER),
    "summary_names": lambda s, sid: s.summary_names(sid, f.WORKER),
    "first_nonfinite": lambda s, sid: s.first_nonfinite(sid, f.WORKER),
}

_REPORT = "reports WHERE stream = (SELECT id FROM streams WHERE session_id = 'bad') AND iteration = 3"
_STREAM = "stream = (SELECT id FROM streams WHERE session_id = 'bad')"
_AT_3 = f"{_STREAM} AND iteration = 3"
_AT_5 = f"{_STREAM} AND iteration = 5"  # past the blocks (of 2 reports): read from rows only
_INFO = f"static_info SET json = ? WHERE {_STREAM}"
_FIELDS = f"UPDATE {_REPORT.replace('reports WHERE', 'reports SET fields = ? WHERE')}"

#: case -> (SQL with its parameters, the reads that must raise, words the message holds)
CASES: dict[str, tuple[str, tuple[Any, ...], tuple[str, ...], str]] = {
    "histogram blob of 5 bytes": (
        f"UPDATE histograms SET hist_counts = x'0102030405' WHERE {_AT_3}",
        (),
        ("iter_updates",),
        "iteration 3",
    ),
    "empty histogram blob": (
        f"UPDATE histograms SET hist_counts = x'' WHERE {_AT_3}",
        (),
        ("iter_updates",),
        "iteration 3",
    ),
    "score stored as text": (
        f"UPDATE scores SET value = 'lots' WHERE {_AT_5}",
        (),
        ("iter_updates", "read_series", "read_series_arrays", "first_nonfinite"),
        "'lots'",
    ),
    "report score as a blob": (
        f"UPDATE {_REPORT.replace('reports WHERE', 'reports SET score = x00 WHERE')}".replace("x00", "x'00'"),
        (),
        ("iter_updates",),
        "iteration 3",
    ),
    "fields not JSON": (_FIELDS, ('{"learning_rates":',), ("iter_updates",), "iteration 3"),
    "fields null": (_FIELDS, ("null",), ("iter_updates",), "iteration 3"),
    "fields a list": (_FIELDS, ("[1, 2]",), ("iter_updates",), "not an object"),
    "performance of the wrong type": (_FIELDS, ('{"performance": "fast"}',), ("iter_updates",), "performance"),
    "learning rate a list": (_FIELDS, ('{"learning_rates": {"w": [1]}}',), ("iter_updates",), "learning rate"),
    "memory as text": (_FIELDS, ('{"memory": {"process_rss_bytes": "lots"}}',), ("iter_updates",), "process_rss"),
    "number beyond a float": (_FIELDS, ('{"learning_rates": {"w": 1e400}}',), ("iter_updates",), "1e400"),
    "integer beyond the digit limit": (
        _FIELDS,
        (f'{{"memory": {{"process_rss_bytes": {HUGE_INT}}}}}',),
        ("iter_updates",),
        "iteration 3",
    ),
    "deep nesting": (_FIELDS, (f'{{"learning_rates": {DEEP}}}',), ("iter_updates",), "iteration 3"),
    "report time out of range": (
        f"UPDATE {_REPORT.replace('reports WHERE', 'reports SET timestamp_ms = 1e30 WHERE')}",
        (),
        ("iter_updates",),
        "timestamp",
    ),
    "last report time out of range": (
        "UPDATE streams SET last_report_ms = 99999999999999999 WHERE session_id = 'bad'",
        (),
        ("session_info",),
        "last report",
    ),
    "summary count as text": (
        f"UPDATE summaries SET count = 'many' WHERE {_AT_3}",
        (),
        ("iter_updates", "read_series"),
        "'many'",
    ),
    "summary statistic as a blob": (
        f"UPDATE summaries SET stdev = x'00' WHERE {_AT_5}",
        (),
        ("iter_updates", "read_series"),
        "not a number",
    ),
    "summary nonfinite count as text": (
        f"UPDATE summaries SET nonfinite_count = 'x', nan_count = 'y' WHERE {_AT_3}",
        (),
        ("iter_updates", "first_nonfinite"),
        "iteration 3",
    ),
    "text that is not UTF-8": (
        f"UPDATE {_REPORT.replace('reports WHERE', 'reports SET fields = CAST(x80FF AS TEXT) WHERE')}".replace(
            "x80FF", "x'80ff'"
        ),
        (),
        ("iter_updates",),
        "session 'bad'",
    ),
    "static info not JSON": (f"UPDATE {_INFO}", ("{",), ("get_static_info", "session_info"), "static info"),
    "static info null": (f"UPDATE {_INFO}", ("null",), ("get_static_info", "session_info"), "static info"),
    "static info of wrong types": (
        f"UPDATE {_INFO}",
        ('{"timestamp_ms": 1700000000000, "session_name": 5, "tags": {}}',),
        ("get_static_info", "session_info"),
        "session_name",
    ),
    "static info with 1e400": (
        f"UPDATE {_INFO}",
        ('{"timestamp_ms": 1700000000000, "hyperparameters": {"lr": 1e400}}',),
        ("get_static_info", "session_info"),
        "1e400",
    ),
    "static info nested deep": (
        f"UPDATE {_INFO}",
        (f'{{"timestamp_ms": 1700000000000, "hyperparameters": {{"x": {DEEP}}}}}',),
        ("get_static_info",),
        "static info",
    ),
    "static info time out of range": (
        f"UPDATE {_INFO}",
        ('{"timestamp_ms": 1e300}',),
        ("get_static_info",),
        "static info",
    ),
    "metric value as text": (
        f"UPDATE metrics SET value = 'high' WHERE {_STREAM}",
        (),
        ("read_metrics", "read_series"),
        "'high'",
    ),
    "epoch time out of range": (
        f"UPDATE epochs SET timestamp_ms = -99999999999999999 WHERE {_STREAM}",
        (),
        ("read_epochs",),
        "timestamp",
    ),
    "summary block cut short": (
        f"UPDATE summary_blocks SET stdev = x'0000' WHERE {_STREAM}",
        (),
        ("read_series", "read_series_arrays"),
        "session 'bad'",
    ),
    "score block cut short": (
        f"UPDATE score_blocks SET \"values\" = x'00' WHERE {_STREAM}",
        (),
        ("read_series", "read_series_arrays"),
        "session 'bad'",
    ),
}


def _write(path: Path) -> None:
    with FileStatsStorage(path) as s:
        for session in (GOOD, BAD):
            s.put_static_info(f.static_info(session))
            for it in range(1, 6):
                r = f.report(it, session, window=2, nan=it == 4)
                times = tuple(f.T0 + i for i in r.scores.iterations)
                s.put_update(
                    StatsReport(**{**f.fields(r), "scores": ScoreSeries(r.scores.iterations, r.scores.values, times)})
                )
            s.put_metrics(f.metrics(3, {"acc": 0.5}).__class__(session, f.WORKER, f.T0, 3, values={"acc": 0.5}))
            s.put_epoch(f.epoch(0, 3).__class__(session, f.WORKER, f.T0, 0, 3))


def _read_all(s: FileStatsStorage, session: str) -> dict[str, Any]:
    out = {}
    for name, read in READS.items():
        try:
            out[name] = read(s, session)
        except CorruptFileError as exc:
            out[name] = exc
    return out


@pytest.mark.parametrize("case", list(CASES))
def test_damaged_rows_raise_corrupt_file_error_naming_the_session_and_the_rest_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    monkeypatch.setattr(blocks, "BLOCK_REPORTS", 2)  # blocks of the first reports, rows of the rest
    sql, params, must_raise, words = CASES[case]
    path = tmp_path / "run.fitscope"
    _write(path)
    with FileStatsStorage(path, read_only=True) as s:
        healthy = _read_all(s, GOOD)
        assert not any(isinstance(v, Exception) for v in healthy.values()), healthy
        assert not any(isinstance(v, Exception) for v in _read_all(s, BAD).values())
    conn = sqlite3.connect(path)
    try:
        changed = conn.execute(sql, params).rowcount
        conn.commit()
    finally:
        conn.close()
    assert changed > 0, sql
    for read_only in (True, False):
        with FileStatsStorage(path, read_only=read_only) as s:
            assert s.list_sessions() == [GOOD, BAD]
            got = _read_all(s, BAD)  # anything but CorruptFileError fails the test here
            for name in must_raise:
                err = got[name]
                assert isinstance(err, CorruptFileError), (name, err)
                message = str(err)
                assert str(path) in message and "session 'bad'" in message, message
                assert words in message, message
                assert "\n" not in message and len(message) < 600, message
            again = _read_all(s, GOOD)
            for name, value in healthy.items():
                if name == "read_series_arrays":
                    assert [a.iterations.tolist() for a in value] == [a.iterations.tolist() for a in again[name]]
                else:
                    assert repr(again[name]) == repr(value) or name in ("session_info",), name


def test_a_damaged_session_id_is_reported_by_list_sessions(tmp_path: Path) -> None:
    path = tmp_path / "run.fitscope"
    _write(path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE streams SET session_id = x'00' WHERE session_id = 'bad'")
    conn.commit()
    conn.close()
    with FileStatsStorage(path, read_only=True) as s, pytest.raises(CorruptFileError, match="session id"):
        s.list_sessions()


def test_nan_and_infinities_are_data_not_damage(tmp_path: Path) -> None:
    path = tmp_path / "run.fitscope"
    with FileStatsStorage(path) as s:
        s.put_update(
            StatsReport(
                f.SESSION,
                f.WORKER,
                f.T0,
                2,
                score=math.nan,
                scores=ScoreSeries((1, 2), (math.inf, math.nan)),
                learning_rates={"w": -math.inf},
            )
        )
    with FileStatsStorage(path, read_only=True) as s:
        report = s.get_latest_update(f.SESSION, f.WORKER)
        assert report is not None and report.learning_rates["w"] == -math.inf
        assert math.isnan(s.read_series(f.SESSION, f.WORKER, "score").values[1])
