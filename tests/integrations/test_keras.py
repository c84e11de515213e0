"""fitscope.integrations.keras: a real Keras 3 fit() on the torch backend, checked against a replay.

The reported step is replayed without hooks: a test-side callback keeps the weights before every
batch (and Keras's own tensors after it), and the forward/backward of that batch is recomputed
with plain torch ops on fresh tensors, the SGD update by hand. The model is float32, so moments
are compared to 1e-5 and histograms bin for bin.
"""

from __future__ import annotations

import os

os.environ["KERAS_BACKEND"] = "torch"  # before keras is first imported

from typing import Any

import keras
import numpy as np
import pytest
import torch
from numpy_stats import assert_summary

from fitscope import InMemoryStatsStorage
from fitscope.config import KindConfig, StatsConfig
from fitscope.errors import ListenerError
from fitscope.integrations.keras import FitscopeCallback, check_backend

RTOL = 1e-5
BATCH, STEPS_PER_EPOCH, EPOCHS, FREQUENCY = 4, 12, 2, 5
L2 = 0.01
LR0, DECAY = 0.1, 0.9
CHOSEN = 15  # a reporting iteration in the second epoch, batch index 2


def data() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(7)
    x = rng.normal(size=(BATCH * STEPS_PER_EPOCH, 3)).astype(np.float32)
    y = rng.normal(size=(BATCH * STEPS_PER_EPOCH, 1)).astype(np.float32)
    return x, y


def build_model(optimizer: Any = None) -> Any:
    keras.utils.set_random_seed(3)
    model = keras.Sequential(
        [
            keras.Input((3,)),
            keras.layers.Dense(4, activation="tanh", kernel_regularizer=keras.regularizers.L2(L2), name="hidden"),
            keras.layers.Dense(1, name="out"),
        ],
        name="tiny",
    )
    if optimizer is None:
        schedule = keras.optimizers.schedules.ExponentialDecay(LR0, decay_steps=1, decay_rate=DECAY)
        optimizer = keras.optimizers.SGD(learning_rate=schedule)
    model.compile(optimizer=optimizer, loss="mse")
    return model


class Recorder(keras.callbacks.Callback):  # type: ignore[misc]
    """Keeps, for every training batch, the weights before it and Keras's weights and .grad after it."""

    def __init__(self) -> None:
        super().__init__()
        self.before: list[dict[str, np.ndarray]] = []
        self.after: list[dict[str, np.ndarray]] = []
        self.grads: list[dict[str, np.ndarray]] = []

    def on_train_batch_begin(self, batch: int, logs: Any = None) -> None:
        self.before.append({v.path: v.value.detach().numpy().copy() for v in self.model.trainable_variables})

    def on_train_batch_end(self, batch: int, logs: Any = None) -> None:
        variables = self.model.trainable_variables
        self.after.append({v.path: v.value.detach().numpy().copy() for v in variables})
        self.grads.append({v.path: v.value.grad.detach().numpy().copy() for v in variables})


def replay(before: dict[str, np.ndarray], x: np.ndarray, y: np.ndarray, lr: float) -> dict[str, Any]:
    """Forward, backward and the SGD step of one batch with plain torch ops on fresh tensors."""
    w1 = torch.tensor(before["tiny/hidden/kernel"], requires_grad=True)
    b1 = torch.tensor(before["tiny/hidden/bias"], requires_grad=True)
    w2 = torch.tensor(before["tiny/out/kernel"], requires_grad=True)
    b2 = torch.tensor(before["tiny/out/bias"], requires_grad=True)
    hidden = torch.tanh(torch.from_numpy(x) @ w1 + b1)
    out = hidden @ w2 + b2
    loss = torch.mean((out - torch.from_numpy(y)) ** 2) + L2 * torch.sum(w1**2)
    loss.backward()
    names = ["tiny/hidden/kernel", "tiny/hidden/bias", "tiny/out/kernel", "tiny/out/bias"]
    grads = {n: t.grad.numpy() for n, t in zip(names, (w1, b1, w2, b2), strict=True)}
    new = {n: (before[n] - np.float32(lr) * grads[n]).astype(np.float32) for n in names}
    return {
        "loss": float(loss.detach()),
        "gradients": grads,
        "parameters": new,
        "updates": {n: new[n] - before[n] for n in names},
        "activations": {"hidden": hidden.detach().numpy(), "out": out.detach().numpy()},
    }


def fit(callback: Any, model: Any = None, **kwargs: Any) -> tuple[Any, Recorder, Any]:
    model = model or build_model()
    recorder = Recorder()
    x, y = data()
    history = model.fit(
        x, y, batch_size=BATCH, epochs=EPOCHS, shuffle=False, verbose=0, callbacks=[recorder, callback], **kwargs
    )
    return model, recorder, history


