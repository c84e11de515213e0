"""Downsampling keeps the shape, every non-finite point (while they fit), first and last, and the bound."""

from __future__ import annotations

import math

import numpy as np
import pytest

from fitscope.server.columns import Column, column_from_series, column_json, log10, ratio, splice
from fitscope.server.downsample import downsample, downsample_together
from fitscope.storage.base import Series


def column(values: list[float | None], start: int = 1) -> Column:
    return column_from_series(Series(list(range(start, start + len(values))), values))


def wave(n: int, seed: int = 0) -> list[float | None]:
    rng = np.random.default_rng(seed)
    return list(np.sin(np.arange(n) / 50.0) + rng.normal(0, 0.01, n))


@pytest.mark.parametrize("max_points", [2, 3, 10, 500, 2000])
def test_bound_first_and_last(max_points: int) -> None:
    values = wave(10_000)
    values[0] = math.nan  # a non-finite first point stays first
    out = downsample(column(values), max_points)
    assert len(out) <= max_points
    assert out.iterations[0] == 1 and out.iterations[-1] == 10_000
    assert np.all(np.diff(out.iterations) > 0)


def test_every_non_finite_and_absent_point_survives() -> None:
    values = wave(20_000)
    special = {137: math.nan, 138: math.nan, 5000: math.inf, 5001: -math.inf, 7777: None, 19_998: math.nan}
    for i, v in special.items():
        values[i] = v
    out = downsample(column(values), 500)
    assert len(out) <= 500
    kept = dict(zip(out.iterations.tolist(), column_json(out)["values"], strict=True))
    expected = {"NaN": [138, 139, 19_999], "Infinity": [5001], "-Infinity": [5002], None: [7778]}
    for text, iterations in expected.items():
        for it in iterations:
            assert kept[it] == text, (it, kept.get(it))


def test_a_spike_survives() -> None:
    values = wave(50_000)
    values[31_415] = 100.0
    out = downsample(column(values), 200)
    assert 31_416 in out.iterations.tolist()


def test_many_non_finite_points_keep_the_ends_of_their_runs() -> None:
    values = wave(10_000)
    values[2000:6000] = [math.nan] * 4000  # a diverged stretch: more NaN than the budget
    values[8000:8003] = [math.inf] * 3
    out = downsample(column(values), 1000)
    assert len(out) <= 1000
    kept = dict(zip(out.iterations.tolist(), column_json(out)["values"], strict=True))
    assert kept[2001] == "NaN" and kept[6000] == "NaN"  # first and last of the NaN run
    assert kept[8001] == kept[8003] == "Infinity"  # past the budget, every run keeps its two ends
    finite = [v for v in kept.values() if isinstance(v, float)]
    assert len(finite) >= 400  # the finite shape keeps at least half the budget


def test_short_series_are_untouched() -> None:
    col = column([1.0, None, math.nan, 2.0])
    assert downsample(col, 4) is col


def test_downsample_together_shares_iterations() -> None:
    a = column(wave(5000, 1))
    b = column([None if i == 2500 else v for i, v in enumerate(wave(5000, 2))])
    out = downsample_together([a, b], 100)
    assert np.array_equal(out[0].iterations, out[1].iterations) and len(out[0]) <= 100
    assert 2501 in out[1].iterations.tolist()


def test_columns_keep_absent_apart_from_nan() -> None:
    col = column([1.0, None, math.nan, math.inf, -math.inf, 100.0])
    assert column_json(col)["values"] == [1.0, None, "NaN", "Infinity", "-Infinity", 100.0]
    logs = column_json(log10(col))["values"]
    assert logs == [0.0, None, "NaN", "Infinity", "NaN", 2.0]
    r = column_json(ratio(column([0.0, 1.0, 0.0, None]), column([0.0, 0.0, 2.0, 1.0])))
    assert r["values"] == ["NaN", "Infinity", 0.0, None]


def test_integral_columns_are_written_as_integers() -> None:
    doc = column_json(column([1.0, 2.0, 3.0]))
    assert doc["values"].dtype == np.int64


def test_splice_replaces_the_tail() -> None:
    old = column([1.0, 2.0, 3.0, None])
    new = column_from_series(Series([3, 4, 5], [30.0, 4.0, 5.0]))
    out = splice(old, new, 3)
    assert out.iterations.tolist() == [1, 2, 3, 4, 5]
    assert np.asarray(column_json(out)["values"]).tolist() == [1, 2, 30, 4, 5]
