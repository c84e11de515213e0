"""Real PyTorch models exported by both of torch's exporters, read and grouped into their modules."""

from __future__ import annotations

from typing import Any

import onnx
import pytest
import torch

from fitscope.model_graph import describe_model
from fitscope.onnx_graph import export_model, onnx_summary, onnx_view, read_onnx

from .models import MODELS, export

EXPORTERS = ("dynamo", "torchscript")
CASES = [(name, exporter) for name in MODELS for exporter in EXPORTERS]


def _ancestors(group: str | None, parents: dict[str, str | None]) -> list[str]:
    out = []
    while group is not None:
        out.append(group)
        group = parents[group]
    return out


@pytest.fixture(scope="module")
def exported() -> dict[tuple[str, str], tuple[bytes, Any, torch.nn.Module]]:
    out = {}
    for name, exporter in CASES:
        make, example = MODELS[name]
        torch.manual_seed(0)
        model = make()
        x = example()
        out[name, exporter] = (export(model, x, exporter), describe_model(model, x), model)
    return out


@pytest.mark.parametrize(("name", "exporter"), CASES)
def test_every_parameter_maps_to_exactly_one_group_of_its_module(
    exported: dict[tuple[str, str], tuple[bytes, Any, torch.nn.Module]], name: str, exporter: str
) -> None:
    data, info, model = exported[name, exporter]
    view = onnx_view(read_onnx(data), info)
    holders: dict[str, list[str]] = {}
    for group in view["groups"]:
        for p in group["parameters"]:
            holders.setdefault(p, []).append(group["id"])
    names = [n for n, _ in model.named_parameters()]
    assert view["unmatched_parameters"] == []
    assert sorted(holders) == sorted(names)
    for p in names:
        assert len(holders[p]) == 1, (p, holders[p])
        module = p.rpartition(".")[0]
        # The module itself, or (a module called functionally, MultiheadAttention's out_proj) the one calling it.
        group = holders[p][0]
        assert module == group or module.startswith(group + "."), (p, group)
    direct = sum(1 for p in names if holders[p][0] == p.rpartition(".")[0])
    assert direct >= len(names) - 4


@pytest.mark.parametrize(("name", "exporter"), CASES)
def test_the_view_holds_every_node_value_and_edge_of_the_file(
    exported: dict[tuple[str, str], tuple[bytes, Any, torch.nn.Module]], name: str, exporter: str
) -> None:
    data, info, model = exported[name, exporter]
    proto = onnx.load_from_string(data)
    view = onnx_view(read_onnx(data), info)
    assert [n["name"] for n in view["nodes"]] == [n.name for n in proto.graph.node]
    assert [n["op_type"] for n in view["nodes"]] == [n.op_type for n in proto.graph.node]
    assert view["num_nodes"] == len(proto.graph.node)
    by_id = {n["id"]: n for n in view["nodes"]}
    # Edges: exactly the (producer, consumer) pairs of the file, found here independently.
    producer = {out: i for i, node in enumerate(proto.graph.node) for out in node.output}
    expected = {
        (f"n{producer[x]}", f"n{j}", x) for j, node in enumerate(proto.graph.node) for x in node.input if x in producer
    }
    assert {(e["source"], e["target"], e["value"]) for e in view["edges"]} == expected
    # Initializer shapes are the parameters' shapes; the group counts add up.
    shapes = {p: list(t.shape) for p, t in model.named_parameters()}
    for node in view["nodes"]:
        for value in node["inputs"]:
            if value["initializer"] and value["name"] in shapes:
                assert value["shape"] == shapes[value["name"]]
    parents = {g["id"]: g["parent"] for g in view["groups"]}
    for group in view["groups"]:
        inside = [n for n in view["nodes"] if group["id"] in _ancestors(n["group"], parents)]
        assert group["num_nodes"] == len(inside)
        assert all(by_id[n]["group"] == group["id"] for n in group["nodes"])
        if group["parent"] is not None:
            assert [g["id"] for g in view["groups"]].index(group["parent"]) < [g["id"] for g in view["groups"]].index(
                group["id"]
            )
    # Groups that are fitscope layers say so, and carry fitscope's layer type.
    layers = {layer.name: layer.type for layer in info.layers}
    for group in view["groups"]:
        assert group["layer"] == (group["id"] if group["id"] in layers else None)
        if group["id"] in layers:
            assert group["type"] == layers[group["id"]]


