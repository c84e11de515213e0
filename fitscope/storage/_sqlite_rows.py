"""Converting records to the rows of a fitscope SQLite file and back.

Floats go through :func:`fitscope.encoding.to_sql` (NaN as the text ``'NaN'``); inside the
``fields`` JSON text they go through :func:`fitscope.encoding.encode_float` (NaN, +/-Inf as
``"NaN"``, ``"Infinity"``, ``"-Infinity"``). Histograms live in their own table, their counts
as a little-endian int64 BLOB.
"""

from __future__ import annotations

import json
import struct
from collections.abc import Callable, Mapping
from typing import Any, Final

from fitscope.encoding import encode_float, to_sql
from fitscope.records import (
    TYPE_ID,
    Budget,
    DeviceMemory,
    Histogram,
    Memory,
    Performance,
    ScoreSeries,
    StatsReport,
    Summary,
)
from fitscope.storage import _sqlite_checks as check

__all__ = [
    "HISTOGRAM_COLUMNS",
    "REPORT_COLUMNS",
    "SUMMARY_COLUMNS",
    "SUMMARY_STAT_COUNT",
    "summary_read_columns",
    "SummaryRow",
    "encode_fields",
    "report_field_sql",
    "report_from_row",
    "score_rows",
    "summary_from_row",
    "summary_rows",
    "written_as_is",
]

#: Columns of ``reports`` read back by :func:`report_from_row`, in order.
REPORT_COLUMNS: Final = "id, iteration, epoch, timestamp_ms, score, collection_ms, window_first, window_last, fields"
_KEY_COLUMNS: Final = ("name", "stream", "iteration", "report")
_STAT_COLUMNS: Final = (
    "count",
    "nonfinite_count",
    "nan_count",
    "posinf_count",
    "neginf_count",
    "mean",
    "stdev",
    "mean_magnitude",
    '"min"',
    '"max"',
    '"sum"',
    "sum_squares",
    "zero_count",
    "unit_count",
    "dead_unit_count",
)
#: Statistic columns of a ``summaries`` row (those :func:`summary_rows` writes after the key).
SUMMARY_STAT_COUNT: Final = len(_STAT_COLUMNS)
_UNIT_COLUMNS: Final = _STAT_COLUMNS[-3:]  # added within version 3: absent from older files
_HIST_COLUMNS: Final = ("hist_min", "hist_max", "hist_counts")
#: Columns of ``summaries`` written by :func:`summary_rows`.
SUMMARY_COLUMNS: Final = ", ".join(_KEY_COLUMNS + _STAT_COLUMNS)
#: Columns of ``histograms`` written by :func:`summary_rows`.
HISTOGRAM_COLUMNS: Final = ", ".join(_KEY_COLUMNS + _HIST_COLUMNS)


def summary_read_columns(unit_stats: bool, *, histograms: bool = True) -> str:
    """Columns read by :func:`summary_from_row` (``row[4:]``) from ``summaries AS s LEFT JOIN histograms AS h``.

    ``unit_stats``: the file has the zero and unit counts; NULL (not counted) is read in their place otherwise.
    ``histograms``: False reads NULL for the histogram columns (no join needed: the summaries come without).
    """
    stats = [f"s.{c}" if unit_stats or c not in _UNIT_COLUMNS else "NULL" for c in _STAT_COLUMNS]
    hist = [f"h.{c}" if histograms else "NULL" for c in _HIST_COLUMNS]
    return ", ".join([f"s.{c}" for c in _KEY_COLUMNS] + stats + hist)


_PERFORMANCE_FIELDS: Final = tuple(Performance.__dataclass_fields__)
_MEMORY_FIELDS: Final = ("process_rss_bytes", "system_total_bytes", "system_available_bytes")
_DEVICE_FIELDS: Final = ("current_bytes", "max_bytes", "total_bytes")

SummaryRow = tuple[Any, ...]


