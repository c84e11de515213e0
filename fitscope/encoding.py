"""How non-finite floats travel through JSON and SQLite.

JSON has no NaN or Infinity (browsers reject bare ``NaN``), so fitscope writes them as the
strings ``"NaN"``, ``"Infinity"`` and ``"-Infinity"``; ``null`` always means *absent*.
SQLite stores +/-Inf as REAL but silently turns NaN into NULL, so in SQLite NaN is the text
``'NaN'`` and NULL keeps meaning *absent*. See ``docs/non-finite.md``.
"""

from __future__ import annotations

import math
from typing import Final

__all__ = [
    "NONFINITE_STRINGS",
    "decode_float",
    "decode_optional_float",
    "encode_float",
    "encode_optional_float",
    "from_sql",
    "to_sql",
]

NONFINITE_STRINGS: Final = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}
_INF: Final = math.inf


def encode_float(x: float) -> float | str:
    """Returns ``x`` itself when finite, else ``"NaN"``, ``"Infinity"`` or ``"-Infinity"``."""
    if x - x == 0.0:
        return x
    if x != x:
        return "NaN"
    return "Infinity" if x > 0 else "-Infinity"


def encode_optional_float(x: float | None) -> float | str | None:
    """Like :func:`encode_float`, passing ``None`` (absent) through."""
    return None if x is None else encode_float(x)


def decode_float(v: float | int | str) -> float:
    """Inverse of :func:`encode_float`; raises ``ValueError`` on any other string."""
    if isinstance(v, str):
        try:
            return NONFINITE_STRINGS[v]
        except KeyError:
            raise ValueError(f"expected a number or one of 'NaN', 'Infinity', '-Infinity', got {v!r}") from None
    return float(v)


def decode_optional_float(v: float | int | str | None) -> float | None:
    """Like :func:`decode_float`, passing ``None`` (absent) through."""
    return None if v is None else decode_float(v)


def to_sql(x: float | None) -> float | str | None:
    """A float as SQLite keeps it faithfully: NaN becomes the text ``'NaN'``."""
    if x is None or x == x:
        return x
    return "NaN"


def from_sql(v: float | int | str | None) -> float | None:
    """Inverse of :func:`to_sql`."""
    if v is None:
        return None
    if isinstance(v, str):
        return decode_float(v)
    return float(v)
