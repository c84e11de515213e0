/**
 * The uPlot options of `<train-line-chart>`: its series styles, axes, y-range and sizing.
 *
 * Everything here is computed from plain values, so a chart's look can be checked without a DOM.
 * Whatever may change without rebuilding the plot (the band, the reference lines, the isolated
 * points after `setData`) is read through a getter at draw time; whatever needs a rebuild goes
 * into {@link structureKey}.
 */
import uPlot from "uplot";

import { t, type Lang } from "../i18n/index.js";
import { formatChartValue, type ValueFormat } from "./chart-cursor.js";
import { seriesDash } from "../theme.js";
import type { WireSeries } from "./series.js";
import { formatDuration, RELATIVE_INCRS, type XAxisMode } from "./chart-x-axis.js";

/** One line of a chart: its points as the API sends them, plus how to draw it. */
export type ChartSeries = WireSeries & {
  /** name in the legend, readout and table */
  label: string;
  /** line width in CSS pixels (default 1.5, or 1 when faint) */
  width?: number;
  /** canvas dash pattern in CSS pixels, e.g. [6, 4] */
  dash?: number[];
  /** drawn thin and translucent, behind the others (e.g. the raw score under its EMA) */
  faint?: boolean;
  /**
   * the palette slot (0-based: `--train-series-<color + 1>`, dashed past 12) of its colour,
   * instead of its position; series that stand for one thing (a worker) keep their colour so
   */
  color?: number;
  /**
   * the index in the chart's series of another series: the area between the two lines is filled
   * in this series' colour, translucent (a min..max band); gaps of either line break it
   */
  bandWith?: number;
  /** wall time of each point (ms since the epoch), parallel to `iterations`: the time axes use it */
  timestamps_ms?: readonly (number | null)[] | undefined;
  /** false: the smoothing slider leaves this line as it is (a line that is derived already) */
  smooth?: boolean;
};

/** The series of a map (the API's `SeriesMap`), in the map's order, labelled with their names. */
export function namedSeries(map: Readonly<Record<string, WireSeries>>): ChartSeries[] {
  return Object.entries(map).map(([label, s]) => ({ label, ...s }));
}

/** The end of an epoch: a dashed vertical line labelled "Epoch n" at `iteration`. */
export interface EpochMark {
  epoch: number;
  iteration: number;
}

/** The resolved colours (and font) a chart draws its canvas with. */
export interface ChartColors {
  fg: string;
  muted: string;
  grid: string;
  band: string;
  font: string;
  /** one colour per series, in series order */
  series: string[];
}

/** What stretches the y-axis besides the data, or fixes it. */
export interface YRangeInputs {
  /** a fixed y-range; null fits the data and the extras */
  yRange: readonly [number, number] | null;
  /** the reference band, kept in view */
  band: readonly [number, number] | null;
  /** the reference lines, kept in view */
  refLines: readonly number[];
}

/**
 * Opacity of a faint series (the raw score under its EMA): enough for the line to keep 3:1
 * contrast with the background in both themes (test/theme.test.ts).
 */
export const FAINT_ALPHA = 0.75;

/** A press and release closer than this (CSS px) is a click, not a drag. */
export const CLICK_SLOP_PX = 4;
/** Height of the plot with its axes when `height` is unset or unusable (CSS px). */
export const DEFAULT_HEIGHT = 260;
/** Width of the plot before its container has been laid out (CSS px). */
const FALLBACK_WIDTH = 600;
/** Space above the plot (CSS px) for the epoch labels. */
export const EPOCH_LABEL_SPACE = 16;

/** x ticks at whole iterations: 1, 2, 5, 10, 20, 50, ... */
export const ITERATION_INCRS: readonly number[] = (() => {
  const incrs: number[] = [];
  for (let e = 0; e < 16; e++) for (const m of [1, 2, 5]) incrs.push(m * 10 ** e);
  return incrs;
})();

/**
 * The size of the plot.
 *
 * @param clientWidth The plot container's width; 0 before layout.
 * @param height The `height` attribute; anything not above 40 px falls back to 260.
 * @returns uPlot's `{width, height}` in CSS pixels.
 */
export function plotSize(clientWidth: number, height: number): { width: number; height: number } {
  const h = Number.isFinite(height) && height > 40 ? height : DEFAULT_HEIGHT;
  return { width: clientWidth > 0 ? clientWidth : FALLBACK_WIDTH, height: h };
}

