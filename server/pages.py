"""The UI's HTML pages and static files (the bundle Vite writes into ``server/static/``).

========================  =====================================================================
``/``, ``/train``         302 to ``/train/overview``, keeping the query string
``/train/{page}``         ``overview``, ``model``, ``system`` or ``projector``: a small HTML page holding
                          ``<train-app page="...">`` and the bundle's ``<script type="module">``
``/static/{name}``        a file of the static folder: gzip, ETag, long caching with ``?v=hash``
========================  =====================================================================

The static folder is read once, when the app is created: the files directly in it with a known
suffix make a fixed table, and a request only picks a name from that table, so no path a client
sends ever reaches the filesystem (``..``, subfolders and files added later are 404s). A bundle
rebuilt while the server runs is seen after a restart.

Pages pass ``session``, ``worker``, ``layer`` and ``lang`` from their query to ``<train-app>``
(HTML-escaped) and ignore other parameters, so a bookmarked or shared URL never fails.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from aiohttp import web

from fitscope.server.base_path import BASE_PATH
from fitscope.server.compression import accepts_gzip
from fitscope.server.errors import ApiError

__all__ = [
    "BUILD_COMMAND",
    "BUNDLE",
    "CONTENT_SECURITY_POLICY",
    "CSP",
    "DEFAULT_FRAME_ANCESTORS",
    "PAGES",
    "PAGE_ATTRIBUTES",
    "STATIC_DIR",
    "UI",
    "Asset",
    "StaticFiles",
    "add_ui_routes",
    "content_security_policy",
]

_log = logging.getLogger("fitscope.server")

STATIC_DIR: Final = Path(__file__).resolve().parent / "static"
"""The package's static folder (in a source checkout: ``server/static/``)."""
BUNDLE: Final = "fitscope-ui.js"
"""The one ES module Vite builds: it defines every element."""
BUILD_COMMAND: Final = "cd frontend && npm ci && npm run build"
PAGES: Final = ("overview", "model", "system", "projector")
PAGE_ATTRIBUTES: Final = ("session", "worker", "layer", "lang", "embedding")
"""Query parameters a page passes to ``<train-app>`` as attributes."""
# Lit adopts constructable stylesheets (not governed by style-src) or, where a browser lacks
# them, writes <style> elements; uPlot sets style attributes: 'unsafe-inline' covers both and
# the page's own <style>. Charts are SVG/canvas (img-src data: for exported images).
CONTENT_SECURITY_POLICY: Final = (
    "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'"
)
"""The page's policy without ``frame-ancestors``, which :func:`content_security_policy` adds."""
PROJECTOR_SCRIPT_SRC: Final = "script-src 'self' 'unsafe-eval'"
"""Added to the projector page's policy only: regl (the WebGL scatter) compiles its draw commands
with ``new Function``. The other pages keep scripts to the server's own files, without eval."""
DEFAULT_FRAME_ANCESTORS: Final = ("'self'",)
"""Who may embed the pages in a frame by default: pages of the server's own origin only."""


def content_security_policy(frame_ancestors: Sequence[str] = DEFAULT_FRAME_ANCESTORS) -> str:
    """The pages' Content-Security-Policy, letting ``frame_ancestors`` embed them.

    Args:
        frame_ancestors: CSP source expressions: origins (``https://portal.example``),
            ``'self'``; empty: ``'none'`` (no page may embed them).

    Raises:
        ValueError: An entry is empty or holds a space, ``;`` or ``,`` (it would change the policy).
    """
    for source in frame_ancestors:
        if not source or any(c.isspace() or c in ";," for c in source):
            raise ValueError(
                f"{source!r} is not a frame-ancestors source: give an origin such as https://portal.example "
                "(no spaces, ';' or ',')."
            )
    return f"{CONTENT_SECURITY_POLICY}; frame-ancestors {' '.join(frame_ancestors) or chr(39) + 'none' + chr(39)}"


_CONTENT_TYPES: Final = {
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".map": "application/json; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".woff2": "font/woff2",
}
_COMPRESSIBLE: Final = frozenset({".js", ".css", ".map", ".json"})
_IMMUTABLE: Final = "public, max-age=31536000, immutable"


