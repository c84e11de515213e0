"""The model page's ONNX graph (``<train-layer-graph>`` given ``onnx``, drawn by ``<onnx-graph-view>``).

Real runs: a small ResNet-like CNN (a stem, ``layer1`` of two residual blocks, a pooling and a
classifier) trained for a few iterations by the real StatsListener, its ONNX file exported by
``torch.onnx.export`` and stored with the session (``attach(graph=...)``); the same model in a
second session without one, shown with the graph given at serve time (``UIServer(graphs=...)``);
and a 320-node graph written with ``onnx.helper`` for the collapsed opening. What is checked is
what a person sees and does: the groups, the shapes on the edges, a click on a group showing
that layer's charts, search, opening and closing groups with the mouse and the keyboard, and the
layout running in a Web Worker under the page's Content-Security-Policy, also for a portal of
another origin.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import torch
from playwright.sync_api import Browser, Locator, Page, expect

from fitscope import FileStatsStorage, StatsListener
from fitscope.onnx_graph import OnnxGraph, read_onnx
from fitscope.server import UIServer

from .conftest import (
    BUNDLE,
    MODEL_CHARTS,
    STOPPED_SERVERS,
    BrowserLog,
    check_bundle,
    open_page,
    ready_points,
    row_value,
)

AXE = Path(__file__).resolve().parents[2] / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
SESSION = "cnn"
PLAIN_SESSION = "cnn-plain"  # the same model, no graph stored: the server is given it
VIEW = "train-model train-layer-graph onnx-graph-view"
TIMES = "\u00d7"  # MULTIPLICATION SIGN: the view writes a shape 4 TIMES 8 TIMES 16
ZH_COMMA = "\uff0c"


class Block(torch.nn.Module):
    """A residual block: conv, batch norm, ReLU, conv, batch norm, the skip connection, ReLU."""

    def __init__(self, channels: int) -> None:
        super().__init__()
        self.conv1 = torch.nn.Conv2d(channels, channels, 3, padding=1, bias=False)
        self.bn1 = torch.nn.BatchNorm2d(channels)
        self.relu = torch.nn.ReLU()
        self.conv2 = torch.nn.Conv2d(channels, channels, 3, padding=1, bias=False)
        self.bn2 = torch.nn.BatchNorm2d(channels)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y = self.relu(self.bn1(self.conv1(x)))
        out: torch.Tensor = self.relu(self.bn2(self.conv2(y)) + x)
        return out


class SmallResNet(torch.nn.Module):
    """conv1, bn1, relu, layer1 (two blocks), pool, fc: module names as torchvision's ResNet has."""

    def __init__(self) -> None:
        super().__init__()
        self.conv1 = torch.nn.Conv2d(3, 8, 3, padding=1, bias=False)
        self.bn1 = torch.nn.BatchNorm2d(8)
        self.relu = torch.nn.ReLU()
        self.layer1 = torch.nn.Sequential(Block(8), Block(8))
        self.pool = torch.nn.AdaptiveAvgPool2d(1)
        self.fc = torch.nn.Linear(8, 3)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.layer1(self.relu(self.bn1(self.conv1(x))))
        out: torch.Tensor = self.fc(torch.flatten(self.pool(x), 1))
        return out


def _train(storage: FileStatsStorage, session: str, graph: Path | None) -> None:
    torch.manual_seed(0)
    model = SmallResNet()
    x = torch.randn(4, 3, 16, 16)
    y = torch.tensor([0, 1, 2, 0])
    opt = torch.optim.SGD(model.parameters(), lr=0.05)
    listener = StatsListener(storage, frequency=1, session_id=session, worker_id="w0", close_sinks=False)
    listener.attach(model, opt, example_input=x, graph=graph)
    for _ in range(4):
        opt.zero_grad()
        loss = torch.nn.functional.cross_entropy(model(x), y)
        loss.backward()
        opt.step()
        listener.iteration_done(loss, batch_size=4)
    listener.close()


