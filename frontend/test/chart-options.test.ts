import uPlot from "uplot";
import { describe, expect, it } from "vitest";

import {
  chartOptions,
  DEFAULT_HEIGHT,
  FAINT_ALPHA,
  ITERATION_INCRS,
  namedSeries,
  plotSize,
  structureKey,
  yAxisSize,
  usableRange,
  dashFor,
  yRangeFor,
  type ChartOptionsInput,
  type ChartSeries,
  type YRangeInputs,
} from "../src/lib/chart-options.js";
import { SERIES_COUNT, seriesToken } from "../src/theme.js";

const NONE: YRangeInputs = { yRange: null, band: null, refLines: [] };

function series(label: string, extra: Partial<ChartSeries> = {}): ChartSeries {
  return { label, iterations: [1, 2], values: [0.5, 0.25], ...extra };
}

function input(extra: Partial<ChartOptionsInput> = {}): ChartOptionsInput {
  return {
    size: { width: 500, height: 200 },
    colors: {
      fg: "#111",
      muted: "#555",
      grid: "#eee",
      band: "#0f0",
      font: "serif",
      series: ["#a00", "#0a0"],
    },
    series: [series("raw", { faint: true }), series("EMA", { dash: [6, 4], width: 3 })],
    hidden: new Set(),
    log: false,
    selectable: false,
    lang: "en",
    rangeInputs: () => NONE,
    isolated: () => [],
    hooks: {},
    ...extra,
  };
}

// uPlot's own functions are only called with a plot; the options under test ignore it
const U = null as unknown as uPlot;