def test_grouping_follows_each_exporters_own_naming(
    exported: dict[tuple[str, str], tuple[bytes, Any, torch.nn.Module]],
) -> None:
    for name in MODELS:
        assert read_onnx(exported[name, "dynamo"][0]).data["grouping"] == "name_scopes"
        assert read_onnx(exported[name, "torchscript"][0]).data["grouping"] == "node_names"
    # ResNet: the residual blocks nest as in the module tree.
    view = onnx_view(read_onnx(exported["resnet", "torchscript"][0]), exported["resnet", "torchscript"][1])
    groups = {g["id"]: g for g in view["groups"]}
    assert groups["layer2.0.downsample.0"]["parent"] == "layer2.0.downsample"
    assert groups["layer2.0.downsample"]["parent"] == "layer2.0"
    assert groups["layer2.0"]["parent"] == "layer2"
    assert groups["layer2"]["parent"] is None
    # The second call of a block's relu (TorchScript's relu_1) is the relu module, not a new one.
    assert "layer1.0.relu_1" not in groups
    assert [by["op_type"] for by in view["nodes"] if by["group"] == "layer1.0.relu"] == ["Relu", "Relu"]


def test_shapes_come_from_shape_inference(
    exported: dict[tuple[str, str], tuple[bytes, Any, torch.nn.Module]],
) -> None:
    view = onnx_view(read_onnx(exported["cnn", "dynamo"][0]), exported["cnn", "dynamo"][1])
    convs = [n for n in view["nodes"] if n["op_type"] == "Conv"]
    assert convs[0]["outputs"][0]["shape"] == [2, 8, 12, 12]
    assert convs[0]["outputs"][0]["dtype"] == "float32"
    assert convs[0]["attributes"]["kernel_shape"] == [3, 3]
    assert convs[1]["outputs"][0]["shape"] == [2, 16, 4, 4]


@pytest.mark.parametrize("exporter", ["auto", "dynamo", "torchscript"])
def test_export_model_leaves_the_model_as_it_was(exporter: str) -> None:
    make, example = MODELS["resnet"]
    torch.manual_seed(1)
    model = make()
    model.train()
    before = {k: v.clone() for k, v in model.state_dict().items()}
    x = example()
    rng = torch.random.get_rng_state()
    graph = export_model(model, x, exporter=exporter)
    after = model.state_dict()
    assert all(torch.equal(before[k], after[k]) for k in before)  # BatchNorm's running statistics too
    assert model.training
    assert torch.equal(rng, torch.random.get_rng_state())
    assert graph.data["source"].startswith("torch.onnx.export (")
    # Never the weights: no initializer value is in the stored form.
    text = repr(graph.data)
    first_weight = float(before["conv1.weight"].flatten()[0])
    assert repr(first_weight) not in text


def test_transformer_falls_back_to_training_mode_with_the_torchscript_exporter() -> None:
    make, example = MODELS["transformer"]
    model = make()
    model.eval()
    graph = export_model(model, example(), exporter="torchscript")
    assert not model.training
    view = onnx_view(graph, describe_model(model, example()))
    assert view["unmatched_parameters"] == []
    assert {g["id"] for g in view["groups"]} >= {"encoder.layers.0.self_attn", "encoder.layers.1.linear2", "head"}


def test_summary_counts(exported: dict[tuple[str, str], tuple[bytes, Any, torch.nn.Module]]) -> None:
    data = exported["resnet", "dynamo"][0]
    proto = onnx.load_from_string(data)
    summary = onnx_summary(read_onnx(data))
    assert summary["num_nodes"] == len(proto.graph.node)
    assert summary["num_initializers"] == len(proto.graph.initializer)
    assert summary["num_parameters"] == sum(int(torch.tensor(list(t.dims)).prod()) for t in proto.graph.initializer)
    assert sum(summary["op_types"].values()) == len(proto.graph.node)
    assert [g["id"] for g in summary["top_level_groups"]] == ["conv1", "bn1", "relu", "layer1", "layer2", "fc"]
    assert summary["opsets"][""] == next(o.version for o in proto.opset_import if o.domain == "")


class _NormThenEncoder(torch.nn.Module):
    """BatchNorm (running statistics) before a Transformer layer (exported in training mode by TorchScript)."""

    def __init__(self) -> None:
        super().__init__()
        self.bn = torch.nn.BatchNorm1d(6)
        self.layer = torch.nn.TransformerEncoderLayer(4, 2, dim_feedforward=8, dropout=0.5, batch_first=True)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.layer(self.bn(x))


def test_a_training_mode_export_changes_no_running_statistic_and_no_random_state() -> None:
    torch.manual_seed(2)
    model = _NormThenEncoder().eval()
    x = torch.randn(3, 6, 4)
    before = {k: v.clone() for k, v in model.state_dict().items()}
    rng = torch.random.get_rng_state()
    graph = export_model(model, x, exporter="torchscript")
    assert any(n["op_type"] == "Dropout" for n in graph.nodes)  # it was exported in training mode
    assert all(torch.equal(before[k], v) for k, v in model.state_dict().items())
    assert torch.equal(rng, torch.random.get_rng_state())
    assert not model.training
