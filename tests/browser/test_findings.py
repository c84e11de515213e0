"""The diagnostics' findings in a real Chromium: the shell's badge, the overview's list, the score
chart's markers, in English and Chinese, compared with what ``diagnose_stream`` finds in the run.

The run with findings is a small MLP trained with plain SGD at lr 0.5 on random regression data
(``frequency=5``, 200 iterations): its weights' update:parameter ratios stay far above 1:1000
(``ratio_high`` warnings) and one layer's activations are small (an info). The healthy run is
the browser tests' MLP (:func:`.runs.train_mlp`), which has no finding.
"""

from __future__ import annotations

import json
import math
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import torch
from playwright.sync_api import Browser, Locator, Page, expect

from fitscope import FileStatsStorage, StatsListener
from fitscope.diagnostics import Finding, diagnose_stream
from fitscope.server import UIServer

from .conftest import Runs, chart, get_json, open_page, ready_points, serve
from .runs import DIVERGING_SESSION, MLP_SESSION, NAN_FROM
from .test_a11y import AXE, audit

HIGH_SESSION = "sgd_high"
WORKER = "worker-0"
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
FSI, PDI = "\u2068", "\u2069"  # names inside a sentence are bidi-isolated
EN_DASH = "\u2013"  # between first_iteration and last_iteration
SEVERITY_WORDS = {
    "en": {"error": "Error", "warning": "Warning", "info": "Info"},
    "zh": {"error": "错误", "warning": "警告", "info": "提示"},
}


def zh_marker_title(f: Finding) -> str:
    """A marker's title in Chinese (frontend/src/i18n/findings.ts), with its full-width punctuation."""
    return f"\u8b66\u544a\uff1a{f.text('zh')[0]}\uff08\u8fed\u4ee3 {f.first_iteration}\uff09"


# The element that has the focus, through every open shadow root: their tag names, outermost first.
FOCUS_PATH_JS = """() => {
  const path = [];
  let el = document.activeElement;
  while (el) {
    path.push(el.tagName.toLowerCase());
    el = el.shadowRoot ? el.shadowRoot.activeElement : null;
  }
  return path;
}"""


