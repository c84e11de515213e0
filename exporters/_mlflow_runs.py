"""What :class:`~fitscope.exporters.mlflow.MLflowExporter` holds for one (session, worker).

A :class:`RunState` keeps the MLflow run's identity, the params and tags still to send, the
metric points not yet accepted by the tracking store (front to back, so nothing is reordered or
sent twice), and the histogram lines waiting for the next artifact upload.
"""

from __future__ import annotations

import os
import re
from collections import deque
from dataclasses import dataclass, field
from typing import Final

from fitscope.exporters._mlflow_metrics import Point, ReportConverter

__all__ = ["RunState", "file_name"]

_UNSAFE_FILE: Final = re.compile(r"[^A-Za-z0-9._-]")
_HISTOGRAM_BUFFER: Final = 1 << 20  # characters of histogram lines held before they go to the file


def file_name(worker_id: str) -> str:
    """Returns a worker id as a file name: ``[A-Za-z0-9._-]`` kept, anything else ``_``, no leading dot."""
    name = _UNSAFE_FILE.sub("_", worker_id)[:200]
    return "_" + name[1:] if name.startswith(".") else name or "_"


@dataclass
class _Unit:
    """The points of one record; the first ``sent`` of them were accepted by the store."""

    points: list[Point]
    droppable: bool
    sent: int = 0
    lost: bool = False


@dataclass
class RunState:
    """One worker's MLflow run and everything still to send to it.

    Attributes:
        worker_id: The worker.
        base_name: Session name (or id) the run name starts with.
        several: Whether the session has several workers (the run name then ends with the worker).
        converter: Turns the worker's reports into metric points.
        folder: Local folder for the worker's artifact files.
        run_id: The MLflow run, once known.
        experiment_id: Its experiment, once known.
        artifact_uri: Its artifact root, once known.
        owned: Whether the exporter created the run (and so ends it at close).
        broken: Whether the store refused the run for good (its points are then counted as lost).
        rename: Whether the run's name must be updated (a second worker appeared).
        tags: Tags still to send.
        params: Params still to send.
        static_json: ``fitscope/static_info.json`` content still to upload.
        histogram_file: Local JSONL file of every histogram line so far.
        histogram_dirty: Whether that file changed since its last upload.
        lost: Metric points that will never be sent.
        records_lost: Records (reports, metrics records, epoch ends) some of whose points will
            never be sent.
        has_static: Whether the worker's StaticInfo reached the exporter.
        start_ms: Earliest timestamp of the worker's records (its StaticInfo's when it came
            first): the start time of a run the exporter creates.
        end_ms: Latest timestamp of the worker's records: the end time of a created run.
    """

    worker_id: str
    base_name: str
    several: bool
    converter: ReportConverter
    folder: str
    run_id: str | None = None
    experiment_id: str | None = None
    artifact_uri: str | None = None
    owned: bool = False
    broken: bool = False
    rename: bool = False
    tags: dict[str, str] = field(default_factory=dict)
    params: dict[str, str] = field(default_factory=dict)
    static_json: str | None = None
    histogram_file: str | None = None
    histogram_dirty: bool = False
    lost: int = 0
    records_lost: int = 0
    has_static: bool = False
    start_ms: int | None = None
    end_ms: int | None = None
    _pending: deque[_Unit] = field(default_factory=deque)
    _droppable: int = 0
    _lines: list[str] = field(default_factory=list)
    _chars: int = 0

    @property
    def name(self) -> str:
        """The run name: the session's, plus ``(<worker>)`` when the session has several workers."""
        return f"{self.base_name} ({self.worker_id})" if self.several else self.base_name

    def saw(self, timestamp_ms: int) -> None:
        """Widens the run's time span (:attr:`start_ms`, :attr:`end_ms`) to a record's timestamp."""
        self.start_ms = timestamp_ms if self.start_ms is None else min(self.start_ms, timestamp_ms)
        self.end_ms = timestamp_ms if self.end_ms is None else max(self.end_ms, timestamp_ms)

    def static_undelivered(self) -> bool:
        """Whether the StaticInfo came but its run, params, tags or ``static_info.json`` did not reach the store."""
        if not self.has_static:
            return False
        return self.run_id is None or self.broken or bool(self.params or self.tags) or self.static_json is not None

    def unsent(self) -> int:
        """Number of points waiting."""
        return sum(len(u.points) - u.sent for u in self._pending)

    def enqueue(self, points: list[Point], *, droppable: bool, max_droppable: int) -> bool:
        """Appends one record's points; past ``max_droppable`` droppable records, drops the oldest one.

        Returns:
            True when a record was dropped (its unsent points are added to :attr:`lost`).
        """
        if self.broken:
            self.lost += len(points)
            self.records_lost += 1
            return False
        self._pending.append(_Unit(points, droppable))
        self._droppable += droppable
        if self._droppable <= max_droppable:
            return False
        oldest = next(u for u in self._pending if u.droppable)
        self._pending.remove(oldest)
        self._droppable -= 1
        self.lost += len(oldest.points) - oldest.sent
        self.records_lost += 1
        return True

    def front(self, limit: int) -> list[Point]:
        """Returns up to ``limit`` waiting points, oldest first (without removing them)."""
        batch: list[Point] = []
        for unit in self._pending:
            room = limit - len(batch)
            if room <= 0:
                break
            batch.extend(unit.points[unit.sent : unit.sent + room])
        return batch

    def consume(self, n: int, *, refused: bool = False) -> None:
        """Removes the ``n`` oldest waiting points: sent, or (``refused``) refused for good."""
        while self._pending and (n or not self._pending[0].points):
            unit = self._pending[0]
            k = min(n, len(unit.points) - unit.sent)
            unit.sent += k
            unit.lost = unit.lost or (refused and k > 0)
            n -= k
            if unit.sent == len(unit.points):
                self._pending.popleft()
                self._droppable -= unit.droppable
                self.records_lost += unit.lost

    def drop_all(self) -> int:
        """Counts every waiting point as lost and forgets it; returns how many there were."""
        n = self.unsent()
        self.lost += n
        self.records_lost += len(self._pending)
        self._pending.clear()
        self._droppable = 0
        return n

    def add_histogram_lines(self, lines: list[str]) -> None:
        """Keeps histogram lines; past about 1 MB they are appended to the local file."""
        self._lines.extend(lines)
        self._chars += sum(len(line) for line in lines)
        if self._chars > _HISTOGRAM_BUFFER:
            self.write_histograms()

    def write_histograms(self) -> None:
        """Appends the kept histogram lines to the local file, which then awaits upload."""
        if not self._lines:
            return
        if self.histogram_file is None:
            self.histogram_file = os.path.join(self.folder, file_name(self.worker_id) + ".jsonl")
        with open(self.histogram_file, "a", encoding="utf-8") as f:
            f.write("\n".join(self._lines) + "\n")
        self._lines.clear()
        self._chars = 0
        self.histogram_dirty = True
