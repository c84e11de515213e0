"""Describe a PyTorch model: its layers, parameters and how the layers connect.

:func:`describe_model` builds the :class:`~fitscope.records.ModelInfo` a listener sends once
per worker. Layers are the modules that own parameters directly, plus the leaf modules
(activations, dropout, pooling...). How they connect (``LayerInfo.inputs``) comes from the
first of these that works:

1. ``"fx"``: a :mod:`torch.fx` symbolic trace. Exact for traceable models, residual
   connections included. No tensor is computed.
2. ``"execution_order"``: one forward pass on *meta* tensors (shapes only, no data, no memory)
   through :func:`torch.func.functional_call`; each layer is fed by the layer that ran before
   it. Used when fx cannot trace the model (control flow on shapes, for example).
3. ``"module_order"``: the registration order, a guess.

With an ``example_input`` the meta forward pass also gives every layer's input and output
shape. Describing a model never changes it: parameters, buffers, the training flag, Python
attributes and hooks are as they were, and no weight is copied.

This module imports torch; only the torch listener imports it.
"""

from __future__ import annotations

import sys
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any, Final

import torch
from torch import fx, nn
from torch.nn.modules import activation as _activation_modules
from torch.nn.parameter import is_lazy
from torch.nn.utils import parametrize

from fitscope.encoding import encode_float
from fitscope.records import JSON, LayerInfo, ModelInfo

__all__ = ["ROOT_LAYER", "describe_model", "module_attributes", "named_parameters", "strip_prefix", "unwrap_model"]

#: Name of the layer standing for parameters the model owns itself.
ROOT_LAYER: Final = "(root)"

_WRAPPER_PREFIXES: Final = ("_orig_mod.", "module.")

# Every activation class torch.nn defines, found rather than listed so new ones are covered.
# MultiheadAttention lives in the same file but is not an activation.
_ACTIVATIONS: Final[tuple[type[nn.Module], ...]] = tuple(
    cls
    for cls in vars(_activation_modules).values()
    if isinstance(cls, type)
    and issubclass(cls, nn.Module)
    and cls.__module__ == _activation_modules.__name__
    and cls is not nn.MultiheadAttention
)

# Configuration attributes a layer's table shows, by module family. One flat set, matched by
# name, so a module of another class holding the same attributes (a user's layer with
# ``in_features``, a torch.nn class added later) gets them too. torch.nn keeps its
# configuration as plain instance attributes, read from the module's ``__dict__`` in the order
# its ``__init__`` set them (no property runs); only JSON scalars and short lists of them.
_ATTRIBUTE_FAMILIES: Final[Mapping[str, tuple[str, ...]]] = {
    "linear": ("in_features", "in1_features", "in2_features", "out_features"),
    "conv": (
        "in_channels",
        "out_channels",
        "kernel_size",
        "stride",
        "padding",
        "dilation",
        "output_padding",
        "groups",
        "padding_mode",
    ),
    "recurrent": (
        "input_size",
        "hidden_size",
        "num_layers",
        "nonlinearity",
        "bidirectional",
        "proj_size",
        "batch_first",
    ),
    "embedding": (
        "num_embeddings",
        "embedding_dim",
        "padding_idx",
        "max_norm",
        "norm_type",
        "scale_grad_by_freq",
        "sparse",
        "include_last_offset",
    ),
    "norm": (
        "num_features",
        "num_groups",
        "num_channels",
        "normalized_shape",
        "eps",
        "momentum",
        "affine",
        "track_running_stats",
        "elementwise_affine",
    ),
    "dropout": ("p", "dropout"),
    "activation": (
        "negative_slope",
        "alpha",
        "beta",
        "lambd",
        "threshold",
        "value",
        "min_val",
        "max_val",
        "lower",
        "upper",
        "approximate",
        "dim",
        "num_parameters",
        "init",
        "inplace",
    ),
    "attention": ("embed_dim", "num_heads", "kdim", "vdim", "add_zero_attn"),
    "pooling": ("return_indices", "ceil_mode", "count_include_pad", "divisor_override", "output_size"),
    "shape": ("start_dim", "end_dim", "size", "scale_factor", "mode", "align_corners", "upscale_factor"),
    "bias": ("bias",),
}
_ATTRIBUTE_NAMES: Final = frozenset(n for names in _ATTRIBUTE_FAMILIES.values() for n in names)
_MAX_LIST: Final = 32  # longer lists are data, not configuration
_MAX_STRING: Final = 200

