/**
 * `<train-line-chart>`: one uPlot line chart with epoch markers, non-finite markers, a keyboard
 * cursor, a table view and a log/linear toggle (docs/web-components.md).
 */
import { LitElement, css, html, nothing, unsafeCSS, type PropertyValues } from "lit";
import uPlot from "uplot";
import uplotCss from "uplot/dist/uPlot.min.css?inline";

import { define } from "./define.js";
import { resolveLang, t, type Lang } from "./i18n/index.js";
import {
  alignSeries,
  allPositive,
  countPoints,
  isolatedPoints,
  type AlignedSeries,
  type NonFiniteKind,
  type WireSeries,
} from "./lib/series.js";
import { readToken, seriesColor, themeStyles } from "./theme.js";
import { formatFloatValue } from "./values.js";

/** One line of a chart: its points as the API sends them, plus how to draw it. */
export type ChartSeries = WireSeries & {
  /** name in the legend, readout and table */
  label: string;
  /** line width in CSS pixels (default 1.5, or 1 when faint) */
  width?: number;
  /** canvas dash pattern in CSS pixels, e.g. [6, 4] */
  dash?: number[];
  /** drawn thin and translucent, behind the others (e.g. the raw score under its EMA) */
  faint?: boolean;
};

/** The end of an epoch: a dashed vertical line labelled "Epoch n" at `iteration`. */
export interface EpochMark {
  epoch: number;
  iteration: number;
}

/** `detail` of `train-range-select`: the dragged x-range, or null when it is cleared. */
export type RangeSelectDetail = { x0: number; x1: number } | null;

/** Least time between two announcements of the live readout (at most 2 per second). */
const READOUT_INTERVAL_MS = 500;
/** A press and release closer than this (CSS px) is a click, not a drag. */
const CLICK_SLOP_PX = 4;
const DEFAULT_HEIGHT = 260;
const FALLBACK_WIDTH = 600;
/** Space above the plot (CSS px) for the epoch labels. */
const EPOCH_LABEL_SPACE = 16;

/** x ticks at whole iterations: 1, 2, 5, 10, 20, 50, ... */
const ITERATION_INCRS: number[] = [];
for (let e = 0; e < 16; e++) for (const m of [1, 2, 5]) ITERATION_INCRS.push(m * 10 ** e);

/**
 * Whether `el` sits inside an element that defines the private tokens (a page element): then it
 * takes the page's resolved colours instead of resolving its own theme.
 */
function inheritsTokens(el: Element): boolean {
  const root = el.getRootNode();
  const parent = el.parentElement ?? (root instanceof ShadowRoot ? root.host : null);
  return parent !== null && getComputedStyle(parent).getPropertyValue("--_fg").trim() !== "";
}

function nonFiniteLabel(lang: Lang, kind: NonFiniteKind): string {
  return t(lang, kind === "nan" ? "chart.nan" : kind === "inf" ? "chart.posinf" : "chart.neginf");
}

/**
 * A uPlot line chart of training series.
 *
 * Non-finite values break the line and get a marker (`part="nonfinite"`); `null` breaks it
 * without one; a series that has no sample at another series' iteration is drawn straight
 * across it. The plot is focusable: ←/→ move the cursor one point, Shift+←/→ 10 %, Home/End to
 * the ends, Escape clears a selected range; values are announced through `part="readout"`.
 *
 * Test hooks: `data-points` (finite points drawn, over all series) and `data-ready` (set once
 * the chart, or its "no data" message, has been drawn).
 *
 * @fires train-range-select - `{x0, x1}` when the user drags out an x-range (attribute
 *   `selectable`), `null` when a click without dragging or Escape clears it.
 * @csspart toolbar - the row of buttons (Log scale, Table)
 * @csspart plot - the focusable plot area
 * @csspart legend - series names with their swatches and the values under the cursor
 * @csspart readout - the `aria-live` region announcing the values under the cursor
 * @csspart table - the table view of the points
 * @csspart nonfinite - a NaN / ±Inf marker (`data-kind="nan|inf|-inf"`)
 * @cssprop --train-series-1 - ... `--train-series-8`: series colours
 * @cssprop --train-fg - axis labels
 * @cssprop --train-grid - grid lines
 * @cssprop --train-nonfinite - NaN / ±Inf markers
 * @cssprop --train-band - the reference band
 * @cssprop --train-accent - focus ring, selected buttons
 */
