"""The compiled CPU kernel (fitscope/_stats_kernel.c) against numpy, and against the pure-torch path.

Every test computes its reference with numpy on the float64 values: counts, min, max and bins
exactly (``np.histogram(finite, bins, range=(min, max))``, one bin when ``min == max``), moments
to 1e-12. The adversarial tensors put values on numpy's bin edges and one ulp (float64 and
float32) either side, span subnormal and near-overflow ranges, and cover every 16-bit pattern
of float16 and bfloat16. Where numpy cannot bin a range (it raises "Too many bins" for bins
narrower than an ulp, or overflows computing the width) the two paths must still agree.
"""

from __future__ import annotations

import math
import subprocess
import sys
import warnings
from collections.abc import Iterator
from fractions import Fraction

import numpy as np
import pytest
import torch

from fitscope import stats_kernel
from fitscope.errors import FitscopeError
from fitscope.records import Summary
from fitscope.tensor_stats import TensorSummarizer

DTYPES = [torch.float32, torch.float64, torch.float16, torch.bfloat16]
KERNELS = ["c", "torch"]


def test_the_compiled_kernel_is_installed() -> None:
    # Not a skip: without it every other test here would only test the fallback.
    assert stats_kernel.kernel_error() is None, (
        f"fitscope._stats_kernel did not load ({stats_kernel.kernel_error()}): rebuild it with make .venv/.linked"
    )


# --------------------------------------------------------------------------------- references


def numpy_counts(finite: np.ndarray, bins: int) -> tuple[int, ...] | None:
    """np.histogram's counts of ``finite`` (float64) over its own range; ``None`` where numpy cannot bin it."""
    lo, hi = finite.min(), finite.max()
    if lo == hi:
        return (finite.size,)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an overflowing width is a RuntimeWarning, then garbage
        try:
            return tuple(int(c) for c in np.histogram(finite, bins=bins, range=(lo, hi))[0])
        except (ValueError, RuntimeWarning):
            return None


def exact_stdev(f: np.ndarray) -> float:
    """Sample standard deviation with correctly rounded sums (``np.std`` loses digits when values are ulps apart)."""
    mean = math.fsum(f) / f.size
    d = f - mean
    m2 = math.fsum(d * d) - math.fsum(d) ** 2 / f.size
    return math.sqrt(max(m2, 0.0) / (f.size - 1))


def assert_numpy(s: Summary, t: torch.Tensor, bins: int) -> None:
    """``s`` is the summary of ``t``: counts, extremes, bins exactly; moments to 1e-12."""
    a = t.detach().to(torch.float64).reshape(-1).numpy()  # exact for every float dtype
    f = a[np.isfinite(a)]
    assert (s.count, s.nan_count, s.posinf_count, s.neginf_count, s.zero_count) == (
        a.size,
        int(np.isnan(a).sum()),
        int(np.isposinf(a).sum()),
        int(np.isneginf(a).sum()),
        int(np.count_nonzero(a == 0.0)),
    )
    if f.size == 0:
        assert s.histogram is None and s.mean is None and s.min is None
        return
    assert s.min == f.min() and s.max == f.max()
    assert s.histogram is not None and s.histogram.min == s.min and s.histogram.max == s.max
    want = numpy_counts(f, bins)
    if want is None:
        assert sum(s.histogram.counts) == f.size and len(s.histogram.counts) == bins
    else:
        assert s.histogram.counts == want
    with np.errstate(over="ignore", invalid="ignore"):
        scale = float(np.sum(np.abs(f)))
        if not math.isfinite(scale) or not np.isfinite(np.square(np.max(np.abs(f)))):
            return  # sums (or squares) that overflow float64: only the counts above are defined
        expected = {
            "sum": float(np.sum(f)),
            "mean": float(np.mean(f)),
            "sum_squares": float(np.sum(f * f)),
            "mean_magnitude": float(np.mean(np.abs(f))),
            "stdev": exact_stdev(f) if f.size > 1 else None,
        }
    for name, value in expected.items():
        got = getattr(s, name)
        if value is None:
            assert got is None, name
            continue
        # sums of mixed signs cancel: their error is relative to the sum of magnitudes
        atol = 1e-14 * scale / (f.size if name == "mean" else 1) if name in ("sum", "mean") else 0.0
        assert math.isclose(got, value, rel_tol=1e-12, abs_tol=atol), (name, got, value)


