"""The embedding projector (``/train/projector``, ``<embedding-projector>``) in a real Chromium.

Real servers showing real embedding stores: a small vocabulary in clusters (animals, cities,
colours, filler words, one word whose vector is NaN) with a given layout, a bigger embedding
whose t-SNE runs long enough to be watched and cancelled, an empty server, a portal of another
origin, and 100,000 points for the timings (printed, not asserted).
"""

from __future__ import annotations

import re
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import requests
from playwright.sync_api import Browser, Locator, Page, expect

from fitscope.projector import InMemoryEmbeddingStore
from fitscope.server import UIServer

from .conftest import BUNDLE, STOPPED_SERVERS, check_bundle, get_json, wait_until

WRITE = {"X-Fitscope-Request": "1"}
AXE = Path(__file__).resolve().parents[2] / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
VIEW = "embedding-projector-view"
CLUSTERS = {
    "animal": ["cat", "dog", "horse", "cow", "sheep", "tiger", "lion", "mouse", "rabbit", "wolf"],
    "city": ["paris", "london", "berlin", "rome", "madrid", "vienna", "prague", "oslo", "dublin", "lisbon"],
    "colour": ["red", "green", "blue", "yellow", "purple", "orange", "pink", "brown", "black", "white"],
}
FILLER = [f"word{i}" for i in range(150)] + ["concatenate", "catalogue", "Cathedral", "lonely", "broken"]
NAN_WORD = "broken"  # its vector is NaN: no layout places it
LONELY = "lonely"  # far from the others on the map, so a click finds it


# ---------------------------------------------------------------------------------------- data


def _vocabulary() -> tuple[list[str], np.ndarray, np.ndarray, list[str], list[float]]:
    """Labels, vectors (clusters in 16-D), a 2-D layout, a group column and a numeric column."""
    rng = np.random.default_rng(7)
    labels: list[str] = []
    groups: list[str] = []
    vectors: list[np.ndarray] = []
    coords: list[np.ndarray] = []
    for k, (group, words) in enumerate(CLUSTERS.items()):
        centre = rng.normal(size=16) * 4
        place = np.array([np.cos(2 * np.pi * k / 3), np.sin(2 * np.pi * k / 3)]) * 6
        for word in words:
            labels.append(word)
            groups.append(group)
            vectors.append(centre + rng.normal(size=16))
            coords.append(place + rng.normal(size=2) * 0.8)
    for word in FILLER:
        labels.append(word)
        groups.append("filler")
        vectors.append(rng.normal(size=16) * 4)
        coords.append(rng.uniform(-8, 8, size=2))
    v = np.array(vectors, dtype=np.float32)
    c = np.array(coords)
    v[labels.index(NAN_WORD)] = np.nan
    c[labels.index(NAN_WORD)] = np.nan
    c[labels.index(LONELY)] = [40.0, 0.0]
    return labels, v, c, groups, [float(i % 7) for i in range(len(labels))]


LABELS, VECTORS, COORDS, GROUPS, FREQ = _vocabulary()


@pytest.fixture(scope="module")
def store() -> InMemoryEmbeddingStore:
    """The small vocabulary with its given layout, and the bigger embedding for the t-SNE."""
    s = InMemoryEmbeddingStore()
    words = s.add(VECTORS, LABELS, metadata={"group": GROUPS, "freq": FREQ}, name="words")
    s.add_layout(words.id, COORDS, method="uploaded", layout_id="given")
    rng = np.random.default_rng(3)
    s.add(rng.normal(size=(3000, 8)).astype(np.float32), [f"b{i}" for i in range(3000)], name="big")
    return s


@pytest.fixture(scope="module")
def server(store: InMemoryEmbeddingStore) -> Iterator[UIServer]:
    """A server showing ``store``."""
    with _serve(embeddings=[store]) as ui:
        yield ui


@contextmanager
def _serve(**kwargs: Any) -> Iterator[UIServer]:
    """A started UIServer (``port=0``) with the bundle checked, as ``conftest.serve`` does."""
    with UIServer(port=0, **kwargs) as ui:
        STOPPED_SERVERS.discard(ui.url)  # a free port may be handed out again
        check_bundle(ui.url)
        try:
            yield ui
        finally:
            STOPPED_SERVERS.add(ui.url)


