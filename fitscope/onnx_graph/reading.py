"""Read an ONNX model into fitscope's stored graph form (``schemas/onnx_graph.schema.json``).

:func:`read_onnx` keeps the structure and never the weights: op types, attributes, the shapes
and dtypes of every value (with :mod:`onnx.shape_inference`), initializer names and shapes,
subgraphs (If/Loop/Scan bodies) flattened into nodes that name their graph, and each node's
*scope*: the modules it was called from. The scope comes from the first of:

1. the ``pkg.torch.onnx.name_scopes`` metadata of torch's dynamo exporter
   (``['', 'layer1', 'layer1.0', 'layer1.0.conv1', 'conv2d_1']``: full names, with the op last);
2. the node-name path of torch's TorchScript exporter (``/layer1/layer1.0/conv1/Conv``: each
   part relative to the one before, ``layer1.0`` after ``layer1`` adding ``.0``);
3. a dotted initializer name the node reads or an Identity writes (``fc.weight`` -> ``fc``).

Damaged or hostile files raise :class:`~fitscope.errors.GraphError` with one sentence naming
the file: not ONNX (another format, truncated), larger than ``max_bytes``, more nodes than
``max_nodes``, external data (refused unless ``allow_external_data``; a location out of the
model's folder always), or a model ``onnx.checker`` rejects (unknown ops, cycles, missing inputs).
"""

from __future__ import annotations

import ast
import contextlib
import math
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from fitscope.encoding import encode_float
from fitscope.errors import GraphError, MissingDependencyError

if TYPE_CHECKING:
    import onnx

__all__ = ["DEFAULT_MAX_BYTES", "DEFAULT_MAX_NODES", "OnnxGraph", "read_onnx"]

#: Files above this are refused (protobuf itself cannot hold a model over 2 GiB).
DEFAULT_MAX_BYTES: Final = 2**31 - 1
#: Graphs with more nodes than this (subgraphs included) are refused: a UI cannot show them.
DEFAULT_MAX_NODES: Final = 100_000
#: Longest attribute list kept; longer ones end with a "... N more" string.
MAX_LIST: Final = 64
#: Initializers of at most this many elements keep their values during shape inference (shape constants).
_SMALL_TENSOR: Final = 64

_NAME_SCOPES: Final = "pkg.torch.onnx.name_scopes"
_CLASS_HIERARCHY: Final = "pkg.torch.onnx.class_hierarchy"

# What a file that is not ONNX usually is, by its first bytes.
_MAGICS: Final = (
    (b"PK\x03\x04", "a zip archive (a PyTorch .pt/.pth checkpoint, a .keras file?)"),
    (b"SQLite format 3\x00", "an SQLite database (a .fitscope file?)"),
    (b"\x89HDF", "an HDF5 file (a Keras .h5 model?)"),
    (b"\x1f\x8b", "a gzip file (decompress it first)"),
    (b"\x80", "a Python pickle"),
    (b"{", "a JSON document"),
)


@dataclass(frozen=True)
class OnnxGraph:
    """An ONNX model's graph as fitscope stores it (``StaticInfo.model.onnx``).

    Attributes:
        data: The JSON form (``schemas/onnx_graph.schema.json``).
    """

    data: Mapping[str, Any] = field(repr=False)

    @property
    def nodes(self) -> list[dict[str, Any]]:
        """Every node, main graph first."""
        return list(self.data["nodes"])

    @property
    def num_nodes(self) -> int:
        """Nodes, subgraphs included."""
        return len(self.data["nodes"])

    @property
    def opsets(self) -> dict[str, int]:
        """Opset version per domain (``""``: the default ONNX domain)."""
        return dict(self.data["opsets"])

    @property
    def num_parameters(self) -> int:
        """Elements in the initializers (dimensions all known)."""
        return sum(_elements(v["shape"]) for v in self.data["initializers"])

    def to_json(self) -> dict[str, Any]:
        """The JSON form (a copy of :attr:`data` at the top level)."""
        return dict(self.data)

    @classmethod
    def from_json(cls, data: object) -> OnnxGraph:
        """Wraps a stored graph, checking that it has the members the views read."""
        if not isinstance(data, Mapping) or data.get("format") != "onnx":
            raise GraphError("A stored ONNX graph must be an object with format 'onnx'.")
        missing = [k for k in ("nodes", "initializers", "inputs", "outputs", "opsets") if k not in data]
        if missing:
            raise GraphError(f"A stored ONNX graph lacks {', '.join(missing)}.")
        return cls(data)


