"""Every worker's findings on the "All workers" overview (``worker=*``): a list per worker, the
markers of all of them on the score chart, and the shell's badge adding up their counts, each
compared with what ``GET /api/v1/findings`` answers for each worker (never hard-coded).

A session of three workers, one file per rank, 80 reports each at one a second:

* rank0 trains well (a falling score, update:parameter ratios of 1:1000): no finding;
* rank1's score is NaN from iteration ``NAN_FROM`` on: an error;
* rank2's score rises and its updates grow to a tenth of its weights from iteration 20: warnings.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from fitscope import FileStatsStorage
from fitscope.records import LayerInfo, ModelInfo, StaticInfo, StatsReport, Summary
from fitscope.server import UIServer

from .conftest import chart, get_json, open_page, ready_points, serve, wait_until
from .test_a11y import AXE, audit
from .test_findings import FOCUS_PATH_JS

SESSION = "job"
WORKERS = ("rank0", "rank1", "rank2")
T0 = 1_700_000_000_000
ITERATIONS = range(1, 81)
NAN_FROM = 12
FSI, PDI = "\u2068", "\u2069"  # worker names inside a sentence are bidi-isolated
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
SEVERITY_WORDS = {"error": "Error", "warning": "Warning", "info": "Info"}


def score(worker: str, it: int) -> float:
    if worker == "rank1" and it >= NAN_FROM:
        return math.nan
    if worker == "rank2":
        return 0.5 + 0.05 * it
    return 0.5 + 1.0 / it


def update(worker: str, it: int) -> float:
    """The mean magnitude of each update (the parameters' is 1)."""
    return 0.1 if worker == "rank2" and it >= 20 else 0.001


def _model() -> ModelInfo:
    layers = (LayerInfo("fc", "Linear", 6, ("fc.weight", "fc.bias")),)
    return ModelInfo("Net", 1, 6, ("fc.weight", "fc.bias"), {"fc.weight": (2, 2), "fc.bias": (2,)}, layers)


def report(worker: str, it: int, value: float) -> StatsReport:
    params = {"fc.weight": Summary(4, mean_magnitude=1.0), "fc.bias": Summary(2, mean_magnitude=1.0)}
    u = update(worker, it)
    updates = {"fc.weight": Summary(4, mean_magnitude=u), "fc.bias": Summary(2, mean_magnitude=u)}
    return StatsReport(
        SESSION, worker, T0 + it * 1000, it, score=value, summaries={"parameters": params, "updates": updates}
    )


def write_rank(path: Path, worker: str, iterations: range) -> FileStatsStorage:
    storage = FileStatsStorage(path)
    storage.put_static_info(StaticInfo(SESSION, worker, T0, session_name="job", model=_model()))
    for it in iterations:
        storage.put_update(report(worker, it, score(worker, it)))
    return storage


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[UIServer]:
    folder = tmp_path_factory.mktemp("job-findings")
    ranks = [write_rank(folder / f"job-{i}.fitscope", w, ITERATIONS) for i, w in enumerate(WORKERS)]
    try:
        with serve(*ranks) as ui:
            yield ui
    finally:
        for storage in ranks:
            storage.close()


def answer_of(server: UIServer, worker: str, lang: str = "en") -> dict[str, Any]:
    """What the server answers for one worker's findings."""
    query = urlencode({"session": SESSION, "worker": worker, "lang": lang})
    found: dict[str, Any] = get_json(f"{server.url}/api/v1/findings?{query}")
    assert found["session_id"] == SESSION and found["worker_id"] == worker, found
    return found


def listed(found: dict[str, Any]) -> list[dict[str, Any]]:
    """A worker's findings in the order its list shows them: worst first, then by when they began."""
    return sorted(found["findings"], key=lambda f: (SEVERITY_ORDER[f["severity"]], f["first_iteration"], f["rule"]))


def alerts(found: dict[str, Any]) -> list[dict[str, Any]]:
    return [f for f in found["findings"] if f["severity"] in ("warning", "error")]


def worker_list(page: Page, worker: str) -> Locator:
    """The ``<train-findings>`` of ``worker`` in the all-workers overview's findings card."""
    return page.locator(f'train-overview section[data-card="findings"] train-findings[worker="{worker}"]')


def test_the_workers_have_different_findings(server: UIServer) -> None:
    """The premise, from the server's own answers: one healthy worker, one with an error, one with warnings."""
    answers = {w: answer_of(server, w) for w in WORKERS}
    assert answers["rank0"]["findings"] == []
    assert {f["severity"] for f in answers["rank1"]["findings"]} == {"error"}
    assert any(f["first_iteration"] == NAN_FROM for f in answers["rank1"]["findings"])
    assert len(alerts(answers["rank2"])) >= 2
    assert {f["severity"] for f in alerts(answers["rank2"])} == {"warning"}


def test_all_workers_lists_marks_and_counts_every_workers_findings(page: Page, server: UIServer) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url) if "/api/v1/findings" in r.url else None)
    answers = {w: answer_of(server, w) for w in WORKERS}
    open_page(page, server, "overview", session=SESSION, worker="*")

    # The findings card: the session's counts, then a list per worker under its name and colour.
    card = page.locator('train-overview section[data-card="findings"]')
    expect(card.locator("h2")).to_have_text("Diagnostics")
    total = {k: sum(a["counts"][k] for a in answers.values()) for k in ("error", "warning", "info")}
    expect(card.locator("[data-counts]")).to_have_text(
        f"{total['error']} errors · {total['warning']} warnings · {total['info']} info in 3 workers"
    )
    expect(card.locator("train-findings")).to_have_count(len(WORKERS))
    for i, w in enumerate(WORKERS):
        lst = worker_list(page, w)
        expect(lst.locator('[slot="heading"]')).to_have_text(w)
        expect(lst.locator("h3")).to_have_count(1)
        swatch = lst.locator('[slot="heading"] .swatch')
        assert f"--_series-{i + 1})" in (swatch.get_attribute("style") or "")
        shown = listed(answers[w])
        expect(lst).to_have_attribute("data-count", str(len(shown)))
        items = lst.locator('[part="finding"]')
        expect(items).to_have_count(len(shown))
        if not shown:
            expect(lst.locator('[part="empty"]')).to_have_text("No findings")
            continue
        expect(items.locator(".message")).to_have_text([f["message"] for f in shown])
        for j, f in enumerate(shown):
            item = items.nth(j)
            expect(item).to_have_attribute("data-rule", f["rule"])
            expect(item).to_have_attribute("data-severity", f["severity"])
            expect(item).to_have_attribute("data-first", str(f["first_iteration"]))
            expect(item.locator('[part="severity"]')).to_have_text(SEVERITY_WORDS[f["severity"]])

    # The score chart: a marker per warning and error of every worker, at its first_iteration.
    assert ready_points(page, "score") > 0
    marks = chart(page, "score").locator('[part="finding"]')
    expected_marks = sum(len(alerts(a)) for a in answers.values())
    expect(marks).to_have_count(expected_marks)
    for i, w in enumerate(WORKERS):
        mine = chart(page, "score").locator(f'[part="finding"][data-worker="{w}"]')
        expect(mine).to_have_count(len(alerts(answers[w])))
        got = sorted(
            (int(mine.nth(k).get_attribute("data-x") or "-1"), mine.nth(k).get_attribute("data-severity"))
            for k in range(mine.count())
        )
        assert got == sorted((f["first_iteration"], f["severity"]) for f in alerts(answers[w])), w
        titles = {mine.nth(k).get_attribute("title") for k in range(mine.count())}
        for f in alerts(answers[w]):
            word = SEVERITY_WORDS[f["severity"]]
            assert f"{FSI}{w}{PDI} \u2014 {word}: {f['message']} (iteration {f['first_iteration']})" in titles
        for k in range(mine.count()):
            expect(mine.nth(k)).to_be_visible()
            expect(mine.nth(k)).to_have_attribute("role", "img")
            assert f"--_series-{i + 1})" in (mine.nth(k).get_attribute("style") or "")

    # The badge adds up the warnings and errors of every worker, in the worst one's severity.
    badge = page.locator('train-app [part="findings-badge"]')
    count = sum(a["counts"]["warning"] + a["counts"]["error"] for a in answers.values())
    expect(badge).to_have_attribute("data-count", str(count))
    expect(badge).to_have_text(str(count))
    worst = "error" if total["error"] > 0 else "warning"
    expect(badge).to_have_attribute("data-severity", worst)
    expect(badge).to_have_accessible_name(f"{count} diagnostics warnings and errors (all workers)")

    # One request per worker, shared by its list, the markers and the badge.
    asked = sorted(parse_qs(urlsplit(u).query)["worker"][0] for u in requests)
    assert asked == sorted(WORKERS), requests