def assert_same(a: Summary, b: Summary) -> None:
    """Two summaries of one tensor: counts, extremes and bins equal; moments to 1e-12."""
    for name in ("count", "nonfinite_count", "nan_count", "posinf_count", "neginf_count", "zero_count", "min", "max"):
        assert getattr(a, name) == getattr(b, name), name
    assert a.histogram == b.histogram
    for name in ("mean", "stdev", "mean_magnitude", "sum", "sum_squares"):
        x, y = getattr(a, name), getattr(b, name)
        if x is None or y is None or not (math.isfinite(x) and math.isfinite(y)):
            assert (x is None) == (y is None), name
            continue
        scale = abs(a.mean_magnitude or 0.0) * (a.count if name == "sum" else 1)
        assert math.isclose(x, y, rel_tol=1e-12, abs_tol=1e-13 * scale if name in ("sum", "mean") else 0.0), (
            name,
            x,
            y,
        )


def check(tensors: list[torch.Tensor], bins: int = 20) -> list[Summary]:
    """Summarizes ``tensors`` on both paths; checks each against numpy and the paths against each other."""
    ours = TensorSummarizer(bins, kernel="c").summarize(tensors)
    theirs = TensorSummarizer(bins, kernel="torch").summarize(tensors)
    for s, o, t in zip(ours, theirs, tensors, strict=True):
        assert_numpy(s, t, bins)
        assert_same(s, o)
    return ours


def modes(tensors: list[torch.Tensor], bins: int = 20) -> bytes:
    """How the kernel binned each tensor (see fitscope/_stats_kernel.c)."""
    return stats_kernel.CpuKernel(bins, moment=True, histogram=True).rows(tensors)[1]


def randn(*shape: int, dtype: torch.dtype = torch.float32, seed: int = 0) -> torch.Tensor:
    g = torch.Generator().manual_seed(seed)
    return torch.randn(*shape, generator=g, dtype=torch.float64).to(dtype)


def around_edges(lo: float, hi: float, bins: int, dtype: torch.dtype) -> torch.Tensor:
    """numpy's edges of ``[lo, hi]`` and their neighbours (float64 and in ``dtype``), clipped to the range."""
    edges = np.linspace(lo, hi, bins + 1)
    values = [edges, np.nextafter(edges, -np.inf), np.nextafter(edges, np.inf)]
    if dtype != torch.float64:
        e = torch.from_numpy(edges).to(dtype)  # nearest value of the dtype
        for step in (-2, -1, 0, 1, 2):  # neighbours in the dtype, by bit pattern
            bits = e.view(torch.int16 if e.element_size() == 2 else torch.int32)
            values.append((bits + step).view(dtype).to(torch.float64).numpy())
    v = torch.from_numpy(np.concatenate(values)).to(dtype)
    t = torch.from_numpy(np.array([lo, hi])).to(dtype)
    lo_t, hi_t = float(t[0]), float(t[1])
    v = v[torch.isfinite(v)].clamp(lo_t, hi_t)
    return torch.cat([v, t])  # min and max are the range itself


# --------------------------------------------------------------------------------- values


@pytest.mark.parametrize("dtype", DTYPES)
def test_random_tensors_of_many_shapes(dtype: torch.dtype) -> None:
    shapes = [(1,), (7,), (33, 65), (4, 5, 6), (300, 200), (1, 2049), (70000,), (131073,)]
    check([randn(*s, dtype=dtype, seed=i) * (i + 1) - i for i, s in enumerate(shapes)])


@pytest.mark.parametrize("bins", [1, 2, 3, 7, 20, 64, 65, 100])
@pytest.mark.parametrize("dtype", DTYPES)
def test_values_on_edges_and_one_ulp_around_them(bins: int, dtype: torch.dtype) -> None:
    ranges = [(-1.3, 2.9), (0.0, 1.0), (-1e-3, -1e-7), (1e3, 1e3 + 3.7), (-7.25, 1e-30), (-1.0, 1.0), (0.1, 0.7)]
    tensors = [around_edges(lo, hi, bins, dtype) for lo, hi in ranges]
    out = check(tensors, bins)
    assert all(s.histogram is not None and len(s.histogram.counts) == bins for s in out)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_values_on_edges_of_many_random_ranges(dtype: torch.dtype) -> None:
    rng = np.random.default_rng(1)
    tensors = []
    for _ in range(60):
        lo, hi = np.sort(rng.normal(size=2) * 10.0 ** rng.integers(-30, 30))
        if float(torch.tensor(lo, dtype=dtype)) == float(torch.tensor(hi, dtype=dtype)):
            continue
        t = around_edges(lo, hi, 20, dtype)
        inside = torch.from_numpy(rng.uniform(lo, hi, 200)).to(dtype).clamp(float(t.min()), float(t.max()))
        tensors.append(torch.cat([t, inside]))
    assert b"F" in modes(tensors)
    check(tensors)


