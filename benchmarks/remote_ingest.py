"""Remote listener ingest: reports/s a hub stores and POST latency, batched against one request per record.

    .venv/bin/python benchmarks/remote_ingest.py [--workers 8] [--reports 600] [--baseline-reports 150]
        [--router-reports 300] [--layers 10] [--rounds 1] [--quick]
    .venv/bin/python benchmarks/remote_ingest.py --profile /tmp/hub.prof [--reports 600]
    .venv/bin/python benchmarks/remote_ingest.py --soak 600 [--rate 24] [--sample-s 5] [--warmup-s 60]

Every mode starts a fresh hub, ``python -m fitscope serve --remote --store <temp> --token T --port 0``
on 127.0.0.1, in its own process (so its CPU time and RSS, read from /proc, are its own), and
``--workers`` worker processes that post reports of a ``--layers``-layer model (Linear layers:
weight and bias, each with parameters, gradients and updates summaries, plus one activations
summary per layer; every summary with a 20-bin histogram; a 10-iteration score window, learning
rates, performance and memory: what a StatsListener at frequency 10 sends). The script first
prints the JSON size of one report and of the batches the router makes of them. Then, per mode:

  * baseline: the original's shape (DL4J's RemoteUIStatsStorageRouter): one POST per record,
    ``{"records": [one]}``, no batching, no compression (a kept-alive connection per worker, which
    is generous to it), ``--baseline-reports`` per worker;
  * batched: workers that build batches exactly like RemoteStatsRouter (the same JSON, the same
    bounds: 512 records or 4 MiB of JSON, gzip level 1) and POST them back to back with
    http.client, ``--reports`` per worker. Bodies are built before the clock starts, so the figure
    is the hub's capacity, not the workers' JSON encoding (on 2 cores they share the CPU);
  * router: the real ``RemoteStatsRouter`` (its spool in a temp folder) in each worker, fed with
    ``put_update`` as fast as it takes them, then ``flush()``: end to end, JSON encoding, spooling
    and the router's own thread included, ``--router-reports`` per worker.

Reports/s is the number of reports in the hub's store at the end (read from the file) divided by
the wall time from the first POST (router: the first ``put_update``) to the last stored (the last
answer; router: ``flush()`` returned). Latency is client-side, one ``time.perf_counter()`` pair
around each POST and the read of its answer (the router: around its ``_request``), over every
POST of every worker: p50, p99 and max. Also printed: hub CPU seconds (user + system, /proc) per
1000 reports, hub RSS at the end, records per POST. The line after the table is the ratio
batched/baseline and router/baseline in reports/s, measured in the same run. ``--rounds N``
alternates the modes N times and prints the median of each column's reports/s.

``--profile FILE`` runs the batched mode once with the hub under cProfile in every thread (plain
``python -m cProfile`` sees only the main thread, which in ``fitscope serve`` only waits: the
event loop and the store run in other threads), each profiler counting its thread's CPU time
(``time.thread_time``: wall time would count the waits on the GIL and the store's write lock as
work), stops the hub with SIGINT so the profile is written, and prints the hub's CPU time per
thread and per report: HTTP and aiohttp (the event loop thread), JSON parse, schema check,
from_json_dict, the SQLite writes (rows, blocks, commit), and the top 20 functions. FILE is a
pstats file (``python -m pstats FILE``). The profiler's cost per call inflates code of many small
calls (the schema check), so it then times the same stages directly, without a profiler, on
router batches in its own process (gunzip, orjson.loads, schema check, from_json_dict,
put_batch): read those for the split.

``--soak SECONDS`` runs only a soak: workers post through RemoteStatsRouter at a steady ``--rate``
reports/s in all (default 24, well under this machine's hub capacity; batches are then sealed by
``max_delay_s``, as in training); the hub's VmRSS (/proc/<pid>/status) is sampled every
``--sample-s`` seconds. It prints RSS after ``--warmup-s`` (default min(60, SECONDS / 5)), the max,
the end, and growth % (end and max against after warm-up; the goal: <= 10 %), with the reports
stored and the POST latencies.

``--quick``: a ~20 s smoke run (fewer reports per worker). Goals (the issue): >= 5,000 reports/s of a
10-layer model with 8 workers, p99 <= 50 ms. Absolute figures depend on the machine (this one: 2
shared cores, the hub and the workers on the same CPUs): compare ratios measured in one run.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import gzip
import http.client
import json
import math
import multiprocessing as mp
import os
import pstats
import re
import runpy
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from multiprocessing.synchronize import Barrier
from pathlib import Path
from typing import Any, Final, cast

from ingest_records import (  # benchmarks/ is sys.path[0] when this script runs
    BINS,
    MAX_BATCH_BYTES,
    record_json,
    report,
    router_batches,
    static_info,
)

from fitscope import FileStatsStorage
from fitscope.exporters import RemoteStatsRouter

TOKEN: Final = "bench-token-7c1e"
INGEST: Final = "/api/v1/ingest"
PROFILED_HUB: Final = "_profiled-hub"  # argv[1] of the script when it runs the hub under the profiler


# ---------------------------------------------------------------------------------------- the hub


class Hub:
    """A hub process (``fitscope serve --remote``) on 127.0.0.1 over a fresh store in ``folder``."""

    def __init__(self, folder: Path, profile: Path | None = None) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.store = folder / "hub.fitscope"
        self.log = folder / "hub.log"
        serve = ["serve", "--remote", "--store", str(self.store), "--token", TOKEN, "--host", "127.0.0.1"]
        serve += ["--port", "0"]
        if profile is None:
            command = [sys.executable, "-m", "fitscope", *serve]
        else:
            command = [sys.executable, str(Path(__file__).resolve()), PROFILED_HUB, str(profile), *serve]
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=folder)
        deadline = time.monotonic() + 60
        while True:
            text = self.log.read_text(errors="replace")
            found = re.search(r"remote listener on: workers post to (http://[0-9.:]+)", text)
            if found:
                self.url = found.group(1)
                break
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.process.kill()
                raise RuntimeError(f"The hub did not start:\n{text}")
            time.sleep(0.05)
        parts = self.url.removeprefix("http://").rpartition(":")
        self.host, self.port = parts[0], int(parts[2])

    @property
    def pid(self) -> int:
        return self.process.pid

    def rss_bytes(self) -> int:
        """VmRSS of the hub process."""
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
        raise RuntimeError("no VmRSS")

    def cpu_s(self) -> float:
        """User + system CPU seconds of the hub process so far."""
        fields = Path(f"/proc/{self.pid}/stat").read_text().rpartition(")")[2].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stored_reports(self) -> int:
        """Reports in the store, every session and worker (read from the file, read-only)."""
        with FileStatsStorage(self.store, read_only=True) as storage:
            return sum(storage.count_updates(s, w) for s in storage.list_sessions() for w in storage.list_workers(s))

    def stop(self) -> None:
        """SIGINT (the CLI's Ctrl-C: it stops cleanly, so a profile is written), then waits."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class _Snapshot:
    """What pstats.Stats reads from a profiler of another thread, without disabling it from here."""

    def __init__(self, profiler: cProfile.Profile) -> None:
        self.profiler = profiler
        self.stats: dict[Any, Any] = {}

    def create_stats(self) -> None:
        self.profiler.snapshot_stats()
        self.stats = self.profiler.stats


def profiled_hub(profile: str, serve_args: list[str]) -> None:
    """Runs ``fitscope serve`` with a cProfile profiler in every thread; writes them merged to ``profile``.

    The profilers count each thread's CPU time (``time.thread_time``), not wall time: with the GIL
    and the store's write lock, wall time would count every thread's waits as work. Also writes
    ``profile + ".threads.json"``: each thread's CPU seconds (its profiler's total).
    """
    profilers: list[tuple[str, cProfile.Profile]] = []
    lock = threading.Lock()

    def start_in_thread(*_: object) -> None:
        profiler = cProfile.Profile(time.thread_time)
        with lock:
            profilers.append((threading.current_thread().name, profiler))
        profiler.enable()  # replaces this hook for the thread

    threading.setprofile(start_in_thread)
    main = cProfile.Profile(time.thread_time)
    sys.argv = ["fitscope", *serve_args]
    main.enable()
    try:
        runpy.run_module("fitscope", run_name="__main__", alter_sys=True)
    except SystemExit:
        pass
    finally:
        main.disable()
        threading.setprofile(None)
        with lock:
            every = [("MainThread", main), *profilers]
        merged = pstats.Stats(cast(Any, _Snapshot(main)))
        threads: dict[str, float] = {}
        for name, profiler in every:
            snap = _Snapshot(profiler)
            snap.create_stats()
            stats: dict[Any, Any] = dict(snap.stats)
            key = re.sub(r"_\d+$", "_N", re.sub(r"-\d+", "-N", name))  # pool threads by kind
            threads[key] = threads.get(key, 0.0) + sum(v[2] for v in stats.values())
            if profiler is not main:
                merged.add(cast(Any, snap))  # (pstats empties snap.stats)
        merged.dump_stats(profile)
        Path(profile + ".threads.json").write_text(json.dumps(threads))


# ---------------------------------------------------------------------------------------- workers


@dataclass
class WorkerResult:
    """What one worker process measured (monotonic clock: the same across processes on Linux)."""

    start: float
    end: float
    reports: int
    posts: int
    latencies_s: list[float] = field(default_factory=list)
    cpu_s: float = 0.0


class TimedRouter(RemoteStatsRouter):
    """RemoteStatsRouter that times each of its POSTs (its ``_request``: the request and the answer's read)."""

    latencies_s: list[float]

    def _request(self, data: bytes, headers: dict[str, str]) -> tuple[http.client.HTTPResponse, bytes]:
        start = time.perf_counter()
        try:
            return super()._request(data, headers)
        finally:
            self.__dict__.setdefault("latencies_s", []).append(time.perf_counter() - start)


def _headers(gzipped: bool) -> dict[str, str]:
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}", "User-Agent": "bench"}
    if gzipped:
        headers["Content-Encoding"] = "gzip"
    return headers


