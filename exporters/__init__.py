"""Write-only sinks that send fitscope's statistics elsewhere (``import fitscope.exporters``).

:class:`TensorBoardExporter` and :class:`MLflowExporter` write to those tools;
:class:`RemoteStatsRouter` posts to a fitscope hub (``fitscope serve --remote``). Each implements
:class:`fitscope.storage.base.StatsSink` and imports its third-party library lazily, raising
:class:`fitscope.errors.MissingDependencyError` with the exact ``pip install`` to run.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Name -> module; each module imports its third-party library only when an exporter is built.
_EXPORTS = {
    "MLflowExporter": "fitscope.exporters.mlflow",
    "RemoteStatsRouter": "fitscope.exporters.remote",
    "RouterStatus": "fitscope.exporters.remote",
    "TensorBoardExporter": "fitscope.exporters.tensorboard",
}

__all__ = ["MLflowExporter", "RemoteStatsRouter", "RouterStatus", "TensorBoardExporter"]

if TYPE_CHECKING:
    from fitscope.exporters.mlflow import MLflowExporter
    from fitscope.exporters.remote import RemoteStatsRouter, RouterStatus
    from fitscope.exporters.tensorboard import TensorBoardExporter


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'fitscope.exporters' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
