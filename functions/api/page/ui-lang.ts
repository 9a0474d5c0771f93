import { stringsEn } from "./strings-en.js";
import { stringsKk } from "./strings-kk.js";
import { stringsRu } from "./strings-ru.js";
import type { UiStrings } from "./ui-strings.js";

export const UI_LANGS = ["ru", "kk", "en"] as const;
export type UiLang = (typeof UI_LANGS)[number];

const STRINGS: Record<UiLang, UiStrings> = { ru: stringsRu, kk: stringsKk, en: stringsEn };

/** BCP 47 locales for Intl: dates, numbers and relative times read the way each language writes them. */
export const LOCALES: Record<UiLang, string> = { ru: "ru-RU", kk: "kk-KZ", en: "en-GB" };

export function stringsFor(lang: UiLang): UiStrings {
  return STRINGS[lang];
}

export function isUiLang(value: string | undefined): value is UiLang {
  return (UI_LANGS as readonly string[]).includes(value ?? "");
}

/**
 * The interface language: ?ui= when it names one we have, else the best of the browser's
 * Accept-Language (by q-value, then order; "kk-KZ" counts as kk, "*" as our default), else Russian.
 */
export function negotiateUiLang(param: string | undefined, acceptLanguage: string | undefined): UiLang {
  if (isUiLang(param)) return param;
  const ranges = (acceptLanguage ?? "")
    .split(",")
    .slice(0, 32)
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const q = qParam === undefined ? 1 : Number(qParam.slice(2));
      return { primary: tag.trim().toLowerCase().split("-")[0] ?? "", q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const r of ranges) {
    if (r.primary === "*") return "ru";
    if (isUiLang(r.primary)) return r.primary;
  }
  return "ru";
}