def latest_session(storage: InMemoryStatsStorage, callback: FitscopeCallback) -> tuple[str, str]:
    assert callback.listener is not None
    return callback.session_id, callback.listener.worker_id


def test_reported_step_matches_a_hook_free_replay() -> None:
    storage = InMemoryStatsStorage()
    # max_overhead=None: every histogram in every report, to compare with the replay.
    callback = FitscopeCallback(storage, frequency=FREQUENCY, close_sinks=False, max_overhead=None)
    model, recorder, _ = fit(callback)
    session, worker = latest_session(storage, callback)
    reports = {r.iteration: r for r in storage.iter_updates(session, worker)}
    assert sorted(reports) == [5, 10, 15, 20, 24]  # 24: the final partial window at the end of fit()
    report = reports[CHOSEN]
    assert report.epoch == 1

    step = CHOSEN - 1  # index of the batch among all batches
    row = (step % STEPS_PER_EPOCH) * BATCH
    x, y = data()
    lr = LR0 * DECAY ** (CHOSEN - 1)  # the schedule at optimizer.iterations before the step
    expected = replay(recorder.before[step], x[row : row + BATCH], y[row : row + BATCH], lr)

    names = [v.path for v in model.trainable_variables]
    assert names == ["tiny/hidden/kernel", "tiny/hidden/bias", "tiny/out/kernel", "tiny/out/bias"]
    assert set(report.summaries) == {"parameters", "gradients", "updates", "activations"}
    # each Keras layer's output in the reported step's training forward pass, by layer name
    assert list(report.summaries["activations"]) == ["hidden", "out"]
    for layer in ("hidden", "out"):
        assert_summary(report.summaries["activations"][layer], expected["activations"][layer], rtol=RTOL)
    for kind in ("parameters", "gradients", "updates"):
        assert sorted(report.summaries[kind]) == sorted(names), kind
    for name in names:
        # the replay agrees with Keras's own tensors at that step ...
        np.testing.assert_allclose(recorder.grads[step][name], expected["gradients"][name], rtol=RTOL, atol=1e-7)
        np.testing.assert_allclose(recorder.after[step][name], expected["parameters"][name], rtol=RTOL, atol=1e-7)
        # ... and the stored statistics are those of that step's tensors, bin for bin
        assert_summary(report.summaries["parameters"][name], recorder.after[step][name], rtol=RTOL)
        assert_summary(report.summaries["gradients"][name], recorder.grads[step][name], rtol=RTOL)
        update = recorder.after[step][name] - recorder.before[step][name]
        assert_summary(report.summaries["updates"][name], update, rtol=RTOL)
        np.testing.assert_allclose(update, expected["updates"][name], rtol=1e-4, atol=1e-8)
    # the same statistics straight from the replay (histograms too: the float32 values agree)
    for kind in ("parameters", "gradients"):
        for name in names:
            assert_summary(report.summaries[kind][name], expected[kind][name], rtol=RTOL)

    assert report.learning_rates == {n: pytest.approx(lr, rel=1e-6) for n in names}
    # the batch loss (regularisation included), not logs["loss"], Keras's running mean
    assert report.score == pytest.approx(expected["loss"], rel=RTOL)
    assert report.scores.iterations == (11, 12, 13, 14, 15)
    assert report.performance is not None and report.performance.total_examples == CHOSEN * BATCH
    assert "compute_loss" not in model.__dict__  # the wrapper is gone after fit()


def test_every_batch_loss_is_the_batch_loss() -> None:
    storage = InMemoryStatsStorage()
    callback = FitscopeCallback(storage, frequency=1, max_overhead=None, close_sinks=False)
    _, recorder, history = fit(callback)
    session, worker = latest_session(storage, callback)
    scores = {r.iteration: r.score for r in storage.iter_updates(session, worker)}
    x, y = data()
    for step in range(EPOCHS * STEPS_PER_EPOCH):
        row = (step % STEPS_PER_EPOCH) * BATCH
        lr = LR0 * DECAY**step
        want = replay(recorder.before[step], x[row : row + BATCH], y[row : row + BATCH], lr)["loss"]
        assert scores[step + 1] == pytest.approx(want, rel=RTOL), step
    # the epoch's mean loss is what Keras logs; the last batch's is not it
    assert float(history.history["loss"][-1]) != pytest.approx(scores[EPOCHS * STEPS_PER_EPOCH], rel=1e-3)


