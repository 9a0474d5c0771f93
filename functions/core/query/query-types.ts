/**
 * A parsed query. Words are normalized tokens (lower case, ё -> е, no punctuation), not stems:
 * stems depend on the document's language and are computed when matching.
 */
export type Query =
  | { readonly kind: "term"; readonly word: string }
  /** Two or more words that must be adjacent and in this order. */
  | { readonly kind: "phrase"; readonly words: readonly string[] }
  | { readonly kind: "and"; readonly items: readonly Query[] }
  | { readonly kind: "or"; readonly items: readonly Query[] }
  | { readonly kind: "not"; readonly item: Query };

/** The longest query accepted, in characters (UTF-16 code units, as the HTTP layer counts them). */
export const MAX_QUERY_LENGTH = 500;
