import { describe, expect, it } from "vitest";
import { isCsvName, parseXyCsv, splitCsvLine } from "../src/lib/projector-csv.js";

describe("parseXyCsv", () => {
  it("reads x,y,label rows, skipping a header and blank lines", () => {
    const r = parseXyCsv("x,y,label\r\n1,2,cat\n\n-3.5,4e2,dog\n");
    expect(r).toEqual({ ok: true, points: { x: [1, -3.5], y: [2, 400], labels: ["cat", "dog"] } });
  });

  it("accepts quoted labels with commas and quotes, a BOM, and rows without label", () => {
    const r = parseXyCsv('\uFEFF0,0,"a, ""b"""\n1,1');
    expect(r).toEqual({ ok: true, points: { x: [0, 1], y: [0, 1], labels: ['a, "b"', ""] } });
  });

  it("gives null for non-finite coordinates (the point is not placed)", () => {
    const r = parseXyCsv("NaN,1,a\n2,-Infinity,b\n3,3,c");
    expect(r.ok && r.points.x).toEqual([null, 2, 3]);
    expect(r.ok && r.points.y).toEqual([1, null, 3]);
  });

  it("names the line of a value that is not a number", () => {
    expect(parseXyCsv("x,y,label\n1,2,a\n1,abc,b")).toEqual({
      ok: false,
      error: { kind: "number", line: 3, value: "abc" },
    });
    expect(parseXyCsv("1,2,a\n12x,2,b").ok).toBe(false);
  });

  it("names the line with a wrong number of fields", () => {
    expect(parseXyCsv("1,2,a\n1,2,3,4")).toEqual({
      ok: false,
      error: { kind: "columns", line: 2, count: 4 },
    });
    expect(parseXyCsv("1")).toEqual({ ok: false, error: { kind: "columns", line: 1, count: 1 } });
  });

  it("refuses an unclosed quote and a file without rows", () => {
    expect(parseXyCsv('1,2,"abc')).toEqual({ ok: false, error: { kind: "quote", line: 1 } });
    expect(parseXyCsv("x,y,label\n\n")).toEqual({ ok: false, error: { kind: "empty" } });
    expect(parseXyCsv("")).toEqual({ ok: false, error: { kind: "empty" } });
  });

  it("reads only the first row as a possible header", () => {
    expect(parseXyCsv("1,2,a\nx,y,label").ok).toBe(false);
  });
});

describe("splitCsvLine", () => {
  it("splits on commas outside quotes", () => {
    expect(splitCsvLine('a,"b,c",d')).toEqual(["a", "b,c", "d"]);
    expect(splitCsvLine("a,,")).toEqual(["a", "", ""]);
  });
});

describe("isCsvName", () => {
  it("knows a CSV by its extension", () => {
    expect(isCsvName("points.CSV")).toBe(true);
    expect(isCsvName("vectors.tsv")).toBe(false);
  });
});
