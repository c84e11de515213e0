"""Rank-aware identity: N ranks of one distributed job form one session with N workers.

:func:`default_session_id` picks, in order:

1. the ``FITSCOPE_SESSION_ID`` environment variable (a job that names its run, or a restart
   that must continue the same session);
2. when ``torch.distributed`` is initialized, an id agreed over the default process group's
   store without a collective: each rank proposes a uuid4 with ``compare_set`` on a key only
   fitscope uses and takes the value stored, which is the first rank's proposal. No rank waits
   for another, so a job where only rank 0 makes a listener never hangs. The n-th listener of
   each process uses the n-th key, so two listeners of one job (a second training phase) get two
   sessions, each shared by every rank;
3. ``TORCHELASTIC_RUN_ID`` when set and not ``"none"`` (torchrun's default ``--rdzv-id``): set
   before the process group exists. Beware: a fixed ``--rdzv-id`` given to two launches puts both
   jobs into one session;
4. a new uuid4.

:func:`default_worker_id` is ``host:rank<N>`` under ``torch.distributed`` (or with the ``RANK``
environment variable that torchrun, TorchDistributor and Ray Train set before the process group
exists), else ``host:pid``.
"""

from __future__ import annotations

import itertools
import logging
import os
import socket
import sys
import threading
import uuid
from typing import Any, Final

__all__ = ["SESSION_ENV", "default_session_id", "default_worker_id", "rank_worker_id"]

_log = logging.getLogger("fitscope")

SESSION_ENV: Final = "FITSCOPE_SESSION_ID"
_STORE_KEY: Final = "fitscope/session_id/{}"
_counter = itertools.count()
_counter_lock = threading.Lock()


def _dist() -> Any:
    """``torch.distributed`` when torch is imported and the module is usable, else None."""
    torch = sys.modules.get("torch")
    if torch is None:
        return None
    try:
        dist = torch.distributed
        return dist if dist.is_available() else None
    except Exception:  # a torch build without distributed support
        return None


def _initialized(dist: Any) -> bool:
    try:
        return bool(dist is not None and dist.is_initialized())
    except Exception:  # a half-torn-down process group
        return False


def _env_rank() -> int | None:
    raw = os.environ.get("RANK")
    if raw is None or not raw.strip().isdigit():
        return None
    return int(raw)


def rank_worker_id(rank: int) -> str:
    """The worker id of a rank of a distributed run: ``"{hostname}:rank{rank}"``."""
    return f"{socket.gethostname()}:rank{rank}"


def default_worker_id() -> str:
    """Returns an id for this process among the workers of a run.

    Returns:
        ``"{hostname}:rank{rank}"`` when ``torch.distributed`` is initialized or the ``RANK``
        environment variable is set, else ``"{hostname}:{pid}"``.
    """
    dist = _dist()
    if _initialized(dist):
        try:
            return rank_worker_id(int(dist.get_rank()))
        except Exception:  # a half-torn-down process group: RANK or the pid still identify us
            pass
    rank = _env_rank()
    if rank is not None:
        return rank_worker_id(rank)
    return f"{socket.gethostname()}:{os.getpid()}"


def _agreed_over_store(dist: Any) -> str | None:
    """An id every rank of the default process group gets, without waiting on the others; None if impossible."""
    try:
        store = dist.distributed_c10d._get_default_store()
    except Exception:  # no default group, or a torch without this (private, long-stable) helper
        return None
    with _counter_lock:
        n = next(_counter)
    try:
        agreed = store.compare_set(_STORE_KEY.format(n), "", str(uuid.uuid4()))
    except Exception as exc:  # a store without compare_set (a custom one)
        _log.debug("fitscope: cannot agree on a session id over the process group's store: %s", exc)
        return None
    text = agreed.decode() if isinstance(agreed, bytes) else str(agreed)
    return text or None


def default_session_id() -> str:
    """The session id of a listener given none (see the module docs for the order)."""
    named = os.environ.get(SESSION_ENV, "").strip()
    if named:
        return named
    dist = _dist()
    if _initialized(dist):
        agreed = _agreed_over_store(dist)
        if agreed is not None:
            return agreed
    run_id = os.environ.get("TORCHELASTIC_RUN_ID", "").strip()
    if run_id and run_id.lower() != "none":
        return run_id
    return str(uuid.uuid4())