def _elements(shape: Any) -> int:
    if not isinstance(shape, list) or not all(isinstance(d, int) for d in shape):
        return 0
    return math.prod(shape)


def _onnx() -> Any:
    try:
        import onnx
    except ImportError as exc:
        raise MissingDependencyError("Reading ONNX graphs", "onnx", "onnx") from exc
    return onnx


def read_onnx(
    source: str | os.PathLike[str] | bytes | onnx.ModelProto,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_nodes: int = DEFAULT_MAX_NODES,
    allow_external_data: bool = False,
    name: str | None = None,
) -> OnnxGraph:
    """Reads an ONNX model (a path, its bytes, or a ``ModelProto``) into its stored graph form.

    Args:
        source: The model.
        max_bytes: Larger files are refused before they are read.
        max_nodes: Graphs with more nodes (subgraphs included) are refused.
        allow_external_data: Accept a model whose initializers live in external files. They are
            never read (fitscope keeps no weights), but their locations must stay inside the
            model's folder.
        name: The ``source`` recorded (the file name by default).

    Raises:
        GraphError: The model is unusable (see the module docs); the message names it.
        MissingDependencyError: ``onnx`` is not installed.
    """
    onnx = _onnx()
    label, folder, model = _load(onnx, source, max_bytes)
    where = f"{label}: " if label else ""
    _check_external_data(onnx, model, folder, allow_external_data, where)
    external = _detach_external(onnx, model, where)
    count = sum(len(g.node) for g in _graphs(model.graph))
    if count > max_nodes:
        raise GraphError(
            f"{where}the graph has {count:,} nodes, more than the {max_nodes:,} fitscope shows (max_nodes)."
        )
    try:
        onnx.checker.check_model(model)
    except onnx.checker.ValidationError as exc:
        raise GraphError(f"{where}not a valid ONNX model: {_first_line(exc)}") from None
    _strip_weights(model)
    # Shapes are a bonus: a model inference cannot handle keeps its declared ones.
    with contextlib.suppress(Exception):
        model = onnx.shape_inference.infer_shapes(model, check_type=False, strict_mode=False)
    default_name = None if label is None else Path(label).name
    return OnnxGraph(_normalize(onnx, model, name if name is not None else default_name, external))


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    lines = [x.strip() for x in text.splitlines() if x.strip() and not x.startswith("==>")]
    first = lines[0] if lines else type(exc).__name__
    return first if first.endswith(".") else first + "."


def _load(onnx: Any, source: Any, max_bytes: int) -> tuple[str | None, Path | None, Any]:
    """(label, folder of the file, ModelProto) of ``source``."""
    if isinstance(source, onnx.ModelProto):
        return None, None, _copy(onnx, source)
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        label, folder = None, None
    else:
        path = Path(os.fspath(source))
        label, folder = str(path), path.resolve().parent
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            raise GraphError(f"{path}: no such file.") from None
        except OSError as exc:
            raise GraphError(f"{path}: cannot be read ({exc.strerror or exc}).") from None
        if not path.is_file():
            raise GraphError(f"{path}: not a file.")
        if size > max_bytes:
            raise GraphError(
                f"{path}: {size:,} bytes, more than the {max_bytes:,} accepted (max_bytes); "
                "export large models with their weights as external data."
            )
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise GraphError(f"{path}: cannot be read ({exc.strerror or exc}).") from None
    where = f"{label}: " if label else ""
    if len(data) > max_bytes:
        raise GraphError(f"{where}{len(data):,} bytes, more than the {max_bytes:,} accepted (max_bytes).")
    if not data:
        raise GraphError(f"{where}empty, not an ONNX model.")
    for magic, what in _MAGICS:
        if data.startswith(magic):
            raise GraphError(f"{where}not an ONNX model: this is {what}.")
    model = onnx.ModelProto()
    try:
        model.ParseFromString(data)
    except Exception:
        raise GraphError(
            f"{where}not an ONNX model: it does not parse as one (truncated, or another format)."
        ) from None
    if model.ir_version <= 0 or not model.HasField("graph"):
        raise GraphError(f"{where}not an ONNX model: it has no {'ir_version' if model.ir_version <= 0 else 'graph'}.")
    return label, folder, model