class RegressionMLP(torch.nn.Module):
    """8 -> 16 -> 1 with a ReLU module: named layers (``inp``, ``act``, ``out``) to link to."""

    def __init__(self) -> None:
        super().__init__()
        self.inp = torch.nn.Linear(8, 16)
        self.act = torch.nn.ReLU()
        self.out = torch.nn.Linear(16, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out: torch.Tensor = self.out(self.act(self.inp(x)))
        return out


def train_sgd_high(
    storage: FileStatsStorage,
    session_id: str = HIGH_SESSION,
    pause: Callable[[int], None] | None = None,
) -> None:
    """Plain SGD at lr 0.5, minibatches of 32 of random regression data, 200 iterations.

    ``pause(iteration)``, when given, is called after each iteration with its reports stored.
    """
    torch.manual_seed(0)
    gen = torch.Generator().manual_seed(0)
    x = torch.randn(640, 8, generator=gen)
    y = torch.randn(640, 1, generator=gen)
    model = RegressionMLP()
    opt = torch.optim.SGD(model.parameters(), lr=0.5)
    listener = StatsListener(
        storage,
        frequency=5,
        session_id=session_id,
        worker_id=WORKER,
        session_name="sgd lr 0.5",
        close_sinks=False,
        max_overhead=None,
    )
    listener.attach(model, opt, example_input=x[:32])
    for it in range(200):
        b = (it % 20) * 32
        opt.zero_grad()
        loss = torch.nn.functional.mse_loss(model(x[b : b + 32]), y[b : b + 32])
        loss.backward()
        opt.step()
        listener.iteration_done(loss, batch_size=32)
        if pause is not None:
            listener.flush()
            pause(it + 1)
    listener.close()


@pytest.fixture(scope="module")
def high(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FileStatsStorage]:
    """The storage of the run with findings."""
    storage = FileStatsStorage(Path(tmp_path_factory.mktemp("findings")) / "high.fitscope")
    train_sgd_high(storage)
    yield storage
    storage.close()


@pytest.fixture(scope="module")
def server(high: FileStatsStorage, runs: Runs) -> Iterator[UIServer]:
    """One server showing the run with findings, the healthy MLP and the diverging MLP."""
    with serve(high, runs.storages["mlp"], runs.storages["diverging"]) as ui:
        yield ui


@pytest.fixture(scope="module")
def expected(high: FileStatsStorage) -> list[Finding]:
    """What the diagnostics find in the whole run, in the order the UI lists them (worst first)."""
    found = diagnose_stream(high, HIGH_SESSION, WORKER)
    found.sort(key=lambda f: (SEVERITY_ORDER[f.severity], f.first_iteration, f.rule))
    return found


def alerts(found: list[Finding]) -> list[Finding]:
    return [f for f in found if f.severity in ("warning", "error")]


def items(page: Page) -> Locator:
    return page.locator('train-findings [part="finding"]')


def test_the_run_has_warnings_and_an_info(expected: list[Finding]) -> None:
    """The premise: the run makes warnings (for the badge and the markers) and an info (listed only)."""
    assert {f.rule for f in alerts(expected)} == {"ratio_high"}, expected
    assert len(alerts(expected)) >= 2
    assert any(f.severity == "info" for f in expected), expected


def test_badge_list_and_markers_show_what_the_diagnostics_find(
    page: Page, server: UIServer, expected: list[Finding]
) -> None:
    warnings = alerts(expected)
    open_page(page, server, "overview", session=HIGH_SESSION)

    badge = page.locator('train-app [part="findings-badge"]')
    expect(badge).to_have_attribute("data-count", str(len(warnings)))
    expect(badge).to_have_attribute("data-severity", "warning")
    expect(badge).to_have_accessible_name(f"{len(warnings)} diagnostics warnings")
    expect(badge).to_have_text(str(len(warnings)))

    expect(items(page)).to_have_count(len(expected))
    assert items(page).locator(".message").all_text_contents() == [f.message for f in expected]
    for i, f in enumerate(expected):
        item = items(page).nth(i)
        expect(item).to_have_attribute("data-rule", f.rule)
        expect(item).to_have_attribute("data-severity", f.severity)
        # the severity is a word beside its icon, not a colour alone
        expect(item.locator('[part="severity"]')).to_have_text(SEVERITY_WORDS["en"][f.severity])
        expect(item.locator('[part="severity"] svg')).to_have_count(1)
        expect(item.locator(".iterations")).to_have_text(f"Iterations {f.first_iteration}{EN_DASH}{f.last_iteration}")
        expect(item.locator("a.layer")).to_have_text(f.layer or "")
        expect(item.locator("a.layer")).to_have_accessible_name(f"Open layer {FSI}{f.layer}{PDI} on the model page")
        if f.parameter is not None and f.parameter != f.layer:
            expect(item.locator(".parameter")).to_have_text(f.parameter)
        else:  # an activations finding names its layer twice: shown once
            expect(item.locator(".parameter")).to_have_count(0)
        rows = item.locator('[part="evidence"] tr')
        expect(rows).to_have_count(len(f.evidence))
        for key, value in f.evidence.items():
            shown = (item.locator(f'[part="evidence"] tr[data-key="{key}"] td').text_content() or "").strip()
            assert math.isclose(float(shown), float(value)), (key, shown, value)
        # the advice is collapsed until asked for
        advice = item.locator('[part="advice"]')
        expect(advice.locator("p")).to_be_hidden()
        advice.locator("summary").click()
        expect(advice.locator("p")).to_have_text(f.advice)

    assert ready_points(page, "score") > 0
    marks = chart(page, "score").locator('[part="finding"]')
    expect(marks).to_have_count(len(warnings))
    xs = sorted(int(marks.nth(i).get_attribute("data-x") or "-1") for i in range(len(warnings)))
    assert xs == sorted(f.first_iteration for f in warnings)
    titles = [marks.nth(i).get_attribute("title") or "" for i in range(len(warnings))]
    for f in warnings:
        assert f"Warning: {f.message} (iteration {f.first_iteration})" in titles
    for i in range(len(warnings)):
        expect(marks.nth(i)).to_be_visible()
        expect(marks.nth(i)).to_have_attribute("data-severity", "warning")


def test_the_answer_the_page_read_is_the_whole_run(server: UIServer, expected: list[Finding]) -> None:
    answer = get_json(f"{server.url}/api/v1/findings?session={HIGH_SESSION}")
    assert [f["message"] for f in answer["findings"]] == [f.message for f in expected]
    assert answer["counts"]["warning"] == len(alerts(expected))


def test_the_badge_leads_to_the_list_and_a_layer_to_the_model_page(
    page: Page, server: UIServer, expected: list[Finding]
) -> None:
    open_page(page, server, "system", session=HIGH_SESSION)
    badge = page.locator('train-app [part="findings-badge"]')
    expect(badge).to_have_attribute("data-count", str(len(alerts(expected))))
    badge.click()
    expect(page).to_have_url(re.compile(r"/train/overview\?session=sgd_high$"))
    page.wait_for_function(f"() => ({FOCUS_PATH_JS})().join(' ').endsWith('train-findings h2')")
    heading = page.locator("train-findings h2")
    expect(heading).to_have_text("Diagnostics")
    expect(heading).to_be_in_viewport()

    first = expected[0]
    assert first.layer is not None
    link = items(page).first.locator("a.layer")
    href = link.get_attribute("href") or ""
    assert href == f"/train/model?session={HIGH_SESSION}&worker={WORKER}&layer={first.layer}"
    link.click()
    expect(page).to_have_url(re.compile(rf"/train/model\?session=sgd_high&layer={first.layer}$"))
    expect(page.locator("train-app train-model")).to_have_attribute("layer", first.layer)
    page.go_back()
    expect(page).to_have_url(re.compile(r"/train/overview\?session=sgd_high$"))
    expect(items(page)).to_have_count(len(expected))


def test_a_healthy_run_shows_no_findings(page: Page, server: UIServer, runs: Runs) -> None:
    assert diagnose_stream(runs.storages["mlp"], MLP_SESSION, runs.mlp.worker_id) == []
    open_page(page, server, "overview", session=MLP_SESSION)
    empty = page.locator('train-findings [part="empty"]')
    expect(empty).to_have_text("No findings")
    expect(items(page)).to_have_count(0)
    expect(page.locator("train-findings")).to_have_attribute("data-count", "0")
    expect(page.locator('train-app [part="findings-badge"]')).to_have_count(0)
    assert ready_points(page, "score") > 0
    expect(chart(page, "score").locator('[part="finding"]')).to_have_count(0)


def test_a_nan_is_an_error_whose_evidence_says_nan(page: Page, server: UIServer, runs: Runs) -> None:
    found = diagnose_stream(runs.storages["diverging"], DIVERGING_SESSION, runs.diverging.worker_id)
    assert found and all(f.severity == "error" for f in found), found
    open_page(page, server, "overview", session=DIVERGING_SESSION)
    badge = page.locator('train-app [part="findings-badge"]')
    expect(badge).to_have_attribute("data-severity", "error")
    expect(badge).to_have_accessible_name(f"{len(found)} diagnostics errors")
    score = items(page).and_(page.locator('[data-rule="score_nonfinite"]'))
    expect(score).to_have_count(1)
    expect(score.locator('[part="severity"]')).to_have_text("Error")
    expect(score.locator('tr[data-key="value"] td')).to_have_text("NaN")
    expect(score.locator("a.layer")).to_have_count(0)  # the score belongs to no layer
    ready_points(page, "score")
    marks = chart(page, "score").locator('[part="finding"][data-severity="error"]')
    expect(marks).to_have_count(len(found))
    for i in range(len(found)):
        expect(marks.nth(i)).to_have_attribute("data-x", str(NAN_FROM))


def test_chinese_shows_the_chinese_messages(page: Page, server: UIServer, expected: list[Finding]) -> None:
    open_page(page, server, "overview", session=HIGH_SESSION)
    expect(items(page)).to_have_count(len(expected))
    page.locator('train-app select[name="lang"]').select_option("zh")
    messages = items(page).locator(".message")
    expect(messages).to_have_text([f.text("zh")[0] for f in expected])
    expect(page.locator("train-findings h2")).to_have_text("诊断")
    for i, f in enumerate(expected):
        expect(items(page).nth(i).locator('[part="severity"]')).to_have_text(SEVERITY_WORDS["zh"][f.severity])
    badge = page.locator('train-app [part="findings-badge"]')
    expect(badge).to_have_accessible_name(f"{len(alerts(expected))} 条诊断警告")
    marks = chart(page, "score").locator('[part="finding"]')
    expect(marks).to_have_count(len(alerts(expected)))
    titles = [marks.nth(i).get_attribute("title") or "" for i in range(marks.count())]
    for f in alerts(expected):
        assert zh_marker_title(f) in titles


def test_the_element_works_on_its_own(page: Page, server: UIServer, expected: list[Finding]) -> None:
    """``<train-findings>`` placed by a page with its attributes, as a portal would."""
    open_page(page, server, "overview", session=MLP_SESSION)
    page.evaluate(
        """(session) => {
          const el = document.createElement('train-findings');
          el.id = 'alone';
          el.setAttribute('session', session);
          el.setAttribute('lang', 'zh');
          el.setAttribute('theme', 'dark');
          document.body.append(el);
        }""",
        HIGH_SESSION,
    )
    alone = page.locator("#alone")
    expect(alone.locator('[part="finding"] .message')).to_have_text([f.text("zh")[0] for f in expected])
    expect(alone).to_have_attribute("data-count", str(len(expected)))


def of_layer(found: list[Finding], layer: str) -> list[Finding]:
    """The findings the model page lists for ``layer``: its own and its parameters', worst first."""
    mine = [f for f in found if f.layer == layer or (f.parameter or "").startswith(f"{layer}.")]
    return sorted(mine, key=lambda f: (SEVERITY_ORDER[f.severity], f.first_iteration, f.rule))


def model_items(page: Page) -> Locator:
    return page.locator('train-model train-findings [part="finding"]')


def test_the_model_page_shows_the_findings_of_the_selected_layer(page: Page, server: UIServer, runs: Runs) -> None:
    """Selecting a layer in the graph lists its findings under its charts (the NaN run's ``inp``:
    its weights' and activations' errors, not the score's), and a layer without any says so; the
    list shares the badge's request."""
    found = diagnose_stream(runs.storages["diverging"], DIVERGING_SESSION, runs.diverging.worker_id)
    inp = of_layer(found, "inp")
    assert inp and len(inp) < len(found), found  # the premise: the score's error is no layer's
    assert of_layer(found, "hidden") == [], found
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url) if "/api/v1/findings" in r.url else None)
    open_page(page, server, "model", session=DIVERGING_SESSION)
    expect(page.locator('train-app [part="findings-badge"]')).to_have_attribute("data-count", str(len(found)))

    page.locator('train-model train-layer-graph [data-layer="inp"]').click()
    expect(page).to_have_url(re.compile(rf"/train/model\?session={DIVERGING_SESSION}&layer=inp$"))
    listed = page.locator("train-model train-findings")
    expect(listed).to_have_attribute("data-count", str(len(inp)))
    expect(listed.locator("h2")).to_have_text("Diagnostics")
    expect(model_items(page).locator(".message")).to_have_text([f.message for f in inp])
    expect(model_items(page).locator('[part="severity"]')).to_have_text(["Error"] * len(inp))
    # the layer is the one on screen: named, not linked to itself
    expect(model_items(page).locator("a.layer")).to_have_count(0)
    expect(model_items(page).locator(".layer")).to_have_text(["inp"] * len(inp))
    # under the layer's charts: the page's last card
    last_card = page.locator("train-model section.card").last
    expect(last_card).to_have_attribute("data-card", "findings")

    page.locator('train-model train-layer-graph [data-layer="hidden"]').click()
    expect(page).to_have_url(re.compile(rf"/train/model\?session={DIVERGING_SESSION}&layer=hidden$"))
    expect(listed).to_have_attribute("data-count", "0")
    expect(listed.locator('[part="empty"]')).to_have_text("No findings for this layer")
    expect(model_items(page)).to_have_count(0)

    page.locator('train-app select[name="lang"]').select_option("zh")
    expect(listed.locator('[part="empty"]')).to_have_text("该层没有发现问题")
    page.locator('train-model train-layer-graph [data-layer="inp"]').click()
    expect(model_items(page).locator(".message")).to_have_text([f.text("zh")[0] for f in inp])
    # one request per language, shared by the badge and the list whatever the layer
    assert len(requests) == 2, requests


