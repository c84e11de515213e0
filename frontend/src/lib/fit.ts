/**
 * The least-squares line the score chart draws over a dragged x-range.
 */

/** A fitted line y = slope·x + intercept and the number of points it was fitted to. */
export interface LineFit {
  /** Change in y per unit of x. */
  slope: number;
  /** y at x = 0. */
  intercept: number;
  /** Points used: those in the x-range with finite x and y. */
  n: number;
}

/** The two endpoints of a fitted line, in the shape a chart series takes. */
export interface LineEnds {
  /** x of the two ends. */
  x: [number, number];
  /** y of the two ends. */
  y: [number, number];
}

/**
 * Ordinary least squares over the points whose x lies in [min(x0, x1), max(x0, x1)] (both ends
 * included) and whose x and y are finite; null, NaN and ±Infinity values are left out.
 *
 * The sums are taken about the means of x and y (two passes), so large iteration numbers or a
 * large offset in y do not cancel away the precision the naive one-pass sums lose.
 *
 * @example leastSquares([0, 1, 2], [1, 3, 5], 0, 2) → {slope: 2, intercept: 1, n: 3}
 * @param xs The x of each point (iterations).
 * @param ys The y of each point, null for absent; as long as `xs`.
 * @param x0 One end of the x-range.
 * @param x1 The other end (either order).
 * @returns The fit, or null when fewer than two points are usable (or an end of the range is
 *   NaN), all their x are equal, or the result is not finite. Infinite ends are allowed.
 * @throws RangeError when `xs` and `ys` differ in length.
 */
export function leastSquares(
  xs: readonly number[],
  ys: readonly (number | null)[],
  x0: number,
  x1: number,
): LineFit | null {
  if (xs.length !== ys.length) {
    throw new RangeError(`xs and ys must be as long, got ${xs.length} and ${ys.length}.`);
  }
  if (Number.isNaN(x0) || Number.isNaN(x1)) return null; // an empty range, not "everything"
  const lo = Math.min(x0, x1);
  const hi = Math.max(x0, x1);
  const px: number[] = [];
  const py: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const y = ys[i];
    if (x === undefined || y === undefined || y === null) continue;
    if (!Number.isFinite(x) || !Number.isFinite(y) || x < lo || x > hi) continue;
    px.push(x);
    py.push(y);
  }
  const n = px.length;
  if (n < 2) return null;
  let sumX = 0;
  let sumY = 0;
  for (let i = 0; i < n; i++) {
    sumX += px[i] ?? 0;
    sumY += py[i] ?? 0;
  }
  const meanX = sumX / n;
  const meanY = sumY / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (px[i] ?? 0) - meanX;
    const dy = (py[i] ?? 0) - meanY;
    sxx += dx * dx;
    sxy += dx * dy;
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  const intercept = meanY - slope * meanX;
  if (!Number.isFinite(slope) || !Number.isFinite(intercept)) return null;
  return { slope, intercept, n };
}

/**
 * The ends of a fitted line over [x0, x1], for drawing it as a two-point series.
 *
 * @example fitLine({slope: 2, intercept: 1, n: 3}, 0, 10) → {x: [0, 10], y: [1, 21]}
 * @param fit A line from {@link leastSquares}.
 * @param x0 The first end's x.
 * @param x1 The second end's x.
 * @returns `{x: [x0, x1], y: [y(x0), y(x1)]}`, in the order given.
 */
export function fitLine(fit: LineFit, x0: number, x1: number): LineEnds {
  return {
    x: [x0, x1],
    y: [fit.slope * x0 + fit.intercept, fit.slope * x1 + fit.intercept],
  };
}
