/**
 * Converting the wire form of floats to numbers and numbers to short labels, and the other
 * values the pages show as they are (byte series in MiB/GiB, module attributes, hyperparameters).
 *
 * Records carry non-finite floats as the strings "NaN", "Infinity" and "-Infinity" (JSON has no
 * NaN) and use null for "absent". The two must stay apart: a NaN loss is a finding worth showing,
 * an absent statistic is a gap. Neither is ever 0.
 */

import type { Series } from "./api-types.js";
import type { FloatValue, LayerAttributeValue } from "./types/records.js";

/**
 * Turns a wire float into a number.
 *
 * @param v A record's float: a number, one of "NaN" / "Infinity" / "-Infinity", or null.
 * @returns The number (NaN and ±Infinity for the strings), or null when `v` is null (absent).
 * @throws TypeError when `v` is some other value, as unvalidated JSON can be at runtime.
 */
export function parseFloatValue(v: FloatValue | null): number | null {
  if (v === null || typeof v === "number") return v;
  switch (v) {
    case "NaN":
      return Number.NaN;
    case "Infinity":
      return Number.POSITIVE_INFINITY;
    case "-Infinity":
      return Number.NEGATIVE_INFINITY;
    default: {
      const unexpected: never = v;
      const got = JSON.stringify(unexpected);
      throw new TypeError(`Expected a number, "NaN", "Infinity", "-Infinity" or null, got ${got}.`);
    }
  }
}

/** {@link parseFloatValue} of every value of a series (NaN/Inf kept, null stays a gap). */
export function parseFloatValues(values: readonly (FloatValue | null)[]): (number | null)[] {
  return values.map(parseFloatValue);
}

/** Significant digits shown; enough to tell losses apart without crowding an axis or tooltip. */
const DIGITS = 4;

/** Magnitudes at or beyond which exponent notation is shorter than the plain digits. */
const SMALL = 1e-3;
const LARGE = 1e5;

/**
 * Formats a number for a label: "NaN", "+Inf", "-Inf", "—" for null (absent), otherwise at most
 * four significant digits, in exponent form when very small or very large.
 *
 * @example formatFloatValue(0.012345) === "0.01235"; formatFloatValue(1234567) === "1.235e+6"
 * @param v A number, or null for an absent value.
 * @returns The label. Locale-independent, so the same value reads the same everywhere.
 */
export function formatFloatValue(v: number | null): string {
  if (v === null) return "—";
  if (Number.isNaN(v)) return "NaN";
  if (v === Number.POSITIVE_INFINITY) return "+Inf";
  if (v === Number.NEGATIVE_INFINITY) return "-Inf";
  if (v === 0) return "0"; // -0 included
  const rounded = Number(v.toPrecision(DIGITS));
  const magnitude = Math.abs(rounded);
  if (magnitude >= SMALL && magnitude < LARGE) return String(rounded);
  // "1.200e+6" -> "1.2e+6", "1.000e-7" -> "1e-7"
  return v.toExponential(DIGITS - 1).replace(/\.?0+e/, "e");
}

const MIB = 2 ** 20;
const GIB = 2 ** 30;

/**
 * Byte series in the unit their largest value reads best in: GiB from 1 GiB up, else MiB.
 * Non-finite and absent values stay so.
 */
export function inByteUnit(series: readonly Series[]): { unit: "MiB" | "GiB"; series: Series[] } {
  let max = 0;
  for (const s of series) {
    for (const v of s.values) {
      const n = parseFloatValue(v);
      if (n !== null && Number.isFinite(n)) max = Math.max(max, Math.abs(n));
    }
  }
  const unit = max >= GIB ? "GiB" : "MiB";
  const div = unit === "GiB" ? GIB : MIB;
  return {
    unit,
    series: series.map((s) => ({
      iterations: s.iterations,
      values: s.values.map((v) => {
        const n = parseFloatValue(v);
        return n === null ? null : n / div;
      }),
    })),
  };
}

/** A hyperparameter's value as shown: strings as they are, anything else as JSON. */
export function formatHyperparameter(v: unknown): string {
  if (typeof v === "string") return v;
  if (v === undefined) return "—";
  return JSON.stringify(v);
}

/** A module attribute as shown: `784`, `[3, 3]`, `true`, `None` for null. */
export function formatAttribute(v: LayerAttributeValue): string {
  if (v === null) return "None";
  if (Array.isArray(v)) return `[${v.map((x) => formatAttribute(x)).join(", ")}]`;
  return String(v);
}
