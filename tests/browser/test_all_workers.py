"""Every worker of a distributed run in one UI: a session written as two files (one per rank, as
``runs/job-{rank}.fitscope``), the "All workers" overview (one line per worker, or their mean with
a min..max band), the "stopped" marker of a worker that went quiet, the address (``worker=*``),
live updates of every worker, and an embedded ``<train-overview worker="*">``.

rank0 reports iterations 1..20 every 10 s; rank1 reports 1..5 (its score NaN at 3) and stops, so
its latest report is 150 s older than the session's newest, more than max(60 s, 10 x its 10 s
interval): it is marked stopped, rank0 is not.
"""

from __future__ import annotations

import math
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Locator, Page, expect

from fitscope import FileStatsStorage
from fitscope.records import LayerInfo, ModelInfo, StaticInfo, StatsReport, Summary
from fitscope.server import UIServer

from .conftest import BUNDLE, chart, get_json, open_page, ready_points, serve, wait_until

SESSION = "job"
T0 = 1_700_000_000_000
STEP_MS = 10_000
RANK0_ITERATIONS = range(1, 21)
RANK1_ITERATIONS = range(1, 6)
NAN_AT = 3  # rank1's score is NaN there
FSI, PDI = "\u2068", "\u2069"  # worker names are shown bidi-isolated
ZH_STOPPED = "\uff08\u5df2\u505c\u6b62\uff09"  # "(stopped)" in zh.ts, with full-width parentheses


def rank0_score(it: int) -> float:
    return 1.0 / it


def rank1_score(it: int) -> float:
    return math.nan if it == NAN_AT else 2.0 + 1.0 / it


def rank0_update(it: int) -> float:
    """Mean magnitude of fc.weight's update (the parameter's is 1): log10 of it is exact."""
    return (0.01, 0.001, 0.0001)[it % 3]


RANK1_UPDATE = 0.1
SCORES: dict[str, dict[int, float]] = {
    "rank0": {it: rank0_score(it) for it in RANK0_ITERATIONS},
    "rank1": {it: rank1_score(it) for it in RANK1_ITERATIONS},
}
RATIOS: dict[str, dict[int, float]] = {
    "rank0": {it: math.log10(rank0_update(it)) for it in RANK0_ITERATIONS},
    "rank1": {it: math.log10(RANK1_UPDATE) for it in RANK1_ITERATIONS},
}


def _model() -> ModelInfo:
    layers = (LayerInfo("fc", "Linear", 6, ("fc.weight", "fc.bias")),)
    return ModelInfo("Net", 1, 6, ("fc.weight", "fc.bias"), {"fc.weight": (2, 2), "fc.bias": (2,)}, layers)


def _report(worker: str, it: int, score: float, update: float, t_ms: int | None = None) -> StatsReport:
    params = {"fc.weight": Summary(4, mean_magnitude=1.0), "fc.bias": Summary(2, mean_magnitude=1.0)}
    updates = {"fc.weight": Summary(4, mean_magnitude=update), "fc.bias": Summary(2, mean_magnitude=update)}
    return StatsReport(
        SESSION,
        worker,
        T0 + it * STEP_MS if t_ms is None else t_ms,
        it,
        score=score,
        summaries={"parameters": params, "updates": updates},
    )


def write_rank(path: Path, worker: str, iterations: range) -> FileStatsStorage:
    """One rank's file: its StaticInfo at T0, then a report every 10 s."""
    storage = FileStatsStorage(path)
    storage.put_static_info(StaticInfo(SESSION, worker, T0, session_name="distributed job", model=_model()))
    for it in iterations:
        update = rank0_update(it) if worker == "rank0" else RANK1_UPDATE
        storage.put_update(_report(worker, it, SCORES[worker][it], update))
    return storage


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[FileStatsStorage, FileStatsStorage]]:
    folder = tmp_path_factory.mktemp("job")
    ranks = (
        write_rank(folder / "job-0.fitscope", "rank0", RANK0_ITERATIONS),
        write_rank(folder / "job-1.fitscope", "rank1", RANK1_ITERATIONS),
    )
    yield ranks
    for storage in ranks:
        storage.close()


