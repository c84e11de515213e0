/**
 * Axis ranges for the charts. Every function reads only the finite values: NaN and
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

/**
 * "Nice" tick values from 0 to at least `max` (steps of 1, 2 or 5 times a power of ten), for a
 * count axis: about `target` steps (at most that many), the last tick at or above `max`.
 *
 * @example countTicks(2048) → [0, 500, 1000, 1500, 2000, 2500]; countTicks(3) → [0, 1, 2, 3]
 * @param max The largest count (≤ 0 or not finite gives [0, 1]).
 * @param target About how many steps.
 */
export function countTicks(max: number, target = 5): number[] {
  if (!Number.isFinite(max) || max <= 0) return [0, 1];
  const raw = max / target;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? 10 * pow;
  const whole = Math.max(1, step >= 1 ? Math.round(step) : step);
  const ticks: number[] = [];
  for (let v = 0; ; v += whole) {
    ticks.push(Number(v.toPrecision(12)));
    if (v >= max) break;
  }
  return ticks;
}

/**
 * `n` evenly spaced tick values from `min` to `max` (both included), for a value axis whose
 * bins span exactly that range; a single value when min equals max, none when either is not
 * finite.
 *
 * @example spanTicks(-1, 1, 5) → [-1, -0.5, 0, 0.5, 1]
 */
export function spanTicks(min: number, max: number, n = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max || n < 2) return [min];
  return Array.from({ length: n }, (_, i) =>
    i === n - 1 ? max : min + ((max - min) * i) / (n - 1),
  );
}
