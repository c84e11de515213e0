"""Group a stored ONNX graph into the model's modules and tie it to fitscope's names.

:func:`onnx_view` answers the ``onnx`` member of ``GET /api/v1/graph`` (``OnnxView`` in
``schemas/openapi.json``): groups from the node scopes (a module ``layer1.0.conv1`` is a group
under ``layer1.0``, under ``layer1``), each with the fitscope parameters it holds and the
fitscope layer it is; nodes with their inputs' and outputs' shapes; node-to-node edges.

A parameter ``a.b.weight`` belongs to the group ``a.b`` when there is one; else to the group of
the node reading an initializer of that name (or the Identity writing it); else to the nearest
group of an enclosing module (``a``). A parameter no group can take is listed in
``unmatched_parameters``; nodes no module claims are top-level (``group`` null).

TorchScript numbers a module's second call ``relu_1``: a scope entry fitscope does not know as
a module, whose name without the ``_N`` suffix it does know, is read as that module. Without a
model description (``fitscope info``), an entry ``relu_1`` is read as ``relu`` when the graph
has an entry ``relu``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from fitscope.onnx_graph.reading import OnnxGraph
from fitscope.records import ModelInfo

__all__ = ["onnx_summary", "onnx_view"]

_CALL_SUFFIX = re.compile(r"_\d+$")


def _known_modules(model: ModelInfo | None) -> set[str]:
    """Module names fitscope knows: its layers and every module path of its parameters."""
    known: set[str] = set()
    if model is None:
        return known
    for layer in model.layers:
        known.add(layer.name)
    for name in model.param_names:
        parts = name.split(".")[:-1]
        known.update(".".join(parts[: i + 1]) for i in range(len(parts)))
    return known


def _fix_scope(scope: Sequence[str], known: set[str], guessed: bool) -> list[str]:
    """Reads ``relu_1`` as the module ``relu`` when only the latter is known (see the module docs).

    ``guessed``: ``known`` is the graph's own scope entries (no model description), where
    ``relu_1`` is an entry too: then it is read as ``relu`` whenever ``relu`` is one.
    """
    if not known:
        return list(scope)
    out: list[str] = []
    renamed: tuple[str, str] | None = None
    for entry in scope:
        if renamed is not None and entry.startswith(renamed[0] + "."):
            entry = renamed[1] + entry[len(renamed[0]) :]
        if guessed or entry not in known:
            base = _CALL_SUFFIX.sub("", entry)
            if base != entry and base in known:
                renamed = (entry, base)
                entry = base
        if not out or out[-1] != entry:
            out.append(entry)
    return out


def _short_type(name: str | None) -> str | None:
    return None if name is None else name.rpartition(".")[2]


def _own_name(entry: str, parent: str | None) -> str:
    if parent and entry.startswith(parent + "."):
        return entry[len(parent) + 1 :]
    return entry


def _value_json(name: str, values: Mapping[str, Any], initializers: Mapping[str, Any]) -> dict[str, Any]:
    v = initializers.get(name) or values.get(name)
    return {
        "name": name,
        "shape": None if v is None else v["shape"],
        "dtype": None if v is None else v["dtype"],
        "initializer": name in initializers,
    }


def _ancestors(group: str | None, parent: Mapping[str, str | None]) -> Iterable[str]:
    while group is not None:
        yield group
        group = parent.get(group)


def onnx_view(graph: OnnxGraph, model: ModelInfo | None) -> dict[str, Any]:
    """The grouped view of ``graph`` for a session whose model fitscope described as ``model``."""
    data = graph.data
    known = _known_modules(model)
    guessed = not known
    if guessed:
        known = {entry for node in data["nodes"] for entry in node["scope"]}
    layer_types = {} if model is None else {layer.name: layer.type for layer in model.layers}
    initializers = {v["name"]: v for v in data["initializers"]}
    values: Mapping[str, Any] = data.get("values", {})

    groups: dict[str, dict[str, Any]] = {}
    parent_of: dict[str, str | None] = {}
    nodes_out: list[dict[str, Any]] = []
    subgraph_of_node: dict[str, list[dict[str, Any]]] = {}
    for sub in data.get("subgraphs", ()):
        subgraph_of_node.setdefault(sub["node"], []).append(sub)

    def add_group(gid: str, parent: str | None, kind: str, type_name: str | None) -> None:
        if gid in groups:
            return
        parent_of[gid] = parent
        groups[gid] = {
            "id": gid,
            "name": _own_name(gid, parent) if kind == "module" else gid.rpartition("/")[2],
            "parent": parent,
            "kind": kind,
            "type": type_name,
            "layer": gid if kind == "module" and gid in layer_types else None,
            "parameters": [],
            "nodes": [],
            "num_nodes": 0,
        }

    group_of_node: dict[str, str | None] = {}
    for node in data["nodes"]:
        if node["graph"] is not None:
            group: str | None = node["graph"]
        else:
            scope = _fix_scope(node["scope"], known, guessed)
            types = node.get("scope_types")
            parent: str | None = None
            for i, entry in enumerate(scope):
                from_layer = layer_types.get(entry)
                from_export = _short_type(types[i]) if types is not None and i < len(types) else None
                add_group(entry, parent, "module", from_layer or from_export)
                parent = entry
            group = parent
        group_of_node[node["id"]] = group
        # A node's subgraphs sit under the node's own group.
        for sub in subgraph_of_node.get(node["id"], ()):
            add_group(sub["id"], group, "subgraph", node["op_type"])
    for node in data["nodes"]:
        group = group_of_node[node["id"]]
        if group is not None:
            groups[group]["nodes"].append(node["id"])
            for g in _ancestors(group, parent_of):
                groups[g]["num_nodes"] += 1
        nodes_out.append(
            {
                "id": node["id"],
                "name": node["name"],
                "op_type": node["op_type"],
                "domain": node["domain"],
                "group": group,
                "attributes": node["attributes"],
                "inputs": [_value_json(x, values, initializers) for x in node["inputs"]],
                "outputs": [_value_json(x, values, initializers) for x in node["outputs"]],
            }
        )

    unmatched = _assign_parameters(data["nodes"], group_of_node, groups, model)
    return {
        "source": data.get("source"),
        "producer": data.get("producer"),
        "ir_version": data["ir_version"],
        "opsets": dict(data["opsets"]),
        "grouping": data.get("grouping", "none"),
        "num_nodes": len(data["nodes"]),
        "num_parameters": graph.num_parameters,
        "inputs": [_value_json(v["name"], values, initializers) for v in data["inputs"]],
        "outputs": [_value_json(v["name"], values, initializers) for v in data["outputs"]],
        "groups": list(groups.values()),
        "nodes": nodes_out,
        "edges": _edges(data["nodes"], data.get("subgraphs", ())),
        "unmatched_parameters": unmatched,
    }


def _assign_parameters(
    nodes: Sequence[Mapping[str, Any]],
    group_of_node: Mapping[str, str | None],
    groups: dict[str, dict[str, Any]],
    model: ModelInfo | None,
) -> list[str]:
    """Puts each fitscope parameter in exactly one group; returns those none could take."""
    if model is None:
        return []
    names = list(dict.fromkeys([*model.param_names, *(p for layer in model.layers for p in layer.params)]))
    # The group of the (main-graph) node reading an initializer, or the Identity writing a value.
    by_value: dict[str, str] = {}
    for node in nodes:
        group = group_of_node[node["id"]]
        if group is None or node["graph"] is not None:
            continue
        if node["op_type"] == "Identity":
            for out in node["outputs"]:
                by_value.setdefault(out, group)
        for x in node["inputs"]:
            by_value.setdefault(x, group)
    owner = {p: layer.name for layer in model.layers for p in layer.params}
    unmatched: list[str] = []
    for name in names:
        module = owner.get(name) or name.rpartition(".")[0]
        target = module if module in groups and groups[module]["kind"] == "module" else by_value.get(name)
        if target is None:
            parts = module.split(".")
            target = next(
                (".".join(parts[:i]) for i in range(len(parts) - 1, 0, -1) if ".".join(parts[:i]) in groups), None
            )
        if target is None:
            unmatched.append(name)
        else:
            groups[target]["parameters"].append(name)
    return unmatched


def _edges(nodes: Sequence[Mapping[str, Any]], subgraphs: Sequence[Mapping[str, Any]]) -> list[dict[str, str]]:
    """Producer -> consumer edges; a subgraph reads values of its own graph first, then of enclosing ones."""
    parent_graph: dict[str | None, str | None] = {None: None}
    node_graph = {n["id"]: n["graph"] for n in nodes}
    for sub in subgraphs:
        parent_graph[sub["id"]] = node_graph.get(sub["node"])
    producer: dict[tuple[str | None, str], str] = {}
    for node in nodes:
        for out in node["outputs"]:
            if out:
                producer.setdefault((node["graph"], out), node["id"])
    edges: list[dict[str, str]] = []
    seen: set[tuple[str, str, str]] = set()
    for node in nodes:
        for value in node["inputs"]:
            if not value:
                continue
            graph: str | None = node["graph"]
            source = None
            while True:
                source = producer.get((graph, value))
                if source is not None or graph is None:
                    break
                graph = parent_graph.get(graph)
            if source is None or source == node["id"]:
                continue
            key = (source, node["id"], value)
            if key not in seen:
                seen.add(key)
                edges.append({"source": source, "target": node["id"], "value": value})
    return edges


def onnx_summary(graph: OnnxGraph) -> dict[str, Any]:
    """What ``fitscope info model.onnx`` prints: opsets, node and parameter counts, top-level groups."""
    view = onnx_view(graph, None)
    ops: dict[str, int] = {}
    for node in view["nodes"]:
        ops[node["op_type"]] = ops.get(node["op_type"], 0) + 1
    top = [g for g in view["groups"] if g["parent"] is None]
    return {
        "source": view["source"],
        "producer": view["producer"],
        "ir_version": view["ir_version"],
        "opsets": view["opsets"],
        "grouping": view["grouping"],
        "num_nodes": view["num_nodes"],
        "num_groups": len(view["groups"]),
        "num_initializers": len(graph.data["initializers"]),
        "num_parameters": view["num_parameters"],
        "inputs": view["inputs"],
        "outputs": view["outputs"],
        "op_types": dict(sorted(ops.items(), key=lambda kv: (-kv[1], kv[0]))),
        "top_level_groups": [{"id": g["id"], "type": g["type"], "num_nodes": g["num_nodes"]} for g in top],
        "top_level_nodes": sum(1 for n in view["nodes"] if n["group"] is None),
    }
