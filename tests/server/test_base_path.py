"""``--base-path``: every route under a prefix, reached directly and through a real reverse proxy (aiohttp)."""

from __future__ import annotations

import asyncio
import json
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web

from fitscope import FileStatsStorage
from fitscope.server import UIServer
from fitscope.server.base_path import check_base_path

from .conftest import FILE_SESSION, Runs
from .helpers import request, validate_answer

BASE = "/tools/fitscope"


class Proxy:
    """A reverse proxy on 127.0.0.1 that passes ``/tools/fitscope/...`` on to ``upstream`` as it is
    (path, query, method, body), streaming the answer back, as nginx's ``proxy_pass`` without a URI does."""

    def __init__(self, upstream: str) -> None:
        self.upstream = upstream
        self.url = ""
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._runner: web.AppRunner | None = None

    async def _forward(self, request: web.Request) -> web.StreamResponse:
        assert self._session is not None
        headers = {k: v for k, v in request.headers.items() if k.lower() not in ("host", "content-length")}
        headers["X-Forwarded-Host"] = request.host
        async with self._session.request(
            request.method,
            self.upstream + request.rel_url.raw_path_qs,
            headers=headers,
            data=await request.read(),
            allow_redirects=False,
        ) as answer:
            out = web.StreamResponse(status=answer.status)
            for k, v in answer.headers.items():
                if k.lower() not in ("content-length", "transfer-encoding", "connection", "content-encoding"):
                    out.headers[k] = v
            await out.prepare(request)
            async for chunk in answer.content.iter_any():
                await out.write(chunk)
            await out.write_eof()
            return out

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        app = web.Application()
        app.router.add_route("*", BASE + "/{tail:.*}", self._forward)
        self._session: aiohttp.ClientSession | None = None

        async def start() -> None:
            self._session = aiohttp.ClientSession(auto_decompress=True)
            self._runner = web.AppRunner(app)
            await self._runner.setup()
            site = web.TCPSite(self._runner, "127.0.0.1", 0)
            await site.start()
            port = self._runner.addresses[0][1]
            self.url = f"http://127.0.0.1:{port}"

        self._loop.run_until_complete(start())
        self._ready.set()
        self._loop.run_forever()

    def __enter__(self) -> Proxy:
        self._thread.start()
        self._ready.wait(10)
        return self

    def __exit__(self, *exc: object) -> None:
        async def stop() -> None:
            assert self._session is not None and self._runner is not None
            await self._session.close()
            await self._runner.cleanup()

        asyncio.run_coroutine_threadsafe(stop(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._loop.close()


@pytest.fixture(scope="module")
def based(runs: Runs) -> Iterator[UIServer]:
    server = UIServer(port=0, base_path=BASE + "/")
    server.attach(FileStatsStorage(runs.path, read_only=True))
    server.start()
    yield server
    server.stop()


def test_the_url_and_every_route_are_under_the_base_path(based: UIServer) -> None:
    assert based.base_path == BASE and based.url.endswith(BASE)
    sessions = request(based.url + "/api/v1/sessions")
    assert sessions.status == 200 and FILE_SESSION in sessions.body.decode()
    validate_answer("/api/v1/sessions", sessions)
    page = request(based.url + "/train/overview?session=" + FILE_SESSION)
    html = page.body.decode()
    assert page.status == 200
    assert f'api-base="{BASE}"' in html and f'src="{BASE}/static/fitscope-ui.js?v=' in html
    src = re.search(r'src="([^"]+)"', html)
    assert src is not None
    bundle = request(based.url.removesuffix(BASE) + src.group(1))
    assert bundle.status == 200 and bundle.headers["Content-Type"].startswith("text/javascript")


def test_redirects_stay_under_the_base_path_and_outside_it_is_a_json_404(based: UIServer) -> None:
    root = based.url.removesuffix(BASE)
    for path in ("", "/", "/train"):
        answer = request(based.url + path + "?session=x", follow_redirects=False)
        assert answer.status == 302 and answer.headers["Location"] == f"{BASE}/train/overview?session=x"
    outside = request(root + "/api/v1/sessions")
    assert outside.status == 404
    assert f"served under {BASE}/" in json.loads(outside.body)["error"]["message"]


def test_the_pages_api_and_bundle_through_a_reverse_proxy(based: UIServer, runs: Runs) -> None:
    with Proxy(based.url.removesuffix(BASE)) as proxy:
        page = request(f"{proxy.url}{BASE}/train/model?session={FILE_SESSION}")
        assert page.status == 200 and f'api-base="{BASE}"' in page.body.decode()
        overview = request(f"{proxy.url}{BASE}/api/v1/overview?session={FILE_SESSION}&worker=w1")
        assert overview.status == 200
        doc = validate_answer("/api/v1/overview", overview)
        assert doc["session_id"] == FILE_SESSION
        bundle = request(f"{proxy.url}{BASE}/static/fitscope-ui.js")
        assert bundle.status == 200 and len(bundle.body) > 100_000
        redirect = request(f"{proxy.url}{BASE}/", follow_redirects=False)
        assert redirect.headers["Location"] == f"{BASE}/train/overview"


@pytest.mark.parametrize(
    ("text", "want"),
    [("", ""), ("/", ""), ("/a", "/a"), ("/tools/fitscope/", "/tools/fitscope"), ("/a.b/c~d-e_f", None)],
)
def test_base_paths_that_are_taken(text: str, want: str | None) -> None:
    assert check_base_path(text) == (text if want is None else want)


@pytest.mark.parametrize("text", ["tools", "/a//b", "/a/../b", "/a?x=1", "/a b", "/%2e", "/é"])
def test_base_paths_that_are_refused_say_why(text: str, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="base path"):
        UIServer(port=0, base_path=text)
