"""The units of a layer's activations, and how many of them were never active (dead).

A layer's *units* are the features of a ``(batch, ..., features)`` output (linear layers,
embeddings, recurrent and attention layers, layer norms) or the channels of a ``(batch,
channels, ...)`` one (convolutions, pooling, batch/instance/group norms). A module that keeps the
shape of what it is given (a ReLU, a dropout) has the layout of the module whose output it
follows in the forward pass: its output shape is matched against the outputs seen so far in that
pass. Without a match, outputs of four or more axes are channels-first (images and volumes, as
torch lays them out) and others features-last.

A unit is *dead* in a batch when it is exactly 0 for every example (and every position): what a
ReLU-family activation produces for a unit that it switched off. NaN counts as active.

This module imports torch; fitscope's core must not import it at import time.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import torch
from torch import nn

__all__ = ["UnitLayout", "dead_units"]

_CHANNELS_FIRST: tuple[type, ...] = (
    nn.modules.conv._ConvNd,
    nn.modules.batchnorm._BatchNorm,
    nn.modules.instancenorm._InstanceNorm,
    nn.modules.pooling._MaxPoolNd,
    nn.modules.pooling._AvgPoolNd,
    nn.modules.pooling._AdaptiveAvgPoolNd,
    nn.modules.pooling._AdaptiveMaxPoolNd,
    nn.modules.pooling._LPPoolNd,
    nn.GroupNorm,
    nn.LocalResponseNorm,
    nn.Upsample,
    nn.PixelShuffle,
    nn.PixelUnshuffle,
)
_FEATURES_LAST: tuple[type, ...] = (
    nn.Linear,
    nn.Bilinear,
    nn.Embedding,
    nn.EmbeddingBag,
    nn.RNNBase,
    nn.MultiheadAttention,
    nn.TransformerEncoderLayer,
    nn.TransformerDecoderLayer,
    nn.TransformerEncoder,
    nn.TransformerDecoder,
    nn.Transformer,
    nn.LayerNorm,
    *((nn.RMSNorm,) if hasattr(nn, "RMSNorm") else ()),
)


class UnitLayout:
    """Decides the unit axis of each output of one forward pass, in the order the modules run.

    Call :meth:`reset` before a forward pass, then :meth:`axis` for each hooked module's output.
    """

    def __init__(self) -> None:
        self._seen: dict[tuple[int, ...], int] = {}

    def reset(self) -> None:
        """Forgets the outputs of the previous forward pass."""
        self._seen.clear()

    def axis(self, module: nn.Module, output: torch.Tensor) -> int | None:
        """The unit axis of ``module``'s ``output``, or None when it has no units (fewer than 2 axes)."""
        ndim = output.dim()
        if ndim < 2:
            return None
        shape = tuple(output.shape)
        if ndim == 2 or isinstance(module, _CHANNELS_FIRST):
            axis = 1
        elif isinstance(module, _FEATURES_LAST):
            axis = ndim - 1
        else:
            found = self._seen.get(shape)
            return found if found is not None else (1 if ndim >= 4 else ndim - 1)
        self._seen[shape] = axis
        return axis


def dead_units(outputs: Sequence[tuple[torch.Tensor, int]]) -> list[tuple[int, int]]:
    """``(units, dead units)`` of each ``(output, unit axis)``, reading each device's results back once.

    A unit is dead when its largest and smallest values are both 0 (NaN propagates through both:
    it counts as active). Each output is seen as ``(outer, units, inner)`` and reduced along its
    contiguous inner axis first, then along the outer one: two row-wise reductions, no strided
    gather.
    """
    by_device: dict[torch.device, list[int]] = {}
    for i, (t, _) in enumerate(outputs):
        by_device.setdefault(t.device, []).append(i)
    out: list[tuple[int, int]] = [(0, 0)] * len(outputs)
    with torch.no_grad():
        pending = []
        for positions in by_device.values():
            counts = []
            for i in positions:
                t, axis = outputs[i]
                shape = t.shape
                v = t.reshape(math.prod(shape[:axis]), shape[axis], math.prod(shape[axis + 1 :]))
                hi, lo = (v.amax(2), v.amin(2)) if v.shape[2] > 1 else (v[:, :, 0], v[:, :, 0])
                counts.append(((hi.amax(0) == 0) & (lo.amin(0) == 0)).sum())
            pending.append((positions, torch.stack(counts)))
        for positions, dead in pending:
            for i, d in zip(positions, dead.tolist(), strict=True):
                t, axis = outputs[i]
                out[i] = (t.shape[axis], int(d))
    return out
