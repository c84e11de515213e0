"""FitscopeCallback in real ``Trainer.fit`` runs, checked against the tensors Lightning holds.

A test-side callback (:class:`Recorder`) copies, for one chosen optimizer step, the parameters
before it (at batch start), the gradients the step consumes (after clipping: read inside the
module's ``configure_gradient_clipping``, right after Lightning clips; in manual optimization at
``on_before_optimizer_step``) and the parameters after it (at batch end). The stored report of
that step must match them bin for bin; the stored loss of every step must be the mean of its
micro-batches' losses as ``training_step`` computed them.
"""

from __future__ import annotations

import math
import os
import socket
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import lightning.pytorch as pl
import numpy as np
import pytest
import torch
from lightning.pytorch.plugins import MixedPrecision
from numpy_stats import assert_summary
from torch.utils.data import DataLoader, TensorDataset

from fitscope import InMemoryStatsStorage
from fitscope.errors import ListenerError
from fitscope.integrations.lightning import FitscopeCallback

# Lightning's own warnings on a tiny CPU run, filtered by their message only.
pytestmark = [
    pytest.mark.filterwarnings(r"ignore:`isinstance\(treespec, LeafSpec\)` is deprecated:FutureWarning"),
    pytest.mark.filterwarnings("ignore:The '.*_dataloader' does not have many workers"),
]

FREQUENCY = 5
STEP = 10  # the optimizer step checked tensor by tensor (a reporting one)
RTOL = 1e-5  # float32 model: moments to float32 accuracy, histograms bin for bin


def make_data(n: int = 44, batch_size: int = 4) -> DataLoader[tuple[torch.Tensor, ...]]:
    """44 examples in batches of 4: 11 batches an epoch, so accumulate 2 ends on a 1-batch step."""
    g = torch.Generator().manual_seed(0)
    x = torch.randn(n, 4, generator=g)
    y = torch.tanh(x @ torch.tensor([[1.0], [-2.0], [0.5], [0.25]])) + 0.1 * torch.randn(n, 1, generator=g)
    return DataLoader(TensorDataset(x, y), batch_size=batch_size)


class Net(pl.LightningModule):
    """A tiny MLP; keeps every micro-batch loss with the optimizer step it belongs to."""

    def __init__(self, lr: float = 0.05, optimizer: str = "sgd", manual: bool = False, fail_at: int = -1) -> None:
        super().__init__()
        self.save_hyperparameters()
        self.automatic_optimization = not manual
        torch.manual_seed(0)
        self.net = torch.nn.Sequential(torch.nn.Linear(4, 16), torch.nn.Tanh(), torch.nn.Linear(16, 1))
        self.micro_losses: list[tuple[int, float]] = []  # (step it belongs to, loss)
        self.recorder: Recorder | None = None

    def _loss(self, batch: Any) -> torch.Tensor:
        x, y = batch
        return torch.nn.functional.mse_loss(self.net(x).float(), y)

    def training_step(self, batch: Any, batch_idx: int) -> torch.Tensor:
        if self.trainer.global_step == self.hparams.fail_at:
            raise RuntimeError("a failing training step")
        loss = self._loss(batch)
        self.micro_losses.append((self.trainer.global_step + 1, float(loss.detach())))
        self.log("train_loss", loss)
        if self.automatic_optimization:
            return loss
        opt = self.optimizers()
        opt.zero_grad()
        self.manual_backward(loss)
        opt.step()
        return loss

    def validation_step(self, batch: Any, batch_idx: int) -> None:
        self.log("val_loss", self._loss(batch))

    def on_validation_epoch_end(self) -> None:
        self.log("val_epoch", float(self.current_epoch))  # logged after the callbacks' epoch-end hooks

    def configure_optimizers(self) -> torch.optim.Optimizer:
        params = self.parameters()
        if self.hparams.optimizer == "adam":
            return torch.optim.Adam(params, lr=self.hparams.lr)
        if self.hparams.optimizer == "lbfgs":
            return torch.optim.LBFGS(params, lr=self.hparams.lr, max_iter=3)
        return torch.optim.SGD(params, lr=self.hparams.lr, momentum=0.9)

    def configure_gradient_clipping(
        self, optimizer: torch.optim.Optimizer, gradient_clip_val: Any = None, gradient_clip_algorithm: Any = None
    ) -> None:
        self.clip_gradients(optimizer, gradient_clip_val, gradient_clip_algorithm)
        if self.recorder is not None:
            self.recorder.gradients_now(self.trainer, self, clipped=True)


