"""Keras 3 callback (torch backend): parameters by variable path, the batch loss, updates, learning rates.

On the torch backend a Keras model is a ``torch.nn.Module`` and each variable's ``value`` is a
``torch.nn.Parameter``, but the optimizer is Keras's own, so fitscope cannot hook its step.
:class:`FitscopeCallback` therefore brackets each training batch itself::

    on_train_batch_begin  -> listener.step_started()     (reporting iterations: copy of the weights, lr)
    train_step            -> forward, zero_grad, loss.backward(), optimizer.apply(...)
    on_train_batch_end    -> listener.step_finished()    (updates = weights now - copy)
                             listener.iteration_done(batch loss, batch size)   (gradients: ``.grad``)

The batch loss is the tensor ``model.compute_loss`` returns in the train step (the total loss,
regularisation and ``add_loss`` terms included, before any loss scaling), kept by a wrapper the
callback installs on the model for the duration of ``fit``: ``logs["loss"]`` is a running mean.
See docs/integrations.md for what is recorded, where each value comes from, and the limits.
"""

from __future__ import annotations

import uuid
import warnings
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from fitscope.config import StatsConfig
from fitscope.errors import ListenerError, MissingDependencyError
from fitscope.listener import StatsListener, check_frequency
from fitscope.overhead_budget import check_max_overhead
from fitscope.records import LayerInfo, ModelInfo
from fitscope.storage.base import StatsSink

try:
    import keras  # type: ignore[import-untyped]
except ImportError as exc:
    if exc.name != "keras":
        raise  # keras is there but its backend is not: keras's own message says which
    raise MissingDependencyError("fitscope.integrations.keras", "keras", "keras") from exc

__all__ = ["FitscopeCallback", "check_backend", "describe_keras_model"]


def check_backend(backend: str) -> None:
    """Raises ListenerError unless ``backend`` (``keras.backend.backend()``) is ``"torch"``.

    fitscope summarises torch tensors (a variable's ``value`` is a ``torch.nn.Parameter`` only
    on the torch backend); TensorFlow and JAX variables are not read, rather than converted
    at every report with numbers nobody checked.
    """
    if backend != "torch":
        raise ListenerError(
            f"fitscope's Keras callback needs the torch backend, but Keras is running on {backend!r}: "
            "fitscope summarises torch tensors, and only on the torch backend are a Keras model's variables "
            "torch Parameters it can read. Set KERAS_BACKEND=torch before keras is first imported."
        )


def _check_optimizer(optimizer: Any, config: StatsConfig) -> None:
    """Refuses the optimizer set-ups whose steps the callback would mislabel."""
    if optimizer is None:
        raise ListenerError("The Keras model has no optimizer; compile it with one before fit().")
    if getattr(optimizer, "gradient_accumulation_steps", None):
        raise ListenerError(
            f"The Keras optimizer {optimizer.name!r} accumulates gradients over "
            f"{optimizer.gradient_accumulation_steps} batches (gradient_accumulation_steps): the gradient it applies "
            "is the average of its accumulators, which fitscope cannot read, and .grad holds only the last "
            "batch's. Train without gradient_accumulation_steps (use a larger batch instead) to record this run."
        )
    scaled = isinstance(optimizer, keras.optimizers.LossScaleOptimizer) or (
        getattr(optimizer, "loss_scale_factor", None) is not None
    )
    if scaled and config.gradients.enabled:
        raise ListenerError(
            f"The Keras optimizer {optimizer.name!r} scales the loss (a LossScaleOptimizer, as "
            "compile() sets up for the mixed_float16 policy, or loss_scale_factor), so .grad holds "
            "scaled gradients. Record without gradients (config=StatsConfig(gradients=KindConfig(enabled=False))), "
            "or use the mixed_bfloat16 policy or compile(auto_scale_loss=False), which do not scale."
        )


def _watched_variables(model: Any) -> dict[str, Any]:
    """The model's trainable variables as ``{variable.path: torch Parameter}``, paths made unique."""
    out: dict[str, Any] = {}
    for variable in model.trainable_variables:
        name = variable.path
        n = 1
        while name in out:  # two variables created under the same name scope
            n += 1
            name = f"{variable.path}#{n}"
        out[name] = variable.value
    return out


