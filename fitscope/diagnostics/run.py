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
    """The findings of one worker's run, in the order they were made."""
    diagnoser = Diagnoser(config, storage.get_static_info(session_id, worker_id))
    for report in storage.iter_updates(session_id, worker_id):
        diagnoser.observe(report)
    return diagnoser.findings


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