def copy_named(module: torch.nn.Module, what: str) -> dict[str, np.ndarray]:
    out = {}
    for name, p in module.named_parameters():
        t = p.grad if what == "grad" else p
        assert t is not None, name
        out[name] = t.detach().to(torch.float64).numpy().copy()
    return out


class Recorder(pl.Callback):
    """Copies Lightning's tensors around one optimizer step (the one that makes global_step == step)."""

    def __init__(self, step: int) -> None:
        self.step = step
        self.before: dict[str, np.ndarray] | None = None
        self.after: dict[str, np.ndarray] | None = None
        self.unclipped: dict[str, np.ndarray] | None = None
        self.consumed: dict[str, np.ndarray] | None = None
        self.lr: float | None = None

    def on_fit_start(self, trainer: Any, pl_module: Any) -> None:
        pl_module.recorder = self

    def on_train_batch_start(self, trainer: Any, pl_module: Any, batch: Any, batch_idx: int) -> None:
        if trainer.global_step == self.step - 1 and self.before is None:
            self.before = copy_named(pl_module, "param")

    def gradients_now(self, trainer: Any, pl_module: Any, clipped: bool) -> None:
        if trainer.global_step != self.step - 1:
            return
        # The first evaluation only: LBFGS evaluates its closure again at other parameters.
        if clipped and self.consumed is None:
            self.consumed = copy_named(pl_module, "grad")
        elif not clipped and self.unclipped is None:
            self.unclipped = copy_named(pl_module, "grad")
            self.lr = trainer.optimizers[0].param_groups[0]["lr"]

    def on_before_optimizer_step(self, trainer: Any, pl_module: Any, optimizer: Any) -> None:
        self.gradients_now(trainer, pl_module, clipped=False)

    def on_train_batch_end(self, trainer: Any, pl_module: Any, outputs: Any, batch: Any, batch_idx: int) -> None:
        if trainer.global_step == self.step and self.after is None:
            self.after = copy_named(pl_module, "param")


def fit(
    tmp_path: Path,
    *,
    model: Net | None = None,
    max_epochs: int = 2,
    callback_kwargs: dict[str, Any] | None = None,
    with_recorder: bool = True,
    **trainer_kwargs: Any,
) -> tuple[Any, Net, FitscopeCallback, Recorder, InMemoryStatsStorage]:
    storage = InMemoryStatsStorage()
    callback = FitscopeCallback(
        storage, frequency=FREQUENCY, max_overhead=None, close_sinks=False, **(callback_kwargs or {})
    )
    recorder = Recorder(STEP)
    model = model or Net()
    trainer = pl.Trainer(
        accelerator="cpu",
        max_epochs=max_epochs,
        logger=False,
        enable_checkpointing=False,
        enable_progress_bar=False,
        enable_model_summary=False,
        num_sanity_val_steps=0,
        default_root_dir=tmp_path,
        callbacks=[callback, recorder] if with_recorder else [callback],
        **trainer_kwargs,
    )
    trainer.fit(model, make_data(), make_data(16))
    return trainer, model, callback, recorder, storage


def step_losses(model: Net) -> dict[int, float]:
    """The mean of each optimizer step's micro-batch losses (the last evaluation under LBFGS)."""
    by_step: dict[int, list[float]] = {}
    for step, loss in model.micro_losses:
        by_step.setdefault(step, []).append(loss)
    return {s: float(np.mean(v)) for s, v in by_step.items()}


