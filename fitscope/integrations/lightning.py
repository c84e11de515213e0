"""PyTorch Lightning: :class:`FitscopeCallback` records a ``Trainer.fit`` run with a StatsListener.

One fitscope iteration is one optimizer step (``trainer.global_step``), whatever the gradient
accumulation; see docs/integrations.md for where every recorded value comes from.

The callback subclasses ``lightning.pytorch.Callback`` (the ``lightning`` package). When only the
standalone ``pytorch_lightning`` package (2.x, the same API) is installed, it subclasses
``pytorch_lightning.Callback`` instead, for that package's ``Trainer``.
"""

from __future__ import annotations

import uuid
import warnings
from collections.abc import Mapping, Sequence
from typing import Any

from fitscope.config import StatsConfig
from fitscope.distributed import rank_worker_id
from fitscope.errors import ListenerError, MissingDependencyError
from fitscope.listener import StatsListener, check_frequency
from fitscope.overhead_budget import check_max_overhead
from fitscope.storage.base import StatsSink

try:
    import lightning.pytorch as pl
except ImportError:  # pragma: no cover - exercised by a subprocess test without `lightning`
    try:
        import pytorch_lightning as pl  # type: ignore[no-redef]
    except ImportError as exc:
        raise MissingDependencyError("fitscope.integrations.lightning", "lightning", "lightning") from exc

import torch

__all__ = ["FitscopeCallback"]


