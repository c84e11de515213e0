import { describe, expect, it } from "vitest";
import { en } from "../src/i18n/en.js";
import { onnxEn, onnxZh, to } from "../src/i18n/onnx.js";
import { projectorEn } from "../src/i18n/projector.js";

describe("ONNX view catalogues", () => {
  it("zh has exactly the English keys, none empty", () => {
    const cat: Record<string, string> = onnxZh;
    const missing = Object.keys(onnxEn).filter((k) => !(k in cat));
    const extra = Object.keys(cat).filter((k) => !(k in onnxEn));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    for (const [k, v] of Object.entries(cat)) expect(v.trim(), k).not.toBe("");
  });

  it("zh keeps the placeholders of each English message", () => {
    const cat: Record<string, string> = onnxZh;
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [k, v] of Object.entries(onnxEn)) expect(names(cat[k] ?? ""), k).toEqual(names(v));
  });

  it("shares no key with the core or projector catalogues", () => {
    const other = { ...en, ...projectorEn };
    expect(Object.keys(onnxEn).filter((k) => k in other)).toEqual([]);
  });

  it("translates and fills placeholders", () => {
    expect(to("zh", "onnx.search")).not.toBe(to("en", "onnx.search"));
    expect(to("en", "onnx.search.count", { index: 2, count: 5 })).toBe("2 of 5");
    expect(to("en", "onnx.nodes", { count: 3 })).toBe("3 nodes");
  });
});
