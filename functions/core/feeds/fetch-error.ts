import { FeedError } from "../errors.js";

/** A fetch that failed; `retryAt` is set when the server said when to come back (Retry-After on 429/503). */
export class FetchError extends FeedError {
  readonly retryAt: Date | undefined;
  constructor(code: string, message: string, options?: { cause?: unknown; retryAt?: Date }) {
    super(code, message, options);
    this.retryAt = options?.retryAt;
  }
}

const MAX_RETRY_AFTER_MS = 24 * 3_600_000;

/**
 * Reads a Retry-After header (seconds or an HTTP date) as an instant after `now`. Values beyond
 * a day are held to a day, so one misconfigured header cannot silence a source for good.
 */
export function parseRetryAfter(value: string | undefined | null, now: Date): Date | undefined {
  if (!value) return undefined;
  const v = value.trim();
  let ms: number;
  if (/^\d+$/.test(v)) ms = Number(v) * 1000;
  else {
    const at = Date.parse(v);
    if (Number.isNaN(at)) return undefined;
    ms = at - now.getTime();
  }
  return new Date(now.getTime() + Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS));
}

/** "15 s", "0.3 s", "10 MB", "512 KB": the units people read in GET /sources. */
export function seconds(ms: number): string {
  const s = ms / 1000;
  return `${s >= 10 ? Math.round(s) : Math.round(s * 10) / 10} s`;
}
export function megabytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}
