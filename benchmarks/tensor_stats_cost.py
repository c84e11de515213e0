"""What one report's tensor statistics cost: the compiled kernel against the pure-torch path, the
usual histogram functions and the memory floor.

Part 1 (``sizes``): one float32 tensor of 1 M, 7 M and 30 M elements. In alternating rounds:
``TensorSummarizer`` with the compiled kernel (``kernel="c"``), the same with the pure-torch path
(``kernel="torch"``), ``torch.histc`` alone, ``np.histogram`` alone (each finds its own range)
and the memory floor: a copy of the same tensor into a buffer. Printed: ns per element (median
of ``--runs`` rounds after warm-up; ``--stat min`` on a busy machine) and each figure over the
kernel's. The kernel's ns per element should stay flat as the size grows.

Part 2 (``sets``): the tensors of one report, ``TensorSummarizer`` on both paths against a naive
per-tensor loop (mask the finite values, then ``mean``, ``std``, ``abs().mean()``, ``min``, ``max``
and ``np.histogram`` of the values copied to the host) and the floor (a copy of the same tensors).

Run: ``python benchmarks/tensor_stats_cost.py [--device cuda] [--runs 15] [--bins 20] [--parts sizes,sets]
[--stat min]`` (on CUDA only the torch path exists: part 2 only).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable, Sequence
from functools import partial

import numpy as np
import torch

from fitscope.stats_kernel import kernel_error
from fitscope.tensor_stats import TensorSummarizer

SIZES = (1 << 20, 7 << 20, 30 << 20)


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


def copier(tensors: Sequence[torch.Tensor]) -> Callable[[], object]:
    """The memory floor: copies the tensors into buffers allocated once (a read and a write of each)."""
    buffers = [torch.empty_like(t) for t in tensors]

    def copy() -> None:
        for b, t in zip(buffers, tensors, strict=True):
            b.copy_(t)

    return copy


def alternating(
    cases: dict[str, Callable[[], object]], runs: int, device: torch.device, stat: str = "median"
) -> dict[str, float]:
    """Wall time in ms of each case (median or min of the rounds), timed in alternating rounds after one warm-up."""
    times: dict[str, list[float]] = {name: [] for name in cases}
    for round_ in range(runs + 1):
        for name, fn in cases.items():
            if device.type == "cuda":
                torch.cuda.synchronize(device)
            start = time.perf_counter()
            fn()
            if device.type == "cuda":
                torch.cuda.synchronize(device)
            if round_:
                times[name].append((time.perf_counter() - start) * 1e3)
    pick = statistics.median if stat == "median" else min
    return {name: pick(t) for name, t in times.items()}


def sizes(args: argparse.Namespace) -> None:
    """Part 1: one tensor of each size; every case over the kernel's time."""
    kernel = TensorSummarizer(args.bins, kernel="c")
    pure = TensorSummarizer(args.bins, kernel="torch")
    print(
        f"{'elements':>9s} | {'kernel':>7s} {'torch':>7s} {'histc':>7s} {'numpy':>7s} {'copy':>7s}  ns/elem | "
        "torch/kernel histc/kernel numpy/kernel kernel/copy"
    )
    per_element = []
    for n in SIZES:
        t = torch.randn(n, generator=torch.Generator().manual_seed(n))
        a = t.numpy()
        cases: dict[str, Callable[[], object]] = {
            "kernel": partial(kernel.summarize, [t]),
            "torch": partial(pure.summarize, [t]),
            "histc": partial(torch.histc, t, bins=args.bins),
            "numpy": partial(np.histogram, a, bins=args.bins),
            "copy": copier([t]),
        }
        ms = alternating(cases, args.runs, torch.device("cpu"), args.stat)
        ns = {k: v * 1e6 / n for k, v in ms.items()}
        per_element.append(ns["kernel"])
        print(
            f"{n / 1e6:7.1f} M | {ns['kernel']:7.3f} {ns['torch']:7.3f} {ns['histc']:7.3f} {ns['numpy']:7.3f} "
            f"{ns['copy']:7.3f}          | {ns['torch'] / ns['kernel']:12.1f} {ns['histc'] / ns['kernel']:12.1f} "
            f"{ns['numpy'] / ns['kernel']:12.1f} {ns['kernel'] / ns['copy']:11.2f}"
        )
    print(f"kernel ns/elem at 30 M over 1 M: {per_element[-1] / per_element[0]:.2f} (flat: about 1)")


def sets(args: argparse.Namespace, device: torch.device) -> None:
    """Part 2: the tensors of one report, both paths against the naive loop and the floor."""
    paths = ["c", "torch"] if device.type == "cpu" else ["torch"]
    for name, tensors in (("mlp", mlp_set(device)), ("deep", deep_set(device))):
        numel = sum(t.numel() for t in tensors)
        cases: dict[str, Callable[[], object]] = {
            p: partial(TensorSummarizer(args.bins, kernel=p).summarize, tensors) for p in paths
        }
        cases["naive"] = partial(naive, tensors, args.bins)
        cases["copy"] = copier(tensors)
        ms = alternating(cases, args.runs, device, args.stat)
        first = paths[0]
        figures = " | ".join(f"{k} {v:7.2f} ms ({v * 1e6 / numel:5.2f} ns/elem)" for k, v in ms.items())
        ratios = " ".join(f"{k}/{first} {v / ms[first]:5.2f}x" for k, v in ms.items() if k != first)
        print(f"{name:5s} {len(tensors):4d} tensors {numel / 1e6:6.2f} M elements | {figures} | {ratios}")


def main() -> None:
    """Runs the parts asked for and prints their tables."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--bins", type=int, default=20)
    parser.add_argument("--parts", default="sizes,sets")
    parser.add_argument("--stat", choices=["median", "min"], default="median", help="min: on a busy machine")
    args = parser.parse_args()
    device = torch.device(args.device)
    parts = args.parts.split(",")
    torch.manual_seed(0)
    print(
        f"torch {torch.__version__}, {torch.get_num_threads()} threads, device {device}, {args.stat} of {args.runs} "
        f"alternating rounds; compiled kernel: {kernel_error() or 'installed'}"
    )
    if "sizes" in parts and device.type == "cpu":
        sizes(args)
    if "sets" in parts:
        sets(args, device)


if __name__ == "__main__":
    main()
