"""PyTorch side of the listener: hooks on the model and optimizer, and batched statistics.

Nothing here runs on non-reporting iterations: forward hooks are registered only for the
forward passes of a reporting iteration (``arm``), and the optimizer hooks return at once
when not armed. On a reporting iteration:

* the optimizer's step pre-hook keeps the learning rates and a copy of each parameter, and the
  gradients the step consumes: references to ``.grad`` as they are when ``step()`` is called
  (after any clipping or GradScaler unscaling), or, when ``step(closure)`` is called (LBFGS,
  Lightning), as they are right after the closure's *first* evaluation inside the step: the
  gradient at the parameters the step started from (re-evaluations do not replace it);
* the step post-hook marks the updates ready: ``update = parameter after - parameter before``
  (in the parameter's dtype, float32 at least), the change the optimizer really applied, is
  summarised at ``collect`` from the pre-step copy (the compiled kernel subtracts as it reads;
  no difference tensor is stored). A parameter changed in place between ``step()`` and
  ``iteration_done`` (weight clamping) has that change in its update too;
* an optimizer fitscope cannot hook (Keras's) is bracketed by :meth:`TorchCollector.begin_step`
  and :meth:`TorchCollector.end_step` instead, and gradients are read from ``.grad`` at the report;
* forward hooks on leaf modules keep their outputs (training mode only) and the axis of their
  units (:mod:`fitscope.activation_units`), whose dead units ``collect`` counts;
* ``collect`` reduces all of them in one batched call per device and moves the results to the
  host once.

When a GradScaler skips a step (inf/NaN gradients), the optimizer hooks do not run: that
report then carries the current (unscaled, non-finite) gradients, the parameters, and no updates.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from fitscope.config import KindConfig, StatsConfig
from fitscope.errors import ListenerError, MissingDependencyError, RecordError
from fitscope.records import ModelInfo, Summary

try:
    import torch
except ImportError as exc:  # pragma: no cover - exercised only without torch
    raise MissingDependencyError("StatsListener.attach (PyTorch models)", "torch", "torch") from exc

from fitscope.activation_units import UnitLayout, dead_units
from fitscope.model_graph import describe_model, named_parameters, unwrap_model
from fitscope.overhead_budget import wants_histogram
from fitscope.tensor_stats import TensorSummarizer
from fitscope.torch_wrappers import check_unsharded, unwrap_optimizer

__all__ = ["LearningRateSource", "NamedModules", "NamedTensors", "TorchCollector", "tensors_to_floats"]

#: Tensors to watch with their names: a mapping, or (name, tensor) pairs.
NamedTensors = Mapping[str, Any] | Iterable[tuple[str, Any]]
#: Reads the learning rate of an optimizer fitscope cannot read: one value for every watched
#: parameter, or a value per parameter name.
LearningRateSource = Callable[[], Any]
#: Modules whose outputs are the activations, with their names: a mapping, or (name, module) pairs.
NamedModules = Mapping[str, Any] | Iterable[tuple[str, Any]]


def tensors_to_floats(values: Sequence[Any]) -> list[float]:
    """Converts numbers and one-element tensors to floats with one transfer per device."""
    out: list[float | None] = [v if isinstance(v, float) else None for v in values]
    by_device: dict[torch.device, list[int]] = {}
    for i, v in enumerate(values):
        if out[i] is None:
            by_device.setdefault(v.device, []).append(i)
    for idx in by_device.values():
        stacked = torch.stack([values[i].to(torch.float64) for i in idx]).cpu().tolist()
        for i, f in zip(idx, stacked, strict=True):
            out[i] = f
    return [float(v) for v in out if v is not None]


def _first_tensor(output: Any) -> torch.Tensor | None:
    if isinstance(output, torch.Tensor):
        return output
    if isinstance(output, (tuple, list)):
        for item in output:
            found = _first_tensor(item)
            if found is not None:
                return found
    return None


def _summary_key(kc: KindConfig) -> tuple[bool, bool, bool, bool]:
    return (kc.mean, kc.stdev, kc.mean_magnitude, kc.histogram)


class TorchCollector:
    """Collects parameters, gradients, updates and activations of one model.

    Args:
        model: The model (wrappers such as torch.compile and DDP are looked through).
        optimizer: Its optimizer, or None.
        config: What to collect.
    """

    def __init__(
        self,
        model: Any,
        optimizer: Any,
        config: StatsConfig,
        *,
        parameters: NamedTensors | None = None,
        learning_rate: LearningRateSource | None = None,
        layers: NamedModules | None = None,
    ) -> None:
        if not isinstance(model, torch.nn.Module):
            raise ListenerError(f"attach() needs a torch.nn.Module, got {type(model).__name__}.")
        self.optimizer = unwrap_optimizer(optimizer)
        if self.optimizer is not None and learning_rate is not None:
            raise ListenerError(
                "attach() got both a torch optimizer and learning_rate: the learning rates are read from the "
                "optimizer's param groups; pass learning_rate only for an optimizer fitscope cannot read."
            )
        if learning_rate is not None and not callable(learning_rate):
            raise ListenerError(f"learning_rate must be a callable returning a number, got {learning_rate!r}.")
        self.model: torch.nn.Module = unwrap_model(model)
        self.config = config
        named = named_parameters(model) if parameters is None else _named_tensors(parameters)
        check_unsharded(named)
        self.param_names = [n for n, _ in named]
        self.params = [p for _, p in named]
        self._name_of = {id(p): n for n, p in named}
        self._learning_rate = learning_rate
        self._leaves = _leaf_modules(self.model) if layers is None else _named_modules(layers)
        self._leaf_position = {n: i for i, (n, _) in enumerate(self._leaves)}
        # An in-place module (ReLU(inplace=True)) overwrites its input, which is the previous
        # module's output: keep copies of activations then, references otherwise.
        self._clone_activations = any(bool(getattr(m, "inplace", False)) for _, m in self._leaves)
        self._summarizers: dict[tuple[bool, bool, bool, bool], TensorSummarizer] = {}
        self._armed = False
        self._forward_handles: list[Any] = []
        self._optimizer_handles: list[Any] = []
        self._grads: list[torch.Tensor | None] | None = None
        self._before: list[torch.Tensor] | None = None
        self._stepped = False  # the step after the copies in _before has completed
        self._lrs: dict[str, float] | None = None
        self._activations: dict[str, tuple[torch.Tensor, int, int | None]] = {}
        self._layout = UnitLayout()
        self._hook_seconds = 0.0
        if self.optimizer is not None:
            self._optimizer_handles = [
                self.optimizer.register_step_pre_hook(self._on_pre_step),
                self.optimizer.register_step_post_hook(self._on_post_step),
            ]

    @property
    def hooks_optimizer(self) -> bool:
        """Whether a torch optimizer's steps are hooked (else :meth:`begin_step` brackets them)."""
        return self.optimizer is not None

    # ------------------------------------------------------------------ static info

    def describe(self, example_input: Any = None) -> ModelInfo:
        """Describes the model's layers and their graph (see :func:`describe_model`)."""
        return describe_model(self.model, example_input)

    def device_names(self) -> list[str]:
        """Names of the accelerator devices holding parameters (``cuda:0``...)."""
        return sorted({str(p.device) for p in self.params if p.device.type != "cpu"})

    # ------------------------------------------------------------------ arming

    def arm(self, on: bool) -> None:
        """Prepares (or stops) collection for the next iteration's forward pass and step."""
        if on == self._armed:
            return
        t0 = time.perf_counter()
        self._armed = on
        if on and self.config.activations.enabled:
            self._layout.reset()
            self._forward_handles = [m.register_forward_hook(self._activation_hook(n)) for n, m in self._leaves]
        elif not on:
            for handle in self._forward_handles:
                handle.remove()
            self._forward_handles = []
        self._hook_seconds += time.perf_counter() - t0  # part of the listener's cost (collection_ms)

    def detach(self) -> None:
        """Removes every hook from the model and the optimizer."""
        self.arm(False)
        for handle in self._optimizer_handles:
            handle.remove()
        self._optimizer_handles = []

    def take_hook_ms(self) -> float:
        """Returns (and resets) the time the hooks spent since the last call, in ms."""
        ms = self._hook_seconds * 1000.0
        self._hook_seconds = 0.0
        return ms

    # ------------------------------------------------------------------ hooks

    def _activation_hook(self, name: str) -> Any:
        def hook(module: torch.nn.Module, inputs: Any, output: Any) -> None:
            if not module.training:
                return
            t0 = time.perf_counter()
            tensor = _first_tensor(output)
            if tensor is not None and tensor.is_floating_point():
                kept = tensor.detach().clone() if self._clone_activations else tensor.detach()
                self._activations[name] = (kept, kept._version, self._layout.axis(module, tensor))
            self._hook_seconds += time.perf_counter() - t0

        return hook

    def begin_step(self) -> None:
        """Before a step on an armed iteration: learning rates and a copy of every parameter.

        Gradients are not read here (see :meth:`_on_pre_step` for the hooked optimizer).
        """
        if not self._armed:
            return
        t0 = time.perf_counter()
        with torch.no_grad():
            if self.config.learning_rates:
                self._lrs = self._read_learning_rates()
            if self.config.updates.enabled:
                # One batched op for every parameter; x * 1 is x exactly (NaN, Inf and -0.0 included).
                self._before = list(torch._foreach_mul([p.detach() for p in self.params], 1.0))
                self._stepped = False
        self._hook_seconds += time.perf_counter() - t0

    def end_step(self) -> None:
        """After a step on an armed iteration: the updates are ready (``parameter now - parameter before``).

        They are summarised at :meth:`collect` from the pre-step copies, by the compiled kernel
        as it reads (no difference tensor is stored); nothing runs here.
        """
        if self._armed and self._before is not None:
            self._stepped = True

    def _on_pre_step(self, optimizer: Any, args: Any, kwargs: Any) -> tuple[Any, Any] | None:
        """The step pre-hook: what :meth:`begin_step` keeps, and the gradients the step consumes.

        Without a closure those are ``.grad`` now. With ``step(closure)`` the backward pass has
        not run yet: the closure is replaced by one that keeps the gradients of its first
        evaluation, and the modified arguments are returned (torch passes them on to ``step``).
        """
        if not self._armed:
            return None
        self.begin_step()
        self._grads = None
        closure, index = _closure_of(optimizer, args, kwargs)
        if closure is None:
            if self.config.gradients.enabled:
                self._grads = [p.grad for p in self.params]
            return None
        wrapped = self._keep_first_gradients(closure)
        if index is None:
            return args, {**kwargs, "closure": wrapped}
        return (*args[:index], wrapped, *args[index + 1 :]), kwargs

    def _keep_first_gradients(self, closure: Callable[..., Any]) -> Callable[..., Any]:
        calls = 0

        def closure_keeping_gradients(*args: Any, **kwargs: Any) -> Any:
            nonlocal calls
            if calls == 1 and self._grads is not None:
                # A re-evaluation (LBFGS's line search): it zeroes .grad, maybe in place.
                self._grads = [
                    g.detach().clone() if g is not None and g is p.grad else g
                    for g, p in zip(self._grads, self.params, strict=True)
                ]
            result = closure(*args, **kwargs)
            calls += 1
            if calls == 1 and self._armed and self.config.gradients.enabled:
                self._grads = [p.grad for p in self.params]
            return result

        return closure_keeping_gradients

    def _on_post_step(self, optimizer: Any, args: Any, kwargs: Any) -> None:
        self.end_step()

    # ------------------------------------------------------------------ collection

    def _read_learning_rates(self) -> dict[str, float]:
        if self._learning_rate is not None:
            return self._call_learning_rate()
        if self.optimizer is None:
            return {}
        lrs: dict[str, float] = {}
        for group in self.optimizer.param_groups:
            lr = group.get("lr")
            if lr is None:
                continue
            value = float(lr)  # a tensor lr (capturable optimizers) is a host scalar in practice
            for p in group["params"]:
                name = self._name_of.get(id(p))
                if name is not None:
                    lrs[name] = value
        return {n: lrs[n] for n in self.param_names if n in lrs}

    def _call_learning_rate(self) -> dict[str, float]:
        assert self._learning_rate is not None
        value = self._learning_rate()
        if isinstance(value, Mapping):
            unknown = sorted(set(value) - set(self.param_names))
            if unknown:
                raise RecordError(f"learning_rate returned rates of parameters that are not watched: {unknown[:5]}.")
            return {n: _lr_float(value[n], n) for n in self.param_names if n in value}
        rate = _lr_float(value, "every parameter")
        return dict.fromkeys(self.param_names, rate)

    def learning_rates(self) -> dict[str, float]:
        """Learning rate per parameter: those applied at the reported step when it was seen."""
        lrs = self._lrs if self._lrs is not None else self._read_learning_rates()
        self._lrs = None
        return lrs

    def _reset_step(self) -> None:
        """Forgets what the hooks captured for the step (gradients, parameters before it, updates, activations)."""
        self._grads = self._before = None
        self._stepped = False
        self._activations = {}

    def collect(
        self, *, step_state: bool = True, spread: Mapping[str, tuple[int, int]] | None = None
    ) -> dict[str, dict[str, Summary]]:
        """Summarises every enabled kind for the current step and resets the step's state.

        Args:
            spread: Kinds whose histograms an overhead budget spreads over reports: ``kind ->
                (stride, report number)``; tensor ``j`` of the kind (parameter order, or module
                order for activations) gets its histogram when ``(j + report) % stride == 0``.
            step_state: Use what the hooks captured (gradients before the step, updates,
                activations). False for a report of an iteration the hooks were not armed for
                (the final partial report of ``close``): anything captured then belongs to a
                step that did not complete, and is dropped; gradients are read from ``.grad``.
        """
        if not step_state:
            self._reset_step()
            self._lrs = None
        groups: dict[tuple[bool, bool, bool, bool], list[tuple[str, str, torch.Tensor, torch.Tensor | None]]] = {}

        spread = spread or {}

        def add(
            kind: str, position: int, name: str, tensor: torch.Tensor | None, minus: torch.Tensor | None = None
        ) -> None:
            kc = self.config.kind(kind)
            if kc.enabled and tensor is not None:
                key = _summary_key(kc)
                if key[3] and not wants_histogram(spread, kind, position):
                    key = (*key[:3], False)
                groups.setdefault(key, []).append((kind, name, tensor, minus))

        with torch.no_grad():
            for i, (name, p) in enumerate(zip(self.param_names, self.params, strict=True)):
                add("parameters", i, name, p)
            grads = self._grads if self._grads is not None else [p.grad for p in self.params]
            for i, (name, g) in enumerate(zip(self.param_names, grads, strict=True)):
                add("gradients", i, name, g)
            if self._stepped and self._before is not None:
                # update = parameter now - parameter before the step, summarised from the copy.
                for i, (name, p, before) in enumerate(zip(self.param_names, self.params, self._before, strict=True)):
                    add("updates", i, name, p, before)
            units: dict[str, tuple[torch.Tensor, int]] = {}
            for name, (act, version, axis) in self._activations.items():
                # A later in-place op changed this output: its values are no longer the layer's.
                intact = act._version == version
                add("activations", self._leaf_position[name], name, act if intact else None)
                if intact and axis is not None and act.numel():  # an empty batch has no dead units
                    units[name] = (act, axis)
            counted = dict(zip(units, dead_units(list(units.values())), strict=True)) if units else {}
        self._reset_step()

        out: dict[str, dict[str, Summary]] = {k: {} for k in ("parameters", "gradients", "updates", "activations")}
        for key, items in groups.items():
            summarizer = self._summarizers.get(key)
            if summarizer is None:
                mean, stdev, mean_magnitude, histogram = key
                summarizer = TensorSummarizer(
                    self.config.histogram_bins,
                    mean=mean,
                    stdev=stdev,
                    mean_magnitude=mean_magnitude,
                    histogram=histogram,
                )
                self._summarizers[key] = summarizer
            minus = [m for _, _, _, m in items]
            summaries = summarizer.summarize(
                [t for _, _, t, _ in items], minus if any(m is not None for m in minus) else None
            )
            for (kind, name, _, _), summary in zip(items, summaries, strict=True):
                out[kind][name] = summary
        # Tensors in the model's order, whatever group summarised them (a budget splits a kind in
        # two) and whatever order the forward pass ran: parameters in named_parameters order,
        # activations in module registration order.
        for kind in ("parameters", "gradients", "updates"):
            got = out[kind]
            if spread and kind in spread:
                out[kind] = {n: got[n] for n in self.param_names if n in got}
        activations = out["activations"]
        for name, (n_units, dead) in counted.items():
            activations[name] = dataclasses.replace(activations[name], unit_count=n_units, dead_unit_count=dead)
        out["activations"] = {n: activations[n] for n, _ in self._leaves if n in activations}
        return {k: v for k, v in out.items() if v}


