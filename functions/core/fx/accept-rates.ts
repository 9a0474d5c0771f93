/**
 * Decides, per currency, whether a freshly fetched NBK rate becomes the latest good rate.
 * A move above `maxDailyMove` against the last good rate is held as a suspect (kept, logged,
 * not served) until a later fetch shows the same value again; then it is accepted.
 */
import type { IsoDate, NbkRate, RatesByCode, StoredRate, SuspectRate, SuspectsByCode } from "./types.js";

export interface AcceptOptions {
  /** Largest relative move accepted without confirmation; 0.2 means 20%. */
  readonly maxDailyMove: number;
  /** How close a later fetch must be to a suspect to confirm it; default 0.001 (0.1%). */
  readonly confirmTolerance?: number;
  /** Stamped on accepted rates as `source`, e.g. "nbk-rates". */
  readonly source?: string;
}

export interface RateState {
  readonly latest: RatesByCode | ReadonlyMap<string, StoredRate>;
  readonly suspects?: SuspectsByCode | ReadonlyMap<string, SuspectRate>;
}

export type RateEventKind =
  | "first_seen" // a currency with no previous rate
  | "accepted" // a new value or date became latest
  | "suspect_held" // moved too far; held back
  | "suspect_confirmed" // a held value was seen again and is now latest
  | "suspect_dropped" // a later fetch went back to normal; the held value is forgotten
  | "older_ignored" // the fetched rate is dated before the latest one
  | "invalid_ignored"; // zero, negative or not finite (the parsers never emit these; belt and braces)

/** Something worth one structured log line. */
export interface RateEvent {
  readonly kind: RateEventKind;
  readonly code: string;
  readonly date: IsoDate;
  readonly rate: number;
  readonly previousRate?: number;
  /** Relative move against the previous good rate, e.g. 0.25. */
  readonly move?: number;
  readonly message: string;
}

export interface AcceptResult {
  /** Every latest rate after this fetch, including currencies the fetch did not mention. */
  readonly latest: Record<string, StoredRate>;
  /** Only the latest rates that changed: what to write. */
  readonly changed: StoredRate[];
  /** Every suspect still held after this fetch (replaces the stored set). */
  readonly suspects: Record<string, SuspectRate>;
  readonly events: RateEvent[];
}

export function acceptRates(state: RateState, fetched: readonly NbkRate[], opts: AcceptOptions): AcceptResult {
  const latest = toRecord(state.latest);
  const suspects = toRecord(state.suspects ?? {});
  const tolerance = opts.confirmTolerance ?? 0.001;
  const changed: StoredRate[] = [];
  const events: RateEvent[] = [];
  const stored = (r: NbkRate): StoredRate => (opts.source ? { ...r, source: opts.source } : { ...r });
  const accept = (r: NbkRate) => {
    const s = stored(r);
    latest[r.code] = s;
    changed.push(s);
  };

  for (const r of fetched) {
    const base = { code: r.code, date: r.date, rate: r.rate };
    const prev = latest[r.code];
    const suspect = suspects[r.code];
    if (!Number.isFinite(r.rate) || r.rate <= 0) {
      events.push({ ...base, kind: "invalid_ignored", message: `${r.code} rate ${r.rate} is not a positive number; kept the previous rate` });
      continue;
    }
    if (prev === undefined) {
      accept(r);
      events.push({ ...base, kind: "first_seen", message: `${r.code} first seen at ${r.rate} on ${r.date}` });
      continue;
    }
    if (r.date < prev.date) {
      events.push({ ...base, kind: "older_ignored", previousRate: prev.rate, message: `${r.code} rate for ${r.date} is older than the latest (${prev.date}); ignored` });
      continue;
    }
    const move = (r.rate - prev.rate) / prev.rate;
    const withPrev = { ...base, previousRate: prev.rate, move };
    if (suspect && Math.abs(r.rate - suspect.rate.rate) / suspect.rate.rate <= tolerance) {
      delete suspects[r.code];
      accept(r);
      events.push({ ...withPrev, kind: "suspect_confirmed", message: `${r.code} ${pct(move)} move to ${r.rate} confirmed by a second fetch; now latest` });
      continue;
    }
    if (Math.abs(move) > opts.maxDailyMove) {
      const reason = `${r.code} moved ${pct(move)} from ${prev.rate} (${prev.date}) to ${r.rate} (${r.date}), more than the ${pct(opts.maxDailyMove, false)} allowed without confirmation; held until the next fetch shows it again`;
      suspects[r.code] = { rate: r, previous: prev, move, reason };
      events.push({ ...withPrev, kind: "suspect_held", message: reason });
      continue;
    }
    if (suspect) {
      delete suspects[r.code];
      events.push({ ...withPrev, kind: "suspect_dropped", message: `${r.code} held value ${suspect.rate.rate} was not seen again (now ${r.rate}); dropped` });
    }
    if (r.date !== prev.date || r.rate !== prev.rate || r.change !== prev.change) {
      accept(r);
      events.push({ ...withPrev, kind: "accepted", message: `${r.code} ${prev.rate} -> ${r.rate} on ${r.date}` });
    }
  }
  return { latest, changed, suspects, events };
}

function toRecord<T>(source: Readonly<Record<string, T>> | ReadonlyMap<string, T>): Record<string, T> {
  return source instanceof Map ? Object.fromEntries(source) : { ...(source as Record<string, T>) };
}

function pct(x: number, signed = true): string {
  const s = `${(Math.abs(x) * 100).toFixed(1)}%`;
  return signed ? `${x < 0 ? "-" : "+"}${s}` : s;
}
