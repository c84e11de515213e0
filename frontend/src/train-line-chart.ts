/**
 * `<train-line-chart>`: one uPlot line chart with epoch markers, non-finite markers, a keyboard
 * cursor, a table view and a log/linear toggle (docs/web-components.md).
 *
 * The element keeps the properties, the plot's lifecycle and the toolbar, legend and table. The
 * pieces it drives live in lib/: chart-options (uPlot options, y-range), chart-draw (band, guides
 * and epoch labels on the canvas), chart-markers (NaN / ±Inf markers), chart-cursor (keyboard
 * cursor, legend values, live readout), chart-select (dragged x-range) and chart-styles
 * (stylesheet, resolved colours).
 */
import { html, nothing, type PropertyValues } from "lit";
import uPlot from "uplot";

import { BlockElement } from "./block-element.js";
import { define } from "./define.js";
import { t } from "./i18n/index.js";
import { seriesToken } from "./theme.js";
import {
  cursorIndexForKey,
  cursorPosition,
  cursorText,
  formatChartValue,
  RateLimitedAnnouncer,
  type ValueFormat,
} from "./lib/chart-cursor.js";
import { drawBand, drawGuides, drawSeriesBands, type SeriesBand } from "./lib/chart-draw.js";
import { isolate } from "./lib/format.js";
import { findingLayer, markerTitle, nonFiniteLayer } from "./lib/chart-markers.js";
import type { FindingMark } from "./lib/findings.js";
import {
  chartOptions,
  colorCount,
  colorSlot,
  dashFor,
  DEFAULT_HEIGHT,
  FAINT_ALPHA,
  plotSize,
  structureKey,
  type ChartColors,
  type ChartSeries,
  type EpochMark,
} from "./lib/chart-options.js";
import { RangeSelection, type RangeSelectDetail } from "./lib/chart-select.js";
import { chartTools } from "./chart-tools.js";
import { tc } from "./i18n/charts.js";
import { exportFileName, saveText, toCsv, toJson, type ExportMeta } from "./lib/chart-export.js";
import {
  iterationToX,
  timesByIteration,
  type ReportTimes,
  xAxisChoice,
  xValues,
  type XAxisMode,
} from "./lib/chart-x-axis.js";
import { smoothedSeries } from "./lib/smoothing.js";
import { lineChartStyles, readChartColors } from "./lib/chart-styles.js";
import {
  alignSeries,
  anyPositive,
  countPoints,
  isolatedPoints,
  logColumns,
  type AlignedSeries,
  type NonFiniteMarker,
} from "./lib/series.js";

// the types of the element's API, under the element's name
export type { ChartSeries, EpochMark } from "./lib/chart-options.js";
export type { RangeSelectDetail } from "./lib/chart-select.js";
export type { FindingMark } from "./lib/findings.js";

/**
 * A uPlot line chart of training series.
 *
 * Axis titles: `x-label` ("Iteration" when unset) and `y-label` (none when unset). Values print
 * as numbers, or with `value-format="percent"` as percentages of fractions (0.375: "37.5 %").
 *
 * Non-finite values ("NaN", "Infinity", "-Infinity" in any series) break the line and get a
 * marker (`part="nonfinite"`); `null` breaks it
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
 * @csspart legend - series names (isolated: `<bdi>`) with their swatches and the values under the
 *   cursor
 * @csspart position - in the legend, where the cursor is ("Iteration 300"; the x title when set)
 * @csspart lognote - on a log axis, how many values ≤ 0 it leaves out
 * @csspart readout - the `aria-live` region announcing the values under the cursor
 * @csspart table - the table view of the points
 * @csspart nonfinite - a NaN / ±Inf marker (`data-kind="nan|inf|-inf"`)
 * @csspart finding - a diagnostics finding's marker (`findingMarks`; `data-severity`, `data-x`)
 * @csspart x-axis - the x-axis menu (iteration, wall time, relative time)
 * @csspart smoothing - the smoothing slider
 * @csspart download - the CSV / JSON download buttons
 * @csspart xnote - why the time axes are disabled (the series carry no timestamps)
 * @csspart error - why a download failed
 * @cssprop --train-series-1 - ... `--train-series-12`: series colours (past 12 they repeat, dashed)
 * @cssprop --train-fg - axis labels
 * @cssprop --train-grid - grid lines
 * @cssprop --train-nonfinite - NaN / ±Inf markers
 * @cssprop --train-band - the reference band
 * @cssprop --train-accent - focus ring, selected buttons
 */
