/**
 * `<train-overview>`: the original's overview page, live.
 *
 * Score vs iteration (every iteration, raw and EMA-smoothed, with a least-squares fit over a
 * dragged range), user metrics, the model and training information table, log10
 * update:parameter ratios per weight (band -4..-2, line at -3) and log10 stdev of activations,
 * gradients and updates (tabs). Epoch ends are marked on every iteration chart. The diagnostics'
 * findings (`<train-findings>`) follow the score, whose chart marks each warning and error at the
 * iteration it began (`part="finding"`).
 *
 * With `worker="*"` ({@link ALL_WORKERS}) it shows every worker of the session at once
 * (overview-all-workers.ts): their scores and the update:parameter ratio of one weight overlaid,
 * or their mean with a min..max band, a table of the workers, and every worker's findings (a
 * list per worker, and the markers of all of them on the score chart).
 *
 * @fires train-error - a request failed; detail {status, code, message}
 * @csspart error - the error banner
 * @csspart tabs - the stdev tab list
 * @csspart workers-view - with every worker shown: the Each worker / Mean, min–max buttons
 * @csspart table - the information table
 * @cssprop --train-series-1 - first series colour (and the other `--train-*` tokens)
 */
import { css, html, nothing, type PropertyValues, type TemplateResult } from "lit";
import { getJson } from "./api.js";
import type { FirstNonFinite, Graph, Metrics, Overview } from "./api-types.js";
import { define } from "./define.js";
import { infoTable, type InfoRow } from "./info-table.js";
import { formatDateTime, formatDuration, formatInteger, formatRate } from "./lib/format.js";
import { ALL_WORKERS } from "./lib/workers.js";
import { fitLine, leastSquares } from "./lib/fit.js";
import { namedSeries } from "./lib/chart-options.js";
import { isolate } from "./lib/format.js";
import { layerLabel, paramLabel } from "./lib/sessions.js";
import { logRange, RATIO_BAND, RATIO_REFERENCE, ratioRange, scoreRange } from "./lib/scales.js";
import { ALL_POINTS, MAX_POINTS } from "./lib/series.js";
import { ema } from "./lib/smoothing.js";
import { FindingsController } from "./findings-source.js";
import { AllWorkersView, allWorkersStyles } from "./overview-all-workers.js";
import { PageElement } from "./page-element.js";
import { pageStyles } from "./theme.js";
import type { ChartSeries } from "./train-line-chart.js";
import "./train-line-chart.js";
import "./train-findings.js";
import { formatHyperparameter, parseFloatValue, parseFloatValues } from "./values.js";

export { ALL_POINTS, MAX_POINTS };
export type { WorkersView } from "./overview-all-workers.js";

type StdevTab = "activations" | "gradients" | "updates";

/** `<train-overview>`: see the module documentation. */
export class TrainOverview extends PageElement {
  static override properties = {
    ...PageElement.properties,
    data: { state: true },
    stdevTab: { state: true },
    range: { state: true },
    layerTypes: { state: true },
  };

  declare data: Overview | null;
  declare stdevTab: StdevTab;
  /** The x-range dragged out on the score chart, for the least-squares fit. */
  declare range: { x0: number; x1: number } | null;
  /** Layer types by layer name (from the graph), for naming index layers (`0 (Linear)`). */
  declare layerTypes: Map<string, string>;
  /** With every worker shown: their overviews and findings. */
  private readonly all = new AllWorkersView(this);
  /** The shown worker's findings (the same request as `<train-findings>`'s), for the markers. */
  private readonly findings = new FindingsController(this);
  private revealPending = false;

  static override styles = [
    ...pageStyles,
    css`
      .hint {
        font-size: 0.8rem;
        margin: 0.25rem 0 0;
      }
      h2.sub {
        margin-top: 1rem;
      }
    `,
    allWorkersStyles,
  ];

