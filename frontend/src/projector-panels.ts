/**
 * The side panels of `<embedding-projector-view>`, as template functions: the search box with
 * its results (an ARIA combobox: ↑/↓, Home/End in the list, Enter chooses, Escape clears), the
 * chosen point's nearest neighbours, the lasso's selection and the colour legend. They hold no
 * state: the element passes what to show and what to call.
 */
import { html, nothing, type TemplateResult } from "lit";
import { styleMap } from "lit/directives/style-map.js";
import type { Neighbors } from "./api-types.js";
import type { ProjectorKey } from "./i18n/projector.js";
import { formatInteger, formatNumber, isolate } from "./lib/format.js";
import type { Legend } from "./lib/projector-colors.js";
import type { Query } from "./lib/projector-search.js";

/** Search results and selected points listed (the count says how many there are). */
export const MAX_LISTED = 100;

/** What every panel needs: messages and point labels. */
export interface PanelText {
  tr(key: ProjectorKey, params?: Readonly<Record<string, string | number>>): string;
  /** the label of the point with this embedding index */
  label(index: number): string;
}

/** The id of the i-th listed search result (for aria-activedescendant). */
export const resultId = (i: number): string => `result-${i}`;

/** "… and 12 more" under a list cut at {@link MAX_LISTED}. */
function more(t: PanelText, total: number): TemplateResult | typeof nothing {
  return total > MAX_LISTED
    ? html`<p class="muted">
        ${t.tr("projector.search.more", { count: formatInteger(total - MAX_LISTED) })}
      </p>`
    : nothing;
}

/** The search panel's input. */
export interface SearchPanel {
  query: string;
  regex: boolean;
  parsed: Query;
  /** the matching points (embedding indices), in result order */
  matches: readonly number[];
  /** the active result's place in the list */
  active: number;
  onQuery: (query: string) => void;
  onRegex: (regex: boolean) => void;
  onKey: (e: KeyboardEvent) => void;
  onChoose: (place: number, index: number) => void;
}

function searchCount(t: PanelText, p: SearchPanel): TemplateResult | string {
  const q = p.parsed;
  if (q.kind === "invalid") {
    return html`<span class="error" data-invalid
      >${t.tr("projector.search.invalid", { detail: q.detail })}</span
    >`;
  }
  if (q.kind === "empty") return "";
  const n = p.matches.length;
  if (n === 0) return t.tr("projector.search.none");
  if (n === 1) return t.tr("projector.search.count_one");
  return t.tr("projector.search.count", { count: formatInteger(n) });
}

/** The search box, the count of matches (announced), and the listed results. */
export function searchPanel(t: PanelText, p: SearchPanel): TemplateResult {
  const shown = p.matches.slice(0, MAX_LISTED);
  const active = Math.min(p.active, Math.max(0, shown.length - 1));
  const activeId = shown.length > 0 ? resultId(active) : nothing;
  return html`<section part="search">
    <h2><label for="search">${t.tr("projector.search")}</label></h2>
    <div class="row">
      <input
        id="search"
        type="search"
        name="search"
        role="combobox"
        autocomplete="off"
        aria-autocomplete="list"
        aria-controls="results"
        aria-expanded=${shown.length > 0 ? "true" : "false"}
        aria-activedescendant=${activeId}
        placeholder=${t.tr("projector.search.placeholder")}
        .value=${p.query}
        @input=${(e: Event) => {
          p.onQuery((e.target as HTMLInputElement).value);
        }}
        @keydown=${p.onKey}
      />
      <label
        ><input
          type="checkbox"
          name="regex"
          .checked=${p.regex}
          @change=${(e: Event) => {
            p.onRegex((e.target as HTMLInputElement).checked);
          }}
        />${t.tr("projector.search.regex")}</label
      >
    </div>
    <p role="status" data-count>${searchCount(t, p)}</p>
    <ul
      id="results"
      role="listbox"
      tabindex=${shown.length > 0 ? "0" : "-1"}
      aria-label=${t.tr("projector.results")}
      aria-activedescendant=${activeId}
      @keydown=${p.onKey}
    >
      ${shown.map(
        (index, i) =>
          html`<li
            id=${resultId(i)}
            role="option"
            data-index=${index}
            aria-selected=${i === active ? "true" : "false"}
            @click=${() => {
              p.onChoose(i, index);
            }}
          >
            <bdi>${t.label(index)}</bdi>
          </li>`,
      )}
    </ul>
    ${more(t, p.matches.length)}
  </section>`;
}

/** The neighbours panel's input. */
export interface NeighborsPanel {
  /** the chosen point (embedding index) */
  picked: number | null;
  neighbors: Neighbors | null;
  /** why there are none to show: loading, an error, a local embedding */
  note: string | null;
  onChoose: (index: number) => void;
}

