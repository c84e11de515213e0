"""The aiohttp application of the UI server: :func:`create_app`, its state, middlewares and routes.

Routes (``GET`` unless said otherwise, JSON unless said otherwise; described by ``/api/v1/openapi.json``):

========================  =====================================================================
``/api/v1/sessions``      every session of every attached storage
``/api/v1/overview``      score, metrics, model/training info, update:parameter ratios, stdevs
``/api/v1/graph``         the model's layers and the edges between them
``/api/v1/layer``         one layer: table, mean magnitudes, activations, learning rates, latest histograms
``/api/v1/histograms``    one tensor's histograms spread over iterations (``/api/v1/histogram``: one)
``/api/v1/system``        memory and device memory over time, hardware and software
``/api/v1/metrics``       user metrics and epoch ends
``/api/v1/events``        Server-Sent Events: what was stored (kind, session, worker, iteration)
``/api/v1/openapi.json``  the API description, and the record schemas it references beside it
``POST /api/v1/ingest``   the remote listener: workers post batches of records (off by default;
                          see :mod:`fitscope.server.ingest`)
========================  =====================================================================

Beside the API, :mod:`fitscope.server.pages` serves the UI: ``/`` and ``/train`` (redirects),
``/train/{page}`` (HTML) and ``/static/{name}`` (the bundle), which the CORS allow-list covers too.

Every error, including an unknown route, has one shape, made in one middleware:
``{"error": {"status": 404, "code": "unknown_session", "message": "Session 'x' is not in ..."}}``.
Blocking storage reads run in a thread pool, never on the event loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import gzip
import ipaddress
import logging
import os
from collections.abc import AsyncIterator, Awaitable, Callable, Collection, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, TypeVar

import orjson
from aiohttp import web

from fitscope.errors import CorruptFileError, RecordError, StorageError, UnknownSessionError
from fitscope.onnx_graph.reading import OnnxGraph
from fitscope.projector.store import EmbeddingStore, InMemoryEmbeddingStore
from fitscope.server.base_path import BASE_PATH, check_base_path
from fitscope.server.cache import DEFAULT_CACHE_BYTES, Cache
from fitscope.server.compression import accepts_gzip
from fitscope.server.embedding_jobs import EmbeddingSet
from fitscope.server.embeddings import DEFAULT_MAX_UPLOAD_BYTES, add_embedding_routes
from fitscope.server.errors import ApiError
from fitscope.server.events import DEFAULT_EVENT_BUFFER, EventLog
from fitscope.server.findings import FindingsCache, FindingsWatcher, findings_view
from fitscope.server.histograms import histogram_view, histograms_view
from fitscope.server.ingest import RemoteListener, read_body
from fitscope.server.layers import graph_view, layer_view
from fitscope.server.pages import DEFAULT_FRAME_ANCESTORS, STATIC_DIR, add_ui_routes
from fitscope.server.params import Query
from fitscope.server.reader import find
from fitscope.server.schemas import load_documents
from fitscope.server.sse import SseClients, stream_events
from fitscope.server.storages import StorageSet
from fitscope.server.views import metrics_view, overview_view, session_states, sessions_view, system_view
from fitscope.storage.base import StatsStorage
from fitscope.storage.sqlite import FileStatsStorage

__all__ = ["API", "STATE", "ServerState", "create_app", "host_name", "is_loopback_host"]

_log = logging.getLogger("fitscope.server")
T = TypeVar("T")

API: Final = "/api/v1"
_CORS_HEADERS: Final = "Last-Event-ID, Content-Type, Cache-Control"


@dataclass
class ServerState:
    """What the handlers share (``app[STATE]``).

    Attributes:
        storages: The attached storages.
        log: Their events, numbered.
        cache: Columns, values and responses, kept true by the events.
        documents: ``openapi.json`` and the record schemas, by file name.
        cors_origins: Origins allowed to read the API from another origin.
        allowed_hosts: Host names answered beside loopback ones; None: every ``Host`` is answered
            (see :func:`host_middleware`).
        keepalive_s: Seconds between SSE keep-alive comments.
        sse: The open event streams.
        executor: Where blocking reads run (set while the app runs).
        remote: The remote listener, when enabled (``POST /api/v1/ingest``); None: off.
    """

    storages: StorageSet
    log: EventLog
    cache: Cache
    documents: dict[str, bytes]
    cors_origins: frozenset[str]
    allowed_hosts: frozenset[str] | None
    keepalive_s: float
    sse: SseClients
    executor: ThreadPoolExecutor | None = None
    remote: RemoteListener | None = None


STATE: Final = web.AppKey("fitscope_state", ServerState)


def _dumps(doc: Any) -> bytes:
    return orjson.dumps(doc, option=orjson.OPT_SERIALIZE_NUMPY)


def _json(body: bytes, status: int = 200) -> web.Response:
    return web.Response(body=body, status=status, content_type="application/json")


_GZIP_MIN_BYTES: Final = 1024
"""Smaller answers go as they are: compressing them saves less than it costs."""


def _compressed(body: bytes) -> bytes:
    # Level 1: a 2.2 MB overview packs to 0.93 MB in ~16 ms (level 6: 0.86 MB in 83 ms); higher levels gain little on
    # JSON numbers and cost several times more (answers are rebuilt after every report).
    return gzip.compress(body, compresslevel=1, mtime=0)


def _json_for(request: web.Request, body: bytes, gzipped: bytes | None) -> web.Response:
    """A JSON answer, gzip-encoded when the client accepts it and it is worth it."""
    if gzipped is None:
        response = _json(body)
    else:
        response = web.Response(body=gzipped, content_type="application/json")
        response.headers["Content-Encoding"] = "gzip"
    if len(body) >= _GZIP_MIN_BYTES:
        response.headers["Vary"] = "Accept-Encoding"
    return response


def error_response(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> web.Response:
    """The one error shape: ``{"error": {"status", "code", "message"}}``."""
    body = _dumps({"error": {"status": status, "code": code, "message": message}})
    response = _json(body, status)
    response.headers.update(headers or {})
    return response


async def _blocking(request: web.Request, fn: Callable[..., T], *args: Any) -> T:
    executor = request.app[STATE].executor
    return await asyncio.get_running_loop().run_in_executor(executor, fn, *args)


# ---------------------------------------------------------------------------------------- middlewares


@web.middleware
async def error_middleware(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    """Maps every error to the one JSON error shape."""
    try:
        return await handler(request)
    except ApiError as exc:
        return error_response(exc.status, exc.code, exc.message)
    except web.HTTPException as exc:
        if exc.status < 400:
            raise
        if exc.status == 404:
            message = f"There is no route {request.path}; the API is described at {API}/openapi.json."
            return error_response(404, "not_found", message)
        if exc.status == 405:
            allow = exc.headers.get("Allow", "GET")
            message = f"{request.method} is not allowed on {request.path}; use {allow}."
            return error_response(405, "method_not_allowed", message, {"Allow": allow})
        return error_response(exc.status, "http_error", exc.reason + ".")
    except UnknownSessionError as exc:
        return error_response(404, "unknown_session", str(exc))
    except CorruptFileError as exc:  # a damaged session: its views fail, the other sessions do not
        _log.warning("A damaged file could not be read while answering %s: %s", request.path_qs, exc)
        return error_response(500, "corrupt_file", str(exc))
    except (StorageError, RecordError) as exc:  # clients never name series keys: a stored record is at fault
        _log.warning("A storage failed while answering %s: %s", request.path_qs, exc)
        return error_response(500, "storage_error", str(exc))
    except Exception:
        _log.exception("The UI server failed while answering %s %s", request.method, request.path_qs)
        message = f"The server failed while answering {request.method} {request.path}; its log says why."
        return error_response(500, "internal_error", message)


LOOPBACK_NAMES: Final = frozenset({"localhost", "localhost.", "ip6-localhost", "ip6-loopback"})


def host_name(header: str) -> str:
    """The name or address of a ``Host`` header, without its port and brackets, lower case."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].partition("]")[0]
    name, colon, port = header.rpartition(":")
    return name if colon and ":" not in name and port.isascii() and port.isdigit() else header


