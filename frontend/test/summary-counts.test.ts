import { describe, expect, it } from "vitest";

import {
  deadFraction,
  deadUnitsCell,
  zeroFraction,
  zerosCell,
  type CountedSummary,
} from "../src/lib/summary-counts.js";

const relu: CountedSummary = { count: 960, zero_count: 400, unit_count: 48, dead_unit_count: 6 };
const old: CountedSummary = { count: 960 };

describe("zeroFraction and deadFraction", () => {
  it("divide the counts", () => {
    expect(zeroFraction(relu)).toBe(400 / 960);
    expect(deadFraction(relu)).toBe(6 / 48);
  });

  it("are null when not counted, never 0 or NaN", () => {
    expect(zeroFraction(old)).toBeNull();
    expect(zeroFraction({ count: 10, zero_count: null })).toBeNull();
    expect(deadFraction(old)).toBeNull();
    expect(deadFraction({ count: 10, unit_count: 4, dead_unit_count: null })).toBeNull();
    // an empty tensor has no fraction (0 / 0)
    expect(zeroFraction({ count: 0, zero_count: 0 })).toBeNull();
    expect(deadFraction({ count: 0, unit_count: 0, dead_unit_count: 0 })).toBeNull();
  });
});

describe("zerosCell and deadUnitsCell", () => {
  it("show the percentage with the raw counts in the title", () => {
    expect(zerosCell("en", relu)).toEqual({
      text: "41.7 %",
      title: "400 of 960 elements are exactly 0",
    });
    expect(deadUnitsCell("en", relu)).toEqual({
      text: "6 of 48 (12.5 %)",
      title: "6 of 48 units were 0 for every example of the batch (never active)",
    });
  });

  it("show — when not counted, and say so", () => {
    for (const cell of [zerosCell("en", old), deadUnitsCell("en", old)]) {
      expect(cell.text).toBe("—");
      expect(cell.title).toContain("Not counted");
    }
  });

  it("group large counts and translate", () => {
    const big: CountedSummary = { count: 1_234_567, zero_count: 0 };
    expect(zerosCell("en", big)).toEqual({
      text: "0 %",
      title: "0 of 1,234,567 elements are exactly 0",
    });
    expect(deadUnitsCell("zh", relu).text).toBe("48 个中 6 个（12.5 %）");
  });
});
