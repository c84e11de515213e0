"""The page items of issue 8 in a real Chromium: run state, non-finite summary, names, system units, CJK, bidi."""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import torch
from playwright.sync_api import Page, expect

from fitscope import FileStatsStorage, InMemoryStatsStorage, StatsListener
from fitscope.records import StatsReport
from fitscope.server import UIServer

from . import runs as runs_module
from .conftest import BrowserLog, Runs, chart, get_json, open_page, ready_points, row_value, serve
from .runs import (
    BIDI,
    BIDI_SESSION,
    BIDI_SESSION_NAME,
    DIVERGING_SESSION,
    MLP_SESSION,
    NAN_FROM,
    SEQUENTIAL_SESSION,
    SEQUENTIAL_TAGS,
    train_bidi,
    train_sequential,
)

FSI, PDI = "\u2068", "\u2069"
LIVE = 'train-app [part="live"]'


@dataclass
class ItemRuns:
    """The runs of this module, each in its own file."""

    sequential: FileStatsStorage
    bidi: FileStatsStorage


@pytest.fixture(scope="module")
def item_runs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ItemRuns]:
    folder = tmp_path_factory.mktemp("page-items")
    sequential = FileStatsStorage(folder / "sequential.fitscope")
    bidi = FileStatsStorage(folder / "bidi.fitscope")
    train_sequential(sequential)
    train_bidi(bidi)
    yield ItemRuns(sequential, bidi)
    sequential.close()
    bidi.close()


@pytest.fixture(scope="module")
def server(runs: Runs, item_runs: ItemRuns) -> Iterator[UIServer]:
    with serve(runs.storages["mlp"], runs.storages["diverging"], item_runs.sequential, item_runs.bidi) as ui:
        yield ui


def plain(text: str) -> str:
    """``text`` without the bidi isolates the page wraps names in."""
    return text.replace(FSI, "").replace(PDI, "")


def series_labels(page: Page, name: str) -> list[str]:
    """The labels of chart ``name``'s series (its ``series`` property), isolates removed."""
    ready_points(page, name)
    labels: list[str] = chart(page, name).evaluate("el => el.series.map(s => s.label)")
    return [plain(label) for label in labels]


# ------------------------------------------------------------------------------------------ run state


def test_status_says_live_then_ended_when_the_listener_closes_the_shown_storage(page: Page, tmp_path: Path) -> None:
    """The README's setup: one FileStatsStorage given to the listener (close_sinks=True) and the server."""
    storage = FileStatsStorage(tmp_path / "readme.fitscope")
    gen = torch.Generator().manual_seed(0)
    model = runs_module.BrowserMLP()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    x, y = runs_module.blobs(40, torch.randn(runs_module.CLASSES, runs_module.FEATURES, generator=gen), gen)
    with UIServer(port=0) as server:
        server.attach(storage)
        listener = StatsListener(storage, frequency=1, session_id="readme", session_name="readme")
        listener.attach(model, opt, example_input=x[:20])
        for _ in range(3):
            opt.zero_grad()
            loss = torch.nn.functional.cross_entropy(model(x[:20]), y[:20])
            loss.backward()
            opt.step()
            listener.iteration_done(loss, batch_size=20)
        listener.flush()
        open_page(page, server, "overview")
        live = page.locator(LIVE)
        expect(live).to_have_attribute("data-status", "open")
        expect(live).to_have_text("Live")
        ready_points(page, "score")
        listener.close()  # closes the storage too
        assert storage.closed
        # The shell reads the session states every 10 s: the status follows within that.
        expect(live).to_have_attribute("data-status", "ended", timeout=25_000)
        expect(live).to_have_text("Ended")
        expect(page.locator('train-overview [part="error"]')).to_have_count(0)
        assert ready_points(page, "score") > 0


def test_status_says_how_long_a_quiet_run_has_not_reported(page: Page) -> None:
    storage = InMemoryStatsStorage()  # a storage of this process: its writer may still report
    now_ms = time.time_ns() // 1_000_000
    for i in range(1, 4):  # one report every 5 s, the last 3 min 20 s ago
        storage.put_update(StatsReport("quiet", "w", now_ms - 210_000 + 5_000 * i, i, score=1.0 / i))
    with serve(storage) as server:
        assert get_json(f"{server.url}/api/v1/sessions")["sessions"][0]["state"] == "stalled"
        open_page(page, server, "overview")
        live = page.locator(LIVE)
        expect(live).to_have_attribute("data-status", "stalled")
        expect(live).to_have_text("No report for 3 min")
    storage.close()


