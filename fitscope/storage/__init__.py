"""Where training statistics go: the storage protocols and fitscope's two storages.

* :class:`InMemoryStatsStorage`: bounded, in-process; for notebooks and quick runs.
* :class:`FileStatsStorage`: one SQLite file, the embedded default; other processes (the UI
  server, ``fitscope`` commands) read it live.
"""

from __future__ import annotations

from fitscope.storage.base import (
    EventKind,
    Series,
    SeriesKey,
    SessionInfo,
    StatsSink,
    StatsStorage,
    StorageEvent,
    Subscription,
    parse_series_key,
)
from fitscope.storage.memory import InMemoryStatsStorage
from fitscope.storage.sqlite import FileStatsStorage

__all__ = [
    "EventKind",
    "FileStatsStorage",
    "InMemoryStatsStorage",
    "Series",
    "SeriesKey",
    "SessionInfo",
    "StatsSink",
    "StatsStorage",
    "StorageEvent",
    "Subscription",
    "parse_series_key",
]
