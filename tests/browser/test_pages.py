"""The three pages in a real Chromium, for runs recorded by the real StatsListener: what a person sees."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from fitscope.server import UIServer

from .conftest import (
    DEEP_COUNT_JS,
    MODEL_CHARTS,
    OVERVIEW_CHARTS,
    SYSTEM_CHARTS,
    BrowserLog,
    Runs,
    chart,
    digits,
    get_json,
    open_page,
    ready_points,
    row_value,
    serve,
)
from .runs import DIVERGING_SESSION, MARKUP, MARKUP_SESSION, MLP_SESSION, NAN_FROM


@pytest.fixture(scope="module")
def server(runs: Runs) -> Iterator[UIServer]:
    """One server showing the three runs; pages pick theirs with ``?session=``."""
    with serve(*runs.storages.values()) as ui:
        yield ui


# ---------------------------------------------------------------------------------------- overview


def test_overview_draws_every_chart_and_the_run_information(page: Page, server: UIServer, runs: Runs) -> None:
    run = runs.mlp
    static = runs.storages["mlp"].get_static_info(run.session_id, run.worker_id)
    assert static is not None and static.model is not None
    info = get_json(f"{server.url}/api/v1/overview?session={run.session_id}")["info"]
    open_page(page, server, "overview", session=MLP_SESSION)
    for name in OVERVIEW_CHARTS:
        assert ready_points(page, name) > 0, f"overview chart {name!r} drew no point"
    score = chart(page, "score")
    assert score.locator('[part="nonfinite"]').count() == 0, "a finite run shows non-finite markers"
    expect(page.locator("train-overview")).to_have_attribute("data-iteration", str(run.iterations))

    assert row_value(page, "info", "model_type") == run.model_type == info["model_type"]
    assert digits(row_value(page, "info", "num_layers")) == static.model.num_layers == info["num_layers"]
    assert digits(row_value(page, "info", "num_params")) == run.num_params == static.model.num_params
    assert digits(row_value(page, "info", "iterations")) == run.iterations == info["iterations"]
    for key in ("start", "runtime", "last_update", "updates_per_second", "examples_per_second"):
        shown = row_value(page, "info", key)
        assert shown and shown not in ("—", "NaN", "0"), f"info row {key!r} shows {shown!r}"


def test_overview_stdev_tabs_switch_the_chart(page: Page, server: UIServer) -> None:
    open_page(page, server, "overview", session=MLP_SESSION)
    ready_points(page, "stdev")
    for tab in ("gradients", "updates", "activations"):
        button = page.locator(f'train-overview button[role="tab"][data-tab="{tab}"]')
        button.click()
        expect(button).to_have_attribute("aria-selected", "true")
        assert ready_points(page, "stdev") > 0, f"the stdev chart drew nothing for tab {tab!r}"


def test_language_switch_translates_headings_and_back(page: Page, server: UIServer) -> None:
    open_page(page, server, "overview", session=MLP_SESSION)
    english = page.locator("train-overview h2", has_text="Model Score vs. Iteration")
    chinese = page.locator("train-overview h2", has_text="模型得分与迭代")
    expect(english).to_have_count(1)
    expect(chinese).to_have_count(0)
    lang = page.locator('train-app select[name="lang"]')
    lang.select_option("zh")
    expect(chinese).to_have_count(1)
    expect(english).to_have_count(0)
    lang.select_option("en")
    expect(english).to_have_count(1)
    expect(chinese).to_have_count(0)


# ---------------------------------------------------------------------------------------- model


def test_model_graph_lists_every_layer_and_a_click_shows_that_layer(page: Page, server: UIServer, runs: Runs) -> None:
    run = runs.mlp
    static = runs.storages["mlp"].get_static_info(run.session_id, run.worker_id)
    assert static is not None and static.model is not None and static.listener is not None
    open_page(page, server, "model", session=MLP_SESSION)
    nodes = page.locator("train-model train-layer-graph [data-layer]")
    expect(nodes.first).to_be_attached()
    shown = {nodes.nth(i).get_attribute("data-layer") for i in range(nodes.count())}
    assert shown == {layer.name for layer in static.model.layers}
    page.evaluate(
        "() => { window.__selected = [];"
        " document.addEventListener('train-layer-select', e => window.__selected.push(e.detail.layer)); }"
    )
    model = page.locator("train-app train-model")
    first_row = page.locator('train-model table[data-table="layer"] tr').first
    for name in ("hidden", "out"):  # a second click must replace the first layer's view
        page.locator(f'train-model train-layer-graph [data-layer="{name}"]').click()
        expect(first_row).to_contain_text(name)
        assert (first_row.locator(":is(td, th)").last.text_content() or "").strip() == name
        layer = model.evaluate("el => el.layer ?? el.getAttribute('layer')")
        assert layer == name or f"layer={name}" in page.url, f"neither `layer` ({layer!r}) nor the URL names {name!r}"
        for chart_name in MODEL_CHARTS:
            assert ready_points(page, chart_name) > 0, f"model chart {chart_name!r} drew nothing for {name!r}"
        for hist in ("parameters", "gradients", "updates"):
            loc = page.locator(f'train-model train-histogram[data-hist="{hist}"][data-bins]')
            expect(loc).to_have_count(1)
            bins = loc.get_attribute("data-bins")
            assert bins == str(static.listener.histogram_bins), f"{hist} histogram of {name!r}: data-bins={bins!r}"
    assert page.evaluate("window.__selected") == ["hidden", "out"]


def test_model_graph_selects_a_layer_with_the_keyboard(page: Page, server: UIServer) -> None:
    open_page(page, server, "model", session=MLP_SESSION)
    node = page.locator('train-model train-layer-graph [data-layer="inp"]')
    node.focus()
    node.press("Enter")
    expect(page.locator('train-model table[data-table="layer"] tr').first).to_contain_text("inp")


# ---------------------------------------------------------------------------------------- system


def test_system_page_draws_memory_and_throughput_and_lists_the_machine(
    page: Page, server: UIServer, runs: Runs
) -> None:
    static = runs.storages["mlp"].get_static_info(runs.mlp.session_id, runs.mlp.worker_id)
    assert static is not None and static.hardware is not None and static.software is not None
    open_page(page, server, "system", session=MLP_SESSION)
    charts = SYSTEM_CHARTS + (("devices",) if static.hardware.devices else ())  # per-device memory: GPUs only
    for name in charts:
        assert ready_points(page, name) > 0, f"system chart {name!r} drew no point"
    assert digits(row_value(page, "hardware", "cpu_count")) == static.hardware.cpu_count
    assert row_value(page, "software", "python") == static.software.python
    framework = row_value(page, "software", "framework")
    assert framework == f"{static.software.framework} {static.software.framework_version}"
    assert row_value(page, "software", "fitscope") == static.software.fitscope_version


def test_shell_navigation_reaches_every_page(page: Page, server: UIServer) -> None:
    open_page(page, server, "overview", session=MLP_SESSION)
    for name in ("model", "system", "overview"):
        page.locator(f'train-app [part="nav"] a[data-page="{name}"]').click()
        page.locator(f"train-app train-{name}").wait_for(state="attached")
    ready_points(page, "score")


# ---------------------------------------------------------------------------------------- non-finite


def test_nan_score_shows_a_nan_marker_and_never_zero(page: Page, server: UIServer, runs: Runs) -> None:
    run = runs.diverging
    open_page(page, server, "overview", session=DIVERGING_SESSION)
    score = chart(page, "score")
    assert ready_points(page, "score") > 0
    markers = score.locator('[part="nonfinite"][data-kind="nan"]')
    expect(markers.first).to_be_attached()
    titles = [markers.nth(i).get_attribute("title") or "" for i in range(markers.count())]
    assert all("NaN" in t for t in titles), titles
    assert any(re.search(rf"\b{NAN_FROM}\b", t) for t in titles), f"no marker names iteration {NAN_FROM}: {titles}"
    assert score.locator('[part="nonfinite"]:is([data-kind="inf"], [data-kind="-inf"])').count() == 0
    expect(page.locator("train-overview")).to_have_attribute("data-iteration", str(run.iterations))
    # The last point is NaN: the keyboard cursor's announcement must say so, never 0.
    score.locator('[part="plot"]').press("End")  # the plot is the chart's focusable part
    readout = score.locator('[part="readout"]')
    expect(readout).to_contain_text("NaN")
    text = readout.text_content() or ""
    assert not re.search(r"(?<![\d.])0(?:\.0*)?(?![\d.])", text), f"the NaN point reads as 0: {text!r}"


# ---------------------------------------------------------------------------------------- markup


def test_layer_named_with_markup_renders_as_text(
    page: Page, browser_log: BrowserLog, server: UIServer, runs: Runs
) -> None:
    open_page(page, server, "model", session=MARKUP_SESSION)
    node = page.locator(f'train-model train-layer-graph [data-layer="{MARKUP}"]')
    expect(node).to_have_count(1)
    assert MARKUP in (node.text_content() or "")
    graph = page.locator("train-model train-layer-graph")
    assert graph.evaluate("el => el.shadowRoot.querySelectorAll('img').length") == 0
    node.click()
    expect(page.locator('train-model table[data-table="layer"] tr').first).to_contain_text(MARKUP)
    open_page(page, server, "overview", session=MARKUP_SESSION)
    ready_points(page, "ratios")  # its legend names the parameter "<img src=x onerror=alert(1)>.weight"
    page.wait_for_timeout(300)  # an injected <img src=x> would fail to load and run onerror by now
    assert page.evaluate(DEEP_COUNT_JS, "img") == 0, "markup from a layer or session name became an element"
    assert browser_log.dialogs == []


# ------------------------------------------------------------------------------------------ themes

_BACKGROUND_JS = "el => getComputedStyle(el).backgroundColor"


def _luminance(rgb: str) -> float:
    """Mean of the r, g, b channels of a computed ``rgb(...)`` colour (0 dark .. 255 light)."""
    channels = [float(c) for c in re.findall(r"[\d.]+", rgb)[:3]]
    assert len(channels) == 3, rgb
    return sum(channels) / 3


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_theme_follows_the_os_and_the_switch_overrides_it(page: Page, server: UIServer, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    open_page(page, server, "overview", session=MLP_SESSION)
    ready_points(page, "score")
    overview = page.locator("train-overview")
    follows_os = _luminance(overview.evaluate(_BACKGROUND_JS))
    assert (follows_os < 100) == (scheme == "dark"), f"auto theme ignored prefers-color-scheme: {scheme}"

    other = "light" if scheme == "dark" else "dark"
    page.locator('train-app select[name="theme"]').select_option(other)
    expect(overview).to_have_attribute("theme", other)
    switched = _luminance(overview.evaluate(_BACKGROUND_JS))
    assert (switched < 100) == (other == "dark"), f"theme switch to {other} left the background at {switched}"
    # The chart's canvas colours follow: its resolved axis colour is the page's text colour.
    fg = overview.evaluate("el => getComputedStyle(el).getPropertyValue('--_fg').trim()")
    assert fg and chart(page, "score").evaluate("el => getComputedStyle(el).getPropertyValue('--_fg').trim()") == fg