def _post(conn: http.client.HTTPConnection, body: bytes, headers: dict[str, str]) -> None:
    conn.request("POST", INGEST, body=body, headers=headers)
    response = conn.getresponse()
    answer = response.read()
    if response.status != 200:
        raise RuntimeError(f"HTTP {response.status}: {answer[:300]!r}")


def post_worker(
    mode: str, index: int, host: str, port: int, reports: int, layers: int, barrier: Barrier, out: Any
) -> None:
    """``batched``: router-shaped gzip batches; ``single``: one uncompressed record per POST."""
    session, worker = f"bench-{mode}", f"worker-{index}"
    items = [record_json(report(session, worker, n, layers, index)) for n in range(1, reports + 1)]
    bodies = router_batches(items) if mode == "batched" else [(b'{"records":[' + item + b"]}", 1) for item in items]
    del items
    headers = _headers(mode == "batched")
    conn = http.client.HTTPConnection(host, port, timeout=300)
    static = record_json(static_info(session, worker, layers))
    _post(conn, b'{"records":[' + static + b"]}", _headers(False))  # opens the connection, untimed
    barrier.wait()
    cpu0 = sum(os.times()[:2])
    latencies = []
    start = time.monotonic()
    for body, _ in bodies:
        t0 = time.perf_counter()
        _post(conn, body, headers)
        latencies.append(time.perf_counter() - t0)
    end = time.monotonic()
    conn.close()
    out.put(WorkerResult(start, end, reports, len(bodies), latencies, sum(os.times()[:2]) - cpu0))


