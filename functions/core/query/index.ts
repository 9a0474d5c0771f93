// The query language's public surface: search (api/) and alerts (jobs/) import from here.
export { parseQuery, hasRequiredWord } from "./parse-query.js";
export { normalizeQuery } from "./normalize-query.js";
export { MAX_QUERY_LENGTH } from "./query-types.js";
export type { Query } from "./query-types.js";
export { tokenize, normalizeText } from "./tokenize.js";
export { loadStemmers, stemmersLoaded, stemToken, stemVariants } from "./stem-token.js";
export type { LanguageHint, StemVariants } from "./stem-token.js";
export { prepareDocument } from "./prepare-document.js";
export type { MatchableDocument, PreparedDocument } from "./prepare-document.js";
export { matchesQuery } from "./match-query.js";
export { QueryIndex, buildQueryIndex } from "./query-index.js";
export { decodeHtmlEntities } from "./decode-html-entities.js";
export { stripKazakhSuffixes } from "./strip-kazakh-suffixes.js";
export { detectLanguage } from "./detect-language.js";
export { matchLanguage } from "../text/language-code.js";
