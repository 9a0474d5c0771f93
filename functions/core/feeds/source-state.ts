import type { Source } from "../../config/sources.js";

/** What dabyl remembers about polling one source; GET /sources shows most of it. */
export interface SourceState {
  readonly id: string;
  readonly lastAttemptAt: string | null;
  readonly lastSuccessAt: string | null;
  /** Message a person understands, e.g. "timeout after 15 s"; null after a success. */
  readonly lastError: string | null;
  readonly consecutiveFailures: number;
  /** Items in the feed at the last successful poll. */
  readonly itemCount: number;
  /** Something a person should know although the last poll worked, e.g. "truncated: kept 3 complete items". */
  readonly lastWarning?: string | null;
  /** Validators of the last body read in full, sent back as If-None-Match / If-Modified-Since. */
  readonly etag?: string | null;
  readonly lastModified?: string | null;
  /** When the poller will next fetch this source (an estimate for healthy sources: the next cycle). */
  readonly nextPollAt?: string | null;
  /** The source is skipped until this time (Retry-After, backoff, or its own longer interval). */
  readonly holdUntil?: string | null;
}

export type SourceStatus = "ok" | "failing" | "pending";

export type PollOutcome =
  | {
      readonly ok: true;
      readonly itemCount: number;
      /** 304: the feed did not change; itemCount is kept from before. */
      readonly notModified?: boolean;
      readonly etag?: string | null;
      readonly lastModified?: string | null;
      readonly warning?: string | null;
    }
  | { readonly ok: false; readonly error: string; /** From Retry-After on a 429/503. */ readonly retryAt?: Date };

export interface PollSchedule {
  /** When this poll cycle started; the next cycle starts `cycleMinutes` later. */
  readonly cycleStart: Date;
  readonly cycleMinutes: number;
  /** The source's own interval, if longer than the cycle. */
  readonly intervalMinutes?: number;
  /** Ceiling of the exponential backoff after repeated failures (6 h by default). */
  readonly maxBackoffMs: number;
}

export const emptyState = (id: string): SourceState => ({
  id,
  lastAttemptAt: null,
  lastSuccessAt: null,
  lastError: null,
  consecutiveFailures: 0,
  itemCount: 0,
  lastWarning: null,
  etag: null,
  lastModified: null,
  nextPollAt: null,
  holdUntil: null,
});

export function sourceStatus(state: SourceState): SourceStatus {
  if (state.consecutiveFailures > 0) return "failing";
  return state.lastSuccessAt ? "ok" : "pending";
}

const MINUTE = 60_000;

/**
 * How long to leave a source alone after `failures` failures in a row: the first failure is
 * retried at the next cycle (a blip), then the wait doubles from twice the interval up to the cap.
 */
export function backoffMs(failures: number, baseMs: number, maxMs: number): number {
  if (failures < 2) return 0;
  return Math.min(baseMs * 2 ** Math.min(failures - 1, 30), maxMs);
}

/** The state after one poll. Without `schedule`, nothing about the next poll is decided. */
export function nextState(prev: SourceState, outcome: PollOutcome, at: Date, schedule?: PollSchedule): SourceState {
  const iso = at.toISOString();
  const failures = outcome.ok ? 0 : prev.consecutiveFailures + 1;
  let holdUntil: number | null = null;
  let nextPollAt: number | null = null;
  if (schedule) {
    const start = schedule.cycleStart.getTime();
    const baseMs = Math.max(schedule.intervalMinutes ?? 0, schedule.cycleMinutes) * MINUTE;
    const waits = [
      outcome.ok ? (baseMs > schedule.cycleMinutes * MINUTE ? baseMs : 0) : backoffMs(failures, baseMs, schedule.maxBackoffMs),
      !outcome.ok && outcome.retryAt ? outcome.retryAt.getTime() - start : 0,
    ];
    const wait = Math.max(...waits);
    holdUntil = wait > 0 ? start + wait : null;
    nextPollAt = holdUntil ?? start + schedule.cycleMinutes * MINUTE;
  }
  const when = {
    nextPollAt: nextPollAt === null ? (prev.nextPollAt ?? null) : new Date(nextPollAt).toISOString(),
    holdUntil: holdUntil === null ? null : new Date(holdUntil).toISOString(),
  };
  if (!outcome.ok) {
    // Validators stay: they describe the last body read in full, which is still what is stored.
    return { ...emptyState(prev.id), ...prev, ...when, lastAttemptAt: iso, lastError: outcome.error, consecutiveFailures: failures };
  }
  return {
    ...emptyState(prev.id),
    ...prev,
    ...when,
    lastAttemptAt: iso,
    lastSuccessAt: iso,
    lastError: null,
    consecutiveFailures: 0,
    itemCount: outcome.notModified ? prev.itemCount : outcome.itemCount,
    lastWarning: outcome.notModified ? (prev.lastWarning ?? null) : (outcome.warning ?? null),
    etag: outcome.etag !== undefined ? outcome.etag : (prev.etag ?? null),
    lastModified: outcome.lastModified !== undefined ? outcome.lastModified : (prev.lastModified ?? null),
  };
}

/** Whether the poller should fetch the source now; `slackMs` absorbs timer drift between cycles. */
export function isDue(state: SourceState | undefined, now: Date, slackMs = 30_000): boolean {
  if (!state?.holdUntil) return true;
  return Date.parse(state.holdUntil) <= now.getTime() + slackMs;
}

/** GET /sources view: config plus state. A source never polled is due now. */
export function describeSource(source: Source, state: SourceState | undefined, now?: Date) {
  const s = { ...emptyState(source.id), ...state };
  return {
    id: source.id,
    kind: source.kind,
    url: source.url,
    lang: source.lang ?? null,
    status: sourceStatus(s),
    lastAttemptAt: s.lastAttemptAt,
    lastSuccessAt: s.lastSuccessAt,
    lastError: s.lastError,
    lastWarning: s.lastWarning ?? null,
    consecutiveFailures: s.consecutiveFailures,
    itemCount: s.itemCount,
    nextPollAt: s.nextPollAt ?? (now ?? new Date(0)).toISOString(),
  };
}
