/**
 * The two-column information tables of the pages (the original's "Model and Training
 * Information", "Layer Information", hardware and software): a row per fact, keyed for tests
 * and automation (`data-table`, `data-key`), styled by `table.info` in theme.ts. Labels and
 * values sit in `<bdi>`, so a name holding bidirectional controls (U+202E) cannot reorder the
 * rest of the row.
 */
import { html, type TemplateResult } from "lit";

/** One row: its key (`data-key`), its label, and its value as shown (null shows "—"). */
export type InfoRow = readonly [key: string, label: string, value: string | null];

/** `<table class="info" part="table" data-table=name>` with a `<tr data-key>` per row. */
export function infoTable(name: string, rows: readonly InfoRow[]): TemplateResult {
  return html`<table class="info" part="table" data-table=${name}>
    <tbody>
      ${rows.map(
        ([key, label, value]) =>
          html`<tr data-key=${key}>
            <th scope="row"><bdi>${label}</bdi></th>
            <td><bdi>${value ?? "—"}</bdi></td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}
