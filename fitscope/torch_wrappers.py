"""Optimizer wrappers fitscope looks through, and sharded parameters it refuses.

``attach(model, optimizer)`` hooks the ``torch.optim.Optimizer`` that really steps the
parameters. Frameworks hand their users wrappers around it; the well-known ones are looked
through by :func:`unwrap_optimizer`:

* Lightning's ``LightningOptimizer`` and Fabric's ``_FabricOptimizer`` (``_optimizer``): both
  pose as the wrapped class, but their ``step`` goes through the strategy to the inner one;
* Accelerate's ``AcceleratedOptimizer`` (``optimizer``): a ``torch.optim.Optimizer`` subclass
  that never runs ``Optimizer.__init__``, so hooks registered on it never fire. The inner
  optimizer's hooks fire exactly when Accelerate really steps (not on the micro-steps that
  gradient accumulation skips, not when a GradScaler skips an overflowing step);
* torch's ``ZeroRedundancyOptimizer`` is kept as it is: its ``step`` sees every parameter's
  (all-reduced) gradient before the local step and every parameter's new value after the
  broadcast, whereas its inner ``optim`` steps only this rank's shard.

Anything else that is not a working ``torch.optim.Optimizer`` (DeepSpeed's optimizers, a Keras
optimizer, an arbitrary object) raises :class:`~fitscope.errors.ListenerError` naming what to
pass instead.

:func:`check_unsharded` refuses parameters whose local tensor is not the whole parameter
(FSDP1 flat parameters, DTensors as FSDP2 and tensor parallelism make them, DeepSpeed ZeRO-3
partitions): statistics of them would be per-shard numbers labelled as the parameter's.

Wrappers and sharded tensors are recognised by class name, module and attributes, so nothing
here imports Lightning, Accelerate, DeepSpeed, or torch's FSDP and DTensor modules.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import torch

from fitscope.errors import ListenerError

__all__ = ["check_unsharded", "unwrap_optimizer"]

# Deeper than any real stack of wrappers; stops a wrapper that (wrongly) wraps itself.
_MAX_DEPTH = 8

_STEP_HOOKS_HINT = (
    "pass optimizer=None and call listener.step_started() right before each optimizer step and "
    "listener.step_finished() right after it (gradients are then read from .grad at iteration_done())"
)


def _qualname(obj: Any) -> str:
    cls = type(obj)
    return f"{cls.__module__}.{cls.__qualname__}"


def _has_class(obj: Any, name: str, modules: tuple[str, ...]) -> bool:
    """True when ``name``, defined in a module under one of ``modules``, is in the object's MRO."""
    return any(c.__name__ == name and c.__module__.startswith(modules) for c in type(obj).__mro__)


def _inner_optimizer(obj: Any) -> tuple[str, Any] | None:
    """The wrapper's name and the optimizer it wraps, for a well-known wrapper; None otherwise."""
    if _has_class(obj, "LightningOptimizer", ("lightning.pytorch.", "pytorch_lightning.")):
        return "Lightning's LightningOptimizer", vars(obj).get("_optimizer")
    if _has_class(obj, "_FabricOptimizer", ("lightning.fabric.", "lightning_fabric.")):
        return "Lightning Fabric's optimizer wrapper", vars(obj).get("_optimizer")
    if _has_class(obj, "AcceleratedOptimizer", ("accelerate.",)):
        return "Accelerate's AcceleratedOptimizer", vars(obj).get("optimizer")
    return None


def _is_zero_redundancy(obj: Any) -> bool:
    return _has_class(obj, "ZeroRedundancyOptimizer", ("torch.distributed.optim.",))


def _step_runs_hooks(optimizer: torch.optim.Optimizer) -> bool:
    """True when ``step()`` runs the step hooks (``Optimizer.__init__`` ran and patched ``step``)."""
    hooks = vars(optimizer).get("_optimizer_step_pre_hooks")
    return isinstance(hooks, dict) and bool(getattr(type(optimizer).step, "hooked", False))


def _refusal(obj: Any, wrapped_by: str | None) -> ListenerError:
    name = _qualname(obj)
    where = f" (wrapped by {wrapped_by})" if wrapped_by else ""
    module = type(obj).__module__
    if module.startswith("deepspeed"):
        return ListenerError(
            f"attach() cannot hook the DeepSpeed optimizer {name}{where}: it is not a torch.optim.Optimizer "
            "whose step fitscope can hook, and under ZeRO its gradients and master weights are partitioned "
            "across ranks. Without ZeRO stage 3, " + _STEP_HOOKS_HINT + "; note that DeepSpeed may have moved "
            "the gradients out of .grad by then."
        )
    if module.startswith("keras"):
        return ListenerError(
            f"attach() cannot hook the Keras optimizer {name}{where}: it is not a torch.optim.Optimizer. "
            "Use fitscope.integrations.keras.FitscopeCallback, or " + _STEP_HOOKS_HINT + "."
        )
    if isinstance(obj, torch.optim.Optimizer):
        return ListenerError(
            f"attach() cannot hook {name}{where}: it subclasses torch.optim.Optimizer but its step() does "
            "not run the optimizer's step hooks (torch.optim.Optimizer.__init__ did not run for it), so "
            "fitscope would never see a step. Pass the torch.optim.Optimizer it wraps, or " + _STEP_HOOKS_HINT + "."
        )
    return ListenerError(
        f"attach() needs a torch.optim.Optimizer (or None) as its optimizer, got {name}{where}. "
        "Pass the torch.optim.Optimizer that steps the model's parameters (the one this object wraps), "
        "or " + _STEP_HOOKS_HINT + "."
    )