export class TrainLineChart extends BlockElement {
  static override properties = {
    ...BlockElement.properties,
    series: { attribute: false },
    epochs: { attribute: false },
    findingMarks: { attribute: false },
    band: { attribute: false },
    refLines: { attribute: false },
    yRange: { attribute: false },
    fullSeries: { attribute: false },
    exportMeta: { attribute: false },
    startMs: { attribute: false },
    reportTimes: { attribute: false },
    downloadName: { type: String, attribute: "download-name" },
    smoothing: { state: true },
    xMode: { state: true },
    busy: { state: true },
    downloadError: { state: true },
    logY: { type: Boolean, attribute: "log-y", reflect: true },
    logToggle: { type: Boolean, attribute: "log-toggle" },
    xLabel: { type: String, attribute: "x-label" },
    yLabel: { type: String, attribute: "y-label" },
    valueFormat: { type: String, attribute: "value-format" },
    selectable: { type: Boolean },
    height: { type: Number },
    tableView: { state: true },
    hiddenLabels: { state: true },
  };

  static override styles = lineChartStyles;

  /** The lines, drawn in order (series i in colour i). */
  declare series: ChartSeries[];
  /** Epoch ends, drawn as dashed vertical lines. */
  declare epochs: EpochMark[];
  /** Diagnostics findings, each a line across the plot at its `x` with its `title`. */
  declare findingMarks: FindingMark[];
  /** A horizontal reference band [from, to], filled with `--train-band`. */
  declare band: [number, number] | null;
  /** Horizontal dashed reference lines at these y values. */
  declare refLines: number[];
  /** A fixed y-range; null fits the data (and the band and reference lines). */
  declare yRange: [number, number] | null;
  /**
   * What the downloads save: a loader of the stored series at full resolution (the page asks
   * the server for every point); null saves `series` as it is.
   */
  declare fullSeries: (() => Promise<readonly ChartSeries[]>) | null;
  /** The session and worker the JSON download names (and the file name's session). */
  declare exportMeta: Omit<ExportMeta, "chart"> | null;
  /** The run's start (ms since the epoch) for the relative time axis; null: the first point's time. */
  declare startMs: number | null;
  /** The run's report times, which place points without times of their own on a time axis. */
  declare reportTimes: ReportTimes | null;
  /** The title the download's file is named after (attribute `download-name`; else `label`). */
  declare downloadName: string | undefined;
  /** The smoothing slider's weight (0: off). */
  declare smoothing: number;
  declare private xMode: XAxisMode;
  declare private busy: boolean;
  declare private downloadError: string | null;
  /**
   * Logarithmic y axis (ignored while no finite value is > 0). Values ≤ 0 have no place on it:
   * they are drawn as gaps and a note under the plot says how many were left out; a fixed
   * `yRange` reaching 0 or below gives way to the range of the positive values.
   */
  declare logY: boolean;
  /** Shows a "Log scale" button that flips `log-y` (while some finite value is > 0). */
  declare logToggle: boolean;
  /** Title of the x axis (attribute `x-label`; "Iteration" when unset, "" for none). */
  declare xLabel: string | undefined;
  /** Title of the y axis (attribute `y-label`; none when unset). */
  declare yLabel: string | undefined;
  /** How ticks, legend, readout and table print values (`value-format`); downloads keep them. */
  declare valueFormat: ValueFormat;
  /** Dragging selects an x-range (`train-range-select`). */
  declare selectable: boolean;
  /** Height of the plot with its axes, in CSS pixels. */
  declare height: number;
  declare private tableView: boolean;
  declare private hiddenLabels: ReadonlySet<string>;

