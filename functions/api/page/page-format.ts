/** How the page writes numbers, times and dates in each interface language (times in Asia/Almaty). */
import { LOCALES, type UiLang } from "./ui-lang.js";

const ZONE = "Asia/Almaty";
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (f === undefined) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

/** A rate as the NBK publishes it: two decimals, four below 10 KZT so small moves still show. */
export function formatRate(rate: number, lang: UiLang): string {
  const digits = rate < 10 ? 4 : 2;
  const f = cached(`rate:${lang}:${digits}`, () => new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: 2, maximumFractionDigits: digits }));
  return f.format(rate);
}

/** An absolute change ("1,24"): the direction is said in words and arrows, not by a sign. */
export function formatChange(change: number, lang: UiLang): string {
  return formatRate(Math.abs(change), lang);
}

/** "30 нояб., 10:07" in Almaty time; the year only when it is not the current one. */
export function formatLocalTime(iso: string, lang: UiLang, now: Date): string {
  const d = new Date(iso);
  const sameYear = d.getUTCFullYear() === now.getUTCFullYear();
  const f = cached(`time:${lang}:${sameYear}`, () =>
    new Intl.DateTimeFormat(LOCALES[lang], {
      timeZone: ZONE,
      day: "numeric",
      month: "short",
      ...(sameYear ? {} : { year: "numeric" }),
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }),
  );
  return f.format(d);
}

/** A calendar date (YYYY-MM-DD, already an Almaty day) as "30 ноября 2026 г.". */
export function formatDay(isoDate: string, lang: UiLang): string {
  const f = cached(`day:${lang}`, () => new Intl.DateTimeFormat(LOCALES[lang], { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" }));
  return f.format(new Date(`${isoDate}T00:00:00Z`));
}

/** "через 12 минут" for a Retry-After in seconds. */
export function formatRetryAfter(seconds: number, lang: UiLang): string {
  const f = cached(`rel:${lang}`, () => new Intl.RelativeTimeFormat(LOCALES[lang], { numeric: "always" }));
  if (seconds < 90) return f.format(Math.max(1, Math.round(seconds)), "second");
  if (seconds < 90 * 60) return f.format(Math.ceil(seconds / 60), "minute");
  return f.format(Math.ceil(seconds / 3600), "hour");
}
