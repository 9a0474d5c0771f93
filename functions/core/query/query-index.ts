import { compileQuery } from "./compile-query.js";
import type { CompiledQuery } from "./compile-query.js";
import { normalizeQuery } from "./normalize-query.js";
import type { PreparedDocument } from "./prepare-document.js";
import type { Query } from "./query-types.js";

interface Entry<T> {
  readonly text: string;
  readonly compiled: CompiledQuery;
  /** Ids sharing this query; an array because matching iterates it far more often than ids change. */
  readonly ids: T[];
  /** The match() call that last visited this entry, so a query reached by two anchors runs once. */
  visited: number;
}

/** One query under one anchor stem, with what is needed to decide it without further lookups. */
interface Posting<T> {
  readonly entry: Entry<T>;
  /** Undefined when containing the anchor is already a match. */
  readonly test: ((doc: PreparedDocument) => boolean) | undefined;
  /** The query has other anchors too, so the same document may reach it twice. */
  readonly shared: boolean;
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
  private readonly buckets: Record<Language, Map<string, Posting<T>[]>> = { ru: new Map(), kk: new Map() };
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
      entry = { text, compiled: compileQuery(query), ids: [], visited: 0 };
      this.entries.set(text, entry);
      for (const lang of LANGUAGES) {
        const { anchors, anchorIsMatch, test } = entry.compiled[lang];
        const posting: Posting<T> = { entry, test: anchorIsMatch ? undefined : test, shared: anchors.length > 1 };
        for (const stem of anchors) {
          const bucket = this.buckets[lang].get(stem);
          if (bucket === undefined) this.buckets[lang].set(stem, [posting]);
          else bucket.push(posting);
        }
      }
    }
    entry.ids.push(id);
    this.byId.set(id, entry);
  }

  /** Removes one id; its query leaves the index when no other id shares it. Returns false if unknown. */
  remove(id: T): boolean {
    const entry = this.byId.get(id);
    if (entry === undefined) return false;
    this.byId.delete(id);
    entry.ids.splice(entry.ids.indexOf(id), 1);
    if (entry.ids.length > 0) return true;
    this.entries.delete(entry.text);
    for (const lang of LANGUAGES) {
      for (const stem of entry.compiled[lang].anchors) {
        const bucket = this.buckets[lang].get(stem);
        if (bucket === undefined) continue;
        const at = bucket.findIndex((posting) => posting.entry === entry);
        if (at >= 0) bucket.splice(at, 1);
        if (bucket.length === 0) this.buckets[lang].delete(stem);
      }
    }
    return true;
  }

  /** Ids whose query matches the document, in no particular order: exactly those for which matchesQuery is true. */
  match(doc: PreparedDocument): T[] {
    const visit = ++this.visit;
    const buckets = this.buckets[doc.lang];
    const matched: T[] = [];
    for (const stem of doc.stems.keys()) {
      const bucket = buckets.get(stem);
      if (bucket === undefined) continue;
      for (let p = 0; p < bucket.length; p++) {
        const { entry, test, shared } = bucket[p] as Posting<T>;
        if (shared) {
          if (entry.visited === visit) continue;
          entry.visited = visit;
        }
        if (test === undefined || test(doc)) {
          const ids = entry.ids;
          for (let i = 0; i < ids.length; i++) matched.push(ids[i] as T);
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