  private plot: uPlot | null = null;
  private plotKey = "";
  private aligned: AlignedSeries = { x: [], ys: [], values: [], markers: [] };
  /** the lines drawn: `series`, with the smoothed lines the slider adds */
  private shown: readonly ChartSeries[] = [];
  /** the x values drawn (iterations, or times when the series carry them) */
  private xs: number[] = [];
  /** what the x axis shows now: the page's choice, or iteration when the series have no times */
  private drawnXMode: XAxisMode = "iteration";
  private hasTimes = false;
  /** what the markers are drawn at, and the iteration of each (for its title) */
  private drawnMarkers: NonFiniteMarker[] = [];
  private markerIteration = new WeakMap<NonFiniteMarker, number>();
  private isolated: number[][] = [];
  /** what uPlot draws: `aligned.ys`, or on a log axis those with the values ≤ 0 as gaps */
  private drawnYs: (number | null | undefined)[][] = [];
  /** how many finite values ≤ 0 the log axis leaves out */
  private hiddenByLog = 0;
  private colors: ChartColors = { fg: "", muted: "", grid: "", band: "", font: "", series: [] };
  private readonly markers = nonFiniteLayer();
  private readonly findingMarkers = findingLayer();
  private resizeObserver: ResizeObserver | null = null;
  private resizeFrame = 0;
  private media: MediaQueryList | null = null;
  private readonly selection = new RangeSelection(
    this,
    () => this.selectable && this.drawnXMode === "iteration",
  );
  private readonly readout = new RateLimitedAnnouncer((text) => {
    const el = this.renderRoot.querySelector<HTMLElement>(".readout");
    if (el !== null && el.textContent !== text) el.textContent = text;
  });
  private drawn = false;

  constructor() {
    super();
    this.series = [];
    this.epochs = [];
    this.findingMarks = [];
    this.band = null;
    this.refLines = [];
    this.yRange = null;
    this.fullSeries = null;
    this.exportMeta = null;
    this.startMs = null;
    this.reportTimes = null;
    this.downloadName = undefined;
    this.smoothing = 0;
    this.xMode = xAxisChoice.mode;
    this.busy = false;
    this.downloadError = null;
    this.logY = false;
    this.logToggle = false;
    this.selectable = false;
    this.height = DEFAULT_HEIGHT;
    this.tableView = false;
    this.hiddenLabels = new Set();
    this.xLabel = undefined;
    this.yLabel = undefined;
    this.valueFormat = "number";
  }

  /** Whether the y axis is drawn logarithmic now (asked for, and possible). */
  get effectiveLogY(): boolean {
    return this.logY && anyPositive(this.aligned.ys);
  }

  private get isEmpty(): boolean {
    return countPoints(this.aligned.ys) === 0 && this.aligned.markers.length === 0;
  }

  private readonly onXAxisChange = (): void => {
    this.xMode = xAxisChoice.mode;
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.xMode = xAxisChoice.mode;
    xAxisChoice.addEventListener("change", this.onXAxisChange);
    if (typeof matchMedia === "function") {
      this.media = matchMedia("(prefers-color-scheme: dark)");
      this.media.addEventListener("change", this.onSchemeChange);
    }
    // a reconnected element rebuilds its plot in updated()
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    xAxisChoice.removeEventListener("change", this.onXAxisChange);
    this.media?.removeEventListener("change", this.onSchemeChange);
    this.media = null;
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
    cancelAnimationFrame(this.resizeFrame);
    cancelAnimationFrame(this.redrawFrame);
    this.readout.cancel();
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
    const lines = changed.has("series") || changed.has("smoothing") || changed.has("lang");
    if (lines) {
      const lang = this.language;
      this.shown = smoothedSeries(
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- a page script may set `series = null`; it shows "No data yet." instead of throwing.
        this.series ?? [],
        this.smoothing,
        (label) => tc(lang, "charts.smoothed", { label }),
      );
      this.aligned = alignSeries(this.shown);
    }
    const map = changed as Map<PropertyKey, unknown>;
    if (lines || map.has("xMode") || map.has("startMs") || map.has("reportTimes")) {
      this.syncX();
    }
    if (lines || changed.has("logY")) {
      if (this.effectiveLogY) {
        const log = logColumns(this.aligned.ys);
        this.drawnYs = log.ys;
        this.hiddenByLog = log.hidden;
      } else {
        this.drawnYs = this.aligned.ys;
        this.hiddenByLog = 0;
      }
      this.isolated = this.drawnYs.map(isolatedPoints);
    }
  }

