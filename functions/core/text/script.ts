// Script tests shared by ingestion (guessLanguage), stemming and language detection at match time.

const CYRILLIC = /[\u0400-\u04ff]/;
// Letters Kazakh has and Russian lacks; a Russian headline about Тоқаев has them too, so they hint, not decide.
const KAZAKH_LETTER = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/;

/** True when the text has any Cyrillic letter. */
export function hasCyrillic(text: string): boolean {
  return CYRILLIC.test(text);
}

/** True when the text has a letter of the Kazakh alphabet that Russian lacks (ә ғ қ ң ө ұ ү һ і). */
export function hasKazakhLetters(text: string): boolean {
  return KAZAKH_LETTER.test(text);
}
