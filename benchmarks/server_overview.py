"""Latency of the overview, layer and system pages on a long stored run (not a test; prints figures).

    .venv/bin/python benchmarks/server_overview.py [--view overview|layer|system|all] [--repeat 3]
        [--reports 100000] [--layers 10] [--frequency 10] [--requests 50] [--max-points 2000]

The stored run is one session of ``--reports`` reports of a ``--layers``-layer MLP (weight and bias
per layer), every statistic and 20-bin histograms for parameters, gradients, updates and
activations, a score for every iteration (``--frequency`` iterations per report), learning
rates, performance, memory, an epoch every 1000 reports and a validation metric every 100.
The records are synthetic but schema-valid, written with ``FileStatsStorage.put_update`` in a
batch of transactions-per-report, and cached under /tmp (first run: several minutes; a cached
run of an older schema version, without the blocks a new file has, is written again).

For each page of ``--view`` (``GET /api/v1/overview``, ``/api/v1/layer?layer=layers.3``,
``/api/v1/system``) it then measures, each time with a fresh ``UIServer`` on port 0 and a fresh
read-only storage:
  * cold: the first request, after evicting the file from the OS page cache
    (``posix_fadvise(DONTNEED)``) so SQLite reads from disk, and with an empty server cache;
  * page cache: the same first request of a fresh server right after, the file in the OS page
    cache (the baseline of cold: what the disk adds is the difference);
  * cold and page cache are measured ``--repeat`` times; medians are printed;
  * warm: ``--requests`` further identical requests (p50, p95, max);
  * live: the same request right after one more report was appended (cache tail update);
  * layer only: after a cold first layer, the first request of each other layer (same server).
Targets: overview cold <= 2 s, first layer cold <= 1 s, each further layer <= 0.5 s, system cold
<= 0.5 s, warm p95 <= 50 ms.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import sqlite3
import statistics
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fitscope import FileStatsStorage
from fitscope.errors import StorageFileError
from fitscope.records import (
    DeviceInfo,
    DeviceMemory,
    EpochRecord,
    Hardware,
    Histogram,
    LayerInfo,
    ListenerConfigInfo,
    Memory,
    MetricsRecord,
    ModelInfo,
    Performance,
    ScoreSeries,
    Software,
    StaticInfo,
    StatsReport,
    Summary,
)
from fitscope.server import UIServer
from fitscope.storage._sqlite_schema import SCHEMA_VERSION

SESSION = "bench-session"
WORKER = "bench-worker"
T0 = 1_700_000_000_000
BINS = 20


def _summary(seed: float, count: int) -> Summary:
    mag = abs(seed) + 1e-3
    return Summary(
        count=count,
        mean=seed,
        stdev=mag / 2,
        mean_magnitude=mag,
        min=seed - mag,
        max=seed + mag,
        sum=seed * count,
        sum_squares=mag * mag * count,
        histogram=Histogram(seed - mag, seed + mag, tuple(range(BINS))),
    )


def static_info(layers: int) -> StaticInfo:
    """The StaticInfo of a ``layers``-layer MLP of width 64."""
    infos = []
    shapes: dict[str, tuple[int, ...]] = {}
    for i in range(layers):
        params = (f"layers.{i}.weight", f"layers.{i}.bias")
        shapes.update({params[0]: (64, 64), params[1]: (64,)})
        inputs = (f"layers.{i - 1}",) if i else ()
        infos.append(LayerInfo(f"layers.{i}", "Linear", 64 * 64 + 64, params, inputs, (None, 64), (None, 64), None))
    return StaticInfo(
        session_id=SESSION,
        worker_id=WORKER,
        timestamp_ms=T0,
        session_name="server benchmark",
        software=Software(os="Linux", python="3.11", framework="torch", framework_version="2.13"),
        hardware=Hardware(cpu_count=2, memory_total_bytes=2**34, devices=(DeviceInfo("cuda:0", 2**34),)),
        model=ModelInfo(
            class_name="MLP",
            num_layers=layers,
            num_params=layers * (64 * 64 + 64),
            param_names=tuple(shapes),
            param_shapes=shapes,
            layers=tuple(infos),
            graph_source="fx",
        ),
        listener=ListenerConfigInfo(frequency=10, histogram_bins=BINS, collect={}),
    )


def report(n: int, layers: int, frequency: int) -> StatsReport:
    """The ``n``-th report (from 1): iteration ``n * frequency``."""
    it = n * frequency
    window = tuple(range(it - frequency + 1, it + 1))
    scores = tuple(2.0 / math.sqrt(i) + 0.01 * math.sin(i) for i in window)
    summaries: dict[str, dict[str, Summary]] = {"parameters": {}, "gradients": {}, "updates": {}, "activations": {}}
    for i in range(layers):
        base = 0.1 + 0.01 * i + 0.001 * math.sin(n / 500 + i)
        for p, count in ((f"layers.{i}.weight", 4096), (f"layers.{i}.bias", 64)):
            summaries["parameters"][p] = _summary(base, count)
            summaries["gradients"][p] = _summary(base / 100, count)
            summaries["updates"][p] = _summary(base / 1000, count)
        summaries["activations"][f"layers.{i}"] = _summary(base * 10, 64 * 32)
    return StatsReport(
        session_id=SESSION,
        worker_id=WORKER,
        timestamp_ms=T0 + it * 10,
        iteration=it,
        epoch=n // 1000,
        score=scores[-1],
        scores=ScoreSeries(window, scores),
        learning_rates={p: 0.01 for p in summaries["parameters"]},
        performance=Performance(it * 10.0, it * 32, it, 3200.0, 100.0),
        memory=Memory(2**30, 2**34, 2**33, (DeviceMemory("cuda:0", 2**30, 2**31, 2**34),)),
        collection_ms=1.5,
        summaries=summaries,
    )


def build(path: Path, reports: int, layers: int, frequency: int) -> None:
    """Writes the benchmark run to ``path`` (through a temporary name, so a cut run leaves nothing)."""
    tmp = path.with_name(path.name + ".partial")
    for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        p.unlink(missing_ok=True)
    start = time.perf_counter()
    with FileStatsStorage(tmp) as storage:
        storage.put_static_info(static_info(layers))
        for n in range(1, reports + 1):
            storage.put_update(report(n, layers, frequency))
            it = n * frequency
            if n % 100 == 0:
                storage.put_metrics(MetricsRecord(SESSION, WORKER, T0 + it * 10, it, n // 1000, {"val_loss": 1 / n}))
            if n % 1000 == 0:
                storage.put_epoch(EpochRecord(SESSION, WORKER, T0 + it * 10, n // 1000 - 1, it))
            if n % 10000 == 0:
                print(f"  wrote {n} reports ({time.perf_counter() - start:.0f} s)", flush=True)
    tmp.rename(path)


def _schema_version(path: Path) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0])
    finally:
        conn.close()


def evict(path: Path) -> None:
    """Drops the file (and its WAL) from the OS page cache, so the next read comes from disk."""
    for p in (path, Path(f"{path}-wal")):
        if p.exists():
            fd = os.open(p, os.O_RDONLY)
            try:
                os.fsync(fd)
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


def get(url: str) -> tuple[float, bytes]:
    """Returns (seconds, body) of one GET."""
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=600) as resp:
        body: bytes = resp.read()
    return time.perf_counter() - start, body


class ReadTimer:
    """Wraps the storage's series reads to add up their time.

    The server reads through ``read_many_series_arrays`` (the series of a page at once) and
    ``read_series_arrays``; ``read_series`` is wrapped too, for the record.
    """

    def __init__(self, storage: FileStatsStorage) -> None:
        self.calls = 0
        self.series = 0
        self.seconds = 0.0
        self.points = 0
        for method in ("read_series", "read_series_arrays", "read_many_series_arrays"):
            setattr(storage, method, self._timed(getattr(storage, method)))

    def _timed(self, read: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            found = read(*args, **kwargs)
            self.seconds += time.perf_counter() - start
            self.calls += 1
            for series in found if isinstance(found, list) else [found]:
                self.series += 1
                self.points += len(series.iterations)
            return found

        return timed

    def line(self) -> str:
        return f"{self.seconds * 1000:.0f} ms in {self.calls} reads of {self.series} series ({self.points} points)"


def first_request(path: Path, url_query: str) -> tuple[float, bytes, ReadTimer]:
    """The first request of a fresh server over a fresh read-only storage."""
    storage = FileStatsStorage(path, read_only=True)
    timer = ReadTimer(storage)
    with contextlib.closing(storage), UIServer(port=0) as server:
        server.attach(storage)
        seconds, body = get(server.url + url_query)
    return seconds, body, timer


def further_layers(path: Path, queries: list[str]) -> list[float]:
    """After a cold first request (``queries[0]``) on a fresh server, the first request of each other query."""
    evict(path)
    storage = FileStatsStorage(path, read_only=True)
    with contextlib.closing(storage), UIServer(port=0) as server:
        server.attach(storage)
        get(server.url + queries[0])
        return [get(server.url + query)[0] for query in queries[1:]]


def _ms(seconds: list[float]) -> str:
    text = f"{statistics.median(seconds) * 1000:.0f} ms"
    return text if len(seconds) == 1 else f"{text} (median of {', '.join(f'{s * 1000:.0f}' for s in seconds)})"


def measure(path: Path, view: str, query: str, args: argparse.Namespace) -> None:
    """Prints the cold, page-cache, warm and live figures of one view's request."""
    colds, cached, cold_reads, cached_reads = [], [], None, None
    body = b""
    for _ in range(args.repeat):
        evict(path)
        seconds, body, cold_reads = first_request(path, query)
        colds.append(seconds)
        seconds, _, cached_reads = first_request(path, query)
        cached.append(seconds)
    assert cold_reads is not None and cached_reads is not None
    storage = FileStatsStorage(path, read_only=True)
    last = report(args.reports, args.layers, args.frequency)
    with contextlib.closing(storage), UIServer(port=0) as server, FileStatsStorage(path) as writer:
        server.attach(storage)
        get(server.url + query)
        warm = [get(server.url + query)[0] for _ in range(args.requests)]
        live = []
        for _ in range(5):
            writer.put_update(last)  # the same report again: an event, a one-point tail per series
            time.sleep(0.2)  # the watcher polls every 50 ms
            live.append(get(server.url + query)[0])
    p95 = statistics.quantiles(warm, n=20)[-1]
    print(f"\n{view}: {query}")
    print(f"  response: {len(body) / 1024:.0f} KiB, {_count_series(json.loads(body))} series")
    print(f"  cold first request (file evicted from the OS page cache, fresh server): {_ms(colds)}")
    print(f"    of which {cold_reads.line()}")
    print(f"  first request of a fresh server, file in the OS page cache: {_ms(cached)}")
    print(f"    of which {cached_reads.line()}")
    print(
        f"  warm x{args.requests}: p50 {statistics.median(warm) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms, "
        f"max {max(warm) * 1000:.1f} ms"
    )
    print(
        f"  live (the latest report stored again: tail reads, rebuild, encode) x{len(live)}: "
        f"median {statistics.median(live) * 1000:.1f} ms, max {max(live) * 1000:.1f} ms"
    )