# Hook dictionaries of nn.Module: emptied while we trace or run the model, so that hooks the
# user (or a fitscope listener) registered never see proxies or meta tensors.
_HOOK_DICTS: Final = (
    "_forward_pre_hooks",
    "_forward_pre_hooks_with_kwargs",
    "_forward_hooks",
    "_forward_hooks_with_kwargs",
    "_forward_hooks_always_called",
    "_backward_pre_hooks",
    "_backward_hooks",
)


# --------------------------------------------------------------------------- wrappers


def unwrap_model(model: nn.Module) -> nn.Module:
    """Returns the model inside its wrappers.

    Strips, as often as they are nested, ``torch.compile``'s ``OptimizedModule``
    (``_orig_mod``), ``DataParallel`` / ``DistributedDataParallel`` (``module``) and Lightning
    Fabric's ``_FabricModule`` (``_original_module``; recognised by name, nothing imported).

    Args:
        model: A module, wrapped or not.

    Returns:
        The innermost module; ``model`` itself when it is not wrapped.
    """
    ddp = nn.parallel.DistributedDataParallel
    while True:
        if isinstance(model, nn.DataParallel | ddp):
            inner = model.module
        elif _is_compiled(model):
            inner = model._orig_mod
        elif type(model).__name__ == "_FabricModule" and type(model).__module__.startswith("lightning"):
            inner = getattr(model, "_original_module", None)
        else:
            return model
        if not isinstance(inner, nn.Module):
            return model
        model = inner


def _is_compiled(model: nn.Module) -> bool:
    # torch._dynamo is only in sys.modules once torch.compile ran; importing it here would
    # cost seconds for nothing.
    eval_frame = sys.modules.get("torch._dynamo.eval_frame")
    optimized = getattr(eval_frame, "OptimizedModule", None)
    return isinstance(optimized, type) and isinstance(model, optimized)


def strip_prefix(name: str) -> str:
    """Removes the wrapper prefixes ``_orig_mod.`` and ``module.`` from a name.

    Only leading prefixes are removed, as often as they repeat:
    ``"_orig_mod.module.fc.weight"`` becomes ``"fc.weight"``. A submodule that a model itself
    calls ``module`` loses its name too; names from :func:`named_parameters` never need this.

    Args:
        name: A parameter or module name, as a wrapped model reports it.

    Returns:
        The name as the unwrapped model reports it.
    """
    stripped = True
    while stripped:
        stripped = False
        for prefix in _WRAPPER_PREFIXES:
            if name.startswith(prefix):
                name = name[len(prefix) :]
                stripped = True
    return name


def named_parameters(model: nn.Module) -> list[tuple[str, nn.Parameter]]:
    """Returns the parameters of the unwrapped model, with their names.

    Args:
        model: A module, wrapped or not.

    Returns:
        ``unwrap_model(model).named_parameters()`` as a list: names carry no wrapper prefix,
        and a parameter shared by several modules appears once, under its first name.
    """
    return list(unwrap_model(model).named_parameters())


# --------------------------------------------------------------------------- layers


def describe_model(model: nn.Module, example_input: Any = None) -> ModelInfo:
    """Describes a model: layers, parameters, connections and (optionally) shapes.

    Never runs the model on real data and never changes it. Cheap for big models: no weight is
    copied, and the optional forward pass runs on meta tensors.

    Args:
        model: The model, wrapped or not (see :func:`unwrap_model`).
        example_input: An input of the model (a tensor, or a tuple of positional arguments).
            Only its shapes and dtypes are used. When given, layers get their input and output
            shapes, and models fx cannot trace get ``"execution_order"`` connections.

    Returns:
        The model's description. ``graph_source`` says how ``LayerInfo.inputs`` were found.
        With ``"fx"``, a layer that never appears in the trace has no inputs, and layers
        hidden inside a module fx does not trace into (such as ``nn.TransformerEncoderLayer``)
        are chained in execution order when ``example_input`` ran, else in registration
        order. A layer's ``num_params`` counts a shared parameter in every layer using it;
        the model's counts it once. Unknown shapes are ``None``.
    """
    root = unwrap_model(model)
    params = list(root.named_parameters())
    canonical = {id(p): name for name, p in params}
    layers = _find_layers(root, canonical)

    run = _meta_run(root, layers, example_input) if example_input is not None else None
    inputs = _fx_inputs(root, layers, run.order if run is not None else None)
    graph_source = "fx"
    if inputs is None:
        if run is not None:
            ranks = _ranks(layers, run.order)
            inputs, graph_source = _chain(sorted(layers, key=ranks.__getitem__)), "execution_order"
        else:
            inputs, graph_source = _chain(list(layers)), "module_order"

    infos = []
    for name, layer in layers.items():
        shapes = run.shapes.get(name, (None, None)) if run is not None else (None, None)
        infos.append(
            LayerInfo(
                name=name,
                type=type(layer.module).__name__,
                num_params=layer.num_params,
                params=layer.params,
                inputs=tuple(inputs.get(name, ())),
                input_shape=shapes[0],
                output_shape=shapes[1],
                activation=_activation_name(layer.module),
                attributes=module_attributes(layer.module),
            )
        )
    return ModelInfo(
        class_name=type(root).__name__,
        num_layers=len(infos),
        num_params=sum(_numel(p) for _, p in params),
        param_names=tuple(name for name, _ in params),
        param_shapes={name: tuple(p.shape) for name, p in params if not is_lazy(p)},
        layers=tuple(infos),
        config=None,
        graph_source=graph_source,
    )


