/**
 * `<train-findings>`: the diagnostics' findings of one worker (`GET /api/v1/findings`), the
 * seed's debugging guide applied to its reports (docs/diagnostics.md, docs/findings-ui.md).
 *
 * Worst first; each finding shows its severity as an icon and a word (never colour alone), its
 * message, its iterations (`first_iteration–last_iteration`, and the report that flagged it),
 * the layer it concerns as a link to the model page on that layer, its parameter (unless it is
 * the layer itself, as for activations), its advice (collapsed: `<details>`) and its evidence as
 * a key/value table (non-finite values as the server writes them: `NaN`, `Infinity`). No
 * finding: "No findings". The messages and advice come from the server in the element's
 * language; a language change asks again.
 *
 * With `layer` set (the model page sets it to the selected layer) it shows only the findings
 * about that layer: those whose `layer` is it, or whose `parameter` is one of its own
 * (`inp.weight` for `inp`); none: "No findings for this layer". The request is the same, so
 * the filtered list shares the answer of the badge and of any other list.
 *
 * It reads again when the live stream announces a report of its worker, at most once a second
 * (findings-source.ts, shared with the shell's badge and the score chart's markers).
 *
 * Attributes: `api-base`, `session`, `worker` (`*` shows the first worker), `lang`, `theme`,
 * as the page elements (docs/web-components.md), `layer` (a layer's name: only its findings) and
 * `heading-level` (`2`, or `3` for a list under a heading of the page: the all-workers overview
 * lists each worker's findings so, its name in the `heading` slot).
 *
 * @slot heading - the heading's text instead of "Diagnostics" (the all-workers overview: the
 *   worker's colour and name) *
 * @fires train-layer-open - the user followed a finding's layer link; detail {session, worker,
 *   layer}. Cancelable: `<train-app>` cancels it and shows its model page on that layer, and
 *   without a listener that cancels it the link opens the server's model page.
 * @fires train-findings-change - an answer arrived, or `layer` changed; detail {session, worker,
 *   counts} (the counts of the findings shown)
 * @fires train-error - a request failed; detail {status, code, message}
 * @csspart list - the list of findings
 * @csspart finding - one finding (`data-rule`, `data-severity`, `data-category`, `data-first`,
 *   `data-layer`, `data-parameter`)
 * @csspart severity - a finding's icon and severity word
 * @csspart advice - a finding's advice (a `<details>`)
 * @csspart evidence - a finding's evidence table
 * @csspart empty - the "No findings" (or "No findings for this layer") line
 * @csspart error - the error banner
 */
import { css, html, nothing, svg, type PropertyValues, type TemplateResult } from "lit";

import type { ApiError } from "./api.js";
import type { Finding, FindingSeverity, Findings } from "./api-types.js";
import { BlockElement } from "./block-element.js";
import { define } from "./define.js";
import { FindingsController } from "./findings-source.js";
import { tf } from "./i18n/findings.js";
import { browserLang, resolveLang, type Lang } from "./i18n/index.js";
import {
  countFindings,
  evidenceRows,
  findingsOfLayer,
  iterationSpan,
  modelHref,
  sortFindings,
} from "./lib/findings.js";
import { isolate } from "./lib/format.js";
import { ALL_WORKERS } from "./lib/workers.js";
import type { TrainErrorDetail } from "./page-element.js";
import { blockThemeStyles } from "./theme.js";

/** `detail` of `train-layer-open`. */
export interface LayerOpenDetail {
  session: string;
  worker: string;
  layer: string;
}

/** `detail` of `train-findings-change`. */
export interface FindingsChangeDetail {
  session: string;
  worker: string;
  /** of the findings shown (those of `layer` when it is set) */
  counts: Findings["counts"];
}

/** The shape of each severity's icon (16 x 16), and the glyph cut into it. */
const ICONS: Readonly<Record<FindingSeverity, readonly [string, string]>> = {
  error: ["M5 1h6l4 4v6l-4 4H5l-4-4V5z", "M5.5 5.5l5 5m0-5l-5 5"],
  warning: ["M8 1l7.5 14H.5z", "M8 6v4.5m0 1.5v1.5"],
  info: ["M8 .5a7.5 7.5 0 1 1 0 15a7.5 7.5 0 1 1 0-15z", "M8 7v5m0-8v1.5"],
};

