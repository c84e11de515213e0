"""The chart building blocks in a real Chromium, on the real pages of real runs and on charts a test
puts into a page with the served bundle: log scales, non-finite markers, axis titles, the hover
readout, colours past the palette, histograms and names holding bidi controls."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect

from fitscope.server import UIServer

from .conftest import Runs, chart, open_page, ready_points, serve
from .runs import DIVERGING_SESSION, MLP_SESSION

LOG_BUTTON = "Log scale"


@pytest.fixture(scope="module")
def server(runs: Runs) -> Iterator[UIServer]:
    """One server showing the runs; pages pick theirs with ``?session=``."""
    with serve(*runs.storages.values()) as ui:
        yield ui


# ---------------------------------------------------------------------------------------- helpers


def open_with_charts(page: Page, server: UIServer, name: str, session: str) -> None:
    """Opens page ``name``; on the model page selects layer ``hidden`` so its charts are drawn."""
    open_page(page, server, name, session=session)
    if name == "model":
        page.locator('train-model train-layer-graph [data-layer="hidden"]').click()
    page.locator("train-line-chart[data-ready]").first.wait_for(state="attached")


def log_toggles(page: Page) -> list[tuple[str, Locator]]:
    """Every chart on the page that offers a log toggle, with its button (the tab's charts included)."""
    found: list[tuple[str, Locator]] = []
    charts = page.locator("train-line-chart[data-ready]")
    for i in range(charts.count()):
        el = charts.nth(i)
        button = el.locator('[part="toolbar"] button', has_text=LOG_BUTTON)
        if button.count() == 1:
            name = el.get_attribute("data-chart")
            assert name, "a chart without data-chart"
            found.append((name, button))
    return found


def drawn(el: Locator) -> dict[str, Any]:
    """What the chart's uPlot instance drew: the y scale's range and distribution, and its axes' titles."""
    return el.evaluate(
        """el => { const u = el.plot; if (!u) return null;
          return { min: u.scales.y.min, max: u.scales.y.max, distr: u.scales.y.distr,
                   x: u.axes[0].label ?? null, y: u.axes[1].label ?? null,
                   points: Number(el.dataset.points) }; }"""
    )


def inject_chart(page: Page, series: list[dict[str, Any]], **attrs: str) -> Locator:
    """A ``<train-line-chart data-chart="injected">`` added to the page with ``series``; waits until drawn."""
    page.evaluate(
        """([series, attrs]) => {
          document.querySelector('train-line-chart[data-chart="injected"]')?.remove();
          const el = document.createElement('train-line-chart');
          el.dataset.chart = 'injected';
          for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
          el.style.display = 'block'; el.style.width = '700px';
          el.series = series;
          document.body.prepend(el);
        }""",
        [series, attrs],
    )
    loc = page.locator('train-line-chart[data-chart="injected"][data-ready]')
    loc.wait_for(state="attached")
    return loc


# ---------------------------------------------------------------------------------------- log scale


@pytest.mark.parametrize("page_name", ["overview", "model", "system"])
@pytest.mark.parametrize("session", [MLP_SESSION, DIVERGING_SESSION])
def test_every_log_toggle_draws_in_both_scales(page: Page, server: UIServer, page_name: str, session: str) -> None:
    """Clicking each offered "Log scale" draws a log chart with points (no `Invalid array length`) and back."""
    open_with_charts(page, server, page_name, session)
    if page_name == "overview":
        for tab in ("gradients", "updates", "activations"):  # the stdev tabs: each its own chart data
            page.locator(f'train-overview button[role="tab"][data-tab="{tab}"]').click()
            ready_points(page, "stdev")
    toggles = log_toggles(page)
    assert toggles, f"no chart on the {page_name} page offers a log toggle"
    if page_name == "overview":
        assert "score" in [name for name, _ in toggles], "the score chart offers no log toggle"
    for name, button in toggles:
        el = chart(page, name)
        linear_points = ready_points(page, name)
        button.click()
        expect(button).to_have_attribute("aria-pressed", "true")
        expect(el).to_have_attribute("log-y", "")
        log = drawn(el)
        assert log is not None, f"{page_name}/{name}: no plot on the log scale"
        assert log["distr"] == 3, f"{page_name}/{name}: the y scale is not logarithmic: {log}"
        assert log["min"] > 0 and log["max"] > log["min"], f"{page_name}/{name}: log y-range {log}"
        assert log["points"] > 0, f"{page_name}/{name} drew no point on the log scale"
        assert el.locator("canvas").count() >= 1
        button.click()
        expect(button).to_have_attribute("aria-pressed", "false")
        back = drawn(el)
        assert back is not None and back["distr"] == 1 and back["points"] == linear_points, (
            f"{page_name}/{name} back on the linear scale: {back}"
        )


def test_log_scale_leaves_out_values_at_or_below_zero_and_says_so(page: Page, server: UIServer) -> None:
    open_page(page, server, "overview", session=MLP_SESSION)
    el = inject_chart(
        page,
        [{"label": "loss", "iterations": [1, 2, 3, 4, 5], "values": [2.0, 0, 1.0, -1.0, 0.5]}],
        **{"log-toggle": ""},
    )
    el.evaluate("el => { el.yRange = [0, 2]; }")  # the score chart's kind of range: from 0
    button = el.locator('[part="toolbar"] button', has_text=LOG_BUTTON)
    expect(button).to_have_count(1)
    button.click()
    note = el.locator('[part="lognote"]')
    expect(note).to_have_text(re.compile(r"2 values ≤ 0 are not shown on the log scale"))
    log = drawn(el)
    assert log is not None and log["distr"] == 3 and log["min"] > 0, log
    assert log["points"] == 3
    button.click()
    expect(note).to_have_count(0)
    assert el.get_attribute("data-points") == "5"


# ---------------------------------------------------------------------------------------- non-finite


def test_any_series_marks_its_non_finite_values(page: Page, server: UIServer) -> None:
    open_page(page, server, "overview", session=MLP_SESSION)
    series = [
        {"label": "score", "iterations": [1, 2, 3, 4], "values": [1.0, 0.9, 0.8, 0.7]},
        {"label": "inp.weight", "iterations": [1, 2, 3, 4], "values": [-2.5, -2.4, "NaN", "NaN"]},
        {"label": "act", "iterations": [1, 2, 3, 4], "values": [-0.2, "Infinity", -0.3, "-Infinity"]},
    ]
    el = inject_chart(page, series)
    markers = el.locator('[part="nonfinite"]')
    expect(markers).to_have_count(4)
    kinds = sorted(
        (markers.nth(i).get_attribute("data-series"), markers.nth(i).get_attribute("data-kind")) for i in range(4)
    )
    assert kinds == [("1", "nan"), ("1", "nan"), ("2", "-inf"), ("2", "inf")]
    titles = [markers.nth(i).get_attribute("title") or "" for i in range(4)]
    assert any("inp.weight" in t and "NaN at iteration 3" in t for t in titles), titles
    assert any("act" in t and "+Inf at iteration 2" in t for t in titles), titles


def test_diverging_run_marks_nan_in_the_ratio_and_stdev_charts(page: Page, server: UIServer) -> None:
    open_page(page, server, "overview", session=DIVERGING_SESSION)
    for name in ("ratios", "stdev"):
        ready_points(page, name)
        expect(chart(page, name).locator('[part="nonfinite"][data-kind="nan"]').first).to_be_attached()


def test_histogram_of_an_all_non_finite_tensor_says_so(page: Page, server: UIServer) -> None:
    open_page(page, server, "model", session=DIVERGING_SESSION)
    page.locator('train-model train-layer-graph [data-layer="hidden"]').click()
    hist = page.locator('train-model train-histogram[data-hist="parameters"][data-bins]')
    expect(hist).to_have_count(1)
    assert hist.get_attribute("data-bins") == "0", "the NaN run's latest parameters still have bins"
    text = hist.locator('[part="nonfinite"]')
    expect(text).to_have_text(re.compile(r"All [\d,]+ elements are non-finite"))
    expect(hist).not_to_contain_text("No data yet.")


def test_histogram_all_non_finite_breakdown(page: Page, server: UIServer) -> None:
    open_page(page, server, "overview", session=MLP_SESSION)
    page.evaluate(
        """() => { const h = document.createElement('train-histogram'); h.id = 'inj';
          h.nonfinite = 2048; h.setAttribute('nan-count', '2048'); document.body.prepend(h); }"""
    )
    expect(page.locator("#inj [part=nonfinite]")).to_have_text("All 2,048 elements are non-finite (NaN 2,048).")


# ---------------------------------------------------------------------------------------- readability


def test_every_chart_has_axis_titles(page: Page, server: UIServer) -> None:
    for page_name in ("overview", "model", "system"):
        open_with_charts(page, server, page_name, MLP_SESSION)
        charts = page.locator("train-line-chart[data-ready]")
        for i in range(charts.count()):
            el = charts.nth(i)
            if el.get_attribute("data-points") == "0":
                continue
            axes = drawn(el)
            name = el.get_attribute("data-chart")
            assert axes is not None and axes["x"], f"{page_name}/{name}: no x axis title"
            assert axes["y"], f"{page_name}/{name}: no y axis title (y-label)"


def test_default_x_title_is_iteration(page: Page, server: UIServer) -> None:
    open_page(page, server, "overview", session=MLP_SESSION)
    el = inject_chart(page, [{"label": "a", "iterations": [1, 2], "values": [1, 2]}], **{"y-label": "Loss"})
    axes = drawn(el)
    assert axes is not None and axes["x"] == "Iteration" and axes["y"] == "Loss"


def test_hover_and_keyboard_readout_show_the_iteration(page: Page, server: UIServer, runs: Runs) -> None:
    open_page(page, server, "overview", session=MLP_SESSION)
    ready_points(page, "score")
    score = chart(page, "score")
    position = score.locator('[part="position"]')
    score.locator('[part="plot"]').press("End")
    expect(position).to_have_text(re.compile(rf"Iteration\W*{runs.mlp.iterations}$"))
    expect(score.locator('[part="readout"]')).to_contain_text(str(runs.mlp.iterations))
    over = score.locator(".u-over")
    box = over.bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + box["width"] * 0.3, box["y"] + box["height"] / 2)
    expect(position).to_have_text(re.compile(r"Iteration\W*\d+$"))
    values = score.locator('[part="legend"] .value')
    assert (values.first.text_content() or "").strip() != ""


