/** Report times placing points that carry no time of their own on a time axis (lib/chart-x-axis.ts). */
import { describe, expect, it } from "vitest";
import { timesByIteration, xValues } from "../src/lib/chart-x-axis.js";

const reports = { iterations: [10, 20, 40], values: [1000, 2000, 6000] };

describe("timesByIteration with report times", () => {
  it("is exact at a report, linear between two, clamped outside them", () => {
    const score = { iterations: [1, 10, 15, 20, 30, 40, 45] };
    const times = timesByIteration([score], reports);
    expect([...times.entries()]).toEqual([
      [1, 1000],
      [10, 1000],
      [15, 1500],
      [20, 2000],
      [30, 4000],
      [40, 6000],
      [45, 6000],
    ]);
    expect(xValues(score.iterations, times, "relative", 1000)).toEqual([0, 0, 0.5, 1, 3, 5, 5]);
  });

  it("keeps a series' own times before the reports'", () => {
    const own = { iterations: [15, 20], timestamps_ms: [1400, null] };
    const times = timesByIteration([own], reports);
    expect(times.get(15)).toBe(1400);
    expect(times.get(20)).toBe(2000);
  });

  it("ignores report times that are not numbers, and gives nothing without any", () => {
    const score = { iterations: [5, 10] };
    expect(timesByIteration([score], { iterations: [10], values: ["NaN"] }).size).toBe(0);
    expect(timesByIteration([score], null).size).toBe(0);
    expect(timesByIteration([score]).size).toBe(0);
  });
});
