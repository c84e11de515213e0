"""The server's log of storage events: ids for Server-Sent Events, and what changed per stream.

Every :class:`~fitscope.storage.base.StorageEvent` of an attached storage gets the next id and
lands in two bounded rings: one for all events (replayed to an SSE client that reconnects with
``Last-Event-ID``) and one per stream (session, worker of one storage), which the caches read to
learn which iterations changed since they last looked. Events come from storage threads; the
log is thread-safe and wakes the event loop's waiters through ``call_soon_threadsafe``.

Event ids are ``"<instance>-<n>"``: a client reconnecting to another server instance (a restart)
is told to refetch everything instead of resuming at a number that means something else there.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import secrets
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final

from fitscope.server.params import parse_count
from fitscope.storage.base import EventKind, StorageEvent

__all__ = ["DEFAULT_EVENT_BUFFER", "EventLog", "LoggedEvent", "StreamKey", "loop_waker"]

DEFAULT_EVENT_BUFFER: Final = 10_000
_PER_STREAM: Final = 16_384

#: (storage slot, session id, worker id)
StreamKey = tuple[int, str, str]


@dataclass(frozen=True, slots=True)
class LoggedEvent:
    """A storage event with its server-assigned number.

    Attributes:
        number: Position in the log, from 1.
        slot: The attached storage it came from.
        kind: ``static_info``, ``update``, ``metrics`` or ``epoch``.
        session_id: Session of the record.
        worker_id: Worker of the record.
        iteration: Iteration of the record (None for static info).
    """

    number: int
    slot: int
    kind: EventKind
    session_id: str
    worker_id: str
    iteration: int | None

    def json(self, instance: str) -> dict[str, Any]:
        """The event as sent to SSE clients (``Event`` in ``schemas/openapi.json``)."""
        return {
            "id": f"{instance}-{self.number}",
            "kind": self.kind,
            "session_id": self.session_id,
            "worker_id": self.worker_id,
            "iteration": self.iteration,
        }


class _StreamRing:
    """The recent events of one stream; knows the last number it had to drop."""

    __slots__ = ("events", "lost_through")

    def __init__(self) -> None:
        self.events: deque[LoggedEvent] = deque(maxlen=_PER_STREAM)
        self.lost_through = 0


class EventLog:
    """Numbers storage events and keeps the recent ones.

    Args:
        capacity: How many recent events SSE clients can resume from.
    """

    def __init__(self, capacity: int = DEFAULT_EVENT_BUFFER) -> None:
        if capacity < 1:
            raise ValueError(f"The event buffer must hold at least one event, got {capacity!r}.")
        self.instance = secrets.token_hex(4)
        self._lock = threading.Lock()
        self._events: deque[LoggedEvent] = deque(maxlen=capacity)
        self._streams: dict[StreamKey, _StreamRing] = {}
        self._number = 0
        self._generation = 0
        self._listeners: list[Callable[[], None]] = []

    @property
    def last_number(self) -> int:
        """Number of the latest event (0 before the first)."""
        with self._lock:
            return self._number

    @property
    def generation(self) -> int:
        """Changes with every event and every attach or detach: what the session list depends on."""
        with self._lock:
            return self._generation + self._number

    def bump(self) -> None:
        """Marks a change that is not an event (a storage attached or detached)."""
        with self._lock:
            self._generation += 1
        self._notify()

    def append(self, slot: int, event: StorageEvent) -> LoggedEvent:
        """Numbers and keeps one event (called on storage threads)."""
        with self._lock:
            self._number += 1
            logged = LoggedEvent(self._number, slot, event.kind, event.session_id, event.worker_id, event.iteration)
            self._events.append(logged)
            ring = self._streams.get((slot, event.session_id, event.worker_id))
            if ring is None:
                ring = self._streams[(slot, event.session_id, event.worker_id)] = _StreamRing()
            if len(ring.events) == ring.events.maxlen:
                ring.lost_through = ring.events[0].number
            ring.events.append(logged)
        self._notify()
        return logged

    def stream_since(self, key: StreamKey, number: int) -> list[LoggedEvent] | None:
        """Events of one stream numbered above ``number``; None when some were already dropped."""
        with self._lock:
            ring = self._streams.get(key)
            if ring is None:
                return []
            if number < ring.lost_through:
                return None
            out: list[LoggedEvent] = []
            for e in reversed(ring.events):
                if e.number <= number:
                    break
                out.append(e)
        out.reverse()
        return out

    def previous_update(self, key: StreamKey, iteration: int) -> int | None:
        """The highest iteration below ``iteration`` of a logged report of one stream, if any."""
        with self._lock:
            ring = self._streams.get(key)
            found = [
                e.iteration
                for e in (ring.events if ring is not None else ())
                if e.kind == "update" and e.iteration is not None and e.iteration < iteration
            ]
        return max(found, default=None)

    def since(self, number: int) -> list[LoggedEvent] | None:
        """All events numbered above ``number``; None when some of them were already dropped."""
        with self._lock:
            if number >= self._number:
                return []
            if not self._events or self._events[0].number > number + 1:
                return None
            newest = list(itertools.islice(reversed(self._events), self._number - number))
        newest.reverse()
        return newest

    def parse_id(self, event_id: str) -> int | None:
        """The number in an event id of this instance; None for another instance's or a malformed id."""
        instance, _, number = event_id.strip().rpartition("-")
        n = parse_count(number, 19) if instance == self.instance else None
        return n if n is not None and n <= self.last_number else None

    def add_listener(self, wake: Callable[[], None]) -> Callable[[], None]:
        """Calls ``wake`` (from any thread) after each change; returns the function that stops it."""
        with self._lock:
            self._listeners.append(wake)

        def remove() -> None:
            with self._lock:
                if wake in self._listeners:
                    self._listeners.remove(wake)

        return remove

    def _notify(self) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for wake in listeners:
            wake()


def loop_waker(loop: asyncio.AbstractEventLoop, event: asyncio.Event) -> Callable[[], None]:
    """A thread-safe callable setting ``event`` on ``loop`` (ignored once the loop is closed)."""

    def wake() -> None:
        with contextlib.suppress(RuntimeError):  # a closed loop: nobody waits any more
            loop.call_soon_threadsafe(event.set)

    return wake
