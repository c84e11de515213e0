"""Accessibility of the three pages, checked by axe-core (the rules browsers' audit tools use) in
the real Chromium, light and dark: no serious or critical violation, shadow roots included."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from fitscope.server import UIServer

from .conftest import Runs, open_page, ready_points, serve
from .runs import MLP_SESSION

AXE = Path(__file__).resolve().parents[2] / "frontend" / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="module")
def server(runs: Runs) -> Iterator[UIServer]:
    with serve(runs.storages["mlp"]) as ui:
        yield ui


@pytest.fixture
def audited_page(browser: Browser) -> Iterator[Page]:
    """A page that may inject axe-core despite the pages' Content-Security-Policy."""
    if not AXE.is_file():
        pytest.fail(f"axe-core is missing ({AXE}): cd frontend && npm ci", pytrace=False)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    yield context.new_page()
    context.close()


def audit(page: Page) -> list[dict[str, Any]]:
    """axe-core's serious and critical violations on the page as it is now."""
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        """async () => {
          const r = await axe.run(document, { resultTypes: ["violations"] });
          return r.violations
            .filter((v) => v.impact === "serious" || v.impact === "critical")
            .map((v) => ({ id: v.id, impact: v.impact, help: v.help,
                           nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" >>> ")) }));
        }"""
    )
    assert isinstance(result, list)
    return result


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", ["overview", "model", "system"])
def test_pages_have_no_serious_accessibility_violation(
    audited_page: Page, server: UIServer, name: str, scheme: str
) -> None:
    page = audited_page
    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    query = {"session": MLP_SESSION, **({"layer": "hidden"} if name == "model" else {})}
    open_page(page, server, name, **query)
    first_chart = {"overview": "score", "model": "activations", "system": "memory"}[name]
    ready_points(page, first_chart)
    violations = audit(page)
    assert violations == [], json.dumps(violations, indent=2)


def test_the_audit_sees_inside_shadow_roots(audited_page: Page, server: UIServer) -> None:
    """The check above can fail: a nameless button and low-contrast text inside an element's
    shadow root are reported."""
    page = audited_page
    open_page(page, server, "overview", session=MLP_SESSION)
    ready_points(page, "score")
    page.evaluate(
        """() => {
          const root = document.querySelector("train-app").shadowRoot.querySelector("train-overview").shadowRoot;
          const b = document.createElement("button");
          root.prepend(b);
          const p = document.createElement("p");
          p.textContent = "faint";
          p.style.color = "#eeeeee";
          p.style.background = "#ffffff";
          root.prepend(p);
        }"""
    )
    found = {v["id"] for v in audit(page)}
    assert {"button-name", "color-contrast"} <= found, found
