/**
 * `<train-model>`: the original's model page, live.
 *
 * The layer graph (click, or Enter on a focused node, selects a layer); for the selected layer:
 * its information table, mean magnitudes (tabs ratio / parameters / updates), activations mean
 * and mean ± 2 stdev with the fraction of dead units below, learning rate per parameter, the
 * latest report's statistics (a row per summary: elements, mean, stdev, zeros, dead units;
 * layer-stats-table.ts) and histograms of its parameters, gradients, updates and activations
 * (one button per parameter) at the iteration a slider picks (the latest by default, followed
 * live; histogram-timeline.ts loads earlier ones), each switchable to its offset or distribution
 * view over time (`<train-hist-panel>`), and the diagnostics' findings about it
 * (`<train-findings layer=...>`, the same request as the shell's badge: findings-source.ts).
 *
 * @fires train-layer-select - the user selected a layer: in the graph, or a finding's link to
 *   another layer; detail {layer}
 * @fires train-error - a request failed; detail {status, code, message}
 * @csspart error - the error banner
 * @csspart tabs - tab lists
 * @csspart table - the layer information table, the latest-statistics table
 */
import { css, html, nothing, type PropertyValues, type TemplateResult } from "lit";
import { getJson } from "./api.js";
import type { Epoch, Graph, HistogramAt, Layer, Metrics } from "./api-types.js";
import { define } from "./define.js";
import type { MessageKey } from "./i18n/index.js";
import { infoTable, type InfoRow } from "./info-table.js";
import { latestStatsTable, type StatsRow } from "./layer-stats-table.js";
import { formatInteger } from "./lib/format.js";
import { reportStops } from "./lib/hist-timeline.js";
import { HistogramTimeline, type TensorRef, type TimelineQuery } from "./histogram-timeline.js";
import { timelineStyles, timelineTemplate } from "./model-timeline.js";
import { namedSeries } from "./lib/chart-options.js";
import { isolate } from "./lib/format.js";
import { paramLabel } from "./lib/sessions.js";
import { RATIO_BAND, RATIO_REFERENCE, ratioRange } from "./lib/scales.js";
import { PageElement } from "./page-element.js";
import { pageStyles } from "./theme.js";
import type { ChartSeries } from "./train-line-chart.js";
import type { LayerOpenDetail } from "./train-findings.js";
import "./train-findings.js";
import "./train-hist-panel.js";
import type { IterationInputDetail, IterationStepDetail } from "./train-iteration-slider.js";
import "./train-layer-graph.js";
import "./train-line-chart.js";
import { MAX_POINTS } from "./train-overview.js";
import type { HistogramData } from "./lib/chart-histogram.js";
import type { Shape, Summary } from "./types/records.js";
import { formatAttribute, parseFloatValues } from "./values.js";

type MagTab = "ratios" | "parameters" | "updates";
type HistKind = "parameters" | "gradients" | "updates";

const HIST_KINDS: readonly HistKind[] = ["parameters", "gradients", "updates"];

/** The dead-units chart's y axis: a fraction of the units, 0 to 100 %. */
const DEAD_UNITS_RANGE: [number, number] = [0, 1];

function formatShape(shape: Shape): string {
  if (shape === null) return "—";
  return `[${shape.map((d) => (d === null ? "?" : String(d))).join(", ")}]`;
}

/** `<train-model>`: see the module documentation. */
export class TrainModel extends PageElement {
  static override properties = {
    ...PageElement.properties,
    layer: { reflect: true },
    graph: { state: true },
    layerData: { state: true },
    magTab: { state: true },
    histParam: { state: true },
    histIteration: { type: Number, attribute: "hist-iteration" },
    epochs: { state: true },
  };

