/**
 * Whether served rates should say `stale: true`.
 *
 * Stale when the last fetch of the source failed (the source is broken even if the data is recent),
 * or when `asOf` is more than `maxAgeDays` calendar days before today in Almaty. The NBK publishes
 * on business days, so the default of 4 days covers a weekend plus a two-day holiday (Nauryz,
 * New Year) without crying wolf; anything older means the poller is not getting new rates.
 * An `asOf` in the future (the NBK publishes tomorrow's rate in the evening) is not stale.
 */
import { almatyDate, daysBetween } from "./calendar-date.js";
import type { IsoDate } from "./types.js";

export interface StaleOptions {
  /** false when the most recent fetch of the source failed. Omit when unknown. */
  readonly lastFetchOk?: boolean;
  /** Default 4. */
  readonly maxAgeDays?: number;
}

export function isStale(asOf: IsoDate | undefined, now: Date, opts: StaleOptions = {}): boolean {
  if (asOf === undefined) return true;
  if (opts.lastFetchOk === false) return true;
  return daysBetween(asOf, almatyDate(now)) > (opts.maxAgeDays ?? 4);
}
