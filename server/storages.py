"""The storages attached to a UI server, and the sessions they hold.

Attaching subscribes to the storage: its events (records written in this process or, for a
:class:`~fitscope.FileStatsStorage`, by any process) go to the :class:`~fitscope.server.events.EventLog`.
Each attachment gets a *slot* number that is never reused, so caches of a detached storage can
never answer for a storage attached later. The server never closes a storage: whoever opened
it owns it (``fitscope serve`` closes the files it opened).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from fitscope.errors import StorageClosedError
from fitscope.server.events import EventLog
from fitscope.storage.base import StatsStorage, StorageEvent, Subscription
from fitscope.storage.sqlite import FileStatsStorage

__all__ = ["Attached", "StorageSet"]


@dataclass(frozen=True, slots=True)
class Attached:
    """One attached storage.

    Attributes:
        slot: Its number in this server, never reused.
        storage: The storage.
        append_only: True when a stored point never disappears except by being replaced (an
            event then names its iteration): a FileStatsStorage. The caches then re-read only
            the changed tail of a series. An InMemoryStatsStorage thins old points away, so its
            series are re-read whole after a change.
    """

    slot: int
    storage: StatsStorage
    append_only: bool


class StorageSet:
    """The attached storages; thread-safe.

    Args:
        log: Where the storages' events go.
    """

    def __init__(self, log: EventLog) -> None:
        self.log = log
        self._lock = threading.Lock()
        self._attached: list[Attached] = []
        self._subscriptions: dict[int, Subscription | None] = {}
        self._next_slot = 1

    def attach(self, storage: StatsStorage) -> None:
        """Shows ``storage`` in the UI (again attaching one already attached does nothing).

        A storage that no longer takes subscribers (a closed InMemoryStatsStorage, which stays
        readable) is shown without live updates.
        """
        if not isinstance(storage, StatsStorage):
            raise TypeError(f"{storage!r} is not a StatsStorage: it cannot be read by the UI server.")
        with self._lock:
            if any(a.storage is storage for a in self._attached):
                return
            slot = self._next_slot
            self._next_slot += 1
            attached = Attached(slot, storage, isinstance(storage, FileStatsStorage))

            def on_event(event: StorageEvent) -> None:
                self.log.append(slot, event)

            try:
                subscription: Subscription | None = storage.subscribe(on_event)
            except StorageClosedError:
                subscription = None
            self._attached.append(attached)
            self._subscriptions[slot] = subscription
        self.log.bump()

    def detach(self, storage: StatsStorage) -> bool:
        """Stops showing ``storage``; returns False when it was not attached."""
        with self._lock:
            found = next((a for a in self._attached if a.storage is storage), None)
            if found is None:
                return False
            self._attached.remove(found)
            subscription = self._subscriptions.pop(found.slot)
        if subscription is not None:
            subscription.close()
        self.log.bump()
        return True

    def detach_all(self) -> None:
        """Detaches every storage (their subscriptions end; the storages stay open)."""
        with self._lock:
            storages = [a.storage for a in self._attached]
        for storage in storages:
            self.detach(storage)

    def attached(self) -> tuple[Attached, ...]:
        """The attached storages, in attach order."""
        with self._lock:
            return tuple(self._attached)