def _copy(onnx: Any, model: Any) -> Any:
    out = onnx.ModelProto()
    out.CopyFrom(model)
    return out


def _graphs(graph: Any) -> Iterator[Any]:
    """The graph and every subgraph in it, depth first."""
    yield graph
    for node in graph.node:
        for attr in node.attribute:
            if attr.HasField("g"):
                yield from _graphs(attr.g)
            for sub in attr.graphs:
                yield from _graphs(sub)


def _tensors(model: Any) -> Iterator[Any]:
    """Every TensorProto of the model: initializers and tensor attributes of every graph."""
    for graph in _graphs(model.graph):
        yield from graph.initializer
        for sparse in graph.sparse_initializer:
            yield sparse.values
        for node in graph.node:
            for attr in node.attribute:
                if attr.HasField("t"):
                    yield attr.t
                yield from attr.tensors


def _check_external_data(onnx: Any, model: Any, folder: Path | None, allowed: bool, where: str) -> None:
    for tensor in _tensors(model):
        if tensor.data_location != onnx.TensorProto.EXTERNAL:
            continue
        location = next((e.value for e in tensor.external_data if e.key == "location"), "")
        if not allowed:
            raise GraphError(
                f"{where}its weights are in external data files (tensor {tensor.name!r} in {location!r}); "
                "fitscope reads only the graph and refuses them unless allowed (allow_external_data=True, "
                "--allow-external-data)."
            )
        if not location or os.path.isabs(location) or ".." in Path(location).parts:
            raise GraphError(
                f"{where}external data location {location!r} of tensor {tensor.name!r} points outside the "
                "model's folder: refused."
            )
        if folder is not None:
            target = (folder / location).resolve()
            if not target.is_relative_to(folder):
                raise GraphError(
                    f"{where}external data location {location!r} of tensor {tensor.name!r} leads outside the "
                    f"model's folder ({folder}): refused."
                )
        # Never read: the external files hold weights, which fitscope does not keep.


def _detach_external(onnx: Any, model: Any, where: str) -> list[dict[str, Any]]:
    """Takes the main graph's external-data initializers out of the model (as graph inputs of their
    type), so that neither the checker nor shape inference looks for their files; returns them."""
    external = [t for t in model.graph.initializer if t.data_location == onnx.TensorProto.EXTERNAL]
    main = {id(t) for t in external}
    for tensor in _tensors(model):
        if tensor.data_location == onnx.TensorProto.EXTERNAL and id(tensor) not in main:
            raise GraphError(
                f"{where}tensor {tensor.name!r} keeps its data in an external file inside a subgraph or an "
                "attribute, which fitscope does not read: save the model with its data inline "
                "(onnx.save(model, path, save_as_external_data=False))."
            )
    if not external:
        return []
    kept = [t for t in model.graph.initializer if t.data_location != onnx.TensorProto.EXTERNAL]
    values = [_tensor_value(onnx, t) for t in external]
    declared = {i.name for i in model.graph.input}
    for tensor in external:
        if tensor.name not in declared:
            model.graph.input.append(
                onnx.helper.make_tensor_value_info(tensor.name, tensor.data_type, list(tensor.dims))
            )
    del model.graph.initializer[:]
    model.graph.initializer.extend(kept)
    return values


def _strip_weights(model: Any) -> None:
    """Drops the values of large initializers (small ones may be shapes that inference reads)."""
    for graph in _graphs(model.graph):
        for tensor in graph.initializer:
            if math.prod(tensor.dims) > _SMALL_TENSOR:
                for name in ("raw_data", "float_data", "int32_data", "int64_data", "double_data", "uint64_data"):
                    tensor.ClearField(name)
                tensor.ClearField("string_data")