def describe_keras_model(model: Any, watched: Mapping[str, Any]) -> ModelInfo:
    """Describes a Keras model by its top-level layers, with the watched variables' names.

    Each of ``model.layers`` is one layer (a nested model is one layer owning all its
    variables). Layer inputs come from Keras's own graph of a functional or Sequential model
    (``graph_source="execution_order"``: the symbolic call that built it); a subclassed model
    has none, and its layers are chained in order (``"module_order"``, a guess).

    Args:
        model: The Keras model.
        watched: ``{name: torch Parameter}`` as passed to ``attach``.
    """
    name_of = {id(t): n for n, t in watched.items()}
    layers = [layer for layer in model.layers if not isinstance(layer, keras.layers.InputLayer)]
    known = {layer.name for layer in layers}
    graph: dict[str, tuple[str, ...]] = {}
    for layer in layers:
        nodes = getattr(layer, "_inbound_nodes", None) or []
        if nodes:
            parents = [p.operation.name for p in nodes[0].parent_nodes]
            graph[layer.name] = tuple(dict.fromkeys(p for p in parents if p in known))
    exact = len(graph) == len(layers)
    infos: list[LayerInfo] = []
    previous: tuple[str, ...] = ()
    for layer in layers:
        params = tuple(name_of[id(v.value)] for v in layer.trainable_variables if id(v.value) in name_of)
        activation = getattr(layer, "activation", None)
        activation_name = getattr(activation, "__name__", None)
        infos.append(
            LayerInfo(
                name=layer.name,
                type=type(layer).__name__,
                num_params=sum(int(watched[n].numel()) for n in params),
                params=params,
                inputs=graph[layer.name] if exact else previous,
                input_shape=_symbolic_shape(layer, "input"),
                output_shape=_symbolic_shape(layer, "output"),
                activation=None if activation_name in (None, "linear") else activation_name,
                attributes=_layer_attributes(layer),
            )
        )
        previous = (layer.name,)
    names = tuple(watched)
    return ModelInfo(
        class_name=type(model).__name__,
        num_layers=len(infos),
        num_params=sum(int(t.numel()) for t in watched.values()),
        param_names=names,
        param_shapes={n: tuple(int(d) for d in watched[n].shape) for n in names},
        layers=tuple(infos),
        graph_source="execution_order" if exact else "module_order",
    )


def _symbolic_shape(layer: Any, which: str) -> tuple[int | None, ...] | None:
    """The shape of the layer's (first) symbolic input or output, when Keras knows it."""
    try:
        tensor = getattr(layer, which)
    except (AttributeError, ValueError):  # a layer never called symbolically (subclassed models)
        return None
    if isinstance(tensor, (list, tuple)):
        tensor = tensor[0] if tensor else None
    shape = getattr(tensor, "shape", None)
    return None if shape is None else tuple(None if d is None else int(d) for d in shape)


def _layer_attributes(layer: Any) -> dict[str, Any]:
    """The layer's scalar configuration (``units``, ``use_bias``, ``rate``...)."""
    try:
        config = layer.get_config()
    except NotImplementedError:
        return {}
    return {k: v for k, v in config.items() if k not in ("name", "trainable") and _is_json_scalar(v) and v is not None}


def _hyperparameters(optimizer: Any, params: Mapping[str, Any]) -> dict[str, Any]:
    """The optimizer's name and scalar settings, its schedule's, and fit()'s epochs and steps."""
    out: dict[str, Any] = {"optimizer": type(optimizer).__name__}
    schedule = getattr(optimizer, "_learning_rate", None)
    if isinstance(schedule, keras.optimizers.schedules.LearningRateSchedule):
        out["learning_rate_schedule"] = type(schedule).__name__
        for key, value in schedule.get_config().items():
            if _is_json_scalar(value):
                out[f"learning_rate_schedule.{key}"] = value
    with warnings.catch_warnings():
        # Keras's Variable.numpy() (a float learning rate) trips numpy 2's __array__(copy=) deprecation.
        warnings.filterwarnings("ignore", "__array__ implementation doesn't accept a copy", DeprecationWarning)
        config = optimizer.get_config()
    for key, value in config.items():
        if key == "name":
            out["optimizer.name"] = value
        elif _is_json_scalar(value):
            out[f"optimizer.{key}"] = value
    for key in ("epochs", "steps"):
        if _is_json_scalar(params.get(key)):
            out["steps_per_epoch" if key == "steps" else key] = params[key]
    return out


def _is_json_scalar(value: Any) -> bool:
    return value is None or isinstance(value, (str, bool, int, float))


def _first_dimension(*structures: Any) -> int | None:
    """The leading dimension of the first tensor in the structures (how Keras counts a batch)."""
    for structure in structures:
        if structure is None:
            continue
        for item in keras.tree.flatten(structure):
            shape = getattr(item, "shape", None)
            if shape is not None and len(shape) > 0 and shape[0] is not None:
                return int(shape[0])
    return None


