"""The subscriber list that both storages share: add, remove, and deliver one event safely.

A storage owns one :class:`Subscribers` and decides *which thread* calls :meth:`Subscribers.emit`
(the in-memory storage: a dispatcher thread fed by a queue; the SQLite storage: the watcher
thread that polls the file). A callback that raises is logged and never reaches the caller.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from fitscope.storage.base import StorageEvent

__all__ = ["Subscribers", "SubscriptionHandle"]

_log = logging.getLogger("fitscope.storage")

Callback = Callable[[StorageEvent], None]


class SubscriptionHandle:
    """What :meth:`StatsStorage.subscribe` returns; ``close()`` stops the callbacks.

    Implements :class:`~fitscope.storage.base.Subscription`.
    """

    def __init__(self, owner: Subscribers, callback: Callback) -> None:
        self._owner = owner
        self._callback = callback
        self._closed = False

    @property
    def closed(self) -> bool:
        """True once :meth:`close` was called (or the storage was closed)."""
        return self._closed

    def deliver(self, event: StorageEvent) -> None:
        """Calls the callback with ``event`` unless closed; logs what the callback raises."""
        if self._closed:
            return
        try:
            self._callback(event)
        except Exception:
            _log.exception("A storage subscriber raised while handling %r; the event was skipped.", event)

    def close(self) -> None:
        """Stops delivering events to this subscriber. Idempotent."""
        if not self._closed:
            self._closed = True
            self._owner.remove(self)


class Subscribers:
    """A thread-safe list of subscribers.

    Args:
        on_empty: Called (outside the lock) when the last subscriber leaves, so the owner can
            stop the thread that feeds :meth:`emit`.
    """

    def __init__(self, on_empty: Callable[[], None] | None = None) -> None:
        self._lock = threading.Lock()
        self._handles: list[SubscriptionHandle] = []
        self._on_empty = on_empty

    def __len__(self) -> int:
        with self._lock:
            return len(self._handles)

    def add(self, callback: Callback) -> SubscriptionHandle:
        """Registers ``callback`` and returns its handle."""
        handle = SubscriptionHandle(self, callback)
        with self._lock:
            self._handles.append(handle)
        return handle

    def remove(self, handle: SubscriptionHandle) -> None:
        """Unregisters ``handle``; calls ``on_empty`` when it was the last one."""
        with self._lock:
            if handle not in self._handles:
                return
            self._handles.remove(handle)
            now_empty = not self._handles
        if now_empty and self._on_empty is not None:
            self._on_empty()

    def close_all(self) -> None:
        """Closes every handle without calling ``on_empty`` (the owner is shutting down)."""
        with self._lock:
            handles, self._handles = self._handles, []
        for handle in handles:
            handle._closed = True

    def emit(self, event: StorageEvent) -> None:
        """Delivers ``event`` to every current subscriber, in subscription order."""
        with self._lock:
            handles = list(self._handles)
        for handle in handles:
            handle.deliver(event)