def _named_tensors(parameters: NamedTensors) -> list[tuple[str, torch.Tensor]]:
    """Checks the ``parameters`` argument of attach; a tensor given twice is watched once, under its first name."""
    out: list[tuple[str, torch.Tensor]] = []
    seen: set[int] = set()
    for name, tensor in _named_items(parameters, "parameters", "parameter", torch.Tensor):
        if id(tensor) not in seen:  # as named_parameters does with shared parameters
            seen.add(id(tensor))
            out.append((name, tensor))
    if not out:
        raise ListenerError("parameters is empty: give at least one (name, tensor) to watch, or None for the model's.")
    return out


def _leaf_modules(model: torch.nn.Module) -> list[tuple[str, torch.nn.Module]]:
    return [(n, m) for n, m in model.named_modules() if n and not any(True for _ in m.children())]


def _named_modules(layers: NamedModules) -> list[tuple[str, torch.nn.Module]]:
    """Checks the ``layers`` argument of attach."""
    return _named_items(layers, "layers", "layer", torch.nn.Module)


def _named_items(items: Mapping[str, Any] | Iterable[Any], argument: str, what: str, kind: type) -> list[Any]:
    """``(name, value)`` pairs from a mapping or pairs: unique non-empty names, values of ``kind``."""
    pairs = list(items.items()) if isinstance(items, Mapping) else list(items)
    kind_name = f"{kind.__module__}.{kind.__qualname__}".replace("torch.nn.modules.module.", "torch.nn.")
    out: list[tuple[str, Any]] = []
    names: set[str] = set()
    for pair in pairs:
        if not isinstance(pair, tuple) or len(pair) != 2:
            raise ListenerError(f"{argument} must be a mapping or (name, {what}) pairs, got the item {pair!r}.")
        name, value = pair
        if not isinstance(name, str) or not name:
            raise ListenerError(f"{what.capitalize()} names must be non-empty strings, got {name!r}.")
        if name in names:
            raise ListenerError(f"The {what} name {name!r} is given twice; names must be unique.")
        if not isinstance(value, kind):
            raise ListenerError(f"{what.capitalize()} {name!r} is a {type(value).__name__}, not a {kind_name}.")
        names.add(name)
        out.append((name, value))
    return out


def _closure_of(
    optimizer: Any, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> tuple[Callable[..., Any] | None, int | None]:
    """The closure passed to ``optimizer.step``: (closure, its position in args, or None for the keyword).

    Torch hands step pre-hooks the arguments of the unbound ``step``: ``self`` comes first.
    """
    closure = kwargs.get("closure")
    if callable(closure):
        return closure, None
    first = 1 if args and args[0] is optimizer else 0
    if len(args) > first and callable(args[first]):
        return args[first], first
    return None, None


def _lr_float(value: Any, what: str) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        raise RecordError(f"learning_rate returned {value!r} for {what}; it must be a number.") from None
