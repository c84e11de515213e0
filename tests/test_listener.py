"""StatsListener behaviour: counting, hooks only when reporting, sinks, metadata, errors, per-iteration
wall times, the final partial report and the one warning on the first non-finite value."""

from __future__ import annotations

import logging
import math
import threading
import time
from typing import Any

import pytest
import torch

from fitscope import InMemoryStatsStorage, KindConfig, StatsConfig, StatsListener
from fitscope.errors import ListenerError, RecordError
from fitscope.records import EpochRecord, MetricsRecord, StaticInfo, StatsReport


class RecordingSink:
    """A real sink that keeps every call, for counting what the listener sends."""

    def __init__(self, delay: float = 0.0, fail_on: type | None = None) -> None:
        self.calls: list[tuple[str, Any]] = []
        self.delay = delay
        self.fail_on = fail_on
        self.closed = False

    def _put(self, name: str, record: Any) -> None:
        if self.delay:
            time.sleep(self.delay)
        if self.fail_on is not None and isinstance(record, self.fail_on):
            raise OSError("disk full")
        self.calls.append((name, record))

    def put_static_info(self, info: StaticInfo) -> None:
        self._put("static", info)

    def put_update(self, report: StatsReport) -> None:
        self._put("update", report)

    def put_metrics(self, record: MetricsRecord) -> None:
        self._put("metrics", record)

    def put_epoch(self, record: EpochRecord) -> None:
        self._put("epoch", record)

    def close(self) -> None:
        self.closed = True

    def of(self, name: str) -> list[Any]:
        return [r for n, r in self.calls if n == name]


def mlp() -> torch.nn.Sequential:
    torch.manual_seed(0)
    return torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.ReLU(), torch.nn.Linear(8, 2))


def train(listener: StatsListener, model: torch.nn.Module, opt: torch.optim.Optimizer, steps: int) -> None:
    for _ in range(steps):
        x = torch.randn(5, 4)
        opt.zero_grad()
        loss = model(x).pow(2).mean()
        loss.backward()
        opt.step()
        listener.iteration_done(loss, batch_size=5)


def test_reports_fall_on_multiples_of_frequency_and_close_writes_the_partial_window() -> None:
    sink = RecordingSink()
    model = mlp()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    listener = StatsListener(sink, frequency=3)
    listener.attach(model, opt)
    train(listener, model, opt, 10)
    listener.close()
    reports = sink.of("update")
    assert [r.iteration for r in reports] == [3, 6, 9, 10]
    assert [r.scores.iterations for r in reports] == [(1, 2, 3), (4, 5, 6), (7, 8, 9), (10,)]
    assert len(sink.of("static")) == 1 and sink.closed
    # scheduled reports carry everything; the final partial one has no updates/activations
    assert set(reports[0].summaries) == {"parameters", "gradients", "updates", "activations"}
    assert set(reports[-1].summaries) == {"parameters", "gradients"}
    assert reports[-1].performance is not None and reports[-1].performance.total_minibatches == 10
    assert reports[-1].performance.total_examples == 50


def test_a_resumed_run_continues_its_iterations_and_epochs() -> None:
    sink = RecordingSink()
    model = mlp()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    listener = StatsListener(sink, frequency=4, start_iteration=6, start_epoch=2).attach(model, opt)
    train(listener, model, opt, 5)
    listener.epoch_done()
    listener.close()
    reports = sink.of("update")
    assert [r.iteration for r in reports] == [8, 11]
    assert reports[0].scores.iterations == (7, 8)
    assert set(reports[0].summaries) == {"parameters", "gradients", "updates", "activations"}
    assert [(e.epoch, e.iteration) for e in sink.of("epoch")] == [(2, 11)]
    for bad in (-1, 1.5, True):
        with pytest.raises(ValueError, match="start_iteration"):
            StatsListener(sink, start_iteration=bad)  # type: ignore[arg-type]


