"""Gradients belong to the step that consumed them, whoever calls ``optimizer.step``.

``step(closure)`` runs backward *inside* the step, after torch's step pre-hook: a listener that
read ``.grad`` in the pre-hook reported the previous step's gradients (and none at the first).
Here the gradients of a reported step are computed by hand with numpy at the parameters that
step started from, and compared with what fitscope stored, for LBFGS (several closure
evaluations per step, with and without in-place zeroing) and for SGD called with a closure.
Bracketed steps of an optimizer fitscope cannot hook (``step_started``/``step_finished``) and
the ``parameters=``/``learning_rate=`` arguments of ``attach`` are checked the same way.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest
import torch
from numpy_stats import assert_summary

from fitscope import InMemoryStatsStorage, StatsListener
from fitscope.errors import ListenerError, RecordError
from fitscope.records import LayerInfo, ModelInfo, StatsReport

RNG = np.random.default_rng(7)
X = RNG.normal(size=(8, 3))
Y = RNG.normal(size=(8, 1))
NAMES = ("0.weight", "0.bias", "2.weight", "2.bias")


def tiny_model() -> torch.nn.Sequential:
    torch.manual_seed(3)
    return torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.Tanh(), torch.nn.Linear(4, 1)).double()


def params_of(model: torch.nn.Module) -> dict[str, np.ndarray]:
    return {n: p.detach().numpy().copy() for n, p in model.named_parameters()}


def numpy_loss_and_gradients(p: dict[str, np.ndarray]) -> tuple[float, dict[str, np.ndarray]]:
    """MSE of Linear-Tanh-Linear and its gradients, by hand."""
    h = X @ p["0.weight"].T + p["0.bias"]
    a = np.tanh(h)
    out = a @ p["2.weight"].T + p["2.bias"]
    d_out = 2.0 * (out - Y) / out.size
    d_h = (d_out @ p["2.weight"]) * (1.0 - a**2)
    grads = {"2.weight": d_out.T @ a, "2.bias": d_out.sum(axis=0), "0.weight": d_h.T @ X, "0.bias": d_h.sum(axis=0)}
    return float(np.mean((out - Y) ** 2)), grads


def make_closure(
    model: torch.nn.Module, opt: torch.optim.Optimizer, *, set_to_none: bool = True
) -> Callable[[], torch.Tensor]:
    x, y = torch.from_numpy(X), torch.from_numpy(Y)

    def closure() -> torch.Tensor:
        opt.zero_grad(set_to_none=set_to_none)
        loss = torch.nn.functional.mse_loss(model(x), y)
        loss.backward()
        return loss

    return closure


def reports_of(storage: InMemoryStatsStorage, listener: StatsListener) -> dict[int, StatsReport]:
    return {r.iteration: r for r in storage.iter_updates(listener.session_id, listener.worker_id)}


def check_step(report: StatsReport, before: dict[str, np.ndarray], after: dict[str, np.ndarray]) -> None:
    """The report's gradients are those at ``before``; its updates ``after - before``; its parameters ``after``."""
    _, grads = numpy_loss_and_gradients(before)
    for name in NAMES:
        assert_summary(report.summaries["gradients"][name], grads[name])
        assert_summary(report.summaries["updates"][name], after[name] - before[name])
        assert_summary(report.summaries["parameters"][name], after[name])