def test_epochs_validation_metrics_and_hyperparameters() -> None:
    storage = InMemoryStatsStorage()
    callback = FitscopeCallback(
        storage,
        frequency=FREQUENCY,
        close_sinks=False,
        session_name="keras run",
        hyperparameters={"batch_size": BATCH},
        max_overhead=None,
    )
    x, y = data()
    _, _, history = fit(callback, validation_data=(x[:8], y[:8]))
    session, worker = latest_session(storage, callback)
    epochs = storage.read_epochs(session, worker)
    assert [(e.epoch, e.iteration) for e in epochs] == [(0, 12), (1, 24)]
    metrics = storage.read_metrics(session, worker)
    assert [m.iteration for m in metrics] == [12, 24]
    assert [m.epoch for m in metrics] == [0, 1]
    for i, record in enumerate(metrics):
        assert record.values["val_loss"] == pytest.approx(float(history.history["val_loss"][i]), rel=1e-6)
        assert record.values["loss"] == pytest.approx(float(history.history["loss"][i]), rel=1e-6)
    info = storage.get_static_info(session, worker)
    assert info is not None and info.session_name == "keras run"
    # the model section is Keras's own graph, its parameters the watched variable paths
    assert info.model is not None and [layer.name for layer in info.model.layers] == ["hidden", "out"]
    assert info.model.param_names == ("tiny/hidden/kernel", "tiny/hidden/bias", "tiny/out/kernel", "tiny/out/bias")
    hp = info.hyperparameters
    assert hp["optimizer"] == "SGD" and str(hp["optimizer.name"]).startswith("sgd")
    assert hp["learning_rate_schedule"] == "ExponentialDecay"
    assert hp["learning_rate_schedule.initial_learning_rate"] == pytest.approx(LR0)
    assert hp["optimizer.momentum"] == 0.0 and hp["epochs"] == EPOCHS and hp["steps_per_epoch"] == STEPS_PER_EPOCH
    assert hp["batch_size"] == BATCH


def test_a_constant_learning_rate_and_momentum() -> None:
    storage = InMemoryStatsStorage()
    callback = FitscopeCallback(storage, frequency=FREQUENCY, max_overhead=None, close_sinks=False)
    model = build_model(keras.optimizers.SGD(learning_rate=0.05, momentum=0.9))
    _, recorder, _ = fit(callback, model)
    session, worker = latest_session(storage, callback)
    report = next(r for r in storage.iter_updates(session, worker) if r.iteration == 10)
    for name in report.summaries["updates"]:
        update = recorder.after[9][name] - recorder.before[9][name]
        assert_summary(report.summaries["updates"][name], update, rtol=RTOL)
    assert report.learning_rates == {n: pytest.approx(0.05) for n in report.summaries["updates"]}


def test_sinks_closed_at_the_end_and_a_second_fit() -> None:
    storage = InMemoryStatsStorage()
    callback = FitscopeCallback(storage, frequency=FREQUENCY, max_overhead=None)
    model, _, _ = fit(callback)
    assert storage.closed
    with pytest.raises(ListenerError, match="already recorded a fit"):
        fit(callback, model)

    shared = InMemoryStatsStorage()
    again = FitscopeCallback(shared, frequency=FREQUENCY, max_overhead=None, close_sinks=False)
    model, _, _ = fit(again)
    first = again.session_id
    fit(again, model)
    assert again.session_id != first
    assert shared.list_sessions() == [first, again.session_id]
    for session in shared.list_sessions():
        worker = shared.list_workers(session)[0]
        assert [r.iteration for r in shared.iter_updates(session, worker)][-1] == EPOCHS * STEPS_PER_EPOCH


