"""Hugging Face ``transformers`` Trainer integration: :class:`FitscopeCallback`.

One fitscope iteration is one optimizer step of the Trainer (``state.global_step``), whatever
``gradient_accumulation_steps`` is. What is recorded and where it comes from:

* gradients, updates and learning rates: the core's step hooks on the torch optimizer inside
  Accelerate's ``AcceleratedOptimizer`` (see :mod:`fitscope.torch_wrappers`). The step pre-hook
  runs inside ``optimizer.step()``, after the Trainer has clipped the gradients
  (``max_grad_norm``) and before ``model.zero_grad()`` sets them to None: the gradients are the
  clipped ones the step consumes. Learning rates are the param groups' as the step reads them
  (the scheduler sets them; it steps after the optimizer). Updates are parameters after the step
  minus before it; parameters are read after the step.
* the score (per-step loss): see "Loss definition" in :class:`FitscopeCallback`; in short the
  model-computed loss of every micro-batch of the step, each weighted by the gradient the
  Trainer's backward pass sends into it, summed, with a mixed-precision loss scale divided out.
  That is the objective whose gradient the optimizer step follows, the value the Trainer adds to
  its own ``loss`` log for the step. When the model does not compute the loss (label smoothing,
  ``compute_loss_func``, an overridden ``compute_loss`` that trains on something else) the step
  has no score, and one warning is logged.
* ``on_evaluate`` metrics go to :meth:`~fitscope.StatsListener.log_metrics`, ``on_epoch_end`` to
  :meth:`~fitscope.StatsListener.epoch_done`, ``TrainingArguments`` to the hyperparameters.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from types import TracebackType
from typing import Any

from fitscope.config import StatsConfig
from fitscope.distributed import default_session_id, rank_worker_id
from fitscope.errors import ListenerError, MissingDependencyError
from fitscope.listener import StatsListener, check_frequency
from fitscope.overhead_budget import check_max_overhead
from fitscope.storage.base import StatsSink

try:
    import torch
    from transformers import TrainerCallback, TrainerControl, TrainerState, TrainingArguments
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise MissingDependencyError(
        "fitscope.integrations.transformers.FitscopeCallback", "transformers", exc.name or "transformers"
    ) from exc

__all__ = ["FitscopeCallback"]

logger = logging.getLogger("fitscope")

_NO_MODEL_LOSS = (
    "the model's forward pass returned no 'loss' in a training step (the Trainer then computes the loss "
    "outside the model: label smoothing, compute_loss_func, an overridden compute_loss, or a model returning "
    "a tuple), so fitscope cannot know the loss the step trains on"
)
_NOT_BACKPROPAGATED = (
    "a loss the model computed in a training step received no gradient (an overridden compute_loss trains "
    "on another loss), so it is not the loss the step trains on"
)


class _MicroBatchLoss:
    """One training forward pass's loss, and the gradient(s) the backward pass sends into it."""

    __slots__ = ("grads", "value")

    def __init__(self, value: torch.Tensor) -> None:
        self.value = value
        self.grads: list[torch.Tensor] = []

    def keep_grad(self, grad: torch.Tensor) -> None:
        self.grads.append(grad.detach())