def test_a_damaged_session_shows_its_error_and_the_other_sessions_work(
    page: Page, browser_log: BrowserLog, tmp_path: Path
) -> None:
    path = tmp_path / "damaged.fitscope"
    with FileStatsStorage(path) as storage:
        train_bidi(storage, session_id="healthy")
        train_bidi(storage, session_id="damaged")
    with sqlite3.connect(path) as conn:  # one damaged row: a report's fields column holds garbage
        conn.execute(
            "UPDATE reports SET fields = '{not json'"
            " WHERE stream = (SELECT id FROM streams WHERE session_id = 'damaged')"
        )
    conn.close()
    browser_log.allow(r"status of 500")  # the damaged session's views answer 500 with the error object
    with FileStatsStorage(path, read_only=True) as reader, serve(reader) as server:
        listed = {s["session_id"]: s for s in get_json(f"{server.url}/api/v1/sessions")["sessions"]}
        assert listed["damaged"]["state"] == "error"
        message = listed["damaged"]["error"]["message"]

        open_page(page, server, "overview", session="damaged")
        option = page.locator('train-app select[name="session"] option[value="damaged"]')
        expect(option).to_have_attribute("data-state", "error")
        expect(option).to_contain_text("cannot be read")
        expect(page.locator(LIVE)).to_have_attribute("data-status", "error")
        banner = page.locator('train-overview [part="error"]')
        expect(banner).to_contain_text(str(path))
        assert plain(banner.text_content() or "").strip() == f"Error: {message}"
        for name, query in (("model", {"layer": "inp"}), ("system", {})):
            open_page(page, server, name, session="damaged", **query)
            expect(page.locator(f'train-{name} [part="error"]')).to_contain_text(str(path))

        open_page(page, server, "overview", session="healthy")
        assert ready_points(page, "score") > 0
        expect(page.locator('train-overview [part="error"]')).to_have_count(0)
        expect(page.locator('train-app select[name="session"] option[value="healthy"]')).not_to_have_attribute(
            "data-state", "error"
        )


# ------------------------------------------------------------------------------------ overview table


def test_overview_names_the_first_non_finite_value(page: Page, server: UIServer, runs: Runs) -> None:
    first = get_json(f"{server.url}/api/v1/overview?session={DIVERGING_SESSION}")["info"]["first_nonfinite"]
    assert first is not None and first["iteration"] == NAN_FROM
    open_page(page, server, "overview", session=DIVERGING_SESSION)
    expect(page.locator('table[data-table="info"] tr[data-key="first_nonfinite"]')).to_be_attached()
    shown = plain(row_value(page, "info", "first_nonfinite"))
    if first["kind"] == "score":
        assert shown == f"NaN in the score at iteration {NAN_FROM}"
    else:
        assert shown == f"NaN in {first['kind']} of {first['name']} at iteration {NAN_FROM}"

    open_page(page, server, "overview", session=MLP_SESSION)
    expect(page.locator('table[data-table="info"] tr[data-key="first_nonfinite"]')).to_be_attached()
    assert row_value(page, "info", "first_nonfinite") == "None (every value finite)"


def test_overview_shows_hyperparameters_and_tags(page: Page, server: UIServer) -> None:
    open_page(page, server, "overview", session=SEQUENTIAL_SESSION)
    expect(page.locator('table[data-table="hyperparameters"] tr')).to_have_count(3)
    assert row_value(page, "hyperparameters", "lr") == "0.1"
    assert row_value(page, "hyperparameters", "momentum") == "0.9"
    assert row_value(page, "hyperparameters", "batch_size") == "20"
    expect(page.locator('table[data-table="tags"] tr')).to_have_count(len(SEQUENTIAL_TAGS))
    for key, value in SEQUENTIAL_TAGS.items():
        assert row_value(page, "tags", key) == value


# ------------------------------------------------------------------------------------ index names


