/**
 * The tools in a line chart's toolbar (docs/charts.md): the page's x-axis menu, the smoothing
 * slider and the CSV / JSON downloads. Templates only: `<train-line-chart>` keeps the state.
 */
import { html, nothing, type TemplateResult } from "lit";

import { tc } from "./i18n/charts.js";
import type { Lang } from "./i18n/index.js";
import { X_AXIS_MODES, type XAxisMode } from "./lib/chart-x-axis.js";

/** What the toolbar shows and where its changes go. */
export interface ChartToolsInput {
  lang: Lang;
  /** the page's choice */
  xMode: XAxisMode;
  /** whether the chart's series carry wall times (else only Iteration can be chosen) */
  hasTimes: boolean;
  /** the slider's weight, 0 (off) to 0.99; null: nothing to smooth, no slider */
  smoothing: number | null;
  /** whether a download is being prepared (the buttons wait) */
  busy: boolean;
  onXMode: (mode: XAxisMode) => void;
  onSmoothing: (weight: number) => void;
  onDownload: (format: "csv" | "json") => void;
}

const X_LABEL = {
  iteration: "charts.x.iteration",
  wall: "charts.x.wall",
  relative: "charts.x.relative",
} as const;

/** The x-axis menu, the smoothing slider and the download buttons. */
export function chartTools(input: ChartToolsInput): TemplateResult {
  const { lang } = input;
  const noTimes = tc(lang, "charts.x.no_times");
  return html`<label class="tool" part="x-axis"
      >${tc(lang, "charts.x_axis")}
      <select
        name="x-axis"
        @change=${(e: Event) => input.onXMode((e.target as HTMLSelectElement).value as XAxisMode)}
      >
        ${X_AXIS_MODES.map(
          (m) =>
            html`<option
              value=${m}
              ?selected=${m === input.xMode}
              ?disabled=${m !== "iteration" && !input.hasTimes}
              title=${m !== "iteration" && !input.hasTimes ? noTimes : nothing}
            >
              ${tc(lang, X_LABEL[m])}
            </option>`,
        )}
      </select></label
    >${
      input.smoothing === null
        ? nothing
        : html`<label class="tool" part="smoothing"
            >${tc(lang, "charts.smoothing")}
            <input
              type="range"
              name="smoothing"
              min="0"
              max="0.99"
              step="0.01"
              .value=${String(input.smoothing)}
              aria-valuetext=${input.smoothing.toFixed(2)}
              @input=${(e: Event) => input.onSmoothing(Number((e.target as HTMLInputElement).value))}
            /><output>${input.smoothing.toFixed(2)}</output></label
          >`
    }<span class="tool" part="download" role="group" aria-label=${tc(lang, "charts.download")}
      >${(["csv", "json"] as const).map(
        (f) =>
          html`<button
            type="button"
            data-download=${f}
            aria-label=${tc(lang, f === "csv" ? "charts.download.csv" : "charts.download.json")}
            title=${tc(lang, f === "csv" ? "charts.download.csv" : "charts.download.json")}
            ?disabled=${input.busy}
            @click=${() => input.onDownload(f)}
          >
            ${f.toUpperCase()}
          </button>`,
      )}</span
    >`;
}
