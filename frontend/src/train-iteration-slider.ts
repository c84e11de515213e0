/**
 * `<train-iteration-slider>`: picks one of a run's report iterations (the model page's
 * histograms over time). A track with a thumb that is an ARIA slider (`role="slider"`, labelled,
 * with `aria-valuenow`, `aria-valuemin`, `aria-valuemax` and `aria-valuetext`); dragging or
 * clicking the track lands on the nearest stop, the keys ask the page to move (see events).
 */
import { css, html } from "lit";

import { BlockElement } from "./block-element.js";
import { define } from "./define.js";
import { t } from "./i18n/index.js";
import { formatInteger } from "./lib/format.js";
import { nearestStop, pageStop, sliderKeyAction } from "./lib/hist-timeline.js";
import { blockThemeStyles } from "./theme.js";

/** `train-iteration-input`'s detail: the iteration chosen, and whether the gesture ended. */
export interface IterationInputDetail {
  iteration: number;
  /** false while a drag goes on (the page may wait before fetching), true once it ended */
  final: boolean;
}

/** `train-iteration-step`'s detail: ←/↓ (-1) or →/↑ (1). */
export interface IterationStepDetail {
  direction: -1 | 1;
}

declare global {
  interface HTMLElementEventMap {
    "train-iteration-input": CustomEvent<IterationInputDetail>;
    "train-iteration-step": CustomEvent<IterationStepDetail>;
  }
}

/**
 * A slider over report iterations.
 *
 * `stops` are the iterations it can land on (ascending); `min` and `max` its ends (default: the
 * first and last stop); `value` where the thumb is; `live` marks `value` as the latest ("(latest)"
 * in its value text). It does not move itself on a key: the page asks the server where the
 * previous or next stored histogram is, then sets `value`.
 *
 * Keys on the focused thumb: ←/↓ and →/↑ fire `train-iteration-step`; Home, End, PageDown and
 * PageUp fire `train-iteration-input` with the first stop, the last, or a tenth of the stops
 * back or on.
 *
 * Test hooks: `data-value` (the thumb's iteration), `data-live`.
 *
 * @fires train-iteration-input - {iteration, final}: a drag or click on the track (final at its
 *   end), Home, End, PageUp, PageDown
 * @fires train-iteration-step - {direction}: an arrow key
 * @csspart track - the track the thumb moves along
 * @csspart thumb - the thumb (`role="slider"`)
 * @cssprop --train-accent - the filled part, the thumb and its focus ring
 */
export class TrainIterationSlider extends BlockElement {
  static override properties = {
    ...BlockElement.properties,
    stops: { attribute: false },
    min: { type: Number },
    max: { type: Number },
    value: { type: Number },
    live: { type: Boolean },
  };