def _words_id(server: UIServer) -> str:
    (entry,) = [e for e in get_json(f"{server.url}/api/v1/embeddings")["embeddings"] if e["name"] == "words"]
    return str(entry["id"])


# ---------------------------------------------------------------------------------------- page helpers


def open_projector(page: Page, server: UIServer, **query: str) -> Locator:
    """Opens ``/train/projector`` and waits until the map has drawn; returns the view."""
    qs = "&".join(f"{k}={v}" for k, v in query.items())
    page.goto(f"{server.url}/train/projector" + (f"?{qs}" if qs else ""))
    view = page.locator(f"train-app embedding-projector {VIEW}")
    _wait_drawn(view)
    return view


def _wait_drawn(view: Locator, timeout_s: float = 30) -> None:
    """Waits until the map has drawn; fails with the element's own message when it cannot draw."""
    failed = view.locator(".plot .nogl")
    wait_until(lambda: view.get_attribute("data-ready") is not None or failed.count() > 0, timeout_s, "the map")
    if failed.count() > 0:
        pytest.fail(f"The projector cannot draw its map: {text(failed)}", pytrace=False)


def text(loc: Locator) -> str:
    """What a person reads there: the text without bidi isolation marks, spaces collapsed."""
    return re.sub(r"\s+", " ", (loc.text_content() or "").replace("\u2068", "").replace("\u2069", "")).strip()


# The visible canvas is a 2-D one (regl-scatterplot copies each WebGL frame onto it).
PAINTED_JS = """(view) => {
  const canvas = view.shadowRoot.querySelector('.plot canvas');
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let painted = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
  return painted;
}"""


def screen_position(view: Locator, index: int) -> tuple[float, float]:
    """Where point ``index`` of the words layout is drawn before any pan or zoom (page px).

    The element scales the layout into [-0.95, 0.95] around its bounding box's centre, one scale
    for both axes; regl-scatterplot shows [-1, 1] across the canvas' smaller side, centred.
    """
    finite = COORDS[np.isfinite(COORDS).all(axis=1)]
    lo, hi = finite.min(axis=0), finite.max(axis=0)
    centre, half = (lo + hi) / 2, (hi - lo).max() / 2
    x, y = (COORDS[index] - centre) * 0.95 / half
    box = view.locator(".plot canvas").bounding_box()
    assert box is not None
    unit = min(box["width"], box["height"]) / 2
    return box["x"] + box["width"] / 2 + x * unit, box["y"] + box["height"] / 2 - y * unit


# ---------------------------------------------------------------------------------------- tests


def test_the_map_draws_every_placed_point_and_says_how_many_are_not(page: Page, server: UIServer) -> None:
    view = open_projector(page, server)
    expect(view).to_have_attribute("data-embedding", _words_id(server))
    expect(view).to_have_attribute("data-points", str(len(LABELS) - 1))
    expect(view).to_have_attribute("data-unplaced", "1")
    assert text(view.locator('[part="nonfinite"]')) == "1 point not placed: a non-finite vector"
    assert text(view.locator("[data-summary]")) == f"{len(LABELS)} points, 16 dimensions"
    wait_until(lambda: view.evaluate(PAINTED_JS) > 200, 10, "painted pixels on the map's canvas")
    nav = page.locator('train-app [part="nav"] a[data-page="projector"]')
    expect(nav).to_have_attribute("aria-current", "page")
    # The projector needs no session: the shell shows no session or worker menu.
    expect(page.locator('train-app select[name="session"]')).to_be_hidden()


