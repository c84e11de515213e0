"""Series as numpy columns: conversion from storage series, arithmetic, and their JSON form.

A :class:`Column` is a storage :class:`~fitscope.storage.base.Series` held as arrays, so the
server does its work (splicing new points in, ratios, log10, downsampling) without per-point
Python code. Absent points (``None`` in a storage series, ``null`` in JSON) are NaN in
``values`` *and* flagged in ``absent``, so they never pass for a real NaN.

The JSON form is columnar, ``{"iterations": [...], "values": [...]}``; non-finite values are the
strings ``"NaN"``, ``"Infinity"``, ``"-Infinity"`` and absent ones ``null`` (see
``docs/non-finite.md``). Only the (few) non-finite points are converted one by one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final, Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

from fitscope.storage.base import Series, StatsStorage
from fitscope.storage.sqlite import SeriesArrays

__all__ = [
    "ArraySeriesReader",
    "Column",
    "align",
    "column_from_series",
    "column_json",
    "empty_column",
    "log10",
    "nonfinite_where_absent",
    "ratio",
    "read_column",
    "read_columns",
    "splice",
]

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]
Mask = npt.NDArray[np.bool_]

_NONFINITE_TEXT: Final = {"nan": "NaN", "posinf": "Infinity", "neginf": "-Infinity"}


@dataclass(frozen=True, slots=True)
class Column:
    """One quantity over iterations, as arrays.

    Attributes:
        iterations: Increasing iterations (int64).
        values: The values (float64); NaN where absent.
        absent: True where the value is absent; None when no value is.
    """

    iterations: Ints
    values: Floats
    absent: Mask | None = None

    def __len__(self) -> int:
        return len(self.iterations)

    @property
    def nbytes(self) -> int:
        """Memory held by the arrays."""
        return int(self.iterations.nbytes + self.values.nbytes + (0 if self.absent is None else self.absent.nbytes))

    @property
    def last_iteration(self) -> int | None:
        """The highest iteration, or None when empty."""
        return int(self.iterations[-1]) if len(self.iterations) else None

    def take(self, index: npt.NDArray[np.intp]) -> Column:
        """Returns the points at ``index`` (increasing positions)."""
        absent = None if self.absent is None else self.absent[index]
        return Column(
            self.iterations[index], self.values[index], absent if absent is not None and absent.any() else None
        )

    def absent_mask(self) -> Mask:
        """The absent mask, all False when nothing is absent."""
        return np.zeros(len(self.values), dtype=np.bool_) if self.absent is None else self.absent


def empty_column() -> Column:
    """A column without points."""
    return Column(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64))


def column_from_series(series: Series) -> Column:
    """Converts a storage series (``None`` = absent) to a column.

    numpy turns ``None`` into NaN; only when a NaN shows up are the values looked at one by one
    to tell absent points from real NaN ones.
    """
    iterations = np.array(series.iterations, dtype=np.int64)
    values = np.array(series.values, dtype=np.float64)
    absent: Mask | None = None
    if np.isnan(values).any():
        mask = np.fromiter((v is None for v in series.values), dtype=np.bool_, count=len(series.values))
        absent = mask if mask.any() else None
    return Column(iterations, values, absent)


@runtime_checkable
class ArraySeriesReader(Protocol):
    """A storage that also reads series straight into arrays (:class:`~fitscope.FileStatsStorage`)."""

    def read_series_arrays(
        self, session_id: str, worker_id: str, key: str, start: int | None = None, end: int | None = None
    ) -> SeriesArrays:
        """Returns what ``read_series`` returns, as arrays (absent points flagged)."""

    def read_many_series_arrays(
        self, session_id: str, worker_id: str, keys: Sequence[str], start: int | None = None, end: int | None = None
    ) -> list[SeriesArrays]:
        """Returns :meth:`read_series_arrays` of several keys, read at once."""


def read_column(storage: StatsStorage, session_id: str, worker_id: str, key: str, start: int | None = None) -> Column:
    """Reads one series of a storage from ``start`` on, as a column.

    Straight into arrays where the storage can (no Python object per point), else through
    :meth:`~fitscope.storage.base.StatsStorage.read_series`; both give the same column.
    """
    if isinstance(storage, ArraySeriesReader):
        arrays = storage.read_series_arrays(session_id, worker_id, key, start=start)
        return Column(arrays.iterations, arrays.values, arrays.absent)
    return column_from_series(storage.read_series(session_id, worker_id, key, start=start))


def read_columns(storage: ArraySeriesReader, session_id: str, worker_id: str, keys: Sequence[str]) -> list[Column]:
    """Reads several whole series of a storage at once, as columns (in the order of ``keys``)."""
    return [Column(*arrays) for arrays in storage.read_many_series_arrays(session_id, worker_id, keys)]


def splice(old: Column, new: Column, start: int) -> Column:
    """Returns ``old`` without its points at iterations ``>= start``, followed by ``new``.

    ``new`` holds what the storage has from ``start`` on (a re-read of a changed tail).
    """
    keep = int(np.searchsorted(old.iterations, start, side="left"))
    if keep == len(old) and not len(new):
        return old
    absent: Mask | None = None
    if old.absent is not None or new.absent is not None:
        absent = np.concatenate((old.absent_mask()[:keep], new.absent_mask()))
    return Column(
        np.concatenate((old.iterations[:keep], new.iterations)),
        np.concatenate((old.values[:keep], new.values)),
        absent,
    )


def align(a: Column, b: Column) -> tuple[Column, Column]:
    """Returns ``a`` and ``b`` restricted to the iterations both have."""
    if len(a) == len(b) and np.array_equal(a.iterations, b.iterations):
        return a, b
    _, ia, ib = np.intersect1d(a.iterations, b.iterations, assume_unique=True, return_indices=True)
    return a.take(ia.astype(np.intp)), b.take(ib.astype(np.intp))


def nonfinite_where_absent(column: Column, nonfinite_counts: Column) -> Column:
    """``column`` with its absent points made NaN where ``nonfinite_counts`` is above 0 there."""
    if column.absent is None:
        return column
    present = np.isin(nonfinite_counts.iterations, column.iterations, assume_unique=True)
    its = nonfinite_counts.iterations[present]
    counts = nonfinite_counts.values[present]
    flagged = its[np.nan_to_num(counts, nan=0.0) > 0]
    undefined = column.absent & np.isin(column.iterations, flagged, assume_unique=True)
    if not undefined.any():
        return column
    absent = column.absent & ~undefined
    return Column(column.iterations, column.values, absent if absent.any() else None)


def _combine(its: Ints, values: Floats, *masks: Mask | None) -> Column:
    present = [m for m in masks if m is not None]
    absent = np.logical_or.reduce(present) if present else None
    if absent is not None:
        values[absent] = np.nan
    return Column(its, values, absent if absent is not None and absent.any() else None)


def ratio(numerator: Column, denominator: Column) -> Column:
    """``numerator / denominator`` on their common iterations, with IEEE results for zeros.

    ``x / 0`` is +/-Infinity, as is a quotient past the float range; ``0 / 0`` is NaN; absent when
    either side is absent.
    """
    a, b = align(numerator, denominator)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        values = a.values / b.values
    return _combine(a.iterations, values, a.absent, b.absent)


def log10(column: Column) -> Column:
    """``log10`` of every value: ``log10(0)`` is ``-Infinity``, of a negative value NaN; absent stays absent."""
    with np.errstate(divide="ignore", invalid="ignore"):
        values = np.log10(column.values)
    return _combine(column.iterations, values, column.absent)


def column_json(column: Column) -> dict[str, Any]:
    """The JSON form of a column, for :func:`orjson.dumps` with ``OPT_SERIALIZE_NUMPY``.

    Finite columns stay numpy arrays (serialised natively); a column with non-finite or absent
    values becomes a list where only those points are replaced by their string or ``None``.
    """
    values = column.values
    finite = np.isfinite(values)
    if finite.all():
        if len(values) and np.abs(values).max() < 2**53 and (values == np.trunc(values)).all():
            return {"iterations": column.iterations, "values": values.astype(np.int64)}  # counts, bytes
        return {"iterations": column.iterations, "values": values}
    out: list[Any] = values.tolist()
    absent = column.absent_mask()
    for i in np.flatnonzero(~finite).tolist():
        if absent[i]:
            out[i] = None
            continue
        v = out[i]
        out[i] = _NONFINITE_TEXT["nan"] if v != v else _NONFINITE_TEXT["posinf" if v > 0 else "neginf"]
    return {"iterations": column.iterations, "values": out}