class FitscopeCallback(pl.Callback):
    """Records a Lightning training run: statistics per optimizer step, validation metrics, epochs.

    Example::

        storage = FileStatsStorage("runs/lightning.fitscope")
        trainer = Trainer(callbacks=[FitscopeCallback(storage, frequency=10)])
        trainer.fit(model, train_loader, val_loader)

    When training starts a :class:`~fitscope.StatsListener` is built and attached to the LightningModule
    and its torch optimizer; it is closed when fit ends, also on an exception.

    Args:
        sinks: One sink or a list (storages and exporters).
        frequency: Report every ``frequency`` optimizer steps.
        config: What to collect; everything by default.
        session_id: Identifies the run; by default a new uuid4, made on rank 0 and shared with
            every rank.
        session_name: A human name for the run.
        tags: String tags of the run.
        hyperparameters: JSON values describing the run, merged over the LightningModule's (and
            the DataModule's) ``hparams``.
        close_sinks: Whether the listener closes the sinks when fit ends.
        max_queue: Records that may wait for each sink before its oldest reports are dropped.
        max_overhead: The listener's overhead budget, a fraction of the training time (see
            :class:`~fitscope.StatsListener`); ``None`` collects every histogram every report.

    Attributes:
        listener: The StatsListener of the fit in progress (or of the last one); None before fit.
    """

    def __init__(
        self,
        sinks: StatsSink | Sequence[StatsSink],
        frequency: int = 10,
        *,
        config: StatsConfig | None = None,
        session_id: str | None = None,
        session_name: str | None = None,
        tags: Mapping[str, str] | None = None,
        hyperparameters: Mapping[str, Any] | None = None,
        close_sinks: bool = True,
        max_queue: int = 1024,
        max_overhead: float | None = 0.03,
    ) -> None:
        check_frequency(frequency, "steps")
        self._sinks = sinks
        self._frequency = frequency
        self._config = config
        self._session_id = session_id
        self._session_name = session_name
        self._tags = dict(tags or {})
        self._hyperparameters = dict(hyperparameters or {})
        self._close_sinks = close_sinks
        self._max_queue = max_queue
        self._max_overhead = check_max_overhead(max_overhead)
        self.listener: StatsListener | None = None
        self._active: StatsListener | None = None  # the listener while its fit trains, else None
        self._last_step = 0
        self._losses: list[torch.Tensor] = []
        self._examples: int | None = 0
        self._validation_start: dict[str, Any] = {}
        self._warned_multi_step = False

    @property
    def session_id(self) -> str | None:
        """The session id of the run (known once fit starts, unless given to the constructor)."""
        return self.listener.session_id if self.listener is not None else self._session_id

    def __getstate__(self) -> dict[str, Any]:
        raise TypeError(
            "FitscopeCallback cannot be pickled: its sinks hold open files and threads. Strategies that "
            "pickle the Trainer's callbacks into new processes (strategy='ddp_spawn') cannot carry it; "
            "use strategy='ddp', which starts each rank as a fresh process that builds its own callback."
        )

    # ------------------------------------------------------------------ train start / fit end

    def on_train_start(self, trainer: pl.Trainer, pl_module: pl.LightningModule) -> None:
        """Builds the listener and attaches it to the module and its optimizer.

        Not at ``on_fit_start``: a fit resumed from a checkpoint has its ``global_step`` restored
        only after that hook, and the listener's iterations continue from it.
        """
        optimizers = list(trainer.optimizers)
        if len(optimizers) != 1:
            raise ListenerError(
                f"FitscopeCallback follows one optimizer, but this LightningModule's configure_optimizers "
                f"gave {len(optimizers)}. With several optimizers (a GAN in manual optimization), "
                "trainer.global_step counts every optimizer's steps, so no step would be one iteration: "
                "use one optimizer, or a StatsListener attached to one of them by hand."
            )
        optimizer = optimizers[0]
        if isinstance(optimizer, pl.core.optimizer.LightningOptimizer):
            optimizer = optimizer.optimizer
        world_size = int(trainer.world_size)
        worker_id = rank_worker_id(trainer.global_rank) if world_size > 1 else None
        session_id = self._session_id or str(uuid.uuid4())
        if world_size > 1:
            session_id = trainer.strategy.broadcast(session_id, src=0)
        hyperparameters = _json_safe({**_hparams(getattr(trainer, "datamodule", None)), **_hparams(pl_module)})
        hyperparameters.update(self._hyperparameters)
        listener = StatsListener(
            self._sinks,
            self._frequency,
            config=self._config,
            session_id=session_id,
            worker_id=worker_id,
            session_name=self._session_name,
            tags=self._tags,
            hyperparameters=hyperparameters,
            max_queue=self._max_queue,
            max_overhead=self._max_overhead,
            close_sinks=self._close_sinks,
            # A resumed fit continues the counts of the checkpoint (0 and 0 for a fresh one), so
            # that iteration == trainer.global_step and epochs keep their numbers.
            start_iteration=int(trainer.global_step),
            start_epoch=int(trainer.current_epoch),
        )
        try:
            listener.attach(pl_module, optimizer, example_input=_example_input(pl_module))
        except BaseException:
            listener.close()
            raise
        self.listener = self._active = listener
        self._last_step = int(trainer.global_step)
        self._reset_step()

    def on_fit_end(self, trainer: pl.Trainer, pl_module: pl.LightningModule) -> None:
        """Closes the listener (a final report for a partial window; sinks closed if asked)."""
        self._close()

    def on_exception(self, trainer: pl.Trainer, pl_module: pl.LightningModule, exception: BaseException) -> None:
        """Closes the listener so that what was recorded reaches the sinks."""
        self._close()

    # ------------------------------------------------------------------ steps

    def on_train_batch_end(
        self, trainer: pl.Trainer, pl_module: pl.LightningModule, outputs: Any, batch: Any, batch_idx: int
    ) -> None:
        """Collects the micro-batch's loss; one iteration_done per optimizer step taken."""
        listener = self._active
        if listener is None:
            return
        loss = _loss_of(outputs)
        if loss is not None:
            self._losses.append(loss)
        if self._examples is not None:
            size = _batch_size(batch)
            self._examples = None if size is None else self._examples + size
        step = int(trainer.global_step)
        steps = step - self._last_step
        if steps <= 0:
            return  # accumulating: the optimizer has not stepped yet
        self._last_step = step
        if steps > 1 and not self._warned_multi_step:
            self._warned_multi_step = True
            warnings.warn(
                f"fitscope: the optimizer stepped {steps} times in one training batch (batch {batch_idx}). "
                "Each step is counted, but the loss and batch size are given to the last, and a report "
                "falling on the earlier ones holds no gradients or updates of its own.",
                RuntimeWarning,
                stacklevel=2,
            )
        for _ in range(steps - 1):
            listener.iteration_done()
        accumulate = int(trainer.accumulate_grad_batches) if pl_module.automatic_optimization else 1
        listener.iteration_done(self._step_loss(accumulate, pl_module.automatic_optimization), self._examples)
        self._reset_step()

    def _step_loss(self, accumulate: int, automatic: bool) -> torch.Tensor | None:
        """The step's loss: the mean of its micro-batches' losses, kept on their device.

        In automatic optimization Lightning hands ``on_train_batch_end`` each micro-batch's loss
        divided by ``accumulate_grad_batches``, so the sum over a full step is the mean; the last
        step of an epoch may have fewer micro-batches, and its sum is rescaled to their mean.
        """
        if not self._losses:
            return None
        total = self._losses[0]
        for loss in self._losses[1:]:
            total = total + loss
        n = len(self._losses)
        if automatic:
            return total if n == accumulate else total * (accumulate / n)
        return total if n == 1 else total / n

    def _reset_step(self) -> None:
        self._losses = []
        self._examples = 0

    # ------------------------------------------------------------------ epochs and metrics

    def on_train_epoch_end(self, trainer: pl.Trainer, pl_module: pl.LightningModule) -> None:
        """Records the end of a training epoch."""
        if self._active is not None:
            self._active.epoch_done()

    def on_validation_start(self, trainer: pl.Trainer, pl_module: pl.LightningModule) -> None:
        """Remembers the metrics present before validation, to record only what validation logs."""
        if self._active is not None and not trainer.sanity_checking:
            self._validation_start = dict(trainer.callback_metrics)

    def on_validation_end(self, trainer: pl.Trainer, pl_module: pl.LightningModule) -> None:
        """Records the numbers of ``trainer.callback_metrics`` that this validation run logged."""
        listener = self._active
        if listener is None or trainer.sanity_checking:
            return
        before = self._validation_start
        self._validation_start = {}
        values: dict[str, float] = {}
        for name, value in trainer.callback_metrics.items():
            if before.get(name) is value:
                continue  # logged in training (or an earlier validation), not by this one
            number = _number(value)
            if number is not None:
                values[name] = number
        if values:
            listener.log_metrics(values)

    # ------------------------------------------------------------------ internals

    def _close(self) -> None:
        listener, self._active = self._active, None
        if listener is not None:
            listener.close()