def router_worker(
    index: int, url: str, spool: str, reports: int, layers: int, rate: float, seconds: float, barrier: Barrier, out: Any
) -> None:
    """Feeds a real RemoteStatsRouter: ``reports`` as fast as it takes them, or at ``rate``/s for ``seconds``."""
    session, worker = "bench-router", f"worker-{index}"
    steady = rate > 0
    prebuilt = [] if steady else [report(session, worker, n, layers, index) for n in range(1, reports + 1)]
    router = TimedRouter(url, token=TOKEN, spool_dir=spool)
    router.put_static_info(static_info(session, worker, layers))
    router.flush(60)
    router.__dict__["latencies_s"] = []  # the static info's POST opened the connection: not timed
    barrier.wait()
    cpu0 = sum(os.times()[:2])
    start = time.monotonic()
    if steady:
        n = 0
        while (now := time.monotonic()) < start + seconds:
            due = start + n / rate
            if due > now:
                time.sleep(due - now)
            n += 1
            router.put_update(report(session, worker, n, layers, index))
    else:
        for r in prebuilt:
            router.put_update(r)
        n = reports
    if not router.flush(600):
        raise RuntimeError("The router did not get its batches stored within 600 s.")
    end = time.monotonic()
    status = router.close()
    out.put(
        WorkerResult(
            start, end, status.sent_records - 1, status.sent_batches - 1, router.latencies_s, sum(os.times()[:2]) - cpu0
        )
    )


