"""``GET /api/v1/findings``: the diagnostics' findings of one worker, kept up to date as reports arrive.

Each worker's run is diagnosed once, incrementally: a :class:`~fitscope.diagnostics.Diagnoser`
per stream sees each stored report once (the reports stored since the last request are read
with ``iter_updates(start=...)``), so a request costs what the new reports cost, never a rescan
of the run. A stream whose reports go back (a file replaced by a shorter one) is diagnosed again
from its start. Clients refetch on the stream's ``update`` events.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any, Final

from fitscope.diagnostics import Diagnoser, DiagnosticsConfig, Finding
from fitscope.server.errors import ApiError
from fitscope.server.reader import Reader

__all__ = ["LANGUAGES", "FindingsCache", "findings_view"]

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

    def findings(self, reader: Reader) -> tuple[list[Finding], int]:
        """The worker's findings so far and how many reports the rules have seen."""
        stream = self._stream(reader)
        latest = reader.latest()
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


def findings_view(reader: Reader, lang: str | None, cache: FindingsCache) -> dict[str, Any]:
    """``GET /api/v1/findings``: findings worst first, then by when they began."""
    lang = lang or "en"
    if lang not in LANGUAGES:
        raise ApiError(400, "bad_parameter", f"lang must be one of {', '.join(LANGUAGES)}, got {lang!r}.")
    found, seen = cache.findings(reader)
    found.sort(key=lambda f: (_SEVERITY_ORDER.get(f.severity, 3), f.first_iteration, f.rule))
    counts = {s: sum(1 for f in found if f.severity == s) for s in ("error", "warning", "info")}
    return {
        "session_id": reader.session_id,
        "worker_id": reader.worker_id,
        "lang": lang,
        "reports_seen": seen,
        "counts": counts,
        "findings": [f.to_json(lang) for f in found],
    }