def test_forward_hooks_exist_only_for_reporting_iterations() -> None:
    model = mlp()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    listener = StatsListener(RecordingSink(), frequency=4)
    listener.attach(model, opt)

    def hooked() -> int:
        return sum(len(m._forward_hooks) for m in model.modules())

    seen = []
    for _ in range(8):
        seen.append(hooked())
        train(listener, model, opt, 1)
    listener.close()
    assert seen == [0, 0, 0, 3, 0, 0, 0, 3]
    assert hooked() == 0


def test_activations_come_from_training_mode_forward_of_the_reported_step() -> None:
    sink = RecordingSink()
    model = mlp()
    opt = torch.optim.SGD(model.parameters(), lr=0.0)
    listener = StatsListener(sink, frequency=1)
    listener.attach(model, opt)
    x = torch.ones(5, 4)
    opt.zero_grad()
    out = model(x)
    model.eval()
    model(torch.full((5, 4), 100.0))  # an evaluation pass must not pollute activations
    model.train()
    loss = out.pow(2).mean()
    loss.backward()
    opt.step()
    listener.iteration_done(loss)
    listener.close()
    report = sink.of("update")[0]
    act = report.summaries["activations"]
    assert list(act) == ["0", "1", "2"]
    assert act["2"].mean == pytest.approx(float(out.detach().mean()), rel=1e-6)


def test_inplace_relu_does_not_corrupt_the_previous_layer_activation() -> None:
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(4, 16), torch.nn.ReLU(inplace=True), torch.nn.Linear(16, 2))
    sink = RecordingSink()
    listener = StatsListener(sink, frequency=1)
    listener.attach(model)
    x = torch.randn(32, 4)
    pre = model[0](x).detach().clone()
    model(x).sum().backward()
    listener.iteration_done(0.0)
    listener.close()
    act = sink.of("update")[0].summaries["activations"]
    assert act["0"].min == pytest.approx(float(pre.min()), rel=1e-6)
    assert act["0"].min < 0  # the pre-ReLU output, not the rectified one
    assert act["1"].min == 0.0


def test_updates_are_the_change_the_optimizer_applied_with_several_groups_and_a_schedule() -> None:
    sink = RecordingSink()
    model = mlp()
    opt = torch.optim.AdamW(
        [
            {"params": model[0].parameters(), "lr": 0.01},
            {"params": model[2].parameters(), "lr": 0.001, "weight_decay": 0.5},
        ]
    )
    sched = torch.optim.lr_scheduler.StepLR(opt, step_size=1, gamma=0.5)
    listener = StatsListener(sink, frequency=2)
    listener.attach(model, opt)
    train(listener, model, opt, 1)
    sched.step()
    before = {n: p.detach().clone() for n, p in model.named_parameters()}
    train(listener, model, opt, 1)
    listener.close()
    report = sink.of("update")[0]
    assert report.iteration == 2
    assert report.learning_rates == {"0.weight": 0.005, "0.bias": 0.005, "2.weight": 0.0005, "2.bias": 0.0005}
    for name, p in model.named_parameters():
        diff = (p.detach() - before[name]).double()
        summary = report.summaries["updates"][name]
        assert summary.sum == pytest.approx(float(diff.sum()), rel=1e-9, abs=1e-12)
        assert summary.max == pytest.approx(float(diff.max()), rel=1e-9, abs=1e-12)


def test_gradient_accumulation_counts_optimizer_steps() -> None:
    sink = RecordingSink()
    model = mlp()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    listener = StatsListener(sink, frequency=2)
    listener.attach(model, opt)
    for _ in range(4):
        opt.zero_grad()
        for _ in range(3):  # three micro-batches per step
            model(torch.randn(5, 4)).pow(2).mean().backward()
        opt.step()
        listener.iteration_done(batch_size=15)
    listener.close()
    reports = sink.of("update")
    assert [r.iteration for r in reports] == [2, 4]
    assert reports[-1].performance is not None and reports[-1].performance.total_examples == 60
    assert reports[0].score is None  # no loss given


