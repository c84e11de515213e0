import { describe, expect, it } from "vitest";

import { en } from "../src/i18n/en.js";
import { CHARTS_CATALOGUES, chartsEn, tc } from "../src/i18n/charts.js";
import { LANGUAGES } from "../src/i18n/index.js";
import { onnxEn } from "../src/i18n/onnx.js";
import { projectorEn } from "../src/i18n/projector.js";
import { csvField, exportFileName, toCsv, toJson, valueText } from "../src/lib/chart-export.js";
import {
  formatDuration,
  iterationToX,
  parseXAxis,
  timesByIteration,
  xValues,
} from "../src/lib/chart-x-axis.js";
import { smoothedSeries, smoothEma } from "../src/lib/smoothing.js";

describe("smoothEma (TensorBoard's debiased EMA)", () => {
  it("weight 0 is the values themselves", () => {
    expect(smoothEma([3, 1, 4], 0)).toEqual([3, 1, 4]);
  });

  it("is debiased: starts at the first value, then the recurrence divided by 1 - w^n", () => {
    const w = 0.6;
    const out = smoothEma([10, 20, 30], w);
    // a1 = 0.4·10 = 4, d1 = 0.4; a2 = 0.6·4 + 0.4·20 = 10.4, d2 = 0.64; a3 = 6.24 + 12 = 18.24, d3 = 0.784
    expect(out[0]).toBeCloseTo(10, 12);
    expect(out[1]).toBeCloseTo(10.4 / 0.64, 12);
    expect(out[2]).toBeCloseTo(18.24 / 0.784, 12);
  });

  it("keeps a constant series constant (no pull towards 0)", () => {
    for (const v of smoothEma(Array<number>(50).fill(7), 0.99)) expect(v).toBeCloseTo(7, 9);
  });

  it("skips NaN, ±Inf and absent values: null there, the neighbours untouched", () => {
    const w = 0.5;
    const plain = smoothEma([2, 4, 6], w);
    const out = smoothEma([2, Number.NaN, 4, null, Number.POSITIVE_INFINITY, 6], w);
    expect(out).toEqual([plain[0], null, plain[1], null, null, plain[2]]);
    expect(smoothEma([Number.NEGATIVE_INFINITY, 1], 0.9)).toEqual([null, 1]);
  });

  it("clamps the weight", () => {
    expect(smoothEma([1, 2], -1)).toEqual([1, 2]);
    expect(smoothEma([1, 2], Number.NaN)).toEqual([1, 2]);
    expect(smoothEma([1, 2], 5)[1]).toBeGreaterThan(1);
  });
});

describe("smoothedSeries", () => {
  const raw = { label: "score", iterations: [1, 2, 3], values: [1, "NaN" as const, 3] };
  it("adds a smoothed line after each smoothable series, the raw one faint, one colour", () => {
    const out = smoothedSeries([raw, { ...raw, label: "ema", smooth: false }], 0.5, (l) => `${l}~`);
    expect(out.map((s) => [s.label, s.faint ?? false, s.color])).toEqual([
      ["score", true, 0],
      ["score~", false, 0],
      ["ema", false, undefined],
    ]);
    expect(out[1]?.values).toEqual([1, null, 3 * (0.5 / 0.75) + 1 * (0.25 / 0.75)]);
  });

  it("is the series themselves at weight 0, and leaves banded series", () => {
    const series = [raw];
    expect(smoothedSeries(series, 0, (l) => l)).toBe(series);
    const banded = [raw, { ...raw, label: "min", bandWith: 0 }];
    expect(smoothedSeries(banded, 0.9, (l) => l)).toEqual(banded);
  });
});

