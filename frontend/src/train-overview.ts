/**
 * `<train-overview>`: the original's overview page, live.
 *
 * Score vs iteration (every iteration, raw and EMA-smoothed, with a least-squares fit over a
 * dragged range), user metrics, the model and training information table, log10
 * update:parameter ratios per weight (band -4..-2, line at -3) and log10 stdev of activations,
 * gradients and updates (tabs). Epoch ends are marked on every iteration chart.
 *
 * @fires train-error - a request failed; detail {status, code, message}
 * @csspart error - the error banner
 * @csspart tabs - the stdev tab list
 * @csspart table - the information table
 * @cssprop --train-series-1 - first series colour (and the other `--train-*` tokens)
 */
import { css, html, nothing, type TemplateResult } from "lit";
import { getJson } from "./api.js";
import type { FirstNonFinite, Graph, Metrics, Overview } from "./api-types.js";
import { define } from "./define.js";
import { infoTable, type InfoRow } from "./info-table.js";
import { formatDateTime, formatDuration, formatInteger, formatRate } from "./lib/format.js";
import { fitLine, leastSquares } from "./lib/fit.js";
import { namedSeries } from "./lib/chart-options.js";
import { isolate } from "./lib/format.js";
import { layerLabel, paramLabel } from "./lib/sessions.js";
import { logRange, RATIO_BAND, RATIO_REFERENCE, ratioRange, scoreRange } from "./lib/scales.js";
import { ema } from "./lib/smoothing.js";
import { PageElement } from "./page-element.js";
import { pageStyles } from "./theme.js";
import type { ChartSeries } from "./train-line-chart.js";
import "./train-line-chart.js";
import { formatHyperparameter, parseFloatValue, parseFloatValues } from "./values.js";

/** Points asked for per series: about 2-4x a chart's pixel width. */
export const MAX_POINTS = 2000;

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
  ];

  constructor() {
    super();
    this.data = null;
    this.stdevTab = "activations";
    this.range = null;
    this.layerTypes = new Map();
  }

  protected override async fetchData(signal: AbortSignal): Promise<void> {
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

  override render(): TemplateResult {
    const d = this.data;
    if (d === null) return html`${this.renderError() ?? this.renderLoading()}`;
    return html`
      ${this.renderError()}
      <div class="grid">
        <section class="card wide">${this.renderScore(d)}</section>
        <section class="card narrow">${this.renderInfo(d)}</section>
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
                ></train-line-chart>
              </section>`
        }
        <section class="card half">${this.renderRatios(d)}</section>
        <section class="card half">${this.renderStdev(d)}</section>
      </div>
    `;
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
