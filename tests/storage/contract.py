"""The contract every StatsStorage passes.

A test module subclasses :class:`StorageContract` and overrides the ``storage`` fixture; pytest
then runs every ``test_*`` method below against that implementation.
"""

from __future__ import annotations

import dataclasses
import logging
import math
import threading
import time
from collections.abc import Callable, Iterator

import pytest

from fitscope.errors import RecordError, StorageClosedError, UnknownSessionError
from fitscope.records import DeviceMemory, Memory, ScoreSeries, StatsReport, Summary
from fitscope.storage import StatsStorage, StorageEvent
from fitscope.storage.base import FirstNonFinite

from . import factories as f

DEADLINE_S = 1.0


def wait_for(condition: Callable[[], bool], timeout: float = DEADLINE_S) -> bool:
    """Polls ``condition`` until it holds or ``timeout`` seconds passed; returns its last value."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return condition()
        time.sleep(0.005)
    return True


def isnan(v: float | None) -> bool:
    """True for a float NaN (not for None)."""
    return v is not None and math.isnan(v)


class StorageContract:
    """Behaviour shared by every StatsStorage implementation."""

    @pytest.fixture
    def storage(self) -> Iterator[StatsStorage]:
        """The storage under test; subclasses override this fixture."""
        raise NotImplementedError
        yield

    # ------------------------------------------------------------------ basics

    def test_implements_the_protocol(self, storage: StatsStorage) -> None:
        assert isinstance(storage, StatsStorage)

    def test_static_info_round_trips_and_a_second_put_replaces_it(self, storage: StatsStorage) -> None:
        assert storage.get_static_info(f.SESSION, f.WORKER) is None
        info = f.static_info()
        storage.put_static_info(info)
        assert storage.get_static_info(f.SESSION, f.WORKER) == info
        newer = f.static_info(name="renamed", ts=f.T0 + 5)
        storage.put_static_info(newer)
        assert storage.get_static_info(f.SESSION, f.WORKER) == newer
        assert storage.session_info(f.SESSION).session_name == "renamed"

    def test_reports_round_trip_with_non_finite_values_none_stats_and_histograms(self, storage: StatsStorage) -> None:
        plain = f.report(10, window=10)
        diverged = f.report(20, window=10, nan=True)
        infinite = StatsReport(
            f.SESSION,
            f.WORKER,
            f.T0,
            30,
            score=math.inf,
            scores=ScoreSeries((29, 30), (-math.inf, math.inf)),
            learning_rates={"w": math.nan, "b": 1e-3},
            memory=Memory(devices=(DeviceMemory("mps"),)),
            summaries={
                "parameters": {"w": Summary(count=4, nonfinite_count=4, posinf_count=2, neginf_count=2)},
                "updates": {},
            },
        )
        bare = f.report(40, full=False)
        for r in (plain, diverged, infinite, bare):
            storage.put_update(r)
        got = list(storage.iter_updates(f.SESSION, f.WORKER))
        assert [r.iteration for r in got] == [10, 20, 30, 40]
        for want, have in zip((plain, diverged, infinite, bare), got, strict=True):
            assert f.same(want, have), (want, have)
        assert isnan(got[1].score)
        assert got[2].summaries["parameters"]["w"].mean is None
        assert (
            got[0].summaries["parameters"]["fc1.weight"].histogram
            == plain.summaries["parameters"]["fc1.weight"].histogram
        )

    def test_iteration_order_ranges_latest_and_count(self, storage: StatsStorage) -> None:
        for it in (5, 1, 3, 4, 2):
            storage.put_update(f.report(it))
        assert [r.iteration for r in storage.iter_updates(f.SESSION, f.WORKER)] == [1, 2, 3, 4, 5]
        assert [r.iteration for r in storage.iter_updates(f.SESSION, f.WORKER, start=2, end=4)] == [2, 3, 4]
        assert [r.iteration for r in storage.iter_updates(f.SESSION, f.WORKER, start=4)] == [4, 5]
        assert [r.iteration for r in storage.iter_updates(f.SESSION, f.WORKER, end=1)] == [1]
        assert list(storage.iter_updates(f.SESSION, f.WORKER, start=6)) == []
        assert storage.count_updates(f.SESSION, f.WORKER) == 5
        latest = storage.get_latest_update(f.SESSION, f.WORKER)
        assert latest is not None and f.same(latest, f.report(5))

    def test_a_report_at_the_same_iteration_replaces_the_first_and_its_summaries(self, storage: StatsStorage) -> None:
        storage.put_update(f.report(7, params=("a", "b")))
        second = f.report(7, params=("a",), score=0.25)
        storage.put_update(second)
        got = list(storage.iter_updates(f.SESSION, f.WORKER))
        assert len(got) == 1 and f.same(got[0], second)
        assert storage.count_updates(f.SESSION, f.WORKER) == 1
        assert storage.read_series(f.SESSION, f.WORKER, "parameters/b/mean").iterations == []
        assert storage.read_series(f.SESSION, f.WORKER, "parameters/a/mean").iterations == [7]
        assert storage.read_series(f.SESSION, f.WORKER, "score").values == [0.25]

    def test_reads_of_an_unknown_worker_are_empty(self, storage: StatsStorage) -> None:
        assert list(storage.iter_updates("nope", "nope")) == []
        assert storage.get_latest_update("nope", "nope") is None
        assert storage.count_updates("nope", "nope") == 0
        assert storage.read_series("nope", "nope", "score").iterations == []
        assert storage.read_metrics("nope", "nope") == []
        assert storage.read_epochs("nope", "nope") == []

    def test_score_times_round_trip_and_a_window_without_them_reads_back_empty(self, storage: StatsStorage) -> None:
        timed = f.report(10, window=3)
        timed = StatsReport(
            **{
                **f.fields(timed),
                "scores": ScoreSeries((8, 9, 10), (0.5, math.nan, 0.25), (f.T0 + 8, f.T0 + 9, f.T0 + 10)),
            }
        )
        untimed = f.report(20, window=3)
        storage.put_update(timed)
        storage.put_update(untimed)
        got = list(storage.iter_updates(f.SESSION, f.WORKER))
        assert got[0].scores.timestamps_ms == (f.T0 + 8, f.T0 + 9, f.T0 + 10)
        assert isnan(got[0].scores.values[1])
        assert got[1].scores.timestamps_ms == ()
        latest = storage.get_latest_update(f.SESSION, f.WORKER)
        assert latest is not None and f.same(latest, untimed)
        assert f.same(got[0], timed)

    # ------------------------------------------------------------------ what a run holds

    def test_summary_names_cover_every_report_not_only_the_latest(self, storage: StatsStorage) -> None:
        assert storage.summary_names(f.SESSION, f.WORKER) == {}
        storage.put_update(f.report(1, params=("b", "a")))
        storage.put_update(f.report(2, params=("a", "c")))
        storage.put_update(f.report(3, params=("d",), full=False))  # a final partial report: no updates
        names = storage.summary_names(f.SESSION, f.WORKER)
        assert list(names) == ["parameters", "gradients", "updates", "activations"]
        assert names["parameters"] == ["b", "a", "c", "d"]
        assert names["gradients"] == ["b", "a", "c", "d"]
        assert names["updates"] == ["b", "a", "c"]
        assert names["activations"] == ["act"]
        assert storage.summary_names(f.SESSION, "other-worker") == {}
        bare = StatsReport(f.SESSION, "w2", f.T0, 1, summaries={"updates": {}})
        storage.put_update(bare)
        assert storage.summary_names(f.SESSION, "w2") == {}

    def test_first_nonfinite_of_a_finite_run_is_none(self, storage: StatsStorage) -> None:
        assert storage.first_nonfinite(f.SESSION, f.WORKER) is None
        for it in (10, 20):
            storage.put_update(f.report(it, window=10))
        assert storage.first_nonfinite(f.SESSION, f.WORKER) is None

    def test_first_nonfinite_finds_the_earliest_score_or_summary(self, storage: StatsStorage) -> None:
        for it in range(1, 6):
            storage.put_update(f.report(it))
        inf_grad = {"w": Summary(count=4, nonfinite_count=1, posinf_count=1)}
        neg = {
            "z": Summary(count=4, nonfinite_count=2, neginf_count=2),
            "y": Summary(count=4, nonfinite_count=1, neginf_count=1),
        }
        storage.put_update(
            StatsReport(f.SESSION, f.WORKER, f.T0, 7, summaries={"activations": neg, "gradients": inf_grad})
        )
        assert storage.first_nonfinite(f.SESSION, f.WORKER) == FirstNonFinite(7, "gradients", "w", "Infinity")
        storage.put_update(StatsReport(f.SESSION, f.WORKER, f.T0, 6, summaries={"activations": neg}))
        assert storage.first_nonfinite(f.SESSION, f.WORKER) == FirstNonFinite(6, "activations", "z", "-Infinity")
        # A score at the same iteration wins the tie; an earlier one in a later report's window wins.
        storage.put_update(StatsReport(f.SESSION, f.WORKER, f.T0, 6, score=-math.inf, summaries={"activations": neg}))
        assert storage.first_nonfinite(f.SESSION, f.WORKER) == FirstNonFinite(6, "score", None, "-Infinity")
        storage.put_update(StatsReport(f.SESSION, f.WORKER, f.T0, 12, scores=ScoreSeries((3, 12), (math.nan, 1.0))))
        assert storage.first_nonfinite(f.SESSION, f.WORKER) == FirstNonFinite(3, "score", None, "NaN")
        assert storage.first_nonfinite(f.SESSION, "other-worker") is None

    def test_first_nonfinite_of_a_summary_says_nan_first(self, storage: StatsStorage) -> None:
        storage.put_update(f.report(4, nan=False))
        mixed = {"w": Summary(count=9, nonfinite_count=3, nan_count=1, posinf_count=1, neginf_count=1)}
        storage.put_update(StatsReport(f.SESSION, f.WORKER, f.T0, 8, summaries={"updates": mixed}))
        assert storage.first_nonfinite(f.SESSION, f.WORKER) == FirstNonFinite(8, "updates", "w", "NaN")

    # ------------------------------------------------------------------ sessions

    def test_sessions_workers_and_session_info(self, storage: StatsStorage) -> None:
        storage.put_static_info(f.static_info("old", "w2", ts=f.T0 + 10, name=None))
        storage.put_static_info(f.static_info("old", "w1", ts=f.T0 + 20, name="first"))
        storage.put_update(f.report(1, "old", "w1", ts=f.T0 + 100))
        storage.put_update(f.report(2, "old", "w2", ts=f.T0 + 300))
        storage.put_update(f.report(3, "old", "w2", ts=f.T0 + 200))
        storage.put_update(f.report(1, "new", "w9"))
        assert storage.list_sessions() == ["old", "new"]
        assert storage.list_workers("old") == ["w1", "w2"]
        info = storage.session_info("old")
        assert info.session_id == "old" and info.workers == ("w1", "w2")
        assert info.session_name == "first"
        assert info.start_ms == f.T0 + 10
        assert info.last_update_ms == f.T0 + 300
        assert info.num_reports == 3
        bare = storage.session_info("new")
        assert (bare.session_name, bare.start_ms, bare.num_reports) == (None, None, 1)

    def test_unknown_session_raises_an_error_naming_it(self, storage: StatsStorage) -> None:
        with pytest.raises(UnknownSessionError, match="no-such-session"):
            storage.list_workers("no-such-session")
        with pytest.raises(UnknownSessionError, match="no-such-session"):
            storage.session_info("no-such-session")

    # ------------------------------------------------------------------ series

    def test_score_series_has_every_iteration_including_nan(self, storage: StatsStorage) -> None:
        storage.put_update(f.report(10, window=10))
        storage.put_update(f.report(20, window=10, nan=True))
        series = storage.read_series(f.SESSION, f.WORKER, "score")
        assert series.iterations == list(range(1, 21))
        assert series.values[:19] == [1.0 / it for it in range(1, 20)]
        assert isnan(series.values[19])
        ranged = storage.read_series(f.SESSION, f.WORKER, "score", start=5, end=7)
        assert ranged.iterations == [5, 6, 7]

    def test_summary_statistic_series(self, storage: StatsStorage) -> None:
        for it in (1, 2, 3):
            storage.put_update(f.report(it, nan=it == 2))
        mean = storage.read_series(f.SESSION, f.WORKER, "parameters/fc1.bias/mean")
        assert mean.iterations == [1, 2, 3]
        assert mean.values == [1.0 + 1.0 / it for it in (1, 2, 3)]
        nan_count = storage.read_series(f.SESSION, f.WORKER, "gradients/fc1.weight/nan_count")
        assert nan_count.values == [0, 3, 0]
        assert storage.read_series(f.SESSION, f.WORKER, "activations/act/stdev").values == [None, None, None]
        assert storage.read_series(f.SESSION, f.WORKER, "updates/fc1.weight/count", start=2).iterations == [2, 3]
        assert storage.read_series(f.SESSION, f.WORKER, "updates/missing/mean").iterations == []

    def test_zero_and_unit_counts_round_trip_and_read_as_series(self, storage: StatsStorage) -> None:
        for it in (1, 2, 3):
            r = f.report(it)
            relu = Summary(count=64, zero_count=30 + it, unit_count=16, dead_unit_count=it - 1, mean=0.5)
            acts = {**r.summaries["activations"], "relu": relu, "old": Summary(count=4, mean=1.0)}
            storage.put_update(dataclasses.replace(r, summaries={**r.summaries, "activations": acts}))
        got = list(storage.iter_updates(f.SESSION, f.WORKER))
        relu_got = [r.summaries["activations"]["relu"] for r in got]
        assert [(s.zero_count, s.unit_count, s.dead_unit_count) for s in relu_got] == [
            (31, 16, 0),
            (32, 16, 1),
            (33, 16, 2),
        ]
        assert relu_got[2].dead_fraction == 2 / 16 and relu_got[0].zero_fraction == 31 / 64
        old = got[0].summaries["activations"]["old"]
        assert (old.zero_count, old.unit_count, old.dead_unit_count, old.zero_fraction) == (None, None, None, None)
        dead = storage.read_series(f.SESSION, f.WORKER, "activations/relu/dead_unit_count")
        assert (dead.iterations, dead.values) == ([1, 2, 3], [0, 1, 2])
        # A tensor that never counted has no points (not points of None).
        assert storage.read_series(f.SESSION, f.WORKER, "activations/old/unit_count").iterations == []
        zeros = storage.read_series(f.SESSION, f.WORKER, "parameters/fc1.bias/zero_count")
        assert zeros.values == [f.summary(1.0 + 1.0 / it).zero_count for it in (1, 2, 3)]

    def test_histograms_at_an_iteration_and_spread_over_a_range(self, storage: StatsStorage) -> None:
        its = [1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144]
        for it in its:
            r = f.report(it)
            if it == 8:  # a budget left this histogram out
                params = dict(r.summaries["parameters"])
                params["fc1.weight"] = dataclasses.replace(params["fc1.weight"], histogram=None)
                r = dataclasses.replace(r, summaries={**r.summaries, "parameters": params})
            storage.put_update(r)
        want = {it: f.report(it).summaries["parameters"]["fc1.weight"].histogram for it in its if it != 8}
        at = storage.histogram_at(f.SESSION, f.WORKER, "parameters", "fc1.weight", 10)
        assert at == (5, want[5])
        assert storage.histogram_at(f.SESSION, f.WORKER, "parameters", "fc1.weight", 8) == (5, want[5])
        assert storage.histogram_at(f.SESSION, f.WORKER, "parameters", "fc1.weight", 5, after=True) == (13, want[13])
        assert storage.histogram_at(f.SESSION, f.WORKER, "parameters", "fc1.weight", 0) is None
        assert storage.histogram_at(f.SESSION, f.WORKER, "parameters", "fc1.weight", 144, after=True) is None
        assert storage.histogram_at(f.SESSION, f.WORKER, "parameters", "nope", 10) is None
        every = storage.read_histograms(f.SESSION, f.WORKER, "parameters", "fc1.weight")
        assert every == sorted(want.items())
        assert storage.read_histograms(f.SESSION, f.WORKER, "parameters", "fc1.weight", 3, 21) == [
            (it, want[it]) for it in (3, 5, 13, 21)
        ]
        # Four spread evenly over 1..144: targets 1, 49, 96, 144 -> the first stored at or after each.
        few = storage.read_histograms(f.SESSION, f.WORKER, "parameters", "fc1.weight", max_count=4)
        assert [it for it, _ in few] == [1, 55, 144] and all(h == want[it] for it, h in few)
        five = storage.read_histograms(f.SESSION, f.WORKER, "parameters", "fc1.weight", max_count=5)
        assert [it for it, _ in five] == [1, 55, 89, 144]
        assert storage.read_histograms(f.SESSION, f.WORKER, "updates", "fc1.weight") == []

    def test_report_times_series(self, storage: StatsStorage) -> None:
        for it in (1, 2, 3):
            storage.put_update(f.report(it, ts=f.T0 + 1000 * it + 7))
        times = storage.read_series(f.SESSION, f.WORKER, "timestamp_ms")
        assert times.iterations == [1, 2, 3] and times.values == [f.T0 + 1000 * it + 7 for it in (1, 2, 3)]
        assert all(type(v) is int for v in times.values)

    def test_report_field_series(self, storage: StatsStorage) -> None:
        odd = StatsReport(
            f.SESSION,
            f.WORKER,
            f.T0,
            3,
            learning_rates={'odd "name".w[0]': math.inf, "x.y": 0.5, "é.w": 0.25, "a\\b\t日本": 0.125},
            memory=Memory(devices=(DeviceMemory('gpu "0"', current_bytes=5), DeviceMemory("Gerät ü", current_bytes=7))),
            collection_ms=1.0,
        )
        for r in (f.report(1), f.report(2, full=False), odd):
            storage.put_update(r)

        def read(key: str) -> tuple[list[int], list[float | None]]:
            s = storage.read_series(f.SESSION, f.WORKER, key)
            return s.iterations, s.values

        assert read("collection_ms") == ([1, 2, 3], [0.5, None, 1.0])
        assert read("performance/total_examples") == ([1], [32])
        assert read("performance/examples_per_second") == ([1], [256.0])
        assert read("memory/process_rss_bytes") == ([1, 3], [2**30 + 1, None])
        assert read("memory/system_available_bytes") == ([1, 3], [None, None])
        assert read("memory/devices/cuda:0/max_bytes") == ([1], [2**21])
        assert read("memory/devices/cuda:1/max_bytes") == ([], [])
        assert read('memory/devices/gpu "0"/current_bytes') == ([3], [5])
        assert read('memory/devices/gpu "0"/total_bytes') == ([3], [None])
        assert read("learning_rates/fc1.weight") == ([1], [0.01])
        assert read("learning_rates/x.y") == ([3], [0.5])
        assert read('learning_rates/odd "name".w[0]') == ([3], [math.inf])
        # Names that JSON escapes (non-ASCII, backslash, control characters) are found too.
        assert read("learning_rates/é.w") == ([3], [0.25])
        assert read("learning_rates/a\\b\t日本") == ([3], [0.125])
        assert read("memory/devices/Gerät ü/current_bytes") == ([3], [7])

    def test_metric_series_with_a_slash_in_the_name(self, storage: StatsStorage) -> None:
        storage.put_metrics(f.metrics(10, {"val/loss": 0.5, "acc": 0.9}))
        storage.put_metrics(f.metrics(20, {"val/loss": math.nan}))
        series = storage.read_series(f.SESSION, f.WORKER, "metrics/val/loss")
        assert series.iterations == [10, 20]
        assert series.values[0] == 0.5 and isnan(series.values[1])
        assert storage.read_series(f.SESSION, f.WORKER, "metrics/acc").iterations == [10]
        assert storage.read_series(f.SESSION, f.WORKER, "metrics/none").iterations == []

    @pytest.mark.parametrize("key", ["", "scores", "parameters/w", "parameters/w/median", "metrics/", "memory/x"])
    def test_an_unknown_series_key_raises_record_error(self, storage: StatsStorage, key: str) -> None:
        with pytest.raises(RecordError, match="Unknown series key"):
            storage.read_series(f.SESSION, f.WORKER, key)

    # ------------------------------------------------------------------ metrics and epochs

    def test_metrics_merge_at_one_iteration(self, storage: StatsStorage) -> None:
        storage.put_metrics(f.metrics(5, {"loss": 1.0, "acc": 0.5}, epoch=0, ts=f.T0))
        storage.put_metrics(f.metrics(5, {"acc": 0.75, "f1": 0.25}, epoch=1, ts=f.T0 + 1))
        storage.put_metrics(f.metrics(9, {"loss": 0.5}))
        storage.put_metrics(f.metrics(12, {}))
        got = storage.read_metrics(f.SESSION, f.WORKER)
        assert [m.iteration for m in got] == [5, 9]
        assert got[0].values == {"loss": 1.0, "acc": 0.75, "f1": 0.25}
        assert (got[0].epoch, got[0].timestamp_ms) == (1, f.T0 + 1)
        assert got[1] == f.metrics(9, {"loss": 0.5})

    def test_epochs_in_epoch_order_and_replaced(self, storage: StatsStorage) -> None:
        storage.put_epoch(f.epoch(1, 200))
        storage.put_epoch(f.epoch(0, 100))
        storage.put_epoch(f.epoch(1, 210))
        assert storage.read_epochs(f.SESSION, f.WORKER) == [f.epoch(0, 100), f.epoch(1, 210)]

    # ------------------------------------------------------------------ events and lifetime

    def test_subscribers_get_events_until_they_close(self, storage: StatsStorage) -> None:
        seen: list[StorageEvent] = []
        sentinel: list[StorageEvent] = []
        first = storage.subscribe(seen.append)
        second = storage.subscribe(sentinel.append)
        storage.put_static_info(f.static_info())
        storage.put_update(f.report(3))
        storage.put_metrics(f.metrics(3, {"a": 1.0, "b": 2.0}))
        storage.put_epoch(f.epoch(0, 3))
        expected = [
            StorageEvent("static_info", f.SESSION, f.WORKER, None),
            StorageEvent("update", f.SESSION, f.WORKER, 3),
            StorageEvent("metrics", f.SESSION, f.WORKER, 3),
            StorageEvent("epoch", f.SESSION, f.WORKER, 3),
        ]
        assert wait_for(lambda: len(seen) >= 4), seen
        assert sorted(seen, key=repr) == sorted(expected, key=repr)
        first.close()
        first.close()
        storage.put_update(f.report(4))
        # Both subscribers are called in one pass per event, so once the second one saw the
        # event, the first would have seen it too had it still been subscribed.
        assert wait_for(lambda: StorageEvent("update", f.SESSION, f.WORKER, 4) in sentinel)
        assert len(seen) == 4
        second.close()

    def test_a_subscriber_that_raises_is_logged_and_breaks_nothing(
        self, storage: StatsStorage, caplog: pytest.LogCaptureFixture
    ) -> None:
        def explode(event: StorageEvent) -> None:
            raise RuntimeError("subscriber bug")

        seen: list[StorageEvent] = []
        storage.subscribe(explode)
        storage.subscribe(seen.append)
        with caplog.at_level(logging.ERROR, logger="fitscope.storage"):
            storage.put_update(f.report(1))
            storage.put_update(f.report(2))
            assert wait_for(lambda: len(seen) == 2)
        assert storage.count_updates(f.SESSION, f.WORKER) == 2
        assert any("subscriber" in r.getMessage() for r in caplog.records)

    def test_events_come_from_another_thread(self, storage: StatsStorage) -> None:
        threads: list[threading.Thread] = []
        storage.subscribe(lambda _: threads.append(threading.current_thread()))
        storage.put_update(f.report(1))
        assert wait_for(lambda: len(threads) == 1)
        assert threads[0] is not threading.current_thread()

    def test_writes_and_subscribe_after_close_raise_and_close_is_idempotent(self, storage: StatsStorage) -> None:
        storage.put_update(f.report(1))
        storage.close()
        storage.close()
        with pytest.raises(StorageClosedError, match="closed"):
            storage.put_update(f.report(2))
        with pytest.raises(StorageClosedError):
            storage.put_static_info(f.static_info())
        with pytest.raises(StorageClosedError):
            storage.put_metrics(f.metrics(1, {"a": 1.0}))
        with pytest.raises(StorageClosedError):
            storage.put_epoch(f.epoch(0, 1))
        with pytest.raises(StorageClosedError):
            storage.subscribe(lambda _: None)

    def test_closed_says_whether_close_was_called(self, storage: StatsStorage) -> None:
        assert storage.closed is False
        storage.close()
        assert storage.closed is True

    def test_close_stops_subscriptions(self, storage: StatsStorage) -> None:
        seen: list[StorageEvent] = []
        storage.subscribe(seen.append)
        storage.put_update(f.report(1))
        assert wait_for(lambda: len(seen) == 1)
        storage.close()
        with pytest.raises(StorageClosedError):
            storage.put_update(f.report(2))
        assert len(seen) == 1

    def test_context_manager_closes(self, storage: StatsStorage) -> None:
        with storage as s:
            assert s is storage
            s.put_update(f.report(1))
        with pytest.raises(StorageClosedError):
            storage.put_update(f.report(2))