def test_search_counts_matches_and_choosing_a_word_lists_its_server_neighbours(page: Page, server: UIServer) -> None:
    view = open_projector(page, server)
    box = view.locator('input[name="search"]')
    box.fill("cat")
    expected = [w for w in LABELS if "cat" in w.lower()]
    expect(view).to_have_attribute("data-matches", str(len(expected)))
    assert text(view.locator("[data-count]")) == f"{len(expected)} matches"
    results = view.locator('#results [role="option"]')
    expect(results).to_have_count(len(expected))
    assert text(results.first) == "cat"  # the word itself first
    box.press("Enter")
    neighbours = view.locator('ol[data-list="neighbors"] button')
    expect(neighbours).to_have_count(10)
    answer = get_json(f"{server.url}/api/v1/embeddings/{_words_id(server)}/neighbors?index={LABELS.index('cat')}&k=10")
    shown = [(text(b.locator("bdi")), text(b.locator(".num"))) for b in neighbours.all()]
    assert shown == [(n["label"], f"{n['similarity']:.3f}") for n in answer["neighbors"]]
    assert {label for label, _ in shown[:5]} <= set(CLUSTERS["animal"])  # the cluster it belongs to
    assert text(view.locator('[part="neighbors"] [data-heading]')) == "Nearest neighbours of cat"

    box.fill("/^c.t$/")
    expect(view).to_have_attribute("data-matches", "1")
    assert text(view.locator("[data-count]")) == "1 match"
    box.fill("/([a-z/")  # not a regular expression: a message, no exception
    expect(view.locator("[data-invalid]")).to_contain_text("Not a valid regular expression")
    expect(view).to_have_attribute("data-matches", "0")
    box.fill("^CAT")
    view.locator('input[name="regex"]').check()
    expect(view).to_have_attribute("data-matches", "3")  # cat, catalogue, Cathedral (any case)


def test_the_results_list_works_from_the_keyboard(page: Page, server: UIServer) -> None:
    view = open_projector(page, server)
    box = view.locator('input[name="search"]')
    box.focus()
    page.keyboard.type("o")
    expect(box).to_have_attribute("aria-activedescendant", "result-0")
    page.keyboard.press("ArrowDown")
    expect(box).to_have_attribute("aria-activedescendant", "result-1")
    second = view.locator("#result-1")
    expect(second).to_have_attribute("aria-selected", "true")
    word = text(second)
    page.keyboard.press("Enter")
    expect(view.locator('[part="neighbors"] [data-heading]')).to_have_text(re.compile(re.escape(word)))
    # The list itself is focusable (after the Regex toggle) and takes the same keys.
    page.keyboard.press("Tab")
    expect(view.locator('input[name="regex"]')).to_be_focused()
    page.keyboard.press("Tab")
    expect(view.locator("#results")).to_be_focused()
    page.keyboard.press("End")
    last = view.locator('#results [role="option"]').last
    expect(last).to_have_attribute("aria-selected", "true")
    page.keyboard.press("Enter")
    expect(view.locator('[part="neighbors"]')).to_have_attribute("data-picked", last.get_attribute("data-index") or "")


def test_hovering_names_a_point_and_clicking_it_lists_its_neighbours(page: Page, server: UIServer) -> None:
    view = open_projector(page, server)
    x, y = screen_position(view, LABELS.index(LONELY))
    page.mouse.move(x - 200, y)
    page.mouse.move(x, y, steps=5)
    expect(view.locator('[part="tooltip"]')).to_have_text(LONELY)
    page.mouse.click(x, y)
    expect(view.locator('[part="neighbors"]')).to_have_attribute("data-picked", str(LABELS.index(LONELY)))
    expect(view.locator('ol[data-list="neighbors"] button')).to_have_count(10)


def test_colour_by_a_column_shows_its_legend(page: Page, server: UIServer) -> None:
    view = open_projector(page, server)
    view.locator('select[name="color-by"]').select_option("group")
    legend = view.locator('[part="legend"]')
    expect(legend).to_have_attribute("data-kind", "categorical")
    rows = legend.locator("li[data-value]")
    expect(rows).to_have_count(len(set(GROUPS)))
    shown = {r.get_attribute("data-value"): int(text(r.locator(".num"))) for r in rows.all()}
    assert shown == dict(Counter(GROUPS))
    colours = {r.locator(".swatch").evaluate("e => getComputedStyle(e).backgroundColor") for r in rows.all()}
    assert len(colours) == len(set(GROUPS))
    view.locator('select[name="color-by"]').select_option("freq")
    expect(legend).to_have_attribute("data-kind", "numeric")
    assert (text(legend.locator("[data-min]")), text(legend.locator("[data-max]"))) == ("0", "6")


