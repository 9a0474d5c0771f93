import { FUNCTION_WORDS } from "../text/function-words.js";
import type { Language } from "../text/language-code.js";
import { hasCyrillic, hasKazakhLetters } from "../text/script.js";

// Small, frequent function words tell Kazakh from Russian better than letters do: a Russian headline
// about "Қасым-Жомарт Тоқаев" is full of Kazakh letters, a Kazakh one may have none in its first words.
// The shared function words, plus frequent words that are just as telling for a vote.
const KAZAKH_WORDS = new Set([
  ...FUNCTION_WORDS.kk,
  "бір", "деп", "деді", "жылы", "арқылы", "кейін", "дейін", "қазір", "тағы", "ретінде", "сияқты", "емес",
  "болды", "болып", "болады", "олар", "оның", "біз", "жаңа", "барлық", "жоқ", "бар", "керек", "мүмкін",
  "сондай", "ал",
]);
const RUSSIAN_WORDS = new Set([...FUNCTION_WORDS.ru, "после", "так", "также", "будет", "который", "которые", "года", "году"]);

/** Guesses whether tokenized text is Kazakh ("kk") or not ("ru"), for documents that carry no language. */
export function detectLanguage(tokens: readonly string[]): Exclude<Language, "en"> {
  let kazakhVotes = 0;
  let russianVotes = 0;
  let cyrillic = 0;
  let kazakhLettered = 0;
  for (const token of tokens) {
    if (KAZAKH_WORDS.has(token)) kazakhVotes++;
    if (RUSSIAN_WORDS.has(token)) russianVotes++;
    if (hasCyrillic(token)) {
      cyrillic++;
      if (hasKazakhLetters(token)) kazakhLettered++;
    }
  }
  if (kazakhVotes !== russianVotes) return kazakhVotes > russianVotes ? "kk" : "ru";
  // No function words (a short headline): a Kazakh text has Kazakh letters in many of its words.
  return cyrillic > 0 && kazakhLettered * 3 >= cyrillic && kazakhLettered >= 2 ? "kk" : "ru";
}
