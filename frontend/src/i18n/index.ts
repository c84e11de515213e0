/**
 * Messages in the user's language: one catalogue per language, English as the fallback.
 */
import { en, type MessageKey } from "./en.js";
import { de } from "./de.js";
import { ja } from "./ja.js";
import { ko } from "./ko.js";
import { ru } from "./ru.js";
import { zh } from "./zh.js";

export type { Catalogue, MessageKey } from "./en.js";

/** Every language with a catalogue, and its name in that language (for the language menu). */
export const LANGUAGES = {
  en: "English",
  zh: "中文",
  de: "Deutsch",
  ja: "日本語",
  ko: "한국어",
  ru: "Русский",
} as const;

/** A language code with a catalogue. */
export type Lang = keyof typeof LANGUAGES;

const CATALOGUES: Readonly<Record<Lang, Partial<Record<MessageKey, string>>>> = {
  en,
  zh,
  de,
  ja,
  ko,
  ru,
};

/**
 * The language to use for a requested code: itself when it has a catalogue, else its base
 * language ("zh-CN" -> "zh"), else English.
 */
export function resolveLang(requested: string | null | undefined): Lang {
  const code = (requested ?? "").trim().toLowerCase();
  if (code in LANGUAGES) return code as Lang;
  const base = code.split(/[-_]/)[0] ?? "";
  return base in LANGUAGES ? (base as Lang) : "en";
}

/** The BCP 47 tag of `lang` for `<html lang>` (Chinese is the Simplified catalogue: `zh-CN`). */
export function htmlLang(lang: Lang): string {
  return lang === "zh" ? "zh-CN" : lang;
}

/**
 * The language to ask the server's findings in: the server translates a finding's message and
 * advice into English and Chinese only, so other languages get English ones.
 */
export function findingsLang(lang: Lang): "en" | "zh" {
  return lang === "zh" ? "zh" : "en";
}

/** The browser's preferred language that has a catalogue, else English. */
export function browserLang(): Lang {
  const langs = typeof navigator === "undefined" ? [] : navigator.languages;
  for (const l of langs) {
    const r = resolveLang(l);
    if (r !== "en" || l.toLowerCase().startsWith("en")) return r;
  }
  return "en";
}

/**
 * The message `key` in `lang`, with `{name}` placeholders filled from `params`. A key missing
 * from the language's catalogue falls back to English.
 */
export function t(
  lang: Lang,
  key: MessageKey,
  params?: Readonly<Record<string, string | number>>,
): string {
  return fill(CATALOGUES[lang][key] ?? en[key], params);
}

/** `text` with its `{name}` placeholders filled from `params` (unknown ones are left). */
export function fill(text: string, params?: Readonly<Record<string, string | number>>): string {
  if (params === undefined) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