export class TrainLineChart extends LitElement {
  static override properties = {
    series: { attribute: false },
    epochs: { attribute: false },
    band: { attribute: false },
    refLines: { attribute: false },
    yRange: { attribute: false },
    label: { type: String },
    lang: { type: String },
    theme: { type: String, reflect: true },
    logY: { type: Boolean, attribute: "log-y", reflect: true },
    logToggle: { type: Boolean, attribute: "log-toggle" },
    selectable: { type: Boolean },
    height: { type: Number },
    tableView: { state: true },
    hiddenLabels: { state: true },
  };

  static override styles = [
    themeStyles,
    unsafeCSS(uplotCss),
    css`
      /* Inside a page element: use the page's resolved tokens (its theme, a portal's overrides). */
      :host([data-inherit-theme]:not([theme])) {
        --_bg: inherit;
        --_fg: inherit;
        --_muted: inherit;
        --_border: inherit;
        --_accent: inherit;
        --_grid: inherit;
        --_nonfinite: inherit;
        --_band: inherit;
        --_series-1: inherit;
        --_series-2: inherit;
        --_series-3: inherit;
        --_series-4: inherit;
        --_series-5: inherit;
        --_series-6: inherit;
        --_series-7: inherit;
        --_series-8: inherit;
        --_font: inherit;
        --_radius: inherit;
        color-scheme: inherit;
      }
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
      .marker[hidden] {
        display: none;
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
      .tablewrap {
        max-height: 24rem;
        overflow: auto;
      }
      table.points {
        border-collapse: collapse;
        font-size: 0.8125rem;
        font-variant-numeric: tabular-nums;
        width: 100%;
      }
      table.points th,
      table.points td {
        padding: 0.15rem 0.5rem;
        border-bottom: 1px solid var(--_border);
        text-align: right;
      }
      table.points thead th {
        position: sticky;
        top: 0;
        background: var(--_bg);
        color: var(--_muted);
        font-weight: 500;
      }
      .empty {
        margin: 0;
        padding: 1rem 0;
      }
    `,
  ];

  /** The lines, drawn in order (series i in colour i). */
  declare series: ChartSeries[];
  /** Epoch ends, drawn as dashed vertical lines. */
  declare epochs: EpochMark[];
  /** A horizontal reference band [from, to], filled with `--train-band`. */
  declare band: [number, number] | null;
  /** Horizontal dashed reference lines at these y values. */
  declare refLines: number[];
  /** A fixed y-range; null fits the data (and the band and reference lines). */
  declare yRange: [number, number] | null;
  /** Accessible name of the plot and table. */
  declare label: string;
  /** `light`, `dark` or `auto`; the chart re-reads its colours when it changes. */
  declare theme: string;
  /** Logarithmic y axis (ignored while some finite value is ≤ 0). */
  declare logY: boolean;
  /** Shows a "Log scale" button that flips `log-y` (only while every value is > 0). */
  declare logToggle: boolean;
  /** Dragging selects an x-range (`train-range-select`). */
  declare selectable: boolean;
  /** Height of the plot with its axes, in CSS pixels. */
  declare height: number;
  declare private tableView: boolean;
  declare private hiddenLabels: ReadonlySet<string>;

