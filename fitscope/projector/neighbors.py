"""Nearest neighbours in the original space, by cosine similarity.

Below :data:`EXACT_BELOW` points a query is exact: one matrix-vector product over the unit
vectors. From there on an Annoy index (angular distance, the copy openTSNE ships) is built once,
on the first query, and answers approximately; the similarities it returns are still computed
exactly from the vectors. Rows with a non-finite value, and zero vectors (no direction), are
nobody's neighbour; asking for theirs is an error that says why.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from fitscope.errors import EmbeddingError

__all__ = ["EXACT_BELOW", "Neighbor", "NeighborIndex"]

#: Up to this many points, queries are exact.
EXACT_BELOW: Final = 50_000
_TREES: Final = 32


@dataclass(frozen=True, slots=True)
class Neighbor:
    """One neighbour: its row, label and cosine similarity to the query."""

    index: int
    label: str
    similarity: float


class NeighborIndex:
    """Answers the k nearest rows of a row by cosine similarity.

    Args:
        vectors: ``(n, dim)``.
        labels: One per row.
        exact_below: Exact search up to this many points, an index above.
    """

    def __init__(self, vectors: npt.NDArray[Any], labels: list[str], *, exact_below: int = EXACT_BELOW) -> None:
        x = np.asarray(vectors, dtype=np.float32)
        norms = np.linalg.norm(x.astype(np.float64), axis=1)
        self.valid = np.isfinite(x).all(axis=1) & (norms > 0)
        with np.errstate(invalid="ignore", divide="ignore"):
            unit = (x / np.where(self.valid, norms, 1.0)[:, None]).astype(np.float32)
        unit[~self.valid] = 0.0
        self.unit = unit
        self.labels = labels
        self.exact = int(self.valid.sum()) <= exact_below
        self._first: dict[str, int] = {}
        for i, label in enumerate(labels):
            self._first.setdefault(label, i)
        self._annoy: Any = None
        self._lock = threading.Lock()

    def index_of(self, label: str) -> int:
        """The first row labelled ``label``; EmbeddingError when there is none."""
        try:
            return self._first[label]
        except KeyError:
            raise EmbeddingError(f"There is no point labelled {label!r}.") from None

    def query(self, index: int, k: int = 10) -> list[Neighbor]:
        """The ``k`` rows most similar to row ``index`` (itself excluded), most similar first."""
        n = self.unit.shape[0]
        if not 0 <= index < n:
            raise EmbeddingError(f"Point {index} does not exist: there are {n} points (0..{n - 1}).")
        if k < 1:
            raise EmbeddingError(f"k must be at least 1, got {k}.")
        if not self.valid[index]:
            raise EmbeddingError(
                f"Point {index} ({self.labels[index]!r}) has no direction (a NaN, an Inf or a zero vector): "
                "it has no cosine neighbours."
            )
        if self.exact:
            return self._exact(index, k)
        return self._approximate(index, k)

    def _exact(self, index: int, k: int) -> list[Neighbor]:
        sims = self.unit @ self.unit[index]
        sims[~self.valid] = -np.inf
        sims[index] = -np.inf
        candidates = int(self.valid.sum()) - 1
        k = min(k, candidates)
        if k <= 0:
            return []
        top = np.argpartition(-sims, k - 1)[:k]
        exact = self.unit[top].astype(np.float64) @ self.unit[index].astype(np.float64)
        order = np.lexsort((top, -exact))  # most similar first; equal similarities by row
        return [Neighbor(int(top[o]), self.labels[top[o]], float(exact[o])) for o in order]

    def _index(self) -> Any:
        with self._lock:
            if self._annoy is None:
                from openTSNE.dependencies.annoy import AnnoyIndex

                annoy = AnnoyIndex(self.unit.shape[1], "angular")
                for i in np.flatnonzero(self.valid):
                    annoy.add_item(int(i), self.unit[i])
                annoy.build(_TREES, n_jobs=os.cpu_count() or 1)
                self._annoy = annoy
            return self._annoy

    def _approximate(self, index: int, k: int) -> list[Neighbor]:
        found = self._index().get_nns_by_item(index, k + 1, search_k=_TREES * (k + 1) * 20)
        rows = np.array([i for i in found if i != index][:k], dtype=np.int64)
        sims = self.unit[rows].astype(np.float64) @ self.unit[index].astype(np.float64)
        order = np.lexsort((rows, -sims))
        return [Neighbor(int(rows[o]), self.labels[rows[o]], float(sims[o])) for o in order]
