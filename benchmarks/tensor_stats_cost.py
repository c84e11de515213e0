"""What one report's tensor statistics cost: ``TensorSummarizer.summarize`` against a naive loop.

The naive loop is what one would write per tensor: mask the finite values, then ``mean``,
``std``, ``abs().mean()``, ``min``, ``max`` and ``np.histogram`` of the values copied to the host.
Both run in this process on the same tensors; the script prints the median of ``--runs`` timed
calls after warm-up, the ratio, and the cost per element.

Run: ``python benchmarks/tensor_stats_cost.py [--device cuda] [--runs 15] [--bins 20]``
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable, Sequence
from functools import partial

import numpy as np
import torch

from fitscope.tensor_stats import TensorSummarizer


def naive(tensors: Sequence[torch.Tensor], bins: int) -> list[tuple[float, ...]]:
    """Summarizes tensors one by one, the straightforward way (the baseline)."""
    out: list[tuple[float, ...]] = []
    for t in tensors:
        x = t.detach()
        v = x[torch.isfinite(x)]
        mean, std, mag = v.mean().item(), v.std().item(), v.abs().mean().item()
        lo, hi = v.min().item(), v.max().item()
        counts, _ = np.histogram(v.cpu().numpy(), bins=bins, range=(lo, hi))
        out.append((mean, std, mag, lo, hi, float(counts.sum())))
    return out


def mlp_set(device: torch.device) -> list[torch.Tensor]:
    """Parameters, gradients and updates of a 784-1024-1024-10 MLP, plus 4 activations of 256x1024."""
    shapes = [(784, 1024), (1024,), (1024, 1024), (1024,), (1024, 10), (10,)]
    kinds = [torch.randn(s, device=device) * 0.05 for _ in range(3) for s in shapes]
    return kinds + [torch.randn(256, 1024, device=device).relu() for _ in range(4)]


def deep_set(device: torch.device) -> list[torch.Tensor]:
    """Parameters, gradients and updates of 20 layers of 256x256 weights and 256 biases."""
    return [torch.randn(s, device=device) * 0.05 for _ in range(3) for _ in range(20) for s in ((256, 256), (256,))]


def median_ms(fn: Callable[[], object], runs: int, device: torch.device) -> float:
    """Median wall time of ``fn`` in ms, after two warm-up calls."""
    for _ in range(2):
        fn()
    times = []
    for _ in range(runs):
        if device.type == "cuda":
            torch.cuda.synchronize(device)
        start = time.perf_counter()
        fn()
        if device.type == "cuda":
            torch.cuda.synchronize(device)
        times.append((time.perf_counter() - start) * 1e3)
    return statistics.median(times)


def main() -> None:
    """Times both cases and prints one line each."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--bins", type=int, default=20)
    args = parser.parse_args()
    device = torch.device(args.device)
    torch.manual_seed(0)
    summarizer = TensorSummarizer(args.bins)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, device {device}, median of {args.runs} runs")
    for name, tensors in (("mlp", mlp_set(device)), ("deep", deep_set(device))):
        numel = sum(t.numel() for t in tensors)
        ours = median_ms(partial(summarizer.summarize, tensors), args.runs, device)
        base = median_ms(partial(naive, tensors, args.bins), args.runs, device)
        print(
            f"{name:5s} {len(tensors):4d} tensors {numel / 1e6:6.2f} M elements | "
            f"summarize {ours:8.2f} ms ({ours * 1e6 / numel:5.2f} ns/elem) | "
            f"naive {base:8.2f} ms ({base * 1e6 / numel:5.2f} ns/elem) | naive/summarize {base / ours:5.2f}x"
        )


if __name__ == "__main__":
    main()