class FitscopeCallback(TrainerCallback):
    """Records a Hugging Face ``Trainer`` run with a :class:`~fitscope.StatsListener`.

    Example::

        from fitscope import FileStatsStorage
        from fitscope.integrations.transformers import FitscopeCallback

        callback = FitscopeCallback(FileStatsStorage("runs/hf.fitscope"), frequency=10)
        Trainer(model, args, train_dataset=ds, callbacks=[callback]).train()

    The listener is built at ``on_train_begin`` (so the worker id knows the process's rank) and
    closed at ``on_train_end``. The Trainer has no callback event for an exception raised inside
    ``train()``: then call :meth:`close` yourself (or use the callback as a context manager);
    otherwise the listener is closed when the interpreter exits.

    Loss definition (the score of step *k*): for each training forward pass of the step (module in
    training mode, gradients enabled) the model's output ``loss`` *l_i* is kept, and a tensor hook
    keeps the gradient *w_i* of the backpropagated objective with respect to it. The score is
    ``sum_i w_i * l_i / s``, *s* being the GradScaler's scale under fp16 mixed precision (1
    otherwise). With the Trainer's defaults this is:

    * a model whose loss is a mean per micro-batch (no ``num_items_in_batch``): the Trainer divides
      each by the number of micro-batches *n*, so *w_i* = 1/*n* and the score is the mean of the
      micro-batch losses;
    * a model that normalises by ``num_items_in_batch`` (causal LMs: the count of the step's
      non-ignored label tokens, summed over the micro-batches): *w_i* = 1, the score is the sum,
      i.e. the token-weighted mean loss over the whole accumulated batch. With several processes
      and ``average_tokens_across_devices`` the count is global and the Trainer multiplies the loss
      by the number of processes; so does *w_i*: the score is this process's share of the
      global objective scaled by the process count (what this process backpropagates).

    In every case it is the value the Trainer adds to its own ``loss`` log for the step on this
    process. Loss terms added outside the model (e.g. a regulariser in an overridden
    ``compute_loss``) are not included: fitscope sees only the model's ``loss``.

    Args:
        sinks: One sink or a list (storages and exporters).
        frequency: Report every ``frequency`` optimizer steps.
        config: What to collect; everything by default.
        session_id: Identifies the run; by default the listener's (``FITSCOPE_SESSION_ID``, else one
            shared by every rank of a distributed run, else a new uuid4; see
            :mod:`fitscope.distributed`), resolved when first asked for.
        worker_id: This process's id; by default ``host:rank<process_index>`` when the Trainer runs
            several processes, else the listener's default (``host:pid``).
        session_name: A human name for the run.
        tags: String tags of the run.
        hyperparameters: JSON values, merged over those read from ``TrainingArguments``.
        close_sinks: Whether closing the listener also closes the sinks.
        max_queue: Records that may wait for each sink before its oldest reports are dropped.
        max_overhead: The listener's overhead budget, a fraction of the training time (see
            :class:`~fitscope.StatsListener`); ``None`` collects every histogram every report.
    """

    def __init__(
        self,
        sinks: StatsSink | Sequence[StatsSink],
        frequency: int = 10,
        *,
        config: StatsConfig | None = None,
        session_id: str | None = None,
        worker_id: str | None = None,
        session_name: str | None = None,
        tags: Mapping[str, str] | None = None,
        hyperparameters: Mapping[str, Any] | None = None,
        close_sinks: bool = True,
        max_queue: int = 1024,
        max_overhead: float | None = 0.03,
    ) -> None:
        check_frequency(frequency, "optimizer steps")
        self._sinks = sinks
        self._frequency = frequency
        self._config = config
        self._session_id = session_id
        self._worker_id = worker_id
        self._session_name = session_name
        self._tags = tags
        self._hyperparameters = dict(hyperparameters or {})
        self._close_sinks = close_sinks
        self._max_queue = max_queue
        self._max_overhead = check_max_overhead(max_overhead)
        self._listener: StatsListener | None = None
        self._forward_handle: Any = None
        self._scaler: Any = None
        self._pending: list[_MicroBatchLoss] = []
        self._missing_loss = False
        self._examples = 0
        self._step_loss: torch.Tensor | None = None
        self._step_examples = 0
        self._warned = False

    # ------------------------------------------------------------------ public

    @property
    def listener(self) -> StatsListener | None:
        """The StatsListener, once training has started (None before)."""
        return self._listener

    @property
    def session_id(self) -> str:
        """The session id the run is recorded under (resolved at first use: after the process group exists)."""
        if self._session_id is None:
            self._session_id = default_session_id()
        return self._session_id

    def close(self) -> None:
        """Removes the forward hook and closes the listener (idempotent)."""
        if self._forward_handle is not None:
            self._forward_handle.remove()
            self._forward_handle = None
        self._pending = []
        if self._listener is not None:
            self._listener.close()

    def __enter__(self) -> FitscopeCallback:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # ------------------------------------------------------------------ Trainer events

    def on_train_begin(
        self, args: TrainingArguments, state: TrainerState, control: TrainerControl, **kwargs: Any
    ) -> None:
        """Builds the listener and attaches it to the model and the Trainer's optimizer."""
        if self._listener is not None:
            raise ListenerError(
                f"This FitscopeCallback already recorded a training run (session {self.session_id}); "
                "create a new FitscopeCallback for each Trainer.train() call."
            )
        model = kwargs.get("model")
        optimizer = kwargs.get("optimizer")
        if not isinstance(model, torch.nn.Module):
            raise ListenerError(
                f"FitscopeCallback needs the Trainer's torch model at on_train_begin, got {type(model).__name__}."
            )
        worker_id = self._worker_id
        if worker_id is None and args.world_size > 1:
            worker_id = rank_worker_id(args.process_index)
        hyperparameters = _training_hyperparameters(args)
        hyperparameters.update(self._hyperparameters)
        listener = StatsListener(
            self._sinks,
            self._frequency,
            config=self._config,
            session_id=self.session_id,
            worker_id=worker_id,
            session_name=self._session_name,
            tags=self._tags,
            hyperparameters=hyperparameters,
            max_queue=self._max_queue,
            max_overhead=self._max_overhead,
            close_sinks=self._close_sinks,
        )
        self._listener = listener
        try:
            listener.attach(model, optimizer)
        except BaseException:
            listener.close()
            raise
        scaler = getattr(optimizer, "scaler", None)
        self._scaler = scaler if scaler is not None and scaler.is_enabled() else None
        # Under torch.compile the hook runs eagerly (a graph break after the forward pass): its side
        # effects (keeping the loss, hooking its gradient) then happen on every call, not at tracing.
        hook = torch.compiler.disable(self._on_forward)  # type: ignore[no-untyped-call]
        self._forward_handle = model.register_forward_hook(hook, with_kwargs=True)

    def on_pre_optimizer_step(
        self, args: TrainingArguments, state: TrainerState, control: TrainerControl, **kwargs: Any
    ) -> None:
        """Every backward pass of the step has run: the step's loss is complete."""
        if self._forward_handle is None:
            return
        self._step_loss = self._take_step_loss()
        self._step_examples = self._examples
        self._examples = 0

    def on_step_end(self, args: TrainingArguments, state: TrainerState, control: TrainerControl, **kwargs: Any) -> None:
        """One optimizer step done: one fitscope iteration."""
        if self._listener is None or self._forward_handle is None:
            return
        loss, self._step_loss = self._step_loss, None
        examples, self._step_examples = self._step_examples, 0
        self._listener.iteration_done(loss, batch_size=examples or None)

    def on_evaluate(self, args: TrainingArguments, state: TrainerState, control: TrainerControl, **kwargs: Any) -> None:
        """Records the evaluation's numeric metrics (``eval_loss``...) at the current iteration."""
        if self._listener is None or self._forward_handle is None:
            return
        metrics = kwargs.get("metrics") or {}
        values = {
            name: float(value)
            for name, value in metrics.items()
            if name != "epoch" and isinstance(value, (int, float)) and not isinstance(value, bool)
        }
        if values:
            self._listener.log_metrics(values)

    def on_epoch_end(
        self, args: TrainingArguments, state: TrainerState, control: TrainerControl, **kwargs: Any
    ) -> None:
        """Records the end of an epoch."""
        if self._listener is not None and self._forward_handle is not None:
            self._listener.epoch_done()

    def on_train_end(
        self, args: TrainingArguments, state: TrainerState, control: TrainerControl, **kwargs: Any
    ) -> None:
        """Writes the final report and closes the listener."""
        self.close()

    # ------------------------------------------------------------------ the loss

    def _on_forward(self, module: torch.nn.Module, args: Any, kwargs: Any, output: Any) -> None:
        """Keeps the loss of a training forward pass, and hooks the gradient it will receive."""
        if not module.training or not torch.is_grad_enabled():
            return  # evaluation and prediction run in eval mode under no_grad
        self._examples += _leading_dim(args, kwargs)
        loss = output.get("loss") if isinstance(output, Mapping) else None
        if not isinstance(loss, torch.Tensor) or loss.numel() != 1:
            self._missing_loss = True
            return
        kept = _MicroBatchLoss(loss.detach().reshape(()))
        if loss.requires_grad:
            loss.register_hook(kept.keep_grad)  # type: ignore[no-untyped-call]
        self._pending.append(kept)

    def _take_step_loss(self) -> torch.Tensor | None:
        """The step's score from its micro-batches (see the class docstring), or None."""
        pending, self._pending = self._pending, []
        missing, self._missing_loss = self._missing_loss, False
        if missing or not pending:
            self._warn_once(_NO_MODEL_LOSS)
            return None
        if any(not p.grads for p in pending):
            self._warn_once(_NOT_BACKPROPAGATED)
            return None
        device = pending[0].value.device
        dtype = torch.promote_types(pending[0].value.dtype, torch.float32)  # float64 models keep float64
        with torch.no_grad():
            terms = [(p.value.to(dtype) * torch.stack(p.grads).to(dtype).sum()).to(device) for p in pending]
            total = torch.stack(terms).sum()
            if self._scaler is not None:
                # fp16: the backward pass ran on the scaled loss; the scale changes only at step().
                total = total / self._scaler.get_scale()
        return total

    def _warn_once(self, reason: str) -> None:
        if self._warned:
            return
        self._warned = True
        listener = self._listener
        logger.warning(
            "fitscope: %s. Steps without a model loss have no score in session %s (first at iteration %d); "
            "this is logged once.",
            reason,
            self.session_id,
            (listener.iteration + 1) if listener is not None else 1,
        )


def _training_hyperparameters(args: TrainingArguments) -> dict[str, Any]:
    """TrainingArguments as JSON values (the sanitised dict TensorBoard's hparams get), and the world size."""
    values: dict[str, Any] = {
        name: value for name, value in args.to_sanitized_dict().items() if isinstance(value, (bool, int, float, str))
    }
    values["world_size"] = args.world_size
    return values


def _leading_dim(args: Any, kwargs: Any) -> int:
    """Examples in a forward pass: the leading dimension of its first tensor input."""
    for value in (*args, *kwargs.values()):
        if isinstance(value, torch.Tensor) and value.dim() > 0:
            return int(value.shape[0])
    return 0
