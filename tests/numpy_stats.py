"""Statistics of a tensor computed independently with numpy, and a comparison with a stored Summary.

Shared by the exactness tests of the listener and of the framework integrations. ``tests/`` is
on ``sys.path`` under pytest, so tests import it as ``from numpy_stats import assert_summary``.
"""

from __future__ import annotations

import numpy as np
import pytest

from fitscope.records import Summary

RTOL = 1e-12


def expected_summary(values: np.ndarray, bins: int = 20) -> dict[str, object]:
    """Statistics over the finite values, computed independently with numpy."""
    v = np.asarray(values, dtype=np.float64).ravel()
    finite = v[np.isfinite(v)]
    out: dict[str, object] = {
        "count": v.size,
        "nan_count": int(np.isnan(v).sum()),
        "posinf_count": int(np.isposinf(v).sum()),
        "neginf_count": int(np.isneginf(v).sum()),
    }
    out["nonfinite_count"] = out["nan_count"] + out["posinf_count"] + out["neginf_count"]  # type: ignore[operator]
    out["zero_count"] = int(np.count_nonzero(v == 0.0))
    if finite.size == 0:
        out.update(mean=None, stdev=None, mean_magnitude=None, min=None, max=None, sum=None, sum_squares=None)
        out["histogram"] = None
        return out
    out.update(
        mean=finite.mean(),
        stdev=finite.std(ddof=1) if finite.size >= 2 else None,
        mean_magnitude=np.abs(finite).mean(),
        min=finite.min(),
        max=finite.max(),
        sum=finite.sum(),
        sum_squares=(finite**2).sum(),
    )
    lo, hi = finite.min(), finite.max()
    if lo == hi:
        out["histogram"] = (lo, hi, [finite.size])
    else:
        counts, edges = np.histogram(finite, bins=bins, range=(lo, hi))
        out["histogram"] = (edges[0], edges[-1], counts.tolist())
    return out


def assert_summary(
    actual: Summary, values: np.ndarray, bins: int = 20, rtol: float = RTOL, *, histogram: bool = True
) -> None:
    """Checks every statistic of ``actual`` against numpy: moments to ``rtol``, histograms bin for bin.

    ``histogram=False``: ``actual`` must have no histogram (one an overhead budget left out).
    """
    exp = expected_summary(values, bins)
    if not histogram:
        exp["histogram"] = None
    for key in ("count", "nonfinite_count", "nan_count", "posinf_count", "neginf_count", "zero_count"):
        assert getattr(actual, key) == exp[key], key
    for key in ("mean", "stdev", "mean_magnitude", "min", "max", "sum", "sum_squares"):
        want = exp[key]
        got = getattr(actual, key)
        if want is None:
            assert got is None, key
        else:
            assert got == pytest.approx(want, rel=rtol, abs=1e-15), key
    if exp["histogram"] is None:
        assert actual.histogram is None
    else:
        lo, hi, counts = exp["histogram"]  # type: ignore[misc]
        assert actual.histogram is not None
        assert actual.histogram.min == pytest.approx(lo, rel=rtol)
        assert actual.histogram.max == pytest.approx(hi, rel=rtol)
        assert list(actual.histogram.counts) == counts