def test_float32_values_between_float64_edges() -> None:
    # Edges that fall between two float32 values, and edges that are float32 values: the
    # comparison with the smallest float32 above an edge must count exactly the values >= it.
    tensors = []
    for lo, hi in [(0.0, 1.0), (1.0, 2.0), (-3.0, 7.0), (1.0, 1.0 + 2**-10), (2.0**-126, 2.0**-120)]:
        grid = torch.linspace(lo, hi, 20001, dtype=torch.float64).to(torch.float32)
        tensors.append(torch.cat([grid, around_edges(lo, hi, 20, torch.float32)]))
    for bins in (3, 20, 64):
        check(tensors, bins)


def test_ranges_of_a_few_ulps_to_a_few_hundred() -> None:
    # Across the kernel's threshold between its edge counts and numpy's own algorithm.
    tensors = []
    for base in (1.0, -3.0, 1e-300, 1e300, 2.0**-1022):
        for width in (1, 2, 3, 19, 20, 21, 40, 41, 160, 319, 320, 321, 330, 400, 1000):
            values = [base + k * math.ulp(base) for k in range(width + 1)]
            tensors.append(torch.tensor(values, dtype=torch.float64))
    used = modes(tensors)
    assert b"F" in used and b"L" in used
    check(tensors)


def test_float32_ranges_of_a_few_ulps() -> None:
    tensors = []
    for base in (1.0, -3.0, 1e-38, 3e38, 1e-45):
        start = torch.tensor([base], dtype=torch.float32).view(torch.int32)
        for width in (1, 2, 5, 19, 20, 21, 100):
            bits = start + torch.arange(width + 1, dtype=torch.int32) * (1 if base > 0 else -1)
            tensors.append(bits.view(torch.float32))
    check(tensors)


def test_subnormal_values() -> None:
    tensors = [
        torch.tensor([0.0, 5e-324, 1e-323, 1.5e-323], dtype=torch.float64),
        torch.tensor([5e-324 * k for k in range(200)], dtype=torch.float64),
        torch.tensor([2.0**-1074 * k for k in range(0, 10**5, 7)], dtype=torch.float64),
        torch.tensor([1e-45, 3e-45, 1e-40, 1e-39, 1.1754942e-38], dtype=torch.float32),
        (torch.arange(1, 5000, dtype=torch.int32)).view(torch.float32),  # float32 subnormals by bits
        torch.tensor([-1e-40, 0.0, -0.0, 1e-40], dtype=torch.float32),
    ]
    check(tensors)
    check(tensors, 7)


def test_huge_ranges() -> None:
    tensors = [
        torch.tensor([-3.4e38, 3.4e38, 0.0, 1.0, -1.0], dtype=torch.float32),
        torch.tensor([torch.finfo(torch.float32).max, torch.finfo(torch.float32).min], dtype=torch.float32),
        torch.tensor([1.7e308, 1.7e308, -1e308, 5.0], dtype=torch.float64),  # width overflows float64
        torch.tensor([1.79e308, -1.79e308], dtype=torch.float64),
        torch.tensor([1e308, 1.7e308, 1.5e308], dtype=torch.float64),
        torch.tensor([65504.0, -65504.0, 1.0], dtype=torch.float16),
        torch.tensor([3.3e38, -3.3e38, 2.0], dtype=torch.bfloat16),
    ]
    assert b"Z" in modes(tensors)
    out = check(tensors)
    assert out[2].nonfinite_count == 0 and out[2].histogram is not None and sum(out[2].histogram.counts) == 4


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16])
def test_every_16_bit_pattern(dtype: torch.dtype) -> None:
    words = torch.arange(-(2**15), 2**15, dtype=torch.int32).to(torch.int16)
    every = words.view(dtype)
    positive = every[every > 0]
    check([every, positive, every[(every.abs() < 1e-3) & (every != 0)]])
    check([every, positive], 64)


