"""The npm package ``@fitscope/elements`` in a portal: examples/portal/ on another origin.

``npm run build:package`` is run once (frontend/package-dist/). A second HTTP server (aiohttp,
loopback, its own port, so its own origin) serves examples/portal/ at ``/`` and the package with
its dependencies under ``/node_modules/``, laid out as ``npm install @fitscope/elements`` lays
them out; the page's import map points at them. The UI server lists the portal's origin in
``cors_origins``. The page shows ``<train-overview>`` and a list of the server's runs, themed with
the portal's own tokens.
"""

from __future__ import annotations

import asyncio
import json
import re
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiohttp import web
from playwright.sync_api import Page, Request, expect

from fitscope.server import UIServer

from .conftest import Runs, chart, ready_points, serve
from .runs import DIVERGING_SESSION, MLP_SESSION

ROOT = Path(__file__).resolve().parents[2]
FRONTEND = ROOT / "frontend"
PACKAGE = FRONTEND / "package-dist"
PORTAL = ROOT / "examples" / "portal"
# The package's dependencies, and theirs, as npm installs them (frontend/node_modules holds them).
DEPENDENCIES = ("lit", "lit-html", "lit-element", "@lit/reactive-element", "uplot")
# The portal's brand colour and surface (examples/portal/portal.css), as computed styles give them.
BRAND = "rgb(122, 31, 162)"
SURFACE = "rgb(251, 247, 239)"


@pytest.fixture(scope="session")
def package() -> Path:
    """frontend/package-dist/, built once by ``npm run build:package``."""
    if not (FRONTEND / "node_modules").is_dir():
        pytest.fail("The portal test builds the npm package: run `cd frontend && npm ci` first.", pytrace=False)
    done = subprocess.run(
        ["npm", "run", "--silent", "build:package"], cwd=FRONTEND, capture_output=True, text=True, timeout=300
    )
    if done.returncode != 0:
        pytest.fail(f"npm run build:package failed:\n{done.stdout}\n{done.stderr}", pytrace=False)
    return PACKAGE


def _portal_app() -> web.Application:
    """The portal: examples/portal/ at ``/``, the package and its dependencies under /node_modules/."""

    async def page(request: web.Request) -> web.StreamResponse:
        name = request.match_info.get("name") or "index.html"
        path = PORTAL / name
        if "/" in name or not path.is_file():
            raise web.HTTPNotFound()
        return web.FileResponse(path)

    async def probe(request: web.Request) -> web.Response:
        return web.Response(text=_probe_page(), content_type="text/html")

    app = web.Application()
    app.router.add_static("/node_modules/@fitscope/elements", PACKAGE)
    for name in DEPENDENCIES:
        app.router.add_static(f"/node_modules/{name}", FRONTEND / "node_modules" / name)
    app.router.add_get("/probe", probe)
    app.router.add_get("/", page)
    app.router.add_get("/{name}", page)
    return app


def _probe_page() -> str:
    """A page of the portal's origin holding only the portal's import map: modules import alone."""
    html = (PORTAL / "index.html").read_text(encoding="utf-8")
    found = re.search(r'<script type="importmap">.*?</script>', html, re.S)
    assert found, "examples/portal/index.html has no import map"
    return f'<!doctype html><html lang="en"><head><link rel="icon" href="data:,">{found[0]}</head><body></body></html>'


@pytest.fixture(scope="module")
def portal(package: Path) -> Iterator[str]:
    """The portal server's origin, ``http://127.0.0.1:<port>``, on a thread with its own event loop."""
    started = threading.Event()
    stop: list[asyncio.AbstractEventLoop] = []
    origin: list[str] = []

    def run() -> None:
        loop = asyncio.new_event_loop()
        runner = web.AppRunner(_portal_app(), access_log=None)
        loop.run_until_complete(runner.setup())
        site = web.TCPSite(runner, "127.0.0.1", 0)
        loop.run_until_complete(site.start())
        host, port = runner.addresses[0][:2]
        origin.append(f"http://{host}:{port}")
        stop.append(loop)
        started.set()
        loop.run_forever()
        loop.run_until_complete(runner.cleanup())
        loop.close()

    thread = threading.Thread(target=run, name="portal", daemon=True)
    thread.start()
    assert started.wait(30), "the portal server did not start"
    yield origin[0]
    stop[0].call_soon_threadsafe(stop[0].stop)
    thread.join(10)


@pytest.fixture(scope="module")
def server(runs: Runs, portal: str) -> Iterator[UIServer]:
    """The MLP and diverging runs, served to the portal's origin only."""
    with serve(runs.storages["mlp"], runs.storages["diverging"], cors_origins=(portal,)) as ui:
        yield ui


def _open(page: Page, portal: str, server: UIServer) -> list[str]:
    """Opens the portal page on ``server``; the URLs of the scripts it loaded (filled as it runs)."""
    scripts: list[str] = []

    def on_request(request: Request) -> None:
        if request.resource_type == "script":
            scripts.append(request.url)

    page.on("request", on_request)
    page.goto(f"{portal}/?fitscope={server.url}")
    page.wait_for_function("() => customElements.get('train-overview') !== undefined")
    return scripts