@pytest.fixture(scope="module")
def server(files: tuple[FileStatsStorage, FileStatsStorage]) -> Iterator[UIServer]:
    with serve(*files) as ui:
        yield ui


def wire(v: float) -> float | str:
    """A value as the API (and so the chart's series) carries it."""
    return "NaN" if math.isnan(v) else v


def chart_series(page: Page, name: str) -> list[dict[str, Any]]:
    """The series chart ``name`` was given (labels, iterations, values as drawn, no formatting)."""
    loc = page.locator(f'train-line-chart[data-chart="{name}"][data-ready]')
    loc.wait_for(state="attached")
    series: list[dict[str, Any]] = loc.evaluate(
        "el => el.series.map(s => ({label: s.label, iterations: [...s.iterations],"
        " values: s.values.map(v => typeof v === 'number' && Number.isNaN(v) ? 'NaN' : v)}))"
    )
    return series


def expected_each(values: dict[str, dict[int, float]]) -> list[dict[str, Any]]:
    return [
        {"label": f"{FSI}{w}{PDI}", "iterations": list(by_it), "values": [wire(v) for v in by_it.values()]}
        for w, by_it in values.items()
    ]


def expected_mean(values: dict[str, dict[int, float]]) -> tuple[list[int], list[Any], list[Any], list[Any]]:
    """Mean, min and max over the workers with a value at each iteration; a NaN makes all three NaN."""
    iterations = sorted({it for by_it in values.values() for it in by_it})
    mean: list[Any] = []
    low: list[Any] = []
    high: list[Any] = []
    for it in iterations:
        at = [by_it[it] for by_it in values.values() if it in by_it]
        total = 0.0
        for v in at:
            total += v
        if any(math.isnan(v) for v in at):
            mean.append("NaN")
            low.append("NaN")
            high.append("NaN")
        else:
            mean.append(total / len(at))
            low.append(min(at))
            high.append(max(at))
    return iterations, mean, low, high


def worker_option(page: Page, worker: str) -> Locator:
    return page.locator(f'train-app select[name="worker"] option[value="{worker}"]')


def test_a_session_in_two_files_shows_both_workers(page: Page, server: UIServer) -> None:
    (session,) = get_json(f"{server.url}/api/v1/sessions")["sessions"]
    assert session["workers"] == ["rank0", "rank1"] and len(session["sources"]) == 2
    open_page(page, server, "overview", session=SESSION)
    ready_points(page, "score")
    options = page.locator('train-app select[name="worker"] option')
    expect(options).to_have_count(3)
    assert [o.get_attribute("value") for o in options.all()] == ["*", "rank0", "rank1"]
    expect(options.first).to_have_text("All workers")


def test_all_workers_overlay_one_series_per_worker_with_the_stored_values(page: Page, server: UIServer) -> None:
    open_page(page, server, "overview", session=SESSION, worker="*")
    assert chart_series(page, "score") == expected_each(SCORES)
    assert chart_series(page, "ratios") == expected_each(RATIOS)
    finite = sum(1 for by_it in SCORES.values() for v in by_it.values() if not math.isnan(v))
    assert ready_points(page, "score") == finite == 24
    nan = chart(page, "score").locator('[part="nonfinite"][data-kind="nan"]')
    expect(nan).to_have_count(1)
    expect(nan).to_have_attribute("title", re.compile(f"^{FSI}+rank1{PDI}+: NaN at iteration {NAN_AT}$"))
    # The legend names the workers; each keeps its own colour, and a click hides its line.
    legend = chart(page, "score").locator('[part="legend"] button')
    expect(legend).to_have_text([f"{FSI}rank0{PDI}", f"{FSI}rank1{PDI}"])
    assert "--_series-2" in (legend.nth(1).locator("line").get_attribute("style") or "")
    legend.nth(1).click()  # hides rank1: its NaN marker goes with it
    expect(legend.nth(1)).to_have_attribute("aria-pressed", "false")
    expect(nan).to_be_hidden()
    legend.nth(1).click()
    expect(legend.nth(1)).to_have_attribute("aria-pressed", "true")
    expect(nan).to_be_visible()
    # The workers table: a row per worker, with its latest iteration.
    rows = page.locator('table[data-table="workers"] tbody tr')
    expect(rows).to_have_count(2)
    expect(rows.nth(0).locator("td").first).to_have_text("20")
    expect(rows.nth(1).locator("td").first).to_have_text("5")