class _Layer:
    """A layer while it is being described."""

    __slots__ = ("module", "num_params", "own_params", "params")

    def __init__(self, module: nn.Module, params: tuple[str, ...], own_params: tuple[str, ...], num: int) -> None:
        self.module = module
        self.params = params  # canonical names (as in ModelInfo.param_names)
        self.own_params = own_params  # names through this module (fx's get_attr targets)
        self.num_params = num


def _find_layers(root: nn.Module, canonical: Mapping[int, str]) -> dict[str, _Layer]:
    """Returns the layers by name, in registration order."""
    layers: dict[str, _Layer] = {}
    hidden: list[str] = []  # prefixes of modules that belong to a layer above them
    for qualname, module in root.named_modules():
        if hidden and qualname.startswith(tuple(hidden)):
            continue
        own = list(module.named_parameters(recurse=False))
        children = [name for name, _ in module.named_children()]
        if parametrize.is_parametrized(module):
            # weight_norm, spectral_norm...: the parametrization's modules and parameters
            # (``parametrizations.weight.original0``) are part of the layer they parametrize.
            own += [(f"parametrizations.{n}", p) for n, p in module.parametrizations.named_parameters()]
            children.remove("parametrizations")
            hidden.append(f"{qualname}.parametrizations." if qualname else "parametrizations.")
        if not own and (qualname == "" or children):
            continue
        names: dict[str, nn.Parameter] = {}
        for _, p in own:
            names.setdefault(canonical[id(p)], p)
        prefix = f"{qualname}." if qualname else ""
        layers[qualname or ROOT_LAYER] = _Layer(
            module,
            params=tuple(names),
            own_params=tuple(prefix + pname for pname, _ in own),
            num=sum(_numel(p) for p in names.values()),
        )
    return layers


def _numel(p: torch.Tensor) -> int:
    # A lazy module's parameters have no shape before its first forward pass.
    return 0 if is_lazy(p) else p.numel()


def _activation_name(module: nn.Module) -> str | None:
    if isinstance(module, _ACTIVATIONS):
        return type(module).__name__.lower()
    try:
        act = getattr(module, "activation", None)
    except Exception:  # a property may raise anything; the name is only informative
        return None
    if isinstance(act, str):
        return act
    if isinstance(act, nn.Module):
        return type(act).__name__.lower()
    name = getattr(act, "__name__", None) if callable(act) else None
    return name if isinstance(name, str) else None


def module_attributes(module: nn.Module) -> dict[str, JSON]:
    """Returns a module's configuration as JSON values, in the order the module set them.

    Reads the configuration attributes of ``torch.nn``'s layer families (``in_features``,
    ``kernel_size``, ``hidden_size``, ``num_embeddings``, ``eps``, ``p``, ``negative_slope``...)
    wherever a module holds them as plain attributes, whatever its class. Tuples become lists;
    values that are not JSON scalars (or short lists of them) are left out; non-finite floats
    become ``"NaN"``, ``"Infinity"``, ``"-Infinity"``. ``bias`` is a boolean: the flag of an
    RNN, or for a module with a ``bias`` parameter slot (Linear, ConvNd...) whether it has one.

    Args:
        module: Any module.

    Returns:
        Attribute name to value; empty when the module holds none of them.
    """
    out: dict[str, JSON] = {}
    for name, value in vars(module).items():
        if name == "mode" and isinstance(module, nn.RNNBase):
            continue  # internal ("LSTM", "RNN_TANH"): the type and nonlinearity say it
        if name in _ATTRIBUTE_NAMES:
            converted = _attribute_value(value)
            if converted is not _SKIP:
                out[name] = converted
    params = vars(module).get("_parameters", {})
    if "bias" not in out and "bias" in params:
        out["bias"] = params["bias"] is not None
    return out


