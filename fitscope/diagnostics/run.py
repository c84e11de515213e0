"""Diagnosing stored runs: every report of a stream, in order, through a :class:`Diagnoser`."""

from __future__ import annotations

from fitscope.diagnostics.engine import Diagnoser
from fitscope.diagnostics.findings import DiagnosticsConfig, Finding
from fitscope.errors import UnknownSessionError
from fitscope.storage.base import StatsStorage

__all__ = ["diagnose", "diagnose_stream"]


def diagnose_stream(
    storage: StatsStorage, session_id: str, worker_id: str, config: DiagnosticsConfig | None = None
) -> list[Finding]:
    """The findings of one worker's run, in the order they were made.

    A file whose writer kept the run's findings (``FileStatsStorage.stored_findings``) answers
    from them when they cover its last report and were made by these rules and thresholds;
    otherwise every stored report goes through a :class:`Diagnoser`.
    """
    stored = _current_stored(storage, session_id, worker_id, config or DiagnosticsConfig())
    if stored is not None:
        return stored
    diagnoser = Diagnoser(config, storage.get_static_info(session_id, worker_id))
    for report in storage.iter_updates(session_id, worker_id):
        diagnoser.observe(report)
    return diagnoser.findings


def _current_stored(
    storage: StatsStorage, session_id: str, worker_id: str, config: DiagnosticsConfig
) -> list[Finding] | None:
    """The findings ``storage`` keeps for the stream, when they are current for ``config``."""
    read = getattr(storage, "stored_findings", None)
    if read is None:
        return None
    from fitscope.storage._sqlite_findings import rules_text  # the storage imports the diagnostics

    stored = read(session_id, worker_id)
    if stored is None or stored.rules != rules_text(config):
        return None
    latest = storage.get_latest_update(session_id, worker_id)
    if latest is None or latest.iteration != stored.through:
        return None
    findings: list[Finding] = stored.findings
    return findings


def diagnose(
    storage: StatsStorage,
    session_id: str | None = None,
    worker_id: str | None = None,
    config: DiagnosticsConfig | None = None,
) -> list[Finding]:
    """The findings of stored runs: every session and worker of ``storage``, or the ones named.

    Findings of several streams come one stream after the other (sessions in the storage's
    order, workers in theirs); :func:`diagnose_stream` keeps them apart.

    Raises:
        UnknownSessionError: No such session or worker.
    """
    sessions = [session_id] if session_id is not None else storage.list_sessions()
    out: list[Finding] = []
    for session in sessions:
        workers = storage.list_workers(session)
        if session_id is not None and not workers:
            raise UnknownSessionError(f"There is no session {session!r} in this storage.")
        if worker_id is not None:
            if worker_id not in workers:
                raise UnknownSessionError(
                    f"Session {session!r} has no worker {worker_id!r}; it has {', '.join(workers)}."
                )
            workers = [worker_id]
        for worker in workers:
            out.extend(diagnose_stream(storage, session, worker, config))
    return out
