/** Reads the since/until parameters: ISO 8601 as people and programs actually send it. */

// Date, then optionally time (T or space), seconds, fraction and offset. A space before the offset is a
// "+" that the sender did not percent-encode: form encoding turns it into a space.
const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?\s*(?:([Zz])|([+ -])(\d{2}):?(\d{2}))?)?$/;

const ZONE = "Asia/Almaty";
const zoneParts = new Intl.DateTimeFormat("en-US", {
  timeZone: ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
});

/** Almaty's offset from UTC in ms at an instant (+6 h before March 2024, +5 h since). */
function almatyOffsetMs(at: number): number {
  const p = Object.fromEntries(zoneParts.formatToParts(new Date(at)).map((x) => [x.type, x.value]));
  const local = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return local - Math.floor(at / 1000) * 1000;
}

/** Midnight starting the given calendar day in Almaty. */
function almatyMidnight(y: number, m: number, d: number): Date {
  const utcMidnight = Date.UTC(y, m - 1, d);
  return new Date(utcMidnight - almatyOffsetMs(utcMidnight - 5 * 3_600_000));
}

const isRealDay = (y: number, m: number, d: number) => {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
};

/**
 * An instant from ISO 8601, or undefined when it is not one or names an impossible date or time.
 * A bare date means midnight in Almaty, where dabyl's readers are; a time without an offset is UTC.
 */
export function parseInstant(value: string): Date | undefined {
  const m = INSTANT.exec(value.trim());
  if (!m) return undefined;
  const [, ys, ms, ds, hs, mins, ss, frac, zulu, sign, oh, om] = m;
  const [y, mo, d] = [Number(ys), Number(ms), Number(ds)];
  if (!isRealDay(y, mo, d)) return undefined;
  if (hs === undefined) return almatyMidnight(y, mo, d);
  const [h, mi, s] = [Number(hs), Number(mins), Number(ss ?? 0)];
  if (h > 23 || mi > 59 || s > 59) return undefined;
  let offsetMin = 0;
  if (!zulu && sign !== undefined) {
    const [offH, offM] = [Number(oh), Number(om)];
    if (offH > 14 || offM > 59) return undefined;
    offsetMin = (sign === "-" ? -1 : 1) * (offH * 60 + offM);
  }
  const ms3 = frac ? Math.floor(Number(`0${frac}`) * 1000) : 0;
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms3) - offsetMin * 60_000);
}
