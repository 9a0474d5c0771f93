/** Calendar-date arithmetic on "YYYY-MM-DD" strings, done in UTC so no zone or DST can shift a day. */
import type { IsoDate } from "./types.js";

const DAY_MS = 86_400_000;
/** Kazakhstan has used one zone, UTC+5, since 1 March 2024. */
const ALMATY_OFFSET_MS = 5 * 3_600_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written as YYYY-MM-DD (rejects 2026-02-30). */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** The calendar date in Almaty at the instant `now`. */
export function almatyDate(now: Date): IsoDate {
  return new Date(now.getTime() + ALMATY_OFFSET_MS).toISOString().slice(0, 10);
}

/** "30.11.2026" (the NBK's format) -> "2026-11-30", or undefined when it is not a real date. */
export function fromNbkDate(text: string): IsoDate | undefined {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text.trim());
  if (!m) return undefined;
  const iso = `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}`;
  return isIsoDate(iso) ? iso : undefined;
}

/** "2026-11-30" -> "30.11.2026", the fdate the daily endpoint expects. */
export function toNbkDate(date: IsoDate): string {
  const [y, m, d] = date.split("-");
  return `${d}.${m}.${y}`;
}
