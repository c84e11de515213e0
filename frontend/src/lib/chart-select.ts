/**
 * Dragging out an x-range on a `<train-line-chart>` (attribute `selectable`). uPlot draws the
 * selection box; {@link RangeSelection} keeps the range in data coordinates so it survives
 * redraws, and tells a click from a drag: a click (press and release closer than
 * {@link CLICK_SLOP_PX}) clears the range.
 */
import type uPlot from "uplot";

import { CLICK_SLOP_PX } from "./chart-options.js";

/** `detail` of `train-range-select`: the dragged x-range, or null when it is cleared. */
export type RangeSelectDetail = { x0: number; x1: number } | null;

/** The parts of a uPlot instance a selection reads and moves. */
export type SelectTarget = Pick<uPlot, "select" | "setSelect" | "posToVal" | "valToPos"> & {
  readonly over: Pick<HTMLElement, "clientHeight">;
};

/**
 * The selected x-range of one chart, and the clicks that clear it. Each change is told to the page
 * as a `train-range-select` event from the chart (bubbling, composed).
 */
export class RangeSelection {
  private readonly host: EventTarget;
  private readonly enabled: () => boolean;
  private range: [number, number] | null = null;
  private downAt: { x: number; y: number } | null = null;

  /**
   * @param host The chart, which fires `train-range-select`.
   * @param enabled Whether selecting is on now (the chart's `selectable`).
   */
  constructor(host: EventTarget, enabled: () => boolean) {
    this.host = host;
    this.enabled = enabled;
  }

  /** The selected range [x0, x1] in iterations, or null. */
  get current(): readonly [number, number] | null {
    return this.range;
  }

  /**
   * Listens for clicks on the plot (from uPlot's `init` hook).
   *
   * @param over The plot's `over` element, where uPlot takes the mouse.
   * @param plot The plot whose selection box a click clears.
   */
  listen(over: EventTarget, plot: SelectTarget): void {
    over.addEventListener("mousedown", (e) => {
      const m = e as MouseEvent;
      this.downAt = { x: m.clientX, y: m.clientY };
    });
    over.addEventListener("click", (e) => {
      const m = e as MouseEvent;
      const down = this.downAt;
      this.downAt = null;
      if (!this.enabled() || down === null) return;
      const moved = Math.hypot(m.clientX - down.x, m.clientY - down.y);
      if (moved < CLICK_SLOP_PX) this.clear(plot);
    });
  }

  /** Takes the range uPlot's box now covers (its `setSelect` hook); a box under 1 px is none. */
  onSelect(u: SelectTarget): void {
    if (!this.enabled()) return;
    const { left, width } = u.select;
    if (!(width >= 1)) return;
    const x0 = u.posToVal(left, "x");
    const x1 = u.posToVal(left + width, "x");
    this.range = [x0, x1];
    this.fire({ x0, x1 });
  }

  /** Clears the range and its box (when there is a plot) and tells the page. */
  clear(u: SelectTarget | null): void {
    this.range = null;
    u?.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
    this.fire(null);
  }

  /** Puts the box back over the range after a draw (the x-scale may have moved). */
  restore(u: SelectTarget): void {
    if (this.range === null) return;
    const [x0, x1] = this.range;
    const l = u.valToPos(x0, "x");
    const r = u.valToPos(x1, "x");
    u.setSelect({ left: l, top: 0, width: Math.max(0, r - l), height: u.over.clientHeight }, false);
  }

  private fire(detail: RangeSelectDetail): void {
    this.host.dispatchEvent(
      new CustomEvent<RangeSelectDetail>("train-range-select", {
        bubbles: true,
        composed: true,
        detail,
      }),
    );
  }
}
