import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import {
  cursorIndexForKey,
  cursorPosition,
  cursorText,
  formatChartValue,
  RateLimitedAnnouncer,
  READOUT_INTERVAL_MS,
  type CursorTarget,
} from "../src/lib/chart-cursor.js";
import { isolate } from "../src/lib/format.js";

describe("cursorIndexForKey", () => {
  it("moves one point with the arrows and jumps to the ends with Home/End", () => {
    expect(cursorIndexForKey("ArrowLeft", false, 5, 20)).toBe(4);
    expect(cursorIndexForKey("ArrowRight", false, 5, 20)).toBe(6);
    expect(cursorIndexForKey("Home", false, 5, 20)).toBe(0);
    expect(cursorIndexForKey("End", false, 5, 20)).toBe(19);
    expect(cursorIndexForKey("Home", false, null, 20)).toBe(0);
  });

  it("moves 10 % of the points (at least one) with Shift", () => {
    expect(cursorIndexForKey("ArrowRight", true, 5, 100)).toBe(15);
    expect(cursorIndexForKey("ArrowLeft", true, 50, 100)).toBe(40);
    expect(cursorIndexForKey("ArrowRight", true, 1, 4)).toBe(2);
  });

  it("starts at the last point when there is no cursor yet", () => {
    expect(cursorIndexForKey("ArrowLeft", false, null, 8)).toBe(7);
    expect(cursorIndexForKey("ArrowRight", true, undefined, 8)).toBe(7);
  });

  it("stays within the points", () => {
    expect(cursorIndexForKey("ArrowLeft", false, 0, 8)).toBe(0);
    expect(cursorIndexForKey("ArrowRight", false, 7, 8)).toBe(7);
    expect(cursorIndexForKey("ArrowLeft", true, 3, 100)).toBe(0);
  });

  it("ignores other keys", () => {
    expect(cursorIndexForKey("ArrowUp", false, 3, 8)).toBeNull();
    expect(cursorIndexForKey("Enter", false, 3, 8)).toBeNull();
    expect(cursorIndexForKey("a", true, 3, 8)).toBeNull();
  });
});

describe("cursorPosition", () => {
  // x: 10 px per iteration; y: 100 px minus 10 px per unit
  function plot(shown: boolean[]): CursorTarget {
    return {
      valToPos: (v: number, scale: string) => (scale === "x" ? 10 * v : 100 - 10 * v),
      series: [{}, ...shown.map((show) => ({ show }))],
      over: { clientHeight: 80 },
    };
  }
  const x = [0, 1, 2];
  const ys = [
    [1, undefined, null],
    [2, 3, 4],
  ];

  it("puts the cursor on the first shown series with a value there", () => {
    expect(cursorPosition(plot([true, true]), x, ys, 0)).toEqual({ left: 0, top: 90 });
    expect(cursorPosition(plot([true, true]), x, ys, 1)).toEqual({ left: 10, top: 70 });
    expect(cursorPosition(plot([false, true]), x, ys, 0)).toEqual({ left: 0, top: 80 });
  });

  it("goes halfway down when no shown series has a value there", () => {
    expect(cursorPosition(plot([true, false]), x, ys, 2)).toEqual({ left: 20, top: 40 });
  });

  it("is null past the points", () => {
    expect(cursorPosition(plot([true, true]), x, ys, 3)).toBeNull();
  });
});

describe("formatChartValue", () => {
  it("spells out non-finite and absent values, never 0", () => {
    expect(formatChartValue(Number.NaN)).toBe("NaN");
    expect(formatChartValue(Number.POSITIVE_INFINITY)).toBe("+Inf");
    expect(formatChartValue(Number.NEGATIVE_INFINITY)).toBe("-Inf");
    expect(formatChartValue(null)).toBe("—");
    expect(formatChartValue(undefined)).toBe("—");
    expect(formatChartValue(0.012345)).toBe("0.01235");
  });

  it("prints fractions as percentages in the percent format", () => {
    expect(formatChartValue(0.375, "percent")).toBe("37.5 %");
    expect(formatChartValue(null, "percent")).toBe("—");
    expect(formatChartValue(Number.NaN, "percent")).toBe("NaN");
  });
});

