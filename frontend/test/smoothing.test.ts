import { describe, expect, it } from "vitest";

import { ema, emaFactor } from "../src/lib/smoothing.js";

describe("emaFactor", () => {
  it("is 2 / (range + 1)", () => {
    expect(emaFactor(10)).toBe(2 / 11);
    expect(emaFactor(3)).toBe(0.5);
    expect(emaFactor(1)).toBe(1);
  });

  it("rejects ranges under 1 and non-finite ranges", () => {
    expect(() => emaFactor(0)).toThrow(RangeError);
    expect(() => emaFactor(-5)).toThrow(RangeError);
    expect(() => emaFactor(Number.NaN)).toThrow(RangeError);
    expect(() => emaFactor(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe("ema", () => {
  it("matches the recurrence unrolled by hand (range 3, k = 1/2)", () => {
    // s0 = 4; s1 = (8 + 4)/2 = 6; s2 = (2 + 6)/2 = 4; s3 = (10 + 4)/2 = 7
    expect(ema([4, 8, 2, 10], 3)).toEqual([4, 6, 4, 7]);
  });

  it("matches the closed form of the default range 10 (k = 2/11)", () => {
    // A step from 0 to 1: s_n = 1 - (9/11)^n for n >= 1 (s_0 = 0).
    const values = [0, ...Array<number>(30).fill(1)];
    const out = ema(values);
    expect(out).toHaveLength(31);
    expect(out[0]).toBe(0);
    for (let n = 1; n <= 30; n++) expect(out[n]).toBeCloseTo(1 - (9 / 11) ** n, 12);
  });

  it("is seeded with the first finite value, not with 0", () => {
    const out = ema([null, Number.NaN, 5, 5, 5]);
    expect(out).toEqual([null, null, 5, 5, 5]);
  });

  it("leaves gaps at null and non-finite values and carries on from the last average", () => {
    // k = 1/2: 4 -> gap -> (8 + 4)/2 = 6 -> gap -> gap -> (0 + 6)/2 = 3 -> gap
    const out = ema(
      [4, null, 8, Number.NaN, Number.POSITIVE_INFINITY, 0, Number.NEGATIVE_INFINITY],
      3,
    );
    expect(out).toEqual([4, null, 6, null, null, 3, null]);
    expect(out).toHaveLength(7);
  });

  it("is unchanged by the gaps: the finite values give the same averages with or without them", () => {
    const dense = [0.9, 0.7, 0.75, 0.6, 0.5, 0.52];
    const gappy = [0.9, Number.NaN, 0.7, null, 0.75, 0.6, Number.POSITIVE_INFINITY, 0.5, 0.52];
    const a = ema(dense, 4);
    const b = ema(gappy, 4).filter((v): v is number => v !== null);
    expect(b).toEqual(a);
  });

  it("with range 1 returns the finite values themselves", () => {
    expect(ema([3, null, -2, 7], 1)).toEqual([3, null, -2, 7]);
  });

  it("returns an empty array for an empty series and all nulls for no finite value", () => {
    expect(ema([])).toEqual([]);
    expect(ema([null, Number.NaN, Number.NEGATIVE_INFINITY])).toEqual([null, null, null]);
  });

  it("does not change its input", () => {
    const values = [1, 2, null, 3];
    ema(values, 2);
    expect(values).toEqual([1, 2, null, 3]);
  });
});