def test_a_lasso_selects_the_points_inside_and_lists_them(page: Page, server: UIServer) -> None:
    view = open_projector(page, server)
    view.locator('button[data-action="lasso"]').click()
    expect(view.locator('button[data-action="lasso"]')).to_have_attribute("aria-pressed", "true")
    box = view.locator(".plot canvas").bounding_box()
    assert box is not None
    x0, y0, w, h = box["x"] + 4, box["y"] + 4, box["width"] - 8, box["height"] - 8
    page.mouse.move(x0, y0)
    page.mouse.down()
    for px, py in [(x0 + w, y0), (x0 + w, y0 + h), (x0, y0 + h), (x0, y0 + 1)]:
        page.mouse.move(px, py, steps=12)
    page.mouse.up()
    selection = view.locator('[part="selection"]')
    expect(selection).to_have_attribute("data-selected", str(len(LABELS) - 1))
    expect(selection.locator('[role="status"]')).to_have_text(f"{len(LABELS) - 1} selected")
    expect(selection.locator('ul[data-list="selection"] button')).to_have_count(100)
    selection.locator('button[data-action="clear-selection"]').click()
    expect(selection).to_have_count(0)


def test_compute_layout_asks_the_server_and_shows_the_new_layout(page: Page, server: UIServer) -> None:
    view = open_projector(page, server)
    view.locator('[part="compute"] summary').click()
    view.locator('form[data-form="compute"] select[name="method"]').select_option("pca")
    expect(view.locator('form[data-form="compute"] input[name="perplexity"]')).to_have_count(0)
    view.locator('form[data-form="compute"] button[type="submit"]').click()
    expect(view).not_to_have_attribute("data-layout", "given")
    expect(view).to_have_attribute("data-status", "done")
    layout = view.get_attribute("data-layout")
    entry = next(e for e in get_json(f"{server.url}/api/v1/embeddings")["embeddings"] if e["name"] == "words")
    assert [x["method"] for x in entry["layouts"] if x["id"] == layout] == ["pca"]
    expect(view).to_have_attribute("data-ready", "")
    option = view.locator(f'select[name="layout"] option[value="{layout}"]')
    expect(option).to_contain_text("PCA")


def test_a_running_tsne_updates_its_iteration_live_and_can_be_cancelled(page: Page, server: UIServer) -> None:
    big = next(e for e in get_json(f"{server.url}/api/v1/embeddings")["embeddings"] if e["name"] == "big")["id"]
    view = open_projector(page, server)
    view.locator('select[name="embedding"]').select_option(big)
    expect(view).to_have_attribute("data-embedding", big)
    expect(view.locator('[data-note="no-layout"]')).to_be_visible()
    form = view.locator('form[data-form="compute"]')  # open: there is no layout yet
    form.locator('select[name="method"]').select_option("tsne")
    form.locator('input[name="perplexity"]').fill("20")
    started = time.monotonic()
    form.locator('button[type="submit"]').click()
    try:
        expect(view).to_have_attribute("data-status", "running")
        progress = view.locator('[part="progress"][data-status="running"]')
        expect(progress.locator("[data-progress]")).to_have_text(re.compile(r"^t-SNE: iteration [\d,]+ / 1,000$"))
        seen: set[int] = set()

        def two_iterations_shown() -> bool:
            it = int(view.get_attribute("data-iteration") or 0)
            if it > 0:
                seen.add(it)
            return len(seen) >= 2

        wait_until(two_iterations_shown, 60, "two iterations of the running t-SNE on the page")
        expect(progress.locator("[data-kl]")).to_have_text(re.compile(r"^KL divergence \d"))
        expect(view).to_have_attribute("data-points", "3000")  # the snapshot is drawn while it runs
        progress.locator('button[data-action="cancel"]').click()
    finally:
        layout = view.get_attribute("data-layout")
        requests.delete(f"{server.url}/api/v1/embeddings/{big}/layouts/{layout}", headers=WRITE, timeout=30)
    if view.get_attribute("data-status") == "done":
        pytest.fail(f"the t-SNE of 3,000 points ended in {time.monotonic() - started:.1f} s, before Cancel")
    expect(view).to_have_attribute("data-status", "cancelled")
    expect(view.locator('[part="progress"][data-status="cancelled"]')).to_contain_text("cancelled at iteration")
    url = f"{server.url}/api/v1/embeddings/{big}?layout={view.get_attribute('data-layout')}"
    # the job stops at its next progress report (every 50 iterations)
    wait_until(lambda: get_json(url)["layout"]["status"] == "cancelled", 60, "the server's layout cancelled")


