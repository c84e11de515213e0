"""Checks of what a FileStatsStorage decodes from a file: rows fitscope did not write are damage.

A file can hold anything (a copy cut short and repaired, another program's writes, a disk
error): a histogram blob of the wrong length, text where a number belongs, JSON that is no JSON,
``null``, numbers JSON parses to infinity (``1e400``), nesting deeper than anything fitscope
writes, a timestamp no clock gives. Every value read from a row goes through one of these checks
on its way into a record or a series, so what leaves the storage is as fitscope wrote it, and
anything else raises :class:`Damaged` (which the storage turns into a
:class:`~fitscope.errors.CorruptFileError` naming the file, session and iteration), never a
TypeError or OverflowError in a caller.
"""

from __future__ import annotations

import dataclasses
import json
import math
import struct
import types
import typing
from collections.abc import Mapping
from typing import Any, Final, Literal, Union, get_args, get_origin

from fitscope.encoding import NONFINITE_STRINGS

__all__ = [
    "MAX_TIMESTAMP_MS",
    "MIN_TIMESTAMP_MS",
    "Damaged",
    "check_record",
    "histogram_counts",
    "integer",
    "json_value",
    "optional_integer",
    "optional_real",
    "optional_timestamp",
    "real",
    "series_value",
    "text",
    "timestamp",
]

#: Timestamps (ms since the epoch) a record may hold: the years 1 to 9999, what ``datetime`` represents.
MIN_TIMESTAMP_MS: Final = -62_135_596_800_000
MAX_TIMESTAMP_MS: Final = 253_402_300_799_999
#: Deepest JSON nesting accepted (fitscope writes at most ~6; hyperparameters may nest a little).
MAX_JSON_DEPTH: Final = 64