def check_step(storage: InMemoryStatsStorage, callback: FitscopeCallback, recorder: Recorder) -> None:
    """The stored report of ``recorder.step`` against the tensors the recorder copied."""
    assert callback.listener is not None and callback.session_id is not None
    worker = callback.listener.worker_id
    reports = {r.iteration: r for r in storage.iter_updates(callback.session_id, worker)}
    report = reports[recorder.step]
    assert recorder.before is not None and recorder.after is not None
    consumed = recorder.consumed if recorder.consumed is not None else recorder.unclipped
    assert consumed is not None
    names = sorted(recorder.after)
    assert sorted(report.summaries["parameters"]) == names
    assert sorted(report.summaries["gradients"]) == names
    assert sorted(report.summaries["updates"]) == names
    for name in names:
        assert_summary(report.summaries["parameters"][name], recorder.after[name], rtol=RTOL)
        assert_summary(report.summaries["gradients"][name], consumed[name], rtol=RTOL)
        update = (torch.from_numpy(recorder.after[name]).float() - torch.from_numpy(recorder.before[name]).float()).to(
            torch.float64
        )
        assert_summary(report.summaries["updates"][name], update.numpy(), rtol=RTOL)
    assert report.learning_rates == dict.fromkeys(names, recorder.lr)


def check_losses_and_counts(
    trainer: Any, model: Net, callback: FitscopeCallback, storage: InMemoryStatsStorage
) -> None:
    assert callback.listener is not None and callback.session_id is not None
    worker = callback.listener.worker_id
    assert callback.listener.iteration == trainer.global_step
    expected = step_losses(model)
    assert sorted(expected) == list(range(1, trainer.global_step + 1))
    scores: dict[int, float] = {}
    for report in storage.iter_updates(callback.session_id, worker):
        scores.update(zip(report.scores.iterations, report.scores.values, strict=True))
    assert sorted(scores) == sorted(expected)
    for step, loss in expected.items():
        assert scores[step] == pytest.approx(loss, rel=1e-6), step
    reports = [r.iteration for r in storage.iter_updates(callback.session_id, worker)]
    want = list(range(FREQUENCY, trainer.global_step + 1, FREQUENCY))
    assert reports == (want if trainer.global_step % FREQUENCY == 0 else [*want, trainer.global_step])


@pytest.mark.parametrize("accumulate", [1, 2])
def test_steps_match_lightning_tensors(tmp_path: Path, accumulate: int) -> None:
    trainer, model, callback, recorder, storage = fit(tmp_path, accumulate_grad_batches=accumulate)
    # 11 batches an epoch: 11 steps, or 6 with accumulation (the last one from a single batch)
    assert trainer.global_step == (22 if accumulate == 1 else 12)
    check_step(storage, callback, recorder)
    check_losses_and_counts(trainer, model, callback, storage)


@pytest.mark.parametrize("accumulate", [1, 2])
def test_gradients_are_the_clipped_ones(tmp_path: Path, accumulate: int) -> None:
    trainer, model, callback, recorder, storage = fit(
        tmp_path, accumulate_grad_batches=accumulate, gradient_clip_val=0.05
    )
    assert recorder.unclipped is not None and recorder.consumed is not None
    norm = math.sqrt(sum(float((g**2).sum()) for g in recorder.unclipped.values()))
    assert norm > 0.05  # the chosen step is clipped...
    clipped = math.sqrt(sum(float((g**2).sum()) for g in recorder.consumed.values()))
    assert clipped == pytest.approx(0.05, rel=1e-4)  # ...to the clip norm, and fitscope shows that
    check_step(storage, callback, recorder)
    check_losses_and_counts(trainer, model, callback, storage)


def test_manual_optimization(tmp_path: Path) -> None:
    trainer, model, callback, recorder, storage = fit(tmp_path, model=Net(manual=True))
    assert trainer.global_step == 22
    check_step(storage, callback, recorder)
    check_losses_and_counts(trainer, model, callback, storage)


@pytest.mark.parametrize("accumulate", [1, 2])
def test_bf16_mixed(tmp_path: Path, accumulate: int) -> None:
    trainer, model, callback, recorder, storage = fit(
        tmp_path, precision="bf16-mixed", accumulate_grad_batches=accumulate, gradient_clip_val=0.05
    )
    assert isinstance(trainer.precision_plugin, MixedPrecision) and trainer.precision_plugin.scaler is None
    check_step(storage, callback, recorder)
    check_losses_and_counts(trainer, model, callback, storage)


