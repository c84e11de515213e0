"""The UI's pages and static files (``fitscope.server.pages``) on a real loopback server.

The bundle is a file written into a temporary static folder (the real one is built by Vite),
so these tests hold in a checkout without a frontend build.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import http.client
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from fitscope.server import UIServer
from fitscope.server.pages import BUILD_COMMAND, content_security_policy

from .conftest import FILE_SESSION, Runs
from .helpers import request

ALLOWED = "https://portal.example"
BUNDLE_JS = "".join(f"export const chart{i} = () => 'train-line-chart {i}';\n" for i in range(400))


@dataclass
class Raw:
    """One answer read off the socket: no redirect followed, no decoding."""

    status: int
    headers: dict[str, str]
    body: bytes


def raw(server: UIServer, path: str, headers: dict[str, str] | None = None) -> Raw:
    """Sends ``path`` exactly as given (``..`` included) and reads the answer as it comes."""
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        conn.request("GET", path, headers=headers or {})
        resp = conn.getresponse()
        return Raw(resp.status, dict(resp.getheaders()), resp.read())
    finally:
        conn.close()


def version_of(page: bytes) -> str:
    match = re.search(rb'<script type="module" src="/static/fitscope-ui\.js\?v=([0-9a-f]+)"></script>', page)
    assert match, page
    return match.group(1).decode()


@pytest.fixture(scope="module")
def static_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A static folder: the bundle, a stylesheet, a source map, a file of unknown kind and a subfolder."""
    folder = tmp_path_factory.mktemp("static")
    (folder / "fitscope-ui.js").write_text(BUNDLE_JS)
    (folder / "extra.css").write_text("train-app { display: block; }\n" * 50)
    (folder / "fitscope-ui.js.map").write_text('{"version": 3, "sources": []}')
    (folder / "notes.txt").write_text("not served: unknown kind")
    (folder / "sub").mkdir()
    (folder / "sub" / "x.js").write_text("export {};")
    (folder.parent / "outside.js").write_text("export const secret = 1;")
    return folder


@pytest.fixture(scope="module")
def ui(runs: Runs, static_dir: Path) -> Iterator[UIServer]:
    """A server with the temporary static folder, showing the file run, with CORS for ALLOWED."""
    with UIServer(port=0, static_dir=static_dir, cors_origins=[ALLOWED]) as server:
        server.attach(runs.file)
        yield server


# ---------------------------------------------------------------------------------------- pages


@pytest.mark.parametrize("path", ["/", "/train"])
def test_root_and_train_redirect_to_the_overview_keeping_the_query(ui: UIServer, path: str) -> None:
    plain = raw(ui, path)
    assert (plain.status, plain.headers["Location"]) == (302, "/train/overview")
    query = f"session={FILE_SESSION}&worker=w1&lang=zh&x=%26%3D"
    kept = raw(ui, f"{path}?{query}")
    assert (kept.status, kept.headers["Location"]) == (302, f"/train/overview?{query}")
    followed = request(f"{ui.url}{path}?session={FILE_SESSION}")  # urllib follows the redirect
    assert followed.status == 200 and f'session="{FILE_SESSION}"'.encode() in followed.body


@pytest.mark.parametrize("name", ["overview", "model", "system"])
def test_each_page_is_the_shell_with_the_bundle(ui: UIServer, name: str) -> None:
    answer = raw(ui, f"/train/{name}")
    assert answer.status == 200
    assert answer.headers["Content-Type"] == "text/html; charset=utf-8"
    assert answer.headers["Content-Security-Policy"] == content_security_policy()
    assert answer.headers["X-Content-Type-Options"] == "nosniff"
    text = answer.body.decode()
    assert text.startswith("<!doctype html>") and '<html lang="en">' in text
    assert '<meta charset="utf-8">' in text and 'name="viewport"' in text
    assert "<title>fitscope</title>" in text and "prefers-color-scheme: dark" in text
    assert f'<train-app page="{name}"></train-app>' in text
    assert "<noscript>" in text
    assert version_of(answer.body) == hashlib.sha256(BUNDLE_JS.encode()).hexdigest()[:16]