/** A severity's icon (`aria-hidden`: the word beside it names the severity). */
export function severityIcon(severity: FindingSeverity): TemplateResult {
  const [shape, glyph] = ICONS[severity];
  return html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true">
    ${svg`<path d=${shape}></path><path class="glyph" d=${glyph}></path>`}
  </svg>`;
}

/** The icons' look, and the severities' colours (`--train-nonfinite` for errors). */
export const severityStyles = css`
  [data-severity="error"] {
    --_sev: var(--_nonfinite);
  }
  [data-severity="warning"] {
    --_sev: var(--_series-2);
  }
  [data-severity="info"] {
    --_sev: var(--_accent);
  }
  /* text in a severity's colour, moved towards the text colour: 4.5:1 on either theme */
  .sev-text {
    color: color-mix(in srgb, var(--_sev) 80%, var(--_fg));
  }
  .icon {
    width: 1em;
    height: 1em;
    flex: none;
    vertical-align: -0.125em;
  }
  .icon path {
    fill: var(--_sev, currentColor);
  }
  .icon path.glyph {
    fill: none;
    stroke: var(--_bg);
    stroke-width: 2;
    stroke-linecap: round;
  }
`;

declare global {
  interface HTMLElementEventMap {
    "train-layer-open": CustomEvent<LayerOpenDetail>;
    "train-findings-change": CustomEvent<FindingsChangeDetail>;
  }
}

/** `<train-findings>`: see the module documentation. */
export class TrainFindings extends BlockElement {
  static override properties = {
    ...BlockElement.properties,
    apiBase: { attribute: "api-base" },
    session: {},
    worker: {},
    layer: {},
    headingLevel: { attribute: "heading-level", type: Number },
  };

  /** Origin (and prefix) of the fitscope server; "" is this page's origin. */
  declare apiBase: string;
  /** Session id; null shows the newest session. */
  declare session: string | null;
  /** Worker id; null (or `*`) shows the session's first worker. */
  declare worker: string | null;
  /** A layer's name: only the findings about it are shown; null shows every finding. */
  declare layer: string | null;
  /** The heading's level: 2, or 3 under a heading of the page. */
  declare headingLevel: number;

  static override styles = [
    ...blockThemeStyles,
    severityStyles,
    css`
      h2:focus,
      h3:focus {
        outline: none;
      }
      h2:focus-visible,
      h3:focus-visible {
        outline: 2px solid var(--_accent);
      }
      h3 {
        font-size: 0.9375rem;
        font-weight: 600;
        margin: 0 0 0.25rem;
      }
      .list {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .list > li {
        padding: 0.5rem 0;
        border-top: 1px solid var(--_border);
      }
      .head {
        display: flex;
        gap: 0.5rem;
        align-items: baseline;
        margin: 0;
      }
      .severity {
        display: inline-flex;
        align-items: center;
        gap: 0.25rem;
        flex: none;
        font-weight: 600;
      }
      .meta,
      .hint {
        font-size: 0.8125rem;
        margin: 0.25rem 0 0;
      }
      a {
        color: var(--_accent);
      }
      details {
        font-size: 0.875rem;
        margin-top: 0.25rem;
      }
      summary {
        cursor: pointer;
        color: var(--_muted);
      }
      details p {
        margin: 0.25rem 0 0;
      }
      table.data {
        width: auto;
        margin-top: 0.25rem;
      }
      table.data th,
      table.data td {
        text-align: left;
      }
      table.data th {
        color: var(--_muted);
        font-weight: 500;
      }
      caption {
        text-align: left;
        color: var(--_muted);
        font-size: 0.75rem;
      }
    `,
  ];

  private readonly source = new FindingsController(this);
  /** The answer and layer last announced by `train-findings-change`. */
  private announced: { answer: Findings; layer: string | null } | null = null;
  /** The shown findings of `answer` for `layer` (filtered once per answer and layer). */
  private shown: { answer: Findings; layer: string | null; findings: Finding[] } | null = null;
  private reported: ApiError | null = null;

  constructor() {
    super();
    this.apiBase = "";
    this.session = null;
    this.worker = null;
    this.layer = null;
    this.headingLevel = 2;
  }

  /** The language (`lang`; "" follows the browser, as the page elements do). */
  protected override get language(): Lang {
    return this.lang ? resolveLang(this.lang) : browserLang();
  }

  /** The answer on screen (null before the first one); with `layer` set, all of it still. */
  get findings(): Findings | null {
    return this.source.state.answer;
  }

  /** `layer`, null when absent or empty (every finding). */
  private get filter(): string | null {
    return this.layer === "" ? null : this.layer;
  }

  /** The findings of `a` shown: those of `layer` when it is set, worst first. */
  private shownOf(a: Findings): Finding[] {
    const layer = this.filter;
    const s = this.shown;
    if (s !== null && s.answer === a && s.layer === layer) return s.findings;
    const findings = sortFindings(findingsOfLayer(a.findings, layer));
    this.shown = { answer: a, layer, findings };
    return findings;
  }

  /** Scrolls the list into view and moves the focus to its heading. */
  async reveal(): Promise<void> {
    await this.updateComplete;
    this.scrollIntoView({ block: "start" });
    this.renderRoot.querySelector<HTMLElement>("h2, h3")?.focus({ preventScroll: true });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.source.watch({
      apiBase: this.apiBase,
      session: this.session,
      worker: this.worker === ALL_WORKERS ? null : this.worker,
      lang: this.language,
    });
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const { answer, error } = this.source.state;
    const layer = this.filter;
    const last = this.announced;
    if (answer !== null && (last === null || last.answer !== answer || last.layer !== layer)) {
      this.announced = { answer, layer };
      const shown = this.shownOf(answer);
      this.setAttribute("data-count", String(shown.length));
      this.emit("train-findings-change", {
        session: answer.session_id,
        worker: answer.worker_id,
        counts: layer === null ? answer.counts : countFindings(shown),
      } satisfies FindingsChangeDetail);
    }
    if (error !== null && error !== this.reported) {
      this.reported = error;
      this.emit("train-error", {
        status: error.status,
        code: error.code,
        message: error.message,
      } satisfies TrainErrorDetail);
    }
  }

  /** Dispatches a bubbling, composed event; false when a listener cancelled it. */
  private emit(type: keyof HTMLElementEventMap, detail: unknown, cancelable = false): boolean {
    return this.dispatchEvent(
      new CustomEvent(type, { bubbles: true, composed: true, cancelable, detail }),
    );
  }

  private openLayer(e: MouseEvent, a: Findings, layer: string): void {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const detail: LayerOpenDetail = { session: a.session_id, worker: a.worker_id, layer };
    if (!this.emit("train-layer-open", detail, true)) e.preventDefault();
  }

  override render(): TemplateResult {
    const lang = this.language;
    const { answer, error } = this.source.state;
    const title = html`<slot name="heading">${tf(lang, "findings.title")}</slot>`;
    return html`
      ${
        this.headingLevel === 3
          ? html`<h3 tabindex="-1">${title}</h3>`
          : html`<h2 tabindex="-1">${title}</h2>`
      }
      ${
        error === null
          ? nothing
          : html`<p part="error" class="error" role="alert">
              ${tf(lang, "findings.error", { message: error.message })}
            </p>`
      }
      ${
        answer === null
          ? error === null
            ? html`<p class="muted" aria-busy="true">${tf(lang, "findings.loading")}</p>`
            : nothing
          : this.renderAnswer(lang, answer)
      }
    `;
  }

  private renderAnswer(lang: Lang, a: Findings): TemplateResult {
    const checked = html`<p class="muted hint">
      ${tf(lang, "findings.checked", { count: a.reports_seen })}
    </p>`;
    const shown = this.shownOf(a);
    const whole = this.filter === null;
    if (shown.length === 0) {
      return html`<p part="empty" class="empty">
          ${tf(lang, whole ? "findings.none" : "findings.none_layer")}
        </p>
        ${checked}`;
    }
    return html`<p class="muted hint">
        ${tf(lang, "findings.counts", whole ? a.counts : countFindings(shown))}
      </p>
      <ol part="list" class="list">
        ${shown.map((f) => this.renderFinding(lang, a, f))}
      </ol>
      ${checked}`;
  }

  private renderFinding(lang: Lang, a: Findings, f: Finding): TemplateResult {
    const { layer, parameter } = f;
    const rows = evidenceRows(f.evidence);
    return html`<li
      part="finding"
      data-rule=${f.rule}
      data-severity=${f.severity}
      data-category=${f.category}
      data-first=${f.first_iteration}
      data-layer=${layer ?? nothing}
      data-parameter=${parameter ?? nothing}
    >
      <p class="head">
        <span part="severity" class="severity sev-text"
          >${severityIcon(f.severity)}${tf(lang, `findings.severity.${f.severity}`)}</span
        >
        <bdi class="message">${f.message}</bdi>
      </p>
      <p class="meta muted">
        <span class="iterations">${iterationSpan(lang, f)}</span>,
        ${tf(lang, "findings.noticed", { iteration: f.noticed_iteration })}
        ${
          layer === null
            ? nothing
            : layer === this.filter
              ? // the page shows this layer already (the model page): its name, not a link
                html`· ${tf(lang, "findings.layer")} <bdi class="layer">${layer}</bdi>`
              : html`· ${tf(lang, "findings.layer")}
                  <a
                    class="layer"
                    href=${modelHref(this.apiBase, a.session_id, a.worker_id, layer)}
                    aria-label=${tf(lang, "findings.open_layer", { layer: isolate(layer) })}
                    title=${tf(lang, "findings.open_layer", { layer: isolate(layer) })}
                    @click=${(e: MouseEvent) => this.openLayer(e, a, layer)}
                    ><bdi>${layer}</bdi></a
                  >`
        }
        ${
          parameter === null || parameter === layer
            ? nothing
            : html`· ${tf(lang, "findings.parameter")} <bdi class="parameter">${parameter}</bdi>`
        }
      </p>
      <details part="advice">
        <summary>${tf(lang, "findings.advice")}</summary>
        <p>${f.advice}</p>
      </details>
      ${
        rows.length === 0
          ? nothing
          : html`<table part="evidence" class="data evidence">
              <caption>
                ${tf(lang, "findings.evidence")}
              </caption>
              <tbody>
                ${rows.map(
                  ([k, v]) =>
                    html`<tr data-key=${k}>
                      <th scope="row">${k}</th>
                      <td>${v}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "train-findings": TrainFindings;
  }
}

define("train-findings", TrainFindings);
