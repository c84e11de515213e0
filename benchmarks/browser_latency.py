"""Latency from a report stored by another process to the overview page showing it (not a test).

    .venv/bin/python benchmarks/browser_latency.py [--updates 50] [--hz 5] [--history 500] [--loads 5]

A training process (a real torch MLP and StatsListener, frequency 1) writes a FileStatsStorage:
``--history`` reports at full speed, then, once the page is open, ``--updates`` reports at
``--hz``, printing the wall-clock time at which each ``put_update`` was called. The UI server
(in this process) reads the file read-only; a headless Chromium (Debian's) shows
``/train/overview``. In the page:
  * UI: a MutationObserver on ``<train-overview>``'s ``data-iteration`` records when each
    iteration is reached, and the time of the next animation frame (the first paint with it);
  * baseline: a bare ``EventSource`` on ``/api/v1/events`` records when each update's event
    arrives, in the same page, so ``UI / SSE`` is what the page adds to the server's stream.
Both are measured from the ``put_update`` call (``time.time()`` and the page's
``performance.timeOrigin + performance.now()`` read the same clock). Target: UI p95 <= 1 s.

Cold page load: in a fresh browser context each time (empty HTTP cache), navigation start to
every overview chart having ``data-ready``, next to the page's own ``load`` event (HTML and
bundle fetched and run) as a baseline. The first load is against a fresh server (empty series
cache); the others find the server's cache warm.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, sync_playwright

from fitscope import FileStatsStorage
from fitscope.server import UIServer

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
OVERVIEW_CHARTS = ("score", "metrics", "ratios", "stdev")

WRITER = textwrap.dedent(
    """
    import sys, time, torch
    from fitscope import FileStatsStorage, StatsListener

    class TimedStorage(FileStatsStorage):
        def put_update(self, report):
            start = time.time()
            super().put_update(report)
            print(f"put {report.iteration} {start * 1000:.3f} {time.time() * 1000:.3f}", flush=True)

    path, history, updates, hz = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(32, 64), torch.nn.ReLU(), torch.nn.Linear(64, 10))
    opt = torch.optim.SGD(model.parameters(), lr=0.05)
    storage = TimedStorage(path)
    listener = StatsListener(storage, frequency=1, session_id="bench", worker_id="w0", close_sinks=False)
    listener.attach(model, opt, example_input=torch.randn(16, 32))

    def step(i):
        x, y = torch.randn(16, 32), torch.randint(0, 10, (16,))
        opt.zero_grad()
        loss = torch.nn.functional.cross_entropy(model(x), y)
        loss.backward()
        opt.step()
        listener.iteration_done(loss, batch_size=16)
        if i % 100 == 0:
            listener.log_metrics({"val_loss": loss.item()})
            listener.epoch_done()

    for i in range(1, history + 1):
        step(i)
    listener.flush()
    print("ready", flush=True)
    sys.stdin.readline()  # the page is open and observing
    period = 1.0 / hz
    next_at = time.monotonic()
    for i in range(history + 1, history + updates + 1):
        step(i)
        next_at += period
        time.sleep(max(0.0, next_at - time.monotonic()))
    listener.close()
    storage.close()
    print("done", flush=True)
    """
)

# Installed in the page: the UI observer and the bare SSE baseline, both on the same clock.
OBSERVE_JS = """(eventsUrl) => {
  const now = () => performance.timeOrigin + performance.now();
  const find = (root) => {
    const hit = root.querySelector('train-overview');
    if (hit) return hit;
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) { const deep = find(el.shadowRoot); if (deep) return deep; }
    }
    return null;
  };
  const overview = find(document);
  window.__bench = {ui: [], painted: [], sse: [], overview, open: false};
  new MutationObserver(() => {
    const it = Number(overview.getAttribute('data-iteration'));
    const t = now();
    window.__bench.ui.push([it, t]);
    requestAnimationFrame(() => window.__bench.painted.push([it, now()]));
  }).observe(overview, {attributes: true, attributeFilter: ['data-iteration']});
  const source = new EventSource(eventsUrl);
  source.onopen = () => { window.__bench.open = true; };
  source.onmessage = (e) => {
    const t = now();
    const ev = JSON.parse(e.data);
    if (ev.kind === 'update') window.__bench.sse.push([ev.iteration, t]);
  };
  return overview !== null;
}"""

# The page's Content-Security-Policy forbids eval, so no page.wait_for_function: these are
# functions run by page.evaluate that return a promise, settled by polling at each frame.
CHARTS_READY_JS = """(names) => new Promise((resolve) => {
  const charts = () => {
    const all = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('train-line-chart[data-chart]')) all.push(el);
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
    };
    walk(document);
    return all;
  };
  const check = () => {
    const all = charts();
    if (names.every((n) => all.some((c) => c.dataset.chart === n && c.hasAttribute('data-ready')))) {
      resolve(performance.now());
    } else if (performance.now() > 60000) {
      resolve(null);
    } else {
      requestAnimationFrame(check);
    }
  };
  check();
})"""

UNTIL_JS = """([what, arg]) => new Promise((resolve) => {
  const tests = {
    open: () => window.__bench.open,
    reached: () => window.__bench.ui.some(([it]) => it >= arg),
  };
  const start = performance.now();
  const check = () => {
    if (tests[what]()) resolve(true);
    else if (performance.now() - start > 30000) resolve(false);
    else requestAnimationFrame(check);
  };
  check();
})"""


def until(page: Page, what: str, arg: int = 0) -> None:
    """Waits (at most 30 s) for ``what`` of ``UNTIL_JS`` in the page."""
    if not page.evaluate(UNTIL_JS, [what, arg]):
        raise SystemExit(f"timed out waiting for {what} {arg or ''} in the page")


def charts_ready(page: Page) -> float:
    """Waits until every overview chart is drawn; returns ``performance.now()`` then (ms since navigation)."""
    ready = page.evaluate(CHARTS_READY_JS, list(OVERVIEW_CHARTS))
    if ready is None:
        raise SystemExit("the overview's charts were not all ready 60 s after navigation")
    return float(ready)


def quantile(values: list[float], q: float) -> float:
    """The ``q`` quantile (0..1) by linear interpolation."""
    ordered = sorted(values)
    pos = q * (len(ordered) - 1)
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def first_reaching(seen: list[list[float]], iteration: int) -> float | None:
    """The first time an observed iteration was >= ``iteration``."""
    times = [t for it, t in seen if it >= iteration]
    return min(times) if times else None


def cold_load(browser: Any, url: str) -> tuple[float, float]:
    """(ms to every overview chart ready, ms to the load event), in a fresh context."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(url, wait_until="commit")
        ready = charts_ready(page)
        page.wait_for_load_state("load")
        load = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
        return ready, float(load)
    finally:
        context.close()