  private plot: uPlot | null = null;
  private plotKey = "";
  private aligned: AlignedSeries = { x: [], ys: [], values: [], markers: [] };
  private isolated: number[][] = [];
  private colors = { fg: "", muted: "", grid: "", band: "", font: "", series: [] as string[] };
  private markerLayer: HTMLDivElement | null = null;
  private markerEls: HTMLElement[] = [];
  private resizeObserver: ResizeObserver | null = null;
  private resizeFrame = 0;
  private media: MediaQueryList | null = null;
  private selection: [number, number] | null = null;
  private downAt: { x: number; y: number } | null = null;
  private readoutTimer: ReturnType<typeof setTimeout> | null = null;
  private lastReadoutAt = -Infinity;
  private pendingReadout = "";
  private drawn = false;

  constructor() {
    super();
    this.series = [];
    this.epochs = [];
    this.band = null;
    this.refLines = [];
    this.yRange = null;
    this.label = "";
    this.logY = false;
    this.logToggle = false;
    this.selectable = false;
    this.height = DEFAULT_HEIGHT;
    this.tableView = false;
    this.hiddenLabels = new Set();
  }

  private get language(): Lang {
    return resolveLang(this.lang);
  }

  /** Whether the y axis is drawn logarithmic now (asked for, and possible). */
  get effectiveLogY(): boolean {
    return this.logY && allPositive(this.aligned.ys);
  }

  private get isEmpty(): boolean {
    return countPoints(this.aligned.ys) === 0 && this.aligned.markers.length === 0;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.toggleAttribute("data-inherit-theme", inheritsTokens(this));
    if (typeof matchMedia === "function") {
      this.media = matchMedia("(prefers-color-scheme: dark)");
      this.media.addEventListener("change", this.onSchemeChange);
    }
    // a reconnected element rebuilds its plot in updated()
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.media?.removeEventListener("change", this.onSchemeChange);
    this.media = null;
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
    cancelAnimationFrame(this.resizeFrame);
    cancelAnimationFrame(this.redrawFrame);
    if (this.readoutTimer !== null) clearTimeout(this.readoutTimer);
    this.readoutTimer = null;
    this.destroyPlot();
  }

  /**
   * Re-reads the colours from the tokens and draws the chart again. Call it after changing a
   * `--train-*` property; the chart calls it itself when `theme` or the OS colour scheme
   * changes.
   */
  redraw(): void {
    this.destroyPlot();
    this.syncPlot();
  }

  private readonly onSchemeChange = (): void => {
    if (this.theme === "light" || this.theme === "dark") return;
    this.scheduleRedraw();
  };

  private redrawFrame = 0;