def test_fp16_mixed_with_its_grad_scaler(tmp_path: Path) -> None:
    """fp16 autocast and a GradScaler on CPU (Lightning's "16-mixed" string means bf16 on CPU)."""
    trainer, model, callback, recorder, storage = fit(
        tmp_path, model=Net(optimizer="adam", lr=0.01), plugins=[MixedPrecision("16-mixed", "cpu")]
    )
    scaler = trainer.precision_plugin.scaler
    assert scaler is not None and scaler.is_enabled()
    assert recorder.before is not None and recorder.after is not None
    assert any((recorder.after[n] != recorder.before[n]).any() for n in recorder.after)  # a step the scaler kept
    check_step(storage, callback, recorder)  # unscaled gradients, the scaler's unscale_ comes first
    check_losses_and_counts(trainer, model, callback, storage)


def test_lbfgs_reports_the_first_closure_evaluation(tmp_path: Path) -> None:
    trainer, model, callback, recorder, storage = fit(tmp_path, model=Net(optimizer="lbfgs", lr=0.1))
    assert callback.listener is not None and callback.listener.iteration == trainer.global_step == 22
    check_step(storage, callback, recorder)
    # three closure evaluations a step: the stored loss is the one Lightning hands the callbacks, the last
    evaluations = [loss for step, loss in model.micro_losses if step == STEP]
    assert len(evaluations) > 1
    report = {r.iteration: r for r in storage.iter_updates(callback.session_id or "", callback.listener.worker_id)}
    assert report[STEP].score == pytest.approx(evaluations[-1], rel=1e-6)


def test_metrics_epochs_and_hyperparameters(tmp_path: Path) -> None:
    trainer, _, callback, _, storage = fit(
        tmp_path,
        max_epochs=3,
        with_recorder=False,
        callback_kwargs={"hyperparameters": {"batch_size": 4, "lr": 0.5}, "tags": {"kind": "test"}},
    )
    assert callback.listener is not None and callback.session_id is not None
    sid, worker = callback.session_id, callback.listener.worker_id
    assert storage.list_workers(sid) == [worker]
    epochs = storage.read_epochs(sid, worker)
    assert [(e.epoch, e.iteration) for e in epochs] == [(0, 11), (1, 22), (2, 33)]
    metrics = storage.read_metrics(sid, worker)
    # validation's metrics only (train_loss, also in callback_metrics, is the score already)
    assert [(m.iteration, m.epoch, m.values["val_epoch"], sorted(m.values)) for m in metrics] == [
        (11, 0, 0.0, ["val_epoch", "val_loss"]),
        (22, 1, 1.0, ["val_epoch", "val_loss"]),
        (33, 2, 2.0, ["val_epoch", "val_loss"]),
    ]
    assert metrics[-1].values["val_loss"] == pytest.approx(float(trainer.callback_metrics["val_loss"]))
    assert "train_loss" in trainer.callback_metrics  # there, but not a validation metric
    # validating after fit records nothing (the listener is closed) and does not fail
    trainer.validate(trainer.lightning_module, make_data(16), verbose=False)
    assert len(storage.read_metrics(sid, worker)) == 3
    info = storage.get_static_info(sid, worker)
    assert info is not None
    assert info.hyperparameters == {"lr": 0.5, "optimizer": "sgd", "manual": False, "fail_at": -1, "batch_size": 4}
    assert info.tags == {"kind": "test"}
    report = storage.get_latest_update(sid, worker)
    assert report is not None and report.performance is not None
    assert report.performance.total_examples == 3 * 44


def test_training_is_unchanged_by_the_callback(tmp_path: Path) -> None:
    _, with_cb, *_ = fit(tmp_path, with_recorder=False, accumulate_grad_batches=2, gradient_clip_val=0.05)
    model = Net()
    pl.Trainer(
        accelerator="cpu",
        max_epochs=2,
        logger=False,
        enable_checkpointing=False,
        enable_progress_bar=False,
        enable_model_summary=False,
        num_sanity_val_steps=0,
        default_root_dir=tmp_path,
        accumulate_grad_batches=2,
        gradient_clip_val=0.05,
    ).fit(model, make_data(), make_data(16))
    for (name, a), (_, b) in zip(with_cb.named_parameters(), model.named_parameters(), strict=True):
        assert torch.equal(a, b), name


