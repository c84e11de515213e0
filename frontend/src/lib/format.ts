/**
 * Labels for the tables and readouts: byte sizes, numbers, counts, rates, durations and times.
 *
 * Every function is locale-independent (the same value reads the same everywhere) and keeps the
 * house convention for values that are not ordinary numbers: "NaN", "+Inf", "-Inf", and "—" for
 * null (absent). None of them ever shows a non-finite or absent value as 0.
 */

import { formatFloatValue } from "../values.js";

/** Label of an absent value. */
const ABSENT = "—";

/**
 * The label of a value that is absent or not finite.
 *
 * @param n Null, NaN or ±Infinity (a finite number gets "NaN"; callers check first).
 * @returns "—", "+Inf", "-Inf" or "NaN".
 */
function specialLabel(n: number | null): string {
  if (n === null) return ABSENT;
  if (n === Number.POSITIVE_INFINITY) return "+Inf";
  if (n === Number.NEGATIVE_INFINITY) return "-Inf";
  return "NaN";
}

/** Binary units, each 1024 times the one before. */
const BYTE_UNITS = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"] as const;

/** Significant digits of a byte size. */
const BYTE_DIGITS = 3;

/**
 * `m` (non-negative) at three significant digits, without exponent notation: "1.50", "15.5",
 * "155"; from 999.5 up (which would round to "1.00e+3") the whole number, "1000" … "1023".
 */
function threeDigits(m: number): string {
  const s = m.toPrecision(BYTE_DIGITS);
  return s.includes("e") ? String(Math.round(m)) : s;
}

/** FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE: bidi isolation inside plain text. */
export const FSI = "\u2068";
export const PDI = "\u2069";

/**
 * `text` wrapped in FSI … PDI, so bidirectional controls in it (U+202E RIGHT-TO-LEFT OVERRIDE,
 * an unclosed embedding) cannot reorder what surrounds it. For plain-text places, where no
 * `<bdi>` or `unicode-bidi: isolate` can go: `<option>` labels, `title` attributes, canvas
 * legends, SVG text, readout sentences.
 */
export function isolate(text: string): string {
  return `${FSI}${text}${PDI}`;
}

/**
 * Formats a byte count in binary units (steps of 1024) at three significant digits.
 *
 * Whole byte counts under 1 KiB are shown exactly ("512 B", "0 B"); larger values are scaled to
 * the largest unit that keeps them at or above 1 ("1.50 GiB", "15.5 MiB", "155 KiB"). Values
 * that round to 1000 or more in a unit keep their whole number ("1023 KiB"); beyond 1024 PiB the
 * count stays in PiB. Negative values keep their sign ("-1.50 KiB").
 *
 * @example formatBytes(1610612736) === "1.50 GiB"; formatBytes(512) === "512 B"
 * @param n A number of bytes, or null for an absent value.
 * @returns The label; "—" for null, "NaN", "+Inf", "-Inf" for the non-finite values.
 */
export function formatBytes(n: number | null): string {
  if (n === null || !Number.isFinite(n)) return specialLabel(n);
  const sign = n < 0 ? "-" : "";
  let m = Math.abs(n);
  let unit = 0;
  while (m >= 1024 && unit < BYTE_UNITS.length - 1) {
    m /= 1024;
    unit += 1;
  }
  const digits = unit === 0 && Number.isInteger(m) ? String(m) : threeDigits(m);
  // "-0 B" would read as a loss of a byte; a negative that rounds to zero is zero.
  const shownSign = Number(digits) === 0 ? "" : sign;
  return `${shownSign}${digits} ${BYTE_UNITS[unit] ?? "PiB"}`;
}

/** Magnitudes at or beyond which exponent notation is used (as in formatFloatValue). */
const SMALL = 1e-3;
const LARGE_MIN = 1e5;

