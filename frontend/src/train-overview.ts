/**
 * `<train-overview>`: the original's overview page, live.
 *
 * Score vs iteration (every iteration, raw and EMA-smoothed, with a least-squares fit over a
 * dragged range), user metrics, the model and training information table, log10
 * update:parameter ratios per weight (band -4..-2, line at -3) and log10 stdev of activations,
 * gradients and updates (tabs). Epoch ends are marked on every iteration chart. The diagnostics'
 * findings (`<train-findings>`) follow the score, whose chart marks each warning and error at the
 * iteration it began (`part="finding"`); not with every worker shown.
 *
 * With `worker="*"` ({@link ALL_WORKERS}) it shows every worker of the session at once: their
 * scores and the update:parameter ratio of one weight (a menu picks which) overlaid, one line
 * per worker in a colour of its own (its place among the session's workers), or instead their
 * mean with a min..max band; and a table of the workers, marking those that stopped reporting
 * (lib/workers.ts). Each worker's own overview is read (`/api/v1/overview`), and a live event
 * reads again only the worker it names.
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
import type { FirstNonFinite, Graph, Metrics, Overview, Series, Sessions } from "./api-types.js";
import { define } from "./define.js";
import { infoTable, type InfoRow } from "./info-table.js";
import { formatDateTime, formatDuration, formatInteger, formatRate } from "./lib/format.js";
import { aggregate, ALL_WORKERS, stoppedWorkers, workerTimes } from "./lib/workers.js";
import { fitLine, leastSquares } from "./lib/fit.js";
import { namedSeries } from "./lib/chart-options.js";
import { isolate } from "./lib/format.js";
import { layerLabel, paramLabel } from "./lib/sessions.js";
import { logRange, RATIO_BAND, RATIO_REFERENCE, ratioRange, scoreRange } from "./lib/scales.js";
import { ema } from "./lib/smoothing.js";
import { FindingsController } from "./findings-source.js";
import { PageElement } from "./page-element.js";
import { pageStyles, seriesToken } from "./theme.js";
import type { ChartSeries } from "./train-line-chart.js";
import "./train-line-chart.js";
import "./train-findings.js";
import { formatHyperparameter, parseFloatValue, parseFloatValues } from "./values.js";

/** Points asked for per series: about 2-4x a chart's pixel width. */
export const MAX_POINTS = 2000;
/**
 * The most points the API gives per series (`max_points`' upper bound): what a chart's download
 * asks for, so a run of up to that many points is saved whole (docs/charts.md).
 */
export const ALL_POINTS = 100000;

type StdevTab = "activations" | "gradients" | "updates";

/** With every worker shown: a line per worker, or their mean with a min..max band. */
export type WorkersView = "each" | "mean";

const NO_SERIES: Series = { iterations: [], values: [] };

/** `<train-overview>`: see the module documentation. */
export class TrainOverview extends PageElement {
  static override properties = {
    ...PageElement.properties,
    data: { state: true },
    stdevTab: { state: true },
    range: { state: true },
    layerTypes: { state: true },
    workers: { state: true },
    byWorker: { state: true },
    workersView: { state: true },
    ratioParam: { state: true },
  };

