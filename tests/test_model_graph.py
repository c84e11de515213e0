"""Tests of fitscope.model_graph: layers, parameters, connections and shapes of torch models."""

from __future__ import annotations

import warnings
from typing import Any

import pytest
import torch
import torch.nn.functional as F
from torch import nn

from fitscope.model_graph import describe_model, named_parameters, strip_prefix, unwrap_model
from fitscope.records import LayerInfo, ModelInfo


def _layers(info: ModelInfo) -> dict[str, LayerInfo]:
    return {layer.name: layer for layer in info.layers}


def _inputs(info: ModelInfo) -> dict[str, tuple[str, ...]]:
    return {layer.name: layer.inputs for layer in info.layers}


def _mlp() -> nn.Sequential:
    return nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 8), nn.Tanh(), nn.Linear(8, 3), nn.Softmax(dim=1))


class _CNN(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.conv = nn.Conv2d(1, 4, 3, padding=1)
        self.pool = nn.MaxPool2d(2)
        self.fc = nn.Linear(4 * 4 * 4, 10)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.pool(F.relu(self.conv(x)))
        return self.fc(torch.flatten(h, 1))


class _Residual(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.inp = nn.Linear(4, 8)
        self.f = nn.Sequential(nn.Linear(8, 8), nn.GELU())
        self.out = nn.Linear(8, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.inp(x)
        h = h + self.f(h)
        return self.out(h)


class _RootParam(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.fc = nn.Linear(3, 3)
        self.scale = nn.Parameter(torch.ones(3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fc(x) * self.scale


class _ShapeBranch(nn.Module):
    """fx cannot trace ``x.dim()`` in a condition; a meta forward pass can run it."""

    def __init__(self) -> None:
        super().__init__()
        self.fc1 = nn.Linear(12, 6)
        self.bn = nn.BatchNorm1d(6)
        self.act = nn.ReLU()
        self.fc2 = nn.Linear(6, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.dim() > 2:
            x = x.flatten(1)
        return self.fc2(self.act(self.bn(self.fc1(x))))


class _ValueBranch(_ShapeBranch):
    """Branches on tensor values: neither fx nor a meta pass can run it."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.sum() > 0:
            x = -x
        return self.fc2(self.act(self.bn(self.fc1(x))))


class _Tied(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.emb = nn.Embedding(10, 4)
        self.head = nn.Linear(4, 10, bias=False)
        self.head.weight = self.emb.weight

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.emb(x))


class _Wrapper(nn.Module):
    """Holds the model as ``.module`` the way DataParallel does."""

    def __init__(self, module: nn.Module) -> None:
        super().__init__()
        self.module = module


def test_mlp_layers_params_and_fx_chain() -> None:
    model = _mlp()
    info = describe_model(model)
    assert info.class_name == "Sequential"
    assert info.graph_source == "fx"
    assert info.num_params == sum(p.numel() for p in model.parameters()) == 4 * 8 + 8 + 8 * 8 + 8 + 8 * 3 + 3
    assert info.param_names == ("0.weight", "0.bias", "2.weight", "2.bias", "4.weight", "4.bias")
    assert info.num_layers == 6 == len(info.layers)
    assert info.config is None
    layers = _layers(info)
    assert [layer.type for layer in info.layers] == ["Linear", "ReLU", "Linear", "Tanh", "Linear", "Softmax"]
    assert layers["0"].params == ("0.weight", "0.bias")
    assert layers["0"].num_params == 40
    assert layers["1"].params == () and layers["1"].num_params == 0
    assert [layer.activation for layer in info.layers] == [None, "relu", None, "tanh", None, "softmax"]
    assert _inputs(info) == {"0": (), "1": ("0",), "2": ("1",), "3": ("2",), "4": ("3",), "5": ("4",)}
    assert all(layer.input_shape is None and layer.output_shape is None for layer in info.layers)


def test_mlp_shapes_with_example_input() -> None:
    info = describe_model(_mlp(), torch.randn(5, 4))
    assert info.graph_source == "fx"
    shapes = {layer.name: (layer.input_shape, layer.output_shape) for layer in info.layers}
    assert shapes == {
        "0": ((5, 4), (5, 8)),
        "1": ((5, 8), (5, 8)),
        "2": ((5, 8), (5, 8)),
        "3": ((5, 8), (5, 8)),
        "4": ((5, 8), (5, 3)),
        "5": ((5, 3), (5, 3)),
    }


def test_example_input_as_tuple() -> None:
    info = describe_model(_mlp(), (torch.randn(2, 4),))
    assert _layers(info)["4"].output_shape == (2, 3)


def test_cnn_with_functional_flatten() -> None:
    info = describe_model(_CNN(), torch.randn(2, 1, 8, 8))
    assert info.graph_source == "fx"
    assert [layer.name for layer in info.layers] == ["conv", "pool", "fc"]
    assert _inputs(info) == {"conv": (), "pool": ("conv",), "fc": ("pool",)}
    fc = _layers(info)["fc"]
    assert fc.input_shape == (2, 64)
    assert fc.output_shape == (2, 10)
    assert _layers(info)["conv"].output_shape == (2, 4, 8, 8)


def test_residual_connection_gives_two_inputs() -> None:
    info = describe_model(_Residual())
    assert info.graph_source == "fx"
    inputs = _inputs(info)
    assert inputs["inp"] == ()
    assert inputs["f.0"] == ("inp",)
    assert inputs["f.1"] == ("f.0",)
    assert set(inputs["out"]) == {"inp", "f.1"}
    assert _layers(info)["f.1"].activation == "gelu"


def test_root_parameter_is_a_root_layer() -> None:
    info = describe_model(_RootParam())
    layers = _layers(info)
    assert list(layers) == ["(root)", "fc"]
    root = layers["(root)"]
    assert root.type == "_RootParam"
    assert root.params == ("scale",)
    assert root.num_params == 3
    assert root.inputs == ("fc",)
    assert info.param_names == ("scale", "fc.weight", "fc.bias")


def test_container_root_without_parameters_is_not_a_layer() -> None:
    assert "(root)" not in _layers(describe_model(_Residual()))


def test_fx_failure_uses_meta_execution_order_and_leaves_model_untouched() -> None:
    model = _ShapeBranch()
    model.train()
    before = {name: t.clone() for name, t in model.state_dict().items()}
    info = describe_model(model, torch.randn(4, 3, 4))
    assert info.graph_source == "execution_order"
    assert _inputs(info) == {"fc1": (), "bn": ("fc1",), "act": ("bn",), "fc2": ("act",)}
    layers = _layers(info)
    assert layers["fc1"].input_shape == (4, 12)
    assert layers["bn"].output_shape == (4, 6)
    assert layers["fc2"].output_shape == (4, 2)
    assert layers["act"].activation == "relu"
    # Nothing real ran: running statistics, the batch counter and the training flag are as they were.
    assert model.training and all(m.training for m in model.modules())
    assert int(model.bn.num_batches_tracked) == 0
    after = model.state_dict()
    assert after.keys() == before.keys()
    for name, t in before.items():
        assert after[name].device.type == "cpu"
        assert torch.equal(after[name], t), name


def test_eval_mode_is_kept() -> None:
    model = _ShapeBranch().eval()
    describe_model(model, torch.randn(2, 12))
    assert not any(m.training for m in model.modules())


def test_fx_failure_without_example_input_uses_module_order() -> None:
    info = describe_model(_ShapeBranch())
    assert info.graph_source == "module_order"
    assert _inputs(info) == {"fc1": (), "bn": ("fc1",), "act": ("bn",), "fc2": ("act",)}
    assert all(layer.input_shape is None for layer in info.layers)


def test_value_dependent_branch_falls_back_to_module_order_without_shapes() -> None:
    model = _ValueBranch()
    info = describe_model(model, torch.randn(2, 12))
    assert info.graph_source == "module_order"
    assert all(layer.input_shape is None and layer.output_shape is None for layer in info.layers)
    assert int(model.bn.num_batches_tracked) == 0


def test_bad_example_input_gives_no_shapes_but_no_error() -> None:
    info = describe_model(_mlp(), torch.randn(2, 99))
    assert info.graph_source == "fx"
    assert all(layer.input_shape is None for layer in info.layers)


def test_existing_hooks_do_not_fire_and_survive() -> None:
    model = _mlp()
    calls: list[Any] = []
    handle = model[0].register_forward_hook(lambda m, i, o: calls.append(o))
    describe_model(model, torch.randn(2, 4))
    assert calls == []
    model(torch.randn(2, 4))
    assert len(calls) == 1
    handle.remove()


def test_fx_tensor_constants_are_not_left_on_the_model() -> None:
    class WithConstant(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.fc = nn.Linear(2, 2)

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            return self.fc(x) + torch.tensor([1.0, 2.0])

    model = WithConstant()
    attrs = set(vars(model))
    info = describe_model(model)
    assert info.graph_source == "fx"
    assert set(vars(model)) == attrs


def test_torch_compile_wrapper_is_stripped() -> None:
    model = _mlp()
    # torch.compile imports torch._inductor, whose import emits torch's own DeprecationWarning
    # about torch.jit.script_method; it is not ours and says nothing about fitscope.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        compiled = torch.compile(model)
    assert unwrap_model(compiled) is model
    assert next(name for name, _ in compiled.named_parameters()) == "_orig_mod.0.weight"
    info = describe_model(compiled, torch.randn(2, 4))
    assert info.class_name == "Sequential"
    assert info.param_names[0] == "0.weight"
    assert [layer.name for layer in info.layers] == ["0", "1", "2", "3", "4", "5"]
    assert [name for name, _ in named_parameters(compiled)] == list(info.param_names)


def test_module_wrappers_are_stripped() -> None:
    model = _CNN()
    wrapped = nn.DataParallel(model)
    assert unwrap_model(wrapped) is model
    assert unwrap_model(nn.DataParallel(nn.DataParallel(model))) is model
    info = describe_model(wrapped)
    assert info.class_name == "_CNN"
    assert info.param_names == ("conv.weight", "conv.bias", "fc.weight", "fc.bias")
    # A plain module holding another as `.module` is a model of its own, not a wrapper.
    assert unwrap_model(_Wrapper(model)) is not model
    assert next(name for name, _ in named_parameters(_Wrapper(model))) == "module.conv.weight"


def test_strip_prefix() -> None:
    assert strip_prefix("_orig_mod.module.fc.weight") == "fc.weight"
    assert strip_prefix("module._orig_mod.fc.weight") == "fc.weight"
    assert strip_prefix("fc.module.weight") == "fc.module.weight"
    assert strip_prefix("weight") == "weight"


def test_shared_parameters_are_counted_once() -> None:
    model = _Tied()
    info = describe_model(model, torch.randint(0, 10, (2, 3)))
    assert info.param_names == ("emb.weight",)
    assert info.num_params == 40
    layers = _layers(info)
    assert layers["head"].params == ("emb.weight",)
    assert layers["head"].inputs == ("emb",)
    assert layers["head"].output_shape == (2, 3, 10)


def test_layers_inside_a_module_fx_keeps_whole_follow_execution_order() -> None:
    model = nn.Sequential(nn.Linear(4, 8), nn.TransformerEncoderLayer(8, 2, 16, batch_first=True))
    info = describe_model(model, torch.randn(2, 5, 4))
    assert info.graph_source == "fx"
    inputs = _inputs(info)
    assert inputs["1.self_attn"] == ("0",)
    # out_proj never runs as a module (attention uses its weight directly): it follows self_attn.
    assert inputs["1.self_attn.out_proj"] == ("1.self_attn",)
    assert inputs["1.dropout1"] == ("1.self_attn.out_proj",)
    assert inputs["1.norm1"] == ("1.dropout1",)
    assert inputs["1.linear1"] == ("1.norm1",)
    assert inputs["1.norm2"] == ("1.dropout2",)
    assert _layers(info)["1.linear1"].output_shape == (2, 5, 16)
    assert info.num_params == sum(p.numel() for p in model.parameters())


def test_untraceable_root_transformer_layer_uses_execution_order() -> None:
    layer = nn.TransformerEncoderLayer(8, 2, 16, batch_first=True)
    info = describe_model(layer, torch.randn(2, 5, 8))
    assert info.graph_source == "execution_order"
    inputs = _inputs(info)
    assert inputs["self_attn"] == ()
    assert inputs["self_attn.out_proj"] == ("self_attn",)
    assert inputs["dropout1"] == ("self_attn.out_proj",)
    assert inputs["linear1"] == ("norm1",)


def test_activation_attribute_names_the_activation() -> None:
    class Gated(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.weight = nn.Parameter(torch.ones(2))
            self.activation = F.silu

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            return self.activation(x * self.weight)

    info = describe_model(nn.Sequential(nn.Linear(2, 2), Gated()))
    assert _layers(info)["1"].activation == "silu"
    assert _layers(info)["1"].inputs == ("0",)


@pytest.mark.parametrize("example", [None, torch.randn(3, 4)])
def test_describe_does_not_change_parameters(example: torch.Tensor | None) -> None:
    model = _mlp()
    params = {name: (p, p.detach().clone()) for name, p in model.named_parameters()}
    describe_model(model, example)
    for name, p in model.named_parameters():
        assert params[name][0] is p
        assert torch.equal(params[name][1], p)
        assert p.grad is None


def test_parametrized_weights_belong_to_their_layer() -> None:
    from torch.nn.utils.parametrizations import weight_norm

    model = nn.Sequential(weight_norm(nn.Linear(4, 4)), nn.ReLU())
    info = describe_model(model, torch.randn(2, 4))
    assert [layer.name for layer in info.layers] == ["0", "1"]
    first = _layers(info)["0"]
    assert set(first.params) == {"0.bias", "0.parametrizations.weight.original0", "0.parametrizations.weight.original1"}
    assert first.num_params == info.num_params == 4 + 4 + 16
    assert first.output_shape == (2, 4)
    assert _layers(info)["1"].inputs == ("0",)


def _as_json(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


class _Zoo(nn.Module):
    """One module of each family whose configuration a layer's attributes show."""

    def __init__(self) -> None:
        super().__init__()
        self.emb = nn.Embedding(10, 6, padding_idx=0, max_norm=2.0)
        self.lstm = nn.LSTM(6, 5, num_layers=2, bidirectional=True, batch_first=True, dropout=0.25)
        self.gru = nn.GRU(10, 3, bias=False)
        self.rnn = nn.RNN(3, 4, nonlinearity="relu")
        self.conv = nn.Conv1d(4, 8, kernel_size=3, stride=2, padding=1, dilation=1, groups=2, bias=False)
        self.conv2 = nn.Conv2d(1, 2, (3, 5), stride=(1, 2), padding=(1, 2), dilation=(1, 1))
        self.bn = nn.BatchNorm1d(8, eps=1e-3, momentum=None)
        self.ln = nn.LayerNorm((4, 2), eps=1e-6)
        self.gn = nn.GroupNorm(2, 8)
        self.drop = nn.Dropout(0.3)
        self.leaky = nn.LeakyReLU(0.2, inplace=True)
        self.gelu = nn.GELU(approximate="tanh")
        self.elu = nn.ELU(alpha=0.5)
        self.softmax = nn.Softmax(dim=-1)
        self.prelu = nn.PReLU(num_parameters=8, init=0.1)
        self.fc = nn.Linear(8, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:  # never run: attributes need no forward
        raise NotImplementedError


def test_layer_attributes_are_the_modules_configuration() -> None:
    zoo = _Zoo()
    layers = _layers(describe_model(zoo))
    expected_names = {
        "emb": [
            "num_embeddings",
            "embedding_dim",
            "padding_idx",
            "max_norm",
            "norm_type",
            "scale_grad_by_freq",
            "sparse",
        ],
        "lstm": [
            "input_size",
            "hidden_size",
            "num_layers",
            "bias",
            "batch_first",
            "dropout",
            "bidirectional",
            "proj_size",
        ],
        "rnn": [
            "nonlinearity",
            "input_size",
            "hidden_size",
            "num_layers",
            "bias",
            "batch_first",
            "dropout",
            "bidirectional",
            "proj_size",
        ],
        "conv": [
            "in_channels",
            "out_channels",
            "kernel_size",
            "stride",
            "padding",
            "dilation",
            "output_padding",
            "groups",
            "padding_mode",
            "bias",
        ],
        "bn": ["num_features", "eps", "momentum", "affine", "track_running_stats", "bias"],
        "ln": ["normalized_shape", "eps", "elementwise_affine", "bias"],
        "gn": ["num_groups", "num_channels", "eps", "affine", "bias"],
        "drop": ["p", "inplace"],
        "leaky": ["negative_slope", "inplace"],
        "gelu": ["approximate"],
        "elu": ["alpha", "inplace"],
        "softmax": ["dim"],
        "prelu": ["num_parameters", "init"],
        "fc": ["in_features", "out_features", "bias"],
    }
    for name, names in expected_names.items():
        module = getattr(zoo, name)
        attributes = layers[name].attributes
        assert list(attributes) == names, name  # in the order the module set them
        for key, value in attributes.items():
            if key == "bias" and not isinstance(module.bias, bool):
                assert value is (module.bias is not None), name
            else:
                assert value == _as_json(getattr(module, key)), (name, key)
    # spot checks, as a user reads the table
    assert layers["fc"].attributes == {"in_features": 8, "out_features": 2, "bias": True}
    assert layers["conv"].attributes["kernel_size"] == [3] and layers["conv"].attributes["bias"] is False
    assert layers["conv2"].attributes["kernel_size"] == [3, 5] and layers["conv2"].attributes["stride"] == [1, 2]
    assert layers["lstm"].attributes["bidirectional"] is True and layers["lstm"].attributes["hidden_size"] == 5
    assert layers["gru"].attributes["bias"] is False and layers["gru"].attributes["input_size"] == 10
    assert layers["bn"].attributes["momentum"] is None and layers["bn"].attributes["eps"] == 1e-3
    assert layers["ln"].attributes["normalized_shape"] == [4, 2]
    assert layers["emb"].attributes["padding_idx"] == 0 and layers["emb"].attributes["max_norm"] == 2.0


def test_activation_layers_name_their_activation() -> None:
    layers = _layers(describe_model(_Zoo()))
    assert {n: layers[n].activation for n in ("leaky", "gelu", "elu", "softmax", "prelu")} == {
        "leaky": "leakyrelu",
        "gelu": "gelu",
        "elu": "elu",
        "softmax": "softmax",
        "prelu": "prelu",
    }
    assert layers["fc"].activation is None and layers["drop"].activation is None


def test_attributes_of_an_unseen_module_type_and_values_that_are_not_json() -> None:
    class MyProjection(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.in_features = 4
            self.out_features = 3
            self.kernel_size = (2, 2)
            self.eps = float("inf")
            self.dim = torch.tensor(1)  # a tensor: not configuration JSON can hold
            self.stride = lambda x: x  # a callable
            self.padding = list(range(100))  # too long to be configuration
            self.normalized_shape = (1, (2, 3))  # nested: left out
            self.notes = "not a configuration name"
            self.weight = nn.Parameter(torch.ones(3, 4))
            self.register_parameter("bias", None)

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            return x @ self.weight.T

    layers = _layers(describe_model(nn.Sequential(MyProjection())))
    assert layers["0"].attributes == {
        "in_features": 4,
        "out_features": 3,
        "kernel_size": [2, 2],
        "eps": "Infinity",
        "bias": False,
    }


def test_attention_owning_parameters_gets_its_configuration() -> None:
    layers = _layers(describe_model(nn.Sequential(nn.MultiheadAttention(8, 2, dropout=0.1, batch_first=True))))
    attributes = layers["0"].attributes
    assert {k: attributes[k] for k in ("embed_dim", "num_heads", "dropout", "batch_first")} == {
        "embed_dim": 8,
        "num_heads": 2,
        "dropout": 0.1,
        "batch_first": True,
    }
    assert layers["0.out_proj"].attributes == {"in_features": 8, "out_features": 8, "bias": True}