@pytest.fixture(scope="module")
def onnx_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The CNN exported by the TorchScript exporter (fast; node names carry the module path)."""
    path = tmp_path_factory.mktemp("onnx") / "small_resnet.onnx"
    torch.manual_seed(0)
    with pytest.warns(DeprecationWarning):  # torch says the TorchScript exporter is the old one
        torch.onnx.export(
            SmallResNet(), (torch.randn(4, 3, 16, 16),), str(path), dynamo=False, do_constant_folding=False
        )
    return path


@pytest.fixture(scope="module")
def storage(tmp_path_factory: pytest.TempPathFactory, onnx_file: Path) -> Iterator[FileStatsStorage]:
    """Both sessions in one file: ``cnn`` with its graph stored, ``cnn-plain`` without."""
    store = FileStatsStorage(tmp_path_factory.mktemp("onnx-runs") / "runs.fitscope")
    _train(store, SESSION, onnx_file)
    _train(store, PLAIN_SESSION, None)
    yield store
    store.close()


@contextmanager
def _serve(storage: FileStatsStorage, **kwargs: Any) -> Iterator[UIServer]:
    """A started UIServer (``port=0``) showing ``storage``, with the bundle checked."""
    with UIServer(port=0, **kwargs) as ui:
        ui.attach(storage)
        STOPPED_SERVERS.discard(ui.url)
        check_bundle(ui.url)
        try:
            yield ui
        finally:
            STOPPED_SERVERS.add(ui.url)


@pytest.fixture(scope="module")
def server(storage: FileStatsStorage, onnx_file: Path) -> Iterator[UIServer]:
    """The server, given the graph for ``cnn-plain`` (``graphs=``)."""
    with _serve(storage, graphs={PLAIN_SESSION: read_onnx(onnx_file)}) as ui:
        yield ui


# ---------------------------------------------------------------------------------------- helpers


def shape(*dims: int) -> str:
    """A shape as the view labels it."""
    return TIMES.join(str(d) for d in dims)


def open_graph(page: Page, server: UIServer, session: str = SESSION, **query: str) -> Locator:
    """Opens the model page and waits until the ONNX graph is drawn; returns the view."""
    open_page(page, server, "model", session=session, **query)
    view = page.locator(f'{VIEW}[data-state="ready"]')
    expect(view).to_have_count(1)
    return view


def box(page: Page, key: str) -> Locator:
    """The box (or an open group's header) of box key ``key`` (``g:layer1``, ``n:n12``, ``i:input.1``)."""
    return page.locator(f'{VIEW} g[data-key="{key}"]')


def toggle(page: Page, group: str) -> None:
    """Clicks the + (or an open group's minus) of ``group`` and waits for the new layout."""
    box(page, f"g:{group}").locator(".toggle-hit").click()
    expect(page.locator(f'{VIEW}[data-state="ready"]')).to_have_count(1)


def shown_keys(page: Page) -> set[str]:
    """Box keys drawn now (boxes and open groups' headers)."""
    keys = page.locator(f"{VIEW} g[data-key]").evaluate_all("els => els.map(e => e.dataset.key)")
    return set(keys)


FOCUSED_JS = """() => {
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  return el && el.dataset ? (el.dataset.key ?? null) : null;
}"""


def focused(page: Page) -> str | None:
    """The box key of the focused element, through the shadow roots."""
    key = page.evaluate(FOCUSED_JS)
    return None if key is None else str(key)


def selected_layer(page: Page) -> str | None:
    """``<train-model>``'s selected layer."""
    value = page.locator("train-app train-model").evaluate("el => el.layer")
    return None if value is None else str(value)


# ---------------------------------------------------------------------------------------- tests


def test_the_model_page_shows_the_onnx_graph_grouped_into_modules(page: Page, server: UIServer) -> None:
    view = open_graph(page, server)
    expect(page.locator("train-model train-layer-graph")).to_have_attribute("data-view", "onnx")
    expect(page.locator("train-model h2").first).to_have_text("Model graph (ONNX)")
    keys = shown_keys(page)
    # 38 nodes: small, so the container layer1 opens one level; the leaf modules stay boxes.
    assert {"g:conv1", "g:bn1", "g:relu", "g:layer1", "g:layer1.0", "g:layer1.1", "g:pool", "g:fc"} <= keys
    assert "i:input.1" in keys
    expect(box(page, "g:layer1")).to_have_attribute("data-kind", "header")
    expect(box(page, "g:layer1.0")).to_have_attribute("data-kind", "group")
    expect(box(page, "g:conv1")).to_have_attribute("aria-label", "conv1, Conv2d, 1 node")
    expect(box(page, "g:layer1.0")).to_have_attribute("role", "button")
    # the edges carry their values' shapes
    labels = page.locator(f"{VIEW} text.elabel").all_text_contents()
    assert shape(4, 3, 16, 16) in labels and shape(4, 8, 16, 16) in labels and shape(4, 3) in labels, labels
    # the layout ran in a worker, allowed by the page's CSP (default-src 'self')
    expect(view).to_have_attribute("data-layout-mode", "worker")
    assert int(view.get_attribute("data-first-view-ms") or "-1") >= 0
    # with nothing selected, the panel describes the model
    assert row_value(page, "onnx-model", "source") == "small_resnet.onnx"
    assert row_value(page, "onnx-model", "grouping").startswith("node names")


def test_clicking_a_group_shows_that_layers_charts(page: Page, server: UIServer) -> None:
    open_graph(page, server)
    page.evaluate(
        "() => { window.__selected = [];"
        " document.addEventListener('train-layer-select', e => window.__selected.push(e.detail.layer)); }"
    )
    box(page, "g:conv1").click()
    expect(box(page, "g:conv1")).to_have_attribute("aria-pressed", "true")
    expect(page.locator('train-model table[data-table="layer"] tr').first).to_contain_text("conv1")
    assert selected_layer(page) == "conv1"
    for chart in MODEL_CHARTS:
        assert ready_points(page, chart) > 0, f"model chart {chart!r} drew nothing for conv1"
    # the group's panel: its module type and parameter
    assert row_value(page, "onnx-group", "type") == "Conv2d"
    assert row_value(page, "onnx-group", "layer") == "conv1"
    assert row_value(page, "onnx-parameters", "conv1.weight") == f"float32 {shape(8, 3, 3, 3)}"
    page.locator(f'{VIEW} button[data-action="fit"]').click()  # fc is below the first view
    box(page, "g:fc").click()  # a second click replaces the first layer's view
    expect(page.locator('train-model table[data-table="layer"] tr').first).to_contain_text("fc")
    assert page.evaluate("window.__selected") == ["conv1", "fc"]


def test_a_node_selects_the_layer_around_it_and_shows_its_attributes(page: Page, server: UIServer) -> None:
    open_graph(page, server)
    toggle(page, "layer1.0")
    toggle(page, "layer1.0.conv1")
    node = page.locator(f'{VIEW} g[data-kind="node"][aria-label^="Conv node /layer1/layer1.0/conv1/"]')
    expect(node).to_have_count(1)
    node.click()
    expect(page.locator('train-model table[data-table="layer"] tr').first).to_contain_text("layer1.0.conv1")
    assert row_value(page, "onnx-node", "op_type") == "Conv"
    assert row_value(page, "onnx-node", "layer") == "layer1.0.conv1"
    assert row_value(page, "onnx-attributes", "attr.kernel_shape") == "[3, 3]"
    assert row_value(page, "onnx-attributes", "attr.pads") == "[1, 1, 1, 1]"
    assert row_value(page, "onnx-inputs", "0") == f"float32 {shape(4, 8, 16, 16)}"
    assert row_value(page, "onnx-outputs", "0") == f"float32 {shape(4, 8, 16, 16)}"
    # the weight is an initializer, with its shape
    assert row_value(page, "onnx-inputs", "1") == f"float32 {shape(8, 8, 3, 3)} (initializer)"


def test_opening_and_closing_a_group_shows_and_hides_its_children(page: Page, server: UIServer) -> None:
    view = open_graph(page, server)
    before = shown_keys(page)
    assert "g:layer1.0.conv1" not in before
    toggle(page, "layer1.0")
    after = shown_keys(page)
    assert {"g:layer1.0.conv1", "g:layer1.0.bn1", "g:layer1.0.relu", "g:layer1.0.conv2", "g:layer1.0.bn2"} <= after
    expect(box(page, "g:layer1.0")).to_have_attribute("data-kind", "header")
    expect(box(page, "g:layer1.0")).to_have_attribute("aria-expanded", "true")
    # the residual Add sits directly in the block, between its last batch norm and the ReLU
    expect(page.locator(f'{VIEW} g[data-kind="node"][aria-label^="Add node /layer1/layer1.0/"]')).to_have_count(1)
    assert int(view.get_attribute("data-view-ms") or "-1") >= 0
    toggle(page, "layer1.0")
    assert shown_keys(page) == before
    expect(box(page, "g:layer1.0")).to_have_attribute("data-kind", "group")


def test_search_opens_the_groups_around_the_matches_and_enter_walks_them(page: Page, server: UIServer) -> None:
    view = open_graph(page, server)
    search = page.locator(f"{VIEW} input[type=search]")
    search.fill("BatchNormalization")
    expect(view).to_have_attribute("data-matches", "5")  # bn1 and four in the blocks
    expect(page.locator(f'{VIEW}[data-state="ready"]')).to_have_count(1)
    count = page.locator(f"{VIEW} .toolbar .count")
    expect(count).to_have_text("1 of 5")
    hits = page.locator(f'{VIEW} g.hit[data-kind="node"]')
    expect(hits).to_have_count(5)
    assert set(hits.evaluate_all("els => els.map(e => e.getAttribute('aria-label').split(' ')[0])")) == {
        "BatchNormalization"
    }
    expect(page.locator(f"{VIEW} g.current")).to_have_count(1)
    search.press("Enter")
    expect(count).to_have_text("2 of 5")
    search.press("Shift+Enter")
    expect(count).to_have_text("1 of 5")
    search.fill("no such op")
    expect(count).to_have_text("No matches")
    expect(page.locator(f"{VIEW} g.hit")).to_have_count(0)


def test_the_keyboard_moves_between_boxes_opens_closes_and_selects(page: Page, server: UIServer) -> None:
    open_graph(page, server)
    box(page, "g:conv1").focus()
    page.keyboard.press("ArrowDown")
    assert focused(page) == "g:bn1"
    page.keyboard.press("ArrowUp")
    assert focused(page) == "g:conv1"
    page.keyboard.press("Enter")  # a leaf group: opens and selects it
    expect(page.locator('train-model table[data-table="layer"] tr').first).to_contain_text("conv1")
    expect(box(page, "g:conv1")).to_have_attribute("data-kind", "header")
    page.keyboard.press("ArrowDown")  # into the open group: its Conv node
    key = focused(page)
    assert key is not None and key.startswith("n:"), key
    page.keyboard.press("Escape")  # closes the group around it, the focus on its box again
    expect(box(page, "g:conv1")).to_have_attribute("data-kind", "group")
    expect(page.locator(f'{VIEW}[data-state="ready"]')).to_have_count(1)
    assert focused(page) == "g:conv1"
    # only one box is in the tab order
    assert page.locator(f'{VIEW} g[data-key][tabindex="0"]').count() == 1


def test_a_graph_given_at_serve_time_shows_for_its_session(page: Page, server: UIServer) -> None:
    open_graph(page, server, session=PLAIN_SESSION)
    assert "g:layer1" in shown_keys(page)
    box(page, "g:bn1").click()
    expect(page.locator('train-model table[data-table="layer"] tr').first).to_contain_text("bn1")


def test_the_layer_in_the_address_selects_its_group(page: Page, server: UIServer) -> None:
    open_graph(page, server, layer="layer1.1.conv2")
    expect(box(page, "g:layer1.1.conv2")).to_have_attribute("aria-pressed", "true")
    assert row_value(page, "onnx-group", "name") == "layer1.1.conv2"


def test_the_view_speaks_chinese(page: Page, server: UIServer) -> None:
    open_graph(page, server, lang="zh")
    expect(page.locator(f"{VIEW} input[type=search]")).to_have_attribute("placeholder", "搜索名称或算子类型")
    expect(box(page, "g:conv1")).to_have_attribute("aria-label", f"conv1{ZH_COMMA}Conv2d{ZH_COMMA}1 个节点")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_graph_has_no_serious_accessibility_violation(browser: Browser, server: UIServer, scheme: str) -> None:
    if not AXE.is_file():
        pytest.fail(f"axe-core is missing ({AXE}): cd frontend && npm ci", pytrace=False)
    # bypass_csp: axe-core is injected as a script, which the pages' policy forbids
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    try:
        page = context.new_page()
        page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
        open_graph(page, server)
        toggle(page, "layer1.0")
        box(page, "g:layer1.0.conv1").click()
        expect(page.locator('train-model table[data-table="layer"] tr').first).to_contain_text("layer1.0.conv1")
        page.locator(f"{VIEW} input[type=search]").fill("Relu")
        expect(page.locator(f'{VIEW}[data-state="ready"]')).to_have_count(1)
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
        violations = page.evaluate(
            """async () => {
              const r = await axe.run(document, { resultTypes: ["violations"] });
              return r.violations
                .filter((v) => v.impact === "serious" || v.impact === "critical")
                .map((v) => ({ id: v.id, help: v.help,
                               nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" >>> ")) }));
            }"""
        )
        assert violations == [], violations
    finally:
        context.close()


# ---------------------------------------------------------------------------------------- a large graph


def _wide_graph(path: Path, blocks: int = 40, per_block: int = 8) -> OnnxGraph:
    """``blocks`` modules of ``per_block`` Relu nodes in a chain, named ``/stage/stage.i/act/Relu_j``."""
    import onnx
    from onnx import TensorProto, helper

    nodes = []
    prev = "x"
    for b in range(blocks):
        for j in range(per_block):
            out = f"v{b}_{j}"
            nodes.append(helper.make_node("Relu", [prev], [out], name=f"/stage/stage.{b}/act/Relu_{j}"))
            prev = out
    graph = helper.make_graph(
        nodes,
        "wide",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 16])],
        [helper.make_tensor_value_info(prev, TensorProto.FLOAT, [1, 16])],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    onnx.save(model, str(path))
    return read_onnx(path)


