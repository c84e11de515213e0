"""What writing one report to TensorBoard costs: TensorBoardExporter against torch's SummaryWriter.

    .venv/bin/python benchmarks/tensorboard_export_cost.py [--layers 20] [--width 64] [--reports 60]

A real StatsListener (frequency 1, every statistic and histogram) trains a ``--layers``-layer
MLP (Linear+ReLU blocks) into an InMemoryStatsStorage, and the script keeps the raw tensors of
each step beside it. Then, one report after another, it times writing the same content:

* fitscope: ``TensorBoardExporter.put_update`` with ``flush_secs=0`` (each report is serialized,
  framed and written to the file before the call returns), with the compiled CRC-32C when one is
  installed and with tensorboard's pure-Python CRC;
* torch raw: ``SummaryWriter.add_scalar`` per scalar plus ``add_histogram_raw`` with fitscope's
  buckets, then ``flush()`` (so the writer's thread has framed and written it too);
* torch default: ``add_scalar`` per scalar plus ``add_histogram`` of the raw tensor with torch's
  default bins, then ``flush()`` (what a user writes by hand; it also bins the values itself,
  work that fitscope does in the listener, reported as ``collection_ms``).

It prints the median ms per report (over ``--reports`` minus 5 warm-up reports), the 95th
percentile, bytes per report, the ratios against fitscope, and whether the exporter keeps up with
one report every 100 ms. Absolute times depend on the machine; compare within one run.
"""

from __future__ import annotations

import argparse
import importlib
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import torch
from torch import nn
from torch.utils.tensorboard import SummaryWriter

from fitscope import InMemoryStatsStorage, StatsListener, StatsReport
from fitscope.exporters import TensorBoardExporter, _event_file
from fitscope.exporters import _tensorboard_events as tb_events

WARMUP = 5
Raw = dict[str, torch.Tensor]  # histogram tag -> the tensor it summarises


def capture(layers: int, width: int, reports: int) -> tuple[list[StatsReport], list[Raw]]:
    """Trains with a listener reporting every step; returns its reports and each step's raw tensors."""
    torch.manual_seed(0)
    blocks: list[nn.Module] = []
    for _ in range(layers):
        blocks += [nn.Linear(width, width), nn.ReLU()]
    model = nn.Sequential(*blocks)
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    storage = InMemoryStatsStorage()
    listener = StatsListener(storage, frequency=1).attach(model, opt)
    activations: Raw = {}
    for name, module in model.named_modules():
        if name:
            module.register_forward_hook(lambda _m, _i, out, name=name: activations.__setitem__(name, out.detach()))
    raws: list[Raw] = []
    for _ in range(reports):
        before = {n: p.detach().clone() for n, p in model.named_parameters()}
        x = torch.randn(32, width)
        loss = (model(x) - x).pow(2).mean()
        opt.zero_grad()
        torch.autograd.backward(loss)
        opt.step()
        listener.iteration_done(loss, batch_size=32)
        raw: Raw = {}
        for n, p in model.named_parameters():
            raw[f"histogram/parameters/{n}"] = p.detach().clone()
            raw[f"histogram/updates/{n}"] = p.detach() - before[n]
            if p.grad is not None:
                raw[f"histogram/gradients/{n}"] = p.grad.detach().clone()
        raw.update({f"histogram/activations/{n}": a.clone() for n, a in activations.items()})
        raws.append(raw)
    listener.close()
    return list(storage.iter_updates(listener.session_id, listener.worker_id)), raws


def content(report: StatsReport) -> tuple[list[tuple[int, str, float]], list[tuple[str, Any]]]:
    """Returns the ``(step, tag, value)`` scalars and ``(tag, HistogramProto)`` histograms fitscope writes."""
    scalars: list[tuple[int, str, float]] = []
    histograms: list[tuple[str, Any]] = []
    for event in tb_events.report_events(report, histograms=True):
        for value in event.summary.value:
            if value.HasField("histo"):
                histograms.append((value.tag, value.histo))
            else:
                scalars.append((event.step, value.tag, value.simple_value))
    return scalars, histograms