def test_index_layers_are_named_with_their_type_in_legends_and_tabs(page: Page, server: UIServer) -> None:
    open_page(page, server, "overview", session=SEQUENTIAL_SESSION)
    ratios = series_labels(page, "ratios")
    assert "0.weight (Linear)" in ratios and "9.weight (Linear)" in ratios, ratios
    assert "0.weight" not in ratios
    page.locator('train-overview button[role="tab"][data-tab="activations"]').click()
    activations = series_labels(page, "stdev")
    assert "1 (ReLU)" in activations and "6 (Tanh)" in activations, activations

    open_page(page, server, "model", session=SEQUENTIAL_SESSION, layer="2")
    tab = page.locator('train-model button[role="tab"][data-param="2.weight"]')
    expect(tab).to_be_attached()
    assert plain(tab.text_content() or "").strip() == "2.weight (Linear)"
    assert "2.weight (Linear)" in series_labels(page, "mean-mag")
    node = page.locator('train-model train-layer-graph [data-layer="2"]')
    assert "Linear" in (node.text_content() or "")


def test_layer_table_lists_the_module_attributes(page: Page, server: UIServer) -> None:
    open_page(page, server, "model", session=SEQUENTIAL_SESSION, layer="0")
    expect(page.locator('table[data-table="layer"] tr[data-key="attr.in_features"]')).to_be_attached()
    assert row_value(page, "layer", "attr.in_features") == str(runs_module.FEATURES)
    assert row_value(page, "layer", "attr.out_features") == "32"
    open_page(page, server, "model", session=SEQUENTIAL_SESSION, layer="4")
    expect(page.locator('table[data-table="layer"] tr[data-key="attr.p"]')).to_be_attached()
    assert row_value(page, "layer", "attr.p") == "0.1"


def test_layer_graph_box_shows_every_layer_of_a_ten_layer_model(page: Page, server: UIServer) -> None:
    open_page(page, server, "model", session=SEQUENTIAL_SESSION)
    nodes = page.locator("train-model train-layer-graph [data-layer]")
    expect(nodes).to_have_count(10)
    graph = page.locator("train-model train-layer-graph")
    box = graph.evaluate(
        "el => { const g = el.shadowRoot.querySelector('.graph'); const r = g.getBoundingClientRect();"
        " return {top: r.top, bottom: r.bottom, client: g.clientHeight, scroll: g.scrollHeight}; }"
    )
    assert box["scroll"] <= box["client"] + 1, f"the graph box scrolls its layers out of view: {box}"
    for i in range(10):
        node = page.locator(f'train-model train-layer-graph [data-layer="{i}"]').bounding_box()
        assert node is not None
        assert box["top"] <= node["y"] and node["y"] + node["height"] <= box["bottom"] + 1, (i, node, box)


# ------------------------------------------------------------------------------------ system page


def test_system_page_shows_memory_in_bytes_and_minibatches_on_their_own_chart(page: Page, server: UIServer) -> None:
    system = get_json(f"{server.url}/api/v1/system?session={MLP_SESSION}")
    open_page(page, server, "system", session=MLP_SESSION)
    assert ready_points(page, "memory-bytes") > 0
    bytes_chart = chart(page, "memory-bytes")
    unit = bytes_chart.get_attribute("data-unit")
    assert unit in ("MiB", "GiB")
    shown = bytes_chart.evaluate("el => el.series[0].values.at(-1)")
    rss = system["memory"]["process_rss_bytes"]["values"][-1]
    assert shown == pytest.approx(rss / 2 ** (30 if unit == "GiB" else 20))
    assert page.locator("train-system h2", has_text=f"({unit})").count() == 1

    assert ready_points(page, "throughput") > 0 and ready_points(page, "minibatches") > 0
    examples = plain(" ".join(series_labels(page, "throughput")))
    minibatches = plain(" ".join(series_labels(page, "minibatches")))
    assert examples == "Examples/sec" and minibatches == "Minibatches/sec"


# ------------------------------------------------------------------------------------ CJK font

# Draws each character on a canvas in `font` and returns its pixels' checksum: missing glyphs
# all draw the same box ("tofu"), real ones differ.
_GLYPHS_JS = """([font, chars]) => chars.map((ch) => {
  const c = document.createElement('canvas'); c.width = 40; c.height = 40;
  const g = c.getContext('2d'); g.font = '28px ' + font; g.fillStyle = '#000'; g.textBaseline = 'top';
  g.fillText(ch, 4, 4);
  const d = g.getImageData(0, 0, 40, 40).data; let h = 0;
  for (let i = 3; i < d.length; i += 4) h = (h * 31 + d[i]) >>> 0;
  return h;
})"""


