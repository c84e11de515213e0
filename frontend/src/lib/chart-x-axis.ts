/**
 * The x axis of the line charts: iteration, wall time, or time since the run's start.
 *
 * The choice is one per page (every chart follows {@link xAxisChoice}) and is kept in the
 * address as `x-axis=wall|relative` on the server's own pages. A chart whose series carry no
 * wall times (`timestamps_ms`) at every point it draws stays on iterations, unless it is given
 * the run's report times (`report_times` of the overview, layer and system answers): a point
 * between two reports is then placed by interpolating between their times.
 */

/** What the x axis shows. */
export type XAxisMode = "iteration" | "wall" | "relative";

/** The modes, in the order the menu offers them. */
export const X_AXIS_MODES: readonly XAxisMode[] = ["iteration", "wall", "relative"];

/** The address parameter holding the choice. */
export const X_AXIS_PARAM = "x-axis";

/** A mode from text (an address parameter); iteration for anything else. */
export function parseXAxis(text: string | null | undefined): XAxisMode {
  return text === "wall" || text === "relative" ? text : "iteration";
}

/** Points with their iterations and, maybe, wall times (ms since the epoch) in parallel. */
export interface TimedPoints {
  iterations: readonly number[];
  timestamps_ms?: readonly (number | null)[] | undefined;
}

/** Times at iterations (the reports' `timestamp_ms`): a series whose values are the times. */
export interface ReportTimes {
  iterations: readonly number[];
  values: readonly (number | string | null)[];
}

/**
 * The wall time of each iteration that some series gives one (the first series giving it wins);
 * with `reports`, every other iteration of the series gets one from the report times: exact at a
 * report, linear between two, the first (last) report's time before (after) them all.
 */
export function timesByIteration(
  series: readonly TimedPoints[],
  reports?: ReportTimes | null,
): Map<number, number> {
  const out = new Map<number, number>();
  for (const s of series) {
    const ts = s.timestamps_ms;
    if (ts === undefined) continue;
    s.iterations.forEach((it, i) => {
      const t = ts[i];
      if (typeof t === "number" && Number.isFinite(t) && !out.has(it)) out.set(it, t);
    });
  }
  if (reports === undefined || reports === null) return out;
  const its: number[] = [];
  const ms: number[] = [];
  reports.iterations.forEach((it, i) => {
    const t = reports.values[i];
    if (typeof t === "number" && Number.isFinite(t)) {
      its.push(it);
      ms.push(t);
    }
  });
  if (its.length === 0) return out;
  for (const s of series) {
    for (const it of s.iterations) {
      if (out.has(it)) continue;
      const t =
        it <= (its[0] as number)
          ? (ms[0] as number)
          : it >= (its[its.length - 1] as number)
            ? (ms[ms.length - 1] as number)
            : iterationToX(its, ms, it);
      if (t !== null) out.set(it, t);
    }
  }
  return out;
}

/**
 * The x values of aligned iterations in `mode`: the iterations themselves, their wall times in
 * ms, or seconds since `startMs` (the first time when null).
 *
 * @returns null when some iteration has no time or the times go backwards (uPlot needs an
 *   increasing x): the chart then stays on iterations.
 */
export function xValues(
  x: readonly number[],
  times: ReadonlyMap<number, number>,
  mode: XAxisMode,
  startMs: number | null,
): number[] | null {
  if (mode === "iteration") return x.slice();
  const ms: number[] = [];
  for (const it of x) {
    const t = times.get(it);
    if (t === undefined || (ms.length > 0 && t < (ms[ms.length - 1] as number))) return null;
    ms.push(t);
  }
  if (mode === "wall") return ms;
  const start = startMs ?? ms[0] ?? 0;
  return ms.map((t) => (t - start) / 1000);
}

/**
 * Maps an iteration to the x axis: exact at an aligned iteration, linear between two, null
 * outside them (an epoch line or marker with no place on a time axis).
 */
export function iterationToX(
  x: readonly number[],
  xs: readonly number[],
  iteration: number,
): number | null {
  let lo = 0;
  let hi = x.length - 1;
  if (hi < 0 || iteration < (x[0] as number) || iteration > (x[hi] as number)) return null;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((x[mid] as number) <= iteration) lo = mid;
    else hi = mid;
  }
  const x0 = x[lo] as number;
  const x1 = x[hi] as number;
  const y0 = xs[lo] as number;
  const y1 = xs[hi] as number;
  if (x0 === iteration || x1 === x0) return y0;
  if (x1 === iteration) return y1;
  return y0 + ((y1 - y0) * (iteration - x0)) / (x1 - x0);
}

/** Seconds as a short duration: `45 s`, `12m 05s`, `3h 07m`, `2d 04h`. */
export function formatDuration(seconds: number): string {
  const sign = seconds < 0 ? "-" : "";
  const s = Math.abs(seconds);
  if (s < 60) return `${sign}${Number(s.toPrecision(3))} s`;
  const pad = (n: number) => String(Math.floor(n)).padStart(2, "0");
  if (s < 3600) return `${sign}${Math.floor(s / 60)}m ${pad(s % 60)}s`;
  if (s < 86400) return `${sign}${Math.floor(s / 3600)}h ${pad((s % 3600) / 60)}m`;
  return `${sign}${Math.floor(s / 86400)}d ${pad((s % 86400) / 3600)}h`;
}

/** x ticks of a relative axis in seconds: 1, 2, 5, 10, 15, 30 s, 1, 2, 5, 10, 15, 30 min, 1, 2, 3, 6, 12 h, days. */
export const RELATIVE_INCRS: readonly number[] = [
  0.001, 0.01, 0.1, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800,
  21600, 43200, 86400, 172800, 604800, 2592000, 31536000,
];

/** Whether this is one of the server's own pages (its `<train-app>` writes the address too). */
function ownsAddress(): boolean {
  if (typeof document === "undefined") return false;
  const app = document.querySelector("train-app");
  if (app === null) return false;
  // "" or a path: a server's --base-path, which its pages pass as api-base
  const base = (app.getAttribute("api-base") ?? "").replace(/\/+$/, "");
  return (base === "" || base.startsWith("/")) && location.pathname.startsWith(`${base}/train/`);
}

/** The page's x-axis choice, shared by its charts (listen to `change`). */
class XAxisChoice extends EventTarget {
  private current: XAxisMode;

  constructor() {
    super();
    this.current =
      typeof location === "undefined"
        ? "iteration"
        : parseXAxis(new URLSearchParams(location.search).get(X_AXIS_PARAM));
  }

  /** The mode every chart of the page uses. */
  get mode(): XAxisMode {
    return this.current;
  }

  /** Sets the mode for every chart, and writes it in the address on the server's own pages. */
  set mode(mode: XAxisMode) {
    if (mode === this.current) return;
    this.current = mode;
    if (ownsAddress()) {
      const url = new URL(location.href);
      if (mode === "iteration") url.searchParams.delete(X_AXIS_PARAM);
      else url.searchParams.set(X_AXIS_PARAM, mode);
      history.replaceState(history.state, "", url);
    }
    this.dispatchEvent(new Event("change"));
  }
}

/** The one choice of this document. */
export const xAxisChoice = new XAxisChoice();
