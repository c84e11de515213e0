"""A reverse proxy for tests: an aiohttp app on 127.0.0.1 passing a path prefix on to a server as it is."""

from __future__ import annotations

import asyncio
import threading

import aiohttp
from aiohttp import web

__all__ = ["BASE", "Proxy"]

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
            try:
                await out.prepare(request)
                async for chunk in answer.content.iter_any():
                    await out.write(chunk)
                await out.write_eof()
            except (ConnectionResetError, aiohttp.ClientError):
                pass  # the browser went away (an event stream left behind by a navigation)
            return out

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        app = web.Application()
        app.router.add_route("*", BASE + "/{tail:.*}", self._forward)
        self._session: aiohttp.ClientSession | None = None

        async def start() -> None:
            self._session = aiohttp.ClientSession(auto_decompress=True)
            self._runner = web.AppRunner(app, shutdown_timeout=1.0)
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
