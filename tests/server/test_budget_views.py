"""The layer view under an overhead budget: a histogram the budget left out shows the newest earlier one.

A real run with ``max_overhead=1e-9`` (a budget nothing meets: histograms spread as widely as
they go) into real storages, read back through a real server; every answer validates against
schemas/openapi.json, and the earlier histograms are checked against the stored reports.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import torch

from fitscope import FileStatsStorage, InMemoryStatsStorage, KindConfig, StatsConfig, StatsListener
from fitscope.records import StatsReport
from fitscope.server import UIServer
from fitscope.storage.base import StatsStorage

from .helpers import request, validate_answer

STEPS = 30
PARAM_KINDS = ("parameters", "gradients", "updates")


def get(ui: UIServer, path: str) -> Any:
    answer = request(ui.url + path)
    assert answer.status == 200, answer.body
    return validate_answer(path.partition("?")[0], answer)


def train(storage: StatsStorage, session: str, config: StatsConfig | None = None) -> None:
    torch.manual_seed(1)
    net = torch.nn.Sequential(torch.nn.Linear(4, 6), torch.nn.Tanh(), torch.nn.Linear(6, 6), torch.nn.Linear(6, 2))
    opt = torch.optim.SGD(net.parameters(), lr=0.05)
    listener = StatsListener(
        storage, frequency=1, session_id=session, worker_id="w", config=config, close_sinks=False, max_overhead=1e-9
    )
    listener.attach(net, opt, example_input=torch.randn(3, 4))
    for _ in range(STEPS):
        opt.zero_grad()
        net(torch.randn(3, 4)).pow(2).mean().backward()
        opt.step()
        listener.iteration_done(0.5, batch_size=3)
    listener.close()


def newest_with_histogram(reports: list[StatsReport], kind: str, name: str) -> StatsReport | None:
    return next((r for r in reversed(reports) if (s := r.summaries[kind].get(name)) and s.histogram), None)


@pytest.mark.parametrize("backend", ["file", "memory"])
def test_a_left_out_histogram_is_shown_from_the_newest_report_that_holds_it(tmp_path: Path, backend: str) -> None:
    storage: StatsStorage = FileStatsStorage(tmp_path / "run.fitscope") if backend == "file" else InMemoryStatsStorage()
    train(storage, "spread")
    reports = list(storage.iter_updates("spread", "w"))
    latest = reports[-1]
    assert latest.budget is not None and max(latest.budget.histogram_strides.values()) > 1
    replaced = 0
    with UIServer(port=0) as ui:
        ui.attach(storage)
        for layer, params in (
            ("0", ["0.weight", "0.bias"]),
            ("2", ["2.weight", "2.bias"]),
            ("3", ["3.weight", "3.bias"]),
        ):
            shown = get(ui, f"/api/v1/layer?session=spread&layer={layer}")["latest"]
            assert shown["iteration"] == latest.iteration
            earlier = shown["earlier_histograms"]
            for kind in PARAM_KINDS:
                for name in params:
                    # The latest report's own summary: every scalar, whatever the budget.
                    assert shown[kind][name] == latest.summaries[kind][name].to_json()
                    if latest.summaries[kind][name].histogram is not None:
                        assert name not in earlier[kind]
                        continue
                    held = newest_with_histogram(reports, kind, name)
                    assert held is not None and held.iteration < latest.iteration
                    assert earlier[kind][name] == {
                        "iteration": held.iteration,
                        "summary": held.summaries[kind][name].to_json(),
                    }
                    replaced += 1
            activation = latest.summaries["activations"][layer]
            if activation.histogram is None:
                held = newest_with_histogram(reports, "activations", layer)
                assert held is not None
                assert earlier["activations"] == {
                    "iteration": held.iteration,
                    "summary": held.summaries["activations"][layer].to_json(),
                }
                replaced += 1
            else:
                assert earlier["activations"] is None
    assert replaced > 0  # the budget left histograms out of the latest report, and they were found
    storage.close()


def test_a_histogram_switched_off_is_not_replaced_by_an_older_one(tmp_path: Path) -> None:
    storage = FileStatsStorage(tmp_path / "run.fitscope")
    train(storage, "off", StatsConfig(gradients=KindConfig(histogram=False)))
    with UIServer(port=0) as ui:
        ui.attach(storage)
        shown = get(ui, "/api/v1/layer?session=off&layer=0")["latest"]
    assert shown["gradients"]["0.weight"]["histogram"] is None
    assert shown["earlier_histograms"]["gradients"] == {}
    storage.close()


@pytest.mark.parametrize("backend", ["file", "memory"])
def test_the_storages_find_the_newest_histogram_at_or_before_an_iteration(tmp_path: Path, backend: str) -> None:
    storage: StatsStorage = FileStatsStorage(tmp_path / "run.fitscope") if backend == "file" else InMemoryStatsStorage()
    train(storage, "find")
    reports = list(storage.iter_updates("find", "w"))
    for kind in ("parameters", "activations"):
        for name in reports[0].summaries[kind]:
            for end in (1, 10, 17, STEPS, None):
                kept = [r for r in reports if end is None or r.iteration <= end]
                held = newest_with_histogram(kept, kind, name)
                want = None if held is None else held.iteration
                assert storage.latest_histogram_iteration("find", "w", kind, name, end) == want
    assert storage.latest_histogram_iteration("find", "w", "parameters", "no such tensor") is None
    assert storage.latest_histogram_iteration("find", "nobody", "parameters", "0.weight") is None
    assert storage.latest_histogram_iteration("find", "w", "parameters", "0.weight", 0) is None
    storage.close()
