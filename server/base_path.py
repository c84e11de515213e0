"""Serving the UI and the API under a path prefix, behind a reverse proxy (``--base-path /tools/fitscope``).

With a base path every route (pages, ``/static``, ``/api/v1``) lives under it: the proxy passes
requests on with the path as the browser sent it (``/tools/fitscope/train/overview``), and the
pages name the bundle and the API with the prefix (``<train-app api-base="/tools/fitscope">``),
so links, redirects and the live event stream stay on the proxy's path. A request outside the
prefix is a JSON 404 that names it.
"""

from __future__ import annotations

import re
from typing import Final

from aiohttp import web

__all__ = ["BASE_PATH", "check_base_path", "mounted"]

BASE_PATH: Final = web.AppKey("fitscope_base_path", str)
"""The app's base path: ``""`` (the root) or ``/segment[/segment...]``."""

_SEGMENT = re.compile(r"[A-Za-z0-9._~-]+")


def check_base_path(text: str) -> str:
    """``text`` as a base path: ``""`` for the root, else ``/a/b`` (a trailing ``/`` is dropped).

    Raises:
        ValueError: ``text`` does not start with ``/``, or a segment is empty, ``.``/``..`` or holds
            characters other than letters, digits and ``. _ ~ -`` (no query, fragment or escapes).
    """
    if text in ("", "/"):
        return ""
    if not text.startswith("/"):
        raise ValueError(f"The base path must start with '/', like /tools/fitscope; got {text!r}.")
    segments = text.rstrip("/").split("/")[1:]
    for segment in segments:
        if segment in (".", "..") or not _SEGMENT.fullmatch(segment):
            raise ValueError(
                f"The base path {text!r} has a segment {segment!r}: segments hold letters, digits and . _ ~ - "
                "only (like /tools/fitscope)."
            )
    return "/" + "/".join(segments)


def mounted(app: web.Application, base_path: str) -> web.Application:
    """``app`` itself for the root, else an application serving ``app`` under ``base_path``."""
    if not base_path:
        return app
    root = web.Application()

    async def outside(request: web.Request) -> web.Response:
        return web.json_response(
            {
                "error": {
                    "status": 404,
                    "code": "not_found",
                    "message": f"fitscope is served under {base_path}/ (its pages at {base_path}/train/overview, "
                    f"its API at {base_path}/api/v1/); {request.path} is outside it.",
                }
            },
            status=404,
        )

    async def to_pages(request: web.Request) -> web.Response:
        query = request.rel_url.raw_query_string
        return web.Response(
            status=302, headers={"Location": f"{base_path}/train/overview" + (f"?{query}" if query else "")}
        )

    root.router.add_get(base_path, to_pages)  # the prefix itself, without its "/"
    root.add_subapp(base_path, app)
    root.router.add_route("*", "/{tail:.*}", outside)
    return root
