/**
 * The score chart's "summary" line: an exponential moving average, as in the original
 * Deeplearning4j overview page, made safe for gaps and non-finite values.
 */

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