  /** Redraws once in the next frame, however many colour changes arrive before it. */
  private scheduleRedraw(): void {
    cancelAnimationFrame(this.redrawFrame);
    this.redrawFrame = requestAnimationFrame(() => {
      if (this.plot !== null) this.redraw();
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("series")) {
      this.aligned = alignSeries(this.series ?? []);
      this.isolated = this.aligned.ys.map(isolatedPoints);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (this.resizeObserver === null) {
      const el = this.plotEl;
      if (el !== null) {
        this.resizeObserver = new ResizeObserver(() => this.scheduleResize());
        this.resizeObserver.observe(el);
      }
    }
    const relevant = [
      "series",
      "epochs",
      "band",
      "refLines",
      "yRange",
      "logY",
      "height",
      "selectable",
      "theme",
      "lang",
      "hiddenLabels",
    ] as const;
    const map = changed as Map<PropertyKey, unknown>;
    if (this.plot === null || relevant.some((k) => map.has(k))) {
      if (map.has("theme") && map.get("theme") !== undefined) {
        this.destroyPlot();
      }
      this.syncPlot();
    }
    if (map.has("tableView") && !this.tableView) this.scheduleResize();
  }

  private get plotEl(): HTMLDivElement | null {
    return this.renderRoot.querySelector<HTMLDivElement>(".plot");
  }

  /** Brings the uPlot instance in line with the properties: setData when it can, else rebuild. */
  private syncPlot(): void {
    const { ys, x } = this.aligned;
    this.dataset.points = String(countPoints(ys));
    const el = this.plotEl;
    if (this.isEmpty || el === null || !this.isConnected) {
      this.destroyPlot();
      if (this.isEmpty) this.markReady();
      return;
    }
    const data = [x, ...ys] as uPlot.AlignedData;
    const key = this.structureKey();
    if (this.plot !== null && key === this.plotKey) {
      this.plot.setData(data);
      const size = this.plotSize();
      if (size.height !== this.plot.height) this.plot.setSize(size);
      this.buildMarkers();
      return;
    }
    this.destroyPlot();
    this.readColors();
    this.plotKey = key;
    this.plot = new uPlot(this.options(), data, el);
    this.buildMarkers();
  }

  /** What forces a rebuild rather than setData when it changes. */
  private structureKey(): string {
    return JSON.stringify([
      this.series.map((s) => [s.label, s.width, s.dash, s.faint]),
      this.effectiveLogY,
      this.yRange,
      this.selectable,
      this.language,
      [...this.hiddenLabels],
    ]);
  }

  private plotSize(): { width: number; height: number } {
    const w = this.plotEl?.clientWidth ?? 0;
    const h = Number.isFinite(this.height) && this.height > 40 ? this.height : DEFAULT_HEIGHT;
    return { width: w > 0 ? w : FALLBACK_WIDTH, height: h };
  }

  private scheduleResize(): void {
    cancelAnimationFrame(this.resizeFrame);
    this.resizeFrame = requestAnimationFrame(() => {
      const u = this.plot;
      const el = this.plotEl;
      if (u === null || el === null || el.clientWidth === 0) return;
      const size = this.plotSize();
      if (size.width !== u.width || size.height !== u.height) u.setSize(size);
    });
  }

  private destroyPlot(): void {
    if (this.plot !== null) {
      this.plot.destroy();
      this.plot = null;
    }
    this.plotKey = "";
    this.markerLayer = null;
    this.markerEls = [];
  }

  private readColors(): void {
    this.colors = {
      fg: readToken(this, "--_fg") || "#1b1b1f",
      muted: readToken(this, "--_muted") || "#5b5d66",
      grid: readToken(this, "--_grid") || "#e4e5ea",
      band: readToken(this, "--_band") || "rgba(0,158,115,0.14)",
      font: readToken(this, "--_font") || "system-ui, sans-serif",
      series: this.series.map((_, i) => seriesColor(this, i) || "#0072b2"),
    };
  }

  private markReady(): void {
    if (!this.drawn) {
      this.drawn = true;
      this.dataset.ready = "";
    }
  }

  private options(): uPlot.Options {
    const { fg, grid, font } = this.colors;
    const log = this.effectiveLogY;
    const axisFont = `12px ${font}`;
    const yFmt = (_u: uPlot, splits: number[]): string[] =>
      splits.map((v) => (v == null ? "" : formatFloatValue(v)));
    return {
      ...this.plotSize(),
      legend: { show: false },
      padding: [EPOCH_LABEL_SPACE, 12, 0, 0],
      scales: {
        x: { time: false },
        y: {
          distr: log ? 3 : 1,
          log: 10,
          range: (_u, min, max) => this.yRangeFor(min, max, log),
        },
      },
      axes: [
        {
          stroke: fg,
          font: axisFont,
          grid: { stroke: grid, width: 1 },
          ticks: { stroke: grid, width: 1 },
          incrs: ITERATION_INCRS,
        },
        {
          stroke: fg,
          font: axisFont,
          grid: { stroke: grid, width: 1 },
          ticks: { stroke: grid, width: 1 },
          values: yFmt,
          size: (_u, values) =>
            Math.max(40, 16 + 7 * Math.max(0, ...(values ?? []).map((v) => String(v).length))),
        },
      ],
      series: [
        { label: t(this.language, "chart.iteration") },
        ...this.series.map((s, i): uPlot.Series => {
          const color = this.colors.series[i] ?? fg;
          return {
            label: s.label,
            show: !this.hiddenLabels.has(s.label),
            stroke: color,
            width: s.width ?? (s.faint === true ? 1 : 1.5),
            ...(s.dash !== undefined ? { dash: s.dash } : {}),
            alpha: s.faint === true ? 0.4 : 1,
            spanGaps: false,
            points: {
              size: 5,
              fill: color,
              stroke: color,
              filter: (_u, si, show) => {
                if (show) return null;
                const iso = this.isolated[si - 1];
                return iso !== undefined && iso.length > 0 ? iso : null;
              },
            },
          };
        }),
      ],
      cursor: {
        drag: { x: this.selectable, y: false, setScale: false, dist: CLICK_SLOP_PX },
        points: { size: 7, width: 1.5 },
      },
      select: { show: this.selectable, left: 0, top: 0, width: 0, height: 0 },
      hooks: {
        init: [(u) => this.onInit(u)],
        drawClear: [(u) => this.drawBand(u)],
        drawAxes: [(u) => this.drawGuides(u)],
        draw: [(u) => this.afterDraw(u)],
        setCursor: [(u) => this.onCursor(u)],
        setSelect: [(u) => this.onSelect(u)],
      },
    };
  }

  /** The y-range: fixed, or the data widened to show the band and reference lines. */
  private yRangeFor(min: number | null, max: number | null, log: boolean): uPlot.Range.MinMax {
    if (this.yRange !== null) return [this.yRange[0], this.yRange[1]];
    let lo = min ?? Infinity;
    let hi = max ?? -Infinity;
    const extras = [...(this.band ?? []), ...this.refLines].filter(
      (v) => Number.isFinite(v) && (!log || v > 0),
    );
    for (const v of extras) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    if (!(lo <= hi)) return log ? [1, 10] : [0, 1];
    return log ? uPlot.rangeLog(lo, hi, 10, true) : uPlot.rangeNum(lo, hi, 0.1, true);
  }

  private onInit(u: uPlot): void {
    const over = u.over;
    over.addEventListener("mousedown", (e) => {
      this.downAt = { x: e.clientX, y: e.clientY };
    });
    over.addEventListener("click", (e) => {
      const down = this.downAt;
      this.downAt = null;
      if (!this.selectable || down === null) return;
      const moved = Math.hypot(e.clientX - down.x, e.clientY - down.y);
      if (moved < CLICK_SLOP_PX) this.clearSelection();
    });
  }

  private drawBand(u: uPlot): void {
    const band = this.band;
    if (band === null) return;
    const log = this.effectiveLogY;
    if (log && (band[0] <= 0 || band[1] <= 0)) return;
    const { left, top, width, height } = u.bbox;
    let y0 = u.valToPos(Math.max(band[0], band[1]), "y", true);
    let y1 = u.valToPos(Math.min(band[0], band[1]), "y", true);
    y0 = Math.max(top, Math.min(top + height, y0));
    y1 = Math.max(top, Math.min(top + height, y1));
    if (y1 - y0 <= 0) return;
    const ctx = u.ctx;
    ctx.save();
    ctx.fillStyle = this.colors.band;
    ctx.fillRect(left, y0, width, y1 - y0);
    ctx.restore();
  }

  /** Reference lines and epoch ends, under the series. */
  private drawGuides(u: uPlot): void {
    const ctx = u.ctx;
    const pr = uPlot.pxRatio;
    const { left, top, width, height } = u.bbox;
    const log = this.effectiveLogY;
    ctx.save();
    ctx.beginPath();
    ctx.rect(left, top, width, height);
    ctx.clip();
    ctx.strokeStyle = this.colors.muted;
    ctx.lineWidth = pr;
    ctx.setLineDash([4 * pr, 4 * pr]);
    for (const v of this.refLines) {
      if (!Number.isFinite(v) || (log && v <= 0)) continue;
      const y = Math.round(u.valToPos(v, "y", true)) + 0.5;
      if (y < top || y > top + height) continue;
      ctx.beginPath();
      ctx.moveTo(left, y);
      ctx.lineTo(left + width, y);
      ctx.stroke();
    }
    const xMin = u.scales.x?.min ?? -Infinity;
    const xMax = u.scales.x?.max ?? Infinity;
    ctx.font = `${11 * pr}px ${this.colors.font}`;
    ctx.fillStyle = this.colors.muted;
    ctx.textAlign = "left";
    ctx.textBaseline = "bottom";
    const labels: [string, number][] = [];
    let lastLabelRight = -Infinity;
    let lastLineX = -Infinity;
    const lang = this.language;
    for (const e of [...this.epochs].sort((a, b) => a.iteration - b.iteration)) {
      if (!(e.iteration >= xMin && e.iteration <= xMax)) continue;
      const x = Math.round(u.valToPos(e.iteration, "x", true)) + 0.5;
      if (x - lastLineX < 3 * pr) continue;
      lastLineX = x;
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, top + height);
      ctx.stroke();
      const text = t(lang, "chart.epoch", { epoch: e.epoch });
      const w = ctx.measureText(text).width;
      const tx = x + 3 * pr;
      if (tx > lastLabelRight + 4 * pr && tx + w <= left + width + 12 * pr) {
        labels.push([text, tx]);
        lastLabelRight = tx + w;
      }
    }
    ctx.restore();
    // labels in the space above the plot, clear of the markers at its top edge
    ctx.save();
    ctx.font = `${11 * pr}px ${this.colors.font}`;
    ctx.fillStyle = this.colors.muted;
    ctx.textAlign = "left";
    ctx.textBaseline = "bottom";
    for (const [text, tx] of labels) ctx.fillText(text, tx, top - 2 * pr);
    ctx.restore();
  }

  private afterDraw(u: uPlot): void {
    this.positionMarkers(u);
    if (this.selection !== null) {
      const [x0, x1] = this.selection;
      const l = u.valToPos(x0, "x");
      const r = u.valToPos(x1, "x");
      u.setSelect(
        { left: l, top: 0, width: Math.max(0, r - l), height: u.over.clientHeight },
        false,
      );
    }
    this.markReady();
  }

  /** Creates the marker elements for the current data (positions come with each draw). */
  private buildMarkers(): void {
    const u = this.plot;
    if (u === null) return;
    if (this.markerLayer === null) {
      this.markerLayer = document.createElement("div");
      this.markerLayer.className = "markers";
      u.over.appendChild(this.markerLayer);
    }
    const layer = this.markerLayer;
    const lang = this.language;
    const els: HTMLElement[] = [];
    for (const m of this.aligned.markers) {
      const el = document.createElement("span");
      el.className = "marker";
      el.setAttribute("part", "nonfinite");
      el.dataset.kind = m.kind;
      el.dataset.series = String(m.seriesIndex);
      el.dataset.x = String(m.x);
      const label = this.series[m.seriesIndex]?.label ?? "";
      const what = t(lang, "chart.nonfinite_at", {
        value: nonFiniteLabel(lang, m.kind),
        iteration: m.x,
      });
      const title = label === "" ? what : `${label}: ${what}`;
      el.title = title;
      el.setAttribute("role", "img");
      el.setAttribute("aria-label", title);
      els.push(el);
    }
    layer.replaceChildren(...els);
    this.markerEls = els;
    this.positionMarkers(u);
  }

  private positionMarkers(u: uPlot): void {
    const markers = this.aligned.markers;
    if (this.markerEls.length !== markers.length) {
      // data changed through setData: rebuild the elements (this calls back here)
      if (this.markerLayer !== null) this.buildMarkers();
      return;
    }
    const xMin = u.scales.x?.min ?? -Infinity;
    const xMax = u.scales.x?.max ?? Infinity;
    markers.forEach((m, i) => {
      const el = this.markerEls[i];
      if (el === undefined) return;
      const shown = u.series[m.seriesIndex + 1]?.show !== false;
      if (!shown || m.x < xMin || m.x > xMax) {
        el.hidden = true;
        return;
      }
      el.hidden = false;
      el.style.left = `${u.valToPos(m.x, "x")}px`;
    });
  }

  private onCursor(u: uPlot): void {
    const idx = u.cursor.idx;
    const legendValues = this.renderRoot.querySelectorAll<HTMLElement>(".legend .value");
    if (idx === null || idx === undefined) {
      legendValues.forEach((el) => (el.textContent = ""));
      return;
    }
    const parts: string[] = [];
    this.series.forEach((s, i) => {
      const text = this.formatValue(this.aligned.values[i]?.[idx]);
      const el = legendValues[i];
      if (el !== undefined) el.textContent = text;
      if (!this.hiddenLabels.has(s.label)) parts.push(`${s.label} = ${text}`);
    });
    const iteration = this.aligned.x[idx];
    if (iteration === undefined) return;
    this.announce(t(this.language, "chart.readout", { iteration, values: parts.join(", ") }));
  }

  /** Updates the live readout, at most twice a second (the latest text wins). */
  private announce(text: string): void {
    this.pendingReadout = text;
    if (this.readoutTimer !== null) return;
    const flush = (): void => {
      this.readoutTimer = null;
      this.lastReadoutAt = performance.now();
      const el = this.renderRoot.querySelector<HTMLElement>(".readout");
      if (el !== null && el.textContent !== this.pendingReadout) {
        el.textContent = this.pendingReadout;
      }
    };
    const wait = this.lastReadoutAt + READOUT_INTERVAL_MS - performance.now();
    if (wait <= 0) flush();
    else this.readoutTimer = setTimeout(flush, wait);
  }

  private formatValue(v: number | null | undefined): string {
    return formatFloatValue(v ?? null);
  }

  private onSelect(u: uPlot): void {
    if (!this.selectable) return;
    const { left, width } = u.select;
    if (!(width >= 1)) return;
    const x0 = u.posToVal(left, "x");
    const x1 = u.posToVal(left + width, "x");
    this.selection = [x0, x1];
    this.fireRange({ x0, x1 });
  }

  private clearSelection(): void {
    this.selection = null;
    this.plot?.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
    this.fireRange(null);
  }

  private fireRange(detail: RangeSelectDetail): void {
    this.dispatchEvent(
      new CustomEvent<RangeSelectDetail>("train-range-select", {
        bubbles: true,
        composed: true,
        detail,
      }),
    );
  }

  private onKeyDown(e: KeyboardEvent): void {
    const u = this.plot;
    const n = this.aligned.x.length;
    if (u === null || n === 0) return;
    if (e.key === "Escape") {
      if (this.selectable && this.selection !== null) {
        this.clearSelection();
        e.preventDefault();
      }
      return;
    }
    const current = u.cursor.idx;
    const step = e.shiftKey ? Math.max(1, Math.round(n * 0.1)) : 1;
    let idx: number;
    switch (e.key) {
      case "ArrowLeft":
        idx = current == null ? n - 1 : current - step;
        break;
      case "ArrowRight":
        idx = current == null ? n - 1 : current + step;
        break;
      case "Home":
        idx = 0;
        break;
      case "End":
        idx = n - 1;
        break;
      default:
        return;
    }
    e.preventDefault();
    this.moveCursorTo(Math.max(0, Math.min(n - 1, idx)));
  }

  /** Puts uPlot's cursor on point `idx` (on the first visible series that has a value there). */
  private moveCursorTo(idx: number): void {
    const u = this.plot;
    const x = this.aligned.x[idx];
    if (u === null || x === undefined) return;
    const left = u.valToPos(x, "x");
    let top = u.over.clientHeight / 2;
    for (let i = 0; i < this.aligned.ys.length; i++) {
      const v = this.aligned.ys[i]?.[idx];
      if (typeof v === "number" && u.series[i + 1]?.show !== false) {
        top = u.valToPos(v, "y");
        break;
      }
    }
    u.setCursor({ left, top });
  }

  private toggleSeries(label: string): void {
    const next = new Set(this.hiddenLabels);
    if (next.has(label)) next.delete(label);
    else next.add(label);
    this.hiddenLabels = next;
  }

  private renderTable() {
    const { x, values } = this.aligned;
    const lang = this.language;
    return html`<div class="tablewrap">
      <table part="table" class="points" aria-label=${this.label || nothing}>
        <thead>
          <tr>
            <th scope="col">${t(lang, "chart.iteration")}</th>
            ${this.series.map((s) => html`<th scope="col">${s.label}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${x.map(
            (it, i) =>
              html`<tr>
                <th scope="row">${it}</th>
                ${values.map((col) => html`<td>${this.formatValue(col[i])}</td>`)}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private renderLegend() {
    return html`<div part="legend" class="legend">
      ${this.series.map((s, i) => {
        const dash = (s.dash ?? []).join(" ");
        const shown = !this.hiddenLabels.has(s.label);
        return html`<button
          type="button"
          aria-pressed=${shown ? "true" : "false"}
          @click=${() => this.toggleSeries(s.label)}
        >
          <svg width="22" height="10" aria-hidden="true">
            <line
              x1="1"
              y1="5"
              x2="21"
              y2="5"
              style="stroke: var(--_series-${(i % 8) + 1}); stroke-width: ${s.faint ? 1.5 : 2.5};
                stroke-dasharray: ${dash || "none"}; opacity: ${s.faint ? 0.5 : 1}"
            ></line>
          </svg>
          <span class="name">${s.label}</span>
          <span class="value"></span>
        </button>`;
      })}
    </div>`;
  }

  protected override render() {
    const lang = this.language;
    const empty = this.isEmpty;
    const showLog = this.logToggle && allPositive(this.aligned.ys);
    return html`
      <div part="toolbar" class="toolbar">
        ${
          showLog
            ? html`<button
                type="button"
                aria-pressed=${this.logY ? "true" : "false"}
                @click=${() => (this.logY = !this.logY)}
              >
                ${t(lang, "chart.log_scale")}
              </button>`
            : nothing
        }${
          empty
            ? nothing
            : html`<button
                type="button"
                aria-pressed=${this.tableView ? "true" : "false"}
                @click=${() => (this.tableView = !this.tableView)}
              >
                ${t(lang, "chart.table")}
              </button>`
        }
      </div>
      ${empty ? html`<p class="muted empty">${t(lang, "chart.no_data")}</p>` : nothing}
      <div
        part="plot"
        class="plot"
        tabindex=${empty || this.tableView ? "-1" : "0"}
        role="application"
        aria-label=${this.label || t(lang, "chart.series")}
        ?hidden=${empty || this.tableView}
        @keydown=${(e: KeyboardEvent) => this.onKeyDown(e)}
      ></div>
      ${empty ? nothing : this.renderLegend()}
      <div part="readout" class="readout" aria-live="polite"></div>
      <span class="theme-probe" aria-hidden="true" @transitionend=${() => this.scheduleRedraw()}
        >.</span
      >
      ${this.tableView && !empty ? this.renderTable() : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "train-line-chart": TrainLineChart;
  }
  interface HTMLElementEventMap {
    "train-range-select": CustomEvent<RangeSelectDetail>;
  }
}

define("train-line-chart", TrainLineChart);
