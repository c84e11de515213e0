"""The embeddings a UI server shows, and the layouts it computes for them in the background.

:class:`EmbeddingSet` holds the attached :class:`~fitscope.projector.EmbeddingStore` objects
(files opened by ``fitscope serve``, stores given in Python) and a store of its own, in memory,
for what the page uploads. A layout asked for over HTTP runs as a :class:`Job` on a thread (one at
a time: t-SNE uses every core); it reports progress (iteration, KL divergence, the current
coordinates) to the job, which tells listeners, at most :data:`PUBLISH_EVERY_S` apart; a finished
layout is stored in the embedding's store when that store is writable, else in the server's own.
Nothing here knows HTTP (:mod:`fitscope.server.embeddings` has the routes).
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from fitscope.errors import EmbeddingError, FitscopeError
from fitscope.projector.neighbors import NeighborIndex
from fitscope.projector.reduce import (
    LayoutCancelled,
    Progress,
    check_input,
    compute_layout,
    layout_id,
    normalized_params,
)
from fitscope.projector.store import (
    Embedding,
    EmbeddingInfo,
    EmbeddingStore,
    FileEmbeddingStore,
    InMemoryEmbeddingStore,
    Layout,
)

__all__ = ["PUBLISH_EVERY_S", "EmbeddingSet", "Job"]

_log = logging.getLogger("fitscope.server")

#: Progress of a running layout is told to listeners at most this often.
PUBLISH_EVERY_S: Final = 0.2
_OPEN_EMBEDDINGS: Final = 4
#: Jobs remembered (their state and last coordinates); the oldest ended ones are forgotten first.
_KEPT_JOBS: Final = 64

Listener = Callable[[str, dict[str, Any]], None]
"""Called (on the job's thread) with an embedding id and a Layout summary."""


@dataclass
class Job:
    """A layout being computed.

    Attributes:
        layout: Its current state (status, iteration, KL divergence).
        coordinates: The latest snapshot, or None before the first.
        cancel: Set to stop it at the next progress report.
    """

    layout: Layout
    coordinates: npt.NDArray[np.float32] | None = None
    cancel: threading.Event = field(default_factory=threading.Event)
    published: float = 0.0


class EmbeddingSet:
    """The server's embedding stores, its jobs and its neighbour indexes.

    Args:
        stores: The stores to show, in order (an id found in two answers from the first).
        own: Where uploads and layouts of read-only embeddings go (a new in-memory store by default).
        files: Returns the paths of the fitscope files the server shows: their embeddings are
            shown too (read-only).
    """

    def __init__(
        self,
        stores: list[EmbeddingStore] | None = None,
        *,
        own: InMemoryEmbeddingStore | None = None,
        files: Callable[[], list[Path]] | None = None,
    ) -> None:
        self.own = own if own is not None else InMemoryEmbeddingStore(label="uploaded")
        self._stores: list[EmbeddingStore] = list(stores or [])
        self._files = files
        self._file_stores: dict[Path, FileEmbeddingStore] = {}
        self._lock = threading.Lock()
        self._jobs: dict[tuple[str, str], Job] = {}
        self._listeners: list[Listener] = []
        self._open: OrderedDict[str, tuple[Embedding, NeighborIndex | None]] = OrderedDict()
        self._runner = ThreadPoolExecutor(max_workers=1, thread_name_prefix="fitscope-layout")

    # ------------------------------------------------------------------ stores

    def attach(self, store: EmbeddingStore) -> None:
        """Shows the embeddings of ``store`` too."""
        with self._lock:
            if all(s is not store for s in self._stores):
                self._stores.append(store)

    def detach(self, store: EmbeddingStore) -> None:
        """Stops showing ``store`` (it is not closed)."""
        with self._lock:
            self._stores = [s for s in self._stores if s is not store]
            self._open.clear()

    def stores(self) -> list[EmbeddingStore]:
        """The attached stores, those of the server's fitscope files, then the server's own."""
        paths = self._files() if self._files is not None else []
        with self._lock:
            explicit = list(self._stores)
        held = {s.path.resolve() for s in explicit if isinstance(s, FileEmbeddingStore)}
        files: list[EmbeddingStore] = []
        for path in paths:
            key = path.resolve()
            if key in held:
                continue
            store = self._file_stores.get(key)
            if store is None:
                try:
                    store = FileEmbeddingStore(path, read_only=True)
                except FitscopeError:  # not there yet (a server waiting for training), or damaged
                    continue
                self._file_stores[key] = store
            files.append(store)
        return [*explicit, *files, self.own]

    def listing(self) -> list[tuple[EmbeddingStore, EmbeddingInfo]]:
        """Every embedding with its store (the first holding it), its layouts gathered from every store."""
        found: dict[str, tuple[EmbeddingStore, EmbeddingInfo]] = {}
        for store in self.stores():
            try:
                infos = store.list()
            except Exception:  # a damaged or vanished file must not hide the others
                _log.warning("Could not list the embeddings of %s", store.label, exc_info=True)
                continue
            for info in infos:
                if info.id not in found:
                    found[info.id] = (store, info)
                    continue
                first_store, first = found[info.id]
                known = {x.id for x in first.layouts}
                more = [x for x in info.layouts if x.id not in known]
                found[info.id] = (first_store, replace(first, layouts=[*first.layouts, *more]))
        return list(found.values())

    def find(self, embedding_id: str) -> tuple[EmbeddingStore, EmbeddingInfo]:
        """The store and listing entry of an embedding; EmbeddingError (KeyError) when none has it."""
        for store, info in self.listing():
            if info.id == embedding_id:
                return store, info
        from fitscope.projector.store import _unknown

        raise _unknown(embedding_id)

    def summary(self, store: EmbeddingStore, info: EmbeddingInfo) -> dict[str, Any]:
        """The API's ``EmbeddingSummary`` of one embedding: its stored layouts, then its jobs."""
        layouts = {x.id: x.summary() for x in info.layouts}
        for job in self.jobs_of(info.id):
            if job.layout.id not in layouts or job.layout.status == "running":
                layouts[job.layout.id] = job.layout.summary()
        return {
            "id": info.id,
            "name": info.name,
            "session_id": info.session_id,
            "count": info.count,
            "dim": info.dim,
            "columns": info.columns,
            "nonfinite_rows": info.nonfinite_rows,
            "source": store.label,
            "writable": store.writable or store is self.own,
            "created_ms": info.created_ms,
            "layouts": list(layouts.values()),
        }

    def embedding(self, embedding_id: str, *, index: bool = False) -> tuple[Embedding, NeighborIndex | None]:
        """An embedding with its vectors (a few are kept open), and its neighbour index when asked."""
        with self._lock:
            held = self._open.get(embedding_id)
            if held is not None:
                self._open.move_to_end(embedding_id)
        if held is None:
            store, _ = self.find(embedding_id)
            held = (store.get(embedding_id), None)
        if index and held[1] is None:
            held = (held[0], NeighborIndex(held[0].vectors.vectors, held[0].labels))
        with self._lock:
            self._open[embedding_id] = held
            self._open.move_to_end(embedding_id)
            while len(self._open) > _OPEN_EMBEDDINGS:
                self._open.popitem(last=False)
        return held

    def forget(self, embedding_id: str) -> None:
        """Drops the open copy of an embedding (its layouts changed)."""
        with self._lock:
            self._open.pop(embedding_id, None)

    # ------------------------------------------------------------------ layouts

    def layout(
        self,
        embedding_id: str,
        layout_id: str | None,
        found: tuple[EmbeddingStore, EmbeddingInfo] | None = None,
    ) -> tuple[Layout | None, npt.NDArray[np.float32] | None]:
        """A layout (stored or running) and its coordinates; the newest done one when ``layout_id`` is None.

        ``found``: what :meth:`find` answered for the embedding, when the caller has it already.
        """
        store, info = found or self.find(embedding_id)
        if layout_id is None:
            done = info.layouts
            running = [j.layout for j in self.jobs_of(embedding_id) if j.layout.status == "running"]
            if done:
                chosen = max(done, key=lambda x: x.created_ms)
                layout_id = chosen.id
            elif running:
                layout_id = running[-1].id
            else:
                return None, None
        job = self._jobs.get((embedding_id, layout_id))
        if job is not None and (job.layout.status == "running" or layout_id not in {x.id for x in info.layouts}):
            return job.layout, job.coordinates
        for holder in [store, *self.stores()]:
            try:
                stored = holder.layout(embedding_id, layout_id)
            except EmbeddingError:
                continue
            return stored, stored.coordinates
        return store.layout(embedding_id, layout_id), None  # raises: no store has it

    def jobs_of(self, embedding_id: str) -> list[Job]:
        """The jobs of an embedding, oldest first."""
        with self._lock:
            return [j for (eid, _), j in self._jobs.items() if eid == embedding_id]

    def add_listener(self, listener: Listener) -> Callable[[], None]:
        """Tells ``listener`` of every job's progress; returns what removes it."""
        with self._lock:
            self._listeners.append(listener)

        def remove() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return remove

    def _publish(self, embedding_id: str, job: Job, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - job.published < PUBLISH_EVERY_S:
            return
        job.published = now
        with self._lock:
            listeners = list(self._listeners)
        summary = job.layout.summary()
        for listener in listeners:
            try:
                listener(embedding_id, summary)
            except Exception:
                _log.debug("A layout listener failed", exc_info=True)

    def start(self, embedding_id: str, method: str, dims: int, params: Mapping[str, Any] | None) -> tuple[Layout, bool]:
        """Starts computing a layout; returns it and whether it was started (False: stored or running already).

        Raises:
            EmbeddingError: Unknown embedding, method or parameter.
        """
        store, info = self.find(embedding_id)
        full = normalized_params(method, dims, params)
        embedding, _ = self.embedding(embedding_id)
        vectors = embedding.vectors.vectors
        check_input(vectors, method, full)  # refused now (400), not as a failed job
        lid = layout_id(vectors, method, dims, full)
        if any(x.id == lid for x in info.layouts):
            return next(x for x in info.layouts if x.id == lid), False
        with self._lock:
            running = self._jobs.get((embedding_id, lid))
            if running is not None and running.layout.status == "running":
                return running.layout, False
            max_iter = int(full.get("max_iter", 1))
            job = Job(Layout(lid, embedding_id, method, dims, dict(full), "running", 0, max_iter))
            self._jobs.pop((embedding_id, lid), None)  # a cancelled or failed run of the same layout
            self._jobs[(embedding_id, lid)] = job
            ended = [key for key, j in self._jobs.items() if j.layout.status != "running"]
            for key in ended[: max(0, len(self._jobs) - _KEPT_JOBS)]:  # the oldest ended ones go first
                del self._jobs[key]
        self._runner.submit(self._run, store, embedding_id, vectors, job)
        self._publish(embedding_id, job, force=True)
        return job.layout, True

    def cancel(self, embedding_id: str, layout_id: str) -> Layout:
        """Cancels a running layout (it stops at its next progress report); returns its state."""
        self.find(embedding_id)
        job = self._jobs.get((embedding_id, layout_id))
        if job is None:  # a stored layout has nothing to cancel: its state, as it is
            for store in self.stores():
                try:
                    return replace(store.layout(embedding_id, layout_id), coordinates=None)
                except EmbeddingError:
                    continue
            from fitscope.projector.store import _unknown_layout

            raise _unknown_layout(embedding_id, layout_id)
        job.cancel.set()
        if job.layout.status != "running":
            return job.layout
        if job.layout.iteration == 0:  # not started yet (queued behind another): it will not start
            job.layout = replace(job.layout, status="cancelled")
            self._publish(embedding_id, job, force=True)
        return replace(job.layout, status="cancelled")  # it stops at its next progress report

    def _run(self, store: EmbeddingStore, embedding_id: str, vectors: npt.NDArray[np.float32], job: Job) -> None:
        if job.cancel.is_set():
            return
        layout = job.layout

        def progress(p: Progress) -> bool:
            job.coordinates = p.coordinates
            job.layout = replace(job.layout, iteration=p.iteration, max_iter=p.max_iter, kl_divergence=p.kl_divergence)
            self._publish(embedding_id, job)
            return job.cancel.is_set()

        try:
            coords, used = compute_layout(vectors, layout.method, layout.dims, layout.params, progress=progress)
        except LayoutCancelled:
            job.layout = replace(job.layout, status="cancelled")
        except Exception as exc:  # reported to the page; the server goes on
            _log.warning(
                "Layout %s of embedding %s failed",
                layout.id,
                embedding_id,
                exc_info=not isinstance(exc, EmbeddingError),
            )
            job.layout = replace(job.layout, status="failed", error=f"{type(exc).__name__}: {exc}")
        else:
            job.coordinates = coords
            iterations = job.layout.max_iter if layout.method == "tsne" else 0
            target = store if store.writable else self.own
            if target is self.own and not any(i.id == embedding_id for i in self.own.list()):
                held, _ = self.embedding(embedding_id)
                self.own.add(held.vectors, name=held.info.name, session_id=held.info.session_id)
            try:
                stored = target.add_layout(
                    embedding_id,
                    coords,
                    method=layout.method,
                    params=used,
                    layout_id=layout.id,
                    iteration=iterations,
                    max_iter=job.layout.max_iter,
                    kl_divergence=job.layout.kl_divergence,
                )
                job.layout = replace(stored, coordinates=None)
            except Exception as exc:
                _log.warning("Could not store layout %s", layout.id, exc_info=True)
                job.layout = replace(job.layout, status="failed", error=f"Could not store the layout: {exc}")
            self.forget(embedding_id)
        self._publish(embedding_id, job, force=True)

    def close(self) -> None:
        """Cancels the jobs and stops the runner (the stores are not closed; the own store is dropped)."""
        with self._lock:
            jobs = list(self._jobs.values())
        for job in jobs:
            job.cancel.set()
        self._runner.shutdown(wait=False, cancel_futures=True)
