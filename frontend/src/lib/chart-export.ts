/**
 * What a chart's Download offers: the stored values of its series as CSV or JSON.
 *
 * One row per iteration of the union of the series' iterations, in order: the iteration, its
 * wall time (ms since the Unix epoch and ISO 8601, empty when no series carries one there) and
 * each series' value there. Non-finite values stay text (`NaN`, `Infinity`, `-Infinity`, as the
 * API writes them), an absent value (`null`) and a series without a point there are empty.
 * Numbers are written as JavaScript's shortest round-trip form, so a value read back is the
 * float the server sent.
 */
import type { WireFloat } from "./series.js";

/** One series to export: its stored points, with wall times when it has them. */
export interface ExportSeries {
  label: string;
  iterations: readonly number[];
  values: readonly (WireFloat | number)[];
  /** wall time (ms since the epoch) of each point, parallel to `iterations` */
  timestamps_ms?: readonly (number | null)[] | undefined;
}

/** A value as the files write it: a number's shortest form, `NaN` / `Infinity` / `-Infinity`, "" for absent. */
export function valueText(v: WireFloat | number | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (Number.isNaN(v)) return "NaN";
  if (v === Number.POSITIVE_INFINITY) return "Infinity";
  if (v === Number.NEGATIVE_INFINITY) return "-Infinity";
  return String(v);
}

/** A value in the API's JSON form: a finite number, a non-finite marker string, or null. */
export function wireValue(v: WireFloat | number | undefined): WireFloat {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || Number.isFinite(v)) return v;
  return valueText(v) as WireFloat;
}

/** A rectangle of the series: the sorted iterations, their wall times, and values per series. */
export interface ExportTable {
  iterations: number[];
  times: (number | null)[];
  /** `columns[s][i]`: series s at `iterations[i]` (undefined: no point there) */
  columns: (WireFloat | number | undefined)[][];
}

/** Aligns the series on the union of their iterations (the last of a repeated iteration wins). */
export function exportTable(series: readonly ExportSeries[]): ExportTable {
  const times = new Map<number, number>();
  const maps = series.map((s) => {
    const m = new Map<number, WireFloat | number>();
    const n = Math.min(s.iterations.length, s.values.length);
    for (let i = 0; i < n; i++) {
      const it = s.iterations[i] as number;
      m.set(it, s.values[i] as WireFloat | number);
      const ts = s.timestamps_ms?.[i];
      if (typeof ts === "number" && !times.has(it)) times.set(it, ts);
    }
    return m;
  });
  const all = new Set<number>();
  for (const m of maps) for (const it of m.keys()) all.add(it);
  const iterations = [...all].sort((a, b) => a - b);
  return {
    iterations,
    times: iterations.map((it) => times.get(it) ?? null),
    columns: maps.map((m) => iterations.map((it) => m.get(it))),
  };
}

/** A CSV field, quoted when it holds a comma, a quote, a line break or edge spaces (RFC 4180). */
export function csvField(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The series as CSV: `iteration,wall_time_ms,wall_time_iso,<label>...`, CRLF line ends. */
export function toCsv(series: readonly ExportSeries[]): string {
  const table = exportTable(series);
  const lines = [
    ["iteration", "wall_time_ms", "wall_time_iso", ...series.map((s) => s.label)]
      .map(csvField)
      .join(","),
  ];
  table.iterations.forEach((it, i) => {
    const ts = table.times[i] ?? null;
    const cells = [
      String(it),
      ts === null ? "" : String(ts),
      ts === null ? "" : new Date(ts).toISOString(),
      ...table.columns.map((col) => valueText(col[i])),
    ];
    lines.push(cells.map(csvField).join(","));
  });
  return lines.join("\r\n") + "\r\n";
}

/** What the JSON file says besides the series. */
export interface ExportMeta {
  chart: string;
  session: string | null;
  worker: string | null;
}

/** The series as JSON, columnar as the API sends them (non-finite values as text, absent null). */
export function toJson(series: readonly ExportSeries[], meta: ExportMeta): string {
  return JSON.stringify(
    {
      ...meta,
      series: series.map((s) => ({
        label: s.label,
        iterations: [...s.iterations],
        ...(s.timestamps_ms !== undefined ? { timestamps_ms: [...s.timestamps_ms] } : {}),
        values: s.values.map(wireValue),
      })),
    },
    null,
    1,
  );
}

/** A file name from the chart's title and the session: `score-mlp.csv` (only safe characters). */
export function exportFileName(title: string, session: string | null, ext: "csv" | "json"): string {
  const safe = (s: string) =>
    s
      .normalize("NFKC")
      .replace(/[^\p{L}\p{N}._-]+/gu, "-")
      .replace(/^[-.]+|-+$/g, "")
      .slice(0, 80);
  const parts = [safe(title), session === null ? "" : safe(session)].filter((p) => p !== "");
  return `${parts.length === 0 ? "chart" : parts.join("-")}.${ext}`;
}

/** Has the browser save `text` as a file named `name`. */
export function saveText(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.rel = "noopener";
  a.style.display = "none";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
