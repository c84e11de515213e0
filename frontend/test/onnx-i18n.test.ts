import { describe, expect, it } from "vitest";
import { en } from "../src/i18n/en.js";
import { LANGUAGES, type Lang } from "../src/i18n/index.js";
import { ONNX_CATALOGUES, onnxEn, to } from "../src/i18n/onnx.js";
import { projectorEn } from "../src/i18n/projector.js";

describe("ONNX view catalogues", () => {
  it("has one for every language of the menu", () => {
    expect(Object.keys(ONNX_CATALOGUES).sort()).toEqual(Object.keys(LANGUAGES).sort());
  });

  for (const [lang, catalogue] of Object.entries(ONNX_CATALOGUES)) {
    const cat: Record<string, string | undefined> = catalogue;
    it(`${lang} has exactly the English keys, none empty`, () => {
      const missing = Object.keys(onnxEn).filter((k) => !(k in cat));
      const extra = Object.keys(cat).filter((k) => !(k in onnxEn));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
      for (const [k, v] of Object.entries(cat)) expect((v ?? "").trim(), k).not.toBe("");
    });

    it(`${lang} keeps the placeholders of each English message`, () => {
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const [k, v] of Object.entries(onnxEn)) expect(names(cat[k] ?? ""), k).toEqual(names(v));
    });
  }

  it("translates into every language", () => {
    for (const lang of Object.keys(LANGUAGES) as Lang[]) {
      if (lang !== "en") expect(to(lang, "onnx.search"), lang).not.toBe(to("en", "onnx.search"));
    }
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
