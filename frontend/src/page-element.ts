/**
 * What the page elements (`<train-overview>`, `<train-model>`, `<train-system>`) share: the
 * attributes of docs/web-components.md, loading with abort of stale requests, live refresh from
 * the shared event stream coalesced to at most 4 per second, and the error display.
 */
import { LitElement, html, type PropertyValues, type TemplateResult } from "lit";
import { ApiError, isAbort } from "./api.js";
import { subscribeLive, type LiveEvent, type LiveState } from "./live.js";
import { browserLang, resolveLang, t, type Lang, type MessageKey } from "./i18n/index.js";
import { ALL_WORKERS } from "./lib/workers.js";

/** Shortest time between two refreshes of one element (4 Hz). */
const MIN_REFRESH_MS = 250;

/** The `train-error` event's detail. */
export interface TrainErrorDetail {
  status: number;
  code: string;
  message: string;
}

declare global {
  interface HTMLElementEventMap {
    "train-error": CustomEvent<TrainErrorDetail>;
  }
}

/**
 * Base class of the page elements.
 *
 * The theme tokens (docs/web-components.md, "CSS custom properties"), set on the element or any
 * ancestor, override the theme's defaults:
 *
 * @cssprop --train-bg - surface
 * @cssprop --train-fg - text
 * @cssprop --train-muted - secondary text
 * @cssprop --train-border - lines
 * @cssprop --train-accent - links, selection, focus ring
 * @cssprop --train-grid - chart grid lines
 * @cssprop --train-series-1 - series colour 1 of 12
 * @cssprop --train-series-2 - series colour 2 of 12
 * @cssprop --train-series-3 - series colour 3 of 12
 * @cssprop --train-series-4 - series colour 4 of 12
 * @cssprop --train-series-5 - series colour 5 of 12
 * @cssprop --train-series-6 - series colour 6 of 12
 * @cssprop --train-series-7 - series colour 7 of 12
 * @cssprop --train-series-8 - series colour 8 of 12
 * @cssprop --train-series-9 - series colour 9 of 12
 * @cssprop --train-series-10 - series colour 10 of 12
 * @cssprop --train-series-11 - series colour 11 of 12
 * @cssprop --train-series-12 - series colour 12 of 12
 * @cssprop --train-nonfinite - NaN / ±Inf markers
 * @cssprop --train-band - the reference band of the ratio chart
 * @cssprop --train-font-family - type
 * @cssprop --train-radius - corner radius
 * @csspart error - the error banner (a failed request, naming the server)
 * @fires train-error - a request failed; detail {status, code, message}
 */
export abstract class PageElement extends LitElement {
  static override properties = {
    apiBase: { attribute: "api-base" },
    session: {},
    worker: {},
    lang: {},
    theme: { reflect: true },
    error: { state: true },
    loaded: { state: true },
  };

  /** Origin (and prefix) of the fitscope server; "" is this page's origin. */
  declare apiBase: string;
  /** Session id; null shows the newest session. */
  declare session: string | null;
  /**
   * Worker id; null shows the session's first worker. `"*"` ({@link ALL_WORKERS}) is every
   * worker: the overview shows them all, the per-worker pages their session's first worker.
   */
  declare worker: string | null;
  /** Language code (`en`, `zh`); "" follows the browser. (HTMLElement's own `lang`, made reactive.) */
  declare lang: string;
  /** `light`, `dark` or `auto`. */
  declare theme: string | null;
  /** The last request's error, shown instead of stale content. */
  declare error: ApiError | null;
  /** True once data arrived. */
  declare loaded: boolean;

  /** Session and worker of the data on screen (resolved by the server when not given). */
  protected shownSession: string | null = null;
  protected shownWorker: string | null = null;

  private unsubscribe: (() => void) | null = null;
  private controller: AbortController | null = null;
  private lastStart = 0;
  private pending: ReturnType<typeof setTimeout> | null = null;
  private inFlight = false;
  private dirty = false;
  private pendingKinds = new Set<string>();
  /** Workers named by the events since the last takeEventWorkers; null after a reset (every worker). */
  private pendingWorkers: Set<string> | null = new Set();

  constructor() {
    super();
    this.apiBase = "";
    this.session = null;
    this.worker = null;
    // eslint-disable-next-line wc/no-constructor-attributes -- `lang` is redeclared as a Lit reactive property (not reflected), so this sets Lit's value, not the attribute.
    this.lang = "";
    this.theme = null;
    this.error = null;
    this.loaded = false;
  }

  /** The language the element speaks. */
  protected get language(): Lang {
    return this.lang === "" ? browserLang() : resolveLang(this.lang);
  }

  /** Shorthand for `t(this.language, ...)`. */
  protected tr(key: MessageKey, params?: Readonly<Record<string, string | number>>): string {
    return t(this.language, key, params);
  }