def test_page_parameters_become_escaped_attributes(ui: UIServer) -> None:
    answer = raw(ui, "/train/model?session=%22%3E%3Cscript%3Ealert(1)%3C/script%3E&worker=w%261&layer=0&lang=zh&x=1")
    text = answer.body.decode()
    (element,) = re.findall(r"<train-app[^>]*></train-app>", text)
    assert element == (
        '<train-app page="model" session="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" worker="w&amp;1" '
        'layer="0" lang="zh"></train-app>'
    )
    assert "<script>" not in text and text.count("<script") == 1  # only the bundle's
    assert answer.headers["Content-Security-Policy"] == content_security_policy()


def test_only_the_projector_page_lets_scripts_eval(ui: UIServer) -> None:
    answer = raw(ui, "/train/projector?embedding=abc%22x&session=s")
    assert answer.status == 200
    # regl, the projector's WebGL scatter, compiles its draw commands with new Function
    assert answer.headers["Content-Security-Policy"] == content_security_policy() + "; script-src 'self' 'unsafe-eval'"
    assert '<train-app page="projector" session="s" embedding="abc&quot;x"></train-app>' in answer.body.decode()
    for name in ("overview", "model", "system"):
        assert "unsafe-eval" not in raw(ui, f"/train/{name}").headers["Content-Security-Policy"]


@pytest.mark.parametrize("path", ["/train/xyz", "/train/", "/train/overview/x"])
def test_unknown_pages_are_json_404s(ui: UIServer, path: str) -> None:
    answer = raw(ui, path)
    assert answer.status == 404 and answer.headers["Content-Type"].startswith("application/json")
    assert b'"code":"not_found"' in answer.body


def test_without_a_bundle_the_pages_say_how_to_build_it(
    runs: Runs, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="fitscope.server"), UIServer(port=0, static_dir=tmp_path) as server:
        server.attach(runs.file)
        for name in ("overview", "model", "system"):
            answer = raw(server, f"/train/{name}")
            assert answer.status == 200
            text = html.unescape(answer.body.decode())
            assert BUILD_COMMAND in text and "fitscope-ui.js is missing" in text
            assert "<script" not in text
        assert raw(server, "/static/fitscope-ui.js").status == 404
        assert request(server.url + "/api/v1/sessions").status == 200
    warnings = [r for r in caplog.records if "bundle" in r.getMessage()]
    assert len(warnings) == 1 and warnings[0].levelno == logging.WARNING
    assert BUILD_COMMAND in warnings[0].getMessage()


# ---------------------------------------------------------------------------------------- static files


def test_bundle_is_javascript_gzipped_for_those_who_accept_it(ui: UIServer) -> None:
    plain = raw(ui, "/static/fitscope-ui.js")
    assert plain.status == 200 and plain.body == BUNDLE_JS.encode()
    assert plain.headers["Content-Type"] == "text/javascript; charset=utf-8"
    assert "Content-Encoding" not in plain.headers and "Accept-Encoding" in plain.headers["Vary"]
    assert plain.headers["X-Content-Type-Options"] == "nosniff"

    packed = raw(ui, "/static/fitscope-ui.js", {"Accept-Encoding": "br, gzip;q=0.8, deflate"})
    assert packed.status == 200 and packed.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed.headers["Vary"]
    assert len(packed.body) < len(BUNDLE_JS) // 4
    assert gzip.decompress(packed.body) == BUNDLE_JS.encode()
    assert packed.headers["ETag"] != plain.headers["ETag"]  # two representations, two strong ETags
    refused = raw(ui, "/static/fitscope-ui.js", {"Accept-Encoding": "gzip;q=0"})
    assert "Content-Encoding" not in refused.headers and refused.body == BUNDLE_JS.encode()