  declare data: Overview | null;
  declare stdevTab: StdevTab;
  /** The x-range dragged out on the score chart, for the least-squares fit. */
  declare range: { x0: number; x1: number } | null;
  /** Layer types by layer name (from the graph), for naming index layers (`0 (Linear)`). */
  declare layerTypes: Map<string, string>;
  /** With every worker shown: the session's workers, in its order (their colours). */
  declare workers: string[];
  /** With every worker shown: each worker's overview. */
  declare byWorker: ReadonlyMap<string, Overview>;
  declare workersView: WorkersView;
  /** With every worker shown: the weight whose ratios are overlaid (null: the first). */
  declare ratioParam: string | null;
  /** The session `byWorker` belongs to. */
  private allSession: string | null = null;
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
      .workers-bar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1rem;
        margin-bottom: 0.75rem;
      }
      .workers-bar .hint {
        margin: 0;
      }
      [part="workers-view"] {
        display: flex;
        gap: 0.25rem;
      }
      table.workers th,
      table.workers td {
        width: auto;
      }
      .swatch {
        display: inline-block;
        width: 0.7rem;
        height: 0.7rem;
        border-radius: 2px;
        margin-right: 0.35rem;
        vertical-align: -0.05rem;
      }
      .heading {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        justify-content: space-between;
        gap: 0.25rem 0.75rem;
      }
      select {
        font: inherit;
        color: var(--_fg);
        background: var(--_bg);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: 0.1rem 0.3rem;
        max-width: 16rem;
      }
      label {
        font-size: 0.85rem;
        color: var(--_muted);
      }
    `,
  ];

  constructor() {
    super();
    this.data = null;
    this.stdevTab = "activations";
    this.range = null;
    this.layerTypes = new Map();
    this.workers = [];
    this.byWorker = new Map();
    this.workersView = "each";
    this.ratioParam = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.findings.watch(
      this.allWorkers
        ? null
        : {
            apiBase: this.apiBase,
            session: this.session,
            worker: this.worker,
            lang: this.language,
          },
    );
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const list = this.renderRoot.querySelector("train-findings");
    if (this.revealPending && list !== null) {
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

  /**
   * Every worker's overview. The first load, a new StaticInfo, a worker not seen yet or a reset
   * read the session's workers and all their overviews; other events only the workers they name.
   */
  private async fetchAll(signal: AbortSignal): Promise<void> {
    const kinds = this.takeEventKinds();
    const events = this.takeEventWorkers();
    const known =
      this.allSession !== null &&
      this.byWorker.size > 0 &&
      (this.session === null || this.session === this.allSession);
    const relist =
      !known ||
      kinds.size === 0 ||
      kinds.has("reset") ||
      kinds.has("static_info") ||
      events === null ||
      [...events].some((w) => !this.workers.includes(w));
    const next = new Map(known ? this.byWorker : []);
    let session = this.allSession ?? "";
    let workers = this.workers;
    let toFetch: string[];
    let graph: Graph | null | undefined;
    if (relist) {
      const [first, sessions, g] = await Promise.all([
        getJson<Overview>(
          this.apiBase,
          "overview",
          { session: this.session, max_points: MAX_POINTS },
          signal,
        ),
        getJson<Sessions>(this.apiBase, "sessions", {}, signal),
        getJson<Graph>(this.apiBase, "graph", { session: this.session }, signal).catch(
          (err: unknown) => {
            if (signal.aborted) throw err;
            return null;
          },
        ),
      ]);
      if (signal.aborted) return;
      if (first.session_id !== this.allSession) next.clear();
      session = first.session_id;
      workers = sessions.sessions.find((s) => s.session_id === session)?.workers ?? [];
      if (!workers.includes(first.worker_id)) workers = [first.worker_id, ...workers];
      next.set(first.worker_id, first);
      toFetch = workers.filter((w) => w !== first.worker_id);
      graph = g;
    } else {
      toFetch = workers.filter((w) => events.has(w));
    }
    const answers = await Promise.all(
      toFetch.map((worker) =>
        getJson<Overview>(
          this.apiBase,
          "overview",
          { session, worker, max_points: MAX_POINTS },
          signal,
        ),
      ),
    );
    if (signal.aborted) return;
    for (const a of answers) next.set(a.worker_id, a);
    const byWorker = new Map<string, Overview>();
    for (const w of workers) {
      const d = next.get(w);
      if (d !== undefined && d.session_id === session) byWorker.set(w, d);
    }
    if (graph !== undefined) {
      this.layerTypes =
        graph === null || graph.session_id !== session
          ? new Map<string, string>()
          : new Map(graph.layers.map((l) => [l.name, l.type]));
    }
    this.shownSession = session;
    this.shownWorker = null; // every worker's events concern this view
    this.allSession = session;
    this.workers = workers;
    this.byWorker = byWorker;
    const iterations = [...byWorker.values()].map((d) => d.info.iterations ?? -1);
    const latest = Math.max(-1, ...iterations);
    this.setAttribute("data-iteration", latest < 0 ? "" : String(latest));
  }

  override render(): TemplateResult {
    if (this.allWorkers) return this.renderAll();
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

  /** Every worker at once (`worker="*"`). */
  private renderAll(): TemplateResult {
    const entries = [...this.byWorker];
    const first = entries[0];
    if (first === undefined || this.allSession === null) {
      return html`${this.renderError() ?? this.renderLoading()}`;
    }
    const colorOf = new Map(this.workers.map((w, i) => [w, i]));
    const stopped = stoppedWorkers(new Map(entries.map(([w, d]) => [w, workerTimes(d.info)])));
    const epochs = first[1].epochs;
    const views: WorkersView[] = ["each", "mean"];
    return html`
      ${this.renderError()}
      <div class="workers-bar">
        <div part="workers-view" role="group" aria-label=${this.tr("overview.workers.view")}>
          ${views.map(
            (view) =>
              html`<button
                type="button"
                data-view=${view}
                aria-pressed=${view === this.workersView ? "true" : "false"}
                @click=${() => {
                  this.workersView = view;
                }}
              >
                ${this.tr(`overview.workers.view.${view}`)}
              </button>`,
          )}
        </div>
        <p class="hint muted">${this.tr("overview.workers.hint")}</p>
      </div>
      <div class="grid">
        <section class="card wide">${this.renderAllScore(entries, colorOf, epochs)}</section>
        <section class="card narrow">${this.renderWorkers(entries, colorOf, stopped)}</section>
        <section class="card half">${this.renderAllRatios(entries, colorOf, epochs)}</section>
      </div>
    `;
  }

  /** One series per worker (in its colour), or their mean, min and max with the band between. */
  private workerSeries(
    entries: readonly (readonly [string, Overview])[],
    colorOf: ReadonlyMap<string, number>,
    pick: (d: Overview) => Series | undefined,
  ): ChartSeries[] {
    if (this.workersView === "mean") {
      const agg = aggregate(entries.map(([, d]) => pick(d) ?? NO_SERIES));
      return [
        { label: this.tr("overview.workers.mean"), ...agg.mean, color: 0, width: 2 },
        { label: this.tr("overview.workers.min"), ...agg.min, color: 0, faint: true },
        { label: this.tr("overview.workers.max"), ...agg.max, color: 0, faint: true, bandWith: 1 },
      ];
    }
    return entries.map(([w, d]) => ({
      label: isolate(w),
      ...(pick(d) ?? NO_SERIES),
      color: colorOf.get(w) ?? 0,
    }));
  }

  private renderAllScore(
    entries: readonly (readonly [string, Overview])[],
    colorOf: ReadonlyMap<string, number>,
    epochs: Overview["epochs"],
  ): TemplateResult {
    const series = this.workerSeries(entries, colorOf, (d) => d.score);
    return html`
      <h2>${this.tr("overview.score")}</h2>
      <train-line-chart
        data-chart="score"
        data-view=${this.workersView}
        x-label=${this.tr("chart.iteration")}
        y-label=${this.tr("axis.score")}
        label=${this.tr("overview.score")}
        lang=${this.language}
        log-toggle
        .series=${series}
        .epochs=${epochs}
        .yRange=${scoreRange(series.map((s) => parseFloatValues(s.values)))}
      ></train-line-chart>
    `;
  }

  private renderAllRatios(
    entries: readonly (readonly [string, Overview])[],
    colorOf: ReadonlyMap<string, number>,
    epochs: Overview["epochs"],
  ): TemplateResult {
    const names = [...new Set(entries.flatMap(([, d]) => Object.keys(d.ratios)))];
    const chosen =
      this.ratioParam !== null && names.includes(this.ratioParam) ? this.ratioParam : names[0];
    const owner = new Map(entries.flatMap(([, d]) => d.parameters.map((p) => [p.name, p.layer])));
    const label = (name: string): string =>
      isolate(paramLabel(name, owner.get(name), this.layerTypes));
    const series =
      chosen === undefined ? [] : this.workerSeries(entries, colorOf, (d) => d.ratios[chosen]);
    return html`
      <div class="heading">
        <h2>${this.tr("overview.ratios")}</h2>
        ${
          names.length === 0
            ? nothing
            : html`<label
                >${this.tr("overview.workers.parameter")}
                <select
                  name="parameter"
                  @change=${(e: Event) => {
                    this.ratioParam = (e.target as HTMLSelectElement).value;
                  }}
                >
                  ${names.map(
                    (n) => html`<option value=${n} ?selected=${n === chosen}>${label(n)}</option>`,
                  )}
                </select></label
              >`
        }
      </div>
      <train-line-chart
        data-chart="ratios"
        data-view=${this.workersView}
        data-parameter=${chosen ?? nothing}
        x-label=${this.tr("chart.iteration")}
        y-label=${this.tr("axis.log10_ratio")}
        label=${
          chosen === undefined
            ? this.tr("overview.ratios")
            : `${this.tr("overview.ratios")} (${label(chosen)})`
        }
        lang=${this.language}
        .series=${series}
        .epochs=${epochs}
        .band=${RATIO_BAND}
        .refLines=${[RATIO_REFERENCE]}
        .yRange=${ratioRange(series.map((s) => parseFloatValues(s.values)))}
      ></train-line-chart>
    `;
  }

  /** A row per worker: its colour, latest iteration, last report, and whether it stopped. */
  private renderWorkers(
    entries: readonly (readonly [string, Overview])[],
    colorOf: ReadonlyMap<string, number>,
    stopped: ReadonlySet<string>,
  ): TemplateResult {
    return html`
      <h2>${this.tr("overview.workers")}</h2>
      <table class="info workers" part="table" data-table="workers">
        <thead>
          <tr>
            <th scope="col">${this.tr("app.worker")}</th>
            <th scope="col">${this.tr("overview.workers.iteration")}</th>
            <th scope="col">${this.tr("overview.info.last_update")}</th>
            <th scope="col">${this.tr("overview.workers.status")}</th>
          </tr>
        </thead>
        <tbody>
          ${entries.map(
            ([w, d]) =>
              html`<tr data-key=${w} data-stopped=${stopped.has(w) ? "true" : "false"}>
                <th scope="row">
                  <span
                    class="swatch"
                    aria-hidden="true"
                    style="background: var(--_series-${seriesToken(colorOf.get(w) ?? 0)})"
                  ></span
                  ><bdi>${w}</bdi>
                </th>
                <td>${formatInteger(d.info.iterations)}</td>
                <td>${formatDateTime(d.info.last_update_ms)}</td>
                <td data-status=${stopped.has(w) ? "stopped" : "reporting"}>
                  ${stopped.has(w) ? this.tr("worker.stopped") : "—"}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
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
