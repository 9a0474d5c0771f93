// A second, careful reading of a Kazakh word form: the word as it would stand in a Russian text.
// stripKazakhSuffixes strips greedily until nothing more comes off, which keeps every Kazakh form of a
// word together but cuts names further than Russian does (Астана -> аст, Президентіне -> през). This
// reading takes at most one suffix per slot, in Kazakh order (case, then possessive, then plural), so
// Президентіне -> президент and Астанаға -> астана, which Russian stems like the Russian headline's word.

import { CASE_SUFFIXES, PLURAL_SUFFIXES, POSSESSIVE_SUFFIXES, VOWEL } from "./strip-kazakh-suffixes.js";

const MIN_BASE = 3;

const longestFirst = (suffixes: readonly string[]): string[] => [...suffixes].sort((a, b) => b.length - a.length);
const CASE = longestFirst(CASE_SUFFIXES);
const POSSESSIVE = longestFirst(POSSESSIVE_SUFFIXES);
// These forms follow a possessive only (базасында, базасына, базасын); after a bare stem they are part
// of it (Астана is not Аста + dative -на).
const AFTER_POSSESSIVE = new Set(["ндағы", "ндегі", "нда", "нде", "на", "не", "н"]);

function cut(word: string, suffixes: readonly string[], accept: (rest: string, suffix: string) => boolean): string {
  for (const suffix of suffixes) {
    if (!word.endsWith(suffix)) continue;
    const rest = word.slice(0, word.length - suffix.length);
    if (rest.length >= MIN_BASE && VOWEL.test(rest) && accept(rest, suffix)) return rest;
  }
  return word;
}

/** Base of a word known to be Kazakh (it has Kazakh letters, or its text is Kazakh): one suffix per slot. */
export function readKazakhBase(word: string): string {
  let base = cut(word, CASE, (rest, suffix) => !AFTER_POSSESSIVE.has(suffix) || /[ыі]$/.test(rest));
  base = cut(base, POSSESSIVE, (rest) => !VOWEL.test(rest.slice(-1)));
  return cut(base, PLURAL_SUFFIXES, () => true);
}

// Without Kazakh letters a word is most likely Russian (правда, команда, фонда, города, Праге, доллар
// all end like Kazakh suffixes), so only a case ending that Kazakh spelling rules allow after this base,
// and that Russian words rarely show, is taken: vowel harmony, the consonant the suffix starts with
// after this base's last sound, and a base of at least four letters.
const STRICT_MIN_BASE = 4;
const BACK = /[аоуыяюұ]/;
const FRONT = /[еэиіәөү]/;
// т/к-forms after a voiceless consonant, but not after с: Russian -ск/-ст words end that way
// (подписке would read as подпис-, the stem of подписал; Минске, вместе, Казахстан).
const VOICELESS = /[кптфхцчшщ]$/;
// д-forms after ы/и/і/й or a soft л/р (Алматыда, Сочиде, Израильде); not after н, з, р, л and the
// like, where Russian д-stems live (фонда, звезда, рекорда, команда), nor after а/о/у/е (блокада, города).
const SOFT_END = /(?:[ыиій]|[лр]ь)$/;

interface StrictRule {
  readonly suffix: string;
  readonly end: RegExp;
}
const STRICT: readonly StrictRule[] = [
  { suffix: "дан", end: SOFT_END }, { suffix: "ден", end: SOFT_END },
  { suffix: "тан", end: VOICELESS }, { suffix: "тен", end: VOICELESS },
  { suffix: "нан", end: /[нм]$/ }, { suffix: "нен", end: /[нм]$/ },
  { suffix: "мен", end: SOFT_END }, { suffix: "бен", end: /[мнзж]$/ }, { suffix: "пен", end: VOICELESS },
  { suffix: "да", end: SOFT_END }, { suffix: "де", end: SOFT_END },
  { suffix: "та", end: VOICELESS }, { suffix: "те", end: VOICELESS },
  { suffix: "ге", end: SOFT_END }, { suffix: "ке", end: VOICELESS },
];

function lastVowel(word: string): string | undefined {
  for (let i = word.length - 1; i >= 0; i--) if (VOWEL.test(word[i] as string)) return word[i];
  return undefined;
}

// The instrumental does not follow vowel harmony.
const HARMONY_FREE = new Set(["мен", "бен", "пен"]);

function harmonious(rest: string, suffix: string): boolean {
  if (HARMONY_FREE.has(suffix)) return true;
  const vowel = lastVowel(rest) ?? "";
  return suffix.includes("а") ? BACK.test(vowel) : FRONT.test(vowel);
}

/**
 * Base of a word without Kazakh letters in a Russian text, when it ends in a Kazakh case suffix that
 * fits its base (Алматыда -> алматы, Израильге -> израиль, Президентке -> президент); else undefined.
 */
export function readKazakhCaseStrict(word: string): string | undefined {
  for (const { suffix, end } of STRICT) {
    if (!word.endsWith(suffix)) continue;
    const rest = word.slice(0, word.length - suffix.length);
    if (rest.length < STRICT_MIN_BASE || !end.test(rest) || !harmonious(rest, suffix)) continue;
    return rest;
  }
  return undefined;
}
