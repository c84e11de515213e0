/**
 * The look of `<train-line-chart>`: its stylesheet (the theme tokens, uPlot's own rules, the
 * toolbar, plot, non-finite and finding markers, legend, readout and table) and the resolved
 * colours its canvas is drawn with, which a canvas cannot take from CSS by itself.
 */
import { css, unsafeCSS } from "lit";
import uplotCss from "uplot/dist/uPlot.min.css?inline";

import { blockThemeStyles, readToken, seriesColor } from "../theme.js";
import type { ChartColors } from "./chart-options.js";

/**
 * The colours the canvas is drawn with, resolved from the tokens on `el` now.
 *
 * @param el The chart.
 * @param seriesCount How many series colours to read.
 */
export function readChartColors(el: Element, seriesCount: number): ChartColors {
  return {
    fg: readToken(el, "--_fg") || "#1b1b1f",
    muted: readToken(el, "--_muted") || "#5b5d66",
    grid: readToken(el, "--_grid") || "#e4e5ea",
    band: readToken(el, "--_band") || "rgba(0,158,115,0.14)",
    font: readToken(el, "--_font") || "system-ui, sans-serif",
    series: Array.from({ length: seriesCount }, (_, i) => seriesColor(el, i) || "#0072b2"),
  };
}

/** Lit `styles` of `<train-line-chart>`, in cascade order. */
export const lineChartStyles = [
  ...blockThemeStyles,
  unsafeCSS(uplotCss),
  css`
    /* Transitions on the colours the canvas uses: their end tells the chart to redraw. */
    .theme-probe {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      visibility: hidden;
      pointer-events: none;
      color: var(--_fg);
      background-color: var(--_series-1);
      border: 1px solid var(--_series-2);
      border-right-color: var(--_series-3);
      border-bottom-color: var(--_grid);
      border-left-color: var(--_muted);
      outline: 1px solid var(--_band);
      text-decoration-color: var(--_series-4);
      column-rule: 1px solid var(--_series-5);
      caret-color: var(--_series-6);
      transition-property:
        color, background-color, border-color, outline-color, text-decoration-color,
        column-rule-color, caret-color;
      transition-duration: 1ms;
    }
    .toolbar {
      display: flex;
      justify-content: flex-end;
      gap: 0.25rem;
      margin-bottom: 0.25rem;
      font-size: 0.8125rem;
    }
    .toolbar:empty {
      display: none;
    }
    .toolbar {
      flex-wrap: wrap;
      align-items: center;
    }
    .toolbar .tool {
      display: inline-flex;
      align-items: center;
      gap: 0.3rem;
    }
    .toolbar select,
    .toolbar input[type="range"] {
      font: inherit;
      color: inherit;
      background: var(--_bg, transparent);
    }
    .toolbar input[type="range"] {
      width: 6rem;
      accent-color: var(--_accent);
    }
    .toolbar output {
      min-width: 2.2em;
      font-variant-numeric: tabular-nums;
    }
    .plot {
      position: relative;
      min-width: 0;
      /* the canvas must not hold its container wider than the page allows */
      contain: inline-size;
      border-radius: 2px;
    }
    .plot[hidden] {
      display: none;
    }
    .uplot {
      font-family: var(--_font);
      color: var(--_fg);
    }
    .u-select {
      background: color-mix(in srgb, var(--_accent) 18%, transparent);
    }
    .u-cursor-x,
    .u-cursor-y {
      border-color: var(--_muted) !important;
    }
    .marker {
      position: absolute;
      width: 0;
      height: 0;
      transform: translateX(-5px);
      border-left: 5px solid transparent;
      border-right: 5px solid transparent;
      z-index: 5;
    }
    .marker[data-kind="nan"],
    .marker[data-kind="inf"] {
      top: 0;
      border-top: 8px solid var(--_nonfinite);
    }
    .marker[data-kind="-inf"] {
      bottom: 0;
      border-bottom: 8px solid var(--_nonfinite);
    }
    .marker[hidden],
    .finding[hidden] {
      display: none;
    }
    /* a finding: a dashed line across the plot, a diamond at its foot; 10 px wide to hover */
    .finding {
      --_c: var(--_series-2);
      position: absolute;
      top: 0;
      bottom: 0;
      width: 10px;
      transform: translateX(-5px);
      z-index: 4;
      background: repeating-linear-gradient(var(--_c) 0 4px, transparent 4px 7px) center / 2px 100%
        no-repeat;
    }
    .finding[data-severity="error"] {
      --_c: var(--_nonfinite);
    }
    .finding::after {
      content: "";
      position: absolute;
      bottom: 0;
      left: 1px;
      width: 8px;
      height: 8px;
      background: var(--_c);
      transform: rotate(45deg);
    }
    /* a worker's finding (the all-workers chart): the line in the worker's colour, the diamond
       in the severity's */
    .finding[data-worker] {
      background: repeating-linear-gradient(var(--_worker, var(--_c)) 0 4px, transparent 4px 7px)
        center / 2px 100% no-repeat;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
      font-size: 0.8125rem;
      margin-top: 0.25rem;
    }
    .legend button {
      display: inline-flex;
      align-items: center;
      gap: 0.35rem;
      border: none;
      padding: 0.1rem 0.2rem;
    }
    .legend button[aria-pressed="false"] {
      opacity: 0.45;
      font-weight: normal;
    }
    .legend button[aria-pressed="true"] {
      color: inherit;
      font-weight: normal;
    }
    .legend .name {
      /* a name holding bidi controls (U+202E ...) cannot reorder what follows it */
      unicode-bidi: isolate;
    }
    .legend .position {
      font-variant-numeric: tabular-nums;
      color: var(--_fg);
      font-weight: 600;
      align-self: center;
      unicode-bidi: isolate;
    }
    .legend .position:empty {
      display: none;
    }
    .lognote {
      margin: 0.25rem 0 0;
      font-size: 0.8125rem;
    }
    .legend .value {
      font-variant-numeric: tabular-nums;
      color: var(--_muted);
      min-width: 4ch;
    }
    .legend svg {
      flex: none;
    }
    .readout {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  `,
];