def _json_float(x: float) -> float | str:
    return encode_float(x) if isinstance(x, float) else x


def encode_fields(report: StatsReport) -> str | None:
    """Returns the ``fields`` JSON text of a report (None when it has nothing to put there)."""
    out: dict[str, Any] = {}
    if report.learning_rates:
        out["learning_rates"] = {k: _json_float(v) for k, v in report.learning_rates.items()}
    if report.performance is not None:
        out["performance"] = {f: _json_float(getattr(report.performance, f)) for f in _PERFORMANCE_FIELDS}
    mem = report.memory
    if mem is not None:
        m: dict[str, Any] = {f: getattr(mem, f) for f in _MEMORY_FIELDS}
        if mem.devices:
            # Keyed by device name (unique within a report) so json_extract finds one by path.
            m["devices"] = {d.name: {f: getattr(d, f) for f in _DEVICE_FIELDS} for d in mem.devices}
        out["memory"] = m
    if report.type_id != TYPE_ID:
        out["type_id"] = report.type_id
    empty_kinds = [kind for kind, by_name in report.summaries.items() if not by_name]
    if empty_kinds:
        out["empty_summary_kinds"] = empty_kinds
    if report.budget is not None:
        out["budget"] = report.budget.to_json()
    return json.dumps(out, allow_nan=False, separators=(",", ":")) if out else None


def score_rows(report: StatsReport, stream: int) -> list[tuple[int, int, float | str | None, int | None]]:
    """Returns the ``scores`` rows (stream, iteration, value, timestamp_ms) of a report.

    Its window (with the window's times, NULL when it has none), plus its own score when outside it.
    """
    window = report.scores
    times: tuple[int | None, ...] = window.timestamps_ms or (None,) * len(window.iterations)
    rows = [(stream, it, to_sql(v), ts) for it, v, ts in zip(window.iterations, window.values, times, strict=True)]
    if report.score is not None and report.iteration not in window.iterations:
        rows.append((stream, report.iteration, to_sql(report.score), None))
    return rows


def summary_rows(
    report: StatsReport, stream: int, report_id: int, name_id: Callable[[str, str], int]
) -> tuple[list[SummaryRow], list[SummaryRow]]:
    """Returns the ``summaries`` and ``histograms`` rows of a report.

    See :data:`SUMMARY_COLUMNS` and :data:`HISTOGRAM_COLUMNS`; a summary without a histogram has
    no ``histograms`` row.
    """
    rows: list[SummaryRow] = []
    hist_rows: list[SummaryRow] = []
    it = report.iteration
    for kind, by_name in report.summaries.items():
        for name, s in by_name.items():
            key = (name_id(kind, name), stream, it, report_id)
            h = s.histogram
            if h is not None:
                counts = struct.pack(f"<{len(h.counts)}q", *h.counts)
                hist_rows.append((*key, to_sql(h.min), to_sql(h.max), counts))
            rows.append(
                (
                    *key,
                    s.count,
                    s.nonfinite_count,
                    s.nan_count,
                    s.posinf_count,
                    s.neginf_count,
                    to_sql(s.mean),
                    to_sql(s.stdev),
                    to_sql(s.mean_magnitude),
                    to_sql(s.min),
                    to_sql(s.max),
                    to_sql(s.sum),
                    to_sql(s.sum_squares),
                    s.zero_count,
                    s.unit_count,
                    s.dead_unit_count,
                )
            )
    return rows, hist_rows