def test_mean_view_shows_the_mean_of_the_stored_values_with_a_min_max_band(page: Page, server: UIServer) -> None:
    open_page(page, server, "overview", session=SESSION, worker="*")
    ready_points(page, "score")
    page.locator('train-overview [part="workers-view"] button[data-view="mean"]').click()
    expect(chart(page, "score")).to_have_attribute("data-view", "mean")
    for name, values in (("score", SCORES), ("ratios", RATIOS)):
        iterations, mean, low, high = expected_mean(values)
        got = chart_series(page, name)
        assert [s["label"] for s in got] == ["Mean", "Min", "Max"]
        assert [s["iterations"] for s in got] == [iterations] * 3
        assert got[0]["values"] == mean
        assert got[1]["values"] == low
        assert got[2]["values"] == high
    # Iterations 1..5 are averaged over both workers (the NaN at 3 stays NaN), 6..20 are rank0's.
    assert expected_mean(SCORES)[1][:2] == [(1.0 + 3.0) / 2, (0.5 + 2.5) / 2]
    expect(chart(page, "score").locator('[part="nonfinite"][data-kind="nan"]')).to_have_count(3)
    # The band between min and max is filled: 1..2 and 4..20 (the NaN at 3 breaks it).
    expect(chart(page, "score")).to_have_attribute("data-bands", "2")
    page.locator('train-overview [part="workers-view"] button[data-view="each"]').click()
    expect(chart(page, "score")).to_have_attribute("data-view", "each")
    assert chart_series(page, "score") == expected_each(SCORES)


def test_a_stopped_worker_is_marked_in_the_selector_the_system_tabs_and_the_workers_table(
    page: Page, server: UIServer
) -> None:
    open_page(page, server, "overview", session=SESSION, worker="*")
    expect(worker_option(page, "rank1")).to_have_attribute("data-stopped", "true")
    expect(worker_option(page, "rank1")).to_have_text(f"{FSI}rank1{PDI} (stopped)")
    expect(worker_option(page, "rank0")).to_have_attribute("data-stopped", "false")
    expect(worker_option(page, "rank0")).to_have_text(f"{FSI}rank0{PDI}")
    status = page.locator('table[data-table="workers"] tr[data-key="rank1"] td[data-status]')
    expect(status).to_have_text("stopped")
    expect(page.locator('table[data-table="workers"] tr[data-key="rank0"] td[data-status]')).to_have_attribute(
        "data-status", "reporting"
    )
    page.locator('train-app nav a[data-page="system"]').click()
    page.locator('train-system button[role="tab"]').first.wait_for()
    tab = page.locator('train-system button[role="tab"][data-worker="rank1"]')
    expect(tab).to_have_attribute("data-stopped", "true")
    expect(tab).to_have_text(f"{FSI}rank1{PDI} (stopped)")
    expect(page.locator('train-system button[data-worker="rank0"]')).to_have_attribute("data-stopped", "false")
    # In Chinese too.
    page.locator('train-app select[name="lang"]').select_option("zh")
    expect(tab).to_have_text(f"{FSI}rank1{PDI}{ZH_STOPPED}")
    expect(worker_option(page, "rank1")).to_have_text(f"{FSI}rank1{PDI}{ZH_STOPPED}")


