import { describe, expect, it } from "vitest";

import type { FloatValue } from "../src/index.js";
import { formatFloatValue, parseFloatValue } from "../src/index.js";
import {
  formatAttribute,
  formatHyperparameter,
  inByteUnit,
  parseFloatValues,
} from "../src/values.js";

describe("parseFloatValue", () => {
  it("passes finite numbers through", () => {
    expect(parseFloatValue(0.25)).toBe(0.25);
    expect(parseFloatValue(-3)).toBe(-3);
    expect(parseFloatValue(0)).toBe(0);
  });

  it("turns the non-finite strings into NaN and ±Infinity", () => {
    expect(parseFloatValue("NaN")).toBeNaN();
    expect(parseFloatValue("Infinity")).toBe(Number.POSITIVE_INFINITY);
    expect(parseFloatValue("-Infinity")).toBe(Number.NEGATIVE_INFINITY);
  });

  it("never turns NaN into 0", () => {
    const parsed = parseFloatValue("NaN");
    expect(parsed).not.toBe(0);
    expect(Number.isNaN(parsed)).toBe(true);
    expect(parseFloatValue(Number.NaN)).toBeNaN();
  });

  it("keeps null as null (absent), not NaN or 0", () => {
    expect(parseFloatValue(null)).toBeNull();
  });

  it("reads a parsed JSON series without losing the non-finite values", () => {
    const wire = JSON.parse('[1.5, "NaN", null, "-Infinity", 0]') as (FloatValue | null)[];
    const values = wire.map(parseFloatValue);
    expect(values).toEqual([1.5, Number.NaN, null, Number.NEGATIVE_INFINITY, 0]);
  });

  it("rejects other strings with a clear error", () => {
    const bad = JSON.parse('"nan"') as FloatValue;
    expect(() => parseFloatValue(bad)).toThrow(TypeError);
    expect(() => parseFloatValue(bad)).toThrow('got "nan"');
  });
});

describe("formatFloatValue", () => {
  it("labels the non-finite values and absence", () => {
    expect(formatFloatValue(Number.NaN)).toBe("NaN");
    expect(formatFloatValue(Number.POSITIVE_INFINITY)).toBe("+Inf");
    expect(formatFloatValue(Number.NEGATIVE_INFINITY)).toBe("-Inf");
    expect(formatFloatValue(null)).toBe("—");
  });

  it("never shows NaN as 0", () => {
    expect(formatFloatValue(Number.NaN)).not.toBe("0");
    expect(formatFloatValue(parseFloatValue("NaN"))).toBe("NaN");
  });

  it.each([
    [0, "0"],
    [-0, "0"],
    [1, "1"],
    [-2.5, "-2.5"],
    [0.1 + 0.2, "0.3"],
    [0.012345, "0.01235"],
    [1234.5678, "1235"],
    [12345, "12350"],
    [0.001, "0.001"],
    [99999.9, "1e+5"],
    [1234567, "1.235e+6"],
    [1.2e6, "1.2e+6"],
    [-3e9, "-3e+9"],
    [0.000123456, "1.235e-4"],
    [1e-7, "1e-7"],
    [Number.MAX_VALUE, "1.798e+308"],
  ])("formats %s compactly as %s", (value, label) => {
    expect(formatFloatValue(value)).toBe(label);
  });

  it("round-trips the wire strings through parse and format", () => {
    const wire: FloatValue[] = ["NaN", "Infinity", "-Infinity", 0.5];
    expect(wire.map((v) => formatFloatValue(parseFloatValue(v)))).toEqual([
      "NaN",
      "+Inf",
      "-Inf",
      "0.5",
    ]);
  });
});

describe("parseFloatValues", () => {
  it("parses a whole series, keeping non-finite values and gaps apart", () => {
    const values: (FloatValue | null)[] = [1.5, "NaN", null, "Infinity", "-Infinity", 0];
    expect(parseFloatValues(values)).toEqual([1.5, Number.NaN, null, Infinity, -Infinity, 0]);
  });
});

describe("inByteUnit", () => {
  it("shows MiB below 1 GiB and GiB from there, keeping gaps and non-finite values", () => {
    const small = inByteUnit([{ iterations: [1, 2], values: [2 ** 20, null] }]);
    expect(small.unit).toBe("MiB");
    expect(small.series[0]?.values).toEqual([1, null]);
    const large = inByteUnit([
      { iterations: [1, 2], values: [2 ** 31, "NaN"] },
      { iterations: [1], values: [2 ** 29] },
    ]);
    expect(large.unit).toBe("GiB");
    expect(large.series[0]?.values[0]).toBe(2);
    expect(Number.isNaN(large.series[0]?.values[1])).toBe(true);
    expect(large.series[1]?.values).toEqual([0.5]);
  });
});

describe("formatAttribute and formatHyperparameter", () => {
  it("shows module attributes as Python would write them", () => {
    expect(formatAttribute(784)).toBe("784");
    expect(formatAttribute([3, 3])).toBe("[3, 3]");
    expect(formatAttribute(true)).toBe("true");
    expect(formatAttribute(null)).toBe("None");
    expect(formatAttribute("zeros")).toBe("zeros");
  });

  it("shows strings as they are and other values as JSON", () => {
    expect(formatHyperparameter("adam")).toBe("adam");
    expect(formatHyperparameter(0.1)).toBe("0.1");
    expect(formatHyperparameter([1, 2])).toBe("[1,2]");
    expect(formatHyperparameter({ a: 1 })).toBe('{"a":1}');
  });
});