def test_closed_after_an_exception_with_the_partial_window_reported(tmp_path: Path) -> None:
    storage = InMemoryStatsStorage()
    callback = FitscopeCallback(storage, frequency=FREQUENCY, max_overhead=None, close_sinks=False)
    trainer = pl.Trainer(
        accelerator="cpu",
        max_epochs=1,
        logger=False,
        enable_checkpointing=False,
        enable_progress_bar=False,
        enable_model_summary=False,
        default_root_dir=tmp_path,
        callbacks=[callback],
    )
    with pytest.raises(RuntimeError, match="a failing training step"):
        trainer.fit(Net(fail_at=7), make_data(), make_data(16))
    assert callback.listener is not None and callback.session_id is not None
    assert [r.iteration for r in storage.iter_updates(callback.session_id, callback.listener.worker_id)] == [5, 7]
    with pytest.raises(ListenerError, match="closed"):
        callback.listener.iteration_done()


class TwoOptimizers(Net):
    def __init__(self) -> None:
        super().__init__(manual=True)

    def configure_optimizers(self) -> Any:
        return torch.optim.SGD(self.net[0].parameters(), lr=0.1), torch.optim.SGD(self.net[2].parameters(), lr=0.1)


def test_several_optimizers_are_refused_clearly(tmp_path: Path) -> None:
    with pytest.raises(ListenerError, match=r"follows one optimizer, but .* gave 2"):
        fit(tmp_path, model=TwoOptimizers(), with_recorder=False)


def test_frequency_is_checked_at_construction() -> None:
    with pytest.raises(ValueError, match="positive integer"):
        FitscopeCallback(InMemoryStatsStorage(), frequency=0)


@pytest.mark.slow
def test_standalone_pytorch_lightning_package(tmp_path: Path) -> None:
    """With only ``pytorch_lightning`` importable, the callback subclasses its Callback and trains."""
    script = textwrap.dedent(
        """
        import sys, warnings
        warnings.simplefilter("ignore")
        sys.modules["lightning"] = None  # as if the `lightning` package were not installed
        import torch, pytorch_lightning as pl
        from torch.utils.data import DataLoader, TensorDataset
        from fitscope import InMemoryStatsStorage
        from fitscope.integrations.lightning import FitscopeCallback

        class Net(pl.LightningModule):
            def __init__(self):
                super().__init__()
                self.net = torch.nn.Linear(4, 1)
            def training_step(self, batch, batch_idx):
                return torch.nn.functional.mse_loss(self.net(batch[0]), batch[1])
            def configure_optimizers(self):
                return torch.optim.SGD(self.parameters(), lr=0.1)

        data = DataLoader(TensorDataset(torch.randn(24, 4), torch.randn(24, 1)), batch_size=4)
        storage = InMemoryStatsStorage()
        callback = FitscopeCallback(storage, frequency=2, max_overhead=None, close_sinks=False)
        assert isinstance(callback, pl.Callback)
        trainer = pl.Trainer(accelerator="cpu", max_epochs=1, logger=False, enable_checkpointing=False,
                             enable_progress_bar=False, enable_model_summary=False, default_root_dir=sys.argv[1],
                             callbacks=[callback])
        trainer.fit(Net(), data)
        updates = list(storage.iter_updates(callback.session_id, callback.listener.worker_id))
        print([r.iteration for r in updates], "lightning" in sys.modules and sys.modules["lightning"] is None)
        """
    )
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True, timeout=120, env=env
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip().splitlines()[-1] == "[2, 4, 6] True"


class Data(pl.LightningDataModule):
    def __init__(self, batch_size: int = 4) -> None:
        super().__init__()
        self.save_hyperparameters()

    def train_dataloader(self) -> DataLoader[tuple[torch.Tensor, ...]]:
        return make_data(batch_size=self.hparams.batch_size)

    def val_dataloader(self) -> DataLoader[tuple[torch.Tensor, ...]]:
        return make_data(16)


