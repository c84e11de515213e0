import { describe, expect, it } from "vitest";

import {
  countTicks,
  logRange,
  RATIO_BAND,
  ratioRange,
  scoreRange,
  spanTicks,
} from "../src/lib/scales.js";

const NAN = Number.NaN;
const INF = Number.POSITIVE_INFINITY;

describe("logRange", () => {
  it("spans whole decades from the smallest to the largest value over all series", () => {
    expect(logRange([[-3.2, -2.5], [-4.1]])).toEqual([-5, -2]);
    expect(logRange([[0.3, 1.7]])).toEqual([0, 2]);
  });

  it("clamps the lower end at -10", () => {
    expect(logRange([[-15, -3.5]])).toEqual([-10, -3]);
    expect(logRange([[-10.5, -2]])).toEqual([-10, -2]);
  });

  it("widens a single point by 1 on each side", () => {
    expect(logRange([[-3, -3]])).toEqual([-4, -2]);
    expect(logRange([[2]])).toEqual([1, 3]);
  });

  it("keeps values below -10 in view when all lie there", () => {
    expect(logRange([[-12.5]])).toEqual([-13, -12]);
    expect(logRange([[-20, -12]])).toEqual([-13, -11]);
  });

  it("ignores null, NaN and infinities (log10 of 0 is -Infinity)", () => {
    expect(
      logRange([
        [null, -3.5, NAN],
        [-Infinity, INF, -2.2],
      ]),
    ).toEqual([-4, -2]);
  });

  it("is null when no value is finite", () => {
    expect(logRange([])).toBeNull();
    expect(logRange([[], [null, NAN, -Infinity]])).toBeNull();
  });
});

describe("scoreRange", () => {
  it("runs from 0 to the largest score when all are positive", () => {
    expect(scoreRange([[2.5, 0.7, 1.1]])).toEqual([0, 2.5]);
  });

  it("runs from the smallest value when it is below 0", () => {
    expect(scoreRange([[-1.5, 3]])).toEqual([-1.5, 3]);
  });

  it("widens a flat line so the range is not empty", () => {
    expect(scoreRange([[0, 0]])).toEqual([0, 1]);
    expect(scoreRange([[-2, -2]])).toEqual([-2, 0]);
    expect(scoreRange([[4]])).toEqual([0, 4]);
  });

  it("ignores null and non-finite values, and is null without a finite one", () => {
    expect(scoreRange([[NAN, 1.5, null, INF, -Infinity]])).toEqual([0, 1.5]);
    expect(scoreRange([[NAN, null]])).toBeNull();
  });
});

describe("ratioRange", () => {
  it("keeps the reference band in view with a unit to spare", () => {
    expect(RATIO_BAND).toEqual([-4, -2]);
    expect(ratioRange([[-3.2, -2.5]])).toEqual([-5, -1]);
    expect(ratioRange([])).toEqual([-5, -1]);
    expect(ratioRange([[null, Number.NaN]])).toEqual([-5, -1]);
  });

  it("grows with the data beyond the band, as logRange does", () => {
    expect(ratioRange([[-7.5, 0.2]])).toEqual([-8, 1]);
    expect(ratioRange([[-30, -3]])).toEqual([-10, -1]); // logRange's floor at -10
  });
});

describe("countTicks", () => {
  it("steps through round counts from 0 to at least the largest", () => {
    expect(countTicks(2048)).toEqual([0, 500, 1000, 1500, 2000, 2500]);
    expect(countTicks(3)).toEqual([0, 1, 2, 3]);
    expect(countTicks(100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(countTicks(1)).toEqual([0, 1]);
  });

  it("has whole steps and falls back to [0, 1] with nothing counted", () => {
    expect(countTicks(0)).toEqual([0, 1]);
    expect(countTicks(Number.NaN)).toEqual([0, 1]);
    for (const v of countTicks(7)) expect(Number.isInteger(v)).toBe(true);
  });
});

describe("spanTicks", () => {
  it("spaces ticks evenly from min to max", () => {
    expect(spanTicks(-1, 1, 5)).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(spanTicks(2, 2)).toEqual([2]);
    expect(spanTicks(0, Number.POSITIVE_INFINITY)).toEqual([]);
  });
});