def test_the_address_carries_all_workers_and_the_other_pages_show_the_first_worker(
    page: Page, server: UIServer
) -> None:
    open_page(page, server, "overview", session=SESSION)
    ready_points(page, "score")
    select = page.locator('train-app select[name="worker"]')
    select.select_option("*")
    expect(page.locator("train-overview")).to_have_attribute("worker", "*")
    assert parse_qs(urlsplit(page.url).query)["worker"] == ["*"]
    assert len(chart_series(page, "score")) == 2
    select.select_option("rank1")
    assert parse_qs(urlsplit(page.url).query)["worker"] == ["rank1"]
    expect(chart(page, "score").locator('[part="legend"] button')).to_have_count(2)  # raw and smoothed
    select.select_option("*")
    wait_until(lambda: parse_qs(urlsplit(page.url).query).get("worker") == ["*"], 10, "worker=* in the address")
    page.reload()
    page.locator("train-app train-overview").wait_for(state="attached")
    expect(page.locator('train-app select[name="worker"]')).to_have_value("*")
    assert chart_series(page, "score") == expected_each(SCORES)
    # The system page keeps worker=* in its link and shows the first worker; a tab picks one.
    page.locator('train-app nav a[data-page="system"]').click()
    page.locator('train-system button[role="tab"]').first.wait_for()
    assert parse_qs(urlsplit(page.url).query)["worker"] == ["*"]
    expect(page.locator('train-system button[data-worker="rank0"]')).to_have_attribute("aria-selected", "true")
    page.locator('train-system button[data-worker="rank1"]').click()
    expect(page.locator('train-app select[name="worker"]')).to_have_value("rank1")
    assert parse_qs(urlsplit(page.url).query)["worker"] == ["rank1"]
    # The model page with worker=* shows the first worker's layers.
    open_page(page, server, "model", session=SESSION, worker="*")
    expect(page.locator('train-layer-graph [data-layer="fc"]')).to_have_count(1)
    expect(page.locator('train-model [part="error"]')).to_have_count(0)


def test_new_reports_of_every_worker_reach_the_all_workers_view(page: Page, tmp_path: Path) -> None:
    rank0 = write_rank(tmp_path / "job-0.fitscope", "rank0", range(1, 4))
    rank1 = write_rank(tmp_path / "job-1.fitscope", "rank1", range(1, 3))
    try:
        with serve(rank0, rank1) as ui:
            open_page(page, ui, "overview", session=SESSION, worker="*")
            expect(page.locator('train-app [part="live"][data-state="open"]')).to_be_attached()
            assert [s["iterations"] for s in chart_series(page, "score")] == [[1, 2, 3], [1, 2]]
            rank1.put_update(_report("rank1", 3, 7.5, RANK1_UPDATE))
            wait_until(
                lambda: [s["iterations"] for s in chart_series(page, "score")] == [[1, 2, 3], [1, 2, 3]],
                30,
                "rank1's iteration 3 on the overlay",
            )
            rank0.put_update(_report("rank0", 4, math.inf, 0.01))
            wait_until(lambda: chart_series(page, "score")[0]["iterations"] == [1, 2, 3, 4], 30, "rank0's iteration 4")
            score = chart_series(page, "score")
            assert score[1]["values"][-1] == 7.5
            expect(chart(page, "score").locator('[part="nonfinite"][data-kind="inf"]')).to_have_count(1)
            expect(page.locator("train-overview")).to_have_attribute("data-iteration", "4")
    finally:
        rank0.close()
        rank1.close()


PORTAL = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>portal</title><link rel="icon" href="data:,">
<script type="module" crossorigin src="{ui}{bundle}"></script></head>
<body><train-overview api-base="{ui}" session="{session}" worker="*"></train-overview></body></html>
"""


@pytest.fixture(scope="module")
def portal() -> Iterator[ThreadingHTTPServer]:
    """A page of another origin that embeds ``<train-overview worker="*">`` of the server at ``?ui=PORT``."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            port = parse_qs(urlsplit(self.path).query).get("ui", [""])[0]
            body = PORTAL.format(ui=f"http://127.0.0.1:{port}", bundle=BUNDLE, session=SESSION).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, name="portal", daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()
    thread.join(5)


def test_an_embedded_overview_with_worker_star_overlays_every_worker(
    page: Page, files: tuple[FileStatsStorage, FileStatsStorage], portal: ThreadingHTTPServer
) -> None:
    origin = f"http://127.0.0.1:{portal.server_address[1]}"
    with serve(*files, cors_origins=(origin,)) as ui:
        page.goto(f"{origin}/embed?ui={ui.port}")
        assert chart_series(page, "score") == expected_each(SCORES)
        assert chart_series(page, "ratios") == expected_each(RATIOS)
        expect(page.locator('table[data-table="workers"] tr[data-key="rank1"] td[data-status]')).to_have_text("stopped")
        expect(page.locator("train-overview")).to_have_attribute("data-iteration", "20")
        expect(page.locator('train-overview [part="error"]')).to_have_count(0)
