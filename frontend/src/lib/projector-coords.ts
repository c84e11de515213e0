/**
 * A layout's coordinates in regl-scatterplot's space: x and y in [-1, 1] (normalised device
 * coordinates), one scale for both axes so the layout keeps its shape, points without
 * coordinates (a non-finite vector gives null) left out.
 *
 * The map draws only the placed points, so indices come in two kinds: a point's index in the
 * embedding (labels, metadata, the API) and its place among the drawn points. {@link Placed}
 * converts both ways.
 */

/** The drawn points of a layout. */
export interface Placed {
  /** x of each drawn point, in [-1, 1] */
  x: Float32Array;
  /** y of each drawn point, in [-1, 1] */
  y: Float32Array;
  /** the embedding index of each drawn point */
  index: Int32Array;
  /** the drawn place of each embedding index; -1 for a point not drawn */
  drawn: Int32Array;
  /** points left out: null or non-finite x or y */
  unplaced: number;
}

/** Share of the [-1, 1] square left empty around the points (each side). */
export const MARGIN = 0.05;

function finite(v: number | null | undefined): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

/**
 * Scales `xs`, `ys` (equal lengths) into [-1 + margin, 1 - margin], centred, with one factor for
 * both axes. A point with a null or non-finite coordinate is not placed. One point, or points
 * all at one place, land at the centre.
 */
export function placePoints(
  xs: readonly (number | null)[],
  ys: readonly (number | null)[],
  margin: number = MARGIN,
): Placed {
  const n = Math.min(xs.length, ys.length);
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const x = xs[i];
    const y = ys[i];
    if (!finite(x) || !finite(y)) continue;
    count++;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  const half = Math.max(maxX - minX, maxY - minY) / 2;
  const scale = half > 0 && Number.isFinite(half) ? (1 - margin) / half : 0;
  const out: Placed = {
    x: new Float32Array(count),
    y: new Float32Array(count),
    index: new Int32Array(count),
    drawn: new Int32Array(Math.max(xs.length, ys.length)).fill(-1),
    unplaced: Math.max(xs.length, ys.length) - count,
  };
  let k = 0;
  for (let i = 0; i < n; i++) {
    const x = xs[i];
    const y = ys[i];
    if (!finite(x) || !finite(y)) continue;
    out.x[k] = (x - cx) * scale;
    out.y[k] = (y - cy) * scale;
    out.index[k] = i;
    out.drawn[i] = k;
    k++;
  }
  return out;
}

/** The drawn places of embedding indices, skipping points that are not drawn. */
export function toDrawn(placed: Placed, indices: Iterable<number>): number[] {
  const out: number[] = [];
  for (const i of indices) {
    const d = placed.drawn[i];
    if (d !== undefined && d >= 0) out.push(d);
  }
  return out;
}

/** The embedding indices of drawn places. */
export function toIndices(placed: Placed, drawn: Iterable<number>): number[] {
  const out: number[] = [];
  for (const d of drawn) {
    const i = placed.index[d];
    if (i !== undefined) out.push(i);
  }
  return out;
}
