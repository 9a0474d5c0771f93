import { lazy } from "../load-once.js";
import { NotLoadedError } from "../not-loaded-error.js";

export type FeedLanguage = "ru" | "kk" | "en";

const ISO3: Record<string, FeedLanguage> = { rus: "ru", kaz: "kk", eng: "en" };
const CYRILLIC = /[\u0400-\u04FF]/;
// Letters Kazakh has and Russian lacks. Kazakh prose uses them in nearly every sentence.
const KAZAKH_LETTERS = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/;
const LATIN = /[A-Za-z]/;

// franc-min's trigram tables are 170 KiB, and only items whose item, feed and source all say
// nothing about language can need them; every configured source declares one.
const franc = lazy(async () => (await import("franc-min")).franc);

/** Loads franc-min once; guessLanguage needs it for text with Kazakh letters. */
export async function loadLanguageGuesser(): Promise<void> {
  await franc.load();
}

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
 * feed without a language tag from spending seconds in franc. Text with
 * Kazakh letters needs loadLanguageGuesser() awaited first.
 */
export function guessLanguage(text: string): FeedLanguage | undefined {
  const sample = text.slice(0, 240);
  if (!CYRILLIC.test(sample)) return LATIN.test(sample) ? "en" : undefined;
  if (!KAZAKH_LETTERS.test(sample)) return "ru";
  // Checked only here, where franc is needed, so the quick paths work without loading it.
  const guess = franc.value;
  if (guess === undefined) throw new NotLoadedError("franc-min", "loadLanguageGuesser");
  const code = guess(sample, { only: ["rus", "kaz"], minLength: 10 });
  return ISO3[code] ?? "ru";
}
