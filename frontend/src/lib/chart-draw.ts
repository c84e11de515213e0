/**
 * What `<train-line-chart>` draws on uPlot's canvas besides the series: the reference band (under
 * everything), the dashed reference lines and epoch ends, and the epoch labels above the plot.
 *
 * The functions take the few members of the uPlot instance they use ({@link DrawTarget}) and the
 * resolved colours, and run inside uPlot's `drawClear` / `drawAxes` hooks.
 */
import uPlot from "uplot";

import { t, type Lang } from "../i18n/index.js";
import type { EpochMark } from "./chart-options.js";

/** The parts of a uPlot instance the draw functions read. */
export type DrawTarget = Pick<uPlot, "ctx" | "bbox" | "scales" | "valToPos">;

/**
 * Fills the horizontal band between `band[0]` and `band[1]` (either order), clipped to the plot.
 * On a log axis a band that reaches 0 or below is not drawn.
 *
 * @param u The plot.
 * @param band The band's two y values, or null for none.
 * @param log Whether the y axis is logarithmic.
 * @param fill The band's colour (`--train-band`).
 */
export function drawBand(
  u: DrawTarget,
  band: readonly [number, number] | null,
  log: boolean,
  fill: string,
): void {
  if (band === null) return;
  if (log && (band[0] <= 0 || band[1] <= 0)) return;
  const { left, top, width, height } = u.bbox;
  let y0 = u.valToPos(Math.max(band[0], band[1]), "y", true);
  let y1 = u.valToPos(Math.min(band[0], band[1]), "y", true);
  y0 = Math.max(top, Math.min(top + height, y0));
  y1 = Math.max(top, Math.min(top + height, y1));
  if (y1 - y0 <= 0) return;
  const ctx = u.ctx;
  ctx.save();
  ctx.fillStyle = fill;
  ctx.fillRect(left, y0, width, y1 - y0);
  ctx.restore();
}

/** A band between two drawn columns of a chart, in one colour. */
export interface SeriesBand {
  /** the drawn values of the two edges (numbers; null or undefined where not drawn) */
  upper: readonly (number | null | undefined)[];
  lower: readonly (number | null | undefined)[];
  /** its colour (the series' own); drawn at {@link SERIES_BAND_ALPHA} */
  color: string;
}

/** Opacity of a band between two series. */
export const SERIES_BAND_ALPHA = 0.2;

/**
 * The runs of x indices where both edges of a band are drawn: a gap (null) of either edge ends
 * a run; an index where either has no sample (undefined) is passed over. Runs of one point are
 * left out (they have no area).
 *
 * @example bandRuns([1, 2, null, 4, 5], [0, 0, 0, 0, 0]) → [[0, 1], [3, 4]]
 */
export function bandRuns(
  upper: readonly (number | null | undefined)[],
  lower: readonly (number | null | undefined)[],
): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  const n = Math.min(upper.length, lower.length);
  for (let i = 0; i < n; i++) {
    const a = upper[i];
    const b = lower[i];
    if (a === undefined || b === undefined) continue;
    if (typeof a === "number" && typeof b === "number") {
      run.push(i);
      continue;
    }
    if (run.length > 1) runs.push(run);
    run = [];
  }
  if (run.length > 1) runs.push(run);
  return runs;
}

/**
 * Fills the bands between pairs of series (under the lines), clipped to the plot.
 *
 * @returns How many filled areas were drawn (runs between gaps), for the `data-bands` hook.
 */