def test_datamodule_hyperparameters_are_merged(tmp_path: Path) -> None:
    storage = InMemoryStatsStorage()
    callback = FitscopeCallback(storage, close_sinks=False, hyperparameters={"note": "user"})
    trainer = pl.Trainer(
        accelerator="cpu",
        max_steps=3,
        logger=False,
        enable_checkpointing=False,
        enable_progress_bar=False,
        enable_model_summary=False,
        default_root_dir=tmp_path,
        callbacks=[callback],
    )
    trainer.fit(Net(optimizer="adam"), datamodule=Data(batch_size=8))
    assert callback.listener is not None and callback.session_id is not None
    info = storage.get_static_info(callback.session_id, callback.listener.worker_id)
    assert info is not None
    assert info.hyperparameters == {
        "batch_size": 8,
        "lr": 0.05,
        "optimizer": "adam",
        "manual": False,
        "fail_at": -1,
        "note": "user",
    }
    report = storage.get_latest_update(callback.session_id, callback.listener.worker_id)
    assert report is not None and report.iteration == 3
    assert report.performance is not None and report.performance.total_examples == 24


class TwoStepsPerBatch(Net):
    """Manual optimization stepping twice in every batch: each step is one iteration."""

    def __init__(self) -> None:
        super().__init__(manual=True)

    def training_step(self, batch: Any, batch_idx: int) -> torch.Tensor:
        opt = self.optimizers()
        for _ in range(2):
            loss = self._loss(batch)
            opt.zero_grad()
            self.manual_backward(loss)
            opt.step()
        return loss


def test_manual_optimization_stepping_twice_a_batch_counts_both(tmp_path: Path) -> None:
    with pytest.warns(RuntimeWarning, match="stepped 2 times in one training batch"):
        trainer, _, callback, _, storage = fit(tmp_path, model=TwoStepsPerBatch(), max_epochs=1, with_recorder=False)
    assert trainer.global_step == 22
    assert callback.listener is not None and callback.session_id is not None
    assert callback.listener.iteration == 22
    reports = list(storage.iter_updates(callback.session_id, callback.listener.worker_id))
    assert [r.iteration for r in reports] == [5, 10, 15, 20, 22]
    # losses go to the batch's last step: the even iterations
    assert reports[-1].scores.iterations == (22,)


DDP_SCRIPT = """
import os, sys, warnings
warnings.simplefilter("ignore")
import torch, lightning.pytorch as pl
from torch.utils.data import DataLoader, TensorDataset
from fitscope import FileStatsStorage
from fitscope.integrations.lightning import FitscopeCallback

class Net(pl.LightningModule):
    def __init__(self):
        super().__init__()
        self.net = torch.nn.Linear(4, 1)
    def training_step(self, batch, batch_idx):
        return torch.nn.functional.mse_loss(self.net(batch[0]), batch[1])
    def configure_optimizers(self):
        return torch.optim.SGD(self.parameters(), lr=0.1)

if __name__ == "__main__":
    g = torch.Generator().manual_seed(0)
    data = DataLoader(TensorDataset(torch.randn(32, 4, generator=g), torch.randn(32, 1, generator=g)), batch_size=4)
    callback = FitscopeCallback(FileStatsStorage(sys.argv[1]), frequency=2, max_overhead=None)
    trainer = pl.Trainer(accelerator="cpu", devices=2, strategy="ddp", max_epochs=1, logger=False,
                         enable_checkpointing=False, enable_progress_bar=False, enable_model_summary=False,
                         default_root_dir=os.path.dirname(sys.argv[1]), callbacks=[callback])
    trainer.fit(Net(), data)
"""


