/**
 * The pieces of `<train-histogram>` that need no DOM: its bins, the bin a key moves to, and what
 * it says about the elements that are in no bin (NaN, ±Inf).
 */
import { t, type Lang } from "../i18n/index.js";
import { cursorIndexForKey } from "./chart-cursor.js";
import { formatInteger } from "./format.js";

/** A bin edge as records carry it. */
export type Edge = number | "NaN" | "Infinity" | "-Infinity";

/** A histogram as records carry it: `counts.length` equal-width bins spanning [min, max]. */
export interface HistogramData {
  min: Edge;
  max: Edge;
  counts: number[];
}

/** One bar: its range and count. */
export interface Bin {
  from: number;
  to: number;
  count: number;
}

function edgeValue(v: Edge | null | undefined): number {
  if (typeof v === "number") return v;
  if (v === "Infinity") return Number.POSITIVE_INFINITY;
  if (v === "-Infinity") return Number.NEGATIVE_INFINITY;
  return Number.NaN;
}

/**
 * The bars of a histogram: equal-width bins from min to max; one bar holding every count when
 * min equals max (all elements had one value). Negative or non-finite counts count as 0.
 */
export function histogramBins(h: HistogramData | null | undefined): Bin[] {
  if (h === null || h === undefined || !Array.isArray(h.counts) || h.counts.length === 0) return [];
  const counts = h.counts.map((c) =>
    typeof c === "number" && Number.isFinite(c) && c > 0 ? c : 0,
  );
  const min = edgeValue(h.min);
  const max = edgeValue(h.max);
  if (min === max) return [{ from: min, to: max, count: counts.reduce((a, b) => a + b, 0) }];
  const n = counts.length;
  const width = (max - min) / n;
  return counts.map((count, i) => ({
    from: i === 0 ? min : min + width * i,
    to: i === n - 1 ? max : min + width * (i + 1),
    count,
  }));
}

/**
 * The bin a key moves the histogram's cursor to: ←/→ one bin, Home/End the ends; with no cursor
 * either arrow starts at the first bin. Null when the key does not move it.
 */
export function binForKey(key: string, current: number | null, n: number): number | null {
  return n <= 0 ? null : cursorIndexForKey(key, false, current, n, 0);
}

/** How many elements of each non-finite kind a summary counted (unknown ones left out). */
export interface NonFiniteCounts {
  total: number;
  nan?: number | null;
  posinf?: number | null;
  neginf?: number | null;
}

function known(n: number | null | undefined): n is number {
  return typeof n === "number" && Number.isFinite(n) && n > 0;
}

/**
 * What a histogram with no bin says when every element was non-finite, e.g. "All 2048 elements
 * are non-finite (NaN 2048)."; null when `total` is not above 0.
 */
export function allNonFiniteText(lang: Lang, counts: NonFiniteCounts): string | null {
  if (!known(counts.total)) return null;
  const parts: string[] = [];
  if (known(counts.nan)) parts.push(`${t(lang, "chart.nan")} ${formatInteger(counts.nan)}`);
  if (known(counts.posinf))
    parts.push(`${t(lang, "chart.posinf")} ${formatInteger(counts.posinf)}`);
  if (known(counts.neginf))
    parts.push(`${t(lang, "chart.neginf")} ${formatInteger(counts.neginf)}`);
  const count = formatInteger(counts.total);
  return parts.length === 0
    ? t(lang, "histogram.all_nonfinite_plain", { count })
    : t(lang, "histogram.all_nonfinite", { count, detail: parts.join(", ") });
}
