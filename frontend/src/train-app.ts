/**
 * `<train-app>`: the shell of the server's pages. Navigation (Overview / Model / System /
 * Projector), the session and worker selectors, the language menu, the theme switch and the live
 * status; it holds one page element and passes its attributes down. The projector page
 * (`<embedding-projector>`) shows the server's embeddings, which belong to no session: it has no
 * session or worker selector, and it is shown whether or not a training session exists.
 *
 * Switching page, session, worker or layer updates the address (history API) without reloading,
 * so a link or a reload shows the same view. On the overview, a session of 2+ workers offers
 * "All workers" (`worker=*` in the address, {@link ALL_WORKERS}); the model and system pages,
 * which show one worker, show the first one meanwhile and keep `worker=*` in the address until
 * a worker is picked. A worker that stopped reporting is marked "(stopped)" in the worker menu
 * (`option[data-stopped="true"]`; the rule is in lib/workers.ts). Language and theme are
 * remembered in localStorage.
 *
 * @fires train-session-select - the user picked a session or worker; detail {session, worker}
 * @fires train-lang-change - the user picked a language; detail {lang}
 * @fires train-live-status - the live stream's state changed; detail {state}
 *
 * The live status says what is known of the shown session: "Live" while it reports (and the
 * event stream is open), "No report for 3 min" when it went quiet, "Ended" when its writer
 * closed or its file is no longer written, "Error" when it cannot be read (its pages show why).
 * The session list is read again every {@link SESSIONS_POLL_MS} ms, so a quiet session is seen.
 *
 * The diagnostics badge (`part="findings-badge"`) counts the shown worker's warnings and errors
 * (`GET /api/v1/findings`, the request `<train-findings>` makes: findings-source.ts), in the
 * worst one's colour with its icon; it is hidden while there is none and on the projector page.
 * With every worker shown on the overview it adds up the counts of all the session's workers
 * (the requests of the overview's lists). Clicking it shows the overview and moves the focus to
 * its findings list. A finding's layer link (`train-layer-open`) opens the model page on that
 * layer (and on that finding's worker when every worker was shown).
 * @csspart header - the top bar
 * @csspart nav - the page links
 * @csspart live - the live status
 * @csspart findings-badge - the diagnostics badge (`data-severity`, `data-count`)
 * @csspart error - the error banner
 */
import { css, html, nothing, unsafeCSS, type PropertyValues, type TemplateResult } from "lit";
import { getJson } from "./api.js";
import type { Findings, Session, SessionState, Sessions } from "./api-types.js";
import { define } from "./define.js";
import { FindingsController, WorkersFindingsController } from "./findings-source.js";
import { alertCount, badgeLabel, worstSeverity } from "./lib/findings.js";
import { tf } from "./i18n/findings.js";
import { isolate } from "./lib/format.js";
import { quietFor, sessionLabel } from "./lib/sessions.js";
import { ALL_WORKERS, StoppedWatch } from "./lib/workers.js";
import { X_AXIS_PARAM, xAxisChoice } from "./lib/chart-x-axis.js";
import { htmlLang, LANGUAGES } from "./i18n/index.js";
import type { LiveState } from "./live.js";
import { PageElement } from "./page-element.js";
import { FONT_STACK, themeStyles } from "./theme.js";
import "./embedding-projector.js";
import "./train-model.js";
import "./train-overview.js";
import { severityIcon, severityStyles, type LayerOpenDetail } from "./train-findings.js";
import "./train-system.js";

/** The pages of the shell. */
export const PAGES = ["overview", "model", "system", "projector"] as const;
export type Page = (typeof PAGES)[number];

/** The address of a page of the shell (`/train/<page>`). */
const PAGE_PATH = new RegExp(`^/train/(${PAGES.join("|")})$`);

/** The session list (and so each session's state) is read again this often. */
export const SESSIONS_POLL_MS = 10_000;

/** What the live status shows: the session's state, or the stream's while the session is live. */
export type LiveStatus = LiveState | Exclude<SessionState, "live">;

const LANG_KEY = "fitscope.lang";
const THEME_KEY = "fitscope.theme";

function stored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function store(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Storage may be off (privacy mode, sandboxed iframe): the choice lasts for this page only.
  }
}

declare global {
  interface HTMLElementEventMap {
    "train-session-select": CustomEvent<{ session: string; worker: string }>;
    "train-lang-change": CustomEvent<{ lang: string }>;
    "train-live-status": CustomEvent<{ state: LiveState }>;
  }
}

