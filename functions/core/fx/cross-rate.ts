/** Cross rates through KZT: every NBK rate is KZT per unit, so A/B = (KZT per A) / (KZT per B). */
import { DabylError } from "../errors.js";
import type { LatestRates } from "./types.js";

/** Significant digits kept in a cross rate: more than any NBK quote has, fewer than float noise. */
export const CROSS_DIGITS = 6;

/** base/quote rounded to 6 significant digits; a quote of exactly 1 (KZT) returns base unchanged. */
export function crossRate(baseKzt: number, quoteKzt: number): number {
  if (!(baseKzt > 0) || !(quoteKzt > 0) || !Number.isFinite(baseKzt) || !Number.isFinite(quoteKzt)) {
    throw new DabylError("invalid_rate", `cannot cross ${baseKzt} with ${quoteKzt}: rates must be positive numbers`);
  }
  if (quoteKzt === 1) return baseKzt;
  return Number((baseKzt / quoteKzt).toPrecision(CROSS_DIGITS));
}

export interface PairQuote {
  readonly rate: number;
  /** The older of the two dates: a cross is only as fresh as its stalest leg. */
  readonly date: string;
}

/** The rate of base/quote from latest KZT rates (KZT itself is 1), or undefined if a leg is missing. */
export function pairRate(latest: LatestRates, base: string, quote: string): PairQuote | undefined {
  const b = base === "KZT" ? undefined : latest[base];
  const q = quote === "KZT" ? undefined : latest[quote];
  if ((base !== "KZT" && !b) || (quote !== "KZT" && !q)) return undefined;
  const dates = [b?.date, q?.date].filter((d): d is string => d !== undefined).sort();
  return { rate: crossRate(b?.rate ?? 1, q?.rate ?? 1), date: dates[0] ?? "" };
}
