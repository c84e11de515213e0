/**
 * `<train-hist-ridges>`: one tensor's histograms over time as TensorBoard's offset view, in SVG:
 * a ridge per stored histogram, stacked by iteration with an offset (the oldest at the top, at
 * the back; the newest at the bottom, in front), one value axis below, iterations on the right.
 */
import { css, html, nothing, svg, type PropertyValues } from "lit";

import type { HistogramAt } from "./api-types.js";
import { BlockElement } from "./block-element.js";
import { define } from "./define.js";
import { t } from "./i18n/index.js";
import { formatInteger } from "./lib/format.js";
import { ridgeAt, ridgeLayout, ridgePath, type RidgeLayout } from "./lib/hist-ridges.js";
import { spanTicks } from "./lib/scales.js";
import { blockThemeStyles } from "./theme.js";
import { formatFloatValue } from "./values.js";

/** The drawing's SVG units: wide, and as tall as it is drawn (CSS px). */
const WIDTH = 1000;
const DEFAULT_HEIGHT = 240;
/** The share of the height the tallest bin takes; the baselines spread over the rest. */
const PEAK_SHARE = 0.35;
/** Value-axis ticks (min, middle, max, as the histogram). */
const X_TICKS = 3;

/**
 * The offset view of `histograms` (in iteration order, as `GET /api/v1/histograms` answers).
 * Each ridge outlines its own bins' counts through their centres, on one count scale; the ridge
 * of `selected` (the newest at or before it) is drawn in the accent colour.
 *
 * Test hooks: `data-ridges` (ridges drawn), `data-selected` (the highlighted ridge's iteration);
 * each ridge `path.ridge` has `data-iteration`.
 *
 * @csspart plot - the drawing with its axes (`role="img"`, named by `label` and the range)
 * @cssprop --train-series-1 - the ridges
 * @cssprop --train-accent - the selected ridge
 */
export class TrainHistRidges extends BlockElement {
  static override properties = {
    ...BlockElement.properties,
    histograms: { attribute: false },
    selected: { attribute: false },
    height: { type: Number },
  };

  static override styles = [
    ...blockThemeStyles,
    css`
      :host {
        display: block;
      }
      .plot {
        display: grid;
        grid-template-columns: 1fr auto;
        column-gap: 0.35rem;
        font-size: 0.75rem;
        font-variant-numeric: tabular-nums;
      }
      svg {
        grid-row: 1;
        grid-column: 1;
        display: block;
        width: 100%;
        height: var(--_ridges-height, 240px);
        overflow: visible;
        border-bottom: 1px solid var(--_border);
      }
      path.ridge {
        fill: var(--_bg);
        stroke: var(--_series-1);
        stroke-width: 1.25px;
        vector-effect: non-scaling-stroke;
      }
      path.ridge[data-selected] {
        stroke: var(--_accent);
        stroke-width: 2.5px;
      }
      .iters,
      .xaxis {
        position: relative;
        color: var(--_muted);
        line-height: 1;
      }
      .iters {
        grid-row: 1;
        grid-column: 2;
        min-width: 3em;
      }
      .iters span {
        position: absolute;
        left: 0;
        transform: translateY(-50%);
        white-space: nowrap;
      }
      .iters span.sel {
        color: var(--_accent);
        font-weight: 600;
      }
      .xaxis {
        grid-row: 2;
        grid-column: 1;
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
      .titles {
        grid-row: 3;
        grid-column: 1 / span 2;
        display: flex;
        justify-content: space-between;
        color: var(--_fg);
        font-weight: 600;
      }
    `,
  ];

  /** The histograms, in iteration order. */
  declare histograms: readonly HistogramAt[];
  /** The slider's iteration (null: none): the ridge at or before it is highlighted. */
  declare selected: number | null;
  /** Height of the drawing in CSS pixels (default 240). */
  declare height: number;

  private layout: RidgeLayout = { lo: 0, hi: 1, ridges: [] };

  constructor() {
    super();
    this.histograms = [];
    this.selected = null;
    this.height = DEFAULT_HEIGHT;
  }

  private get drawnHeight(): number {
    return Number.isFinite(this.height) && this.height > 60 ? this.height : DEFAULT_HEIGHT;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("histograms") || changed.has("height")) {
      const h = this.drawnHeight;
      this.layout = ridgeLayout(this.histograms, { width: WIDTH, height: h, peak: h * PEAK_SHARE });
    }
  }

  private get selectedRidge(): number | null {
    return ridgeAt(
      this.histograms.map((h) => h.iteration),
      this.selected,
    );
  }

  protected override updated(): void {
    this.dataset.ridges = String(this.layout.ridges.filter((r) => r.points.length > 0).length);
    const sel = this.selectedRidge;
    if (sel === null) delete this.dataset.selected;
    else this.dataset.selected = String(sel);
  }

  protected override render() {
    const lang = this.language;
    const { lo, hi, ridges } = this.layout;
    if (ridges.length === 0) return html`<p class="muted empty">${t(lang, "chart.no_data")}</p>`;
    const height = this.drawnHeight;
    const sel = this.selectedRidge;
    const first = ridges[0];
    const last = ridges[ridges.length - 1];
    const labelled = [first, last, ridges.find((r) => r.iteration === sel)].filter(
      (r, i, all): r is NonNullable<typeof r> => r !== undefined && all.indexOf(r) === i,
    );
    const name = t(lang, "model.histograms.offset", {
      title: this.label,
      count: formatInteger(ridges.length),
      first: formatInteger(first?.iteration ?? 0),
      last: formatInteger(last?.iteration ?? 0),
    });
    return html`<div
      part="plot"
      class="plot"
      role="img"
      aria-label=${name}
      style="--_ridges-height: ${height}px"
    >
      <svg viewBox="0 0 ${WIDTH} ${height}" preserveAspectRatio="none" aria-hidden="true">
        ${ridges.map((r) => {
          const opacity =
            0.35 + 0.65 * ((r.baseline - height * PEAK_SHARE) / (height * (1 - PEAK_SHARE)) || 0);
          return svg`<path class="ridge" d=${ridgePath(r)} data-iteration=${r.iteration}
            ?data-selected=${r.iteration === sel} stroke-opacity=${r.iteration === sel ? 1 : opacity.toFixed(2)}><title>${t(
              lang,
              "model.histograms.iteration",
              { iteration: formatInteger(r.iteration) },
            )}</title></path>`;
        })}
      </svg>
      <div class="iters" aria-hidden="true">
        ${labelled.map(
          (r) =>
            html`<span
              class=${r.iteration === sel ? "sel" : nothing}
              style="top: ${(100 * r.baseline) / height}%"
              >${formatInteger(r.iteration)}</span
            >`,
        )}
      </div>
      <div class="xaxis" aria-hidden="true">
        ${spanTicks(lo, hi, X_TICKS).map(
          (v) =>
            html`<span style="left: ${(100 * (v - lo)) / (hi - lo)}%"
              >${formatFloatValue(v)}</span
            >`,
        )}
      </div>
      <div class="titles" aria-hidden="true">
        <span>${t(lang, "histogram.value")}</span><span>${t(lang, "chart.iteration")}</span>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "train-hist-ridges": TrainHistRidges;
  }
}

define("train-hist-ridges", TrainHistRidges);
