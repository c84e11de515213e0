"""Fixtures of the browser tests: one real Chromium (Playwright's sync API), real runs, real servers.

* ``browser`` (session): Debian's Chromium driven by Playwright; a missing Chromium or Playwright
  fails with the command that installs it (never a skip).
* ``runs`` (session): the runs of :mod:`.runs`, each in its own FileStatsStorage, written once by
  the real StatsListener.
* ``page`` (function): a fresh context and page; every console error, uncaught exception and
  dialog (``alert``) is recorded in ``browser_log`` and fails the test at teardown, unless the
  test declared it expected with ``browser_log.allow(pattern)``.

Servers are started by the test modules (``serve``), one per run they show, module-scoped.
"""

from __future__ import annotations

import json
import os
import re
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

import pytest

from fitscope import FileStatsStorage
from fitscope.server import UIServer
from fitscope.storage.base import StatsStorage

from .runs import TrainedRun, train_diverging, train_markup, train_mlp

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Dialog, Locator, Page

CHROMIUM = os.environ.get("FITSCOPE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEOUT_MS = 30_000  # generous: a loaded CI machine; a passing wait returns at once
BUNDLE = "/static/fitscope-ui.js"
# Servers ``serve`` has begun to stop: a page still open then may fail to load from them (a request
# racing the shutdown answers net::ERR_EMPTY_RESPONSE), which the test caused, not the page.
STOPPED_SERVERS: set[str] = set()

# Charts each page draws (data-chart); the model page draws its charts once a layer is selected.
OVERVIEW_CHARTS = ("score", "metrics", "ratios", "stdev")
MODEL_CHARTS = ("mean-mag", "activations", "learning-rates")
SYSTEM_CHARTS = ("memory", "memory-bytes", "throughput", "minibatches")


# ---------------------------------------------------------------------------------------- browser


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the browser tests (Debian's, not a Playwright download).

    Package scope, not session: Playwright's sync API keeps an asyncio loop running in the main
    thread while it is open, and later tests (``asyncio.run``) must not find one.
    """
    try:
        from playwright.sync_api import expect, sync_playwright
    except ImportError:
        pytest.fail("The browser tests need Playwright's Python package: .venv/bin/pip install playwright")
    if not Path(CHROMIUM).is_file():
        pytest.fail(
            f"The browser tests need Chromium at {CHROMIUM} (Debian's package): apt-get install -y chromium "
            "(or point FITSCOPE_CHROMIUM at another Chromium binary)."
        )
    expect.set_options(timeout=TIMEOUT_MS)
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class BrowserLog:
    """What a page reported that a person would call broken: console errors, uncaught exceptions, dialogs."""

    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    allowed: list[re.Pattern[str]] = field(default_factory=list)

    def allow(self, pattern: str) -> None:
        """Declares console errors matching ``pattern`` (a regex) expected in this test."""
        self.allowed.append(re.compile(pattern))

    def unexpected(self) -> list[str]:
        """The recorded errors no ``allow`` pattern matches."""
        return [e for e in self.errors if not any(p.search(e) for p in self.allowed)]

    def on_console(self, msg: ConsoleMessage) -> None:
        if msg.type == "error":
            where = msg.location.get("url", "") if msg.location else ""
            if msg.text.startswith("Failed to load resource: net::") and any(
                where.startswith(url + "/") for url in STOPPED_SERVERS
            ):
                return  # a request to a server the test already stopped
            self.errors.append(f"console.error: {msg.text} ({where})")

    def on_page_error(self, exc: Exception) -> None:
        self.errors.append(f"uncaught exception: {exc}")

    def on_dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()


@pytest.fixture
def browser_log() -> BrowserLog:
    """The console errors, uncaught exceptions and dialogs of this test's page."""
    return BrowserLog()


@pytest.fixture
def page(browser: Browser, browser_log: BrowserLog) -> Iterator[Page]:
    """A page in a fresh context; fails the test when the page logged an error or opened a dialog."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    context.set_default_timeout(TIMEOUT_MS)
    pg = context.new_page()
    pg.on("console", browser_log.on_console)
    pg.on("pageerror", browser_log.on_page_error)
    pg.on("dialog", browser_log.on_dialog)
    yield pg
    context.close()
    problems = browser_log.unexpected() + [f"dialog opened: {d}" for d in browser_log.dialogs]
    if problems:
        pytest.fail("The page reported problems:\n  " + "\n  ".join(problems), pytrace=False)


# ---------------------------------------------------------------------------------------- runs


@dataclass
class Runs:
    """The stored runs and what was trained, each run in its own file."""

    mlp: TrainedRun
    diverging: TrainedRun
    markup: TrainedRun
    storages: dict[str, FileStatsStorage]


@pytest.fixture(scope="session")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Runs]:
    """The MLP, diverging and markup runs, written once by the real StatsListener."""
    folder = tmp_path_factory.mktemp("browser-runs")
    storages: dict[str, FileStatsStorage] = {}
    trained: dict[str, TrainedRun] = {}
    trainers: dict[str, Callable[[FileStatsStorage], TrainedRun]] = {
        "mlp": train_mlp,
        "diverging": train_diverging,
        "markup": train_markup,
    }
    for name, train in trainers.items():
        storages[name] = FileStatsStorage(folder / f"{name}.fitscope")
        trained[name] = train(storages[name])
    yield Runs(trained["mlp"], trained["diverging"], trained["markup"], storages)
    for storage in storages.values():
        storage.close()


# ---------------------------------------------------------------------------------------- servers


def get_json(url: str) -> Any:
    """GET ``url``; the JSON answer."""
    with urllib.request.urlopen(url, timeout=30) as resp:
        return json.loads(resp.read())


def check_bundle(url: str) -> None:
    """Fails with what to do when the server does not serve the UI bundle."""
    status = 200
    try:
        with urllib.request.urlopen(url + BUNDLE, timeout=30) as resp:
            kind = resp.headers.get("Content-Type", "")
    except urllib.error.HTTPError as exc:
        status = exc.code
        exc.close()
    if status != 200:
        pytest.fail(
            f"The UI server answers {status} for {BUNDLE}: build the bundle "
            "(cd frontend && npm ci && npm run build, which writes server/static/fitscope-ui.js).",
            pytrace=False,
        )
    assert "javascript" in kind, f"{BUNDLE} is served as {kind!r}, not JavaScript"


@contextmanager
def serve(*storages: StatsStorage, cors_origins: tuple[str, ...] = ()) -> Iterator[UIServer]:
    """A started UIServer on a free port showing ``storages``, with the bundle checked."""
    with UIServer(port=0, cors_origins=cors_origins) as server:
        for storage in storages:
            server.attach(storage)
        STOPPED_SERVERS.discard(server.url)  # a free port may be handed out again
        check_bundle(server.url)
        try:
            yield server
        finally:
            STOPPED_SERVERS.add(server.url)


# ---------------------------------------------------------------------------------------- page helpers


def open_page(page: Page, server: UIServer, name: str, **query: str) -> None:
    """Navigates to ``/train/<name>?<query>`` and waits for the shell to hold the page element."""
    page.goto(f"{server.url}/train/{name}" + (f"?{urlencode(query)}" if query else ""))
    page.locator(f"train-app train-{name}").wait_for(state="attached")


def chart(page: Page, name: str) -> Locator:
    """The ``<train-line-chart data-chart=name>`` (Playwright's CSS pierces open shadow roots)."""
    return page.locator(f'train-line-chart[data-chart="{name}"]')


def ready_points(page: Page, name: str) -> int:
    """Waits until chart ``name`` is drawn; returns its ``data-points`` after checking its canvas."""
    loc = page.locator(f'train-line-chart[data-chart="{name}"][data-ready]')
    loc.wait_for(state="attached")
    assert loc.count() == 1, f"{loc.count()} charts named {name!r}"
    assert loc.locator("canvas").count() >= 1, f"chart {name!r} has no uPlot canvas"
    points = loc.get_attribute("data-points")
    assert points is not None and points.isdigit(), f"chart {name!r} has data-points={points!r}"
    return int(points)


def row_value(page: Page, table: str, key: str) -> str:
    """The text of the value cell (the row's last cell) of row ``key`` of ``table[data-table=table]``."""
    cell = page.locator(f'table[data-table="{table}"] tr[data-key="{key}"] > :is(td, th)').last
    return (cell.text_content() or "").strip()


def digits(text: str) -> int:
    """The integer a table shows, whatever the thousands separator (``2,067``, ``2 067``)."""
    only = re.sub(r"[\s,.'\u00a0\u202f]", "", text)
    assert only.isdigit(), f"{text!r} is not an integer as shown"
    return int(only)


def wait_until(predicate: Callable[[], bool], timeout_s: float, what: str) -> None:
    """Polls ``predicate`` every 50 ms; fails naming ``what`` after ``timeout_s``."""
    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout_s} s waiting for {what}", pytrace=False)
        time.sleep(0.05)


# Counts elements matching a selector in the document and every open shadow root below it.
DEEP_COUNT_JS = """(selector) => {
  const count = (root) => {
    let n = root.querySelectorAll(selector).length;
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) n += count(el.shadowRoot);
    return n;
  };
  return count(document);
}"""
