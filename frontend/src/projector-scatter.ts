/**
 * The projector's map: regl-scatterplot (WebGL) drawing the placed points on a canvas, behind a
 * small API that speaks in drawn places (lib/projector-coords.ts converts them to embedding
 * indices).
 *
 * What it adds to the library: draws are serialised (the library refuses a draw while one runs;
 * the latest waiting one wins), a redraw of the same coordinates (the same `key`) reuses their
 * spatial index,
 * colours are given as CSS colours (page overrides of the `--train-*` tokens may be any CSS
 * colour), and no animated transition when the user prefers reduced motion. Points carry two
 * codes: their colour (regl-scatterplot's categorical `valueA`) and their emphasis (`valueB`: 1
 * for a search match, or for every point while nothing is searched; 0 fades the point).
 *
 * Blob workers are never used (the server's CSP has no `blob:`): the spatial index is built on
 * the main thread, which takes about 50 ms for 100,000 points.
 */
import createScatterplot from "regl-scatterplot";
import { ramp, type Legend } from "./lib/projector-colors.js";
import { readToken, SERIES_COLORS, SERIES_COUNT } from "./theme.js";

type Scatterplot = ReturnType<typeof createScatterplot>;

/** What the map reports. Indices are drawn places. */
export interface ScatterCallbacks {
  /** The pointer is over a point (null: over none). */
  hover(drawn: number | null): void;
  /** A point was clicked. */
  pick(drawn: number): void;
  /** A lasso closed around these points. */
  lasso(drawn: number[]): void;
  /** The selection was dropped (a double click on the background). */
  deselect(): void;
  /** A frame was drawn. */
  frame(): void;
}

/** The colours of the map, as CSS colours. */
export interface ScatterColors {
  /** one per colour code */
  palette: string[];
  /** selected points */
  active: string;
  /** the point under the pointer */
  hover: string;
  /** the background (the outline of selected points is drawn in it) */
  background: string;
  /** the lasso line */
  lasso: string;
}

/** `color` (any CSS colour) as `#rrggbb`, or `fallback` when it is not opaque or not a colour. */
export function hexColor(color: string, fallback: string): string {
  const ctx = document.createElement("canvas").getContext("2d");
  if (ctx === null) return fallback;
  ctx.fillStyle = fallback;
  ctx.fillStyle = color;
  return /^#[0-9a-f]{6}$/i.test(ctx.fillStyle) ? ctx.fillStyle : fallback;
}

/**
 * The colour of each code of a colouring (lib/projector-colors.ts), from `el`'s theme tokens:
 * one colour (`--_series-1`) without a colouring; a category's colour is `--_series-<n>` for the
 * first 12, `--_cat-<n>` after, "other" `--_muted`, "no value" `--_fg`; a numeric column's ramp
 * runs from `--_series-1` to `--_series-2`.
 */
export function mapPalette(el: Element, legend: Legend | null, dark: boolean): string[] {
  if (legend === null) return [readToken(el, "--_series-1")];
  const fg = readToken(el, "--_fg");
  if (legend.kind === "categorical") {
    const color = (i: number) =>
      readToken(el, i < SERIES_COUNT ? `--_series-${i + 1}` : `--_cat-${i + 1}`);
    return [...legend.entries.map((_e, i) => color(i)), readToken(el, "--_muted"), fg];
  }
  const [from, to] = SERIES_COLORS[dark ? "dark" : "light"];
  const ends = [
    hexColor(readToken(el, "--_series-1"), from),
    hexColor(readToken(el, "--_series-2"), to),
  ];
  return [...ramp(ends[0] ?? from, ends[1] ?? to, legend.steps), fg];
}

/** The map's colours for a colouring, from `el`'s theme tokens. */
export function mapColors(el: Element, legend: Legend | null, dark: boolean): ScatterColors {
  return {
    palette: mapPalette(el, legend, dark),
    active: readToken(el, "--_accent"),
    hover: readToken(el, "--_fg"),
    background: readToken(el, "--_bg"),
    lasso: readToken(el, "--_accent"),
  };
}

/** Point sizes (CSS px) of faded and emphasised points. */
const SIZES = [3, 6];
/** Opacities of faded and emphasised points. */
const OPACITIES = [0.25, 0.9];

/** Whether this browser gives WebGL (1) to a canvas. */
export function webglSupported(): boolean {
  try {
    const canvas = document.createElement("canvas");
    return canvas.getContext("webgl") !== null;
  } catch {
    return false;
  }
}

/** `color` (any CSS colour) as `#rrggbb` or `rgba(...)`, as a 2-D canvas normalises it. */
function normalise(ctx: CanvasRenderingContext2D | null, color: string): string {
  if (ctx === null || color === "") return color === "" ? "#888888" : color;
  ctx.fillStyle = "#000000";
  ctx.fillStyle = color;
  return ctx.fillStyle;
}

/** One draw of the map: the points in drawn order, their codes, and what stays selected. */
export interface MapDraw {
  x: Float32Array;
  y: Float32Array;
  codes: ArrayLike<number>;
  emphasis: ArrayLike<number>;
  select: number[];
  /** stands for the coordinates: a draw with the last drawn key reuses its spatial index */
  key: object;
}

/** One map on one canvas; {@link destroy} it when its element leaves the page. */
export class ScatterMap {
  private readonly plot: Scatterplot;
  private drawing = false;
  private next: MapDraw | null = null;
  private lassoing = false;
  /** The key of the coordinates drawn last (their spatial index is the plot's). */
  private drawnKey: object | null = null;
  private readonly colorCtx: CanvasRenderingContext2D | null;

