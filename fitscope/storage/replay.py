"""Replaying a stored run into a sink: how ``fitscope export`` backfills other tools.

Records go out per (session, worker) in the order a listener would have sent them: the
StaticInfo first, then reports, user metrics and epoch ends merged by iteration (at one
iteration: the report, then metrics logged there, then the epoch end), so an exporter sees
the same sequence live and after the fact.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from fitscope.records import EpochRecord, MetricsRecord, Record, StatsReport
from fitscope.storage.base import StatsSink, StatsStorage

__all__ = ["ReplayCounts", "count_records", "iter_records", "replay"]

_ORDER = {StatsReport: 0, MetricsRecord: 1, EpochRecord: 2}


@dataclass(frozen=True, slots=True)
class ReplayCounts:
    """How many records of each kind a replay sent."""

    static_info: int = 0
    reports: int = 0
    metrics: int = 0
    epochs: int = 0

    @property
    def total(self) -> int:
        """All records."""
        return self.static_info + self.reports + self.metrics + self.epochs


def _key(record: Any) -> tuple[int, int]:  # Any: heapq.merge's stub types its items as object
    return record.iteration, _ORDER[type(record)]


def iter_records(storage: StatsStorage, session_id: str, worker_id: str) -> Iterator[Record]:
    """Yields one worker's records in the order a listener sends them."""
    static = storage.get_static_info(session_id, worker_id)
    if static is not None:
        yield static
    merged: Iterator[StatsReport | MetricsRecord | EpochRecord] = heapq.merge(
        storage.iter_updates(session_id, worker_id),
        storage.read_metrics(session_id, worker_id),
        storage.read_epochs(session_id, worker_id),
        key=_key,
    )
    yield from merged


def count_records(storage: StatsStorage, sessions: list[str] | None = None) -> int:
    """Counts the records :func:`replay` would send (for a progress bar's total)."""
    total = 0
    for sid in sessions if sessions is not None else storage.list_sessions():
        for wid in storage.list_workers(sid):
            total += int(storage.get_static_info(sid, wid) is not None) + storage.count_updates(sid, wid)
            total += len(storage.read_metrics(sid, wid)) + len(storage.read_epochs(sid, wid))
    return total


def replay(
    storage: StatsStorage, sink: StatsSink, *, sessions: list[str] | None = None, progress: object = None
) -> ReplayCounts:
    """Sends every record of ``storage`` (or of some sessions) to ``sink``, then closes nothing.

    Args:
        storage: Where the run is stored.
        sink: Where to send it (an exporter, another storage).
        sessions: Session ids to replay; all by default.
        progress: An object with ``update(n)`` (a tqdm bar), advanced once per record.

    Returns:
        The counts of records sent.
    """
    counts = {"static": 0, "reports": 0, "metrics": 0, "epochs": 0}
    update = getattr(progress, "update", None)
    for sid in sessions if sessions is not None else storage.list_sessions():
        for wid in storage.list_workers(sid):
            for record in iter_records(storage, sid, wid):
                if isinstance(record, StatsReport):
                    sink.put_update(record)
                    counts["reports"] += 1
                elif isinstance(record, MetricsRecord):
                    sink.put_metrics(record)
                    counts["metrics"] += 1
                elif isinstance(record, EpochRecord):
                    sink.put_epoch(record)
                    counts["epochs"] += 1
                else:
                    sink.put_static_info(record)
                    counts["static"] += 1
                if update is not None:
                    update(1)
    return ReplayCounts(counts["static"], counts["reports"], counts["metrics"], counts["epochs"])