@pytest.mark.parametrize("dtype", DTYPES)
def test_nonfinite_values_are_counted_and_excluded(dtype: torch.dtype) -> None:
    tensors = []
    for n in (5, 5000, 140000):
        t = randn(n, dtype=dtype, seed=n)
        t[::7] = math.nan
        t[::11] = math.inf
        t[::13] = -math.inf
        tensors.append(t)
    tensors += [
        torch.full((6,), math.nan, dtype=dtype),
        torch.tensor([math.inf, -math.inf, math.nan, math.inf], dtype=dtype),
        torch.tensor([math.inf, 1.0, -math.inf, 2.0, math.nan], dtype=dtype),
        torch.tensor([math.inf, 3.0, math.inf], dtype=dtype),  # +Inf above the last bin's edge
        torch.tensor([-math.inf, 3.0, 3.0, 4.0, math.inf], dtype=dtype),
    ]
    out = check(tensors)
    assert out[3] == Summary(count=6, nonfinite_count=6, nan_count=6, zero_count=0)
    assert out[6].histogram is not None and out[6].histogram.counts == (1,)
    assert out[7].histogram is not None and out[7].histogram.counts == (2,) + (0,) * 18 + (1,)


def test_constant_and_tiny_tensors() -> None:
    tensors = [
        torch.full((10, 3), 2.5),
        torch.zeros(5, dtype=torch.float64),
        torch.tensor([1.5]),
        torch.tensor(-3.0, dtype=torch.float64),
        torch.tensor([0.0, -0.0]),
        torch.tensor([1.0, 2.0]),
        torch.full((300000,), -7.0, dtype=torch.bfloat16),
    ]
    out = check(tensors)
    assert out[0].histogram is not None and out[0].histogram.counts == (30,) and out[0].stdev == 0.0
    assert out[2].stdev is None


def test_stdev_of_values_a_few_ulps_apart_is_exact() -> None:
    bases = (1.0, 3.0, -1e6)
    tensors = [torch.tensor([b + k * math.ulp(b) for k in range(41)], dtype=torch.float64) for b in bases]
    exact = [math.sqrt(sum((k - 20) ** 2 for k in range(41)) / 40) * math.ulp(b) for b in bases]
    for s, want in zip(TensorSummarizer(kernel="c").summarize(tensors), exact, strict=True):
        assert s.stdev is not None and math.isclose(s.stdev, want, rel_tol=1e-10)


def test_precision_of_large_tensors_with_an_offset() -> None:
    # Several chunks (the kernel's unit of partial results) and enough elements for threads.
    t = randn(1_500_003, seed=5) * 1e-2 + 3
    big = randn(1_000_003, dtype=torch.float64, seed=6)
    big[700_001] = math.nan
    check([t, -t, big])


# --------------------------------------------------------------------------------- inputs and options


def test_non_contiguous_views() -> None:
    base = randn(300, 200, seed=11)
    tensors = [
        base.t(),
        base[::3, 1::2],
        base[:, 5],
        base.double().t()[::2],
        base.expand(2, 300, 200),
        base.half().t(),
        base.bfloat16()[:, ::3],
        torch._neg_view(base),
        base.flip(0)[:, 1:],
    ]
    assert not any(t.is_contiguous() for t in tensors if t is not tensors[7])
    check(tensors)


def test_inputs_are_left_alone() -> None:
    leaf = randn(400, 30, seed=12).requires_grad_()
    inputs = [leaf, leaf * 2, torch.tensor([math.nan, 1.0], dtype=torch.float64, requires_grad=True)]
    before = [t.detach().clone() for t in inputs]
    check(inputs)
    for t, b in zip(inputs, before, strict=True):
        torch.testing.assert_close(t.detach(), b, rtol=0, atol=0, equal_nan=True)
    assert leaf.grad is None and torch.is_grad_enabled()


def mixed_tensors(seed: int) -> Iterator[torch.Tensor]:
    """Tensors of assorted sizes and dtypes (as parameters, gradients, updates), some empty."""
    rng = np.random.default_rng(seed)
    for i in range(80):
        n = [0, 1, 17, 256, 4096, 20000, 140000][i % 7] if i % 3 else int(rng.integers(1, 9000))
        yield randn(n, dtype=DTYPES[i % 4], seed=seed * 100 + i) * float(rng.uniform(0.01, 10))


@pytest.mark.parametrize("bins", [1, 7, 20, 100])
def test_many_tensors_in_one_call(bins: int) -> None:
    tensors = list(mixed_tensors(bins))
    tensors.insert(3, torch.empty(3, 0))
    check(tensors, bins)