/** The chosen point's nearest neighbours, most similar first, each a button choosing it. */
export function neighborsPanel(t: PanelText, p: NeighborsPanel): TemplateResult {
  const { picked, neighbors } = p;
  const heading =
    picked === null
      ? t.tr("projector.neighbors")
      : t.tr("projector.neighbors.of", { label: isolate(t.label(picked)) });
  let body: TemplateResult | typeof nothing = nothing;
  if (picked === null) {
    body = html`<p class="muted">${t.tr("projector.neighbors.hint")}</p>`;
  } else if (p.note !== null) {
    body = html`<p class="muted" data-note="neighbors">${p.note}</p>`;
  }
  const list =
    neighbors === null || picked === null
      ? nothing
      : html`<ol data-list="neighbors">
            ${neighbors.neighbors.map((nb) => {
              const similarity = nb.similarity.toFixed(3);
              return html`<li>
                <button
                  data-index=${nb.index}
                  data-similarity=${nb.similarity}
                  title=${t.tr("projector.neighbors.similarity", { value: similarity })}
                  @click=${() => {
                    p.onChoose(nb.index);
                  }}
                >
                  <bdi>${nb.label}</bdi><span class="num">${similarity}</span>
                </button>
              </li>`;
            })}
          </ol>
          ${
            neighbors.exact
              ? nothing
              : html`<p class="muted hint">${t.tr("projector.neighbors.approximate")}</p>`
          }`;
  return html`<section part="neighbors" data-picked=${picked ?? nothing}>
    <h2 data-heading>${heading}</h2>
    ${body} ${list}
  </section>`;
}

/** The lasso's points (embedding indices), each a button choosing it, and Clear selection. */
export function selectionPanel(
  t: PanelText,
  indices: readonly number[],
  onChoose: (index: number) => void,
  onClear: () => void,
): TemplateResult | typeof nothing {
  if (indices.length === 0) return nothing;
  return html`<section part="selection" data-selected=${indices.length}>
    <h2>${t.tr("projector.selection")}</h2>
    <p role="status">
      ${t.tr("projector.selection.count", { count: formatInteger(indices.length) })}
    </p>
    <ul data-list="selection">
      ${indices.slice(0, MAX_LISTED).map(
        (index) =>
          html`<li>
            <button
              data-index=${index}
              @click=${() => {
                onChoose(index);
              }}
            >
              <bdi>${t.label(index)}</bdi>
            </button>
          </li>`,
      )}
    </ul>
    ${more(t, indices.length)}
    <button data-action="clear-selection" @click=${onClear}>
      ${t.tr("projector.selection.clear")}
    </button>
  </section>`;
}

/**
 * The legend of the colouring by `column`: a swatch, value and count per category (then
 * "other" and "no value"), or the ramp from min to max. `palette` is the colour of each code.
 */
export function legendPanel(
  t: PanelText,
  legend: Legend | null,
  column: string,
  palette: readonly string[],
): TemplateResult | typeof nothing {
  if (legend === null) return nothing;
  const swatch = (code: number) =>
    html`<span class="swatch" style=${styleMap({ background: palette[code] ?? "" })}></span>`;
  const missing =
    legend.missing.count === 0
      ? nothing
      : html`<li data-value="" data-missing>
          <span
            >${swatch(legend.missing.code)}${t.tr(
              legend.kind === "numeric"
                ? "projector.legend.missing_numeric"
                : "projector.legend.missing",
            )}</span
          ><span class="num">${formatInteger(legend.missing.count)}</span>
        </li>`;
  let body: TemplateResult;
  if (legend.kind === "categorical") {
    const other = legend.other;
    body = html`<ul data-list="legend">
      ${legend.entries.map(
        (e) =>
          html`<li data-value=${e.value}>
            <span>${swatch(e.code)}<bdi>${e.value}</bdi></span
            ><span class="num">${formatInteger(e.count)}</span>
          </li>`,
      )}
      ${
        other.count === 0
          ? nothing
          : html`<li data-other>
              <span
                >${swatch(other.code)}${t.tr("projector.legend.other", {
                  values: formatInteger(other.values),
                })}</span
              ><span class="num">${formatInteger(other.count)}</span>
            </li>`
      }
      ${missing}
    </ul>`;
  } else {
    const [min, max] = [formatNumber(legend.min), formatNumber(legend.max)];
    body = html`<div
        class="ramp"
        role="img"
        aria-label=${t.tr("projector.legend.range", { min, max })}
        style=${styleMap({
          background: `linear-gradient(to right, ${palette.slice(0, legend.steps).join(", ")})`,
        })}
      ></div>
      <p class="ends">
        <span class="num" data-min>${min}</span><span class="num" data-max>${max}</span>
      </p>
      <ul>
        ${missing}
      </ul>`;
  }
  return html`<section part="legend" class="legend" data-kind=${legend.kind} data-column=${column}>
    <h2>${t.tr("projector.legend")}: <bdi>${column}</bdi></h2>
    ${body}
  </section>`;
}
