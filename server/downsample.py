"""Shape-keeping downsampling of series to at most ``max_points`` points.

The finite points go through tsdownsample's MinMaxLTTB (min/max preselection, then
largest-triangle-three-buckets over the iterations as x): peaks and spikes survive, and the
first and last points are always kept.

Non-finite points (NaN, +/-Infinity) and absent points (gaps) are *data*, so they are taken out
before and added back after. tsdownsample's ``NaNMinMaxLTTBDownsampler`` is not enough for
this: it returns one NaN per bin (a run of NaN keeps a single point) and treats +/-Infinity as
ordinary values (in a bin holding both, one of them goes). So:

1. every non-finite or absent point is kept, as long as they leave at least half the budget
   (or all of it, when there are fewer finite points) to the finite points;
2. past that, each run of equal non-finite kind (NaN, +Inf, -Inf, absent) keeps its first and
   last point, so a chart still shows where each run starts and ends; if the run ends alone
   are still too many, they are thinned evenly;
3. the finite points fill the rest of the budget through MinMaxLTTB;
4. the first and last points of the series are always kept.
"""

from __future__ import annotations

from typing import Final

import numpy as np
import numpy.typing as npt
from tsdownsample import MinMaxLTTBDownsampler

from fitscope.server.columns import Column

__all__ = ["DEFAULT_MAX_POINTS", "MAX_MAX_POINTS", "MIN_MAX_POINTS", "downsample", "downsample_together", "select"]

DEFAULT_MAX_POINTS: Final = 2000
MIN_MAX_POINTS: Final = 2
MAX_MAX_POINTS: Final = 100_000

Index = npt.NDArray[np.intp]

_FINITE, _NAN, _POSINF, _NEGINF, _ABSENT = 0, 1, 2, 3, 4
_LTTB: Final = MinMaxLTTBDownsampler()  # type: ignore[no-untyped-call]


def _codes(column: Column) -> npt.NDArray[np.int8]:
    v = column.values
    codes = np.zeros(len(v), dtype=np.int8)
    codes[np.isnan(v)] = _NAN
    codes[np.isposinf(v)] = _POSINF
    codes[np.isneginf(v)] = _NEGINF
    if column.absent is not None:
        codes[column.absent] = _ABSENT
    return codes


def _thin(index: Index, k: int) -> Index:
    """``k`` evenly spread entries of ``index``, its first and last among them (k >= 2)."""
    if len(index) <= k:
        return index
    if k <= 0:
        return index[:0]
    if k == 1:
        return index[:1]
    return index[np.unique(np.linspace(0, len(index) - 1, k).round().astype(np.intp))]


def _run_edges(codes: npt.NDArray[np.int8]) -> Index:
    """Positions of the first and last point of every run of equal non-finite code."""
    change = np.flatnonzero(codes[1:] != codes[:-1]) + 1
    starts = np.concatenate(([0], change)).astype(np.intp)
    ends = np.concatenate((change - 1, [len(codes) - 1])).astype(np.intp)
    special = codes[starts] != _FINITE
    return np.unique(np.concatenate((starts[special], ends[special])))


def _lttb(iterations: npt.NDArray[np.int64], values: npt.NDArray[np.float64], k: int) -> Index:
    if k < 3:  # tsdownsample's LTTB needs 3 points (it panics below that)
        return _thin(np.arange(len(values), dtype=np.intp), k)
    picked = _LTTB.downsample(iterations, values, n_out=k)
    return np.asarray(picked, dtype=np.intp)


def select(
    iterations: npt.NDArray[np.int64], values: npt.NDArray[np.float64], codes: npt.NDArray[np.int8], max_points: int
) -> Index:
    """Positions of the points to keep (increasing), at most ``max_points`` of them.

    Args:
        iterations: The x values, increasing.
        values: The y values driving the shape (only their finite points are looked at).
        codes: Per point, 0 when finite, else the kind of non-finite or absent value.
        max_points: The budget (>= 2).
    """
    n = len(iterations)
    if n <= max_points:
        return np.arange(n, dtype=np.intp)
    room = max_points - 2  # the first and last points are always kept
    inner = codes[1:-1]
    special = (np.flatnonzero(inner != _FINITE) + 1).astype(np.intp)
    finite = (np.flatnonzero(inner == _FINITE) + 1).astype(np.intp)
    special_budget = room - min(len(finite), room // 2)
    if len(special) > special_budget:
        edges = _run_edges(codes)
        special = edges[(edges > 0) & (edges < n - 1)]
        special = _thin(special, special_budget)
    finite_budget = room - len(special)
    if len(finite) > finite_budget:
        finite = finite[_lttb(iterations[finite], values[finite], finite_budget)]
    picked = np.concatenate((np.array([0, n - 1], dtype=np.intp), special, finite))
    return np.unique(picked)


def downsample(column: Column, max_points: int) -> Column:
    """Returns ``column`` reduced to at most ``max_points`` points (see the module docs)."""
    if len(column) <= max_points:
        return column
    if column.absent is None and max_points >= 3 and np.isfinite(column.values).all():  # the usual case
        return column.take(_lttb(column.iterations, column.values, max_points))
    return column.take(select(column.iterations, column.values, _codes(column), max_points))


def downsample_together(columns: list[Column], max_points: int) -> list[Column]:
    """Downsamples columns that share their iterations with one choice of points.

    The shape is driven by the first column; a point non-finite or absent in any column counts
    as such. Columns must have equal iterations (as :func:`~fitscope.server.columns.align` leaves them).
    """
    if not columns or len(columns[0]) <= max_points:
        return columns
    codes = np.maximum.reduce([_codes(c) for c in columns])
    index = select(columns[0].iterations, columns[0].values, codes, max_points)
    return [c.take(index) for c in columns]
