"""Where embeddings are kept: in memory, or in a fitscope file beside the training statistics.

An :class:`Embedding` is vectors + labels + metadata columns, optionally tied to a training
session, with the layouts computed for it (:class:`Layout`: a method, its parameters and the
coordinates). Ids are content hashes: adding the same vectors twice gives the same embedding,
and a layout's id is the hash of its input and parameters, so a computed layout is found again
instead of recomputed.

In a file, two tables sit beside the statistics (an addition within schema version 3: readers
that do not know them ignore them)::

    embeddings(id, name, session_id, created_ms, count, dim, nonfinite_rows, vectors, labels, metadata)
    embedding_layouts(embedding, id, method, dims, params, created_ms, iteration, max_iter,
                      kl_divergence, coordinates)

``vectors`` and ``coordinates`` are little-endian float32 blobs (NaN for unplaced points);
``labels``, ``metadata`` and ``params`` are JSON text.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import sqlite3
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Final, Literal

import numpy as np
import numpy.typing as npt

from fitscope.errors import EmbeddingError, StorageClosedError, StorageError
from fitscope.projector.sources import Vectors, vectors_from
from fitscope.storage._sqlite_schema import connect_writer, database_error, open_read_only, validate_file

__all__ = [
    "Embedding",
    "EmbeddingInfo",
    "EmbeddingStore",
    "FileEmbeddingStore",
    "InMemoryEmbeddingStore",
    "Layout",
    "LayoutStatus",
]

LayoutStatus = Literal["running", "done", "cancelled", "failed"]

_TABLES: Final = """
CREATE TABLE IF NOT EXISTS embeddings (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, session_id TEXT, created_ms INTEGER NOT NULL,
    count INTEGER NOT NULL, dim INTEGER NOT NULL, nonfinite_rows INTEGER NOT NULL,
    vectors BLOB NOT NULL, labels TEXT NOT NULL, metadata TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS embedding_layouts (
    embedding TEXT NOT NULL, id TEXT NOT NULL, method TEXT NOT NULL, dims INTEGER NOT NULL,
    params TEXT NOT NULL, created_ms INTEGER NOT NULL, iteration INTEGER NOT NULL,
    max_iter INTEGER NOT NULL, kl_divergence REAL, coordinates BLOB NOT NULL,
    PRIMARY KEY (embedding, id))
"""


def _now_ms() -> int:
    return int(time.time() * 1000)


@dataclass(frozen=True)
class Layout:
    """A layout of an embedding's points.

    Attributes:
        id: Its id (a hash of the input and the parameters; of the coordinates for an upload).
        embedding_id: The embedding it lays out.
        method: ``tsne``, ``pca``, ``umap`` or ``uploaded`` (coordinates given, not computed).
        dims: 2 or 3.
        params: The parameters it was computed with.
        status: ``done`` for a stored layout; the server's jobs also report ``running``,
            ``cancelled`` and ``failed``.
        iteration: Iterations done (0 for methods without iterations).
        max_iter: Iterations in all.
        kl_divergence: t-SNE's final KL divergence (None otherwise).
        error: Why it failed.
        created_ms: When it was made (ms since the epoch).
        coordinates: ``(count, dims)`` float32, NaN for unplaced points; None when not loaded.
    """

    id: str
    embedding_id: str
    method: str
    dims: int
    params: dict[str, Any]
    status: LayoutStatus = "done"
    iteration: int = 0
    max_iter: int = 0
    kl_divergence: float | None = None
    error: str | None = None
    created_ms: int = field(default_factory=_now_ms)
    coordinates: npt.NDArray[np.float32] | None = field(default=None, repr=False, compare=False)

    def summary(self) -> dict[str, Any]:
        """The layout as the API's ``Layout`` object (no coordinates)."""
        kl = self.kl_divergence
        return {
            "id": self.id,
            "method": self.method,
            "dims": self.dims,
            "status": self.status,
            "iteration": self.iteration,
            "max_iter": self.max_iter,
            "kl_divergence": kl if kl is None or math.isfinite(kl) else None,
            "error": self.error,
            "params": {k: v for k, v in self.params.items() if _jsonable(v)},
            "created_ms": self.created_ms,
        }


def _jsonable(value: Any) -> bool:
    return value is None or isinstance(value, (str, int, float, bool))


@dataclass(frozen=True)
class EmbeddingInfo:
    """What a listing says of an embedding (no vectors).

    Attributes:
        id: Its content hash.
        name: What the user called it.
        session_id: The training session it belongs to, if any.
        count: Points.
        dim: Dimensions of a vector.
        columns: Its metadata columns.
        nonfinite_rows: Points whose vector holds a NaN or an Inf (no layout places them).
        created_ms: When it was added.
        layouts: Its stored layouts, oldest first.
    """

    id: str
    name: str
    session_id: str | None
    count: int
    dim: int
    columns: list[str]
    nonfinite_rows: int
    created_ms: int
    layouts: list[Layout]


@dataclass(frozen=True)
class Embedding:
    """An embedding with its vectors.

    Attributes:
        info: Its listing entry.
        vectors: Its vectors, labels and metadata.
    """

    info: EmbeddingInfo
    vectors: Vectors

    @property
    def id(self) -> str:
        """Its id."""
        return self.info.id

    @property
    def labels(self) -> list[str]:
        """One label per point."""
        return self.vectors.labels


def embedding_id(vectors: Vectors) -> str:
    """The content hash of vectors, labels and metadata (16 hex digits)."""
    h = hashlib.sha256()
    h.update(f"{vectors.vectors.shape}|".encode())
    h.update(np.ascontiguousarray(vectors.vectors, dtype="<f4").data)
    h.update(json.dumps([vectors.labels, vectors.metadata], default=str).encode())
    return h.hexdigest()[:16]


def _metadata_value(value: Any) -> Any:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (bool, np.bool_)):
        return str(bool(value)).lower()
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return float(value)
    return str(value)