# ---------------------------------------------------------------------------------------- runs


@dataclass
class Run:
    """One mode's figures."""

    mode: str
    sent: int
    stored: int
    wall_s: float
    posts: int
    latencies_s: list[float]
    hub_cpu_s: float
    hub_rss: int
    worker_cpu_s: float

    @property
    def rate(self) -> float:
        return self.stored / self.wall_s

    def quantile(self, q: int) -> float:
        lat = sorted(self.latencies_s)
        return lat[min(len(lat) - 1, max(0, math.ceil(q / 100 * len(lat)) - 1))] * 1000


def run_mode(mode: str, args: argparse.Namespace, tmp: Path, profile: Path | None = None) -> Run:
    """Starts a fresh hub, runs ``args.workers`` workers of ``mode`` against it, reads the store."""
    hub = Hub(tmp / f"{mode}-{time.monotonic_ns()}", profile)
    ctx = mp.get_context("fork")
    barrier = ctx.Barrier(args.workers + 1)
    out = ctx.Queue()
    per_worker = {"batched": args.reports, "single": args.baseline_reports, "router": args.router_reports}[mode]
    procs = []
    try:
        for i in range(args.workers):
            if mode == "router":
                spool = str(tmp / f"spool-{time.monotonic_ns()}-{i}")
                target_args: tuple[Any, ...] = (i, hub.url, spool, per_worker, args.layers, 0.0, 0.0, barrier, out)
                procs.append(ctx.Process(target=router_worker, args=target_args))
            else:
                target_args = (mode, i, hub.host, hub.port, per_worker, args.layers, barrier, out)
                procs.append(ctx.Process(target=post_worker, args=target_args))
        for p in procs:
            p.start()
        barrier.wait(timeout=600)  # every worker built its bodies and opened its connection
        cpu0 = hub.cpu_s()
        results = [out.get(timeout=900) for _ in procs]
        hub_cpu = hub.cpu_s() - cpu0
        rss = hub.rss_bytes()
        for p in procs:
            p.join()
        stored = hub.stored_reports()
    finally:
        for p in procs:
            if p.is_alive():
                p.kill()
        hub.stop()
    wall = max(r.end for r in results) - min(r.start for r in results)
    sent = sum(r.reports for r in results)
    if stored != sent:
        print(f"  warning: {mode}: the store holds {stored} reports, {sent} were sent")
    lat = [x for r in results for x in r.latencies_s]
    return Run(
        mode, sent, stored, wall, sum(r.posts for r in results), lat, hub_cpu, rss, sum(r.cpu_s for r in results)
    )


NAMES: Final = {
    "single": "baseline: 1 record/POST, no gzip",
    "batched": "batched like the router (gzip 1)",
    "router": "RemoteStatsRouter end to end",
}


