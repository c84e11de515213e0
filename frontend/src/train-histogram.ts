/**
 * `<train-histogram>`: a histogram (equal-width bins from min to max) as SVG bars with a count
 * axis, a value axis, a hover / keyboard readout of the bin under the cursor and a table view
 * (docs/web-components.md).
 */
import { css, html, nothing, svg, type PropertyValues } from "lit";

import { BlockElement } from "./block-element.js";
import { define } from "./define.js";
import { t, type Lang } from "./i18n/index.js";
import {
  allNonFiniteText,
  binForKey,
  histogramBins,
  type Bin,
  type HistogramData,
} from "./lib/chart-histogram.js";
import { formatInteger } from "./lib/format.js";
import { countTicks, spanTicks } from "./lib/scales.js";
import { blockThemeStyles } from "./theme.js";
import { formatFloatValue } from "./values.js";

export { histogramBins, type HistogramData } from "./lib/chart-histogram.js";

/** Height of the bars' area when `height` is unset or unusable (CSS px). */
const DEFAULT_HEIGHT = 220;
/** Ticks on the value axis: min, middle and max (more would collide in a narrow card). */
const X_TICKS = 3;

/**
 * A histogram as SVG bars that scale with the element's width, with a table view.
 *
 * The count axis has ticks at round counts, the value axis three: min, middle and max. Hovering
 * a bar, or moving through the bars with ←/→ (Home/End) once the plot has focus, shows the
 * bin's range and count in `part="readout"` (also an `aria-live` region). Each bar also has a
 * `<title>` naming its range and count. When there is no bin but every element was non-finite
 * (`nonfinite` > 0) the element says so ("All 2,048 elements are non-finite (NaN 2,048).").
 *
 * Test hooks: `data-bins` (bars drawn) and `data-active` (the bin under the cursor, absent when
 * none).
 *
 * @csspart toolbar - the row with the Table button
 * @csspart plot - the focusable bars with their axes
 * @csspart readout - the range and count of the bin under the cursor
 * @csspart table - the table view of the bins
 * @csspart nonfinite - the line about the non-finite elements
 * @cssprop --train-series-1 - bar colour
 * @cssprop --train-accent - the bar under the cursor
 * @cssprop --train-fg - labels
 * @cssprop --train-muted - axis labels and ticks
 * @cssprop --train-border - the axes
 */
export class TrainHistogram extends BlockElement {
  static override properties = {
    ...BlockElement.properties,
    histogram: { attribute: false },
    nonfinite: { type: Number },
    nanCount: { type: Number, attribute: "nan-count" },
    posinfCount: { type: Number, attribute: "posinf-count" },
    neginfCount: { type: Number, attribute: "neginf-count" },
    xLabel: { type: String, attribute: "x-label" },
    yLabel: { type: String, attribute: "y-label" },
    height: { type: Number },
    tableView: { state: true },
    active: { state: true },
  };