@pytest.mark.parametrize("set_to_none", [True, False], ids=["zero-grad-to-none", "zero-grad-in-place"])
def test_lbfgs_reports_the_gradients_at_the_start_of_each_step(set_to_none: bool) -> None:
    model = tiny_model()
    opt = torch.optim.LBFGS(model.parameters(), lr=0.5, max_iter=5, history_size=4)
    storage = InMemoryStatsStorage()
    listener = StatsListener(storage, frequency=2, max_overhead=None, close_sinks=False).attach(model, opt)
    closure = make_closure(model, opt, set_to_none=set_to_none)
    evaluations = 0

    def counting_closure() -> torch.Tensor:
        nonlocal evaluations
        evaluations += 1
        return closure()

    snapshots: dict[int, tuple[dict[str, np.ndarray], dict[str, np.ndarray], float]] = {}
    for iteration in range(1, 7):
        before = params_of(model)
        loss = opt.step(counting_closure)
        snapshots[iteration] = (before, params_of(model), float(loss.detach()))
        listener.iteration_done(loss, batch_size=len(X))
    listener.close()
    assert evaluations > 2 * 6, "LBFGS re-evaluates the closure within a step: the case under test"

    reports = reports_of(storage, listener)
    assert sorted(reports) == [2, 4, 6]
    for iteration, report in reports.items():
        before, after, loss = snapshots[iteration]
        check_step(report, before, after)
        # step(closure) returns the first evaluation's loss: the loss at the same parameters
        assert report.score == pytest.approx(numpy_loss_and_gradients(before)[0], rel=1e-12)
        assert report.score == pytest.approx(loss, rel=1e-15)


@pytest.mark.parametrize("keyword", [False, True], ids=["positional", "keyword"])
def test_sgd_step_with_a_closure_reports_each_steps_own_gradients_from_the_first(keyword: bool) -> None:
    model = tiny_model()
    opt = torch.optim.SGD(model.parameters(), lr=0.2, momentum=0.9)
    storage = InMemoryStatsStorage()
    listener = StatsListener(storage, frequency=1, max_overhead=None, close_sinks=False).attach(model, opt)
    closure = make_closure(model, opt)
    snapshots = {}
    for iteration in range(1, 5):
        before = params_of(model)
        loss = opt.step(closure=closure) if keyword else opt.step(closure)
        snapshots[iteration] = (before, params_of(model))
        listener.iteration_done(loss)
    listener.close()

    reports = reports_of(storage, listener)
    assert sorted(reports) == [1, 2, 3, 4]  # iteration 1 has gradients too
    for iteration, report in reports.items():
        check_step(report, *snapshots[iteration])
    # the bug this guards against: step N reporting step N-1's gradients
    _, grads_2 = numpy_loss_and_gradients(snapshots[2][0])
    _, grads_3 = numpy_loss_and_gradients(snapshots[3][0])
    assert not np.allclose(grads_2["0.weight"], grads_3["0.weight"])


def test_a_closure_step_between_reports_is_not_touched() -> None:
    """On non-reporting iterations the closure is passed through as it is (no wrapper, no hook work)."""
    model = tiny_model()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    listener = StatsListener(InMemoryStatsStorage(), frequency=3, max_overhead=None).attach(model, opt)
    closure = make_closure(model, opt)
    seen: list[object] = []

    def spy(optimizer: object, args: tuple[object, ...], kwargs: dict[str, object]) -> None:
        seen.append(args[1] if len(args) > 1 else kwargs.get("closure"))  # args[0] is the optimizer

    handle = opt.register_step_pre_hook(spy)  # registered after fitscope's, so it sees what fitscope passed on
    for _ in range(3):
        listener.iteration_done(opt.step(closure))
    handle.remove()
    listener.close()
    assert seen[0] is closure and seen[1] is closure
    assert seen[2] is not closure  # the reporting iteration: wrapped to keep the first gradients