/** `<train-app>`: see the module documentation. */
export class TrainApp extends PageElement {
  static override properties = {
    ...PageElement.properties,
    page: { reflect: true },
    layer: {},
    embedding: {},
    sessions: { state: true },
    liveState: { state: true },
  };

  /** `overview`, `model`, `system` or `projector`. */
  declare page: Page;
  /** The model page's selected layer. */
  declare layer: string | null;
  /** The projector page's embedding (null: the server's first). */
  declare embedding: string | null;
  declare sessions: Session[];
  declare liveState: LiveState;

  static override styles = [
    themeStyles,
    severityStyles,
    css`
      :host {
        min-height: 100vh;
        /* Latin first, then common CJK fonts, so Chinese labels get real glyphs (not boxes) on
           Linux, macOS and Windows alike; a page overrides it with train-app { --train-font-family }. */
        --train-font-family: ${unsafeCSS(FONT_STACK)};
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1rem;
        padding: 0.5rem 1rem;
        border-bottom: 1px solid var(--_border);
      }
      .brand {
        font-weight: 700;
        font-size: 1.1rem;
        margin-right: 0.5rem;
      }
      nav {
        display: flex;
        gap: 0.25rem;
      }
      nav a {
        color: inherit;
        text-decoration: none;
        padding: 0.3rem 0.7rem;
        border-radius: var(--_radius);
      }
      nav a[aria-current="page"] {
        background: color-mix(in srgb, var(--_accent) 16%, transparent);
        color: var(--_accent);
        font-weight: 600;
      }
      label:not([hidden]) {
        display: inline-flex;
        align-items: center;
        gap: 0.3rem;
        font-size: 0.85rem;
        color: var(--_muted);
      }
      select {
        font: inherit;
        color: var(--_fg);
        background: var(--_bg);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: 0.15rem 0.3rem;
        max-width: 22rem;
      }
      .spacer {
        flex: 1;
      }
      .live {
        font-size: 0.8rem;
        display: inline-flex;
        align-items: center;
        gap: 0.3rem;
      }
      .dot {
        width: 0.6rem;
        height: 0.6rem;
        border-radius: 50%;
        background: var(--_muted);
      }
      .live[data-status="open"] .dot {
        background: var(--_series-3);
      }
      .live[data-status="stalled"] .dot {
        background: var(--_series-2);
      }
      .live[data-status="retrying"] .dot,
      .live[data-status="closed"] .dot,
      .live[data-status="error"] .dot {
        background: var(--_nonfinite);
      }
      .live .dot {
        flex: none;
      }
      main {
        padding: 0.75rem 1rem;
      }
      .badge {
        display: inline-flex;
        align-items: center;
        gap: 0.3rem;
        font-size: 0.85rem;
        font-weight: 600;
        padding: 0.1rem 0.55rem;
        border: 1px solid var(--_sev);
        border-radius: 999px;
        text-decoration: none;
      }
    `,
  ];

  constructor() {
    super();
    this.page = "overview";
    this.layer = null;
    this.embedding = null;
    this.sessions = [];
    this.liveState = "connecting";
    const lang = stored(LANG_KEY);
    // eslint-disable-next-line wc/no-constructor-attributes -- `lang` is a Lit reactive property of PageElement (not reflected), so this sets Lit's value, not the attribute.
    if (lang !== null) this.lang = lang;
    const theme = stored(THEME_KEY);
    if (theme !== null) this.theme = theme;
  }

  protected override onLiveState(state: LiveState): void {
    this.liveState = state;
    this.dispatchEvent(
      new CustomEvent("train-live-status", { bubbles: true, composed: true, detail: { state } }),
    );
  }

  private poll: ReturnType<typeof setInterval> | null = null;
  /** The workers of the shown session that stopped reporting. */
  private readonly stoppedWatch = new StoppedWatch(this);
  /** The shown worker's findings, for the badge. */
  private readonly findings = new FindingsController(this);
  /** With every worker shown on the overview: every worker's findings, for the badge. */
  private readonly allFindings = new WorkersFindingsController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener("popstate", this.onPopState);
    // No event comes when a run goes quiet: read the states again now and then.
    this.poll ??= setInterval(() => {
      this.refresh();
    }, SESSIONS_POLL_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener("popstate", this.onPopState);
    if (this.poll !== null) clearInterval(this.poll);
    this.poll = null;
  }

