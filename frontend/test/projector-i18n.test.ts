import { describe, expect, it } from "vitest";
import { en } from "../src/i18n/en.js";
import { LANGUAGES, type Lang } from "../src/i18n/index.js";
import { PROJECTOR_CATALOGUES, projectorEn, tp } from "../src/i18n/projector.js";

describe("projector catalogues", () => {
  it("has one for every language of the menu", () => {
    expect(Object.keys(PROJECTOR_CATALOGUES).sort()).toEqual(Object.keys(LANGUAGES).sort());
  });

  for (const [lang, catalogue] of Object.entries(PROJECTOR_CATALOGUES)) {
    const cat: Record<string, string | undefined> = catalogue;
    it(`${lang} has exactly the English keys, none empty`, () => {
      const missing = Object.keys(projectorEn).filter((k) => !(k in cat));
      const extra = Object.keys(cat).filter((k) => !(k in projectorEn));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
      for (const [k, v] of Object.entries(cat)) expect((v ?? "").trim(), k).not.toBe("");
    });

    it(`${lang} keeps the placeholders of each English message`, () => {
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const [k, v] of Object.entries(projectorEn))
        expect(names(cat[k] ?? ""), k).toEqual(names(v));
    });
  }

  it("translates into every language", () => {
    for (const lang of Object.keys(LANGUAGES) as Lang[]) {
      if (lang !== "en")
        expect(tp(lang, "projector.neighbors"), lang).not.toBe(tp("en", "projector.neighbors"));
    }
  });

  it("shares no key with the core catalogue", () => {
    expect(Object.keys(projectorEn).filter((k) => k in en)).toEqual([]);
  });

  it("translates the headings and fills placeholders", () => {
    for (const k of ["projector.search", "projector.neighbors", "projector.legend"] as const) {
      expect(tp("zh", k)).not.toBe(tp("en", k));
    }
    expect(tp("en", "projector.search.count", { count: 3 })).toBe("3 matches");
    expect(tp("zh", "projector.unplaced", { count: 2 })).toBe("2 个点未放置：向量含非有限值");
  });
});
