/**
 * The geometry of the model page's offset view (TensorBoard's OFFSET histograms): one ridge per
 * stored histogram, each its own bins' counts drawn as a line through the bins' centres, stacked
 * by iteration (the oldest at the top, at the back; the newest at the bottom, in front), all on
 * one value axis and one count scale. Plain numbers in, SVG coordinates out: no DOM.
 */
import type { BinnedHistogram } from "./hist-percentiles.js";

/** The drawing area in SVG units, and how tall the highest bin is drawn. */
export interface RidgeBox {
  width: number;
  height: number;
  /** height of the largest count of all the histograms; the baselines share the rest */
  peak: number;
}

/** One histogram's ridge. */
export interface Ridge {
  iteration: number;
  /** y of its baseline (the zero count) */
  baseline: number;
  /** the outline from its min to its max, starting and ending on the baseline */
  points: [number, number][];
}

/** The offset view: its value range and its ridges, oldest first (the order to draw them in). */
export interface RidgeLayout {
  /** the value axis: the smallest min and the largest max of the histograms */
  lo: number;
  hi: number;
  ridges: Ridge[];
}

function clean(counts: readonly number[]): number[] {
  return counts.map((c) => (Number.isFinite(c) && c > 0 ? c : 0));
}

/** The value range shared by the ridges, widened around a single value so it has a width. */
function valueRange(hists: readonly BinnedHistogram[]): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const h of hists) {
    if (!Number.isFinite(h.min) || !Number.isFinite(h.max)) continue;
    lo = Math.min(lo, h.min);
    hi = Math.max(hi, h.max);
  }
  if (lo > hi) return [0, 1];
  if (lo === hi) {
    const pad = lo === 0 ? 0.5 : Math.abs(lo) * 0.1;
    return [lo - pad, hi + pad];
  }
  return [lo, hi];
}

/**
 * Lays out the ridges of `hists` (in iteration order) in `box`.
 *
 * A ridge's baseline is placed by its iteration, between `peak` (the first iteration) and
 * `height` (the last); a single histogram sits at the bottom. Counts are scaled by the largest
 * count of all the histograms, so ridges compare. A histogram of one value (min equals max) is a
 * spike at that value as tall as its count.
 */
export function ridgeLayout(
  hists: readonly (BinnedHistogram & { iteration: number })[],
  box: RidgeBox,
): RidgeLayout {
  const [lo, hi] = valueRange(hists);
  const x = (v: number): number => ((v - lo) / (hi - lo)) * box.width;
  const first = hists[0]?.iteration ?? 0;
  const last = hists[hists.length - 1]?.iteration ?? 0;
  const all = hists.map((h) => clean(h.counts));
  const top = Math.max(
    0,
    ...all.map((counts, i) => {
      const h = hists[i];
      return h !== undefined && h.min === h.max
        ? counts.reduce((a, b) => a + b, 0)
        : Math.max(0, ...counts);
    }),
  );
  const scale = top > 0 ? box.peak / top : 0;
  const ridges = hists.map((h, i): Ridge => {
    const frac = last > first ? (h.iteration - first) / (last - first) : 1;
    const baseline = box.peak + frac * (box.height - box.peak);
    const counts = all[i] ?? [];
    const y = (c: number): number => baseline - c * scale;
    if (!Number.isFinite(h.min) || !Number.isFinite(h.max) || counts.length === 0) {
      return { iteration: h.iteration, baseline, points: [] };
    }
    if (h.min === h.max) {
      const at = x(h.min);
      const total = counts.reduce((a, b) => a + b, 0);
      const half = box.width / 200;
      return {
        iteration: h.iteration,
        baseline,
        points: [
          [at - half, baseline],
          [at, y(total)],
          [at + half, baseline],
        ],
      };
    }
    const width = (h.max - h.min) / counts.length;
    const points: [number, number][] = [[x(h.min), baseline]];
    counts.forEach((c, k) => points.push([x(h.min + width * (k + 0.5)), y(c)]));
    points.push([x(h.max), baseline]);
    return { iteration: h.iteration, baseline, points };
  });
  return { lo, hi, ridges };
}

/** An SVG path through a ridge's points, closed along its baseline (empty for no points). */
export function ridgePath(r: Ridge): string {
  if (r.points.length === 0) return "";
  const f = (v: number): string => String(Math.round(v * 100) / 100);
  return `${r.points.map(([px, py], i) => `${i === 0 ? "M" : "L"}${f(px)} ${f(py)}`).join(" ")} Z`;
}

/** The iteration of the newest histogram at or before `iteration`, or null (none, or null asked). */
export function ridgeAt(iterations: readonly number[], iteration: number | null): number | null {
  if (iteration === null) return null;
  let found: number | null = null;
  for (const it of iterations) if (it <= iteration && (found === null || it > found)) found = it;
  return found;
}