/**
 * Formats a number for a label, like {@link formatFloatValue} but with a chosen number of
 * significant digits: "NaN", "+Inf", "-Inf", "—" for null, otherwise at most `digits`
 * significant digits, in exponent form when the magnitude is under 1e-3 or at least
 * 10^max(5, digits).
 *
 * @example formatNumber(Math.PI) === "3.142"; formatNumber(Math.PI, 2) === "3.1"
 * @param n A number, or null for an absent value.
 * @param digits Significant digits, an integer from 1 to 100; 4 gives exactly formatFloatValue.
 * @returns The label. Locale-independent.
 * @throws RangeError when `digits` is not an integer from 1 to 100.
 */
export function formatNumber(n: number | null, digits = 4): string {
  if (!Number.isInteger(digits) || digits < 1 || digits > 100) {
    throw new RangeError(`digits must be an integer from 1 to 100, got ${String(digits)}.`);
  }
  if (digits === 4) return formatFloatValue(n);
  if (n === null || !Number.isFinite(n)) return specialLabel(n);
  if (n === 0) return "0"; // -0 included
  const rounded = Number(n.toPrecision(digits));
  const magnitude = Math.abs(rounded);
  const large = Math.max(LARGE_MIN, 10 ** digits);
  if (magnitude >= SMALL && magnitude < large) return String(rounded);
  // "1.200e+6" -> "1.2e+6", "1.000e-7" -> "1e-7"
  return n.toExponential(digits - 1).replace(/\.?0+e/, "e");
}

/** Below this magnitude String(n) of a whole number has no exponent. */
const PLAIN_LIMIT = 1e21;

/**
 * Formats a count: rounded to a whole number (halves away from zero), with "," between groups
 * of three digits whatever the locale ("38,314", "-1,000,000").
 *
 * @example formatInteger(38314) === "38,314"
 * @param n A number, or null for an absent value.
 * @returns The label; "—" for null, "NaN", "+Inf", "-Inf" for the non-finite values; numbers
 *   of 1e21 or more in magnitude fall back to {@link formatNumber}.
 */
export function formatInteger(n: number | null): string {
  if (n === null || !Number.isFinite(n)) return specialLabel(n);
  const whole = Math.round(Math.abs(n));
  if (whole >= PLAIN_LIMIT) return formatNumber(n);
  const grouped = String(whole).replace(/\B(?=(\d{3})+$)/g, ",");
  return n < 0 && whole !== 0 ? `-${grouped}` : grouped;
}

/**
 * Formats a rate (iterations or examples per second) with exactly two decimals, like the
 * original UI's `#.00` but with a leading zero: "720.28", "0.50".
 *
 * @example formatRate(720.2849) === "720.28"
 * @param n A number, or null for an absent value.
 * @returns The label; "—" for null, "NaN", "+Inf", "-Inf" for the non-finite values; numbers
 *   of 1e21 or more in magnitude fall back to {@link formatNumber}.
 */
export function formatRate(n: number | null): string {
  if (n === null || !Number.isFinite(n)) return specialLabel(n);
  if (Math.abs(n) >= PLAIN_LIMIT) return formatNumber(n);
  const s = n.toFixed(2);
  return s === "-0.00" ? "0.00" : s;
}

/**
 * Formats a fraction (0.375) as a percentage ("37.5 %"): one decimal from 10 % up, two below,
 * trailing zeros dropped. A value that is not 0 (or 100 %) never reads as it: under 0.01 % it is
 * "<0.01 %", between 99.9 % and 100 % ">99.9 %".
 *
 * @example formatPercent(0.375) === "37.5 %"; formatPercent(1 / 48) === "2.08 %"
 * @param fraction A number (1 is 100 %), or null for an absent value.
 * @returns The label; "—" for null, "NaN", "+Inf", "-Inf" for the non-finite values.
 */
export function formatPercent(fraction: number | null): string {
  if (fraction === null || !Number.isFinite(fraction)) return specialLabel(fraction);
  const pct = fraction * 100;
  const magnitude = Math.abs(pct);
  if (magnitude >= PLAIN_LIMIT) return `${formatNumber(pct)} %`;
  // "37.50" -> "37.5", "10.0" -> "10"; never the zeros of a whole number ("100")
  const text = pct
    .toFixed(magnitude >= 10 ? 1 : 2)
    .replace(/\.(\d*?)0+$/, (_m, d: string) => (d === "" ? "" : `.${d}`));
  const shown = Number(text);
  if (shown === 0 && pct !== 0) return pct > 0 ? "<0.01 %" : ">-0.01 %";
  if (shown === 100 && pct < 100) return ">99.9 %";
  return `${shown === 0 ? "0" : text} %`;
}