_SKIP: Final = object()


def _attribute_value(value: Any) -> Any:
    if isinstance(value, tuple | list):
        if len(value) > _MAX_LIST:
            return _SKIP
        items = [_attribute_scalar(v) for v in value]
        return _SKIP if any(v is _SKIP for v in items) else items
    return _attribute_scalar(value)


def _attribute_scalar(value: Any) -> Any:
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return encode_float(float(value))
    if isinstance(value, str):
        return value if len(value) <= _MAX_STRING else _SKIP
    return _SKIP


def _chain(order: list[str]) -> dict[str, list[str]]:
    return {name: [order[i - 1]] if i else [] for i, name in enumerate(order)}


# --------------------------------------------------------------------------- isolation


@contextmanager
def _isolated(root: nn.Module) -> Iterator[None]:
    """Runs the body with every module's hooks set aside, then restores each module exactly.

    Tracing can set attributes on a module (fx stores tensor constants on the root) and a
    forward pass can rebind Python attributes; both are undone. Existing hooks are hidden so
    they never receive proxies or meta tensors. Restoring is shallow: no tensor is copied.
    """
    saved = []
    for m in root.modules():
        d = m.__dict__
        saved.append((m, dict(d), dict(d["_parameters"]), dict(d["_buffers"]), dict(d["_modules"])))
        for key in _HOOK_DICTS:
            if key in d:
                d[key] = OrderedDict()
    try:
        yield
    finally:
        for m, attrs, params, buffers, modules in saved:
            _restore(m.__dict__, attrs)
            _restore(m._parameters, params)
            _restore(m._buffers, buffers)
            _restore(m._modules, modules)


def _restore(target: dict[str, Any], saved: dict[str, Any]) -> None:
    if target.keys() != saved.keys() or any(target[k] is not v for k, v in saved.items()):
        target.clear()
        target.update(saved)


# --------------------------------------------------------------------------- fx


class _Tracer(fx.Tracer):
    """fx tracer that keeps every childless module whole, user-defined ones included."""

    def is_leaf_module(self, m: nn.Module, module_qualified_name: str) -> bool:
        return super().is_leaf_module(m, module_qualified_name) or next(m.children(), None) is None


def _fx_inputs(
    root: nn.Module, layers: Mapping[str, _Layer], executed: list[str] | None
) -> dict[str, list[str]] | None:
    """Returns each layer's input layers from an fx trace, or None when fx cannot trace.

    Args:
        root: The unwrapped model.
        layers: Its layers.
        executed: Layers in the order a meta forward pass ran them, when known: orders the
            layers inside a module fx keeps whole (``nn.TransformerEncoderLayer``).
    """
    try:
        with _isolated(root):
            graph = _Tracer().trace(root)
    except Exception:  # any failure of a trace means "not traceable"; callers fall back
        return None

    param_owner = {p: name for name, layer in layers.items() for p in layer.own_params}
    called = {str(n.target) for n in graph.nodes if n.op == "call_module"}
    # A layer that fx sees called has its own node; other uses of its parameters (a tied
    # output projection using an embedding's weight) are ordinary operations.
    param_owner = {p: name for p, name in param_owner.items() if name not in called}
    rank = _ranks(layers, executed)

    inputs: dict[str, dict[str, None]] = {name: {} for name in layers}  # ordered sets
    produced: dict[fx.Node, tuple[str, ...]] = {}  # nearest layers a node's value comes from
    param_of: dict[fx.Node, tuple[str, ...]] = {}  # layers a pure-parameter value comes from

    def feed(layer: str, sources: dict[str, None]) -> None:
        inputs[layer].update((s, None) for s in sources if s != layer)

    for node in graph.nodes:
        args = node.all_input_nodes
        if node.op == "get_attr":
            owner = param_owner.get(str(node.target))
            if owner is not None:
                param_of[node] = (owner,)
            continue
        if node.op in ("placeholder", "output"):
            continue
        data = [a for a in args if a not in param_of]
        sources = dict.fromkeys(s for a in data for s in produced.get(a, ()))
        owners = dict.fromkeys(s for a in args if a in param_of for s in param_of[a])
        if node.op == "call_module":
            sources.update(owners)
            produced[node] = _call_module(str(node.target), sources, rank, feed)
        elif owners and not data:
            param_of[node] = tuple(owners)
        elif owners:
            for owner in owners:
                feed(owner, sources)
            produced[node] = tuple(owners)
        else:
            produced[node] = tuple(sources)
    return {name: list(srcs) for name, srcs in inputs.items()}