  /** The selected layer's name; null shows the getting-started panel. */
  declare layer: string | null;
  declare graph: Graph | null;
  declare layerData: Layer | null;
  declare magTab: MagTab;
  /** The parameter whose histograms are shown. */
  declare histParam: string | null;
  /**
   * The iteration whose histograms are shown (the slider's; attribute `hist-iteration`): each
   * tensor's newest stored at or before it. Null, or the latest report or later: the latest,
   * followed live.
   */
  declare histIteration: number | null;
  /** Epoch ends, marked on the iteration charts. */
  declare epochs: Epoch[];
  /** The pending reload is for a new layer only. */
  private layerOnly = false;
  /** Earlier histograms and the slider's arrow-key steps. */
  private readonly timeline = new HistogramTimeline(this);
  private stopsCache: { layer: Layer; param: string | null; stops: readonly number[] } | null =
    null;
  /** When the next histogram request goes out (a dragged thumb waits until it rests). */
  private requestWhen: "soon" | "now" | "debounce" = "soon";

  static override styles = [
    ...pageStyles,
    timelineStyles,
    css`
      .grid {
        align-items: start;
      }
      /* Not sticky: the graph is as tall as the model, and all of it must be reachable. */
      .side {
        grid-column: span 4;
      }
      .main {
        grid-column: span 8;
        display: grid;
        gap: 0.75rem;
      }
      /* An ONNX graph is wider than a layer list: it and the layer's charts share the page. */
      .side.onnx,
      .main.onnx {
        grid-column: span 6;
      }
      .hists {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(220px, 1fr));
        gap: 0.75rem;
      }
      h3 {
        font-size: 0.9rem;
        font-weight: 600;
        margin: 0 0 0.25rem;
      }
      h3.sub {
        margin-top: 0.75rem;
      }
      .stats-wrap {
        overflow-x: auto;
        margin-bottom: 0.75rem;
      }
      table.stats th,
      table.stats td {
        width: auto;
        font-variant-numeric: tabular-nums;
      }
      @media (max-width: 900px) {
        .side,
        .main,
        .side.onnx,
        .main.onnx {
          grid-column: span 12;
          position: static;
        }
      }
    `,
  ];