def _dtype(onnx: Any, elem_type: int) -> str | None:
    if elem_type == 0:
        return None
    try:
        name = str(onnx.TensorProto.DataType.Name(elem_type)).lower()
    except ValueError:
        return None
    return {"float": "float32", "double": "float64"}.get(name, name)


def _type_value(onnx: Any, name: str, type_proto: Any) -> dict[str, Any]:
    shape: list[int | str | None] | None = None
    dtype = None
    if type_proto.HasField("tensor_type"):
        tt = type_proto.tensor_type
        dtype = _dtype(onnx, tt.elem_type)
        if tt.HasField("shape"):
            shape = [
                d.dim_value if d.HasField("dim_value") else (d.dim_param if d.HasField("dim_param") else None)
                for d in tt.shape.dim
            ]
    return {"name": name, "shape": shape, "dtype": dtype}


def _tensor_value(onnx: Any, tensor: Any) -> dict[str, Any]:
    return {"name": tensor.name, "shape": [int(d) for d in tensor.dims], "dtype": _dtype(onnx, tensor.data_type)}


def _capped(values: list[Any]) -> list[Any]:
    if len(values) <= MAX_LIST:
        return values
    return [*values[:MAX_LIST], f"... {len(values) - MAX_LIST:,} more"]


def _text(b: bytes) -> str:
    return b.decode("utf-8", errors="replace")


def _attribute(onnx: Any, attr: Any, subgraph_ids: list[str]) -> Any:
    a = onnx.AttributeProto
    kind = attr.type
    if kind == a.FLOAT:
        return encode_float(attr.f)
    if kind == a.INT:
        return int(attr.i)
    if kind == a.STRING:
        return _text(attr.s)
    if kind == a.FLOATS:
        return _capped([encode_float(x) for x in attr.floats])
    if kind == a.INTS:
        return _capped([int(x) for x in attr.ints])
    if kind == a.STRINGS:
        return _capped([_text(x) for x in attr.strings])
    if kind == a.TENSOR:
        return {"tensor": _tensor_value(onnx, attr.t)}
    if kind == a.SPARSE_TENSOR:
        return {
            "tensor": {
                "name": attr.sparse_tensor.values.name,
                "shape": [int(d) for d in attr.sparse_tensor.dims],
                "dtype": _dtype(onnx, attr.sparse_tensor.values.data_type),
            }
        }
    if kind == a.TENSORS:
        return _capped([f"tensor {t.name or '?'}" for t in attr.tensors])
    if kind == a.GRAPH:
        return {"graph": subgraph_ids[0]}
    if kind == a.GRAPHS:
        return {"graphs": subgraph_ids}
    if kind == a.TYPE_PROTO:
        return str(attr.tp).strip() or None
    return None


def _literal_list(text: str) -> list[str] | None:
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return None
    if isinstance(value, (list, tuple)) and all(isinstance(x, str) for x in value):
        return list(value)
    return None


def _metadata_scope(node: Any) -> tuple[list[str], list[str] | None] | None:
    """(scope, scope types) from the dynamo exporter's metadata, if the node has it."""
    props = {p.key: p.value for p in node.metadata_props}
    scopes = _literal_list(props.get(_NAME_SCOPES, ""))
    if scopes is None:
        return None
    inner = [s for s in scopes[1:-1] if s]
    hierarchy = _literal_list(props.get(_CLASS_HIERARCHY, ""))
    types = hierarchy[1:-1] if hierarchy is not None and len(hierarchy) == len(scopes) else None
    if types is not None:
        types = [t for s, t in zip(scopes[1:-1], types, strict=True) if s]
    return inner, types