describe("plotSize", () => {
  it("takes the container's width and the height attribute", () => {
    expect(plotSize(731, 300)).toEqual({ width: 731, height: 300 });
  });

  it("falls back to 600 px wide before layout and 260 px high for unusable heights", () => {
    expect(plotSize(0, 300).width).toBe(600);
    for (const h of [40, 0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(plotSize(400, h).height).toBe(DEFAULT_HEIGHT);
    }
    expect(plotSize(400, 41).height).toBe(41);
  });
});

describe("yRangeFor", () => {
  it("returns a fixed range as given, whatever the data", () => {
    expect(yRangeFor({ ...NONE, yRange: [-1, 5], band: [10, 20] }, 3, 4, false)).toEqual([-1, 5]);
  });

  it("pads the data's extent the way uPlot does", () => {
    expect(yRangeFor(NONE, 0.2, 0.9, false)).toEqual(uPlot.rangeNum(0.2, 0.9, 0.1, true));
    expect(yRangeFor(NONE, 0.002, 0.5, true)).toEqual(uPlot.rangeLog(0.002, 0.5, 10, true));
  });

  it("widens the range to keep the band and reference lines in view", () => {
    const inputs = { yRange: null, band: [-4, -2], refLines: [-3, -1] } as const;
    expect(yRangeFor(inputs, -3.5, -2.5, false)).toEqual(uPlot.rangeNum(-4, -1, 0.1, true));
  });

  it("ignores non-finite extras, and extras at or below 0 on a log axis", () => {
    const inputs = { yRange: null, band: [0, 100], refLines: [Number.NaN, -1, 1e-3] } as const;
    expect(yRangeFor(inputs, 0.1, 1, true)).toEqual(uPlot.rangeLog(1e-3, 100, 10, true));
    const lin = { yRange: null, band: null, refLines: [Number.POSITIVE_INFINITY] } as const;
    expect(yRangeFor(lin, 1, 2, false)).toEqual(uPlot.rangeNum(1, 2, 0.1, true));
  });

  it("fits the extras alone when there is no data", () => {
    expect(yRangeFor({ ...NONE, refLines: [2] }, null, null, false)).toEqual(
      uPlot.rangeNum(2, 2, 0.1, true),
    );
  });

  it("falls back to [0, 1] (linear) or [1, 10] (log) with nothing to fit", () => {
    expect(yRangeFor(NONE, null, null, false)).toEqual([0, 1]);
    expect(yRangeFor(NONE, null, null, true)).toEqual([1, 10]);
  });
});

describe("yRangeFor on a log axis", () => {
  it("never reaches 0: a fixed range from 0 (the score chart's) gives way to the data", () => {
    const r = yRangeFor({ ...NONE, yRange: [0, 2.5] }, 0.3, 2.5, true);
    expect(r).toEqual(uPlot.rangeLog(0.3, 2.5, 10, true));
    expect(r[0]).toBeGreaterThan(0);
  });

  it("keeps a fixed range that is positive, and ignores a backwards or non-finite one", () => {
    expect(yRangeFor({ ...NONE, yRange: [0.1, 10] }, 1, 2, true)).toEqual([0.1, 10]);
    expect(yRangeFor({ ...NONE, yRange: [5, 1] }, 1, 2, false)).toEqual(
      uPlot.rangeNum(1, 2, 0.1, true),
    );
    expect(yRangeFor({ ...NONE, yRange: [0, Number.NaN] }, 1, 2, false)).toEqual(
      uPlot.rangeNum(1, 2, 0.1, true),
    );
  });

  it("leaves out a data minimum at or below 0 and falls back to [1, 10] with nothing positive", () => {
    expect(yRangeFor(NONE, 0, 0, true)).toEqual([1, 10]);
    expect(yRangeFor(NONE, -5, 2, true)).toEqual(uPlot.rangeLog(2, 2, 10, true));
    const r = yRangeFor(NONE, 0, 2, true);
    expect(r[0]).toBeGreaterThan(0);
  });

  it("says which fixed ranges can be drawn", () => {
    expect(usableRange([0, 1], false)).toBe(true);
    expect(usableRange([0, 1], true)).toBe(false);
    expect(usableRange([1e-3, 1], true)).toBe(true);
    expect(usableRange([1, 1], false)).toBe(false);
  });
});

describe("axis titles and dashes", () => {
  it("titles the x axis Iteration by default and the y axis only when given", () => {
    const o = chartOptions(input());
    expect(o.axes?.[0]?.label).toBe("Iteration");
    expect(o.axes?.[1]?.label).toBeUndefined();
    const titled = chartOptions(input({ xLabel: "Time", yLabel: "log10 ratio" }));
    expect(titled.axes?.[0]?.label).toBe("Time");
    expect(titled.axes?.[1]?.label).toBe("log10 ratio");
    expect(titled.axes?.[1]?.labelSize).toBeGreaterThan(0);
    expect(chartOptions(input({ xLabel: "" })).axes?.[0]?.label).toBeUndefined();
    expect(chartOptions(input({ lang: "zh" })).axes?.[0]?.label).toBe("迭代");
  });

  it("rebuilds the plot when an axis title changes", () => {
    const k = (x?: string, y?: string) =>
      structureKey([series("a")], false, null, false, "en", new Set(), [x, y]);
    expect(k("Iteration", "a")).not.toBe(k("Iteration", "b"));
    expect(k()).toBe(k());
  });

  it("dashes the series past the palette, each round its own pattern", () => {
    const many = Array.from({ length: 3 * SERIES_COUNT }, (_, i) => series(`s${i}`));
    const o = chartOptions(input({ series: many }));
    const dashes = o.series.slice(1).map((s) => JSON.stringify(s.dash ?? null));
    expect(dashes.slice(0, SERIES_COUNT).every((d) => d === "null")).toBe(true);
    const second = dashes[SERIES_COUNT];
    const third = dashes[2 * SERIES_COUNT];
    expect(second).not.toBe("null");
    expect(third).not.toBe("null");
    expect(second).not.toBe(third);
    // a series' own dash wins
    expect(dashFor(series("x", { dash: [1, 1] }), 30)).toEqual([1, 1]);
    // every (colour, dash) pair of 36 series is different
    const pairs = new Set(many.map((_, i) => `${seriesToken(i)}|${dashes[i] ?? ""}`));
    expect(pairs.size).toBe(many.length);
  });
});

describe("yAxisSize", () => {
  it("is at least 40 px and grows 7 px per character of the longest label", () => {
    expect(yAxisSize(undefined)).toBe(40);
    expect(yAxisSize(["0", "1"])).toBe(40);
    expect(yAxisSize(["1.235e+6", "2"])).toBe(16 + 7 * 8);
  });
});

describe("structureKey", () => {
  interface KeyParts {
    series: ChartSeries[];
    log: boolean;
    yRange: [number, number] | null;
    selectable: boolean;
    lang: "en" | "zh";
    hidden: Set<string>;
  }
  const key = (over: Partial<KeyParts> = {}): string => {
    const p: KeyParts = {
      series: [series("a")],
      log: false,
      yRange: null,
      selectable: false,
      lang: "en",
      hidden: new Set(),
      ...over,
    };
    return structureKey(p.series, p.log, p.yRange, p.selectable, p.lang, p.hidden);
  };

  it("ignores the points, which setData can replace", () => {
    expect(key({ series: [series("a", { iterations: [5], values: ["NaN"] })] })).toBe(key());
  });

  it("changes with everything that needs a new plot", () => {
    const k = key();
    expect(key({ series: [series("b")] })).not.toBe(k);
    expect(key({ series: [series("a", { width: 2 })] })).not.toBe(k);
    expect(key({ series: [series("a", { dash: [2, 2] })] })).not.toBe(k);
    expect(key({ series: [series("a", { faint: true })] })).not.toBe(k);
    expect(key({ series: [series("a"), series("c")] })).not.toBe(k);
    expect(key({ log: true })).not.toBe(k);
    expect(key({ yRange: [0, 1] })).not.toBe(k);
    expect(key({ selectable: true })).not.toBe(k);
    expect(key({ lang: "zh" })).not.toBe(k);
    expect(key({ hidden: new Set(["a"]) })).not.toBe(k);
  });
});

describe("chartOptions", () => {
  it("sizes the plot and leaves room above it for the epoch labels", () => {
    const o = chartOptions(input());
    expect([o.width, o.height]).toEqual([500, 200]);
    expect(o.padding?.[0]).toBe(16);
    expect(o.legend?.show).toBe(false);
  });

  it("makes the y scale logarithmic only when asked", () => {
    expect(chartOptions(input()).scales?.y?.distr).toBe(1);
    expect(chartOptions(input({ log: true })).scales?.y?.distr).toBe(3);
  });

  it("reads the band and reference lines when uPlot ranges, not when it is built", () => {
    let inputs: YRangeInputs = NONE;
    const o = chartOptions(input({ rangeInputs: () => inputs }));
    const range = o.scales?.y?.range as uPlot.Range.Function;
    expect(range(U, 1, 2, "y")).toEqual(uPlot.rangeNum(1, 2, 0.1, true));
    inputs = { ...NONE, yRange: [0, 10] };
    expect(range(U, 1, 2, "y")).toEqual([0, 10]);
  });

  it("steps the x ticks through 1, 2, 5 times powers of ten", () => {
    expect(ITERATION_INCRS.slice(0, 7)).toEqual([1, 2, 5, 10, 20, 50, 100]);
    expect(chartOptions(input()).axes?.[0]?.incrs).toEqual(ITERATION_INCRS);
  });

  it("formats y ticks like the table and sizes the axis to them", () => {
    const y = chartOptions(input()).axes?.[1];
    const values = y?.values as (u: uPlot, splits: number[]) => string[];
    expect(values(U, [0, 0.012345, 1234567])).toEqual(["0", "0.01235", "1.235e+6"]);
    const size = y?.size as (u: uPlot, values: string[], i: number, c: number) => number;
    expect(size(U, ["1.235e+6"], 1, 0)).toBe(yAxisSize(["1.235e+6"]));
  });

  it("styles each series: colour, width, dash, faintness and visibility", () => {
    const o = chartOptions(input({ hidden: new Set(["EMA"]) }));
    const [x, raw, ema] = o.series;
    expect(x?.label).toBe("Iteration");
    expect(raw).toMatchObject({
      label: "raw",
      stroke: "#a00",
      width: 1,
      alpha: FAINT_ALPHA,
      show: true,
    });
    expect(raw).not.toHaveProperty("dash");
    expect(ema).toMatchObject({ label: "EMA", stroke: "#0a0", width: 3, dash: [6, 4] });
    expect(ema).toMatchObject({ alpha: 1, show: false, spanGaps: false });
  });

  it("falls back to 1.5 px lines and the text colour", () => {
    const o = chartOptions(input({ series: [series("a"), series("b"), series("c")] }));
    expect(o.series[1]?.width).toBe(1.5);
    expect(o.series[3]?.stroke).toBe("#111");
  });

  it("names the x series in the chart's language", () => {
    expect(chartOptions(input({ lang: "zh" })).series[0]?.label).toBe("迭代");
  });

  it("draws the isolated points uPlot would hide, read at draw time", () => {
    let iso: number[][] = [];
    const o = chartOptions(input({ isolated: () => iso }));
    const filter = o.series[1]?.points?.filter as (
      u: uPlot,
      si: number,
      show: boolean,
      gaps?: null,
    ) => number[] | null;
    expect(filter(U, 1, false, null)).toBeNull();
    iso = [[3, 7], []];
    expect(filter(U, 1, false, null)).toEqual([3, 7]);
    expect(filter(U, 2, false, null)).toBeNull();
    // uPlot shows every point anyway: nothing to add
    expect(filter(U, 1, true, null)).toBeNull();
  });

  it("turns dragging and the selection box on with selectable", () => {
    const off = chartOptions(input());
    expect(off.cursor?.drag).toMatchObject({ x: false, y: false, setScale: false, dist: 4 });
    expect(off.select?.show).toBe(false);
    const on = chartOptions(input({ selectable: true }));
    expect(on.cursor?.drag?.x).toBe(true);
    expect(on.select?.show).toBe(true);
  });

  it("passes the chart's hooks through", () => {
    const hooks: uPlot.Hooks.Arrays = { draw: [() => {}] };
    expect(chartOptions(input({ hooks })).hooks).toBe(hooks);
  });
});

describe("namedSeries", () => {
  it("labels each series of a map with its name, in the map's order", () => {
    const a = { iterations: [1, 2], values: [0.5, "NaN" as const] };
    const b = { iterations: [3], values: [null] };
    expect(namedSeries({ "fc.weight": a, "0.bias": b })).toEqual([
      { label: "fc.weight", ...a },
      { label: "0.bias", ...b },
    ]);
    expect(namedSeries({})).toEqual([]);
  });
});