def summary_from_row(row: SummaryRow) -> Summary:
    """Builds a summary from the statistic columns of a row (``row[4:]`` of :func:`summary_read_columns`).

    Raises:
        Damaged: A column holds what fitscope does not write.
    """
    count, nonfinite, nan, posinf, neginf, mean, stdev, mag, lo, hi, total, squares = row[:12]
    zeros, units, dead, h_min, h_max, blob = row[12:]
    counts = [check.integer(c, name) for c, name in zip(row[:5], _STAT_COLUMNS, strict=False)]
    counts += [check.integer(c, name) for c, name in zip(row[12:15], _UNIT_COLUMNS, strict=True) if c is not None]
    if min(counts) < 0:
        raise check.Damaged(f"a summary holds a negative count {counts}")
    if (zeros is not None and zeros > count) or (dead is not None and (units is None or dead > units)):
        raise check.Damaged(f"a summary counts {zeros} zeros of {count} values, {dead} dead units of {units}")
    histogram = None
    if blob is not None:
        histogram = Histogram(
            min=check.real(h_min, "a histogram's min"),
            max=check.real(h_max, "a histogram's max"),
            counts=check.histogram_counts(blob, "a histogram's counts"),
        )
    return Summary(
        count=count,
        nonfinite_count=nonfinite,
        nan_count=nan,
        posinf_count=posinf,
        neginf_count=neginf,
        mean=check.optional_real(mean, "a summary's mean"),
        stdev=check.optional_real(stdev, "a summary's stdev"),
        mean_magnitude=check.optional_real(mag, "a summary's mean_magnitude"),
        min=check.optional_real(lo, "a summary's min"),
        max=check.optional_real(hi, "a summary's max"),
        sum=check.optional_real(total, "a summary's sum"),
        sum_squares=check.optional_real(squares, "a summary's sum_squares"),
        histogram=histogram,
        zero_count=zeros,
        unit_count=units,
        dead_unit_count=dead,
    )


def _object(v: Any, what: str) -> dict[str, Any]:
    if not isinstance(v, dict):
        raise check.Damaged(f"{what} is {type(v).__name__}, not an object")
    return v


def _performance(p: Any) -> Performance:
    p = _object(p, "the report's performance")
    if set(p) != set(_PERFORMANCE_FIELDS):
        raise check.Damaged(f"the report's performance has the fields {sorted(p)!r}")
    return Performance(
        total_runtime_ms=check.real(p["total_runtime_ms"], "performance/total_runtime_ms"),
        total_examples=check.integer(p["total_examples"], "performance/total_examples"),
        total_minibatches=check.integer(p["total_minibatches"], "performance/total_minibatches"),
        examples_per_second=check.real(p["examples_per_second"], "performance/examples_per_second"),
        minibatches_per_second=check.real(p["minibatches_per_second"], "performance/minibatches_per_second"),
    )


def _memory(m: Any) -> Memory:
    m = _object(m, "the report's memory")
    devices = []
    for name, d in _object(m.get("devices", {}), "the report's device memory").items():
        d = _object(d, f"the memory of device {name!r}")
        fields = {f: check.optional_integer(d.get(f), f"memory/devices/{name}/{f}") for f in _DEVICE_FIELDS}
        devices.append(DeviceMemory(name=name, **fields))
    fields = {f: check.optional_integer(m.get(f), f"memory/{f}") for f in _MEMORY_FIELDS}
    return Memory(**fields, devices=tuple(devices))