def time_reports(write: Callable[[int], None], count: int) -> list[float]:
    """Calls ``write(i)`` for each report index; returns the ms of each call after the warm-up."""
    times = []
    for i in range(count):
        start = time.perf_counter()
        write(i)
        times.append((time.perf_counter() - start) * 1e3)
    return times[WARMUP:]


def fitscope_case(reports: list[StatsReport], logdir: Path) -> tuple[list[float], int]:
    exporter = TensorBoardExporter(logdir, flush_secs=0)
    times = time_reports(lambda i: exporter.put_update(reports[i]), len(reports))
    exporter.close()
    return times, _size(logdir)


def torch_case(
    reports: list[StatsReport], raws: list[Raw], logdir: Path, *, default_bins: bool
) -> tuple[list[float], int]:
    contents = [content(r) for r in reports]  # outside the timing: the same tags and values fitscope writes
    writer = SummaryWriter(str(logdir))

    def write(i: int) -> None:
        scalars, histograms = contents[i]
        step = reports[i].iteration
        for s, tag, value in scalars:
            writer.add_scalar(tag, value, s)
        for tag, h in histograms:
            if default_bins:
                writer.add_histogram(tag, raws[i][tag], step)
            else:
                writer.add_histogram_raw(
                    tag, h.min, h.max, h.num, h.sum, h.sum_squares, list(h.bucket_limit), list(h.bucket), step
                )
        writer.flush()

    times = time_reports(write, len(reports))
    writer.close()
    return times, _size(logdir)


def _size(logdir: Path) -> int:
    return sum(p.stat().st_size for p in logdir.rglob("events.out.tfevents.*"))


def main() -> None:
    """Captures the reports, times every case and prints one line each."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--layers", type=int, default=20)
    parser.add_argument("--width", type=int, default=64)
    parser.add_argument("--reports", type=int, default=60)
    args = parser.parse_args()
    reports, raws = capture(args.layers, args.width, args.reports)
    scalars, histograms = content(reports[-1])
    collection = statistics.median(r.collection_ms or 0.0 for r in reports)
    print(
        f"torch {torch.__version__}, {args.layers} Linear+ReLU blocks of width {args.width}, "
        f"{len(reports)} reports ({len(scalars)} scalars, {len(histograms)} histograms each), "
        f"median of {len(reports) - WARMUP} after {WARMUP} warm-up; listener collection_ms median {collection:.1f}"
    )
    compiled = _event_file.CRC32C_IMPLEMENTATION
    pure = importlib.import_module("tensorboard.compat.tensorflow_stub.pywrap_tensorflow").crc32c
    results: dict[str, tuple[list[float], int]] = {}
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        results[f"fitscope (CRC: {compiled})"] = fitscope_case(reports, tmp / "fitscope")
        saved = _event_file._crc32c
        _event_file._crc32c = pure  # the fallback when no compiled CRC-32C is installed
        try:
            results["fitscope (CRC: tensorboard pure Python)"] = fitscope_case(reports, tmp / "fitscope-pure")
        finally:
            _event_file._crc32c = saved
        results["torch add_scalar + add_histogram_raw"] = torch_case(reports, raws, tmp / "raw", default_bins=False)
        results["torch add_scalar + add_histogram (default bins)"] = torch_case(
            reports, raws, tmp / "default", default_bins=True
        )
    ours = statistics.median(next(iter(results.values()))[0])
    for name, (times, size) in results.items():
        median, p95 = statistics.median(times), statistics.quantiles(times, n=20)[-1]
        print(
            f"{name:48s} {median:8.2f} ms/report (p95 {p95:7.2f})  {size / len(reports) / 1024:7.1f} KiB/report"
            f"  x{median / ours:5.1f} fitscope"
        )
    print(
        f"fitscope keeps up with a report every 100 ms: {'yes' if ours < 100 else 'no'} "
        f"(its thread is busy {ours / 100 * 100:.0f}% of the time at that rate; cpu count {os.cpu_count()})"
    )


if __name__ == "__main__":
    main()