def test_switches_turn_statistics_off() -> None:
    sink = RecordingSink()
    model = mlp()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    config = StatsConfig(
        activations=KindConfig(enabled=False),
        gradients=KindConfig(histogram=False, stdev=False),
        memory=False,
        learning_rates=False,
        histogram_bins=7,
    )
    listener = StatsListener(sink, frequency=1, config=config)
    listener.attach(model, opt)
    hooks_during = []
    orig = listener.iteration_done

    def spy(*a: Any, **k: Any) -> None:
        hooks_during.append(sum(len(m._forward_hooks) for m in model.modules()))
        orig(*a, **k)

    listener.iteration_done = spy  # type: ignore[method-assign]
    train(listener, model, opt, 2)
    listener.close()
    report = sink.of("update")[0]
    assert "activations" not in report.summaries and hooks_during == [0, 0]
    g = report.summaries["gradients"]["0.weight"]
    assert g.histogram is None and g.stdev is None and g.mean is not None
    p = report.summaries["parameters"]["0.weight"]
    assert p.histogram is not None and len(p.histogram.counts) == 7
    assert report.memory is None and report.learning_rates == {}
    static = sink.of("static")[0]
    assert static.listener.histogram_bins == 7
    assert static.listener.collect["activations.enabled"] is False


def test_static_info_metadata_epochs_and_metrics() -> None:
    storage = InMemoryStatsStorage()
    model = mlp()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    listener = StatsListener(
        storage,
        frequency=5,
        session_id="run-1",
        worker_id="w0",
        session_name="my run",
        tags={"team": "vision"},
        hyperparameters={"lr": 0.1, "layers": [8]},
    )
    listener.attach(model, opt)
    train(listener, model, opt, 5)
    listener.log_metrics({"val/loss": 0.5, "val_acc": torch.tensor(0.75)})
    listener.epoch_done()
    train(listener, model, opt, 5)
    listener.log_metrics({"val/loss": 0.25})
    listener.epoch_done()
    listener.close()
    static = storage.get_static_info("run-1", "w0")
    assert static is not None and static.session_name == "my run"
    assert static.tags == {"team": "vision"} and static.hyperparameters == {"lr": 0.1, "layers": [8]}
    assert static.model is not None and static.model.param_names == ("0.weight", "0.bias", "2.weight", "2.bias")
    assert static.model.param_shapes == {"0.weight": (8, 4), "0.bias": (8,), "2.weight": (2, 8), "2.bias": (2,)}
    assert static.model.weight_names() == ["0.weight", "2.weight"]
    assert static.software is not None and static.software.framework == "torch"
    epochs = storage.read_epochs("run-1", "w0")
    assert [(e.epoch, e.iteration) for e in epochs] == [(0, 5), (1, 10)]
    series = storage.read_series("run-1", "w0", "metrics/val/loss")
    assert series.iterations == [5, 10] and series.values == [0.5, 0.25]
    reports = list(storage.iter_updates("run-1", "w0"))
    assert [r.epoch for r in reports] == [0, 1]


def test_score_every_iteration_reaches_the_storage() -> None:
    storage = InMemoryStatsStorage()
    listener = StatsListener(storage, frequency=4, session_id="s", worker_id="w")
    for i in range(10):
        listener.iteration_done(torch.tensor(float(i)) if i != 6 else torch.tensor(float("nan")))
    listener.close()
    series = storage.read_series("s", "w", "score")
    assert series.iterations == list(range(1, 11))
    assert series.values[:6] == [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]
    assert series.values[6] != series.values[6]  # NaN kept
    assert series.values[7:] == [7.0, 8.0, 9.0]


def test_a_slow_sink_does_not_delay_training_or_other_sinks() -> None:
    slow, fast = RecordingSink(delay=0.2), RecordingSink()
    listener = StatsListener([slow, fast], frequency=1)
    t0 = time.perf_counter()
    for _ in range(10):
        listener.iteration_done(1.0)
    elapsed = time.perf_counter() - t0
    assert elapsed < 0.2 * 10 / 2  # the slow sink's own time would be 2 s
    listener.close()
    assert len(slow.of("update")) == 10 and len(fast.of("update")) == 10


