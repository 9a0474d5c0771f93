import { compileQuery } from "./compile-query.js";
import type { CompiledQuery } from "./compile-query.js";
import type { PreparedDocument } from "./prepare-document.js";
import type { Query } from "./query-types.js";

// Parsed queries are immutable, so their stems can be remembered for as long as the query lives.
const compiled = new WeakMap<Query, CompiledQuery>();

/** True when the document matches the query: the one definition that search and alerts share. */
export function matchesQuery(query: Query, doc: PreparedDocument): boolean {
  let forQuery = compiled.get(query);
  if (forQuery === undefined) {
    forQuery = compileQuery(query);
    compiled.set(query, forQuery);
  }
  return forQuery[doc.lang].test(doc);
}
