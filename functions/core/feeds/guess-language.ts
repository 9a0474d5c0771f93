import { franc } from "franc-min";

export type FeedLanguage = "ru" | "kk" | "en";

const ISO3: Record<string, FeedLanguage> = { rus: "ru", kaz: "kk", eng: "en" };
const CYRILLIC = /[\u0400-\u04FF]/;
const LATIN = /[A-Za-z]/;

/**
 * The two-letter language of a tag such as "ru-RU", "kk_KZ", "kaz" or "EN"; anything else two
 * letters long passes through lowercased; undefined for text that is no language tag.
 */
export function languageCode(tag: string | undefined): string | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_\s]/)[0];
  if (!primary) return undefined;
  if (primary === "kz" || primary === "kaz") return "kk";
  if (primary === "rus") return "ru";
  if (primary === "eng") return "en";
  return /^[a-z]{2}$/.test(primary) ? primary : undefined;
}

/**
 * Russian, Kazakh or English, for items whose item, feed and source say nothing. Text in one
 * script only with no Cyrillic is English without asking franc; Cyrillic goes to franc (trigrams)
 * restricted to Russian and Kazakh, since Kazakh letters alone mislead (a Russian headline about
 * Тоқаев has them). Undefined when the text is too short or in neither script.
 */
export function guessLanguage(text: string): FeedLanguage | undefined {
  const sample = text.slice(0, 400);
  if (!CYRILLIC.test(sample)) return LATIN.test(sample) ? "en" : undefined;
  const code = franc(sample, { only: ["rus", "kaz"], minLength: 10 });
  return ISO3[code] ?? "ru";
}
