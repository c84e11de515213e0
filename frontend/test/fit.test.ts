import { describe, expect, it } from "vitest";

import { fitLine, leastSquares } from "../src/lib/fit.js";

/**
 * Least squares by the normal equations in exact integer arithmetic (BigInt), then divided
 * once: slope = (n·Σxy − Σx·Σy) / (n·Σx² − (Σx)²), intercept = (Σy − slope·Σx) / n.
 * A different route from the centred sums the module uses.
 */
function normalEquations(xs: number[], ys: number[]): { slope: number; intercept: number } {
  const n = BigInt(xs.length);
  let sx = 0n;
  let sy = 0n;
  let sxx = 0n;
  let sxy = 0n;
  xs.forEach((xv, i) => {
    const x = BigInt(xv);
    const y = BigInt(ys[i] ?? 0);
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
  });
  const num = n * sxy - sx * sy;
  const den = n * sxx - sx * sx;
  const slope = Number(num) / Number(den);
  // intercept = (sy·den − num·sx) / (n·den), still exact until the division
  const intercept = Number(sy * den - num * sx) / Number(n * den);
  return { slope, intercept };
}

describe("leastSquares", () => {
  it("recovers y = 3x - 2 exactly under symmetric noise", () => {
    // noise +1, -1 on pairs of points at the same x cancels: the line is exactly 3x - 2
    const xs: number[] = [];
    const ys: number[] = [];
    for (let x = 0; x <= 20; x++) {
      xs.push(x, x);
      ys.push(3 * x - 2 + 1, 3 * x - 2 - 1);
    }
    const fit = leastSquares(xs, ys, 0, 20);
    expect(fit).not.toBeNull();
    expect(fit?.n).toBe(42);
    expect(fit?.slope).toBeCloseTo(3, 12);
    expect(fit?.intercept).toBeCloseTo(-2, 12);
  });

  it("agrees with the exact normal equations on irregular integer data", () => {
    const xs = [1, 2, 4, 7, 8, 11, 15, 16];
    const ys = [5, 3, 9, 12, 10, 25, 31, 30];
    const fit = leastSquares(xs, ys, 1, 16);
    const exact = normalEquations(xs, ys);
    expect(fit?.n).toBe(8);
    expect(fit?.slope).toBeCloseTo(exact.slope, 12);
    expect(fit?.intercept).toBeCloseTo(exact.intercept, 12);
    // and the fit is not a trivial one
    expect(exact.slope).not.toBeCloseTo(0, 1);
  });

  it("keeps its precision at large iteration numbers and a large y offset", () => {
    // x around 1e8, y = 1e6 + 0.5·(x − 1e8) ± 0.25: naive sums of x² lose this
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i < 200; i++) {
      const x = 1e8 + i;
      xs.push(x);
      ys.push(1e6 + 0.5 * i + (i % 2 === 0 ? 0.25 : -0.25));
    }
    const fit = leastSquares(xs, ys, 0, 2e8);
    // The exact answer: integer normal equations on i = x − 1e8 and 4·(y − 1e6) = 2i ± 1.
    const is = xs.map((x) => x - 1e8);
    const y4 = ys.map((y) => Math.round((y - 1e6) * 4));
    const exact = normalEquations(is, y4);
    expect(fit?.slope).toBeCloseTo(exact.slope / 4, 10);
    expect(fit?.intercept).toBeCloseTo(1e6 + exact.intercept / 4 - (exact.slope / 4) * 1e8, 4);
  });

  it("uses only points inside the range, ends included, in either order", () => {
    const xs = [0, 1, 2, 3, 4, 5, 6];
    // on [2, 4] the points lie on y = 2x + 1; outside they are far off
    const ys = [100, -50, 5, 7, 9, 300, -7];
    for (const [a, b] of [
      [2, 4],
      [4, 2],
      [1.5, 4.5],
    ] as const) {
      const fit = leastSquares(xs, ys, a, b);
      expect(fit?.n).toBe(3);
      expect(fit?.slope).toBeCloseTo(2, 12);
      expect(fit?.intercept).toBeCloseTo(1, 12);
    }
  });

  it("skips null, NaN and infinite values", () => {
    const xs = [0, 1, 2, 3, 4, 5, Number.NaN, 7];
    const ys = [
      -2,
      null,
      4,
      Number.NaN,
      10,
      Number.POSITIVE_INFINITY,
      99,
      Number.NEGATIVE_INFINITY,
    ];
    const fit = leastSquares(xs, ys, 0, 10);
    expect(fit).toEqual({ slope: 3, intercept: -2, n: 3 });
  });

  it("is null with fewer than two usable points or a single x", () => {
    expect(leastSquares([], [], 0, 1)).toBeNull();
    expect(leastSquares([1], [2], 0, 5)).toBeNull();
    expect(leastSquares([1, 2], [2, null], 0, 5)).toBeNull();
    expect(leastSquares([1, 2, 3], [2, 3, 4], 2.5, 10)).toBeNull();
    expect(leastSquares([3, 3, 3], [1, 2, 3], 0, 10)).toBeNull();
    expect(leastSquares([1, 2], [1, 2], Number.NaN, 5)).toBeNull();
  });

  it("takes infinite ends as an open range", () => {
    const fit = leastSquares(
      [0, 1, 2],
      [1, 3, 5],
      Number.NEGATIVE_INFINITY,
      Number.POSITIVE_INFINITY,
    );
    expect(fit).toEqual({ slope: 2, intercept: 1, n: 3 });
  });

  it("fits two points exactly", () => {
    expect(leastSquares([2, 6], [1, 9], 0, 10)).toEqual({ slope: 2, intercept: -3, n: 2 });
  });

  it("rejects series of different lengths", () => {
    expect(() => leastSquares([1, 2, 3], [1, 2], 0, 3)).toThrow(RangeError);
  });
});

describe("fitLine", () => {
  it("gives the ends of the line in the order given", () => {
    const fit = { slope: 3, intercept: -2, n: 10 };
    expect(fitLine(fit, 0, 20)).toEqual({ x: [0, 20], y: [-2, 58] });
    expect(fitLine(fit, 20, 0)).toEqual({ x: [20, 0], y: [58, -2] });
  });

  it("draws the fit of the data through its own ends", () => {
    const xs = [10, 11, 12, 13];
    const ys = [1.5, 1.25, 1, 0.75];
    const fit = leastSquares(xs, ys, 10, 13);
    expect(fit).not.toBeNull();
    if (fit === null) return;
    const line = fitLine(fit, 10, 13);
    expect(line.x).toEqual([10, 13]);
    expect(line.y[0]).toBeCloseTo(1.5, 12);
    expect(line.y[1]).toBeCloseTo(0.75, 12);
  });
});