def test_the_mean_view_keeps_the_markers(page: Page, server: UIServer) -> None:
    expected_marks = sum(len(alerts(answer_of(server, w))) for w in WORKERS)
    open_page(page, server, "overview", session=SESSION, worker="*")
    ready_points(page, "score")
    expect(chart(page, "score").locator('[part="finding"]')).to_have_count(expected_marks)
    page.locator('train-overview [part="workers-view"] button[data-view="mean"]').click()
    expect(chart(page, "score")).to_have_attribute("data-view", "mean")
    expect(chart(page, "score").locator('[part="finding"]')).to_have_count(expected_marks)


def test_the_badge_leads_to_the_card_and_a_layer_to_that_workers_model_page(page: Page, server: UIServer) -> None:
    open_page(page, server, "overview", session=SESSION, worker="*")
    ready_points(page, "score")
    badge = page.locator('train-app [part="findings-badge"]')
    expect(badge).to_be_visible()
    badge.click()
    page.wait_for_function(f"() => ({FOCUS_PATH_JS})().join(' ').endsWith('train-overview h2')")
    heading = page.locator('train-overview section[data-card="findings"] h2')
    expect(heading).to_have_text("Diagnostics")
    expect(heading).to_be_in_viewport()
    assert parse_qs(urlsplit(page.url).query)["worker"] == ["*"]

    # A layer link of rank2's list opens the model page on that layer of rank2, not of the first worker.
    link = worker_list(page, "rank2").locator("a.layer").first
    layer = link.text_content() or ""
    assert layer, "rank2 has no finding about a layer"
    link.click()
    expect(page).to_have_url(re.compile(rf"/train/model\?session={SESSION}&worker=rank2&layer={layer}$"))
    expect(page.locator("train-app train-model")).to_have_attribute("worker", "rank2")
    page.go_back()
    expect(page).to_have_url(re.compile(rf"/train/overview\?session={SESSION}&worker=%2A$"))
    expect(page.locator('train-app select[name="worker"]')).to_have_value("*")
    expect(page.locator('train-overview section[data-card="findings"] train-findings')).to_have_count(3)


