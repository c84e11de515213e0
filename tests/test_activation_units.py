"""Units and dead units of activations, checked with numpy on outputs captured by the test's own hooks.

Each model says, per module, which axis holds its units (the test's expectation, written by hand);
the listener's counts must equal numpy's count of units that are 0 for every example and position.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
import torch
from numpy_stats import assert_summary
from torch import nn

from fitscope import InMemoryStatsStorage, StatsListener


class Seq3d(nn.Module):
    """Features-last outputs of three axes: Linear and ReLU on ``(batch, time, features)``, then an LSTM."""

    def __init__(self) -> None:
        super().__init__()
        self.proj = nn.Linear(6, 12)
        self.act = nn.ReLU()
        self.rnn = nn.LSTM(12, 5, batch_first=True)
        self.head = nn.Linear(5, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out, _ = self.rnn(self.act(self.proj(x)))
        return self.head(out[:, -1])


class Conv1dNet(nn.Module):
    """Channels-first outputs of three axes: a ReLU after a Conv1d has channels on axis 1."""

    def __init__(self) -> None:
        super().__init__()
        self.conv = nn.Conv1d(3, 7, 3)
        self.act = nn.ReLU()
        self.pool = nn.AdaptiveAvgPool1d(1)
        self.head = nn.Linear(7, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.pool(self.act(self.conv(x))).flatten(1))


def mlp() -> tuple[nn.Module, torch.Tensor, dict[str, int]]:
    m = nn.Sequential(nn.Linear(10, 32), nn.ReLU(), nn.Linear(32, 16), nn.ReLU(), nn.Linear(16, 1))
    with torch.no_grad():
        m[0].bias[:9] = -50.0  # 9 of 32 units never active
        m[2].weight[3:5] = 0.0
        m[2].bias[3:5] = 0.0  # 2 units exactly 0 before the ReLU too
    return m, torch.randn(64, 10), {"0": 1, "1": 1, "2": 1, "3": 1, "4": 1}


def cnn() -> tuple[nn.Module, torch.Tensor, dict[str, int]]:
    m = nn.Sequential(
        nn.Conv2d(3, 8, 3),
        nn.BatchNorm2d(8),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(8 * 3 * 3, 4),
    )
    with torch.no_grad():
        m[1].bias[:3] = -100.0  # 3 channels switched off by the ReLU
    axes = {"0": 1, "1": 1, "2": 1, "3": 1, "4": 1, "5": 1}
    return m, torch.randn(16, 3, 8, 8), axes


def seq3d() -> tuple[nn.Module, torch.Tensor, dict[str, int]]:
    m = Seq3d()
    with torch.no_grad():
        m.proj.bias[:4] = -100.0
    return m, torch.randn(8, 9, 6), {"proj": 2, "act": 2, "rnn": 2, "head": 1}


def conv1d() -> tuple[nn.Module, torch.Tensor, dict[str, int]]:
    m = Conv1dNet()
    with torch.no_grad():
        m.conv.bias[:2] = -100.0
    return m, torch.randn(8, 3, 20), {"conv": 1, "act": 1, "pool": 1, "head": 1}


def transformer() -> tuple[nn.Module, torch.Tensor, dict[str, int]]:
    m = nn.Sequential(nn.Linear(4, 16), nn.GELU(), nn.Linear(16, 16), nn.ReLU(), nn.LayerNorm(16))
    return m, torch.randn(4, 10, 4), {"0": 2, "1": 2, "2": 2, "3": 2, "4": 2}


def numpy_dead(values: np.ndarray, axis: int) -> tuple[int, int]:
    moved = np.moveaxis(values, axis, 0).reshape(values.shape[axis], -1)
    return values.shape[axis], int(np.sum(~np.any(moved != 0.0, axis=1)))


@pytest.mark.parametrize("build", [mlp, cnn, seq3d, conv1d, transformer])
def test_unit_counts_equal_numpy_on_the_captured_outputs(build: Any) -> None:
    torch.manual_seed(0)
    model, x, axes = build()
    captured: dict[str, np.ndarray] = {}
    handles = []
    for name, module in model.named_modules():
        if name in axes:

            def keep(mod: nn.Module, inputs: Any, output: Any, name: str = name) -> None:
                out = output[0] if isinstance(output, tuple) else output
                captured[name] = out.detach().double().numpy().copy()

            handles.append(module.register_forward_hook(keep))
    storage = InMemoryStatsStorage()
    listener = StatsListener(storage, frequency=1, close_sinks=False)
    listener.attach(model, torch.optim.SGD(model.parameters(), lr=0.01))
    loss = model(x).pow(2).mean()
    loss.backward()
    listener.iteration_done(loss)
    listener.close()
    for h in handles:
        h.remove()
    report = storage.get_latest_update(listener.session_id, listener.worker_id)
    assert report is not None
    acts = report.summaries["activations"]
    assert sorted(acts) == sorted(axes)
    for name, axis in axes.items():
        s = acts[name]
        assert_summary(s, captured[name])  # zero_count among the statistics
        assert (s.unit_count, s.dead_unit_count) == numpy_dead(captured[name], axis), name
    if build is mlp:
        assert acts["1"].dead_unit_count == 9 and acts["3"].dead_unit_count >= 2 and acts["2"].dead_unit_count == 2
    if build is cnn:
        assert acts["2"].dead_unit_count == 3 and acts["3"].dead_unit_count == 3


def test_parameters_gradients_and_updates_have_zero_counts_but_no_units() -> None:
    model, x, _ = mlp()
    storage = InMemoryStatsStorage()
    listener = StatsListener(storage, frequency=1, close_sinks=False)
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    listener.attach(model, opt)
    loss = model(x).pow(2).mean()
    loss.backward()
    opt.step()
    listener.iteration_done(loss)
    listener.close()
    report = storage.get_latest_update(listener.session_id, listener.worker_id)
    assert report is not None
    grads = report.summaries["gradients"]
    # The switched-off units get no gradient: exact zeros in the first layer's bias gradient.
    assert grads["0.bias"].zero_count is not None and grads["0.bias"].zero_count >= 9
    for kind in ("parameters", "gradients", "updates"):
        for s in report.summaries[kind].values():
            assert s.zero_count is not None and s.unit_count is None and s.dead_unit_count is None