def report_from_row(
    row: tuple[Any, ...],
    session_id: str,
    worker_id: str,
    summaries: Mapping[str, Mapping[str, Summary]],
    window: ScoreSeries,
) -> StatsReport:
    """Builds a report from a ``reports`` row (:data:`REPORT_COLUMNS`), its summaries and window.

    Raises:
        Damaged: A column holds what fitscope does not write.
    """
    _, iteration, epoch, timestamp_ms, score, collection_ms, _, _, fields_text = row
    fields = {} if fields_text is None else _object(check.json_value(fields_text, "the report's fields"), "fields")
    perf = fields.get("performance")
    mem = fields.get("memory")
    all_summaries = {kind: dict(by_name) for kind, by_name in summaries.items()}
    empty_kinds = fields.get("empty_summary_kinds", [])
    if not isinstance(empty_kinds, list):
        raise check.Damaged("the report's empty_summary_kinds is not a list")
    for kind in empty_kinds:
        all_summaries.setdefault(check.text(kind, "an empty summary kind"), {})
    rates = _object(fields.get("learning_rates", {}), "the report's learning rates")
    type_id = check.text(fields.get("type_id", TYPE_ID), "the report's type_id")
    budget = fields.get("budget")
    return StatsReport(
        session_id=session_id,
        worker_id=worker_id,
        timestamp_ms=check.timestamp(timestamp_ms, "the report's timestamp_ms"),
        iteration=check.integer(iteration, "the report's iteration"),
        epoch=check.integer(epoch, "the report's epoch"),
        type_id=type_id,
        score=check.optional_real(score, "the report's score"),
        scores=window,
        learning_rates={k: check.real(v, f"learning rate {k!r}") for k, v in rates.items()},
        performance=None if perf is None else _performance(perf),
        memory=None if mem is None else _memory(mem),
        collection_ms=check.optional_real(collection_ms, "the report's collection_ms"),
        summaries=all_summaries,
        budget=None if budget is None else _budget(budget),
    )


def _budget(d: Any) -> Budget:
    """The report's budget, from its ``fields``."""
    b = _object(d, "the report's budget")
    strides = _object(b.get("histogram_strides", {}), "the report's histogram strides")
    return Budget(
        max_overhead=check.real(b.get("max_overhead"), "the report's max_overhead"),
        overhead=check.optional_real(b.get("overhead"), "the report's measured overhead"),
        histogram_strides={
            check.text(k, "a histogram stride's kind"): check.integer(v, f"the histogram stride of {k!r}")
            for k, v in strides.items()
        },
    )


def written_as_is(label: str) -> bool:
    """True when JSON writes ``label`` without an escape, so a JSON path names it as it is."""
    return json.dumps(label) == f'"{label}"'


def _label_sql(parent: str, label: str, leaf: str = "") -> tuple[str, str, list[Any]]:
    """Returns (value, presence, parameters) for the member ``label`` of the JSON object at ``parent``.

    A label is quoted into the JSON path (``$.a."b.c"``) when JSON writes it as it is. SQLite
    compares a path with the member names as written, escapes included, so a label that JSON
    escapes (a double quote, a backslash, a control or non-ASCII character: ``é`` is written
    ``\u00e9``) is looked up with ``json_each`` instead, whose ``key`` is the decoded name
    (slower, rare).
    """
    if written_as_is(label):
        member = f'{parent}."{label}"'
        return "json_extract(fields, ?)", "json_type(fields, ?) IS NOT NULL", [member + leaf, member]
    each = f"FROM json_each(fields, '{parent}') WHERE key = ?"
    value = f"json_extract(value, '${leaf}')" if leaf else "value"
    return f"(SELECT {value} {each})", f"EXISTS (SELECT 1 {each})", [label, label]


def report_field_sql(key: str) -> tuple[str, str, list[Any]]:
    """Returns (value expression, presence condition, parameters) for a report-field series key.

    The expressions apply to the ``reports`` table; parameters bind the value expression's
    placeholders first, then the condition's. Keys are validated by ``parse_series_key``, so
    only learning-rate and device names come from outside and those are bound, never inlined.
    """
    if key in ("collection_ms", "timestamp_ms"):
        return key, "1", []
    head, _, rest = key.partition("/")
    if head == "learning_rates":
        return _label_sql("$.learning_rates", rest)
    if head == "performance":
        return "json_extract(fields, ?)", "json_type(fields, '$.performance') IS NOT NULL", [f"$.performance.{rest}"]
    if rest.startswith("devices/"):
        device, _, fld = rest[len("devices/") :].rpartition("/")
        return _label_sql("$.memory.devices", device, f".{fld}")
    return "json_extract(fields, ?)", "json_type(fields, '$.memory') IS NOT NULL", [f"$.memory.{rest}"]
