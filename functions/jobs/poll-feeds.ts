import pLimit from "p-limit";
import type { Source } from "../config/sources.js";
import type { FetchFeed } from "../adapters/http/fetch-feed.js";
import type { HeadlineStore } from "../adapters/dynamo/headline-store.js";
import type { SourceStateStore } from "../adapters/dynamo/source-state-store.js";
import type { Headline } from "../core/feeds/headline.js";
import { readFeed } from "../core/feeds/read-feed.js";
import { emptyState, nextState, type SourceState } from "../core/feeds/source-state.js";
import type { Logger } from "../core/logger.js";

export interface PollFeedsSettings {
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly concurrency: number;
  readonly retentionDays: number;
  readonly timezone: string;
}

export interface PollFeedsDeps {
  readonly fetchFeed: FetchFeed;
  readonly headlines: HeadlineStore;
  readonly states: SourceStateStore;
  readonly log: Logger;
  readonly now: () => Date;
  readonly settings: PollFeedsSettings;
  /** Called once per cycle with the headlines stored for the first time (alerts hook). */
  readonly onNewHeadlines?: (items: Headline[]) => Promise<void>;
}

export interface SourceReport {
  readonly sourceId: string;
  readonly ok: boolean;
  readonly error?: string;
  readonly items: number;
  readonly inserted: number;
  readonly updated: number;
  readonly ms: number;
}

async function pollOne(deps: PollFeedsDeps, source: Source, prev: SourceState, fresh: Headline[]): Promise<SourceReport> {
  const started = deps.now();
  const t0 = performance.now();
  const { settings } = deps;
  let outcome: { ok: true; itemCount: number } | { ok: false; error: string };
  let inserted = 0;
  let updated = 0;
  try {
    const fetched = await deps.fetchFeed(source.url, { timeoutMs: settings.timeoutMs, maxBytes: settings.maxBytes });
    if (!fetched.ok) {
      outcome = { ok: false, error: fetched.error.message };
    } else {
      const read = await readFeed({
        source,
        body: fetched.value.body,
        contentType: fetched.value.contentType,
        url: fetched.value.url,
        fetchedAt: started,
        defaultTimezone: settings.timezone,
      });
      if (!read.ok) {
        outcome = { ok: false, error: read.error.message };
      } else {
        const oldest = started.getTime() - settings.retentionDays * 86_400_000;
        const keep = read.value.headlines.filter((h) => new Date(h.publishedAt).getTime() >= oldest);
        const saved = await deps.headlines.save(keep, { now: started, retentionDays: settings.retentionDays });
        inserted = saved.inserted.length;
        updated = saved.updated.length;
        fresh.push(...saved.inserted);
        outcome = { ok: true, itemCount: read.value.headlines.length };
      }
    }
  } catch (e) {
    // Unexpected (a storage outage, a bug): recorded against this source, never thrown past it.
    outcome = { ok: false, error: `internal error: ${(e as Error).message}` };
    deps.log.error("source poll crashed", { sourceId: source.id, err: (e as Error).stack });
  }
  const ms = Math.round(performance.now() - t0);
  try {
    await deps.states.put(nextState(prev, outcome, started));
  } catch (e) {
    deps.log.error("could not record source state", { sourceId: source.id, err: (e as Error).message });
  }
  const report: SourceReport = {
    sourceId: source.id,
    ok: outcome.ok,
    ...(outcome.ok ? {} : { error: outcome.error }),
    items: outcome.ok ? outcome.itemCount : 0,
    inserted,
    updated,
    ms,
  };
  if (outcome.ok) deps.log.info("polled source", { ...report });
  else deps.log.warn("source failed", { ...report });
  return report;
}

/** Polls every rss source concurrently under a limit; one failing source never stops the others. */
export async function pollFeeds(deps: PollFeedsDeps, sources: readonly Source[]): Promise<SourceReport[]> {
  const limit = pLimit(Math.max(1, deps.settings.concurrency));
  const fresh: Headline[] = [];
  const states = await deps.states.all();
  const reports = await Promise.all(
    sources
      .filter((s) => s.kind === "rss")
      .map((s) => limit(() => pollOne(deps, s, states.get(s.id) ?? emptyState(s.id), fresh))),
  );
  if (fresh.length > 0 && deps.onNewHeadlines) {
    try {
      await deps.onNewHeadlines(fresh);
    } catch (e) {
      deps.log.error("new-headline hook failed", { err: (e as Error).message, count: fresh.length });
    }
  }
  return reports;
}
