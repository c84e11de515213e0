"""Histograms of one tensor over iterations: ``GET /api/v1/histograms`` and ``GET /api/v1/histogram``.

``/histograms`` answers at most ``max_count`` histograms of a tensor (default 100, at most 1000)
spread evenly by iteration over ``[start, end]`` (the whole run by default), the first and last
among them: what the model page's offset and distribution views draw, read with about one seek
each (``StatsStorage.read_histograms``), so a run of 100,000 reports is never read whole.
``/histogram`` answers one: the newest stored at or before ``iteration``, or with ``after=true``
the oldest after it (the model page's slider and its arrow keys).
"""

from __future__ import annotations

from typing import Any, Final

from fitscope.records import SUMMARY_KINDS, Histogram
from fitscope.server.errors import ApiError
from fitscope.server.params import parse_count
from fitscope.server.reader import Reader

__all__ = ["DEFAULT_COUNT", "MAX_COUNT", "histogram_view", "histograms_view"]

DEFAULT_COUNT: Final = 100
MAX_COUNT: Final = 1000
_DIGITS: Final = 18  # iterations below 10**18


def _kind(kind: str) -> str:
    if kind not in SUMMARY_KINDS:
        raise ApiError(400, "bad_parameter", f"kind must be one of {', '.join(SUMMARY_KINDS)}, got {kind!r}.")
    return kind


def _iteration(text: str | None, name: str) -> int | None:
    if text is None:
        return None
    value = parse_count(text, _DIGITS)
    if value is None:
        raise ApiError(400, "bad_parameter", f"{name} must be a non-negative integer iteration, got {text[:40]!r}.")
    return value


def _json(iteration: int, h: Histogram) -> dict[str, Any]:
    return {"iteration": iteration, **h.to_json()}


def histograms_view(
    reader: Reader, kind: str, name: str, start: str | None, end: str | None, max_count: str | None
) -> dict[str, Any]:
    """``GET /api/v1/histograms``: up to ``max_count`` histograms of ``kind``/``name``, spread over ``[start, end]``."""
    kind = _kind(kind)
    lo, hi = _iteration(start, "start"), _iteration(end, "end")
    if lo is not None and hi is not None and lo > hi:
        raise ApiError(400, "bad_parameter", f"start ({lo}) is after end ({hi}).")
    count = DEFAULT_COUNT
    if max_count is not None:
        parsed = parse_count(max_count, 6)
        if parsed is None or not 2 <= parsed <= MAX_COUNT:
            raise ApiError(
                400, "bad_parameter", f"max_count must be an integer from 2 to {MAX_COUNT}, got {max_count[:40]!r}."
            )
        count = parsed
    found = reader.histograms(kind, name, lo, hi, count)
    return {
        "session_id": reader.session_id,
        "worker_id": reader.worker_id,
        "kind": kind,
        "name": name,
        "max_count": count,
        "histograms": [_json(it, h) for it, h in found],
    }


def histogram_view(reader: Reader, kind: str, name: str, iteration: str, after: str | None) -> dict[str, Any]:
    """``GET /api/v1/histogram``: the histogram of ``kind``/``name`` at or before ``iteration`` (or after it)."""
    kind = _kind(kind)
    it = _iteration(iteration, "iteration")
    assert it is not None
    if after not in (None, "true", "false"):
        raise ApiError(400, "bad_parameter", f"after must be true or false, got {after[:40]!r}.")
    found = reader.histogram_at(kind, name, it, after == "true")
    return {
        "session_id": reader.session_id,
        "worker_id": reader.worker_id,
        "kind": kind,
        "name": name,
        "histogram": None if found is None else _json(*found),
    }
