// Kazakh is agglutinative: stem + plural + possessive + case, each a short suffix whose vowel follows
// the stem (базалар, базасы, базасында, базаларының). Stripping from the end, longest suffix first,
// until nothing more comes off, brings every such form back to the same stem. It is deliberately
// conservative: only inflections (never derivational suffixes like -лық, -шы) and never below 3 letters.

/** Case endings (and the "the one in X" -дағы) that a Kazakh word carries last. */
export const CASE_SUFFIXES: readonly string[] = [
  // locative-adjectival "the one in X": Қазақстандағы
  "ндағы", "ндегі", "дағы", "дегі", "тағы", "тегі",
  // ablative
  "дан", "ден", "тан", "тен", "нан", "нен",
  // instrumental
  "менен", "мен", "бен", "пен",
  // genitive
  "ның", "нің", "дың", "дің", "тың", "тің",
  // locative (the н-forms follow a possessive: базасында)
  "нда", "нде", "да", "де", "та", "те",
  // dative (на/не follow a possessive: базасына)
  "ға", "ге", "қа", "ке", "на", "не",
  // accusative (bare н follows a possessive: базасын)
  "ны", "ні", "ды", "ді", "ты", "ті", "н",
];
/** Possessive endings: 3rd person, then 1st and 2nd, singular, plural and polite. */
export const POSSESSIVE_SUFFIXES: readonly string[] = [
  "ымыз", "іміз", "мыз", "міз", "ыңыз", "іңіз", "ңыз", "ңіз", "сы", "сі", "ым", "ім", "ың", "ің", "ы", "і",
];
export const PLURAL_SUFFIXES: readonly string[] = ["лар", "лер", "дар", "дер", "тар", "тер"];

// The greedy strip takes any of them in any order; a bare "н" only as part of "сын"/"сін" (possessive
// plus accusative), and "ндан"/"нден" as they occur after a possessive in informal spelling.
const SUFFIXES: readonly string[] = [
  ...CASE_SUFFIXES.filter((suffix) => suffix !== "н"),
  "ндан", "нден", "сын", "сін",
  ...POSSESSIVE_SUFFIXES,
  ...PLURAL_SUFFIXES,
].sort((a, b) => b.length - a.length);

/** A vowel of the Kazakh or Russian alphabet (tokens carry е for ё). */
export const VOWEL = /[аәеиоөуұүыіэюя]/;
const MIN_STEM = 3;

/** Removes Kazakh plural, possessive and case suffixes: базаларының -> база, Тоқаевқа -> тоқаев. */
export function stripKazakhSuffixes(word: string): string {
  let stem = word;
  // Four rounds cover plural + possessive + case + a linking form; the bound keeps cost fixed.
  for (let round = 0; round < 4; round++) {
    const suffix = SUFFIXES.find((candidate) => {
      if (!stem.endsWith(candidate)) return false;
      const rest = stem.slice(0, stem.length - candidate.length);
      return [...rest].length >= MIN_STEM && VOWEL.test(rest);
    });
    if (suffix === undefined) break;
    stem = stem.slice(0, stem.length - suffix.length);
  }
  return stem;
}
