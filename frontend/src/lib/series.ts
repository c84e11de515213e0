/**
 * Aligning wire series for uPlot.
 *
 * uPlot draws series that share one x array ("aligned data"), and it tells two kinds of missing
 * value apart (uPlot 1.6, `findGaps` / `join`):
 *
 * - `undefined`: "this series has no sample at this x" (an alignment artifact). The line is
 *   drawn straight across it, as if the x were not there.
 * - `null`: an explicit gap. The line breaks; uPlot clips the path from the previous drawn x to
 *   the next one.
 *
 * fitscope's series come from records that are sampled at different iterations (a metric every
 * 100 iterations, the score every iteration), so a series that simply has no sample at another
 * series' iteration must stay `undefined`, while a wire `null` (absent) or a non-finite value
 * (NaN, ±Inf: never drawn, marked instead) must be `null`. Like uPlot's `join` in its
 * "expand" null mode, a gap is widened over the `undefined` entries next to it; otherwise uPlot
 * would draw the part of the segment that reaches towards the gap from an alignment artifact.
 */

/** Points asked for per series: about 2-4x a chart's pixel width. */
export const MAX_POINTS = 2000;
/**
 * The most points the API gives per series (`max_points`' upper bound): what a chart's download
 * asks for, so a run of up to that many points is saved whole (docs/charts.md).
 */
export const ALL_POINTS = 100000;

/** A float as records carry it: a number, a non-finite marker string, or null (absent). */
export type WireFloat = number | "NaN" | "Infinity" | "-Infinity" | null;

/** One series as the API returns it: parallel arrays of iterations and values. */
export interface WireSeries {
  iterations: number[];
  values: WireFloat[];
}

/** The kind of a non-finite value, as the markers' `data-kind` spells it. */
export type NonFiniteKind = "nan" | "inf" | "-inf";

/** A non-finite value of series `seriesIndex` at iteration `x`. */
export interface NonFiniteMarker {
  seriesIndex: number;
  x: number;
  kind: NonFiniteKind;
}

/**
 * Series aligned on the union of their iterations.
 *
 * `ys[s][i]` is what uPlot draws for series `s` at `x[i]`: a finite number, `null` for a gap,
 * or `undefined` where the series has no sample and its line passes straight across.
 * `values[s][i]` is the value the series actually has at `x[i]`, for tables and readouts:
 * a number (NaN and ±Infinity included), `null` for an explicit absent value, or `undefined`
 * where the series has no sample.
 */
export interface AlignedSeries {
  x: number[];
  ys: (number | null | undefined)[][];
  values: (number | null | undefined)[][];
  markers: NonFiniteMarker[];
}

/** A wire float as a number; null for absent and for anything unexpected (never 0). */
function toNumber(v: unknown): number | null {
  if (typeof v === "number") return v;
  switch (v) {
    case "NaN":
      return Number.NaN;
    case "Infinity":
      return Number.POSITIVE_INFINITY;
    case "-Infinity":
      return Number.NEGATIVE_INFINITY;
    default:
      return null;
  }
}

/** The marker kind of a non-finite number, or null when it is finite. */
export function nonFiniteKind(v: number): NonFiniteKind | null {
  if (Number.isNaN(v)) return "nan";
  if (v === Number.POSITIVE_INFINITY) return "inf";
  if (v === Number.NEGATIVE_INFINITY) return "-inf";
  return null;
}

/**
 * Aligns series on the sorted union of their iterations.
 *
 * Entries whose iteration is not a finite number are dropped; when a series repeats an
 * iteration, its last value wins; extra values or iterations beyond the shorter of the two
 * arrays are ignored.
 *
 * @returns The shared x array, the columns uPlot draws, the values as they are, and one marker
 *   per non-finite value (ordered by series, then iteration).
 */