describe("CSV and JSON of the stored values", () => {
  const series = [
    {
      label: "score",
      iterations: [1, 2, 3, 4],
      values: [0.1, "NaN" as const, "Infinity" as const, null],
      timestamps_ms: [1_700_000_000_000, 1_700_000_000_500, null, 1_700_000_001_000],
    },
    {
      label: "acc, top-1",
      iterations: [2, 5],
      values: ["-Infinity" as const, 0.30000000000000004],
    },
  ];

  it("writes every point, non-finite as text, absent and missing empty", () => {
    expect(toCsv(series).split("\r\n")).toEqual([
      'iteration,wall_time_ms,wall_time_iso,score,"acc, top-1"',
      "1,1700000000000,2023-11-14T22:13:20.000Z,0.1,",
      "2,1700000000500,2023-11-14T22:13:20.500Z,NaN,-Infinity",
      "3,,,Infinity,",
      "4,1700000001000,2023-11-14T22:13:21.000Z,,",
      "5,,,,0.30000000000000004",
      "",
    ]);
  });

  it("turns numbers into text that reads back as the same float", () => {
    expect(valueText(Number.NaN)).toBe("NaN");
    expect(valueText(Number.POSITIVE_INFINITY)).toBe("Infinity");
    expect(valueText(Number.NEGATIVE_INFINITY)).toBe("-Infinity");
    expect(valueText(null)).toBe("");
    expect(valueText(undefined)).toBe("");
    expect(Number(valueText(1 / 3))).toBe(1 / 3);
    expect(valueText(1e-300)).toBe("1e-300");
  });

  it("quotes fields as RFC 4180 says", () => {
    expect(csvField('a"b')).toBe('"a""b"');
    expect(csvField("line\nbreak")).toBe('"line\nbreak"');
    expect(csvField(" edge")).toBe('" edge"');
    expect(csvField("plain")).toBe("plain");
  });

  it("writes JSON columnar, as the API does, NaN and ±Inf as text", () => {
    const doc = JSON.parse(toJson(series, { chart: "Score", session: "mlp", worker: "w0" })) as {
      chart: string;
      session: string;
      series: { label: string; values: unknown[]; timestamps_ms?: unknown[] }[];
    };
    expect(doc.chart).toBe("Score");
    expect(doc.session).toBe("mlp");
    expect(doc.series[0]?.values).toEqual([0.1, "NaN", "Infinity", null]);
    expect(doc.series[0]?.timestamps_ms).toHaveLength(4);
    expect(doc.series[1]?.values).toEqual(["-Infinity", 0.30000000000000004]);
    expect(doc.series[1]?.timestamps_ms).toBeUndefined();
    const numeric = JSON.parse(
      toJson([{ label: "x", iterations: [1, 2], values: [Number.NaN, Number.NEGATIVE_INFINITY] }], {
        chart: "",
        session: null,
        worker: null,
      }),
    ) as { series: { values: unknown[] }[] };
    expect(numeric.series[0]?.values).toEqual(["NaN", "-Infinity"]);
  });

  it("names the file after the title and the session, safely", () => {
    expect(exportFileName("Score", "mlp", "csv")).toBe("Score-mlp.csv");
    expect(exportFileName("User metrics", null, "json")).toBe("User-metrics.json");
    expect(exportFileName("../x", "a/b\u202e", "csv")).toBe("x-a-b.csv");
    expect(exportFileName("", null, "csv")).toBe("chart.csv");
  });
});

describe("x axis", () => {
  const x = [1, 2, 4];
  const times = timesByIteration([
    { iterations: [1, 2], timestamps_ms: [1000, 3000] },
    { iterations: [2, 4], timestamps_ms: [9999, 7000] },
    { iterations: [1, 4] },
  ]);

  it("collects one wall time per iteration, the first series' winning", () => {
    expect([...times]).toEqual([
      [1, 1000],
      [2, 3000],
      [4, 7000],
    ]);
  });

  it("converts iterations to wall time (ms) and to seconds since the start", () => {
    expect(xValues(x, times, "iteration", null)).toEqual([1, 2, 4]);
    expect(xValues(x, times, "wall", null)).toEqual([1000, 3000, 7000]);
    expect(xValues(x, times, "relative", null)).toEqual([0, 2, 6]);
    expect(xValues(x, times, "relative", 0)).toEqual([1, 3, 7]);
  });

  it("falls back (null) when a point has no time or time goes backwards", () => {
    expect(xValues([1, 2, 3], times, "wall", null)).toBeNull();
    expect(
      xValues(
        [1, 2],
        new Map([
          [1, 5],
          [2, 4],
        ]),
        "relative",
        null,
      ),
    ).toBeNull();
  });

  it("places epochs and markers between points linearly", () => {
    const xs = [1000, 3000, 7000];
    expect(iterationToX(x, xs, 2)).toBe(3000);
    expect(iterationToX(x, xs, 3)).toBe(5000);
    expect(iterationToX(x, xs, 0)).toBeNull();
    expect(iterationToX(x, xs, 5)).toBeNull();
  });

  it("reads the address and formats durations", () => {
    expect(parseXAxis("wall")).toBe("wall");
    expect(parseXAxis("bogus")).toBe("iteration");
    expect(parseXAxis(null)).toBe("iteration");
    expect(formatDuration(12.5)).toBe("12.5 s");
    expect(formatDuration(725)).toBe("12m 05s");
    expect(formatDuration(3 * 3600 + 7 * 60)).toBe("3h 07m");
  });
});

describe("charts catalogues", () => {
  it("has one for every language of the menu", () => {
    expect(Object.keys(CHARTS_CATALOGUES).sort()).toEqual(Object.keys(LANGUAGES).sort());
  });

  for (const [lang, catalogue] of Object.entries(CHARTS_CATALOGUES)) {
    it(`${lang} has exactly the English keys, with their placeholders`, () => {
      const cat: Record<string, string | undefined> = catalogue;
      expect(Object.keys(cat).sort()).toEqual(Object.keys(chartsEn).sort());
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const [k, v] of Object.entries(chartsEn)) {
        expect((cat[k] ?? "").trim(), k).not.toBe("");
        expect(names(cat[k] ?? ""), k).toEqual(names(v));
      }
    });
  }

  it("shares no key with the other catalogues, and fills placeholders", () => {
    const other = { ...en, ...projectorEn, ...onnxEn };
    expect(Object.keys(chartsEn).filter((k) => k in other)).toEqual([]);
    expect(tc("en", "charts.smoothed", { label: "score" })).toBe("score (smoothed)");
    for (const lang of Object.keys(LANGUAGES) as (keyof typeof LANGUAGES)[]) {
      if (lang !== "en")
        expect(tc(lang, "charts.x_axis"), lang).not.toBe(tc("en", "charts.x_axis"));
    }
  });
});