def unwrap_optimizer(optimizer: Any) -> torch.optim.Optimizer | None:
    """The torch optimizer whose step hooks see every step of ``optimizer``.

    Args:
        optimizer: None, a ``torch.optim.Optimizer``, or a well-known wrapper of one
            (Lightning's ``LightningOptimizer``, Fabric's optimizer, Accelerate's
            ``AcceleratedOptimizer``, nested in any order). torch's ``ZeroRedundancyOptimizer``
            is returned as it is (its own hooks see every parameter).

    Returns:
        None for None, otherwise the optimizer to register step hooks on.

    Raises:
        ListenerError: for anything else (DeepSpeed's and Keras's optimizers, an object that is
            not an optimizer, an Optimizer subclass whose step runs no hooks, a
            ``ZeroRedundancyOptimizer`` with ``overlap_with_ddp=True``), naming what to pass.
    """
    wrapped_by: str | None = None
    current = optimizer
    for _ in range(_MAX_DEPTH):
        if current is None:
            return None
        inner = _inner_optimizer(current)
        if inner is None:
            break
        wrapped_by, current = inner
        if current is None:
            raise ListenerError(
                f"attach() found {wrapped_by} ({_qualname(optimizer)}) without the optimizer it wraps. "
                "Pass the torch.optim.Optimizer it was built from."
            )
    else:
        raise ListenerError(
            f"attach() gave up unwrapping {_qualname(optimizer)}: more than {_MAX_DEPTH} nested optimizer "
            "wrappers. Pass the innermost torch.optim.Optimizer."
        )
    if _is_zero_redundancy(current) and getattr(current, "_overlap_with_ddp", False):
        raise ListenerError(
            f"attach() cannot hook {_qualname(current)} built with overlap_with_ddp=True: it steps inside "
            "DistributedDataParallel's communication hook, where no step hook runs. Build it with "
            "overlap_with_ddp=False (the default), or " + _STEP_HOOKS_HINT + "."
        )
    if not isinstance(current, torch.optim.Optimizer) or not _step_runs_hooks(current):
        raise _refusal(current, wrapped_by)
    return current


def _dtensor_type() -> type | None:
    # A DTensor can only exist once torch.distributed.tensor was imported: look it up rather than
    # import torch.distributed (unavailable on some builds, and slow to import).
    module = sys.modules.get("torch.distributed.tensor")
    dtensor = getattr(module, "DTensor", None)
    return dtensor if isinstance(dtensor, type) else None


def _sharding(tensor: torch.Tensor, dtensor: type | None) -> str | None:
    """What kind of sharded tensor this is, in words; None for a plain tensor."""
    if getattr(tensor, "_is_flat_param", False):
        return "an FSDP (FullyShardedDataParallel) FlatParameter"
    if getattr(tensor, "_fsdp_flattened", False):
        return "a view into an FSDP (FullyShardedDataParallel, use_orig_params=True) FlatParameter"
    if dtensor is not None and isinstance(tensor, dtensor):
        placements = tuple(getattr(tensor, "placements", ()))
        shown = ", ".join(repr(p) for p in placements)
        if any(not p.is_replicate() for p in placements):
            return f"a sharded DTensor (placements {shown}, as FSDP2's fully_shard and tensor parallelism make them)"
        return f"a replicated DTensor (placements {shown})"
    if any(hasattr(tensor, a) for a in ("ds_id", "ds_numel", "ds_status")):
        return "a DeepSpeed ZeRO stage 3 partitioned parameter"
    return None


def check_unsharded(named: Sequence[tuple[str, torch.Tensor]]) -> None:
    """Refuses parameters whose local tensor is not the whole parameter.

    Statistics of such a tensor are those of this rank's shard (or of an FSDP unit's flattened
    storage), which fitscope would otherwise report as the parameter's. DTensors are refused
    whatever their placements: fitscope summarises plain tensors, and a replicated DTensor's
    gradient may be a pending partial sum.

    Args:
        named: The watched tensors and their names.

    Raises:
        ListenerError: naming the first such parameter, what it is, and what to do instead.
    """
    dtensor = _dtensor_type()
    flagged = [(n, kind) for n, t in named if (kind := _sharding(t, dtensor)) is not None]
    if not flagged:
        return
    name, kind = flagged[0]
    more = f" ({len(flagged) - 1} more parameters are too)" if len(flagged) > 1 else ""
    if kind.startswith("a replicated DTensor"):
        why = (
            "fitscope summarises plain tensors only, and a replicated DTensor's gradient may be a partial sum "
            "that is still to be reduced."
        )
        fix = "Train the replicated model with DistributedDataParallel instead, whose parameters are plain tensors."
    else:
        why = (
            "each rank holds only a shard of it, so fitscope would report per-shard statistics labelled "
            "as the whole parameter's."
        )
        fix = (
            "Attach to an unsharded run instead (DistributedDataParallel, ZeroRedundancyOptimizer or DeepSpeed "
            "ZeRO stage 1/2 keep full parameters on every rank), or attach to an unsharded copy of the model "
            "loaded from a full state dict gathered on rank 0."
        )
    raise ListenerError(f"Parameter {name!r} is {kind}{more}: {why} {fix}")
