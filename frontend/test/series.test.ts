import { describe, expect, it } from "vitest";

import {
  alignSeries,
  allPositive,
  anyPositive,
  countPoints,
  logColumns,
  isolatedPoints,
  nonFiniteKind,
  type WireSeries,
} from "../src/lib/series.js";

const s = (iterations: number[], values: WireSeries["values"]): WireSeries => ({
  iterations,
  values,
});

describe("alignSeries", () => {
  it("returns empty columns for no series", () => {
    expect(alignSeries([])).toEqual({ x: [], ys: [], values: [], markers: [] });
  });

  it("keeps an empty series as an empty column", () => {
    const a = alignSeries([s([], []), s([1, 2], [0.5, 0.25])]);
    expect(a.x).toEqual([1, 2]);
    expect(a.ys[0]).toEqual([undefined, undefined]);
    expect(a.ys[1]).toEqual([0.5, 0.25]);
  });

  it("passes one finite series through", () => {
    const a = alignSeries([s([0, 10, 20], [3, 2, 1])]);
    expect(a.x).toEqual([0, 10, 20]);
    expect(a.ys).toEqual([[3, 2, 1]]);
    expect(a.values).toEqual([[3, 2, 1]]);
    expect(a.markers).toEqual([]);
  });

  it("aligns on the sorted union of iterations", () => {
    const a = alignSeries([s([0, 2, 4], [1, 2, 3]), s([1, 4, 3], [10, 40, 30])]);
    expect(a.x).toEqual([0, 1, 2, 3, 4]);
    expect(a.ys[0]).toEqual([1, undefined, 2, undefined, 3]);
    expect(a.ys[1]).toEqual([undefined, 10, undefined, 30, 40]);
  });

  it("leaves a missing sample undefined so the line is not broken", () => {
    const a = alignSeries([s([0, 1, 2], [1, 1, 1]), s([0, 2], [5, 6])]);
    // undefined (not null): uPlot connects straight across it
    expect(a.ys[1]).toEqual([5, undefined, 6]);
    expect(a.ys[1]?.[1]).toBeUndefined();
    expect(a.ys[1]?.includes(null)).toBe(false);
  });

  it("makes an explicit null a gap without a marker", () => {
    const a = alignSeries([s([0, 1, 2], [1, null, 3])]);
    expect(a.ys[0]).toEqual([1, null, 3]);
    expect(a.values[0]).toEqual([1, null, 3]);
    expect(a.markers).toEqual([]);
  });

  it("makes non-finite values gaps with markers", () => {
    const a = alignSeries([s([0, 1, 2, 3, 4], [1, "NaN", "Infinity", "-Infinity", 5])]);
    expect(a.ys[0]).toEqual([1, null, null, null, 5]);
    expect(a.markers).toEqual([
      { seriesIndex: 0, x: 1, kind: "nan" },
      { seriesIndex: 0, x: 2, kind: "inf" },
      { seriesIndex: 0, x: 3, kind: "-inf" },
    ]);
    const v = a.values[0] ?? [];
    expect(v[1]).toBeNaN();
    expect(v[2]).toBe(Infinity);
    expect(v[3]).toBe(-Infinity);
  });

  it("treats non-finite JS numbers like the wire strings", () => {
    const a = alignSeries([s([0, 1, 2], [Number.NaN, Infinity, -Infinity])]);
    expect(a.ys[0]).toEqual([null, null, null]);
    expect(a.markers.map((m) => m.kind)).toEqual(["nan", "inf", "-inf"]);
  });

  it("never turns NaN or null into 0", () => {
    const a = alignSeries([s([0, 1], ["NaN", null])]);
    expect(a.ys[0]).not.toContain(0);
    expect(countPoints(a.ys)).toBe(0);
  });

  it("widens a gap over the adjacent alignment artifacts", () => {
    // series 1 has samples at 0, 2 (NaN), 4; the other series adds 1 and 3
    const a = alignSeries([s([0, 1, 2, 3, 4], [0, 0, 0, 0, 0]), s([0, 2, 4], [1, "NaN", 3])]);
    expect(a.ys[1]).toEqual([1, null, null, null, 3]);
    expect(a.values[1]).toEqual([1, undefined, Number.NaN, undefined, 3]);
  });

  it("widens a gap only up to the series' next real sample", () => {
    const a = alignSeries([
      s([0, 1, 2, 3, 4, 5, 6], [0, 0, 0, 0, 0, 0, 0]),
      s([0, 2, 4, 6], [1, null, 3, 4]),
    ]);
    expect(a.ys[1]).toEqual([1, null, null, null, 3, undefined, 4]);
  });

  it("widens gaps at the ends of a series", () => {
    const a = alignSeries([s([0, 1, 2, 3, 4], [0, 0, 0, 0, 0]), s([2, 3], [null, 1])]);
    expect(a.ys[1]).toEqual([null, null, null, 1, undefined]);
  });

  it("does not turn real values into gaps", () => {
    const a = alignSeries([s([0, 1, 2], [0, 0, 0]), s([0, 1, 2], [1, "NaN", 2])]);
    expect(a.ys[1]).toEqual([1, null, 2]);
  });

  it("lets the last value win on a repeated iteration", () => {
    const a = alignSeries([s([0, 1, 1, 2], [1, "NaN", 7, 3])]);
    expect(a.x).toEqual([0, 1, 2]);
    expect(a.ys[0]).toEqual([1, 7, 3]);
    expect(a.markers).toEqual([]);
  });

  it("sorts unsorted iterations", () => {
    const a = alignSeries([s([5, 1, 3], [50, 10, 30])]);
    expect(a.x).toEqual([1, 3, 5]);
    expect(a.ys[0]).toEqual([10, 30, 50]);
  });

  it("drops entries with non-finite iterations and ignores length mismatches", () => {
    const a = alignSeries([s([0, Number.NaN, 2, 3], [1, 2, 3])]);
    expect(a.x).toEqual([0, 2]);
    expect(a.ys[0]).toEqual([1, 3]);
  });

  it("treats unexpected values as absent", () => {
    const bad = ["oops", {}] as unknown as WireSeries["values"];
    const a = alignSeries([s([0, 1, 2], [1, ...bad])]);
    expect(a.ys[0]).toEqual([1, null, null]);
    expect(a.markers).toEqual([]);
  });

  it("orders markers by series, then iteration", () => {
    const a = alignSeries([s([3, 1], ["NaN", "-Infinity"]), s([2, 0], ["Infinity", "NaN"])]);
    expect(a.markers).toEqual([
      { seriesIndex: 0, x: 1, kind: "-inf" },
      { seriesIndex: 0, x: 3, kind: "nan" },
      { seriesIndex: 1, x: 0, kind: "nan" },
      { seriesIndex: 1, x: 2, kind: "inf" },
    ]);
  });

  it("handles 2000-point series quickly and exactly", () => {
    const its = Array.from({ length: 2000 }, (_, i) => i);
    const a = alignSeries([
      s(
        its,
        its.map((i) => (i % 500 === 7 ? "NaN" : Math.exp(-i / 500))),
      ),
      s(
        its.filter((i) => i % 10 === 0),
        its.filter((i) => i % 10 === 0).map((i) => i),
      ),
    ]);
    expect(a.x.length).toBe(2000);
    expect(a.markers.length).toBe(4);
    expect(countPoints(a.ys)).toBe(1996 + 200);
  });
});

