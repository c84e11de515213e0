"""The overhead budget: ``StatsListener(max_overhead=...)`` spreads histograms, never scalars.

A budget far below any real cost (1e-9) drives the strides up one level per report; every
report then says, in ``budget``, which histograms it holds, and the test checks each tensor's
histogram against that rule and every statistic against numpy computed from the model itself.
"""

from __future__ import annotations

import logging
import math
from pathlib import Path

import jsonschema
import numpy as np
import pytest
import torch
from numpy_stats import RTOL, assert_summary
from test_schemas import validate

from fitscope import FileStatsStorage, InMemoryStatsStorage, KindConfig, StatsConfig, StatsListener
from fitscope.overhead_budget import CALM_REPORTS, HOLD_REPORTS, MAX_STRIDE, OverheadBudget, check_max_overhead
from fitscope.record_json import from_json_dict, to_json_dict
from fitscope.records import HISTOGRAM_SPREAD_ORDER, Budget, StatsReport

STEPS = 22
LEVELS = (2, 4, 8, MAX_STRIDE)


def model() -> torch.nn.Sequential:
    torch.manual_seed(3)
    return torch.nn.Sequential(
        torch.nn.Linear(3, 8), torch.nn.Tanh(), torch.nn.Linear(8, 8), torch.nn.Tanh(), torch.nn.Linear(8, 2)
    ).double()


def expected_strides(level: int, kinds: tuple[str, ...] = HISTOGRAM_SPREAD_ORDER) -> dict[str, int]:
    """Level n: the first kind climbs 2, 4, 8, 16, then the next kind, in the spread order."""
    out = {}
    for i, kind in enumerate(kinds):
        steps = min(max(level - i * len(LEVELS), 0), len(LEVELS))
        out[kind] = 1 if steps == 0 else LEVELS[steps - 1]
    return out


def numpy_forward(net: torch.nn.Sequential, x: np.ndarray) -> dict[str, np.ndarray]:
    """Every layer's output, by hand with numpy, from the weights before the step."""
    out, a = {}, x
    for name, module in net.named_children():
        if isinstance(module, torch.nn.Linear):
            a = a @ module.weight.detach().numpy().T + module.bias.detach().numpy()
        else:
            a = np.tanh(a)
        out[name] = a
    return out


def train(max_overhead: float | None) -> tuple[list[StatsReport], list[dict[str, dict[str, np.ndarray]]]]:
    """Trains ``STEPS`` SGD steps reporting every step; returns the reports and numpy's tensors."""
    net = model()
    opt = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9)
    storage = InMemoryStatsStorage()
    listener = StatsListener(storage, frequency=1, close_sinks=False, max_overhead=max_overhead)
    listener.attach(net, opt)
    expected = []
    for _ in range(STEPS):
        x = torch.randn(5, 3, dtype=torch.float64)
        acts = numpy_forward(net, x.numpy())
        before = {n: p.detach().numpy().copy() for n, p in net.named_parameters()}
        opt.zero_grad()
        loss = net(x).pow(2).mean()
        loss.backward()
        grads = {n: p.grad.detach().numpy().copy() for n, p in net.named_parameters() if p.grad is not None}
        opt.step()
        after = {n: p.detach().numpy().copy() for n, p in net.named_parameters()}
        listener.iteration_done(loss, batch_size=5)
        expected.append(
            {
                "parameters": after,
                "gradients": grads,
                "updates": {n: after[n] - before[n] for n in after},
                "activations": acts,
            }
        )
    listener.close()
    reports = list(storage.iter_updates(listener.session_id, listener.worker_id))
    storage.close()
    assert [r.iteration for r in reports] == list(range(1, STEPS + 1))
    return reports, expected


def test_a_budget_no_model_meets_spreads_histograms_by_the_recorded_rule(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="fitscope"):
        reports, expected = train(max_overhead=1e-9)
    max_level = len(LEVELS) * len(HISTOGRAM_SPREAD_ORDER)
    present = {kind: 0 for kind in HISTOGRAM_SPREAD_ORDER}
    for r, (report, want) in enumerate(zip(reports, expected, strict=True)):
        assert report.budget is not None
        assert report.budget.max_overhead == 1e-9
        assert report.budget.overhead is not None and report.budget.overhead > 1e-9
        # Over budget at every report: one level up each time, from everything at the first.
        strides = dict(report.budget.histogram_strides)
        assert strides == expected_strides(min(r, max_level))
        for kind in HISTOGRAM_SPREAD_ORDER:
            # Every scalar statistic of every tensor, whatever the budget.
            assert list(report.summaries[kind]) == list(want[kind])
            for j, (name, values) in enumerate(want[kind].items()):
                has = (j + r) % strides[kind] == 0
                assert_summary(report.summaries[kind][name], values, rtol=RTOL, histogram=has)
                present[kind] += has
    # Activations are spread first and so hold the fewest histograms, gradients the most.
    counts = [present[k] for k in HISTOGRAM_SPREAD_ORDER]
    assert counts == sorted(counts) and counts[0] < counts[-1]
    warnings = [r for r in caplog.records if "scalar statistics alone" in r.getMessage()]
    assert len(warnings) == 1 and "max_overhead=1e-09" in warnings[0].getMessage()


