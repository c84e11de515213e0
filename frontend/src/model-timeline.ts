/**
 * The model page's histogram timeline row: the slider over the report iterations
 * (`<train-iteration-slider>`), the button back to the latest report, and a line saying what
 * the histograms below show (live, or an earlier iteration), with a failed request's error.
 */
import { css, html, nothing, type TemplateResult } from "lit";

import type { ApiError } from "./api.js";
import { t, type Lang } from "./i18n/index.js";
import { formatInteger } from "./lib/format.js";
import type { IterationInputDetail, IterationStepDetail } from "./train-iteration-slider.js";
import "./train-iteration-slider.js";

/** What the row shows. */
export interface TimelineState {
  /** the report iterations, ascending; the last is the latest report */
  stops: readonly number[];
  /** the slider's iteration before the latest report; null: the latest, followed live */
  pinned: number | null;
  /** a failed histogram request, or null */
  error: ApiError | null;
}

/** What the row's controls do. */
export interface TimelineHandlers {
  input: (e: CustomEvent<IterationInputDetail>) => void;
  step: (e: CustomEvent<IterationStepDetail>) => void;
  latest: () => void;
}

/** Styles of the row, for the page's shadow root. */
export const timelineStyles = css`
  .timeline {
    display: grid;
    gap: 0.35rem;
    margin: 0.25rem 0 0.75rem;
  }
  .timeline-status {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    font-size: 0.8125rem;
  }
`;

/**
 * The row (`data-timeline`, `data-live`), or nothing for fewer than two reports. The button
 * (`data-action="latest"`) is disabled while the latest is shown.
 */
export function timelineTemplate(
  lang: Lang,
  state: TimelineState,
  on: TimelineHandlers,
): TemplateResult | typeof nothing {
  const last = state.stops.at(-1);
  if (last === undefined || state.stops.length < 2) return nothing;
  const live = state.pinned === null;
  return html`<div class="timeline" data-timeline data-live=${String(live)}>
    <train-iteration-slider
      label=${t(lang, "model.histograms.slider")}
      lang=${lang}
      .stops=${state.stops}
      .value=${state.pinned ?? last}
      ?live=${live}
      @train-iteration-input=${on.input}
      @train-iteration-step=${on.step}
    ></train-iteration-slider>
    <div class="timeline-status">
      <button type="button" data-action="latest" ?disabled=${live} @click=${on.latest}>
        ${t(lang, "model.histograms.latest")}
      </button>
      <span class="muted" aria-live="polite"
        >${
          state.pinned === null
            ? t(lang, "model.histograms.live")
            : t(lang, "model.histograms.pinned", { iteration: formatInteger(state.pinned) })
        }</span
      >
      ${
        state.error === null
          ? nothing
          : html`<span class="error" role="alert"
              >${t(lang, "app.error", { message: state.error.message })}</span
            >`
      }
    </div>
  </div>`;
}