def test_other_static_kinds(ui: UIServer, static_dir: Path) -> None:
    css = raw(ui, "/static/extra.css", {"Accept-Encoding": "gzip"})
    assert css.headers["Content-Type"] == "text/css; charset=utf-8"
    assert gzip.decompress(css.body) == (static_dir / "extra.css").read_bytes()
    source_map = raw(ui, "/static/fitscope-ui.js.map")
    assert source_map.status == 200 and source_map.headers["Content-Type"].startswith("application/json")


def test_etag_gives_304(ui: UIServer) -> None:
    first = raw(ui, "/static/fitscope-ui.js", {"Accept-Encoding": "gzip"})
    again = raw(ui, "/static/fitscope-ui.js", {"Accept-Encoding": "gzip", "If-None-Match": first.headers["ETag"]})
    assert again.status == 304 and again.body == b""
    assert again.headers["ETag"] == first.headers["ETag"]
    weak = raw(ui, "/static/fitscope-ui.js", {"If-None-Match": f'"other", W/{first.headers["ETag"]}'})
    assert weak.status == 304
    stale = raw(ui, "/static/fitscope-ui.js", {"If-None-Match": '"0000000000000000"'})
    assert stale.status == 200 and stale.body == BUNDLE_JS.encode()


def test_cached_for_a_year_only_with_the_current_version(ui: UIServer) -> None:
    version = version_of(raw(ui, "/train/overview").body)
    current = raw(ui, f"/static/fitscope-ui.js?v={version}")
    assert current.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    for path in ("/static/fitscope-ui.js", "/static/fitscope-ui.js?v=0123456789abcdef"):
        assert raw(ui, path).headers["Cache-Control"] == "no-cache"


@pytest.mark.parametrize(
    "path",
    [
        "/static/../app.py",
        "/static/%2e%2e/x",
        "/static/%2e%2e",
        "/static/%2e%2e%2fapp.py",
        "/static/..%2f..%2foutside.js",
        "/static/sub/x.js",
        "/static/sub%2fx.js",
        "/static/notes.txt",
        "/static/nope.js",
        "/static/",
        "/static/%2fetc%2fpasswd",
    ],
)
def test_only_listed_files_are_served(ui: UIServer, path: str) -> None:
    answer = raw(ui, path)
    assert answer.status == 404 and answer.headers["Content-Type"].startswith("application/json")
    assert b'"code":"not_found"' in answer.body and b"secret" not in answer.body


def test_the_file_table_is_fixed_at_startup(runs: Runs, tmp_path: Path) -> None:
    (tmp_path / "fitscope-ui.js").write_text("export const v = 1;")
    with UIServer(port=0, static_dir=tmp_path) as server:
        (tmp_path / "later.js").write_text("export const late = 1;")
        (tmp_path / "fitscope-ui.js").write_text("export const v = 2;")
        assert raw(server, "/static/later.js").status == 404
        assert raw(server, "/static/fitscope-ui.js").body == b"export const v = 1;"


def test_cors_allow_list_covers_the_bundle(ui: UIServer) -> None:
    allowed = raw(ui, "/static/fitscope-ui.js", {"Origin": ALLOWED, "Accept-Encoding": "gzip"})
    assert allowed.status == 200 and allowed.headers["Access-Control-Allow-Origin"] == ALLOWED
    vary = {v.strip() for v in allowed.headers["Vary"].split(",")}
    assert vary == {"Accept-Encoding", "Origin"}
    other = raw(ui, "/static/fitscope-ui.js", {"Origin": "https://evil.example"})
    assert other.status == 200 and "Access-Control-Allow-Origin" not in other.headers
    assert "Origin" in other.headers["Vary"]  # a cache must not hand this answer to the allowed origin
    cached = raw(ui, "/static/fitscope-ui.js", {"Origin": ALLOWED, "If-None-Match": allowed.headers["ETag"]})
    assert cached.status == 304 and cached.headers["Access-Control-Allow-Origin"] == ALLOWED


def test_no_cors_header_on_the_bundle_when_cors_is_off(server: UIServer) -> None:
    answer = raw(server, "/static/fitscope-ui.js", {"Origin": ALLOWED})
    assert "Access-Control-Allow-Origin" not in answer.headers
