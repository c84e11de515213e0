/**
 * `<train-hist-panel>`: one tensor's histogram on the model page, with a segmented control
 * between three views: *Histogram* (the one at the page's slider iteration: `histogram`, given by
 * the page), *Offset* (every stored report's histogram stacked by iteration, TensorBoard's offset
 * view: `<train-hist-ridges>`) and *Distribution* (percentile bands over iterations, TensorBoard's
 * distributions: a `<train-line-chart>` whose bands join pairs of percentiles). The two views
 * over time load `GET /api/v1/histograms` themselves, again when `latestIteration` moves on.
 */
import { css, html, nothing, type PropertyValues, type TemplateResult } from "lit";

import { ApiError, getJson, isAbort } from "./api.js";
import type { HistogramAt, Histograms, SummaryKind } from "./api-types.js";
import { BlockElement } from "./block-element.js";
import { define } from "./define.js";
import { t, type Lang } from "./i18n/index.js";
import type { HistogramData } from "./lib/chart-histogram.js";
import type { ChartSeries, EpochMark } from "./lib/chart-options.js";
import { percentileColumns } from "./lib/hist-percentiles.js";
import type { TrainErrorDetail } from "./page-element.js";
import { blockThemeStyles } from "./theme.js";
import "./train-hist-ridges.js";
import "./train-histogram.js";
import "./train-line-chart.js";

/** The panel's views. */
export type HistView = "histogram" | "offset" | "distribution";

const VIEWS: readonly HistView[] = ["histogram", "offset", "distribution"];

/** How many histograms each view over time asks for (spread evenly over the run). */
export const VIEW_COUNTS: Readonly<Record<"offset" | "distribution", number>> = {
  offset: 50,
  distribution: 200,
};

/**
 * The distribution view's lines from percentile columns: the minimum and maximum, then each pair
 * of percentiles around the median (its band filled, translucent, so the bands darken towards the
 * middle), then the median, all in the first colour.
 */
export function distributionSeries(hists: readonly HistogramAt[], lang: Lang): ChartSeries[] {
  const cols = percentileColumns(hists);
  const n = cols.percentiles.length;
  const out: ChartSeries[] = [];
  const line = (k: number): ChartSeries => {
    const p = cols.percentiles[k] ?? 0;
    return {
      label:
        p === 50
          ? t(lang, "model.histograms.median")
          : t(lang, "model.histograms.percentile", {
              percent: new Intl.NumberFormat(lang).format(p),
            }),
      iterations: cols.iterations,
      values: cols.values[k] ?? [],
      color: 0,
      smooth: false,
    };
  };
  for (let k = 0; k < Math.floor(n / 2); k++) {
    out.push({ ...line(k), faint: true });
    out.push({ ...line(n - 1 - k), faint: true, bandWith: out.length - 1 });
  }
  if (n % 2 === 1) out.push({ ...line(Math.floor(n / 2)), width: 2 });
  return out;
}

/**
 * A tensor's histogram with its three views.
 *
 * Test hooks: `view` is reflected; the histogram view's `<train-histogram>` carries
 * `data-hist` (the kind), `data-iteration` (its report) and `data-counts` (its counts as JSON);
 * `data-max-count` is the `max_count` the views over time asked for.
 *
 * @fires train-error - `GET /api/v1/histograms` failed; detail {status, code, message}
 * @csspart views - the segmented control (buttons with `data-view`, `aria-pressed`)
 * @csspart note - why no histogram is drawn (none stored at or before the slider's iteration)
 * @csspart error - a failed request
 */
export class TrainHistPanel extends BlockElement {
  static override properties = {
    ...BlockElement.properties,
    apiBase: { attribute: "api-base" },
    session: {},
    worker: {},
    kind: {},
    name: {},
    view: { reflect: true },
    histogram: { attribute: false },
    histogramLabel: { attribute: false },
    iteration: { attribute: false },
    nonfinite: { attribute: false },
    nanCount: { attribute: false },
    posinfCount: { attribute: false },
    neginfCount: { attribute: false },
    note: { attribute: false },
    latestIteration: { attribute: false },
    selected: { attribute: false },
    epochs: { attribute: false },
    list: { state: true },
    error: { state: true },
  };

  static override styles = [
    ...blockThemeStyles,
    css`
      :host {
        display: block;
      }
      .views {
        display: inline-flex;
        margin-bottom: 0.35rem;
        font-size: 0.8125rem;
      }
      .views button {
        border-radius: 0;
        margin-left: -1px;
      }
      .views button:first-child {
        border-radius: var(--_radius) 0 0 var(--_radius);
        margin-left: 0;
      }
      .views button:last-child {
        border-radius: 0 var(--_radius) var(--_radius) 0;
      }
      .views button[aria-pressed="true"] {
        position: relative;
      }
      .note {
        margin: 0.25rem 0;
        font-size: 0.8125rem;
      }
    `,
  ];

  declare apiBase: string;
  declare session: string | null;
  declare worker: string | null;
  declare kind: SummaryKind;
  /** The tensor: a parameter, or the layer for activations. */
  declare name: string;
  /** The view shown. */
  declare view: HistView;
  /** The histogram view's histogram (null: none). */
  declare histogram: HistogramData | null;
  /** Its accessible name (default: `label`), e.g. with the iteration of an earlier report. */
  declare histogramLabel: string;
  /** The iteration of its report. */
  declare iteration: number | null;
  /** NaN/±Inf elements of the tensor at that report, as `<train-histogram>` takes them. */
  declare nonfinite: number;
  declare nanCount: number | null;
  declare posinfCount: number | null;
  declare neginfCount: number | null;
  /** Said instead of the histogram when it is null (e.g. none stored at or before the slider). */
  declare note: string | null;
  /** The run's latest report: the views over time load again when it changes. */
  declare latestIteration: number | null;
  /** The slider's iteration, highlighted in the offset view (null: the latest). */
  declare selected: number | null;
  /** Epoch ends, on the distribution chart. */
  declare epochs: readonly EpochMark[];
  declare private list: HistogramAt[] | null;
  declare private error: ApiError | null;