def test_the_originals_csv_upload_creates_an_embedding_that_is_then_shown(
    page: Page, server: UIServer, tmp_path: Path
) -> None:
    view = open_projector(page, server)
    upload = view.locator('[part="upload"]')
    upload.locator("summary").click()
    bad = tmp_path / "bad.csv"
    bad.write_text("x,y,label\n1,2,a\n3,abc,b\n")
    upload.locator('select[name="format"]').select_option("xy")
    upload.locator('input[name="file"]').set_input_files(bad)
    upload.locator('button[type="submit"]').click()
    expect(upload.locator('[data-note="upload"]')).to_have_text("Line 3: “abc” is not a number.")

    good = tmp_path / "points.csv"
    good.write_text("x,y,label\n0,0,alpha\n1,0,beta\n0,1,gamma\n1,1,delta\n0.5,0.5,epsilon\n")
    upload.locator('select[name="format"]').select_option("")
    upload.locator('input[name="file"]').set_input_files(good)
    upload.locator('input[name="name"]').fill("five points")
    upload.locator('button[type="submit"]').click()
    expect(view).to_have_attribute("data-points", "5")
    listed = [e for e in get_json(f"{server.url}/api/v1/embeddings")["embeddings"] if e["name"] == "five points"]
    assert len(listed) == 1 and listed[0]["count"] == 5
    expect(view).to_have_attribute("data-embedding", listed[0]["id"])
    expect(view.locator('select[name="embedding"] option:checked')).to_contain_text("five points")
    view.locator('input[name="search"]').fill("eps")
    expect(view.locator('#results [role="option"]')).to_have_text(["epsilon"])


def test_the_address_names_the_embedding_shown(page: Page, server: UIServer) -> None:
    big = next(e for e in get_json(f"{server.url}/api/v1/embeddings")["embeddings"] if e["name"] == "big")["id"]
    page.goto(f"{server.url}/train/projector?embedding={big}")  # the link plot_vocab prints
    view = page.locator(f"train-app embedding-projector {VIEW}")
    expect(view).to_have_attribute("data-embedding", big)
    menu = view.locator('select[name="embedding"]')  # the menu stays: another can be picked
    menu.select_option(_words_id(server))
    expect(view).to_have_attribute("data-embedding", _words_id(server))
    assert f"embedding={_words_id(server)}" in page.url
    page.reload()
    expect(page.locator(f"train-app embedding-projector {VIEW}")).to_have_attribute("data-embedding", _words_id(server))


def test_the_chinese_page_speaks_chinese(page: Page, server: UIServer) -> None:
    view = open_projector(page, server, lang="zh")
    expect(page.locator('train-app [part="nav"] a[data-page="projector"]')).to_have_text("投影")
    assert text(view.locator('[part="search"] h2')) == "搜索"
    assert text(view.locator("[data-summary]")) == f"{len(LABELS)} 个点，16 维"  # noqa: RUF001 (the Chinese comma)
    assert text(view.locator('[part="nonfinite"]')) == "1 个点未放置：向量含非有限值"  # noqa: RUF001 (the Chinese colon)
    view.locator('input[name="search"]').fill("cat")
    expect(view.locator("[data-count]")).to_have_text("4 个匹配")
    expect(view.locator('[part="neighbors"] h2')).to_have_text("最近邻")


