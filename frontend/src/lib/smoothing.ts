/**
 * The score chart's "summary" line: an exponential moving average, as in the original
 * Deeplearning4j overview page, made safe for gaps and non-finite values; and the charts'
 * smoothing slider (TensorBoard's debiased EMA, {@link smoothEma}, {@link smoothedSeries}).
 */
import type { ChartSeries } from "./chart-options.js";
import { parseFloatValues } from "../values.js";

/**
 * The weight of the newest value in an exponential moving average over `range` points,
 * k = 2 / (range + 1).
 *
 * @example emaFactor(10) === 2 / 11
 * @param range The averaging span in points, at least 1 (1 means no smoothing).
 * @returns k, in (0, 1].
 * @throws RangeError when `range` is not a finite number of at least 1.
 */
export function emaFactor(range: number): number {
  if (!Number.isFinite(range) || range < 1) {
    throw new RangeError(`range must be a finite number of at least 1, got ${String(range)}.`);
  }
  return 2 / (range + 1);
}

/**
 * Exponential moving average: s = x for the first finite value, then s = k·x + (1 − k)·s with
 * k = {@link emaFactor}(range).
 *
 * A null, NaN or ±Infinity input gives null at its index (a gap in the line) and leaves the
 * average untouched, so one bad value neither poisons the rest of the line nor drags it to 0;
 * the next finite value carries on from the last average.
 *
 * @example ema([1, null, 3], 3) → [1, null, 2]
 * @param values A series, with null for absent values.
 * @param range The averaging span in points (10 in the original UI), at least 1.
 * @returns A new array as long as `values`: the average at each finite input, null elsewhere.
 * @throws RangeError when `range` is not a finite number of at least 1.
 */
export function ema(values: readonly (number | null)[], range = 10): (number | null)[] {
  const k = emaFactor(range);
  const out: (number | null)[] = [];
  let average: number | null = null;
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) {
      out.push(null);
      continue;
    }
    average = average === null ? v : k * v + (1 - k) * average;
    out.push(average);
  }
  return out;
}

/**
 * TensorBoard's smoothing: a debiased exponential moving average with weight `weight` on the
 * previous average (0: none, 0.99: very smooth).
 *
 * s_n = (w·a_{n−1} + (1 − w)·x_n) / (1 − w^n): the plain average a starts at 0, and dividing
 * by 1 − w^n (n: finite points so far) removes the pull towards 0 at the start, so the line
 * begins at the first value. A null, NaN or ±Infinity input gives null at its index and is not
 * counted: the average skips it, so a NaN neither poisons the rest of the line nor is smeared
 * into its neighbours (the chart marks it as it marks the raw value).
 *
 * @example smoothEma([1, 3], 0.5) → [1, 2.333…] (a = 0.5, then 1.75; divided by 0.5, 0.75)
 * @param values A series, with null for absent values.
 * @param weight In [0, 1); values outside are clamped to [0, 0.999].
 * @returns A new array as long as `values`.
 */
export function smoothEma(values: readonly (number | null)[], weight: number): (number | null)[] {
  const w = Number.isFinite(weight) ? Math.min(Math.max(weight, 0), 0.999) : 0;
  const out: (number | null)[] = [];
  let average = 0;
  let debias = 0;
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) {
      out.push(null);
      continue;
    }
    average = w * average + (1 - w) * v;
    debias = w * debias + (1 - w);
    out.push(average / debias);
  }
  return out;
}

/**
 * The lines a chart draws with its smoothing slider at `weight`: each series the slider may
 * smooth becomes its raw line, faint, followed by its {@link smoothEma} line in the same colour
 * (labelled by `smoothedLabel`). Series with `smooth: false`, and those joined by a band
 * (`bandWith`, either end), stay as they are. Weight 0 gives `series` itself.
 */
export function smoothedSeries(
  series: readonly ChartSeries[],
  weight: number,
  smoothedLabel: (label: string) => string,
): readonly ChartSeries[] {
  if (!(weight > 0)) return series;
  const banded = new Set<number>();
  series.forEach((s, i) => {
    if (s.bandWith !== undefined) banded.add(i).add(s.bandWith);
  });
  const out: ChartSeries[] = [];
  const moved: number[] = [];
  series.forEach((s, i) => {
    moved[i] = out.length;
    if (s.smooth === false || banded.has(i)) {
      out.push(s);
      return;
    }
    const color = s.color ?? i;
    out.push({ ...s, color, faint: true });
    out.push({
      label: smoothedLabel(s.label),
      iterations: s.iterations,
      values: smoothEma(parseFloatValues(s.values), weight),
      timestamps_ms: s.timestamps_ms,
      color,
      smooth: false,
      ...(s.width !== undefined ? { width: s.width } : {}),
      ...(s.dash !== undefined ? { dash: s.dash } : {}),
    });
  });
  return out.map((s) =>
    s.bandWith === undefined ? s : { ...s, bandWith: moved[s.bandWith] ?? s.bandWith },
  );
}