def _check_coordinates(coords: Any, count: int) -> npt.NDArray[np.float32]:
    try:
        array = np.asarray(coords, dtype=np.float32)
    except (TypeError, ValueError) as exc:
        raise EmbeddingError(f"Coordinates must be numbers: {exc}.") from None
    if array.ndim != 2 or array.shape[1] not in (2, 3):
        raise EmbeddingError(f"Coordinates must have shape (n, 2) or (n, 3), got {array.shape}.")
    if array.shape[0] != count:
        raise EmbeddingError(f"There are {array.shape[0]} coordinates for {count} points.")
    return np.ascontiguousarray(array)


class EmbeddingStore:
    """What every embedding store does (see :class:`InMemoryEmbeddingStore`, :class:`FileEmbeddingStore`)."""

    label: str = "embeddings"

    @property
    def writable(self) -> bool:
        """Whether add and add_layout work."""
        return True

    def list(self) -> list[EmbeddingInfo]:
        """Every embedding, oldest first (without vectors)."""
        raise NotImplementedError

    def info(self, embedding_id: str) -> EmbeddingInfo:
        """One embedding's listing entry; EmbeddingError (a KeyError too) when there is none."""
        for info in self.list():
            if info.id == embedding_id:
                return info
        raise _unknown(embedding_id)

    def get(self, embedding_id: str) -> Embedding:
        """One embedding with its vectors."""
        raise NotImplementedError

    def layout(self, embedding_id: str, layout_id: str) -> Layout:
        """One stored layout with its coordinates."""
        raise NotImplementedError

    def add(
        self,
        vectors: Any,
        labels: Sequence[Any] | None = None,
        *,
        metadata: Mapping[str, Sequence[Any]] | None = None,
        name: str | None = None,
        session_id: str | None = None,
    ) -> Embedding:
        """Adds an embedding (an array + labels, a gensim model or KeyedVectors, Vectors); returns it.

        Adding vectors, labels and metadata already there returns the embedding stored before.
        """
        v = vectors_from(vectors, labels, metadata)
        v = Vectors(v.vectors, v.labels, {k: [_metadata_value(x) for x in col] for k, col in v.metadata.items()})
        eid = embedding_id(v)
        try:
            return self.get(eid)
        except EmbeddingError:
            pass
        info = EmbeddingInfo(
            id=eid,
            name=name or f"{v.count} vectors of {v.dim} dimensions",
            session_id=session_id,
            count=v.count,
            dim=v.dim,
            columns=list(v.metadata),
            nonfinite_rows=int((~np.isfinite(v.vectors).all(axis=1)).sum()),
            created_ms=_now_ms(),
            layouts=[],
        )
        self._insert(info, v)
        return Embedding(info, v)

    def add_layout(
        self,
        embedding_id: str,
        coordinates: Any,
        *,
        method: str = "uploaded",
        params: Mapping[str, Any] | None = None,
        layout_id: str | None = None,
        iteration: int = 0,
        max_iter: int = 0,
        kl_divergence: float | None = None,
    ) -> Layout:
        """Stores a layout of an embedding; returns it (with its coordinates).

        Args:
            embedding_id: The embedding.
            coordinates: ``(count, 2)`` or ``(count, 3)``; NaN for a point that is not placed.
            method: How they were made (``uploaded`` when given rather than computed).
            params: Its parameters.
            layout_id: Its id; a hash of the coordinates by default.
        """
        info = self.info(embedding_id)
        coords = _check_coordinates(coordinates, info.count)
        lid = layout_id or "u" + hashlib.sha256(coords.astype("<f4").tobytes()).hexdigest()[:15]
        layout = Layout(
            id=lid,
            embedding_id=embedding_id,
            method=method,
            dims=int(coords.shape[1]),
            params=dict(params or {}),
            iteration=iteration,
            max_iter=max_iter,
            kl_divergence=kl_divergence,
            coordinates=coords,
        )
        self._insert_layout(layout)
        return layout

    def _insert(self, info: EmbeddingInfo, vectors: Vectors) -> None:
        raise NotImplementedError

    def _insert_layout(self, layout: Layout) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Releases what the store holds."""

    def __enter__(self) -> EmbeddingStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _UnknownEmbedding(EmbeddingError, KeyError):
    def __str__(self) -> str:
        return str(self.args[0])


def _unknown(embedding_id: str) -> EmbeddingError:
    return _UnknownEmbedding(f"There is no embedding {embedding_id!r}.")


def _unknown_layout(embedding_id: str, layout_id: str) -> EmbeddingError:
    return _UnknownEmbedding(f"Embedding {embedding_id!r} has no layout {layout_id!r}.")


class InMemoryEmbeddingStore(EmbeddingStore):
    """Embeddings kept in this process."""

    def __init__(self, label: str = "memory") -> None:
        self.label = label
        self._items: dict[str, Embedding] = {}
        self._layouts: dict[str, dict[str, Layout]] = {}
        self._lock = threading.Lock()

    def list(self) -> list[EmbeddingInfo]:
        with self._lock:
            return [
                replace(e.info, layouts=[replace(x, coordinates=None) for x in self._layouts[e.id].values()])
                for e in self._items.values()
            ]

    def get(self, embedding_id: str) -> Embedding:
        with self._lock:
            found = self._items.get(embedding_id)
            if found is None:
                raise _unknown(embedding_id)
            layouts = [replace(x, coordinates=None) for x in self._layouts[embedding_id].values()]
            return Embedding(replace(found.info, layouts=layouts), found.vectors)

    def layout(self, embedding_id: str, layout_id: str) -> Layout:
        with self._lock:
            found = self._layouts.get(embedding_id, {}).get(layout_id)
        if found is None:
            raise _unknown_layout(embedding_id, layout_id)
        return found

    def _insert(self, info: EmbeddingInfo, vectors: Vectors) -> None:
        with self._lock:
            self._items[info.id] = Embedding(info, vectors)
            self._layouts[info.id] = {}

    def _insert_layout(self, layout: Layout) -> None:
        with self._lock:
            self._layouts[layout.embedding_id][layout.id] = layout


class FileEmbeddingStore(EmbeddingStore):
    """Embeddings in a fitscope file (a new path is created as a fitscope file).

    Args:
        path: The file; it may also hold training statistics (the same file a
            :class:`~fitscope.FileStatsStorage` writes).
        read_only: Open it read-only: a file without embeddings then lists none.
    """

    def __init__(self, path: str | os.PathLike[str], *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.label = str(self.path)
        self._read_only = read_only
        self._lock = threading.Lock()
        self._closed = False
        exists = validate_file(self.path)
        if read_only:
            if not exists:
                raise StorageError(f"{self.path} does not exist (or is empty); it cannot be opened read-only.")
            self._conn: sqlite3.Connection | None = None
            return
        self._conn = connect_writer(self.path)
        try:
            self._conn.executescript(_TABLES)
        except sqlite3.Error as exc:
            self._conn.close()
            raise database_error(exc, self.path, "add the embedding tables") from exc

    @property
    def writable(self) -> bool:
        return not self._read_only

    @contextmanager
    def _connection(self, doing: str) -> Iterator[sqlite3.Connection | None]:
        """The writer's connection, or a fresh read-only one; None when a read-only file has no embeddings yet."""
        if self._closed:
            raise StorageClosedError(f"The embedding store of {self.path} is closed.")
        try:
            if self._conn is not None:
                with self._lock:
                    yield self._conn
                return
            conn, _ = open_read_only(self.path, shared=True)
            try:
                has = conn.execute(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'embedding_layouts'"
                ).fetchone()
                yield conn if has else None
            finally:
                conn.close()
        except sqlite3.Error as exc:
            raise database_error(exc, self.path, doing) from exc

    def _layouts(self, conn: sqlite3.Connection, embedding_id: str | None) -> dict[str, list[Layout]]:
        where, args = ("WHERE embedding = ?", (embedding_id,)) if embedding_id else ("", ())
        out: dict[str, list[Layout]] = {}
        for row in conn.execute(
            "SELECT embedding, id, method, dims, params, created_ms, iteration, max_iter, kl_divergence "
            f"FROM embedding_layouts {where} ORDER BY created_ms, rowid",
            args,
        ):
            out.setdefault(row[0], []).append(
                Layout(row[1], row[0], row[2], row[3], json.loads(row[4]), "done", row[6], row[7], row[8], None, row[5])
            )
        return out

    def list(self) -> list[EmbeddingInfo]:
        with self._connection("list the embeddings") as conn:
            if conn is None:
                return []
            layouts = self._layouts(conn, None)
            rows = conn.execute(
                "SELECT id, name, session_id, count, dim, metadata, nonfinite_rows, created_ms FROM embeddings "
                "ORDER BY created_ms, rowid"
            ).fetchall()
        return [
            EmbeddingInfo(r[0], r[1], r[2], r[3], r[4], list(json.loads(r[5])), r[6], r[7], layouts.get(r[0], []))
            for r in rows
        ]

    def get(self, embedding_id: str) -> Embedding:
        with self._connection("read an embedding") as conn:
            row = (
                None
                if conn is None
                else conn.execute(
                    "SELECT id, name, session_id, count, dim, metadata, nonfinite_rows, created_ms, vectors, labels "
                    "FROM embeddings WHERE id = ?",
                    (embedding_id,),
                ).fetchone()
            )
            if row is None or conn is None:
                raise _unknown(embedding_id)
            layouts = self._layouts(conn, embedding_id).get(embedding_id, [])
        count, dim = row[3], row[4]
        vectors = np.frombuffer(row[8], dtype="<f4")
        labels = json.loads(row[9])
        metadata = json.loads(row[5])
        if vectors.size != count * dim or len(labels) != count:
            raise StorageError(
                f"{self.path} is damaged: embedding {embedding_id} holds {vectors.size} values for {count}x{dim}."
            )
        info = EmbeddingInfo(row[0], row[1], row[2], count, dim, list(metadata), row[6], row[7], layouts)
        return Embedding(info, Vectors(vectors.reshape(count, dim).astype(np.float32), labels, metadata))

    def layout(self, embedding_id: str, layout_id: str) -> Layout:
        with self._connection("read a layout") as conn:
            row = (
                None
                if conn is None
                else conn.execute(
                    "SELECT method, dims, params, created_ms, iteration, max_iter, kl_divergence, coordinates "
                    "FROM embedding_layouts WHERE embedding = ? AND id = ?",
                    (embedding_id, layout_id),
                ).fetchone()
            )
        if row is None:
            raise _unknown_layout(embedding_id, layout_id)
        coords = np.frombuffer(row[7], dtype="<f4").astype(np.float32)
        dims = int(row[1])
        return Layout(
            layout_id,
            embedding_id,
            row[0],
            dims,
            json.loads(row[2]),
            "done",
            row[4],
            row[5],
            row[6],
            None,
            row[3],
            coords.reshape(-1, dims),
        )

    def _writer(self) -> sqlite3.Connection:
        if self._read_only or self._conn is None:
            raise StorageError(f"The embedding store of {self.path} was opened read-only.")
        return self._conn

    def _insert(self, info: EmbeddingInfo, vectors: Vectors) -> None:
        conn = self._writer()
        with self._connection("store an embedding"):
            conn.execute(
                "INSERT OR IGNORE INTO embeddings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    info.id,
                    info.name,
                    info.session_id,
                    info.created_ms,
                    info.count,
                    info.dim,
                    info.nonfinite_rows,
                    np.ascontiguousarray(vectors.vectors, dtype="<f4").tobytes(),
                    json.dumps(vectors.labels),
                    json.dumps(vectors.metadata),
                ),
            )

    def _insert_layout(self, layout: Layout) -> None:
        conn = self._writer()
        assert layout.coordinates is not None
        with self._connection("store a layout"):
            conn.execute(
                "INSERT OR REPLACE INTO embedding_layouts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    layout.embedding_id,
                    layout.id,
                    layout.method,
                    layout.dims,
                    json.dumps({k: v for k, v in layout.params.items() if _jsonable(v)}),
                    layout.created_ms,
                    layout.iteration,
                    layout.max_iter,
                    layout.kl_divergence,
                    np.ascontiguousarray(layout.coordinates, dtype="<f4").tobytes(),
                ),
            )

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self._conn is not None:
            with self._lock:
                self._conn.close()