@pytest.mark.slow
def test_ddp_ranks_share_a_session_with_rank_worker_ids(tmp_path: Path) -> None:
    """Two CPU ranks (gloo) write one file: one session id (made on rank 0), workers host:rank0/1."""
    from fitscope import FileStatsStorage

    script = tmp_path / "ddp_fit.py"
    script.write_text(DDP_SCRIPT)
    path = tmp_path / "run.fitscope"
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    done = subprocess.run(
        [sys.executable, str(script), str(path)], capture_output=True, text=True, timeout=240, env=env, cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr[-3000:]
    storage = FileStatsStorage(path, read_only=True)
    try:
        sessions = storage.list_sessions()
        assert len(sessions) == 1
        workers = storage.list_workers(sessions[0])
        host = socket.gethostname()
        assert sorted(workers) == [f"{host}:rank0", f"{host}:rank1"]
        for worker in workers:
            # 8 batches split over 2 ranks: 4 steps each
            assert [r.iteration for r in storage.iter_updates(sessions[0], worker)] == [2, 4]
    finally:
        storage.close()


def test_a_resumed_fit_continues_the_iterations_of_its_checkpoint(tmp_path: Path) -> None:
    first, *_ = fit(tmp_path, max_epochs=1, with_recorder=False)
    checkpoint = tmp_path / "epoch1.ckpt"
    first.save_checkpoint(checkpoint)
    storage = InMemoryStatsStorage()
    callback = FitscopeCallback(storage, frequency=FREQUENCY, max_overhead=None, close_sinks=False)
    resumed = pl.Trainer(
        accelerator="cpu",
        max_epochs=2,
        logger=False,
        enable_checkpointing=False,
        enable_progress_bar=False,
        enable_model_summary=False,
        num_sanity_val_steps=0,
        default_root_dir=tmp_path,
        callbacks=[callback],
    )
    resumed.fit(Net(), make_data(), make_data(16), ckpt_path=checkpoint)
    assert callback.listener is not None and callback.session_id is not None
    worker = callback.listener.worker_id
    assert callback.listener.iteration == resumed.global_step == 22
    reports = list(storage.iter_updates(callback.session_id, worker))
    assert [r.iteration for r in reports] == [15, 20, 22]
    assert reports[0].scores.iterations == (12, 13, 14, 15)
    assert [(e.epoch, e.iteration) for e in storage.read_epochs(callback.session_id, worker)] == [(1, 22)]
    assert [m.iteration for m in storage.read_metrics(callback.session_id, worker)] == [22]


def test_pickling_says_which_strategy_to_use() -> None:
    """ddp_spawn pickles the callbacks into its processes; the error names the strategy that works."""
    import pickle

    with pytest.raises(TypeError, match=r"strategy='ddp_spawn'.*use strategy='ddp'"):
        pickle.dumps(FitscopeCallback(InMemoryStatsStorage()))


def test_runs_in_a_pytorch_lightning_trainer_when_both_packages_are_installed(tmp_path: Path) -> None:
    """Lightning calls callback hooks by name: the lightning.pytorch callback works in the standalone Trainer."""
    import pytorch_lightning as ptl

    class StandaloneNet(ptl.LightningModule):
        def __init__(self) -> None:
            super().__init__()
            self.net = torch.nn.Linear(4, 1)

        def training_step(self, batch: Any, batch_idx: int) -> torch.Tensor:
            loss: torch.Tensor = torch.nn.functional.mse_loss(self.net(batch[0]), batch[1])
            return loss

        def configure_optimizers(self) -> torch.optim.Optimizer:
            return torch.optim.SGD(self.parameters(), lr=0.1)

    storage = InMemoryStatsStorage()
    callback = FitscopeCallback(storage, frequency=FREQUENCY, max_overhead=None, close_sinks=False)
    trainer = ptl.Trainer(
        accelerator="cpu",
        max_epochs=1,
        logger=False,
        enable_checkpointing=False,
        enable_progress_bar=False,
        enable_model_summary=False,
        default_root_dir=tmp_path,
        callbacks=[callback],
    )
    trainer.fit(StandaloneNet(), make_data())
    assert callback.listener is not None and callback.session_id is not None
    assert callback.listener.iteration == trainer.global_step == 11
    reports = storage.iter_updates(callback.session_id, callback.listener.worker_id)
    assert [r.iteration for r in reports] == [5, 10, 11]
