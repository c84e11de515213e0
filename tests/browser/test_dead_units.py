"""Dead units and zeros on the model page, in a real Chromium, against a real server.

A Linear layer whose bias is -100 for some of its units feeds a ReLU: those units are 0 for
every example, so the ReLU's activations have dead units, and the Linear's gradients and updates
are exactly 0 in those rows. The page must chart the fraction of dead units and show, in the
latest-statistics table, the zeros and dead units the storage holds (read from the storage here,
never written into the test). A copy of the run without those counts (as a file written before
fitscope counted them) must show them as not counted.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import re
from collections.abc import Iterator

import pytest
import torch
from playwright.sync_api import Locator, Page, expect

from fitscope import FileStatsStorage, StatsListener
from fitscope.records import StatsReport, Summary
from fitscope.server import UIServer

from .conftest import chart, get_json, open_page, ready_points, serve
from .runs import CLASSES, FEATURES, blobs

SESSION, OLD_SESSION, WORKER = "dead-units", "dead-units-before-counts", "worker-0"
STEPS, FREQUENCY, BATCH = 12, 2, 20
DEAD = (0, 2, 5)  # the units of ``inp`` whose bias is -100


class DeadNet(torch.nn.Module):
    """16 -> 8 (ReLU) -> 3, three of the eight hidden units switched off by a bias of -100."""

    def __init__(self) -> None:
        super().__init__()
        self.inp = torch.nn.Linear(FEATURES, 8)
        self.act = torch.nn.ReLU()
        self.out = torch.nn.Linear(8, CLASSES)
        with torch.no_grad():
            self.inp.bias[list(DEAD)] = -100.0

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out: torch.Tensor = self.out(self.act(self.inp(x)))
        return out


def train(storage: FileStatsStorage) -> None:
    gen = torch.Generator().manual_seed(0)
    torch.manual_seed(0)
    model = DeadNet()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    x, y = blobs(STEPS * BATCH, torch.randn(CLASSES, FEATURES, generator=gen), gen)
    listener = StatsListener(
        storage, frequency=FREQUENCY, session_id=SESSION, worker_id=WORKER, close_sinks=False, max_overhead=None
    )
    listener.attach(model, opt, example_input=x[:BATCH])
    for i in range(STEPS):
        xb, yb = x[i * BATCH : (i + 1) * BATCH], y[i * BATCH : (i + 1) * BATCH]
        opt.zero_grad()
        loss = torch.nn.functional.cross_entropy(model(xb), yb)
        loss.backward()
        opt.step()
        listener.iteration_done(loss, batch_size=BATCH)
    listener.close()


def _uncounted(s: Summary) -> Summary:
    return dataclasses.replace(s, zero_count=None, unit_count=None, dead_unit_count=None)


def copy_without_counts(storage: FileStatsStorage) -> None:
    """The run again as ``OLD_SESSION``, its summaries without zero and unit counts (older records)."""
    info = storage.get_static_info(SESSION, WORKER)
    assert info is not None
    storage.put_static_info(dataclasses.replace(info, session_id=OLD_SESSION))
    for report in list(storage.iter_updates(SESSION, WORKER)):
        summaries = {kind: {n: _uncounted(s) for n, s in by.items()} for kind, by in report.summaries.items()}
        storage.put_update(dataclasses.replace(report, session_id=OLD_SESSION, summaries=summaries))


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FileStatsStorage]:
    storage = FileStatsStorage(tmp_path_factory.mktemp("dead-units") / "dead.fitscope")
    train(storage)
    copy_without_counts(storage)
    yield storage
    storage.close()


@pytest.fixture(scope="module")
def server(stored: FileStatsStorage) -> Iterator[UIServer]:
    with serve(stored) as ui:
        yield ui


def latest_with(storage: FileStatsStorage, session: str, kind: str, name: str) -> StatsReport:
    """The newest stored report holding a ``kind`` summary of ``name`` (what the page's table shows)."""
    reports = [r for r in storage.iter_updates(session, WORKER) if name in r.summaries.get(kind, {})]
    assert reports, f"no stored report holds {kind} of {name}"
    return reports[-1]


def shown_percent(text: str) -> float:
    """The number of a percentage as the page shows it ("37.5 %")."""
    m = re.fullmatch(r"(\d+(?:\.\d+)?) %", text.strip())
    assert m is not None, f"{text!r} is not a percentage as shown"
    return float(m.group(1))


def assert_percent(text: str, part: int, whole: int) -> None:
    """``text`` is ``part / whole`` as a percentage, at the page's precision (1 decimal from 10 %, else 2)."""
    expected = 100 * part / whole
    assert abs(shown_percent(text) - expected) <= (0.05 if expected >= 10 else 0.005), (text, part, whole)


def cell(page: Page, key: str, col: str) -> Locator:
    return page.locator(f'train-model table[data-table="latest"] tr[data-key="{key}"] td[data-col="{col}"]')


def test_dead_units_chart_and_table_show_the_stored_counts(
    page: Page, server: UIServer, stored: FileStatsStorage
) -> None:
    report = latest_with(stored, SESSION, "activations", "act")
    act = report.summaries["activations"]["act"]
    assert act.unit_count == 8 and act.dead_unit_count is not None and act.dead_unit_count >= len(DEAD)
    assert act.zero_count is not None and act.zero_count >= len(DEAD) * BATCH
    counted = [r for r in stored.iter_updates(SESSION, WORKER) if "act" in r.summaries.get("activations", {})]

    open_page(page, server, "model", session=SESSION, layer="act")
    # The chart: one point per report that counted the units, each the stored fraction.
    assert ready_points(page, "dead-units") == len(counted)
    dead_chart = chart(page, "dead-units")
    expect(dead_chart).to_have_attribute("value-format", "percent")
    drawn = dead_chart.evaluate("el => el.series.map(s => ({iterations: s.iterations, values: s.values}))")
    assert drawn == [
        {
            "iterations": [r.iteration for r in counted],
            "values": [r.summaries["activations"]["act"].dead_fraction for r in counted],
        }
    ]
    # Its table view prints the fractions as percentages.
    dead_chart.locator('[part="toolbar"] button', has_text="Table").click()
    last = dead_chart.locator('[part="table"] tbody tr').last.locator("td").first
    assert_percent(last.text_content() or "", act.dead_unit_count, act.unit_count)
    # Its download (the chart tools every chart has) saves the stored fractions as they are.
    with page.expect_download() as info:
        dead_chart.locator('[part="download"] button[data-download="csv"]').click()
    rows = list(csv.reader(io.StringIO(info.value.path().read_text(encoding="utf-8"))))
    assert rows[0] == ["iteration", "wall_time_ms", "wall_time_iso", "Dead units"]
    fractions = [r.summaries["activations"]["act"].dead_fraction for r in counted]
    assert rows[1:] == [[str(r.iteration), "", "", repr(f)] for r, f in zip(counted, fractions, strict=True)]
    expect(dead_chart.locator('select[name="x-axis"]')).to_have_count(1)
    expect(dead_chart.locator('input[name="smoothing"]')).to_have_count(1)

    # The table: the activations row, with the counts of the stored summary.
    zeros = cell(page, "activations", "zeros")
    expect(zeros).to_have_attribute("data-zero-count", str(act.zero_count))
    expect(zeros).to_have_attribute("data-count", str(act.count))
    expect(zeros).to_have_attribute("title", f"{act.zero_count:,} of {act.count:,} elements are exactly 0")
    assert_percent(zeros.text_content() or "", act.zero_count, act.count)
    dead = cell(page, "activations", "dead_units")
    expect(dead).to_have_attribute("data-dead-unit-count", str(act.dead_unit_count))
    expect(dead).to_have_attribute("data-unit-count", str(act.unit_count))
    text = (dead.text_content() or "").strip()
    m = re.fullmatch(r"(\d+) of (\d+) \((.+)\)", text)
    assert m is not None, text
    assert (int(m.group(1)), int(m.group(2))) == (act.dead_unit_count, act.unit_count)
    assert_percent(m.group(3), act.dead_unit_count, act.unit_count)
    expect(cell(page, "activations", "count")).to_have_text(f"{act.count:,}")


def test_zero_gradients_of_the_dead_rows_show_in_the_linear_layers_table(
    page: Page, server: UIServer, stored: FileStatsStorage
) -> None:
    open_page(page, server, "model", session=SESSION, layer="inp")
    ready_points(page, "activations")
    for kind in ("parameters", "gradients", "updates"):
        report = latest_with(stored, SESSION, kind, "inp.weight")
        for name in ("inp.weight", "inp.bias"):
            s = report.summaries[kind][name]
            assert s.zero_count is not None
            zeros = cell(page, f"{kind}.{name}", "zeros")
            expect(zeros).to_have_attribute("data-zero-count", str(s.zero_count))
            expect(zeros).to_have_attribute("data-count", str(s.count))
            assert_percent(zeros.text_content() or "", s.zero_count, s.count)
            # parameter rows have no units: the dead-units cell is left empty
            expect(cell(page, f"{kind}.{name}", "dead_units")).to_have_text("")
    # the dead rows get no gradient: 3 rows of 16 weights and 3 biases at least
    grads = latest_with(stored, SESSION, "gradients", "inp.weight").summaries["gradients"]
    assert (grads["inp.weight"].zero_count or 0) >= len(DEAD) * FEATURES
    assert (grads["inp.bias"].zero_count or 0) >= len(DEAD)
    # the Linear's own output is -100 there, not 0: no dead units
    inp = latest_with(stored, SESSION, "activations", "inp").summaries["activations"]["inp"]
    dead = cell(page, "activations", "dead_units")
    expect(dead).to_have_attribute("data-dead-unit-count", str(inp.dead_unit_count))
    expect(dead).to_contain_text(f"{inp.dead_unit_count} of {inp.unit_count} (")


def test_summaries_without_counts_show_not_counted(page: Page, server: UIServer, stored: FileStatsStorage) -> None:
    layer = get_json(f"{server.url}/api/v1/layer?session={OLD_SESSION}&worker={WORKER}&layer=act")
    open_page(page, server, "model", session=OLD_SESSION, layer="act")
    ready_points(page, "activations")
    for col in ("zeros", "dead_units"):
        c = cell(page, "activations", col)
        expect(c).to_have_text("—")
        expect(c).to_have_attribute("title", re.compile("^Not counted"))
        for attr in ("data-count", "data-zero-count", "data-unit-count", "data-dead-unit-count"):
            assert c.get_attribute(attr) is None, f"{col} cell has {attr}"
    expect(cell(page, "activations", "count")).not_to_have_text("—")
    if layer["dead_units"] is None:
        expect(chart(page, "dead-units")).to_have_count(0)
    else:  # a series of absent values: drawn as nothing, never as 0
        expect(chart(page, "dead-units")).to_have_attribute("data-points", "0")
    table_text = page.locator('train-model table[data-table="latest"]').inner_text()
    assert "NaN" not in table_text and "Inf" not in table_text and "%" not in table_text, table_text
