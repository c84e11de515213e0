"""The numbers: one SGD step of a tiny model with known weights, checked by hand with numpy.

The model runs in float64 so that torch and the numpy computation below agree to the last
few ulps; statistics are then compared with a tight tolerance and histograms bin for bin.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
from numpy_stats import RTOL, assert_summary

from fitscope import InMemoryStatsStorage, StatsListener

W1 = np.array([[0.5, -0.25, 1.0], [-1.5, 0.75, 0.125]])
B1 = np.array([0.5, 0.5])  # constant tensor: one histogram bin
W2 = np.array([[1.25, -0.5]])
B2 = np.array([0.1])  # one element: stdev undefined
X = np.array([[1.0, 2.0, -1.0], [0.5, -0.5, 2.0], [-1.0, 0.0, 0.25], [2.0, 1.0, 1.0]])
Y = np.array([[0.5], [-1.0], [0.25], [2.0]])
LR, MOMENTUM, WD = 0.1, 0.9, 0.01


def tiny_model() -> torch.nn.Sequential:
    model = torch.nn.Sequential(torch.nn.Linear(3, 2), torch.nn.Tanh(), torch.nn.Linear(2, 1)).double()
    with torch.no_grad():
        model[0].weight.copy_(torch.from_numpy(W1))
        model[0].bias.copy_(torch.from_numpy(B1))
        model[2].weight.copy_(torch.from_numpy(W2))
        model[2].bias.copy_(torch.from_numpy(B2))
    return model


def numpy_step() -> dict[str, dict[str, np.ndarray]]:
    """Forward, backward and one SGD step (momentum, weight decay) of the tiny model, by hand."""
    h = X @ W1.T + B1
    a = np.tanh(h)
    out = a @ W2.T + B2
    loss = np.mean((out - Y) ** 2)
    d_out = 2.0 * (out - Y) / out.size
    grads = {
        "2.weight": d_out.T @ a,
        "2.bias": d_out.sum(axis=0),
    }
    d_h = (d_out @ W2) * (1.0 - a**2)
    grads["0.weight"] = d_h.T @ X
    grads["0.bias"] = d_h.sum(axis=0)
    params = {"0.weight": W1, "0.bias": B1, "2.weight": W2, "2.bias": B2}
    # First SGD step with momentum: the buffer is the weight-decayed gradient itself.
    new_params = {n: p - LR * (grads[n] + WD * p) for n, p in params.items()}
    updates = {n: new_params[n] - params[n] for n in params}
    return {
        "parameters": new_params,
        "gradients": grads,
        "updates": updates,
        "activations": {"0": h, "1": a, "2": out},
        "loss": {"loss": np.array(loss)},
    }


def test_one_sgd_step_matches_numpy_by_hand() -> None:
    model = tiny_model()
    opt = torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM, weight_decay=WD)
    storage = InMemoryStatsStorage()
    listener = StatsListener(storage, frequency=1, close_sinks=False)
    listener.attach(model, opt)
    x, y = torch.from_numpy(X), torch.from_numpy(Y)
    opt.zero_grad()
    loss = torch.nn.functional.mse_loss(model(x), y)
    loss.backward()
    opt.step()
    listener.iteration_done(loss, batch_size=4)
    listener.close()
    storage.close()

    expected = numpy_step()
    report = storage.get_latest_update(listener.session_id, listener.worker_id)
    assert report is not None and report.iteration == 1
    assert report.score == pytest.approx(float(expected["loss"]["loss"]), rel=RTOL)
    assert report.scores.iterations == (1,)
    assert set(report.summaries) == {"parameters", "gradients", "updates", "activations"}
    for kind in ("parameters", "gradients", "updates", "activations"):
        assert sorted(report.summaries[kind]) == sorted(expected[kind]), kind
        for name, values in expected[kind].items():
            assert_summary(report.summaries[kind][name], values)
    # the constant bias: one bin holding both values; the 1-element bias: no stdev
    b1 = report.summaries["parameters"]["0.bias"]
    assert b1.histogram is not None and len(b1.histogram.counts) in (1, 20)
    assert report.summaries["parameters"]["2.bias"].stdev is None
    assert report.learning_rates == {n: LR for n in expected["parameters"]}
    assert report.performance is not None and report.performance.total_examples == 4
    assert report.collection_ms is not None and report.collection_ms >= 0


def test_constant_parameter_gets_one_bin() -> None:
    model = tiny_model()
    storage = InMemoryStatsStorage()
    listener = StatsListener(storage, frequency=1, close_sinks=False)
    listener.attach(model)  # no optimizer: parameters and gradients only
    listener.iteration_done(1.0)
    listener.close()
    report = storage.get_latest_update(listener.session_id, listener.worker_id)
    assert report is not None
    b1 = report.summaries["parameters"]["0.bias"]
    assert b1.histogram is not None
    assert b1.histogram.counts == (2,) and b1.histogram.min == b1.histogram.max == 0.5
    assert b1.stdev == 0.0 and b1.mean == 0.5
    assert "updates" not in report.summaries and "gradients" not in report.summaries


def test_nonfinite_values_are_counted_and_kept_out_of_statistics() -> None:
    model = tiny_model()
    weird = np.array([[math.nan, math.inf, 1.0], [-math.inf, 2.0, 3.0]])
    with torch.no_grad():
        model[0].weight.copy_(torch.from_numpy(weird))
        model[2].weight.fill_(math.nan)  # no finite value at all
    opt = torch.optim.SGD(model.parameters(), lr=LR)
    storage = InMemoryStatsStorage()
    listener = StatsListener(storage, frequency=1, close_sinks=False)
    listener.attach(model, opt)
    opt.zero_grad()
    loss = torch.nn.functional.mse_loss(model(torch.from_numpy(X)), torch.from_numpy(Y))
    loss.backward()
    grads = {n: p.grad.detach().numpy().copy() for n, p in model.named_parameters() if p.grad is not None}
    before = {n: p.detach().numpy().copy() for n, p in model.named_parameters()}
    opt.step()
    listener.iteration_done(loss)
    listener.close()
    report = storage.get_latest_update(listener.session_id, listener.worker_id)
    assert report is not None
    assert report.score is not None and math.isnan(report.score)
    assert report.has_nonfinite()
    for name, p in model.named_parameters():
        after = p.detach().numpy()
        assert_summary(report.summaries["parameters"][name], after)
        assert_summary(report.summaries["gradients"][name], grads[name])
        with np.errstate(invalid="ignore"):
            assert_summary(report.summaries["updates"][name], after - before[name])
    w2 = report.summaries["parameters"]["2.weight"]
    assert w2.nan_count == 2 and w2.mean is None and w2.histogram is None


def test_nan_and_inf_split_by_kind() -> None:
    model = tiny_model()
    with torch.no_grad():
        model[0].weight.copy_(torch.tensor([[math.nan, math.inf, 1.0], [-math.inf, 2.0, 4.0]]))
    storage = InMemoryStatsStorage()
    listener = StatsListener(storage, frequency=1, close_sinks=False)
    listener.attach(model)
    listener.iteration_done(math.inf)
    listener.close()
    report = storage.get_latest_update(listener.session_id, listener.worker_id)
    assert report is not None and report.score == math.inf
    w1 = report.summaries["parameters"]["0.weight"]
    assert (w1.count, w1.nan_count, w1.posinf_count, w1.neginf_count, w1.nonfinite_count) == (6, 1, 1, 1, 3)
    assert (w1.min, w1.max, w1.sum, w1.mean) == (1.0, 4.0, 7.0, 7.0 / 3)
    assert w1.histogram is not None and sum(w1.histogram.counts) == 3


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64, torch.float16, torch.bfloat16])
def test_updates_of_every_dtype_are_the_exact_difference(dtype: torch.dtype) -> None:
    # Updates are summarised from the pre-step copy (the kernel subtracts as it reads): they must
    # equal the difference computed by hand, in float32 for the 16-bit dtypes.
    torch.manual_seed(3)
    model = torch.nn.Sequential(torch.nn.Linear(30, 20), torch.nn.Tanh(), torch.nn.Linear(20, 5)).to(dtype)
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    storage = InMemoryStatsStorage()
    listener = StatsListener(storage, frequency=2, close_sinks=False)
    listener.attach(model, opt)
    x = torch.randn(8, 30, dtype=dtype)
    for _ in range(2):
        before = {n: p.detach().clone() for n, p in model.named_parameters()}
        opt.zero_grad()
        loss = model(x).float().square().mean()
        loss.backward()
        opt.step()
        listener.iteration_done(loss)
    listener.close()
    report = storage.get_latest_update(listener.session_id, listener.worker_id)
    assert report is not None and report.iteration == 2
    for name, p in model.named_parameters():
        after, old = p.detach(), before[name]
        want = after.float() - old.float() if dtype in (torch.float16, torch.bfloat16) else after - old
        assert_summary(report.summaries["updates"][name], want.double().numpy())


def test_a_parameter_changed_between_step_and_iteration_done_has_that_change_in_its_update() -> None:
    torch.manual_seed(4)
    model = torch.nn.Linear(10, 3)
    opt = torch.optim.SGD(model.parameters(), lr=0.5)
    storage = InMemoryStatsStorage()
    listener = StatsListener(storage, frequency=1, close_sinks=False)
    listener.attach(model, opt)
    before = model.weight.detach().clone()
    model(torch.randn(4, 10)).square().sum().backward()
    opt.step()
    with torch.no_grad():
        model.weight.clamp_(-0.05, 0.05)  # weight clipping after the step, as documented
    listener.iteration_done(0.0)
    listener.close()
    report = storage.get_latest_update(listener.session_id, listener.worker_id)
    assert report is not None
    assert_summary(report.summaries["updates"]["weight"], (model.weight.detach() - before).numpy())
