import pLimit from "p-limit";
import type { Source } from "../config/sources.js";
import type { FetchFeed } from "../adapters/http/fetch-feed.js";
import type { HeadlineStore } from "../adapters/dynamo/headline-store.js";
import type { SourceStateStore } from "../adapters/dynamo/source-state-store.js";
import { FetchError } from "../core/feeds/fetch-error.js";
import type { Headline } from "../core/feeds/headline.js";
import { readFeed } from "../core/feeds/read-feed.js";
import { emptyState, isDue, nextState, type PollOutcome, type PollSchedule, type SourceState } from "../core/feeds/source-state.js";
import { StoryIndex } from "../core/feeds/story-index.js";
import type { Logger } from "../core/logger.js";

export interface PollFeedsSettings {
  /** Total time for one fetch, in ms. */
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly concurrency: number;
  readonly retentionDays: number;
  readonly timezone: string;
  /** Time to resolve and connect, in ms (default 10 s). */
  readonly connectTimeoutMs?: number;
  readonly maxRedirects?: number;
  readonly userAgent?: string;
  /** Minutes between poll cycles, as scheduled; decides nextPollAt and the backoff base (default 5). */
  readonly intervalMinutes?: number;
  /** Ceiling of the per-source backoff after repeated failures, in ms (default 6 h). */
  readonly maxBackoffMs?: number;
  /** Headlines from different sources this close in time may share a storyId (default 48). */
  readonly storyWindowHours?: number;
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
  /** Not fetched this cycle: held by Retry-After, backoff or its own interval until nextPollAt. */
  readonly held?: boolean;
  /** The server answered 304 Not Modified. */
  readonly notModified?: boolean;
  readonly nextPollAt?: string | null;
}

interface Cycle {
  readonly deps: PollFeedsDeps;
  readonly start: Date;
  readonly fresh: Headline[];
  stories(): Promise<StoryIndex>;
}

async function fetchAndStore(cycle: Cycle, source: Source, prev: SourceState, started: Date): Promise<{ outcome: PollOutcome; inserted: number; updated: number }> {
  const { deps } = cycle;
  const { settings } = deps;
  const fetched = await deps.fetchFeed(source.url, {
    timeoutMs: source.timeoutSeconds ? source.timeoutSeconds * 1000 : settings.timeoutMs,
    maxBytes: source.maxMegabytes ? source.maxMegabytes * 1024 * 1024 : settings.maxBytes,
    connectTimeoutMs: settings.connectTimeoutMs ?? 10_000,
    maxRedirects: settings.maxRedirects ?? 5,
    ...(settings.userAgent ? { userAgent: settings.userAgent } : {}),
    etag: prev.etag ?? null,
    lastModified: prev.lastModified ?? null,
  });
  if (!fetched.ok) {
    const after = fetched.error instanceof FetchError ? fetched.error.retryAfterMs : undefined;
    const retryAt = after !== undefined ? new Date(started.getTime() + after) : undefined;
    return { outcome: { ok: false, error: fetched.error.message, ...(retryAt ? { retryAt } : {}) }, inserted: 0, updated: 0 };
  }
  const f = fetched.value;
  if (f.notModified) {
    return { outcome: { ok: true, itemCount: prev.itemCount, notModified: true, ...(f.etag ? { etag: f.etag } : {}) }, inserted: 0, updated: 0 };
  }
  const read = await readFeed({ source, body: f.body, contentType: f.contentType, url: f.url, fetchedAt: started, defaultTimezone: settings.timezone });
  if (!read.ok) return { outcome: { ok: false, error: read.error.message }, inserted: 0, updated: 0 };
  const oldest = started.getTime() - settings.retentionDays * 86_400_000;
  const keep = read.value.headlines.filter((h) => new Date(h.publishedAt).getTime() >= oldest);
  const stories = keep.length > 0 ? await cycle.stories() : undefined;
  const saved = await deps.headlines.save(keep, {
    now: started,
    retentionDays: settings.retentionDays,
    guessedDates: read.value.guessedDates,
    ...(stories ? { assignStory: (h: Headline) => stories.assign(h) } : {}),
  });
  cycle.fresh.push(...saved.inserted);
  const truncated = read.value.warnings.some((w) => w.startsWith("truncated"));
  return {
    outcome: {
      ok: true,
      itemCount: read.value.headlines.length,
      warning: read.value.warnings.join("; ") || null,
      // A cut-off body must be fetched again in full next time, not answered with 304.
      etag: truncated ? null : (f.etag ?? null),
      lastModified: truncated ? null : (f.lastModified ?? null),
    },
    inserted: saved.inserted.length,
    updated: saved.updated.length,
  };
}