def measure_live(page: Page, writer: subprocess.Popen[str], server: UIServer) -> dict[str, Any]:
    """Lets the writer store its timed reports while the open page observes; returns what both saw."""
    assert page.evaluate(OBSERVE_JS, server.url + "/api/v1/events"), "no <train-overview> on the page"
    until(page, "open")
    assert writer.stdin is not None and writer.stdout is not None
    writer.stdin.write("go\n")
    writer.stdin.flush()
    puts: dict[int, float] = {}
    durations: list[float] = []
    for text in writer.stdout:
        if text.startswith("put "):
            _, it, start, end = text.split()
            puts[int(it)] = float(start)
            durations.append(float(end) - float(start))
        elif text.strip() == "done":
            break
    last = max(puts)
    until(page, "reached", last)
    page.wait_for_timeout(200)
    seen = page.evaluate("({ui: window.__bench.ui, painted: window.__bench.painted, sse: window.__bench.sse})")
    return {"puts": puts, "durations": durations, **seen}


def line(name: str, values: list[float]) -> str:
    """One figure: p50, p95 and max of ``values`` (ms)."""
    return (
        f"{name}: p50 {statistics.median(values):.0f} ms, p95 {quantile(values, 0.95):.0f} ms, max {max(values):.0f} ms"
    )