def test_an_error_in_the_train_step_closes_the_listener() -> None:
    calls = {"n": 0}

    def failing_loss(y_true: Any, y_pred: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 7:
            raise RuntimeError("boom")
        return keras.ops.mean((y_true - y_pred) ** 2)

    model = build_model()
    model.compile(optimizer="sgd", loss=failing_loss)
    storage = InMemoryStatsStorage()
    callback = FitscopeCallback(storage, frequency=FREQUENCY, max_overhead=None)
    with pytest.raises(RuntimeError, match="boom"):
        fit(callback, model)
    assert storage.closed  # closed with the listener, after a final report
    assert "compute_loss" not in model.__dict__


def test_other_backends_are_refused() -> None:
    check_backend("torch")
    for backend in ("jax", "tensorflow", "numpy"):
        with pytest.raises(ListenerError, match=f"running on '{backend}'.*summarises torch tensors"):
            check_backend(backend)


def test_gradient_accumulation_is_refused() -> None:
    model = build_model(keras.optimizers.SGD(0.1, gradient_accumulation_steps=2))
    callback = FitscopeCallback(InMemoryStatsStorage(), frequency=FREQUENCY, max_overhead=None)
    with pytest.raises(ListenerError, match="gradient_accumulation_steps"):
        fit(callback, model)


def test_loss_scaling_needs_gradients_off() -> None:
    model = build_model(keras.optimizers.LossScaleOptimizer(keras.optimizers.SGD(0.1)))
    with pytest.raises(ListenerError, match="scales the loss"):
        fit(FitscopeCallback(InMemoryStatsStorage(), frequency=FREQUENCY, max_overhead=None), model)

    storage = InMemoryStatsStorage()
    no_grads = StatsConfig(gradients=KindConfig(enabled=False))
    callback = FitscopeCallback(storage, frequency=FREQUENCY, max_overhead=None, config=no_grads, close_sinks=False)
    model = build_model(keras.optimizers.LossScaleOptimizer(keras.optimizers.SGD(0.1)))
    _, recorder, _ = fit(callback, model)
    session, worker = latest_session(storage, callback)
    report = next(r for r in storage.iter_updates(session, worker) if r.iteration == 5)
    assert "gradients" not in report.summaries
    for name, summary in report.summaries["updates"].items():
        assert_summary(summary, recorder.after[4][name] - recorder.before[4][name], rtol=RTOL)


def test_describe_keras_model_uses_the_functional_graph_and_variable_paths() -> None:
    from fitscope.integrations.keras import _watched_variables, describe_keras_model

    keras.utils.set_random_seed(1)
    inputs = keras.Input((4,), name="x")
    hidden = keras.layers.Dense(5, activation="tanh", name="h")(inputs)
    normed = keras.layers.BatchNormalization(name="bn")(hidden)
    joined = keras.layers.Concatenate(name="cat")([normed, hidden])
    model = keras.Model(inputs, keras.layers.Dense(1, name="out")(joined), name="fn")
    watched = _watched_variables(model)
    assert list(watched) == ["h/kernel", "h/bias", "bn/gamma", "bn/beta", "out/kernel", "out/bias"]
    info = describe_keras_model(model, watched)
    assert info.graph_source == "execution_order"
    assert info.param_names == tuple(watched) and info.param_shapes["h/kernel"] == (4, 5)
    assert info.num_params == 4 * 5 + 5 + 5 + 5 + 10 + 1
    layers = {layer.name: layer for layer in info.layers}
    assert list(layers) == ["h", "bn", "cat", "out"]
    assert layers["h"].inputs == () and layers["h"].activation == "tanh"
    assert layers["h"].attributes["units"] == 5 and layers["h"].output_shape == (None, 5)
    assert layers["bn"].params == ("bn/gamma", "bn/beta")  # moving statistics are not watched
    assert layers["cat"].inputs == ("bn", "h") and layers["cat"].num_params == 0
    assert layers["out"].inputs == ("cat",) and layers["out"].input_shape == (None, 10)


def test_mixed_bfloat16_with_batch_norm_against_kerass_own_tensors() -> None:
    keras.config.set_dtype_policy("mixed_bfloat16")
    try:
        keras.utils.set_random_seed(5)
        model = keras.Sequential(
            [
                keras.Input((3,)),
                keras.layers.Dense(4, activation="relu", name="hidden"),
                keras.layers.BatchNormalization(name="bn"),
                keras.layers.Dense(1, name="out"),
            ],
            name="mixed",
        )
        model.compile(optimizer=keras.optimizers.SGD(0.05), loss="mse")
        storage = InMemoryStatsStorage()
        callback = FitscopeCallback(storage, frequency=FREQUENCY, max_overhead=None, close_sinks=False)
        _, recorder, _ = fit(callback, model)
    finally:
        keras.config.set_dtype_policy("float32")
    session, worker = latest_session(storage, callback)
    report = next(r for r in storage.iter_updates(session, worker) if r.iteration == 10)
    names = ["mixed/hidden/kernel", "mixed/hidden/bias", "mixed/bn/gamma", "mixed/bn/beta"]
    names += ["mixed/out/kernel", "mixed/out/bias"]
    assert list(report.summaries["parameters"]) == names  # the moving mean and variance are not watched
    for name in names:
        assert recorder.grads[9][name].dtype == np.float32  # float32 variables, bfloat16 compute
        assert_summary(report.summaries["parameters"][name], recorder.after[9][name], rtol=RTOL)
        assert_summary(report.summaries["gradients"][name], recorder.grads[9][name], rtol=RTOL)
        update = recorder.after[9][name] - recorder.before[9][name]
        assert_summary(report.summaries["updates"][name], update, rtol=RTOL)
    assert report.score is not None and np.isfinite(report.score)
