"""A sorted, bounded history that thins out evenly: what keeps InMemoryStatsStorage bounded.

Entries come in two classes: *ordinary* ones and *protected* ones (those holding a non-finite
value). Each class numbers its entries in the order they were put (1, 2, 3...) and keeps those
whose number is a multiple of the class's *stride*. The stride starts at 1; when the history
passes its limit, the ordinary stride doubles (dropping every other ordinary entry), and again
until the history is back to 3/4 of the limit; only when no ordinary entry is left to drop does
the protected stride double. Because every entry of a class faces the same stride, the kept
entries stay evenly spread over the whole run instead of crowding towards its end.

Three entries never go: the first (lowest key), the latest (highest key) and the first
protected one. The latest stays even when it is off the grid; it is dropped as soon as a newer
entry takes its place, if it is still off the grid then.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import Generic, TypeVar

__all__ = ["BoundedHistory"]

V = TypeVar("V")
_ORDINARY, _PROTECTED = 0, 1


class BoundedHistory(Generic[V]):
    """Values keyed by iteration, kept sorted, at most ``limit`` of them.

    Args:
        limit: Most entries kept; at least 4.
        protect: True for a value that should outlive ordinary ones (a non-finite one).
    """

    def __init__(self, limit: int, protect: Callable[[V], bool]) -> None:
        self._limit = limit
        self._protect = protect
        self._keys: list[int] = []
        self._values: dict[int, V] = {}
        self._seq: dict[int, int] = {}
        self._protected: set[int] = set()
        self._first_protected: int | None = None
        self._next_seq = [1, 1]
        self._stride = [1, 1]

    def __len__(self) -> int:
        return len(self._keys)

    def get(self, key: int) -> V | None:
        """Returns the value at ``key``, or None."""
        return self._values.get(key)

    def last(self) -> V | None:
        """Returns the value with the highest key, or None when empty."""
        return self._values[self._keys[-1]] if self._keys else None

    def items(self, start: int | None = None, end: int | None = None) -> list[tuple[int, V]]:
        """Returns the (key, value) pairs with ``start <= key <= end``, in key order."""
        lo = 0 if start is None else bisect.bisect_left(self._keys, start)
        hi = len(self._keys) if end is None else bisect.bisect_right(self._keys, end)
        return [(k, self._values[k]) for k in self._keys[lo:hi]]

    def put(self, key: int, value: V) -> None:
        """Stores ``value`` at ``key`` (replacing any value there), then thins if needed."""
        protected = self._protect(value)
        is_new = key not in self._values
        if is_new or (key in self._protected) != protected:
            cls = _PROTECTED if protected else _ORDINARY
            self._seq[key] = self._next_seq[cls]
            self._next_seq[cls] += 1
        self._values[key] = value
        self._set_protected(key, protected)
        if is_new:
            keys = self._keys
            if not keys or key > keys[-1]:
                keys.append(key)
                if len(keys) >= 3 and self._off_grid(keys[-2]):
                    self._forget(keys.pop(-2))
            else:
                bisect.insort(keys, key)
        if len(self._keys) > self._limit:
            self._thin()

    def _set_protected(self, key: int, protected: bool) -> None:
        if protected:
            self._protected.add(key)
            if self._first_protected is None or key < self._first_protected:
                self._first_protected = key
        elif key in self._protected:
            self._protected.discard(key)
            if key == self._first_protected:
                self._first_protected = min(self._protected, default=None)

    def _off_grid(self, key: int) -> bool:
        """True for an entry that is neither kept by its stride nor by being first."""
        if key == self._keys[0] or key == self._first_protected:
            return False
        cls = _PROTECTED if key in self._protected else _ORDINARY
        return self._seq[key] % self._stride[cls] != 0

    def _forget(self, key: int) -> None:
        del self._values[key]
        del self._seq[key]
        self._protected.discard(key)

    def _thin(self) -> None:
        # Thinning down to 3/4 of the limit (not just below it) keeps puts amortised O(1).
        target = self._limit * 3 // 4
        while len(self._keys) > target:
            inner = self._keys[1:-1]
            if any(k not in self._protected for k in inner):
                self._stride[_ORDINARY] *= 2
            elif any(k != self._first_protected for k in inner):
                self._stride[_PROTECTED] *= 2
            else:
                return  # only the first, the first protected and the latest are left
            kept = [self._keys[0]]
            for k in inner:
                if self._off_grid(k):
                    self._forget(k)
                else:
                    kept.append(k)
            kept.append(self._keys[-1])
            self._keys = kept