class Damaged(ValueError):
    """A stored value that fitscope does not write.

    Attributes:
        iteration: The iteration of the record holding it, when known.
    """

    def __init__(self, detail: str, iteration: int | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.iteration = iteration


def _show(v: Any) -> str:
    shown = repr(v)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def integer(v: Any, what: str) -> int:
    """An INTEGER column's value."""
    if type(v) is not int:
        raise Damaged(f"{what} is {_show(v)}, not an integer")
    return v


def optional_integer(v: Any, what: str) -> int | None:
    """An INTEGER column that may be NULL."""
    return None if v is None else integer(v, what)


def timestamp(v: Any, what: str) -> int:
    """A time in ms since the epoch, within the years 1 to 9999."""
    if type(v) is not int or not MIN_TIMESTAMP_MS <= v <= MAX_TIMESTAMP_MS:
        raise Damaged(f"{what} is {_show(v)}, not a time in ms since the epoch")
    return v


def optional_timestamp(v: Any, what: str) -> int | None:
    """A time that may be NULL."""
    return None if v is None else timestamp(v, what)


def real(v: Any, what: str) -> float:
    """A float as fitscope stores it: a number, or the text 'NaN' (also 'Infinity' in JSON)."""
    if type(v) is float or type(v) is int:
        return float(v)
    if type(v) is str and v in NONFINITE_STRINGS:
        return NONFINITE_STRINGS[v]
    raise Damaged(f"{what} is {_show(v)}, not a number")


def optional_real(v: Any, what: str) -> float | None:
    """A float that may be NULL (absent)."""
    return None if v is None else real(v, what)


def series_value(v: Any, what: str) -> float | int | None:
    """A point of a series: an int stays an int (counts, JSON integers), NULL stays None."""
    if v is None or type(v) is int:
        return v
    return real(v, what)


def text(v: Any, what: str) -> str:
    """A TEXT column's value."""
    if type(v) is not str:
        raise Damaged(f"{what} is {_show(v)}, not text")
    return v


def histogram_counts(blob: Any, what: str) -> tuple[int, ...]:
    """The counts of a histogram: a non-empty little-endian int64 blob of non-negative counts."""
    if type(blob) is not bytes or not blob or len(blob) % 8:
        size = f"{len(blob)} bytes" if isinstance(blob, bytes) else _show(blob)
        raise Damaged(f"{what} is {size}, not a whole number of int64 counts")
    counts = struct.unpack(f"<{len(blob) // 8}q", blob)
    if min(counts) < 0:
        raise Damaged(f"{what} holds a negative count")
    return counts


def _reject_constant(name: str) -> Any:
    raise Damaged(f"holds the bare constant {name}")


def _finite_float(literal: str) -> float:
    x = float(literal)
    if not math.isfinite(x):
        raise Damaged(f"holds the number {literal[:40]}, beyond the range of a float")
    return x


def _depth_ok(value: Any) -> bool:
    stack = [(value, 1)]
    while stack:
        v, depth = stack.pop()
        if isinstance(v, (dict, list)):
            if depth > MAX_JSON_DEPTH:
                return False
            stack.extend((x, depth + 1) for x in (v.values() if isinstance(v, dict) else v))
    return True


def json_value(v: Any, what: str) -> Any:
    """Parses a JSON column: text holding JSON as fitscope writes it (no bare NaN, finite numbers, shallow)."""
    if type(v) is not str:
        raise Damaged(f"{what} is {_show(v)}, not JSON text")
    try:
        value = json.loads(v, parse_constant=_reject_constant, parse_float=_finite_float)
    except Damaged as exc:
        raise Damaged(f"{what} {exc.detail}") from None
    except RecursionError:
        raise Damaged(f"{what} nests deeper than fitscope writes") from None
    except ValueError as exc:  # not JSON, or an integer beyond Python's digit limit
        raise Damaged(f"{what} is not valid JSON ({str(exc)[:80]})") from None
    if not _depth_ok(value):
        raise Damaged(f"{what} nests deeper than {MAX_JSON_DEPTH} levels")
    return value


# --------------------------------------------------------------------------- records


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    hints = _HINTS.get(cls)
    if hints is None:
        hints = _HINTS[cls] = typing.get_type_hints(cls)
    return hints


def _fits(value: Any, tp: Any) -> bool:
    if tp is Any:
        return _is_json(value)
    origin = get_origin(tp)
    if origin is Union or origin is types.UnionType:
        return any(_fits(value, arg) for arg in get_args(tp))
    if tp is type(None):
        return value is None
    if tp is int:
        return type(value) is int
    if tp is float:
        return type(value) in (int, float)
    if tp is str or tp is bool:
        return type(value) is tp
    if origin is Literal:
        return value in get_args(tp)
    if origin is tuple:
        args = get_args(tp)
        if not isinstance(value, tuple):
            return False
        if len(args) == 2 and args[1] is Ellipsis:
            return all(_fits(x, args[0]) for x in value)
        return len(args) == len(value) and all(_fits(x, a) for x, a in zip(value, args, strict=True))
    if origin is Mapping or origin is dict:
        key_t, value_t = get_args(tp)
        return isinstance(value, Mapping) and all(_fits(k, key_t) and _fits(x, value_t) for k, x in value.items())
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return isinstance(value, tp) and _fields_fit(value)
    return isinstance(tp, type) and isinstance(value, tp)


def _is_json(value: Any) -> bool:
    if value is None or type(value) in (str, int, bool):
        return True
    if type(value) is float:
        return math.isfinite(value)
    if isinstance(value, (list, tuple)):
        return all(_is_json(x) for x in value)
    if isinstance(value, Mapping):
        return all(type(k) is str and _is_json(x) for k, x in value.items())
    return False


def _fields_fit(record: Any) -> bool:
    hints = _hints(type(record))
    return all(_fits(getattr(record, f.name), hints[f.name]) for f in dataclasses.fields(record))


def check_record(record: Any, what: str) -> None:
    """Checks that every field of a record (a dataclass, nested ones too) holds its declared type.

    ``JSON`` fields (``Any``) must hold JSON values with finite numbers.
    """
    if not _fields_fit(record):
        bad = next(
            f.name
            for f in dataclasses.fields(record)
            if not _fits(getattr(record, f.name), _hints(type(record))[f.name])
        )
        raise Damaged(f"{what} holds a {bad!r} that is not as fitscope writes it")