def test_the_model_page_opens_on_the_layer_of_its_address(page: Page, server: UIServer, runs: Runs) -> None:
    found = diagnose_stream(runs.storages["diverging"], DIVERGING_SESSION, runs.diverging.worker_id)
    open_page(page, server, "model", session=DIVERGING_SESSION, layer="inp")
    expect(model_items(page).locator(".message")).to_have_text([f.message for f in of_layer(found, "inp")])
    # the overview, with no layer, still lists every finding
    page.locator('train-app [part="findings-badge"]').click()
    expect(items(page)).to_have_count(len(found))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_model_page_with_findings_passes_the_accessibility_audit(
    browser: Browser, server: UIServer, scheme: str
) -> None:
    assert AXE.is_file(), f"axe-core is missing ({AXE}): cd frontend && npm ci"
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    try:
        page = context.new_page()
        page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
        open_page(page, server, "model", session=DIVERGING_SESSION, layer="inp")
        expect(model_items(page).first).to_be_visible()
        ready_points(page, "activations")
        model_items(page).first.locator("summary").click()
        violations = audit(page)
        assert violations == [], json.dumps(violations, indent=2)
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_badge_list_and_markers_pass_the_accessibility_audit(
    browser: Browser, server: UIServer, expected: list[Finding], scheme: str
) -> None:
    """axe-core over the overview with findings (advice opened), as test_a11y does for the pages."""
    assert AXE.is_file(), f"axe-core is missing ({AXE}): cd frontend && npm ci"
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    try:
        page = context.new_page()
        page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
        open_page(page, server, "overview", session=HIGH_SESSION)
        expect(items(page)).to_have_count(len(expected))
        expect(page.locator('train-app [part="findings-badge"]')).to_be_visible()
        ready_points(page, "score")
        for i in range(len(expected)):
            items(page).nth(i).locator("summary").click()
        violations = audit(page)
        assert violations == [], json.dumps(violations, indent=2)
    finally:
        context.close()


