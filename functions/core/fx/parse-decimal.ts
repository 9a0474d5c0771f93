/** Number parsing for NBK values: strict, so "0.0", "", "n/a" and "1.2.3" never become a rate by accident. */

export type Parsed = { ok: true; value: number } | { ok: false; reason: string };

const PLAIN = /^[+-]?\d+(\.\d+)?$/;

/**
 * Parses "519.56", "519,56" (decimal comma) or "1 690.12" (space as thousands separator).
 * A string with both "," and "." is refused: "1,234.5" and "1.234,5" are ambiguous.
 */
export function parseDecimal(raw: string | undefined): Parsed {
  if (raw === undefined) return { ok: false, reason: "missing" };
  const text = raw.replace(/[\s\u00a0\u202f]/g, "");
  if (text === "") return { ok: false, reason: "empty" };
  if (text.includes(",") && text.includes(".")) return { ok: false, reason: `"${raw}" is ambiguous (both comma and dot)` };
  const normal = text.replace(",", ".");
  if (!PLAIN.test(normal)) return { ok: false, reason: `"${raw}" is not a number` };
  return { ok: true, value: Number(normal) };
}

/**
 * Division that prints the way a person expects: 4.10 / 100 is 0.041, not 0.040999999999999995.
 * Twelve significant digits is far more than the NBK publishes and hides binary noise.
 */
export function divide(value: number, by: number): number {
  return Number((value / by).toPrecision(12));
}
