"""UIServer: the web UI in a background thread of a training script, in the original's shape.

::

    from fitscope import FileStatsStorage, StatsListener
    from fitscope.server import UIServer

    storage = FileStatsStorage("runs/demo.fitscope")
    server = UIServer.get_instance()          # started on 127.0.0.1:9000
    server.attach(storage)
    listener = StatsListener(storage)
    ...
    print(server.url)                         # http://127.0.0.1:9000

The server runs its own asyncio event loop in a daemon thread, so it never blocks training and
never meets the caller's event loop (a notebook's, say). ``start()`` returns once the port is
listening; a port in use raises :class:`~fitscope.server.errors.ServerError` naming it.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
import os
import secrets
import threading
from collections.abc import Collection, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar, Final

from aiohttp import web

from fitscope.onnx_graph.reading import OnnxGraph, read_onnx
from fitscope.projector.store import EmbeddingStore, InMemoryEmbeddingStore, Layout
from fitscope.server.app import STATE, create_app, host_name, is_loopback_host
from fitscope.server.base_path import check_base_path, mounted
from fitscope.server.cache import DEFAULT_CACHE_BYTES
from fitscope.server.embeddings import EMBEDDINGS
from fitscope.server.errors import ServerError
from fitscope.server.events import DEFAULT_EVENT_BUFFER
from fitscope.server.ingest import DEFAULT_MAX_BODY_BYTES, RemoteListener, compile_validators
from fitscope.server.pages import DEFAULT_FRAME_ANCESTORS, STATIC_DIR, content_security_policy
from fitscope.server.schemas import load_documents
from fitscope.storage.base import StatsStorage
from fitscope.storage.sqlite import FileStatsStorage

__all__ = ["DEFAULT_REMOTE_STORE", "UIServer"]

_log = logging.getLogger("fitscope.server")

_WILDCARD_HOSTS = ("", "0.0.0.0", "::")
DEFAULT_REMOTE_STORE: Final = Path("runs") / "remote.fitscope"
"""Where a remote listener keeps what it receives unless given a storage."""


class UIServer:
    """The fitscope UI server: attach storages, start, open :attr:`url`.

    Args:
        port: TCP port; 0 picks a free one (see :attr:`url` once started).
        host: Interface to bind; ``127.0.0.1`` (this machine only) by default.
        cors_origins: Origins allowed to read the API from another origin (CORS is off without).
        allowed_hosts: While bound to a loopback address, requests are answered only when their
            ``Host`` is a loopback name or address (against DNS rebinding) or one of these names.
            Bound to another address, every ``Host`` is answered.
        frame_ancestors: Origins whose pages may embed the UI in a frame (CSP
            ``frame-ancestors``); the server's own origin only by default.
        header_timeout_s: Seconds a connection may take to send its request headers, and stay
            idle between requests, before it is closed.
        cache_bytes: Memory budget of the series cache.
        event_buffer: How many recent events a reconnecting SSE client can resume from.
        keepalive_s: Seconds between SSE keep-alive comments.
        static_dir: The folder of the UI bundle; the package's ``static`` folder by default.
        embeddings: Embedding stores the projector page shows (see :meth:`attach_embeddings`);
            the embeddings in attached fitscope files are shown too.
        graphs: ONNX graphs for the model page, by session id (``"*"``: every session without
            one of its own): a path, the file's bytes or an :class:`~fitscope.onnx_graph.OnnxGraph`.
            Read now (a bad file raises :class:`~fitscope.errors.GraphError`), kept in memory,
            shown instead of a graph stored with the session.
        base_path: Serve every route under this path (``/tools/fitscope``), for a reverse proxy
            that passes the path on as it is (see :mod:`fitscope.server.base_path`); ``""``: the root.
    """

    _FREE_PORT_HINT: ClassVar[str] = "port=0 picks a free one"
    _instance: ClassVar[UIServer | None] = None
    _instance_lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(
        self,
        port: int = 9000,
        host: str = "127.0.0.1",
        *,
        cors_origins: Collection[str] = (),
        allowed_hosts: Collection[str] = (),
        frame_ancestors: Sequence[str] = DEFAULT_FRAME_ANCESTORS,
        header_timeout_s: float = 15.0,
        cache_bytes: int = DEFAULT_CACHE_BYTES,
        event_buffer: int = DEFAULT_EVENT_BUFFER,
        keepalive_s: float = 15.0,
        static_dir: str | os.PathLike[str] = STATIC_DIR,
        embeddings: Iterable[EmbeddingStore] = (),
        graphs: Mapping[str, str | os.PathLike[str] | bytes | OnnxGraph] | None = None,
        base_path: str = "",
    ) -> None:
        if isinstance(port, bool) or not isinstance(port, int) or not 0 <= port <= 65535:
            raise ValueError(f"port must be an integer from 0 to 65535 (0 picks a free port), got {port!r}.")
        self._host = host
        self._port = port
        self._cors_origins = tuple(cors_origins)
        self._allowed_hosts = tuple(allowed_hosts)
        self._frame_ancestors = tuple(frame_ancestors)
        content_security_policy(self._frame_ancestors)  # a bad source raises here, not in the thread
        self.base_path = check_base_path(base_path)
        """The path prefix every route is served under (``""``: the root); :attr:`url` ends with it."""
        if not header_timeout_s > 0:
            raise ValueError(f"header_timeout_s must be a positive number of seconds, got {header_timeout_s!r}.")
        self._header_timeout_s = float(header_timeout_s)
        self._cache_bytes = cache_bytes
        self._event_buffer = event_buffer
        self._keepalive_s = keepalive_s
        self._static_dir = static_dir
        self._lock = threading.Lock()  # the storages and the app
        self._life = threading.Lock()  # start() and stop(), one at a time
        self._storages: list[StatsStorage] = []
        self._app: web.Application | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._bound_port: int | None = None
        self._remote: RemoteListener | None = None
        self._remote_owned = False  # the server opened the remote listener's storage (and closes it)
        self._embeddings: list[EmbeddingStore] = list(embeddings)
        self._graphs = {str(sid): g if isinstance(g, OnnxGraph) else read_onnx(g) for sid, g in (graphs or {}).items()}
        self.uploaded = InMemoryEmbeddingStore(label="uploaded")
        """Where the projector page's uploads (and layouts of read-only embeddings) go; kept across restarts."""

    @classmethod
    def get_instance(cls, port: int = 9000, host: str = "127.0.0.1") -> UIServer:
        """The process's shared server, started on first use (``port``/``host`` apply then only)."""
        with cls._instance_lock:
            if cls._instance is None:
                cls._instance = cls(port, host)
            instance = cls._instance
        return instance.start()

    # ------------------------------------------------------------------ storages

    def attach(self, storage: StatsStorage) -> None:
        """Shows ``storage`` in the UI, before or after :meth:`start`; the server never closes it."""
        if not isinstance(storage, StatsStorage):
            raise TypeError(f"{storage!r} is not a StatsStorage: it cannot be shown by the UI server.")
        with self._lock:
            if any(s is storage for s in self._storages):
                return
            self._storages.append(storage)
            app = self._app
        if app is not None:
            app[STATE].storages.attach(storage)

    def detach(self, storage: StatsStorage) -> None:
        """Stops showing ``storage`` (its sessions disappear from the UI; the storage stays open)."""
        with self._lock:
            self._storages = [s for s in self._storages if s is not storage]
            app = self._app
        if app is not None:
            app[STATE].storages.detach(storage)

    @property
    def storages(self) -> tuple[StatsStorage, ...]:
        """The attached storages."""
        with self._lock:
            return tuple(self._storages)

    # ------------------------------------------------------------------ embeddings

    def attach_embeddings(self, store: EmbeddingStore) -> None:
        """Shows the embeddings of ``store`` on the projector page, before or after :meth:`start`."""
        if not isinstance(store, EmbeddingStore):
            raise TypeError(f"{store!r} is not an EmbeddingStore (fitscope.projector).")
        with self._lock:
            if any(s is store for s in self._embeddings):
                return
            self._embeddings.append(store)
            app = self._app
        if app is not None:
            app[EMBEDDINGS].attach(store)

    def detach_embeddings(self, store: EmbeddingStore) -> None:
        """Stops showing the embeddings of ``store`` (it stays open)."""
        with self._lock:
            self._embeddings = [s for s in self._embeddings if s is not store]
            app = self._app
        if app is not None:
            app[EMBEDDINGS].detach(store)

    def start_layout(
        self, embedding_id: str, method: str = "tsne", dims: int = 2, params: Mapping[str, Any] | None = None
    ) -> Layout:
        """Starts computing a layout on the running server (the projector page shows it converge).

        Returns:
            The layout: ``running``, or ``done`` when it was computed before.

        Raises:
            ServerError: The server is not running.
            EmbeddingError: Unknown embedding, method or parameter.
        """
        with self._lock:
            app = self._app
        if app is None:
            raise ServerError("The UI server is not running: start() it before starting a layout.")
        layout, _ = app[EMBEDDINGS].start(embedding_id, method, dims, params)
        return layout

    # ------------------------------------------------------------------ remote listener

    def enable_remote_listener(
        self,
        storage: StatsStorage | None = None,
        *,
        token: str | None = None,
        insecure: bool = False,
        max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    ) -> str | None:
        """Takes records posted by workers' RemoteStatsRouters (``POST /api/v1/ingest``), before or after start.

        Received records go into ``storage`` (attached, so they are shown live), by default a
        FileStatsStorage at ``runs/remote.fitscope`` that the server opens, and closes on
        :meth:`stop`. So the hub keeps what it received and can be restarted.

        Args:
            storage: Where received records go.
            token: What posts must carry (``Authorization: Bearer <token>``); by default the
                ``FITSCOPE_TOKEN`` environment variable. With neither, a server on a loopback
                address makes a random one (returned, and in :attr:`remote_token`); on another
                address it refuses to start unless ``insecure``.
            insecure: Take posts without a token (anyone who reaches the port may write).
            max_body_bytes: The most a batch may hold, decompressed (413 past it).

        Returns:
            The token workers must give (None when ``insecure``).

        Raises:
            ServerError: No token on a non-loopback address without ``insecure``.
            ValueError: A bad token or limit.
        """
        if isinstance(max_body_bytes, bool) or not isinstance(max_body_bytes, int) or max_body_bytes < 1024:
            raise ValueError(f"max_body_bytes must be an integer of at least 1024, got {max_body_bytes!r}.")
        if token is None and not insecure:
            token = os.environ.get("FITSCOPE_TOKEN") or None
        if token is not None:
            if not isinstance(token, str) or not token.strip() or any(c.isspace() for c in token.strip()):
                raise ValueError("The remote listener's token must be a non-empty string without spaces.")
            token = token.strip()
        elif not insecure:
            if not self._loopback:
                raise ServerError(
                    f"The remote listener on {self._host} would take records from anyone who reaches the port: "
                    "give it a token (--token / --token-file / FITSCOPE_TOKEN; enable_remote_listener(token=...)), "
                    "or pass --insecure (insecure=True) to accept unauthenticated posts."
                )
            token = secrets.token_urlsafe(24)
        owned = storage is None
        if storage is None:
            storage = FileStatsStorage(DEFAULT_REMOTE_STORE)
        elif not isinstance(storage, StatsStorage):
            raise TypeError(f"{storage!r} is not a StatsStorage: the remote listener cannot store records in it.")
        remote = RemoteListener(
            storage, None if insecure else token, max_body_bytes, compile_validators(load_documents())
        )
        with self._lock:
            old, old_owned = self._remote, self._remote_owned
            self._remote, self._remote_owned = remote, owned
            app = self._app
        self.attach(storage)
        if app is not None:
            app[STATE].remote = remote
        if old is not None and old.storage is not storage:
            self.detach(old.storage)
            if old_owned:
                old.storage.close()
        return remote.token

    @property
    def remote_token(self) -> str | None:
        """The token the remote listener asks for; None when it is off or insecure."""
        remote = self._remote
        return None if remote is None else remote.token

    @property
    def remote_storage(self) -> StatsStorage | None:
        """Where the remote listener stores what it receives; None when it is off."""
        remote = self._remote
        return None if remote is None else remote.storage

    @property
    def _loopback(self) -> bool:
        return is_loopback_host(host_name(self._host))

    # ------------------------------------------------------------------ lifetime

    @property
    def is_running(self) -> bool:
        """True between :meth:`start` and :meth:`stop`."""
        thread = self._thread
        return thread is not None and thread.is_alive()

    @property
    def port(self) -> int:
        """The port: the one actually bound once started (``port=0`` picked it), else the one asked for."""
        return self._bound_port if self._bound_port is not None else self._port

    @property
    def url(self) -> str:
        """``http://host:port`` of the server (``127.0.0.1`` when bound to every interface), then its base path."""
        host = "127.0.0.1" if self._host in _WILDCARD_HOSTS else self._host
        if ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{self.port}{self.base_path}"

    def start(self) -> UIServer:
        """Starts serving in a background thread; returns once the port listens. Idempotent.

        Raises:
            ServerError: The port is in use, or the host/port cannot be bound.
        """
        with self._life:
            if self.is_running:
                return self
            self._reopen_remote_store()
            ready = threading.Event()
            failure: list[BaseException] = []
            thread = threading.Thread(
                target=self._run, args=(ready, failure), name=f"fitscope-ui-{self._port}", daemon=True
            )
            thread.start()
            ready.wait()
            if failure:
                thread.join()
                raise failure[0]
            self._thread = thread
        return self

    def _reopen_remote_store(self) -> None:
        """After a stop, the storage the server opened for the remote listener is opened again."""
        with self._lock:
            remote = self._remote
            if remote is None or not self._remote_owned or not getattr(remote.storage, "closed", False):
                return
            old = remote.storage
            remote.storage = FileStatsStorage(DEFAULT_REMOTE_STORE)
            self._storages = [remote.storage if s is old else s for s in self._storages]

    def stop(self, timeout: float = 10.0) -> None:
        """Stops serving (open event streams end) and waits for the thread. Idempotent."""
        with self._life:
            loop, thread = self._loop, self._thread
            self._thread = None
            if loop is None or thread is None:
                return
            with contextlib.suppress(RuntimeError):  # the loop already closed
                loop.call_soon_threadsafe(loop.stop)
            thread.join(timeout)
            remote = self._remote
            if remote is not None and self._remote_owned:  # reopened by the next start()
                remote.storage.close()

    def wait(self) -> None:
        """Blocks until the server stops (Ctrl-C in the main thread interrupts it)."""
        thread = self._thread
        while thread is not None and thread.is_alive():
            thread.join(0.5)

    def __enter__(self) -> UIServer:
        """Starts the server."""
        return self.start()

    def __exit__(self, *exc: object) -> None:
        """Stops the server."""
        self.stop()

    def __repr__(self) -> str:
        state = "running" if self.is_running else "stopped"
        return f"UIServer({self.url}, {state}, {len(self.storages)} storage(s))"

    # ------------------------------------------------------------------ the thread

    def _bind_error(self, exc: OSError) -> ServerError:
        where = f"{self._host}:{self._port}"
        if exc.errno == errno.EADDRINUSE:
            return ServerError(
                f"Cannot start the fitscope UI server on {where}: port {self._port} is already in use. "
                f"Choose another port ({self._FREE_PORT_HINT}) or stop the program using it."
            )
        reason = exc.strerror or str(exc)
        return ServerError(f"Cannot start the fitscope UI server on {where}: {reason}.")

    def _run(self, ready: threading.Event, failure: list[BaseException]) -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        runner: web.AppRunner | None = None
        try:
            with self._lock:  # from here on, attach() and detach() also reach the app
                app = self._app = create_app(
                    list(self._storages),
                    cors_origins=self._cors_origins,
                    allowed_hosts=self._allowed_hosts if is_loopback_host(host_name(self._host)) else None,
                    frame_ancestors=self._frame_ancestors,
                    cache_bytes=self._cache_bytes,
                    event_buffer=self._event_buffer,
                    keepalive_s=self._keepalive_s,
                    static_dir=self._static_dir,
                    remote=self._remote,
                    embeddings=list(self._embeddings),
                    uploaded=self.uploaded,
                    graphs=self._graphs,
                    base_path=self.base_path,
                )
            # keepalive_timeout also closes a connection that sent only part of its request headers:
            # aiohttp counts a connection as idle until a whole request line and headers arrived.
            runner = web.AppRunner(
                mounted(app, self.base_path),
                handle_signals=False,
                access_log=None,
                shutdown_timeout=2.0,
                keepalive_timeout=self._header_timeout_s,
            )
            loop.run_until_complete(runner.setup())
            site = web.TCPSite(runner, self._host, self._port)
            loop.run_until_complete(site.start())
        except OSError as exc:
            failure.append(self._bind_error(exc))
        except BaseException as exc:
            failure.append(exc)
        if failure:
            with self._lock:
                self._app = None
            if runner is not None:
                loop.run_until_complete(runner.cleanup())
            loop.close()
            ready.set()
            return
        assert runner is not None
        addresses = runner.addresses
        self._bound_port = int(addresses[0][1]) if addresses else self._port
        self._loop = loop
        ready.set()
        try:
            loop.run_forever()
        finally:
            with self._lock:
                self._app = None
            loop.run_until_complete(runner.cleanup())
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()
            self._loop = None