  /** The x values in the page's mode (iterations when the series lack times), and the markers on them. */
  private syncX(): void {
    const { x, markers } = this.aligned;
    const times = timesByIteration(this.shown, this.reportTimes);
    this.hasTimes = times.size > 0;
    const xs = this.xMode === "iteration" ? null : xValues(x, times, this.xMode, this.startMs);
    this.drawnXMode = xs === null ? "iteration" : this.xMode;
    this.xs = xs ?? x;
    this.markerIteration = new WeakMap();
    if (xs === null) {
      this.drawnMarkers = markers;
      return;
    }
    this.drawnMarkers = [];
    for (const m of markers) {
      const at = iterationToX(x, xs, m.x);
      if (at === null) continue;
      const drawnMarker = { ...m, x: at };
      this.markerIteration.set(drawnMarker, m.x);
      this.drawnMarkers.push(drawnMarker);
    }
  }

  /** An iteration on the drawn x axis (null: no place on it). */
  private toX(iteration: number): number | null {
    return this.drawnXMode === "iteration"
      ? iteration
      : iterationToX(this.aligned.x, this.xs, iteration);
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
      "findingMarks",
      "band",
      "refLines",
      "yRange",
      "logY",
      "height",
      "selectable",
      "theme",
      "lang",
      "hiddenLabels",
      "xLabel",
      "yLabel",
      "valueFormat",
      "smoothing",
      "xMode",
      "startMs",
      "reportTimes",
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
    const x = this.xs;
    const ys = this.drawnYs;
    this.dataset.points = String(countPoints(ys));
    const el = this.plotEl;
    if (this.isEmpty || el === null || !this.isConnected) {
      this.destroyPlot();
      if (this.isEmpty) this.markReady();
      return;
    }
    const data = [x, ...ys] as uPlot.AlignedData;
    const key =
      structureKey(
        this.shown,
        this.effectiveLogY,
        this.yRange,
        this.selectable,
        this.language,
        this.hiddenLabels,
        [this.xLabel, this.yLabel],
      ) +
      this.drawnXMode +
      this.valueFormat;
    if (this.plot !== null && key === this.plotKey) {
      this.plot.setData(data);
      const size = plotSize(el.clientWidth, this.height);
      if (size.height !== this.plot.height) this.plot.setSize(size);
      this.buildMarkers();
      return;
    }
    this.destroyPlot();
    this.colors = readChartColors(this, colorCount(this.shown));
    this.plotKey = key;
    this.plot = new uPlot(this.options(el), data, el);
    this.buildMarkers();
  }

  private scheduleResize(): void {
    cancelAnimationFrame(this.resizeFrame);
    this.resizeFrame = requestAnimationFrame(() => {
      const u = this.plot;
      const el = this.plotEl;
      if (u === null || el === null || el.clientWidth === 0) return;
      const size = plotSize(el.clientWidth, this.height);
      if (size.width !== u.width || size.height !== u.height) u.setSize(size);
    });
  }

  private destroyPlot(): void {
    if (this.plot !== null) {
      this.plot.destroy();
      this.plot = null;
    }
    this.plotKey = "";
    this.markers.reset();
    this.findingMarkers.reset();
  }

  private markReady(): void {
    if (!this.drawn) {
      this.drawn = true;
      this.dataset.ready = "";
    }
  }

  /** The x axis' title: the page's for iterations, the mode's name for times. */
  private get xTitle(): string | undefined {
    if (this.drawnXMode === "wall") return tc(this.language, "charts.x.wall");
    if (this.drawnXMode === "relative") return tc(this.language, "charts.x.relative_title");
    return this.xLabel;
  }