def _hparams(owner: Any) -> dict[str, Any]:
    """The ``hparams`` of a LightningModule or DataModule (save_hyperparameters), or {}."""
    hparams = getattr(owner, "hparams", None) if owner is not None else None
    return dict(hparams) if isinstance(hparams, Mapping) else {}


def _json_safe(value: Any) -> Any:
    """Hyperparameters as JSON values: anything else (a class, a tensor) becomes its ``repr``."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, Mapping):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_safe(v) for v in value]
    if isinstance(value, torch.Tensor) and value.numel() == 1:
        return value.item()
    return repr(value)


def _example_input(pl_module: pl.LightningModule) -> Any:
    example = getattr(pl_module, "example_input_array", None)
    return example if isinstance(example, (torch.Tensor, tuple)) else None


def _loss_of(outputs: Any) -> torch.Tensor | None:
    """The loss handed to ``on_train_batch_end``: ``outputs["loss"]`` (or the tensor itself)."""
    loss = outputs.get("loss") if isinstance(outputs, Mapping) else outputs
    if isinstance(loss, torch.Tensor) and loss.numel() == 1:
        return loss.detach()
    return None


def _batch_size(batch: Any) -> int | None:
    """Length of the first tensor of the batch (a tensor, or a list/tuple/dict holding tensors)."""
    if isinstance(batch, torch.Tensor):
        return int(batch.shape[0]) if batch.dim() > 0 else None
    items: Any = batch.values() if isinstance(batch, Mapping) else batch
    if isinstance(items, (list, tuple)) or isinstance(batch, Mapping):
        for item in items:
            size = _batch_size(item)
            if size is not None:
                return size
    return None


def _number(value: Any) -> float | None:
    """A metric's value as a float: numbers and one-element tensors; None for anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, torch.Tensor) and value.numel() == 1:
        return float(value.detach().to(torch.float64).cpu())
    return None