  /** The live status: the shown session's state, or the stream's while the session is live. */
  private get liveStatus(): LiveStatus {
    const state = this.currentSession?.state;
    return state === undefined || state === "live" ? this.liveState : state;
  }

  private liveText(status: LiveStatus): string {
    if (status === "stalled") {
      const s = this.currentSession;
      const last = s?.last_update_ms ?? s?.start_ms ?? null;
      return last === null
        ? this.tr("app.live.stalled_unknown")
        : this.tr("app.live.stalled", { duration: quietFor(Date.now() - last) });
    }
    return this.tr(`app.live.${status}`);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has("lang")) document.documentElement.lang = htmlLang(this.language);
    const current = this.currentSession;
    const all = this.worker === ALL_WORKERS;
    this.findings.watch(
      this.page === "projector" || this.allOnOverview
        ? null
        : {
            apiBase: this.apiBase,
            session: this.session,
            worker: all ? null : this.worker,
            lang: this.language,
          },
    );
    this.allFindings.watch(
      this.allOnOverview && current !== null
        ? { apiBase: this.apiBase, session: current.session_id, lang: this.language }
        : null,
      current?.workers ?? [],
    );
    this.stoppedWatch.watch(this.apiBase, current?.session_id ?? null, current?.workers ?? []);
  }

  protected override async fetchData(signal: AbortSignal): Promise<void> {
    const answer = await getJson<Sessions>(this.apiBase, "sessions", {}, signal);
    if (signal.aborted) return;
    this.sessions = answer.sessions;
    this.stoppedWatch.reported(this.takeEventWorkers());
  }

  /** A worker's choice in the selector: its id, and "(stopped)" when it stopped reporting. */
  private workerLabel(worker: string): string {
    return this.stoppedWatch.stopped.has(worker)
      ? this.tr("worker.stopped_label", { worker: isolate(worker) })
      : isolate(worker);
  }

  /**
   * The session on screen: the chosen one, else the newest readable one (the server lists the
   * newest first, and its default view skips a damaged session).
   */
  private get currentSession(): Session | null {
    const chosen = this.sessions.find((s) => s.session_id === this.session);
    return chosen ?? this.sessions.find((s) => s.state !== "error") ?? this.sessions[0] ?? null;
  }

  /** A session's choice in the selector: its label, and its state when it is not readable. */
  private optionLabel(s: Session): string {
    const label = sessionLabel(s, this.sessions);
    return s.state === "error" ? `${label} — ${this.tr("app.session.error")}` : label;
  }

  override render(): TemplateResult {
    const current = this.currentSession;
    const workers = current?.workers ?? [];
    const sessionless = this.page === "projector";
    return html`
      <header part="header">
        <span class="brand">${this.tr("app.title")}</span>
        <nav part="nav">
          ${PAGES.map(
            (page) =>
              html`<a
                href=${this.pageHref(page)}
                data-page=${page}
                aria-current=${page === this.page ? "page" : "false"}
                @click=${(e: MouseEvent) => this.onNavigate(e, page)}
                >${this.tr(`app.nav.${page}`)}</a
              >`,
          )}
        </nav>
        <span class="spacer"></span>
        <label ?hidden=${sessionless}
          >${this.tr("app.session")}
          <select
            name="session"
            ?disabled=${this.sessions.length < 2}
            @change=${(e: Event) => this.selectSession((e.target as HTMLSelectElement).value, null)}
          >
            ${this.sessions.map(
              (s) =>
                html`<option
                  value=${s.session_id}
                  data-state=${s.state}
                  title=${s.error === null ? nothing : s.error.message}
                  ?selected=${s.session_id === current?.session_id}
                >
                  ${this.optionLabel(s)}
                </option>`,
            )}
          </select>
        </label>
        <label ?hidden=${sessionless}
          >${this.tr("app.worker")}
          <select
            name="worker"
            ?disabled=${workers.length < 2}
            @change=${(e: Event) =>
              this.selectSession(current?.session_id ?? "", (e.target as HTMLSelectElement).value)}
          >
            ${
              this.page === "overview" && workers.length > 1
                ? html`<option value=${ALL_WORKERS} ?selected=${this.worker === ALL_WORKERS}>
                    ${this.tr("app.worker.all")}
                  </option>`
                : nothing
            }
            ${workers.map(
              (w) =>
                html`<option
                  value=${w}
                  data-stopped=${this.stoppedWatch.stopped.has(w) ? "true" : "false"}
                  ?selected=${w === this.selectedWorker(workers)}
                >
                  ${this.workerLabel(w)}
                </option>`,
            )}
          </select>
        </label>
        <label
          >${this.tr("app.language")}
          <select
            name="lang"
            @change=${(e: Event) => this.selectLang((e.target as HTMLSelectElement).value)}
          >
            ${Object.entries(LANGUAGES).map(
              ([code, name]) =>
                html`<option value=${code} ?selected=${code === this.language}>${name}</option>`,
            )}
          </select>
        </label>
        <label
          >${this.tr("app.theme")}
          <select
            name="theme"
            @change=${(e: Event) => this.selectTheme((e.target as HTMLSelectElement).value)}
          >
            ${(["auto", "light", "dark"] as const).map(
              (th) =>
                html`<option value=${th} ?selected=${th === (this.theme ?? "auto")}>
                  ${this.tr(`app.theme.${th}`)}
                </option>`,
            )}
          </select>
        </label>
        ${this.renderBadge()}
        <span
          class="live"
          part="live"
          data-state=${this.liveState}
          data-status=${this.liveStatus}
          data-session-state=${current?.state ?? nothing}
          role="status"
        >
          <span class="dot"></span>${this.liveText(this.liveStatus)}
        </span>
      </header>
      <main>
        ${this.renderError()}
        ${
          this.loaded && this.sessions.length === 0 && !sessionless
            ? html`<p class="muted">${this.tr("app.no_session")}</p>`
            : this.renderPage()
        }
      </main>
    `;
  }

  /** Whether the overview shows every worker of the session. */
  private get allOnOverview(): boolean {
    return this.worker === ALL_WORKERS && this.page === "overview";
  }

  /** The counts the badge shows: the shown worker's, or every worker's added up; null: none yet. */
  private get badgeCounts(): Findings["counts"] | null {
    if (!this.allOnOverview) return this.findings.state.answer?.counts ?? null;
    const current = this.currentSession;
    return current === null ? null : this.allFindings.counts(current.session_id);
  }

  /** The diagnostics badge: the shown worker's warnings and errors; nothing while there is none. */
  private renderBadge(): TemplateResult | typeof nothing {
    const counts = this.badgeCounts;
    const severity = counts === null ? null : worstSeverity(counts);
    if (counts === null || severity === null || alertCount(counts) === 0) return nothing;
    const one = badgeLabel(this.language, counts);
    const label = this.allOnOverview
      ? tf(this.language, "findings.badge.all_workers", { label: one })
      : one;
    return html`<a
      part="findings-badge"
      class="badge sev-text"
      href=${this.pageHref("overview")}
      data-severity=${severity}
      data-count=${alertCount(counts)}
      aria-label=${label}
      title=${label}
      @click=${this.onBadge}
      >${severityIcon(severity)}${alertCount(counts)}</a
    >`;
  }

  /** The badge: the overview, scrolled to its findings list, which takes the focus. */
  private onBadge = (e: MouseEvent): void => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    if (this.page !== "overview") {
      this.page = "overview";
      this.writeUrl(true);
    }
    void this.updateComplete.then(() => {
      this.renderRoot.querySelector("train-overview")?.revealFindings();
    });
  };

  /** A finding's layer link: the model page on that layer (of the finding's worker). */
  private onLayerOpen = (e: CustomEvent<LayerOpenDetail>): void => {
    e.preventDefault();
    // the model page shows one worker: with every worker shown, the finding's (Back returns)
    if (this.worker === ALL_WORKERS) this.worker = e.detail.worker;
    this.layer = e.detail.layer;
    this.page = "model";
    this.writeUrl(true);
  };

  /** The worker in the selector: the chosen one, else the first (also for "*" off the overview). */
  private selectedWorker(workers: readonly string[]): string | undefined {
    if (this.worker === null || (this.worker === ALL_WORKERS && this.page !== "overview")) {
      return workers[0];
    }
    return this.worker;
  }

  private renderPage(): TemplateResult | typeof nothing {
    const session = this.session ?? nothing;
    const worker = this.worker ?? nothing;
    // The model and system pages show one worker: the first while every worker is chosen.
    const oneWorker = this.worker === null || this.worker === ALL_WORKERS ? nothing : this.worker;
    const theme = this.theme ?? nothing;
    const lang = this.language;
    switch (this.page) {
      case "projector":
        return html`<embedding-projector
          api-base=${this.apiBase}
          embedding=${this.embedding ?? nothing}
          menu
          lang=${lang}
          theme=${theme}
          @train-embedding-select=${(e: CustomEvent<{ embedding: string }>) => {
            this.embedding = e.detail.embedding;
            this.writeUrl(false);
          }}
        ></embedding-projector>`;
      case "model":
        return html`<train-model
          api-base=${this.apiBase}
          session=${session}
          worker=${oneWorker}
          lang=${lang}
          theme=${theme}
          layer=${this.layer ?? nothing}
          @train-layer-select=${(e: CustomEvent<{ layer: string }>) => {
            this.layer = e.detail.layer;
            this.writeUrl(false);
          }}
        ></train-model>`;
      case "system":
        return html`<train-system
          api-base=${this.apiBase}
          session=${session}
          worker=${oneWorker}
          lang=${lang}
          theme=${theme}
          @train-session-select=${(e: CustomEvent<{ session: string; worker: string }>) => {
            // A worker tab of the system page: the shell's selector and the address follow.
            this.session = e.detail.session;
            this.worker = e.detail.worker;
            this.writeUrl(false);
          }}
        ></train-system>`;
      default:
        return html`<train-overview
          api-base=${this.apiBase}
          session=${session}
          worker=${worker}
          lang=${lang}
          theme=${theme}
          @train-layer-open=${this.onLayerOpen}
        ></train-overview>`;
    }
  }

  private pageHref(page: Page): string {
    const q = new URLSearchParams();
    if (this.session !== null) q.set("session", this.session);
    if (this.worker !== null) q.set("worker", this.worker);
    if (page === "model" && this.layer !== null) q.set("layer", this.layer);
    if (page === "projector" && this.embedding !== null) q.set("embedding", this.embedding);
    // the charts' x axis (lib/chart-x-axis.ts) is page state too: kept across pages and reloads
    if (xAxisChoice.mode !== "iteration") q.set(X_AXIS_PARAM, xAxisChoice.mode);
    const qs = q.toString();
    return `${this.apiBase.replace(/\/+$/, "")}/train/${page}${qs === "" ? "" : `?${qs}`}`;
  }

  /**
   * The page this document's address names when it is one of the server's own pages: `/train/<page>`
   * under `api-base` when that is a path (a server's `--base-path`, which its pages pass as
   * `api-base`), else null (a portal's page, or an API on another origin).
   */
  private pageOfLocation(): Page | null {
    const base = this.apiBase.replace(/\/+$/, "");
    if (base !== "" && !base.startsWith("/")) return null;
    if (!location.pathname.startsWith(`${base}/train/`)) return null;
    const m = PAGE_PATH.exec(location.pathname.slice(base.length));
    return m === null ? null : (m[1] as Page);
  }

  /** Whether this document is one of the server's own pages (so the address can follow). */
  private get ownsUrl(): boolean {
    return this.pageOfLocation() !== null;
  }

  private writeUrl(push: boolean): void {
    if (!this.ownsUrl) return;
    const href = this.pageHref(this.page);
    if (push) history.pushState({ page: this.page }, "", href);
    else history.replaceState({ page: this.page }, "", href);
  }

  private onNavigate(e: MouseEvent, page: Page): void {
    if (!this.ownsUrl || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    if (page === this.page) return;
    this.page = page;
    this.writeUrl(true);
  }

  private onPopState = (): void => {
    if (!this.ownsUrl) return;
    const q = new URLSearchParams(location.search);
    this.page = this.pageOfLocation() ?? "overview";
    this.session = q.get("session");
    this.worker = q.get("worker");
    this.layer = q.get("layer");
    this.embedding = q.get("embedding");
  };

  private selectSession(session: string, worker: string | null): void {
    if (session === "") return;
    if (session !== this.session) this.layer = null;
    this.session = session;
    this.worker = worker;
    this.writeUrl(false);
    const shownWorker =
      worker ?? this.sessions.find((s) => s.session_id === session)?.workers[0] ?? "";
    this.dispatchEvent(
      new CustomEvent("train-session-select", {
        bubbles: true,
        composed: true,
        detail: { session, worker: shownWorker },
      }),
    );
  }

  private selectLang(code: string): void {
    this.lang = code;
    store(LANG_KEY, code);
    this.dispatchEvent(
      new CustomEvent("train-lang-change", {
        bubbles: true,
        composed: true,
        detail: { lang: code },
      }),
    );
  }

  private selectTheme(theme: string): void {
    this.theme = theme;
    store(THEME_KEY, theme);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "train-app": TrainApp;
  }
}

define("train-app", TrainApp);