@pytest.mark.parametrize("off", ["mean", "stdev", "mean_magnitude", "histogram"])
def test_disabled_statistics(off: str) -> None:
    tensors = [randn(100, seed=1), randn(30000, seed=2), randn(3, 3, dtype=torch.float64)]
    for kernel in KERNELS:
        full = TensorSummarizer(7, kernel=kernel).summarize(tensors)
        partial = TensorSummarizer(7, kernel=kernel, **{off: False}).summarize(tensors)  # type: ignore[arg-type]
        for f, s in zip(full, partial, strict=True):
            assert s == Summary(**{**{k: getattr(f, k) for k in Summary.__slots__}, off: None})


def test_results_do_not_depend_on_the_number_of_threads() -> None:
    kernel = stats_kernel.CpuKernel(20, moment=True, histogram=True)
    tensors = [randn(3_000_000, seed=1), randn(1_200_000, dtype=torch.float64, seed=2), randn(10, seed=3)]
    threads = torch.get_num_threads()
    try:
        results = []
        for n in (1, 2, 5):
            torch.set_num_threads(n)
            results.append(kernel.rows(tensors)[0])
    finally:
        torch.set_num_threads(threads)
    for r in results[1:]:
        assert r.tobytes() == results[0].tobytes()


# --------------------------------------------------------------------------------- choosing the path


def test_the_path_is_chosen_by_argument_then_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FITSCOPE_KERNEL", raising=False)
    assert TensorSummarizer().kernel == "c"
    assert TensorSummarizer(kernel="torch").kernel == "torch"
    monkeypatch.setenv("FITSCOPE_KERNEL", "torch")
    assert TensorSummarizer().kernel == "torch"
    assert TensorSummarizer(kernel="auto").kernel == "c"
    monkeypatch.setenv("FITSCOPE_KERNEL", "fast")
    with pytest.raises(ValueError, match=r"FITSCOPE_KERNEL must be one of auto, c, torch; got 'fast'"):
        TensorSummarizer()
    with pytest.raises(ValueError, match="kernel must be one of"):
        TensorSummarizer(kernel="C")


def test_without_the_compiled_kernel_the_torch_path_runs() -> None:
    # A build without a C compiler: the module is missing (None in sys.modules makes the import fail).
    code = (
        "import sys, torch; sys.modules['fitscope._stats_kernel'] = None\n"
        "from fitscope.tensor_stats import TensorSummarizer\n"
        "from fitscope.errors import FitscopeError\n"
        "s = TensorSummarizer(); print(s.kernel, s.summarize([torch.arange(4.0)])[0].histogram.counts[-1])\n"
        "try:\n    TensorSummarizer(kernel='c')\nexcept FitscopeError as e:\n    print(e)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    first, error = result.stdout.splitlines()
    assert first == "torch 1"
    assert "is not installed" in error and "FITSCOPE_KERNEL=torch" in error


def test_a_missing_kernel_is_an_error_when_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stats_kernel, "_module", None)
    monkeypatch.setattr(stats_kernel, "_error", "ImportError: test")
    assert TensorSummarizer().kernel == "torch"
    with pytest.raises(FitscopeError, match=r"not installed \(ImportError: test\)"):
        TensorSummarizer(kernel="c")


# --------------------------------------------------------------------------------- difference mode


