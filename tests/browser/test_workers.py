"""A session with two workers (two machines of one distributed run): the system page has a tab per
worker and each shows its own machine; the shell's worker selector switches every page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from fitscope import FileStatsStorage
from fitscope.records import Hardware, LayerInfo, Memory, ModelInfo, Software, StaticInfo, StatsReport, Summary
from fitscope.server import UIServer

from .conftest import open_page, ready_points, row_value, serve

SESSION = "two-workers"
WORKERS = {"node-a:1": ("machine-a", 4), "node-b:1": ("machine-b", 8)}


def _write(path: Path) -> FileStatsStorage:
    storage = FileStatsStorage(path)
    layers = (LayerInfo("fc", "Linear", 6, ("fc.weight", "fc.bias")),)
    model = ModelInfo("Net", 1, 6, ("fc.weight", "fc.bias"), {"fc.weight": (2, 2), "fc.bias": (2,)}, layers)
    for n, (worker, (host, cpus)) in enumerate(WORKERS.items()):
        storage.put_static_info(
            StaticInfo(
                SESSION,
                worker,
                1_700_000_000_000,
                session_name="distributed",
                software=Software(hostname=host, python="3.11"),
                hardware=Hardware(cpu_count=cpus, memory_total_bytes=2**34),
                model=model,
            )
        )
        for it in range(1, 21):
            stats = {"fc.weight": Summary(4, stdev=0.1 * it, mean_magnitude=0.5), "fc.bias": Summary(2)}
            storage.put_update(
                StatsReport(
                    SESSION,
                    worker,
                    1_700_000_000_000 + it * 100,
                    it,
                    score=1.0 / it + n,
                    memory=Memory(process_rss_bytes=2**30 * (n + 1), system_total_bytes=2**34),
                    summaries={"parameters": stats, "updates": stats},
                )
            )
    return storage


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[UIServer]:
    storage = _write(tmp_path_factory.mktemp("workers") / "run.fitscope")
    with serve(storage) as ui:
        yield ui
    storage.close()


def test_system_page_has_a_tab_per_worker_showing_its_machine(page: Page, server: UIServer) -> None:
    open_page(page, server, "system", session=SESSION)
    ready_points(page, "memory")
    tabs = page.locator('train-system button[role="tab"][data-worker]')
    expect(tabs).to_have_count(len(WORKERS))
    for worker, (host, cpus) in WORKERS.items():
        page.locator(f'train-system button[data-worker="{worker}"]').click()
        expect(page.locator(f'train-system button[data-worker="{worker}"]')).to_have_attribute("aria-selected", "true")
        expect(page.locator('table[data-table="software"] tr[data-key="hostname"] td')).to_have_text(host)
        assert row_value(page, "hardware", "cpu_count") == str(cpus)
        expect(page.locator('train-app select[name="worker"]')).to_have_value(worker)  # the shell follows
        assert parse_qs(urlsplit(page.url).query)["worker"] == [worker]


def test_the_shell_worker_selector_switches_the_overview(page: Page, server: UIServer) -> None:
    open_page(page, server, "overview", session=SESSION)
    ready_points(page, "score")
    select = page.locator('train-app select[name="worker"]')
    expect(select).to_be_enabled()
    # Worker ids are shown bidi-isolated (FSI ... PDI), like every name a run chooses.
    shown = [t.strip().strip("\u2068\u2069") for t in select.locator("option").all_text_contents()]
    assert shown == ["All workers", *WORKERS]  # a session of 2+ workers offers them all at once first
    # The score of node-b is 1 higher everywhere: its table view shows it.
    select.select_option("node-b:1")
    expect(page.locator("train-overview")).to_have_attribute("worker", "node-b:1")
    score = page.locator('train-line-chart[data-chart="score"]')
    score.locator('[part="toolbar"] button', has_text="Table").click()
    first_row = score.locator('table[part="table"] tbody tr').first
    expect(first_row.locator("td, th").nth(1)).to_have_text("2")  # iteration 1: 1/1 + 1
    assert parse_qs(urlsplit(page.url).query)["worker"] == ["node-b:1"]  # a reload shows the same
