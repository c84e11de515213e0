import { describe, expect, it } from "vitest";

import {
  canLog,
  linearRange,
  logRange,
  niceTicks,
  RATIO_BAND,
  ratioRange,
  scoreRange,
  toLog10,
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

describe("linearRange", () => {
  it("pads the span by 5% on each side", () => {
    expect(linearRange([[0, 10]])).toEqual([-0.5, 10.5]);
    expect(linearRange([[20, 40], [30]])).toEqual([19, 41]);
  });

  it("with includeZero takes in 0 and does not pad past it", () => {
    expect(linearRange([[2, 10]], { includeZero: true })).toEqual([0, 10.5]);
    expect(linearRange([[-10, -2]], { includeZero: true })).toEqual([-10.5, 0]);
    const mixed = linearRange([[-10, 10]], { includeZero: true });
    expect(mixed).toEqual([-11, 11]);
  });

  it("widens a flat line", () => {
    expect(linearRange([[5, 5]])).toEqual([4.75, 5.25]);
    expect(linearRange([[0]])).toEqual([-1, 1]);
    expect(linearRange([[0]], { includeZero: true })).toEqual([0, 1]);
    expect(linearRange([[5]], { includeZero: true })).toEqual([0, 5.25]);
  });

  it("ignores null and non-finite values, and is null without a finite one", () => {
    expect(
      linearRange([
        [NAN, 0, null, INF],
        [10, -Infinity],
      ]),
    ).toEqual([-0.5, 10.5]);
    expect(linearRange([[null], [NAN]])).toBeNull();
  });

  it("does not overflow at the ends of the double range", () => {
    const max = Number.MAX_VALUE;
    expect(linearRange([[-max, max]])).toEqual([-max, max]);
  });
});

describe("canLog", () => {
  it("is true when every finite value is above 0", () => {
    expect(canLog([[1, 2], [0.001]])).toBe(true);
    expect(canLog([[1, NAN, null, INF, -Infinity]])).toBe(true);
  });

  it("is false when a value is 0 or negative", () => {
    expect(canLog([[1, 2], [0]])).toBe(false);
    expect(canLog([[1, -0.5]])).toBe(false);
    expect(canLog([[-0]])).toBe(false);
  });

  it("is false when there is no finite value", () => {
    expect(canLog([])).toBe(false);
    expect(canLog([[null, NAN, INF]])).toBe(false);
  });
});

describe("toLog10", () => {
  it("maps positive values to log10", () => {
    expect(toLog10([1, 10, 1000, 0.01])).toEqual([0, 1, 3, -2]);
    expect(toLog10([2])[0]).toBeCloseTo(0.30103, 5);
  });

  it("maps 0 to -Infinity and negatives to NaN", () => {
    expect(toLog10([0, -0, -5])).toEqual([-Infinity, -Infinity, NAN]);
  });

  it("keeps null and non-finite values as they are", () => {
    expect(toLog10([null, NAN, INF, -Infinity])).toEqual([null, NAN, INF, -Infinity]);
  });

  it("keeps the length and does not change its input", () => {
    const values = [100, null, 0];
    expect(toLog10(values)).toEqual([2, null, -Infinity]);
    expect(values).toEqual([100, null, 0]);
  });
});

describe("niceTicks", () => {
  it("steps by 1, 2 or 5 times a power of ten", () => {
    expect(niceTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0, 100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(0, 10, 3)).toEqual([0, 5, 10]);
    expect(niceTicks(0, 4, 5)).toEqual([0, 1, 2, 3, 4]);
    expect(niceTicks(-4, -2, 3)).toEqual([-4, -3, -2]);
  });

  it("covers the range: first tick at or below min, last at or above max", () => {
    expect(niceTicks(3, 97)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(0.13, 0.87)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it("gives exact decimals, not float noise", () => {
    const ticks = niceTicks(0.6, 1.4, 5);
    expect(ticks).toEqual([0.6, 0.8, 1, 1.2, 1.4]);
    expect(niceTicks(0.1, 0.3, 3)).toEqual([0.1, 0.2, 0.3]);
  });

  it("takes the range in either order and has no -0", () => {
    expect(niceTicks(1, -1, 3)).toEqual([-1, 0, 1]);
    expect(Object.is(niceTicks(-1, 1, 3)[1], 0)).toBe(true);
  });

  it("handles tiny and huge spans", () => {
    expect(niceTicks(0, 5e-7, 6)).toEqual([0, 1e-7, 2e-7, 3e-7, 4e-7, 5e-7]);
    expect(niceTicks(0, 5e12, 6)).toEqual([0, 1e12, 2e12, 3e12, 4e12, 5e12]);
  });

  it("handles degenerate input", () => {
    expect(niceTicks(2, 2)).toEqual([2]);
    expect(niceTicks(NAN, 1)).toEqual([]);
    expect(niceTicks(0, INF)).toEqual([]);
    expect(niceTicks(-Number.MAX_VALUE, Number.MAX_VALUE)).toEqual([]);
    expect(niceTicks(1, 1 + 2 ** -52)).toEqual([1, 1 + 2 ** -52]);
    expect(niceTicks(0, 1, 0)).toEqual([0, 1]);
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
