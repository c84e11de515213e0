/**
 * The all-workers view of `<train-overview>` (`worker="*"`, lib/workers.ts `ALL_WORKERS`): every worker of
 * the session at once. Their scores and the update:parameter ratio of one weight (a menu picks
 * which) overlaid, one line per worker in a colour of its own (its place among the session's
 * workers), or instead their mean with a min..max band; a table of the workers, marking those
 * that stopped reporting (lib/workers.ts); and the diagnostics' findings of every worker: a
 * `<train-findings>` per worker under the worker's name and colour, and a marker on the score
 * chart at each warning's and error's `first_iteration`, named after its worker and drawn in its
 * colour (the diamond at its foot in the severity's).
 *
 * Each worker's own overview is read (`/api/v1/overview`), and a live event reads again only the
 * worker it names. Each worker's findings are one shared source (findings-source.ts): the
 * markers, the worker's list and the shell's badge ask once, and each refreshes on its worker's
 * live events.
 *
 * Not an element: a renderer that `<train-overview>` holds, drawing into the overview's own
 * shadow root, so the view keeps the overview's parts and styles.
 */
import { css, html, nothing, type ReactiveControllerHost, type TemplateResult } from "lit";
import { getJson } from "./api.js";
import type { Graph, Overview, Series, Sessions } from "./api-types.js";
import { WorkersFindingsController } from "./findings-source.js";
import { tf } from "./i18n/findings.js";
import type { Lang, MessageKey } from "./i18n/index.js";
import { formatDateTime, formatInteger, isolate } from "./lib/format.js";
import { RATIO_BAND, RATIO_REFERENCE, ratioRange, scoreRange } from "./lib/scales.js";
import { MAX_POINTS } from "./lib/series.js";
import { paramLabel } from "./lib/sessions.js";
import { aggregate, stoppedWorkers, workerTimes } from "./lib/workers.js";
import { seriesToken } from "./theme.js";
import type { ChartSeries } from "./train-line-chart.js";
import "./train-findings.js";
import "./train-line-chart.js";
import { parseFloatValues } from "./values.js";

/** With every worker shown: a line per worker, or their mean with a min..max band. */
export type WorkersView = "each" | "mean";

/** What the page asks a load for. */
export interface AllWorkersLoad {
  apiBase: string;
  /** the page's `session` (null: the newest) */
  session: string | null;
  /** the kinds of the live events since the last load (empty: no event caused it) */
  kinds: ReadonlySet<string>;
  /** the workers those events named (null after a `reset`) */
  events: ReadonlySet<string> | null;
}

/** What a load found, for the page. */
export interface AllWorkersLoaded {
  session: string;
  /** the highest latest iteration of the workers; null when none has one */
  latest: number | null;
  /** the layer types of the session's graph, when it was read again */
  layerTypes?: Map<string, string>;
}

/** What the view takes from the page to draw. */
export interface AllWorkersContext {
  apiBase: string;
  lang: Lang;
  tr: (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string;
  layerTypes: ReadonlyMap<string, string>;
  /** the page's error banner, or null */
  error: TemplateResult | null;
  /** the page's loading line */
  loading: TemplateResult;
}

type Entries = readonly (readonly [string, Overview])[];

const NO_SERIES: Series = { iterations: [], values: [] };

/** The layer types of a session's graph (none when it has no graph, or another session's). */
function layerTypesOf(graph: Graph | null, session: string): Map<string, string> {
  return graph === null || graph.session_id !== session
    ? new Map<string, string>()
    : new Map(graph.layers.map((l) => [l.name, l.type]));
}

/** The view's own styles (the overview's page styles hold the rest). */
export const allWorkersStyles = css`
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
  .swatch {
    display: inline-block;
    width: 0.7rem;
    height: 0.7rem;
    border-radius: 2px;
    margin-right: 0.35rem;
    vertical-align: -0.05rem;
  }
  [data-card="findings"] h2:focus {
    outline: none;
  }
  [data-card="findings"] h2:focus-visible {
    outline: 2px solid var(--_accent);
  }
  .worker-findings {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr));
    gap: 0.75rem 1.5rem;
    margin-top: 0.5rem;
  }
`;

/** `<train-overview>`'s all-workers view: see the module documentation. */
export class AllWorkersView {
  /** The session's workers, in its order (their colours). */
  workers: string[] = [];
  /** Each worker's overview. */
  byWorker: ReadonlyMap<string, Overview> = new Map();
  /** The session `byWorker` belongs to. */
  session: string | null = null;
  private workersView: WorkersView = "each";
  /** The weight whose ratios are overlaid (null: the first). */
  private ratioParam: string | null = null;
  /** Every worker's findings, for the score chart's markers and the card's counts. */
  private readonly findings: WorkersFindingsController;

  constructor(private readonly host: ReactiveControllerHost & EventTarget) {
    this.findings = new WorkersFindingsController(host);
  }