def run(path: Path, args: argparse.Namespace) -> tuple[list[tuple[float, float]], dict[str, Any]]:
    """Runs the writer, the server and the browser; returns the cold loads and what the page saw."""
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), str(args.history), str(args.updates), str(args.hz)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None
    try:
        for text in writer.stdout:
            if text.strip() == "ready":
                break
        else:
            raise SystemExit("the training process ended before it was ready")
        storage = FileStatsStorage(path, read_only=True)
        with (
            contextlib.closing(storage),
            UIServer(port=0) as server,
            sync_playwright() as pw,
        ):
            server.attach(storage)
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            url = server.url + "/train/overview"
            loads = [cold_load(browser, url) for _ in range(args.loads)]
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.goto(url)
            charts_ready(page)
            seen = measure_live(page, writer, server)
            context.close()
            browser.close()
        writer.wait(30)
    finally:
        if writer.poll() is None:
            writer.kill()
            writer.wait()
    return loads, seen


def report(loads: list[tuple[float, float]], seen: dict[str, Any], args: argparse.Namespace) -> None:
    """Prints the figures."""
    puts: dict[int, float] = seen["puts"]
    sse = {int(it): t for it, t in seen["sse"]}
    ui_ms, painted_ms, sse_ms = [], [], []
    missing = []
    for it, start in sorted(puts.items()):
        ui_t = first_reaching(seen["ui"], it)
        paint_t = first_reaching(seen["painted"], it)
        if ui_t is None or paint_t is None or it not in sse:
            missing.append(it)
            continue
        ui_ms.append(ui_t - start)
        painted_ms.append(paint_t - start)
        sse_ms.append(sse[it] - start)
    shown = {int(it) for it, _ in seen["ui"]}
    print(
        f"live: {len(puts)} reports at {args.hz:g} Hz after {args.history} stored ones; "
        f"the page showed {len(shown & set(puts))} of them as its data-iteration"
        + (f"; {len(missing)} never reached: {missing[:10]}" if missing else "")
    )
    print(f"put_update itself (in the training process): median {statistics.median(seen['durations']):.1f} ms")
    print(line("baseline: put_update -> SSE event in the page", sse_ms))
    print(line("UI: put_update -> <train-overview> data-iteration", ui_ms))
    print(line("UI: put_update -> next frame painted with it", painted_ms) + "  (target p95 <= 1000 ms)")
    print(
        f"ratio UI (painted) / SSE: p50 {statistics.median(painted_ms) / statistics.median(sse_ms):.2f}x, "
        f"p95 {quantile(painted_ms, 0.95) / quantile(sse_ms, 0.95):.2f}x; "
        f"added by the page: p50 {statistics.median(painted_ms) - statistics.median(sse_ms):.0f} ms"
    )
    first_ready, first_load = loads[0]
    rest = loads[1:] or loads
    ready = statistics.median(r for r, _ in rest)
    load = statistics.median(lo for _, lo in rest)
    print(
        f"cold page load, fresh server: navigation -> all overview charts ready {first_ready:.0f} ms "
        f"(load event {first_load:.0f} ms, {first_ready / first_load:.2f}x)"
    )
    print(
        f"cold page load, fresh browser context, warm server (median of {len(rest)}): "
        f"charts ready {ready:.0f} ms (load event {load:.0f} ms, {ready / load:.2f}x)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--updates", type=int, default=50)
    parser.add_argument("--hz", type=float, default=5.0)
    parser.add_argument("--history", type=int, default=500, help="reports stored before the page opens")
    parser.add_argument("--loads", type=int, default=5, help="cold page loads")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="fitscope-bench-browser-") as folder:
        loads, seen = run(Path(folder) / "live.fitscope", args)
    report(loads, seen, args)


if __name__ == "__main__":
    main()
