"""Histograms of one tensor over iterations, read from a fitscope file without loading every one.

The ``histograms`` table is keyed by (name, stream, iteration), so the histogram at or next to
an iteration is one seek, and ``count`` histograms spread over a range are ``count`` seeks
(evenly spaced target iterations, each answered by the first stored histogram at or after it),
whatever the length of the run.
"""

from __future__ import annotations

import sqlite3

from fitscope.records import Histogram
from fitscope.storage import _sqlite_checks as check

__all__ = ["histogram_near", "histograms_over"]

_COLUMNS = "iteration, hist_min, hist_max, hist_counts"


def _decoded(row: tuple[object, ...]) -> tuple[int, Histogram]:
    iteration, lo, hi, blob = row
    it = check.integer(iteration, "a histogram's iteration")
    return it, Histogram(
        min=check.real(lo, "a histogram's min"),
        max=check.real(hi, "a histogram's max"),
        counts=check.histogram_counts(blob, "a histogram's counts"),
    )


def histogram_near(
    conn: sqlite3.Connection, stream: int, name_id: int, iteration: int, after: bool
) -> tuple[int, Histogram] | None:
    """The newest histogram at or before ``iteration``, or (``after``) the oldest after it."""
    if after:
        sql = f"SELECT {_COLUMNS} FROM histograms WHERE name = ? AND stream = ? AND iteration > ? ORDER BY iteration"
    else:
        sql = (
            f"SELECT {_COLUMNS} FROM histograms WHERE name = ? AND stream = ? AND iteration <= ? "
            "ORDER BY iteration DESC"
        )
    row = conn.execute(sql + " LIMIT 1", (name_id, stream, iteration)).fetchone()
    return None if row is None else _decoded(row)


def histograms_over(
    conn: sqlite3.Connection, stream: int, name_id: int, start: int, end: int, count: int
) -> list[tuple[int, Histogram]]:
    """At most ``count`` (at least 2) histograms in ``[start, end]``, as
    :func:`fitscope.storage.base.spread` picks them: all of them when they are that few, else for
    each of ``count`` evenly spaced iterations the first stored at or after it (once each), the
    range's last among them. Reads at most ``count + 1`` rows to tell, then one seek per pick.
    """
    count = max(count, 2)
    bounds = (name_id, stream, start, end)
    where = "FROM histograms WHERE name = ? AND stream = ? AND iteration BETWEEN ? AND ?"
    (stored,) = conn.execute(f"SELECT count(*) FROM (SELECT 1 {where} LIMIT ?)", (*bounds, count + 1)).fetchone()
    if stored <= count:
        return [_decoded(r) for r in conn.execute(f"SELECT {_COLUMNS} {where} ORDER BY iteration", bounds)]
    first_row = conn.execute(f"SELECT {_COLUMNS} {where} ORDER BY iteration LIMIT 1", bounds).fetchone()
    last_row = conn.execute(f"SELECT {_COLUMNS} {where} ORDER BY iteration DESC LIMIT 1", bounds).fetchone()
    first, last = _decoded(first_row), _decoded(last_row)
    step = (last[0] - first[0]) / (count - 1)
    seek = (
        f"SELECT {_COLUMNS} FROM histograms WHERE name = ? AND stream = ? AND iteration >= ? ORDER BY iteration LIMIT 1"
    )
    out = [first]
    for k in range(1, count):
        target = first[0] + round(k * step)
        row = conn.execute(seek, (name_id, stream, target)).fetchone()
        found = last if row is None else _decoded(row)
        if found[0] > last[0]:
            found = last
        if found[0] != out[-1][0]:
            out.append(found)
    if out[-1][0] != last[0]:
        out[-1] = last
    return out