def is_loopback_host(name: str) -> bool:
    """True for a loopback name (``localhost``, ``*.localhost``) or address (127.0.0.0/8, ::1)."""
    if name in LOOPBACK_NAMES or name.rstrip(".").endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


@web.middleware
async def host_middleware(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    """Refuses requests naming another host while the server listens on loopback only (DNS rebinding).

    A page of ``http://evil.example:9000`` whose name the attacker re-points at 127.0.0.1 reaches
    the server with ``Host: evil.example:9000``: only loopback names and addresses, and the names
    the app allows, are answered. Requests without a ``Host`` (not a browser) are answered.
    """
    allowed = request.app[STATE].allowed_hosts
    header = request.headers.get("Host")
    if allowed is not None and header is not None:
        name = host_name(header)
        if not is_loopback_host(name) and name not in allowed:
            message = (
                f"Host {header!r} is not this server's: it listens on a loopback address and answers only "
                "requests for localhost or a loopback address. To reach it under that name, start it with "
                f"--allow-host {name} (UIServer(allowed_hosts=[...]))."
            )
            return error_response(403, "host_not_allowed", message)
    return await handler(request)


def _allowed_origin(request: web.Request) -> str | None:
    origin = request.headers.get("Origin")
    return origin if origin is not None and origin in request.app[STATE].cors_origins else None


@web.middleware
async def cors_middleware(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    """Answers CORS preflight requests of allowed origins (the headers are added on prepare)."""
    state = request.app[STATE]
    if request.method == "OPTIONS" and state.cors_origins and "Access-Control-Request-Method" in request.headers:
        if _allowed_origin(request) is None:
            origin = request.headers.get("Origin")
            return error_response(403, "origin_not_allowed", f"Origin {origin!r} may not read this API.")
        return web.Response(
            status=204,
            headers={
                "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
                "Access-Control-Allow-Headers": _CORS_HEADERS,
                "Access-Control-Max-Age": "600",
            },
        )
    return await handler(request)


async def _add_headers(request: web.Request, response: web.StreamResponse) -> None:
    """``nosniff`` on every answer; CORS headers (the static bundle too: module scripts load in CORS mode)."""
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    if not request.app[STATE].cors_origins:
        return
    # The answer depends on Origin whenever CORS is on, allowed or not: caches must keep them apart.
    # Vary is added to, never replaced (static files vary by Accept-Encoding too).
    vary = response.headers.get("Vary")
    if vary is None:
        response.headers["Vary"] = "Origin"
    elif "origin" not in {v.strip().lower() for v in vary.split(",")}:
        response.headers["Vary"] = f"{vary}, Origin"
    origin = _allowed_origin(request)
    if origin is not None:
        response.headers["Access-Control-Allow-Origin"] = origin


# ---------------------------------------------------------------------------------------- handlers


async def sessions(request: web.Request) -> web.Response:
    """``GET /api/v1/sessions``."""
    Query(request, ())
    state = request.app[STATE]

    def body() -> bytes:  # not cached whole: a session's state changes with the time
        return _dumps(sessions_view(state.storages, state.cache))

    return _json(await _blocking(request, body))


def _worker_route(
    name: str,
    view: Callable[..., dict[str, Any]],
    extra: Collection[str] = (),
    max_points: bool = True,
    optional: Collection[str] = (),
) -> Callable[[web.Request], Awaitable[web.Response]]:
    """A handler for a route about one worker of one session (``extra``: required parameters,
    ``optional``: parameters passed as None when absent; both go to ``view`` in that order)."""
    allowed = ("session", "worker", *(("max_points",) if max_points else ()), *extra, *optional)

    async def handler(request: web.Request) -> web.Response:
        query = Query(request, allowed)
        args: list[Any] = [query.require(x) for x in extra] + [query.get(x) for x in optional]
        if max_points:
            args.append(query.max_points())
        state = request.app[STATE]
        gzip_ok = accepts_gzip(request)

        def bodies() -> tuple[bytes, bytes | None]:
            reader = find(state.storages, state.cache, query.get("session"), query.get("worker"))
            key = (name, *args)
            body = reader.response(key, lambda: _dumps(view(reader, *args)))
            if not gzip_ok or len(body) < _GZIP_MIN_BYTES:
                return body, None
            return body, reader.response((*key, "gzip"), lambda: _compressed(body))

        return _json_for(request, *(await _blocking(request, bodies)))

    handler.__doc__ = f"``GET {API}/{name}``."
    return handler


async def events(request: web.Request) -> web.StreamResponse:
    """``GET /api/v1/events``: Server-Sent Events."""
    query = Query(request, ("session",))
    state = request.app[STATE]
    session_id = query.get("session")
    if session_id is not None:
        await _blocking(request, find, state.storages, state.cache, session_id, None)
    return await stream_events(request, state.log, state.sse, session_id, state.keepalive_s, {})


async def ingest(request: web.Request) -> web.Response:
    """``POST /api/v1/ingest``: stores a batch of records posted by a worker's RemoteStatsRouter."""
    Query(request, ())
    remote = request.app[STATE].remote
    if remote is None:
        raise ApiError(
            403,
            "remote_disabled",
            "This server's remote listener is off, so it takes no records over HTTP. Start it with "
            "`fitscope serve --remote --token <token>` (in Python: UIServer.enable_remote_listener(token=...)).",
        )
    try:
        remote.check_token(request.headers.get("Authorization"))
    except ApiError as exc:
        return error_response(exc.status, exc.code, exc.message, {"WWW-Authenticate": 'Bearer realm="fitscope"'})
    if request.content_type != "application/json":
        raise ApiError(
            415,
            "unsupported_media_type",
            f"The body must be application/json (optionally Content-Encoding: gzip), got {request.content_type!r}.",
        )
    body = await read_body(request, remote.max_body_bytes)

    def store() -> int:
        records = remote.decode(body)
        remote.store(records)
        return len(records)

    try:
        stored = await _blocking(request, store)
    except ApiError as exc:
        headers = {"Retry-After": "1"} if exc.status == 503 else None
        return error_response(exc.status, exc.code, exc.message, headers)
    return _json(_dumps({"stored": stored}))


async def document(request: web.Request) -> web.Response:
    """``GET /api/v1/openapi.json`` and the record schemas beside it."""
    Query(request, ())
    name = request.match_info["name"] + ".schema.json" if "name" in request.match_info else "openapi.json"
    body = request.app[STATE].documents.get(name)
    if body is None:
        raise ApiError(404, "not_found", f"There is no schema {name!r}; openapi.json references the ones there are.")
    return _json(body)


# ---------------------------------------------------------------------------------------- the app


def create_app(
    storages: Iterable[StatsStorage] = (),
    *,
    cors_origins: Collection[str] = (),
    allowed_hosts: Collection[str] | None = None,
    frame_ancestors: Sequence[str] = DEFAULT_FRAME_ANCESTORS,
    cache_bytes: int = DEFAULT_CACHE_BYTES,
    event_buffer: int = DEFAULT_EVENT_BUFFER,
    keepalive_s: float = 15.0,
    read_threads: int = 4,
    state_poll_s: float = 1.0,
    static_dir: str | os.PathLike[str] = STATIC_DIR,
    remote: RemoteListener | None = None,
    embeddings: Iterable[EmbeddingStore] = (),
    uploaded: InMemoryEmbeddingStore | None = None,
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES,
    graphs: Mapping[str, OnnxGraph] | None = None,
    base_path: str = "",
) -> web.Application:
    """Creates the UI server's aiohttp application.

    The storages are attached (subscribed to) when the app starts and detached when it stops;
    the app never closes them. ``app[STATE].storages`` attaches and detaches more while it runs.

    Args:
        storages: The storages to show.
        cors_origins: Origins (``"https://portal.example"``) allowed to read the API from
            another origin; none by default (CORS off).
        allowed_hosts: When given, only requests whose ``Host`` is a loopback name or address
            or one of these names are answered (the rest get 403 ``host_not_allowed``): what a
            server bound to a loopback address needs against DNS rebinding. None: no check.
        frame_ancestors: Who may embed the pages (CSP ``frame-ancestors``); ``'self'`` by default.
        cache_bytes: Memory budget of the series cache.
        event_buffer: How many recent events an SSE client can resume from.
        keepalive_s: Seconds between SSE keep-alive comments.
        read_threads: Threads running blocking storage reads.
        state_poll_s: Seconds between two looks at the sessions' states (``live``, ``stalled``,
            ``ended``, ``error``); a change is sent to event streams as a ``state`` event.
        static_dir: The folder of the UI bundle (``fitscope-ui.js``), read once, now; the
            package's ``static`` folder by default.
        remote: The remote listener (``POST /api/v1/ingest``), its storage attached with the
            others; None: off (403). ``app[STATE].remote`` turns it on or off while it runs.
        embeddings: Embedding stores for the projector (``/api/v1/embeddings``); the
            embeddings of the fitscope files among ``storages`` are shown as well.
            ``app[EMBEDDINGS]`` attaches more while it runs.
        uploaded: Where the projector's uploads go (kept across restarts of a UIServer); a new
            in-memory store by default.
        max_upload_bytes: The largest upload the projector takes.
        graphs: ONNX graphs for the model page, by session id (``"*"``: every session without
            one of its own), shown instead of a graph stored with the session.
        base_path: The path prefix the app is served under (``/tools/fitscope``; ``""``: the root),
            which its pages and redirects name; mount it there with
            :func:`fitscope.server.base_path.mounted`.
    """
    log = EventLog(event_buffer)
    state = ServerState(
        storages=StorageSet(log),
        log=log,
        cache=Cache(log, cache_bytes),
        documents=load_documents(),
        cors_origins=frozenset(cors_origins),
        allowed_hosts=None if allowed_hosts is None else frozenset(host_name(h) for h in allowed_hosts),
        keepalive_s=keepalive_s,
        sse=SseClients(),
        remote=remote,
    )
    initial = list(storages)
    if remote is not None and not any(s is remote.storage for s in initial):
        initial.append(remote.storage)
    app = web.Application(middlewares=[host_middleware, cors_middleware, error_middleware])
    app[STATE] = state

    findings = FindingsCache()
    findings_watcher = FindingsWatcher(findings)

    async def watch_states() -> None:
        """Sends a ``state`` event when a session's state changes (a run ends, stalls, resumes), and a
        ``findings`` event when a worker's diagnostics findings change."""
        loop = asyncio.get_running_loop()
        initial = True
        while True:
            try:
                states = await loop.run_in_executor(state.executor, session_states, state.storages, state.cache)
                state.sse.set_states(states, initial=initial)
                initial = False
            except Exception:  # a storage failing now may work next time; the routes report it
                _log.debug("Could not compute the sessions' states", exc_info=True)
            try:
                poll = functools.partial(findings_watcher.poll, state.log, state.storages, state.cache)
                changed = await loop.run_in_executor(state.executor, poll)
                for session_id, worker_id, counts, total in changed:
                    state.sse.set_findings(session_id, worker_id, counts, total)
            except Exception:
                _log.debug("Could not update the findings", exc_info=True)
            await asyncio.sleep(state_poll_s)

    async def resources(app: web.Application) -> AsyncIterator[None]:
        state.executor = ThreadPoolExecutor(max_workers=read_threads, thread_name_prefix="fitscope-ui-read")
        for storage in initial:
            state.storages.attach(storage)
        watcher = asyncio.create_task(watch_states())
        yield
        watcher.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await watcher
        state.storages.detach_all()
        state.executor.shutdown(wait=False, cancel_futures=True)

    async def end_streams(app: web.Application) -> None:
        state.sse.close_all()

    app.cleanup_ctx.append(resources)
    app.on_shutdown.append(end_streams)
    app.on_response_prepare.append(_add_headers)
    app.router.add_get(f"{API}/sessions", sessions)
    app.router.add_get(f"{API}/overview", _worker_route("overview", overview_view))
    graph_route = _worker_route("graph", functools.partial(graph_view, graphs=dict(graphs or {})), max_points=False)
    app.router.add_get(f"{API}/graph", graph_route)
    findings_route = _worker_route(
        "findings", functools.partial(findings_view, cache=findings), max_points=False, optional=("lang",)
    )
    app.router.add_get(f"{API}/findings", findings_route)
    app.router.add_get(f"{API}/layer", _worker_route("layer", layer_view, extra=("layer",)))
    app.router.add_get(
        f"{API}/histograms",
        _worker_route(
            "histograms",
            histograms_view,
            extra=("kind", "name"),
            max_points=False,
            optional=("start", "end", "max_count"),
        ),
    )
    app.router.add_get(
        f"{API}/histogram",
        _worker_route(
            "histogram", histogram_view, extra=("kind", "name", "iteration"), max_points=False, optional=("after",)
        ),
    )
    app.router.add_get(f"{API}/system", _worker_route("system", system_view))
    app.router.add_get(f"{API}/metrics", _worker_route("metrics", metrics_view))
    app.router.add_get(f"{API}/events", events)
    app.router.add_post(f"{API}/ingest", ingest)
    app.router.add_get(f"{API}/openapi.json", document)
    app.router.add_get(API + "/{name:[a-z_]+}.schema.json", document)
    files = state.storages.attached

    def file_paths() -> list[Path]:
        return [a.source.path for a in files() if isinstance(a.source, FileStatsStorage)]

    add_embedding_routes(
        app,
        EmbeddingSet(list(embeddings), own=uploaded, files=file_paths),
        max_upload_bytes=max_upload_bytes,
    )
    app[BASE_PATH] = check_base_path(base_path)
    add_ui_routes(app, Path(static_dir), frame_ancestors)
    return app