def test_a_server_without_embeddings_says_so(page: Page) -> None:
    with _serve() as ui:
        page.goto(f"{ui.url}/train/projector")
        view = page.locator(f"train-app embedding-projector {VIEW}")
        expect(view).to_have_attribute("data-state", "empty")
        expect(view.locator("[data-empty]")).to_contain_text("No embeddings yet")
        expect(view.locator('[part="upload"]')).to_have_attribute("open", "")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_projector_has_no_serious_accessibility_violation(browser: Browser, server: UIServer, scheme: str) -> None:
    # axe-core is injected as a script: a context that bypasses the page's CSP (as test_a11y.py).
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True, color_scheme=scheme)
    try:
        page = context.new_page()
        view = open_projector(page, server)
        view.locator('select[name="color-by"]').select_option("group")
        view.locator('input[name="search"]').fill("cat")
        view.locator('input[name="search"]').press("Enter")
        expect(view.locator('ol[data-list="neighbors"] button')).to_have_count(10)
        view.locator('[part="compute"] summary').click()
        view.locator('[part="upload"] summary').click()
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
        violations = page.evaluate(
            """async () => {
              const r = await axe.run(document, { resultTypes: ["violations"] });
              return r.violations
                .filter((v) => v.impact === "serious" || v.impact === "critical")
                .map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target) }));
            }"""
        )
        assert violations == [], violations
    finally:
        context.close()


# ---------------------------------------------------------------------------------------- embedding


PORTAL_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>portal</title><link rel="icon" href="data:,">
<script type="module" crossorigin src="{ui}{bundle}"></script></head>
<body><h1>A portal</h1>
<embedding-projector api-base="{ui}" embedding="{embedding}" theme="dark"></embedding-projector>
</body></html>
"""


class _Portal(BaseHTTPRequestHandler):
    page = ""

    def do_GET(self) -> None:
        body = self.page.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def test_a_portal_embeds_one_embedding_from_another_origin(page: Page, store: InMemoryEmbeddingStore) -> None:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Portal)
    threading.Thread(target=httpd.serve_forever, name="portal", daemon=True).start()
    portal = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        with _serve(embeddings=[store], cors_origins=(portal,)) as ui:
            _Portal.page = PORTAL_PAGE.format(ui=ui.url, bundle=BUNDLE, embedding=_words_id(ui))
            page.goto(f"{portal}/")
            view = page.locator(f"embedding-projector {VIEW}")
            _wait_drawn(view)
            expect(view).to_have_attribute("theme", "dark")
            expect(view.locator('select[name="embedding"]')).to_have_count(0)  # one embedding, given
            expect(view.locator('[part="upload"]')).to_have_count(0)
            view.locator('input[name="search"]').fill("paris")
            view.locator('input[name="search"]').press("Enter")
            expect(view.locator('ol[data-list="neighbors"] button')).to_have_count(10)
    finally:
        httpd.shutdown()
        httpd.server_close()


# ---------------------------------------------------------------------------------------- 100,000 points


def test_100000_points_first_frame_and_one_pan(page: Page) -> None:
    n = 100_000
    rng = np.random.default_rng(11)
    s = InMemoryEmbeddingStore()
    emb = s.add(rng.normal(size=(n, 4)).astype(np.float32), [f"p{i}" for i in range(n)], name="many")
    s.add_layout(emb.id, rng.normal(size=(n, 2)), method="uploaded")
    with _serve(embeddings=[s]) as ui:
        started = time.monotonic()
        page.goto(f"{ui.url}/train/projector")
        view = page.locator(f"train-app embedding-projector {VIEW}")
        _wait_drawn(view, 120)
        expect(view).to_have_attribute("data-first-frame-ms", re.compile(r"^\d+$"))
        ready_s = time.monotonic() - started
        first_frame_ms = int(view.get_attribute("data-first-frame-ms") or 0)
        expect(view).to_have_attribute("data-points", str(n))
        wait_until(lambda: view.evaluate(PAINTED_JS) > 1000, 10, "painted pixels on the map's canvas")

        box = view.locator(".plot canvas").bounding_box()
        assert box is not None
        cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2

        def frames() -> int:
            return int(view.get_attribute("data-frames") or 0)

        page.mouse.move(cx, cy)
        page.mouse.down()
        before = frames()
        pan_started = time.monotonic()
        page.mouse.move(cx + 120, cy + 50)  # one drag step: the view moves, one frame is drawn
        wait_until(lambda: frames() > before, 30, "a frame after the pan")
        pan_ms = (time.monotonic() - pan_started) * 1000
        page.mouse.up()
    print(
        f"\n100,000 points: page to drawn map {ready_s:.2f} s; first frame {first_frame_ms} ms after the element "
        f"began loading the embedding; one pan step to its frame {pan_ms:.0f} ms (headless Chromium draws WebGL "
        "in software, SwiftShader: a GPU is much faster)"
    )
