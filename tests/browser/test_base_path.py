"""The UI under ``--base-path``, through a real reverse proxy: pages draw, and the address follows the pages."""

from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import Page, expect
from server.proxy import BASE, Proxy

from fitscope.server import UIServer

from .conftest import Runs, check_bundle, ready_points


def test_the_pages_under_a_base_path_behind_a_proxy_draw_and_keep_the_address(page: Page, runs: Runs) -> None:
    session = runs.mlp.session_id
    with UIServer(port=0, base_path=BASE) as server:
        server.attach(runs.storages["mlp"])
        check_bundle(server.url)
        with Proxy(server.url.removesuffix(BASE)) as proxy:
            page.goto(f"{proxy.url}{BASE}/train/overview?session={session}")
            assert ready_points(page, "score") > 0
            page.locator('train-app a[data-page="model"]').click()
            page.locator("train-app train-model").wait_for(state="attached")
            address = urlsplit(page.url)
            assert address.path == f"{BASE}/train/model" and f"session={session}" in address.query
            page.locator('train-app a[data-page="system"]').click()
            page.locator("train-app train-system").wait_for(state="attached")
            assert urlsplit(page.url).path == f"{BASE}/train/system"
            page.go_back()
            expect(page.locator("train-app train-model")).to_be_attached()
            assert urlsplit(page.url).path == f"{BASE}/train/model"
            # A reload of the address the shell wrote lands on the same page.
            page.reload()
            page.locator("train-app train-model").wait_for(state="attached")
            page.goto("about:blank")  # ends the page's event stream before the proxy stops
