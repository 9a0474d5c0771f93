/** Turns published rates (business days only) into one point per calendar day. */
import { addDays } from "./calendar-date.js";
import { crossRate } from "./cross-rate.js";
import type { IsoDate } from "./types.js";

export interface PublishedPoint {
  readonly date: IsoDate;
  readonly rate: number;
}

export interface HistoryPoint {
  readonly date: IsoDate;
  readonly rate: number;
  /** true when no rate was published that day and the previous published rate stands. */
  readonly carried: boolean;
}

/**
 * One point per day from `from` to `to`. A day without a published rate (weekend, holiday) carries
 * the latest earlier rate with carried: true. Pass the last point before `from` too, or the range
 * starts on a gap; days before the first known point are omitted, not invented.
 */
export function fillHistory(points: readonly PublishedPoint[], from: IsoDate, to: IsoDate): HistoryPoint[] {
  const sorted = [...points].filter((p) => Number.isFinite(p.rate) && p.rate > 0).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const out: HistoryPoint[] = [];
  let i = 0;
  let last: PublishedPoint | undefined;
  for (let day = from; day <= to; day = addDays(day, 1)) {
    while (i < sorted.length && sorted[i]!.date <= day) last = sorted[i++];
    if (last === undefined) continue;
    out.push({ date: day, rate: last.rate, carried: last.date !== day });
  }
  return out;
}

/**
 * A cross pair's history from two filled KZT histories (base/KZT and quote/KZT): a day appears
 * when both have it, and is carried when either side was carried.
 */
export function crossHistory(base: readonly HistoryPoint[], quote: readonly HistoryPoint[]): HistoryPoint[] {
  const quoteByDate = new Map(quote.map((p) => [p.date, p]));
  const out: HistoryPoint[] = [];
  for (const b of base) {
    const q = quoteByDate.get(b.date);
    if (q) out.push({ date: b.date, rate: crossRate(b.rate, q.rate), carried: b.carried || q.carried });
  }
  return out;
}