  static override styles = [
    ...blockThemeStyles,
    css`
      :host {
        display: block;
        font-size: 0.8125rem;
      }
      .row {
        display: flex;
        gap: 0.5rem;
        justify-content: space-between;
        align-items: baseline;
        margin-bottom: 0.25rem;
      }
      .label {
        font-weight: 600;
      }
      .value {
        font-variant-numeric: tabular-nums;
      }
      .track {
        position: relative;
        height: 1.5rem;
        cursor: pointer;
        touch-action: none;
        user-select: none;
      }
      .rail,
      .fill {
        position: absolute;
        top: calc(50% - 2px);
        height: 4px;
        border-radius: 2px;
        left: 0;
      }
      .rail {
        right: 0;
        background: var(--_border);
      }
      .fill {
        background: var(--_accent);
      }
      .thumb {
        position: absolute;
        top: 50%;
        width: 1rem;
        height: 1rem;
        margin: -0.5rem 0 0 -0.5rem;
        border-radius: 50%;
        background: var(--_accent);
        border: 2px solid var(--_bg);
        box-sizing: border-box;
      }
      .thumb:focus-visible {
        outline: 2px solid var(--_accent);
        outline-offset: 2px;
      }
      .ends {
        display: flex;
        justify-content: space-between;
        color: var(--_muted);
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  /** The iterations the thumb can land on, ascending. */
  declare stops: readonly number[];
  /** The left end (default: the first stop). */
  declare min: number | undefined;
  /** The right end (default: the last stop). */
  declare max: number | undefined;
  /** Where the thumb is. */
  declare value: number;
  /** `value` is the latest iteration, followed live. */
  declare live: boolean;

  private dragging = false;

  constructor() {
    super();
    this.stops = [];
    this.min = undefined;
    this.max = undefined;
    this.value = 0;
    this.live = false;
  }

  private get lo(): number {
    return this.min ?? this.stops[0] ?? 0;
  }

  private get hi(): number {
    return this.max ?? this.stops[this.stops.length - 1] ?? this.lo;
  }

  /** The thumb's position along the track, 0..100 %. */
  private percent(v: number): number {
    const span = this.hi - this.lo;
    return span > 0 ? Math.min(100, Math.max(0, (100 * (v - this.lo)) / span)) : 100;
  }

  private valueText(): string {
    const iteration = formatInteger(this.value);
    return t(
      this.language,
      this.live ? "model.histograms.iteration_latest" : "model.histograms.iteration",
      { iteration },
    );
  }

  private emitInput(iteration: number, final: boolean): void {
    this.value = iteration;
    this.dispatchEvent(
      new CustomEvent<IterationInputDetail>("train-iteration-input", {
        bubbles: true,
        composed: true,
        detail: { iteration, final },
      }),
    );
  }

  /** The stop under a pointer at `clientX` on the track. */
  private stopAt(track: HTMLElement, clientX: number): number {
    const box = track.getBoundingClientRect();
    const frac = box.width > 0 ? (clientX - box.left) / box.width : 1;
    const v = this.lo + Math.min(1, Math.max(0, frac)) * (this.hi - this.lo);
    return nearestStop(this.stops, Math.round(v));
  }

  private onPointerDown(e: PointerEvent): void {
    if (e.button !== 0) return;
    const track = e.currentTarget as HTMLElement;
    track.setPointerCapture(e.pointerId);
    this.dragging = true;
    this.renderRoot.querySelector<HTMLElement>('[role="slider"]')?.focus();
    e.preventDefault();
    this.emitInput(this.stopAt(track, e.clientX), false);
  }

  private onPointerMove(e: PointerEvent): void {
    if (!this.dragging) return;
    const v = this.stopAt(e.currentTarget as HTMLElement, e.clientX);
    if (v !== this.value) this.emitInput(v, false);
  }

  private onPointerUp(e: PointerEvent): void {
    if (!this.dragging) return;
    this.dragging = false;
    this.emitInput(this.stopAt(e.currentTarget as HTMLElement, e.clientX), true);
  }

  private onKeyDown(e: KeyboardEvent): void {
    const action = sliderKeyAction(e.key);
    if (action === null) return;
    e.preventDefault();
    if (action.kind === "step") {
      this.dispatchEvent(
        new CustomEvent<IterationStepDetail>("train-iteration-step", {
          bubbles: true,
          composed: true,
          detail: { direction: action.direction },
        }),
      );
    } else if (action.kind === "jump") {
      this.emitInput(action.to === "first" ? this.lo : this.hi, true);
    } else {
      this.emitInput(pageStop(this.stops, this.value, action.direction), true);
    }
  }

  protected override updated(): void {
    this.dataset.value = String(this.value);
    this.dataset.live = String(this.live);
  }

  protected override render() {
    const at = this.percent(this.value);
    const text = this.valueText();
    return html`
      <div class="row">
        <span class="label" id="label">${this.label}</span>
        <span class="value" aria-hidden="true">${text}</span>
      </div>
      <div
        part="track"
        class="track"
        @pointerdown=${(e: PointerEvent) => this.onPointerDown(e)}
        @pointermove=${(e: PointerEvent) => this.onPointerMove(e)}
        @pointerup=${(e: PointerEvent) => this.onPointerUp(e)}
        @pointercancel=${(e: PointerEvent) => this.onPointerUp(e)}
      >
        <div class="rail"></div>
        <div class="fill" style="width: ${at}%"></div>
        <div
          part="thumb"
          class="thumb"
          role="slider"
          tabindex="0"
          aria-labelledby="label"
          aria-orientation="horizontal"
          aria-valuemin=${this.lo}
          aria-valuemax=${this.hi}
          aria-valuenow=${this.value}
          aria-valuetext=${text}
          style="left: ${at}%"
          @keydown=${(e: KeyboardEvent) => this.onKeyDown(e)}
        ></div>
      </div>
      <div class="ends" aria-hidden="true">
        <span>${formatInteger(this.lo)}</span><span>${formatInteger(this.hi)}</span>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "train-iteration-slider": TrainIterationSlider;
  }
}

define("train-iteration-slider", TrainIterationSlider);
