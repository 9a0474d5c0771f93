import { decodeHtmlEntities } from "./decode-html-entities.js";

// Tags only when they look like tags, so "ставка < 10% и > 5%" keeps its words.
const TAG = /<!--[\s\S]*?-->|<\/?[A-Za-z][^<>]*>/g;
// Stress marks (ударе́ние) and other combining accents left after NFC; letters like й, ә stay precomposed.
const COMBINING = /[\u0300-\u036f]/g;
// Soft hyphens and zero-width characters sit inside words in copied text; they must not split a word.
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
const OTHER_WORD_CHAR = /[\p{L}\p{N}]/u;
// Latin letters that look like Cyrillic ones: "Kaзахстан" typed with a Latin K is still Казахстан.
const HOMOGLYPHS: ReadonlyMap<string, string> = new Map(
  Object.entries({ a: "а", c: "с", e: "е", o: "о", p: "р", x: "х", y: "у", k: "к", m: "м", t: "т", h: "н", b: "в", i: "і" }),
);
const LATIN_ALL = /[a-z]/g;

const enum Script {
  None = 0,
  Latin = 1,
  Cyrillic = 2,
  Other = 4,
}

// A hand-written scan instead of a Unicode regex: tokenizing is most of the cost of matching a
// headline, and this is several times faster on Cyrillic text.
function scriptOf(code: number, text: string, at: number): Script {
  if (code >= 0x61 && code <= 0x7a) return Script.Latin;
  if (code >= 0x30 && code <= 0x39) return Script.Other;
  if (code >= 0x400 && code <= 0x4ff) return Script.Cyrillic;
  if (code < 0xc0) return Script.None;
  if (code <= 0x24f) return code === 0xd7 || code === 0xf7 ? Script.None : Script.Latin;
  return OTHER_WORD_CHAR.test(String.fromCodePoint(text.codePointAt(at) ?? 0)) ? Script.Other : Script.None;
}

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
  const normalized = normalizeText(text);
  const tokens: string[] = [];
  let start = -1;
  let scripts: number = Script.None;
  let apostrophe = false;
  const finish = (end: number): void => {
    let token = normalized.slice(start, end);
    if ((scripts & (Script.Latin | Script.Cyrillic)) === (Script.Latin | Script.Cyrillic)) token = fixMixedScript(token);
    if (apostrophe && scripts & Script.Cyrillic) token = token.replace(/'/g, "");
    tokens.push(token);
    start = -1;
  };
  for (let i = 0; i < normalized.length; i++) {
    const code = normalized.charCodeAt(i);
    const script = scriptOf(code, normalized, i);
    if (script !== Script.None) {
      if (start < 0) {
        start = i;
        scripts = Script.None;
        apostrophe = false;
      }
      scripts |= script;
      // The low half of a surrogate pair belongs to the letter just classified.
      if (code >= 0xd800 && code <= 0xdbff) i++;
    } else if (start >= 0) {
      const following = i + 1 < normalized.length ? normalized.charCodeAt(i + 1) : 0;
      if (code === 0x27 && scriptOf(following, normalized, i + 1) !== Script.None) {
        apostrophe = true;
        continue;
      }
      finish(i);
    }
  }
  if (start >= 0) finish(normalized.length);
  return tokens;
}