  constructor() {
    super();
    this.layer = null;
    this.graph = null;
    this.layerData = null;
    this.magTab = "ratios";
    this.histParam = null;
    this.histIteration = null;
    this.epochs = [];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("session") || changed.has("worker") || changed.has("apiBase")) {
      this.graph = null;
      this.layerData = null;
      // another run: its histograms start at its latest, unless the iteration came with it
      const before = changed.get("session") ?? changed.get("worker") ?? changed.get("apiBase");
      if (before !== undefined && !changed.has("histIteration")) this.histIteration = null;
    }
    if (changed.has("layer") && changed.get("layer") !== undefined) {
      this.layerData = null;
      this.histParam = null;
      if (!changed.has("session") && !changed.has("worker") && !changed.has("apiBase")) {
        this.layerOnly = true;
        this.reload();
      }
    }
    super.willUpdate(changed);
  }

  protected override updated(): void {
    const d = this.shownLayer;
    this.timeline.request(
      d === null ? null : this.timelineQuery(d),
      d === null ? null : this.pinnedIteration(d),
      this.requestWhen,
    );
    this.requestWhen = "soon";
  }

  /** The selected layer's data, once it arrived. */
  private get shownLayer(): Layer | null {
    const d = this.layerData;
    return d !== null && d.layer.name === this.layer ? d : null;
  }

  protected override async fetchData(signal: AbortSignal): Promise<void> {
    const kinds = this.takeEventKinds();
    const fresh = kinds.size === 0 || kinds.has("reset");
    // A reload for another layer keeps the graph on screen (an ONNX graph is large, and its
    // view keeps what the user opened); a live event or a new selection fetches it again.
    const layerOnly = this.layerOnly && kinds.size === 0;
    this.layerOnly = false;
    // A new StaticInfo may be a newer session (followed when none is chosen) or a new graph.
    const graphWanted = this.graph === null || (fresh && !layerOnly) || kinds.has("static_info");
    const params = { session: this.session, worker: this.oneWorker };
    const graph = graphWanted
      ? await getJson<Graph>(this.apiBase, "graph", params, signal)
      : this.graph;
    if (signal.aborted || graph === null) return;
    const sessionChanged = this.graph !== null && this.graph.session_id !== graph.session_id;
    this.shownSession = graph.session_id;
    this.shownWorker = graph.worker_id;
    if (graphWanted) this.graph = graph;
    const layer = this.layer;
    if (layer === null) return;
    if (sessionChanged && !graph.layers.some((l) => l.name === layer)) {
      this.layer = null; // the newest session has no such layer: back to the getting-started panel
      return;
    }
    const shown = { session: graph.session_id, worker: graph.worker_id };
    const layerWanted = fresh || graphWanted || kinds.has("update") || this.layerData === null;
    const epochsWanted = fresh || graphWanted || kinds.has("epoch") || kinds.has("metrics");
    const [layerData, metrics] = await Promise.all([
      layerWanted
        ? getJson<Layer>(this.apiBase, "layer", { ...shown, layer, max_points: MAX_POINTS }, signal)
        : null,
      epochsWanted
        ? getJson<Metrics>(this.apiBase, "metrics", { ...shown, max_points: 2 }, signal)
        : null,
    ]);
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- the signal can abort during the await above; TypeScript keeps the narrowing from the earlier check.
    if (signal.aborted) return;
    if (layerData !== null) this.layerData = layerData;
    if (metrics !== null) this.epochs = metrics.epochs;
  }

  override render(): TemplateResult {
    const g = this.graph;
    if (g === null) return html`${this.renderError() ?? this.renderLoading()}`;
    return html`
      ${this.renderError()}
      <div class="grid">
        <section class=${g.onnx == null ? "card side" : "card side onnx"}>
          <h2>${this.tr(g.onnx == null ? "model.graph" : "model.graph.onnx")}</h2>
          <train-layer-graph
            lang=${this.language}
            .layers=${g.layers}
            .edges=${g.edges}
            .onnx=${g.onnx ?? null}
            selected=${this.layer ?? nothing}
            @train-layer-select=${(e: CustomEvent<{ layer: string }>) => {
              this.layer = e.detail.layer;
            }}
          ></train-layer-graph>
        </section>
        <div class=${g.onnx == null ? "main" : "main onnx"}>${this.renderLayer()}</div>
      </div>
    `;
  }

  private renderLayer(): TemplateResult {
    if (this.layer === null) {
      return html`<section class="card" data-panel="getting-started">
        <h2>${this.tr("model.getting_started")}</h2>
        <p>${this.tr("model.getting_started.text")}</p>
      </section>`;
    }
    const d = this.layerData;
    if (d === null || d.layer.name !== this.layer)
      return html`<section class="card">${this.renderLoading()}</section>`;
    return html`
      <section class="card">${this.renderInfo(d)}</section>
      ${d.parameters.length === 0 ? nothing : html`<section class="card">${this.renderMeanMag(d)}</section>`}
      <section class="card">${this.renderActivations(d)}</section>
      ${
        d.parameters.length === 0
          ? nothing
          : html`<section class="card">
              <h2>${this.tr("model.learning_rates")}</h2>
              <train-line-chart
                data-chart="learning-rates"
                .reportTimes=${d.report_times}
                x-label=${this.tr("chart.iteration")}
                y-label=${this.tr("axis.learning_rate")}
                label=${this.tr("model.learning_rates")}
                lang=${this.language}
                log-toggle
                .series=${this.paramSeries(d, d.learning_rates)}
                .epochs=${this.epochs}
              ></train-line-chart>
            </section>`
      }
      <section class="card">${this.renderHistograms(d)}</section>
      <section class="card" data-card="findings">
        <train-findings
          api-base=${this.apiBase}
          session=${this.session ?? nothing}
          worker=${this.oneWorker ?? nothing}
          lang=${this.language}
          layer=${this.layer}
          @train-layer-open=${this.onLayerOpen}
        ></train-findings>
      </section>
    `;
  }

  /**
   * A finding's link to another layer (one whose parameter is this layer's): selected here, as
   * a click in the graph does, rather than loading the page again.
   */
  private onLayerOpen = (e: CustomEvent<LayerOpenDetail>): void => {
    e.preventDefault();
    e.stopPropagation();
    this.layer = e.detail.layer;
    this.dispatchEvent(
      new CustomEvent("train-layer-select", {
        bubbles: true,
        composed: true,
        detail: { layer: e.detail.layer },
      }),
    );
  };

  private renderInfo(d: Layer): TemplateResult {
    const l = d.layer;
    const rows: InfoRow[] = [
      ["name", this.tr("model.info.name"), l.name],
      ["type", this.tr("model.info.type"), l.type],
      [
        "inputs",
        this.tr("model.info.inputs"),
        l.inputs.length === 0 ? this.tr("model.input") : l.inputs.join(", "),
      ],
      ["input_shape", this.tr("model.info.input_shape"), formatShape(l.input_shape)],
      ["output_shape", this.tr("model.info.output_shape"), formatShape(l.output_shape)],
      ["num_params", this.tr("model.info.params"), formatInteger(l.num_params)],
      [
        "params",
        this.tr("model.info.param_names"),
        l.params.length === 0 ? "—" : l.params.join(", "),
      ],
      ["activation", this.tr("model.info.activation"), l.activation ?? "—"],
      // The module's own configuration (in_features, kernel_size, hidden_size, eps, ...): what
      // the layer is, also where the graph has no shapes.
      ...Object.entries(l.attributes ?? {}).map(([k, v]): InfoRow => [
        `attr.${k}`,
        k,
        formatAttribute(v),
      ]),
    ];
    return html`
      <h2>${this.tr("model.info")}</h2>
      ${infoTable("layer", rows)}
    `;
  }

  /** Layer types by name, from the graph. */
  private get layerTypes(): Map<string, string> {
    return new Map((this.graph?.layers ?? []).map((l) => [l.name, l.type]));
  }

  /** A parameter's name as shown: `0.weight (Linear)` for an index layer, isolated. */
  private paramText(d: Layer, name: string): string {
    const layer = d.parameters.find((p) => p.name === name)?.layer ?? d.layer.name;
    return isolate(paramLabel(name, layer, this.layerTypes));
  }

  /** The series of a map of parameter series, labelled with {@link paramText}. */
  private paramSeries(d: Layer, map: Layer["learning_rates"]): ChartSeries[] {
    return namedSeries(map).map((s) => ({ ...s, label: this.paramText(d, s.label) }));
  }

  private renderMeanMag(d: Layer): TemplateResult {
    const tabs: [MagTab, string][] = [
      ["ratios", this.tr("model.mean_mag.ratio")],
      ["parameters", this.tr("model.mean_mag.params")],
      ["updates", this.tr("model.mean_mag.updates")],
    ];
    const series = this.paramSeries(d, d.mean_magnitudes[this.magTab]);
    const isRatio = this.magTab === "ratios";
    const title = `${this.tr("model.mean_mag")}${isRatio ? ": log10" : ""}`;
    return html`
      <h2>${title}</h2>
      <div role="tablist" part="tabs">
        ${tabs.map(
          ([tab, label]) =>
            html`<button
              role="tab"
              data-tab=${tab}
              aria-selected=${tab === this.magTab ? "true" : "false"}
              @click=${() => {
                this.magTab = tab;
              }}
            >
              ${label}
            </button>`,
        )}
      </div>
      <train-line-chart
        data-chart="mean-mag"
        .reportTimes=${d.report_times}
        x-label=${this.tr("chart.iteration")}
        y-label=${this.tr(isRatio ? "axis.log10_ratio" : "axis.mean_magnitude")}
        data-tab=${this.magTab}
        label=${title}
        lang=${this.language}
        ?log-toggle=${!isRatio}
        .series=${series}
        .epochs=${this.epochs}
        .band=${isRatio ? RATIO_BAND : null}
        .refLines=${isRatio ? [RATIO_REFERENCE] : []}
        .yRange=${isRatio ? ratioRange(series.map((s) => parseFloatValues(s.values))) : null}
      ></train-line-chart>
    `;
  }

  private renderActivations(d: Layer): TemplateResult {
    const a = d.activations;
    if (a === null) {
      return html`<h2>${this.tr("model.activations")}</h2>
        <p class="muted">${this.tr("model.activations.none")}</p>
        ${this.renderDeadUnits(d)}`;
    }
    const series: ChartSeries[] = [
      { label: this.tr("model.activations.mean"), ...a.mean, width: 2 },
      { label: this.tr("model.activations.plus"), ...a.mean_plus_2_stdev, dash: [5, 4] },
      { label: this.tr("model.activations.minus"), ...a.mean_minus_2_stdev, dash: [5, 4] },
    ];
    return html`
      <h2>${this.tr("model.activations")}</h2>
      <train-line-chart
        data-chart="activations"
        .reportTimes=${d.report_times}
        x-label=${this.tr("chart.iteration")}
        y-label=${this.tr("axis.activation")}
        label=${this.tr("model.activations")}
        lang=${this.language}
        .series=${series}
        .epochs=${this.epochs}
      ></train-line-chart>
      ${this.renderDeadUnits(d)}
    `;
  }

  /** The fraction of the layer's units never active, per report (null: none counted). */
  private renderDeadUnits(d: Layer): TemplateResult | typeof nothing {
    const dead = d.dead_units ?? null; // a server before dead_units omits it
    if (dead === null) return nothing;
    const title = this.tr("model.dead_units");
    return html`
      <h3 class="sub">${title}</h3>
      <p class="muted">${this.tr("model.dead_units.text")}</p>
      <train-line-chart
        data-chart="dead-units"
        .reportTimes=${d.report_times}
        x-label=${this.tr("chart.iteration")}
        y-label=${this.tr("axis.dead_units")}
        label=${title}
        lang=${this.language}
        value-format="percent"
        height="200"
        .series=${[{ label: this.tr("model.latest.dead_units"), ...dead, width: 2 }]}
        .yRange=${DEAD_UNITS_RANGE}
        .epochs=${this.epochs}
      ></train-line-chart>
    `;
  }

  /** The latest report's summaries of the layer, a row each (layer-stats-table.ts). */
  private renderLatest(
    d: Layer,
    latest: NonNullable<Layer["latest"]>,
  ): TemplateResult | typeof nothing {
    const rows: StatsRow[] = [];
    const kinds: [HistKind, MessageKey][] = [
      ["parameters", "model.info.param_names"],
      ["gradients", "model.latest.gradients"],
      ["updates", "model.mean_mag.updates"],
    ];
    for (const p of d.parameters) {
      for (const [kind, label] of kinds) {
        const summary = latest[kind][p.name];
        if (summary === undefined) continue;
        const shown = this.histTitle(this.tr(label), latest, kind, null);
        const tensor = this.paramText(d, p.name);
        rows.push({ key: `${kind}.${p.name}`, kind: shown, tensor, summary, activations: false });
      }
    }
    if (latest.activations !== null) {
      rows.push({
        key: "activations",
        kind: this.histTitle(this.tr("model.latest.activations"), latest, "activations", null),
        tensor: d.layer.name,
        summary: latest.activations,
        activations: true,
      });
    }
    if (rows.length === 0) return nothing;
    return html`
      <h3>${this.tr("model.latest")}</h3>
      ${latestStatsTable(this.language, rows)}
    `;
  }

  /** The parameter whose histograms are shown: the chosen one, else the first weight. */
  private shownParam(d: Layer): string | null {
    const names = d.parameters.map((p) => p.name);
    if (this.histParam !== null && names.includes(this.histParam)) return this.histParam;
    return d.parameters.find((p) => p.is_weight)?.name ?? names[0] ?? null;
  }

  /** The tensors whose histograms are shown, and where to ask for them; null: none. */
  private timelineQuery(d: Layer): TimelineQuery | null {
    const param = this.shownParam(d);
    const tensors: TensorRef[] = [];
    if (param !== null) {
      for (const kind of HIST_KINDS) {
        if (d.nonfinite[kind][param] !== undefined) tensors.push({ kind, name: param });
      }
    }
    if (d.latest?.activations != null) tensors.push({ kind: "activations", name: d.layer.name });
    if (tensors.length === 0) return null;
    return { apiBase: this.apiBase, session: d.session_id, worker: d.worker_id, tensors };
  }

  /** The slider's stops: the reports of the shown tensors (kept while the data stays). */
  private stops(d: Layer): readonly number[] {
    const param = this.shownParam(d);
    const c = this.stopsCache;
    if (c !== null && c.layer === d && c.param === param) return c.stops;
    const stops = reportStops(d, param);
    this.stopsCache = { layer: d, param, stops };
    return stops;
  }

  /** The slider's iteration when it is before the latest report; null: the latest, live. */
  private pinnedIteration(d: Layer): number | null {
    const stops = this.stops(d);
    const first = stops[0];
    const last = stops.at(-1);
    const at = this.histIteration;
    if (at === null || first === undefined || last === undefined) return null;
    if (!Number.isFinite(at) || at >= last) return null;
    return Math.max(first, Math.round(at)); // before the first report: the first
  }

  /** Moves the slider to `iteration` (the latest report or later: back to live). */
  private pin(iteration: number): void {
    const d = this.shownLayer;
    const last = d === null ? undefined : this.stops(d).at(-1);
    this.histIteration = last === undefined || iteration >= last ? null : iteration;
  }

  private onSliderInput = (e: CustomEvent<IterationInputDetail>): void => {
    this.timeline.cancelSteps();
    this.requestWhen = e.detail.final ? "now" : "debounce";
    this.pin(e.detail.iteration);
  };

  private onSliderStep = (e: CustomEvent<IterationStepDetail>): void => {
    const d = this.shownLayer;
    const query = d === null ? null : this.timelineQuery(d);
    if (d === null || query === null) return;
    const current = (): number => {
      const now = this.shownLayer ?? d;
      return this.pinnedIteration(now) ?? this.stops(now).at(-1) ?? 0;
    };
    this.timeline.step(query, current, e.detail.direction, (iteration) => {
      this.pin(iteration);
    });
  };

  /** The slider over the report iterations, the way back to the latest, and what is shown. */
  private renderTimeline(d: Layer): TemplateResult | typeof nothing {
    if (this.timelineQuery(d) === null) return nothing;
    return timelineTemplate(
      this.language,
      {
        stops: this.stops(d),
        pinned: this.pinnedIteration(d),
        error: this.timeline.error,
      },
      {
        input: this.onSliderInput,
        step: this.onSliderStep,
        latest: () => {
          this.timeline.cancelSteps();
          this.histIteration = null;
        },
      },
    );
  }

  private renderHistograms(d: Layer): TemplateResult {
    const latest = d.latest;
    const names = d.parameters.map((p) => p.name);
    const param = this.shownParam(d);
    const kinds: [HistKind, string][] = [
      ["parameters", this.tr("model.hist.params")],
      ["gradients", this.tr("model.hist.gradients")],
      ["updates", this.tr("model.hist.updates")],
    ];
    const activation = latest?.activations ?? null;
    const pinned = this.pinnedIteration(d);
    const shown = pinned === null ? null : this.timeline.histograms(this.timelineQuery(d));
    return html`
      ${
        latest === null
          ? nothing
          : html`<p class="muted">
                ${this.tr("model.hist.latest", { iteration: latest.iteration })}
              </p>
              ${this.renderLatest(d, latest)}`
      }
      ${
        names.length === 0
          ? html`<p class="muted">${this.tr("model.no_params")}</p>`
          : html`<div role="tablist" part="tabs" aria-label=${this.tr("model.info.param_names")}>
              ${names.map(
                (name) =>
                  html`<button
                    role="tab"
                    data-param=${name}
                    aria-selected=${name === param ? "true" : "false"}
                    @click=${() => {
                      this.histParam = name;
                    }}
                  >
                    ${this.paramText(d, name)}
                  </button>`,
              )}
            </div>`
      }
      ${this.renderTimeline(d)}
      <div class="hists" aria-busy=${this.timeline.loading ? "true" : "false"}>
        ${
          param === null
            ? nothing
            : kinds.map(([kind, title]) => {
                if (pinned !== null) return this.renderPinned(d, kind, param, title, shown);
                // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- a server before earlier_histograms omits it.
                const earlier = latest?.earlier_histograms?.[kind][param] ?? null;
                const summary = earlier?.summary ?? latest?.[kind][param] ?? null;
                return this.renderHistogram(d, kind, param, title, {
                  fullTitle: this.histTitle(title, latest, kind, earlier?.iteration ?? null),
                  summary,
                  histogram: summary?.histogram ?? null,
                  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- a server before summary_iterations omits it.
                  iteration: earlier?.iteration ?? latest?.summary_iterations?.[kind] ?? null,
                });
              })
        }
        ${
          activation === null
            ? nothing
            : pinned !== null
              ? this.renderPinned(
                  d,
                  "activations",
                  d.layer.name,
                  this.tr("model.hist.activations"),
                  shown,
                )
              : this.renderActivationHistogram(d, latest, activation)
        }
      </div>
    `;
  }

  private renderActivationHistogram(
    d: Layer,
    latest: Layer["latest"],
    activation: Summary,
  ): TemplateResult {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- a server before earlier_histograms omits it.
    const earlier = latest?.earlier_histograms?.activations ?? null;
    const title = this.tr("model.hist.activations");
    const summary = earlier?.summary ?? activation;
    return this.renderHistogram(d, "activations", d.layer.name, title, {
      fullTitle: this.histTitle(title, latest, "activations", earlier?.iteration ?? null),
      summary,
      histogram: summary.histogram,
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- a server before summary_iterations omits it.
      iteration: earlier?.iteration ?? latest?.summary_iterations?.activations ?? null,
    });
  }

  /** A tensor's histogram at the slider's iteration (the newest stored at or before it). */
  private renderPinned(
    d: Layer,
    kind: HistKind | "activations",
    name: string,
    title: string,
    shown: ReturnType<HistogramTimeline["histograms"]>,
  ): TemplateResult {
    const h: HistogramAt | null | undefined = shown?.byKind.get(kind);
    const note =
      shown === null
        ? this.tr("app.loading")
        : this.tr("model.histograms.none_at", { iteration: formatInteger(shown.iteration) });
    return this.renderHistogram(d, kind, name, title, {
      fullTitle:
        h == null ? title : `${title} (${this.tr("model.hist.at", { iteration: h.iteration })})`,
      summary: null,
      histogram: h ?? null,
      iteration: h?.iteration ?? null,
      note,
    });
  }

  /**
   * A histogram's title, with its iteration when it is older than the latest report: the report
   * its kind's summaries come from, or `earlierAt`, the earlier report holding the histogram the
   * overhead budget left out of the later ones.
   */
  private histTitle(
    title: string,
    latest: Layer["latest"],
    kind: HistKind | "activations",
    earlierAt: number | null,
  ): string {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- a server before summary_iterations omits it.
    const at = earlierAt ?? latest?.summary_iterations?.[kind] ?? null;
    if (latest === null || at === null || at === latest.iteration) return title;
    return `${title} (${this.tr("model.hist.at", { iteration: at })})`;
  }

  private renderHistogram(
    d: Layer,
    kind: HistKind | "activations",
    name: string,
    title: string,
    shown: {
      fullTitle: string;
      summary: Summary | null;
      histogram: HistogramData | null;
      iteration: number | null;
      note?: string;
    },
  ): TemplateResult {
    const s = shown.summary;
    return html`<div>
      <h3>${shown.fullTitle}</h3>
      <train-hist-panel
        data-panel=${kind}
        api-base=${this.apiBase}
        .session=${d.session_id}
        .worker=${d.worker_id}
        .kind=${kind}
        .name=${name}
        label=${title}
        lang=${this.language}
        .histogramLabel=${shown.fullTitle}
        .histogram=${shown.histogram}
        .iteration=${shown.iteration}
        .nonfinite=${s?.nonfinite_count ?? 0}
        .nanCount=${s?.nan_count ?? null}
        .posinfCount=${s?.posinf_count ?? null}
        .neginfCount=${s?.neginf_count ?? null}
        .note=${shown.note ?? null}
        .latestIteration=${d.latest?.iteration ?? null}
        .selected=${this.pinnedIteration(d)}
        .epochs=${this.epochs}
      ></train-hist-panel>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "train-model": TrainModel;
  }
}

define("train-model", TrainModel);
