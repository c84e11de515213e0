/**
 * `<train-histogram>`: a histogram (equal-width bins from min to max) as SVG bars
 * (docs/web-components.md).
 */
import { css, html, nothing, svg, type PropertyValues } from "lit";

import { BlockElement } from "./block-element.js";
import { define } from "./define.js";
import { t, type Lang } from "./i18n/index.js";
import { blockThemeStyles } from "./theme.js";
import { formatFloatValue } from "./values.js";

type Edge = number | "NaN" | "Infinity" | "-Infinity";

/** A histogram as records carry it: `counts.length` equal-width bins spanning [min, max]. */
export interface HistogramData {
  min: Edge;
  max: Edge;
  counts: number[];
}

interface Bin {
  from: number;
  to: number;
  count: number;
}

function edgeValue(v: Edge | null | undefined): number {
  if (typeof v === "number") return v;
  if (v === "Infinity") return Number.POSITIVE_INFINITY;
  if (v === "-Infinity") return Number.NEGATIVE_INFINITY;
  return Number.NaN;
}

/**
 * The bars of a histogram: equal-width bins from min to max; one bar holding every count when
 * min equals max (all elements had one value). Negative or non-finite counts count as 0.
 */
export function histogramBins(h: HistogramData | null | undefined): Bin[] {
  if (h === null || h === undefined || !Array.isArray(h.counts) || h.counts.length === 0) return [];
  const counts = h.counts.map((c) =>
    typeof c === "number" && Number.isFinite(c) && c > 0 ? c : 0,
  );
  const min = edgeValue(h.min);
  const max = edgeValue(h.max);
  if (min === max) return [{ from: min, to: max, count: counts.reduce((a, b) => a + b, 0) }];
  const n = counts.length;
  const width = (max - min) / n;
  return counts.map((count, i) => ({
    from: i === 0 ? min : min + width * i,
    to: i === n - 1 ? max : min + width * (i + 1),
    count,
  }));
}

/**
 * A histogram as SVG bars that scale with the element's width, with a table view.
 *
 * Each bar has a `<title>` naming its range and count. Test hook: `data-bins`, the number of
 * bars drawn.
 *
 * @csspart toolbar - the row with the Table button
 * @csspart plot - the bars with their axis labels
 * @csspart table - the table view of the bins
 * @cssprop --train-series-1 - bar colour
 * @cssprop --train-fg - labels
 * @cssprop --train-muted - axis labels and the non-finite count
 * @cssprop --train-border - the baseline
 */
export class TrainHistogram extends BlockElement {
  static override properties = {
    ...BlockElement.properties,
    histogram: { attribute: false },
    nonfinite: { type: Number },
    tableView: { state: true },
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
        grid-template-columns: auto 1fr;
        grid-template-rows: auto auto;
        column-gap: 0.4rem;
        font-size: 0.75rem;
        font-variant-numeric: tabular-nums;
      }
      .plot[hidden] {
        display: none;
      }
      .yaxis {
        display: flex;
        flex-direction: column;
        justify-content: space-between;
        text-align: right;
        color: var(--_muted);
        line-height: 1;
      }
      svg.bars {
        display: block;
        width: 100%;
        height: var(--_hist-height, 160px);
        border-bottom: 1px solid var(--_border);
        border-left: 1px solid var(--_border);
        box-sizing: border-box;
      }
      svg.bars rect {
        fill: var(--_series-1);
        stroke: var(--_bg);
        stroke-width: 1px;
        vector-effect: non-scaling-stroke;
      }
      svg.bars rect:hover {
        fill: var(--_accent);
      }
      .xaxis {
        grid-column: 2;
        display: flex;
        justify-content: space-between;
        color: var(--_muted);
        padding-top: 0.15rem;
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
  declare private tableView: boolean;

  private bins: Bin[] = [];

  constructor() {
    super();
    this.histogram = null;
    this.nonfinite = 0;
    this.tableView = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("histogram")) this.bins = histogramBins(this.histogram);
  }

  protected override updated(): void {
    this.dataset.bins = String(this.bins.length);
  }

  private rangeText(lang: Lang, b: Bin): string {
    return t(lang, "histogram.range", {
      from: formatFloatValue(b.from),
      to: formatFloatValue(b.to),
    });
  }

  private renderBars(lang: Lang) {
    const bins = this.bins;
    const maxCount = Math.max(0, ...bins.map((b) => b.count));
    const h = maxCount > 0 ? maxCount : 1;
    const n = bins.length;
    const first = bins[0];
    const last = bins[n - 1];
    return html`<div
      part="plot"
      class="plot"
      role="img"
      aria-label=${this.label || t(lang, "histogram.count")}
      ?hidden=${this.tableView}
    >
      <div class="yaxis" aria-hidden="true"><span>${maxCount}</span><span>0</span></div>
      <svg class="bars" viewBox="0 0 ${n} ${h}" preserveAspectRatio="none">
        ${bins.map(
          (b, i) =>
            svg`<rect x=${i} y=${h - b.count} width="1" height=${b.count}><title>${this.rangeText(lang, b)}: ${b.count}</title></rect>`,
        )}
      </svg>
      <div class="xaxis" aria-hidden="true">
        <span>${first === undefined ? "" : formatFloatValue(first.from)}</span>
        <span>${last === undefined ? "" : formatFloatValue(last.to)}</span>
      </div>
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
    const nonfinite =
      Number.isFinite(this.nonfinite) && this.nonfinite > 0
        ? html`<p class="nonfinite">
            ${t(lang, "histogram.nonfinite", { count: this.nonfinite })}
          </p>`
        : nothing;
    if (this.bins.length === 0) {
      return html`<p class="muted empty">${t(lang, "chart.no_data")}</p>
        ${nonfinite}`;
    }
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
      ${this.renderBars(lang)} ${this.tableView ? this.renderTable(lang) : nothing} ${nonfinite}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "train-histogram": TrainHistogram;
  }
}

define("train-histogram", TrainHistogram);
