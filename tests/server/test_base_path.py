"""``--base-path``: every route under a prefix, reached directly and through a real reverse proxy (aiohttp)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from fitscope import FileStatsStorage
from fitscope.server import UIServer
from fitscope.server.base_path import check_base_path

from .conftest import FILE_SESSION, Runs
from .helpers import request, validate_answer
from .proxy import BASE, Proxy


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