  /**
   * The worker to ask a per-worker route for: `worker`, or null (the session's first worker,
   * chosen by the server) when it is `"*"`, which no route takes.
   */
  protected get oneWorker(): string | null {
    return this.worker === ALL_WORKERS ? null : this.worker;
  }

  /** Loads the element's data; throws ApiError or an AbortError. */
  protected abstract fetchData(signal: AbortSignal): Promise<void>;

  /** Whether a stored record changes what this element shows. */
  protected isRelevant(event: LiveEvent): boolean {
    if (event.kind === "reset") return true;
    if (this.shownSession === null) return true;
    if (event.session_id !== this.shownSession) {
      // A new session becomes the default one when the element follows the newest.
      return this.session === null && event.kind === "static_info";
    }
    return this.shownWorker === null || event.worker_id === this.shownWorker;
  }

  /** Called when the shared live stream's state changes (the shell shows it). */
  protected onLiveState?(state: LiveState): void;

  override connectedCallback(): void {
    super.connectedCallback();
    this.subscribe();
  }

  /** (Re)subscribes to the live stream of the server at `apiBase`. */
  private subscribe(): void {
    this.unsubscribe?.();
    this.unsubscribe = subscribeLive(this.apiBase, {
      onEvent: (event) => {
        this.onLive(event);
      },
      onState: (state) => {
        this.onLiveState?.(state);
      },
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.controller?.abort();
    if (this.pending !== null) clearTimeout(this.pending);
    this.pending = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("apiBase") && this.isConnected && changed.get("apiBase") !== undefined) {
      this.subscribe();
    }
    if (changed.has("apiBase") || changed.has("session") || changed.has("worker")) {
      this.reload();
    }
  }

  private onLive(event: LiveEvent): void {
    if (!this.isRelevant(event)) return;
    this.pendingKinds.add(event.kind);
    if (event.kind === "reset") this.pendingWorkers = null;
    else this.pendingWorkers?.add(event.worker_id);
    this.refresh();
  }

  /**
   * The kinds of the stored records announced since the last call (`update`, `metrics`, `epoch`,
   * `static_info`, `reset`); empty for a load that no event caused (first load, new selection).
   * A page's fetchData uses it to refetch only what changed.
   */
  protected takeEventKinds(): ReadonlySet<string> {
    const kinds = this.pendingKinds;
    this.pendingKinds = new Set();
    return kinds;
  }

  /**
   * The workers named by the stored records announced since the last call; null when a `reset`
   * came (anything may have changed). Empty for a load that no event caused.
   */
  protected takeEventWorkers(): ReadonlySet<string> | null {
    const workers = this.pendingWorkers;
    this.pendingWorkers = new Set();
    return workers;
  }

  /** Drops what is in flight and loads now (the selection changed). */
  protected reload(): void {
    this.pendingKinds = new Set();
    this.pendingWorkers = new Set();
    this.controller?.abort();
    this.inFlight = false;
    this.dirty = false;
    if (this.pending !== null) clearTimeout(this.pending);
    this.pending = null;
    void this.run();
  }

  /** Loads again soon: at most every 250 ms, never two requests at once. */
  refresh(): void {
    if (this.inFlight) {
      this.dirty = true;
      return;
    }
    if (this.pending !== null) return;
    const wait = Math.max(0, this.lastStart + MIN_REFRESH_MS - performance.now());
    this.pending = setTimeout(() => {
      this.pending = null;
      void this.run();
    }, wait);
  }

  private async run(): Promise<void> {
    const controller = new AbortController();
    this.controller = controller;
    this.inFlight = true;
    this.lastStart = performance.now();
    try {
      await this.fetchData(controller.signal);
      if (controller.signal.aborted) return;
      this.error = null;
      this.loaded = true;
    } catch (err) {
      if (isAbort(err) || controller.signal.aborted) return;
      const e =
        err instanceof ApiError
          ? err
          : new ApiError(0, "client_error", err instanceof Error ? err.message : String(err));
      if (e !== this.error) {
        this.error = e;
        this.dispatchEvent(
          new CustomEvent<TrainErrorDetail>("train-error", {
            bubbles: true,
            composed: true,
            detail: { status: e.status, code: e.code, message: e.message },
          }),
        );
      }
    } finally {
      if (this.controller === controller) {
        this.inFlight = false;
        if (this.dirty) {
          this.dirty = false;
          this.refresh();
        }
      }
    }
  }

  /** The error banner, or nothing. */
  protected renderError(): TemplateResult | null {
    if (this.error === null) return null;
    return html`<p part="error" class="error" role="alert">
      ${this.tr("app.error", { message: this.error.message })}
    </p>`;
  }

  /** The loading line shown before the first answer. */
  protected renderLoading(): TemplateResult {
    return html`<p class="muted" aria-busy="true">${this.tr("app.loading")}</p>`;
  }
}
