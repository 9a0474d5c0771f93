import { defaults } from "./settings.js";

/** FX polling and backfill settings; the NBK URLs are overridable so tests and the demo can use loopback. */
export const fxSettings = {
  /** Largest day-over-day move accepted without a second fetch confirming it (20%). */
  maxDailyMove: 0.2,
  /** Minutes between polls of the NBK feed (the local timer and the deployed schedule). */
  pollMinutes: defaults.fxPollMinutes,
  timeoutMs: defaults.fetchTimeoutMs,
  /** The NBK documents are about 10 KB; anything near this is not a rates document. */
  maxBytes: 1024 * 1024,
  /** Folder of get_rates.cfm, the per-day rates document the backfill reads. */
  nbkBaseUrl: "https://nationalbank.kz/rss",
  /** Pause between two backfill requests, in milliseconds: one request at a time, politely. */
  backfillPauseMs: 1000,
} as const;

export interface FxPollSettings {
  readonly maxDailyMove: number;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly pollMinutes: number;
}

/** The daily document URL for one date: `${base}/get_rates.cfm?fdate=dd.mm.yyyy`. */
export function nbkDailyUrl(baseUrl: string, nbkDate: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/get_rates.cfm?fdate=${nbkDate}`;
}