  constructor() {
    super();
    this.data = null;
    this.stdevTab = "activations";
    this.range = null;
    this.layerTypes = new Map();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const page = { apiBase: this.apiBase, session: this.session, lang: this.language };
    this.findings.watch(this.allWorkers ? null : { ...page, worker: this.worker });
    this.all.watchFindings(this.allWorkers ? page : null);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!this.revealPending) return;
    if (this.allWorkers) {
      if (this.all.revealFindings(this.renderRoot)) this.revealPending = false;
      return;
    }
    const list = this.renderRoot.querySelector("train-findings");
    if (list !== null) {
      this.revealPending = false;
      void list.reveal();
    }
  }

  /** Scrolls to the findings list and focuses it (once it is shown: the overview may be loading). */
  revealFindings(): void {
    this.revealPending = true;
    this.requestUpdate();
  }

  /** Whether every worker of the session is shown (`worker="*"`). */
  private get allWorkers(): boolean {
    return this.worker === ALL_WORKERS;
  }

  protected override async fetchData(signal: AbortSignal): Promise<void> {
    if (this.allWorkers) {
      await this.fetchAll(signal);
      return;
    }
    this.takeEventWorkers();
    const kinds = this.takeEventKinds();
    const current = this.data;
    if (
      current !== null &&
      kinds.size > 0 &&
      [...kinds].every((k) => k === "metrics" || k === "epoch")
    ) {
      // Only user metrics or epoch ends were stored: the rest of the overview is unchanged.
      const m = await getJson<Metrics>(
        this.apiBase,
        "metrics",
        { session: current.session_id, worker: current.worker_id, max_points: MAX_POINTS },
        signal,
      );
      if (signal.aborted || this.data !== current) return;
      this.data = { ...current, metrics: m.metrics, epochs: m.epochs };
      return;
    }
    const params = { session: this.session, worker: this.worker };
    // The layer types of the legends change only with a StaticInfo (or another session), as on
    // the model page: reports alone refetch the overview only.
    const graphWanted =
      current === null || kinds.size === 0 || kinds.has("reset") || kinds.has("static_info");
    const [data, graph] = await Promise.all([
      getJson<Overview>(this.apiBase, "overview", { ...params, max_points: MAX_POINTS }, signal),
      // A session without a graph still has an overview.
      graphWanted
        ? getJson<Graph>(this.apiBase, "graph", params, signal).catch((err: unknown) => {
            if (signal.aborted) throw err;
            return null;
          })
        : undefined,
    ]);
    if (signal.aborted) return;
    this.shownSession = data.session_id;
    this.shownWorker = data.worker_id;
    if (graph !== undefined || current?.session_id !== data.session_id) {
      this.layerTypes =
        graph == null || graph.session_id !== data.session_id
          ? new Map<string, string>()
          : new Map(graph.layers.map((l) => [l.name, l.type]));
    }
    this.data = data;
    this.setAttribute("data-iteration", String(data.info.iterations ?? ""));
  }

  /** Every worker's overview (overview-all-workers.ts says which are read again). */
  private async fetchAll(signal: AbortSignal): Promise<void> {
    const kinds = this.takeEventKinds();
    const events = this.takeEventWorkers();
    const req = { apiBase: this.apiBase, session: this.session, kinds, events };
    const shown = await this.all.load(req, signal);
    if (shown === null) return;
    if (shown.layerTypes !== undefined) this.layerTypes = shown.layerTypes;
    this.shownSession = shown.session;
    this.shownWorker = null; // every worker's events concern this view
    this.setAttribute("data-iteration", shown.latest === null ? "" : String(shown.latest));
  }

  override render(): TemplateResult {
    if (this.allWorkers) {
      return this.all.render({
        apiBase: this.apiBase,
        lang: this.language,
        tr: (key, params) => this.tr(key, params),
        layerTypes: this.layerTypes,
        error: this.renderError(),
        loading: this.renderLoading(),
      });
    }
    const d = this.data;
    if (d === null) return html`${this.renderError() ?? this.renderLoading()}`;
    return html`
      ${this.renderError()}
      <div class="grid">
        <section class="card wide">${this.renderScore(d)}</section>
        <section class="card narrow">${this.renderInfo(d)}</section>
        <section class="card full" data-card="findings">
          <train-findings
            api-base=${this.apiBase}
            session=${this.session ?? nothing}
            worker=${this.worker ?? nothing}
            lang=${this.language}
          ></train-findings>
        </section>
        ${
          Object.keys(d.metrics).length === 0
            ? nothing
            : html`<section class="card full">
                <h2>${this.tr("overview.metrics")}</h2>
                <train-line-chart
                  data-chart="metrics"
                  .reportTimes=${d.report_times}
                  x-label=${this.tr("chart.iteration")}
                  y-label=${this.tr("axis.value")}
                  label=${this.tr("overview.metrics")}
                  lang=${this.language}
                  log-toggle
                  .series=${namedSeries(d.metrics)}
                  .epochs=${d.epochs}
                  .startMs=${d.info.start_ms}
                  .exportMeta=${{ session: d.session_id, worker: d.worker_id }}
                  .fullSeries=${async () => namedSeries((await this.fullOverview(d)).metrics)}
                ></train-line-chart>
              </section>`
        }
        <section class="card half">${this.renderRatios(d)}</section>
        <section class="card half">${this.renderStdev(d)}</section>
      </div>
    `;
  }

  /** The shown worker's overview with every stored point (up to the API's limit), for a download. */
  private fullOverview(d: Overview): Promise<Overview> {
    const params = { session: d.session_id, worker: d.worker_id, max_points: ALL_POINTS };
    return getJson<Overview>(this.apiBase, "overview", params);
  }

  private renderScore(d: Overview): TemplateResult {
    const raw = parseFloatValues(d.score.values);
    const smoothed = ema(raw);
    const series: ChartSeries[] = [
      { label: this.tr("overview.score.raw"), ...d.score, faint: true },
      {
        label: this.tr("overview.score.smoothed"),
        iterations: d.score.iterations,
        values: smoothed,
        smooth: false,
      },
    ];
    let fitText: string | null = null;
    if (this.range !== null) {
      const fit = leastSquares(d.score.iterations, raw, this.range.x0, this.range.x1);
      if (fit !== null) {
        const line = fitLine(fit, this.range.x0, this.range.x1);
        series.push({
          label: this.tr("overview.score.fit"),
          iterations: line.x,
          values: line.y,
          dash: [6, 4],
          width: 2,
          smooth: false,
        });
        fitText = this.tr("overview.score.fit_result", {
          x0: Math.round(Math.min(this.range.x0, this.range.x1)),
          x1: Math.round(Math.max(this.range.x0, this.range.x1)),
          slope: fit.slope.toPrecision(3),
        });
      }
    }
    return html`
      <h2>${this.tr("overview.score")}</h2>
      <train-line-chart
        data-chart="score"
        .reportTimes=${d.report_times}
        x-label=${this.tr("chart.iteration")}
        y-label=${this.tr("axis.score")}
        label=${this.tr("overview.score")}
        lang=${this.language}
        selectable
        log-toggle
        .series=${series}
        .epochs=${d.epochs}
        .startMs=${d.info.start_ms}
        .exportMeta=${{ session: d.session_id, worker: d.worker_id }}
        .fullSeries=${async () => {
          const full = await this.fullOverview(d);
          return [{ label: "score", ...full.score }];
        }}
        .findingMarks=${this.findings.marksFor(d.session_id, d.worker_id, this.language)}
        .yRange=${scoreRange([raw])}
        @train-range-select=${(e: CustomEvent<{ x0: number; x1: number } | null>) => {
          this.range = e.detail;
        }}
      ></train-line-chart>
      <p class="hint muted" aria-live="polite">${fitText ?? this.tr("overview.score.fit_hint")}</p>
    `;
  }

  private renderInfo(d: Overview): TemplateResult {
    const i = d.info;
    const rows: InfoRow[] = [
      ["model_type", this.tr("overview.info.model_type"), i.model_type ?? "—"],
      ["num_layers", this.tr("overview.info.layers"), formatInteger(i.num_layers)],
      ["num_params", this.tr("overview.info.params"), formatInteger(i.num_params)],
      ["start", this.tr("overview.info.start"), formatDateTime(i.start_ms)],
      [
        "runtime",
        this.tr("overview.info.runtime"),
        formatDuration(parseFloatValue(i.total_runtime_ms)),
      ],
      ["last_update", this.tr("overview.info.last_update"), formatDateTime(i.last_update_ms)],
      ["iterations", this.tr("overview.info.iterations"), formatInteger(i.iterations)],
      ["epoch", this.tr("overview.info.epoch"), formatInteger(i.epoch)],
      [
        "updates_per_second",
        this.tr("overview.info.updates_per_s"),
        formatRate(parseFloatValue(i.updates_per_second)),
      ],
      [
        "examples_per_second",
        this.tr("overview.info.examples_per_s"),
        formatRate(parseFloatValue(i.examples_per_second)),
      ],
      ["total_examples", this.tr("overview.info.examples"), formatInteger(i.total_examples)],
      [
        "first_nonfinite",
        this.tr("overview.info.first_nonfinite"),
        this.formatFirstNonFinite(i.first_nonfinite ?? null),
      ],
    ];
    const hyper = Object.entries(i.hyperparameters);
    const tags = Object.entries(i.tags);
    return html`
      <h2>${this.tr("overview.info")}</h2>
      ${infoTable("info", rows)}
      ${
        hyper.length === 0
          ? nothing
          : html`<h2 class="sub">${this.tr("overview.hyperparameters")}</h2>
              ${infoTable(
                "hyperparameters",
                hyper.map(([k, v]): InfoRow => [k, k, formatHyperparameter(v)]),
              )}`
      }
      ${
        tags.length === 0
          ? nothing
          : html`<h2 class="sub">${this.tr("overview.tags")}</h2>
              ${infoTable(
                "tags",
                tags.map(([k, v]): InfoRow => [k, k, v]),
              )}`
      }
    `;
  }

  /** The series of a map of parameter series, labelled `0.weight (Linear)` for index layers. */
  private paramSeries(d: Overview, map: Overview["ratios"]): ChartSeries[] {
    const owner = new Map(d.parameters.map((p) => [p.name, p.layer]));
    return namedSeries(map).map((s) => ({
      ...s,
      label: isolate(paramLabel(s.label, owner.get(s.label), this.layerTypes)),
    }));
  }

  /** "NaN in gradients of 0.weight at iteration 20", "None" when every value was finite. */
  private formatFirstNonFinite(f: FirstNonFinite | null): string {
    if (f === null) return this.tr("overview.nonfinite.none");
    const value = f.value === "Infinity" ? "+Inf" : f.value === "-Infinity" ? "-Inf" : "NaN";
    if (f.kind === "score" || f.name === null) {
      return this.tr("overview.nonfinite.score", { value, iteration: f.iteration });
    }
    const kinds = ["parameters", "gradients", "updates", "activations"] as const;
    const kind = kinds.find((k) => k === f.kind);
    return this.tr("overview.nonfinite.summary", {
      value,
      kind: kind === undefined ? f.kind : this.tr(`overview.nonfinite.kind.${kind}`),
      name: isolate(f.name),
      iteration: f.iteration,
    });
  }

  private renderRatios(d: Overview): TemplateResult {
    const series = this.paramSeries(d, d.ratios);
    return html`
      <h2>${this.tr("overview.ratios")}</h2>
      <train-line-chart
        data-chart="ratios"
        .reportTimes=${d.report_times}
        x-label=${this.tr("chart.iteration")}
        y-label=${this.tr("axis.log10_ratio")}
        label=${this.tr("overview.ratios")}
        lang=${this.language}
        .series=${series}
        .epochs=${d.epochs}
        .band=${RATIO_BAND}
        .refLines=${[RATIO_REFERENCE]}
        .yRange=${ratioRange(series.map((s) => parseFloatValues(s.values)))}
      ></train-line-chart>
    `;
  }

  private renderStdev(d: Overview): TemplateResult {
    const tabs: StdevTab[] = ["activations", "gradients", "updates"];
    const series =
      this.stdevTab === "activations"
        ? namedSeries(d.stdev.activations).map((s) => ({
            ...s,
            label: isolate(layerLabel(s.label, this.layerTypes.get(s.label))),
          }))
        : this.paramSeries(d, d.stdev[this.stdevTab]);
    return html`
      <h2>${this.tr("overview.stdev")}</h2>
      <div role="tablist" part="tabs" @keydown=${this.onTabKey}>
        ${tabs.map(
          (tab) =>
            html`<button
              role="tab"
              data-tab=${tab}
              aria-selected=${tab === this.stdevTab ? "true" : "false"}
              tabindex=${tab === this.stdevTab ? "0" : "-1"}
              @click=${() => {
                this.stdevTab = tab;
              }}
            >
              ${this.tr(`overview.stdev.${tab}`)}
            </button>`,
        )}
      </div>
      <train-line-chart
        role="tabpanel"
        data-chart="stdev"
        .reportTimes=${d.report_times}
        x-label=${this.tr("chart.iteration")}
        y-label=${this.tr("axis.log10_stdev")}
        data-tab=${this.stdevTab}
        label=${`${this.tr("overview.stdev")} (${this.tr(`overview.stdev.${this.stdevTab}`)})`}
        lang=${this.language}
        .series=${series}
        .epochs=${d.epochs}
        .yRange=${logRange(series.map((s) => parseFloatValues(s.values)))}
      ></train-line-chart>
    `;
  }

  private onTabKey = (e: KeyboardEvent): void => {
    if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
    const tabs: StdevTab[] = ["activations", "gradients", "updates"];
    const step = e.key === "ArrowRight" ? 1 : tabs.length - 1;
    this.stdevTab = tabs[(tabs.indexOf(this.stdevTab) + step) % tabs.length] ?? "activations";
    void this.updateComplete.then(() => {
      this.renderRoot
        .querySelector<HTMLButtonElement>(`button[data-tab="${this.stdevTab}"]`)
        ?.focus();
    });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    "train-overview": TrainOverview;
  }
}

define("train-overview", TrainOverview);
