import { describe, expect, it } from "vitest";
import { bandRuns } from "../src/lib/chart-draw.js";
import {
  aggregate,
  STOPPED_INTERVALS,
  STOPPED_MIN_MS,
  stoppedWorkers,
  type WorkerTimes,
} from "../src/lib/workers.js";

/** A worker that started at 0 and stored `n` reports, the latest at `last` (ms). */
function times(last: number, n: number): WorkerTimes {
  return { start_ms: 0, last_update_ms: last, num_reports: n };
}

describe("stoppedWorkers", () => {
  it("marks a worker older than the newest by more than 60 s at short intervals", () => {
    // about 1 s per report: 10 intervals are under the 60 s floor
    const got = stoppedWorkers(
      new Map([
        ["a", times(1_000_000, 1000)],
        ["b", times(1_000_000 - STOPPED_MIN_MS - 1, 1000)],
        ["c", times(1_000_000 - STOPPED_MIN_MS, 1000)],
      ]),
    );
    expect([...got]).toEqual(["b"]);
  });

  it("waits STOPPED_INTERVALS of a slow worker's own interval", () => {
    // 10 reports in 1000 s: 100 s each, so the threshold is 1000 s, not 60 s.
    const slow = times(1_000_000, 10);
    const limit = STOPPED_INTERVALS * 100_000;
    const newest = times(1_000_000 + limit, 1000);
    expect(
      stoppedWorkers(
        new Map([
          ["slow", slow],
          ["new", newest],
        ]),
      ).size,
    ).toBe(0);
    const later = times(1_000_000 + limit + 1, 1000);
    expect([
      ...stoppedWorkers(
        new Map([
          ["slow", slow],
          ["new", later],
        ]),
      ),
    ]).toEqual(["slow"]);
  });

  it("uses the StaticInfo time of a worker without reports, and marks none when all are quiet", () => {
    const none: WorkerTimes = { start_ms: 0, last_update_ms: null, num_reports: 0 };
    expect([
      ...stoppedWorkers(
        new Map([
          ["idle", none],
          ["busy", times(61_000, 61)],
        ]),
      ),
    ]).toEqual(["idle"]);
    expect(
      stoppedWorkers(
        new Map([
          ["a", times(5_000, 5)],
          ["b", times(5_000, 5)],
        ]),
      ).size,
    ).toBe(0);
  });
});

describe("aggregate", () => {
  it("averages the workers with a value at each iteration", () => {
    const agg = aggregate([
      { iterations: [1, 2, 3], values: [1, 2, null] },
      { iterations: [1, 3], values: [3, 5] },
    ]);
    expect(agg.mean).toEqual({ iterations: [1, 2, 3], values: [2, 2, 5] });
    expect(agg.min.values).toEqual([1, 2, 5]);
    expect(agg.max.values).toEqual([3, 2, 5]);
    expect(agg.counts).toEqual([2, 1, 1]);
  });

  it("keeps non-finite values as IEEE arithmetic gives them", () => {
    const agg = aggregate([
      { iterations: [1, 2, 3], values: ["NaN", "Infinity", "Infinity"] },
      { iterations: [1, 2, 3], values: [1, 1, "-Infinity"] },
    ]);
    expect(agg.mean.values).toEqual([Number.NaN, Number.POSITIVE_INFINITY, Number.NaN]);
    expect(agg.min.values).toEqual([Number.NaN, 1, Number.NEGATIVE_INFINITY]);
    expect(agg.max.values).toEqual([
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.POSITIVE_INFINITY,
    ]);
  });

  it("leaves a gap where no worker has a value", () => {
    const agg = aggregate([{ iterations: [1], values: [null] }]);
    expect(agg.mean.values).toEqual([null]);
    expect(agg.counts).toEqual([0]);
  });
});

describe("bandRuns", () => {
  it("splits at gaps of either edge and skips missing samples", () => {
    expect(bandRuns([1, 2, null, 4, 5], [0, 0, 0, 0, 0])).toEqual([
      [0, 1],
      [3, 4],
    ]);
    expect(bandRuns([1, undefined, 3], [0, 0, 0])).toEqual([[0, 2]]);
    expect(bandRuns([1, null, 3], [0, 0, 0])).toEqual([]);
  });
});
