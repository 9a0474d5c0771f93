import type { SnowballStemmer } from "snowball-stemmers";
import { lazy } from "../load-once.js";
import type { Language } from "../text/language-code.js";
import { hasCyrillic, hasKazakhLetters } from "../text/script.js";
import { NotLoadedError } from "../not-loaded-error.js";
import { readKazakhBase, readKazakhCaseStrict } from "./read-kazakh-base.js";
import { stripKazakhSuffixes } from "./strip-kazakh-suffixes.js";

/** "kk" documents stem every Cyrillic word as Kazakh; anything else stems Cyrillic as Russian. */
export type LanguageHint = Language;

// snowball-stemmers is one 340 KiB file with every language; a cold start that searches or matches
// nothing (most API requests, FX polls without alerts) should not pay for compiling it.
interface Stemmers {
  readonly russian: SnowballStemmer;
  readonly english: SnowballStemmer;
}
const stemmers = lazy(async (): Promise<Stemmers> => {
  const mod = await import("snowball-stemmers");
  // CommonJS (UMD) module: the functions sit on the namespace or on its default, depending on the loader.
  const api = typeof mod.newStemmer === "function" ? mod : (mod as unknown as { default: typeof mod }).default;
  return { russian: api.newStemmer("russian"), english: api.newStemmer("english") };
});

/** Loads the Snowball stemmers once; stemToken (and so query matching) needs this awaited first. */
export async function loadStemmers(): Promise<void> {
  await stemmers.load();
}

/** True once loadStemmers() has finished: stemming is synchronous from then on. */
export function stemmersLoaded(): boolean {
  return stemmers.value !== undefined;
}

const DIGIT = /\p{N}/u;
// Folding Kazakh letters to their Russian look-alikes after suffix stripping lets "Тоқаев" and
// "Токаев" (both spellings appear in Russian-language Kazakh media) reach the same stem.
const KAZAKH_FOLD: ReadonlyMap<string, string> = new Map(
  Object.entries({ ә: "а", ғ: "г", қ: "к", ң: "н", ө: "о", ұ: "у", ү: "у", һ: "х", і: "и" }),
);
const RUSSIAN_VOWEL = /[аеиоуыэюя]/;

/**
 * Snowball Russian cuts the end of a zero-ending noun as if it were an ending (Казахстан -> казахста,
 * Токаев -> тока, кредит -> кред) while the inflected forms keep it (Казахстане -> казахстан). Cutting
 * the same ending once more from every stem puts both back together. RV is snowball's region after the
 * first vowel; only endings inside it are cut, and stems stay at least 3 letters (2 for -ов/-ев,
 * where Киев -> ки is what snowball itself does to the base form).
 */
function reconcileRussianStem(stem: string): string {
  const firstVowel = stem.search(RUSSIAN_VOWEL);
  if (firstVowel < 0) return stem;
  const rvStart = firstVowel + 1;
  const cut = (length: number, minRest: number): string | undefined =>
    stem.length - length >= Math.max(rvStart, minRest) ? stem.slice(0, stem.length - length) : undefined;
  if (/[ое]в$/.test(stem)) return cut(2, 2) ?? stem;
  if (/[ая][нлй]$/.test(stem)) return cut(1, 3) ?? stem;
  if (/(?:ит|ыт|ен|ил|ыл|им|ым)$/.test(stem)) return cut(2, 3) ?? stem;
  return stem;
}

// A stem is never cut to one letter: "ии" (AI) would become "и" ("and") and match almost every
// headline. Short words still meet their inflections (бой ~ боях ~ бо), only the collapse is refused.
const MIN_STEM = 2;

function stemRussian(word: string, loaded: Stemmers): string {
  const stem = reconcileRussianStem(loaded.russian.stem(word));
  return stem.length < MIN_STEM ? word : stem;
}

function foldKazakh(word: string): string {
  return word.replace(/[әғқңөұүһі]/g, (letter) => KAZAKH_FOLD.get(letter) ?? letter);
}

/** A token's stem, and a second stem it also matches under (undefined when there is none). */
export interface StemVariants {
  readonly stem: string;
  readonly alternate: string | undefined;
}

function variants(stem: string, alternate: string | undefined): StemVariants {
  return { stem: intern(stem), alternate: alternate === undefined || alternate === stem ? undefined : intern(alternate) };
}

function stemUncached(token: string, kazakhText: boolean, loaded: Stemmers): StemVariants {
  if (DIGIT.test(token)) return variants(token, undefined);
  if (!hasCyrillic(token)) {
    const stem = loaded.english.stem(token).replace(/'/g, "");
    return variants(stem.length < MIN_STEM ? token : stem, undefined);
  }
  if (!kazakhText && !hasKazakhLetters(token)) {
    // A Russian text's word, unless it ends in a Kazakh case suffix that fits it (Алматыда, Израильге):
    // then it also matches as the name it inflects, which is how Russian text spells that name.
    const base = readKazakhCaseStrict(token);
    return variants(stemRussian(token, loaded), base === undefined ? undefined : stemRussian(base, loaded));
  }
  // The greedy strip keeps all Kazakh forms of a word together; the careful reading is the word as a
  // Russian text would have it (Президентіне -> президент, where the greedy strip gives през).
  const stripped = stripKazakhSuffixes(token);
  const careful = readKazakhBase(token);
  const greedy = stemRussian(foldKazakh(stripped), loaded);
  // Most words read the same both ways; stemming once is most of the cost of indexing a new query.
  return variants(greedy, careful === stripped ? undefined : stemRussian(foldKazakh(careful), loaded));
}

// News vocabulary repeats from headline to headline; a bounded memo keeps stemming off the hot path.
const CACHE_LIMIT = 200_000;
const cache = [new Map<string, StemVariants>(), new Map<string, StemVariants>()] as const;

// One string object per distinct stem: the index compares a query's stems with a document's millions
// of times, and identical objects compare without reading their characters.
const interned = new Map<string, string>();
function intern(stem: string): string {
  const known = interned.get(stem);
  if (known !== undefined) return known;
  if (interned.size >= CACHE_LIMIT) interned.clear();
  interned.set(stem, stem);
  return stem;
}

/**
 * Both stems of one normalized token (see stemToken). Queries and documents both go through this, so a
 * query word matches a document word exactly when their stems or alternates meet, whichever side is which.
 */
export function stemVariants(token: string, langHint?: LanguageHint): StemVariants {
  // A caller that forgot loadStemmers() fails on its first word, whatever the word.
  const loaded = stemmers.value;
  if (loaded === undefined) throw new NotLoadedError("snowball-stemmers", "loadStemmers");
  const kazakhText = langHint === "kk";
  const memo = cache[kazakhText ? 1 : 0];
  const known = memo.get(token);
  if (known !== undefined) return known;
  const result = stemUncached(token, kazakhText, loaded);
  if (memo.size >= CACHE_LIMIT) memo.clear();
  memo.set(token, result);
  return result;
}

/**
 * Stem of one normalized token (from tokenize). Queries and documents both go through this function,
 * with the document's language, so a word always agrees with itself. Latin -> English snowball;
 * Cyrillic with Kazakh letters, or any Cyrillic when the hint is "kk" -> Kazakh suffixes, then Russian;
 * other Cyrillic -> Russian snowball. Numbers are kept as they are. Needs loadStemmers() awaited first.
 */
export function stemToken(token: string, langHint?: LanguageHint): string {
  return stemVariants(token, langHint).stem;
}