  /**
   * Watches the findings of the shown session's workers (null: none, the view is not shown).
   * Cheap to call on every update of the page.
   */
  watchFindings(page: { apiBase: string; session: string | null; lang: Lang } | null): void {
    const session = this.session;
    const current = page !== null && session !== null && (page.session ?? session) === session;
    this.findings.watch(
      current ? { apiBase: page.apiBase, session, lang: page.lang } : null,
      this.workers,
    );
  }

  /** Scrolls to the findings card and focuses its heading; false while the card is not shown. */
  revealFindings(root: ParentNode): boolean {
    const card = root.querySelector<HTMLElement>('section[data-card="findings"]');
    if (card === null) return false;
    card.scrollIntoView({ block: "start" });
    card.querySelector<HTMLElement>("h2")?.focus({ preventScroll: true });
    return true;
  }

  /**
   * Reads every worker's overview. The first load, a new StaticInfo, a worker not seen yet or a
   * reset read the session's workers and all their overviews; other events only the workers
   * they name.
   *
   * @returns What was shown, or null when `signal` aborted the load.
   */
  async load(req: AllWorkersLoad, signal: AbortSignal): Promise<AllWorkersLoaded | null> {
    const { apiBase, kinds, events } = req;
    const known =
      this.session !== null &&
      this.byWorker.size > 0 &&
      (req.session === null || req.session === this.session);
    const relist =
      !known ||
      kinds.size === 0 ||
      kinds.has("reset") ||
      kinds.has("static_info") ||
      events === null ||
      [...events].some((w) => !this.workers.includes(w));
    const next = new Map(known ? this.byWorker : []);
    let session = this.session ?? "";
    let workers = this.workers;
    let toFetch: string[];
    let graph: Graph | null | undefined;
    if (relist) {
      const [first, sessions, g] = await Promise.all([
        getJson<Overview>(
          apiBase,
          "overview",
          { session: req.session, max_points: MAX_POINTS },
          signal,
        ),
        getJson<Sessions>(apiBase, "sessions", {}, signal),
        getJson<Graph>(apiBase, "graph", { session: req.session }, signal).catch((err: unknown) => {
          if (signal.aborted) throw err;
          return null;
        }),
      ]);
      if (signal.aborted) return null;
      if (first.session_id !== this.session) next.clear();
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
        getJson<Overview>(apiBase, "overview", { session, worker, max_points: MAX_POINTS }, signal),
      ),
    );
    if (signal.aborted) return null;
    for (const a of answers) next.set(a.worker_id, a);
    const byWorker = new Map<string, Overview>();
    for (const w of workers) {
      const d = next.get(w);
      if (d !== undefined && d.session_id === session) byWorker.set(w, d);
    }
    this.session = session;
    this.workers = workers;
    this.byWorker = byWorker;
    this.host.requestUpdate();
    const iterations = [...byWorker.values()].map((d) => d.info.iterations ?? -1);
    const latest = Math.max(-1, ...iterations);
    return {
      session,
      latest: latest < 0 ? null : latest,
      ...(graph === undefined ? {} : { layerTypes: layerTypesOf(graph, session) }),
    };
  }

  /** Every worker at once. */
  render(ctx: AllWorkersContext): TemplateResult {
    const entries = [...this.byWorker];
    const first = entries[0];
    const session = this.session;
    if (first === undefined || session === null) {
      return html`${ctx.error ?? ctx.loading}`;
    }
    const colorOf = new Map(this.workers.map((w, i) => [w, i]));
    const stopped = stoppedWorkers(new Map(entries.map(([w, d]) => [w, workerTimes(d.info)])));
    const epochs = first[1].epochs;
    const views: WorkersView[] = ["each", "mean"];
    return html`
      ${ctx.error}
      <div class="workers-bar">
        <div part="workers-view" role="group" aria-label=${ctx.tr("overview.workers.view")}>
          ${views.map(
            (view) =>
              html`<button
                type="button"
                data-view=${view}
                aria-pressed=${view === this.workersView ? "true" : "false"}
                @click=${() => {
                  this.workersView = view;
                  this.host.requestUpdate();
                }}
              >
                ${ctx.tr(`overview.workers.view.${view}`)}
              </button>`,
          )}
        </div>
        <p class="hint muted">${ctx.tr("overview.workers.hint")}</p>
      </div>
      <div class="grid">
        <section class="card wide">
          ${this.renderScore(ctx, session, entries, colorOf, epochs)}
        </section>
        <section class="card narrow">${this.renderWorkers(ctx, entries, colorOf, stopped)}</section>
        <section class="card full" data-card="findings">
          ${this.renderFindings(ctx, session, entries, colorOf)}
        </section>
        <section class="card half">${this.renderRatios(ctx, entries, colorOf, epochs)}</section>
      </div>
    `;
  }

  /** One series per worker (in its colour), or their mean, min and max with the band between. */
  private workerSeries(
    ctx: AllWorkersContext,
    entries: Entries,
    colorOf: ReadonlyMap<string, number>,
    pick: (d: Overview) => Series | undefined,
  ): ChartSeries[] {
    if (this.workersView === "mean") {
      const agg = aggregate(entries.map(([, d]) => pick(d) ?? NO_SERIES));
      return [
        { label: ctx.tr("overview.workers.mean"), ...agg.mean, color: 0, width: 2 },
        { label: ctx.tr("overview.workers.min"), ...agg.min, color: 0, faint: true },
        { label: ctx.tr("overview.workers.max"), ...agg.max, color: 0, faint: true, bandWith: 1 },
      ];
    }
    return entries.map(([w, d]) => ({
      label: isolate(w),
      ...(pick(d) ?? NO_SERIES),
      color: colorOf.get(w) ?? 0,
    }));
  }

