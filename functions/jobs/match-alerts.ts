import type { AlertStore } from "../adapters/dynamo/alert-store.js";
import type { AlertTopic } from "../core/alerts/alert-types.js";
import type { Headline } from "../core/feeds/headline.js";
import { loadStemmers, parseQuery, prepareDocument, QueryIndex } from "../core/query/index.js";

export interface AlertMatch {
  readonly headline: Headline;
  readonly topics: readonly AlertTopic[];
}

/** Matches headlines against every query topic that has subscribers, through one cached index. */
export interface AlertMatcher {
  match(headlines: readonly Headline[]): Promise<AlertMatch[]>;
  /** Active topics of a kind, from the same cache. */
  topics(kind: AlertTopic["kind"]): Promise<AlertTopic[]>;
}

interface Snapshot {
  readonly version: number;
  readonly index: QueryIndex<string>;
  readonly byKey: ReadonlyMap<string, AlertTopic>;
}

/**
 * Keeps the index for the life of the process (a warm Lambda, the local runtime) and rebuilds it
 * only when the topic set's version changed: one GetItem per run instead of reading every topic.
 */
export function makeAlertMatcher(alerts: AlertStore): AlertMatcher {
  let snapshot: Snapshot | undefined;

  async function current(): Promise<Snapshot> {
    const version = await alerts.topicsVersion();
    if (snapshot && snapshot.version === version) return snapshot;
    const topics = await alerts.activeTopics();
    // Indexing stems every query; without query topics (FX only, or no subscribers) the stemmers stay unloaded.
    if (topics.some((t) => t.kind === "query")) await loadStemmers();
    const index = new QueryIndex<string>();
    for (const t of topics) {
      // Stored canonical text always parses (it was produced by normalizeQuery); a bad row must not stop the rest.
      if (t.kind !== "query") continue;
      try {
        index.add(t.key, parseQuery(t.canonical));
      } catch {
        continue;
      }
    }
    snapshot = { version, index, byKey: new Map(topics.map((t) => [t.key, t])) };
    return snapshot;
  }

  return {
    async match(headlines) {
      if (headlines.length === 0) return [];
      const { index, byKey } = await current();
      if (index.size === 0) return [];
      await loadStemmers(); // already loaded when the index has queries; cheap to confirm
      const out: AlertMatch[] = [];
      for (const headline of headlines) {
        const doc = prepareDocument({ title: headline.title, summary: headline.summary, lang: headline.lang });
        const topics = index.match(doc).flatMap((key) => byKey.get(key) ?? []);
        if (topics.length > 0) out.push({ headline, topics });
      }
      return out;
    },
    async topics(kind) {
      const { byKey } = await current();
      return [...byKey.values()].filter((t) => t.kind === kind);
    },
  };
}