def _ranks(layers: Mapping[str, _Layer], executed: list[str] | None) -> dict[str, tuple[int, int]]:
    """Sort keys putting layers in execution order; a layer that never ran (its parent used its
    weights directly, as ``nn.MultiheadAttention`` does with ``out_proj``) follows the layer
    registered before it."""
    position = {name: i for i, name in enumerate(executed or ())}
    ranks: dict[str, tuple[int, int]] = {}
    last = -1
    for i, name in enumerate(layers):
        last = position.get(name, last)
        ranks[name] = (last, i)
    return ranks


def _call_module(
    target: str, sources: dict[str, None], rank: Mapping[str, tuple[int, int]], feed: Any
) -> tuple[str, ...]:
    """Feeds the layers a call_module node stands for; returns the layer producing its value.

    A module fx keeps whole but which holds several layers is a chain of those layers, in
    execution order when known, else in registration order.
    """
    prefix = f"{target}."
    chain = sorted((name for name in rank if name == target or name.startswith(prefix)), key=rank.__getitem__)
    if not chain:  # a module without layers inside passes its input through
        return tuple(sources)
    for name in chain:
        feed(name, sources)
        sources = {name: None}
    return (chain[-1],)


# --------------------------------------------------------------------------- meta forward


class _MetaRun:
    """What one forward pass on meta tensors saw: layer order and shapes."""

    __slots__ = ("order", "shapes")

    def __init__(self) -> None:
        self.order: list[str] = []
        self.shapes: dict[str, tuple[tuple[int, ...] | None, tuple[int, ...] | None]] = {}


def _meta_run(root: nn.Module, layers: Mapping[str, _Layer], example_input: Any) -> _MetaRun | None:
    """Runs the model once on meta tensors; None when that fails (an op without meta support)."""
    if any(is_lazy(t) for t in (*root.parameters(), *root.buffers())):
        return None  # the pass would materialize lazy modules
    run = _MetaRun()
    by_module = {id(layer.module): name for name, layer in layers.items()}
    try:
        with _isolated(root):
            for module in root.modules():
                name = by_module.get(id(module))
                if name is not None:
                    module.register_forward_pre_hook(_pre_hook(run, name), with_kwargs=True)
                    module.register_forward_hook(_post_hook(run, name))
            state = {
                name: torch.empty_like(t, device="meta")
                for name, t in (*root.named_parameters(), *root.named_buffers())
            }
            args = _to_meta(example_input if isinstance(example_input, tuple) else (example_input,))
            # The device context sends tensors the forward creates (torch.zeros(...)) to meta too.
            with torch.no_grad(), torch.device("meta"):
                torch.func.functional_call(root, state, args)
    except Exception:  # unsupported op, a value-dependent branch, a bad example input...
        return None
    return run


def _pre_hook(run: _MetaRun, name: str) -> Any:
    def hook(module: nn.Module, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        if name not in run.shapes:
            run.order.append(name)
            run.shapes[name] = (_first_shape((args, kwargs)), None)

    return hook


def _post_hook(run: _MetaRun, name: str) -> Any:
    def hook(module: nn.Module, args: tuple[Any, ...], output: Any) -> None:
        in_shape, out_shape = run.shapes[name]
        if out_shape is None:
            run.shapes[name] = (in_shape, _first_shape(output))

    return hook


def _to_meta(value: Any) -> Any:
    if isinstance(value, torch.Tensor):
        return torch.empty_like(value, device="meta")
    if isinstance(value, tuple | list):
        return type(value)(_to_meta(v) for v in value)
    if isinstance(value, dict):
        return {k: _to_meta(v) for k, v in value.items()}
    return value


def _first_shape(value: Any) -> tuple[int, ...] | None:
    if isinstance(value, torch.Tensor):
        return tuple(int(d) for d in value.shape)
    items = value.values() if isinstance(value, dict) else value if isinstance(value, tuple | list) else ()
    for item in items:
        shape = _first_shape(item)
        if shape is not None:
            return shape
    return None