/**
 * The y-range: the fixed one, or the data widened to show the band and reference lines, padded
 * the way uPlot pads its own ranges.
 *
 * @param inputs The fixed range, band and reference lines.
 * @param min The smallest value uPlot found in the data, or null when there is none.
 * @param max The largest value, or null.
 * @param log Whether the axis is logarithmic: then values ≤ 0 (in the data, the extras or the
 *   fixed range) are left out, so the range never reaches 0 (log10(0) would blank the chart).
 * @returns [min, max] for uPlot; [0, 1] (linear) or [1, 10] (log) when there is nothing to fit.
 */
export function yRangeFor(
  inputs: YRangeInputs,
  min: number | null,
  max: number | null,
  log: boolean,
): uPlot.Range.MinMax {
  const fixed = inputs.yRange;
  if (fixed !== null && usableRange(fixed, log)) return [fixed[0], fixed[1]];
  // on a log axis only positive values have a place (the chart turned the others into gaps)
  let lo = min !== null && Number.isFinite(min) && (!log || min > 0) ? min : Infinity;
  let hi = max !== null && Number.isFinite(max) && (!log || max > 0) ? max : -Infinity;
  if (lo === Infinity && hi > -Infinity) lo = hi;
  const extras = [...(inputs.band ?? []), ...inputs.refLines].filter(
    (v) => Number.isFinite(v) && (!log || v > 0),
  );
  for (const v of extras) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (!(lo <= hi)) return log ? [1, 10] : [0, 1];
  return log ? uPlot.rangeLog(lo, hi, 10, true) : uPlot.rangeNum(lo, hi, 0.1, true);
}

/**
 * Whether a fixed y-range can be drawn: finite, increasing, and on a log axis above 0. A range
 * that cannot (the score chart's [0, max] on a log axis) gives way to the data's own range.
 */
export function usableRange(range: readonly [number, number], log: boolean): boolean {
  const [lo, hi] = range;
  return Number.isFinite(lo) && Number.isFinite(hi) && lo < hi && (!log || lo > 0);
}

/** Width of the y-axis (CSS px): room for its longest tick label, at least 40. */
export function yAxisSize(values: readonly unknown[] | null | undefined): number {
  return Math.max(40, 16 + 7 * Math.max(0, ...(values ?? []).map((v) => String(v).length)));
}

/** What forces a rebuild of the plot rather than `setData` when it changes. */
export function structureKey(
  series: readonly ChartSeries[],
  log: boolean,
  yRange: readonly [number, number] | null,
  selectable: boolean,
  lang: Lang,
  hidden: ReadonlySet<string>,
  axisLabels: readonly [string | undefined, string | undefined] = [undefined, undefined],
): string {
  return JSON.stringify([
    series.map((s) => [s.label, s.width, s.dash, s.faint, s.color, s.bandWith]),
    log,
    yRange,
    selectable,
    lang,
    [...hidden],
    axisLabels,
  ]);
}

/** Everything {@link chartOptions} builds the options from. */
export interface ChartOptionsInput {
  size: { width: number; height: number };
  colors: ChartColors;
  series: readonly ChartSeries[];
  /** labels of the series hidden through the legend */
  hidden: ReadonlySet<string>;
  /** logarithmic y-axis (already checked to be possible) */
  log: boolean;
  /** dragging selects an x-range */
  selectable: boolean;
  lang: Lang;
  /** read on every range computation, so new band and reference lines need no rebuild */
  rangeInputs: () => YRangeInputs;
  /** read on every draw: per series, the indices of points with no neighbour to join */
  isolated: () => number[][];
  /** the chart's hooks (drawing, cursor, selection) */
  hooks: uPlot.Hooks.Arrays;
  /** title of the x axis ("Iteration" when left out); "" for none */
  xLabel?: string;
  /** title of the y axis; "" or left out for none */
  yLabel?: string;
  /** what x holds: iterations (default), wall times in ms, or seconds since the start */
  xMode?: XAxisMode;
  /** how the y ticks print values (default: plain numbers) */
  valueFormat?: ValueFormat;
}

/** Height of the x axis' ticks and labels when it has a title (CSS px). */
export const X_AXIS_SIZE = 34;

/** Height of an axis title (CSS px). */
export const AXIS_LABEL_SIZE = 18;

/** The dash pattern of series i when it has none of its own (see theme.ts `seriesDash`). */
export function dashFor(s: ChartSeries, index: number): number[] | undefined {
  return s.dash ?? seriesDash(s.color ?? index);
}

