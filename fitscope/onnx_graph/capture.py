"""The graph a listener stores with its session: given at attach, or exported from the first batch.

:class:`GraphSource` is what :meth:`fitscope.StatsListener.attach` builds from its ``graph`` and
``export_onnx`` arguments. A given graph is read at once (a bad file fails the attach, before
anything is hooked). ``export_onnx=True`` exports at attach when an ``example_input`` is given;
else a forward pre-hook keeps the first batch's arguments (references, no copy) and the export
runs when the first iteration ends, before the session's StaticInfo is written. An export that
fails is logged and the session keeps fitscope's own layer graph: training never stops for it.
"""

from __future__ import annotations

import logging
import os
import time
from typing import Any

from fitscope.errors import FitscopeError, MissingDependencyError
from fitscope.onnx_graph.reading import OnnxGraph, read_onnx

__all__ = ["GraphSource"]

logger = logging.getLogger("fitscope")


class GraphSource:
    """Where a session's ONNX graph comes from (see the module docs)."""

    def __init__(self, model: Any, graph: str | os.PathLike[str] | bytes | OnnxGraph | None, export: bool) -> None:
        self._model = model
        self._graph: OnnxGraph | None = None
        self._handle: Any = None
        self._captured: tuple[tuple[Any, ...], dict[str, Any]] | None = None
        self.export_seconds = 0.0  # what the export took (0 when none ran)
        self._tried = False  # the export ran, or was given up
        self._export = export
        if graph is not None:
            self._graph = graph if isinstance(graph, OnnxGraph) else read_onnx(graph)

    def start(self, example_input: Any) -> None:
        """Exports now from ``example_input``, or waits for the first forward pass."""
        if not self._export:
            return
        try:
            import onnx  # noqa: F401
        except ImportError as exc:
            raise MissingDependencyError("attach(export_onnx=True)", "onnx", "onnx") from exc
        if example_input is not None:
            self._run(example_input, {})
            return
        self._handle = self._model.register_forward_pre_hook(self._capture, with_kwargs=True)

    def _capture(self, module: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        if self._captured is None:
            self._captured = (args, dict(kwargs))
        self._remove_hook()

    def _remove_hook(self) -> None:
        if self._handle is not None:
            self._handle.remove()
            self._handle = None

    @property
    def waiting(self) -> bool:
        """Whether an export still waits for the first batch (StaticInfo waits with it)."""
        return self._export and not self._tried

    def finish(self) -> None:
        """Runs the waiting export with the first batch's arguments, if one was seen."""
        self._remove_hook()
        if not self.waiting:
            return
        captured, self._captured = self._captured, None
        if captured is None:
            logger.warning(
                "fitscope: export_onnx=True saw no forward pass of the model before the first iteration ended; "
                "the session has no ONNX graph (pass example_input= to attach to export at once)."
            )
            self._tried = True
            return
        self._run(captured[0], captured[1])

    def _run(self, args: Any, kwargs: dict[str, Any]) -> None:
        from fitscope.onnx_graph.export import export_model

        t0 = time.perf_counter()
        try:
            self._graph = export_model(self._model, args, kwargs=kwargs)
        except FitscopeError as exc:
            logger.warning(
                "fitscope: the model could not be exported to ONNX; the layer view keeps fitscope's layer graph. %s",
                exc,
            )
        finally:
            self._tried = True
            self.export_seconds = time.perf_counter() - t0

    def json(self) -> dict[str, Any] | None:
        """The graph's stored form, once there is one."""
        return None if self._graph is None else self._graph.to_json()

    def close(self) -> None:
        """Removes the hook and drops the kept batch."""
        self._remove_hook()
        self._captured = None
