"""ONNX graphs in the layer view: read a model's computation graph, group it into its modules,
and tie each group to the statistics fitscope collected for that layer.

Needs the ``onnx`` extra (``onnx``; ``onnxscript`` for torch's dynamo exporter)::

    from fitscope.onnx_graph import read_onnx

    graph = read_onnx("model.onnx")               # structure, shapes, attributes; no weights
    listener.attach(model, optimizer, graph=graph)  # or graph="model.onnx", or export_onnx=True

See docs/onnx.md.
"""

from __future__ import annotations

from fitscope.onnx_graph.export import Exporter, export_model
from fitscope.onnx_graph.reading import DEFAULT_MAX_BYTES, DEFAULT_MAX_NODES, OnnxGraph, read_onnx
from fitscope.onnx_graph.view import onnx_summary, onnx_view

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_NODES",
    "Exporter",
    "OnnxGraph",
    "export_model",
    "onnx_summary",
    "onnx_view",
    "read_onnx",
]