def test_portal_shows_the_overview_of_a_server_of_another_origin(
    page: Page, portal: str, server: UIServer, runs: Runs
) -> None:
    assert portal != server.url
    scripts = _open(page, portal, server)
    run = runs.mlp
    overview = page.locator("train-overview")
    expect(overview).to_have_attribute("api-base", server.url)
    # Without a session the overview shows the newest; the portal shows the MLP run when asked.
    page.locator(f'#runs button[data-session="{MLP_SESSION}"]').click()
    expect(overview).to_have_attribute("data-iteration", str(run.iterations))
    assert ready_points(page, "score") > 0
    stored = runs.storages["mlp"].read_series(run.session_id, run.worker_id, "score")
    drawn = chart(page, "score").evaluate("el => el.series[0]")
    assert drawn["iterations"] == stored.iterations
    assert drawn["values"] == pytest.approx(stored.values)
    expect(page.locator('train-overview [part="error"]')).to_have_count(0)
    # The package's modules, from the portal (no single-file bundle, nothing from the server).
    assert f"{portal}/node_modules/@fitscope/elements/train-overview.js" in scripts
    assert f"{portal}/node_modules/lit/index.js" in scripts
    assert not [u for u in scripts if u.endswith("/fitscope-ui.js") or u.startswith(server.url)], scripts


def test_portal_lists_the_runs_and_shows_the_one_chosen(page: Page, portal: str, server: UIServer, runs: Runs) -> None:
    _open(page, portal, server)
    buttons = page.locator("#runs button")
    expect(buttons).to_have_count(2)
    expect(page.locator("#runs-status")).to_have_text("2 runs")
    expect(page.locator('#runs button[aria-current="true"]')).to_have_count(1)  # the newest, shown
    page.locator(f'#runs button[data-session="{DIVERGING_SESSION}"]').click()
    expect(page.locator("train-overview")).to_have_attribute("session", DIVERGING_SESSION)
    expect(page.locator(f'#runs button[data-session="{DIVERGING_SESSION}"]')).to_have_attribute("aria-current", "true")
    expect(page.locator("train-overview")).to_have_attribute("data-iteration", str(runs.diverging.iterations))
    ready_points(page, "score")
    expect(chart(page, "score").locator('[part="nonfinite"][data-kind="nan"]').first).to_be_attached()


def test_portal_tokens_and_parts_theme_the_elements(page: Page, portal: str, server: UIServer) -> None:
    _open(page, portal, server)
    ready_points(page, "score")
    overview = page.locator("train-overview")
    # A token (--train-bg from --portal-surface) and a part rule (::part(tabs)) of the portal.
    assert overview.evaluate("el => getComputedStyle(el).backgroundColor") == SURFACE
    tabs = page.locator('train-overview [part="tabs"]')
    expect(tabs).to_be_visible()
    assert tabs.evaluate("el => getComputedStyle(el).borderBottomColor") == BRAND
    assert tabs.evaluate("el => getComputedStyle(el).borderBottomWidth") == "3px"
    # The token reaches the building blocks inside: the score chart's first series colour.
    brand = page.evaluate("() => getComputedStyle(document.documentElement).getPropertyValue('--portal-brand')")
    series = chart(page, "score").evaluate("el => getComputedStyle(el).getPropertyValue('--_series-1')")
    assert series.strip() == brand.strip() == "#7a1fa2"
    font = chart(page, "score").evaluate("el => getComputedStyle(el).fontFamily")
    assert font.startswith("Georgia"), font


def _element_modules(package: Path) -> dict[str, str]:
    """The package's modules that define an element (its ``exports``), and the tag each defines (its manifest)."""
    exports = json.loads((package / "package.json").read_text(encoding="utf-8"))["exports"]
    manifest = json.loads((package / "custom-elements.json").read_text(encoding="utf-8"))
    tags = {
        m["path"]: e["name"]
        for m in manifest["modules"]
        for e in m.get("exports", [])
        if e["kind"] == "custom-element-definition"
    }
    modules = {path[2:]: tags[path[2:]] for path in exports if path[2:] in tags}
    assert len(modules) >= 6, f"the package exports few element modules: {sorted(modules)}"
    return modules


def test_each_element_module_imports_alone_and_registers_its_element(page: Page, portal: str, package: Path) -> None:
    modules = _element_modules(package)
    for module, tag in modules.items():
        page.goto(f"{portal}/probe")
        defined = page.evaluate(
            """async ([module, tag]) => {
              const before = customElements.get(tag) !== undefined;
              await import(`@fitscope/elements/${module}`);
              return [before, customElements.get(tag) !== undefined];
            }""",
            [module, tag],
        )
        assert defined == [False, True], f"{module} did not register <{tag}>"
    # The single file registers every one of them but the lazy chunks' (fitscope-onnx.js, ...).
    page.goto(f"{portal}/probe")
    page.evaluate("() => import('@fitscope/elements/fitscope-ui.js')")
    tags = sorted(tag for module, tag in modules.items() if not module.startswith("fitscope-"))
    assert "train-overview" in tags
    assert page.evaluate("(tags) => tags.filter((t) => !customElements.get(t))", tags) == []
