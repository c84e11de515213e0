import { describe, expect, it } from "vitest";
import { matches, parseQuery, search } from "../src/lib/projector-search.js";

const LABELS = ["cat", "Concatenate", "dog", "CAT", "catalogue", "bird"];

describe("parseQuery", () => {
  it("is empty for blank text", () => {
    expect(parseQuery("   ", false)).toEqual({ kind: "empty" });
    expect(parseQuery("", true)).toEqual({ kind: "empty" });
  });

  it("reads a word as a case-insensitive substring", () => {
    expect(parseQuery(" Cat ", false)).toEqual({ kind: "text", needle: "cat" });
  });

  it("reads /re/flags as a regular expression with exactly those flags", () => {
    const q = parseQuery("/^cat/", false);
    expect(q.kind).toBe("regex");
    expect(matches(q, "catalogue")).toBe(true);
    expect(matches(q, "CAT")).toBe(false);
    expect(matches(parseQuery("/^cat/i", false), "CAT")).toBe(true);
  });

  it("reads the whole text as a case-insensitive regex with the toggle on", () => {
    const q = parseQuery("^c.t$", true);
    expect(search(q, LABELS)).toEqual([0, 3]);
  });

  it("turns an invalid regex into a message, never an exception", () => {
    for (const [text, toggle] of [
      ["/([a-z/", false],
      ["([a-z", true],
      ["/a/zz", false],
    ] as const) {
      const q = parseQuery(text, toggle);
      expect(q.kind, text).toBe("invalid");
      if (q.kind === "invalid") expect(q.detail.length).toBeGreaterThan(0);
      expect(search(q, LABELS)).toEqual([]);
    }
  });

  it("drops g and y, which would make matching stateful", () => {
    const q = parseQuery("/cat/gi", false);
    expect(search(q, ["cat", "cat", "cat"])).toEqual([0, 1, 2]);
  });

  it("treats a lone slash as text", () => {
    expect(parseQuery("/", false)).toEqual({ kind: "text", needle: "/" });
  });
});

describe("search", () => {
  it("lists exact matches of a word first, then the others in label order", () => {
    expect(search(parseQuery("cat", false), LABELS)).toEqual([0, 3, 1, 4]);
  });

  it("finds nothing for empty or invalid queries", () => {
    expect(search(parseQuery("", false), LABELS)).toEqual([]);
    expect(search(parseQuery("zebra", false), LABELS)).toEqual([]);
  });
});