  private renderScore(
    ctx: AllWorkersContext,
    session: string,
    entries: Entries,
    colorOf: ReadonlyMap<string, number>,
    epochs: Overview["epochs"],
  ): TemplateResult {
    const series = this.workerSeries(ctx, entries, colorOf, (d) => d.score);
    return html`
      <h2>${ctx.tr("overview.score")}</h2>
      <train-line-chart
        data-chart="score"
        .reportTimes=${entries[0]?.[1].report_times ?? null}
        data-view=${this.workersView}
        x-label=${ctx.tr("chart.iteration")}
        y-label=${ctx.tr("axis.score")}
        label=${ctx.tr("overview.score")}
        lang=${ctx.lang}
        log-toggle
        .series=${series}
        .epochs=${epochs}
        .findingMarks=${this.findings.marksFor(session, ctx.lang, colorOf)}
        .yRange=${scoreRange(series.map((s) => parseFloatValues(s.values)))}
      ></train-line-chart>
    `;
  }

  /**
   * Every worker's findings: the session's counts, then a `<train-findings>` per worker (the
   * same request as the markers' and the badge's) under the worker's name and colour.
   */
  private renderFindings(
    ctx: AllWorkersContext,
    session: string,
    entries: Entries,
    colorOf: ReadonlyMap<string, number>,
  ): TemplateResult {
    const counts = this.findings.counts(session);
    return html`
      <h2 tabindex="-1">${tf(ctx.lang, "findings.title")}</h2>
      ${
        counts === null
          ? nothing
          : html`<p class="hint muted" data-counts>
              ${tf(ctx.lang, "findings.workers_counts", { ...counts, workers: entries.length })}
            </p>`
      }
      <div class="worker-findings">
        ${entries.map(
          ([w]) =>
            html`<train-findings
              api-base=${ctx.apiBase}
              session=${session}
              worker=${w}
              lang=${ctx.lang}
              heading-level="3"
            >
              <span slot="heading"
                ><span
                  class="swatch"
                  aria-hidden="true"
                  style="background: var(--_series-${seriesToken(colorOf.get(w) ?? 0)})"
                ></span
                ><bdi>${w}</bdi></span
              >
            </train-findings>`,
        )}
      </div>
    `;
  }

  private renderRatios(
    ctx: AllWorkersContext,
    entries: Entries,
    colorOf: ReadonlyMap<string, number>,
    epochs: Overview["epochs"],
  ): TemplateResult {
    const names = [...new Set(entries.flatMap(([, d]) => Object.keys(d.ratios)))];
    const chosen =
      this.ratioParam !== null && names.includes(this.ratioParam) ? this.ratioParam : names[0];
    const owner = new Map(entries.flatMap(([, d]) => d.parameters.map((p) => [p.name, p.layer])));
    const label = (name: string): string =>
      isolate(paramLabel(name, owner.get(name), ctx.layerTypes));
    const series =
      chosen === undefined ? [] : this.workerSeries(ctx, entries, colorOf, (d) => d.ratios[chosen]);
    return html`
      <div class="heading">
        <h2>${ctx.tr("overview.ratios")}</h2>
        ${
          names.length === 0
            ? nothing
            : html`<label
                >${ctx.tr("overview.workers.parameter")}
                <select
                  name="parameter"
                  @change=${(e: Event) => {
                    this.ratioParam = (e.target as HTMLSelectElement).value;
                    this.host.requestUpdate();
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
        .reportTimes=${entries[0]?.[1].report_times ?? null}
        data-view=${this.workersView}
        data-parameter=${chosen ?? nothing}
        x-label=${ctx.tr("chart.iteration")}
        y-label=${ctx.tr("axis.log10_ratio")}
        label=${
          chosen === undefined
            ? ctx.tr("overview.ratios")
            : `${ctx.tr("overview.ratios")} (${label(chosen)})`
        }
        lang=${ctx.lang}
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
    ctx: AllWorkersContext,
    entries: Entries,
    colorOf: ReadonlyMap<string, number>,
    stopped: ReadonlySet<string>,
  ): TemplateResult {
    return html`
      <h2>${ctx.tr("overview.workers")}</h2>
      <table class="info workers" part="table" data-table="workers">
        <thead>
          <tr>
            <th scope="col">${ctx.tr("app.worker")}</th>
            <th scope="col">${ctx.tr("overview.workers.iteration")}</th>
            <th scope="col">${ctx.tr("overview.info.last_update")}</th>
            <th scope="col">${ctx.tr("overview.workers.status")}</th>
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
                  ${stopped.has(w) ? ctx.tr("worker.stopped") : "—"}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    `;
  }
}