  static override styles = [
    ...blockThemeStyles,
    css`
      .toolbar {
        display: flex;
        justify-content: flex-end;
        gap: 0.25rem;
        margin-bottom: 0.25rem;
        font-size: 0.8125rem;
      }
      .plot {
        display: grid;
        grid-template-columns: auto auto 1fr;
        grid-template-rows: auto auto auto;
        column-gap: 0.3rem;
        font-size: 0.75rem;
        font-variant-numeric: tabular-nums;
        border-radius: 2px;
      }
      .plot[hidden] {
        display: none;
      }
      .ytitle {
        grid-row: 1;
        grid-column: 1;
        writing-mode: vertical-rl;
        transform: rotate(180deg);
        text-align: center;
        color: var(--_fg);
        font-weight: 600;
      }
      .yaxis,
      .xaxis {
        position: relative;
        color: var(--_muted);
        line-height: 1;
      }
      .yaxis {
        grid-row: 1;
        grid-column: 2;
        min-width: 2.5em;
      }
      .yaxis span {
        position: absolute;
        right: 0.35em;
        transform: translateY(50%);
        white-space: nowrap;
      }
      .yaxis span::after {
        content: "";
        position: absolute;
        right: -0.35em;
        top: 50%;
        width: 0.25em;
        border-top: 1px solid var(--_border);
      }
      .xaxis {
        grid-row: 2;
        grid-column: 3;
        height: 1.4em;
      }
      .xaxis span {
        position: absolute;
        top: 0.35em;
        transform: translateX(-50%);
        white-space: nowrap;
      }
      .xaxis span:first-child {
        transform: none;
      }
      .xaxis span:last-child {
        transform: translateX(-100%);
      }
      .xaxis span::before {
        content: "";
        position: absolute;
        left: 50%;
        top: -0.35em;
        height: 0.25em;
        border-left: 1px solid var(--_border);
      }
      .xaxis span:first-child::before {
        left: 0;
      }
      .xaxis span:last-child::before {
        left: 100%;
      }
      .xtitle {
        grid-row: 3;
        grid-column: 3;
        text-align: center;
        color: var(--_fg);
        font-weight: 600;
        padding-top: 0.1rem;
      }
      svg.bars {
        grid-row: 1;
        grid-column: 3;
        display: block;
        width: 100%;
        height: var(--_hist-height, 220px);
        border-bottom: 1px solid var(--_border);
        border-left: 1px solid var(--_border);
        box-sizing: border-box;
        overflow: visible;
      }
      svg.bars line.grid {
        stroke: var(--_grid);
        stroke-width: 1px;
        vector-effect: non-scaling-stroke;
      }
      svg.bars rect.bar {
        fill: var(--_series-1);
        stroke: var(--_bg);
        stroke-width: 1px;
        vector-effect: non-scaling-stroke;
      }
      svg.bars rect.bar[data-active] {
        fill: var(--_accent);
      }
      svg.bars rect.hit {
        fill: transparent;
        stroke: none;
      }
      svg.bars rect.hit[data-active] {
        fill: color-mix(in srgb, var(--_accent) 10%, transparent);
      }
      .readout {
        min-height: 1.3em;
        margin: 0.2rem 0 0;
        font-size: 0.8125rem;
        font-variant-numeric: tabular-nums;
        color: var(--_fg);
      }
      .nonfinite {
        margin: 0.25rem 0 0;
        font-size: 0.8125rem;
        color: var(--_nonfinite);
      }
      .tablewrap {
        max-height: 20rem;
        overflow: auto;
      }
    `,
  ];

  /** The histogram, or null for none. */
  declare histogram: HistogramData | null;
  /** How many elements were NaN or ±Inf (not in any bin); shown when > 0. */
  declare nonfinite: number;
  /** Of those, how many were NaN (attribute `nan-count`; optional, for the breakdown). */
  declare nanCount: number | null;
  /** How many were +Inf (attribute `posinf-count`; optional). */
  declare posinfCount: number | null;
  /** How many were -Inf (attribute `neginf-count`; optional). */
  declare neginfCount: number | null;
  /** Title of the value axis (attribute `x-label`; "Value" when unset, "" for none). */
  declare xLabel: string | undefined;
  /** Title of the count axis (attribute `y-label`; "Count" when unset, "" for none). */
  declare yLabel: string | undefined;
  /** Height of the bars' area in CSS pixels (default 220). */
  declare height: number;
  declare private tableView: boolean;
  declare private active: number | null;

  private bins: Bin[] = [];