def test_chinese_page_names_a_cjk_font_and_draws_its_glyphs(page: Page, server: UIServer, tmp_path: Path) -> None:
    open_page(page, server, "overview", session=MLP_SESSION)
    page.locator('train-app select[name="lang"]').select_option("zh")
    heading = page.locator("train-overview h2", has_text="模型得分与迭代")
    expect(heading).to_have_count(1)
    font = heading.evaluate("el => getComputedStyle(el).fontFamily")
    assert re.search(r"Noto Sans CJK SC|Source Han Sans SC|PingFang SC|Microsoft YaHei", font), font
    ready_points(page, "score")
    page.screenshot(path=str(tmp_path / "overview-zh.png"), full_page=True)
    page.evaluate("document.fonts.ready")
    sums = page.evaluate(_GLYPHS_JS, [font, ["模", "型", "得", "分", "\U0010fffd"]])
    *cjk, missing = sums
    assert len(set(cjk)) == len(cjk), f"Chinese characters draw the same shape (tofu): {sums}"
    assert missing not in cjk, f"a Chinese character draws like a missing glyph: {sums}"


# ------------------------------------------------------------------------------------ bidi


def test_names_with_a_right_to_left_override_render_isolated(page: Page, server: UIServer) -> None:
    open_page(page, server, "model", session=BIDI_SESSION, layer=BIDI)
    option = page.locator(f'train-app select[name="session"] option[value="{BIDI_SESSION}"]')
    label = option.text_content() or ""
    assert f"{FSI}{BIDI_SESSION_NAME}{PDI}" in label, repr(label)
    # The layer table: the name sits in a <bdi>, isolated from the rest of the row.
    cell = page.locator('train-model table[data-table="layer"] tr[data-key="name"] td bdi')
    expect(cell).to_have_text(BIDI)
    assert cell.evaluate("el => getComputedStyle(el).unicodeBidi") == "isolate"
    # Tabs and the graph: the name comes wrapped in FSI ... PDI.
    tab = page.locator(f'train-model button[role="tab"][data-param="{BIDI}.weight"]')
    assert f"{FSI}{BIDI}.weight{PDI}" in (tab.text_content() or "")
    node = page.locator(f'train-model train-layer-graph [data-layer="{BIDI}"]')
    assert f"({FSI}{BIDI}{PDI})" in (node.text_content() or "")
    # Legends: the chart labels are isolated too.
    labels = chart(page, "mean-mag").evaluate("el => el.series.map(s => s.label)")
    assert f"{FSI}{BIDI}.weight{PDI}" in labels, labels


# ------------------------------------------------------------------------------------ log toggles


@pytest.mark.parametrize(
    ("name", "query"),
    [("overview", {}), ("model", {"layer": "0"}), ("system", {})],
)
def test_every_log_toggle_on_every_page_draws_in_both_scales(
    page: Page, server: UIServer, name: str, query: dict[str, str]
) -> None:
    open_page(page, server, name, session=SEQUENTIAL_SESSION, **query)
    first = {"overview": "score", "model": "mean-mag", "system": "memory"}[name]
    ready_points(page, first)
    page.wait_for_timeout(300)  # the other charts of the page draw too
    charts = page.locator(f"train-{name} train-line-chart[data-ready]")
    toggled = 0
    for i in range(charts.count()):
        one = charts.nth(i)
        button = one.locator('[part="toolbar"] button', has_text="Log scale")
        if button.count() == 0:
            continue
        toggled += 1
        button.click()
        expect(one).to_have_attribute("log-y", "")
        assert int(one.get_attribute("data-points") or 0) > 0, (
            f"chart {one.get_attribute('data-chart')} is blank on log"
        )
        button.click()
        expect(one).not_to_have_attribute("log-y", "")
        assert int(one.get_attribute("data-points") or 0) > 0
    assert toggled > 0, f"the {name} page offers no log toggle"
    # The page fixture fails the test on any page error or console error.
