import { decodeHtmlEntities } from "./decode-html-entities.js";

// Tags only when they look like tags, so "ставка < 10% и > 5%" keeps its words.
const TAG = /<!--[\s\S]*?-->|<\/?[A-Za-z][^<>]*>/g;
// Stress marks (ударе́ние) and other combining accents left after NFC; letters like й, ә stay precomposed.
const COMBINING = /[\u0300-\u036f]/g;
// Soft hyphens and zero-width characters sit inside words in copied text; they must not split a word.
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
const WORD = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /[a-z]/;
// Latin letters that look like Cyrillic ones: "Kaзахстан" typed with a Latin K is still Казахстан.
const HOMOGLYPHS: ReadonlyMap<string, string> = new Map(
  Object.entries({ a: "а", c: "с", e: "е", o: "о", p: "р", x: "х", y: "у", k: "к", m: "м", t: "т", h: "н", b: "в", i: "і" }),
);
const LATIN_ALL = /[a-z]/g;

/** Lower-cases, folds ё to е, drops tags, entities, accents and invisible characters. */
export function normalizeText(text: string): string {
  return decodeHtmlEntities(text.replace(TAG, " "))
    .normalize("NFC")
    .toLowerCase()
    .replace(COMBINING, "")
    .replace(INVISIBLE, "")
    .replace(/ё/g, "е")
    .replace(/[’‘ʼ`´]/g, "'");
}

function fixMixedScript(token: string): string {
  if (!CYRILLIC.test(token) || !LATIN.test(token)) return token;
  const latin = token.match(LATIN_ALL) ?? [];
  if (!latin.every((letter) => HOMOGLYPHS.has(letter))) return token;
  return token.replace(LATIN_ALL, (letter) => HOMOGLYPHS.get(letter) ?? letter);
}

/**
 * Splits text into normalized words: punctuation, quotes («» "" „“), hyphens and slashes separate words
 * ("Нур-Султан" is two words, matched as a phrase by the query parser). An apostrophe inside a Latin word
 * stays so the English stemmer can drop "'s"; inside a Cyrillic word it is removed.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const match of normalizeText(text).matchAll(WORD)) {
    let token = fixMixedScript(match[0]);
    if (token.includes("'") && CYRILLIC.test(token)) token = token.replace(/'/g, "");
    tokens.push(token);
  }
  return tokens;
}
