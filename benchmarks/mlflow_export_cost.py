"""Per-report cost of MLflowExporter against the naive ``mlflow.log_metric`` loop, for a 20-layer model.

    .venv/bin/python benchmarks/mlflow_export_cost.py [--reports 30] [--naive-values 60] [--rounds 5]
        [--torch-threads N] [--no-server]

Reports come from a real StatsListener on a 20-layer MLP (20 Linear + 19 ReLU, every statistic
and histogram on). For each tracking store (a fresh ``sqlite:///`` file and, unless
``--no-server``, a local ``mlflow server`` on SQLite), the script times:

* exporter: ``MLflowExporter.put_update`` per report with ``send_interval_s=0`` (every report
  sent at once: the worst case), for the default metric set and for ``detail=True``. This is
  work on the exporter's own thread; the keeps-up column compares it with one report every 100 ms;
* naive: ``mlflow.log_metric(key, value, step=...)`` per value in an active run, what a
  hand-written exporter does, timed on the first ``--naive-values`` values of a report and
  extrapolated to the whole report (the full loop would take minutes);
* training thread: 100 steps paced like real training (batch 2048, about 7-10 ms a step here,
  a report every 5 steps), without and with the exporter among the sinks, alternated over
  ``--rounds`` rounds: the median time of a whole run, and ``iteration_done`` on report steps.
  The listener only enqueues; the difference is what the exporter's thread takes from the
  training thread through the GIL and the CPU cores they share.

Absolute times depend on the machine and its disk; compare the ratios measured in one run.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from contextlib import suppress
from pathlib import Path
from typing import Any

import torch
from torch import nn

from fitscope import InMemoryStatsStorage, StatsListener
from fitscope.exporters import MLflowExporter
from fitscope.exporters._mlflow_metrics import ReportConverter
from fitscope.records import StaticInfo, StatsReport

REPORT_EVERY_S = 0.1


def model_20() -> nn.Sequential:
    """A 20-layer MLP: 20 Linear layers of width 64 with ReLUs between."""
    layers: list[nn.Module] = []
    for i in range(20):
        layers.append(nn.Linear(64, 64))
        if i < 19:
            layers.append(nn.ReLU())
    return nn.Sequential(*layers)


def train(listener: StatsListener, steps: int, batch: int = 32) -> tuple[list[float], list[float]]:
    """Trains the 20-layer model; returns the ms of ``iteration_done`` on report steps, and of every step."""
    torch.manual_seed(0)
    model = model_20()
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    listener.attach(model, opt)
    x = torch.randn(batch, 64)
    report_ms, step_ms = [], []
    for it in range(1, steps + 1):
        t = time.perf_counter()
        opt.zero_grad()
        loss = model(x).pow(2).mean()
        loss.backward()
        opt.step()
        t0 = time.perf_counter()
        listener.iteration_done(loss, batch_size=batch)
        t1 = time.perf_counter()
        if it % listener.frequency == 0:
            report_ms.append((t1 - t0) * 1000)
        step_ms.append((t1 - t) * 1000)
    listener.close()
    return report_ms, step_ms


def collect_reports(n: int) -> tuple[StaticInfo, list[StatsReport]]:
    """Real reports of the 20-layer model, one per iteration."""
    mem = InMemoryStatsStorage()
    listener = StatsListener(mem, frequency=1)
    train(listener, n)
    info = mem.get_static_info(listener.session_id, listener.worker_id)
    assert info is not None
    return info, list(mem.iter_updates(listener.session_id, listener.worker_id))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def start_server(root: Path) -> tuple[subprocess.Popen[bytes], str]:
    """Starts ``mlflow server`` on SQLite in its own process group; returns it and its URL."""
    url = f"http://127.0.0.1:{free_port()}"
    cmd = [sys.executable, "-m", "mlflow", "server", "--backend-store-uri", f"sqlite:///{root / 'server.db'}"]
    cmd += ["--serve-artifacts", "--artifacts-destination", str(root / "server-artifacts")]
    cmd += ["--host", "127.0.0.1", "--port", url.rsplit(":", 1)[1], "--workers", "1"]
    env = {**os.environ, "MLFLOW_SERVER_ENABLE_JOB_EXECUTION": "false"}
    with open(root / "server.log", "ab") as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        with suppress(OSError), urllib.request.urlopen(f"{url}/health", timeout=2) as r:
            if r.status == 200:
                return proc, url
        time.sleep(0.2)
    stop_server(proc)
    raise RuntimeError("mlflow server did not start in 120 s")


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    with suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    with suppress(subprocess.TimeoutExpired):
        proc.wait(15)
    with suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)


def new_experiment(uri: str, root: Path) -> str:
    from mlflow import MlflowClient

    name = f"bench-{uuid.uuid4().hex[:8]}"
    location = None if uri.startswith("http") else (root / "artifacts").as_uri()
    MlflowClient(uri).create_experiment(name, artifact_location=location)
    return name


def exporter_ms(uri: str, root: Path, info: StaticInfo, reports: list[StatsReport], detail: bool) -> list[float]:
    """Milliseconds of ``put_update`` per report, every report sent at once."""
    exporter = MLflowExporter(uri, experiment=new_experiment(uri, root), detail=detail, send_interval_s=0)
    exporter.put_static_info(info)
    out = []
    for report in reports:
        t0 = time.perf_counter()
        exporter.put_update(report)
        out.append((time.perf_counter() - t0) * 1000)
    exporter.close()
    assert exporter.points_lost == 0
    return out


def naive_ms_per_value(uri: str, root: Path, report: StatsReport, n: int) -> float:
    """Milliseconds per ``mlflow.log_metric`` call, over the first ``n`` values of a report."""
    import mlflow
    from mlflow import MlflowClient

    client = MlflowClient(uri)
    experiment_id = client.get_experiment_by_name(new_experiment(uri, root)).experiment_id
    points = ReportConverter(None).convert(report)[:n]
    mlflow.set_tracking_uri(uri)
    with mlflow.start_run(experiment_id=experiment_id):
        t0 = time.perf_counter()
        for key, value, _, step in points:
            mlflow.log_metric(key, value, step=step)
        elapsed = time.perf_counter() - t0
    return elapsed * 1000 / len(points)


def training_thread(uri: str | None, root: Path, steps: int = 100) -> tuple[list[float], list[float]]:
    """One paced training run, with an exporter to ``uri`` among the sinks or without."""
    sinks: list[Any] = [InMemoryStatsStorage()]
    if uri is not None:
        sinks.append(MLflowExporter(uri, experiment=new_experiment(uri, root)))
    return train(StatsListener(sinks, frequency=5), steps, batch=2048)


def p(values: list[float], q: float) -> float:
    return sorted(values)[min(len(values) - 1, int(q * len(values)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=30, help="reports timed per configuration")
    parser.add_argument("--naive-values", type=int, default=60, help="log_metric calls timed for the naive loop")
    parser.add_argument("--no-server", action="store_true", help="only the sqlite:/// store")
    parser.add_argument("--rounds", type=int, default=5, help="alternated rounds of the training-thread runs")
    parser.add_argument(
        "--torch-threads", type=int, default=0, help="torch intra-op threads (0: torch's default, every core)"
    )
    args = parser.parse_args()
    if args.torch_threads:  # fewer threads than cores leaves the exporter a core of its own, as on most machines
        torch.set_num_threads(args.torch_threads)

    import mlflow

    info, reports = collect_reports(args.reports)
    keys = {d: len(ReportConverter(info, detail=d).convert(reports[-1])) for d in (False, True)}
    print(
        f"mlflow {mlflow.__version__}, torch {torch.__version__} ({torch.get_num_threads()} threads, "
        f"{os.cpu_count()} CPUs); 20-layer MLP, {len(reports)} reports"
    )
    print(f"metric points per report: default {keys[False]}, detail=True {keys[True]}\n")
    with tempfile.TemporaryDirectory(prefix="fitscope-bench-") as tmp:
        root = Path(tmp)
        targets = [("sqlite", f"sqlite:///{root / 'bench.db'}")]
        server = None
        if not args.no_server:
            server, url = start_server(root)
            targets.append(("server", url))
        try:
            for name, uri in targets:
                naive = naive_ms_per_value(uri, root, reports[-1], args.naive_values)
                print(f"[{name}] naive mlflow.log_metric: {naive:.2f} ms per value ({args.naive_values} timed)")
                for detail in (False, True):
                    ms = exporter_ms(uri, root, info, reports, detail)
                    med = statistics.median(ms)
                    naive_report = naive * keys[detail]
                    keeps_up = "yes" if med < REPORT_EVERY_S * 1000 else "no"
                    print(
                        f"  exporter detail={detail!s:5}: median {med:7.1f} ms/report, p90 {p(ms, 0.9):7.1f} ms, "
                        f"{med / keys[detail]:.3f} ms/point | naive (extrapolated) {naive_report:8.0f} ms/report "
                        f"= {naive_report / med:5.0f}x | keeps up with a report per 100 ms: {keeps_up}"
                    )
            print(f"\ntraining thread (batch 2048, a report every 5 steps, default metric set, {args.rounds} rounds):")
            runs: dict[str, tuple[list[float], list[float]]] = {}
            for _ in range(args.rounds):  # alternated, so drift in the machine's speed hits every case alike
                for name, uri in [("no exporter", None), *targets]:
                    report_ms, step_ms = training_thread(uri, root)
                    runs.setdefault(name, ([], []))
                    runs[name][0].extend(report_ms)
                    runs[name][1].append(sum(step_ms))
            base_run = statistics.median(runs["no exporter"][1])
            base_report = statistics.median(runs["no exporter"][0])
            for name, (report_ms, run_ms) in runs.items():
                run, med = statistics.median(run_ms), statistics.median(report_ms)
                print(
                    f"  {name:11}: 100 steps {run:6.0f} ms ({(run - base_run) / 20:+5.1f} ms per report) | "
                    f"iteration_done on report steps median {med:5.1f} ms ({med - base_report:+5.1f} ms)"
                )
        finally:
            if server is not None:
                stop_server(server)


if __name__ == "__main__":
    main()
