"""Tests of fitscope.tensor_stats against numpy, computed independently in each test.

The reference is the contract of ``docs/non-finite.md``: statistics of the finite values as
float64 (``np.mean``, ``np.std(ddof=1)``, ...) and ``np.histogram(finite, bins, range=(min,
max))``, one bin when ``min == max``.

The summarizer cuts work differently per device (stacked rows, chunked NaN-padded rows,
pieces of large tensors; a sync-free variant for accelerators), and CPU tensors go to the compiled
kernel when it is installed. The ``summarizer`` fixture runs each test through every one of those
paths on the CPU (the kernel, and the torch path with each tuning, by overriding the private
tuning), so the code an accelerator runs is tested where no accelerator is present.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator

import numpy as np
import pytest
import torch

from fitscope.records import Histogram, Summary
from fitscope.tensor_stats import TensorSummarizer, _Tuning

Factory = Callable[..., TensorSummarizer]

# name -> tuning (None: the real CPU tuning). Small pieces make modest tensors take every path.
# "cpu" is what CPU tensors get by default (the compiled kernel when installed, see
# tests/test_tensor_stats_kernel.py); every other entry runs the pure-torch path.
TUNINGS: dict[str, _Tuning | None] = {
    "cpu": None,
    "cpu-torch": None,
    "stacked": _Tuning(piece=1 << 12, width=1 << 12, stack_min=1, sync_free=False),
    "chunked": _Tuning(piece=1 << 12, width=1 << 7, stack_min=None, sync_free=False),
    "accelerator": _Tuning(piece=1 << 12, width=1 << 7, stack_min=None, sync_free=True),
}


@pytest.fixture(params=list(TUNINGS))
def summarizer(request: pytest.FixtureRequest) -> Factory:
    """Returns a factory of summarizers that use one of the work-cutting paths."""

    def make(bins: int = 20, **flags: bool) -> TensorSummarizer:
        s = TensorSummarizer(bins, kernel=None if request.param == "cpu" else "torch", **flags)
        s._tuning_override = TUNINGS[request.param]
        return s

    return make


def reference(t: torch.Tensor, bins: int) -> dict[str, object]:
    """The expected statistics of ``t``, computed with numpy on its float64 values."""
    a = t.detach().to(torch.float64).cpu().numpy().reshape(-1)  # exact for every float dtype
    f = a[np.isfinite(a)]
    out: dict[str, object] = {
        "count": a.size,
        "nan_count": int(np.isnan(a).sum()),
        "posinf_count": int(np.isposinf(a).sum()),
        "neginf_count": int(np.isneginf(a).sum()),
        "zero_count": int(np.count_nonzero(a == 0.0)),
    }
    if f.size == 0:
        return out
    lo, hi = float(f.min()), float(f.max())
    if lo == hi:
        counts: tuple[int, ...] = (f.size,)
    else:
        counts = tuple(int(c) for c in np.histogram(f, bins=bins, range=(lo, hi))[0])
    out.update(
        mean=float(np.mean(f)),
        stdev=float(np.std(f, ddof=1)) if f.size > 1 else None,
        mean_magnitude=float(np.mean(np.abs(f))),
        min=lo,
        max=hi,
        sum=float(np.sum(f)),
        sum_squares=float(np.sum(f * f)),
        histogram=Histogram(min=lo, max=hi, counts=counts),
        scale=float(np.sum(np.abs(f))),
    )
    return out


def assert_matches(s: Summary, t: torch.Tensor, bins: int) -> None:
    """Asserts that ``s`` is the summary of ``t``: counts, min/max and bins exactly, the rest to 1e-10."""
    ref = reference(t, bins)
    for name in ("count", "nan_count", "posinf_count", "neginf_count", "zero_count"):
        assert getattr(s, name) == ref[name], name
        assert type(getattr(s, name)) is int
    assert s.nonfinite_count == s.nan_count + s.posinf_count + s.neginf_count
    if "mean" not in ref:
        assert s == Summary(s.count, s.nonfinite_count, s.nan_count, s.posinf_count, s.neginf_count, zero_count=0)
        return
    assert s.min == ref["min"] and s.max == ref["max"]
    assert s.histogram == ref["histogram"]
    assert s.histogram is not None and all(type(c) is int for c in s.histogram.counts)
    scale = ref["scale"]
    assert isinstance(scale, float)
    for name in ("mean", "stdev", "mean_magnitude", "sum", "sum_squares"):
        got, want = getattr(s, name), ref[name]
        if want is None:
            assert got is None, name
            continue
        assert type(got) is float, name
        assert isinstance(want, float)
        # sums of mixed signs cancel: their error is relative to the sum of magnitudes
        atol = 1e-13 * scale / (ref["count"] if name == "mean" else 1)  # type: ignore[operator]
        assert math.isclose(got, want, rel_tol=1e-10, abs_tol=atol if name in ("mean", "sum") else 0.0), (
            name,
            got,
            want,
        )


def check(summarizer: TensorSummarizer, tensors: list[torch.Tensor]) -> list[Summary]:
    out = summarizer.summarize(tensors)
    assert len(out) == len(tensors)
    for s, t in zip(out, tensors, strict=True):
        assert_matches(s, t, summarizer.bins)
    return out


def randn(*shape: int, dtype: torch.dtype = torch.float32, seed: int = 0) -> torch.Tensor:
    g = torch.Generator().manual_seed(seed)
    return torch.randn(*shape, generator=g, dtype=torch.float64).to(dtype)


DTYPES = [torch.float32, torch.float64, torch.float16, torch.bfloat16]


# --------------------------------------------------------------------------------- values


@pytest.mark.parametrize("dtype", DTYPES)
def test_random_normal_tensors_of_several_shapes(summarizer: Factory, dtype: torch.dtype) -> None:
    shapes = [(7,), (33, 65), (4, 5, 6), (300, 200), (1, 2049), (70000,)]
    tensors = [randn(*s, dtype=dtype, seed=i) * (i + 1) - i for i, s in enumerate(shapes)]
    check(summarizer(), tensors)


@pytest.mark.parametrize("bins", [1, 7, 20, 64])
def test_values_on_bin_edges_and_one_ulp_around_them(summarizer: Factory, bins: int) -> None:
    tensors = []
    for lo, hi in [(-1.3, 2.9), (0.0, 1.0), (-1e-3, -1e-7), (1e5, 1e5 + 3.7), (-7.25, 1e-300)]:
        edges = np.linspace(lo, hi, bins + 1)
        around = np.concatenate([edges, np.nextafter(edges, -np.inf), np.nextafter(edges, np.inf)])
        tensors.append(torch.from_numpy(np.clip(around, lo, hi)))  # clipping keeps min == lo, max == hi
        # float32 values: the float32 neighbours of each float64 edge
        e32 = edges.astype(np.float32)
        around32 = np.concatenate([e32, np.nextafter(e32, np.float32(-np.inf)), np.nextafter(e32, np.float32(np.inf))])
        lo32, hi32 = np.float32(lo), np.float32(hi)
        tensors.append(torch.from_numpy(np.clip(around32, lo32, hi32)))
    out = check(summarizer(bins), tensors)
    assert all(s.histogram is not None and len(s.histogram.counts) == bins for s in out)


def test_values_on_edges_of_many_random_ranges(summarizer: Factory) -> None:
    rng = np.random.default_rng(1)
    tensors = []
    for _ in range(40):
        lo, hi = np.sort(rng.normal(size=2) * 10.0 ** rng.integers(-6, 6))
        edges = np.linspace(lo, hi, 21)
        values = np.concatenate(
            [edges, np.nextafter(edges, -np.inf), np.nextafter(edges, np.inf), rng.uniform(lo, hi, 50)]
        )
        tensors.append(torch.from_numpy(np.clip(values, lo, hi)))
    check(summarizer(20), tensors)


def test_ranges_of_a_few_ulps_bin_like_numpy(summarizer: Factory) -> None:
    # Bins narrower than an ulp or two: numpy's own algorithm, not the fast one.
    tensors = []
    for width in (3, 20, 21, 40, 41, 60, 97, 1000):
        base = 1.0 + 2.0**-40
        values = [base + k * math.ulp(base) for k in range(width + 1)]
        tensors.append(torch.tensor(values, dtype=torch.float64))
    summarizer_ = summarizer(20)
    for s, t in zip(summarizer_.summarize(tensors), tensors, strict=True):
        a = t.numpy()
        try:
            counts = tuple(int(c) for c in np.histogram(a, bins=20, range=(a.min(), a.max()))[0])
        except ValueError:  # numpy: "Too many bins for data range"; any split of the values will do
            assert s.histogram is not None and sum(s.histogram.counts) == t.numel()
            continue
        assert s.histogram is not None and s.histogram.counts == counts


def test_stdev_of_values_a_few_ulps_apart_is_exact(summarizer: Factory) -> None:
    # The mean's own rounding (up to an ulp) would shift a plain two-pass result by ~0.5%.
    bases = (1.0, 3.0, -1e6)
    tensors = [torch.tensor([b + k * math.ulp(b) for k in range(41)], dtype=torch.float64) for b in bases]
    exact = [math.sqrt(sum((k - 20) ** 2 for k in range(41)) / 40) * math.ulp(b) for b in bases]
    for s, want in zip(summarizer().summarize(tensors), exact, strict=True):
        assert s.stdev is not None and math.isclose(s.stdev, want, rel_tol=1e-10)


def test_subnormal_range_does_not_fail(summarizer: Factory) -> None:
    t = torch.tensor([0.0, 5e-324, 1e-323, 1.5e-323], dtype=torch.float64)
    (s,) = summarizer(20).summarize([t])
    assert s.histogram is not None and sum(s.histogram.counts) == 4
    assert s.min == 0.0 and s.max == 1.5e-323


def test_precision_of_a_large_float32_tensor_with_an_offset(summarizer: Factory) -> None:
    # One million values around 3 with a small spread: a one-pass variance would lose digits.
    t = randn(1_000_000, seed=5) * 1e-2 + 3
    check(summarizer(), [t, -t, randn(1_000_003, dtype=torch.float64, seed=6)])


# --------------------------------------------------------------------------------- edge cases


def test_constant_tensor_has_one_bin(summarizer: Factory) -> None:
    out = check(summarizer(), [torch.full((10, 3), 2.5), torch.zeros(5, dtype=torch.float64)])
    assert out[0].histogram == Histogram(min=2.5, max=2.5, counts=(30,))
    assert out[0].stdev == 0.0


def test_single_element_and_zero_dim_tensors(summarizer: Factory) -> None:
    out = check(summarizer(), [torch.tensor([1.5]), torch.tensor(-3.0, dtype=torch.float64), torch.tensor(7.0)])
    assert out[0].stdev is None and out[0].mean == 1.5 and out[0].histogram == Histogram(1.5, 1.5, (1,))
    assert out[1].count == 1 and out[1].sum == -3.0 and out[1].sum_squares == 9.0


def test_empty_tensors(summarizer: Factory) -> None:
    out = check(summarizer(), [torch.empty(0), torch.empty(3, 0, dtype=torch.float16), torch.ones(2)])
    assert out[0] == Summary(count=0, zero_count=0)
    assert out[1] == Summary(count=0, zero_count=0)
    assert out[2].count == 2


def test_nonfinite_values_are_counted_and_excluded(summarizer: Factory) -> None:
    tensors = []
    for dtype in DTYPES:
        t = randn(5000, dtype=dtype, seed=3)
        t[::7] = math.nan
        t[::11] = math.inf
        t[::13] = -math.inf
        tensors.append(t)
    big = randn(20000, seed=4)
    big[12345] = math.nan
    tensors += [big, torch.tensor([math.inf, 1.0, -math.inf, 2.0, math.nan])]
    out = check(summarizer(), tensors)
    assert out[-1].nan_count == 1 and out[-1].posinf_count == 1 and out[-1].neginf_count == 1
    assert out[-1].mean == 1.5 and out[-1].histogram == Histogram(1.0, 2.0, (1,) + (0,) * 18 + (1,))


def test_tensors_without_finite_values_have_no_statistics(summarizer: Factory) -> None:
    all_nan = torch.full((6,), math.nan)
    mixed = torch.tensor([math.inf, -math.inf, math.nan, math.inf], dtype=torch.float64)
    out = check(summarizer(), [all_nan, mixed, randn(10)])
    assert out[0] == Summary(count=6, nonfinite_count=6, nan_count=6, zero_count=0)
    assert out[1] == Summary(count=4, nonfinite_count=4, nan_count=1, posinf_count=2, neginf_count=1, zero_count=0)
    assert out[2].histogram is not None


def test_exact_zeros_are_counted(summarizer: Factory) -> None:
    # +0.0 and -0.0 are zeros; the smallest subnormals, NaN and the NaN padding of chunked rows are not.
    tensors = []
    for dtype in DTYPES:
        t = torch.relu(randn(5003, dtype=dtype, seed=5))
        t[::9] = -0.0
        t[1::17] = torch.finfo(dtype).tiny / 4 if dtype != torch.bfloat16 else torch.finfo(dtype).tiny
        t[2::19] = math.nan
        tensors.append(t)
    tensors += [torch.zeros(7), torch.zeros(20000, dtype=torch.float64), torch.tensor([-0.0, 0.0, 1.0])]
    big = torch.relu(randn(30011, seed=6))  # larger than a piece: reduced piece by piece
    tensors.append(big)
    out = check(summarizer(), tensors)
    assert out[-2].zero_count == 2 and out[-4].zero_count == 7
    assert all(s.zero_count and s.zero_count > 0 for s in out)


def test_overflowing_values_are_finite_statistics(summarizer: Factory) -> None:
    # Finite values whose sum overflows: not mistaken for non-finite ones.
    t = torch.tensor([1.7e308, 1.7e308, -1e308, 5.0], dtype=torch.float64)
    (s,) = summarizer().summarize([t])
    assert s.nonfinite_count == 0 and s.min == -1e308 and s.max == 1.7e308
    assert s.histogram is not None and sum(s.histogram.counts) == 4


# --------------------------------------------------------------------------------- options


@pytest.mark.parametrize("off", ["mean", "stdev", "mean_magnitude", "histogram"])
def test_disabled_statistics_are_none(summarizer: Factory, off: str) -> None:
    tensors = [randn(100, seed=1), randn(30000, seed=2), randn(3, 3, dtype=torch.float64)]
    on = summarizer(7).summarize(tensors)
    partial = summarizer(7, **{off: False}).summarize(tensors)
    for full, s in zip(on, partial, strict=True):
        assert getattr(s, off) is None
        assert s == Summary(**{**{k: getattr(full, k) for k in Summary.__slots__}, off: None})


def test_everything_disabled_keeps_counts_and_extremes(summarizer: Factory) -> None:
    t = torch.tensor([1.0, math.nan, 3.0])
    (s,) = summarizer(mean=False, stdev=False, mean_magnitude=False, histogram=False).summarize([t])
    assert s == Summary(
        count=3, nonfinite_count=1, nan_count=1, min=1.0, max=3.0, sum=4.0, sum_squares=10.0, zero_count=0
    )


@pytest.mark.parametrize("bins", [1, 7])
def test_bin_counts(summarizer: Factory, bins: int) -> None:
    out = check(summarizer(bins), [randn(1000, seed=9), randn(50000, dtype=torch.float64, seed=8)])
    assert all(s.histogram is not None and len(s.histogram.counts) == bins for s in out)


def test_invalid_arguments() -> None:
    for bins in (0, -3, 2.5, True):
        with pytest.raises(ValueError, match="positive integer"):
            TensorSummarizer(bins)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"tensor 1 is torch\.int64"):
        TensorSummarizer().summarize([torch.ones(2), torch.ones(2, dtype=torch.int64)])


# --------------------------------------------------------------------------------- inputs


def test_non_contiguous_tensors(summarizer: Factory) -> None:
    base = randn(300, 200, seed=11)
    tensors = [base.t(), base[::3, 1::2], base[:, 5], base.double().t()[::2], base.expand(2, 300, 200)]
    assert not any(t.is_contiguous() for t in tensors)
    check(summarizer(), tensors)


def test_inputs_requiring_grad_are_left_alone(summarizer: Factory) -> None:
    leaf = randn(400, 30, seed=12).requires_grad_()
    hidden = leaf * 2  # a non-leaf tensor in an autograd graph
    inputs = [leaf, hidden, torch.tensor([math.nan, 1.0], dtype=torch.float64, requires_grad=True)]
    before = [t.detach().clone() for t in inputs]
    check(summarizer(), inputs)
    for t, b in zip(inputs, before, strict=True):
        torch.testing.assert_close(t.detach(), b, rtol=0, atol=0, equal_nan=True)
    assert leaf.grad is None and torch.is_grad_enabled()
    hidden.sum().backward()  # the graph still works
    assert leaf.grad is not None and bool((leaf.grad == 2).all())


def test_float64_inputs_are_not_written(summarizer: Factory) -> None:
    tensors = [randn(n, dtype=torch.float64, seed=n) for n in (5, 5000, 70000)]
    tensors[0][2] = math.inf
    before = [t.clone() for t in tensors]
    check(summarizer(), tensors)
    for t, b in zip(tensors, before, strict=True):
        torch.testing.assert_close(t, b, rtol=0, atol=0)


def mixed_tensors(seed: int) -> Iterator[torch.Tensor]:
    """Tensors of assorted sizes and dtypes, some sizes repeated (as parameters, gradients, updates)."""
    rng = np.random.default_rng(seed)
    for i in range(60):
        n = [1, 17, 256, 4096, 20000][i % 5] if i % 3 else int(rng.integers(1, 9000))
        yield randn(n, dtype=DTYPES[i % 4], seed=seed * 100 + i) * float(rng.uniform(0.01, 10))


def test_many_tensors_in_one_call_keep_input_order(summarizer: Factory) -> None:
    tensors = list(mixed_tensors(1))
    tensors.insert(30, torch.empty(0))
    out = check(summarizer(), tensors)
    assert [s.count for s in out] == [t.numel() for t in tensors]


def test_cached_layouts_never_give_stale_results(summarizer: Factory) -> None:
    s = summarizer(7)
    first = list(mixed_tensors(2))
    check(s, first)
    check(s, [t * -3 + 1 for t in first])  # same layout, other values
    check(s, first[::2])  # another layout
    check(s, [randn(10), randn(20)])
    nan_first = [t.clone() for t in first]
    nan_first[4][0] = math.nan
    check(s, nan_first)
    for n in range(1, 12):  # more layouts than are cached
        check(s, [randn(n, seed=n), randn(3 * n, seed=n)])
    check(s, first)


def test_summarizers_do_not_share_state() -> None:
    tensors = [randn(300, seed=1), randn(300, seed=2)]
    a, b = TensorSummarizer(5), TensorSummarizer(9)
    for _ in range(2):
        for s in (a, b):
            check(s, tensors)
