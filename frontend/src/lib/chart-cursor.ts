/**
 * The keyboard cursor of `<train-line-chart>` and what it says: which point a key moves it to,
 * the values shown in the legend and announced through the `aria-live` readout, and the rate
 * limit that keeps a held arrow key from flooding a screen reader.
 */
import type uPlot from "uplot";

import { t, type Lang } from "../i18n/index.js";
import { formatFloatValue } from "../values.js";
import { formatPercent, isolate } from "./format.js";

/** Least time between two announcements of the live readout (at most 2 per second). */
export const READOUT_INTERVAL_MS = 500;

/**
 * The point a key moves the cursor to: ←/→ one point (Shift: 10 % of the points), Home/End the
 * ends. With no cursor yet, either arrow starts at the last point.
 *
 * @param key `KeyboardEvent.key`.
 * @param shift Whether Shift is held.
 * @param current The cursor's point index, or null/undefined when there is no cursor.
 * @param n The number of points (> 0).
 * @param start Where either arrow puts a cursor that is not there yet (the last point by default).
 * @returns The new index, clamped to [0, n - 1], or null when the key does not move the cursor.
 */
export function cursorIndexForKey(
  key: string,
  shift: boolean,
  current: number | null | undefined,
  n: number,
  start = n - 1,
): number | null {
  const step = shift ? Math.max(1, Math.round(n * 0.1)) : 1;
  let idx: number;
  switch (key) {
    case "ArrowLeft":
      idx = current == null ? start : current - step;
      break;
    case "ArrowRight":
      idx = current == null ? start : current + step;
      break;
    case "Home":
      idx = 0;
      break;
    case "End":
      idx = n - 1;
      break;
    default:
      return null;
  }
  return Math.max(0, Math.min(n - 1, idx));
}

/** The parts of a uPlot instance {@link cursorPosition} reads. */
export type CursorTarget = Pick<uPlot, "valToPos" | "series"> & {
  readonly over: Pick<HTMLElement, "clientHeight">;
};

/**
 * Where to put uPlot's cursor (CSS px in the plot) for point `idx`: at its iteration, on the first
 * shown series that has a value there, else halfway down.
 *
 * @param u The plot.
 * @param x The iterations.
 * @param ys Per series, what uPlot draws at each x (a number, or null / undefined for none).
 * @param idx The point index.
 * @returns `{left, top}` for `setCursor`, or null when `idx` is no point.
 */
export function cursorPosition(
  u: CursorTarget,
  x: readonly number[],
  ys: readonly (readonly (number | null | undefined)[])[],
  idx: number,
): { left: number; top: number } | null {
  const xv = x[idx];
  if (xv === undefined) return null;
  const left = u.valToPos(xv, "x");
  let top = u.over.clientHeight / 2;
  for (let i = 0; i < ys.length; i++) {
    const v = ys[i]?.[idx];
    if (typeof v === "number" && u.series[i + 1]?.show !== false) {
      top = u.valToPos(v, "y");
      break;
    }
  }
  return { left, top };
}

/**
 * How a chart prints its values (y ticks, legend, readout, table): plain numbers, or fractions
 * as percentages (0.375 as "37.5 %"); the values themselves, and the downloads, stay as sent.
 */
export type ValueFormat = "number" | "percent";

/** A value as the legend, readout and table show it ("NaN", "+Inf", "-Inf", "—" for absent). */
export function formatChartValue(
  v: number | null | undefined,
  format: ValueFormat = "number",
): string {
  return format === "percent" ? formatPercent(v ?? null) : formatFloatValue(v ?? null);
}

/** The texts for the cursor at one point. */
export interface CursorText {
  /** per series, in order: its value there (shown in the legend, hidden series included) */
  legend: string[];
  /** the sentence to announce, naming the shown series only; null when `idx` is no point */
  readout: string | null;
  /** where the cursor is, e.g. "Iteration 300" (shown before the legend); null when no point */
  at: string | null;
}

/**
 * What the legend shows and the readout announces for the cursor at point `idx`.
 *
 * @param lang Language of the readout sentence.
 * @param labels The series' labels, in order.
 * @param values Per series, the values at each x (as in `AlignedSeries.values`).
 * @param x The iterations.
 * @param hidden Labels of the series hidden through the legend: left out of the readout.
 * @param idx The cursor's point index.
 * @param xLabel The x axis' title ("Iteration" when left out or "").
 * @param format How the values are printed.
 */
export function cursorText(
  lang: Lang,
  labels: readonly string[],
  values: readonly (readonly (number | null | undefined)[])[],
  x: readonly number[],
  hidden: ReadonlySet<string>,
  idx: number,
  xLabel?: string,
  format: ValueFormat = "number",
): CursorText {
  const legend: string[] = [];
  const parts: string[] = [];
  labels.forEach((label, i) => {
    const text = formatChartValue(values[i]?.[idx], format);
    legend.push(text);
    // a name may hold bidi controls (U+202E ...): isolated, it cannot reorder the sentence
    if (!hidden.has(label)) parts.push(`${isolate(label)} = ${text}`);
  });
  const iteration = x[idx];
  if (iteration === undefined) return { legend, readout: null, at: null };
  const shown = parts.join(", ");
  if (xLabel === undefined || xLabel === "") {
    return {
      legend,
      readout: t(lang, "chart.readout", { iteration, values: shown }),
      at: `${t(lang, "chart.iteration")} ${iteration}`,
    };
  }
  const at = `${isolate(xLabel)} ${iteration}`;
  return { legend, readout: `${at}: ${shown}`, at };
}

/**
 * Passes texts on to `write` at most once per interval: the first at once, later ones when the
 * interval since the last write has passed, the latest text winning over those in between.
 */
export class RateLimitedAnnouncer {
  private readonly write: (text: string) => void;
  private readonly intervalMs: number;
  private readonly now: () => number;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastAt = -Infinity;
  private pending = "";

  /**
   * @param write Puts a text into the live region.
   * @param intervalMs Least time between two writes.
   * @param now The clock, in milliseconds.
   */
  constructor(
    write: (text: string) => void,
    intervalMs: number = READOUT_INTERVAL_MS,
    now: () => number = () => performance.now(),
  ) {
    this.write = write;
    this.intervalMs = intervalMs;
    this.now = now;
  }

  /** Announces `text` now, or as soon as the rate limit allows if nothing newer comes first. */
  announce(text: string): void {
    this.pending = text;
    if (this.timer !== null) return;
    const wait = this.lastAt + this.intervalMs - this.now();
    if (wait <= 0) this.flush();
    else this.timer = setTimeout(() => this.flush(), wait);
  }

  /** Drops an announcement still waiting for the rate limit. */
  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private flush(): void {
    this.timer = null;
    this.lastAt = this.now();
    this.write(this.pending);
  }
}