  private options(el: HTMLElement): uPlot.Options {
    const xTitle = this.xTitle;
    return chartOptions({
      size: plotSize(el.clientWidth, this.height),
      colors: this.colors,
      series: this.shown,
      hidden: this.hiddenLabels,
      log: this.effectiveLogY,
      selectable: this.selectable && this.drawnXMode === "iteration",
      lang: this.language,
      xMode: this.drawnXMode,
      ...(xTitle !== undefined ? { xLabel: xTitle } : {}),
      ...(this.yLabel !== undefined ? { yLabel: this.yLabel } : {}),
      valueFormat: this.valueFormat,
      rangeInputs: () => ({ yRange: this.yRange, band: this.band, refLines: this.refLines }),
      isolated: () => this.isolated,
      hooks: {
        init: [(u) => this.selection.listen(u.over, u)],
        drawClear: [
          (u) => {
            drawBand(u, this.band, this.effectiveLogY, this.colors.band);
            this.dataset.bands = String(drawSeriesBands(u, this.xs, this.seriesBands()));
          },
        ],
        drawAxes: [
          (u) =>
            drawGuides(u, {
              refLines: this.refLines,
              epochs: this.drawnEpochs(),
              log: this.effectiveLogY,
              color: this.colors.muted,
              font: this.colors.font,
              lang: this.language,
            }),
        ],
        draw: [(u) => this.afterDraw(u)],
        setCursor: [(u) => this.onCursor(u)],
        setSelect: [(u) => this.selection.onSelect(u)],
      },
    });
  }

  /** The epoch ends on the drawn x axis. */
  private drawnEpochs(): EpochMark[] {
    if (this.drawnXMode === "iteration") return this.epochs;
    const out: EpochMark[] = [];
    for (const e of this.epochs) {
      const at = this.toX(e.iteration);
      if (at !== null) out.push({ epoch: e.epoch, iteration: at });
    }
    return out;
  }

  /** The findings' marks on the drawn x axis. */
  private drawnFindings(): FindingMark[] {
    if (this.drawnXMode === "iteration") return this.findingMarks;
    const out: FindingMark[] = [];
    for (const m of this.findingMarks) {
      const at = this.toX(m.x);
      if (at !== null) out.push({ ...m, x: at });
    }
    return out;
  }

  /** The bands between pairs of shown series (`bandWith`), on the columns as drawn. */
  private seriesBands(): SeriesBand[] {
    const out: SeriesBand[] = [];
    this.shown.forEach((s, i) => {
      const j = s.bandWith;
      const other = j === undefined ? undefined : this.shown[j];
      if (j === undefined || other === undefined || j === i) return;
      if (this.hiddenLabels.has(s.label) || this.hiddenLabels.has(other.label)) return;
      const upper = this.drawnYs[i];
      const lower = this.drawnYs[j];
      if (upper === undefined || lower === undefined) return;
      out.push({ upper, lower, color: this.colors.series[colorSlot(s, i)] ?? this.colors.fg });
    });
    return out;
  }

  private afterDraw(u: uPlot): void {
    this.markers.position(u, this.drawnMarkers, this.markerTitleOf);
    this.findingMarkers.position(u, this.drawnFindings(), findingTitle);
    this.selection.restore(u);
    this.markReady();
  }

  private readonly markerTitleOf = (m: NonFiniteMarker): string => {
    const label = this.shown[m.seriesIndex]?.label ?? "";
    const iteration = this.markerIteration.get(m) ?? m.x;
    return markerTitle(this.language, label === "" ? "" : isolate(label), m.kind, iteration);
  };

  /** Creates the marker elements for the current data (positions come with each draw). */
  private buildMarkers(): void {
    if (this.plot === null) return;
    this.markers.build(this.plot, this.drawnMarkers, this.markerTitleOf);
    this.findingMarkers.build(this.plot, this.drawnFindings(), findingTitle);
  }

  private onCursor(u: uPlot): void {
    const idx = u.cursor.idx;
    const legendValues = this.renderRoot.querySelectorAll<HTMLElement>(".legend .value");
    const position = this.renderRoot.querySelector<HTMLElement>(".legend .position");
    if (idx === null || idx === undefined) {
      legendValues.forEach((el) => (el.textContent = ""));
      if (position !== null) position.textContent = "";
      return;
    }
    const { legend, readout, at } = cursorText(
      this.language,
      this.shown.map((s) => s.label),
      this.aligned.values,
      this.aligned.x,
      this.hiddenLabels,
      idx,
      // on a time axis the readout still names the point by its iteration
      this.drawnXMode === "iteration" ? this.xLabel : undefined,
      this.valueFormat,
    );
    if (position !== null) position.textContent = at ?? "";
    legend.forEach((text, i) => {
      const el = legendValues[i];
      if (el !== undefined) el.textContent = text;
    });
    if (readout !== null) this.readout.announce(readout);
  }