  constructor(
    canvas: HTMLCanvasElement,
    overlay: HTMLElement,
    private readonly callbacks: ScatterCallbacks,
    private readonly reducedMotion: () => boolean,
  ) {
    this.colorCtx = document.createElement("canvas").getContext("2d");
    const { width, height } = canvas.getBoundingClientRect();
    this.plot = createScatterplot({
      canvas,
      width: Math.max(1, Math.round(width)),
      height: Math.max(1, Math.round(height)),
      pointSize: SIZES,
      sizeBy: "valueB",
      opacity: OPACITIES,
      opacityBy: "valueB",
      colorBy: "valueA",
      pointSizeSelected: 2,
      pointOutlineWidth: 2,
      opacityInactiveScale: 0.5,
      deselectOnEscape: false,
      deselectOnDblClick: true,
      lassoInitiator: false,
      lassoOnLongPress: false,
      lassoClearEvent: "lassoEnd",
      // The library puts these helper elements under document.body by default; keep them in
      // the element's shadow root.
      lassoInitiatorParentElement: overlay,
      lassoLongPressIndicatorParentElement: overlay,
      spatialIndexUseWorker: false,
    });
    this.plot.subscribe("pointOver", (drawn) => {
      this.callbacks.hover(drawn);
    });
    this.plot.subscribe("pointOut", () => {
      this.callbacks.hover(null);
    });
    this.plot.subscribe("lassoStart", () => {
      this.lassoing = true;
    });
    this.plot.subscribe("select", ({ points }) => {
      if (this.lassoing) {
        this.lassoing = false;
        this.callbacks.lasso(points);
      } else {
        const clicked = points[points.length - 1];
        if (clicked !== undefined) this.callbacks.pick(clicked);
      }
    });
    this.plot.subscribe("lassoEnd", () => {
      // A lasso around no point selects nothing (no select event follows).
      queueMicrotask(() => {
        if (this.lassoing) {
          this.lassoing = false;
          this.callbacks.lasso([]);
        }
      });
    });
    this.plot.subscribe("deselect", () => {
      this.callbacks.deselect();
    });
    this.plot.subscribe("draw", () => {
      this.callbacks.frame();
    });
  }

  /** Sets the colours (after a theme change too). */
  setColors(colors: ScatterColors): void {
    const n = (c: string) => normalise(this.colorCtx, c);
    void this.plot.set({
      pointColor: colors.palette.map(n),
      pointColorActive: n(colors.active),
      pointColorHover: n(colors.hover),
      backgroundColor: n(colors.background),
      lassoColor: n(colors.lasso),
    });
  }

  /**
   * Draws the points (drawn order), keeping `select` selected. Resolves once drawn; a draw asked
   * for while one runs waits, and only the latest waiting one is drawn.
   */
  async draw(d: MapDraw): Promise<void> {
    if (this.drawing) {
      this.next = d;
      return;
    }
    this.drawing = true;
    try {
      let current: MapDraw | null = d;
      while (current !== null) {
        const points: number[][] = new Array<number[]>(current.x.length);
        for (let i = 0; i < current.x.length; i++) {
          points[i] = [
            current.x[i] ?? 0,
            current.y[i] ?? 0,
            current.codes[i] ?? 0,
            current.emphasis[i] ?? 1,
          ];
        }
        const spatialIndex =
          current.key === this.drawnKey ? this.plot.get("spatialIndex") : undefined;
        await this.plot.draw(points, {
          zDataType: "categorical",
          wDataType: "categorical",
          select: current.select,
          preventFilterReset: true,
          ...(spatialIndex === undefined ? {} : { spatialIndex }),
        });
        this.drawnKey = current.key;
        current = this.next;
        this.next = null;
      }
    } finally {
      this.drawing = false;
    }
  }

  /** Selects (highlights) drawn points without reporting it back. */
  select(drawn: number[]): void {
    if (drawn.length === 0) this.plot.deselect({ preventEvent: true });
    else this.plot.select(drawn, { preventEvent: true });
  }

  /** Zooms to show these points (at once when the user prefers reduced motion). */
  zoomTo(drawn: number[]): void {
    if (drawn.length === 0) return;
    void this.plot.zoomToPoints(drawn, { padding: 0.6, transition: !this.reducedMotion() });
  }

  /** Zooms in (factor > 1) or out around the view's centre. */
  zoomBy(factor: number): void {
    const target = this.plot.get("cameraTarget");
    const distance = this.plot.get("cameraDistance");
    void this.plot.zoomToLocation(target, distance / factor, {
      transition: !this.reducedMotion(),
    });
  }

  /** Back to the whole layout. */
  resetView(): void {
    void this.plot.zoomToOrigin({ transition: !this.reducedMotion() });
  }

  /** Whether a plain drag draws a lasso (else it pans). */
  setLassoMode(on: boolean): void {
    void this.plot.set({ mouseMode: on ? "lasso" : "panZoom" });
  }

  /** The canvas' new size (CSS px). */
  resize(width: number, height: number): void {
    void this.plot.set({
      width: Math.max(1, Math.round(width)),
      height: Math.max(1, Math.round(height)),
    });
  }

  /** Where a drawn point is on the canvas (CSS px from its top left). */
  screenPosition(drawn: number): [number, number] | undefined {
    return this.plot.getScreenPosition(drawn);
  }

  /** Frees the WebGL context and the library's listeners. */
  destroy(): void {
    this.next = null;
    this.plot.destroy();
  }
}