def test_full_queue_drops_oldest_reports_and_counts_them(caplog: pytest.LogCaptureFixture) -> None:
    gate = threading.Event()

    class Blocked(RecordingSink):
        def put_update(self, report: StatsReport) -> None:
            gate.wait(5)
            super().put_update(report)

    sink = Blocked()
    listener = StatsListener(sink, frequency=1, max_queue=3)
    with caplog.at_level(logging.WARNING, logger="fitscope"):
        for _ in range(10):
            listener.iteration_done(1.0)
        listener.epoch_done()
    gate.set()
    listener.close()
    status = listener.sink_status()[0]
    assert status.dropped > 0 and status.written + status.dropped == 12  # static + 10 reports + epoch
    assert len(sink.of("static")) == 1 and len(sink.of("epoch")) == 1
    assert sink.of("update")[-1].iteration == 10  # the newest survive
    assert sum("cannot keep up" in r.message for r in caplog.records) == 1


def test_a_failing_sink_is_reported_once_and_others_keep_working(caplog: pytest.LogCaptureFixture) -> None:
    broken, good = RecordingSink(fail_on=StatsReport), RecordingSink()
    listener = StatsListener([broken, good], frequency=1)
    with caplog.at_level(logging.ERROR, logger="fitscope"):
        for _ in range(5):
            listener.iteration_done(1.0)
        listener.close()
    assert len(good.of("update")) == 5
    status = listener.sink_status()[0]
    assert status.errors == 5 and status.last_error == "OSError: disk full"
    assert sum("failed to store" in r.message for r in caplog.records) == 1


def test_wrapper_prefixes_are_dropped() -> None:
    sink = RecordingSink()
    model = torch.nn.DataParallel(mlp())  # on a machine without GPUs it simply calls the module
    assert next(iter(dict(model.named_parameters()))) == "module.0.weight"
    listener = StatsListener(sink, frequency=1)
    listener.attach(model)
    model(torch.randn(2, 4)).sum().backward()
    listener.iteration_done(0.0)
    listener.close()
    report = sink.of("update")[0]
    assert list(report.summaries["parameters"]) == ["0.weight", "0.bias", "2.weight", "2.bias"]
    assert list(report.summaries["activations"]) == ["0", "1", "2"]


def test_bad_use_gets_clear_errors() -> None:
    with pytest.raises(ValueError, match="frequency"):
        StatsListener(RecordingSink(), frequency=0)
    with pytest.raises(RecordError, match=r"hyperparameters\['device'\] is a device"):
        StatsListener(RecordingSink(), hyperparameters={"device": torch.device("cpu")})
    with pytest.raises(TypeError, match="not a StatsSink"):
        StatsListener(object())  # type: ignore[arg-type]
    listener = StatsListener(RecordingSink())
    with pytest.raises(ListenerError, match=r"torch\.nn\.Module"):
        listener.attach("not a model")
    with pytest.raises(RecordError, match="scalar"):
        listener.iteration_done(torch.ones(3))
    with pytest.raises(RecordError, match="non-empty"):
        listener.log_metrics({})
    with pytest.raises(RecordError, match="number"):
        listener.log_metrics({"acc": "high"})
    listener.iteration_done(1.0)
    with pytest.raises(ListenerError, match="before the first"):
        listener.attach(mlp())
    listener.close()
    with pytest.raises(ListenerError, match="closed"):
        listener.iteration_done(1.0)