class _LossKeeper:
    """Wraps ``model.compute_loss`` during fit and keeps what it returns inside a training batch."""

    def __init__(self, original: Callable[..., Any]) -> None:
        self.original = original
        self.active = False  # inside on_train_batch_begin .. on_train_batch_end
        self.loss: Any = None
        self.batch_size: int | None = None

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        loss = self.original(*args, **kwargs)
        # test_step (validation during fit) runs outside the training batches, so ``active``
        # alone tells them apart; ``training=False`` is honoured too where it is passed.
        if self.active and kwargs.get("training", True) is not False:
            self.loss = loss
            names = ("x", "y", "y_pred")
            found = [kwargs.get(n, args[i] if i < len(args) else None) for i, n in enumerate(names)]
            self.batch_size = _first_dimension(*found)
        return loss

    def start_batch(self) -> None:
        self.active = True
        self.loss = None
        self.batch_size = None


class _GuardedTrainFunction:
    """Wraps ``model.train_function`` so an exception in the train step closes the listener."""

    def __init__(self, original: Callable[..., Any], on_error: Callable[[], None]) -> None:
        self.original = original
        self.on_error = on_error

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return self.original(*args, **kwargs)
        except BaseException:
            self.on_error()
            raise


class FitscopeCallback(keras.callbacks.Callback):  # type: ignore[misc]
    """Records a Keras 3 ``fit()`` (torch backend) with a :class:`~fitscope.StatsListener`.

    Example::

        storage = FileStatsStorage("runs/keras.fitscope")
        model.fit(x, y, epochs=3, callbacks=[FitscopeCallback(storage, frequency=10)])

    One iteration per training batch (one optimizer step). Parameters are the model's trainable
    variables, named by ``variable.path``; gradients are ``.grad`` after ``loss.backward()``
    (before Keras's clipnorm/clipvalue, which happen inside ``optimizer.apply``); updates are the
    weights after the batch minus before; the learning rate is ``optimizer.learning_rate`` read
    before the step (a schedule's value at this step); the loss is the batch loss. At each epoch
    end the numeric epoch logs (``loss``, ``val_loss``, ``val_accuracy``...) become metrics.

    Each ``fit()`` is one session with a fresh listener, closed when ``fit()`` ends. With the
    default ``close_sinks=True`` that closes the sinks too, so a second ``fit()`` with the same
    callback raises ListenerError; pass ``close_sinks=False`` to record several ``fit()`` calls
    into the same sinks, each as a new session (``session_id`` is then the latest one's).

    Args:
        sinks: One sink or a list (storages and exporters).
        frequency: Report every ``frequency`` training batches.
        config: What to collect; everything by default. Activations are the outputs of the
            model's top-level layers (``model.layers``), by layer name.
        session_name: A human name for the run.
        tags: String tags of the run.
        hyperparameters: JSON values describing the run; added to (and overriding) the
            optimizer's settings, which are recorded as ``optimizer.<setting>``.
        close_sinks: Whether closing the listener at the end of ``fit()`` closes the sinks.
        max_queue: Records that may wait for each sink before its oldest reports are dropped.
        max_overhead: The listener's overhead budget, a fraction of the training time (see
            :class:`~fitscope.StatsListener`); ``None`` collects every histogram every report.

    Raises:
        ListenerError: Keras is not on the torch backend (at construction); at the start of
            ``fit()``: gradient accumulation, loss scaling with gradients enabled, or a second
            ``fit()`` after the sinks were closed.
    """

    def __init__(
        self,
        sinks: StatsSink | Sequence[StatsSink],
        frequency: int = 10,
        *,
        config: StatsConfig | None = None,
        session_name: str | None = None,
        tags: Mapping[str, str] | None = None,
        hyperparameters: Mapping[str, Any] | None = None,
        close_sinks: bool = True,
        max_queue: int = 1024,
        max_overhead: float | None = 0.03,
    ) -> None:
        check_backend(keras.backend.backend())
        check_frequency(frequency, "batches")
        super().__init__()
        self._sinks = sinks
        self.frequency = frequency
        self.config = config or StatsConfig()
        self.session_name = session_name
        self.tags = dict(tags or {})
        self.hyperparameters = dict(hyperparameters or {})
        self.close_sinks = close_sinks
        self.max_queue = max_queue
        self.max_overhead = check_max_overhead(max_overhead)
        #: The listener of the current (or latest) fit(); None before the first one starts.
        self.listener: StatsListener | None = None
        #: The session id of the current (or next) fit().
        self.session_id = str(uuid.uuid4())
        self._fits = 0
        self._loss_keeper: _LossKeeper | None = None
        self._guard: _GuardedTrainFunction | None = None
        self._patched_model: Any = None

    # ------------------------------------------------------------------ keras hooks

    def on_train_begin(self, logs: Mapping[str, Any] | None = None) -> None:
        """Builds the listener, attaches it to the model's variables, and wraps compute_loss."""
        self._finish()  # a previous fit() that ended with an exception outside the train step
        if self._fits > 0:
            if self.close_sinks:
                raise ListenerError(
                    "This FitscopeCallback already recorded a fit() and closed its sinks (close_sinks=True). "
                    "Create a new callback with new sinks for each fit(), or pass close_sinks=False to record "
                    "every fit() into the same sinks, each as a new session."
                )
            self.session_id = str(uuid.uuid4())
        model = self.model
        optimizer = model.optimizer
        _check_optimizer(optimizer, self.config)
        hyperparameters = {**_hyperparameters(optimizer, self.params or {}), **self.hyperparameters}
        # attach() would describe the torch view of the model (its ParameterDicts, under torch
        # names that match no watched variable): describe_keras_model reads Keras's own graph.
        listener = StatsListener(
            self._sinks,
            self.frequency,
            config=self.config,
            session_id=self.session_id,
            session_name=self.session_name,
            tags=self.tags,
            hyperparameters=hyperparameters,
            max_queue=self.max_queue,
            max_overhead=self.max_overhead,
            close_sinks=self.close_sinks,
        )
        self.listener = listener
        self._fits += 1
        try:
            watched = _watched_variables(model)
            listener.attach(
                model,
                None,
                parameters=watched,
                learning_rate=lambda: float(optimizer.learning_rate),
                layers=[(layer.name, layer) for layer in model.layers],
                model_info=describe_keras_model(model, watched) if self.config.model_info else None,
            )
            self._patch(model)
        except BaseException:
            self._finish()
            raise

    def on_train_batch_begin(self, batch: int, logs: Mapping[str, Any] | None = None) -> None:
        """Reporting iterations: copies the weights and reads the learning rate before the step."""
        listener = self._active_listener()
        if self._loss_keeper is not None:
            self._loss_keeper.start_batch()
        if listener.will_report:
            listener.step_started()

    def on_train_batch_end(self, batch: int, logs: Mapping[str, Any] | None = None) -> None:
        """Computes the updates (reporting iterations) and counts the step with its batch loss."""
        listener = self._active_listener()
        keeper = self._loss_keeper
        loss, batch_size = (keeper.loss, keeper.batch_size) if keeper is not None else (None, None)
        if keeper is not None:
            keeper.active = False
            keeper.loss = None  # do not keep the graph of the batch alive
        if listener.will_report:
            listener.step_finished()
        listener.iteration_done(loss, batch_size)

    def on_epoch_end(self, epoch: int, logs: Mapping[str, Any] | None = None) -> None:
        """Records the numeric epoch logs (training means, ``val_*``) as metrics, then the epoch."""
        listener = self._active_listener()
        metrics: dict[str, float] = {}
        for name, value in (logs or {}).items():
            if isinstance(value, bool):
                continue
            try:
                metrics[str(name)] = float(value)
            except (TypeError, ValueError):
                continue
        if metrics:
            listener.log_metrics(metrics)
        listener.epoch_done()

    def on_train_end(self, logs: Mapping[str, Any] | None = None) -> None:
        """Closes the listener (a final report for a partial window) and removes the wrappers."""
        self._finish()

    # ------------------------------------------------------------------ internals

    def _active_listener(self) -> StatsListener:
        if self.listener is None:
            raise ListenerError("FitscopeCallback received a batch before on_train_begin; pass it to model.fit().")
        return self.listener

    def _patch(self, model: Any) -> None:
        """Installs the compute_loss and train_function wrappers for this fit()."""
        # Instance attributes shadow the methods; _finish deletes them again.
        self._loss_keeper = _LossKeeper(model.compute_loss)
        model.compute_loss = self._loss_keeper
        self._patched_model = model
        train_function = getattr(model, "train_function", None)
        if train_function is not None:
            self._guard = _GuardedTrainFunction(train_function, self._finish)
            model.train_function = self._guard

    def _unpatch(self) -> None:
        model = self._patched_model
        if model is None:
            return
        if self._loss_keeper is not None and model.__dict__.get("compute_loss") is self._loss_keeper:
            del model.compute_loss
        guard = self._guard
        if guard is not None:
            original = guard.original
            if getattr(model, "train_function", None) is guard:
                model.train_function = original
        self._loss_keeper = None
        self._guard = None
        self._patched_model = None

    def _finish(self) -> None:
        """Removes the wrappers and closes the listener (idempotent)."""
        self._unpatch()
        if self.listener is not None:
            self.listener.close()