describe("cursorText", () => {
  const labels = ["Score", "EMA"];
  const values = [
    [0.5, Number.NaN, null],
    [0.25, undefined, 1234567],
  ];
  const x = [100, 200, 300];
  // the readout isolates each name (U+2068 ... U+2069), so bidi controls in it stay inside
  const plain = (s: string | null) => s?.replace(/[\u2068\u2069]/g, "") ?? null;

  it("gives every series' value for the legend and names them in the readout", () => {
    const at0 = cursorText("en", labels, values, x, new Set(), 0);
    expect(at0.legend).toEqual(["0.5", "0.25"]);
    expect(at0.at).toBe("Iteration 100");
    expect(plain(at0.readout)).toBe("Iteration 100: Score = 0.5, EMA = 0.25");
    expect(plain(cursorText("en", labels, values, x, new Set(), 1).readout)).toBe(
      "Iteration 200: Score = NaN, EMA = —",
    );
  });

  it("leaves hidden series out of the readout but not the legend", () => {
    const t = cursorText("en", labels, values, x, new Set(["Score"]), 2);
    expect(t.legend).toEqual(["—", "1.235e+6"]);
    expect(plain(t.readout)).toBe("Iteration 300: EMA = 1.235e+6");
  });

  it("reads in the chart's language", () => {
    const t = cursorText("zh", labels, values, x, new Set(), 0);
    expect(plain(t.readout)).toBe("迭代 100：Score = 0.5, EMA = 0.25");
    expect(t.at).toBe("迭代 100");
  });

  it("names the position by the x axis' title when it has one", () => {
    const t = cursorText("en", labels, values, x, new Set(), 2, "Time (s)");
    expect(plain(t.at)).toBe("Time (s) 300");
    expect(plain(t.readout)).toBe("Time (s) 300: Score = —, EMA = 1.235e+6");
  });

  it("isolates names holding bidi overrides", () => {
    const evil = "\u202Eevil";
    const t = cursorText("en", [evil], [[1]], [5], new Set(), 0);
    expect(t.readout).toContain(`\u2068${evil}\u2069 = 1`);
    expect(isolate("a")).toBe("\u2068a\u2069");
  });

  it("has no readout past the points", () => {
    expect(cursorText("en", labels, values, x, new Set(), 3)).toEqual({
      legend: ["—", "—"],
      readout: null,
      at: null,
    });
  });
});

describe("RateLimitedAnnouncer", () => {
  let written: string[];
  let announcer: RateLimitedAnnouncer;

  beforeEach(() => {
    vi.useFakeTimers();
    written = [];
    announcer = new RateLimitedAnnouncer(
      (text) => written.push(text),
      READOUT_INTERVAL_MS,
      () => Date.now(),
    );
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it("announces the first text at once", () => {
    announcer.announce("a");
    expect(written).toEqual(["a"]);
  });

  it("holds later texts until the interval has passed, the latest winning", () => {
    announcer.announce("a");
    vi.advanceTimersByTime(100);
    announcer.announce("b");
    announcer.announce("c");
    expect(written).toEqual(["a"]);
    vi.advanceTimersByTime(399);
    expect(written).toEqual(["a"]);
    vi.advanceTimersByTime(1);
    expect(written).toEqual(["a", "c"]);
    vi.advanceTimersByTime(5000);
    expect(written).toEqual(["a", "c"]);
  });

  it("counts the interval from the last announcement", () => {
    announcer.announce("a");
    vi.advanceTimersByTime(200);
    announcer.announce("b");
    vi.advanceTimersByTime(300);
    expect(written).toEqual(["a", "b"]);
    announcer.announce("c");
    vi.advanceTimersByTime(499);
    expect(written).toEqual(["a", "b"]);
    vi.advanceTimersByTime(1);
    expect(written).toEqual(["a", "b", "c"]);
  });

  it("announces at once again after a quiet interval", () => {
    announcer.announce("a");
    vi.advanceTimersByTime(600);
    announcer.announce("b");
    expect(written).toEqual(["a", "b"]);
  });

  it("passes a repeated text on (the live region skips unchanged text itself)", () => {
    announcer.announce("a");
    vi.advanceTimersByTime(500);
    announcer.announce("a");
    expect(written).toEqual(["a", "a"]);
  });

  it("drops a waiting text on cancel, and keeps the rate limit after it", () => {
    announcer.announce("a");
    announcer.announce("b");
    announcer.cancel();
    vi.advanceTimersByTime(1000);
    expect(written).toEqual(["a"]);
    announcer.announce("c");
    expect(written).toEqual(["a", "c"]);
    announcer.announce("d");
    announcer.cancel();
    announcer.announce("e");
    expect(written).toEqual(["a", "c"]);
    vi.advanceTimersByTime(500);
    expect(written).toEqual(["a", "c", "e"]);
  });

  it("uses performance.now() by default", () => {
    const now = vi.spyOn(performance, "now");
    try {
      const seen: string[] = [];
      const a = new RateLimitedAnnouncer((text) => seen.push(text));
      a.announce("x");
      expect(seen).toEqual(["x"]);
      expect(now).toHaveBeenCalled();
    } finally {
      now.mockRestore();
    }
  });
});