  constructor() {
    super();
    this.histogram = null;
    this.nonfinite = 0;
    this.nanCount = null;
    this.posinfCount = null;
    this.neginfCount = null;
    this.xLabel = undefined;
    this.yLabel = undefined;
    this.height = DEFAULT_HEIGHT;
    this.tableView = false;
    this.active = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("histogram")) {
      this.bins = histogramBins(this.histogram);
      if (this.active !== null && this.active >= this.bins.length) this.active = null;
    }
  }

  protected override updated(): void {
    this.dataset.bins = String(this.bins.length);
    if (this.active === null) delete this.dataset.active;
    else this.dataset.active = String(this.active);
  }

  private rangeText(lang: Lang, b: Bin): string {
    return t(lang, "histogram.range", {
      from: formatFloatValue(b.from),
      to: formatFloatValue(b.to),
    });
  }

  private binText(lang: Lang, b: Bin): string {
    return t(lang, "histogram.bin_readout", {
      range: this.rangeText(lang, b),
      count: formatInteger(b.count),
    });
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (e.key === "Escape") {
      this.active = null;
      return;
    }
    const idx = binForKey(e.key, this.active, this.bins.length);
    if (idx === null) return;
    e.preventDefault();
    this.active = idx;
  }

  private renderBars(lang: Lang) {
    const bins = this.bins;
    const maxCount = Math.max(0, ...bins.map((b) => b.count));
    const yTicks = countTicks(maxCount);
    const top = yTicks[yTicks.length - 1] ?? 1;
    const n = bins.length;
    const first = bins[0];
    const last = bins[n - 1];
    const xTicks =
      first === undefined || last === undefined ? [] : spanTicks(first.from, last.to, X_TICKS);
    const span = last !== undefined && first !== undefined ? last.to - first.from : 0;
    const xTitle = this.xLabel ?? t(lang, "histogram.value");
    const yTitle = this.yLabel ?? t(lang, "histogram.count");
    const height = Number.isFinite(this.height) && this.height > 40 ? this.height : DEFAULT_HEIGHT;
    const active = this.active;
    return html`<div
      part="plot"
      class="plot"
      role="application"
      tabindex="0"
      aria-label=${this.label || t(lang, "histogram.count")}
      ?hidden=${this.tableView}
      style="--_hist-height: ${height}px"
      @keydown=${(e: KeyboardEvent) => this.onKeyDown(e)}
      @pointerleave=${() => (this.active = null)}
      @blur=${() => (this.active = null)}
    >
      ${yTitle === "" ? nothing : html`<div class="ytitle" aria-hidden="true">${yTitle}</div>`}
      <div class="yaxis" aria-hidden="true">
        ${yTicks.map(
          (v) => html`<span style="bottom: ${(100 * v) / top}%">${formatInteger(v)}</span>`,
        )}
      </div>
      <svg class="bars" viewBox="0 0 ${n} ${top}" preserveAspectRatio="none">
        ${yTicks
          .slice(1)
          .map((v) => svg`<line class="grid" x1="0" x2=${n} y1=${top - v} y2=${top - v}></line>`)}
        ${bins.map(
          (b, i) =>
            svg`<rect class="hit" x=${i} y="0" width="1" height=${top} ?data-active=${i === active}
              @pointerenter=${() => (this.active = i)}></rect><rect class="bar" x=${i} y=${top - b.count} width="1" height=${b.count} ?data-active=${i === active}
              @pointerenter=${() => (this.active = i)}><title>${this.binText(lang, b)}</title></rect>`,
        )}
      </svg>
      <div class="xaxis" aria-hidden="true">
        ${xTicks.map((v, i) => {
          const at =
            span > 0 && first !== undefined ? (100 * (v - first.from)) / span : i > 0 ? 100 : 0;
          return html`<span style="left: ${at}%">${formatFloatValue(v)}</span>`;
        })}
      </div>
      ${xTitle === "" ? nothing : html`<div class="xtitle" aria-hidden="true">${xTitle}</div>`}
    </div>`;
  }

  private renderTable(lang: Lang) {
    return html`<div class="tablewrap">
      <table part="table" class="data" aria-label=${this.label || nothing}>
        <thead>
          <tr>
            <th scope="col">${t(lang, "histogram.bin")}</th>
            <th scope="col">${t(lang, "histogram.count")}</th>
          </tr>
        </thead>
        <tbody>
          ${this.bins.map(
            (b) =>
              html`<tr>
                <th scope="row">${this.rangeText(lang, b)}</th>
                <td>${b.count}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  protected override render() {
    const lang = this.language;
    const count = Number.isFinite(this.nonfinite) && this.nonfinite > 0 ? this.nonfinite : 0;
    if (this.bins.length === 0) {
      const all = allNonFiniteText(lang, {
        total: count,
        nan: this.nanCount,
        posinf: this.posinfCount,
        neginf: this.neginfCount,
      });
      return all === null
        ? html`<p class="muted empty">${t(lang, "chart.no_data")}</p>`
        : html`<p part="nonfinite" class="nonfinite empty" data-all>${all}</p>`;
    }
    const nonfinite =
      count > 0
        ? html`<p part="nonfinite" class="nonfinite">
            ${t(lang, "histogram.nonfinite", { count: formatInteger(count) })}
          </p>`
        : nothing;
    const activeBin = this.active === null ? undefined : this.bins[this.active];
    const readout = activeBin === undefined || this.tableView ? "" : this.binText(lang, activeBin);
    return html`
      <div part="toolbar" class="toolbar">
        <button
          type="button"
          aria-pressed=${this.tableView ? "true" : "false"}
          @click=${() => (this.tableView = !this.tableView)}
        >
          ${t(lang, "chart.table")}
        </button>
      </div>
      ${this.renderBars(lang)}
      <p part="readout" class="readout" aria-live="polite">${readout}</p>
      ${this.tableView ? this.renderTable(lang) : nothing} ${nonfinite}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "train-histogram": TrainHistogram;
  }
}

define("train-histogram", TrainHistogram);