  private onKeyDown(e: KeyboardEvent): void {
    const u = this.plot;
    const n = this.aligned.x.length;
    if (u === null || n === 0) return;
    if (e.key === "Escape") {
      if (this.selectable && this.selection.current !== null) {
        this.selection.clear(this.plot);
        e.preventDefault();
      }
      return;
    }
    const idx = cursorIndexForKey(e.key, e.shiftKey, u.cursor.idx, n);
    if (idx === null) return;
    e.preventDefault();
    // on the first shown series that has a value there
    const at = cursorPosition(u, this.xs, this.drawnYs, idx);
    if (at !== null) u.setCursor(at);
  }

  private renderTools() {
    const smoothable = this.series.some((s) => s.smooth !== false && s.bandWith === undefined);
    return chartTools({
      lang: this.language,
      xMode: this.xMode,
      hasTimes: this.hasTimes,
      smoothing: smoothable ? this.smoothing : null,
      busy: this.busy,
      onXMode: (mode) => (xAxisChoice.mode = mode),
      onSmoothing: (weight) => (this.smoothing = weight),
      onDownload: (format) => void this.download(format),
    });
  }

  /**
   * Saves the chart's stored values (`fullSeries`, else `series`) as CSV or JSON: every point,
   * non-finite values as text, named after the chart's title and session.
   */
  async download(format: "csv" | "json"): Promise<void> {
    this.busy = true;
    this.downloadError = null;
    try {
      const series = this.fullSeries === null ? this.series : await this.fullSeries();
      const title = this.downloadName ?? this.label;
      const meta = { session: null, worker: null, ...this.exportMeta, chart: title };
      const name = exportFileName(title, meta.session, format);
      if (format === "csv") saveText(toCsv(series), name, "text/csv;charset=utf-8");
      else saveText(toJson(series, meta), name, "application/json");
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.downloadError = tc(this.language, "charts.download.failed", { message });
    } finally {
      this.busy = false;
    }
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
      <table part="table" class="data" aria-label=${this.label || nothing}>
        <thead>
          <tr>
            <th scope="col">${this.xLabel || t(lang, "chart.iteration")}</th>
            ${this.shown.map((s) => html`<th scope="col"><bdi>${s.label}</bdi></th>`)}
          </tr>
        </thead>
        <tbody>
          ${x.map(
            (it, i) =>
              html`<tr>
                <th scope="row">${it}</th>
                ${values.map((col) => html`<td>${formatChartValue(col[i], this.valueFormat)}</td>`)}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private renderLegend() {
    return html`<div part="legend" class="legend">
      <span class="position" part="position"></span>
      ${this.shown.map((s, i) => {
        const dash = (dashFor(s, i) ?? []).join(" ");
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
              style="stroke: var(--_series-${seriesToken(colorSlot(s, i))}); stroke-width: ${s.faint ? 1.5 : 2.5};
                stroke-dasharray: ${dash || "none"}; opacity: ${s.faint ? FAINT_ALPHA : 1}"
            ></line>
          </svg>
          <bdi class="name">${s.label}</bdi>
          <span class="value"></span>
        </button>`;
      })}
    </div>`;
  }

  protected override render() {
    const lang = this.language;
    const empty = this.isEmpty;
    const showLog = this.logToggle && anyPositive(this.aligned.ys);
    const logNote =
      !empty && this.hiddenByLog > 0
        ? html`<p part="lognote" class="muted lognote">
            ${t(lang, "chart.log_hidden", { count: this.hiddenByLog })}
          </p>`
        : nothing;
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
        }${empty ? nothing : this.renderTools()}
      </div>
      ${
        !empty && this.xMode !== this.drawnXMode
          ? html`<p part="xnote" class="muted lognote">${tc(lang, "charts.x.no_times")}</p>`
          : nothing
      }${
        this.downloadError === null
          ? nothing
          : html`<p part="error" class="lognote" role="alert">${this.downloadError}</p>`
      }
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
      ${logNote} ${empty ? nothing : this.renderLegend()}
      <div part="readout" class="readout" aria-live="polite"></div>
      <span class="theme-probe" aria-hidden="true" @transitionend=${() => this.scheduleRedraw()}
        >.</span
      >
      ${this.tableView && !empty ? this.renderTable() : nothing}
    `;
  }
}

function findingTitle(m: FindingMark): string {
  return m.title;
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