def print_table(runs: list[Run]) -> None:
    head = (
        f"{'mode':<36} {'stored':>7} {'wall s':>7} {'reports/s':>10} {'POSTs':>6} {'rec/POST':>8} "
        f"{'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'hub CPU s/1k':>12} {'hub RSS MiB':>11} {'wkr CPU s':>9}"
    )
    print(head)
    print("-" * len(head))
    for r in runs:
        print(
            f"{NAMES[r.mode]:<36} {r.stored:>7} {r.wall_s:>7.2f} {r.rate:>10.0f} {r.posts:>6} "
            f"{r.stored / max(r.posts, 1):>8.1f} {r.quantile(50):>8.1f} {r.quantile(99):>8.1f} "
            f"{max(r.latencies_s) * 1000:>8.1f} {r.hub_cpu_s / r.stored * 1000:>12.2f} {r.hub_rss / 2**20:>11.0f} "
            f"{r.worker_cpu_s:>9.1f}"
        )


def sizes(layers: int) -> None:
    """Prints the JSON size of one report and the shape of the router's batches."""
    one = record_json(report("bench-session", "worker-0", 1, layers, 0))
    items = [record_json(report("bench-session", "worker-0", n, layers, 0)) for n in range(1, 201)]
    batches = router_batches(items)
    body, count = batches[0]
    raw = sum(len(i) for i in items[:count])
    summaries = layers * 2 * 3 + layers
    print(
        f"one report of a {layers}-layer model ({summaries} summaries, {BINS}-bin histograms): {len(one):,} bytes of "
        f"JSON ({len(gzip.compress(one, 1)):,} gzip level 1)"
    )
    print(
        f"a router batch of them: {count} reports (the {MAX_BATCH_BYTES >> 20} MiB bound), {raw:,} bytes of JSON, "
        f"{len(body):,} gzip level 1 (x{raw / len(body):.1f})"
    )


def throughput(args: argparse.Namespace, tmp: Path) -> None:
    sizes(args.layers)
    print(
        f"{args.workers} workers; per worker: baseline {args.baseline_reports}, batched {args.reports}, router "
        f"{args.router_reports} reports; {args.rounds} round(s); hub and workers on {os.cpu_count()} CPUs\n",
        flush=True,
    )
    every: dict[str, list[Run]] = {"single": [], "batched": [], "router": []}
    for rnd in range(args.rounds):
        runs = []
        for mode in ("single", "batched", "router"):
            run = run_mode(mode, args, tmp)
            every[mode].append(run)
            runs.append(run)
        if args.rounds > 1:
            print(f"round {rnd + 1}:")
        print_table(runs)
        print(flush=True)
    med = {mode: statistics.median(r.rate for r in runs) for mode, runs in every.items()}
    label = "median reports/s" if args.rounds > 1 else "reports/s"
    print(
        f"{label}: baseline {med['single']:.0f}, batched {med['batched']:.0f} "
        f"(x{med['batched'] / med['single']:.1f} the baseline), router end to end {med['router']:.0f} "
        f"(x{med['router'] / med['single']:.1f})"
    )
    print("goal: >= 5000 reports/s of a 10-layer model, p99 <= 50 ms (8 workers)")


# ---------------------------------------------------------------------------------------- profile


def _find(stats: dict[Any, Any], file_end: str, name: str) -> tuple[float, int]:
    """(cumulative seconds, calls) of the functions called ``name`` in files ending with ``file_end``."""
    ct, calls = 0.0, 0
    for (filename, _, funcname), (_, nc, _, cum, _) in stats.items():
        if funcname == name and filename.replace(os.sep, "/").endswith(file_end):
            ct += cum
            calls += nc
    return ct, calls


def _called_from(stats: dict[Any, Any], name: str, file_end: str, caller: str) -> float:
    """Cumulative seconds of built-in ``name`` when called by ``caller`` in ``file_end``."""
    total = 0.0
    for (_, _, funcname), (_, _, _, _, callers) in stats.items():
        if funcname != name:
            continue
        for (cfile, _, cname), (_, _, _, cum) in callers.items():
            if cname == caller and cfile.replace(os.sep, "/").endswith(file_end):
                total += cum
    return total