def test_a_large_graph_opens_collapsed_to_its_top_level_groups(
    page: Page, storage: FileStatsStorage, tmp_path: Path
) -> None:
    graph = _wide_graph(tmp_path / "wide.onnx")  # 320 nodes: more than the 200 that open expanded
    with _serve(storage, graphs={"*": graph}) as ui:
        view = open_graph(page, ui, session=PLAIN_SESSION)
        # one top-level module (stage) opens by itself; its 40 blocks stay closed
        expect(view).to_have_attribute("data-clusters", "1")
        keys = shown_keys(page)
        assert sum(1 for k in keys if k.startswith("g:stage.")) == 40
        assert not any(k.startswith("n:") for k in keys)
        toggle(page, "stage.3")
        assert sum(1 for k in shown_keys(page) if k.startswith("g:stage.3.")) == 1  # stage.3.act


# ---------------------------------------------------------------------------------------- a portal


PORTAL_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>portal</title><link rel="icon" href="data:,">
{policy}<script type="module" crossorigin src="{bundle}"></script></head>
<body><h1>A portal</h1><train-model api-base="{ui}" session="{session}"></train-model></body></html>
"""


NO_WORKERS = """<meta http-equiv="Content-Security-Policy" content="worker-src 'none'">"""


class _Portal(BaseHTTPRequestHandler):
    """``GET /``: the portal's page; ``GET /strict``: the same under a policy forbidding workers."""

    ui = ""

    def do_GET(self) -> None:
        policy = NO_WORKERS if self.path == "/strict" else ""
        body = PORTAL_PAGE.format(ui=self.ui, bundle=self.ui + BUNDLE, session=SESSION, policy=policy).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def portal() -> Iterator[str]:
    """The portal's origin, ``http://127.0.0.1:<port>``."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Portal)
    threading.Thread(target=httpd.serve_forever, name="portal", daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_a_portal_of_another_origin_lays_the_graph_out_in_a_worker(
    page: Page, storage: FileStatsStorage, portal: str
) -> None:
    with _serve(storage, cors_origins=(portal,)) as ui:
        _Portal.ui = ui.url
        page.goto(f"{portal}/")
        view = page.locator('train-model train-layer-graph onnx-graph-view[data-state="ready"]')
        expect(view).to_have_count(1)
        # a worker of another origin's file cannot start: a blob: worker imports it instead
        expect(view).to_have_attribute("data-layout-mode", "worker")
        page.locator(f'{VIEW} button[data-action="fit"]').click()
        box(page, "g:fc").click()
        expect(page.locator('train-model table[data-table="layer"] tr').first).to_contain_text("fc")


def test_a_portal_that_forbids_workers_lays_the_graph_out_in_the_page(
    page: Page, storage: FileStatsStorage, portal: str, browser_log: BrowserLog
) -> None:
    browser_log.allow(r"worker-src 'none'")  # Chromium reports the refused worker on the console
    with _serve(storage, cors_origins=(portal,)) as ui:
        _Portal.ui = ui.url
        page.goto(f"{portal}/strict")
        view = page.locator('train-model train-layer-graph onnx-graph-view[data-state="ready"]')
        expect(view).to_have_count(1)
        expect(view).to_have_attribute("data-layout-mode", "page")
        toggle(page, "layer1.0")
        assert "g:layer1.0.conv1" in shown_keys(page)