  private listKey = "";
  private controller: AbortController | null = null;

  constructor() {
    super();
    this.apiBase = "";
    this.session = null;
    this.worker = null;
    this.kind = "parameters";
    this.name = "";
    this.view = "histogram";
    this.histogram = null;
    this.histogramLabel = "";
    this.iteration = null;
    this.nonfinite = 0;
    this.nanCount = null;
    this.posinfCount = null;
    this.neginfCount = null;
    this.note = null;
    this.latestIteration = null;
    this.selected = null;
    this.epochs = [];
    this.list = null;
    this.error = null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.abort();
    this.controller = null;
    this.listKey = "";
  }

  /** What the view over time shows: a new key loads again (and drops the request in flight). */
  private wantedKey(): string {
    if (this.view === "histogram") return "";
    const count = VIEW_COUNTS[this.view];
    return JSON.stringify([this.apiBase, this.session, this.worker, this.kind, this.name, count]);
  }

  protected override updated(changed: PropertyValues<this>): void {
    const key = this.wantedKey();
    if (key === "") {
      this.controller?.abort();
      this.listKey = "";
    } else if (key !== this.listKey || changed.has("latestIteration")) {
      void this.load(key, this.listKey !== key);
    }
    if (this.view === "histogram") delete this.dataset.maxCount;
    else this.dataset.maxCount = String(VIEW_COUNTS[this.view]);
  }

  private async load(key: string, fresh: boolean): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.listKey = key;
    if (fresh) this.list = null;
    const count = this.view === "histogram" ? 0 : VIEW_COUNTS[this.view];
    try {
      const answer = await getJson<Histograms>(
        this.apiBase,
        "histograms",
        {
          session: this.session,
          worker: this.worker,
          kind: this.kind,
          name: this.name,
          max_count: count,
        },
        controller.signal,
      );
      if (controller.signal.aborted) return;
      this.list = answer.histograms;
      this.error = null;
    } catch (err) {
      if (isAbort(err) || controller.signal.aborted) return;
      const e = err instanceof ApiError ? err : new ApiError(0, "client_error", String(err));
      this.error = e;
      this.listKey = ""; // try again on the next change
      this.dispatchEvent(
        new CustomEvent<TrainErrorDetail>("train-error", {
          bubbles: true,
          composed: true,
          detail: { status: e.status, code: e.code, message: e.message },
        }),
      );
    }
  }

  private renderViews(lang: Lang): TemplateResult {
    return html`<div
      part="views"
      class="views"
      role="group"
      aria-label=${t(lang, "model.histograms.view")}
    >
      ${VIEWS.map(
        (v) =>
          html`<button
            type="button"
            data-view=${v}
            aria-pressed=${v === this.view ? "true" : "false"}
            @click=${() => {
              this.view = v;
            }}
          >
            ${t(lang, `model.histograms.view.${v}`)}
          </button>`,
      )}
    </div>`;
  }

  private renderHistogram(): TemplateResult {
    const h = this.histogram;
    return html`
      ${
        h === null && this.note !== null
          ? html`<p part="note" class="note muted">${this.note}</p>`
          : nothing
      }
      <train-histogram
        data-hist=${this.kind}
        data-iteration=${this.iteration ?? nothing}
        data-counts=${h === null ? nothing : JSON.stringify(h.counts)}
        label=${this.histogramLabel || this.label}
        lang=${this.language}
        .histogram=${h}
        .nonfinite=${this.nonfinite}
        .nanCount=${this.nanCount}
        .posinfCount=${this.posinfCount}
        .neginfCount=${this.neginfCount}
      ></train-histogram>
    `;
  }

  private renderOverTime(lang: Lang): TemplateResult {
    if (this.error !== null) {
      return html`<p part="error" class="error" role="alert">
        ${t(lang, "app.error", { message: this.error.message })}
      </p>`;
    }
    const list = this.list;
    if (list === null) return html`<p class="muted" aria-busy="true">${t(lang, "app.loading")}</p>`;
    if (list.length === 0) {
      return html`<p part="note" class="note muted" data-empty>
        ${t(lang, "model.histograms.none")}
      </p>`;
    }
    if (this.view === "offset") {
      return html`<train-hist-ridges
        label=${this.label}
        lang=${lang}
        .histograms=${list}
        .selected=${this.selected}
      ></train-hist-ridges>`;
    }
    const title = t(lang, "model.histograms.distribution", { title: this.label });
    return html`<train-line-chart
      data-chart="hist-distribution"
      data-hist=${this.kind}
      label=${title}
      download-name=${title}
      lang=${lang}
      height="220"
      x-label=${t(lang, "chart.iteration")}
      y-label=${t(lang, "histogram.value")}
      .series=${distributionSeries(list, lang)}
      .epochs=${this.epochs}
    ></train-line-chart>`;
  }

  protected override render() {
    const lang = this.language;
    return html`
      ${this.renderViews(lang)}
      ${this.view === "histogram" ? this.renderHistogram() : this.renderOverTime(lang)}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "train-hist-panel": TrainHistPanel;
  }
}

define("train-hist-panel", TrainHistPanel);