export function alignSeries(series: readonly WireSeries[]): AlignedSeries {
  const perSeries: Map<number, number | null>[] = series.map((s) => {
    const m = new Map<number, number | null>();
    const n = Math.min(s.iterations.length, s.values.length);
    for (let i = 0; i < n; i++) {
      const it = s.iterations[i];
      if (typeof it !== "number" || !Number.isFinite(it)) continue;
      m.delete(it); // keep insertion order = order of the last write
      m.set(it, toNumber(s.values[i]));
    }
    return m;
  });

  const xSet = new Set<number>();
  for (const m of perSeries) for (const it of m.keys()) xSet.add(it);
  const x = Array.from(xSet).sort((a, b) => a - b);
  const index = new Map<number, number>();
  x.forEach((v, i) => index.set(v, i));

  const ys: (number | null | undefined)[][] = [];
  const values: (number | null | undefined)[][] = [];
  const markers: NonFiniteMarker[] = [];

  perSeries.forEach((m, seriesIndex) => {
    const col: (number | null | undefined)[] = new Array<number | null | undefined>(x.length).fill(
      undefined,
    );
    const raw: (number | null | undefined)[] = new Array<number | null | undefined>(x.length).fill(
      undefined,
    );
    const gapIdx: number[] = [];
    const seriesMarkers: NonFiniteMarker[] = [];
    for (const [it, v] of m) {
      const i = index.get(it);
      if (i === undefined) continue;
      raw[i] = v;
      if (v === null) {
        col[i] = null;
        gapIdx.push(i);
        continue;
      }
      const kind = nonFiniteKind(v);
      if (kind === null) {
        col[i] = v;
      } else {
        col[i] = null;
        gapIdx.push(i);
        seriesMarkers.push({ seriesIndex, x: it, kind });
      }
    }
    expandGaps(col, gapIdx);
    seriesMarkers.sort((a, b) => a.x - b.x);
    markers.push(...seriesMarkers);
    ys.push(col);
    values.push(raw);
  });

  return { x, ys, values, markers };
}

/** Turns the `undefined` entries next to each gap into nulls, so the gap spans them. */
function expandGaps(col: (number | null | undefined)[], gapIdx: readonly number[]): void {
  for (const g of gapIdx) {
    for (let i = g - 1; i >= 0 && col[i] === undefined; i--) col[i] = null;
    for (let i = g + 1; i < col.length && col[i] === undefined; i++) col[i] = null;
  }
}

/** How many finite points the aligned columns draw, over all series. */
export function countPoints(ys: readonly (readonly (number | null | undefined)[])[]): number {
  let n = 0;
  for (const col of ys) for (const v of col) if (typeof v === "number") n++;
  return n;
}

/**
 * Indices of the points of a column that no line segment reaches: a finite value whose nearest
 * drawn neighbours on both sides are gaps (or the ends). uPlot hides points on a dense chart, so
 * these must be drawn explicitly or they vanish.
 */
export function isolatedPoints(col: readonly (number | null | undefined)[]): number[] {
  const out: number[] = [];
  // the nearest entry that is not undefined, before each index
  let prev: number | null | undefined = null;
  const defined: number[] = [];
  for (let i = 0; i < col.length; i++) if (col[i] !== undefined) defined.push(i);
  for (let k = 0; k < defined.length; k++) {
    const i = defined[k] as number;
    const v = col[i];
    const next: number | null | undefined =
      k + 1 < defined.length ? col[defined[k + 1] as number] : null;
    if (typeof v === "number" && typeof prev !== "number" && typeof next !== "number") out.push(i);
    prev = v;
  }
  return out;
}

/** Whether every finite value is > 0, and there is at least one (a log scale can show them). */
export function allPositive(ys: readonly (readonly (number | null | undefined)[])[]): boolean {
  let any = false;
  for (const col of ys)
    for (const v of col) {
      if (typeof v !== "number") continue;
      if (!(v > 0)) return false;
      any = true;
    }
  return any;
}

/** What a logarithmic axis can draw of aligned columns. */
export interface LogColumns {
  /** the columns with every finite value ≤ 0 turned into a gap (widened like any other gap) */
  ys: (number | null | undefined)[][];
  /** how many finite values ≤ 0 were left out, over all series */
  hidden: number;
}

/**
 * The columns as a log axis draws them: a finite value ≤ 0 has no place on it, so it becomes a
 * gap (`null`, widened over the `undefined` entries next to it as {@link alignSeries} widens its
 * gaps), and is counted so the chart can say how many it left out.
 *
 * @example logColumns([[1, 0, 2]]) → { ys: [[1, null, 2]], hidden: 1 }
 */
export function logColumns(ys: readonly (readonly (number | null | undefined)[])[]): LogColumns {
  let hidden = 0;
  const out = ys.map((col) => {
    const next = col.slice();
    const gapIdx: number[] = [];
    next.forEach((v, i) => {
      if (typeof v === "number" && !(v > 0)) {
        next[i] = null;
        gapIdx.push(i);
        hidden++;
      }
    });
    expandGaps(next, gapIdx);
    return next;
  });
  return { ys: out, hidden };
}

/** Whether some finite value is > 0 (a log axis has something to draw). */
export function anyPositive(ys: readonly (readonly (number | null | undefined)[])[]): boolean {
  for (const col of ys) for (const v of col) if (typeof v === "number" && v > 0) return true;
  return false;
}
