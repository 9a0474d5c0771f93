/** What GET /fx/latest serves, built from stored latest rates and suspects. */
import { ValidationError } from "../core/errors.js";
// The modules themselves, not core/fx/index.js: the API reads stored rates and never parses NBK XML (fast-xml-parser).
import { crossRate, pairRate } from "../core/fx/cross-rate.js";
import { isStale } from "../core/fx/is-stale.js";
import { parsePair, type Pair } from "../core/fx/parse-pair.js";
import type { Direction, StoredRate, SuspectRate } from "../core/fx/types.js";

export const DEFAULT_SYMBOLS = ["USD", "EUR", "RUB", "CNY"] as const;
const MAX_SYMBOLS = 60;

export interface FxRateView {
  readonly pair: string;
  readonly rate: number;
  readonly change: number | null;
  readonly direction: Direction;
  readonly date: string;
  readonly source: string;
}

export interface FxSuspectView {
  readonly pair: string;
  readonly rate: number;
  readonly date: string;
  readonly previousRate: number;
  readonly move: number;
  readonly reason: string;
}

export interface FxLatestView {
  readonly base: "KZT";
  readonly asOf: string | null;
  readonly stale: boolean;
  readonly rates: FxRateView[];
  readonly suspects: FxSuspectView[];
}

/**
 * Reads ?symbols=: codes ("USD" = USD/KZT), pairs ("USD-RUB"), "all" (every NBK currency against KZT).
 * `known` holds the codes with a stored rate; when nothing is stored yet every well-formed code passes
 * and simply has no rate.
 */
export function parseSymbols(text: string | undefined, known: ReadonlySet<string>): Pair[] {
  const tokens = (text ?? DEFAULT_SYMBOLS.join(",")).split(",").map((t) => t.trim()).filter((t) => t !== "");
  if (tokens.length === 0) throw new ValidationError("symbols", 'symbols is empty; write e.g. "USD,EUR", "USD-RUB" or "all"');
  if (tokens.length > MAX_SYMBOLS) throw new ValidationError("symbols", `at most ${MAX_SYMBOLS} symbols per request, got ${tokens.length}`);
  const pairs = new Map<string, Pair>();
  for (const t of tokens) {
    if (t.toLowerCase() === "all") {
      for (const code of [...known].sort()) pairs.set(`${code}/KZT`, { base: code, quote: "KZT", pair: `${code}/KZT` });
      continue;
    }
    const p = parsePair(t, "symbols");
    if (text !== undefined && known.size > 0) {
      for (const code of [p.base, p.quote]) {
        if (code !== "KZT" && !known.has(code)) {
          throw new ValidationError("symbols", `unknown currency "${code}"; the National Bank publishes ${[...known].sort().join(", ")}`);
        }
      }
    }
    pairs.set(p.pair, p);
  }
  return [...pairs.values()];
}

function crossChange(b: StoredRate | undefined, q: StoredRate | undefined, now: number): number | null {
  const prev = (r: StoredRate | undefined) => (r === undefined ? 1 : r.change === null ? undefined : r.rate - r.change);
  const pb = prev(b);
  const pq = prev(q);
  if (pb === undefined || pq === undefined || !(pb > 0) || !(pq > 0)) return null;
  return Number((now - crossRate(pb, pq)).toPrecision(6));
}

function rateView(p: Pair, latest: Readonly<Record<string, StoredRate>>): FxRateView | undefined {
  const b = p.base === "KZT" ? undefined : latest[p.base];
  const q = p.quote === "KZT" ? undefined : latest[p.quote];
  const quote = pairRate(latest, p.base, p.quote);
  if (!quote || !(quote.rate > 0)) return undefined;
  if (b && q === undefined) {
    return { pair: p.pair, rate: b.rate, change: b.change, direction: b.direction, date: b.date, source: b.source ?? "nbk-rates" };
  }
  const change = crossChange(b, q, quote.rate);
  const direction: Direction = change === null || change === 0 ? "flat" : change > 0 ? "up" : "down";
  return { pair: p.pair, rate: quote.rate, change, direction, date: quote.date, source: b?.source ?? q?.source ?? "nbk-rates" };
}

/** Builds the response; a pair with no good rate is left out, never served as 0. */
export function latestView(
  pairs: readonly Pair[],
  latest: Readonly<Record<string, StoredRate>>,
  suspects: Readonly<Record<string, SuspectRate>>,
  now: Date,
  lastFetchOk: boolean | undefined,
): FxLatestView {
  const rates = pairs.map((p) => rateView(p, latest)).filter((r): r is FxRateView => r !== undefined && r.rate > 0);
  const asOf = rates.reduce<string | null>((max, r) => (max === null || r.date > max ? r.date : max), null);
  const codes = new Set(pairs.flatMap((p) => [p.base, p.quote]));
  const held = Object.entries(suspects)
    .filter(([code]) => codes.has(code))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([code, s]) => ({ pair: `${code}/KZT`, rate: s.rate.rate, date: s.rate.date, previousRate: s.previous.rate, move: s.move, reason: s.reason }));
  return {
    base: "KZT",
    asOf,
    stale: isStale(asOf ?? undefined, now, lastFetchOk === undefined ? {} : { lastFetchOk }),
    rates,
    suspects: held,
  };
}
