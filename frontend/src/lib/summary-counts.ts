/**
 * The counts of a tensor summary the model page's latest-statistics table shows as fractions:
 * its zeros (`zero_count / count`) and, for activations, its dead units (`dead_unit_count /
 * unit_count`, units exactly 0 for every example of the batch).
 *
 * They are counts, so they are never NaN or Inf; what can be missing is the count itself (a
 * record written before fitscope counted them has null or nothing), which is shown as not
 * counted ("—"), never as 0.
 */
import { t, type Lang } from "../i18n/index.js";
import type { Summary } from "../types/records.js";
import { formatInteger, formatPercent } from "./format.js";

/** What a table cell shows, and the tooltip (`title`) with the raw counts. */
export interface CountCell {
  text: string;
  title: string;
}

/** The summary's counts this module reads (absent in records from before they were counted). */
export type CountedSummary = Pick<
  Summary,
  "count" | "zero_count" | "unit_count" | "dead_unit_count"
>;

/** `part / whole`, or null when either is not counted or there is nothing to divide. */
function fraction(
  part: number | null | undefined,
  whole: number | null | undefined,
): number | null {
  if (part === null || part === undefined || whole === null || whole === undefined) return null;
  return whole > 0 ? part / whole : null;
}

/** The tensor's fraction of elements exactly 0; null when not counted (or the tensor is empty). */
export function zeroFraction(s: CountedSummary): number | null {
  return fraction(s.zero_count, s.count);
}

/** The fraction of the layer's units that were never active; null when not counted. */
export function deadFraction(s: CountedSummary): number | null {
  return fraction(s.dead_unit_count, s.unit_count);
}

/** "12.5 %", titled "6 of 48 elements are exactly 0"; "—" when not counted. */
export function zerosCell(lang: Lang, s: CountedSummary): CountCell {
  const f = zeroFraction(s);
  if (f === null || s.zero_count == null) {
    return { text: "—", title: t(lang, "model.latest.not_counted") };
  }
  return {
    text: formatPercent(f),
    title: t(lang, "model.latest.zeros_title", {
      zeros: formatInteger(s.zero_count),
      count: formatInteger(s.count),
    }),
  };
}

/** "3 of 8 (37.5 %)", titled with what a dead unit is; "—" when not counted. */
export function deadUnitsCell(lang: Lang, s: CountedSummary): CountCell {
  const f = deadFraction(s);
  if (f === null || s.dead_unit_count == null || s.unit_count == null) {
    return { text: "—", title: t(lang, "model.latest.not_counted") };
  }
  const params = {
    dead: formatInteger(s.dead_unit_count),
    units: formatInteger(s.unit_count),
    percent: formatPercent(f),
  };
  return {
    text: t(lang, "model.latest.dead_cell", params),
    title: t(lang, "model.latest.dead_title", params),
  };
}