def test_many_series_get_distinct_colour_and_dash_pairs(page: Page, server: UIServer) -> None:
    open_page(page, server, "overview", session=MLP_SESSION)
    series = [{"label": f"s{i}", "iterations": [1, 2], "values": [i, i + 1]} for i in range(20)]
    for theme in ("light", "dark"):
        el = inject_chart(page, series, theme=theme)
        styles = el.evaluate(
            """el => [...el.shadowRoot.querySelectorAll('[part=legend] svg line')].map(l => {
              const s = getComputedStyle(l); return [s.stroke, s.strokeDasharray]; })"""
        )
        assert len(styles) == 20
        assert len({json.dumps(s) for s in styles}) == 20, f"{theme}: series look alike: {styles}"
        assert len({s[0] for s in styles[:12]}) == 12, f"{theme}: the first 12 colours repeat"


def test_histogram_has_axes_and_a_hover_and_keyboard_readout(page: Page, server: UIServer, runs: Runs) -> None:
    open_page(page, server, "model", session=MLP_SESSION)
    page.locator('train-model train-layer-graph [data-layer="hidden"]').click()
    hist = page.locator('train-model train-histogram[data-hist="parameters"][data-bins]')
    expect(hist).to_have_count(1)
    assert hist.locator(".yaxis span").count() >= 3, "the count axis has fewer than 3 ticks"
    assert hist.locator(".xaxis span").count() == 3, "the value axis does not have 3 ticks"
    svg_box = hist.locator("svg.bars").bounding_box()
    assert svg_box is not None and svg_box["height"] >= 200, f"the histogram is small: {svg_box}"
    readout = hist.locator('[part="readout"]')
    bins = hist.locator("svg.bars rect.hit")
    bins.nth(3).hover()
    expect(hist).to_have_attribute("data-active", "3")
    expect(readout).to_have_text(re.compile(r"^\S+ to \S+: [\d,]+ elements$"))
    plot = hist.locator('[part="plot"]')
    plot.focus()
    plot.press("Home")
    expect(hist).to_have_attribute("data-active", "0")
    plot.press("ArrowRight")
    expect(hist).to_have_attribute("data-active", "1")
    first_title = hist.locator("svg.bars rect.bar").nth(1).locator("title").text_content() or ""
    expect(readout).to_have_text(first_title.strip())


def test_names_with_bidi_overrides_are_isolated(page: Page, server: UIServer) -> None:
    open_page(page, server, "overview", session=MLP_SESSION)
    evil = "\u202eevil.weight"
    el = inject_chart(page, [{"label": evil, "iterations": [1, 2, 3], "values": [1, "NaN", 2]}])
    isolation = el.evaluate(
        """el => [...el.shadowRoot.querySelectorAll('[part=legend] .name')].map(n =>
          [n.localName, getComputedStyle(n).unicodeBidi])"""
    )
    assert isolation == [["bdi", "isolate"]]
    el.locator('[part="plot"]').press("End")
    expect(el.locator('[part="readout"]')).to_contain_text(f"\u2068{evil}\u2069")
    title = el.locator('[part="nonfinite"]').get_attribute("title") or ""
    assert f"\u2068{evil}\u2069" in title, title