export function drawSeriesBands(
  u: DrawTarget,
  x: readonly number[],
  bands: readonly SeriesBand[],
): number {
  if (bands.length === 0) return 0;
  const ctx = u.ctx;
  const { left, top, width, height } = u.bbox;
  let drawn = 0;
  ctx.save();
  ctx.beginPath();
  ctx.rect(left, top, width, height);
  ctx.clip();
  ctx.globalAlpha = SERIES_BAND_ALPHA;
  for (const band of bands) {
    ctx.fillStyle = band.color;
    for (const run of bandRuns(band.upper, band.lower)) {
      ctx.beginPath();
      run.forEach((i, k) => {
        const px = u.valToPos(x[i] ?? 0, "x", true);
        const py = u.valToPos(band.upper[i] as number, "y", true);
        if (k === 0) ctx.moveTo(px, py);
        else ctx.lineTo(px, py);
      });
      for (let k = run.length - 1; k >= 0; k--) {
        const i = run[k] as number;
        ctx.lineTo(
          u.valToPos(x[i] ?? 0, "x", true),
          u.valToPos(band.lower[i] as number, "y", true),
        );
      }
      ctx.closePath();
      ctx.fill();
      drawn++;
    }
  }
  ctx.restore();
  return drawn;
}

/** The guides of a chart and how to draw them. */
export interface Guides {
  /** y values of the horizontal reference lines */
  refLines: readonly number[];
  /** epoch ends, in any order */
  epochs: readonly EpochMark[];
  /** whether the y axis is logarithmic (reference lines at ≤ 0 are then skipped) */
  log: boolean;
  /** colour of the lines and labels (`--train-muted`) */
  color: string;
  /** font family of the labels */
  font: string;
  /** language of the "Epoch n" labels */
  lang: Lang;
  /** canvas pixels per CSS pixel; uPlot's current ratio when left out */
  pxRatio?: number;
}

/**
 * Draws the reference lines and the epoch ends as dashed lines clipped to the plot, then labels
 * the epochs in the space above it (clear of the non-finite markers at its top edge).
 *
 * An epoch line within 3 px of the previous one is skipped, and a label is left out when it would
 * overlap the previous label or run past the right edge (by more than 12 px).
 */
export function drawGuides(u: DrawTarget, guides: Guides): void {
  const ctx = u.ctx;
  const pr = guides.pxRatio ?? uPlot.pxRatio;
  const { left, top, width, height } = u.bbox;
  const log = guides.log;
  ctx.save();
  ctx.beginPath();
  ctx.rect(left, top, width, height);
  ctx.clip();
  ctx.strokeStyle = guides.color;
  ctx.lineWidth = pr;
  ctx.setLineDash([4 * pr, 4 * pr]);
  for (const v of guides.refLines) {
    if (!Number.isFinite(v) || (log && v <= 0)) continue;
    const y = Math.round(u.valToPos(v, "y", true)) + 0.5;
    if (y < top || y > top + height) continue;
    ctx.beginPath();
    ctx.moveTo(left, y);
    ctx.lineTo(left + width, y);
    ctx.stroke();
  }
  const xMin = u.scales.x?.min ?? -Infinity;
  const xMax = u.scales.x?.max ?? Infinity;
  ctx.font = `${11 * pr}px ${guides.font}`;
  ctx.fillStyle = guides.color;
  ctx.textAlign = "left";
  ctx.textBaseline = "bottom";
  const labels: [string, number][] = [];
  let lastLabelRight = -Infinity;
  let lastLineX = -Infinity;
  for (const e of [...guides.epochs].sort((a, b) => a.iteration - b.iteration)) {
    if (!(e.iteration >= xMin && e.iteration <= xMax)) continue;
    const x = Math.round(u.valToPos(e.iteration, "x", true)) + 0.5;
    if (x - lastLineX < 3 * pr) continue;
    lastLineX = x;
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, top + height);
    ctx.stroke();
    const text = t(guides.lang, "chart.epoch", { epoch: e.epoch });
    const w = ctx.measureText(text).width;
    const tx = x + 3 * pr;
    if (tx > lastLabelRight + 4 * pr && tx + w <= left + width + 12 * pr) {
      labels.push([text, tx]);
      lastLabelRight = tx + w;
    }
  }
  ctx.restore();
  // labels in the space above the plot, clear of the markers at its top edge
  ctx.save();
  ctx.font = `${11 * pr}px ${guides.font}`;
  ctx.fillStyle = guides.color;
  ctx.textAlign = "left";
  ctx.textBaseline = "bottom";
  for (const [text, tx] of labels) ctx.fillText(text, tx, top - 2 * pr);
  ctx.restore();
}
