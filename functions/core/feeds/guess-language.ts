import { lazy } from "../load-once.js";
import { NotLoadedError } from "../not-loaded-error.js";
import type { Language } from "../text/language-code.js";
import { hasCyrillic, hasKazakhLetters } from "../text/script.js";

const ISO3: Record<string, Language> = { rus: "ru", kaz: "kk", eng: "en" };
const LATIN = /[A-Za-z]/;

// franc-min's trigram tables are 170 KiB, and only items whose item, feed and source all say
// nothing about language can need them; every configured source declares one.
const franc = lazy(async () => (await import("franc-min")).franc);

/** Loads franc-min once; guessLanguage needs it for text with Kazakh letters. */
export async function loadLanguageGuesser(): Promise<void> {
  await franc.load();
}

/**
 * Russian, Kazakh or English, for items whose item, feed and source say nothing. Latin text
 * without Cyrillic is English; Cyrillic without any Kazakh letter is Russian. Only text with
 * Kazakh letters goes to franc (trigrams, restricted to Russian and Kazakh), since those letters
 * alone mislead (a Russian headline about Тоқаев has them). The quick paths keep a 5,000-item
 * feed without a language tag from spending seconds in franc. Text with
 * Kazakh letters needs loadLanguageGuesser() awaited first.
 */
export function guessLanguage(text: string): Language | undefined {
  const sample = text.slice(0, 240);
  if (!hasCyrillic(sample)) return LATIN.test(sample) ? "en" : undefined;
  if (!hasKazakhLetters(sample)) return "ru";
  // Checked only here, where franc is needed, so the quick paths work without loading it.
  const guess = franc.value;
  if (guess === undefined) throw new NotLoadedError("franc-min", "loadLanguageGuesser");
  const code = guess(sample, { only: ["rus", "kaz"], minLength: 10 });
  return ISO3[code] ?? "ru";
}