def _count_series(doc: Any) -> int:
    """The number of series (``{"iterations": ..., "values": ...}`` objects) in an answer."""
    if isinstance(doc, dict):
        return 1 if "iterations" in doc and "values" in doc else sum(_count_series(v) for v in doc.values())
    if isinstance(doc, list):
        return sum(_count_series(v) for v in doc)
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--layers", type=int, default=10)
    parser.add_argument("--frequency", type=int, default=10)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--max-points", type=int, default=2000)
    parser.add_argument("--view", choices=("overview", "layer", "system", "all"), default="overview")
    parser.add_argument("--repeat", type=int, default=3, help="cold and page-cache runs per view (medians printed)")
    args = parser.parse_args()
    path = Path(f"/tmp/fitscope-bench-overview-{args.reports}r-{args.layers}l-f{args.frequency}.fitscope")
    if path.exists():
        stale = None
        try:
            FileStatsStorage(path, read_only=True).close()
            if _schema_version(path) < SCHEMA_VERSION:  # readable, but without the blocks a new file has
                stale = "it was written with an older schema version"
        except StorageFileError as exc:  # a cache written by another layout: build it again
            stale = str(exc)
        if stale is not None:
            print(f"rebuilding the cached run: {stale}", flush=True)
            for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                p.unlink(missing_ok=True)
    if not path.exists():
        print(f"writing {path} ...", flush=True)
        build(path, args.reports, args.layers, args.frequency)
    print(f"run: {path} ({path.stat().st_size / 2**20:.0f} MiB), {args.reports} reports, {args.layers} layers")
    base = f"session={SESSION}&worker={WORKER}&max_points={args.max_points}"
    layer = f"layers.{min(3, args.layers - 1)}"
    views = ("overview", "layer", "system") if args.view == "all" else (args.view,)
    for view in views:
        query = f"/api/v1/{view}?{base}" + (f"&layer={layer}" if view == "layer" else "")
        measure(path, view, query, args)
        if view == "layer":
            others = [f"/api/v1/layer?{base}&layer=layers.{i}" for i in range(args.layers) if f"layers.{i}" != layer]
            further = further_layers(path, [query, *others])
            print(
                f"  each further layer after a cold first one (same server) x{len(further)}: "
                f"median {statistics.median(further) * 1000:.0f} ms, max {max(further) * 1000:.0f} ms"
            )
    print("\ntargets: overview cold <= 2000 ms, first layer cold <= 1000 ms, further layer <= 500 ms,")
    print("system cold <= 500 ms, warm p95 <= 50 ms")


if __name__ == "__main__":
    main()