async function pollOne(cycle: Cycle, source: Source, prev: SourceState): Promise<SourceReport> {
  const { deps } = cycle;
  const started = deps.now();
  const t0 = performance.now();
  let result: { outcome: PollOutcome; inserted: number; updated: number };
  try {
    result = await fetchAndStore(cycle, source, prev, started);
  } catch (e) {
    // Unexpected (a storage outage, a bug): recorded against this source, never thrown past it.
    result = { outcome: { ok: false, error: `internal error: ${(e as Error).message}` }, inserted: 0, updated: 0 };
    deps.log.error("source poll crashed", { sourceId: source.id, err: (e as Error).stack });
  }
  const { outcome, inserted, updated } = result;
  const ms = Math.round(performance.now() - t0);
  const schedule: PollSchedule = {
    cycleStart: cycle.start,
    cycleMinutes: deps.settings.intervalMinutes ?? 5,
    ...(source.intervalMinutes ? { intervalMinutes: source.intervalMinutes } : {}),
    maxBackoffMs: deps.settings.maxBackoffMs ?? 6 * 3_600_000,
  };
  const state = nextState(prev, outcome, started, schedule);
  try {
    await deps.states.put(state);
  } catch (e) {
    deps.log.error("could not record source state", { sourceId: source.id, err: (e as Error).message });
  }
  const report: SourceReport = {
    sourceId: source.id,
    ok: outcome.ok,
    ...(outcome.ok ? {} : { error: outcome.error }),
    ...(outcome.ok && outcome.notModified ? { notModified: true } : {}),
    items: outcome.ok ? outcome.itemCount : 0,
    inserted,
    updated,
    ms,
    nextPollAt: state.nextPollAt ?? null,
  };
  if (outcome.ok) deps.log.info("polled source", { ...report, ...(outcome.warning ? { warning: outcome.warning } : {}) });
  else deps.log.warn("source failed", { ...report });
  return report;
}

/**
 * Polls every due rss source concurrently under a limit; one failing or slow source never stops
 * or delays the others beyond its own timeout. Sources held by Retry-After or backoff are skipped.
 */
export async function pollFeeds(deps: PollFeedsDeps, sources: readonly Source[]): Promise<SourceReport[]> {
  const limit = pLimit(Math.max(1, deps.settings.concurrency));
  const start = deps.now();
  const states = await deps.states.all();
  let stories: Promise<StoryIndex> | undefined;
  const windowHours = deps.settings.storyWindowHours ?? 48;
  const cycle: Cycle = {
    deps,
    start,
    fresh: [],
    // Loaded once per cycle and only when some feed has items: an all-304 cycle reads nothing.
    stories: () =>
      (stories ??= (async () => {
        const index = new StoryIndex(windowHours);
        try {
          const since = new Date(start.getTime() - 2 * windowHours * 3_600_000).toISOString();
          for (const e of await deps.headlines.recentStories(since)) index.add(e);
        } catch (e) {
          deps.log.error("could not load recent headlines for story matching", { err: (e as Error).message });
        }
        return index;
      })()),
  };
  const reports = await Promise.all(
    sources
      .filter((s) => s.kind === "rss")
      .map((s) => {
        const prev = states.get(s.id) ?? emptyState(s.id);
        if (!isDue(prev, start)) {
          deps.log.info("source held", { sourceId: s.id, nextPollAt: prev.nextPollAt, lastError: prev.lastError });
          const held: SourceReport = { sourceId: s.id, ok: prev.consecutiveFailures === 0, ...(prev.lastError ? { error: prev.lastError } : {}), items: 0, inserted: 0, updated: 0, ms: 0, held: true, nextPollAt: prev.nextPollAt ?? null };
          return Promise.resolve(held);
        }
        return limit(() => pollOne(cycle, s, prev));
      }),
  );
  if (cycle.fresh.length > 0 && deps.onNewHeadlines) {
    try {
      await deps.onNewHeadlines(cycle.fresh);
    } catch (e) {
      deps.log.error("new-headline hook failed", { err: (e as Error).message, count: cycle.fresh.length });
    }
  }
  return reports;
}
