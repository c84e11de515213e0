import { describe, expect, it } from "vitest";
import {
  CATEGORY_LIMIT,
  EXTRA_CATEGORY_COLORS,
  RAMP_STEPS,
  colorBy,
  colorCategorical,
  colorNumeric,
  columnKind,
  parseHex,
  ramp,
  toHex,
} from "../src/lib/projector-colors.js";
import { BACKGROUNDS, SERIES_COLORS } from "../src/theme.js";

type Rgb = [number, number, number];

function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(parseHex(a) ?? [0, 0, 0]), luminance(parseHex(b) ?? [0, 0, 0])].sort(
    (x, y) => y - x,
  ) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe("columnKind", () => {
  it("is numeric only for finite numbers (nulls allowed)", () => {
    expect(columnKind([1, 2.5, null])).toBe("numeric");
    expect(columnKind([1, "2"])).toBe("categorical");
    expect(columnKind([null, null])).toBe("categorical");
    expect(columnKind([])).toBe("categorical");
    expect(columnKind([1, "NaN", "-Infinity"])).toBe("numeric");
    expect(columnKind(["NaN"])).toBe("categorical");
  });
});

describe("colorCategorical", () => {
  it("codes the most frequent values first, then other, then no value", () => {
    const { codes, legend } = colorCategorical(["b", "a", "b", null, "c", "b", "a"], 2);
    expect(legend).toEqual({
      kind: "categorical",
      entries: [
        { value: "b", count: 3, code: 0 },
        { value: "a", count: 2, code: 1 },
      ],
      other: { count: 1, values: 1, code: 2 },
      missing: { count: 1, code: 3 },
    });
    expect([...codes]).toEqual([0, 1, 0, 3, 2, 0, 1]);
  });

  it(`keeps ${CATEGORY_LIMIT} categories by default and orders ties naturally`, () => {
    const values = Array.from({ length: 30 }, (_v, i) => `item${i}`);
    const { legend } = colorCategorical(values);
    expect(legend.kind === "categorical" && legend.entries.length).toBe(CATEGORY_LIMIT);
    expect(legend.kind === "categorical" && legend.entries[2]?.value).toBe("item2");
    expect(legend.kind === "categorical" && legend.other).toEqual({
      count: 10,
      values: 10,
      code: CATEGORY_LIMIT,
    });
  });

  it("shows numbers of a mixed column as text", () => {
    const { legend } = colorCategorical([1, "1", "x"]);
    expect(legend.kind === "categorical" && legend.entries[0]).toEqual({
      value: "1",
      count: 2,
      code: 0,
    });
  });
});

describe("colorNumeric", () => {
  it("bins values between min and max; null is no value", () => {
    const { codes, legend } = colorNumeric([0, 10, 5, null, 9.99], 4);
    expect([...codes]).toEqual([0, 3, 2, 4, 3]);
    expect(legend).toEqual({
      kind: "numeric",
      min: 0,
      max: 10,
      steps: 4,
      missing: { count: 1, code: 4 },
    });
  });

  it("puts NaN and ±Inf (strings on the wire) with no value", () => {
    const { codes, legend } = colorNumeric([0, "NaN", 1, "Infinity"], 2);
    expect([...codes]).toEqual([0, 2, 1, 2]);
    expect(legend.missing).toEqual({ count: 2, code: 2 });
  });

  it("puts a constant column in the middle", () => {
    expect([...colorNumeric([3, 3], 4).codes]).toEqual([2, 2]);
  });

  it("is chosen by colorBy for a numeric column", () => {
    expect(colorBy([1, 2]).legend.kind).toBe("numeric");
    expect(colorBy(["a", 2]).legend.kind).toBe("categorical");
  });
});

describe("ramp and hex", () => {
  it("interpolates from one colour to the other", () => {
    const r = ramp("#000000", "#ffffff", 3);
    expect(r).toEqual(["#000000", "#808080", "#ffffff"]);
    expect(ramp("#123456", "#654321")).toHaveLength(RAMP_STEPS);
    expect(parseHex("#abc")).toEqual([170, 187, 204]);
    expect(parseHex("red")).toBeNull();
    expect(toHex([255, 0, 16])).toBe("#ff0010");
  });
});

describe("category and ramp colours keep 3:1 contrast with the background", () => {
  for (const theme of ["light", "dark"] as const) {
    const bg = BACKGROUNDS[theme];
    it(`${theme}: the extra category colours`, () => {
      expect(SERIES_COLORS[theme].length + EXTRA_CATEGORY_COLORS[theme].length).toBe(
        CATEGORY_LIMIT,
      );
      for (const c of EXTRA_CATEGORY_COLORS[theme])
        expect(contrast(c, bg), c).toBeGreaterThanOrEqual(3);
    });

    it(`${theme}: every colour of the numeric ramp (series 1 to series 2)`, () => {
      const [from, to] = SERIES_COLORS[theme];
      for (const c of ramp(from, to)) expect(contrast(c, bg), c).toBeGreaterThanOrEqual(3);
    });

    it(`${theme}: no two category colours are the same`, () => {
      const all = [...SERIES_COLORS[theme], ...EXTRA_CATEGORY_COLORS[theme]].map((c) =>
        c.toLowerCase(),
      );
      expect(new Set(all).size).toBe(all.length);
    });
  }
});
