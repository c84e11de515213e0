"""The model page of a run whose overhead budget spread its histograms, in a real Chromium.

``max_overhead=1e-9`` (a budget nothing meets) leaves most histograms out of the latest
report; the page must still draw each one, from the newest report holding it, and say which
iteration it shows.
"""

from __future__ import annotations

from pathlib import Path

import torch
from playwright.sync_api import Page, expect

from fitscope import FileStatsStorage, StatsListener
from fitscope.server import UIServer

from . import runs as runs_module
from .conftest import get_json, open_page

SESSION, STEPS = "spread-run", 30


def train(storage: FileStatsStorage) -> None:
    gen = torch.Generator().manual_seed(0)
    model = runs_module.BrowserMLP()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    x, y = runs_module.blobs(40, torch.randn(runs_module.CLASSES, runs_module.FEATURES, generator=gen), gen)
    listener = StatsListener(storage, frequency=1, session_id=SESSION, close_sinks=False, max_overhead=1e-9)
    listener.attach(model, opt, example_input=x[:20])
    for _ in range(STEPS):
        opt.zero_grad()
        loss = torch.nn.functional.cross_entropy(model(x[:20]), y[:20])
        loss.backward()
        opt.step()
        listener.iteration_done(loss, batch_size=20)
    listener.close()


def test_histograms_the_budget_left_out_are_drawn_from_earlier_reports_with_their_iteration(
    page: Page, tmp_path: Path
) -> None:
    storage = FileStatsStorage(tmp_path / "spread.fitscope")
    train(storage)
    with UIServer(port=0) as server:
        server.attach(storage)
        worker = storage.list_workers(SESSION)[0]
        layer = get_json(f"{server.url}/api/v1/layer?session={SESSION}&worker={worker}&layer=inp")
        latest = layer["latest"]
        earlier = latest["earlier_histograms"]
        assert latest["iteration"] == STEPS
        expected = {kind: earlier[kind].get("inp.weight") for kind in ("parameters", "gradients", "updates")}
        expected["activations"] = earlier["activations"]
        assert any(e is not None for e in expected.values()), "the budget left no histogram of layer inp out"
        open_page(page, server, "model", session=SESSION)
        page.locator('train-model train-layer-graph [data-layer="inp"]').click()
        for kind, found in expected.items():
            hist = page.locator(f'train-model train-histogram[data-hist="{kind}"]')
            expect(hist).to_have_count(1)
            title = page.locator("train-model .hists > div").filter(
                has=page.locator(f'train-histogram[data-hist="{kind}"]')
            )
            title = title.locator("h3")
            if found is None:
                expect(title).not_to_contain_text("iteration")
            else:
                assert found["iteration"] < STEPS
                expect(title).to_contain_text(f"(iteration {found['iteration']})")
            shown = (
                found["summary"]
                if found
                else latest["activations"]
                if kind == "activations"
                else latest[kind]["inp.weight"]
            )
            expect(hist).to_have_attribute("data-bins", str(len(shown["histogram"]["counts"])))
    storage.close()
