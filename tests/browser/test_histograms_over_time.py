"""Histograms over time on the model page, in a real Chromium, against a real server.

A run of 30 reports. The slider above the histograms picks the iteration they show: moved by
keyboard (←/→ to the previous / next stored histogram, Home / End) and set directly (the
`hist-iteration` property, a click on its track), the drawn histograms must be exactly the
stored ones of that iteration, read from the storage here, never written into the test. The
offset view must draw one ridge per histogram `/api/v1/histograms` returns, and the
distribution view's median line must be, at each iteration, the percentile computed here from
the stored histogram (linear interpolation inside the bins, written out below). A second run,
its updates' histograms switched off, must say so.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
import torch
from playwright.sync_api import Locator, Page, expect

from fitscope import FileStatsStorage, StatsListener
from fitscope.config import KindConfig, StatsConfig
from fitscope.records import Histogram
from fitscope.server import UIServer

from .conftest import get_json, open_page, serve
from .runs import CLASSES, FEATURES, blobs

SESSION, NO_UPDATES, WORKER = "hist-time", "hist-time-no-update-histograms", "worker-0"
STEPS, FREQUENCY, BATCH = 60, 2, 20
ITERATIONS = list(range(FREQUENCY, STEPS + 1, FREQUENCY))  # the 30 reports
LAYER, PARAM = "inp", "inp.weight"
KINDS = ("parameters", "gradients", "updates", "activations")


class Net(torch.nn.Module):
    """16 -> 12 (ReLU) -> 3."""

    def __init__(self) -> None:
        super().__init__()
        self.inp = torch.nn.Linear(FEATURES, 12)
        self.act = torch.nn.ReLU()
        self.out = torch.nn.Linear(12, CLASSES)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out: torch.Tensor = self.out(self.act(self.inp(x)))
        return out


def train(storage: FileStatsStorage, session: str, config: StatsConfig) -> None:
    gen = torch.Generator().manual_seed(1)
    torch.manual_seed(1)
    model = Net()
    opt = torch.optim.SGD(model.parameters(), lr=0.2)
    x, y = blobs(STEPS * BATCH, torch.randn(CLASSES, FEATURES, generator=gen), gen)
    listener = StatsListener(
        storage,
        frequency=FREQUENCY,
        session_id=session,
        worker_id=WORKER,
        config=config,
        close_sinks=False,
        max_overhead=None,  # every report holds every histogram
    )
    listener.attach(model, opt, example_input=x[:BATCH])
    for i in range(STEPS):
        xb, yb = x[i * BATCH : (i + 1) * BATCH], y[i * BATCH : (i + 1) * BATCH]
        opt.zero_grad()
        loss = torch.nn.functional.cross_entropy(model(xb), yb)
        loss.backward()
        opt.step()
        listener.iteration_done(loss, batch_size=BATCH)
    listener.close()


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FileStatsStorage]:
    storage = FileStatsStorage(tmp_path_factory.mktemp("hist-time") / "hist.fitscope")
    train(storage, SESSION, StatsConfig())
    train(storage, NO_UPDATES, StatsConfig(updates=KindConfig(histogram=False)))
    yield storage
    storage.close()


@pytest.fixture(scope="module")
def server(stored: FileStatsStorage) -> Iterator[UIServer]:
    with serve(stored) as ui:
        yield ui


def tensor(kind: str) -> str:
    return LAYER if kind == "activations" else PARAM


def stored_at(storage: FileStatsStorage, kind: str, iteration: int, session: str = SESSION) -> tuple[int, Histogram]:
    """The newest histogram of ``kind`` stored at or before ``iteration`` (what the page must draw)."""
    found = storage.histogram_at(session, WORKER, kind, tensor(kind), iteration)
    assert found is not None, f"no {kind} histogram of {tensor(kind)} at or before {iteration}"
    return found


def percentile(h: Histogram, p: float) -> float:
    """The ``p``-th percentile of the values ``h`` counts, each bin's values spread evenly across it.

    The rank r = p / 100 * N lies in the first bin whose cumulative count reaches it, that far in.
    """
    counts = list(h.counts)
    if h.min == h.max:
        return h.min
    rank = p / 100 * sum(counts)
    width = (h.max - h.min) / len(counts)
    below = 0
    for i, c in enumerate(counts):
        if c == 0:
            continue
        if below + c >= rank:
            left = h.min + width * i
            right = h.max if i == len(counts) - 1 else h.min + width * (i + 1)
            return left + (right - left) * (rank - below) / c
        below += c
    return h.max


def slider(page: Page) -> Locator:
    return page.locator('train-model train-iteration-slider [role="slider"]')


def drawn(page: Page, kind: str) -> Locator:
    return page.locator(f'train-model train-histogram[data-hist="{kind}"]')


def expect_drawn_at(page: Page, storage: FileStatsStorage, iteration: int) -> None:
    """Every shown histogram is the stored one at (or before) ``iteration``, bin for bin."""
    for kind in KINDS:
        at, h = stored_at(storage, kind, iteration)
        assert at == iteration, f"the run stored no {kind} histogram at {iteration} (at {at})"
        hist = drawn(page, kind)
        expect(hist).to_have_attribute("data-iteration", str(at))
        expect(hist).to_have_attribute("data-bins", str(len(h.counts)))
        assert json.loads(hist.get_attribute("data-counts") or "null") == list(h.counts), kind
        title = (
            page.locator("train-model .hists > div")
            .filter(has=page.locator(f'train-histogram[data-hist="{kind}"]'))
            .locator("h3")
        )
        if iteration == ITERATIONS[-1]:
            expect(title).not_to_contain_text("iteration")
        else:
            expect(title).to_contain_text(f"(iteration {at})")


def open_layer(page: Page, server: UIServer, session: str = SESSION) -> None:
    open_page(page, server, "model", session=session, layer=LAYER)
    expect(slider(page)).to_have_attribute("aria-valuenow", str(ITERATIONS[-1]))


def test_slider_is_an_accessible_slider_over_the_reports(page: Page, server: UIServer) -> None:
    open_layer(page, server)
    thumb = page.get_by_role("slider", name="Histograms at iteration")
    expect(thumb).to_have_count(1)
    expect(thumb).to_have_attribute("aria-valuemin", str(ITERATIONS[0]))
    expect(thumb).to_have_attribute("aria-valuemax", str(ITERATIONS[-1]))
    expect(thumb).to_have_attribute("aria-valuetext", f"Iteration {ITERATIONS[-1]} (latest)")
    expect(page.locator("train-model [data-timeline]")).to_have_attribute("data-live", "true")
    expect(page.locator('train-model button[data-action="latest"]')).to_be_disabled()
    thumb.focus()
    outline = thumb.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline == "solid", f"the focused slider shows no focus ring (outline-style {outline!r})"


def test_keyboard_moves_to_the_stored_histograms_of_earlier_iterations(
    page: Page, server: UIServer, stored: FileStatsStorage
) -> None:
    open_layer(page, server)
    expect_drawn_at(page, stored, ITERATIONS[-1])
    thumb = slider(page)
    thumb.focus()
    for expected in (ITERATIONS[-2], ITERATIONS[-3]):
        thumb.press("ArrowLeft")
        expect(thumb).to_have_attribute("aria-valuenow", str(expected))
        expect(thumb).to_have_attribute("aria-valuetext", f"Iteration {expected}")
        expect_drawn_at(page, stored, expected)
    expect(page.locator("train-model [data-timeline]")).to_have_attribute("data-live", "false")
    thumb.press("Home")
    expect(thumb).to_have_attribute("aria-valuenow", str(ITERATIONS[0]))
    expect_drawn_at(page, stored, ITERATIONS[0])
    thumb.press("ArrowLeft")  # nothing stored before the first: it stays
    thumb.press("ArrowRight")
    expect(thumb).to_have_attribute("aria-valuenow", str(ITERATIONS[1]))
    expect_drawn_at(page, stored, ITERATIONS[1])
    thumb.press("End")
    expect(thumb).to_have_attribute("aria-valuenow", str(ITERATIONS[-1]))
    expect(page.locator("train-model [data-timeline]")).to_have_attribute("data-live", "true")
    expect_drawn_at(page, stored, ITERATIONS[-1])
    # the button back to the latest
    thumb.press("ArrowLeft")
    expect(thumb).to_have_attribute("aria-valuenow", str(ITERATIONS[-2]))
    page.locator('train-model button[data-action="latest"]').click()
    expect(thumb).to_have_attribute("aria-valuenow", str(ITERATIONS[-1]))
    expect_drawn_at(page, stored, ITERATIONS[-1])


def test_setting_the_slider_shows_the_stored_histograms_of_that_iteration(
    page: Page, server: UIServer, stored: FileStatsStorage
) -> None:
    open_layer(page, server)
    page.locator("train-model").evaluate("el => { el.histIteration = 20; }")
    expect(slider(page)).to_have_attribute("aria-valuenow", "20")
    expect_drawn_at(page, stored, 20)
    # a click on the track lands on the nearest report
    target = 40
    track = page.locator('train-model train-iteration-slider [part="track"]')
    track.scroll_into_view_if_needed()
    box = track.bounding_box()
    assert box is not None
    frac = (target - ITERATIONS[0]) / (ITERATIONS[-1] - ITERATIONS[0])
    track.click(position={"x": frac * box["width"], "y": box["height"] / 2})
    expect(slider(page)).to_have_attribute("aria-valuenow", str(target))
    expect_drawn_at(page, stored, target)
    # another parameter's histograms at the same iteration
    page.locator('train-model [role="tab"][data-param="inp.bias"]').click()
    found = stored.histogram_at(SESSION, WORKER, "gradients", "inp.bias", target)
    assert found is not None
    grads = drawn(page, "gradients")
    expect(grads).to_have_attribute("data-iteration", str(target))
    assert json.loads(grads.get_attribute("data-counts") or "null") == list(found[1].counts)


def test_offset_view_draws_one_ridge_per_stored_histogram(
    page: Page, server: UIServer, stored: FileStatsStorage
) -> None:
    open_layer(page, server)
    panel = page.locator('train-model train-hist-panel[data-panel="parameters"]')
    panel.locator('button[data-view="offset"]').click()
    expect(panel).to_have_attribute("view", "offset")
    ridges = panel.locator("train-hist-ridges")
    expect(ridges).to_have_attribute("data-ridges", str(len(ITERATIONS)))
    count = panel.get_attribute("data-max-count")
    assert count is not None
    answer = get_json(
        f"{server.url}/api/v1/histograms?session={SESSION}&worker={WORKER}&kind=parameters"
        f"&name={PARAM}&max_count={count}"
    )
    its = [h["iteration"] for h in answer["histograms"]]
    assert its == [it for it, _ in stored.read_histograms(SESSION, WORKER, "parameters", PARAM, max_count=int(count))]
    expect(ridges).to_have_attribute("data-ridges", str(len(its)))
    drawn_its = ridges.locator("path.ridge").evaluate_all("ps => ps.map(p => Number(p.dataset.iteration))")
    assert drawn_its == its
    # the slider's iteration is highlighted
    slider(page).focus()
    slider(page).press("ArrowLeft")
    expect(ridges).to_have_attribute("data-selected", str(ITERATIONS[-2]))
    expect(ridges.locator("path.ridge[data-selected]")).to_have_attribute("data-iteration", str(ITERATIONS[-2]))


def test_distribution_view_median_is_the_percentile_of_each_stored_histogram(
    page: Page, server: UIServer, stored: FileStatsStorage
) -> None:
    open_layer(page, server)
    panel = page.locator('train-model train-hist-panel[data-panel="gradients"]')
    panel.locator('button[data-view="distribution"]').click()
    chart = panel.locator('train-line-chart[data-chart="hist-distribution"][data-ready]')
    expect(chart).to_have_count(1)
    expect(chart).to_have_attribute("data-bands", "4")
    series = chart.evaluate("el => el.series.map(s => ({label: s.label, iterations: s.iterations, values: s.values}))")
    pairs = ["0 %", "100 %", "6.68 %", "93.32 %", "15.87 %", "84.13 %", "30.85 %", "69.15 %"]
    assert [s["label"] for s in series] == [*pairs, "Median"]
    median = series[-1]
    assert median["iterations"] == ITERATIONS
    for it, value in zip(median["iterations"], median["values"], strict=True):
        at, h = stored_at(stored, "gradients", it)
        assert at == it
        assert math.isclose(value, percentile(h, 50), rel_tol=1e-12, abs_tol=1e-15), (it, value)
    lo, hi = series[0], series[1]
    for k, it in enumerate(ITERATIONS):
        _, h = stored_at(stored, "gradients", it)
        assert lo["values"][k] == h.min and hi["values"][k] == h.max, it


def test_a_tensor_without_stored_histograms_says_so(page: Page, server: UIServer) -> None:
    open_layer(page, server, NO_UPDATES)
    panel = page.locator('train-model train-hist-panel[data-panel="updates"]')
    panel.locator('button[data-view="offset"]').click()
    expect(panel.locator("[data-empty]")).to_have_text("No histograms stored.")
    # at an earlier iteration: none stored at or before it
    panel.locator('button[data-view="histogram"]').click()
    slider(page).focus()
    slider(page).press("ArrowLeft")
    expect(slider(page)).to_have_attribute("aria-valuenow", str(ITERATIONS[-2]))
    expect(panel.locator('[part="note"]')).to_have_text(f"No histogram stored at or before iteration {ITERATIONS[-2]}.")
    # the parameters' histograms are there
    expect(drawn(page, "parameters")).to_have_attribute("data-iteration", str(ITERATIONS[-2]))


def test_dragging_the_thumb_asks_for_the_histograms_once_it_rests(
    page: Page, server: UIServer, stored: FileStatsStorage
) -> None:
    open_layer(page, server)
    asked: list[int] = []

    def on_request(url: str) -> None:
        query = parse_qs(urlparse(url).query)
        if urlparse(url).path.endswith("/api/v1/histogram") and "after" not in query:
            asked.append(int(query["iteration"][0]))

    page.on("request", lambda r: on_request(r.url))
    track = page.locator('train-model train-iteration-slider [part="track"]')
    track.scroll_into_view_if_needed()
    box = track.bounding_box()
    assert box is not None
    y = box["y"] + box["height"] / 2

    def at(it: int) -> float:
        return box["x"] + (it - ITERATIONS[0]) / (ITERATIONS[-1] - ITERATIONS[0]) * box["width"]

    page.mouse.move(at(10), y)
    page.mouse.down()
    page.mouse.move(at(50), y, steps=20)  # through 20 reports, faster than the debounce
    page.mouse.up()
    expect(slider(page)).to_have_attribute("aria-valuenow", "50")
    expect_drawn_at(page, stored, 50)
    assert 50 in asked and len(set(asked)) <= 3, f"the drag asked for every position: {sorted(set(asked))}"


def test_live_reports_move_the_latest_on_unless_the_slider_was_moved(
    page: Page, stored: FileStatsStorage, tmp_path: Path
) -> None:
    info = stored.get_static_info(SESSION, WORKER)
    assert info is not None
    reports = list(stored.iter_updates(SESSION, WORKER))
    live = FileStatsStorage(tmp_path / "live.fitscope")
    live.put_static_info(info)
    for r in reports[:20]:  # iterations 2..40
        live.put_update(r)
    try:
        with serve(live) as server:
            open_page(page, server, "model", session=SESSION, layer=LAYER)
            thumb = slider(page)
            expect(thumb).to_have_attribute("aria-valuenow", "40")
            panel = page.locator('train-model train-hist-panel[data-panel="parameters"]')
            panel.locator('button[data-view="offset"]').click()
            ridges = panel.locator("train-hist-ridges")
            expect(ridges).to_have_attribute("data-ridges", "20")
            panel.locator('button[data-view="histogram"]').click()
            for r in reports[20:25]:  # 42..50: the live slider follows
                live.put_update(r)
            expect(thumb).to_have_attribute("aria-valuenow", "50")
            expect(thumb).to_have_attribute("aria-valuemax", "50")
            expect(drawn(page, "parameters")).to_have_attribute("data-iteration", "50")
            thumb.focus()
            thumb.press("ArrowLeft")
            expect(thumb).to_have_attribute("aria-valuenow", "48")
            panel.locator('button[data-view="offset"]').click()
            expect(ridges).to_have_attribute("data-ridges", "25")
            for r in reports[25:]:  # 52..60: the moved slider stays, the offset view grows
                live.put_update(r)
            expect(thumb).to_have_attribute("aria-valuemax", "60")
            expect(ridges).to_have_attribute("data-ridges", "30")
            expect(thumb).to_have_attribute("aria-valuenow", "48")
            expect(ridges).to_have_attribute("data-selected", "48")
            panel.locator('button[data-view="histogram"]').click()
            expect(drawn(page, "parameters")).to_have_attribute("data-iteration", "48")
    finally:
        live.close()