def test_chinese_lists_and_marks_the_chinese_messages(page: Page, server: UIServer) -> None:
    answers = {w: answer_of(server, w, "zh") for w in WORKERS}
    open_page(page, server, "overview", session=SESSION, worker="*")
    ready_points(page, "score")
    page.locator('train-app select[name="lang"]').select_option("zh")
    expect(page.locator('train-overview section[data-card="findings"] h2')).to_have_text("诊断")
    for w in WORKERS:
        expect(worker_list(page, w).locator('[part="finding"] .message')).to_have_text(
            [f["message"] for f in listed(answers[w])]
        )
    rank1 = chart(page, "score").locator('[part="finding"][data-worker="rank1"]')
    first = alerts(answers["rank1"])[0]
    # "Error: message (iteration 12)" in zh.ts: 错误, 迭代 and full-width punctuation
    title = f"\u9519\u8bef\uff1a{first['message']}\uff08\u8fed\u4ee3 {first['first_iteration']}\uff09"
    expect(rank1.first).to_have_attribute("title", f"{FSI}rank1{PDI} \u2014 {title}")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_all_workers_findings_pass_the_accessibility_audit(browser: Browser, server: UIServer, scheme: str) -> None:
    assert AXE.is_file(), f"axe-core is missing ({AXE}): cd frontend && npm ci"
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    try:
        page = context.new_page()
        page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
        open_page(page, server, "overview", session=SESSION, worker="*")
        ready_points(page, "score")
        expect(worker_list(page, "rank2").locator('[part="finding"]').first).to_be_visible()
        expect(page.locator('train-app [part="findings-badge"]')).to_be_visible()
        violations = audit(page)
        assert violations == [], json.dumps(violations, indent=2)
    finally:
        context.close()


def test_a_workers_new_finding_reaches_the_all_workers_view_live(page: Page, tmp_path: Path) -> None:
    """A NaN stored by one worker while the view is open: its list, a marker and the badge follow."""
    ranks = [write_rank(tmp_path / f"job-{i}.fitscope", w, range(1, 11)) for i, w in enumerate(WORKERS[:2])]
    try:
        with serve(*ranks) as ui:
            open_page(page, ui, "overview", session=SESSION, worker="*")
            expect(page.locator('train-app [part="live"][data-state="open"]')).to_be_attached()
            for w in WORKERS[:2]:
                expect(worker_list(page, w).locator('[part="empty"]')).to_have_text("No findings")
            expect(page.locator('train-app [part="findings-badge"]')).to_have_count(0)
            page.evaluate("window.__sameDocument = true")
            ranks[1].put_update(report("rank1", 11, math.nan))
            wait_until(lambda: answer_of(ui, "rank1")["counts"]["error"] > 0, 30, "the server's finding of rank1's NaN")
            found = answer_of(ui, "rank1")
            expect(worker_list(page, "rank1")).to_have_attribute("data-count", str(len(found["findings"])))
            mine = chart(page, "score").locator('[part="finding"][data-worker="rank1"]')
            expect(mine).to_have_count(len(alerts(found)))
            expect(mine.first).to_have_attribute("data-x", "11")
            badge = page.locator('train-app [part="findings-badge"]')
            expect(badge).to_have_attribute("data-count", str(len(alerts(found))))
            expect(badge).to_have_attribute("data-severity", "error")
            expect(worker_list(page, "rank0").locator('[part="empty"]')).to_have_text("No findings")
            assert page.evaluate("window.__sameDocument") is True, "the page was reloaded"
    finally:
        for storage in ranks:
            storage.close()
