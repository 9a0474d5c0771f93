/** Reads a currency pair as users and URLs write it: "USD-RUB", "USD/KZT", "usd-kzt", "USDRUB", or "USD" (= USD/KZT). */
import { ValidationError } from "../errors.js";

export interface Pair {
  readonly base: string;
  readonly quote: string;
  /** Canonical "BASE/QUOTE", as served in responses. */
  readonly pair: string;
}

const CODE = /^[A-Z]{3}$/;

/** `field` names the parameter in the ValidationError ("pair", "symbols", "condition"). */
export function parsePair(text: string, field = "pair"): Pair {
  const t = text.trim().toUpperCase();
  let parts: string[];
  if (/^[A-Z]{6}$/.test(t)) parts = [t.slice(0, 3), t.slice(3)];
  else if (CODE.test(t)) parts = [t, "KZT"];
  else parts = t.split(/\s*[-/:]\s*/);
  const [base, quote] = parts;
  if (parts.length !== 2 || !base || !quote || !CODE.test(base) || !CODE.test(quote)) {
    throw new ValidationError(field, `"${text}" is not a currency pair; write it like USD-KZT, USD/RUB or USD`);
  }
  if (base === quote) throw new ValidationError(field, `"${text}" pairs ${base} with itself`);
  return { base, quote, pair: `${base}/${quote}` };
}
