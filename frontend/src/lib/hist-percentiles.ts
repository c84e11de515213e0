/**
 * Percentiles of stored histograms, for the model page's distribution view (TensorBoard's
 * DISTRIBUTIONS tab): the values of a bin are taken as spread evenly across it, so a percentile
 * is interpolated linearly inside the bin that holds its rank. Histograms hold finite values
 * only (a tensor's NaN and ±Inf are counted elsewhere), so every percentile is finite.
 */

/** A histogram as the API sends it: `counts.length` equal-width bins spanning [min, max]. */
export interface BinnedHistogram {
  min: number;
  max: number;
  counts: readonly number[];
}

/**
 * The percentiles the distribution view draws: TensorBoard's (its basis points 0, 668, 1587,
 * 3085, 5000, 6915, 8413, 9332, 10000), which are the minimum, the normal distribution's
 * −1.5σ, −1σ, −0.5σ, median, +0.5σ, +1σ, +1.5σ, and the maximum.
 */
export const DISTRIBUTION_PERCENTILES: readonly number[] = [
  0, 6.68, 15.87, 30.85, 50, 69.15, 84.13, 93.32, 100,
];

function usableCount(c: number): number {
  return Number.isFinite(c) && c > 0 ? c : 0;
}

/**
 * The `p`-th percentile (0..100, clamped) of the values a histogram counts.
 *
 * With N values in all, the percentile's rank is r = p / 100 · N; it falls in the first bin
 * whose cumulative count reaches r, and lies that far into it: left + width · (r − below) /
 * count. So p = 0 is the left edge of the first non-empty bin (the smallest value), p = 100 the
 * right edge of the last one (the largest). One bin of width 0 (min equals max: every value the
 * same) gives min for every p.
 *
 * @example histogramPercentile({min: 0, max: 4, counts: [1, 1, 1, 1]}, 50) === 2
 * @returns null when the histogram counts no value, or its edges are not finite.
 */
export function histogramPercentile(h: BinnedHistogram, p: number): number | null {
  const counts = h.counts.map(usableCount);
  const total = counts.reduce((a, b) => a + b, 0);
  if (total <= 0 || !Number.isFinite(h.min) || !Number.isFinite(h.max) || Number.isNaN(p)) {
    return null;
  }
  if (h.min === h.max) return h.min;
  const rank = (Math.min(100, Math.max(0, p)) / 100) * total;
  const n = counts.length;
  const width = (h.max - h.min) / n;
  let below = 0;
  for (let i = 0; i < n; i++) {
    const c = counts[i] ?? 0;
    if (c === 0) continue;
    if (below + c >= rank) {
      const left = h.min + width * i;
      const right = i === n - 1 ? h.max : h.min + width * (i + 1);
      return left + (right - left) * ((rank - below) / c);
    }
    below += c;
  }
  return h.max; // rounding left the rank a hair above the total
}

/** The percentiles `ps` of one histogram (see {@link histogramPercentile}). */
export function histogramPercentiles(
  h: BinnedHistogram,
  ps: readonly number[] = DISTRIBUTION_PERCENTILES,
): (number | null)[] {
  return ps.map((p) => histogramPercentile(h, p));
}

/** Percentile lines over iterations, columnar: `values[k][i]` is percentile `ps[k]` at `iterations[i]`. */
export interface PercentileColumns {
  iterations: number[];
  percentiles: readonly number[];
  /** one column per percentile, parallel to `iterations`; null where a histogram counts nothing */
  values: (number | null)[][];
}

/** The percentile lines of a tensor's histograms (in iteration order), one column per percentile. */
export function percentileColumns(
  hists: readonly (BinnedHistogram & { iteration: number })[],
  ps: readonly number[] = DISTRIBUTION_PERCENTILES,
): PercentileColumns {
  const values = ps.map(() => [] as (number | null)[]);
  for (const h of hists) {
    histogramPercentiles(h, ps).forEach((v, k) => values[k]?.push(v));
  }
  return { iterations: hists.map((h) => h.iteration), percentiles: ps, values };
}
