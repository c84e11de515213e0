/**
 * The markers of `<train-line-chart>`: DOM elements over the plot rather than canvas drawings,
 * so a screen reader can read them and a test can find them. Two kinds: NaN / ±Inf values
 * (`part="nonfinite"`, `data-kind`, a `title` naming the series, the value and the iteration)
 * and the diagnostics' findings (`part="finding"`, `data-severity`, a `title` naming the
 * finding).
 */
import type uPlot from "uplot";

import { t, type Lang } from "../i18n/index.js";
import { seriesToken } from "../theme.js";
import type { FindingMark } from "./findings.js";
import type { NonFiniteKind, NonFiniteMarker } from "./series.js";

/** How a non-finite value reads: "NaN", "+Inf" or "-Inf" (in `lang`). */
export function nonFiniteLabel(lang: Lang, kind: NonFiniteKind): string {
  return t(lang, kind === "nan" ? "chart.nan" : kind === "inf" ? "chart.posinf" : "chart.neginf");
}

/**
 * The title of a marker, e.g. "Score: NaN at iteration 300".
 *
 * @param lang The language.
 * @param seriesLabel The series' label; "" leaves the "Label: " prefix out.
 * @param kind Which non-finite value.
 * @param iteration Where it is.
 */
export function markerTitle(
  lang: Lang,
  seriesLabel: string,
  kind: NonFiniteKind,
  iteration: number,
): string {
  const what = t(lang, "chart.nonfinite_at", {
    value: nonFiniteLabel(lang, kind),
    iteration,
  });
  return seriesLabel === "" ? what : `${seriesLabel}: ${what}`;
}

/**
 * A layer of marker elements inside a plot's `over` element. Its elements are made for one set
 * of markers and moved on each draw; the stylesheet places them.
 *
 * @param className The layer's class (`markers`, `finding-marks`).
 * @param decorate Sets a marker element's class, part and data attributes.
 * @param shown Whether a marker is drawn now (beside being inside the x-range).
 */
export class MarkerLayer<M extends { readonly x: number }> {
  private layer: HTMLDivElement | null = null;
  private els: HTMLElement[] = [];

  constructor(
    private readonly className: string,
    private readonly decorate: (el: HTMLElement, m: M) => void,
    private readonly shown: (u: uPlot, m: M) => boolean = () => true,
  ) {}

  /**
   * Makes one element per marker (the layer too, on first use) and positions them.
   *
   * @param u The plot.
   * @param markers The markers.
   * @param titleOf The title (and accessible name) of a marker.
   */
  build(u: uPlot, markers: readonly M[], titleOf: (m: M) => string): void {
    if (this.layer === null) {
      this.layer = document.createElement("div");
      this.layer.className = this.className;
      u.over.appendChild(this.layer);
    }
    const els: HTMLElement[] = [];
    for (const m of markers) {
      const el = document.createElement("span");
      this.decorate(el, m);
      el.dataset.x = String(m.x);
      const title = titleOf(m);
      el.title = title;
      el.setAttribute("role", "img");
      el.setAttribute("aria-label", title);
      els.push(el);
    }
    this.layer.replaceChildren(...els);
    this.els = els;
    this.position(u, markers, titleOf);
  }

  /**
   * Moves the markers to their x (after a draw), hiding those `shown` rejects and those outside
   * the x-range. When the markers no longer match the elements (the data changed through
   * `setData`), the elements are made again.
   */
  position(u: uPlot, markers: readonly M[], titleOf: (m: M) => string): void {
    if (this.els.length !== markers.length) {
      if (this.layer !== null) this.build(u, markers, titleOf);
      return;
    }
    const xMin = u.scales.x?.min ?? -Infinity;
    const xMax = u.scales.x?.max ?? Infinity;
    markers.forEach((m, i) => {
      const el = this.els[i];
      if (el === undefined) return;
      if (!this.shown(u, m) || m.x < xMin || m.x > xMax) {
        el.hidden = true;
        return;
      }
      el.hidden = false;
      el.style.left = `${u.valToPos(m.x, "x")}px`;
    });
  }

  /** Forgets the elements (their plot was destroyed, and they with it). */
  reset(): void {
    this.layer = null;
    this.els = [];
  }
}

/** The NaN / ±Inf markers' layer: hidden with their series. */
export function nonFiniteLayer(): MarkerLayer<NonFiniteMarker> {
  return new MarkerLayer<NonFiniteMarker>(
    "markers",
    (el, m) => {
      el.className = "marker";
      el.setAttribute("part", "nonfinite");
      el.dataset.kind = m.kind;
      el.dataset.series = String(m.seriesIndex);
    },
    (u, m) => u.series[m.seriesIndex + 1]?.show !== false,
  );
}

/**
 * The findings' markers' layer: a line across the plot at each finding's first iteration, in its
 * severity's colour; a worker's (the all-workers chart) has `data-worker` and its line in the
 * worker's colour (the diamond at its foot keeps the severity's).
 */
export function findingLayer(): MarkerLayer<FindingMark> {
  return new MarkerLayer<FindingMark>("finding-marks", (el, m) => {
    el.className = "finding";
    el.setAttribute("part", "finding");
    el.dataset.severity = m.severity;
    if (m.worker !== undefined) el.dataset.worker = m.worker;
    if (m.color !== undefined) {
      el.style.setProperty("--_worker", `var(--_series-${seriesToken(m.color)})`);
    }
  });
}
