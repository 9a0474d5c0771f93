import type { Source } from "../../config/sources.js";

/** What dabyl remembers about polling one source; GET /sources shows it. */
export interface SourceState {
  readonly id: string;
  readonly lastAttemptAt: string | null;
  readonly lastSuccessAt: string | null;
  /** Message a person understands, e.g. "timeout after 15 s"; null after a success. */
  readonly lastError: string | null;
  readonly consecutiveFailures: number;
  /** Items in the feed at the last successful poll. */
  readonly itemCount: number;
}

export type SourceStatus = "ok" | "failing" | "pending";

export const emptyState = (id: string): SourceState => ({
  id,
  lastAttemptAt: null,
  lastSuccessAt: null,
  lastError: null,
  consecutiveFailures: 0,
  itemCount: 0,
});

export function sourceStatus(state: SourceState): SourceStatus {
  if (state.consecutiveFailures > 0) return "failing";
  return state.lastSuccessAt ? "ok" : "pending";
}

/** The state after one poll of `source`. */
export function nextState(
  prev: SourceState,
  outcome: { ok: true; itemCount: number } | { ok: false; error: string },
  at: Date,
): SourceState {
  const iso = at.toISOString();
  return outcome.ok
    ? { ...prev, lastAttemptAt: iso, lastSuccessAt: iso, lastError: null, consecutiveFailures: 0, itemCount: outcome.itemCount }
    : { ...prev, lastAttemptAt: iso, lastError: outcome.error, consecutiveFailures: prev.consecutiveFailures + 1 };
}

/** GET /sources view: config plus state. */
export function describeSource(source: Source, state: SourceState | undefined) {
  const s = state ?? emptyState(source.id);
  return {
    id: source.id,
    kind: source.kind,
    url: source.url,
    lang: source.lang ?? null,
    status: sourceStatus(s),
    lastAttemptAt: s.lastAttemptAt,
    lastSuccessAt: s.lastSuccessAt,
    lastError: s.lastError,
    consecutiveFailures: s.consecutiveFailures,
    itemCount: s.itemCount,
  };
}
