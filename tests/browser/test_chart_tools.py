"""The line charts' tools in a real Chromium (docs/charts.md): the score chart's CSV download holds
every stored point, read independently from the storage; the x-axis menu switches the charts to
wall time where the series carry times (and says when they do not); the smoothing slider draws a
smoothed line over the raw one."""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from fitscope.server import UIServer

from .conftest import Runs, chart, get_json, open_page, ready_points, serve, wait_until
from .runs import DIVERGING_SESSION

T0 = 1_700_000_000_000


@pytest.fixture(scope="module")
def server(runs: Runs) -> Iterator[UIServer]:
    """One server showing the runs."""
    with serve(*runs.storages.values()) as ui:
        yield ui


def stored_text(v: float | None) -> str:
    """A stored score as the CSV must write it."""
    if v is None:
        return ""
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    return repr(v)


def test_score_csv_is_every_stored_point(page: Page, server: UIServer, runs: Runs) -> None:
    open_page(page, server, "overview", session=DIVERGING_SESSION)
    ready_points(page, "score")
    score = chart(page, "score")
    with page.expect_download() as info:
        score.locator('[part="download"] button[data-download="csv"]').click()
    download = info.value
    assert download.suggested_filename == f"Model-Score-vs.-Iteration-{DIVERGING_SESSION}.csv"  # title, session
    text = download.path().read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["iteration", "wall_time_ms", "wall_time_iso", "score"]
    stored = runs.storages["diverging"].read_series(DIVERGING_SESSION, "worker-0", "score")
    expected = [[str(it), "", "", stored_text(v)] for it, v in zip(stored.iterations, stored.values, strict=True)]
    assert rows[1:] == expected
    assert any(r[3] == "NaN" for r in rows[1:]), "the diverging run's NaN scores are not in the CSV"

    with page.expect_download() as info:
        score.locator('[part="download"] button[data-download="json"]').click()
    doc = json.loads(info.value.path().read_text(encoding="utf-8"))
    assert doc["session"] == DIVERGING_SESSION
    assert doc["series"][0]["iterations"] == stored.iterations
    assert [stored_text(v) if isinstance(v, float) and not math.isfinite(v) else v for v in stored.values] == [
        v for v in doc["series"][0]["values"]
    ]


def test_x_axis_falls_back_and_switches_to_wall_time(page: Page, server: UIServer) -> None:
    open_page(page, server, "overview", session=DIVERGING_SESSION)
    ready_points(page, "score")
    select = chart(page, "score").locator('select[name="x-axis"]')
    expect(select.locator('option[value="wall"]')).to_be_enabled()  # the answer's report_times place the points

    # a chart whose series carry times: the page's choice switches it, and the address keeps it
    page.evaluate(
        """([t0]) => {
          const el = document.createElement('train-line-chart');
          el.dataset.chart = 'timed';
          el.style.display = 'block'; el.style.width = '700px';
          el.series = [{label: 'loss', iterations: [1, 2, 3, 4],
                        timestamps_ms: [t0, t0 + 60000, t0 + 120000, t0 + 180000],
                        values: [1, 'NaN', 0.5, 0.25]}];
          document.body.prepend(el);
        }""",
        [T0],
    )
    timed = page.locator('train-line-chart[data-chart="timed"][data-ready]')
    timed.wait_for(state="attached")
    x_of = "el => ({label: el.plot.axes[0].label, time: el.plot.scales.x.time, min: el.plot.scales.x.min})"
    assert timed.evaluate(x_of)["label"] == "Iteration"
    timed.locator('select[name="x-axis"]').select_option("wall")
    expect(timed.locator('select[name="x-axis"]')).to_have_value("wall")
    page.wait_for_function(
        "() => document.querySelector('train-line-chart[data-chart=timed]').plot?.axes[0].label === 'Wall time'"
    )
    drawn = timed.evaluate(x_of)
    assert drawn["time"] is True and drawn["min"] >= T0
    assert "x-axis=wall" in page.url
    assert timed.locator('[part="nonfinite"]').count() == 1  # the NaN keeps its marker on a time axis
    # the score chart follows the page's choice: its points placed by the reports' times
    page.wait_for_function(
        "() => document.querySelector('train-app').shadowRoot.querySelector('train-overview').shadowRoot"
        ".querySelector('train-line-chart[data-chart=score]').plot?.axes[0].label === 'Wall time'"
    )
    expect(chart(page, "score").locator('[part="xnote"]')).to_have_count(0)
    timed.locator('select[name="x-axis"]').select_option("relative")
    page.wait_for_function(
        "() => document.querySelector('train-line-chart[data-chart=timed]').plot?.axes[0].label === 'Time since start'"
    )
    # at a report's iteration the score's x is that report's time since the run's start, as stored
    doc = get_json(f"{server.url}/api/v1/overview?session={DIVERGING_SESSION}")
    times = dict(zip(doc["report_times"]["iterations"], doc["report_times"]["values"], strict=True))
    start = doc["info"]["start_ms"]
    drawn_x = chart(page, "score").evaluate("el => [Array.from(el.aligned.x), Array.from(el.plot.data[0])]")
    placed = dict(zip(*drawn_x, strict=True))
    shown = [it for it in times if it in placed]
    assert shown and all(abs(placed[it] - (times[it] - start) / 1000) < 1e-6 for it in shown)


def test_smoothing_slider_draws_a_smoothed_line(page: Page, server: UIServer) -> None:
    open_page(page, server, "overview", session=DIVERGING_SESSION)
    ready_points(page, "metrics")
    metrics = chart(page, "metrics")
    series_count = "el => el.plot.series.length"
    before = metrics.evaluate(series_count)
    slider = metrics.locator('input[name="smoothing"]')
    slider.focus()
    for _ in range(60):
        slider.press("ArrowRight")  # keyboard-usable: 0.01 a step
    expect(metrics.locator('[part="smoothing"] output')).to_have_text("0.60")
    wait_until(lambda: metrics.evaluate(series_count) == 2 * before - 1, 10, "a smoothed line per metric")
    legend = metrics.locator('[part="legend"] .name')
    assert any("(smoothed)" in (legend.nth(i).text_content() or "") for i in range(legend.count()))