def profile_breakdown(path: Path, reports: int, hub_cpu_s: float) -> None:
    """Prints where the profiled hub's time went, per report."""
    stats: dict[Any, Any] = pstats.Stats(str(path)).stats  # type: ignore[attr-defined]
    threads: dict[str, float] = json.loads(Path(f"{path}.threads.json").read_text())
    busy = sum(threads.values())  # CPU seconds of every thread, as profiled

    def ms(seconds: float) -> str:
        return f"{seconds:8.2f} s {seconds / reports * 1000:8.3f} ms/report {seconds / busy * 100:6.1f} %"

    store_blocking, _ = _find(stats, "server/app.py", "store")
    decode, _ = _find(stats, "server/ingest.py", "decode")
    orjson_loads = sum(v[3] for k, v in stats.items() if "orjson.loads" in k[2])
    validate, _ = _find(stats, "server/ingest.py", "validate")
    from_json, _ = _find(stats, "fitscope/record_json.py", "from_json_dict")
    put_batch, _ = _find(stats, "fitscope/storage/sqlite.py", "put_batch")
    put_update, _ = _find(stats, "fitscope/storage/_sqlite_writes.py", "put_update")
    after_update, _ = _find(stats, "fitscope/storage/_sqlite_blocks.py", "after_update")
    summary_rows, _ = _find(stats, "fitscope/storage/_sqlite_rows.py", "summary_rows")
    encode_fields, _ = _find(stats, "fitscope/storage/_sqlite_rows.py", "encode_fields")
    many = "<method 'executemany' of 'sqlite3.Connection' objects>"
    one = "<method 'execute' of 'sqlite3.Connection' objects>"
    rows_many = _called_from(stats, many, "_sqlite_writes.py", "put_update")
    rows_one = _called_from(stats, one, "_sqlite_writes.py", "put_update")
    commit = _called_from(stats, one, "fitscope/storage/sqlite.py", "_write")
    ingest, _ = _find(stats, "server/app.py", "ingest")
    read_body, _ = _find(stats, "server/ingest.py", "read_body")
    print(f"\nhub profile ({path}; `python -m pstats {path}`), {reports} reports stored")
    print(f"hub CPU (/proc, user+system) {hub_cpu_s:.2f} s = {hub_cpu_s / reports * 1000:.3f} ms/report")
    print("CPU time per thread (time.thread_time, as profiled):")
    for name, seconds in sorted(threads.items(), key=lambda kv: -kv[1]):
        if seconds >= 0.01:
            print(f"  {name:<40} {ms(seconds)}")
    print("where it goes (cumulative CPU time, inclusive; % of every thread's profiled CPU time):")
    lines = [
        ("store off the event loop (decode + store)", store_blocking),
        ("  decode: parse, check, records", decode),
        ("    orjson.loads (JSON parse)", orjson_loads),
        ("    schema check (compiled validators)", validate),
        ("    from_json_dict", from_json),
        ("  put_batch (one SQLite transaction)", put_batch),
        ("    Transaction.put_update", put_update),
        ("      summary_rows (Python rows)", summary_rows),
        ("      encode_fields (report JSON)", encode_fields),
        ("      executemany rows (summaries, histograms, scores)", rows_many),
        ("      execute (report row, old report lookup, stream)", rows_one),
        ("      blocks: _sqlite_blocks.after_update", after_update),
        ("    BEGIN / COMMIT (WAL write)", commit),
        ("ingest handler on the event loop (excl. the store)", ingest),
        ("  read_body (aiohttp gunzip + read)", read_body),
    ]
    for label, seconds in lines:
        print(f"  {label:<54} {ms(seconds)}")
    loop = threads.get("fitscope-ui-N")  # UIServer's event loop thread
    if loop is not None:
        print(f"  {'event loop thread: HTTP (aiohttp), gunzip, SSE, handlers':<54} {ms(loop)}")
    print("top 20 functions by own CPU time (every thread):")
    ranked = sorted(((v[2], v[1], k) for k, v in stats.items()), key=lambda t: -t[0])[:20]
    for tt, nc, (filename, line, funcname) in ranked:
        where = funcname if filename == "~" else f"{Path(filename).name}:{line} {funcname}"
        print(f"  {tt:8.2f} s {tt / reports * 1000:7.3f} ms/report {nc:>9} calls  {where[:90]}")