def test_max_overhead_none_collects_every_histogram_every_report(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="fitscope"):
        reports, expected = train(max_overhead=None)
    for report, want in zip(reports, expected, strict=True):
        assert report.budget is None
        for kind in HISTOGRAM_SPREAD_ORDER:
            for name, values in want[kind].items():
                assert_summary(report.summaries[kind][name], values, rtol=RTOL)
    assert not caplog.records


def test_only_kinds_with_histograms_switched_on_are_spread() -> None:
    net = model()
    opt = torch.optim.SGD(net.parameters(), lr=0.1)
    storage = InMemoryStatsStorage()
    config = StatsConfig(activations=KindConfig(enabled=False), gradients=KindConfig(histogram=False))
    listener = StatsListener(storage, frequency=1, config=config, close_sinks=False, max_overhead=1e-9)
    listener.attach(net, opt)
    for _ in range(6):
        opt.zero_grad()
        net(torch.randn(2, 3, dtype=torch.float64)).sum().backward()
        opt.step()
        listener.iteration_done(0.0)
    listener.close()
    reports = list(storage.iter_updates(listener.session_id, listener.worker_id))
    kinds = ("parameters", "updates")
    for r, report in enumerate(reports):
        assert report.budget is not None
        assert dict(report.budget.histogram_strides) == expected_strides(r, kinds)
        assert all(s.histogram is None for s in report.summaries["gradients"].values())


@pytest.mark.parametrize("bad", [0, -0.1, math.nan, math.inf, True, "0.03", [0.03]])
def test_a_bad_max_overhead_is_refused_before_training(bad: object) -> None:
    with pytest.raises(ValueError, match="max_overhead"):
        check_max_overhead(bad)
    with pytest.raises(ValueError, match="max_overhead"):
        StatsListener(InMemoryStatsStorage(), max_overhead=bad)  # type: ignore[arg-type]


def test_the_strides_climb_come_down_when_calm_and_hold_a_level_that_proved_too_costly() -> None:
    budget = OverheadBudget(0.03, ["gradients", "activations"])
    assert budget.kinds == ("activations", "gradients")
    over, calm, between = 0.1, 0.001, 0.02
    assert budget.record(over).histogram_strides == {"activations": 1, "gradients": 1}
    assert budget.record(over).histogram_strides == {"activations": 2, "gradients": 1}
    assert budget.level == 2
    assert budget.histogram_filter() == {"activations": (4, 2)}
    # Between half the budget and the budget: the level stays.
    for _ in range(10):
        budget.record(between)
    assert budget.level == 2
    # Calm for CALM_REPORTS reports in a row: one level down.
    for _ in range(CALM_REPORTS - 1):
        budget.record(calm)
    assert budget.level == 2
    budget.record(calm)
    assert budget.level == 1
    # That descent cost too much: back up, and level 2 is held for HOLD_REPORTS reports.
    budget.record(over)
    assert budget.level == 2
    for _ in range(HOLD_REPORTS - 1):
        budget.record(calm)
    assert budget.level == 2
    budget.record(calm)  # the hold has run out and the reports are calm
    assert budget.level == 1


def test_the_warning_comes_once_at_the_widest_spread(caplog: pytest.LogCaptureFixture) -> None:
    budget = OverheadBudget(0.03, ["parameters"])
    with caplog.at_level(logging.WARNING, logger="fitscope"):
        for _ in range(len(LEVELS)):
            budget.record(0.5)
        assert budget.strides() == {"parameters": MAX_STRIDE} and not caplog.records
        for _ in range(5):
            budget.record(0.5, 0.125)
    assert len(caplog.records) == 1
    assert "50.0 % of the training time (12.5 % of it the sinks' threads writing)" in caplog.records[0].getMessage()
    assert budget.record(None).overhead is None and budget.level == budget.max_level  # unmeasured: no move


def test_the_budget_travels_through_json_the_schema_and_both_storages(tmp_path: Path) -> None:
    reports, _ = train(max_overhead=1e-9)
    report = reports[7]
    assert report.budget is not None and report.budget.histogram_strides["activations"] == MAX_STRIDE
    doc = to_json_dict(report)
    validate(doc)  # type: ignore[arg-type]
    assert from_json_dict(doc) == report
    memory = InMemoryStatsStorage()
    path = tmp_path / "runs.fitscope"
    file = FileStatsStorage(path)
    for storage in (memory, file):
        for r in reports:
            storage.put_update(r)
    file.close()
    reopened = FileStatsStorage(path)
    for storage in (memory, reopened):
        got = list(storage.iter_updates(report.session_id, report.worker_id))
        assert [g.budget for g in got] == [r.budget for r in reports]
        assert got == reports
    reopened.close()
    plain = to_json_dict(reports[0])
    plain.pop("budget")
    validate(plain)  # type: ignore[arg-type]
    assert from_json_dict(plain).budget is None  # type: ignore[union-attr]


def test_a_budget_with_a_bad_stride_is_refused_by_the_schema() -> None:
    reports, _ = train(max_overhead=1e-9)
    doc = to_json_dict(reports[3])
    doc["budget"] = Budget(max_overhead=0.03, overhead=0.01, histogram_strides={"activations": 0}).to_json()
    with pytest.raises(jsonschema.ValidationError):
        validate(doc)  # type: ignore[arg-type]
    doc["budget"] = Budget(max_overhead=0.03, overhead=0.01, histogram_strides={"weights": 2}).to_json()
    with pytest.raises(jsonschema.ValidationError):
        validate(doc)  # type: ignore[arg-type]
