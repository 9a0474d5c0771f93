import type { Headline } from "../core/feeds/headline.js";
import { prepareDocument, type PreparedDocument } from "../core/query/index.js";

// Tokenizing and stemming is most of a search's CPU; headlines rarely change, so a warm process
// keeps the prepared form of the ones it has seen. Bounded: the oldest entries go first.
const MAX_ENTRIES = 20_000;
const cache = new Map<string, { title: string; summary: string; lang: string; doc: PreparedDocument }>();

/** prepareDocument over title and summary, remembered per headline id until the text changes. */
export function preparedFor(h: Pick<Headline, "id" | "title" | "summary" | "lang">): PreparedDocument {
  const hit = cache.get(h.id);
  if (hit && hit.title === h.title && hit.summary === h.summary && hit.lang === h.lang) return hit.doc;
  const doc = prepareDocument({ title: h.title, summary: h.summary, lang: h.lang });
  if (hit) cache.delete(h.id);
  else if (cache.size >= MAX_ENTRIES) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(h.id, { title: h.title, summary: h.summary, lang: h.lang, doc });
  return doc;
}
