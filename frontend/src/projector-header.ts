/**
 * The top of `<embedding-projector-view>`, as template functions: the menus (embedding, layout,
 * colour by) and the state lines under them (the summary, "N points not placed", the 3-D note,
 * and a running layout's progress with its Cancel button, or why it ended).
 */
import { html, nothing, type TemplateResult } from "lit";
import type { Embedding, EmbeddingSummary, Layout } from "./api-types.js";
import { formatInteger, formatNumber, isolate } from "./lib/format.js";
import { methodName, type Tr } from "./projector-forms.js";

/** One `<select>` in a label. */
function menu(
  name: string,
  label: string,
  onChange: (value: string) => void,
  options: readonly TemplateResult[],
  disabled = false,
): TemplateResult {
  return html`<label
    >${label}
    <select
      name=${name}
      ?disabled=${disabled}
      @change=${(e: Event) => {
        onChange((e.target as HTMLSelectElement).value);
      }}
    >
      ${options}
    </select></label
  >`;
}

/** The menus' input. */
export interface Toolbar {
  /** the embeddings offered (none: no embedding menu) */
  embeddings: readonly EmbeddingSummary[] | null;
  /** the local embedding's name and id, when there is one */
  local: { id: string; name: string } | null;
  shown: string | null;
  /** the shown embedding's layouts (null: no layout menu) */
  layouts: readonly Layout[] | null;
  layout: string | null;
  columns: readonly string[];
  column: string;
  onEmbedding: (id: string) => void;
  onLayout: (id: string) => void;
  onColumn: (column: string) => void;
}

/** The embedding, layout and colour-by menus. */
export function toolbar(tr: Tr, t: Toolbar): TemplateResult {
  const { local, layouts } = t;
  const embeddings =
    t.embeddings === null
      ? nothing
      : menu("embedding", tr("projector.embedding"), t.onEmbedding, [
          ...(local === null
            ? []
            : [
                html`<option value=${local.id} ?selected=${t.shown === local.id}>
                  ${tr("projector.embedding.local", { name: isolate(local.name) })}
                </option>`,
              ]),
          ...t.embeddings.map(
            (s) =>
              html`<option value=${s.id} ?selected=${s.id === t.shown}>
                ${tr("projector.embedding.option", {
                  name: isolate(s.name),
                  count: formatInteger(s.count),
                  dim: s.dim,
                })}
              </option>`,
          ),
        ]);
  const layoutMenu =
    layouts === null
      ? nothing
      : menu(
          "layout",
          tr("projector.layout"),
          t.onLayout,
          layouts.length === 0
            ? [html`<option value="">${tr("projector.layout.none")}</option>`]
            : layouts.map(
                (l) =>
                  html`<option value=${l.id} data-status=${l.status} ?selected=${l.id === t.layout}>
                    ${tr("projector.layout.option", {
                      method: methodName(tr, l.method),
                      dims: l.dims,
                      status: tr(`projector.status.${l.status}`),
                    })}
                  </option>`,
              ),
          layouts.length < 2,
        );
  const colorMenu =
    t.columns.length === 0
      ? nothing
      : menu("color-by", tr("projector.color_by"), t.onColumn, [
          html`<option value="" ?selected=${t.column === ""}>
            ${tr("projector.color_by.none")}
          </option>`,
          ...t.columns.map(
            (c) => html`<option value=${c} ?selected=${c === t.column}>${isolate(c)}</option>`,
          ),
        ]);
  return html`<div class="toolbar" part="toolbar">${embeddings} ${layoutMenu} ${colorMenu}</div>`;
}

/** The state lines' input. */
export interface LayoutState {
  data: Embedding;
  layout: Layout | null;
  /** points not drawn */
  unplaced: number;
  /** whether the coordinates came from a CSV (not from vectors) */
  fromCsv: boolean;
  /** a local embedding's note: its name and why the server does not hold it */
  local: { name: string; reason: string } | null;
  cancelling: boolean;
  onCancel: (layout: Layout) => void;
}

/** A running layout's progress and Cancel, or why it ended; nothing when it is done. */
function progress(tr: Tr, layout: Layout, s: LayoutState): TemplateResult | typeof nothing {
  switch (layout.status) {
    case "done":
      return nothing;
    case "failed":
      return html`<p part="progress" class="error" data-status="failed">
        ${tr("projector.failed", { error: layout.error ?? "" })}
      </p>`;
    case "cancelled":
      return html`<p part="progress" class="muted" data-status="cancelled">
        ${tr("projector.cancelled", { iteration: formatInteger(layout.iteration) })}
      </p>`;
    default:
      break;
  }
  const text = tr("projector.progress", {
    method: methodName(tr, layout.method),
    iteration: formatInteger(layout.iteration),
    max_iter: formatInteger(layout.max_iter),
  });
  const kl = layout.kl_divergence;
  return html`<div class="progress" part="progress" data-status="running">
    <span data-progress>${text}</span>
    ${
      kl === null
        ? nothing
        : html`<span data-kl>${tr("projector.progress.kl", { value: formatNumber(kl) })}</span>`
    }
    <progress
      max=${Math.max(1, layout.max_iter)}
      .value=${layout.iteration}
      aria-label=${text}
    ></progress>
    <button
      data-action="cancel"
      ?disabled=${s.cancelling}
      @click=${() => {
        s.onCancel(layout);
      }}
    >
      ${tr("projector.cancel")}
    </button>
  </div>`;
}

/** The summary, "N points not placed", the 3-D note, and the layout's progress. */
export function layoutState(tr: Tr, s: LayoutState): TemplateResult {
  const { data, layout, unplaced } = s;
  const key = s.fromCsv ? "projector.unplaced_csv" : "projector.unplaced";
  return html`
    <p class="muted" data-summary>
      ${tr("projector.summary", { count: formatInteger(data.count), dim: data.dim })}
    </p>
    ${
      unplaced === 0
        ? nothing
        : html`<p part="nonfinite" class="nonfinite" data-unplaced=${unplaced}>
            ${unplaced === 1 ? tr(`${key}_one`) : tr(key, { count: formatInteger(unplaced) })}
          </p>`
    }
    ${
      layout?.dims === 3
        ? html`<p class="muted" data-note="dims3">${tr("projector.dims3")}</p>`
        : nothing
    }
    ${
      layout === null
        ? html`<p class="muted" data-note="no-layout">${tr("projector.no_layout")}</p>`
        : progress(tr, layout, s)
    }
    ${
      s.local === null
        ? nothing
        : html`<p class="muted" data-note="local">
            ${tr("projector.upload.local", { name: isolate(s.local.name), reason: s.local.reason })}
          </p>`
    }
  `;
}
