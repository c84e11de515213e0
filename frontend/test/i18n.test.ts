import { describe, expect, it } from "vitest";
import { en } from "../src/i18n/en.js";
import { de } from "../src/i18n/de.js";
import { ja } from "../src/i18n/ja.js";
import { ko } from "../src/i18n/ko.js";
import { ru } from "../src/i18n/ru.js";
import { findingsLang, htmlLang, LANGUAGES, resolveLang, t, type Lang } from "../src/i18n/index.js";
import { zh } from "../src/i18n/zh.js";

const catalogues: Record<string, Record<string, string>> = { en, zh, de, ja, ko, ru };

describe("catalogues", () => {
  it("has a catalogue for every language in the menu", () => {
    expect(Object.keys(catalogues).sort()).toEqual(Object.keys(LANGUAGES).sort());
  });

  for (const [lang, cat] of Object.entries(catalogues)) {
    it(`${lang} has exactly the English keys, none empty`, () => {
      const missing = Object.keys(en).filter((k) => !(k in cat));
      const extra = Object.keys(cat).filter((k) => !(k in en));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
      for (const [k, v] of Object.entries(cat)) expect(v.trim(), k).not.toBe("");
    });

    it(`${lang} keeps the placeholders of each English message`, () => {
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const [k, v] of Object.entries(en)) expect(names(cat[k] ?? ""), k).toEqual(names(v));
    });
  }

  it("translates: every language differs from English for page headings", () => {
    for (const lang of Object.keys(LANGUAGES) as Lang[]) {
      if (lang === "en") continue;
      for (const k of [
        "overview.score",
        "model.info",
        "system.hardware",
        "app.nav.overview",
      ] as const) {
        expect(t(lang, k), `${lang} ${k}`).not.toBe(t("en", k));
      }
    }
  });

  it("names each language in itself", () => {
    expect(LANGUAGES).toMatchObject({
      en: "English",
      zh: "中文",
      de: "Deutsch",
      ja: "日本語",
      ko: "한국어",
      ru: "Русский",
    });
  });
});

describe("t", () => {
  it("fills placeholders and leaves unknown ones", () => {
    expect(t("en", "chart.epoch", { epoch: 3 })).toBe("Epoch 3");
    expect(t("en", "chart.epoch")).toBe("Epoch {epoch}");
    expect(t("zh", "chart.readout", { iteration: 5, values: "x" })).toBe("迭代 5：x");
  });
});

describe("resolveLang", () => {
  it("maps codes to catalogues and falls back to English", () => {
    expect(resolveLang("zh")).toBe("zh");
    expect(resolveLang("zh-CN")).toBe("zh");
    expect(resolveLang("ZH_tw")).toBe("zh");
    expect(resolveLang("de")).toBe("de");
    expect(resolveLang("de-AT")).toBe("de");
    expect(resolveLang("ko-KR")).toBe("ko");
    expect(resolveLang("ru-RU")).toBe("ru");
    expect(resolveLang("fr")).toBe("en");
    expect(resolveLang("")).toBe("en");
    expect(resolveLang(null)).toBe("en");
  });
});

describe("htmlLang and findingsLang", () => {
  it("tags <html lang> and asks the server in a language it translates findings into", () => {
    expect(htmlLang("zh")).toBe("zh-CN");
    expect(htmlLang("en")).toBe("en");
    expect(htmlLang("de")).toBe("de");
    expect(findingsLang("zh")).toBe("zh");
    expect(findingsLang("de")).toBe("en");
    expect(findingsLang("ko")).toBe("en");
    expect(findingsLang("ru")).toBe("en");
  });
});