@dataclass(frozen=True, slots=True)
class Asset:
    """One static file, held in memory.

    Attributes:
        name: Its file name (the ``{name}`` of ``/static/{name}``).
        body: Its bytes.
        gzipped: Its gzip-compressed bytes, or None when it is not worth compressing.
        content_type: The ``Content-Type`` it is served with.
        version: A short hash of ``body``: its ``?v=`` and ETag.
    """

    name: str
    body: bytes
    gzipped: bytes | None
    content_type: str
    version: str

    @classmethod
    def read(cls, path: Path) -> Asset:
        """Reads (and, for text, compresses once) the file at ``path``."""
        body = path.read_bytes()
        gzipped = None
        if path.suffix in _COMPRESSIBLE:
            packed = gzip.compress(body, compresslevel=9, mtime=0)
            gzipped = packed if len(packed) < len(body) else None
        version = hashlib.sha256(body).hexdigest()[:16]
        return cls(path.name, body, gzipped, _CONTENT_TYPES[path.suffix], version)

    @property
    def varies(self) -> bool:
        """True when the answer depends on ``Accept-Encoding``."""
        return Path(self.name).suffix in _COMPRESSIBLE

    def etag(self, gzipped: bool) -> str:
        """The strong ETag of the identity or the gzip representation."""
        return f'"{self.version}-gzip"' if gzipped else f'"{self.version}"'


@dataclass(frozen=True, slots=True)
class StaticFiles:
    """The static folder's files, read once (``app[UI]``).

    Attributes:
        folder: Where they were read from.
        assets: The files by name: the only names ``/static/{name}`` answers.
    """

    folder: Path
    assets: dict[str, Asset]

    @classmethod
    def load(cls, folder: Path) -> StaticFiles:
        """Reads every file directly in ``folder`` with a known suffix; logs a warning without the bundle."""
        assets: dict[str, Asset] = {}
        if folder.is_dir():
            for path in sorted(folder.iterdir()):
                if path.suffix in _CONTENT_TYPES and not path.name.startswith(".") and path.is_file():
                    assets[path.name] = Asset.read(path)
        if BUNDLE not in assets:
            _log.warning(
                "The UI bundle %s is missing (a source checkout without a frontend build): the pages only say "
                "how to build it: %s. The JSON API works meanwhile.",
                folder / BUNDLE,
                BUILD_COMMAND,
            )
        return cls(folder, assets)

    @property
    def bundle(self) -> Asset | None:
        """The UI bundle, when it was built."""
        return self.assets.get(BUNDLE)


UI: Final = web.AppKey("fitscope_ui", StaticFiles)
CSP: Final = web.AppKey("fitscope_csp", str)
"""The pages' Content-Security-Policy (:func:`content_security_policy` of the app's frame ancestors)."""


# ---------------------------------------------------------------------------------------- pages


async def redirect_to_overview(request: web.Request) -> web.Response:
    """``GET /`` and ``GET /train``: 302 to ``/train/overview``, with the same query string."""
    query = request.rel_url.raw_query_string  # as sent: decoding it would change what it says
    location = request.app.get(BASE_PATH, "") + "/train/overview" + (f"?{query}" if query else "")
    return web.Response(status=302, headers={"Location": location})


def _missing_bundle_notice(static: StaticFiles, base: str) -> str:
    path = html.escape(str(static.folder / BUNDLE))
    return (
        f"  <p>The fitscope UI is not built: {path} is missing. Build it in the source checkout with "
        f"<code>{html.escape(BUILD_COMMAND)}</code>, then restart the server. The JSON API works meanwhile: "
        f'<a href="{base}/api/v1/sessions">{base}/api/v1/sessions</a>.</p>\n'
    )


