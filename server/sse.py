"""``GET /api/v1/events``: one Server-Sent Events stream of what the attached storages store.

Each storage event is one SSE message (default type ``message``) whose ``id`` is the event id
and whose ``data`` is ``{"id", "kind", "session_id", "worker_id", "iteration"}``: enough for a
client to refetch only what changed. A comment line keeps the connection alive every
``keepalive_s`` seconds (15 by default). A client reconnecting with ``Last-Event-ID`` gets the
events it missed from the server's ring; when they are no longer there (or the id comes from
another server instance) it gets one ``reset`` event instead and should refetch everything.
"""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass, field

import orjson
from aiohttp import web

from fitscope.server.events import EventLog, LoggedEvent, loop_waker

__all__ = ["SseClients", "stream_events"]


@dataclass
class SseClients:
    """The open event streams of an app, so that shutdown can end them at once.

    Attributes:
        wakes: One per open stream, set to make it look for news.
        closing: Set at shutdown: every stream ends.
        states: The latest ``state`` message of each session (see :meth:`set_states`), numbered.
    """

    wakes: set[asyncio.Event] = field(default_factory=set)
    closing: bool = False
    states: dict[str, tuple[int, bytes]] = field(default_factory=dict)
    findings: dict[tuple[str, str], tuple[int, bytes]] = field(default_factory=dict)
    _state_number: int = 0
    _known: dict[str, str] = field(default_factory=dict)

    def close_all(self) -> None:
        """Ends every stream (called on the event loop at shutdown)."""
        self.closing = True
        for wake in self.wakes:
            wake.set()

    def set_states(self, states: dict[str, str], initial: bool = False) -> None:
        """Records each session's state (``live``, ``stalled``, ``ended``, ``error``); a change is sent.

        Each change becomes one SSE event named ``state`` (no id: it does not move Last-Event-ID)
        with data ``{"kind": "state", "session_id", "state"}``, sent to every open stream.
        ``initial``: the states the streams start from (sent to nobody).
        """
        changed = False
        for session_id, state in states.items():
            if self._known.get(session_id) == state:
                continue
            self._known[session_id] = state
            if initial:
                continue
            self._state_number += 1
            body = orjson.dumps({"kind": "state", "session_id": session_id, "state": state})
            self.states[session_id] = (self._state_number, b"event: state\ndata: " + body + b"\n\n")
            changed = True
        if changed:
            for wake in self.wakes:
                wake.set()

    def set_findings(self, session_id: str, worker_id: str, counts: dict[str, int], total: int) -> None:
        """Sends a worker's new findings counts: one SSE event named ``findings`` (no id), data
        ``{"kind": "findings", "session_id", "worker_id", "counts": {error, warning, info}, "total"}``.
        Clients refetch ``GET /api/v1/findings`` on it."""
        self._state_number += 1
        body = orjson.dumps(
            {"kind": "findings", "session_id": session_id, "worker_id": worker_id, "counts": counts, "total": total}
        )
        self.findings[session_id, worker_id] = (self._state_number, b"event: findings\ndata: " + body + b"\n\n")
        for wake in self.wakes:
            wake.set()

    @property
    def state_number(self) -> int:
        """The number of the latest state message."""
        return self._state_number

    def states_since(self, number: int, session_id: str | None) -> list[bytes]:
        """The state and findings messages numbered above ``number`` (of one session, or all)."""
        found = sorted(
            (n, message)
            for sid, (n, message) in self.states.items()
            if n > number and (session_id is None or sid == session_id)
        )
        found += [
            (n, message)
            for (sid, _), (n, message) in self.findings.items()
            if n > number and (session_id is None or sid == session_id)
        ]
        found.sort()
        return [message for _, message in found]


def _message(log: EventLog, event: LoggedEvent) -> bytes:
    body = event.json(log.instance)
    return b"id: " + str(body["id"]).encode() + b"\ndata: " + orjson.dumps(body) + b"\n\n"


def _reset(log: EventLog, number: int, why: str) -> bytes:
    event_id = f"{log.instance}-{number}"
    body = {"id": event_id, "kind": "reset", "message": why}
    return b"id: " + event_id.encode() + b"\nevent: reset\ndata: " + orjson.dumps(body) + b"\n\n"


async def stream_events(
    request: web.Request,
    log: EventLog,
    clients: SseClients,
    session_id: str | None,
    keepalive_s: float,
    headers: dict[str, str],
) -> web.StreamResponse:
    """Streams events until the client goes away or the server shuts down.

    Args:
        request: The request.
        log: The event log.
        clients: The app's open streams.
        session_id: Only events of this session (None: all).
        keepalive_s: Seconds between keep-alive comments.
        headers: Extra response headers.
    """
    response = web.StreamResponse(
        headers={
            "Content-Type": "text/event-stream",
            "Cache-Control": "no-cache",
            "X-Accel-Buffering": "no",
            **headers,
        }
    )
    wake = asyncio.Event()
    remove = log.add_listener(loop_waker(asyncio.get_running_loop(), wake))
    clients.wakes.add(wake)
    cursor = log.last_number  # before the headers go out: a client may store something as soon as it has them
    state_cursor = clients.state_number
    try:
        await response.prepare(request)
        out = [b"retry: 1000\n\n"]
        last = request.headers.get("Last-Event-ID")
        if last is not None:
            resumed = log.parse_id(last)
            if resumed is None:
                out.append(_reset(log, cursor, f"Event {last!r} is unknown to this server: refetch everything."))
            else:
                cursor = resumed
        await response.write(b"".join(out))
        while not clients.closing:
            wake.clear()
            if clients.state_number > state_cursor:
                messages = clients.states_since(state_cursor, session_id)
                state_cursor = clients.state_number
                if messages:
                    await response.write(b"".join(messages))
            events = log.since(cursor)
            if events is None:
                cursor = log.last_number
                await response.write(_reset(log, cursor, "Events were missed: refetch everything."))
                continue
            if events:
                cursor = events[-1].number
                chunk = [_message(log, e) for e in events if session_id is None or e.session_id == session_id]
                if chunk:
                    await response.write(b"".join(chunk))
                continue
            try:
                await asyncio.wait_for(wake.wait(), keepalive_s)
            except asyncio.TimeoutError:
                await response.write(b": keep-alive\n\n")
    except (ConnectionResetError, ConnectionError):
        pass  # the client went away
    finally:
        remove()
        clients.wakes.discard(wake)
    with contextlib.suppress(ConnectionError):
        await response.write_eof()
    return response