def test_bracketed_steps_of_an_optimizer_fitscope_cannot_hook() -> None:
    """A hand-written SGD step (standing for Keras's optimizer) between step_started and step_finished."""
    model = tiny_model()
    storage = InMemoryStatsStorage()
    rates = iter([0.3, 0.2, 0.1, 0.05])
    current = {"lr": 0.0}

    def learning_rate() -> float:
        return current["lr"]

    named = {f"layer/{n}": p for n, p in model.named_parameters()}
    listener = StatsListener(storage, frequency=2, max_overhead=None, close_sinks=False)
    listener.attach(model, parameters=named, learning_rate=learning_rate)
    x, y = torch.from_numpy(X), torch.from_numpy(Y)
    snapshots = {}
    for iteration in range(1, 5):
        current["lr"] = next(rates)
        model.zero_grad()
        loss = torch.nn.functional.mse_loss(model(x), y)
        loss.backward()
        assert listener.will_report == (iteration % 2 == 0)
        before = params_of(model)
        listener.step_started()
        with torch.no_grad():
            for p in model.parameters():
                p -= current["lr"] * p.grad
        listener.step_finished()
        snapshots[iteration] = (before, params_of(model))
        listener.iteration_done(loss)
    listener.close()

    reports = reports_of(storage, listener)
    assert sorted(reports) == [2, 4]
    for iteration, lr in ((2, 0.2), (4, 0.05)):
        report = reports[iteration]
        before, after = snapshots[iteration]
        _, grads = numpy_loss_and_gradients(before)
        assert report.learning_rates == {f"layer/{n}": lr for n in NAMES}
        for name in NAMES:
            assert_summary(report.summaries["gradients"][f"layer/{name}"], grads[name])
            assert_summary(report.summaries["updates"][f"layer/{name}"], after[name] - before[name])
            assert_summary(report.summaries["parameters"][f"layer/{name}"], after[name])


def test_layers_and_model_info_replace_the_defaults() -> None:
    model = tiny_model()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    storage = InMemoryStatsStorage()
    info = ModelInfo(
        class_name="Custom", num_layers=1, num_params=17, layers=(LayerInfo(name="my-layer", type="Custom"),)
    )
    listener = StatsListener(storage, frequency=1, max_overhead=None, close_sinks=False)
    listener.attach(model, opt, layers=[("hidden", model[1])], model_info=info)
    loss = make_closure(model, opt)()
    opt.step()
    listener.iteration_done(loss)
    listener.close()
    static = storage.get_static_info(listener.session_id, listener.worker_id)
    assert static is not None and static.model == info
    report = storage.get_latest_update(listener.session_id, listener.worker_id)
    assert report is not None
    h = X @ params_of(tiny_model())["0.weight"].T + params_of(tiny_model())["0.bias"]
    assert list(report.summaries["activations"]) == ["hidden"]
    assert_summary(report.summaries["activations"]["hidden"], np.tanh(h))


def test_attach_arguments_get_clear_errors() -> None:
    model = tiny_model()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    weight = model[0].weight
    cases: list[tuple[dict[str, object], str]] = [
        ({"parameters": {}}, "empty"),
        ({"parameters": [("w", weight), ("w", model[0].bias)]}, "given twice"),
        ({"parameters": [("", weight)]}, "non-empty strings"),
        ({"parameters": {"w": weight.detach().numpy()}}, "not a torch.Tensor"),
        ({"parameters": ["w"]}, "mapping or"),
        ({"learning_rate": 0.1}, "callable"),
        ({"layers": [("a", model[0]), ("a", model[2])]}, "given twice"),
        ({"layers": {"a": "relu"}}, "not a torch.nn.Module"),
        ({"model_info": {"layers": []}}, "ModelInfo"),
    ]
    for kwargs, message in cases:
        with pytest.raises(ListenerError, match=message):
            StatsListener(InMemoryStatsStorage()).attach(model, **kwargs)  # type: ignore[arg-type]
    with pytest.raises(ListenerError, match="both a torch optimizer and learning_rate"):
        StatsListener(InMemoryStatsStorage()).attach(model, opt, learning_rate=lambda: 0.1)

    hooked = StatsListener(InMemoryStatsStorage()).attach(model, opt)
    with pytest.raises(ListenerError, match="hooked already"):
        hooked.step_started()
    hooked.close()
    with pytest.raises(ListenerError, match="attach"):
        StatsListener(InMemoryStatsStorage()).step_started()

    listener = StatsListener(InMemoryStatsStorage(), frequency=1, max_overhead=None)
    listener.attach(model, learning_rate=lambda: {"nope": 1.0})
    with pytest.raises(RecordError, match="not watched"):
        listener.step_started()
    listener.close()
