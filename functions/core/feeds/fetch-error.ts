import { FeedError } from "../errors.js";

/**
 * A fetch that failed; `retryAfterMs` is set when the server said when to come back
 * (Retry-After on 429/503), relative so the poll job can apply it to its own clock.
 */
export class FetchError extends FeedError {
  readonly retryAfterMs: number | undefined;
  constructor(code: string, message: string, options?: { cause?: unknown; retryAfterMs?: number }) {
    super(code, message, options);
    this.retryAfterMs = options?.retryAfterMs;
  }
}

const MAX_RETRY_AFTER_MS = 24 * 3_600_000;

/**
 * Reads a Retry-After header (seconds or an HTTP date) as milliseconds from `now`. Values beyond
 * a day are held to a day, so one misconfigured header cannot silence a source for good.
 */
export function parseRetryAfter(value: string | undefined | null, now: Date): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  let ms: number;
  if (/^\d+$/.test(v)) ms = Number(v) * 1000;
  else {
    const at = Date.parse(v);
    if (Number.isNaN(at)) return undefined;
    ms = at - now.getTime();
  }
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}

/** "15 s", "0.3 s", "10 MB", "512 KB", "2 min", "1.5 h": the units people read in GET /sources. */
export function duration(ms: number): string {
  if (ms < 120_000) return seconds(ms);
  if (ms < 2 * 3_600_000) return `${Math.round(ms / 60_000)} min`;
  return `${Math.round(ms / 360_000) / 10} h`;
}
export function seconds(ms: number): string {
  const s = ms / 1000;
  return `${s >= 10 ? Math.round(s) : Math.round(s * 10) / 10} s`;
}
export function megabytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}
