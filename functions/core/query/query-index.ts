import { compileQuery, evaluateCompiled } from "./compile-query.js";
import type { CompiledQuery } from "./compile-query.js";
import { normalizeQuery } from "./normalize-query.js";
import type { PreparedDocument } from "./prepare-document.js";
import type { Query } from "./query-types.js";

interface Entry<T> {
  readonly text: string;
  readonly compiled: CompiledQuery;
  readonly ids: Set<T>;
  /** The matchIndex call that last visited this entry, so a query reached by two anchors runs once. */
  visited: number;
}

type Language = PreparedDocument["lang"];
const LANGUAGES: readonly Language[] = ["ru", "kk"];

/**
 * Many queries, indexed by the stems a match must contain. Matching a headline looks up each of its
 * distinct stems and evaluates only the queries found there, so the cost follows the number of
 * candidates, not the number of queries. Queries with the same canonical text share one entry.
 */
export class QueryIndex<T extends string> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly byId = new Map<T, Entry<T>>();
  private readonly buckets: Record<Language, Map<string, Entry<T>[]>> = { ru: new Map(), kk: new Map() };
  private visit = 0;

  /** Number of distinct ids indexed. */
  get size(): number {
    return this.byId.size;
  }

  /** Number of distinct canonical queries (entries) indexed. */
  get queryCount(): number {
    return this.entries.size;
  }

  /** Adds or replaces the query of one id. */
  add(id: T, query: Query): void {
    this.remove(id);
    const text = normalizeQuery(query);
    let entry = this.entries.get(text);
    if (entry === undefined) {
      entry = { text, compiled: compileQuery(query), ids: new Set(), visited: 0 };
      this.entries.set(text, entry);
      for (const lang of LANGUAGES) {
        for (const stem of entry.compiled[lang].anchors) {
          const bucket = this.buckets[lang].get(stem);
          if (bucket === undefined) this.buckets[lang].set(stem, [entry]);
          else bucket.push(entry);
        }
      }
    }
    entry.ids.add(id);
    this.byId.set(id, entry);
  }

  /** Removes one id; its query leaves the index when no other id shares it. Returns false if unknown. */
  remove(id: T): boolean {
    const entry = this.byId.get(id);
    if (entry === undefined) return false;
    this.byId.delete(id);
    entry.ids.delete(id);
    if (entry.ids.size > 0) return true;
    this.entries.delete(entry.text);
    for (const lang of LANGUAGES) {
      for (const stem of entry.compiled[lang].anchors) {
        const bucket = this.buckets[lang].get(stem);
        if (bucket === undefined) continue;
        const at = bucket.indexOf(entry);
        if (at >= 0) bucket.splice(at, 1);
        if (bucket.length === 0) this.buckets[lang].delete(stem);
      }
    }
    return true;
  }

  /** Ids whose query matches the document, in no particular order. */
  match(doc: PreparedDocument): T[] {
    const visit = ++this.visit;
    const buckets = this.buckets[doc.lang];
    const matched: T[] = [];
    for (const stem of doc.stems.keys()) {
      const bucket = buckets.get(stem);
      if (bucket === undefined) continue;
      for (const entry of bucket) {
        if (entry.visited === visit) continue;
        entry.visited = visit;
        const compiled = entry.compiled[doc.lang];
        if (compiled.anchorIsMatch || evaluateCompiled(compiled.node, doc)) {
          for (const id of entry.ids) matched.push(id);
        }
      }
    }
    return matched;
  }
}

/** Builds an index over (id, query) pairs; see QueryIndex for adding and removing later. */
export function buildQueryIndex<T extends string>(entries: Iterable<{ readonly id: T; readonly query: Query }>): QueryIndex<T> {
  const index = new QueryIndex<T>();
  for (const { id, query } of entries) index.add(id, query);
  return index;
}

/** Ids of the indexed queries that match the document: exactly those for which matchesQuery is true. */
export function matchIndex<T extends string>(index: QueryIndex<T>, doc: PreparedDocument): T[] {
  return index.match(doc);
}