def _path_scope(name: str) -> list[str] | None:
    """The scope in a TorchScript exporter's node name (``/layer1/layer1.0/conv1/Conv``)."""
    if not name.startswith("/") or name.count("/") < 2:
        return None
    parts = [p for p in name.split("/")[1:-1] if p]
    out: list[str] = []
    previous = ""
    for part in parts:
        if previous and part.startswith(previous + "."):
            full = out[-1] + part[len(previous) :]
        else:
            full = f"{out[-1]}.{part}" if out else part
        out.append(full)
        previous = part
    return out


def _module_of(value: str) -> list[str] | None:
    """The scope a parameter-like value name implies (``layer1.0.conv1.weight`` -> its modules)."""
    if "." not in value or "/" in value or ":" in value:
        return None
    parts = value.split(".")[:-1]
    if not all(parts):
        return None
    return [".".join(parts[: i + 1]) for i in range(len(parts))]


def _initializer_scope(node: Any, initializers: set[str]) -> list[str] | None:
    candidates = list(node.output) if node.op_type == "Identity" else []
    candidates += [x for x in node.input if x in initializers]
    for value in candidates:
        scope = _module_of(value)
        if scope:
            return scope
    return None


def _normalize(onnx: Any, model: Any, source: str | None, external: list[dict[str, Any]]) -> dict[str, Any]:
    main = model.graph
    initializer_names = {t.name for g in _graphs(main) for t in g.initializer} | {v["name"] for v in external}
    values: dict[str, dict[str, Any]] = {v["name"]: v for v in external}
    initializers: list[dict[str, Any]] = list(external)
    nodes: list[dict[str, Any]] = []
    subgraphs: list[dict[str, Any]] = []
    kinds: set[str] = set()

    # Breadth first: the main graph's nodes, then each subgraph's, so ids follow reading order.
    queue: list[tuple[Any, str | None]] = [(main, None)]
    while queue:
        graph, graph_id = queue.pop(0)
        for vi in [*graph.input, *graph.output, *graph.value_info]:
            values.setdefault(vi.name, _type_value(onnx, vi.name, vi.type))
        for tensor in graph.initializer:
            v = _tensor_value(onnx, tensor)
            values[tensor.name] = v
            initializers.append(v)
        for node in graph.node:
            node_id = f"n{len(nodes)}"
            attributes: dict[str, Any] = {}
            for attr in node.attribute:
                inner = [attr.g] if attr.HasField("g") else list(attr.graphs)
                ids: list[str] = []
                for sub in inner:
                    sub_id = f"{node_id}/{attr.name}" if len(inner) == 1 else f"{node_id}/{attr.name}/{len(ids)}"
                    ids.append(sub_id)
                    subgraphs.append({"id": sub_id, "node": node_id, "attribute": attr.name})
                    queue.append((sub, sub_id))
                attributes[attr.name] = _attribute(onnx, attr, ids)
            scope_types: list[str] | None = None
            found = _metadata_scope(node)
            if found is not None:
                scope, scope_types = found
                kinds.add("name_scopes")
            elif (path := _path_scope(node.name)) is not None:
                scope = path
                kinds.add("node_names")
            elif (by_init := _initializer_scope(node, initializer_names)) is not None:
                scope = by_init
                kinds.add("initializers")
            else:
                scope = []
            nodes.append(
                {
                    "id": node_id,
                    "name": node.name,
                    "op_type": node.op_type,
                    "domain": node.domain,
                    "graph": graph_id,
                    "scope": scope,
                    "scope_types": scope_types,
                    "attributes": attributes,
                    "inputs": list(node.input),
                    "outputs": list(node.output),
                }
            )
    grouping = next((k for k in ("name_scopes", "node_names", "initializers") if k in kinds), "none")
    producer = " ".join(x for x in (model.producer_name, model.producer_version) if x) or None
    return {
        "format": "onnx",
        "source": source,
        "producer": producer,
        "ir_version": int(model.ir_version),
        "opsets": {op.domain: int(op.version) for op in model.opset_import},
        "grouping": grouping,
        "inputs": [values[i.name] for i in main.input if i.name not in initializer_names],
        "outputs": [values[o.name] for o in main.output],
        "initializers": initializers,
        "values": {k: v for k, v in values.items() if k not in initializer_names},
        "nodes": nodes,
        "subgraphs": subgraphs,
    }
