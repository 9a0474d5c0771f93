import { franc } from "franc-min";

export type FeedLanguage = "ru" | "kk" | "en";

const ISO3: Record<string, FeedLanguage> = { rus: "ru", kaz: "kk", eng: "en" };
const CYRILLIC = /[\u0400-\u04FF]/;
// Letters Kazakh has and Russian lacks. Kazakh prose uses them in nearly every sentence.
const KAZAKH_LETTERS = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/;
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
 * Russian, Kazakh or English, for items whose item, feed and source say nothing. Latin text
 * without Cyrillic is English; Cyrillic without any Kazakh letter is Russian. Only text with
 * Kazakh letters goes to franc (trigrams, restricted to Russian and Kazakh), since those letters
 * alone mislead (a Russian headline about Тоқаев has them). The quick paths keep a 5,000-item
 * feed without a language tag from spending seconds in franc.
 */
export function guessLanguage(text: string): FeedLanguage | undefined {
  const sample = text.slice(0, 240);
  if (!CYRILLIC.test(sample)) return LATIN.test(sample) ? "en" : undefined;
  if (!KAZAKH_LETTERS.test(sample)) return "ru";
  const code = franc(sample, { only: ["rus", "kaz"], minLength: 10 });
  return ISO3[code] ?? "ru";
}
