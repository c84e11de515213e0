"""Export a PyTorch model to ONNX for the layer view (``attach(..., export_onnx=True)``).

:func:`export_model` runs :func:`torch.onnx.export` on an example batch and returns the graph
(:func:`~fitscope.onnx_graph.read_onnx`), never writing a file and never keeping weights. The
dynamo exporter comes first (it needs ``onnxscript``) with ``optimize=False``, so BatchNorm is
not folded into the convolution before it and every parameter keeps its name; when it cannot
trace the model, the TorchScript exporter with ``do_constant_folding=False``. The model is
exported in eval mode (no dropout, no running-statistics update) and put back as it was; the
TorchScript exporter tries training mode too, as it cannot export eval-mode fast paths
(``nn.TransformerEncoderLayer``'s).
"""

from __future__ import annotations

import contextlib
import io
import logging
import warnings
from collections.abc import Iterator, Mapping
from typing import Any, Literal

from fitscope.errors import GraphError, MissingDependencyError
from fitscope.onnx_graph.reading import OnnxGraph, read_onnx

__all__ = ["Exporter", "export_model"]

Exporter = Literal["auto", "dynamo", "torchscript"]


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """The exporters' progress lines, warnings and log records, kept off the user's console."""
    loggers = [logging.getLogger(n) for n in ("torch.onnx", "torch.export", "torch._dynamo", "onnxscript")]
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
            warnings.simplefilter("ignore")
            yield
    finally:
        for lg, level in zip(loggers, levels, strict=True):
            lg.setLevel(level)


@contextlib.contextmanager
def _preserved(model: Any) -> Iterator[None]:
    """The model's buffers (BatchNorm's running statistics) and the random generators as they were."""
    import torch

    buffers = [(b, b.detach().clone()) for b in model.buffers()]
    devices = sorted({p.device.index or 0 for p in model.parameters() if p.device.type == "cuda"})
    with torch.random.fork_rng(devices=devices):
        try:
            yield
        finally:
            with torch.no_grad():
                for live, saved in buffers:
                    live.copy_(saved)


def _as_args(example_input: Any) -> tuple[Any, ...]:
    return tuple(example_input) if isinstance(example_input, (tuple, list)) else (example_input,)


def export_model(
    model: Any,
    example_input: Any,
    *,
    kwargs: Mapping[str, Any] | None = None,
    exporter: Exporter = "auto",
) -> OnnxGraph:
    """Exports ``model`` called on ``example_input`` and reads the result.

    Args:
        model: A ``torch.nn.Module``.
        example_input: A batch: a tensor, or a tuple of the forward's positional arguments.
        kwargs: The forward's keyword arguments, if any.
        exporter: ``"dynamo"``, ``"torchscript"`` or ``"auto"`` (dynamo, then TorchScript).

    Raises:
        GraphError: No exporter could export the model (the message gives each one's reason).
        MissingDependencyError: ``onnx`` (or, for ``"dynamo"``, ``onnxscript``) is not installed.
    """
    import torch

    try:
        import onnx  # noqa: F401
    except ImportError as exc:
        raise MissingDependencyError("Exporting the model to ONNX", "onnx", "onnx") from exc
    scripted = ["torchscript", "torchscript_training"]
    order: list[str] = {"auto": ["dynamo", *scripted], "dynamo": ["dynamo"], "torchscript": scripted}[exporter]
    try:
        import onnxscript  # noqa: F401
    except ImportError as exc:
        if exporter == "dynamo":
            raise MissingDependencyError("torch.onnx's dynamo exporter", "onnx", "onnxscript") from exc
        order = scripted
    args = _as_args(example_input)
    errors: list[str] = []
    was_training = model.training
    try:
        for kind in order:
            try:
                model.train(kind == "torchscript_training")
                with _quiet(), _preserved(model), torch.no_grad():
                    if kind == "dynamo":
                        program = torch.onnx.export(
                            model, args, kwargs=dict(kwargs or {}), dynamo=True, optimize=False, verbose=False
                        )
                        if program is None:
                            raise GraphError("torch.onnx.export returned no program.")
                        proto = program.model_proto
                        return read_onnx(proto, name="torch.onnx.export (dynamo)")
                    buffer = io.BytesIO()
                    torch.onnx.export(
                        model,
                        args,
                        buffer,  # type: ignore[arg-type]  # the TorchScript exporter writes to file objects
                        kwargs=dict(kwargs or {}),
                        dynamo=False,
                        do_constant_folding=False,
                        training=torch.onnx.TrainingMode.PRESERVE,
                    )
                    return read_onnx(buffer.getvalue(), name="torch.onnx.export (torchscript)")
            except (GraphError, MissingDependencyError):
                raise
            except Exception as exc:
                first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
                errors.append(f"{kind}: {type(exc).__name__}: {first[:300]}")
    finally:
        model.train(was_training)
    raise GraphError("torch.onnx.export could not export the model (" + "; ".join(errors) + ").")
