/**
 * Percentiles of histograms against hand computations: the values of a bin spread evenly across
 * it, the rank r = p / 100 · N found in the first bin whose cumulative count reaches it.
 */
import { describe, expect, it } from "vitest";

import {
  DISTRIBUTION_PERCENTILES,
  histogramPercentile,
  histogramPercentiles,
  percentileColumns,
} from "../src/lib/hist-percentiles.js";

describe("histogramPercentile", () => {
  it("interpolates inside the bins of an even histogram", () => {
    // 4 values, one per bin of width 1 on [0, 4]: rank 2 (p50) ends bin 0..1 + bin 1..2
    const h = { min: 0, max: 4, counts: [1, 1, 1, 1] };
    expect(histogramPercentile(h, 0)).toBe(0);
    expect(histogramPercentile(h, 12.5)).toBe(0.5); // rank 0.5: half into bin 0
    expect(histogramPercentile(h, 25)).toBe(1);
    expect(histogramPercentile(h, 50)).toBe(2);
    expect(histogramPercentile(h, 62.5)).toBe(2.5);
    expect(histogramPercentile(h, 100)).toBe(4);
  });

  it("weights each bin by its count", () => {
    // counts [3, 1] on [0, 2]: N = 4
    const h = { min: 0, max: 2, counts: [3, 1] };
    // p50: rank 2, 2 of bin 0's 3 values: 0 + 1 · 2/3
    expect(histogramPercentile(h, 50)).toBeCloseTo(2 / 3, 15);
    // p75: rank 3, the end of bin 0
    expect(histogramPercentile(h, 75)).toBe(1);
    // p87.5: rank 3.5, half of bin 1's value: 1 + 1 · 0.5
    expect(histogramPercentile(h, 87.5)).toBe(1.5);
  });

  it("skips empty bins and ends at the edges of the non-empty ones", () => {
    // counts [2, 0, 2] on [-3, 3], bins of width 2: [-3, -1], [-1, 1], [1, 3]
    const h = { min: -3, max: 3, counts: [2, 0, 2] };
    expect(histogramPercentile(h, 0)).toBe(-3);
    expect(histogramPercentile(h, 25)).toBe(-2); // rank 1: half of bin 0
    expect(histogramPercentile(h, 50)).toBe(-1); // rank 2: the end of bin 0
    // p60: rank 2.4, 0.4 of bin 2's 2 values: 1 + 2 · 0.2
    expect(histogramPercentile(h, 60)).toBeCloseTo(1.4, 15);
    expect(histogramPercentile(h, 100)).toBe(3);
    // an empty first bin: p0 is the left edge of the first bin with a value
    expect(histogramPercentile({ min: 0, max: 3, counts: [0, 1, 0] }, 0)).toBe(1);
    expect(histogramPercentile({ min: 0, max: 3, counts: [0, 1, 0] }, 100)).toBe(2);
  });

  it("clamps p to 0..100 and gives min for a histogram of one value", () => {
    const h = { min: 0, max: 10, counts: [5, 5] };
    expect(histogramPercentile(h, -5)).toBe(0);
    expect(histogramPercentile(h, 150)).toBe(10);
    expect(histogramPercentile({ min: 0.25, max: 0.25, counts: [7] }, 93.32)).toBe(0.25);
  });

  it("has no percentile for a histogram that counts nothing", () => {
    expect(histogramPercentile({ min: 0, max: 1, counts: [0, 0] }, 50)).toBeNull();
    expect(histogramPercentile({ min: 0, max: 1, counts: [] }, 50)).toBeNull();
    expect(histogramPercentile({ min: Number.NaN, max: 1, counts: [1] }, 50)).toBeNull();
    expect(histogramPercentile({ min: 0, max: 1, counts: [1] }, Number.NaN)).toBeNull();
  });

  it("matches a sorted list of values that fill their bins evenly", () => {
    // 10 values at the centres of 10 sub-bins: 0.05, 0.15, ... 0.95 in two bins of [0, 1]
    const h = { min: 0, max: 1, counts: [5, 5] };
    // the median of values spread evenly over [0, 1] is 0.5; p10 0.1; p90 0.9
    expect(histogramPercentile(h, 50)).toBe(0.5);
    expect(histogramPercentile(h, 10)).toBeCloseTo(0.1, 15);
    expect(histogramPercentile(h, 90)).toBeCloseTo(0.9, 15);
  });
});

describe("histogramPercentiles and percentileColumns", () => {
  it("takes TensorBoard's percentiles by default, in order", () => {
    expect(DISTRIBUTION_PERCENTILES).toEqual([0, 6.68, 15.87, 30.85, 50, 69.15, 84.13, 93.32, 100]);
    const ps = histogramPercentiles({ min: 0, max: 100, counts: [1] });
    // one bin 0..100 holding one value: percentile p lies at p
    ps.forEach((v, k) => expect(v).toBeCloseTo(DISTRIBUTION_PERCENTILES[k] ?? Number.NaN, 12));
  });

  it("gives one column per percentile, parallel to the iterations", () => {
    const cols = percentileColumns(
      [
        { iteration: 10, min: 0, max: 4, counts: [1, 1, 1, 1] },
        { iteration: 20, min: 0, max: 1, counts: [0, 0] },
        { iteration: 30, min: 2, max: 2, counts: [3] },
      ],
      [0, 50, 100],
    );
    expect(cols).toEqual({
      iterations: [10, 20, 30],
      percentiles: [0, 50, 100],
      values: [
        [0, null, 2],
        [2, null, 2],
        [4, null, 2],
      ],
    });
  });
});
