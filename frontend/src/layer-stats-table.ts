/**
 * The model page's latest-statistics table: a row per summary of the selected layer in the
 * latest report (each parameter's values, gradients and updates, and the layer's activations)
 * with its element count, mean, stdev, fraction of zeros and, for activations, its dead units.
 * Keyed for tests and automation: `data-table="latest"`, `data-key` per row (`activations`,
 * `parameters.<name>`, ...), `data-col` per cell, and the raw counts on the zeros and dead-unit
 * cells (`data-zero-count`, `data-count`, `data-dead-unit-count`, `data-unit-count`; absent
 * when not counted).
 */
import { html, nothing, type TemplateResult } from "lit";

import { t, type Lang } from "./i18n/index.js";
import { formatInteger } from "./lib/format.js";
import { deadUnitsCell, zerosCell, type CountCell } from "./lib/summary-counts.js";
import type { Summary } from "./types/records.js";
import { formatFloatValue, parseFloatValue } from "./values.js";

/** One summary of the table. */
export interface StatsRow {
  /** `data-key`: `activations`, or the kind and the parameter (`gradients.inp.weight`) */
  key: string;
  /** the kind as shown ("Gradients", with its iteration when older than the latest report) */
  kind: string;
  /** the tensor as shown (the parameter's name, or the layer's for activations) */
  tensor: string;
  summary: Summary;
  /** whether the row is the layer's activations (the only one with units) */
  activations: boolean;
}

/** A cell with the counts as data attributes and the tooltip. */
function countCell(
  col: string,
  cell: CountCell,
  counts: Readonly<Record<string, number | null | undefined>>,
): TemplateResult {
  const attr = (name: string) => counts[name] ?? nothing;
  return html`<td
    data-col=${col}
    title=${cell.title}
    data-count=${attr("count")}
    data-zero-count=${attr("zero")}
    data-unit-count=${attr("units")}
    data-dead-unit-count=${attr("dead")}
  >
    ${cell.text}
  </td>`;
}

function row(lang: Lang, r: StatsRow, withUnits: boolean): TemplateResult {
  const s = r.summary;
  const counted = s.zero_count == null ? {} : { count: s.count, zero: s.zero_count };
  const units =
    s.unit_count == null || s.dead_unit_count == null
      ? {}
      : { units: s.unit_count, dead: s.dead_unit_count };
  return html`<tr data-key=${r.key}>
    <th scope="row">${r.kind}</th>
    <td data-col="tensor"><bdi>${r.tensor}</bdi></td>
    <td data-col="count">${formatInteger(s.count)}</td>
    <td data-col="mean">${formatFloatValue(parseFloatValue(s.mean))}</td>
    <td data-col="stdev">${formatFloatValue(parseFloatValue(s.stdev))}</td>
    ${countCell("zeros", zerosCell(lang, s), counted)}
    ${
      !withUnits
        ? nothing
        : r.activations
          ? countCell("dead_units", deadUnitsCell(lang, s), units)
          : html`<td data-col="dead_units"></td>`
    }
  </tr>`;
}

/**
 * `<table class="info stats" part="table" data-table="latest">` of `rows`; the dead-units
 * column only when one of them is the layer's activations.
 */
export function latestStatsTable(lang: Lang, rows: readonly StatsRow[]): TemplateResult {
  const withUnits = rows.some((r) => r.activations);
  const col = (key: Parameters<typeof t>[1]) => html`<th scope="col">${t(lang, key)}</th>`;
  return html`<div class="stats-wrap">
    <table class="info stats" part="table" data-table="latest">
      <thead>
        <tr>
          ${col("model.latest.kind")} ${col("model.latest.tensor")} ${col("model.latest.count")}
          ${col("model.activations.mean")} ${col("model.latest.stdev")} ${col("model.latest.zeros")}
          ${withUnits ? col("model.latest.dead_units") : nothing}
        </tr>
      </thead>
      <tbody>
        ${rows.map((r) => row(lang, r, withUnits))}
      </tbody>
    </table>
  </div>`;
}
