import type { Language } from "./language-code.js";

// Function words: in nearly every text of their language and naming nothing. Story grouping drops them
// from titles, the query index avoids them as anchors, and language detection counts them as votes.
export const FUNCTION_WORDS: Readonly<Record<Language, readonly string[]>> = {
  ru: [
    "в", "во", "на", "и", "с", "со", "по", "о", "об", "от", "до", "из", "за", "к", "у", "не", "а", "но",
    "или", "при", "для", "как", "что", "это", "его", "ее", "их", "был", "была", "были",
  ],
  kk: ["және", "мен", "бен", "пен", "да", "де", "бұл", "осы", "үшін", "туралы", "бойынша"],
  en: [
    "the", "a", "an", "of", "in", "on", "at", "to", "for", "and", "or", "is", "are", "was", "were", "by",
    "with", "from", "as",
  ],
};
