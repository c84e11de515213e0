/**
 * Colouring the projector's points by a metadata column, and the legend that explains it.
 *
 * A column is numeric when every value it holds is a number (a non-finite one comes as the
 * string "NaN", "Infinity" or "-Infinity") and one at least is finite; categorical otherwise.
 * Categorical: the {@link CATEGORY_LIMIT} most frequent values get a colour each, the rest share
 * "other". Numeric: {@link RAMP_STEPS} bins between the minimum and the maximum, on a ramp from
 * one colour to another. Null (no value) is a legend entry of its own in both; in a numeric
 * column NaN and ±Inf join it (they have no place on the ramp).
 *
 * Each point gets a *code*, an index into a palette the element assembles (regl-scatterplot's
 * categorical colour encoding): categories 0..k-1, then "other" (k), then "no value" (k+1); for a
 * numeric column bins 0..steps-1, then "no value" (steps).
 */
import type { MetadataValue } from "../api-types.js";

/** Categories with a colour of their own; the others are "other". */
export const CATEGORY_LIMIT = 20;

/** Bins of a numeric column's colour ramp. */
export const RAMP_STEPS = 32;

/**
 * Category colours past the 12 series colours (`--_series-1..12`), per theme: each keeps 3:1
 * contrast with the theme's background (WCAG 1.4.11; test/projector-colors.test.ts checks it).
 */
export const EXTRA_CATEGORY_COLORS = {
  light: ["#1f4e79", "#b8336a", "#2e7d32", "#7b5800", "#5d4037", "#00695c", "#ad1457", "#455a64"],
  dark: ["#90caf9", "#ffb74d", "#81c784", "#f48fb1", "#ce93d8", "#80deea", "#fff176", "#bcaaa4"],
} as const;

/** One value of a categorical column in the legend. */
export interface LegendEntry {
  /** the value as shown */
  value: string;
  /** points holding it */
  count: number;
  /** its code (palette index) */
  code: number;
}

/** The legend of a categorical column. */
export interface CategoricalLegend {
  kind: "categorical";
  /** the values with a colour of their own, most frequent first */
  entries: LegendEntry[];
  /** points of the other values, and the code they share */
  other: { count: number; values: number; code: number };
  /** points without a value, and their code */
  missing: { count: number; code: number };
}

/** The legend of a numeric column: a ramp from min to max. */
export interface NumericLegend {
  kind: "numeric";
  min: number;
  max: number;
  steps: number;
  missing: { count: number; code: number };
}

export type Legend = CategoricalLegend | NumericLegend;

/** What colouring by a column gives: a code per point, and the legend. */
export interface Coloring {
  codes: Uint8Array;
  legend: Legend;
}

/** How the API writes a non-finite number. */
const NONFINITE = new Set(["NaN", "Infinity", "-Infinity"]);

/** Whether a column is numeric (numbers, at least one finite) or categorical. */
export function columnKind(values: readonly MetadataValue[]): "numeric" | "categorical" {
  let finite = 0;
  for (const v of values) {
    if (v === null || (typeof v === "string" && NONFINITE.has(v))) continue;
    if (typeof v !== "number" || !Number.isFinite(v)) return "categorical";
    finite++;
  }
  return finite > 0 ? "numeric" : "categorical";
}

/** Codes and legend of a categorical column (numbers are shown as text). */
export function colorCategorical(
  values: readonly MetadataValue[],
  limit: number = CATEGORY_LIMIT,
): Coloring {
  const counts = new Map<string, number>();
  let missing = 0;
  for (const v of values) {
    if (v === null) {
      missing++;
      continue;
    }
    const key = String(v);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  // Most frequent first; ties in natural order ("item2" before "item10").
  const sorted = [...counts.entries()].sort(
    (a, b) => b[1] - a[1] || a[0].localeCompare(b[0], undefined, { numeric: true }),
  );
  const kept = sorted.slice(0, limit);
  const otherCode = kept.length;
  const missingCode = kept.length + 1;
  const codeOf = new Map(kept.map(([value], i) => [value, i]));
  const codes = new Uint8Array(values.length);
  let other = 0;
  values.forEach((v, i) => {
    if (v === null) codes[i] = missingCode;
    else {
      const code = codeOf.get(String(v));
      if (code === undefined) other++;
      codes[i] = code ?? otherCode;
    }
  });
  return {
    codes,
    legend: {
      kind: "categorical",
      entries: kept.map(([value, count], code) => ({ value, count, code })),
      other: { count: other, values: sorted.length - kept.length, code: otherCode },
      missing: { count: missing, code: missingCode },
    },
  };
}

/** Codes (bins of the ramp) and legend of a numeric column; anything but a finite number is "no value". */
export function colorNumeric(
  values: readonly MetadataValue[],
  steps: number = RAMP_STEPS,
): Coloring {
  let min = Infinity;
  let max = -Infinity;
  let missing = 0;
  for (const v of values) {
    if (typeof v !== "number" || !Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const span = max - min;
  const codes = new Uint8Array(values.length);
  values.forEach((v, i) => {
    if (typeof v !== "number" || !Number.isFinite(v)) {
      missing++;
      codes[i] = steps;
    } else if (!(span > 0)) {
      codes[i] = Math.floor(steps / 2);
    } else {
      codes[i] = Math.min(steps - 1, Math.floor(((v - min) / span) * steps));
    }
  });
  return {
    codes,
    legend: { kind: "numeric", min, max, steps, missing: { count: missing, code: steps } },
  };
}

/** Colours a column by its kind ({@link columnKind}). */
export function colorBy(values: readonly MetadataValue[]): Coloring {
  return columnKind(values) === "numeric" ? colorNumeric(values) : colorCategorical(values);
}

/** `#rrggbb` (or `#rgb`) as [r, g, b]; null for anything else. */
export function parseHex(color: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (m === null) return null;
  let hex = m[1] ?? "";
  if (hex.length === 3) hex = hex.replace(/./g, (c) => c + c);
  const n = Number.parseInt(hex, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** [r, g, b] (0..255) as `#rrggbb`. */
export function toHex([r, g, b]: readonly [number, number, number]): string {
  const h = (c: number) =>
    Math.round(Math.min(255, Math.max(0, c)))
      .toString(16)
      .padStart(2, "0");
  return `#${h(r)}${h(g)}${h(b)}`;
}

/** `steps` colours from `from` to `to` (both `#rrggbb`), evenly spaced in sRGB. */
export function ramp(from: string, to: string, steps: number = RAMP_STEPS): string[] {
  const a = parseHex(from) ?? [0, 0, 0];
  const b = parseHex(to) ?? [0, 0, 0];
  return Array.from({ length: steps }, (_v, i) => {
    const t = steps === 1 ? 0.5 : i / (steps - 1);
    return toHex([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t]);
  });
}
