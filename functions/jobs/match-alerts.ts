import type { AlertStore } from "../adapters/dynamo/alert-store.js";
import type { AlertTopic } from "../core/alerts/alert-types.js";
import type { Headline } from "../core/feeds/headline.js";
import type { Logger } from "../core/logger.js";
import { NotLoadedError } from "../core/not-loaded-error.js";
import { loadStemmers, parseQuery, prepareDocument, QueryIndex } from "../core/query/index.js";

export interface AlertMatch {
  readonly headline: Headline;
  readonly topics: readonly AlertTopic[];
}

/** Matches headlines against every query topic that has subscribers, through one cached index. */
export interface AlertMatcher {
  match(headlines: readonly Headline[]): Promise<AlertMatch[]>;
  /** Active topics of a kind, from the same cache; never loads the stemmers. */
  topics(kind: AlertTopic["kind"]): Promise<AlertTopic[]>;
}

interface Snapshot {
  readonly version: number;
  readonly byKey: ReadonlyMap<string, AlertTopic>;
  /** Built on the first match() of this version: listing FX topics must not pay for snowball. */
  index?: QueryIndex<string>;
}

/**
 * Keeps the topics and their index for the life of the process (a warm Lambda, the local runtime)
 * and reloads them only when the topic set's version changed: one GetItem per run instead of
 * reading every topic.
 */
export function makeAlertMatcher(alerts: AlertStore, log: Logger): AlertMatcher {
  let snapshot: Snapshot | undefined;

  async function current(): Promise<Snapshot> {
    const version = await alerts.topicsVersion();
    if (snapshot && snapshot.version === version) return snapshot;
    const topics = await alerts.activeTopics();
    snapshot = { version, byKey: new Map(topics.map((t) => [t.key, t])) };
    return snapshot;
  }

  async function indexOf(s: Snapshot): Promise<QueryIndex<string>> {
    if (s.index) return s.index;
    const queries = [...s.byKey.values()].filter((t) => t.kind === "query");
    // Without query topics (FX only, or no subscribers) the stemmers stay unloaded.
    if (queries.length > 0) await loadStemmers();
    const index = new QueryIndex<string>();
    for (const t of queries) {
      try {
        index.add(t.key, parseQuery(t.canonical));
      } catch (e) {
        // A bug, not a bad row: every topic would fail alike, so stop instead of matching nothing.
        if (e instanceof NotLoadedError) throw e;
        // Stored canonical text should always parse (normalizeQuery made it); one bad row must not stop the rest,
        // but it must not go quiet either: this topic's subscribers get nothing until it is fixed.
        log.error("alert topic cannot be indexed; it will not fire", { topicKey: t.key, err: `${(e as Error).name}: ${(e as Error).message}`.slice(0, 300) });
      }
    }
    s.index = index;
    return index;
  }

  return {
    async match(headlines) {
      if (headlines.length === 0) return [];
      const s = await current();
      const index = await indexOf(s);
      if (index.size === 0) return [];
      const out: AlertMatch[] = [];
      for (const headline of headlines) {
        const doc = prepareDocument({ title: headline.title, summary: headline.summary, lang: headline.lang });
        const topics = index.match(doc).flatMap((key) => s.byKey.get(key) ?? []);
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