def stages(layers: int, tmp: Path, batches: int = 4) -> None:
    """Times, without a profiler, each stage the hub runs on router batches, in this process, one thread."""
    import zlib

    import orjson

    from fitscope.record_json import from_json_dict
    from fitscope.server.ingest import compile_validators
    from fitscope.server.schemas import load_documents

    validators = compile_validators(load_documents())
    items = [record_json(report("stages", "worker-0", n, layers, 0)) for n in range(1, 125 * batches + 1)]
    bodies = router_batches(items)[:batches]
    totals = dict.fromkeys(("gunzip", "orjson.loads", "schema check", "from_json_dict", "put_batch"), 0.0)
    count = 0
    with FileStatsStorage(tmp / f"stages-{time.monotonic_ns()}.fitscope") as storage:
        storage.put_static_info(static_info("stages", "worker-0", layers))
        for body, n in bodies:
            t0 = time.perf_counter()
            raw = zlib.decompress(body, wbits=31)
            t1 = time.perf_counter()
            docs = orjson.loads(raw)["records"]
            t2 = time.perf_counter()
            for doc in docs:
                if validators[doc["record"]](doc) is not None:
                    raise RuntimeError("invalid record")
            t3 = time.perf_counter()
            records = [from_json_dict(doc) for doc in docs]
            t4 = time.perf_counter()
            storage.put_batch(records)
            t5 = time.perf_counter()
            for key, seconds in zip(totals, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4), strict=True):
                totals[key] += seconds
            count += n
    whole = sum(totals.values())
    print(f"\nstages timed directly (no profiler; this process, one thread; {count} reports in {len(bodies)} batches):")
    for key, seconds in totals.items():
        print(f"  {key:<16} {seconds / count * 1000:7.3f} ms/report {seconds / whole * 100:5.1f} %")
    print(f"  {'total':<16} {whole / count * 1000:7.3f} ms/report (= {count / whole:.0f} reports/s on one core)")


def profile(args: argparse.Namespace, tmp: Path) -> None:
    sizes(args.layers)
    print(f"{args.workers} workers x {args.reports} reports, batched like the router, hub under cProfile\n")
    run = run_mode("batched", args, tmp, profile=args.profile)
    print_table([run])
    profile_breakdown(args.profile, run.stored, run.hub_cpu_s)
    stages(args.layers, tmp)


# ---------------------------------------------------------------------------------------- soak


