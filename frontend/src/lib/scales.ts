/**
 * Axis ranges and ticks for the charts. Every function reads only the finite values: NaN and
 * ±Infinity are drawn as markers and null as gaps, so neither may stretch or shift an axis.
 */

/** One series of y-values, null where absent. */
export type Series = readonly (number | null)[];

/** The smallest and largest finite value over all series, or null when there is none. */
function finiteExtent(series: readonly Series[]): [number, number] | null {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const values of series) {
    for (const v of values) {
      if (v === null || !Number.isFinite(v)) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return min <= max ? [min, max] : null;
}

/** Lowest bound of a log10 axis: 1e-10 is as small as a ratio or stdev worth showing gets. */
const LOG_FLOOR = -10;

/**
 * The y-range of a chart of log10 values (update:parameter ratios, stdevs), by the original UI's
 * rule: from floor(max(smallest finite value, −10)) to ceil(largest finite value), in whole
 * decades. When that range is a single point it is widened by 1 on each side. When every value
 * lies below −10 the −10 clamp would hide them all, so the range then starts at the floor of the
 * largest value instead.
 *
 * @example logRange([[-3.2, -2.5], [-4.1]]) → [-5, -2]
 * @param series The charted series (log10 values; −Infinity for log10(0) is left out).
 * @returns [min, max] with min < max, or null when no value is finite.
 */
export function logRange(series: readonly Series[]): [number, number] | null {
  const extent = finiteExtent(series);
  if (extent === null) return null;
  const [min, max] = extent;
  const hi = Math.ceil(max);
  const lo = Math.min(Math.floor(Math.max(min, LOG_FLOOR)), Math.floor(max));
  return lo === hi ? [lo - 1, hi + 1] : [lo, hi];
}

/** The typical range of log10(update:parameter ratio), drawn as a band (the seed's guide). */
export const RATIO_BAND: readonly [number, number] = [-4, -2];
/** The rule of thumb for log10(update:parameter ratio) (1:1000), drawn as a dashed line. */
export const RATIO_REFERENCE = -3;

/**
 * The y-range of an update:parameter ratio chart: {@link logRange} of the values, widened so
 * that {@link RATIO_BAND} stays in view with one unit to spare on each side.
 *
 * @example ratioRange([[-3.2, -2.5]]) → [-5, -1]; ratioRange([]) → [-5, -1]
 */
export function ratioRange(series: readonly Series[]): [number, number] {
  const [lo, hi] = RATIO_BAND;
  const range = logRange(series);
  if (range === null) return [lo - 1, hi + 1];
  return [Math.min(range[0], lo - 1), Math.max(range[1], hi + 1)];
}

/**
 * The y-range of the score chart, by the original UI's rule: from min(0, smallest finite value)
 * to the largest finite value. A flat line (all values equal and not above 0) gets a range of
 * [v, 0], or [0, 1] when v is 0.
 *
 * @example scoreRange([[2.5, 0.7, 1.1]]) → [0, 2.5]
 * @param series The charted series.
 * @returns [min, max] with min < max, or null when no value is finite.
 */
export function scoreRange(series: readonly Series[]): [number, number] | null {
  const extent = finiteExtent(series);
  if (extent === null) return null;
  const lo = Math.min(0, extent[0]);
  const hi = extent[1];
  if (hi > lo) return [lo, hi];
  return lo === 0 ? [0, 1] : [lo, 0];
}

/** Share of the data's span added on each side by {@link linearRange}. */
const PAD = 0.05;

/** Options of {@link linearRange}. */
export interface LinearRangeOptions {
  /** Stretch the range to take in 0, and do not pad past 0 on that side. */
  includeZero?: boolean;
}

/**
 * A y-range for ordinary values: the finite values' extent padded by 5% of its span on each
 * side. With `includeZero` the extent first takes in 0, and a bound at 0 is not padded (a memory
 * chart starts at 0, not at −5%). A flat line is padded by 5% of its value, or by 1 when it is 0.
 *
 * @example linearRange([[0, 10]]) → [-0.5, 10.5]; linearRange([[2, 10]], {includeZero: true}) → [0, 10.5]
 * @param series The charted series.
 * @param options `includeZero`, false by default.
 * @returns [min, max] with min < max, or null when no value is finite.
 */
export function linearRange(
  series: readonly Series[],
  options: LinearRangeOptions = {},
): [number, number] | null {
  const extent = finiteExtent(series);
  if (extent === null) return null;
  const includeZero = options.includeZero ?? false;
  let [lo, hi] = extent;
  if (includeZero) {
    lo = Math.min(lo, 0);
    hi = Math.max(hi, 0);
  }
  const span = hi - lo;
  const pad = span > 0 ? span * PAD : lo === 0 ? 1 : Math.abs(lo) * PAD;
  let a = lo - pad;
  let b = hi + pad;
  if (includeZero && lo === 0) a = 0;
  else if (includeZero && hi === 0) b = 0;
  // A span past the largest double (±1e308 at both ends) cannot be padded.
  if (!Number.isFinite(a) || !Number.isFinite(b)) return [lo, hi];
  return [a, b];
}

/**
 * Whether the series can be shown on a log scale: there is a finite value and every finite
 * value is above 0. (Non-finite values are markers, not points, so they do not count.)
 *
 * @param series The charted series.
 * @returns True when a log-scale toggle makes sense.
 */
export function canLog(series: readonly Series[]): boolean {
  let any = false;
  for (const values of series) {
    for (const v of values) {
      if (v === null || !Number.isFinite(v)) continue;
      if (v <= 0) return false;
      any = true;
    }
  }
  return any;
}

/**
 * Maps a series to log10: v > 0 to log10(v), 0 (and −0) to −Infinity, a negative value to NaN;
 * null stays null and the non-finite values are kept as they are (+Infinity stays +Infinity).
 *
 * @example toLog10([100, 0, -1, null]) → [2, -Infinity, NaN, null]
 * @param values A series.
 * @returns A new array as long as `values`.
 */
export function toLog10(values: Series): (number | null)[] {
  return values.map((v) => {
    if (v === null || !Number.isFinite(v)) return v;
    if (v > 0) return Math.log10(v);
    return v === 0 ? Number.NEGATIVE_INFINITY : Number.NaN;
  });
}

/**
 * A tick step: 1, 2 or 5 times a power of ten, the nearest to `raw` (Heckbert's "nice numbers").
 *
 * @returns [multiplier, exponent] so that step = multiplier · 10^exponent.
 */
function niceStep(raw: number): [number, number] {
  const exponent = Math.floor(Math.log10(raw));
  const fraction = raw / 10 ** exponent;
  if (fraction < 1.5) return [1, exponent];
  if (fraction < 3) return [2, exponent];
  if (fraction < 7) return [5, exponent];
  return [1, exponent + 1];
}

/** i·m·10^e computed so that decimal steps come out exact (0.6, not 0.6000000000000001). */
function tickValue(i: number, m: number, e: number): number {
  // Integer / power of ten rounds once, to the double nearest the decimal. (Past 1e-300 the
  // power would overflow; such steps are denormal anyway.)
  return e < 0 && e > -300 ? (i * m) / 10 ** -e : i * m * 10 ** e;
}

/** Slack for float error when deciding whether a bound already sits on a tick. */
const EPS = 1e-9;

/**
 * Evenly spaced "nice" ticks, 1, 2 or 5 times a power of ten apart, that cover [min, max]: the
 * first is at or below min and the last at or above max (both on the bound when it is a
 * multiple of the step). The step is the nice number nearest to (max − min) / (count − 1), so
 * there are about `count` ticks.
 *
 * @example niceTicks(0, 1) → [0, 0.2, 0.4, 0.6, 0.8, 1]; niceTicks(3, 97) → [0, 20, 40, 60, 80, 100]
 * @param min One end of the range.
 * @param max The other end (either order).
 * @param count About how many ticks, at least 2 (smaller or non-finite counts are taken as 2).
 * @returns The ticks, ascending; [min] when min equals max; [] when either end is not finite or
 *   the span overflows; [lo, hi] when the span is too small next to the bounds to be stepped.
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  const lo = Math.min(min, max);
  const hi = Math.max(min, max);
  const span = hi - lo;
  if (span === 0) return [lo];
  if (!Number.isFinite(span)) return [];
  const intervals = Number.isFinite(count) ? Math.max(1, Math.round(count) - 1) : 1;
  const [m, e] = niceStep(span / intervals);
  const step = m * 10 ** e;
  const first = Math.floor(lo / step + EPS);
  const last = Math.ceil(hi / step - EPS);
  // A span tiny next to its bounds (1 to 1 + 1e-300) puts the tick indices past 2^53, where
  // they no longer count one by one: no ticks beyond the bounds themselves.
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(last)) return [lo, hi];
  const ticks: number[] = [];
  for (let i = first; i <= last; i++) {
    const t = tickValue(i, m, e);
    ticks.push(t === 0 ? 0 : t); // no -0
  }
  return ticks;
}