def test_findings_follow_a_run_as_it_reports_at_most_once_a_second(page: Page, tmp_path: Path) -> None:
    """The list, the badge and the markers grow as reports arrive (no reload), with no more than
    about one request a second, however often the run reports."""
    storage = FileStatsStorage(tmp_path / "live.fitscope")
    requests: list[float] = []
    page.on("request", lambda r: requests.append(time.monotonic()) if "/api/v1/findings" in r.url else None)
    try:
        with serve(storage) as server:
            started: list[float] = []

            def pause(iteration: int) -> None:
                if iteration == 10:  # 2 reports, before the rules' warm-up: nothing yet
                    open_page(page, server, "overview")
                    expect(page.locator('train-app [part="live"][data-state="open"]')).to_be_attached()
                    expect(page.locator('train-findings [part="empty"]')).to_have_text("No findings")
                    expect(page.locator('train-app [part="findings-badge"]')).to_have_count(0)
                    page.evaluate("window.__sameDocument = true")
                    started.append(time.monotonic())
                elif iteration == 150:  # mid-run: what the rules found so far is on the page
                    so_far = alerts(diagnose_stream(storage, "live", WORKER))
                    assert so_far, "no warning by iteration 150"
                    badge = page.locator('train-app [part="findings-badge"]')
                    expect(badge).to_have_attribute("data-count", str(len(so_far)))
                if started:
                    time.sleep(0.04)  # a report every 0.2 s: 5 a second

            train_sgd_high(storage, "live", pause)
            expected = alerts(diagnose_stream(storage, "live", WORKER))
            badge = page.locator('train-app [part="findings-badge"]')
            expect(badge).to_have_attribute("data-count", str(len(expected)))
            expect(chart(page, "score").locator('[part="finding"]')).to_have_count(len(expected))
            expect(page.locator("train-findings")).to_have_attribute(
                "data-count", str(len(diagnose_stream(storage, "live", WORKER)))
            )
            assert page.evaluate("window.__sameDocument") is True, "the page was reloaded"
            elapsed = time.monotonic() - started[0]
            after = [t for t in requests if t >= started[0]]
            # 38 reports were announced meanwhile, 5 a second; at most one request a second
            assert 2 <= len(after) <= elapsed + 2, (len(after), elapsed)
    finally:
        storage.close()