/** The palette slot series i is drawn in: its own `color`, else its position. */
export function colorSlot(s: ChartSeries, index: number): number {
  return s.color ?? index;
}

/** How many palette colours the series need (enough for every slot they use). */
export function colorCount(series: readonly ChartSeries[]): number {
  return series.reduce((n, s, i) => Math.max(n, colorSlot(s, i) + 1), 0);
}

/**
 * The uPlot options of a chart.
 *
 * Series i is drawn in `colors.series[i]` (its `color` slot when it has one); faint series thin and translucent. Lines break at
 * gaps (`spanGaps: false`) and a point with no neighbour on either side is drawn as a dot, since
 * uPlot would otherwise show nothing for it.
 */
export function chartOptions(input: ChartOptionsInput): uPlot.Options {
  const { fg, grid, font } = input.colors;
  const log = input.log;
  const axisFont = `12px ${font}`;
  // uPlot passes the axis filter's output, which has null for the splits a log axis leaves
  // unlabelled (its typings say number[]).
  const yFmt = (_u: uPlot, splits: (number | null)[]): string[] =>
    splits.map((v) => (v == null ? "" : formatChartValue(v, input.valueFormat)));
  const xLabel = input.xLabel ?? t(input.lang, "chart.iteration");
  const yLabel = input.yLabel ?? "";
  const labelFont = `600 12px ${font}`;
  const title = (label: string): Partial<uPlot.Axis> =>
    label === "" ? {} : { label, labelSize: AXIS_LABEL_SIZE, labelFont, labelGap: 0 };
  const xMode = input.xMode ?? "iteration";
  const xTicks: Partial<uPlot.Axis> =
    xMode === "wall"
      ? {}
      : xMode === "relative"
        ? {
            incrs: [...RELATIVE_INCRS],
            values: (_u, splits) => splits.map((v) => formatDuration(v)),
          }
        : { incrs: [...ITERATION_INCRS] };
  return {
    ...input.size,
    ...(xMode === "wall" ? { ms: 1 as const } : {}),
    legend: { show: false },
    padding: [EPOCH_LABEL_SPACE, 12, 0, 0],
    scales: {
      x: { time: xMode === "wall" },
      y: {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- uPlot.Scale.Distr is an ambient const enum with no runtime object (uPlot.Scale is undefined in the bundle); 3 and 1 are its Logarithmic and Linear.
        distr: log ? 3 : 1,
        log: 10,
        range: (_u, min, max) => yRangeFor(input.rangeInputs(), min, max, log),
      },
    },
    axes: [
      {
        stroke: fg,
        font: axisFont,
        grid: { stroke: grid, width: 1 },
        ticks: { stroke: grid, width: 1 },
        ...xTicks,
        // uPlot's 50 px leaves a wide gap above the title: ticks and labels need about 34
        ...(xLabel === "" ? {} : { size: X_AXIS_SIZE }),
        ...title(xLabel),
      },
      {
        stroke: fg,
        font: axisFont,
        grid: { stroke: grid, width: 1 },
        ticks: { stroke: grid, width: 1 },
        values: yFmt,
        size: (_u, values) => yAxisSize(values),
        ...title(yLabel),
      },
    ],
    series: [
      { label: xLabel || t(input.lang, "chart.iteration") },
      ...input.series.map((s, i): uPlot.Series => {
        const color = input.colors.series[colorSlot(s, i)] ?? fg;
        const dash = dashFor(s, i);
        return {
          label: s.label,
          show: !input.hidden.has(s.label),
          stroke: color,
          width: s.width ?? (s.faint === true ? 1 : 1.5),
          ...(dash !== undefined ? { dash } : {}),
          alpha: s.faint === true ? FAINT_ALPHA : 1,
          spanGaps: false,
          points: {
            size: 5,
            fill: color,
            stroke: color,
            filter: (_u, si, show) => {
              if (show) return null;
              const iso = input.isolated()[si - 1];
              return iso !== undefined && iso.length > 0 ? iso : null;
            },
          },
        };
      }),
    ],
    cursor: {
      drag: { x: input.selectable, y: false, setScale: false, dist: CLICK_SLOP_PX },
      points: { size: 7, width: 1.5 },
    },
    select: { show: input.selectable, left: 0, top: 0, width: 0, height: 0 },
    hooks: input.hooks,
  };
}
