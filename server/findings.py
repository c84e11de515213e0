"""``GET /api/v1/findings``: the diagnostics' findings of one worker, kept up to date as reports arrive.

A fitscope file whose writer keeps the findings (``FileStatsStorage.stored_findings``) answers
from them while they cover the stream's last report and were made with the server's thresholds:
a few indexed reads, never the run. Otherwise each worker's run is diagnosed once,
incrementally: a :class:`~fitscope.diagnostics.Diagnoser`
per stream sees each stored report once (the reports stored since the last request are read
with ``iter_updates(start=...)``), so a request costs what the new reports cost, never a rescan
of the run. A stream whose reports go back (a file replaced by a shorter one) is diagnosed again
from its start.

:class:`FindingsWatcher` pushes them: after each poll of the server's state watcher, the streams
that stored reports since the last poll are diagnosed (their new reports only), and a stream
whose findings changed (a new one, or one grown worse) gets a ``findings`` event on the event
stream (``SseClients.set_findings``), on which clients refetch ``GET /api/v1/findings``.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any, Final

from fitscope.diagnostics import Diagnoser, DiagnosticsConfig, Finding
from fitscope.errors import FitscopeError
from fitscope.server.cache import Cache
from fitscope.server.errors import ApiError
from fitscope.server.events import EventLog
from fitscope.server.reader import Reader, find
from fitscope.server.storages import StorageSet

__all__ = ["LANGUAGES", "FindingsCache", "FindingsWatcher", "findings_view"]

#: The languages of a finding's message and advice.
LANGUAGES: Final = ("en", "zh")
_SEVERITY_ORDER: Final = {"error": 0, "warning": 1, "info": 2}


@dataclass
class _Stream:
    diagnoser: Diagnoser
    last_iteration: int | None = None
    reports: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


class FindingsCache:
    """One incremental Diagnoser per (attached storage, session, worker)."""

    def __init__(self, config: DiagnosticsConfig | None = None) -> None:
        self._config = config
        self._lock = threading.Lock()
        self._streams: dict[tuple[int, str, str], _Stream] = {}

    def _stream(self, reader: Reader, fresh: bool = False) -> _Stream:
        key = (reader.attached.slot, reader.session_id, reader.worker_id)
        with self._lock:
            stream = self._streams.get(key)
            if stream is None or fresh:
                stream = self._streams[key] = _Stream(Diagnoser(self._config, reader.static_info()))
            return stream

    def findings(self, reader: Reader, check_reset: bool = True) -> tuple[list[Finding], int]:
        """The worker's findings so far and how many reports the rules have seen.

        ``check_reset``: look whether the stream's reports went back (through the reader's cached
        latest report). The watcher, which runs right after commits, passes False: like the state
        watcher it must not load (and so cache) a latest report that a request right after the
        next commit would then be answered from until that commit's event.
        """
        stored = self._stored(reader)
        if stored is not None:
            return stored
        stream = self._stream(reader)
        latest = reader.latest() if check_reset else None
        if latest is not None and stream.last_iteration is not None and latest.iteration < stream.last_iteration:
            stream = self._stream(reader, fresh=True)
        storage = reader.attached.storage
        with stream.lock:
            start = None if stream.last_iteration is None else stream.last_iteration + 1
            for report in storage.iter_updates(reader.session_id, reader.worker_id, start=start):
                stream.diagnoser.observe(report)
                stream.last_iteration = report.iteration
                stream.reports += 1
            return list(stream.diagnoser.findings), stream.reports

    def _stored(self, reader: Reader) -> tuple[list[Finding], int] | None:
        """The findings the file keeps for the stream, when current (see the module docs)."""
        storage = reader.attached.storage
        read = getattr(storage, "stored_findings", None)
        if read is None:
            return None
        key = (reader.attached.slot, reader.session_id, reader.worker_id)
        with self._lock:
            if key in self._streams:  # diagnosed here already: keep going incrementally
                return None
        from fitscope.storage._sqlite_findings import rules_text

        stored = read(reader.session_id, reader.worker_id)
        if stored is None or stored.rules != rules_text(self._config or DiagnosticsConfig()):
            return None
        after = storage.read_series(reader.session_id, reader.worker_id, "timestamp_ms", start=stored.through + 1)
        if after.iterations:  # reports past what they cover: a writer still catching up
            return None
        return list(stored.findings), storage.count_updates(reader.session_id, reader.worker_id)


def _counts(found: list[Finding]) -> dict[str, int]:
    return {s: sum(1 for f in found if f.severity == s) for s in ("error", "warning", "info")}


class FindingsWatcher:
    """Which streams' findings changed since the last poll (see the module docs)."""

    def __init__(self, cache: FindingsCache) -> None:
        self._cache = cache
        self._cursor: int | None = None
        self._known: dict[tuple[str, str], tuple[tuple[str, int, str], ...]] = {}

    def poll(self, log: EventLog, storages: StorageSet, cache: Cache) -> list[tuple[str, str, dict[str, int], int]]:
        """``(session, worker, counts, total)`` of each stream whose findings changed (blocking)."""
        number = log.last_number
        events = [] if self._cursor is None else (log.since(self._cursor) or [])
        self._cursor = number
        streams = dict.fromkeys((e.session_id, e.worker_id) for e in events if e.kind in ("update", "static_info"))
        out = []
        for session_id, worker_id in streams:
            try:
                reader = find(storages, cache, session_id, worker_id)
                found, _ = self._cache.findings(reader, check_reset=False)
            except (ApiError, FitscopeError):  # detached meanwhile, or damaged: the routes say so
                continue
            marks = tuple(sorted((f.rule, f.first_iteration, f.severity) for f in found))
            if self._known.get((session_id, worker_id)) != marks:
                self._known[session_id, worker_id] = marks
                out.append((session_id, worker_id, _counts(found), len(found)))
        return out


def findings_view(reader: Reader, lang: str | None, cache: FindingsCache) -> dict[str, Any]:
    """``GET /api/v1/findings``: findings worst first, then by when they began."""
    lang = lang or "en"
    if lang not in LANGUAGES:
        raise ApiError(400, "bad_parameter", f"lang must be one of {', '.join(LANGUAGES)}, got {lang!r}.")
    found, seen = cache.findings(reader)
    found.sort(key=lambda f: (_SEVERITY_ORDER.get(f.severity, 3), f.first_iteration, f.rule))
    counts = _counts(found)
    return {
        "session_id": reader.session_id,
        "worker_id": reader.worker_id,
        "lang": lang,
        "reports_seen": seen,
        "counts": counts,
        "findings": [f.to_json(lang) for f in found],
    }
