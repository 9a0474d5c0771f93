import type { LanguageHint } from "./stem-token.js";

// Small, frequent function words tell Kazakh from Russian better than letters do: a Russian headline
// about "Қасым-Жомарт Тоқаев" is full of Kazakh letters, a Kazakh one may have none in its first words.
const KAZAKH_WORDS = new Set([
  "және", "мен", "бен", "пен", "бұл", "осы", "бір", "деп", "деді", "үшін", "туралы", "бойынша", "жылы",
  "арқылы", "кейін", "дейін", "қазір", "тағы", "ретінде", "сияқты", "емес", "болды", "болып", "болады",
  "олар", "оның", "біз", "жаңа", "барлық", "жоқ", "бар", "керек", "мүмкін", "сондай", "ал", "да", "де",
]);
const RUSSIAN_WORDS = new Set([
  "и", "в", "во", "на", "с", "со", "по", "для", "о", "об", "от", "до", "из", "за", "к", "у", "не", "что",
  "как", "это", "а", "но", "или", "при", "после", "так", "также", "его", "ее", "их", "был", "была", "были",
  "будет", "который", "которые", "года", "году",
]);
const KAZAKH_LETTERS = /[әғқңөұүһі]/;
const CYRILLIC = /[\u0400-\u04ff]/;

/** Maps a feed's language code ("kk", "kk-KZ", "kaz", "ru", "en-US") to a hint, or undefined if unknown. */
export function languageHintFromCode(code: string | undefined): LanguageHint | undefined {
  const primary = code?.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === "kk" || primary === "kaz" || primary === "kz") return "kk";
  if (primary === "ru" || primary === "rus") return "ru";
  if (primary === "en" || primary === "eng") return "en";
  return undefined;
}

/** Guesses whether tokenized text is Kazakh ("kk") or not ("ru"), for documents that carry no language. */
export function detectLanguage(tokens: readonly string[]): LanguageHint {
  let kazakhVotes = 0;
  let russianVotes = 0;
  let cyrillic = 0;
  let kazakhLettered = 0;
  for (const token of tokens) {
    if (KAZAKH_WORDS.has(token)) kazakhVotes++;
    if (RUSSIAN_WORDS.has(token)) russianVotes++;
    if (CYRILLIC.test(token)) {
      cyrillic++;
      if (KAZAKH_LETTERS.test(token)) kazakhLettered++;
    }
  }
  if (kazakhVotes !== russianVotes) return kazakhVotes > russianVotes ? "kk" : "ru";
  // No function words (a short headline): a Kazakh text has Kazakh letters in many of its words.
  return cyrillic > 0 && kazakhLettered * 3 >= cyrillic && kazakhLettered >= 2 ? "kk" : "ru";
}
