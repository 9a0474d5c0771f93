const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2}|\b(GMT|UTC|UT|[ECMP][SD]T)|\b[A-Z]{3,4})\s*$/i;
const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
// 30.11.2026 or 30.11.2026 14:05(:00), as some Kazakh sites write dates.
const DMY_LOCAL = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
// A trailing zone abbreviation Date.parse does not know (ALMT, MSK): dropped, then read in the source's zone.
const UNKNOWN_ZONE = /\s+[A-Z]{3,5}$/;

// Building an Intl.DateTimeFormat costs tens of microseconds; feeds have thousands of dates in a few zones.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Offset of `zone` from UTC at the given instant, in minutes (Asia/Almaty: +300). */
export function zoneOffsetMinutes(zone: string, at: Date): number {
  const parts = formatterFor(zone).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** Reads wall-clock fields as a time in `zone`. */
function fromZonedFields(fields: number[], zone: string): Date {
  const [y, mo, d, h = 0, mi = 0, s = 0] = fields as [number, number, number, number?, number?, number?];
  const guess = Date.UTC(y, mo - 1, d, h, mi, s);
  const offset = zoneOffsetMinutes(zone, new Date(guess));
  return new Date(guess - offset * 60_000);
}

/**
 * Parses RFC 822 and ISO 8601 dates; a date without a zone is read in `zone`.
 * Returns undefined for text that is not a date.
 */
export function parseFeedDate(text: string | undefined, zone: string): Date | undefined {
  if (!text) return undefined;
  const t = text.trim();
  const iso = ISO_LOCAL.exec(t);
  if (iso) return fromZonedFields(iso.slice(1).filter((x) => x !== undefined).map(Number), zone);
  const dmy = DMY_LOCAL.exec(t);
  if (dmy) {
    const [d, mo, y, ...rest] = dmy.slice(1).filter((x) => x !== undefined).map(Number) as number[];
    return fromZonedFields([y!, mo!, d!, ...rest], zone);
  }
  const ms = Date.parse(t);
  if (Number.isNaN(ms) && UNKNOWN_ZONE.test(t)) return parseFeedDate(t.replace(UNKNOWN_ZONE, ""), zone);
  if (Number.isNaN(ms)) return undefined;
  if (HAS_ZONE.test(t)) return new Date(ms);
  // RFC 822 without a zone: Date.parse read it in the process's zone; re-read the fields in `zone`.
  const local = new Date(ms);
  return fromZonedFields(
    [local.getFullYear(), local.getMonth() + 1, local.getDate(), local.getHours(), local.getMinutes(), local.getSeconds()],
    zone,
  );
}