def soak(args: argparse.Namespace, tmp: Path) -> None:
    warmup = args.warmup_s if args.warmup_s is not None else min(60.0, args.soak / 5)
    rate = args.rate / args.workers
    sizes(args.layers)
    print(
        f"soak: {args.soak:.0f} s, {args.workers} workers through RemoteStatsRouter at {args.rate:.0f} reports/s in "
        f"all; hub VmRSS every {args.sample_s:.0f} s, warm-up {warmup:.0f} s\n",
        flush=True,
    )
    hub = Hub(tmp / "soak")
    ctx = mp.get_context("fork")
    barrier = ctx.Barrier(args.workers + 1)
    out = ctx.Queue()
    procs = [
        ctx.Process(
            target=router_worker,
            args=(i, hub.url, str(tmp / f"spool-soak-{i}"), 0, args.layers, rate, args.soak, barrier, out),
        )
        for i in range(args.workers)
    ]
    samples: list[tuple[float, int]] = []
    try:
        for p in procs:
            p.start()
        barrier.wait(timeout=600)
        start = time.monotonic()
        cpu0 = hub.cpu_s()
        next_print = start + 60
        while any(p.is_alive() for p in procs) and time.monotonic() < start + args.soak + 120:
            samples.append((time.monotonic() - start, hub.rss_bytes()))
            if time.monotonic() >= next_print:
                print(f"  {samples[-1][0]:5.0f} s: hub RSS {samples[-1][1] / 2**20:.1f} MiB", flush=True)
                next_print += 60
            if out.qsize() == len(procs):
                break
            time.sleep(args.sample_s)
        results = [out.get(timeout=900) for _ in procs]
        samples.append((time.monotonic() - start, hub.rss_bytes()))
        hub_cpu = hub.cpu_s() - cpu0
        for p in procs:
            p.join()
        stored = hub.stored_reports()
        size = hub.store.stat().st_size + (
            Path(f"{hub.store}-wal").stat().st_size if Path(f"{hub.store}-wal").exists() else 0
        )
    finally:
        for p in procs:
            if p.is_alive():
                p.kill()
        hub.stop()
    after_warmup = next(rss for t, rss in samples if t >= warmup)
    peak = max(rss for t, rss in samples if t >= warmup)
    end = samples[-1][1]
    sent = sum(r.reports for r in results)
    lat = sorted(x for r in results for x in r.latencies_s)
    wall = max(r.end for r in results) - min(r.start for r in results)
    print(
        f"\nstored {stored} reports ({sent} sent) in {wall:.0f} s = {stored / wall:.0f} reports/s; store "
        f"{size / 2**20:.0f} MiB; hub CPU {hub_cpu:.0f} s ({hub_cpu / wall * 100:.0f} % of one core)"
    )
    if wall > args.soak * 1.1 + 5:
        print(
            f"the hub fell behind: the last report was stored {wall - args.soak:.0f} s after the workers stopped; "
            "RSS then includes the backlog (a lower --rate measures the steady state)"
        )
    print(
        f"POSTs {len(lat)} ({stored / max(len(lat), 1):.0f} reports each): p50 {lat[len(lat) // 2] * 1000:.1f} ms, "
        f"p99 {lat[min(len(lat) - 1, math.ceil(0.99 * len(lat)) - 1)] * 1000:.1f} ms, max {lat[-1] * 1000:.1f} ms"
    )
    print(
        f"hub RSS: start {samples[0][1] / 2**20:.1f} MiB, after warm-up ({warmup:.0f} s) "
        f"{after_warmup / 2**20:.1f} MiB, max {peak / 2**20:.1f} MiB, end {end / 2**20:.1f} MiB"
    )
    print(
        f"growth after warm-up: end {(end / after_warmup - 1) * 100:+.1f} %, "
        f"max {(peak / after_warmup - 1) * 100:+.1f} % (goal: <= 10 %)"
    )


# ---------------------------------------------------------------------------------------- main


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == PROFILED_HUB:
        profiled_hub(sys.argv[2], sys.argv[3:])
        return
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--reports", type=int, default=600, help="reports per worker, batched mode")
    parser.add_argument("--baseline-reports", type=int, default=150, help="reports per worker, one per POST")
    parser.add_argument("--router-reports", type=int, default=300, help="reports per worker, RemoteStatsRouter")
    parser.add_argument("--layers", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--quick", action="store_true", help="a ~20 s smoke run")
    parser.add_argument("--profile", type=Path, metavar="FILE", help="profile the hub in the batched mode")
    parser.add_argument("--soak", type=float, metavar="SECONDS", help="a soak of SECONDS instead")
    parser.add_argument("--rate", type=float, default=24.0, help="soak: reports/s of all workers together")
    parser.add_argument("--sample-s", type=float, default=5.0, help="soak: seconds between RSS samples")
    parser.add_argument("--warmup-s", type=float, help="soak: seconds before the RSS growth's reference")
    args = parser.parse_args()
    if args.quick:
        args.reports, args.baseline_reports, args.router_reports = 120, 30, 60
        if args.soak is None:
            args.rounds = 1
    with tempfile.TemporaryDirectory(prefix="fitscope-remote-ingest-") as folder:
        tmp = Path(folder)
        if args.soak is not None:
            soak(args, tmp)
        elif args.profile is not None:
            profile(args, tmp)
        else:
            throughput(args, tmp)


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        main()
