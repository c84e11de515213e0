"""fitscope: see inside neural-network training.

The training side needs only this package (plus torch): ``StatsListener`` collects, a
storage keeps. Names are imported on first use, so ``import fitscope`` stays light and never
imports torch or a web framework::

    from fitscope import FileStatsStorage, StatsListener

    listener = StatsListener(FileStatsStorage("runs/demo.fitscope"), frequency=10)
    listener.attach(model, optimizer)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "EpochRecord": "fitscope.records",
    "FileStatsStorage": "fitscope.storage.sqlite",
    "FitscopeError": "fitscope.errors",
    "InMemoryStatsStorage": "fitscope.storage.memory",
    "KindConfig": "fitscope.config",
    "MetricsRecord": "fitscope.records",
    "StaticInfo": "fitscope.records",
    "StatsConfig": "fitscope.config",
    "StatsListener": "fitscope.listener",
    "StatsReport": "fitscope.records",
    "StatsSink": "fitscope.storage.base",
    "StatsStorage": "fitscope.storage.base",
    "Summary": "fitscope.records",
}

__all__ = [
    "EpochRecord",
    "FileStatsStorage",
    "FitscopeError",
    "InMemoryStatsStorage",
    "KindConfig",
    "MetricsRecord",
    "StaticInfo",
    "StatsConfig",
    "StatsListener",
    "StatsReport",
    "StatsSink",
    "StatsStorage",
    "Summary",
]

if TYPE_CHECKING:
    from fitscope.config import KindConfig, StatsConfig
    from fitscope.errors import FitscopeError
    from fitscope.listener import StatsListener
    from fitscope.records import EpochRecord, MetricsRecord, StaticInfo, StatsReport, Summary
    from fitscope.storage.base import StatsSink, StatsStorage
    from fitscope.storage.memory import InMemoryStatsStorage
    from fitscope.storage.sqlite import FileStatsStorage


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'fitscope' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