/** Two-digit, zero-padded. */
function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/**
 * Formats a duration given in milliseconds, at the precision a person reads it:
 * under 10 s with two decimals ("0.57 s"), under 60 s with one ("12.3 s"), under an hour in
 * minutes and seconds ("12 min 5 s"), under a day in hours and minutes ("3 h 02 min"), then in
 * days and hours ("2 d 4 h"). Each form is rounded to its last unit, and a value that rounds up
 * to the next form is shown in it (59.96 s is "1 min 0 s").
 *
 * @example formatDuration(570) === "0.57 s"; formatDuration(725000) === "12 min 5 s"
 * @param ms A duration in milliseconds, or null for an absent value.
 * @returns The label; "—" for null. A negative or non-finite value is not a duration: it is
 *   shown as the raw millisecond number by {@link formatNumber} ("NaN", "+Inf", "-Inf", "-5").
 */
export function formatDuration(ms: number | null): string {
  if (ms === null) return ABSENT;
  if (!Number.isFinite(ms) || ms < 0) return formatNumber(ms);
  const s = ms / 1000;
  if (s < 10) {
    const t = s.toFixed(2);
    if (Number(t) < 10) return `${t} s`;
  }
  if (s < 60) {
    const t = s.toFixed(1);
    if (Number(t) < 60) return `${t} s`;
  }
  const seconds = Math.round(s);
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  const minutes = Math.round(s / 60);
  if (minutes < 1440) return `${Math.floor(minutes / 60)} h ${pad2(minutes % 60)} min`;
  const hours = Math.round(s / 3600);
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** Formatters by time zone ("" for the local one); building one is not cheap. */
const DATE_TIME_FORMATS = new Map<string, Intl.DateTimeFormat>();

/**
 * The "yyyy-MM-dd HH:mm:ss" parts formatter for a time zone, built once.
 *
 * @throws RangeError when `timeZone` is not a known IANA time zone.
 */
function dateTimeFormat(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? "";
  let format = DATE_TIME_FORMATS.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-CA", {
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
      ...(timeZone === undefined ? {} : { timeZone }),
    });
    DATE_TIME_FORMATS.set(key, format);
  }
  return format;
}

/**
 * Formats a time as "yyyy-MM-dd HH:mm:ss" (24-hour clock) in the local time zone or a given one.
 * The fields are taken from Intl.DateTimeFormat's parts, so the layout does not depend on the
 * locale.
 *
 * @example formatDateTime(0, "UTC") === "1970-01-01 00:00:00"
 * @param ms Milliseconds since the Unix epoch, or null for an absent value.
 * @param timeZone An IANA time zone ("Asia/Shanghai", "UTC"); the local zone when omitted.
 * @returns The label; "—" for null; a value that is not a valid time (non-finite, or beyond the
 *   ±8.64e15 ms a Date holds) is shown as the raw number by {@link formatNumber}.
 * @throws RangeError when `timeZone` is not a known time zone.
 */
export function formatDateTime(ms: number | null, timeZone?: string): string {
  if (ms === null) return ABSENT;
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return formatNumber(ms);
  const fields = { year: "", month: "", day: "", hour: "", minute: "", second: "" };
  for (const { type, value } of dateTimeFormat(timeZone).formatToParts(date)) {
    switch (type) {
      case "year":
      case "month":
      case "day":
      case "hour":
      case "minute":
      case "second":
        fields[type] = value;
        break;
      default:
        break; // literals ("-", ", ", ":")
    }
  }
  const year = fields.year.padStart(4, "0");
  // Some ICU versions write midnight as "24" even with h23.
  const hour = fields.hour === "24" ? "00" : fields.hour;
  return `${year}-${fields.month}-${fields.day} ${hour}:${fields.minute}:${fields.second}`;
}