def difference(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """The reference update: ``a - b`` in the dtype, float32 for the 16-bit ones (what the listener reports)."""
    return a.float() - b.float() if a.dtype in (torch.float16, torch.bfloat16) else a - b


@pytest.mark.parametrize("bins", [1, 20, 100])
@pytest.mark.parametrize("dtype", DTYPES)
def test_differences_are_summarised_as_the_materialised_difference(dtype: torch.dtype, bins: int) -> None:
    after, before = [], []
    for seed, shape in enumerate([(1,), (7, 3), (300, 200), (2049,), (64, 64, 40)]):
        b = randn(*shape, dtype=dtype, seed=20 + seed)
        # Tiny steps (ulps), large ones, and equal values (zero update) in one tensor.
        step = randn(*shape, dtype=dtype, seed=40 + seed) * (1e-3 if seed % 2 else 10.0)
        a = b + step
        a.view(-1)[::5] = b.view(-1)[::5]
        after.append(a)
        before.append(b)
    # Non-finite values on either side: NaN - x, Inf - Inf, x - Inf.
    a = randn(1000, dtype=dtype, seed=60)
    b = randn(1000, dtype=dtype, seed=61)
    a[3], b[4], a[5], b[5], b[6] = math.nan, math.nan, math.inf, math.inf, -math.inf
    after.append(a)
    before.append(b)
    for kernel in KERNELS:
        got = TensorSummarizer(bins, kernel=kernel).summarize(after, before)
        for s, x, y in zip(got, after, before, strict=True):
            want = difference(x, y)
            assert_numpy(s, want, bins)
            assert_same(s, TensorSummarizer(bins, kernel="torch").summarize([want])[0])


def test_differences_of_non_contiguous_tensors_and_mixed_calls() -> None:
    base = randn(300, 200, seed=70)
    other = randn(200, 300, seed=71).t()  # same shape, not contiguous
    tensors = [base, base.t(), base[::2], randn(50, seed=72)]
    minus = [other, randn(300, 200, seed=74).t(), base[1::2], None]
    got = TensorSummarizer(20, kernel="c").summarize(tensors, minus)
    for s, t, m in zip(got, tensors, minus, strict=True):
        assert_numpy(s, t if m is None else t - m, 20)


def test_differences_need_matching_tensors() -> None:
    s = TensorSummarizer(20, kernel="c")
    a = randn(10, seed=80)
    with pytest.raises(ValueError, match="one entry per tensor"):
        s.summarize([a], [])
    with pytest.raises(ValueError, match="must match tensor 0"):
        s.summarize([a], [a.double()])
    with pytest.raises(ValueError, match="must match tensor 0"):
        s.summarize([a], [randn(11, seed=81)])


def test_the_kernel_refuses_bad_addresses_and_lengths() -> None:
    from fitscope import _stats_kernel as k

    out = np.empty((1, k.NSTATS + 20))
    zeros = np.zeros(1, dtype=np.int64)
    with pytest.raises(ValueError, match="address is 0"):
        k.summarize_at(zeros, zeros, np.ones(1, dtype=np.int64), b"f", 20, 3, out, 1)
    with pytest.raises(ValueError, match="int64 buffers"):
        k.summarize_at(zeros, np.zeros(2, dtype=np.int64), zeros, b"f", 20, 3, out, 1)
    with pytest.raises(ValueError, match="one kind per buffer"):
        k.summarize_at(zeros, zeros, zeros, b"ff", 20, 3, out, 1)


@pytest.mark.parametrize(
    "case",
    ["offset", "sorted", "ramp", "two levels", "float32 offset", "with NaN", "a jump"],
)
def test_stdev_across_blocks_and_chunks_is_exact(case: str) -> None:
    """The second moment is merged block by block (Chan et al.): against exact rational arithmetic.

    140,000 elements span two chunks and 69 blocks; the cases make block means differ (sorted
    values, a ramp, two levels, a jump from 0 to 1e8 that the one-loop deviations cannot follow)
    or the spread tiny next to the mean (an offset of 1e8). The sum of squares, derived from the
    moment, is checked too.
    """
    g = np.random.default_rng(7)
    n = 140_000
    values = {
        "offset": 1e8 + g.standard_normal(n) * 1e-3,
        "sorted": np.sort(1e6 + g.standard_normal(n)),
        "ramp": np.arange(n, dtype=np.float64) * 1e-3 + 5e9,
        "two levels": np.r_[np.full(n // 2, 1e10), np.full(n // 2 + 1, 1e10 + 1)],
        "float32 offset": (1000 + g.standard_normal(n)).astype(np.float32),
        "with NaN": np.where(g.random(n) < 0.01, np.nan, 1e7 + g.standard_normal(n)),
        "a jump": np.r_[g.standard_normal(10_000), 1e8 + g.standard_normal(n - 10_000) * 1e-3],
    }[case]
    finite = [Fraction(float(x)) for x in values if math.isfinite(x)]
    mean = sum(finite, Fraction(0)) / len(finite)
    exact = math.sqrt(float(sum(((x - mean) ** 2 for x in finite), Fraction(0)) / (len(finite) - 1)))
    squares = float(sum((x * x for x in finite), Fraction(0)))
    (summary,) = TensorSummarizer(kernel="c").summarize([torch.from_numpy(values.copy())])
    assert summary.stdev is not None and math.isclose(summary.stdev, exact, rel_tol=1e-14)
    assert math.isclose(summary.sum_squares, squares, rel_tol=1e-14)