describe("helpers", () => {
  it("nonFiniteKind", () => {
    expect(nonFiniteKind(1)).toBeNull();
    expect(nonFiniteKind(Number.NaN)).toBe("nan");
    expect(nonFiniteKind(Infinity)).toBe("inf");
    expect(nonFiniteKind(-Infinity)).toBe("-inf");
  });

  it("countPoints counts finite drawn values only", () => {
    expect(countPoints([[1, null, undefined, 0], [2]])).toBe(3);
  });

  it("isolatedPoints finds points no segment reaches", () => {
    expect(isolatedPoints([1, 2, 3])).toEqual([]);
    expect(isolatedPoints([1, null, 3, null, 5, 6])).toEqual([0, 2]);
    expect(isolatedPoints([null, undefined, 3, undefined, null])).toEqual([2]);
    expect(isolatedPoints([4])).toEqual([0]);
    expect(isolatedPoints([4, undefined, 5])).toEqual([]);
    expect(isolatedPoints([])).toEqual([]);
  });

  it("allPositive", () => {
    expect(
      allPositive([
        [1, null, 2],
        [undefined, 3],
      ]),
    ).toBe(true);
    expect(allPositive([[1, 0]])).toBe(false);
    expect(allPositive([[1, -2]])).toBe(false);
    expect(allPositive([[null]])).toBe(false);
  });
});

describe("logColumns", () => {
  it("turns values at or below 0 into gaps and counts them", () => {
    expect(logColumns([[1, 0, 2, -3, null]])).toEqual({
      ys: [[1, null, 2, null, null]],
      hidden: 2,
    });
  });

  it("widens a new gap over the alignment artifacts next to it, like any gap", () => {
    expect(logColumns([[1, undefined, 0, undefined, 4]]).ys).toEqual([[1, null, null, null, 4]]);
  });

  it("leaves positive columns as they are, and the input untouched", () => {
    const col = [1, undefined, 3];
    expect(logColumns([col])).toEqual({ ys: [[1, undefined, 3]], hidden: 0 });
    expect(col).toEqual([1, undefined, 3]);
  });
});

describe("anyPositive", () => {
  it("is true when some finite value is above 0", () => {
    expect(anyPositive([[0, -1, 2]])).toBe(true);
    expect(anyPositive([[0, -1, null, undefined]])).toBe(false);
    expect(anyPositive([])).toBe(false);
  });
});

describe("alignSeries marks the non-finite values of any series", () => {
  it("marks NaN and ±Inf strings in every series, not only the first", () => {
    const a = alignSeries([
      { iterations: [1, 2, 3], values: [0.5, 0.4, 0.3] },
      { iterations: [1, 2, 3], values: [-2.1, "NaN", "NaN"] },
      { iterations: [1, 2], values: ["Infinity", "-Infinity"] },
    ]);
    expect(a.markers).toEqual([
      { seriesIndex: 1, x: 2, kind: "nan" },
      { seriesIndex: 1, x: 3, kind: "nan" },
      { seriesIndex: 2, x: 1, kind: "inf" },
      { seriesIndex: 2, x: 2, kind: "-inf" },
    ]);
  });
});
