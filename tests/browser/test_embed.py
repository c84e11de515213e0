"""Embedding: a page of another origin (a portal) loads the bundle and shows ``<train-overview>``.

The portal is a second HTTP server on another loopback port. The UI server lists the portal's
origin in ``cors_origins``: the overview shows the run. Without it, the element shows its error
part instead of data, and nothing crashes.
"""

from __future__ import annotations

import re
import threading
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from fitscope.server import UIServer

from .conftest import BUNDLE, BrowserLog, Runs, open_page, ready_points, row_value, serve

PORTAL_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>portal</title>
<link rel="icon" href="data:,">
<script type="module" crossorigin src="{bundle}"></script>
</head>
<body>
<h1>A portal that embeds fitscope</h1>
<train-overview api-base="{ui}"></train-overview>
</body>
</html>
"""


class _PortalHandler(BaseHTTPRequestHandler):
    """The portal: ``GET /embed?ui=<port>[&bundle=portal]`` and ``GET /fitscope-ui.js?ui=<port>``.

    ``/embed`` embeds the overview of the UI server at ``ui``, loading the bundle from that server
    or, with ``bundle=portal``, from the portal's own copy (``/fitscope-ui.js``, fetched from it).
    """

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        port = query.get("ui", [""])[0]
        if not port.isdigit() or url.path not in ("/embed", "/fitscope-ui.js"):
            self.send_error(404)
            return
        ui = f"http://127.0.0.1:{port}"
        if url.path == "/fitscope-ui.js":
            with urllib.request.urlopen(ui + BUNDLE, timeout=30) as resp:
                self._answer(resp.read(), "text/javascript; charset=utf-8")
            return
        bundle = f"/fitscope-ui.js?ui={port}" if query.get("bundle") == ["portal"] else ui + BUNDLE
        self._answer(PORTAL_PAGE.format(ui=ui, bundle=bundle).encode(), "text/html; charset=utf-8")

    def _answer(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep the test output clean


@pytest.fixture(scope="module")
def portal() -> Iterator[str]:
    """The portal's origin, ``http://127.0.0.1:<port>``."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _PortalHandler)
    thread = threading.Thread(target=httpd.serve_forever, name="portal", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join(5)


@pytest.fixture(scope="module")
def allowed_server(runs: Runs, portal: str) -> Iterator[UIServer]:
    """The MLP run, served to the portal's origin."""
    with serve(runs.storages["mlp"], cors_origins=(portal,)) as server:
        yield server


def _open_portal(page: Page, portal: str, server: UIServer, bundle: str = "ui") -> None:
    page.goto(f"{portal}/embed?ui={server.port}&bundle={bundle}")
    try:
        page.wait_for_function("() => customElements.get('train-overview') !== undefined")
    except PlaywrightTimeoutError:
        pytest.fail(f"{BUNDLE} did not load into the portal page (bundle from {bundle!r}).", pytrace=False)


def test_portal_of_an_allowed_origin_shows_the_overview(
    page: Page, portal: str, allowed_server: UIServer, runs: Runs
) -> None:
    _open_portal(page, portal, allowed_server)
    assert ready_points(page, "score") > 0
    assert ready_points(page, "metrics") > 0
    expect(page.locator("train-overview")).to_have_attribute("data-iteration", str(runs.mlp.iterations))
    assert row_value(page, "info", "model_type") == runs.mlp.model_type
    expect(page.locator('train-overview [part="error"]')).to_have_count(0)
    # The same element still works on the server's own pages (same origin, no api-base).
    open_page(page, allowed_server, "overview")
    assert ready_points(page, "score") > 0


# The browser reports blocked cross-origin requests on the console itself; those are expected below.
BLOCKED = r"CORS policy|net::ERR_FAILED|Failed to load resource"


@pytest.mark.parametrize("cors_origins", [(), ("https://portal.example",)], ids=["cors-off", "other-origin"])
def test_portal_of_an_unlisted_origin_shows_an_error(
    page: Page, browser_log: BrowserLog, portal: str, runs: Runs, cors_origins: tuple[str, ...]
) -> None:
    browser_log.allow(BLOCKED)
    with serve(runs.storages["mlp"], cors_origins=cors_origins) as server:
        # The portal's own copy of the bundle: the element runs, and the API refuses it.
        _open_portal(page, portal, server, bundle="portal")
        error = page.locator('train-overview [part="error"]')
        expect(error).to_be_visible()
        expect(error).to_contain_text(server.url)  # it names the server it could not read
        drawn = page.locator('train-overview train-line-chart[data-chart="score"][data-ready]:not([data-points="0"])')
        expect(drawn).to_have_count(0)


def test_bundle_is_refused_to_an_unlisted_origin_without_breaking_the_portal(
    page: Page, browser_log: BrowserLog, portal: str, runs: Runs
) -> None:
    browser_log.allow(BLOCKED)
    with serve(runs.storages["mlp"], cors_origins=("https://portal.example",)) as server:
        page.goto(f"{portal}/embed?ui={server.port}")
        expect(page.locator("h1")).to_have_text("A portal that embeds fitscope")
        page.wait_for_load_state("load")
        assert page.evaluate("() => customElements.get('train-overview') === undefined")
        assert any(re.search("CORS policy", e) for e in browser_log.errors), browser_log.errors
