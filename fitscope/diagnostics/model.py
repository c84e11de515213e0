"""What the rules need to know about the model, read once from its :class:`~fitscope.records.StaticInfo`.

* The output layer (the last layer with parameters) and its bias: logits are not activations
  to normalise, and a large output bias has its own rule.
* The layers whose outputs the activation rules judge. As on the guide's charts, where a layer
  includes its activation function, a layer feeding a ReLU-like activation (directly or through
  an Identity or Dropout) is judged by that activation's outputs, not by its own; for
  exploding activations, by the larger of that and 0.584 times its own stdev (what a ReLU
  passes of a centred Gaussian): when most ReLU units are dead, the few live ones say little
  of a pre-activation in the hundreds. Not judged:
  the output layer and anything fed by it (a softmax after the logits), and layers whose
  outputs are bounded by construction (sigmoid, tanh, softmax, recurrent layers' hidden
  states), whose stdev says little about the 0.5 to 2.0 range: the layer feeding them (their
  pre-activation) is judged instead.
* The weights (parameters of 2+ dimensions, as on the ratio charts) and the embedding tables
  (sparse updates: a batch touches a few rows, so their mean update is small by nature).

Without static info, names decide: a parameter whose last part contains ``bias`` is a bias, the
layer of the last parameter is the output layer, and every activation but the output's is judged.
"""

from __future__ import annotations

from fitscope.records import LayerInfo, StaticInfo

__all__ = ["BOUNDED_LAYERS", "EMBEDDING_LAYERS", "TRANSPARENT_LAYERS", "ModelFacts", "layer_of"]

#: Layer types whose outputs are bounded (or normalised) by construction.
BOUNDED_LAYERS = frozenset(
    {
        "Sigmoid",
        "Tanh",
        "Softmax",
        "Softmax2d",
        "LogSoftmax",
        "Softmin",
        "Hardtanh",
        "Hardsigmoid",
        "Softsign",
        "Tanhshrink",
        "ReLU6",
        "RNN",
        "LSTM",
        "GRU",
        "RNNCell",
        "LSTMCell",
        "GRUCell",
    }
)
#: Layer types that pass their input on (in training mode, up to a scale).
TRANSPARENT_LAYERS = frozenset({"Identity", "Dropout", "Dropout1d", "Dropout2d", "Dropout3d", "AlphaDropout"})
#: Layer types whose weight updates are sparse.
EMBEDDING_LAYERS = frozenset({"Embedding", "EmbeddingBag"})


def layer_of(name: str) -> str:
    """The module a parameter belongs to (``"0.weight"`` -> ``"0"``)."""
    return name.rsplit(".", 1)[0] if "." in name else name


class ModelFacts:
    """The model's output layer, its judged activations, weights and embeddings."""

    def __init__(self, info: StaticInfo | None = None) -> None:
        self.output_layer: str | None = None
        self.output_bias: str | None = None
        self._weights: frozenset[str] | None = None
        self._unjudged: frozenset[str] = frozenset()
        #: activation layer -> the layer feeding it (its pre-activation)
        self.pre_activation: dict[str, str] = {}
        self.embeddings: frozenset[str] = frozenset()
        if info is not None and info.model is not None:
            self._learn(info)

    def _learn(self, info: StaticInfo) -> None:
        model = info.model
        assert model is not None
        shapes = model.param_shapes
        if shapes:
            self._weights = frozenset(name for name, shape in shapes.items() if len(shape) >= 2)
        with_params = [layer for layer in model.layers if layer.params]
        if with_params:
            last = with_params[-1]
            self.output_layer = last.name
            biases = [p for p in last.params if _is_bias_name(p)]
            self.output_bias = biases[-1] if biases else None
        elif model.param_names:
            self.output_layer = layer_of(model.param_names[-1])
            self.output_bias = next(
                (p for p in reversed(model.param_names) if _is_bias_name(p) and layer_of(p) == self.output_layer),
                None,
            )
        self.embeddings = frozenset(p for layer in model.layers if layer.type in EMBEDDING_LAYERS for p in layer.params)
        if model.layers:
            after = _fed_by(model.layers, self.output_layer)
            self.pre_activation = _pre_activation_of(model.layers)
            pre = _pre_activations(model.layers)
            self._unjudged = frozenset(
                layer.name
                for layer in model.layers
                if layer.type in BOUNDED_LAYERS or layer.name in after or layer.name in pre
            )

    def is_weight(self, name: str) -> bool:
        """True for a weight (2+ dimensions); biases and normalisation scales are not."""
        if self._weights is not None:
            return name in self._weights
        return not _is_bias_name(name)

    def judges_activation(self, name: str) -> bool:
        """True when the activation rules judge the outputs of layer ``name``."""
        return name != self.output_layer and name not in self._unjudged


def _is_bias_name(name: str) -> bool:
    return "bias" in name.rsplit(".", 1)[-1]


def _is_activation(layer: LayerInfo) -> bool:
    """True for an activation function's own module (``nn.ReLU``...), bounded ones excepted."""
    return layer.activation is not None and layer.activation == layer.type.lower() and layer.type not in BOUNDED_LAYERS


def _pre_activations(layers: tuple[LayerInfo, ...]) -> set[str]:
    """Layers whose every consumer is a ReLU-like activation, or an Identity/Dropout that only feeds one."""
    consumers: dict[str, list[LayerInfo]] = {}
    for layer in layers:
        for source in layer.inputs:
            consumers.setdefault(source, []).append(layer)

    def feeds_activation(name: str, depth: int = 0) -> bool:
        users = consumers.get(name, [])
        return (
            bool(users)
            and depth < 4
            and all(
                _is_activation(u) or (u.type in TRANSPARENT_LAYERS and feeds_activation(u.name, depth + 1))
                for u in users
            )
        )

    return {layer.name for layer in layers if not _is_activation(layer) and feeds_activation(layer.name)}


def _pre_activation_of(layers: tuple[LayerInfo, ...]) -> dict[str, str]:
    """For each ReLU-like activation layer fed by one layer (through Identity/Dropout): that layer."""
    by_name = {layer.name: layer for layer in layers}
    out: dict[str, str] = {}
    for layer in layers:
        if not _is_activation(layer):
            continue
        source = layer
        for _ in range(4):
            if len(source.inputs) != 1 or source.inputs[0] not in by_name:
                break
            source = by_name[source.inputs[0]]
            if source.type not in TRANSPARENT_LAYERS:
                out[layer.name] = source.name
                break
    return out


def _fed_by(layers: tuple[LayerInfo, ...], output: str | None) -> set[str]:
    """The output layer and every layer downstream of it (by ``inputs``; by order when there are none)."""
    if output is None:
        return set()
    names = [layer.name for layer in layers]
    if not any(layer.inputs for layer in layers):
        return set(names[names.index(output) :]) if output in names else {output}
    out = {output}
    grew = True
    while grew:  # a handful of layers after the output: a few passes
        grew = False
        for layer in layers:
            if layer.name not in out and any(i in out for i in layer.inputs):
                out.add(layer.name)
                grew = True
    return out