def test_grad_scaler_skipped_step_reports_nonfinite_gradients_and_no_updates() -> None:
    sink = RecordingSink()
    model = mlp()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    scaler = torch.amp.GradScaler("cpu", init_scale=4.0)
    listener = StatsListener(sink, frequency=1)
    listener.attach(model, opt)
    for poison in (False, True):
        opt.zero_grad()
        loss = model(torch.randn(5, 4)).pow(2).mean()
        scaler.scale(loss).backward()
        if poison:
            with torch.no_grad():
                model[0].weight.grad[0, 0] = float("inf")
        before = model[0].weight.detach().clone()
        scaler.step(opt)
        scaler.update()
        listener.iteration_done(loss)
        if not poison:
            unscaled_sum = float(model[0].weight.grad.double().sum())  # step() unscaled .grad in place
        if poison:
            assert torch.equal(model[0].weight, before)  # the scaler skipped the step
    listener.close()
    normal, skipped = sink.of("update")
    assert "updates" in normal.summaries
    # a normal step records the unscaled gradient (the scaled one would be 4 times larger)
    g = normal.summaries["gradients"]["0.weight"]
    assert g.nonfinite_count == 0 and g.count == 32
    assert g.sum == pytest.approx(unscaled_sum, rel=1e-9)
    assert "updates" not in skipped.summaries
    poisoned = skipped.summaries["gradients"]["0.weight"]
    assert poisoned.posinf_count + poisoned.nan_count >= 1


def _step(model: torch.nn.Module, opt: torch.optim.Optimizer) -> torch.Tensor:
    opt.zero_grad()
    loss = model(torch.randn(5, 4)).pow(2).mean()
    loss.backward()
    opt.step()
    return loss