def render_page(page: str, attributes: dict[str, str], static: StaticFiles, base: str = "") -> str:
    """The HTML of one page: ``<train-app>`` with ``attributes`` (escaped here) and the bundle.

    ``base``: the server's base path (:mod:`fitscope.server.base_path`); the app then reaches the
    API under it (``api-base``), and the bundle is named under it.
    """
    pairs = {"page": page, **attributes, **({"api-base": base} if base else {})}.items()
    attrs = "".join(f' {name}="{html.escape(value, quote=True)}"' for name, value in pairs)
    bundle = static.bundle
    if bundle is None:
        body = _missing_bundle_notice(static, base)
    else:
        body = f'  <script type="module" src="{base}/static/{BUNDLE}?v={bundle.version}"></script>\n'
    return (
        "<!doctype html>\n"
        '<html lang="en">\n'
        "<head>\n"
        '  <meta charset="utf-8">\n'
        '  <meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "  <title>fitscope</title>\n"
        '  <link rel="icon" href="data:,">\n'
        "  <style>\n"
        "    :root { color-scheme: light dark; }\n"
        "    body { margin: 0; background: #ffffff; color: #1b1b1f; font-family: system-ui, sans-serif; }\n"
        "    @media (prefers-color-scheme: dark) { body { background: #1e1e1e; color: #e8e8ea; } }\n"
        "    body > p, noscript p { margin: 1rem; }\n"
        "  </style>\n"
        "</head>\n"
        "<body>\n"
        f"  <train-app{attrs}></train-app>\n"
        "  <noscript><p>fitscope's dashboard needs JavaScript. The data it shows is also served as JSON under "
        f'<a href="{base}/api/v1/sessions">{base}/api/v1/</a>.</p></noscript>\n'
        f"{body}"
        "</body>\n"
        "</html>\n"
    )


async def page(request: web.Request) -> web.Response:
    """``GET /train/{page}``: the app shell showing one page."""
    attributes = {name: request.query[name] for name in PAGE_ATTRIBUTES if request.query.get(name)}
    name = request.match_info["page"]
    text = render_page(name, attributes, request.app[UI], request.app.get(BASE_PATH, ""))
    policy = request.app[CSP] + (f"; {PROJECTOR_SCRIPT_SRC}" if name == "projector" else "")
    return web.Response(
        text=text,
        content_type="text/html",
        headers={
            "Content-Security-Policy": policy,
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": "no-cache",
        },
    )


# ---------------------------------------------------------------------------------------- static files


def _matches(request: web.Request, asset: Asset) -> bool:
    header = request.headers.get("If-None-Match")
    if header is None:
        return False
    tags = {tag.strip().removeprefix("W/") for tag in header.split(",")}
    return "*" in tags or asset.etag(False) in tags or asset.etag(True) in tags


async def static_file(request: web.Request) -> web.Response:
    """``GET /static/{name}``: one file of the table read at startup."""
    name = request.match_info["name"]
    asset = request.app[UI].assets.get(name)
    if asset is None:
        raise ApiError(404, "not_found", f"There is no static file {name!r}; the UI's bundle is /static/{BUNDLE}.")
    gzipped = asset.gzipped is not None and accepts_gzip(request)
    headers = {
        "ETag": asset.etag(gzipped),
        "Cache-Control": _IMMUTABLE if request.query.get("v") == asset.version else "no-cache",
        "X-Content-Type-Options": "nosniff",
    }
    if asset.varies:
        headers["Vary"] = "Accept-Encoding"
    if _matches(request, asset):
        return web.Response(status=304, headers=headers)
    if gzipped:
        headers["Content-Encoding"] = "gzip"
    body = asset.gzipped if gzipped and asset.gzipped is not None else asset.body
    headers["Content-Type"] = asset.content_type
    return web.Response(body=body, headers=headers)


def add_ui_routes(
    app: web.Application, static_dir: Path = STATIC_DIR, frame_ancestors: Sequence[str] = DEFAULT_FRAME_ANCESTORS
) -> None:
    """Reads ``static_dir`` and adds the page and static routes to ``app``; ``frame_ancestors`` may embed the pages."""
    app[CSP] = content_security_policy(frame_ancestors)
    app[UI] = StaticFiles.load(static_dir)
    app.router.add_get("/", redirect_to_overview)
    app.router.add_get("/train", redirect_to_overview)
    app.router.add_get("/train/{page:" + "|".join(PAGES) + "}", page)
    app.router.add_get("/static/{name}", static_file)
