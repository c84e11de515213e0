"""InMemoryStatsStorage: the storage contract, bounded history, and reading after close."""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator

import pytest

from fitscope.errors import StorageClosedError, StorageError
from fitscope.records import ScoreSeries, StatsReport
from fitscope.storage import InMemoryStatsStorage, StatsStorage

from . import factories as f
from .contract import StorageContract


class TestMemoryContract(StorageContract):
    @pytest.fixture
    def storage(self) -> Iterator[StatsStorage]:
        s = InMemoryStatsStorage()
        yield s
        s.close()


def iterations(storage: InMemoryStatsStorage) -> list[int]:
    return [r.iteration for r in storage.iter_updates(f.SESSION, f.WORKER)]


def test_report_history_thins_evenly_and_keeps_first_and_latest() -> None:
    storage = InMemoryStatsStorage(max_reports=20)
    for it in range(1, 1001):
        storage.put_update(f.report(it, full=False))
        assert storage.count_updates(f.SESSION, f.WORKER) <= 20
    kept = iterations(storage)
    assert kept[0] == 1 and kept[-1] == 1000
    assert len(kept) >= 10  # thinning halves the ordinary reports, never empties the history
    gaps = [b - a for a, b in itertools.pairwise(kept)]
    assert max(gaps[:-1]) <= 2 * min(gaps[:-1])  # evenly spread, not only the most recent ones


def test_reports_with_non_finite_values_stay() -> None:
    storage = InMemoryStatsStorage(max_reports=10)
    for it in range(1, 501):
        storage.put_update(f.report(it, nan=it in (37, 211), full=False))
    kept = iterations(storage)
    assert len(kept) <= 10
    assert {1, 37, 211, 500} <= set(kept)


def test_a_diverged_run_stays_bounded_and_keeps_the_first_non_finite_report() -> None:
    storage = InMemoryStatsStorage(max_reports=8, max_scores=16)
    for it in range(1, 2001):
        storage.put_update(f.report(it, nan=it >= 5, full=False))
        assert storage.count_updates(f.SESSION, f.WORKER) <= 8
    kept = iterations(storage)
    assert {1, 5, 2000} <= set(kept)
    scores = storage.read_series(f.SESSION, f.WORKER, "score")
    assert len(scores.iterations) <= 16
    assert scores.iterations[0] == 1 and scores.iterations[-1] == 2000
    assert 5 in scores.iterations


def test_score_series_is_bounded_and_keeps_non_finite_points() -> None:
    storage = InMemoryStatsStorage(max_scores=100)
    for it in range(100, 10_001, 100):
        values = tuple(math.inf if i == 4321 else 1.0 / i for i in range(it - 99, it + 1))
        storage.put_update(
            StatsReport(
                f.SESSION,
                f.WORKER,
                f.T0,
                it,
                score=values[-1],
                scores=ScoreSeries(tuple(range(it - 99, it + 1)), values),
            )
        )
    series = storage.read_series(f.SESSION, f.WORKER, "score")
    assert len(series.iterations) <= 100
    assert series.iterations == sorted(series.iterations)
    assert series.iterations[0] == 1 and series.iterations[-1] == 10_000
    assert series.values[series.iterations.index(4321)] == math.inf
    for it, v in zip(series.iterations, series.values, strict=True):
        assert v == (math.inf if it == 4321 else 1.0 / it)


def test_metrics_and_epochs_are_bounded() -> None:
    storage = InMemoryStatsStorage(max_scores=10)
    for it in range(1, 201):
        storage.put_metrics(f.metrics(it, {"val/loss": math.nan if it == 77 else 1.0 / it}))
        storage.put_epoch(f.epoch(it, it * 10))
    kept = [m.iteration for m in storage.read_metrics(f.SESSION, f.WORKER)]
    assert len(kept) <= 10 and {1, 77, 200} <= set(kept)
    epochs = storage.read_epochs(f.SESSION, f.WORKER)
    assert len(epochs) <= 10 and epochs[0].epoch == 1 and epochs[-1].epoch == 200


def test_a_finished_run_stays_readable_after_close() -> None:
    storage = InMemoryStatsStorage()
    storage.put_static_info(f.static_info())
    for it in (1, 2):
        storage.put_update(f.report(it))
    storage.put_metrics(f.metrics(2, {"acc": 0.5}))
    storage.put_epoch(f.epoch(0, 2))
    storage.close()
    assert storage.list_sessions() == [f.SESSION]
    assert storage.list_workers(f.SESSION) == [f.WORKER]
    assert storage.session_info(f.SESSION).num_reports == 2
    assert storage.get_static_info(f.SESSION, f.WORKER) == f.static_info()
    assert iterations(storage) == [1, 2]
    assert storage.get_latest_update(f.SESSION, f.WORKER) is not None
    assert storage.read_series(f.SESSION, f.WORKER, "score").iterations == [1, 2]
    assert len(storage.read_metrics(f.SESSION, f.WORKER)) == 1
    assert len(storage.read_epochs(f.SESSION, f.WORKER)) == 1
    assert storage.summary_names(f.SESSION, f.WORKER)["updates"] == ["fc1.weight", "fc1.bias"]
    assert storage.first_nonfinite(f.SESSION, f.WORKER) is None
    assert storage.closed
    with pytest.raises(StorageClosedError):
        storage.put_update(f.report(3))


@pytest.mark.parametrize("kwargs", [{"max_reports": 3}, {"max_scores": 0}])
def test_bounds_below_four_are_refused(kwargs: dict[str, int]) -> None:
    with pytest.raises(StorageError, match="needs max_"):
        InMemoryStatsStorage(**kwargs)


def test_the_dispatcher_thread_stops_with_the_last_subscriber() -> None:
    storage = InMemoryStatsStorage()
    sub = storage.subscribe(lambda _: None)
    assert storage._dispatcher._thread is not None
    sub.close()
    assert storage._dispatcher._thread is None
    storage.close()
