"""The storages attached to a UI server, and the sessions they hold.

Attaching subscribes to the storage: its events (records written in this process or, for a
:class:`~fitscope.FileStatsStorage`, by any process) go to the :class:`~fitscope.server.events.EventLog`.
Each attachment gets a *slot* number that is never reused, so caches of a detached storage can
never answer for a storage attached later.

The server never closes a storage it was given: whoever opened it owns it (``fitscope serve``
closes the files it opened). It must keep showing one whose writer closes it (a
:class:`~fitscope.StatsListener` closes its sinks by default), so for a FileStatsStorage it opens
its own read-only FileStatsStorage on the same file, reads and subscribes through that one, and
closes it on detach. An InMemoryStatsStorage stays readable after close and is read directly.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from fitscope.errors import StorageClosedError
from fitscope.server.events import EventLog
from fitscope.storage.base import StatsStorage, StorageEvent, Subscription
from fitscope.storage.memory import InMemoryStatsStorage
from fitscope.storage.sqlite import FileStatsStorage

__all__ = ["Attached", "StorageSet"]


@dataclass(frozen=True, slots=True)
class Attached:
    """One attached storage.

    Attributes:
        slot: Its number in this server, never reused.
        storage: What the server reads: its own read-only FileStatsStorage on the file of a
            FileStatsStorage, else the attached storage itself.
        append_only: True when a stored point never disappears except by being replaced (an
            event then names its iteration): a FileStatsStorage. The caches then re-read only
            the changed tail of a series. An InMemoryStatsStorage thins old points away, so its
            series are re-read whole after a change.
        source: The storage that was attached (what :meth:`StorageSet.detach` is given).
        label: What the sessions list names as the session's source: the file's path, or
            ``"memory #<slot>"`` for a storage without a file.
        seen_updates: Sessions of this storage that stored a report while it was attached.
    """

    slot: int
    storage: StatsStorage
    append_only: bool
    source: StatsStorage
    label: str
    seen_updates: set[str] = field(default_factory=set, compare=False, hash=False)

    @property
    def _writable_source(self) -> bool:
        """Whether the attached storage takes writes in this process (not a read-only file)."""
        return not (isinstance(self.source, FileStatsStorage) and self.source.read_only)

    @property
    def writable_here(self) -> bool:
        """True while the attached storage can still be written in this process (open, not read-only)."""
        return self._writable_source and not getattr(self.source, "closed", False)

    @property
    def writer_closed(self) -> bool:
        """True when the attached storage was written in this process and then closed."""
        return self._writable_source and bool(getattr(self.source, "closed", False))


def _label(slot: int, storage: StatsStorage) -> str:
    path = getattr(storage, "path", None)
    if path is not None:
        return str(path)
    kind = "memory" if isinstance(storage, InMemoryStatsStorage) else type(storage).__name__
    return f"{kind} #{slot}"


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

        Raises:
            TypeError: ``storage`` is not a StatsStorage.
            StorageFileError: The file of a FileStatsStorage cannot be opened read-only (the
                storage's own error: damaged, not a fitscope file, ...).
        """
        if not isinstance(storage, StatsStorage):
            raise TypeError(f"{storage!r} is not a StatsStorage: it cannot be read by the UI server.")
        with self._lock:
            if any(a.source is storage for a in self._attached):
                return
            slot = self._next_slot
            self._next_slot += 1
        # Our own reader outlives the writer's close (see the module docs); opened outside the lock.
        reader: StatsStorage = storage
        if isinstance(storage, FileStatsStorage):
            reader = FileStatsStorage(storage.path, read_only=True)
        attached = Attached(slot, reader, isinstance(storage, FileStatsStorage), storage, _label(slot, storage))

        def on_event(event: StorageEvent) -> None:
            if event.kind == "update":
                attached.seen_updates.add(event.session_id)
            self.log.append(slot, event)

        try:
            subscription: Subscription | None = reader.subscribe(on_event)
        except StorageClosedError:
            subscription = None
        with self._lock:
            duplicate = any(a.source is storage for a in self._attached)
            if not duplicate:
                self._attached.append(attached)
                self._subscriptions[slot] = subscription
        if duplicate:  # attached by another thread meanwhile
            _release(attached, subscription)
            return
        self.log.bump()

    def detach(self, storage: StatsStorage) -> bool:
        """Stops showing ``storage``; returns False when it was not attached."""
        with self._lock:
            found = next((a for a in self._attached if a.source is storage), None)
            if found is None:
                return False
            self._attached.remove(found)
            subscription = self._subscriptions.pop(found.slot)
        _release(found, subscription)
        self.log.bump()
        return True

    def detach_all(self) -> None:
        """Detaches every storage (their subscriptions end; the storages given stay open)."""
        with self._lock:
            storages = [a.source for a in self._attached]
        for storage in storages:
            self.detach(storage)

    def attached(self) -> tuple[Attached, ...]:
        """The attached storages, in attach order."""
        with self._lock:
            return tuple(self._attached)


def _release(attached: Attached, subscription: Subscription | None) -> None:
    if subscription is not None:
        subscription.close()
    if attached.storage is not attached.source:  # our own reader
        attached.storage.close()
