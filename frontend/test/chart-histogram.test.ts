import { describe, expect, it } from "vitest";

import { allNonFiniteText, binForKey, histogramBins } from "../src/lib/chart-histogram.js";

describe("histogramBins", () => {
  it("splits min..max into equal bins", () => {
    expect(histogramBins({ min: 0, max: 2, counts: [1, 3] })).toEqual([
      { from: 0, to: 1, count: 1 },
      { from: 1, to: 2, count: 3 },
    ]);
  });

  it("has no bins for an absent histogram", () => {
    expect(histogramBins(null)).toEqual([]);
    expect(histogramBins({ min: 0, max: 1, counts: [] })).toEqual([]);
  });
});

describe("binForKey", () => {
  it("moves one bin with the arrows and to the ends with Home/End", () => {
    expect(binForKey("ArrowRight", 2, 10)).toBe(3);
    expect(binForKey("ArrowLeft", 2, 10)).toBe(1);
    expect(binForKey("ArrowLeft", 0, 10)).toBe(0);
    expect(binForKey("ArrowRight", 9, 10)).toBe(9);
    expect(binForKey("Home", 5, 10)).toBe(0);
    expect(binForKey("End", 5, 10)).toBe(9);
    expect(binForKey("ArrowRight", null, 10)).toBe(0);
    expect(binForKey("a", 1, 10)).toBeNull();
    expect(binForKey("ArrowRight", null, 0)).toBeNull();
  });
});

describe("allNonFiniteText", () => {
  it("says every element is non-finite, by kind", () => {
    expect(allNonFiniteText("en", { total: 2048, nan: 2048 })).toBe(
      "All 2,048 elements are non-finite (NaN 2,048).",
    );
    expect(allNonFiniteText("en", { total: 5, nan: 2, posinf: 2, neginf: 1 })).toBe(
      "All 5 elements are non-finite (NaN 2, +Inf 2, -Inf 1).",
    );
  });

  it("leaves out the breakdown when the kinds are unknown", () => {
    expect(allNonFiniteText("en", { total: 7 })).toBe("All 7 elements are non-finite.");
    expect(allNonFiniteText("zh", { total: 7, nan: 7 })).toContain("7");
  });

  it("says nothing when no element was non-finite", () => {
    expect(allNonFiniteText("en", { total: 0 })).toBeNull();
    expect(allNonFiniteText("en", { total: Number.NaN })).toBeNull();
  });
});