def test_every_score_carries_the_wall_time_its_iteration_ended() -> None:
    sink = RecordingSink()
    model = mlp()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    listener = StatsListener(sink, frequency=4)
    listener.attach(model, opt)
    calls: list[tuple[int, int]] = []  # wall time (ms) around each iteration_done call
    for i in range(10):
        loss = _step(model, opt)
        if i % 3 == 0:
            time.sleep(0.02)  # spread the iterations so their times differ
        before = time.time_ns() // 1_000_000
        listener.iteration_done(loss, batch_size=5)
        calls.append((before, time.time_ns() // 1_000_000))
    listener.close()
    reports: list[StatsReport] = sink.of("update")
    assert [r.iteration for r in reports] == [4, 8, 10]
    previous = calls[0][0]
    for report in reports:
        times = report.scores.timestamps_ms
        assert len(times) == len(report.scores.iterations)  # one per iteration of the window
        assert list(times) == sorted(times)  # non-decreasing (ms resolution)
        assert previous <= times[0] and times[-1] <= report.timestamp_ms  # within the report's window
        for iteration, t in zip(report.scores.iterations, times, strict=True):
            start, end = calls[iteration - 1]
            assert start <= t <= end
        previous = report.timestamp_ms
    all_times = [t for r in reports for t in r.scores.timestamps_ms]
    assert len(all_times) == 10 and len(set(all_times)) > 3  # the sleeps are visible


def test_timestamps_are_recorded_for_float_losses_and_only_where_there_is_a_score() -> None:
    sink = RecordingSink()
    listener = StatsListener(sink, frequency=3)
    for i in range(6):
        listener.iteration_done(None if i == 1 else float(i))
    listener.close()
    first, second = sink.of("update")
    assert first.scores.iterations == (1, 3) and len(first.scores.timestamps_ms) == 2
    assert second.scores.iterations == (4, 5, 6) and len(second.scores.timestamps_ms) == 3


def test_the_final_partial_report_holds_parameters_and_gradients_but_no_updates_or_activations() -> None:
    """frequency=7 for 90 iterations: 12 full reports (7..84), then close() reports 90."""
    sink = RecordingSink()
    model = mlp()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    listener = StatsListener(sink, frequency=7)
    listener.attach(model, opt)
    train(listener, model, opt, 90)
    listener.close()
    reports: list[StatsReport] = sink.of("update")
    assert [r.iteration for r in reports] == [7 * k for k in range(1, 13)] + [90]
    every_kind = {"parameters", "gradients", "updates", "activations"}
    assert all(set(r.summaries) == every_kind for r in reports[:-1])
    final = reports[-1]
    assert set(final.summaries) == {"parameters", "gradients"}
    assert (
        set(final.summaries["parameters"]) == set(final.summaries["gradients"]) == set(dict(model.named_parameters()))
    )
    assert final.scores.iterations == tuple(range(85, 91)) and len(final.scores.timestamps_ms) == 6
    # the gradients are .grad as it stands at close: the last step's
    grad = model[0].weight.grad
    assert grad is not None and final.summaries["gradients"]["0.weight"].sum == pytest.approx(grad.sum().item())


def test_close_during_a_reporting_step_drops_what_the_unfinished_step_captured() -> None:
    """Interrupted (Ctrl-C) after the forward pass of iteration 7, a reporting one: the partial
    report of iteration 6 must not pass off iteration 7's activations as its own."""
    sink = RecordingSink()
    model = mlp()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    listener = StatsListener(sink, frequency=7)
    listener.attach(model, opt)
    train(listener, model, opt, 6)
    model(torch.full((5, 4), 100.0)).pow(2).mean().backward()  # iteration 7 starts, never ends
    listener.close()
    (report,) = sink.of("update")
    assert report.iteration == 6
    assert set(report.summaries) == {"parameters", "gradients"}


def test_one_warning_names_the_first_nonfinite_parameter(caplog: pytest.LogCaptureFixture) -> None:
    sink = RecordingSink()
    model = mlp()
    opt = torch.optim.SGD(model.parameters(), lr=0.0)
    listener = StatsListener(sink, frequency=2, session_id="nan-run")
    listener.attach(model, opt)
    with caplog.at_level(logging.WARNING, logger="fitscope"):
        train(listener, model, opt, 3)
        with torch.no_grad():
            model[2].weight[0, 0] = math.nan
        train(listener, model, opt, 5)  # NaN weight -> NaN loss, NaN gradients, ... from iteration 4
        listener.close()
    warned = [r for r in caplog.records if r.name == "fitscope" and "non-finite" in r.message]
    assert len(warned) == 1
    message = warned[0].getMessage()
    assert warned[0].levelno == logging.WARNING
    # the score of iteration 4 is NaN; it comes before the summaries of the report at 4
    assert "iteration 4" in message and "score is NaN" in message and "nan-run" in message
    assert any(r.has_nonfinite() for r in sink.of("update")[2:])


def test_the_warning_names_kind_and_name_when_the_score_is_finite(caplog: pytest.LogCaptureFixture) -> None:
    sink = RecordingSink()
    model = mlp()
    opt = torch.optim.SGD(model[2].parameters(), lr=0.1)  # the first layer stays as set
    listener = StatsListener(sink, frequency=3)
    listener.attach(model, opt)
    with caplog.at_level(logging.WARNING, logger="fitscope"):
        train(listener, model, opt, 4)
        with torch.no_grad():
            model[0].weight[0, 0] = -math.inf
        for _ in range(2):  # iterations 5 and 6; the loss is a finite number
            opt.zero_grad()
            model(torch.randn(5, 4)).sum().backward()
            opt.step()
            listener.iteration_done(0.5)
        listener.close()
    warned = [r.getMessage() for r in caplog.records if "non-finite" in r.getMessage()]
    assert len(warned) == 1
    assert "iteration 6" in warned[0] and "parameters '0.weight' holds 1 -Inf of 32 elements" in warned[0]


def test_a_nan_loss_alone_is_warned_once_and_a_clean_run_never(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="fitscope"):
        clean = StatsListener(RecordingSink(), frequency=2)
        for i in range(6):
            clean.iteration_done(float(i))
        clean.close()
        assert not [r for r in caplog.records if "non-finite" in r.getMessage()]
        listener = StatsListener(RecordingSink(), frequency=2)
        for value in (1.0, 2.0, math.inf, math.nan, 3.0, math.nan):
            listener.iteration_done(torch.tensor(value))
        listener.close()
    warned = [r.getMessage() for r in caplog.records if "non-finite" in r.getMessage()]
    assert len(warned) == 1 and "iteration 3" in warned[0] and "score is Infinity" in warned[0]
